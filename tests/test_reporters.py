"""The machine-readable reporters, checked against the rules of each format (not against saved output)."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from noticelint.input.span import Span
from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import RuleInfo
from noticelint.reporters import github, gitlab, junit, sarif, text
from noticelint.reporters import json as json_reporter
from noticelint.reporters.report import Report

SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

A = "statements/a.yaml"
B = "statements/b.yaml"
CLEAN = "statements/clean.yaml"

# Everything that needs escaping somewhere: %, comma, colon, CR LF, <&> and a control character.
TRICKY = "100% of data, kept: forever,\r\nsee <Art. 13> & \x01 more"


def _info(code: str, name: str, severity: Severity, legal: tuple[str, ...] = ()) -> RuleInfo:
    return RuleInfo(
        code=code,
        name=name,
        severity=severity,
        legal=legal,
        summary=f"summary of {code}",
        explanation=f"explanation of {code}",
        fix=f"fix for {code}",
    )


RULES = {
    "RET001": _info("RET001", "retention-period", Severity.ERROR, ("GDPR Art. 13(2)(a)",)),
    "TRN002": _info("TRN002", "transfer-safeguard", Severity.WARNING, ("GDPR Art. 13(1)(f)",)),
    "CNT003": _info("CNT003", "contact-email", Severity.INFO),
    "LAW001": _info("LAW001", "legal-basis", Severity.ERROR, ("GDPR Art. 6(1)",)),
}

RET = Finding(
    A,
    Span(3, 5, 3, 12),
    "RET001",
    "retention-period",
    Severity.ERROR,
    TRICKY,
    pointer="/processing/0/retention",
    legal=("GDPR Art. 13(2)(a)",),
    fix="State the period.",
)
TRN = Finding(
    A,
    Span(7, 3, 9, 1),
    "TRN002",
    "transfer-safeguard",
    Severity.WARNING,
    "No safeguard named.",
    pointer="/transfers/0",
)
# End unknown (0): reporters that need an end must fall back to the start.
CNT = Finding(A, Span(10, 1, 0, 0), "CNT003", "contact-email", Severity.INFO, "No e-mail address.")
WAIVED = Finding(
    A,
    Span(12, 3, 12, 9),
    "LAW001",
    "legal-basis",
    Severity.ERROR,
    "Legal basis missing.",
    pointer="/processing/1/legal_basis",
    waived=True,
    waiver_reason="contract, see DPA §4",
)
# An input error whose code has no RuleInfo in report.rules: its own name and fix must be used.
INPUT = Finding(
    B,
    Span(2, 7, 2, 8),
    "INP002",
    "invalid-yaml",
    Severity.ERROR,
    "mapping values are not allowed here",
    fix="Fix the YAML at the reported line and column.",
    input_error=True,
)

FINDINGS = (RET, TRN, CNT, WAIVED, INPUT)
ACTIVE = (RET, TRN, CNT, INPUT)


def make_report(findings: tuple[Finding, ...] = FINDINGS, files: tuple[str, ...] = (A, B, CLEAN)) -> Report:
    return Report(
        findings=findings, files=files, rules=dict(RULES), fail_on=Severity.WARNING, tool_version="1.2.3"
    )


ALL_REPORTERS = [json_reporter, sarif, github, gitlab, junit]


@pytest.mark.parametrize("module", ALL_REPORTERS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_output_is_a_deterministic_string_ending_in_newline(module: Any) -> None:
    out = module.render(make_report())
    assert isinstance(out, str)
    assert out.endswith("\n")
    assert module.render(make_report(tuple(reversed(FINDINGS)))) == out


# -- json -------------------------------------------------------------------------------------------------


FINDING_KEYS = [
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "pointer",
    "code",
    "name",
    "module",
    "severity",
    "message",
    "legal",
    "fix",
    "waived",
    "waiver_reason",
    "input_error",
]


def test_json_has_the_documented_layout_and_counts() -> None:
    out = json_reporter.render(make_report())
    doc = json.loads(out)
    assert list(doc) == ["version", "tool", "summary", "findings"]
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "noticelint", "version": "1.2.3"}
    # Active: RET001 + INP002 errors, one warning, one info; LAW001 is waived; input error -> exit 2.
    assert doc["summary"] == {"files": 3, "errors": 2, "warnings": 1, "infos": 1, "waived": 1, "exit_code": 2}
    assert list(doc["summary"]) == ["files", "errors", "warnings", "infos", "waived", "exit_code"]
    assert len(doc["findings"]) == len(FINDINGS)
    for item in doc["findings"]:
        assert list(item) == FINDING_KEYS
    assert out.startswith('{\n  "version": 1,')  # indent=2
    assert "§" in out  # ensure_ascii=False


def test_json_findings_keep_every_field() -> None:
    doc = json.loads(json_reporter.render(make_report()))
    by_code = {item["code"]: item for item in doc["findings"]}
    ret = by_code["RET001"]
    assert ret["message"] == TRICKY
    assert (ret["file"], ret["line"], ret["column"], ret["end_line"], ret["end_column"]) == (A, 3, 5, 3, 12)
    assert ret["pointer"] == "/processing/0/retention"
    assert ret["severity"] == "error"
    assert ret["legal"] == ["GDPR Art. 13(2)(a)"]
    assert ret["fix"] == "State the period."
    assert by_code["TRN002"]["severity"] == "warning"
    assert by_code["CNT003"]["severity"] == "info"
    waived = by_code["LAW001"]
    assert waived["waived"] is True
    assert waived["waiver_reason"] == "contract, see DPA §4"
    assert ret["waived"] is False
    inp = by_code["INP002"]
    assert inp["input_error"] is True
    assert inp["name"] == "invalid-yaml"
    assert inp["fix"] == "Fix the YAML at the reported line and column."


def test_json_exit_code_without_input_errors() -> None:
    doc = json.loads(json_reporter.render(make_report((RET, WAIVED), (A,))))
    assert doc["summary"]["exit_code"] == 1
    doc = json.loads(json_reporter.render(make_report((WAIVED,), (A,))))
    assert doc["summary"]["exit_code"] == 0
    assert doc["summary"]["errors"] == 0


# -- sarif ------------------------------------------------------------------------------------------------


def _validate_sarif(document: dict[str, Any]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


@pytest.mark.parametrize(
    "report",
    [make_report(), make_report((), (CLEAN,)), make_report((RET, TRN), (A,))],
    ids=["full", "empty", "no-input-error"],
)
def test_sarif_validates_against_the_official_schema(report: Report) -> None:
    _validate_sarif(json.loads(sarif.render(report)))


def test_sarif_run_tool_and_rules() -> None:
    doc = json.loads(sarif.render(make_report()))
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "noticelint"
    assert driver["version"] == "1.2.3"
    assert driver["informationUri"] == "https://github.com/noticelint/noticelint"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == {f.code for f in FINDINGS}  # waived and input-error codes included
    ret = rules["RET001"]
    assert ret["name"] == "retention-period"
    assert ret["shortDescription"]["text"] == "summary of RET001"
    assert ret["fullDescription"]["text"] == "explanation of RET001"
    assert ret["help"]["text"] == "fix for RET001"
    assert ret["properties"]["legal"] == ["GDPR Art. 13(2)(a)"]
    assert ret["defaultConfiguration"]["level"] == "error"
    assert rules["TRN002"]["defaultConfiguration"]["level"] == "warning"
    assert rules["CNT003"]["defaultConfiguration"]["level"] == "note"
    inp = rules["INP002"]  # not in report.rules: described from the finding
    assert inp["name"] == "invalid-yaml"
    assert inp["help"]["text"] == "Fix the YAML at the reported line and column."
    assert run["invocations"] == [{"executionSuccessful": False}]


def test_sarif_results() -> None:
    run = json.loads(sarif.render(make_report()))["runs"][0]
    results = run["results"]
    assert len(results) == len(FINDINGS)
    rules = run["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    by_code = {r["ruleId"]: r for r in results}
    for finding in FINDINGS:
        result = by_code[finding.code]
        assert rules[result["ruleIndex"]]["id"] == finding.code
        assert result["level"] == levels[finding.severity.label]
        assert result["message"]["text"] == finding.message
    region = by_code["RET001"]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 12}
    region = by_code["TRN002"]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 7, "startColumn": 3, "endLine": 9, "endColumn": 1}
    # CNT003 has end 0:0; the end falls back to the start.
    region = by_code["CNT003"]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 10, "startColumn": 1, "endLine": 10, "endColumn": 1}
    assert by_code["RET001"]["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": "/processing/0/retention"}
    ]
    assert "logicalLocations" not in by_code["CNT003"]["locations"][0]


def test_sarif_waived_finding_is_a_suppressed_result() -> None:
    results = json.loads(sarif.render(make_report()))["runs"][0]["results"]
    suppressed = [r for r in results if r.get("suppressions")]
    assert len(suppressed) == 1
    assert suppressed[0]["ruleId"] == "LAW001"
    assert suppressed[0]["suppressions"] == [{"kind": "inSource", "justification": "contract, see DPA §4"}]


def test_sarif_locations_are_relative_to_srcroot() -> None:
    windows = Finding("sub\\dir\\d.yaml", Span(1, 1, 1, 2), "RET001", "retention-period", Severity.ERROR, "m")
    run = json.loads(sarif.render(make_report((RET, windows), (A, "sub\\dir\\d.yaml"))))["runs"][0]
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == [A, "sub/dir/d.yaml"]
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert not location["uri"].startswith("/")
        assert "\\" not in location["uri"]
        assert run["artifacts"][location["index"]]["location"]["uri"] == location["uri"]
    assert run["invocations"] == [{"executionSuccessful": True}]


# -- github -----------------------------------------------------------------------------------------------


def test_github_one_command_per_active_finding() -> None:
    lines = github.render(make_report()).split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(ACTIVE)
    assert not any("LAW001" in line for line in lines)
    assert all("\r" not in line for line in lines)
    starts = sorted(line.split(" ", 1)[0] for line in lines)
    assert starts == ["::error", "::error", "::notice", "::warning"]


def test_github_escapes_message_and_properties() -> None:
    lines = github.render(make_report()).splitlines()
    ret = next(line for line in lines if "RET001" in line)
    # Message data: %, CR and LF are escaped as the runner expects (%25, %0D, %0A); any other control
    # character is shown, never obeyed: written as the four characters \x01.
    expected_message = "100%25 of data, kept: forever,%0D%0Asee <Art. 13> & \\x01 more"
    assert ret == (
        f"::error file={A},line=3,col=5,endLine=3,endColumn=12,"
        f"title=RET001 retention-period::{expected_message}"
    )
    odd = Finding(
        "odd,dir/x:y%.yaml", Span(1, 2, 1, 4), "TRN002", "transfer-safeguard", Severity.WARNING, "a: b, c"
    )
    (line,) = github.render(make_report((odd,), ("odd,dir/x:y%.yaml",))).splitlines()
    assert line == (
        "::warning file=odd%2Cdir/x%3Ay%25.yaml,line=1,col=2,endLine=1,endColumn=4,"
        "title=TRN002 transfer-safeguard::a: b, c"
    )


def test_github_shows_terminal_escapes_as_text() -> None:
    """ESC (a terminal escape sequence) in a message or a path is written as \\x1b, in data and properties."""
    odd = Finding(
        "a\x1b]0;x.yaml", Span(1, 1, 1, 1), "TRN002", "transfer-safeguard", Severity.WARNING, "key '\x1b[2J'"
    )
    (line,) = github.render(make_report((odd,), ("a\x1b]0;x.yaml",))).splitlines()
    assert "\x1b" not in line
    assert line.startswith("::warning file=a\\x1b]0;x.yaml,line=1,")
    assert line.endswith("::key '\\x1b[2J'")


def test_github_end_never_before_start() -> None:
    line = next(line for line in github.render(make_report()).splitlines() if "CNT003" in line)
    expected = f"::notice file={A},line=10,col=1,endLine=10,endColumn=1,title=CNT003 contact-email::"
    assert line.startswith(expected)


def test_github_nothing_to_report() -> None:
    assert github.render(make_report((WAIVED,), (A,))) == ""


# -- text -----------------------------------------------------------------------------------------------


def test_text_one_line_per_finding_with_control_characters_shown() -> None:
    """Line breaks in a message are written as \\n (\\r for a lone CR), other control characters as \\xNN:
    a message can neither forge a line of the report nor drive the terminal."""
    forged = Finding(
        A,
        Span(4, 1, 4, 2),
        "TRN002",
        "transfer-safeguard",
        Severity.WARNING,
        "unknown key '\x1b[2J\x1b]0;pwned\x07\nclean.yaml:1:1: fake\r'",
    )
    lines = text.render(make_report((RET, forged), (A,))).splitlines()
    assert lines == [
        f"{A}:3:5: RET001 [error] 100% of data, kept: forever,\\nsee <Art. 13> & \\x01 more",
        f"{A}:4:1: TRN002 [warning] unknown key '\\x1b[2J\\x1b]0;pwned\\x07\\nclean.yaml:1:1: fake\\r'",
        "1 error, 1 warning in 1 file",
    ]


@pytest.mark.parametrize(
    ("character", "shown"),
    [("\x00", "\\x00"), ("\x7f", "\\x7f"), ("\x9b", "\\x9b"), ("\u202e", "\\u202e")],
    ids=["NUL", "DEL", "C1-CSI", "right-to-left-override"],
)
def test_text_shows_other_invisible_characters(character: str, shown: str) -> None:
    finding = Finding(A, Span(1, 1, 1, 1), "CNT003", "contact-email", Severity.INFO, f"a{character}b")
    first = text.render(make_report((finding,), (A,))).splitlines()[0]
    assert first == f"{A}:1:1: CNT003 [info] a{shown}b"


# -- gitlab -----------------------------------------------------------------------------------------------


def test_gitlab_code_quality_issues() -> None:
    issues = json.loads(gitlab.render(make_report()))
    assert isinstance(issues, list)
    assert len(issues) == len(ACTIVE)
    by_code = {issue["check_name"]: issue for issue in issues}
    assert set(by_code) == {f.code for f in ACTIVE}
    assert by_code["RET001"]["description"] == f"RET001 {TRICKY}"
    assert by_code["RET001"]["severity"] == "critical"
    assert by_code["TRN002"]["severity"] == "major"
    assert by_code["CNT003"]["severity"] == "minor"
    assert by_code["INP002"]["severity"] == "blocker"
    assert by_code["RET001"]["location"] == {"path": A, "lines": {"begin": 3, "end": 3}}
    assert by_code["TRN002"]["location"] == {"path": A, "lines": {"begin": 7, "end": 9}}
    assert by_code["CNT003"]["location"]["lines"] == {"begin": 10, "end": 10}
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def _fingerprint(report: Report, code: str) -> str:
    issues = json.loads(gitlab.render(report))
    return str(next(issue["fingerprint"] for issue in issues if issue["check_name"] == code))


def test_gitlab_fingerprint_ignores_line_moves_but_not_content() -> None:
    before = _fingerprint(make_report(), "RET001")
    moved = dataclasses.replace(RET, span=Span(40, 9, 41, 2))
    assert _fingerprint(make_report((moved, TRN, CNT, WAIVED, INPUT)), "RET001") == before
    reworded = dataclasses.replace(RET, message="something else")
    assert _fingerprint(make_report((reworded, TRN, CNT, WAIVED, INPUT)), "RET001") != before
    elsewhere = dataclasses.replace(RET, pointer="/processing/1/retention")
    assert _fingerprint(make_report((elsewhere, TRN, CNT, WAIVED, INPUT)), "RET001") != before


def test_gitlab_identical_findings_get_distinct_fingerprints() -> None:
    twin = dataclasses.replace(RET, span=Span(20, 5, 20, 12))
    issues = json.loads(gitlab.render(make_report((RET, twin), (A,))))
    assert len(issues) == 2
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


# -- junit ------------------------------------------------------------------------------------------------


def _junit(report: Report) -> ET.Element:
    out = junit.render(report)
    assert out.startswith("<?xml ")
    return ET.fromstring(out.encode("utf-8"))


def test_junit_structure_and_counts() -> None:
    root = _junit(make_report())
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    assert suite.get("name") == "noticelint"
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == [A, B, CLEAN]
    for name, case in cases.items():
        assert case.get("classname") == name
    # a.yaml: the error and the warning fail at --fail-on warning; the info and the waived one do not.
    a_failures = cases[A].findall("failure")
    assert sorted(f.get("type", "") for f in a_failures) == ["RET001", "TRN002"]
    assert cases[A].find("error") is None
    out = cases[A].findtext("system-out") or ""
    assert "below --fail-on warning" in out and f"{A}:10:1: CNT003" in out and "No e-mail address." in out
    assert "LAW001 waived: contract, see DPA §4" in out
    # b.yaml could not be checked: an error, not a failure.
    (b_error,) = cases[B].findall("error")
    assert b_error.get("type") == "INP002"
    assert cases[B].find("failure") is None
    # The file without findings passes.
    assert cases[CLEAN].find("failure") is None
    assert cases[CLEAN].find("error") is None
    # Counts are of test cases: tests = passed + failures + errors.
    for element in (root, suite):
        assert element.get("tests") == "3"
        assert element.get("failures") == "1"
        assert element.get("errors") == "1"


def test_junit_failure_content_is_escaped_and_clean() -> None:
    root = _junit(make_report())
    failure = next(f for f in root.iter("failure") if f.get("type") == "RET001")
    # <&> survive as text, CR LF survive in the attribute, the control character is gone.
    assert failure.get("message") == "RET001 100% of data, kept: forever,\r\nsee <Art. 13> &  more"
    text = failure.text or ""
    assert f"{A}:3:5" in text
    assert "error" in text
    assert "GDPR Art. 13(2)(a)" in text
    assert "State the period." in text
    assert "\x01" not in text
    assert not any(f.get("type") == "LAW001" for f in root.iter("failure"))


def test_junit_all_passing() -> None:
    root = _junit(make_report((WAIVED,), (A, CLEAN)))
    assert root.get("tests") == "2"
    assert root.get("failures") == "0"
    assert root.get("errors") == "0"
    assert not list(root.iter("failure"))


def test_junit_a_file_with_only_findings_below_fail_on_passes() -> None:
    """A green job must not carry a red test: info findings at --fail-on warning are reported only."""
    report = Report(findings=(CNT,), files=(A,), rules=dict(RULES), fail_on=Severity.WARNING)
    root = _junit(report)
    assert report.exit_code() == 0
    assert root.get("failures") == "0" and root.get("errors") == "0"
    (case,) = root.iter("testcase")
    assert case.find("failure") is None
    assert "CNT003" in (case.findtext("system-out") or "")


def _failing_in(module: Any, report: Report) -> set[str]:
    """The codes each reporter marks as failing the run (only JUnit marks failures per finding; the
    others say it through the run's outcome: JSON's exit_code, SARIF's executionSuccessful for input
    errors)."""
    out = module.render(report)
    if module is junit:
        root = ET.fromstring(out.encode("utf-8"))
        return {e.get("type", "") for tag in ("failure", "error") for e in root.iter(tag)}
    raise AssertionError(module)


@pytest.mark.parametrize("fail_on", list(Severity), ids=lambda s: s.label)
def test_fail_on_exit_code_and_reporters_agree_on_what_fails(fail_on: Severity) -> None:
    report = dataclasses.replace(make_report(), fail_on=fail_on)
    failing = {f.code for f in report.findings if f.fails(fail_on)}
    expected = {
        Severity.ERROR: {"RET001", "INP002"},
        Severity.WARNING: {"RET001", "TRN002", "INP002"},
        Severity.INFO: {"RET001", "TRN002", "CNT003", "INP002"},
    }[fail_on]
    assert failing == expected  # the waived LAW001 never fails
    assert _failing_in(junit, report) == failing
    exit_code = report.exit_code()
    assert exit_code == 2  # the input error
    assert json.loads(json_reporter.render(report))["summary"]["exit_code"] == exit_code
    # Without the input error: the exit code is 1 exactly when a finding fails, in every reporter.
    clean = dataclasses.replace(report, findings=tuple(f for f in report.findings if not f.input_error))
    failing_clean = failing - {"INP002"}
    assert clean.exit_code() == (1 if failing_clean else 0)
    assert _failing_in(junit, clean) == failing_clean
    assert json.loads(json_reporter.render(clean))["summary"]["exit_code"] == clean.exit_code()
    root = ET.fromstring(junit.render(clean).encode("utf-8"))
    assert (root.get("failures") != "0") == (clean.exit_code() != 0)
    sarif_run = json.loads(sarif.render(clean))["runs"][0]
    assert sarif_run["invocations"][0]["executionSuccessful"] is True
    for module in ALL_REPORTERS:  # every active finding is still reported, failing or not
        out = module.render(clean)
        assert "No e-mail address." in out, module.__name__


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_check_exit_code_and_junit_agree_on_a_real_statement(fail_on: str) -> None:
    from tests.clirun import invoke

    statement = str(Path(__file__).resolve().parents[1] / "policy" / "solor-dyreklinikk.yaml")
    run = invoke("check", "--no-cache", "--format", "junit", "--fail-on", fail_on, statement)
    root = ET.fromstring(run.out.encode("utf-8"))
    failures = [f.get("message", "") for f in root.iter("failure")]
    shown = invoke("check", "--no-cache", "--format", "json", "--fail-on", fail_on, statement)
    data = json.loads(shown.out)
    expected = [
        f for f in data["findings"] if not f["waived"] and Severity.parse(f["severity"]) >= Severity.parse(fail_on)
    ]
    assert len(failures) == len(expected) > 0
    assert run.code == shown.code == data["summary"]["exit_code"] == 1
    assert root.get("failures") == "1"
