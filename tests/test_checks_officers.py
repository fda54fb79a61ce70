"""Behaviour of the DPO and representative rules (checks/officers.py): both sides of every condition."""

from __future__ import annotations

from typing import Any

import pytest

from noticelint.lint.findings import Finding
from tests.checkhelpers import Check, line_of, only, run
from tests.conftest import CLINIC, merge, yaml_dump, yaml_load

NO_DPO = """
dpo:
  designated: false
  contact: null
  text: Vi har ikke utnevnt personvernombud.
"""
HEALTH = """
activities:
  - id: tilrettelegging
    purpose: Tilrettelegge besøket for deg som har en funksjonsnedsettelse.
    special_categories: [health, biometric]
    legal_basis: "6(1)(a)"
    special_condition: "9(2)(a)"
"""
REPRESENTATIVE = """
representative:
  id: representant
  legal_name: Representant Eksempel AS
  country: "NO"
  contact:
    email: representant@example.no
"""


def ours(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code.startswith(("DPO", "REP"))]


def test_example_has_no_officer_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert ours(run(check, example_data)) == []


# --- DPO001 -----------------------------------------------------------------------------------------


def test_designated_dpo_without_contact(check: Check, example_data: dict[str, Any]) -> None:
    assert [f.pointer for f in only(run(check, example_data, "dpo: {contact: null}"), "DPO001")] == ["/dpo"]


def test_designated_dpo_with_empty_contact(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "dpo: {contact: {email: null}}"), "DPO001")
    assert [f.pointer for f in findings] == ["/dpo/contact"]


@pytest.mark.parametrize(
    "contact", ["{phone: '+47 11 11 11 11'}", "{web_form: 'https://www.example.no/ombud'}"]
)
def test_designated_dpo_with_any_channel(check: Check, example_data: dict[str, Any], contact: str) -> None:
    patch = f"dpo: {{contact: {contact}}}"
    data = merge(example_data, yaml_load(patch))
    data["dpo"]["contact"] = yaml_load(contact)  # replace, do not merge with the example's e-mail
    findings = check(yaml_dump(data))
    assert only(findings, "DPO001") == []


def test_no_dpo_designated_needs_no_contact(check: Check, example_data: dict[str, Any]) -> None:
    assert ours(run(check, example_data, NO_DPO)) == []


# --- DPO002 -----------------------------------------------------------------------------------------


def test_silence_about_the_dpo(check: Check, example_data: dict[str, Any]) -> None:
    text = yaml_dump(merge(example_data, yaml_load("dpo: null")))
    findings = only(check(text), "DPO002")
    assert [f.pointer for f in findings] == ["/controller"]
    assert findings[0].span.line == line_of(text, "controller:")
    assert "Eksempel Dyrehelse AS" in findings[0].message


# --- DPO003 -----------------------------------------------------------------------------------------


def test_special_categories_without_dpo(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, HEALTH, NO_DPO), "DPO003")
    assert [f.pointer for f in findings] == ["/dpo"]
    assert "tilrettelegging" in findings[0].message and "biometric, health" in findings[0].message
    findings = only(run(check, example_data, HEALTH, "dpo: null"), "DPO003")
    assert [f.pointer for f in findings] == ["/controller"]


def test_special_categories_with_dpo(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, HEALTH), "DPO003") == []


def test_no_special_categories_no_dpo(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, NO_DPO), "DPO003") == []


# --- REP001 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["US", "GB", "CH"])
def test_outside_eea_without_representative(check: Check, example_data: dict[str, Any], country: str) -> None:
    findings = only(run(check, example_data, f"controller: {{country: {country}}}"), "REP001")
    assert [f.pointer for f in findings] == ["/controller/country"]
    assert country in findings[0].message


def test_controller_outside_eea_with_representative(check: Check, example_data: dict[str, Any]) -> None:
    assert ours(run(check, example_data, "controller: {country: US}", REPRESENTATIVE)) == []


@pytest.mark.parametrize("country", ["NO", "IS", "LI", "IE", "null"])
def test_controller_in_eea_or_unknown(check: Check, example_data: dict[str, Any], country: str) -> None:
    assert only(run(check, example_data, f"controller: {{country: {country}}}"), "REP001") == []


# --- REP002 / REP003 --------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["GB", "CH", "US"])
def test_representative_outside_eea(check: Check, example_data: dict[str, Any], country: str) -> None:
    patch = REPRESENTATIVE.replace('"NO"', country)
    findings = ours(run(check, example_data, "controller: {country: US}", patch))
    assert [(f.code, f.pointer) for f in findings] == [("REP002", "/representative/country")]


def test_representative_without_contact(check: Check, example_data: dict[str, Any]) -> None:
    findings = ours(run(check, example_data, REPRESENTATIVE, "representative: {contact: null}"))
    assert [(f.code, f.pointer) for f in findings] == [("REP003", "/representative")]
    findings = ours(run(check, example_data, REPRESENTATIVE, "representative: {contact: {email: null}}"))
    assert [(f.code, f.pointer) for f in findings] == [("REP003", "/representative/contact")]


# --- the clinic -------------------------------------------------------------------------------------


def test_clinic_does_not_say_whether_it_has_a_dpo(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = ours(check(text))
    assert [f.code for f in findings] == ["DPO002"]
    assert findings[0].span.line == line_of(text, "controller:")
