"""Statements that extend templates are cached, keyed by every file of their chain: a warm run prints
exactly what a cold run prints, and changing a template re-checks every statement that extends it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from noticelint.cli import main
from noticelint.lint.engine import Linter

REPO = Path(__file__).resolve().parents[1]
AGENCY = REPO / "examples" / "agency"

# agency.yaml <- sector.yaml <- clients a, b, c; the plain statement d extends nothing.
AGENCY_BASE = """\
schema_version: 1
template: true
parties:
  - id: byraa   # noticelint: ignore[REC003] the agreement is signed with each client
    legal_name: Byrå Eksempel AS
    country: "NO"
    role: processor
activities:
  - id: analyse
    purpose: Måle bruken av nettstedet.
    recipients: [byraa]
    text: >-
      Byrå Eksempel AS bruker Google Analytics for å analysere bruken av nettsidene osv.
"""

SECTOR = """\
schema_version: 1
template: true
extends: [agency.yaml]
activities:
  - id: analyse
    retention: {period: P2Y}
  - id: timebestilling
    purpose: Ta imot timebestillinger.
"""


def _client(name: str) -> str:
    return f"""\
schema_version: 1
extends: [../templates/sector.yaml]
statement: {{id: {name}, languages: [nb], default_language: nb}}
controller:
  id: {name}
  legal_name: {name.capitalize()} Klinikk AS
  contact: {{email: post@{name}.example}}
activities:
  - id: timebestilling
    legal_basis: 6(1)(b)
"""


PLAIN = """\
schema_version: 1
statement: {id: d, languages: [nb], default_language: nb}
controller: {id: d, legal_name: D AS, contact: {email: post@d.example}}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTICELINT_CACHE_DIR", raising=False)
    (tmp_path / ".git").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "clients").mkdir()
    (tmp_path / "templates" / "agency.yaml").write_text(AGENCY_BASE, encoding="utf-8")
    (tmp_path / "templates" / "sector.yaml").write_text(SECTOR, encoding="utf-8")
    for name in "abc":
        (tmp_path / "clients" / f"{name}.yaml").write_text(_client(name), encoding="utf-8")
    (tmp_path / "clients" / "d.yaml").write_text(PLAIN, encoding="utf-8")
    return tmp_path


