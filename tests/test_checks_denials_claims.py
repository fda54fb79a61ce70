"""CON005 (statement.denies against declared facts) and recipient categories as recipients (CON001)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import BARE, Check, only, run
from tests.conftest import yaml_load


@pytest.fixture
def bare() -> dict[str, Any]:
    data = yaml_load(BARE)
    assert isinstance(data, dict)
    return data


def _activity(**fields: Any) -> dict[str, Any]:
    return {
        "activities": [
            {"id": "henvendelser", "purpose": "Svare på spørsmål", "legal_basis": "6(1)(f)", **fields}
        ]
    }


def test_a_denial_with_nothing_declared_against_it_is_quiet(check: Check, bare: dict[str, Any]) -> None:
    denies = {"statement": {"denies": ["cookies", "transfers_outside_eea", "special_categories", "sale"]}}
    assert only(run(check, bare, denies), "CON005") == []


def test_denied_cookies_next_to_a_declared_cookie(check: Check, bare: dict[str, Any]) -> None:
    found = only(
        run(
            check,
            bare,
            {"statement": {"denies": ["cookies"]}},
            _activity(cookies=[{"name": "sid", "session": True}]),
        ),
        "CON005",
    )
    assert len(found) == 1 and "the cookie 'sid'" in found[0].message


def test_a_denied_cookie_is_not_contradicted_by_local_storage(check: Check, bare: dict[str, Any]) -> None:
    storage = _activity(cookies=[{"name": "prefs", "technology": "local_storage", "session": True}])
    assert only(run(check, bare, {"statement": {"denies": ["cookies"]}}, storage), "CON005") == []


def test_denied_transfers_next_to_a_recipient_outside_the_eea(check: Check, bare: dict[str, Any]) -> None:
    patch = {
        "statement": {"denies": ["transfers_outside_eea"]},
        "parties": [{"id": "mailer", "legal_name": "Mailer Inc.", "country": "US", "role": "processor"}],
        **_activity(recipients=["mailer"]),
    }
    found = only(run(check, bare, patch), "CON005")
    assert len(found) == 1 and "established in US" in found[0].message


def test_a_recipient_in_the_eea_does_not_contradict_denied_transfers(
    check: Check, bare: dict[str, Any]
) -> None:
    patch = {
        "statement": {"denies": ["transfers_outside_eea"]},
        "parties": [{"id": "host", "legal_name": "Vert AS", "country": "NO", "role": "processor"}],
        **_activity(recipients=["host"]),
    }
    assert only(run(check, bare, patch), "CON005") == []


def test_denied_special_categories_next_to_declared_ones(check: Check, bare: dict[str, Any]) -> None:
    patch = {
        "statement": {"denies": ["special_categories"]},
        **_activity(special_categories=["health"], special_condition="9(2)(h)"),
    }
    found = only(run(check, bare, patch), "CON005")
    assert len(found) == 1 and "health" in found[0].message


def test_a_recipient_category_counts_as_a_recipient_for_the_sharing_claim(
    check: Check, bare: dict[str, Any]
) -> None:
    claim = {"controller": {"text": "Vi deler ikke opplysningene dine med tredjepart."}}
    assert only(run(check, bare, claim), "CON001") == []
    found = only(
        run(check, bare, claim, _activity(recipient_categories=["regnskapsfører og bank"])), "CON001"
    )
    assert len(found) == 1 and "regnskapsfører og bank" in found[0].message
