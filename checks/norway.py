"""Norwegian law beyond the GDPR: fødselsnummer, camera surveillance, statutory retention periods and the
journal duty of health businesses.

These rules apply where Norwegian law applies (statement.jurisdiction NO, or, without a jurisdiction,
a controller established in Norway). The sources and what could not be verified are listed in
docs/legal-sources.md: personopplysningsloven § 12 (LOV-2018-06-15-38), Datatilsynet's guide on camera
surveillance (signs and deletion; forskrift 2. juli 2018 nr. 1107 om kameraovervåking i virksomhet is
known by its number, but its section numbers could not be read for this tool and are not cited),
bokføringsloven § 13 (LOV-2004-11-19-73), and the journal duties in knowledge/journal_duties.csv:
forskrift om journal for dyrehelsepersonell § 6 (FOR-2006-02-20-229, made under dyrehelsepersonelloven
§ 24) and, for health personnel, helsepersonelloven §§ 39-40 with pasientjournalforskriften.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    Activity,
    CheckContext,
    Hit,
    LegalBasis,
    SpecialCondition,
    Text,
    is_norwegian,
    journal_duties,
    patient_journal,
    rule,
)

POL12 = "personopplysningsloven § 12 (LOV-2018-06-15-38)"
BFL13 = "bokføringsloven § 13 (LOV-2004-11-19-73)"
JOURNAL = "forskrift om journal for dyrehelsepersonell § 6 (FOR-2006-02-20-229)"
HPL39 = "helsepersonelloven § 39 (LOV-1999-07-02-64)"
CAMERA = "Datatilsynet: kameraovervåking, skilting og sletting"
CAMERA_REGULATION = "forskrift om kameraovervåking i virksomhet (FOR-2018-07-02-1107)"

_NATIONAL_ID = re.compile(
    r"\b(?:fødselsnummer\w*|personnummer\w*|f\.nr\.?|d-nummer\w*|national\s+identity\s+number\w*|"
    r"national\s+id\s+number\w*|personal\s+identity\s+number\w*)",
    re.IGNORECASE,
)
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$")


def _texts(text: Text | None) -> list[str]:
    if text is None:
        return []
    return [text.root] if isinstance(text.root, str) else list(text.root.values())


def _blank(text: Text | None) -> bool:
    return not any(t.strip() for t in _texts(text))


def _days(value: str | None) -> float | None:
    """An ISO 8601 duration in days (years and months at their average length); None if not one."""
    match = _DURATION.match(value or "")
    if not match or value in ("P", None):
        return None
    years, months, weeks, days = (int(g) if g else 0 for g in match.groups())
    return years * 365.2425 + months * 30.436875 + weeks * 7 + days


def _national_id_mentions(activity: Activity) -> list[str]:
    found: list[str] = []
    for text in activity.data_categories:
        for value in _texts(text):
            found += [m.group(0) for m in _NATIONAL_ID.finditer(value)]
    return found


def _retention_statute(activity: Activity) -> str:
    retention = activity.retention
    return " ".join(_texts(retention.statute)).lower() if retention else ""


@rule(
    code="NOR001",
    name="national-id-without-need",
    basis="statute",
    certainty="inferred",
    legal=[POL12, "GDPR Art. 87", "GDPR Art. 5(1)(c)"],
    fix=(
        "Say under national_id_need why secure identification is needed and why the number is necessary "
        "for it (e.g. 'Vi må identifisere deg sikkert for å sende svar til helsenorge'); or stop using it."
    ),
    fails="""
    activities:
      - id: kunderegister
        purpose: Holde oversikt over kundene
        legal_basis: "6(1)(b)"
        data_categories: [navn, fødselsnummer]
    """,
    passes="""
    activities:
      - id: kunderegister
        purpose: Holde oversikt over kundene
        legal_basis: "6(1)(b)"
        data_categories: [navn, fødselsnummer]
        national_id_need: Vi må identifisere deg sikkert når vi gir deg kreditt.
    """,
)
def national_id_without_need(ctx: CheckContext) -> Iterator[Hit]:
    """A fødselsnummer is used only where secure identification is needed, and the statement says why.

    personopplysningsloven § 12 (made under GDPR Art. 87) allows a fødselsnummer or other unique
    means of identification to be used only where there is "saklig behov for sikker identifisering" and
    the method is necessary to achieve such identification. The rule fires where an activity's
    data_categories name a fødselsnummer, personnummer or D-nummer (or a national identity number) and
    national_id_need is empty. Only the list of data categories is read, not the wording, which may
    say that no such number is collected ("vi samler ikke inn personnummer"). It reads the category's
    words, and the need may be obvious from the purpose, hence a warning.
    """
    if not is_norwegian(ctx.statement):
        return
    for index, activity in enumerate(ctx.statement.activities):
        mentions = _national_id_mentions(activity)
        if mentions and _blank(activity.national_id_need):
            yield Hit(
                f"/activities/{index}",
                f"activity {activity.id} uses a national identity number ('{mentions[0]}'), which "
                "personopplysningsloven § 12 allows only where secure identification is needed and the number "
                "is necessary for it; say why under national_id_need",
            )


@rule(
    code="NOR002",
    name="camera-recordings-kept-too-long",
    basis="guidance",
    legal=[CAMERA, CAMERA_REGULATION, "GDPR Art. 5(1)(e)", "GDPR Art. 13(2)(a)"],
    fix=(
        "Delete recordings when there is no longer a reason to keep them and at the latest seven days after "
        "recording (retention.period: P7D); keep a recording longer only where it is likely to be handed to "
        "the police, and say so."
    ),
    fails="""
    activities:
      - id: kamera
        purpose: Forebygge innbrudd i klinikken
        legal_basis: "6(1)(f)"
        legitimate_interest: Å beskytte klinikken mot innbrudd og tyveri.
        camera_surveillance: {signs_name_controller: true}
        retention: {period: P30D}
    """,
    passes="""
    activities:
      - id: kamera
        purpose: Forebygge innbrudd i klinikken
        legal_basis: "6(1)(f)"
        legitimate_interest: Å beskytte klinikken mot innbrudd og tyveri.
        camera_surveillance: {signs_name_controller: true}
        retention: {period: P7D}
    """,
)
def camera_recordings_kept_too_long(ctx: CheckContext) -> Iterator[Hit]:
    """Camera recordings are deleted within seven days.

    Datatilsynet's guide on camera surveillance says that recordings are deleted when there is no longer
    a good reason to keep them, and at the latest seven days after recording; longer only where a
    recording is likely to be handed to the police. The deadline comes from forskrift 2. juli 2018 nr.
    1107 om kameraovervåking i virksomhet, made under arbeidsmiljøloven § 9-6 (GDPR Art. 88), which
    protects employees: it applies wherever the cameras also film the business's employees, even when the
    purpose is security. For cameras that film no employee, Datatilsynet's general guide calls seven
    days a rule of thumb that a business may exceed if it documents why. The regulation's section numbers
    could not be read for this tool, so the rule cites the guide and the regulation by number, and is a
    warning. It fires where an activity declares camera_surveillance and a retention period of more than
    seven days.
    """
    if not is_norwegian(ctx.statement):
        return
    for index, activity in enumerate(ctx.statement.activities):
        if activity.camera_surveillance is None or activity.retention is None:
            continue
        days = _days(activity.retention.period)
        if days is not None and days > 7:
            yield Hit(
                f"/activities/{index}/retention/period",
                f"activity {activity.id} keeps camera recordings for {activity.retention.period}; Datatilsynet "
                "expects them deleted at the latest seven days after recording where the cameras also film "
                "employees (longer only for a recording likely to be handed to the police); use P7D or explain "
                "the exception",
            )


@rule(
    code="NOR003",
    name="camera-signs-without-controller",
    basis="guidance",
    legal=[CAMERA, "GDPR Art. 12(7)", "GDPR Art. 13(1)(a)"],
    fix="Put up signs that name the controller (who decided the surveillance) and say signs_name_controller: true.",
    fails="""
    activities:
      - id: kamera
        purpose: Forebygge innbrudd i klinikken
        legal_basis: "6(1)(f)"
        legitimate_interest: Å beskytte klinikken mot innbrudd og tyveri.
        camera_surveillance: {signs_name_controller: false}
        retention: {period: P7D}
    """,
    passes="""
    activities:
      - id: kamera
        purpose: Forebygge innbrudd i klinikken
        legal_basis: "6(1)(f)"
        legitimate_interest: Å beskytte klinikken mot innbrudd og tyveri.
        camera_surveillance: {signs_name_controller: true}
        retention: {period: P7D}
    """,
)
def camera_signs_without_controller(ctx: CheckContext) -> Iterator[Hit]:
    """Camera surveillance is signposted with the controller's name.

    Datatilsynet's guide says all camera surveillance must be made clearly known, and that the signs
    name who is responsible: the one who decided the purpose of the surveillance, not the company that
    installed the cameras (the first layer of information, as the EDPB Guidelines 3/2019 on video
    devices also describe). The rule fires where camera_surveillance says signs_name_controller: false,
    or does not say it at all.
    """
    if not is_norwegian(ctx.statement):
        return
    for index, activity in enumerate(ctx.statement.activities):
        camera = activity.camera_surveillance
        if camera is not None and camera.signs_name_controller is not True:
            said = "do not name" if camera.signs_name_controller is False else "are not said to name"
            yield Hit(
                f"/activities/{index}/camera_surveillance",
                f"activity {activity.id} is camera surveillance whose signs {said} the controller; the signs "
                "must say who is responsible for the surveillance",
            )


@rule(
    code="NOR004",
    name="statutory-retention-too-short",
    basis="statute",
    certainty="inferred",
    legal=[BFL13, JOURNAL, "GDPR Art. 13(2)(a)"],
    fix=(
        "Give the period the statute sets: five years after the end of the financial year for primary "
        "accounting documentation (three years and six months for secondary documentation), at least ten "
        "years for the journals of animal-health personnel (knowledge/journal_duties.csv)."
    ),
    fails="""
    activities:
      - id: fakturering
        purpose: Fakturere behandlingene
        legal_basis: "6(1)(c)"
        retention: {period: P2Y, statute: bokføringsloven § 13}
    """,
    passes="""
    activities:
      - id: fakturering
        purpose: Fakturere behandlingene
        legal_basis: "6(1)(c)"
        retention:
          period: P5Y
          statute: bokføringsloven § 13
          criterion: Fem år etter utgangen av regnskapsåret.
    """,
)
def statutory_retention_too_short(ctx: CheckContext) -> Iterator[Hit]:
    """A retention that names a Norwegian statute gives at least the period the statute sets.

    bokføringsloven § 13 requires primary accounting documentation to be kept for five years after the
    end of the financial year, and secondary documentation for three years and six months. The journal
    duties come from knowledge/journal_duties.csv: the journal regulation for animal-health personnel (§ 6,
    made under dyrehelsepersonelloven § 24) requires journals to be kept for at least ten years. The
    journal of health personnel (helsepersonelloven, pasientjournalforskriften) has no minimum period: it
    is kept until it is no longer expected to be needed for the health care, and the ten years after the
    last entry often quoted is when a private business may hand the journal over to an archive, so the
    rule never fires for it. The rule fires where retention.statute names bokføringsloven and the period
    is shorter than three years and six months, or names a journal duty with a minimum period and the
    period is shorter. It does not know which documents the activity keeps, and it reads the statute's
    name as words, hence a warning.
    """
    if not is_norwegian(ctx.statement):
        return
    for index, activity in enumerate(ctx.statement.activities):
        statute = _retention_statute(activity)
        days = _days(activity.retention.period) if activity.retention else None
        if not statute or days is None:
            continue
        least = _statutory_minimum(statute, days)
        if least is None:
            continue
        assert activity.retention is not None
        yield Hit(
            f"/activities/{index}/retention/period",
            f"activity {activity.id} keeps the data for {activity.retention.period} under a statute that sets at "
            f"least {least}; give that period, counted as the statute counts it",
        )


def _statutory_minimum(statute: str, days: float) -> str | None:
    """What the named statute sets, in words, if ``days`` is shorter than it; else None."""
    if "bokføring" in statute:
        if days < 3.5 * 365.2425 - 1:
            return (
                "three years and six months (secondary documentation; five years for primary documentation)"
            )
        return None
    for duty in journal_duties():
        minimum = _days(duty.minimum_retention)
        if minimum is not None and duty.statute.search(statute) and days < minimum - 1:
            return f"{duty.retention_rule.removeprefix('kept ')} ({duty.duty})"
    return None


@rule(
    code="NOR005",
    name="patient-journal-on-consent",
    basis="statute",
    certainty="inferred",
    legal=[HPL39, "helsepersonelloven § 43", "GDPR Art. 6(1)(c)", "GDPR Art. 9(2)(h)", "GDPR Art. 17(3)(b)"],
    fix=(
        "Rest the patient journal on the duty to keep it: legal_basis: 6(1)(c) (6(1)(e) for a public body) "
        "and special_condition: 9(2)(h), citing helsepersonelloven § 39 (e.g. 'Vi har plikt til å føre "
        "journal etter helsepersonelloven § 39'); keep consent for what really is voluntary, such as SMS "
        "reminders."
    ),
    fails="""
    controller: {legal_name: Eksempel Fysioterapi AS}
    activities:
      - id: journal
        purpose: Føre pasientjournal for behandlingen
        legal_basis: "6(1)(a)"
        special_categories: [health]
        special_condition: "9(2)(a)"
        data_categories: [navn, helseopplysninger]
        retention: {criterion: Så lenge journalen trengs for helsehjelpen.}
    """,
    passes="""
    controller: {legal_name: Eksempel Fysioterapi AS}
    activities:
      - id: journal
        purpose: Føre pasientjournal for behandlingen
        legal_basis: "6(1)(c)"
        special_categories: [health]
        special_condition: "9(2)(h)"
        data_categories: [navn, helseopplysninger]
        retention:
          statute: helsepersonelloven § 39, pasientjournalforskriften
          criterion: Så lenge journalen trengs for helsehjelpen.
    """,
)
def patient_journal_on_consent(ctx: CheckContext) -> Iterator[Hit]:
    """A health business does not keep the patient journal on the patient's consent.

    Whoever gives health care has a duty to keep a journal for each patient (helsepersonelloven § 39;
    its content, § 40 and pasientjournalforskriften), so the journal rests on a legal obligation
    (Art. 6(1)(c), or 6(1)(e) for a public body) with Art. 9(2)(h), not on consent. Consent would tell
    the patient that withdrawing it ends the processing and lets them have the journal erased; but a
    journal entry may be deleted only on the strict, cumulative conditions of helsepersonelloven § 43,
    and Art. 17(3)(b) sets erasure aside where the processing is needed for a legal obligation. The
    patient's right to see the journal is pasient- og brukerrettighetsloven § 5-1. The rule fires where
    the statement is unmistakably a health business (a controller named as a physiotherapist, doctors'
    surgery, dentist, psychologist, ...; or an activity that speaks of the journal together with
    helsepersonell, helsehjelp or pasientjournal, from knowledge/journal_duties.csv; veterinary practices
    are left out) and that journal activity declares 6(1)(a) or 9(2)(a). The basis pairing is the common
    reading of the duty, not a quoted text, and the business is read from words, hence a warning.
    """
    if not is_norwegian(ctx.statement):
        return
    for index, activity in enumerate(ctx.statement.activities):
        if patient_journal(ctx.statement, activity) is None:
            continue
        if activity.legal_basis is LegalBasis.CONSENT:
            yield Hit(
                f"/activities/{index}/legal_basis",
                f"activity {activity.id} keeps the patient journal on consent (6(1)(a)), but keeping a journal "
                "is a duty of whoever gives health care (helsepersonelloven § 39) and the patient cannot have "
                "it erased by withdrawing consent; use legal_basis 6(1)(c) (6(1)(e) for a public body)",
            )
        if activity.special_condition is SpecialCondition.A:
            yield Hit(
                f"/activities/{index}/special_condition",
                f"activity {activity.id} keeps the patient journal on explicit consent (9(2)(a)); the journal "
                "is kept for the health care under a statutory duty (helsepersonelloven § 39): use "
                "special_condition 9(2)(h)",
            )
