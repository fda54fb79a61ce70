"""Behaviour of the purposes and legal-basis rules (checks/purposes.py): both sides of every condition."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.checkhelpers import Check, line_of, only, run
from tests.conftest import CLINIC, merge, yaml_dump


def activities(example: dict[str, Any]) -> list[dict[str, Any]]:
    """A copy of the complete example's activities, to change one thing in."""
    result = copy.deepcopy(example["activities"])
    assert isinstance(result, list)
    return result


def one_activity(**fields: Any) -> dict[str, Any]:
    """A patch that replaces the activities with a single one."""
    activity = {
        "id": "henvendelser",
        "purpose": "Svare på spørsmål fra kunder",
        "legal_basis": "6(1)(f)",
        "legitimate_interest": "Å svare kundene på det de spør om.",
    }
    activity.update(fields)
    return {"activities": [{k: v for k, v in activity.items() if v is not None}]}


def test_example_has_no_purpose_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("PUR")] == []


# --- PUR001 purpose ------------------------------------------------------------------------------


def test_missing_purpose_is_reported_at_the_activity(check: Check, example_data: dict[str, Any]) -> None:
    acts = activities(example_data)
    del acts[1]["purpose"]
    findings = only(run(check, example_data, {"activities": acts}), "PUR001")
    assert [f.pointer for f in findings] == ["/activities/1"]
    assert "kunderegister-fakturering" in findings[0].message


def test_empty_purpose_is_reported_at_the_purpose(check: Check, example_data: dict[str, Any]) -> None:
    acts = activities(example_data)
    acts[2]["purpose"] = {"nb": " ", "en": ""}
    findings = only(run(check, example_data, {"activities": acts}), "PUR001")
    assert [f.pointer for f in findings] == ["/activities/2/purpose"]


def test_a_purpose_in_one_language_is_a_purpose(check: Check, example_data: dict[str, Any]) -> None:
    acts = activities(example_data)
    acts[2]["purpose"] = "Måle bruken av nettstedet"
    assert only(run(check, example_data, {"activities": acts}), "PUR001") == []


# --- PUR002 legal basis --------------------------------------------------------------------------


def test_each_activity_without_a_basis_is_reported_once(check: Check, example_data: dict[str, Any]) -> None:
    acts = activities(example_data)
    del acts[0]["legal_basis"]
    del acts[3]["legal_basis"]
    acts[3].pop("legitimate_interest", None)
    findings = only(run(check, example_data, {"activities": acts}), "PUR002")
    assert sorted(f.pointer for f in findings) == ["/activities/0", "/activities/3"]
    assert {acts[0]["id"], acts[3]["id"]} == {f.message.split()[1] for f in findings}


def test_activities_with_a_basis_are_quiet(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, one_activity()), "PUR002") == []


# --- PUR003 Art. 9(2) condition ------------------------------------------------------------------


def test_special_categories_without_condition(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(
        run(check, example_data, one_activity(special_categories=["health", "genetic"])), "PUR003"
    )
    assert [f.pointer for f in findings] == ["/activities/0/special_categories"]
    assert "health, genetic" in findings[0].message and "henvendelser" in findings[0].message


def test_special_categories_with_condition(check: Check, example_data: dict[str, Any]) -> None:
    patch = one_activity(special_categories=["health"], special_condition="9(2)(a)")
    assert only(run(check, example_data, patch), "PUR003") == []


def test_no_special_categories_needs_no_condition(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, one_activity()), "PUR003") == []


# --- PUR004 special categories in the wording ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vi registrerer helseopplysninger som du gir oss.",
        "Vi noterer opplysninger om din helse når du ringer.",
        "We record health data that you give us.",
        "We keep your medical certificate.",
        "Vi registrerer religiøs tilhørighet.",
        "Vi registrerer etnisk opprinnelse.",
        "Vi bruker biometrisk innlogging.",
        "Vi tar genetiske tester av deg.",
        "Vi registrerer seksuell orientering.",
        "Vi registrerer medlemskap i fagforening.",
        "Vi registrerer politisk tilhørighet.",
        # A request to the reader is not a denial: the data may arrive anyway (the safer reading).
        "Sensitive personopplysninger skal ikke sendes med e-post.",
        "Please do not send sensitive personal data by e-mail.",
        # The negation covers its own clause only.
        "Vi behandler ikke helseopplysninger, men vi lagrer religiøs tilhørighet.",
        # A denial of one use only says the data are held.
        "Vi bruker ikke helseopplysninger til markedsføring.",
        "We do not use health data for marketing.",
        # A negation that is not about the controller's processing.
        "Du har ikke plikt til å gi oss helseopplysninger.",
    ],
)
def test_special_category_named_in_text_is_reported(
    check: Check, example_data: dict[str, Any], text: str
) -> None:
    findings = only(run(check, example_data, one_activity(text=text)), "PUR004")
    assert len(findings) == 1
    assert findings[0].pointer == "/activities/0/text"
    assert "henvendelser" in findings[0].message and "only mentions" in findings[0].message


