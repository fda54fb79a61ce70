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
    new = {
        "NOR001",
        "NOR002",
        "NOR003",
        "NOR004",
        "NOR005",
        "PUR013",
        "PUR014",
        "PUR015",
        "PUR016",
        "PUR017",
        "PUR018",
    }
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
    # The journal of health personnel has no minimum period: ten years after the last entry is when a
    # private business may hand it over to an archive, not how long it must be kept.
    assert nor004("P2Y", "pasientjournalforskriften") == 0
    assert nor004("P2Y", "helsepersonelloven § 39") == 0


JOURNAL = """
activities:
  - id: journal
    purpose: {purpose}
    legal_basis: "{basis}"
    special_categories: [health]
    special_condition: "{condition}"
    data_categories: [navn, helseopplysninger]
    retention: {{criterion: {criterion}}}
"""


def journal(
    purpose: str,
    basis: str = "6(1)(a)",
    condition: str = "9(2)(h)",
    criterion: str = "Så lenge journalen trengs for helsehjelpen.",
) -> str:
    return JOURNAL.format(purpose=purpose, basis=basis, condition=condition, criterion=criterion)


def test_patient_journal_is_not_kept_on_consent(check: Check, example_data: dict[str, Any]) -> None:
    fysio = "controller: {legal_name: Eksempel Fysioterapi AS}"
    [finding] = only(run(check, example_data, fysio, journal("Føre pasientjournal")), "NOR005")
    assert finding.severity.label == "warning" and "helsepersonelloven § 39" in finding.message
    assert "6(1)(c)" in finding.message
    both = only(
        run(check, example_data, fysio, journal("Føre pasientjournal", condition="9(2)(a)")), "NOR005"
    )
    assert len(both) == 2 and "9(2)(h)" in both[1].message
    statutory = journal("Føre pasientjournal", basis="6(1)(c)")
    assert only(run(check, example_data, fysio, statutory), "NOR005") == []
    # The wording alone can make the business unmistakable, in Norwegian and in English.
    worded = journal("Journalføring i henhold til helsepersonelloven")
    assert len(only(run(check, example_data, worded), "NOR005")) == 0  # the example is a veterinary business
    neutral = "controller: {legal_name: Eksempel AS}"
    assert len(only(run(check, example_data, neutral, worded), "NOR005")) == 1
    english = journal("Keeping patient records of your treatment")
    assert len(only(run(check, example_data, neutral, english), "NOR005")) == 1
    english_name = "controller: {legal_name: Example Physiotherapy Ltd}"
    assert len(only(run(check, example_data, english_name, journal("Keeping your journal")), "NOR005")) == 1


def test_patient_journal_rule_stays_silent_outside_health_care(
    check: Check, example_data: dict[str, Any]
) -> None:
    # A veterinary practice's journal is the animal's (its own duty, NOR004).
    assert only(run(check, example_data, journal("Føre pasientjournal for dyret")), "NOR005") == []
    neutral = "controller: {legal_name: Eksempel AS}"
    # A journal of enquiries, or journalism, is not a patient journal.
    kept = "Så lenge vi trenger den."
    enquiries = journal("Føre journal over henvendelser", criterion=kept)
    assert only(run(check, example_data, neutral, enquiries), "NOR005") == []
    press = journal("Journalistikk om helsehjelp", criterion=kept)
    assert only(run(check, example_data, neutral, press), "NOR005") == []
    fysio = "controller: {legal_name: Eksempel Fysioterapi AS}"
    # A physiotherapist's newsletter on consent is not its journal.
    assert (
        only(
            run(check, example_data, fysio, journal("Sende nyhetsbrev", criterion="Til du melder deg av.")),
            "NOR005",
        )
        == []
    )
    swedish = "controller: {legal_name: Exempel Fysioterapi AB}"
    assert only(run(check, example_data, SWEDEN, swedish, journal("Föra patientjournal")), "NOR005") == []


def test_basis_advice_for_a_patient_journal_is_the_statutory_duty(
    check: Check, example_data: dict[str, Any]
) -> None:
    fysio = "controller: {legal_name: Eksempel Fysioterapi AS}"
    bare = journal("Føre pasientjournal").replace('    legal_basis: "6(1)(a)"\n', "")
    bare = bare.replace('    special_condition: "9(2)(h)"\n', "")
    findings = run(check, example_data, fysio, bare)
    [basis] = only(findings, "PUR002")
    [condition] = only(findings, "PUR003")
    assert "6(1)(c)" in basis.message and "6(1)(a) consent" not in basis.message
    assert "9(2)(h)" in condition.message and "9(2)(a)" not in condition.message
    # Elsewhere the usual examples stay.
    enquiries = journal("Føre journal over henvendelser", criterion="Så lenge vi trenger den.")
    enquiries = enquiries.replace('    legal_basis: "6(1)(a)"\n', "")
    [other] = only(run(check, example_data, "controller: {legal_name: Eksempel AS}", enquiries), "PUR002")
    assert "6(1)(a) consent" in other.message


def test_journal_retention_asks_for_the_criterion(check: Check, example_data: dict[str, Any]) -> None:
    fysio = "controller: {legal_name: Eksempel Fysioterapi AS}"
    bare = journal("Føre pasientjournal", basis="6(1)(c)").replace(
        "retention: {criterion: Så lenge journalen trengs for helsehjelpen.}",
        "retention: {statute: pasientjournalforskriften}",
    )
    [finding] = only(run(check, example_data, fysio, bare), "RET003")
    assert "criterion" in finding.message and "P5Y" not in finding.message
    explained = bare.replace(
        "{statute: pasientjournalforskriften}",
        "{statute: pasientjournalforskriften, criterion: Så lenge journalen trengs for helsehjelpen.}",
    )
    assert only(run(check, example_data, fysio, explained), "RET003") == []
    # Elsewhere a statute without a period still asks for the period.
    accounts = activity("    retention: {statute: bokføringsloven § 13}")
    [other] = only(run(check, example_data, accounts), "RET003")
    assert "P5Y" in other.message


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
