"""Every rule carries a failing and a passing example; here they run.

Each example is a YAML fragment merged onto the complete example statement, which itself checks clean.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from noticelint.format.evidence import Evidence, evidence_from_data
from noticelint.lint.engine import Linter
from noticelint.lint.findings import Finding
from noticelint.lint.rules import Rule, discover
from tests.conftest import merge, yaml_dump, yaml_load

RULES = discover()


def _apply(example_data: dict[str, Any], fragment: str) -> str:
    return yaml_dump(merge(example_data, yaml_load(fragment)))


def _evidence(text: str) -> Evidence | None:
    """The evidence an SCN rule's example is checked with (YAML of the evidence model)."""
    return evidence_from_data(yaml_load(text), "example evidence") if text else None


def _run(
    linter: Linter, check: Callable[[str], list[Finding]], statement: str, evidence: str
) -> list[Finding]:
    if not evidence:
        return check(statement)
    return linter.check_text_typed(statement, "statement.yaml", _evidence(evidence))[0]


def test_every_rule_has_examples_and_documentation() -> None:
    for r in RULES:
        info = r.info
        assert info.fails and info.passes, f"{info.code} needs a failing and a passing example"
        if info.family == "SCN":
            assert info.evidence_fails and info.evidence_passes, (
                f"{info.code} needs evidence for its examples"
            )
        assert info.legal, f"{info.code} needs a legal reference"
        assert info.explanation and info.fix and info.summary, f"{info.code} needs explanation and fix"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_fires(
    rule: Rule, example_data: dict[str, Any], check: Callable[[str], list[Finding]], linter: Linter
) -> None:
    findings = _run(linter, check, _apply(example_data, rule.info.fails), rule.info.evidence_fails)
    assert not [f for f in findings if f.input_error], findings
    assert rule.code in {f.code for f in findings}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_is_quiet(
    rule: Rule, example_data: dict[str, Any], check: Callable[[str], list[Finding]], linter: Linter
) -> None:
    findings = _run(linter, check, _apply(example_data, rule.info.passes), rule.info.evidence_passes)
    assert not [f for f in findings if f.input_error], findings
    assert rule.code not in {f.code for f in findings}
