"""Behaviour of the retention rules (checks/retention.py): both sides of every condition."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import Check, line_of, only, run
from tests.conftest import CLINIC, merge, yaml_dump


def activity(name: str = "timebestilling", retention: dict[str, Any] | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {"id": name, "purpose": "Ta imot timebestillinger", "legal_basis": "6(1)(b)"}
    if retention is not None:
        result["retention"] = retention
    return result


def with_retention(retention: dict[str, Any] | None, **extra: Any) -> dict[str, Any]:
    return {"activities": [activity(retention=retention)], **extra}


def retention_section(text: str) -> dict[str, Any]:
    return {"id": "sletting", "topic": "retention", "heading": "Sletting", "text": text}


def test_example_has_no_retention_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("RET")] == []


# --- RET001 retention missing --------------------------------------------------------------------


def test_activity_without_retention(check: Check, example_data: dict[str, Any]) -> None:
    patch = {"activities": [activity("a", {"period": "P1Y"}), activity("b")]}
    findings = only(run(check, example_data, patch), "RET001")
    assert [f.pointer for f in findings] == ["/activities/1"]
    assert "activity b " in findings[0].message


def test_retention_with_only_wording(check: Check, example_data: dict[str, Any]) -> None:
    patch = with_retention({"text": "Den enkelte ansatte rydder e-postkassen årlig."})
    findings = only(run(check, example_data, patch), "RET001")
    assert [f.pointer for f in findings] == ["/activities/0/retention"]
    assert "only wording" in findings[0].message


@pytest.mark.parametrize(
    "retention",
    [{"period": "P2Y"}, {"statute": "bokføringsloven § 13"}, {"criterion": "To år etter datoen for timen."}],
)
def test_period_statute_or_criterion_is_enough(
    check: Check, example_data: dict[str, Any], retention: dict[str, Any]
) -> None:
    assert only(run(check, example_data, with_retention(retention)), "RET001") == []


@pytest.mark.parametrize(
    "retention", [{"criterion": "Så lenge det er nødvendig."}, {"text": "As long as necessary."}]
)
def test_a_vague_retention_is_reported_once_by_ret002(
    check: Check, example_data: dict[str, Any], retention: dict[str, Any]
) -> None:
    findings = run(check, example_data, with_retention(retention))
    assert only(findings, "RET001") == []
    assert len(only(findings, "RET002")) == 1


_NO_STORE = [
    {"purpose": "to create demographics in anonymous and aggregated form"},
    {"purpose": "Lage statistikk", "text": "Statistikken er anonym og aggregert."},
    {"purpose": "payment", "text": "We do not store payment card details."},
    {"purpose": "to comply with law enforcement or judicial requests"},
    {"purpose": "utlevere opplysninger hvis loven krever det"},
    {"purpose": "slette varsler automatisk"},
    {
        "purpose": "Huske personvernvalget ditt",
        "cookies": [
            {
                "name": "valg",
                "technology": "local_storage",
                "purpose": "Huske valget",
                "first_party": True,
                "strictly_necessary": True,
            }
        ],
    },
]
_STORES = [
    # data categories declared: a store of its own, whatever the wording
    {"purpose": "Lage anonym statistikk", "data_categories": ["navn", "e-post"]},
    # an analytics service said to work on anonymised data: a claim, not a reason for silence
    {
        "purpose": "analyse",
        "text": "Tjenesten bruker data på en anonymisert form.",
        "recipients": ["timebok"],
    },
    # a third-party cookie
    {
        "purpose": "Huske valget",
        "cookies": [
            {
                "name": "c",
                "technology": "cookie",
                "purpose": "Huske valget",
                "first_party": False,
                "strictly_necessary": True,
            }
        ],
    },
    {"purpose": "to send newsletters"},
]


@pytest.mark.parametrize("fields", _NO_STORE)
def test_an_activity_without_a_store_of_its_own_needs_no_retention(
    check: Check, example_data: dict[str, Any], fields: dict[str, Any]
) -> None:
    patch = {"activities": [{"id": "x", "legal_basis": "6(1)(c)", **fields}]}
    assert only(run(check, example_data, patch), "RET001") == []


@pytest.mark.parametrize("fields", _STORES)
def test_an_activity_that_keeps_data_needs_retention(
    check: Check, example_data: dict[str, Any], fields: dict[str, Any]
) -> None:
    patch = {"activities": [{"id": "x", "legal_basis": "6(1)(c)", **fields}]}
    assert [f.pointer for f in only(run(check, example_data, patch), "RET001")] == ["/activities/0"]


# --- RET002 not a criterion ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("criterion", "why"),
    [
        ("Så lenge det er nødvendig.", "as long as necessary"),
        ("Vi lagrer opplysningene så lenge det er nødvendig for formålet.", "as long as necessary"),
        ("Så lenge vi trenger dem.", "as long as necessary"),
        ("Opplysningene slettes når de ikke lenger er aktuelle.", "as long as necessary"),
        (
            "We keep your data as long as necessary for the purposes of the processing.",
            "as long as necessary",
        ),
        ("No longer than necessary.", "as long as necessary"),
        ("Slettes på oppfordring.", "right to erasure"),
        ("Informasjon slettes på oppfordring ved å kontakte oss.", "right to erasure"),
        ("Deleted on request.", "right to erasure"),
    ],
)
def test_vague_criterion_is_not_a_period(
    check: Check, example_data: dict[str, Any], criterion: str, why: str
) -> None:
    findings = only(run(check, example_data, with_retention({"criterion": criterion})), "RET002")
    assert [f.pointer for f in findings] == ["/activities/0/retention/criterion"]
    assert why in findings[0].message and "timebestilling" in findings[0].message
    assert "P2Y" in findings[0].message


@pytest.mark.parametrize(
    "retention",
    [
        {"criterion": "Så lenge det er nødvendig.", "period": "P2Y"},
        {"criterion": "As long as necessary.", "statute": "bokføringsloven § 13"},
        {"criterion": "To år etter datoen for timen."},
        {"criterion": "Så lenge det er nødvendig, og senest 3 år etter siste time."},
        {"criterion": "Til du trekker tilbake samtykket."},
        # Something of substance besides the phrase: left to the reader (documented).
        {"criterion": "Så lenge det er nødvendig for å levere tjenesten."},
    ],
)
def test_real_criterion_or_period_is_quiet(
    check: Check, example_data: dict[str, Any], retention: dict[str, Any]
) -> None:
    assert only(run(check, example_data, with_retention(retention)), "RET002") == []


def test_retention_text_counts_only_without_a_criterion(check: Check, example_data: dict[str, Any]) -> None:
    vague_text = with_retention({"text": "Slettes på oppfordring."})
    assert [f.pointer for f in only(run(check, example_data, vague_text), "RET002")] == [
        "/activities/0/retention/text"
    ]
    with_criterion = with_retention({"text": "Slettes på oppfordring.", "criterion": "To år etter timen."})
    assert only(run(check, example_data, with_criterion), "RET002") == []


def test_vague_criterion_in_one_language(check: Check, example_data: dict[str, Any]) -> None:
    criterion = {"nb": "To år etter timen.", "en": "As long as necessary."}
    findings = only(run(check, example_data, with_retention({"criterion": criterion})), "RET002")
    assert [f.pointer for f in findings] == ["/activities/0/retention/criterion/en"]


def test_retention_section_reported_once_when_activities_lack_a_period(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = {
        "activities": [activity("a"), activity("b"), activity("c", {"period": "P1Y"})],
        "sections": [
            retention_section(
                "Faktura lagres i fem år. Informasjon slettes på oppfordring ved å kontakte oss."
            )
        ],
    }
    source = yaml_dump(merge(example_data, patch))
    findings = only(check(source), "RET002")
    assert len(findings) == 1
    assert findings[0].pointer == "/sections/0/text"
    assert "'Informasjon slettes på oppfordring ved å kontakte oss.'" in findings[0].message
    assert "a, b have no period" in findings[0].message


def test_retention_section_is_about_erasure_when_every_activity_has_a_period(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = {"sections": [retention_section("Informasjon slettes på oppfordring ved å kontakte oss.")]}
    assert only(run(check, example_data, patch), "RET002") == []


def test_only_retention_sections_are_read(check: Check, example_data: dict[str, Any]) -> None:
    section = {**retention_section("Informasjon slettes på oppfordring."), "topic": "rights"}
    patch = {"activities": [activity("a")], "sections": [section]}
    assert only(run(check, example_data, patch), "RET002") == []


def test_concrete_section_sentence_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    patch = {"activities": [activity("a")], "sections": [retention_section("Vi sletter alt etter to år.")]}
    assert only(run(check, example_data, patch), "RET002") == []


# --- RET003 statute without period ---------------------------------------------------------------


def test_statute_without_period(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, with_retention({"statute": "bokføringsloven § 13"})), "RET003")
    assert [f.pointer for f in findings] == ["/activities/0/retention/statute"]
    assert "timebestilling" in findings[0].message


@pytest.mark.parametrize(
    "retention",
    [{"statute": "bokføringsloven § 13", "period": "P5Y"}, {"period": "P5Y"}, {"criterion": "Til timen."}],
)
def test_period_given_or_no_statute(
    check: Check, example_data: dict[str, Any], retention: dict[str, Any]
) -> None:
    assert only(run(check, example_data, with_retention(retention)), "RET003") == []


# --- the clinic ----------------------------------------------------------------------------------


def test_clinic_retention_findings(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = [f for f in check(text) if f.code.startswith("RET")]
    without_retention = ("nettstedsbesok", "saksbehandling", "telefonlogg", "nettskjema")
    expected = {("RET001", line_of(text, f"- id: {name}")) for name in without_retention}
    # e-post has a retention with staff wording only: reported at its retention key.
    email_line = line_of(text, "- id: e-post")
    retention_line = next(
        n
        for n, line in enumerate(text.splitlines(), start=1)
        if n > email_line and line.strip() == "retention:"
    )
    expected.add(("RET001", retention_line))
    expected.add(("RET002", line_of(text, "Informasjon slettes på oppfordring ved å kontakte oss.")))
    assert sorted((f.code, f.span.line) for f in findings) == sorted(expected)
    assert "slettes på oppfordring" in only(findings, "RET002")[0].message


@pytest.mark.parametrize("fields", _NO_STORE)
def test_the_activities_without_a_store_are_valid_and_reported_once_given_data(
    check: Check, example_data: dict[str, Any], fields: dict[str, Any]
) -> None:
    """The silence above is the rule's: the same activity with data categories is reported."""
    patch = {"activities": [{"id": "x", "legal_basis": "6(1)(c)", **fields, "data_categories": ["navn"]}]}
    findings = run(check, example_data, patch)
    assert not any(f.input_error for f in findings)
    assert [f.pointer for f in only(findings, "RET001")] == ["/activities/0"]
