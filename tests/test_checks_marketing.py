"""Behaviour of the direct-marketing rules (checks/marketing.py): both sides of every condition."""

from __future__ import annotations

from typing import Any

from tests.checkhelpers import Check, only, run

MARKETING = """
activities:
  - id: nyhetsbrev
    purpose: Sende nyhetsbrev med tilbud til kunder
    legal_basis: "6(1)(a)"
    direct_marketing: {channels: [email], electronic_ground: prior_consent}
"""


def test_example_has_no_marketing_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("MKT")] == []


def test_marketing_needs_the_separate_objection_whatever_the_basis(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = only(run(check, example_data, MARKETING, "rights: {objection: null}"), "MKT001")
    assert len(findings) == 1 and "rights.objection" in findings[0].message
    assert "'objection' in rights.offered" not in findings[0].message  # the example offers it


def test_marketing_objection_present_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    worded = 'rights: {objection: "Du kan når som helst protestere mot markedsføring."}'
    findings = run(check, example_data, MARKETING, worded)
    assert only(findings, "MKT001") == [] and only(findings, "MKT002") == []


def test_objection_text_without_marketing_is_a_warning(check: Check, example_data: dict[str, Any]) -> None:
    # The example's objection text speaks only of legitimate interests.
    [finding] = only(run(check, example_data, MARKETING), "MKT002")
    assert finding.severity.label == "warning" and finding.pointer == "/rights/objection"


def test_email_marketing_without_ground_under_norwegian_law(
    check: Check, example_data: dict[str, Any]
) -> None:
    bare = MARKETING.replace(", electronic_ground: prior_consent", "")
    [finding] = only(run(check, example_data, bare), "MKT003")
    assert "markedsføringsloven § 15" in finding.message and "email" in finding.message
    post = bare.replace("channels: [email]", "channels: [post]")
    assert only(run(check, example_data, post), "MKT003") == []
    swedish = "statement: {jurisdiction: SE}\ncontroller: {country: SE}\ncomplaint: {authority: SE}"
    assert only(run(check, example_data, bare, swedish), "MKT003") == []