class Checked:
    """Counts the files the linter checks (every file the cache does not answer)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        original = Linter.check

        def check(linter: Linter, source: object) -> object:
            self.names.append(str(getattr(source, "display", "")))
            return original(linter, source)  # type: ignore[arg-type]

        monkeypatch.setattr(Linter, "check", check)

    def take(self) -> list[str]:
        names, self.names = sorted(self.names), []
        return names


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--jobs", "1", *args])
    return code, capsys.readouterr().out


def _entries(root: Path) -> list[Path]:
    return [p for p in (root / ".noticelint_cache").rglob("*") if p.is_file() and p.name != ".gitignore"]


ALL = ("clients", "templates")


def test_agency_example_warm_run_prints_what_the_cold_run_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(AGENCY, tmp_path / "agency")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTICELINT_CACHE_DIR", raising=False)
    files = sorted(
        ["agency/base.yaml", "agency/vet-clinics.yaml"]
        + [f"agency/clients/{p.name}" for p in (AGENCY / "clients").iterdir()]
    )
    checked = Checked(monkeypatch)
    for n, args in enumerate((("--format", "json", "--trace"), ("--format", "text"))):
        cache = ("--cache-dir", str(tmp_path / f"cache-{n}"))
        cold = _run(capsys, "--no-cache", *args, "agency")
        assert cold[0] == 0, cold[1]
        assert checked.take() == files
        first = _run(capsys, *cache, *args, "agency")
        assert checked.take() == files
        warm = _run(capsys, *cache, *args, "agency")
        assert checked.take() == [], "the warm run is answered by the cache"
        assert first == cold and warm == cold
        assert len([p for p in Path(cache[1]).rglob("*") if p.is_file() and p.name != ".gitignore"]) == 5


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "json"),
        ("--format", "json", "--trace"),
        ("--format", "text", "--trace"),
        ("--format", "sarif"),
    ],
)
def test_generated_chain_warm_run_prints_what_the_cold_run_prints(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    checked = Checked(monkeypatch)
    cold = _run(capsys, "--no-cache", *args, *ALL)
    assert len(checked.take()) == 6
    first = _run(capsys, *args, *ALL)
    assert len(checked.take()) == 6
    warm = _run(capsys, *args, *ALL)
    assert checked.take() == [], "the warm run is answered by the cache"
    assert warm == first == cold
    assert warm[0] == 1


def test_the_warm_run_keeps_what_folding_needs(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "--format", "json", "--trace", *ALL)
    code, out = _run(capsys, "--format", "json", "--trace", *ALL)
    findings = json.loads(out)["findings"]
    ctl = [f for f in findings if f["code"] == "CTL003"]
    # once, at the agency template's line, naming the three clients and the template that extends it
    assert len(ctl) == 1, ctl
    assert (ctl[0]["file"], ctl[0]["line"]) == ("templates/agency.yaml", 13)
    assert ctl[0]["message"].endswith(
        "(affects 4 statements: clients/a.yaml, clients/b.yaml, clients/c.yaml, templates/sector.yaml)"
    )
    assert "{controller}" in ctl[0]["message"] and "A Klinikk AS" not in ctl[0]["message"]
    assert ctl[0]["trace"] == [
        {"file": "templates/agency.yaml", "line": 12, "column": 5, "pointer": "/activities/0/text"}
    ]
    # the waiver in the agency template still waives, once
    waived = [f for f in findings if f["code"] == "REC003"]
    assert [(f["file"], f["waived"]) for f in waived] == [("templates/agency.yaml", True)]
    assert code == 1


def test_editing_a_template_rechecks_every_statement_that_extends_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    checked = Checked(monkeypatch)
    _run(capsys, *ALL)
    before = _run(capsys, *ALL)
    checked.take()
    assert "CTL003" in before[1]
    fixed = AGENCY_BASE.replace("Byrå Eksempel AS bruker", "{controller} bruker")
    (repo / "templates" / "agency.yaml").write_text(fixed, encoding="utf-8")
    after = _run(capsys, *ALL)
    # the template itself, the template that extends it and the three clients; not the plain statement
    assert checked.take() == [
        "clients/a.yaml",
        "clients/b.yaml",
        "clients/c.yaml",
        "templates/agency.yaml",
        "templates/sector.yaml",
    ]
    assert "CTL003" not in after[1]
    assert after == _run(capsys, "--no-cache", *ALL)
    checked.take()
    # the template in the middle of the chain
    (repo / "templates" / "sector.yaml").write_text(SECTOR.replace("P2Y", "P20Y"), encoding="utf-8")
    _run(capsys, *ALL)
    assert checked.take() == ["clients/a.yaml", "clients/b.yaml", "clients/c.yaml", "templates/sector.yaml"]


def test_a_template_reached_through_a_moved_link_is_checked_again(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = AGENCY_BASE.replace("Byrå Eksempel AS bruker", "{controller} bruker")
    (repo / "templates" / "fixed.yaml").write_text(fixed, encoding="utf-8")
    (repo / "templates" / "current.yaml").symlink_to("agency.yaml")
    sector = SECTOR.replace("[agency.yaml]", "[current.yaml]")
    (repo / "templates" / "sector.yaml").write_text(sector, encoding="utf-8")
    args = ("--select", "CTL003", "clients/a.yaml")
    assert _run(capsys, *args)[0] == 1
    assert _run(capsys, *args)[0] == 1
    (repo / "templates" / "current.yaml").unlink()
    (repo / "templates" / "current.yaml").symlink_to("fixed.yaml")
    checked = Checked(monkeypatch)
    assert _run(capsys, *args)[0] == 0
    assert checked.take() == ["clients/a.yaml"]


def test_a_new_repository_root_is_checked_again(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--select", "CTL003", "clients/a.yaml")
    assert _run(capsys, *args)[0] == 1
    assert _run(capsys, *args)[0] == 1
    (repo / "clients" / ".git").mkdir()  # the templates now lie outside the client's repository
    code, out = _run(capsys, *args)
    assert code == 2
    assert "INP007" in out and "outside the repository root" in out


def test_a_broken_chain_is_not_cached(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.remove(repo / "templates" / "agency.yaml")
    assert _run(capsys, "clients/a.yaml")[0] == 2
    assert _entries(repo) == []
