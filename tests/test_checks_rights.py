"""Behaviour of the rights rules (checks/rights.py): both sides of every condition."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from noticelint.format.durations import duration_days
from tests.checkhelpers import Check, line_of, only, run
from tests.conftest import CLINIC, merge, yaml_dump, yaml_load

# Activities to replace the example's list with (lists replace when merged).
CONTRACT_ONLY = """
activities:
  - id: timebestilling
    purpose: Ta imot timebestillinger.
    legal_basis: "6(1)(b)"
"""
LEGITIMATE_ONLY = """
activities:
  - id: henvendelser
    purpose: Svare på spørsmål du sender oss.
    legal_basis: "6(1)(f)"
    legitimate_interest: Å svare deg på det du spør om.
"""


def test_example_has_no_rights_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("RGT")] == []


# --- RGT001 basic rights --------------------------------------------------------------------------


def test_each_missing_basic_right_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(
        run(check, example_data, "rights: {offered: [access, erasure, portability, objection]}"), "RGT001"
    )
    assert len(findings) == 2
    assert any("rectification" in f.message for f in findings)
    assert any("restriction" in f.message for f in findings)
    assert {f.pointer for f in findings} == {"/rights/offered"}


def test_no_rights_item_reports_all_four(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "rights: null"), "RGT001")
    assert len(findings) == 4
    assert {f.pointer for f in findings} == {""}


def test_erasure_not_required_where_everything_rests_on_legal_obligation(
    check: Check, example_data: dict[str, Any]
) -> None:
    activities = """
    activities:
      - id: fakturering
        purpose: Fakturere behandlingene.
        legal_basis: "6(1)(c)"
    rights:
      offered: [access, rectification, restriction]
    """
    assert only(run(check, example_data, activities), "RGT001") == []
    contract = '      - id: timebestilling\n        purpose: Timer.\n        legal_basis: "6(1)(b)"\n'
    mixed = activities.replace("    rights:", contract + "    rights:")
    findings = only(run(check, example_data, mixed), "RGT001")
    assert len(findings) == 1 and "erasure" in findings[0].message


def test_art_17_3_b_covers_public_tasks_too(check: Check, example_data: dict[str, Any]) -> None:
    public = """
    activities:
      - id: tilsyn
        purpose: Føre tilsyn.
        legal_basis: "6(1)(e)"
      - id: fakturering
        purpose: Fakturere behandlingene.
        legal_basis: "6(1)(c)"
    rights:
      offered: [access, rectification, restriction, objection]
      objection: Du kan protestere.
    """
    assert only(run(check, example_data, public), "RGT001") == []


# --- RGT002 / RGT003 objection --------------------------------------------------------------------


def test_objection_needed_for_legitimate_interests(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(
        run(
            check,
            example_data,
            "rights: {offered: [access, rectification, erasure, restriction, portability]}",
        ),
        "RGT002",
    )
    assert len(findings) == 1
    assert "henvendelser (6(1)(f) legitimate interests)" in findings[0].message


def test_objection_needed_for_public_task(check: Check, example_data: dict[str, Any]) -> None:
    public = CONTRACT_ONLY.replace('"6(1)(b)"', '"6(1)(e)"')
    findings = run(
        check, example_data, public, "rights: {offered: [access, rectification, erasure, restriction]}"
    )
    assert len(only(findings, "RGT002")) == 1


def test_no_objection_needed_without_public_task_or_legitimate_interests(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = run(
        check,
        example_data,
        CONTRACT_ONLY,
        "rights: {offered: [access, rectification, erasure, restriction, portability], objection: null}",
    )
    assert only(findings, "RGT002") == [] and only(findings, "RGT003") == []


@pytest.mark.parametrize("objection", ["null", "'   '", "{nb: '', en: ''}"])
def test_objection_must_be_worded_separately(
    check: Check, example_data: dict[str, Any], objection: str
) -> None:
    findings = only(run(check, example_data, f"rights: {{objection: {objection}}}"), "RGT003")
    assert len(findings) == 1
    assert findings[0].pointer == "/rights"
    assert "henvendelser" in findings[0].message


# --- RGT004 portability ---------------------------------------------------------------------------


def test_portability_needed_for_contract(check: Check, example_data: dict[str, Any]) -> None:
    basic = "rights: {offered: [access, rectification, erasure, restriction]}"
    findings = run(check, example_data, CONTRACT_ONLY, basic)
    assert len(only(findings, "RGT004")) == 1
    assert "timebestilling" in only(findings, "RGT004")[0].message


def test_portability_not_needed_for_legitimate_interests(check: Check, example_data: dict[str, Any]) -> None:
    findings = run(
        check,
        example_data,
        LEGITIMATE_ONLY,
        "rights: {offered: [access, rectification, erasure, restriction, objection], withdrawal: null}",
    )
    assert only(findings, "RGT004") == []


# --- RGT005 withdrawal where consent is used ------------------------------------------------------


def test_consent_without_withdrawal_item(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "rights: {withdrawal: null}"), "RGT005")
    assert len(findings) == 1
    assert findings[0].pointer == "/rights"
    assert "nettstedsanalyse" in findings[0].message


def test_consent_withdrawal_without_how(check: Check, example_data: dict[str, Any]) -> None:
    findings = run(check, example_data, "rights: {withdrawal: {how: null}}")
    # The example's withdrawal has text, so the statutory item is there; only the guidance item is missing.
    assert only(findings, "RGT005") == []
    how = only(findings, "RGT012")
    assert len(how) == 1 and how[0].pointer == "/rights/withdrawal"


def test_consent_withdrawal_item_without_any_wording(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "rights: {withdrawal: {how: null, text: null}}"), "RGT005")
    assert len(findings) == 1 and findings[0].pointer == "/rights/withdrawal"


def test_explicit_consent_under_article_9_needs_withdrawal(
    check: Check, example_data: dict[str, Any]
) -> None:
    special = """
    activities:
      - id: tilrettelegging
        purpose: Tilrettelegge besøket.
        special_categories: [health]
        legal_basis: "6(1)(b)"
        special_condition: "9(2)(a)"
    rights:
      withdrawal: null
    """
    assert len(only(run(check, example_data, special), "RGT005")) == 1


def test_no_withdrawal_needed_without_consent(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, LEGITIMATE_ONLY, "rights: {withdrawal: null}"), "RGT005") == []


# --- RGT013 the right to withdraw stated, not only the way --------------------------------------

ONLY_HOW = """
rights:
  withdrawal:
    text: null
    how:
      nb: ved å følge lenken nederst i hver e-post
      en: following the link at the bottom of each email