def test_purpose_and_data_categories_are_read(check: Check, example_data: dict[str, Any]) -> None:
    patch = one_activity(purpose="Føre medlemsregister", data_categories=["navn", "opplysninger om helse"])
    findings = only(run(check, example_data, patch), "PUR004")
    assert [f.pointer for f in findings] == ["/activities/0/data_categories/1"]
    assert "health" in findings[0].message


def test_one_finding_per_activity_naming_every_category(check: Check, example_data: dict[str, Any]) -> None:
    patch = one_activity(text="Vi lagrer helseopplysninger. Vi lagrer også religiøs tilhørighet.")
    findings = only(run(check, example_data, patch), "PUR004")
    assert len(findings) == 1
    assert "health" in findings[0].message and "religious" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        # Denials of processing.
        "Vi behandler ikke helseopplysninger.",
        "Helseopplysninger lagres ikke.",
        "We do not collect health data.",
        "We process no special categories of personal data.",
        "Vi behandler ingen særlige kategorier av personopplysninger om deg, heller ikke opplysninger om din helse.",
        # Animal data are not personal data.
        "Opplysninger om dyrets helse er ikke personopplysninger.",
        "Vi registrerer dyrets helseopplysninger.",
        "Vi registrerer helseopplysninger om dyret ditt.",
        "We keep your animal's medical records.",
        "We keep the medical records of your pet.",
        "We record animal health data.",
        "Eksempel Dyrehelse AS fører journal over dyrehelse.",
        # Ordinary words that only look similar.
        "Les personvernpolitikken vår.",
        "The data are sent in the form of a report.",
    ],
)
def test_no_special_category_is_quiet(check: Check, example_data: dict[str, Any], text: str) -> None:
    assert only(run(check, example_data, one_activity(text=text)), "PUR004") == []


@pytest.mark.parametrize(
    "declared",
    [{"special_categories": ["health"], "special_condition": "9(2)(a)"}, {"special_condition": "9(2)(h)"}],
)
def test_declared_special_categories_are_not_reported_again(
    check: Check, example_data: dict[str, Any], declared: dict[str, Any]
) -> None:
    patch = one_activity(text="Vi registrerer helseopplysninger som du gir oss.", **declared)
    assert only(run(check, example_data, patch), "PUR004") == []


def test_special_category_finding_points_at_the_sentence(check: Check, example_data: dict[str, Any]) -> None:
    text = "Vi svarer på spørsmål.\nVi svarer raskt.\n\nVi registrerer helseopplysninger som du gir oss."
    source = yaml_dump(merge(example_data, one_activity(text=text)))
    findings = only(check(source), "PUR004")
    assert [f.span.line for f in findings] == [line_of(source, "Vi registrerer helseopplysninger")]


# --- PUR005 / PUR006 legitimate interests --------------------------------------------------------


def test_legitimate_interests_without_interest(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, one_activity(legitimate_interest=None)), "PUR005")
    assert [f.pointer for f in findings] == ["/activities/0/legal_basis"]
    assert "henvendelser" in findings[0].message


def test_legitimate_interests_with_interest(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, one_activity()), "PUR005") == []


def test_other_bases_need_no_interest(check: Check, example_data: dict[str, Any]) -> None:
    patch = one_activity(legal_basis="6(1)(b)", legitimate_interest=None)
    assert only(run(check, example_data, patch), "PUR005") == []


@pytest.mark.parametrize(
    "interest",
    [
        "Våre berettigede interesser.",
        "For å ivareta våre berettigede interesser.",
        "Vår berettigede interesse",
        "Our legitimate interests.",
        "Legitimate business interests",
        "To pursue our legitimate business interests in running our business.",
    ],
)
def test_generic_interest_is_reported(check: Check, example_data: dict[str, Any], interest: str) -> None:
    findings = only(run(check, example_data, one_activity(legitimate_interest=interest)), "PUR006")
    assert [f.pointer for f in findings] == ["/activities/0/legitimate_interest"]
    assert "henvendelser" in findings[0].message


