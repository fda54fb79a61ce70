"""Behaviour of the complaint rules (checks/complaint.py): both sides of every condition."""

from __future__ import annotations

from typing import Any

import pytest
from noticelint.checks.complaint import url_host

from noticelint.lint.findings import Finding
from tests.checkhelpers import Check, line_of, only, run
from tests.conftest import CLINIC, merge, yaml_dump, yaml_load


def cpl(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code.startswith("CPL")]


def test_example_has_no_complaint_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert cpl(run(check, example_data)) == []


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.datatilsynet.no", "datatilsynet.no"),
        ("https://www.Datatilsynet.DK/klage?x=1", "datatilsynet.dk"),
        ("www.imy.se", "imy.se"),
        ("https://uoou.gov.cz/", "uoou.gov.cz"),
    ],
)
def test_url_host(url: str, host: str) -> None:
    assert url_host(url) == host


# --- CPL001 -----------------------------------------------------------------------------------------


def test_no_complaint_item(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "complaint: null"), "CPL001")
    assert [f.pointer for f in findings] == [""]


def test_empty_complaint_item(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "complaint: {authority: null, text: null}"), "CPL001")
    assert [f.pointer for f in findings] == ["/complaint"]


def test_complaint_in_wording_only_is_present(check: Check, example_data: dict[str, Any]) -> None:
    findings = run(check, example_data, "complaint: {authority: null}")
    assert only(findings, "CPL001") == []


# --- CPL002 -----------------------------------------------------------------------------------------


def test_unknown_authority_code(check: Check, example_data: dict[str, Any]) -> None:
    findings = cpl(run(check, example_data, "complaint: {authority: ZZ}"))
    assert [(f.code, f.pointer) for f in findings] == [("CPL002", "/complaint/authority")]


@pytest.mark.parametrize("code", ["NO", "DE-BY"])
def test_known_authority_codes(check: Check, example_data: dict[str, Any], code: str) -> None:
    findings = run(check, example_data, f"complaint: {{authority: {code}}}")
    assert only(findings, "CPL002") == []


# --- CPL003 -----------------------------------------------------------------------------------------


def test_authority_by_name_without_website(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "complaint: {authority: null, name: Datatilsynet}"), "CPL003")
    assert len(findings) == 1 and "complaint.url is missing" in findings[0].message


def test_authority_by_nothing_but_wording(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "complaint: {authority: null}"), "CPL003")
    assert len(findings) == 1 and "complaint.name and complaint.url are missing" in findings[0].message


def test_authority_by_name_and_website(check: Check, example_data: dict[str, Any]) -> None:
    patch = "complaint: {authority: null, name: Datatilsynet, url: 'https://www.datatilsynet.no'}"
    assert cpl(run(check, example_data, patch)) == []


def test_authority_by_code_needs_no_name(check: Check, example_data: dict[str, Any]) -> None:
    assert (
        only(run(check, example_data, "complaint: {authority: 'NO', name: null, url: null}"), "CPL003") == []
    )


# --- CPL004 -----------------------------------------------------------------------------------------


def test_danish_authority_for_norwegian_controller(check: Check, example_data: dict[str, Any]) -> None:
    findings = cpl(run(check, example_data, "complaint: {authority: DK}"))
    # The wording names www.datatilsynet.no, the controller's own authority: only the code is wrong.
    assert [(f.code, f.pointer) for f in findings] == [("CPL004", "/complaint/authority")]
    assert "Danish Data Protection Agency" in findings[0].message
    assert "set complaint.authority to NO" in findings[0].message


def test_authority_resolved_from_url(check: Check, example_data: dict[str, Any]) -> None:
    patch = "complaint: {authority: null, name: Datatilsynet, url: 'https://www.datatilsynet.dk'}"
    findings = only(run(check, example_data, patch), "CPL004")
    assert [f.pointer for f in findings] == ["/complaint/url"]


