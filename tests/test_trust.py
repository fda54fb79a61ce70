"""Trust and integrity (issue 17): the cache can never change a verdict, configuration and code come only
from the repository being checked, memory does not grow with the findings, and an interrupted run
leaves nothing behind that a later run believes or keeps.

Each test meets the problem as a user would: a committed forged cache, a parent folder's configuration
with a rules directory, a symlinked cache folder, a kill -9 during render.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import json
import os
import select
import signal
import stat
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticelint.input.span import Span
from noticelint.lint.cache import key_path
from noticelint.lint.findings import Finding, Severity
from noticelint.reporters import FORMATS, writer
from noticelint.reporters.report import Stream
from tests.clirun import Run, cli

REPO = Path(__file__).resolve().parents[1]
CLINIC = (REPO / "policy" / "solor-dyreklinikk.yaml").read_text(encoding="utf-8")


def _clinic_errors() -> str:
    """How the full verdict on the clinic's statement begins ("13 errors"), from a check without any cache:
    what every run below must still say, whatever the cache or the configuration holds."""
    from noticelint.lint.config import Config
    from noticelint.lint.engine import Source
    from noticelint.lint.setup import Selection, build_linter

    findings = build_linter(Config(), Selection()).check(Source.text(CLINIC, "clinic.yaml")).findings
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    assert errors > 0
    return f"{errors} errors"


CLINIC_ERRORS = _clinic_errors()
EXAMPLE = REPO / "policy" / "eksempel-dyreklinikk.yaml"
MINIMAL = (
    "schema_version: 1\n"
    "statement: {id: s, languages: [nb], default_language: nb}\n"
    "controller: {id: c, legal_name: Eksempel AS, contact: {email: post@example.no}}\n"
)
MAGIC = b"noticelint-cache-2 "

# A custom rule that leaves a mark when it is imported: the tests see whether noticelint ran it.
MARKING_RULE = '''\
"""Leaves a mark in the file named by NOTICELINT_TEST_MARK when imported."""

import os

from noticelint.api import CheckContext, Hit, rule

with open(os.environ["NOTICELINT_TEST_MARK"], "a", encoding="utf-8") as mark:
    mark.write("imported\\n")


@rule(code="MRK001", name="marks", severity="info", legal=[], fix="Nothing.")
def marks(ctx: CheckContext) -> list[Hit]:
    """Never fires."""
    return []
'''


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (it has .git) holding the clinic's statement, as the working directory."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "policy").mkdir()
    (root / "policy" / "clinic.yaml").write_text(CLINIC, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NOTICELINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("NOTICELINT_TEST_MARK", str(tmp_path / "mark.log"))
    return root


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "v2").rglob("*") if p.is_file() and not p.name.startswith("."))


def sign(secret: bytes, name: str, body: bytes) -> bytes:
    """An entry as the format defines it: magic, HMAC-SHA256 of name NUL body under the key, body."""
    mac = hmac.new(secret, name.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()
    return MAGIC + mac + b"\n" + body


def own_key() -> bytes:
    return key_path().read_bytes().strip()


def one_error_line(run: Run) -> str:
    assert run.code == 2, run
    assert run.out == ""
    lines = run.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("noticelint: error: "), run.err
    return lines[0]


# --- 1 and 2: a cache entry never changes the verdict ---------------------------------------------------


def test_the_clinic_has_errors(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--no-cache", "policy")
    assert run.code == 1 and run.summary.startswith(CLINIC_ERRORS)


def test_a_committed_forged_cache_does_not_pass_the_gate(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attacker runs noticelint on their machine, replaces every entry by ``[]`` signed with their
    own key, and commits .noticelint_cache/. The victim's run (another key) believes none of it."""
    honest = cli(capsys, "check", "--no-cache", "policy")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "attacker-home"))
    cli(capsys, "check", "policy")
    attacker = own_key()
    forged = entries(repo / ".noticelint_cache")
    assert forged
    for entry in forged:
        entry.write_bytes(sign(attacker, entry.name, b"[]"))
    assert cli(capsys, "check", "policy").summary.startswith("no problems")  # the attacker's own view

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "victim-home"))
    assert cli(capsys, "check", "policy") == honest
    # A CI cache restored from an untrusted branch: the same, with the secret of the CI job.
    monkeypatch.setenv("NOTICELINT_CACHE_KEY", "a-ci-secret-that-the-branch-does-not-know")
    for entry in forged:
        entry.write_bytes(sign(attacker, entry.name, b"[]"))
    assert cli(capsys, "check", "policy") == honest


