"""Every rule carries a failing and a passing example; here they run.

Each example is a YAML fragment merged by id onto the complete example statement, which itself checks
clean: the same merge and the same check as ``noticelint rules --check-examples``.
"""

from __future__ import annotations

import pytest

from noticelint.lint.engine import Linter
from noticelint.lint.examples import base_statement, example_document, example_findings
from noticelint.lint.rules import Rule, discover
from tests.conftest import EXAMPLE, yaml_load

RULES = discover()


def test_every_rule_has_examples_and_documentation() -> None:
    for r in RULES:
        info = r.info
        assert info.fails and info.passes, f"{info.code} needs a failing and a passing example"
        if info.family == "SCN":
            assert info.evidence_fails and info.evidence_passes, f"{info.code} needs evidence for its examples"
        assert info.legal, f"{info.code} needs a legal reference"
        assert info.explanation and info.fix and info.summary, f"{info.code} needs explanation and fix"


def test_the_base_statement_is_the_example_in_policy() -> None:
    assert base_statement() == yaml_load(EXAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_fires(rule: Rule, linter: Linter) -> None:
    findings = example_findings(linter, rule, "fails")
    assert not [f for f in findings if f.input_error], findings
    assert rule.code in {f.code for f in findings}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_is_quiet(rule: Rule, linter: Linter) -> None:
    findings = example_findings(linter, rule, "passes")
    assert not [f for f in findings if f.input_error], findings
    assert rule.code not in {f.code for f in findings}


def test_examples_merge_lists_of_items_by_id() -> None:
    """A fragment names only what it is about: the base statement's other items stay."""
    base = base_statement()
    merged = yaml_load(example_document("activities:\n  - {id: timebestilling, legal_basis: null}\n"))
    assert [a["id"] for a in merged["activities"]] == [a["id"] for a in base["activities"]]
    assert "legal_basis" not in merged["activities"][0]
    assert merged["activities"][1] == base["activities"][1]
    appended = yaml_load(example_document("activities:\n  - {id: ny, purpose: Noe nytt}\n"))
    assert [a["id"] for a in appended["activities"]][-1] == "ny"
    assert len(appended["activities"]) == len(base["activities"]) + 1
