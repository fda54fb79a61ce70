"""Behaviour of the contact-data rules (checks/contacts.py): addresses, e-mail domains, offices."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import Check, intro, only, run


def test_example_has_no_contact_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("CNT")] == []


@pytest.mark.parametrize(
    ("address", "missing"),
    [
        ({"street": "Storgata 1", "postal_code": None, "city": None}, "postal code or town"),
        ({"street": "Postboks 12", "postal_code": "1234", "city": None}, "town"),
        ({"street": "High Street 4", "postal_code": None, "city": "Dundee"}, "postal code"),
        ({"street": None, "postal_code": None, "city": "Eksempelby"}, "postal code"),
    ],
)
def test_incomplete_postal_address_is_reported(
    check: Check, example_data: dict[str, Any], address: dict[str, Any], missing: str
) -> None:
    findings = only(
        run(check, example_data, {"controller": {"contact": {"postal_address": address}}}), "CNT001"
    )
    assert [f.pointer for f in findings] == ["/controller/contact/postal_address"]
    assert f"no {missing}" in findings[0].message


def test_complete_postal_address_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    address = {"street": "Storgata 1", "postal_code": "0155", "city": "Oslo"}
    assert (
        only(run(check, example_data, {"controller": {"contact": {"postal_address": address}}}), "CNT001")
        == []
    )


@pytest.mark.parametrize(
    "email", ["personvern@exmaple.no", "personvern@examples.no", "personvern@exampel.no"]
)
def test_email_domain_near_the_site_domain_is_reported(
    check: Check, example_data: dict[str, Any], email: str
) -> None:
    patch = {
        "controller": {"contact": {"email": email}},
        "statement": {"scope": {"sites": ["www.example.no"]}},
    }
    findings = only(run(check, example_data, patch), "CNT002")
    assert len(findings) == 1 and "example.no" in findings[0].message


def test_email_in_the_wording_near_a_linked_domain_is_reported(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = intro(
        "Les mer på https://www.peregrinecoast.press og skriv til hello@peregreinecoast.press.",
        "Read more at https://www.peregrinecoast.press and write to hello@peregreinecoast.press.",
    )
    assert len(only(run(check, example_data, patch), "CNT002")) == 1  # one domain, reported once


@pytest.mark.parametrize("email", ["personvern@example.no", "klinikk@gmail.com", "post@regnskap-eksempel.no"])
def test_own_or_unrelated_domains_are_quiet(check: Check, example_data: dict[str, Any], email: str) -> None:
    patch = {
        "controller": {"contact": {"email": email}},
        "statement": {"scope": {"sites": ["www.example.no"]}},
    }
    assert only(run(check, example_data, patch), "CNT002") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Samtykket kan trekkes tilbake ved å kontakte styret.",
        "Ta kontakt med sekretæren i korpset.",
        "Please contact the Club's Secretary in the first instance.",
        "Write to our support address.",
    ],
)
def test_office_without_any_channel_is_reported(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    findings = only(
        run(check, example_data, {"controller": {"contact": None}}, intro(sentence, sentence)), "CNT003"
    )
    assert {f.pointer for f in findings} == {"/statement/text/nb", "/statement/text/en"}


def test_office_with_a_channel_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    patch = intro("Kontakt styret på styret@example.no.", "Contact the board.")
    findings = only(run(check, example_data, {"controller": {"contact": None}}, patch), "CNT003")
    assert [f.pointer for f in findings] == ["/statement/text/en"]
    # With a channel for the controller, the board can be reached through it.
    assert only(run(check, example_data, intro("Kontakt styret.", "Contact the board.")), "CNT003") == []
