"""Running noticelint as a user does, for the command-line tests: in-process or as a child process."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from noticelint.cli import main

# Valid documents are checked with these rules only, so that rules added later cannot change exit codes.
SELECT = ("--select", "CTL,WVR")

VALID = (
    "schema_version: 1\n"
    "statement: {id: s, languages: [nb], default_language: nb}\n"
    "controller: {id: c, legal_name: Eksempel AS, contact: {email: post@example.no}}\n"
)

_FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]{2,4}\d{3}) "
    r"\[(?P<severity>error|warning|info)\] (?P<message>.*)$"
)


@dataclass(frozen=True)
class Located:
    path: str
    line: int
    column: int
    code: str
    severity: str
    message: str


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def findings(self) -> list[Located]:
        return [
            Located(m["path"], int(m["line"]), int(m["column"]), m["code"], m["severity"], m["message"])
            for m in map(_FINDING.match, self.out.splitlines())
            if m
        ]

    @property
    def summary(self) -> str:
        return self.out.rstrip("\n").splitlines()[-1]

    def only(self) -> Located:
        assert len(self.findings) == 1, self.out + self.err
        return self.findings[0]

    def at(self, line: int) -> list[Located]:
        return [f for f in self.findings if f.line == line]


def assert_no_traceback(*streams: str) -> None:
    for stream in streams:
        assert "Traceback" not in stream, stream
        assert 'File "' not in stream, stream


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """``noticelint ARGS`` in this process; no traceback may reach either stream."""
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse: --version, --help, bad choices
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    assert_no_traceback(captured.out, captured.err)
    return Run(code, captured.out, captured.err)


def invoke(*args: str) -> Run:
    """``noticelint ARGS`` in this process, its streams captured without pytest's capsys (for hypothesis
    tests and module-scoped fixtures); no traceback may reach either stream."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    assert_no_traceback(out.getvalue(), err.getvalue())
    return Run(code, out.getvalue(), err.getvalue())


def module(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m noticelint ARGS`` in a child process, as a user or a hook runs it."""
    env = {**os.environ, "GITHUB_ACTIONS": "", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
        check=False,
    )


def isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory with an empty [tool.noticelint] table, whatever the repository configures."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "pyproject.toml").write_text("[tool.noticelint]\n", encoding="utf-8")
