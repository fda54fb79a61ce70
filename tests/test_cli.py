"""The command line as a user meets it: exit codes, output formats, rule selection, waivers, configuration
and the documentation commands. Exit codes: 0 clean, 1 rule findings at or above --fail-on, 2 the tool
could not do its job. No Python traceback ever reaches the user.

Most runs go through ``noticelint.cli.main`` in-process; a few through ``python -m noticelint`` to prove
what a real process prints on stderr. Rule runs use ``--select CTL,WVR`` (or a narrower selection) so
that rules added later cannot change the exit code these tests are about.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from noticelint import __version__
from tests.clirun import SELECT, VALID, assert_no_traceback, cli, isolate, module

REPO = Path(__file__).resolve().parents[1]
# The controller has no contact details: CTL002 (error) on line 3, column 1 (the key `controller`).
NO_CONTACT = (
    "schema_version: 1\n"
    "statement: {id: s, languages: [nb], default_language: nb}\n"
    "controller: {id: c, legal_name: Eksempel AS}\n"
)
WAIVED = NO_CONTACT.replace(
    "legal_name: Eksempel AS}",
    "legal_name: Eksempel AS}  # noticelint: ignore[CTL002] contact is on the web site",
)
WAIVER_WITHOUT_REASON = NO_CONTACT.replace(
    "legal_name: Eksempel AS}", "legal_name: Eksempel AS}  # noticelint: ignore[CTL002]"
)
# A waiver on line 2 that waives nothing: WVR002 (warning) at the '#', column 60.
STALE_WAIVER = VALID.replace(
    "default_language: nb}", "default_language: nb}  # noticelint: ignore[CTL001] legal name was missing once"
)


def write(name: str, text: str) -> str:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")
    return name


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


# --- exit codes and the text format ------------------------------------------------------------------


def test_clean_statement_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, write("s.yaml", VALID))
    assert (run.code, run.out, run.err) == (0, "no problems in 1 file\n", "")


def test_rule_finding_exits_1_with_a_located_line(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, write("s.yaml", NO_CONTACT))
    assert run.code == 1
    [finding] = run.findings
    assert (finding.path, finding.line, finding.column) == ("s.yaml", 3, 1)
    assert (finding.code, finding.severity) == ("CTL002", "error")
    assert "no contact details" in finding.message
    assert run.summary == "1 error in 1 file"
    assert run.err == ""


def test_input_error_wins_over_rule_findings(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, write("a.yaml", NO_CONTACT), write("b.yaml", "schema_version: [\n"))
    assert run.code == 2
    assert [(f.path, f.code) for f in run.findings] == [("a.yaml", "CTL002"), ("b.yaml", "INP002")]
    assert run.summary == "2 errors in 2 files"


def test_findings_in_a_process(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(NO_CONTACT, encoding="utf-8")
    result = module("check", "--select", "CTL", "s.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("s.yaml:3:1: CTL002 [error] no contact details")
    assert result.stderr == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "--version")
    assert run.code == 0
    assert run.out.strip() == f"noticelint {__version__}"


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(
        capsys,
    )
    assert run.code == 2
    assert "usage: noticelint" in run.out + run.err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--format", "xml", write("s.yaml", VALID))
    assert run.code == 2
    assert "invalid choice: 'xml'" in run.err


# --- --fail-on, --select, --ignore, --statistics -----------------------------------------------------


def test_fail_on_error_with_only_warnings_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("s.yaml", STALE_WAIVER)
    default = cli(capsys, "check", *SELECT, path)
    assert default.code == 1
    [finding] = default.findings
    assert (finding.line, finding.column, finding.code, finding.severity) == (2, 60, "WVR002", "warning")
    relaxed = cli(capsys, "check", *SELECT, "--fail-on", "error", path)
    assert relaxed.code == 0
    assert relaxed.findings == default.findings  # still shown, just not failing
    assert relaxed.summary == "1 warning in 1 file"


def test_fail_on_from_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint]\nfail-on = "error"\n')
    assert cli(capsys, "check", *SELECT, write("s.yaml", STALE_WAIVER)).code == 0
    assert cli(capsys, "check", *SELECT, "--fail-on", "warning", "s.yaml").code == 1


@pytest.mark.parametrize("select", ["CTL", "CTL00", "ctl002", "CTL002,WVR"])
def test_select_by_prefix(select: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--select", select, write("s.yaml", NO_CONTACT))
    assert run.code == 1
    assert [f.code for f in run.findings] == ["CTL002"]


@pytest.mark.parametrize("ignore", ["CTL", "CTL00", "ctl002"])
def test_ignore_by_prefix(ignore: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, "--ignore", ignore, write("s.yaml", NO_CONTACT))
    assert (run.code, run.out) == (0, "no problems in 1 file\n")


def test_select_other_rule_hides_the_finding(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--select", "CTL001", write("s.yaml", NO_CONTACT))
    assert run.code == 0


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_code_in_selection(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", option, "XYZ999", write("s.yaml", VALID))
    assert run.code == 2
    assert run.out == ""
    assert (
        run.err.strip() == "noticelint: error: unknown rule code or prefix 'XYZ999' (see `noticelint rules`)"
    )


def test_input_errors_are_reported_whatever_the_selection(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--select", "CTL001", "--ignore", "INP", write("s.yaml", "a: [\n"))
    assert run.code == 2
    assert [f.code for f in run.findings] == ["INP002"]


def test_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(
        capsys,
        "check",
        *SELECT,
        "--statistics",
        write("a.yaml", NO_CONTACT),
        write("b.yaml", NO_CONTACT),
        write("c.yaml", STALE_WAIVER),
    )
    assert run.code == 1
    lines = run.out.splitlines()
    assert re.fullmatch(r"\s*2\s+CTL002\s+controller-contact", lines[0]), run.out
    assert re.fullmatch(r"\s*1\s+WVR002\s+unused-waiver", lines[1]), run.out
    assert lines[-1] == "2 errors, 1 warning in 3 files"
    assert not run.findings  # counts instead of findings


# --- machine-readable formats ------------------------------------------------------------------------


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, "--format", "json", write("s.yaml", NO_CONTACT))
    assert run.code == 1
    report = json.loads(run.out)
    assert report["summary"]["exit_code"] == 1 and report["summary"]["errors"] == 1
    [finding] = report["findings"]
    assert (finding["file"], finding["line"], finding["column"]) == ("s.yaml", 3, 1)
    assert (finding["code"], finding["severity"], finding["input_error"]) == ("CTL002", "error", False)
    assert finding["legal"] and finding["fix"]


def test_json_format_for_input_errors(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--format", "json", write("s.yaml", "\tschema_version: 1\n"), "missing.yaml")
    assert run.code == 2
    report = json.loads(run.out)
    assert report["summary"]["exit_code"] == 2
    assert {(f["file"], f["code"], f["input_error"]) for f in report["findings"]} == {
        ("s.yaml", "INP002", True),
        ("missing.yaml", "INP001", True),
    }


def test_sarif_format(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, "--format", "sarif", write("s.yaml", NO_CONTACT))
    assert run.code == 1
    sarif = json.loads(run.out)
    assert sarif["version"] == "2.1.0"
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "CTL002" and result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "s.yaml"
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (3, 1)
    assert "CTL002" in {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_format_for_input_errors(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--format", "sarif", write("s.yaml", VALID + "colour: blue\n"))
    assert run.code == 2
    [result] = json.loads(run.out)["runs"][0]["results"]
    assert result["ruleId"] == "INP003"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 4


def test_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(
        capsys, "check", *SELECT, "--format", "json", "--output", "report.json", write("s.yaml", NO_CONTACT)
    )
    assert (run.code, run.out, run.err) == (1, "", "")
    assert json.loads(Path("report.json").read_text(encoding="utf-8"))["summary"]["exit_code"] == 1


def test_output_into_a_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, "--output", "nowhere/report.txt", write("s.yaml", VALID))
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("noticelint: error: nowhere/report.txt: cannot write the report")
    assert not (tmp_path / "nowhere").exists()


def test_output_onto_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    run = cli(capsys, "check", *SELECT, "--output", "out", write("s.yaml", VALID))
    assert run.code == 2
    assert "cannot write the report" in run.err
    assert list((tmp_path / "out").iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no temporary file left


def test_output_into_a_missing_directory_in_a_process(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(VALID, encoding="utf-8")
    result = module("check", "--output", "nowhere/report.txt", "s.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("noticelint: error: nowhere/report.txt: cannot write the report")
    assert_no_traceback(result.stderr)


# --- jobs and the cache ------------------------------------------------------------------------------


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--jobs", "0", write("s.yaml", VALID))
    assert run.code == 2
    assert run.err.strip() == "noticelint: error: --jobs must be 1 or more"


def test_parallel_run_reports_in_a_stable_order(capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(30):
        write(f"policy/s{index:02d}.yaml", VALID)
    write("policy/s07.yaml", NO_CONTACT)
    write("policy/s20.yaml", "schema_version: 1\nstatement:\n\tid: s\n")
    serial = cli(capsys, "check", *SELECT, "--no-cache", "--jobs", "1", "policy")
    parallel = cli(capsys, "check", *SELECT, "--no-cache", "--jobs", "2", "policy")
    assert serial.code == parallel.code == 2
    assert parallel.out == serial.out
    assert [(f.path, f.line, f.code) for f in parallel.findings] == [
        ("policy/s07.yaml", 3, "CTL002"),
        ("policy/s20.yaml", 3, "INP002"),
    ]
    assert parallel.summary == "2 errors in 30 files"


def test_cached_run_gives_the_same_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("a.yaml", NO_CONTACT)
    write("b.yaml", "a: [\n")
    first = cli(capsys, "check", *SELECT, "a.yaml", "b.yaml")
    assert first.code == 2
    entries = [p for p in (tmp_path / ".noticelint_cache" / "v2").rglob("*") if p.is_file()]
    assert entries, "the first run fills the cache"
    assert cli(capsys, "check", *SELECT, "a.yaml", "b.yaml") == first
    for entry in entries:
        entry.write_text("{not json", encoding="utf-8")
    assert cli(capsys, "check", *SELECT, "a.yaml", "b.yaml") == first  # a corrupt entry is a miss
    ignored = cli(capsys, "check", *SELECT, "--ignore", "CTL002", "a.yaml")
    assert (ignored.code, ignored.findings) == (0, [])  # another selection is another key


def test_cache_follows_the_file_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "check", *SELECT, write("s.yaml", NO_CONTACT)).code == 1
    assert cli(capsys, "check", *SELECT, write("s.yaml", VALID)).code == 0


def test_unusable_cache_directory_only_costs_time(capsys: pytest.CaptureFixture[str]) -> None:
    write("not-a-directory", "x")
    run = cli(capsys, "check", *SELECT, "--cache-dir", "not-a-directory", write("s.yaml", NO_CONTACT))
    assert run.code == 1
    assert [f.code for f in run.findings] == ["CTL002"]


def test_no_cache_writes_no_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "check", *SELECT, "--no-cache", write("s.yaml", VALID)).code == 0
    assert not (tmp_path / ".noticelint_cache").exists()


# --- waivers -----------------------------------------------------------------------------------------


def test_waived_finding(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, write("s.yaml", WAIVED))
    assert run.code == 0
    assert run.findings == []
    assert run.out == "no problems in 1 file (1 waived)\n"


def test_waived_finding_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, "--format", "json", write("s.yaml", WAIVED))
    assert run.code == 0
    report = json.loads(run.out)
    assert report["summary"]["waived"] == 1 and report["summary"]["errors"] == 0
    [finding] = report["findings"]
    assert (finding["code"], finding["waived"], finding["waiver_reason"]) == (
        "CTL002",
        True,
        "contact is on the web site",
    )


def test_waiver_without_reason(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, write("s.yaml", WAIVER_WITHOUT_REASON))
    assert run.code == 1
    [finding] = run.findings  # the CTL002 finding itself is waived
    assert (finding.line, finding.column, finding.code, finding.severity) == (3, 47, "WVR001", "error")
    assert "gives no reason" in finding.message
    assert run.summary == "1 error in 1 file (1 waived)"


def test_waiver_that_waives_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, write("s.yaml", STALE_WAIVER))
    assert run.code == 1
    [finding] = run.findings
    assert (finding.line, finding.column, finding.code) == (2, 60, "WVR002")
    assert "waiver of CTL001 waives nothing on this line" in finding.message


def test_waiver_of_a_rule_switched_off_is_not_stale(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, "--ignore", "CTL002", write("s.yaml", WAIVED))
    assert (run.code, run.out) == (0, "no problems in 1 file\n")


def test_waiver_of_an_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(
        capsys,
        "check",
        *SELECT,
        write("s.yaml", VALID.replace("nb}\n", "nb}  # noticelint: ignore[XYZ999] why\n")),
    )
    assert run.code == 1
    [finding] = run.findings
    assert (finding.line, finding.code) == (2, "WVR002") and "XYZ999" in finding.message


def test_waiver_for_a_different_rule_does_not_waive(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", *SELECT, write("s.yaml", WAIVED.replace("ignore[CTL002]", "ignore[CTL001]")))
    assert run.code == 1
    assert {(f.line, f.code) for f in run.findings} == {(3, "CTL002"), (3, "WVR002")}


# --- configuration -----------------------------------------------------------------------------------


def test_configuration_select(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint]\nselect = ["CTL001"]\n')
    assert cli(capsys, "check", write("s.yaml", NO_CONTACT)).code == 0


def test_configuration_found_above_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()  # up to the repository root
    write("pyproject.toml", '[tool.noticelint]\nselect = ["CTL001"]\n')
    write("sub/s.yaml", NO_CONTACT)
    monkeypatch.chdir(tmp_path / "sub")
    assert cli(capsys, "check", "s.yaml").code == 0


def test_configuration_unknown_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint]\nselec = ["CTL"]\n')
    run = cli(capsys, "check", write("s.yaml", VALID))
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith(f"noticelint: error: {tmp_path / 'pyproject.toml'}: [tool.noticelint]")
    assert "unknown key 'selec'; did you mean 'select'?" in run.err


def test_configuration_invalid_toml(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint\nselect = ["CTL"]\n')
    run = cli(capsys, "check", write("s.yaml", VALID))
    assert run.code == 2
    assert "invalid TOML" in run.err and "line 1" in run.err


def test_configuration_unknown_severity(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint]\nfail-on = "fatal"\n')
    run = cli(capsys, "check", write("s.yaml", VALID))
    assert run.code == 2
    assert "'fail-on'" in run.err and "'fatal'" in run.err and "info, warning, error" in run.err


def test_configuration_unknown_rule_code(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint]\nignore = ["XYZ"]\n')
    run = cli(capsys, "check", write("s.yaml", VALID))
    assert run.code == 2
    assert "unknown rule code or prefix 'XYZ'" in run.err


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ("select = 5", "'select' must be a list of strings"),
        ("max-file-size = -1", "'max-file-size' must be a positive number"),
        ("per-file-ignores = 3", "'per-file-ignores' must be a table"),
        ('rules-dirs = ["no-such-dir"]', "does not exist"),
    ],
)
def test_configuration_wrong_values(table: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", f"[tool.noticelint]\n{table}\n")
    run = cli(capsys, "check", write("s.yaml", VALID))
    assert run.code == 2
    assert words in run.err


def test_explicit_configuration_file_missing(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "check", "--config", "nope.toml", write("s.yaml", VALID))
    assert run.code == 2
    assert run.err.strip() == "noticelint: error: nope.toml: configuration file not found"


def test_bad_configuration_in_a_process(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.noticelint]\nselec = ["CTL"]\n', encoding="utf-8")
    (tmp_path / "s.yaml").write_text(VALID, encoding="utf-8")
    result = module("check", "s.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "did you mean 'select'?" in result.stderr
    assert_no_traceback(result.stderr)


def test_configuration_tool_is_not_a_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    (tmp_path / "s.yaml").write_text(VALID, encoding="utf-8")
    result = module("check", "s.yaml", cwd=tmp_path)
    assert_no_traceback(result.stdout, result.stderr)
    assert result.returncode == 2
    assert "noticelint: error:" in result.stderr


def test_configuration_per_file_ignores_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint]\nper-file-ignores = {"*.yaml" = ["CTL0002"]}\n')
    run = cli(capsys, "check", *SELECT, write("s.yaml", NO_CONTACT))
    assert run.code == 2
    assert "CTL0002" in run.err


@pytest.mark.parametrize(
    "command",
    [["check"], ["render", "s.yaml", "--draft"], ["rules"], ["explain", "CTL002"]],
    ids=lambda c: c[0],
)
def test_every_command_refuses_an_unknown_code_in_the_configuration_alike(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    write("pyproject.toml", '[tool.noticelint]\nper-file-ignores = {"*.yaml" = ["CTL0002"]}\n')
    path = write("s.yaml", NO_CONTACT)
    args = [*command, path] if command == ["check"] else command
    run = cli(capsys, *args)
    assert run.code == 2
    assert run.err.strip() == "noticelint: error: unknown rule code or prefix 'CTL0002' (see `noticelint rules`)"


def test_small_max_file_size_message(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", "[tool.noticelint]\nmax-file-size = 100\n")
    run = cli(capsys, "check", write("s.yaml", VALID))
    assert run.code == 2
    [finding] = run.findings
    assert (finding.line, finding.code) == (1, "INP001")
    assert "0.0 MiB" not in finding.message


def test_excluded_files_are_not_called_missing(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.noticelint]\nexclude = ["*.yaml"]\n')
    write("policy/s.yaml", VALID)
    run = cli(capsys, "check", "policy")
    assert run.code == 2
    assert "exclude" in run.out


# --- rules, explain, schema --------------------------------------------------------------------------


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "rules")
    assert run.code == 0
    codes = [line.split()[0] for line in run.out.splitlines() if line.strip()]
    assert {"CTL001", "CTL002", "INP001", "INP003", "WVR001", "WVR002"} <= set(codes)
    assert codes == sorted(codes)
    assert re.search(
        r"^CTL001\s+controller-legal-name\s+error\s+statute, certain\s+GDPR Art\. 13\(1\)\(a\)", run.out, re.M
    )


def test_rules_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "rules", "--format", "json")
    assert run.code == 0
    rules = {r["code"]: r for r in json.loads(run.out)}
    assert rules["CTL002"]["severity"] == "error" and rules["CTL002"]["legal"]


@pytest.mark.parametrize("code", ["ctl003", "CTL003", " Ctl003 "])
def test_explain_is_case_insensitive(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "explain", code)
    assert run.code == 0
    assert run.out.startswith("CTL003 controller-mismatch [error]")
    assert "Legal reference: GDPR Art. 13(1)(a); GDPR Art. 26" in run.out
    assert "How to fix:" in run.out


def test_explain_meta_rule(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "explain", "inp002")
    assert run.code == 0
    assert run.out.startswith("INP002 invalid-yaml [error]")


def test_explain_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "explain", "XYZ999")
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("noticelint: error: unknown rule code 'XYZ999'")


def test_explain_near_miss_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "explain", "CTL0003")
    assert run.code == 2
    assert "did you mean CTL" in run.err


def test_schema_is_the_published_file(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "schema")
    assert run.code == 0
    published = (REPO / "schema" / "privacy-statement.schema.json").read_text(encoding="utf-8")
    assert json.loads(run.out) == json.loads(published)
    assert run.out == published


def test_the_command_leaves_quickly_but_with_all_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`noticelint` exits without tearing the interpreter down; its output must still be whole."""
    isolate(tmp_path, monkeypatch)
    clinic = Path(__file__).resolve().parents[1] / "policy" / "solor-dyreklinikk.yaml"
    for index in range(40):  # enough findings for an output far beyond one pipe buffer
        (tmp_path / f"clinic-{index:02}.yaml").write_text(
            clinic.read_text(encoding="utf-8"), encoding="utf-8"
        )
    expected = cli(capsys, "check", "--no-cache", "--format", "json", ".")
    child = module("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert child.returncode == expected.code == 1
    assert len(child.stdout) > 65_536
    assert json.loads(child.stdout) == json.loads(expected.out)
    written = module("check", "--no-cache", "--format", "sarif", "--output", "out.sarif", ".", cwd=tmp_path)
    assert (
        written.returncode == 1 and json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"]
    )
