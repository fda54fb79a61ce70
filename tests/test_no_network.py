"""noticelint opens no network connection: ``check`` and ``render`` work with every socket blocked.

Blocked in-process with monkeypatch, and in a real process (and any worker it starts) through a
``sitecustomize`` module on PYTHONPATH that replaces the socket functions before noticelint is imported.
Each blocked call is also written to a log, so that a connection attempt is seen even where noticelint
would catch the error and carry on.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticelint import cli
from tests.clirun import invoke

REPO = Path(__file__).resolve().parents[1]
CLINIC = "policy/solor-dyreklinikk.yaml"
EXAMPLE = "policy/eksempel-dyreklinikk.yaml"


def render_available() -> bool:
    return importlib.util.find_spec("noticelint.render") is not None and "render" in cli.COMMANDS


class NetworkBlocked(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every way out through the socket module raises; the attempts are listed."""
    attempts: list[str] = []

    def refuse(name: str) -> object:
        def blocked(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise NetworkBlocked(f"network access blocked in this test: {name}")

        return blocked

    for method in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, method, refuse(f"socket.{method}"))
    for function in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, function, refuse(function))
    yield attempts


def run_cli(*args: str) -> tuple[int, str, str]:
    result = invoke(*args)
    return result.code, result.out, result.err


def test_the_block_works(no_network: list[str]) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.com", 443), timeout=1)
    with pytest.raises(NetworkBlocked), socket.socket() as sock:
        sock.connect(("192.0.2.1", 80))
    assert len(no_network) == 2


def test_check_without_network_in_process(
    no_network: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for fmt in ("text", "json", "sarif", "github", "gitlab", "junit"):
        code, out, err = run_cli("check", "--format", fmt, "--cache-dir", str(tmp_path / "cache"), "policy")
        assert code == 1, out + err  # the clinic's statement has findings
        assert "Traceback" not in out + err
        assert "solor-dyreklinikk.yaml" in out
    # A second run answers from the cache: that path must not reach out either.
    code, out, err = run_cli("check", "--cache-dir", str(tmp_path / "cache"), "policy")
    assert code == 1 and "Traceback" not in out + err
    assert no_network == []


def test_rules_explain_and_schema_without_network(no_network: list[str]) -> None:
    for args in (("rules",), ("rules", "--format", "json"), ("explain", "CTL003"), ("schema",)):
        code, out, err = run_cli(*args)
        assert code == 0, err
        assert out
    assert no_network == []


@pytest.mark.skipif(not render_available(), reason="noticelint render does not exist yet")
def test_render_without_network_in_process(
    no_network: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    out_dir = tmp_path / "site"
    for fmt in ("html", "md"):
        code, out, err = run_cli(
            "render", "--lang", "all", "--format", fmt, "--output", f"{out_dir}/", EXAMPLE
        )
        assert code == 0, out + err
    code, out, err = run_cli("render", "--draft", "--output", f"{out_dir}/", CLINIC)
    assert code == 0, out + err
    assert "Traceback" not in out + err
    assert sorted(p.suffix for p in out_dir.iterdir()) == [".html", ".html", ".html", ".md", ".md"]
    assert no_network == []


# --- in a real process ----------------------------------------------------------------------------------

SITECUSTOMIZE = textwrap.dedent(
    """
    # Installed by tests/test_no_network.py: every socket call that could leave the machine raises,
    # and is written to the log file named by NOTICELINT_TEST_NETLOG.
    import os
    import socket

    _LOG = os.environ["NOTICELINT_TEST_NETLOG"]
    open(os.environ["NOTICELINT_TEST_NETMARK"], "a").close()


    def _refuse(name):
        def blocked(*args, **kwargs):
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()} {name} {args!r}\\n")
            raise OSError(f"network access blocked by the test: {name}")

        return blocked


    for _method in ("connect", "connect_ex", "sendto", "sendmsg"):
        setattr(socket.socket, _method, _refuse("socket." + _method))
    for _function in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        setattr(socket, _function, _refuse(_function))
    """
)


@pytest.fixture
def blocked_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH", "")) if p)
    return {
        **os.environ,
        "PYTHONPATH": path,
        "NOTICELINT_TEST_NETLOG": str(tmp_path / "network.log"),
        "NOTICELINT_TEST_NETMARK": str(tmp_path / "sitecustomize-ran"),
        "GITHUB_ACTIONS": "",
    }


def python(env: dict[str, str], *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def attempts(env: dict[str, str]) -> str:
    log = Path(env["NOTICELINT_TEST_NETLOG"])
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_the_block_works_in_a_process(blocked_env: dict[str, str]) -> None:
    result = python(
        blocked_env, "-c", "import socket; socket.create_connection(('example.com', 443), timeout=1)"
    )
    assert result.returncode != 0
    assert "network access blocked by the test: create_connection" in result.stderr
    assert Path(blocked_env["NOTICELINT_TEST_NETMARK"]).exists()
    assert "create_connection" in attempts(blocked_env)


def test_check_without_network_in_a_process(blocked_env: dict[str, str], tmp_path: Path) -> None:
    result = python(blocked_env, "-m", "noticelint", "check", "--no-cache", "policy/")
    assert Path(blocked_env["NOTICELINT_TEST_NETMARK"]).exists(), "sitecustomize was not loaded"
    assert result.returncode == 1, result.stdout + result.stderr  # the clinic has findings
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    assert "policy/solor-dyreklinikk.yaml:" in result.stdout
    assert attempts(blocked_env) == ""


def test_check_with_worker_processes_without_network(blocked_env: dict[str, str], tmp_path: Path) -> None:
    """Enough files that the runner starts worker processes: they inherit the block and use no network."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        (folder / f"s{number:02d}.yaml").write_bytes((REPO / CLINIC).read_bytes())
    (tmp_path / "pyproject.toml").write_text("[tool.noticelint]\n", encoding="utf-8")
    result = python(
        blocked_env, "-m", "noticelint", "check", "--no-cache", "--jobs", "2", "many", cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("in 30 files")
    assert attempts(blocked_env) == ""


@pytest.mark.skipif(not render_available(), reason="noticelint render does not exist yet")
def test_render_without_network_in_a_process(blocked_env: dict[str, str], tmp_path: Path) -> None:
    out_dir = tmp_path / "site-out"
    result = python(
        blocked_env, "-m", "noticelint", "render", "--lang", "all", "--output", f"{out_dir}/", EXAMPLE
    )
    assert result.returncode == 0, result.stderr
    result = python(blocked_env, "-m", "noticelint", "render", "--draft", "--output", f"{out_dir}/", CLINIC)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert len(list(out_dir.iterdir())) == 3
    assert attempts(blocked_env) == ""
