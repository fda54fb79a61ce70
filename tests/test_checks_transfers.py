"""Behaviour of the transfer rules (checks/transfers.py): both sides of every condition."""

from __future__ import annotations

from typing import Any

import pytest

from noticelint.lint.config import Config
from noticelint.lint.engine import Linter, Source
from noticelint.lint.rules import discover
from tests.checkhelpers import Check, codes
from tests.conftest import CLINIC, yaml_dump


def statement(parties: list[dict[str, Any]], transfers: list[dict[str, Any]] | None = None) -> str:
    """A small valid statement in which every party receives the data of one activity."""
    data: dict[str, Any] = {
        "schema_version": 1,
        "statement": {"id": "test", "languages": ["nb"], "default_language": "nb"},
        "controller": {"id": "klinikk", "legal_name": "Klinikk Eksempel AS", "country": "NO"},
        "parties": parties,
        "activities": [{"id": "analyse", "purpose": "Analyse", "recipients": [p["id"] for p in parties]}],
        "transfers": transfers or [],
    }
    return yaml_dump(data)


def party(party_id: str, legal_name: str, country: str | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": party_id, "legal_name": legal_name, "role": "processor", **extra}
    if country:
        data["country"] = country
    return data


def transfer(recipient: str, country: str, mechanism: str | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"recipient": recipient, "country": country, **extra}
    if mechanism:
        data["mechanism"] = mechanism
    return data


GOOGLE_IE = party("google-ireland", "Google Ireland Limited", "IE", trade_name="Google Analytics")
GOOGLE_US = {
    **party("google-llc", "Google LLC", "US"),
    "role": "sub_processor",
    "processor_for": "google-ireland",
}
SKY_US = party("sky", "Sky Eksempel Inc.", "US")
DPF = "data_privacy_framework"
SCC = "standard_contractual_clauses"


def test_example_has_no_transfer_findings(check: Check, example_data: dict[str, Any]) -> None:
    findings = check(yaml_dump(example_data))
    assert [f for f in findings if f.code.startswith("TRF")] == []


# --- TRF001 transfer not declared -------------------------------------------------------------------


def test_party_outside_the_eea_needs_a_transfer(check: Check) -> None:
    findings = codes(check, statement([SKY_US]), "TRF001")
    assert [f.pointer for f in findings] == ["/parties/0"]
    assert "Sky Eksempel Inc. (sky) is established in US" in findings[0].message
    assert codes(check, statement([SKY_US], [transfer("sky", "US", SCC)]), "TRF001") == []


def test_transfer_entry_inside_the_eea_does_not_count(check: Check) -> None:
    assert len(codes(check, statement([SKY_US], [transfer("sky", "IE", SCC)]), "TRF001")) == 1


def test_adequate_country_is_suggested_adequacy(check: Check) -> None:
    findings = codes(check, statement([party("sveits", "Sveits Eksempel AG", "CH")]), "TRF001")
    assert len(findings) == 1
    assert "mechanism: adequacy" in findings[0].message and "Switzerland" in findings[0].message


def test_party_in_the_eea_that_is_no_known_vendor_needs_nothing(check: Check) -> None:
    assert codes(check, statement([party("lonn", "Lønn Eksempel AS", "NO")]), "TRF001") == []


def test_vendor_table_findings_are_not_transfer_not_declared(check: Check) -> None:
    assert codes(check, statement([GOOGLE_IE]), "TRF001") == []  # rests on the table: TRF010, a warning


def test_known_us_vendor_in_the_eea_needs_a_us_transfer(check: Check) -> None:
    findings = codes(check, statement([GOOGLE_IE]), "TRF010")
    assert [f.pointer for f in findings] == ["/parties/0"]
    assert "Google Analytics" in findings[0].message and "data_privacy_framework" in findings[0].message
    assert codes(check, statement([GOOGLE_IE], [transfer("google-ireland", "US", DPF)]), "TRF010") == []


def test_transfer_to_another_country_does_not_cover_the_us(check: Check) -> None:
    assert (
        len(codes(check, statement([GOOGLE_IE], [transfer("google-ireland", "JP", "adequacy")]), "TRF010"))
        == 1
    )


def test_transfer_of_the_us_sub_processor_covers_the_processor(check: Check) -> None:
    assert (
        codes(check, statement([GOOGLE_IE, GOOGLE_US], [transfer("google-llc", "US", DPF)]), "TRF001") == []
    )


def test_us_sub_processor_without_transfer_is_reported_once_at_the_sub_processor(check: Check) -> None:
    findings = codes(check, statement([GOOGLE_IE, GOOGLE_US]), "TRF001")
    assert [f.pointer for f in findings] == ["/parties/1"]
    assert "Google LLC (google-llc)" in findings[0].message


def test_us_sub_processor_of_a_norwegian_processor(check: Check) -> None:
    parties = [
        party("timebok", "Timebok Eksempel AS", "NO"),
        {**SKY_US, "role": "sub_processor", "processor_for": "timebok"},
    ]
    findings = codes(check, statement(parties), "TRF001")
    assert [f.pointer for f in findings] == ["/parties/1"]
    assert codes(check, statement(parties, [transfer("sky", "US", SCC)]), "TRF001") == []


@pytest.mark.parametrize(
    ("legal_name", "fires"),
    [
        ("Hotjar Ltd", False),  # "no (EU storage; ...)"
        ("Plausible Insights OÜ", False),
        ("Microsoft Ireland Operations Limited", True),  # "limited (EU Data Boundary; ...)" counts
        ("Meta Platforms Ireland Limited", True),
    ],
)
def test_vendor_table_decides_whether_data_go_to_the_us(check: Check, legal_name: str, fires: bool) -> None:
    findings = codes(check, statement([party("leverandor", legal_name, "IE")]), "TRF010")
    assert len(findings) == (1 if fires else 0)


def test_vendor_without_country_like_the_clinic(check: Check) -> None:
    google = {"id": "google", "legal_name": "Google Inc.", "trade_name": "Google Analytics"}
    findings = codes(check, statement([google]), "TRF010")
    assert len(findings) == 1
    assert "Google LLC is on the DPF list" in findings[0].message
    assert codes(check, statement([google], [transfer("google", "US", DPF)]), "TRF010") == []


# --- TRF002 mechanism missing --------------------------------------------------------------------


def test_mechanism_missing(check: Check) -> None:
    findings = codes(check, statement([SKY_US], [transfer("sky", "US")]), "TRF002")
    assert [f.pointer for f in findings] == ["/transfers/0"]
    assert codes(check, statement([SKY_US], [transfer("sky", "US", SCC)]), "TRF002") == []


def test_mechanism_missing_with_a_derogation_letter_suggests_derogation(check: Check) -> None:
    findings = codes(check, statement([SKY_US], [transfer("sky", "US", derogation="49(1)(b)")]), "TRF002")
    assert len(findings) == 1 and "mechanism: derogation" in findings[0].message


def test_mechanism_missing_inside_the_eea_is_left_to_trf009(check: Check) -> None:
    text = statement([party("lonn", "Lønn Eksempel AS", "NO")], [transfer("lonn", "SE")])
    assert codes(check, text, "TRF002") == []
    assert len(codes(check, text, "TRF009")) == 1


# --- TRF003 / TRF004 Data Privacy Framework --------------------------------------------------------


def test_dpf_outside_the_us_is_an_error(check: Check) -> None:
    findings = codes(check, statement([GOOGLE_IE, GOOGLE_US], [transfer("google-llc", "IN", DPF)]), "TRF003")
    assert [f.pointer for f in findings] == ["/transfers/0/mechanism"]
    assert "only organisations in the US" in findings[0].message


def test_dpf_for_a_listed_us_organisation_is_quiet(check: Check) -> None:
    text = statement([GOOGLE_IE, GOOGLE_US], [transfer("google-llc", "US", DPF)])
    assert codes(check, text, "TRF003") == []
    assert codes(check, text, "TRF004") == []


def test_dpf_for_an_unknown_organisation_asks_to_check_the_list(check: Check) -> None:
    text = statement([SKY_US], [transfer("sky", "US", DPF)])
    findings = codes(check, text, "TRF004")
    assert [f.pointer for f in findings] == ["/transfers/0/mechanism"]
    assert "not in the vendor table" in findings[0].message and "check the DPF list" in findings[0].message
    assert codes(check, text, "TRF003") == []


def test_dpf_for_an_unconfirmed_organisation_asks_to_check_the_list(check: Check) -> None:
    meta = party("meta", "Meta Platforms, Inc.", "US")
    findings = codes(check, statement([meta], [transfer("meta", "US", DPF)]), "TRF004")
    assert len(findings) == 1 and "believed yes (verify)" in findings[0].message


def _linter_with(vendor: dict[str, str]) -> Linter:
    rules = discover()
    return Linter(rules, {r.code for r in rules}, Config(vendors=(vendor,)))


@pytest.mark.parametrize(("listed", "code"), [("no", "TRF004"), ("yes", None)])
def test_dpf_status_from_the_user_vendor_table(listed: str, code: str | None) -> None:
    vendor = {
        "service": "Sky",
        "us_entity": "Sky Eksempel Inc.",
        "data_to_us": "yes",
        "us_entity_dpf_listed": listed,
    }
    findings = (
        _linter_with(vendor)
        .check(Source.text(statement([SKY_US], [transfer("sky", "US", DPF)]), "s.yaml"))
        .findings
    )
    got = {f.code for f in findings if f.code in ("TRF003", "TRF004")}
    assert got == ({code} if code else set())


# --- TRF005 adequacy ---------------------------------------------------------------------------------


def test_adequacy_for_the_us_is_wrong(check: Check) -> None:
    findings = codes(
        check, statement([GOOGLE_IE, GOOGLE_US], [transfer("google-llc", "US", "adequacy")]), "TRF005"
    )
    assert [f.pointer for f in findings] == ["/transfers/0/mechanism"]
    assert "data_privacy_framework" in findings[0].message


def test_adequacy_needs_a_decision(check: Check) -> None:
    india = party("india", "India Eksempel Pvt Ltd", "IN")
    assert len(codes(check, statement([india], [transfer("india", "IN", "adequacy")]), "TRF005")) == 1
    japan = party("japan", "Japan Eksempel KK", "JP")
    assert codes(check, statement([japan], [transfer("japan", "JP", "adequacy")]), "TRF005") == []


def test_adequacy_inside_the_eea_is_left_to_trf009(check: Check) -> None:
    text = statement([party("lonn", "Lønn Eksempel AS", "NO")], [transfer("lonn", "NO", "adequacy")])
    assert codes(check, text, "TRF005") == []


# --- TRF006 / TRF007 derogations ---------------------------------------------------------------------


def test_derogation_needs_its_letter(check: Check) -> None:
    findings = codes(check, statement([SKY_US], [transfer("sky", "US", "derogation")]), "TRF006")
    assert [f.pointer for f in findings] == ["/transfers/0"]
    with_letter = statement([SKY_US], [transfer("sky", "US", "derogation", derogation="49(1)(b)")])
    assert codes(check, with_letter, "TRF006") == []
    assert codes(check, statement([SKY_US], [transfer("sky", "US", SCC)]), "TRF006") == []


@pytest.mark.parametrize(
    ("letter", "risks", "fires"),
    [
        ("49(1)(a)", None, True),
        ("49(1)(a)", "  ", True),
        ("49(1)(a)", "USA har ingen beslutning om tilstrekkelig beskyttelsesnivå for mottakeren.", False),
        ("49(1)(b)", None, False),
    ],
)
def test_explicit_consent_needs_the_risks(check: Check, letter: str, risks: str | None, fires: bool) -> None:
    extra: dict[str, Any] = {"derogation": letter}
    if risks is not None:
        extra["risks"] = risks
    findings = codes(check, statement([SKY_US], [transfer("sky", "US", "derogation", **extra)]), "TRF007")
    assert len(findings) == (1 if fires else 0)


# --- TRF008 safeguard copy -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mechanism", "safeguard", "fires"),
    [
        (SCC, None, True),
        ("binding_corporate_rules", None, True),
        (SCC, "https://www.example.no/personvern/standardkontrakt", False),
        (DPF, None, False),
        ("derogation", None, False),
    ],
)
def test_safeguard_copy(check: Check, mechanism: str, safeguard: str | None, fires: bool) -> None:
    extra: dict[str, Any] = {"derogation": "49(1)(b)"} if mechanism == "derogation" else {}
    if safeguard:
        extra["safeguard"] = safeguard
    findings = codes(check, statement([SKY_US], [transfer("sky", "US", mechanism, **extra)]), "TRF008")
    assert len(findings) == (1 if fires else 0)


