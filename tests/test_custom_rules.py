"""Custom rules: loaded only from the configuration, run with the built-in rules' API, and when one of them
fails, reported as such (which rule, which file) while every other rule still reports, with exit 2.

The rule directories are in ``tests/custom_rules/``; each test copies the one it needs into its own
temporary directory, so nothing is imported from (or cached into) the source tree. The good rule module
logs its import to the file named by NOTICELINT_TEST_RULE_IMPORTS, which shows whether noticelint loaded it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticelint.lint.rules import discover
from tests.clirun import invoke

RULE_DIRS = Path(__file__).resolve().parent / "custom_rules"

# No organisation number: the custom rule ORG001 fires on the controller (line 3). No rights, complaint, ...
# either, so the built-in rules report too.
STATEMENT = (
    "schema_version: 1\n"
    "statement: {id: s, languages: [nb], default_language: nb}\n"
    "controller: {id: c, legal_name: Eksempel AS, contact: {email: post@example.no}}\n"
)
WITH_NUMBER = STATEMENT.replace(
    "legal_name: Eksempel AS,", "legal_name: Eksempel AS, organisation_number: '999999999',"
)

_FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]{2,4}\d{3}) \[\w+\] (?P<message>.*)$"
)


def run(*args: str) -> tuple[int, str, str]:
    result = invoke(*args)
    return result.code, result.out, result.err


def findings(out: str) -> list[re.Match[str]]:
    return [m for m in map(_FINDING.match, out.splitlines()) if m]


def codes(out: str) -> set[str]:
    return {m["code"] for m in findings(out)}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty project directory as the working directory, with an import log for the rule modules."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NOTICELINT_TEST_RULE_IMPORTS", str(tmp_path / "imports.log"))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    (tmp_path / "pyproject.toml").write_text("[tool.noticelint]\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(STATEMENT, encoding="utf-8")
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("noticelint_user_rules")]:
        del sys.modules[name]


def use_rules(project: Path, *names: str, config: str = "pyproject.toml") -> None:
    """Copy rule directories into the project and name them in its configuration."""
    for name in names:
        shutil.copytree(RULE_DIRS / name, project / "rules" / name)
    dirs = ", ".join(f'"rules/{name}"' for name in names)
    header = "[tool.noticelint]\n" if config == "pyproject.toml" else ""
    (project / config).write_text(f"{header}rules-dirs = [{dirs}]\n", encoding="utf-8")


def imported(project: Path) -> list[str]:
    log = project / "imports.log"
    return log.read_text(encoding="utf-8").split() if log.exists() else []


# --- loaded from the configuration, and only from there ------------------------------------------------


def test_custom_rule_from_pyproject_fires_at_its_place(project: Path) -> None:
    use_rules(project, "good")
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 1, out + err
    [finding] = [m for m in findings(out) if m["code"] == "ORG001"]
    assert (finding["line"], finding["column"]) == ("3", "1")  # the `controller` key
    assert "Eksempel AS gives no organisation number" in finding["message"]
    assert imported(project) == ["noticelint_user_rules.good.org_rules"]


def test_custom_rule_stays_quiet_where_its_condition_does_not_hold(project: Path) -> None:
    use_rules(project, "good")
    (project / "s.yaml").write_text(WITH_NUMBER, encoding="utf-8")
    _, out, err = run("check", "--no-cache", "s.yaml")
    assert "ORG001" not in codes(out), out
    assert not err


def test_custom_rule_from_an_explicit_config_file(project: Path) -> None:
    use_rules(project, "good", config="strict.toml")
    code, out, _ = run("check", "--no-cache", "s.yaml")
    assert "ORG001" not in codes(out)  # pyproject.toml names no rule directory
    code, out, err = run("check", "--no-cache", "--config", "strict.toml", "s.yaml")
    assert code == 1, out + err
    assert "ORG001" in codes(out)


def test_custom_rule_is_listed_and_explained(project: Path) -> None:
    use_rules(project, "good")
    code, out, _ = run("rules")
    assert code == 0 and "ORG001" in out and "organisation-number" in out
    code, out, _ = run("rules", "--format", "json")
    assert code == 0 and "ORG001" in out
    code, out, err = run("explain", "org001")
    assert code == 0, err
    assert "House policy 1.2" in out and "organisation number" in out
    assert "Add controller.organisation_number" in out


def test_check_examples_runs_the_custom_rules_examples_too(project: Path) -> None:
    use_rules(project, "good")
    code, out, err = run("rules", "--check-examples")
    assert code == 0, out + err
    assert re.fullmatch(r"all \d+ examples of \d+ rules behave\n", out), out
    builtin = len(discover())
    assert f"of {builtin + 1} rules" in out  # ORG001's examples ran with the built-in ones


def test_check_examples_names_each_example_that_does_not_behave(project: Path) -> None:
    use_rules(project, "bad_examples")
    code, out, _ = run("rules", "--check-examples")
    assert code == 1
    assert "ORG002 fails example: does not make ORG002 fire" in out.splitlines()
    assert "ORG002 passes example: makes ORG002 fire" in out.splitlines()
    assert out.splitlines()[-1].startswith("2 of ")


def test_custom_rule_works_with_select_ignore_and_waivers(project: Path) -> None:
    use_rules(project, "good")
    code, out, _ = run("check", "--no-cache", "--select", "ORG", "s.yaml")
    assert codes(out) == {"ORG001"} and code == 1
    code, out, _ = run("check", "--no-cache", "--ignore", "ORG001", "s.yaml")
    assert "ORG001" not in codes(out)
    waived = STATEMENT.replace(
        "post@example.no}}", "post@example.no}}  # noticelint: ignore[ORG001] number is on the web site"
    )
    (project / "s.yaml").write_text(waived, encoding="utf-8")
    code, out, _ = run("check", "--no-cache", "--select", "ORG,WVR", "s.yaml")
    assert code == 0, out
    assert "(1 waived)" in out


def test_without_configuration_no_custom_rule_is_loaded(project: Path) -> None:
    shutil.copytree(RULE_DIRS / "good", project / "rules" / "good")
    code, out, _ = run("check", "--no-cache", "s.yaml")
    assert "ORG001" not in codes(out)
    code, _, err = run("explain", "ORG001")
    assert code == 2 and "unknown rule code 'ORG001'" in err
    assert imported(project) == []


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("a top-level key", STATEMENT + "rules-dirs: [rules/good]\n"),
        ("a top-level key, as in TOML", STATEMENT + "rules_dirs: rules/good\n"),
        (
            "a key in statement",
            STATEMENT.replace("default_language: nb}", "default_language: nb, rules-dirs: [rules/good]}"),
        ),
        ("a tool table", STATEMENT + "tool:\n  noticelint:\n    rules-dirs: [rules/good]\n"),
    ],
)
def test_rule_directories_named_in_a_statement_are_unknown_keys(project: Path, where: str, text: str) -> None:
    shutil.copytree(RULE_DIRS / "good", project / "rules" / "good")
    (project / "s.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 2, out + err
    assert codes(out) == {"INP003"}, out
    assert all("unknown key" in m["message"] for m in findings(out)), out
    assert imported(project) == [], f"a statement ({where}) made noticelint import a rule module"


@pytest.mark.parametrize(
    "comment",
    [
        "# rules-dirs: [rules/good]",
        "# noticelint: rules-dirs=rules/good",
        "# noticelint: config=rules/good/org_rules.py",
        "# yaml-language-server: $schema=rules/good/org_rules.py",
    ],
)
def test_rule_directories_named_in_a_comment_are_just_a_comment(project: Path, comment: str) -> None:
    shutil.copytree(RULE_DIRS / "good", project / "rules" / "good")
    (project / "s.yaml").write_text(comment + "\n" + STATEMENT, encoding="utf-8")
    code, out, err = run("check", "--no-cache", "--select", "CTL", "s.yaml")
    assert code == 0, out + err
    assert imported(project) == []


def test_configuration_beside_the_statement_is_not_used(project: Path) -> None:
    """Configuration is found from the working directory up, never from the folder of a linted file."""
    other = project / "incoming"
    other.mkdir()
    shutil.copytree(RULE_DIRS / "good", other / "rules" / "good")
    (other / "pyproject.toml").write_text(
        '[tool.noticelint]\nrules-dirs = ["rules/good"]\n', encoding="utf-8"
    )
    (other / "s.yaml").write_text(STATEMENT, encoding="utf-8")
    code, out, _ = run("check", "--no-cache", "incoming/s.yaml")
    assert code == 1
    assert "ORG001" not in codes(out)
    assert imported(project) == []


def test_helper_modules_starting_with_underscore_are_not_loaded(project: Path) -> None:
    use_rules(project, "good")  # good/_helpers.py raises if imported
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 1, out + err
    assert not err


# --- a custom rule that fails ------------------------------------------------------------------------------


def test_failing_rule_is_reported_and_the_other_rules_still_run(project: Path) -> None:
    use_rules(project, "raising", "good")
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 2, out + err
    [failure] = [m for m in findings(out) if m["code"] == "INP005"]
    assert failure["path"] == "s.yaml"
    message = failure["message"]
    assert "BRK001" in message and "always-broken" in message  # which rule
    assert "raising.broken" in message  # which module
    assert "KeyError" in message and "no such party: 'boom'" in message  # what went wrong
    others = codes(out) - {"INP005"}
    assert "ORG001" in others  # the other custom rule
    assert {"CPL001", "RGT001"} <= others  # and the built-in rules
    assert not err


def test_failing_rule_in_every_file_and_in_worker_processes(project: Path) -> None:
    use_rules(project, "raising")
    (project / "many").mkdir()
    for number in range(30):  # enough files that the runner starts worker processes
        (project / "many" / f"s{number:02d}.yaml").write_text(STATEMENT, encoding="utf-8")
    code, out, _ = run("check", "--no-cache", "--jobs", "2", "many")
    assert code == 2
    failures = [m for m in findings(out) if m["code"] == "INP005"]
    assert sorted(m["path"] for m in failures) == [f"many/s{n:02d}.yaml" for n in range(30)]
    assert all("BRK001" in m["message"] for m in failures)
    assert sum(1 for m in findings(out) if m["code"] == "CPL001") == 30


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "gitlab", "github"])
def test_failing_rule_in_machine_formats(project: Path, fmt: str) -> None:
    use_rules(project, "raising")
    code, out, _ = run("check", "--no-cache", "--format", fmt, "s.yaml")
    assert code == 2
    assert "BRK001" in out and "INP005" in out


def test_rule_that_yields_something_else_than_a_hit(project: Path) -> None:
    use_rules(project, "not_a_hit")
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 2, out + err
    failures = {m["message"] for m in findings(out) if m["code"] == "INP005"}
    assert any("BAD001" in m and "yielded str, not a Hit" in m for m in failures), failures
    assert any("BAD002" in m and "yielded tuple, not a Hit" in m for m in failures), failures
    assert "CPL001" in codes(out)


def test_hits_at_odd_places_are_located_in_the_file(project: Path) -> None:
    use_rules(project, "odd_hits")
    code, out, err = run("check", "--no-cache", "--select", "ODD", "s.yaml")
    assert code == 1, out + err
    lines = STATEMENT.splitlines()
    odd = [m for m in findings(out) if m["code"] in ("ODD001", "ODD002")]
    assert len(odd) == 10
    for m in odd:
        line, column = int(m["line"]), int(m["column"])
        assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1, m.group(0)[:120]


def test_rule_that_calls_sys_exit_is_a_rule_error(project: Path) -> None:
    """sys.exit(0) in a rule must not end the run with "success": it is that rule's failure (INP005)."""
    use_rules(project, "exits")
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 2, out + err
    assert any(m["code"] == "INP005" and "EXT001" in m["message"] for m in findings(out)), out
    assert "CPL001" in codes(out)