@pytest.mark.parametrize(
    "interest",
    [
        "Vår berettigede interesse er å svare kundene på det de spør om.",
        "Our legitimate interest is to answer your question.",
        "Å sende påminnelse om vaksinasjon til eksisterende kunder.",
    ],
)
def test_specific_interest_is_quiet(check: Check, example_data: dict[str, Any], interest: str) -> None:
    assert only(run(check, example_data, one_activity(legitimate_interest=interest)), "PUR006") == []


def test_generic_interest_in_one_language_is_reported_there(
    check: Check, example_data: dict[str, Any]
) -> None:
    interest = {"nb": "Å svare kundene på det de spør om.", "en": "Our legitimate interests."}
    findings = only(run(check, example_data, one_activity(legitimate_interest=interest)), "PUR006")
    assert [f.pointer for f in findings] == ["/activities/0/legitimate_interest/en"]


# --- PUR007 / PUR008 Art. 14 ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["other", "publicly_available"])
def test_art14_needs_categories_and_source(check: Check, example_data: dict[str, Any], kind: str) -> None:
    findings = run(check, example_data, one_activity(source={"kind": kind}))
    assert [f.pointer for f in only(findings, "PUR007")] == ["/activities/0/source"]
    assert [f.pointer for f in only(findings, "PUR008")] == ["/activities/0/source"]
    assert kind in only(findings, "PUR008")[0].message


def test_art14_complete(check: Check, example_data: dict[str, Any]) -> None:
    source = {"kind": "other", "description": "Folkeregisteret"}
    patch = one_activity(source=source, data_categories=["navn", "adresse"])
    findings = run(check, example_data, patch)
    assert only(findings, "PUR007") == [] and only(findings, "PUR008") == []


def test_art14_source_text_is_not_a_description(check: Check, example_data: dict[str, Any]) -> None:
    patch = one_activity(source={"kind": "other", "text": "Vi henter adressen."}, data_categories=["adresse"])
    findings = run(check, example_data, patch)
    assert only(findings, "PUR007") == [] and len(only(findings, "PUR008")) == 1


@pytest.mark.parametrize("source", [None, {"kind": "data_subject"}])
def test_data_from_the_person_need_no_art14_items(
    check: Check, example_data: dict[str, Any], source: dict[str, Any] | None
) -> None:
    findings = run(check, example_data, one_activity(source=source))
    assert only(findings, "PUR007") == [] and only(findings, "PUR008") == []


# --- PUR009 provision ----------------------------------------------------------------------------


@pytest.mark.parametrize("basis", ["6(1)(b)", "6(1)(c)"])
def test_direct_collection_for_contract_or_law_needs_provision(
    check: Check, example_data: dict[str, Any], basis: str
) -> None:
    patch = one_activity(legal_basis=basis, legitimate_interest=None, source={"kind": "data_subject"})
    findings = only(run(check, example_data, patch), "PUR009")
    assert [f.pointer for f in findings] == ["/activities/0"]
    assert "henvendelser" in findings[0].message and "voluntary" in findings[0].message
    assert findings[0].severity.label == "error"


@pytest.mark.parametrize(
    "text",
    [
        "Du fyller ut nettskjemaet.",
        "Vi registrerer timebestillingen.",
        "You fill in the contact form.",
        "When you book.",
    ],
)
def test_a_form_in_the_wording_needs_provision(check: Check, example_data: dict[str, Any], text: str) -> None:
    patch = one_activity(source={"kind": "data_subject"}, text=text)
    findings = run(check, example_data, patch)
    assert len(only(findings, "PUR012")) == 1 and only(findings, "PUR009") == []
    assert only(findings, "PUR012")[0].severity.label == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "Når du melder deg inn, registrerer vi medlemskapet.",
        "Du oppgir navn og adresse når du oppretter brukerkonto.",
        "You provide your name and address with your order.",
        "When you create an account, you give us your e-mail address.",
    ],
)
def test_accounts_memberships_and_orders_need_provision_without_a_declared_source(
    check: Check, example_data: dict[str, Any], text: str
) -> None:
    findings = run(check, example_data, one_activity(text=text))
    assert len(only(findings, "PUR012")) == 1 and only(findings, "PUR009") == []  # read from words: a warning


