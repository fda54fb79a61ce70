"""Behaviour of the Norwegian-law rules (checks/norway.py) and the section-3 rules in other themes."""

from __future__ import annotations

from typing import Any

from tests.checkhelpers import Check, only, run

SWEDEN = "statement: {jurisdiction: SE}\ncontroller: {country: SE}\ncomplaint: {authority: SE}"


def activity(extra: str) -> str:
    return f"""
activities:
  - id: a
    purpose: Holde oversikt over kundene
    legal_basis: "6(1)(b)"
{extra}
"""


def test_example_has_no_findings_of_the_new_rules(check: Check, example_data: dict[str, Any]) -> None:
    new = {"NOR001", "NOR002", "NOR003", "NOR004", "PUR013", "PUR014", "PUR015", "PUR016", "PUR017", "PUR018"}
    new |= {
        "REC008",
        "DPO004",
        "CPL006",
        "MKT001",
        "MKT002",
        "MKT003",
        "TRF010",
        "TRF011",
        "RGT012",
        "PUR012",
    }
    assert [f for f in run(check, example_data) if f.code in new] == []


def test_fodselsnummer_needs_its_reason(check: Check, example_data: dict[str, Any]) -> None:
    used = activity("    data_categories: [navn, Fødselsnummer]")
    [finding] = only(run(check, example_data, used), "NOR001")
    assert "'Fødselsnummer'" in finding.message and finding.severity.label == "warning"
    reasoned = used + "    national_id_need: Vi må identifisere deg sikkert for å gi kreditt.\n"
    assert only(run(check, example_data, reasoned), "NOR001") == []
    assert (
        only(run(check, example_data, activity("    data_categories: [navn, fødselsdato]")), "NOR001") == []
    )
    assert only(run(check, example_data, used, SWEDEN), "NOR001") == []
    denied = activity("    data_categories: [navn]\n    text: Vi samler ikke inn personnummer.")
    assert only(run(check, example_data, denied), "NOR001") == []


def test_camera_recordings_and_signs(check: Check, example_data: dict[str, Any]) -> None:
    camera = activity("    camera_surveillance: {signs_name_controller: true}\n    retention: {period: P8D}")
    findings = run(check, example_data, camera)
    assert len(only(findings, "NOR002")) == 1 and only(findings, "NOR003") == []
    week = camera.replace("P8D", "P1W")
    assert only(run(check, example_data, week), "NOR002") == []
    unsigned = week.replace("signs_name_controller: true", "signs_name_controller: false")
    [finding] = only(run(check, example_data, unsigned), "NOR003")
    assert "do not name" in finding.message
    no_camera = activity("    retention: {period: P30D}")
    assert only(run(check, example_data, no_camera), "NOR002") == []


def test_statutory_retention_periods(check: Check, example_data: dict[str, Any]) -> None:
    def nor004(period: str, statute: str) -> int:
        patch = activity(f"    retention: {{period: {period}, statute: '{statute}'}}")
        return len(only(run(check, example_data, patch), "NOR004"))

    assert nor004("P3Y", "bokføringsloven § 13") == 1
    assert nor004("P3Y6M", "bokføringsloven § 13") == 0  # secondary documentation
    assert nor004("P5Y", "Bokføringsloven § 13") == 0
    assert nor004("P5Y", "forskrift om journal for dyrehelsepersonell § 6") == 1
    assert nor004("P10Y", "forskrift om journal for dyrehelsepersonell § 6") == 0
    assert nor004("P1Y", "arkivloven") == 0


def test_criminal_offence_data_need_their_authority(check: Check, example_data: dict[str, Any]) -> None:
    bare = activity("    criminal_offence_data: {description: politiattest}")
    assert len(only(run(check, example_data, bare), "PUR013")) == 1
    with_law = activity(
        "    criminal_offence_data: {description: politiattest, authority: politiregisterloven § 39}"
    )
    assert only(run(check, example_data, with_law), "PUR013") == []


def test_automated_decisions_need_safeguards(check: Check, example_data: dict[str, Any]) -> None:
    used = activity("    automated_decisions: {used: true, logic: Regler., significance: Avslag.}")
    assert len(only(run(check, example_data, used), "PUR014")) == 1
    unused = activity("    automated_decisions: {used: false}")
    assert only(run(check, example_data, unused), "PUR014") == []


def test_public_authority_on_legitimate_interests_and_without_dpo(
    check: Check, example_data: dict[str, Any]
) -> None:
    public = "controller: {public_authority: true}\ndpo: {designated: false, contact: null}"
    findings = run(check, example_data, public)
    # The example has activities on 6(1)(f): each is reported, and the missing DPO once.
    assert len(only(findings, "PUR015")) >= 1 and len(only(findings, "DPO004")) == 1
    private = run(check, example_data, "dpo: {designated: false, contact: null}")
    assert only(private, "PUR015") == [] and only(private, "DPO004") == []


def test_joint_controller_needs_the_arrangement(check: Check, example_data: dict[str, Any]) -> None:
    parties = example_data["parties"]
    joint = [{**p, "role": "joint_controller"} if p["id"] == "timebok" else p for p in parties]
    assert len(only(run(check, example_data, {"parties": joint}), "REC008")) == 1
    arranged = [
        {**p, "arrangement": "Vi svarer på alle forespørsler."} if p["id"] == "timebok" else p for p in joint
    ]
    assert only(run(check, example_data, {"parties": arranged}), "REC008") == []


def test_children_age_limit(check: Check, example_data: dict[str, Any]) -> None:
    def findings(children: str) -> list[str]:
        patch = activity(f"    children: {children}")
        return [f.code for f in run(check, example_data, patch) if f.code in ("PUR016", "PUR017")]

    assert findings("{online_service_on_consent: true, age_limit: 12}") == ["PUR016"]
    assert findings("{online_service_on_consent: true, age_limit: 13}") == []
    assert findings("{online_service_on_consent: true}") == ["PUR017"]
    assert findings("{online_service_on_consent: false, age_limit: 8}") == []


def test_art14_exemption_silences_art14_items_but_needs_its_reason(
    check: Check, example_data: dict[str, Any]
) -> None:
    other = activity("    source: {kind: other}")
    codes = {f.code for f in run(check, example_data, other)}
    assert {"PUR007", "PUR008"} <= codes and "PUR018" not in codes
    exempt = activity("    source: {kind: other, exemption: 14(5)(c)}")
    codes = {f.code for f in run(check, example_data, exempt)}
    assert "PUR007" not in codes and "PUR008" not in codes and "PUR018" in codes
    reasoned = activity("    source: {kind: other, exemption: 14(5)(c), exemption_reason: Følger av loven.}")
    assert "PUR018" not in {f.code for f in run(check, example_data, reasoned)}