"""


def test_only_a_way_to_withdraw_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, ONLY_HOW), "RGT013")
    assert len(findings) == 1
    assert findings[0].pointer == "/rights/withdrawal"
    assert "nettstedsanalyse" in findings[0].message and "at any time" in findings[0].message


@pytest.mark.parametrize(
    "sentence",
    [
        "Du kan når som helst trekke tilbake samtykket ditt.",
        "Samtykket kan trekkes tilbake ved å kontakte oss.",
        "You may withdraw your consent by writing to us.",
        "Consent can be withdrawn from your profile page.",
        "You can change your mind about analytics at any time.",
    ],
)
def test_the_right_stated_in_withdrawal_text_is_enough(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    patch = {"rights": {"withdrawal": {"text": sentence}}}
    assert only(run(check, example_data, ONLY_HOW, patch), "RGT013") == []


def _with_analytics_text(example_data: dict[str, Any], text: str, *more: dict[str, Any]) -> dict[str, Any]:
    """The example with ``text`` on its consent-based activity and ``more`` activities after it."""
    data = copy.deepcopy(example_data)
    analytics = next(a for a in data["activities"] if a["id"] == "nettstedsanalyse")
    assert analytics["legal_basis"] == "6(1)(a)"
    analytics["text"] = text
    data["activities"].extend(more)
    return data


def test_the_right_stated_in_an_activity_is_enough(check: Check, example_data: dict[str, Any]) -> None:
    data = _with_analytics_text(
        example_data, "Du kan når som helst trekke tilbake samtykket til analyse under «Personvernvalg»."
    )
    assert only(run(check, data, ONLY_HOW), "RGT013") == []


def test_unsubscribing_at_any_time_answers_for_one_consent_only(
    check: Check, example_data: dict[str, Any]
) -> None:
    sentence = "You can unsubscribe at any time by following the link at the bottom of each email."
    assert only(run(check, _with_analytics_text(example_data, sentence), ONLY_HOW), "RGT013") == []
    second = {"id": "konkurranse", "purpose": "Trekke vinnere i konkurransen.", "legal_basis": "6(1)(a)"}
    findings = only(run(check, _with_analytics_text(example_data, sentence, second), ONLY_HOW), "RGT013")
    assert len(findings) == 1 and "nettstedsanalyse, konkurranse" in findings[0].message


def test_no_withdrawal_right_needed_without_consent(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, LEGITIMATE_ONLY, ONLY_HOW), "RGT013") == []


def test_missing_withdrawal_item_is_left_to_rgt005(check: Check, example_data: dict[str, Any]) -> None:
    findings = run(check, example_data, "rights: {withdrawal: null}")
    assert only(findings, "RGT013") == [] and len(only(findings, "RGT005")) == 1


# --- RGT006 withdrawal offered with nothing resting on consent ------------------------------------


def test_withdrawal_without_consent_fires_at_each_sentence(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = only(run(check, example_data, LEGITIMATE_ONLY), "RGT006")
    assert {f.pointer for f in findings} == {"/rights/withdrawal/text/nb", "/rights/withdrawal/text/en"}
    assert all("no activity declares consent (6(1)(a))" in f.message for f in findings)


def test_withdrawal_field_without_sentence_fires_at_the_field(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = "rights: {withdrawal: {text: null, how: 'Klikk på Innstillinger nederst på siden.'}}"
    findings = only(run(check, example_data, LEGITIMATE_ONLY, patch), "RGT006")
    assert [f.pointer for f in findings] == ["/rights/withdrawal"]


def test_withdrawal_wording_elsewhere_fires_at_its_sentence(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = """
    rights:
      withdrawal: null
    sections:
      - id: samtykke
        topic: rights
        text:
          nb: Vi lagrer lite. Du kan når som helst trekke tilbake ditt samtykke.
          en: We store little. You may withdraw your consent at any time.
    """
    data = merge(merge(example_data, yaml_load(LEGITIMATE_ONLY)), yaml_load(patch))
    text = yaml_dump(data)
    findings = only(check(text), "RGT006")
    assert {f.pointer for f in findings} == {"/sections/0/text/nb", "/sections/0/text/en"}
    nb = next(f for f in findings if f.pointer.endswith("/nb"))
    assert nb.span.line == line_of(text, "Du kan når som helst trekke tilbake ditt samtykke")


def test_withdrawal_is_fine_where_consent_is_declared(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data), "RGT006") == []
    special = """
    activities:
      - id: tilrettelegging
        purpose: Tilrettelegge besøket.
        special_categories: [health]
        legal_basis: "6(1)(b)"
        special_condition: "9(2)(a)"
    """
    assert only(run(check, example_data, special), "RGT006") == []


def test_no_withdrawal_offered_no_contradiction(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, LEGITIMATE_ONLY, "rights: {withdrawal: null}"), "RGT006") == []


def test_cookie_consent_withdrawal_is_not_a_contradiction(check: Check, example_data: dict[str, Any]) -> None:
    cookie_sentence = """
    rights:
      withdrawal: null
    sections:
      - id: informasjonskapsler
        topic: cookies
        text:
          nb: Du kan trekke tilbake samtykket til informasjonskapsler i innstillingene nederst på siden.
          en: You can withdraw your consent to cookies in the settings at the bottom of the page.
    """
    analytics = """
    activities:
      - id: analyse
        purpose: Måle bruken av nettstedet.
        legal_basis: "6(1)(f)"
        legitimate_interest: Å forbedre nettstedet.
        cookies:
          - name: _ga
            strictly_necessary: false
    """
    assert only(run(check, example_data, analytics, cookie_sentence), "RGT006") == []
    # Without a cookie that needs consent, the same sentence is a contradiction again.
    necessary = analytics.replace("strictly_necessary: false", "strictly_necessary: true")
    assert len(only(run(check, example_data, necessary, cookie_sentence), "RGT006")) == 2


# --- RGT007 rights that cannot be judged ----------------------------------------------------------


def test_activities_without_basis_are_listed_once(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
    activities:
      - id: uten-grunnlag
        purpose: Noe.
      - id: med-grunnlag
        purpose: Noe annet.
        legal_basis: "6(1)(b)"
      - id: ogsa-uten
        purpose: Enda noe.
    """
    findings = only(run(check, example_data, patch), "RGT007")
    assert len(findings) == 1
    assert findings[0].pointer == "/rights"
    assert "uten-grunnlag, ogsa-uten" in findings[0].message and "med-grunnlag" not in findings[0].message
    findings = only(run(check, example_data, patch, "rights: null"), "RGT007")
    assert [f.pointer for f in findings] == ["/activities"]


