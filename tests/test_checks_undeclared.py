"""Behaviour of the undeclared-processing rules (checks/undeclared.py): implied processors, services
mentioned but never described."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import Check, intro, line_of, only, run
from tests.conftest import CLINIC


def activity(nb: str, en: str, recipients: list[str] | None = None) -> dict[str, Any]:
    return {
        "activities": [
            {
                "id": "henvendelser",
                "purpose": {"nb": "Svare på henvendelser", "en": "Answering enquiries"},
                "legal_basis": "6(1)(f)",
                "legitimate_interest": {"nb": "Å svare kundene", "en": "To answer customers"},
                "retention": {"period": "P1Y"},
                "recipients": recipients or [],
                "text": {"nb": nb, "en": en},
            }
        ]
    }


def test_example_has_no_undeclared_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code in {"IMP001", "UND001"}] == []


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Henvendelsene registreres i vårt ordresystem.", "Enquiries are stored in our CRM system."),
        ("Samtalene logges i vår telefonsentral.", "Calls are logged in our telephone exchange."),
        (
            "Styret får tilgang gjennom styreportalen.",
            "Payment is handled by our third-party payment service provider.",
        ),
        ("Vi bruker et bookingsystem for timene.", "We use a booking system for appointments."),
        (
            "Når du bruker kontaktskjemaet vårt, samler vi inn navn og e-postadresse.",
            "When you use our contact form, we collect your name and e-mail address.",
        ),
    ],
)
def test_system_without_recipient_is_reported(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    findings = only(run(check, example_data, activity(nb, en)), "IMP001")
    assert {f.pointer.rsplit("/", 1)[-1] for f in findings} == {"nb", "en"}


@pytest.mark.parametrize(
    ("nb", "en", "recipients"),
    [
        (
            "Henvendelsene registreres i vårt ordresystem.",
            "Enquiries are stored in our CRM system.",
            ["timebok"],
        ),
        ("Vi har ikke noe CRM-system.", "We do not use a CRM system.", None),
        ("Ordresystemet vårt er egenutviklet.", "Our booking system is self-hosted.", None),
        (
            "Kontaktskjemaet driftes av Webbyrå Eksempel AS.",
            "Messages from our contact form are stored on our own servers.",
            None,
        ),
        ("Vi har ikke noe kontaktskjema.", "We do not have a contact form.", None),
        ("Timene ligger i bookingsystemet til Timebok Eksempel AS.", "Bookings are kept in Mailchimp.", None),
    ],
)
def test_system_with_a_recipient_or_run_in_house_is_quiet(
    check: Check, example_data: dict[str, Any], nb: str, en: str, recipients: list[str] | None
) -> None:
    assert only(run(check, example_data, activity(nb, en, recipients)), "IMP001") == []


@pytest.mark.parametrize(
    ("nb", "en", "kind"),
    [
        (
            "Underleverandører leverer produktene som bestilles via nettsidene våre.",
            "We process data.",
            "orders",
        ),
        ("Vi behandler data.", "When you place an order, we pass it to the courier.", "orders"),
        ("Vi sender et nyhetsbrev hver måned.", "We send a newsletter every month.", "a newsletter"),
        (
            "Meldinger fra kontaktskjemaet leses av daglig leder.",
            "Messages from the contact form reach us.",
            "a contact form",
        ),
        ("Serverloggene slettes etter en uke.", "Server logs are deleted after a week.", "server logs"),
        (
            "Legg ved legeattest ved avbestilling.",
            "Attach a medical certificate when you cancel.",
            "health data",
        ),
        ("Du kan bestille time på nettsiden.", "You can book an appointment online.", "appointment booking"),
        ("Du kan betale med Vipps eller kort.", "You can pay online with the app.", "payments"),
        ("Vi bruker et analyseverktøy på nettsiden.", "We use web analytics on the site.", "web analytics"),
        ("Webserveren ser IP-adressen din.", "Our web server sees your IP address.", "IP addresses"),
    ],
)
def test_service_mentioned_outside_activities_is_reported(
    check: Check, example_data: dict[str, Any], nb: str, en: str, kind: str
) -> None:
    neutral = {
        "id": "arkiv",
        "purpose": {"nb": "Arkiv over styrevedtak", "en": "Archive of board decisions"},
        "legal_basis": "6(1)(f)",
        "legitimate_interest": {"nb": "Å dokumentere vedtak", "en": "To document decisions"},
        "data_categories": [{"nb": "navn på styremedlemmer", "en": "names of board members"}],
        "retention": {"period": "P1M"},
    }
    data = dict(example_data, activities=[neutral], transfers=[])
    data["statement"] = {k: v for k, v in example_data["statement"].items() if k != "scope"}
    # The example's other wording mentions booking and IP addresses too; only the introduction is read here.
    findings = [
        f for f in only(run(check, data, intro(nb, en)), "UND001") if f.pointer.startswith("/statement/text")
    ]
    assert len(findings) == 1 and f"speaks of {kind}" in findings[0].message


def test_declared_or_negated_services_are_quiet(check: Check, example_data: dict[str, Any]) -> None:
    # The example declares a booking activity, but neither a newsletter nor orders.
    patch = intro("Vi har ikke noe nyhetsbrev, og vi selger ingenting.", "We send no newsletter.")
    assert only(run(check, example_data, patch), "UND001") == []
    explaining = """
    sections:
      - id: hva-er-en-cookie
        topic: cookies
        heading: {nb: Hva er en informasjonskapsel, en: What is a cookie}
        text: {nb: Den kan huske det du bestiller i en nettbutikk., en: It can remember what you order in a shop.}
    """
    assert only(run(check, example_data, explaining), "UND001") == []


def test_clinic_systems_and_orders(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = check(text)
    assert sorted(f.span.line for f in only(findings, "IMP001")) == sorted(
        [
            line_of(text, "registreres i vårt ordresystem"),
            line_of(text, "Administrasjon og drift av telefonsentralen"),
            line_of(text, "lagres i vårt CRM-system"),
        ]
    )
    assert [f.span.line for f in only(findings, "UND001")] == [
        line_of(text, "Personopplysningene deles ikke")
    ]
