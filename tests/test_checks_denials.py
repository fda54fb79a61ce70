"""Behaviour of the denial rules (checks/denials.py): denials against the statement's own facts."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import Check, intro, line_of, only, run
from tests.conftest import CLINIC


def activity(text_nb: str, text_en: str, categories: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "activities": [
            {
                "id": "statistikk",
                "purpose": {"nb": "Statistikk", "en": "Statistics"},
                "legal_basis": "6(1)(f)",
                "legitimate_interest": {"nb": "Å forbedre nettstedet", "en": "To improve the website"},
                "data_categories": categories if categories is not None else ["IP-adresse", "sidevisninger"],
                "retention": {"period": "P1M"},
                "text": {"nb": text_nb, "en": text_en},
                **extra,
            }
        ]
    }


def test_example_has_no_denial_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("DEN")] == []


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Vi samler ikke inn personopplysninger.", "We do not collect any personal data."),
        (
            "Denne informasjonen inneholder ingen personopplysninger.",
            "This information does not contain any personal data.",
        ),
        (
            "Vi lagrer aldri informasjon som kan identifisere deg.",
            "We never store information that can identify you.",
        ),
        ("Opplysningene vi samler inn er anonyme.", "The information we collect is anonymous."),
        ("Dataene sendes anonymt til leverandøren.", "Anonymous information is transferred to our supplier."),
        ("Opplysningene kan ikke spores tilbake til deg.", "The data cannot be traced back to you."),
    ],
)
def test_denials_against_declared_identifiers_are_reported(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    findings = only(run(check, example_data, activity(nb, en)), "DEN001")
    assert {f.pointer.rsplit("/", 1)[-1] for f in findings} == {"nb", "en"}
    assert all("IP-adresse" in f.message for f in findings)


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Vi samler ikke inn personopplysninger om barn.", "We do not collect personal data about children."),
        (
            "Vi analyserer anonymiserte data for å se trender.",
            "We analyse anonymised data to monitor trends.",
        ),
        (
            "Aggregert statistikk inneholder ingen personopplysninger.",
            "Aggregated statistics contain no personal data.",
        ),
        (
            "Vi samler ikke inn personopplysninger utover IP-adressen.",
            "We do not collect personal data other than the IP address.",
        ),
        ("IP-adressen anonymiseres før den lagres.", "The IP address is stored anonymised."),
        (
            "Hvis du ikke samler inn personopplysninger, gjelder ikke dette.",
            "If you do not collect personal data, skip this.",
        ),
    ],
)
def test_limited_or_true_denials_are_quiet(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    assert only(run(check, example_data, activity(nb, en)), "DEN001") == []


def test_denial_without_identifiers_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    patch = activity(
        "Vi samler ikke inn personopplysninger.", "We do not collect personal data.", ["sidevisninger"]
    )
    assert only(run(check, example_data, patch), "DEN001") == []


def test_cookies_contradict_an_anonymity_claim(check: Check, example_data: dict[str, Any]) -> None:
    cookies = {
        "cookies": [{"name": "_x", "provider": "google-ireland", "purpose": "måling", "lifetime": "P1M"}]
    }
    patch = activity(
        "Informasjonskapslene samler kun informasjon som er anonym.",
        "The cookies collect only anonymous information.",
        ["sidevisninger"],
        **cookies,
    )
    findings = only(run(check, example_data, patch), "DEN001")
    assert len(findings) == 2 and all("cookie" in f.message for f in findings)


def test_denial_of_sending_against_recipients(check: Check, example_data: dict[str, Any]) -> None:
    patch = activity(
        "Vi sender ingen personopplysninger til disse tjenestene.",
        "We do not send any personal data to these services.",
        recipients=["google-ireland"],
    )
    findings = only(run(check, example_data, patch), "DEN001")
    assert len(findings) == 2 and all("Google Ireland Limited" in f.message for f in findings)


# --- DEN002 -----------------------------------------------------------------------------------------


def test_absolute_denial_of_specific_data_beside_free_text(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = intro(
        "Vi samler ikke inn fødselsnummer eller betalingskort.",
        "We do not collect credit card numbers or national identity numbers.",
    )
    findings = only(run(check, example_data, patch), "DEN002")
    assert len(findings) == 2 and all("free text" in f.message for f in findings)


def test_denial_saying_what_happens_to_such_data_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    patch = intro(
        "Vi ber ikke om fødselsnummer; sender du det likevel, sletter vi det.",
        "We never ask for card numbers; if you send one, we delete it.",
    )
    assert only(run(check, example_data, patch), "DEN002") == []


def test_clinic_denial_of_identity_numbers(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = only(check(text), "DEN002")
    assert [f.span.line for f in findings] == [
        line_of(text, "samler ikke inn personopplysninger som fødselsdato")
    ]
    assert only(check(text), "DEN001") == []


def test_a_recipient_that_sets_cookies_contradicts_anonymity(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = activity(
        "Tjenesten bruker dataene slik at de ikke kan spores tilbake til en enkelt bruker.",
        "The service stores the data so that they cannot be traced back to you.",
        ["sidevisninger"],
        recipients=["google-ireland"],
    )
    findings = only(run(check, example_data, patch), "DEN001")
    assert len(findings) == 2 and all("Google Analytics" in f.message for f in findings)


def test_a_claim_about_one_party_is_judged_by_that_party_only(
    check: Check, example_data: dict[str, Any]
) -> None:
    # Another activity sends data to Google Analytics; the claim is about a cookieless tool.
    parties = [
        *example_data["parties"],
        {
            "id": "teller",
            "legal_name": "Teller Eksempel AS",
            "country": "NO",
            "role": "processor",
            "data_processing_agreement": True,
            "text": {"nb": "Teller samler inn anonyme data.", "en": "Teller collects anonymous data."},
        },
    ]
    activities = [
        dict(a, recipients=[*a.get("recipients", []), "teller"]) if a["id"] == "nettstedsanalyse" else a
        for a in example_data["activities"]
    ]
    assert only(run(check, example_data, {"parties": parties, "activities": activities}), "DEN001") == []
