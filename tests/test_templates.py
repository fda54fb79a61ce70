"""Statements that extend templates: merged on the one road, every finding located at its origin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from noticelint.cli import main
from noticelint.format.merge import merge
from noticelint.lint.config import Config
from noticelint.lint.engine import Source
from noticelint.lint.setup import Selection, build_linter

REPO = Path(__file__).resolve().parents[1]
AGENCY = REPO / "examples" / "agency"

CLIENT = """\
schema_version: 1
extends: [../templates/base.yaml]
statement: {id: klient, languages: [nb], default_language: nb}
controller:
  id: klient
  legal_name: Klient AS
  contact: {email: post@klient.example}
"""

BASE = """\
schema_version: 1
template: true
parties:
  - id: byraa
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


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTICELINT_CACHE_DIR", raising=False)
    (tmp_path / ".git").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "clients").mkdir()
    (tmp_path / "templates" / "base.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "clients" / "klient.yaml").write_text(CLIENT, encoding="utf-8")
    return tmp_path


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--no-cache", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["findings"]


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_agency_examples_check_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--no-cache", str(AGENCY)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "no problems in 5 files" in out


def test_solor_dyreklinikk_on_the_templates_is_the_clinic_with_the_agency_facts() -> None:
    linter = build_linter(Config(), Selection())
    path = AGENCY / "clients" / "solor-dyreklinikk.yaml"
    result = linter.check(Source("solor.yaml", path))
    assert result.loaded and not result.findings
    statement = result.statement
    assert statement is not None
    assert statement.controller.legal_name == "Solør Dyreklinikk"
    assert [a.id for a in statement.activities] == [
        "nettstedsdrift",
        "nettstedsanalyse",
        "timebestilling",
        "henvendelser",
    ]
    # {controller} in the agency's wording became the clinic's name, and nothing names the agency as
    # the one deciding
    analysis = statement.activities[1].text
    assert analysis is not None and "Solør Dyreklinikk bruker Google Analytics" in str(analysis)
    assert "{controller}" not in json.dumps(result.document.data if result.document else {})
    assert {f.path for f in result.chain} == {
        str((AGENCY / "base.yaml").resolve()),
        str((AGENCY / "vet-clinics.yaml").resolve()),
    }


def test_a_defect_in_a_base_is_reported_at_the_base_with_the_statement_it_affects(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings = _json(["clients/klient.yaml"], capsys)
    assert code == 1
    ctl = [f for f in findings if f["code"] == "CTL003"]
    assert len(ctl) == 1, findings
    assert ctl[0]["file"] == "templates/base.yaml"
    assert ctl[0]["line"] == _line(BASE, "Byrå Eksempel AS bruker")
    assert "Klient AS" in str(ctl[0]["message"])
    # a finding about the client's own part stays in the client's file
    assert all(f["file"] == "clients/klient.yaml" for f in findings if f["code"] == "TXT003")


def test_the_template_alone_reports_its_own_defect_and_skips_what_clients_fill_in(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings = _json(["templates/base.yaml"], capsys)
    codes = {str(f["code"]) for f in findings}
    assert "CTL003" in codes  # the agency acting as the controller is an error in the template itself
    assert not codes & {"CTL002", "TXT003", "PUR002", "RET001", "CPL001"}, codes
    assert code == 1


def test_directory_run_reports_a_base_defect_once_with_the_statements_it_affects(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = CLIENT.replace("klient", "annen").replace("Klient AS", "Annen AS")
    (repo / "clients" / "annen.yaml").write_text(second, encoding="utf-8")
    main(["check", "--no-cache", "--select", "CTL003", "clients"])
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "CTL003" in line]
    # once, at the base's line, with the controller's name (which differs by client) as a placeholder
    assert len(lines) == 1, out
    assert lines[0].startswith(f"templates/base.yaml:{_line(BASE, 'Byrå Eksempel AS bruker')}:7: CTL003 ")
    assert "the controller of this statement is {controller}" in lines[0]
    assert "Klient AS" not in lines[0] and "Annen AS" not in lines[0]
    assert lines[0].endswith("(affects 2 statements: clients/annen.yaml, clients/klient.yaml)")
    main(["check", "--no-cache", "--select", "TXT001", "clients", "templates"])
    out = capsys.readouterr().out
    rec = [line for line in out.splitlines() if "TXT001" in line]
    assert len(rec) == 1, out
    assert rec[0].endswith("(affects 2 statements: clients/annen.yaml, clients/klient.yaml)")


def test_a_template_that_names_a_controller_is_an_error_in_the_template(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BASE + "controller: {id: byraa-kunde, legal_name: Byrå Eksempel AS}\n"
    (repo / "templates" / "base.yaml").write_text(text, encoding="utf-8")
    for target in ("templates/base.yaml", "clients/klient.yaml"):
        _, findings = _json(["--select", "TPL001", target], capsys)
        assert [(f["file"], f["line"]) for f in findings] == [
            ("templates/base.yaml", _line(text, "controller:"))
        ]


def test_an_override_that_repeats_the_template_is_reported(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = CLIENT + 'parties:\n  - id: byraa\n    country: "NO"\n'
    (repo / "clients" / "klient.yaml").write_text(client, encoding="utf-8")
    _, findings = _json(["--select", "TPL002", "clients/klient.yaml"], capsys)
    assert [(f["file"], f["line"], f["pointer"]) for f in findings] == [
        ("clients/klient.yaml", _line(client, 'country: "NO"'), "/parties/0/country")
    ]
    assert "templates/base.yaml:6" in str(findings[0]["message"])


def test_items_merge_by_id_delete_and_replace_through_the_chain(repo: Path) -> None:
    client = CLIENT + (
        "parties:\n  - {id: byraa, $delete: true}\n"
        "activities:\n  - id: analyse\n    $replace: true\n    purpose: Noe annet.\n"
    )
    (repo / "clients" / "klient.yaml").write_text(client, encoding="utf-8")
    result = build_linter(Config(), Selection()).check(Source("k", repo / "clients" / "klient.yaml"))
    assert result.statement is not None, result.findings
    assert result.statement.parties == []
    assert [(a.id, a.purpose.root if a.purpose else None) for a in result.statement.activities] == [
        ("analyse", "Noe annet.")
    ]


def test_a_schema_error_in_a_base_stands_at_the_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BASE.replace("    role: processor\n", "    role: processor\n    rolle: x\n")
    (repo / "templates" / "base.yaml").write_text(text, encoding="utf-8")
    code, findings = _json(["clients/klient.yaml"], capsys)
    assert code == 2
    assert [(f["file"], f["line"], f["code"]) for f in findings] == [
        ("templates/base.yaml", _line(text, "rolle:"), "INP003")
    ]


@pytest.mark.parametrize(
    ("extends", "message"),
    [
        ("[../templates/nowhere.yaml]", "no such file (templates/nowhere.yaml)"),
        ("[../../outside.yaml]", "outside the repository root"),
        ("[klient.yaml]", "makes a cycle: clients/klient.yaml -> clients/klient.yaml"),
        ("[../templates/plain.yaml]", "is not a template; mark it with 'template: true'"),
        (
            "[../templates/broken.yaml]",
            "the template cannot be read: templates/broken.yaml:2:1: invalid YAML",
        ),
    ],
)
def test_chain_errors_stand_at_the_extends_entry_and_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], extends: str, message: str
) -> None:
    (repo / "outside.yaml").write_text(BASE, encoding="utf-8")
    (repo.parent / "outside.yaml").write_text(BASE, encoding="utf-8")
    (repo / "templates" / "plain.yaml").write_text(BASE.replace("template: true\n", ""), encoding="utf-8")
    (repo / "templates" / "broken.yaml").write_text("a: [\n", encoding="utf-8")
    text = CLIENT.replace("[../templates/base.yaml]", extends)
    (repo / "clients" / "klient.yaml").write_text(text, encoding="utf-8")
    code, findings = _json(["clients/klient.yaml"], capsys)
    assert code == 2
    assert [(f["file"], f["line"], f["code"]) for f in findings] == [("clients/klient.yaml", 2, "INP007")]
    assert message in str(findings[0]["message"])


def test_a_chain_deeper_than_ten_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(12):
        extends = f"extends: [t{n + 1}.yaml]\n" if n < 11 else ""
        (repo / "templates" / f"t{n}.yaml").write_text(
            f"schema_version: 1\ntemplate: true\n{extends}", encoding="utf-8"
        )
    text = CLIENT.replace("../templates/base.yaml", "../templates/t0.yaml")
    (repo / "clients" / "klient.yaml").write_text(text, encoding="utf-8")
    code, findings = _json(["clients/klient.yaml"], capsys)
    assert code == 2
    assert [(f["file"], f["code"]) for f in findings] == [("templates/t9.yaml", "INP007")]
    assert "deeper than 10" in str(findings[0]["message"])


def test_delete_of_an_unknown_id_is_located_at_the_delete(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CLIENT + "parties:\n  - {id: finnes-ikke, $delete: true}\n"
    (repo / "clients" / "klient.yaml").write_text(text, encoding="utf-8")
    code, findings = _json(["clients/klient.yaml"], capsys)
    assert code == 2
    assert [(f["line"], f["code"]) for f in findings] == [(_line(text, "finnes-ikke"), "INP007")]


def test_changing_a_base_rechecks_every_statement_that_extends_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check", "--select", "CTL003", "clients/klient.yaml"]
    assert main(args) == 1
    capsys.readouterr()
    assert main(args) == 1  # served from the cache
    capsys.readouterr()
    fixed = BASE.replace("Byrå Eksempel AS bruker", "Vi bruker")
    (repo / "templates" / "base.yaml").write_text(fixed, encoding="utf-8")
    assert main(args) == 0, capsys.readouterr().out


def test_a_missing_base_is_not_cached(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.move(repo / "templates" / "base.yaml", repo / "base.yaml")
    args = ["check", "--select", "CTL003", "clients/klient.yaml"]
    assert main(args) == 2
    shutil.move(repo / "base.yaml", repo / "templates" / "base.yaml")
    assert main(args) == 1
    capsys.readouterr()


def test_a_waiver_in_the_base_waives_the_finding_it_stands_on(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BASE.replace(
        "  - id: byraa\n", "  - id: byraa  # noticelint: ignore[REC004] the role is set per client\n"
    ).replace("    role: processor\n", "")
    (repo / "templates" / "base.yaml").write_text(text, encoding="utf-8")
    _, findings = _json(["--select", "REC004,WVR", "clients/klient.yaml"], capsys)
    assert [(f["file"], f["code"], f["waived"]) for f in findings] == [
        ("templates/base.yaml", "REC004", True)
    ]


def test_merge_keeps_its_behaviour_for_rule_examples() -> None:
    base = {"a": {"b": 1, "c": [1, 2]}, "items": [{"id": "x", "v": 1}]}
    patch = {"a": {"b": None, "c": [3]}, "items": [{"id": "y", "v": 2}]}
    assert merge(base, patch) == {"a": {"c": [3]}, "items": [{"id": "x", "v": 1}, {"id": "y", "v": 2}]}
    assert base == {"a": {"b": 1, "c": [1, 2]}, "items": [{"id": "x", "v": 1}]}


def test_a_waiver_in_the_statement_on_an_item_it_patches(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the client's own item is the first of its list, but the second of the merged statement
    client = CLIENT + (
        "activities:\n"
        "  - id: egen   # noticelint: ignore[RET001] kept as long as the contract runs, see § 4\n"
        "    purpose: Noe eget.\n"
    )
    (repo / "clients" / "klient.yaml").write_text(client, encoding="utf-8")
    _, findings = _json(["--select", "RET001,WVR", "clients/klient.yaml"], capsys)
    mine = [f for f in findings if f["file"] == "clients/klient.yaml"]
    assert [(f["code"], f["pointer"], f["waived"]) for f in mine] == [("RET001", "/activities/1", True)]


def test_render_takes_the_merged_statement_and_skips_templates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["render", str(AGENCY), "--format", "md", "--output", f"{out}/"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert sorted(p.name for p in out.iterdir()) == [
        "fjordvik-dyrehospital.nb.md",
        "lyngheim-dyreklinikk.nb.md",
        "solor-dyreklinikk.nb.md",
    ]
    page = (out / "solor-dyreklinikk.nb.md").read_text(encoding="utf-8")
    assert "Solør Dyreklinikk bruker Google Analytics" in page and "{controller}" not in page
    assert "Nettbyrå Eksempel AS" in page  # the agency's hosting, from the base
    fjordvik = (out / "fjordvik-dyrehospital.nb.md").read_text(encoding="utf-8")
    assert "Google" not in fjordvik  # deleted by the client
    assert "base.yaml: a template is not rendered" in captured.err