@pytest.mark.parametrize(
    "text",
    [
        "Medlemskapet gir rabatt.",  # a membership, but nothing says the person gives data
        "Du oppgir navnet ditt når du ringer.",  # the person gives data, but no account, order or form
        "Our members receive the magazine.",
    ],
)
def test_no_direct_collection_shown_without_a_declared_source(
    check: Check, example_data: dict[str, Any], text: str
) -> None:
    findings = run(check, example_data, one_activity(text=text))
    assert only(findings, "PUR009") == [] and only(findings, "PUR012") == []


@pytest.mark.parametrize(
    "fields",
    [
        {"source": {"kind": "data_subject"}, "text": "Du sender oss e-post."},
        {"source": {"kind": "data_subject"}, "text": "We receive data in the form of e-mails."},
        {
            "source": {"kind": "other", "description": "Folkeregisteret"},
            "legal_basis": "6(1)(b)",
            "data_categories": ["adresse"],
            "text": "Skjema",
        },
        {"source": None, "legal_basis": "6(1)(b)", "text": "Skjema"},
        {
            "source": {"kind": "data_subject"},
            "legal_basis": "6(1)(b)",
            "provision": {"requirement": "voluntary"},
        },
    ],
)
def test_no_provision_needed_or_given(
    check: Check, example_data: dict[str, Any], fields: dict[str, Any]
) -> None:
    findings = run(check, example_data, one_activity(**fields))
    assert only(findings, "PUR009") == [] and only(findings, "PUR012") == []


# --- PUR010 / PUR011 automated decisions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("decisions", "missing"),
    [
        ({"used": True}, "logic and significance"),
        ({"used": True, "logic": "Poeng ut fra svarene."}, "significance"),
        ({"used": True, "significance": "Du kan få avslag."}, "logic"),
    ],
)
def test_automated_decisions_need_logic_and_significance(
    check: Check, example_data: dict[str, Any], decisions: dict[str, Any], missing: str
) -> None:
    findings = only(run(check, example_data, one_activity(automated_decisions=decisions)), "PUR010")
    assert [f.pointer for f in findings] == ["/activities/0/automated_decisions"]
    assert f"explain {missing}:" in findings[0].message


@pytest.mark.parametrize(
    "decisions",
    [
        {"used": True, "logic": "Poeng ut fra svarene.", "significance": "Du kan få avslag."},
        {"used": False},
        None,
    ],
)
def test_no_automated_decisions_or_fully_explained(
    check: Check, example_data: dict[str, Any], decisions: dict[str, Any] | None
) -> None:
    assert only(run(check, example_data, one_activity(automated_decisions=decisions)), "PUR010") == []


def test_saying_nothing_about_automated_decisions(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, one_activity()), "PUR011")
    assert [f.pointer for f in findings] == ["/activities"]


def test_one_activity_stating_it_is_enough(check: Check, example_data: dict[str, Any]) -> None:
    patch = {
        "activities": [
            *one_activity()["activities"],
            {"id": "b", "purpose": "x", "legal_basis": "6(1)(b)", "automated_decisions": {"used": False}},
        ]
    }
    assert only(run(check, example_data, patch), "PUR011") == []


@pytest.mark.parametrize("text", ["Vi tar ingen automatiserte avgjørelser.", "We do no profiling."])
def test_wording_about_automated_decisions_is_enough(
    check: Check, example_data: dict[str, Any], text: str
) -> None:
    patch = {**one_activity(), "sections": [{"id": "avgjorelser", "text": text}]}
    assert only(run(check, example_data, patch), "PUR011") == []


# --- the clinic ----------------------------------------------------------------------------------


def test_clinic_purpose_findings(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = [f for f in check(text) if f.code.startswith("PUR")]
    activity_lines = {
        name: line_of(text, f"- id: {name}")
        for name in ("nettstedsbesok", "saksbehandling", "e-post", "telefonlogg", "nettskjema")
    }
    expected = {("PUR002", line) for line in activity_lines.values()}
    expected.add(("PUR004", line_of(text, "Sensitive personopplysninger skal ikke sendes")))
    expected.add(("PUR012", activity_lines["nettskjema"]))  # no basis yet: the form in its wording
    expected.add(("PUR011", line_of(text, "activities:")))
    assert sorted((f.code, f.span.line) for f in findings) == sorted(expected)
    for finding in only(findings, "PUR002"):
        name = next(n for n, line in activity_lines.items() if line == finding.span.line)
        assert f"activity {name} " in finding.message
