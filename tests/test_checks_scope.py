"""Behaviour of the scope rule (checks/scope.py): a statement limited to the website."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import Check, line_of, only, run
from tests.conftest import CLINIC

PHONE = {
    "id": "telefon",
    "purpose": {"nb": "Svare på telefonsamtaler", "en": "Answering telephone calls"},
    "legal_basis": "6(1)(f)",
    "legitimate_interest": {"nb": "Å svare dem som ringer", "en": "To answer callers"},
    "retention": {"period": "P1M"},
}


def with_phone(example_data: dict[str, Any]) -> dict[str, Any]:
    return dict(example_data, activities=[*example_data["activities"], PHONE])


def test_example_has_no_scope_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, with_phone(example_data)), "SCP001") == []


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Vi er ansvarlige for personopplysninger som samles inn på nettsiden.", "We process data."),
        ("Vi behandler data.", "We are responsible for personal data collected on our website."),
        ("Erklæringen gjelder nettbasert behandling av personopplysninger.", "We process data."),
    ],
)
def test_web_only_scope_beside_telephone_calls_is_reported(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    findings = only(
        run(check, with_phone(example_data), {"controller": {"text": {"nb": nb, "en": en}}}), "SCP001"
    )
    assert len(findings) == 1 and "'telefon'" in findings[0].message


def test_rights_for_website_users_only_are_reported(check: Check, example_data: dict[str, Any]) -> None:
    rights = {
        "rights": {
            "text": {
                "nb": "Som bruker av nettsidene våre har du rett til innsyn.",
                "en": "As a user of our website you have the right of access.",
            }
        }
    }
    findings = only(run(check, with_phone(example_data), rights), "SCP001")
    assert len(findings) == 2 and all("rights only to users of the website" in f.message for f in findings)


def test_web_only_scope_without_offline_processing_is_quiet(
    check: Check, example_data: dict[str, Any]
) -> None:
    text = {
        "nb": "Vi er ansvarlige for personopplysninger som samles inn på nettsiden.",
        "en": "We process data.",
    }
    data = dict(
        example_data, activities=[a for a in example_data["activities"] if a["id"] == "nettstedsanalyse"]
    )
    data["transfers"] = []
    assert only(run(check, data, {"controller": {"text": text}}), "SCP001") == []


def test_clinic_scope_is_reported_at_its_three_sentences(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    lines = sorted(f.span.line for f in only(check(text), "SCP001"))
    assert lines == [
        line_of(text, "nettbasert behandling av personopplysninger"),
        line_of(text, "er behandlingsansvarlige for personopplysninger som samles inn"),
        line_of(text, "Som bruker av nettsidene våre"),
    ]