def test_an_unsigned_entry_in_the_old_format_is_a_miss(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    honest = cli(capsys, "check", "policy")
    for entry in entries(repo / ".noticelint_cache"):
        entry.write_text("[]", encoding="utf-8")
    assert cli(capsys, "check", "policy") == honest


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 200_000 + b"]" * 200_000,  # ended in a RecursionError traceback
        json.dumps([{"message": 42}]).encode(),  # ended in an AttributeError in safe_text
        b'[{"path": 1}]',
        b"{}",
        b"\xff\xfe not utf-8",
    ],
    ids=["deep-nesting", "number-message", "wrong-type", "not-a-list", "bad-bytes"],
)
def test_a_signed_entry_of_the_wrong_shape_is_a_miss_not_a_crash(
    repo: Path, capsys: pytest.CaptureFixture[str], body: bytes
) -> None:
    """Even with this user's key (a bug, a disk error), an entry must hold findings of the right types."""
    honest = cli(capsys, "check", "policy")
    for entry in entries(repo / ".noticelint_cache"):
        entry.write_bytes(sign(own_key(), entry.name, body))
    assert cli(capsys, "check", "policy") == honest


def test_a_signed_entry_with_a_wrong_field_type_is_a_miss(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    honest = cli(capsys, "check", "policy")
    for entry in entries(repo / ".noticelint_cache"):
        findings = json.loads(entry.read_bytes().split(b"\n", 1)[1])
        findings[0]["message"] = 42
        entry.write_bytes(sign(own_key(), entry.name, json.dumps(findings).encode()))
    assert cli(capsys, "check", "policy") == honest


def test_an_entry_moved_to_another_file_is_a_miss(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "policy" / "minimal.yaml").write_text(MINIMAL, encoding="utf-8")
    honest = cli(capsys, "check", "policy")
    first, second = entries(repo / ".noticelint_cache")
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    assert cli(capsys, "check", "policy") == honest


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_an_entry_owned_by_another_user_is_not_believed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    honest = cli(capsys, "check", "policy")
    for entry in entries(repo / ".noticelint_cache"):
        entry.write_bytes(sign(own_key(), entry.name, b"[]"))  # would say "no problems" if believed
        os.chown(entry, 12345, 12345)
    assert cli(capsys, "check", "policy") == honest


def test_the_key_is_outside_the_repository_and_private(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "check", "policy")
    key = key_path()
    assert not key.resolve().is_relative_to(repo.resolve())
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(own_key()) >= 32


def test_a_key_others_can_read_turns_the_cache_off_with_a_warning(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home"))
    honest = cli(capsys, "check", "--no-cache", "policy")
    cli(capsys, "check", "policy")
    key_path().chmod(0o644)
    for entry in entries(repo / ".noticelint_cache"):
        entry.write_bytes(sign(own_key(), entry.name, b"[]"))
    run = cli(capsys, "check", "policy")
    assert (run.code, run.out) == (honest.code, honest.out)
    assert run.err.startswith("noticelint: warning: the cache is off") and "chmod 600" in run.err


def test_a_short_cache_key_in_the_environment_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOTICELINT_CACHE_KEY", "secret")
    assert "NOTICELINT_CACHE_KEY" in one_error_line(cli(capsys, "check", "policy"))


def test_a_full_disk_leaves_no_half_entry(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import noticelint.lint.cache

    real_write = os.write

    def full(fd: int, data: bytes | memoryview) -> int:
        if len(data) > 100:  # the entry: its first part goes, then the disk is full
            real_write(fd, bytes(data[:100]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(noticelint.lint.cache.os, "write", full)
    run = cli(capsys, "check", "policy")
    monkeypatch.setattr(noticelint.lint.cache.os, "write", real_write)
    assert run.code == 1 and run.summary.startswith(CLINIC_ERRORS)
    left = [p for p in (repo / ".noticelint_cache").rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert left == []


# --- 3: a symlinked cache folder ------------------------------------------------------------------------


def test_a_committed_symlink_as_the_cache_folder_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".noticelint_cache").symlink_to("../elsewhere")
    line = one_error_line(cli(capsys, "check", "policy"))
    assert ".noticelint_cache is a symbolic link" in line and "--cache-dir" in line
    assert list(elsewhere.iterdir()) == []
    # Given explicitly, it is the user's choice.
    run = cli(capsys, "check", "--cache-dir", ".noticelint_cache", "policy")
    assert run.code == 1, run
    assert entries(elsewhere), (run, sorted(elsewhere.rglob("*")))


def test_a_symlink_inside_the_cache_folder_is_not_followed(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cache = repo / ".noticelint_cache"
    (cache / "v2").mkdir(parents=True)
    (cache / ".gitignore").symlink_to(elsewhere / "gitignore")
    for shard in range(256):  # every folder an entry can go to
        (cache / "v2" / f"{shard:02x}").symlink_to(elsewhere)
    run = cli(capsys, "check", "policy")
    assert run.code == 1 and run.summary.startswith(CLINIC_ERRORS)
    assert list(elsewhere.iterdir()) == []

    for shard in (cache / "v2").iterdir():
        shard.unlink()
    (cache / "v2").rmdir()
    (cache / "v2").symlink_to(elsewhere)
    assert "v2 is a symbolic link" in one_error_line(cli(capsys, "check", "policy"))
    assert list(elsewhere.iterdir()) == []


# --- 4: configuration and code only from the repository being checked -----------------------------------


def rules_dir(folder: Path) -> Path:
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    (folder / "rules" / "marking.py").write_text(MARKING_RULE, encoding="utf-8")
    return folder / "rules"


def marked(tmp_path: Path) -> bool:
    return (tmp_path / "mark.log").exists()


COMMANDS = [
    ("check", "--no-cache", "policy"),
    ("rules",),
    ("explain", "CTL002"),
    ("render", "policy/clinic.yaml", "--draft", "-o", "out/"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_parent_folders_configuration_is_not_read(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    """A writable /tmp or a shared CI workspace above the checkout holds a pyproject.toml with rules."""
    rules_dir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.noticelint]\nrules-dirs = ["rules"]\n', encoding="utf-8")
    run = cli(capsys, *command)
    assert run.code in (0, 1), run
    assert not marked(tmp_path)


def test_outside_a_repository_only_the_working_directory_is_searched(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / ".git").rmdir()
    rules_dir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.noticelint]\nrules-dirs = ["rules"]\n', encoding="utf-8")
    assert cli(capsys, "check", "--no-cache", "policy").code == 1
    assert not marked(tmp_path)


def test_the_search_stops_at_the_first_pyproject(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "pyproject.toml").write_text('[tool.noticelint]\nselect = ["CTL001"]\n', encoding="utf-8")
    (repo / "policy" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(repo / "policy")
    assert cli(capsys, "check", "--no-cache", "clinic.yaml").summary.startswith(CLINIC_ERRORS)
    monkeypatch.chdir(repo)
    assert cli(capsys, "check", "--no-cache", "policy").code == 0  # the root's select applies here


def test_the_repositorys_own_configuration_and_rules_are_used(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rules_dir(repo)
    (repo / "noticelint.toml").write_text('rules-dirs = ["rules"]\n', encoding="utf-8")
    monkeypatch.chdir(repo / "policy")
    assert "MRK001" in cli(capsys, "rules").out
    assert marked(tmp_path)


@pytest.mark.parametrize("entry", ["../outside", "/tmp", "link"])
def test_rules_dirs_outside_the_configurations_folder_are_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: str
) -> None:
    rules_dir(tmp_path / "outside")
    (repo / "link").symlink_to(tmp_path / "outside" / "rules")
    (repo / "pyproject.toml").write_text(f'[tool.noticelint]\nrules-dirs = ["{entry}"]\n', encoding="utf-8")
    line = one_error_line(cli(capsys, "check", "policy"))
    assert f"'rules-dirs' entry '{entry}' lies outside" in line
    assert not marked(tmp_path)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_isolated_ignores_every_configuration_file(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    rules_dir(repo)
    (repo / "pyproject.toml").write_text(
        '[tool.noticelint]\nrules-dirs = ["rules"]\nselect = ["CTL001"]\n', encoding="utf-8"
    )
    run = cli(capsys, *command, "--isolated")
    assert run.code in (0, 1), run
    assert not marked(tmp_path)
    if command[0] == "check":
        assert run.summary.startswith(CLINIC_ERRORS)  # the configured select did not apply
    line = one_error_line(cli(capsys, *command, "--isolated", "--config", "pyproject.toml"))
    assert "--isolated" in line and "--config" in line


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("how", ["option", "environment"])
def test_custom_rules_can_be_refused(
    repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    how: str,
) -> None:
    rules_dir(repo)
    (repo / "pyproject.toml").write_text('[tool.noticelint]\nrules-dirs = ["rules"]\n', encoding="utf-8")
    if how == "environment":
        monkeypatch.setenv("NOTICELINT_NO_CUSTOM_RULES", "1")
        line = one_error_line(cli(capsys, *command))
        assert "NOTICELINT_NO_CUSTOM_RULES=1" in line
    else:
        line = one_error_line(cli(capsys, *command, "--no-custom-rules"))
        assert "--no-custom-rules" in line
    assert "custom rules are refused" in line and "rules" in line
    assert not marked(tmp_path)


def test_no_custom_rules_lets_a_configuration_without_them_through(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "pyproject.toml").write_text('[tool.noticelint]\nselect = ["CTL001"]\n', encoding="utf-8")
    monkeypatch.setenv("NOTICELINT_NO_CUSTOM_RULES", "1")
    assert cli(capsys, "check", "policy").code == 0
    monkeypatch.setenv("NOTICELINT_NO_CUSTOM_RULES", "perhaps")
    assert "NOTICELINT_NO_CUSTOM_RULES" in one_error_line(cli(capsys, "check", "policy"))


# --- 5: the cache key covers every file under a rules directory -----------------------------------------

WORD_RULE = '''\
"""Reports the word in data/word.txt and the one lib/word.py gives."""

import importlib.util
from pathlib import Path

from noticelint.api import CheckContext, Hit, rule

HERE = Path(__file__).parent


@rule(code="WRD001", name="word", severity="warning", legal=[], fix="Nothing.")
def word(ctx: CheckContext) -> list[Hit]:
    """Reports the words."""
    spec = importlib.util.spec_from_file_location("wordlib", HERE / "lib" / "word.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = (HERE / "data" / "word.txt").read_text(encoding="utf-8").strip()
    return [Hit("/controller", f"data {data}, lib {module.WORD}")]
'''


@pytest.mark.parametrize("changed", ["data/word.txt", "lib/word.py"])
def test_a_change_to_any_file_of_a_rules_directory_is_seen(
    repo: Path, capsys: pytest.CaptureFixture[str], changed: str
) -> None:
    rules = repo / "rules"
    (rules / "data").mkdir(parents=True)
    (rules / "lib").mkdir()
    (rules / "word_rule.py").write_text(WORD_RULE, encoding="utf-8")
    (rules / "data" / "word.txt").write_text("alpha\n", encoding="utf-8")
    (rules / "lib" / "word.py").write_text('WORD = "alpha"\n', encoding="utf-8")
    (repo / "pyproject.toml").write_text(
        '[tool.noticelint]\nrules-dirs = ["rules"]\nselect = ["WRD"]\n', encoding="utf-8"
    )
    assert "data alpha, lib alpha" in cli(capsys, "check", "policy").out
    assert "data alpha, lib alpha" in cli(capsys, "check", "policy").out  # from the cache
    text = (rules / changed).read_text(encoding="utf-8")
    (rules / changed).write_text(text.replace("alpha", "omega"), encoding="utf-8")
    out = cli(capsys, "check", "policy").out
    assert ("data omega" if changed.startswith("data") else "lib omega") in out


# --- 6: memory does not grow with the number of findings ------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_reporters_hold_no_finding_once_it_is_written(fmt: str, tmp_path: Path) -> None:
    """Each format lets go of a file's findings once it has written them (JSON, SARIF and JUnit to a
    spool): while file N+2 is produced, no finding of file N is alive."""
    alive: list[list[weakref.ref[Finding]]] = []
    files = tuple(f"f{i:03d}.yaml" for i in range(40))

    def batches() -> Iterator[list[Finding]]:
        for index, path in enumerate(files):
            if index >= 2:
                gc.collect()
                assert all(ref() is None for ref in alive[index - 2]), (
                    f"{fmt} keeps findings of {files[index - 2]}"
                )
            batch = [
                Finding(
                    path, Span(n + 1, 1, n + 1, 5), "CTL002", "contact", Severity(n % 3 + 1), f"message {n}"
                )
                for n in range(30)
            ]
            alive.append([weakref.ref(f) for f in batch])
            yield batch

    stream = Stream(files=files, batches=batches(), tool_version="t")
    with (tmp_path / "report").open("w", encoding="utf-8") as out:
        writer(fmt)(stream, out)
    assert stream.exit_code() == 1
    assert stream.tally.counts[Severity.ERROR] == 40 * 10
    text = (tmp_path / "report").read_text(encoding="utf-8")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(text)
    assert "f039.yaml" in text


def test_hits_and_misses_on_workers_come_out_in_order(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(60):
        (repo / "policy" / f"m{i:02d}.yaml").write_text(MINIMAL if i % 3 else CLINIC, encoding="utf-8")
    serial = cli(capsys, "check", "--no-cache", "--jobs", "1", "--format", "json", "policy")
    assert cli(capsys, "check", "--jobs", "2", "--format", "json", "policy") == serial
    for i in range(0, 60, 2):  # every other file a miss, checked on the workers between the hits
        (repo / "policy" / f"m{i:02d}.yaml").write_text(MINIMAL if i % 4 else CLINIC, encoding="utf-8")
    fresh = cli(capsys, "check", "--no-cache", "--jobs", "1", "--format", "json", "policy")
    assert fresh != serial
    assert cli(capsys, "check", "--jobs", "2", "--format", "json", "policy") == fresh
    assert cli(capsys, "check", "--jobs", "2", "--format", "json", "policy") == fresh


# --- 7: interrupted runs ---------------------------------------------------------------------------------

BLOCKING_RULE = '''\
"""Tells the test which worker it runs in, then waits on a pipe that the test never writes to."""

import os

from noticelint.api import CheckContext, Hit, rule


@rule(code="BLK001", name="blocks", severity="info", legal=[], fix="Nothing.")
def blocks(ctx: CheckContext) -> list[Hit]:
    """Blocks until the test lets it go."""
    with open(os.environ["NOTICELINT_TEST_READY"], "w", encoding="utf-8") as ready:
        ready.write(f"{os.getpid()}\\n")
    with open(os.environ["NOTICELINT_TEST_HOLD"], "rb") as hold:
        hold.read()
    return []
'''


def _gone(pid: int, seconds: float) -> bool:
    """Whether process ``pid`` ends within ``seconds`` (waits on a pidfd: no polling)."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([fd], [], [], seconds)
        return bool(readable)
    finally:
        os.close(fd)


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="needs Linux pidfds")
@pytest.mark.parametrize("command", ["render", "check"])
def test_kill_9_of_the_parent_ends_its_workers(tmp_path: Path, command: str) -> None:
    (tmp_path / ".git").mkdir()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "blocking.py").write_text(BLOCKING_RULE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.noticelint]\nrules-dirs = ["rules"]\n', encoding="utf-8")
    (tmp_path / "policy").mkdir()
    for i in range(30):  # enough to start worker processes
        text = MINIMAL.replace("id: s,", f"id: s{i},")
        (tmp_path / "policy" / f"s{i:02d}.yaml").write_text(text, encoding="utf-8")
    ready, hold = tmp_path / "ready", tmp_path / "hold"
    os.mkfifo(ready)
    os.mkfifo(hold)
    ready_fd = os.open(ready, os.O_RDWR | os.O_NONBLOCK)  # the rule can write without waiting for us
    hold_fd = os.open(hold, os.O_RDWR)  # a writer that never writes: the rule's read waits
    argv = [sys.executable, "-m", "noticelint", command, "--jobs", "2", "policy"]
    argv += ["-o", "out/"] if command == "render" else ["--no-cache"]
    env = {**os.environ, "NOTICELINT_TEST_READY": str(ready), "NOTICELINT_TEST_HOLD": str(hold)}
    process = subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: set[int] = set()
    try:
        buffer = b""
        while len(workers) < 2:
            readable, _, _ = select.select([ready_fd], [], [], 60)
            assert readable, "the workers did not start"
            buffer += os.read(ready_fd, 4096)
            workers = {int(line) for line in buffer.split()}
        assert process.pid not in workers
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert all(_gone(pid, 20) for pid in workers), "workers outlived their parent"
    finally:
        for pid in workers:  # the workers this test started, if the test failed
            if not _gone(pid, 0):
                os.kill(pid, signal.SIGKILL)
        os.close(ready_fd)
        os.close(hold_fd)
        process.kill()
        process.wait()
        if process.stderr:
            process.stderr.close()


def _kill_during_write(path: Path) -> None:
    """A writer killed halfway through the page, as SIGKILL during render leaves it."""
    code = (
        "import os, signal, sys\n"
        "from noticelint.atomic import open_atomic\n"
        "with open_atomic(sys.argv[1]) as handle:\n"
        "    handle.write('<html><body>half a page')\n"
        "    handle.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], check=False)
    assert result.returncode == -signal.SIGKILL


def test_a_killed_write_is_cleaned_up_by_the_next_run(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "policy" / "clinic.yaml").unlink()
    (repo / "policy" / "example.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli(capsys, "render", "policy/example.yaml", "-o", "out/").code == 0
    [page] = sorted((repo / "out").iterdir())
    before = page.read_bytes()
    _kill_during_write(page)
    [left] = [p for p in (repo / "out").iterdir() if p != page]
    assert left.name.startswith(f".{page.name}.") and left.name.endswith(".tmp")
    assert page.read_bytes() == before  # the page itself is whole

    stale = cli(capsys, "render", "policy/example.yaml", "-o", "out/", "--check")
    assert stale.code == 1 and left.name in stale.err and "interrupted write" in stale.err
    assert cli(capsys, "render", "policy/example.yaml", "-o", "out/").code == 0
    assert sorted((repo / "out").iterdir()) == [page]
    assert cli(capsys, "render", "policy/example.yaml", "-o", "out/", "--check").code == 0


def test_only_unheld_temporaries_of_the_target_are_removed(tmp_path: Path) -> None:
    from noticelint.atomic import open_atomic, remove_stale_temporaries

    target = tmp_path / "page.html"
    others = [tmp_path / ".page.html.notours.tmp", tmp_path / ".other.html.abcd1234.tmp", tmp_path / "x.tmp"]
    for other in others:
        other.write_text("keep", encoding="utf-8")
    with open_atomic(target) as handle:  # a live writer of the same target
        handle.write("new")
        assert remove_stale_temporaries(target) == []
    assert target.read_text(encoding="utf-8") == "new"
    assert all(other.exists() for other in others)


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    from noticelint.atomic import write_atomic

    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "half \udc80 a report")
    assert sorted(tmp_path.iterdir()) == [target]
    assert target.read_text(encoding="utf-8") == "old"


def test_a_report_over_a_symlink_does_not_take_the_targets_permissions(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.sh"
    secret.write_text("#!/bin/sh\n", encoding="utf-8")
    secret.chmod(0o700)
    (repo / "report.txt").symlink_to(secret)
    assert cli(capsys, "check", "policy", "--output", "report.txt").code == 1
    report = repo / "report.txt"
    assert not report.is_symlink() and CLINIC_ERRORS in report.read_text(encoding="utf-8")
    assert stat.S_IMODE(report.stat().st_mode) == 0o644
    assert (
        secret.read_text(encoding="utf-8") == "#!/bin/sh\n" and stat.S_IMODE(secret.stat().st_mode) == 0o700
    )
    report.chmod(0o640)  # a file replaced keeps its own permissions
    assert cli(capsys, "check", "policy", "--output", "report.txt").code == 1
    assert stat.S_IMODE(report.stat().st_mode) == 0o640


LONG = "Personopplysningsbehandlingsansvarligsorganisasjonsnummerregistreringsopplysninger" * 4


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="headless Chromium is not installed")
@pytest.mark.parametrize("width", [390, 1000])
def test_a_very_long_word_wraps_instead_of_scrolling_the_notice_sideways(tmp_path: Path, width: int) -> None:
    from noticelint.render import render_notice
    from tests.browser.cdp import Browser
    from tests.browser.pages import statement_from_text

    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("Eksempel Dyrehelse AS, organisasjonsnummer", f"{LONG} organisasjonsnummer")
    text = text.replace("legal_name: Google Ireland Limited", f"legal_name: {LONG}")  # in the tables
    assert text.count(LONG) == 2
    page = tmp_path / "notice.html"
    page.write_text(render_notice(statement_from_text(text), "nb"), encoding="utf-8")
    with Browser() as browser:
        browser.viewport(width, 800, mobile=width < 500, scale=2 if width < 500 else 1)
        browser.open(page)
        assert browser.evaluate(f"document.body.innerText.includes('{LONG[:60]}')")
        scroll = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll[0] <= scroll[1], f"the notice scrolls sideways: {scroll}"
        wide = browser.evaluate(
            "Array.from(document.querySelectorAll('.table-wrap, p, dd, td, th'))"
            ".filter(e => !e.closest('thead') && e.scrollWidth > e.clientWidth + 1).length"
        )
        assert wide == 0, "an element scrolls sideways inside the notice"  # (phones hide the table heads)
