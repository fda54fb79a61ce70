"""Behaviour of the basis rules (checks/bases.py): consent for a contract, a processor writing as the
controller, rights while no basis is known."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import Check, intro, only, run


def one_activity(purpose_nb: str, purpose_en: str, basis: str | None) -> dict[str, Any]:
    activity: dict[str, Any] = {
        "id": "aktivitet",
        "purpose": {"nb": purpose_nb, "en": purpose_en},
        "retention": {"period": "P1Y"},
    }
    if basis is not None:
        activity["legal_basis"] = basis
    return {"activities": [activity], "transfers": []}


def test_example_has_no_basis_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("BAS")] == []


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Administrere medlemskapet og kontingenten", "Managing the membership"),
        ("Levere varene du bestiller og sende faktura", "Delivering your orders and sending the invoice"),
        ("Påmelding til konferansen", "Conference registration and tickets"),
    ],
)
def test_consent_alone_for_a_contract_is_reported(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    findings = only(run(check, example_data, one_activity(nb, en, "6(1)(a)")), "BAS001")
    assert [f.pointer for f in findings] == ["/activities/0/legal_basis"]


@pytest.mark.parametrize(
    ("nb", "en", "basis"),
    [
        ("Administrere medlemskapet", "Managing the membership", "6(1)(b)"),
        ("Sende nyhetsbrev til medlemmene", "Sending the members' newsletter", "6(1)(a)"),
        ("Publisere bilder fra medlemsmøter", "Publishing photos from member meetings", "6(1)(a)"),
        ("Forbedre appen", "In order to improve the app", "6(1)(a)"),
    ],
)
def test_consent_that_fits_or_another_basis_is_quiet(
    check: Check, example_data: dict[str, Any], nb: str, en: str, basis: str
) -> None:
    assert only(run(check, example_data, one_activity(nb, en, basis)), "BAS001") == []


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Vi samler inn mottakernes adresser på vegne av våre kunder.", "We process data."),
        ("Vi behandler data.", "Our clients sometimes ask us to collect your details on their behalf."),
        ("Vi behandler data.", "We store delivery addresses on behalf of our customers."),
    ],
)
def test_collecting_for_clients_is_reported(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    assert len(only(run(check, example_data, intro(nb, en)), "BAS002")) == 1


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Vi samler inn adresser på vegne av våre kunder, som databehandler for dem.", "We process data."),
        ("Leverandørene behandler data på vegne av oss.", "Our suppliers process data on our behalf."),
        ("Vi behandler data.", "A parent may act on their behalf."),
    ],
)
def test_roles_explained_or_processors_of_ours_are_quiet(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    assert only(run(check, example_data, intro(nb, en)), "BAS002") == []


def test_no_basis_and_none_of_the_basis_rights(check: Check, example_data: dict[str, Any]) -> None:
    patch = one_activity("Svare på henvendelser", "Answering enquiries", None)
    rights = {
        "rights": {"offered": ["access", "rectification", "erasure", "restriction"], "withdrawal": None}
    }
    findings = only(run(check, example_data, patch, rights), "BAS003")
    assert [f.pointer for f in findings] == ["/rights"]


@pytest.mark.parametrize(
    ("basis", "offered", "withdrawal"),
    [
        ("6(1)(f)", ["access"], None),  # a basis is declared: the rights rules judge it
        (None, ["access", "objection"], None),
        (None, ["access", "portability"], None),
        (None, ["access"], {"how": {"nb": "Skriv til oss.", "en": "Write to us."}}),
    ],
)
def test_a_basis_or_one_of_the_rights_is_enough(
    check: Check, example_data: dict[str, Any], basis: str | None, offered: list[str], withdrawal: Any
) -> None:
    patch = one_activity("Svare på henvendelser", "Answering enquiries", basis)
    if basis == "6(1)(f)":
        patch["activities"][0]["legitimate_interest"] = {"nb": "Å svare", "en": "To answer"}
    rights = {"rights": {"offered": offered, "withdrawal": withdrawal}}
    assert only(run(check, example_data, patch, rights), "BAS003") == []
