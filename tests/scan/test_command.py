"""``noticelint scan`` as a user runs it: findings at the statement's lines, every reporter, waivers, the
render gate with saved evidence, and bad input as a located message with exit 2."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from noticelint.cli import main
from tests.clirun import cli, isolate
from tests.conftest import yaml_load
from tests.test_no_network import NetworkBlocked

HERE = Path(__file__).parent
REPO = HERE.parents[1]
EXAMPLE = REPO / "policy" / "eksempel-dyreklinikk.yaml"
BAKERI = HERE / "site-bakeri"
HAR = HERE / "har"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate(tmp_path, monkeypatch)
    shutil.copy(EXAMPLE, tmp_path / "policy.yaml")
    shutil.copytree(BAKERI, tmp_path / "public")
    return tmp_path


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == text)


def test_findings_stand_at_the_statement_lines_and_quote_the_site(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = cli(capsys, "scan", "--site", "public", "policy.yaml")
    assert run.code == 1, run.out + run.err
    by_code: dict[str, list[Any]] = {}
    for f in run.findings:
        by_code.setdefault(f.code, []).append(f)
    assert set(by_code) == {"SCN001", "SCN008"}
    parties = _line_of(work / "policy.yaml", "parties:")
    services = sorted(f.message.split(" — ")[0] for f in by_code["SCN001"])
    assert services == [
        "the site loads Font Awesome (fonts, from Fonticons)",
        "the site loads Meta Pixel (advertising, from Meta)",
    ]
    assert {f.line for f in by_code["SCN001"]} == {parties}
    assert "public/index.html:8: script https://kit.fontawesome.com/0a1b2c3d4e.js" in run.out
    # Meta's data go to the US according to the vendor table (which may know more services than that).
    transfers = [f for f in by_code["SCN008"] if "the site uses Meta Pixel" in f.message]
    assert [f.line for f in transfers] == [_line_of(work / "policy.yaml", "transfers:")]
    # Google Analytics and Google Fonts are Google Ireland's, which the statement declares.
    assert "Google Fonts" not in run.out and "Google Analytics —" not in run.out


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "gitlab", "junit"])
def test_every_reporter(work: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    run = cli(capsys, "scan", "--site", "public", "policy.yaml", "--format", fmt)
    assert run.code == 1
    if fmt == "json":
        found = json.loads(run.out)["findings"]
        assert {f["code"] for f in found} == {"SCN001", "SCN008"}
        assert {f["pointer"] for f in found} == {"/parties", "/transfers"}
    elif fmt == "sarif":
        results = json.loads(run.out)["runs"][0]["results"]
        assert {r["ruleId"] for r in results} == {"SCN001", "SCN008"}
    elif fmt == "gitlab":
        assert {i["check_name"] for i in json.loads(run.out)} == {"SCN001", "SCN008"}
    elif fmt == "junit":
        failures = ET.fromstring(run.out.encode("utf-8")).iter("failure")
        assert {f.get("type", "") for f in failures} == {"SCN001", "SCN008"}
    else:
        text = cli(capsys, "scan", "--site", "public", "policy.yaml")
        annotations = run.out.count("::error file=policy.yaml,line=") + run.out.count(
            "::warning file=policy.yaml,line="
        )
        assert annotations == len(text.findings) >= 3


def test_a_waiver_on_the_line_waives_the_finding(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = work / "policy.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "\ntransfers:\n", "\ntransfers:  # noticelint: ignore[SCN008] the pixel is removed in release 4.2\n"
    )
    path.write_text(text, encoding="utf-8")
    run = cli(capsys, "scan", "--site", "public", "policy.yaml")
    assert {f.code for f in run.findings} == {"SCN001"}
    assert re.search(r"\(\d+ waived\)$", run.summary), run.summary


def test_a_clean_site_exits_0(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "public" / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Lato">', "utf-8"
    )
    run = cli(capsys, "scan", "--site", "public", "policy.yaml")
    assert run.code == 0, run.out
    assert run.summary == "no problems in 1 file"


def test_saved_evidence_gates_the_render(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "scan", "--har", str(HAR / "before-consent.har"), "policy.yaml",
               "--save-evidence", "evidence.json").code == 1  # fmt: skip
    saved = json.loads((work / "evidence.json").read_text(encoding="utf-8"))
    assert saved["sources"] == ["har"] and saved["phases"] == ["before-consent"]
    assert cli(capsys, "render", "policy.yaml", "--output", "out/").code == 0
    refused = cli(capsys, "render", "policy.yaml", "--output", "gated/", "--evidence", "evidence.json")
    assert refused.code == 1
    assert "SCN004" in refused.err and "refused to render policy.yaml" in refused.err
    assert not (work / "gated").exists()
    # The saved evidence checks the same way as the HAR it came from.
    again = cli(capsys, "scan", "--evidence", "evidence.json", "policy.yaml")
    first = cli(capsys, "scan", "--har", str(HAR / "before-consent.har"), "policy.yaml")
    assert again.out == first.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--har", str(HAR / "not-json.har")], r"not-json\.har:1:1: not a HAR file: not JSON"),
        (["--har", str(HAR / "not-har.har")], r"not-har\.har: log\.entries: not a HAR file"),
        (["--har", "missing.har"], r"missing\.har: cannot be read: No such file or directory"),
        (["--site", "nowhere"], r"nowhere: no such folder"),
        ([], r"give the evidence: --site DIR, --har FILE, --url URL or --evidence FILE"),
        (["--evidence", str(HAR / "not-json.har")], r"not-json\.har:1:1: not JSON"),
        (["--evidence", str(HAR / "not-har.har")], r"not-har\.har: not a noticelint evidence file: log:"),
        (["--url", "ftp://127.0.0.1/"], r"ftp://127\.0\.0\.1/: not an http\(s\) URL"),
    ],
)
def test_bad_input_is_a_located_message_and_exit_2(
    work: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    run = cli(capsys, "scan", *args, "policy.yaml")
    assert run.code == 2
    assert re.search(r"^noticelint: error: (?:\S*/)?" + message, run.err), run.err


def test_a_binary_file_in_the_site(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "public" / "favicon.html").write_bytes(b"\0\0\1\0")
    run = cli(capsys, "scan", "--site", "public", "policy.yaml")
    assert run.code == 2
    assert (
        run.err
        == "noticelint: error: public/favicon.html:1: a binary file, not a page or a script (it has NUL bytes)\n"
    )


def test_render_with_bad_evidence(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "render", "policy.yaml", "--evidence", str(HAR / "not-har.har"))
    assert run.code == 2 and "not a noticelint evidence file" in run.err


def test_the_pre_commit_hook(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hooks: list[dict[str, Any]] = yaml_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "noticelint-scan")
    assert hook["pass_filenames"] is False, "pre-commit's file names would be read as the statement"
    entry = hook["entry"].split()
    assert entry[:2] == ["noticelint", "scan"]
    assert main([*entry[1:], "--site", "public/", "policy.yaml"]) == 1  # as docs/scan.md configures it
    capsys.readouterr()


def test_documented() -> None:
    doc = (REPO / "docs" / "scan.md").read_text(encoding="utf-8")
    for needle in ("noticelint scan", "--site", "--har", "--url", "--accept", "noticelint-scan", "chromium"):
        assert needle in doc, needle


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way out through the socket module raises (as in tests/test_no_network.py); attempts are listed."""
    import socket

    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def blocked(*args: object, **kwargs: object) -> object:
            attempts.append(name)
            raise NetworkBlocked(f"network access blocked in this test: {name}")

        return blocked

    for method in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, method, refuse(f"socket.{method}"))
    for function in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, function, refuse(function))
    return attempts


def test_files_and_har_need_no_network(
    work: Path, capsys: pytest.CaptureFixture[str], no_network: list[str]
) -> None:
    assert (
        cli(capsys, "scan", "--site", "public", "--har", str(HAR / "before-consent.har"), "policy.yaml").code
        == 1
    )
    assert no_network == []