# --- a custom rule module that cannot be loaded ---------------------------------------------------------------


@pytest.mark.parametrize("command", [("check", "--no-cache", "s.yaml"), ("rules",), ("explain", "CTL001")])
def test_module_that_fails_to_import(project: Path, command: tuple[str, ...]) -> None:
    use_rules(project, "import_error")
    code, out, err = run(*command)
    assert code == 2, out + err
    assert out == ""
    assert err.startswith("noticelint: error: ") and err.count("\n") == 1, err
    assert "rules/import_error/fails_on_import.py" in err
    assert "ImportError" in err and "no_such_name" in err


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("def broken(:\n", "SyntaxError"),
        ("raise SystemExit(0)\n", "SystemExit"),
        (
            "from noticelint.lint.rules import rule\n\n"
            "@rule(code='org1', name='x', severity='error', legal=[], fix='-')\n"
            "def check(ctx):\n    '''Doc.'''\n    return []\n",
            "must look like ABC123",
        ),
        (
            "from noticelint.lint.rules import rule\n\n"
            "@rule(code='ORG009', name='x', severity='error', legal=[], fix='-')\n"
            "def check(ctx):\n    return []\n",
            "has no docstring",
        ),
        (
            "from noticelint.lint.rules import rule\n\n"
            "@rule(code='ORG009', name='x', severity='fatal', legal=[], fix='-')\n"
            "def check(ctx):\n    '''Doc.'''\n    return []\n",
            "severity",
        ),
    ],
    ids=["syntax-error", "exits-on-import", "bad-code", "no-docstring", "bad-severity"],
)
def test_broken_rule_module_names_its_file(project: Path, source: str, words: str) -> None:
    folder = project / "rules" / "mine"
    folder.mkdir(parents=True)
    (folder / "broken_module.py").write_text(source, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.noticelint]\nrules-dirs = ["rules/mine"]\n', encoding="utf-8"
    )
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 2, out + err
    assert out == ""
    assert err.startswith("noticelint: error: ") and err.count("\n") == 1, err
    assert "broken_module.py" in err and words in err, err