def test_all_bases_known_nothing_to_judge(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, CONTRACT_ONLY), "RGT007") == []


# --- RGT008 / RGT009 channels ---------------------------------------------------------------------


def test_channel_the_controller_lacks(check: Check, example_data: dict[str, Any]) -> None:
    text = yaml_dump(merge(example_data, yaml_load("controller: {contact: {web_form: null}}")))
    findings = only(check(text), "RGT008")
    assert len(findings) == 1
    assert findings[0].pointer == "/rights/channels/1"
    assert "web_form" in findings[0].message
    assert findings[0].span.line == line_of(text, "- web_form")


def test_channels_that_exist_are_fine(check: Check, example_data: dict[str, Any]) -> None:
    patch = "rights: {channels: [email, phone, web_form, postal_address]}"
    assert only(run(check, example_data, patch), "RGT008") == []


def test_no_channel_named(check: Check, example_data: dict[str, Any]) -> None:
    findings = run(check, example_data, "rights: {channels: []}")
    assert [f.pointer for f in only(findings, "RGT009")] == ["/rights"]
    assert only(findings, "RGT008") == []
    assert only(run(check, example_data, "rights: {channels: [phone]}"), "RGT009") == []


# --- RGT010 / RGT011 answer time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "days"),
    [
        ("P1M", 30.436875),
        ("P30D", 30),
        ("P4W", 28),
        ("P1Y", 365.2425),
        ("PT48H", 2),
        ("P1Y2M3DT12H", 365.2425 + 2 * 30.436875 + 3.5),
    ],
)
def test_duration_days(value: str, days: float) -> None:
    assert duration_days(value) == pytest.approx(days)