def test_land_authority_for_german_controller(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
    statement: {jurisdiction: DE}
    controller: {country: DE}
    complaint:
      authority: DE-BY
      text: Sie können sich bei der Aufsichtsbehörde beschweren.
    """
    assert cpl(run(check, example_data, patch)) == []


def test_jurisdiction_counts_as_home(check: Check, example_data: dict[str, Any]) -> None:
    # A Swedish company whose statement follows Norwegian law may name either authority.
    patch = "controller: {country: SE}"
    assert only(run(check, example_data, patch), "CPL004") == []
    assert (
        only(run(check, example_data, patch, "complaint: {authority: SE, text: Klage til IMY.}"), "CPL004")
        == []
    )


def test_no_home_authority_known(check: Check, example_data: dict[str, Any]) -> None:
    patch = "statement: {jurisdiction: null}\ncontroller: {country: US}\ncomplaint: {authority: IE, text: Complain.}"
    assert cpl(run(check, example_data, patch)) == []


# --- CPL005 -----------------------------------------------------------------------------------------


def test_danish_website_in_norwegian_wording(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
    complaint:
      text:
        nb: Du har rett til å klage. Klagen sender du til Datatilsynet, www.datatilsynet.dk.
        en: You have the right to complain to Datatilsynet, https://www.datatilsynet.no.
    """
    text = yaml_dump(merge(example_data, yaml_load(patch)))
    findings = cpl(check(text))
    assert [(f.code, f.pointer) for f in findings] == [("CPL005", "/complaint/text/nb")]
    assert findings[0].span.line == line_of(text, "Klagen sender du til Datatilsynet")
    assert "Danish Data Protection Agency" in findings[0].message
    assert "https://www.datatilsynet.no" in findings[0].message


def test_danish_email_address(check: Check, example_data: dict[str, Any]) -> None:
    patch = "complaint: {text: {nb: Skriv til postkasse@datatilsynet.dk., en: Write to Datatilsynet.}}"
    assert len(only(run(check, example_data, patch), "CPL005")) == 1


def test_other_authority_next_to_the_right_one(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
    complaint:
      text:
        nb: Klag til Datatilsynet, www.datatilsynet.no. Bor du i Sverige, kan du klage til IMY, www.imy.se.
        en: Complain to Datatilsynet, www.datatilsynet.no, or, if you live in Sweden, to IMY, www.imy.se.
    """
    assert cpl(run(check, example_data, patch)) == []


def test_wrong_website_in_any_wording_without_code(check: Check, example_data: dict[str, Any]) -> None:
    # No code: the expected authority is the controller's (NO).
    patch = """
    complaint: {authority: null, name: Datatilsynet, url: 'https://www.datatilsynet.no', text: null}
    sections:
      - id: klage
        topic: complaint
        text: Klag til Datatilsynet på www.datatilsynet.dk.
    """
    findings = cpl(run(check, example_data, patch))
    assert [(f.code, f.pointer) for f in findings] == [("CPL005", "/sections/0/text")]


def test_url_not_matching_the_code(check: Check, example_data: dict[str, Any]) -> None:
    findings = cpl(run(check, example_data, "complaint: {url: 'https://www.datatilsynet.dk'}"))
    assert [(f.code, f.pointer) for f in findings] == [("CPL005", "/complaint/url")]
    assert cpl(run(check, example_data, "complaint: {url: 'https://www.datatilsynet.no/klage'}")) == []


def test_unrelated_websites_are_ignored(check: Check, example_data: dict[str, Any]) -> None:
    patch = "complaint: {text: {nb: Se www.example.no og f.eks. edpb.europa.eu., en: See www.example.no.}}"
    assert only(run(check, example_data, patch), "CPL005") == []


# --- the clinic -------------------------------------------------------------------------------------


def test_clinic_names_the_right_authority(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    assert "www.datatilsynet.no" in text and "authority: NO" in text
    assert cpl(check(text)) == []