# --- TRF009 inside the EEA ---------------------------------------------------------------------------


def test_transfer_within_the_eea(check: Check) -> None:
    text = statement(
        [GOOGLE_IE, GOOGLE_US], [transfer("google-llc", "US", DPF), transfer("google-ireland", "IE", DPF)]
    )
    findings = codes(check, text, "TRF009")
    assert [f.pointer for f in findings] == ["/transfers/1/country"]
    assert codes(check, text, "TRF003") == []  # not a third-country transfer, so no mechanism rule judges it


# --- the clinic -----------------------------------------------------------------------------------


def test_clinic_google_without_transfer_at_the_party(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = [f for f in check(text) if f.code.startswith("TRF")]
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if "- id: google" in line]
    assert len(lines) == 1
    assert [(f.code, f.span.line) for f in findings] == [("TRF010", lines[0])]
    assert "Google Analytics" in findings[0].message and "US" in findings[0].message


# --- safeguards of Art. 46(2)(e)-(f), 46(3) and the 49(1) second subparagraph ----------------------

COMPELLING = "49(1) second subparagraph"


@pytest.mark.parametrize("mechanism", ["code_of_conduct", "certification", "ad_hoc_clauses"])
def test_every_art46_safeguard_needs_its_copy(check: Check, mechanism: str) -> None:
    assert len(codes(check, statement([SKY_US], [transfer("sky", "US", mechanism)]), "TRF008")) == 1
    with_copy = transfer("sky", "US", mechanism, safeguard="https://www.example.no/garantier")
    assert codes(check, statement([SKY_US], [with_copy]), "TRF008") == []


def test_compelling_interests_need_safeguards_and_the_interests(check: Check) -> None:
    bare = transfer("sky", "US", "derogation", derogation=COMPELLING)
    text = statement([SKY_US], [bare])
    assert len(codes(check, text, "TRF008")) == 1 and len(codes(check, text, "TRF011")) == 1
    assert codes(check, text, "TRF006") == []  # the derogation is named
    full = transfer(
        "sky",
        "US",
        "derogation",
        derogation=COMPELLING,
        safeguard="https://www.example.no/garantier",
        compelling_interests="Å sikre en enkeltstående reklamasjonssak.",
    )
    text = statement([SKY_US], [full])
    assert codes(check, text, "TRF008") == [] and codes(check, text, "TRF011") == []


def test_a_letter_derogation_needs_no_safeguard_copy(check: Check) -> None:
    text = statement([SKY_US], [transfer("sky", "US", "derogation", derogation="49(1)(b)")])
    assert codes(check, text, "TRF008") == [] and codes(check, text, "TRF011") == []
