"""Schema and reference validation, seen through ``noticelint check``: exit 2, one located sentence per
problem (``path:line:col: INP003|INP004 [error] ...``), "did you mean" for misspellings, no traceback.

Valid documents are checked with ``--select CTL,WVR`` so that rules added later cannot change the exit code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clirun import SELECT, VALID, Run, assert_no_traceback, cli, isolate

CORPUS = Path(__file__).resolve().parent / "corpus"


def check(capsys: pytest.CaptureFixture[str], text: str, *args: str, name: str = "s.yaml") -> Run:
    Path(name).write_text(text, encoding="utf-8")
    run = cli(capsys, "check", *args, name)
    assert all(f.path == name for f in run.findings), run.out
    lines = text.splitlines()
    for f in run.findings:
        assert 1 <= f.line <= len(lines) + 1, f
    return run


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def test_minimal_statement_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID, *SELECT)
    assert run.code == 0, run.out
    assert run.out == "no problems in 1 file\n"
    assert run.err == ""


# --- types -------------------------------------------------------------------------------------------


def test_wrong_types(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        "schema_version: 1\nstatement: {id: s, languages: nb, default_language: nb}\ncontroller: [1]\n",
    )
    assert run.code == 2
    assert [(f.line, f.column, f.code) for f in run.findings] == [(2, 31, "INP003"), (3, 13, "INP003")]
    assert "statement.languages: expected a list, got the string 'nb'" in run.findings[0].message
    assert "controller: expected a mapping, got a list" in run.findings[1].message


def test_number_where_text_is_expected(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("contact: {email: post@example.no}", "contact: {phone: 12345678}"))
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column) == (3, 63)
    assert "controller.contact.phone: expected a string, got the number 12345678" in finding.message


def test_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("languages: [nb]", "languages: []"))
    assert run.code == 2
    assert [(f.line, f.column) for f in run.findings] == [(2, 31)]
    assert "statement.languages must not be empty" in run.findings[0].message


def test_wrong_form(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("id: c,", "id: Not An Id,"))
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column) == (3, 18)
    assert "controller.id: 'Not An Id' has the wrong form" in finding.message


def test_text_keyed_by_something_that_is_not_a_language(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("id: c,", "id: c, text: {nb: Hei, norsk: Hei},"))
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column) == (3, 37)
    assert "'norsk' is not a language tag" in finding.message


# --- unknown keys and misspelt values ----------------------------------------------------------------


def test_unknown_keys_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        "schema_version: 1\nstatement: {id: s, languages: [nb], default_language: nb}\n"
        "controller: {id: c, legal_nme: Eksempel AS, contact: {email: post@example.no}}\n"
        "colour: blue\n",
    )
    assert run.code == 2
    misspelt, top = run.findings
    assert (misspelt.line, misspelt.column, misspelt.code) == (3, 21, "INP003")
    assert "unknown key 'legal_nme' in controller; did you mean 'legal_name'?" in misspelt.message
    assert (top.line, top.column) == (4, 1)
    assert (
        "unknown key 'colour' in the top level" in top.message and "allowed keys: activities" in top.message
    )


def test_misspelt_top_level_key(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("controller:", "controler:"))
    assert run.code == 2
    messages = {(f.line, f.message) for f in run.findings}
    assert any(line == 3 and "did you mean 'controller'?" in message for line, message in messages), run.out
    assert any("missing required key 'controller'" in message for _, message in messages), run.out


def test_misspelt_enum_values(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        VALID
        + "parties:\n  - id: p\n    legal_name: P AS\n    role: procesor\n"
        + "activities:\n  - id: a\n    legal_basis: 6(1)(g)\n",
    )
    assert run.code == 2
    role, basis = run.findings
    assert (role.line, role.column, role.code) == (7, 11, "INP003")
    assert "'procesor' is not allowed; did you mean 'processor'?" in role.message
    assert (basis.line, basis.column) == (10, 18)
    assert "'6(1)(g)' is not allowed; did you mean '6(1)(" in basis.message
    assert "allowed: 6(1)(a), 6(1)(b)" in basis.message


# --- required keys -----------------------------------------------------------------------------------


def test_missing_required_keys(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys, "schema_version: 1\nstatement: {id: s, languages: [nb]}\ncontroller: {legal_name: X AS}\n"
    )
    assert run.code == 2
    statement, controller = run.findings
    assert (statement.line, statement.column) == (2, 1)
    assert "missing required key 'default_language' in statement" in statement.message
    assert (controller.line, controller.column) == (3, 1)
    assert "missing required key 'id' in controller" in controller.message


def test_missing_top_level_keys(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, "statement: {id: s, languages: [nb], default_language: nb}\n")
    assert run.code == 2
    assert {f.line for f in run.findings} == {1}
    text = run.out
    assert "missing required key 'schema_version' in the top level" in text
    assert "missing required key 'controller' in the top level" in text


def test_every_problem_is_reported_in_one_run(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        "schema_version: 1\n"
        "statement:\n  id: s\n  languages: [nb]\n  default_language: nb\n  url: ftp://example.no\n"
        "controller:\n  id: c\n  legal_name: 5\n  contact: {email: post@example.no}\n"
        "dpo: {}\n",
    )
    assert run.code == 2
    assert [f.line for f in run.findings] == [6, 9, 11]
    assert run.out.rstrip().splitlines()[-1] == "3 errors in 1 file"


def test_every_problem_inside_an_optional_mapping_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        VALID.replace(
            "contact: {email: post@example.no}", "contact: {email: not-an-email, phone: 12, fax: 1}"
        ),
    )
    assert run.code == 2
    assert len(run.findings) == 3, run.out


# --- schema_version ----------------------------------------------------------------------------------


def test_newer_schema_version(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("schema_version: 1", "schema_version: 2") + "colour: blue\n")
    assert run.code == 2
    [finding] = run.findings  # the other problems are not reported against a format it does not know
    assert (finding.line, finding.column, finding.code) == (1, 17, "INP003")
    assert "schema_version 2 is newer than this noticelint understands" in finding.message
    assert "upgrade noticelint" in finding.message


def test_schema_version_as_a_string(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("schema_version: 1", 'schema_version: "1"'))
    assert run.code == 2
    assert run.findings and all((f.line, f.column) == (1, 17) for f in run.findings)
    assert "the string '1'" in run.findings[0].message


def test_schema_version_as_a_string_is_one_message(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("schema_version: 1", 'schema_version: "1"'))
    assert len(run.findings) == 1, run.out


@pytest.mark.parametrize(
    "number",
    ["1" + "0" * 60, "9" * 5000, "0x" + "f" * 5000, "-0o" + "7" * 100],
    ids=["61-digits", "5000-digits", "5000-hex-digits", "negative-octal"],
)
def test_huge_integer_is_a_type_error(number: str, capsys: pytest.CaptureFixture[str]) -> None:
    """No statement needs an integer of more than 40 digits: it is read as text, and the schema says that
    schema_version is not the whole number it expects (Python cannot even print a 5000-digit int)."""
    run = check(capsys, VALID.replace("schema_version: 1", f"schema_version: {number}"))
    assert run.code == 2, run.out
    [finding] = run.findings
    assert (finding.line, finding.column, finding.code) == (1, 17, "INP003")
    assert finding.message.startswith("schema_version: expected a whole number"), finding.message


def test_missing_schema_version(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("schema_version: 1\n", ""))
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column) == (1, 1)
    assert "missing required key 'schema_version'" in finding.message


# --- documents that are not a mapping ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- a\n- b\n", "a list"),
        ("hello\n", "the string 'hello'"),
        ("null\n", "nothing (null)"),
        ("42\n", "the number 42"),
    ],
)
def test_document_that_is_not_a_mapping(text: str, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, text)
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column, finding.code) == (1, 1, "INP003")
    assert finding.message.endswith(f"not {kind}")


# --- references --------------------------------------------------------------------------------------


def test_dangling_reference(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID + "activities: [{id: a, recipients: [nobody]}]\n")
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column, finding.code) == (4, 35, "INP004")
    assert "'nobody' is not the id of a declared party" in finding.message


def test_dangling_reference_with_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        VALID + "parties:\n  - {id: mailchimp, legal_name: Mailchimp Inc}\n"
        "activities:\n  - id: news\n    recipients:\n      - mailchmp\n",
    )
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column) == (9, 9)
    assert "did you mean 'mailchimp'?" in finding.message


def test_dangling_reference_in_json_has_the_pointer(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID + "activities: [{id: a, recipients: [nobody]}]\n", "--format", "json")
    assert run.code == 2
    report = json.loads(run.out)
    [finding] = report["findings"]
    assert finding["pointer"] == "/activities/0/recipients/0"
    assert (finding["line"], finding["column"], finding["input_error"]) == (4, 35, True)
    assert report["summary"]["exit_code"] == 2


def test_duplicate_ids(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        VALID + "parties:\n  - id: p\n    legal_name: P AS\nactivities:\n  - id: p\n  - id: c\n",
    )
    assert run.code == 2
    second_p, second_c = run.findings
    assert (second_p.line, second_p.column, second_p.code) == (8, 9, "INP004")
    assert "id 'p' is used twice (first on line 5)" in second_p.message
    assert (second_c.line, second_c.column) == (9, 9)
    assert "id 'c' is used twice (first on line 3)" in second_c.message


def test_default_language_not_among_languages(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("default_language: nb", "default_language: en"))
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column, finding.code) == (2, 55, "INP004")
    assert "default_language 'en' is not one of the statement's languages (nb)" in finding.message


# --- values the schema lets through but the model refuses --------------------------------------------


def dated(value: str) -> str:
    """The minimal statement in block style, with statement.last_updated on line 6, column 17."""
    return VALID.replace(
        "statement: {id: s, languages: [nb], default_language: nb}",
        f"statement:\n  id: s\n  languages: [nb]\n  default_language: nb\n  last_updated: {value}",
    )


def test_impossible_date_in_a_process(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(
        dated("2024-02-30"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "s.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert_no_traceback(result.stdout, result.stderr)
    assert result.returncode == 2
    assert re.search(r"^s\.yaml:6:17: INP003 \[error\] .*last_updated", result.stdout, re.M), result.stdout


@pytest.mark.parametrize("value", ["yesterday", "2024-01-01T10:00:00", "2023-02-29"])
def test_invalid_date_is_a_located_schema_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, dated(value))
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.column, finding.code) == (6, 17, "INP003")
    assert "last_updated" in finding.message


def test_valid_date_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(
        capsys,
        dated("2024-02-29"),
        *SELECT,
    )
    assert run.code == 0, run.out


def test_id_with_a_trailing_newline_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    run = check(capsys, VALID.replace("id: c,", 'id: "c\\n",'), *SELECT)
    assert run.code == 2, run.out
    assert run.findings and run.findings[0].line == 3
