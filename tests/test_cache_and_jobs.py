"""The cache never changes the answer, only the time; --jobs never changes the order."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from noticelint.cli import main
from tests.clirun import cli

REPO = Path(__file__).resolve().parents[1]
CLINIC = (REPO / "policy" / "solor-dyreklinikk.yaml").read_text(encoding="utf-8")
MINIMAL = """\
schema_version: 1
statement: {id: s, languages: [nb], default_language: nb}
controller: {id: c, legal_name: Eksempel AS}
"""


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    result = cli(capsys, *args)
    return result.code, result.out


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTICELINT_CACHE_DIR", raising=False)
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "clinic.yaml").write_text(CLINIC, encoding="utf-8")
    (tmp_path / "policy" / "minimal.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def _entries(root: Path) -> list[Path]:
    return sorted(
        p for p in (root / ".noticelint_cache").rglob("*") if p.is_file() and p.name != ".gitignore"
    )


def test_second_run_is_served_from_the_cache_with_identical_output(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _run(["check", "--format", "json", "policy"], capsys)
    entries = _entries(workdir)
    assert len(entries) == 2
    stamps = {p: p.stat().st_mtime_ns for p in entries}
    second = _run(["check", "--format", "json", "policy"], capsys)
    assert second == first
    assert {p: p.stat().st_mtime_ns for p in _entries(workdir)} == stamps, "a hit must not rewrite entries"
    assert (workdir / ".noticelint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_a_changed_file_is_checked_again(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(["check", "policy/minimal.yaml"], capsys)
    assert "CTL002" in out
    edited = MINIMAL.replace(
        "legal_name: Eksempel AS}", "legal_name: Eksempel AS, contact: {email: a@example.no}}"
    )
    (workdir / "policy" / "minimal.yaml").write_text(edited, encoding="utf-8")
    _, out = _run(["check", "policy/minimal.yaml"], capsys)
    assert "CTL002" not in out


def test_selection_and_config_are_part_of_the_key(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, everything = _run(["check", "policy/clinic.yaml"], capsys)
    assert "CTL003" in everything
    _, only_ctl2 = _run(["check", "--select", "CTL002", "policy/clinic.yaml"], capsys)
    assert "CTL003" not in only_ctl2 and "CTL002" in only_ctl2
    (workdir / "pyproject.toml").write_text('[tool.noticelint]\nignore = ["CTL003"]\n', encoding="utf-8")
    _, configured = _run(["check", "policy/clinic.yaml"], capsys)
    assert "CTL003" not in configured


def test_no_cache_writes_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(["check", "--no-cache", "policy"], capsys)
    assert not (workdir / ".noticelint_cache").exists()


def test_a_corrupt_entry_is_a_miss(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _run(["check", "--format", "json", "policy"], capsys)
    for entry in _entries(workdir):
        entry.write_text("{not json", encoding="utf-8")
    assert _run(["check", "--format", "json", "policy"], capsys) == first
    assert all(p.read_bytes().startswith(b"noticelint-cache-2 ") for p in _entries(workdir))


def test_cache_dir_option_and_environment(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(["check", "--cache-dir", "elsewhere", "policy"], capsys)
    assert list((workdir / "elsewhere" / "v2").rglob("*"))
    os.environ["NOTICELINT_CACHE_DIR"] = str(workdir / "from-env")
    try:
        _run(["check", "policy"], capsys)
    finally:
        del os.environ["NOTICELINT_CACHE_DIR"]
    assert list((workdir / "from-env" / "v2").rglob("*"))


def test_jobs_do_not_change_the_output(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(30):  # enough files to start worker processes
        text = CLINIC if i % 2 else MINIMAL
        (workdir / "policy" / f"site-{i:02d}.yaml").write_text(text, encoding="utf-8")
    serial = _run(["check", "--no-cache", "--jobs", "1", "--format", "json", "policy"], capsys)
    parallel = _run(["check", "--no-cache", "--jobs", "2", "--format", "json", "policy"], capsys)
    assert parallel == serial
    files = [f["file"] for f in json.loads(serial[1])["findings"]]
    assert files == sorted(files)


def test_jobs_must_be_positive(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--jobs", "0", "policy"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_a_file_edited_while_it_is_checked_is_not_cached_under_its_old_content(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache key comes from one read and the findings from a second: an edit in between must not
    file the new content's findings under the old content's key."""
    import noticelint.lint.runner

    target = workdir / "policy" / "minimal.yaml"
    edited = MINIMAL.replace(
        "legal_name: Eksempel AS}", "legal_name: Eksempel AS, contact: {email: a@example.no}}"
    )
    real_read = noticelint.lint.runner.read_bytes
    reads = {"count": 0}

    def read_then_edit(path: Path, max_bytes: int) -> bytes:
        content = real_read(path, max_bytes)
        if path.name == target.name:
            reads["count"] += 1
            if reads["count"] == 1:  # the editor saves right after the cache key was taken
                target.write_text(edited, encoding="utf-8")
        return content

    monkeypatch.setattr(noticelint.lint.runner, "read_bytes", read_then_edit)  # the cache key's read
    monkeypatch.setattr(noticelint.lint.engine, "read_bytes", read_then_edit)  # the check's read
    _, racing = _run(["check", "--jobs", "1", "policy/minimal.yaml"], capsys)
    assert reads["count"] == 2 and "CTL002" not in racing  # the findings are those of the edited file
    monkeypatch.setattr(noticelint.lint.runner, "read_bytes", real_read)

    target.write_text(MINIMAL, encoding="utf-8")  # back to the content the key was taken from
    _, again = _run(["check", "policy/minimal.yaml"], capsys)
    assert "CTL002" in again, "the old content was answered with the edited content's findings"
