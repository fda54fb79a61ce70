"""The severity policy: every rule's severity follows from its declared basis and certainty."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticelint.lint.findings import Severity
from noticelint.lint.meta_rules import ALL as META
from noticelint.lint.rules import Basis, Certainty, RuleDefinitionError, discover, rule
from noticelint.reporters.rule_docs import explain, rules_listing

CUSTOM = Path(__file__).parent / "custom_rules"

EXPECTED = {Basis.STATUTE: Severity.ERROR, Basis.GUIDANCE: Severity.WARNING, Basis.PRACTICE: Severity.INFO}


def test_every_builtin_rule_declares_a_legal_basis_and_follows_the_policy() -> None:
    for found in discover():
        info = found.info
        assert info.basis in EXPECTED, f"{info.code} declares no basis (statute, guidance or practice)"
        base = EXPECTED[info.basis]
        if info.severity_exception:
            continue
        if info.certainty is Certainty.CERTAIN:
            assert info.severity == base, info.code
        else:
            assert info.severity <= min(base, Severity.WARNING), info.code


def test_the_only_exception_by_design_is_ctl003() -> None:
    exceptions = {r.code for r in discover() if r.info.severity_exception}
    assert exceptions == {"CTL003"}
    [ctl003] = [r.info for r in discover() if r.code == "CTL003"]
    assert ctl003.severity is Severity.ERROR and ctl003.certainty is Certainty.INFERRED


def test_uncertain_findings_are_never_errors() -> None:
    for found in discover():
        info = found.info
        if info.certainty is not Certainty.CERTAIN and not info.severity_exception:
            assert info.severity <= Severity.WARNING, info.code


def test_custom_rule_without_basis_is_a_house_rule_with_its_own_severity() -> None:
    [org] = [r.info for r in discover([CUSTOM / "good"]) if r.code == "ORG001"]
    assert org.basis is Basis.HOUSE and org.severity is Severity.WARNING and not org.builtin
    assert "Basis: house" in explain(org)


def test_engine_findings_have_basis_tool() -> None:
    assert {m.basis for m in META} == {Basis.TOOL}


def _noop(ctx: object) -> None:
    """A rule.

    It checks nothing.
    """


def test_custom_rule_with_a_basis_follows_the_policy() -> None:
    check = rule(code="ORG900", name="x", legal=[], fix="-", basis="guidance")(_noop)
    assert check.__noticelint_rule__.info.severity is Severity.WARNING  # type: ignore[attr-defined]
    with pytest.raises(RuleDefinitionError, match="does not follow from basis statute"):
        rule(
            code="ORG901",
            name="x",
            legal=[],
            fix="-",
            basis="statute",
            certainty="inferred",
            severity="error",
        )(_noop)
    with pytest.raises(RuleDefinitionError, match="does not follow"):
        rule(code="ORG902", name="x", legal=[], fix="-", basis="practice", severity="warning")(_noop)
    with pytest.raises(RuleDefinitionError, match="give a severity"):
        rule(code="ORG903", name="x", legal=[], fix="-")(_noop)
    with pytest.raises(RuleDefinitionError, match="certainty"):
        rule(code="ORG904", name="x", legal=[], fix="-", basis="statute", certainty="sure")(_noop)


def test_listings_show_basis_and_certainty() -> None:
    rules = discover()
    text = rules_listing(rules)
    assert "statute, uncertain-knowledge" in text and "practice, certain" in text
    assert '"basis": "statute"' in rules_listing(rules, "json")
    assert "| basis |" in rules_listing(rules, "markdown")
    [trf004] = [r.info for r in rules if r.code == "TRF004"]
    assert "Basis: statute; certainty: uncertain-knowledge; hence warning." in explain(trf004)