def test_rule_reusing_a_builtin_code(project: Path) -> None:
    use_rules(project, "duplicate_code")
    code, out, err = run("check", "--no-cache", "s.yaml")
    assert code == 2, out + err
    assert out == ""
    assert "rule code CTL001 is defined twice" in err
    assert "noticelint.checks.controller" in err and "duplicate_code.reuses_builtin" in err


def test_two_custom_rules_with_one_code(project: Path) -> None:
    use_rules(project, "good")
    shutil.copytree(RULE_DIRS / "good", project / "rules" / "copy")
    (project / "pyproject.toml").write_text(
        '[tool.noticelint]\nrules-dirs = ["rules/good", "rules/copy"]\n', encoding="utf-8"
    )
    code, _, err = run("check", "--no-cache", "s.yaml")
    assert code == 2
    assert "rule code ORG001 is defined twice" in err


def test_module_import_error_in_a_process(project: Path) -> None:
    """What a pre-commit hook shows: one line naming the file, no traceback."""
    use_rules(project, "import_error")
    result = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--no-cache", "s.yaml"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "fails_on_import.py" in result.stderr


def test_failing_rule_in_a_process(project: Path) -> None:
    use_rules(project, "raising")
    result = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--no-cache", "s.yaml"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr and result.stderr == ""
    assert re.search(r"^s\.yaml:1:1: INP005 \[error\] rule BRK001 ", result.stdout, re.M), result.stdout
