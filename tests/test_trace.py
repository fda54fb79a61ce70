"""`check --trace`: after a finding of a statement that extends templates, the files that gave its value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticelint.cli import main
from noticelint.format.extends import ChainDocument
from noticelint.lint.config import Config
from noticelint.lint.engine import Source
from noticelint.lint.setup import Selection, build_linter

BASE = """\
schema_version: 1
template: true
activities:
  - id: analyse
    purpose: Måle bruken av nettstedet.
    data_categories: [usage]
"""

SECTOR = """\
schema_version: 1
template: true
activities:
  - id: analyse
    retention: {period: P2Y}
"""

CLIENT = """\
schema_version: 1
extends: [../templates/base.yaml, ../templates/sector.yaml]
statement: {id: klient, languages: [nb], default_language: nb}
controller:
  id: klient
  legal_name: Klient AS
  contact: {email: post@klient.example}
activities:
  - id: analyse
    text: Vi måler bruken.
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "clients").mkdir()
    (tmp_path / "templates" / "base.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "templates" / "sector.yaml").write_text(SECTOR, encoding="utf-8")
    (tmp_path / "clients" / "klient.yaml").write_text(CLIENT, encoding="utf-8")
    (tmp_path / "plain.yaml").write_text(
        "schema_version: 1\nstatement: {id: p, languages: [nb], default_language: nb}\n"
        "controller: {id: p, legal_name: P AS}\nactivities:\n  - id: analyse\n    purpose: Måle.\n",
        encoding="utf-8",
    )
    return tmp_path


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["check", "--no-cache", "--select", "PUR002", *args])
    return capsys.readouterr().out


def test_text_shows_each_file_that_gave_the_item_in_the_order_merged(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _check(capsys, "--trace", "clients/klient.yaml").splitlines()
    # the activity has no legal basis: it is the base's item, with the sector's retention and the
    # client's text; the finding stands where the client merges into it, and each template is named
    # at the part it gave
    at = next(n for n, line in enumerate(lines) if " PUR002 " in line)
    assert lines[at].startswith("clients/klient.yaml:9:5: PUR002 ")
    assert lines[at + 1 : at + 4] == [
        "    from templates/base.yaml:4 (/activities/0)",
        "    from templates/sector.yaml:5 (/activities/0/retention)",
        "    from clients/klient.yaml:9 (/activities/0)",
    ]


def test_without_trace_the_report_is_unchanged(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _check(capsys, "clients/klient.yaml")
    assert "from templates" not in out
    assert all(not line.startswith(" ") for line in out.splitlines())
    plain = json.loads(_check(capsys, "--format", "json", "clients/klient.yaml"))
    assert all("trace" not in f for f in plain["findings"])


def test_json_has_the_trace_field(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _check(capsys, "--format", "json", "--trace", "clients/klient.yaml", "plain.yaml")
    findings = json.loads(out)["findings"]
    by_file = {f["file"]: f for f in findings}
    assert by_file["clients/klient.yaml"]["trace"] == [
        {"file": "templates/base.yaml", "line": 4, "column": 5, "pointer": "/activities/0"},
        {"file": "templates/sector.yaml", "line": 5, "column": 5, "pointer": "/activities/0/retention"},
        {"file": "clients/klient.yaml", "line": 9, "column": 5, "pointer": "/activities/0"},
    ]
    # a statement that extends nothing has one file only: nothing to trace
    assert by_file["plain.yaml"]["trace"] == []


def test_a_scalar_traces_to_the_one_file_that_gave_it(repo: Path) -> None:
    result = build_linter(Config(), Selection()).check(
        Source("clients/klient.yaml", repo / "clients" / "klient.yaml")
    )
    doc = result.document
    assert isinstance(doc, ChainDocument)
    where = [(d.path, p) for d, p in doc.contributors("/activities/0/retention/period")]
    assert where == [("templates/sector.yaml", "/activities/0/retention/period")]
    assert [(d.path, p) for d, p in doc.contributors("/activities/0/purpose")] == [
        ("templates/base.yaml", "/activities/0/purpose")
    ]
    # a key nobody gave: the files that gave the nearest value there is
    assert [d.path for d, _ in doc.contributors("/activities/0/legal_basis")] == [
        "templates/base.yaml",
        "templates/sector.yaml",
        "clients/klient.yaml",
    ]
