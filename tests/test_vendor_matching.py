"""One vendor matcher for every rule family: the same party stands for the same vendors everywhere."""

from __future__ import annotations

import pytest

from noticelint.api import Party, party_vendor, party_vendors
from noticelint.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()


def _party(legal_name: str, trade_name: str | None = None) -> Party:
    return Party.model_validate({"id": "p", "legal_name": legal_name, "trade_name": trade_name})


def _services(vendors: list[object]) -> list[str]:
    return [v.service for v in vendors]  # type: ignore[attr-defined]


def test_an_entity_stands_for_every_service_it_provides() -> None:
    vendors = party_vendors(KNOWLEDGE, _party("Google Ireland Limited"))
    assert {"Google Analytics", "Google Tag Manager", "YouTube embeds"} <= set(_services(vendors))
    # Which of them is used is not known, so no single vendor is judged by (cookies, claims).
    assert party_vendor(KNOWLEDGE, _party("Google Ireland Limited")) is None


@pytest.mark.parametrize(
    ("legal_name", "trade_name", "service"),
    [
        ("Google Ireland Limited", "Google Analytics", "Google Analytics"),
        ("Google Analytics 4 (Google Ireland)", None, "Google Analytics"),
        ("Google Ireland Limited", "GA4", "Google Analytics"),
    ],
)
def test_a_named_or_mentioned_service_is_the_vendor(
    legal_name: str, trade_name: str | None, service: str
) -> None:
    party = _party(legal_name, trade_name)
    assert _services(party_vendors(KNOWLEDGE, party))[0] == service
    assert party_vendor(KNOWLEDGE, party) is not None
    assert party_vendor(KNOWLEDGE, party).service == service  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "party",
    [
        _party("Google Ireland Limited"),
        _party("Google Ireland Limited", "Google Analytics"),
        _party("Google LLC"),
        _party("Google Inc."),
        _party("Meta Platforms Ireland Limited"),
        _party("Regnskap Eksempel AS"),
    ],
    ids=lambda p: f"{p.legal_name}/{p.trade_name}",
)
def test_the_single_vendor_is_always_one_of_the_vendors(party: Party) -> None:
    """The cookie and claims rules judge by party_vendor, the recipient and transfer rules by
    party_vendors: the first is always drawn from the second, so they never disagree about a party."""
    single = party_vendor(KNOWLEDGE, party)
    vendors = party_vendors(KNOWLEDGE, party)
    assert single is None or single in vendors
    if len(vendors) == 1:
        assert single == vendors[0]


def test_no_rule_family_matches_parties_its_own_way() -> None:
    """The rules match parties through the API's matcher; none matches a party's names by itself."""
    import re
    from pathlib import Path

    checks = Path(__file__).resolve().parents[1] / "checks"
    for path in checks.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"vendor_named\((?:party|p)\b|find_vendors\([^)]*party", text), path.name