@pytest.mark.parametrize("value", ["", "P", "PT", "1M", "P1X", "P1DT"])
def test_duration_days_rejects_nonsense(value: str) -> None:
    assert duration_days(value) is None


NO_EXPLANATION = "rights: {text: 'Vi svarer så fort vi kan.'}"


@pytest.mark.parametrize("value", ["P1M", "P31D", "P4W", "P2W"])
def test_answer_time_within_one_month(check: Check, example_data: dict[str, Any], value: str) -> None:
    findings = run(check, example_data, NO_EXPLANATION, f"rights: {{answer_time: {value}}}")
    assert only(findings, "RGT010") == [] and only(findings, "RGT011") == []


@pytest.mark.parametrize("value", ["P32D", "P2M", "P3M", "P92D"])
def test_answer_time_beyond_one_month_unexplained(
    check: Check, example_data: dict[str, Any], value: str
) -> None:
    findings = run(check, example_data, NO_EXPLANATION, f"rights: {{answer_time: {value}}}")
    assert only(findings, "RGT010") == []
    assert [f.pointer for f in only(findings, "RGT011")] == ["/rights/answer_time"]


def test_answer_time_beyond_one_month_with_explanation(check: Check, example_data: dict[str, Any]) -> None:
    # The example's rights text explains the extension ("forlenger vi fristen med inntil to måneder").
    findings = run(check, example_data, "rights: {answer_time: P3M}")
    assert only(findings, "RGT010") == [] and only(findings, "RGT011") == []


@pytest.mark.parametrize("value", ["P93D", "P4M", "P1Y"])
def test_answer_time_beyond_three_months(check: Check, example_data: dict[str, Any], value: str) -> None:
    findings = run(check, example_data, f"rights: {{answer_time: {value}}}")
    assert [f.pointer for f in only(findings, "RGT010")] == ["/rights/answer_time"]
    assert only(findings, "RGT011") == []


# --- the clinic -----------------------------------------------------------------------------------


def test_clinic_rights_findings(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = [f for f in check(text) if f.code.startswith("RGT")]
    by_code = {code: [f for f in findings if f.code == code] for code in {f.code for f in findings}}
    assert set(by_code) == {"RGT006", "RGT007", "RGT009"}

    (withdrawal,) = by_code["RGT006"]
    assert withdrawal.span.line == line_of(text, "kan du til enhver tid trekke samtykket tilbake")
    assert "no activity declares consent (6(1)(a))" in withdrawal.message

    (not_judged,) = by_code["RGT007"]
    assert not_judged.span.line == line_of(text, "rights:")
    for activity in ("nettstedsbesok", "saksbehandling", "e-post", "telefonlogg", "nettskjema"):
        assert activity in not_judged.message

    (no_channel,) = by_code["RGT009"]
    assert no_channel.span.line == line_of(text, "rights:")
