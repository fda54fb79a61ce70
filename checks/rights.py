"""The data subject's rights: which rights the statement must present, given the legal bases of its
activities, and how a person uses them. GDPR Art. 7(3), 12(2)-(3), 13(2)(b)-(c), 14(2)(c)-(d), 15-21.

Access, rectification, erasure and restriction apply whatever the basis. The others depend on it
(see the catalog's §3): the right to object applies where processing rests on a public task or on
legitimate interests, and must then be presented separately; data portability applies where it rests
on consent or on a contract; withdrawing consent where it rests on consent. So these rules read the
`legal_basis` of every activity. Where an activity has no basis yet, they cannot tell which rights
apply to it and say so (RGT007) instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from noticelint.api import (
    Activity,
    CheckContext,
    Hit,
    LegalBasis,
    Right,
    SpecialCondition,
    Wording,
    duration_days,
    either,
    has_text,
    needles,
    rule,
    sentences_that_may_match,
)

_BASIS_NAMES = {
    LegalBasis.CONSENT: "consent",
    LegalBasis.CONTRACT: "contract",
    LegalBasis.LEGAL_OBLIGATION: "legal obligation",
    LegalBasis.VITAL_INTERESTS: "vital interests",
    LegalBasis.PUBLIC_TASK: "public task",
    LegalBasis.LEGITIMATE_INTERESTS: "legitimate interests",
}

_BASIC_RIGHTS = (
    (Right.ACCESS, "access (Art. 15)"),
    (Right.RECTIFICATION, "rectification (Art. 16)"),
    (Right.ERASURE, "erasure (Art. 17)"),
    (Right.RESTRICTION, "restriction of processing (Art. 18)"),
)

# Wording that offers the withdrawal of consent, in Norwegian and English.
_WITHDRAWAL = re.compile(
    r"\b(?:trekke|trekk|trekker|tilbakekalle|tilbakekall)\s+(?:tilbake\s+)?(?:ditt\s+|sitt\s+|et\s+|eventuelle\s+)?"
    r"samtykke\w*"
    r"|\btilbaketrekking\s+av\s+(?:ditt\s+|et\s+)?samtykke\w*"
    r"|\b(?:withdraw|withdrawing|revoke|revoking)\s+(?:your\s+|the\s+|any\s+|their\s+|a\s+)?consent\b"
    r"|\bwithdrawal\s+of\s+(?:your\s+|the\s+|any\s+)?consent\b",
    re.IGNORECASE,
)
# The words every match of _WITHDRAWAL contains.
_WITHDRAWAL_NEEDLES = either(needles("trekk|tilbakekall", "samtykke"), needles("withdraw|revok", "consent"))
# Wording about cookies and similar technologies: consent to them is ekomloven § 3-15 consent.
_COOKIES = re.compile(
    r"informasjonskaps\w*|cookie\w*|infokaps\w*|sporingsteknolog\w*|lokal\s+lagring|local\s+storage|pixel\w*|piksel\w*",
    re.IGNORECASE,
)
# Wording that explains an extension of the time to answer (Art. 12(3)).
_EXTENSION = re.compile(r"forleng\w*|utvid\w*|\bextend\w*|\bextension\w*|\bprolong\w*", re.IGNORECASE)

# The longest calendar month, and the longest run of three calendar months (July to September).
_ONE_MONTH = 31.0
_THREE_MONTHS = 92.0


def _ids(activities: Iterable[Activity]) -> str:
    return ", ".join(activity.id for activity in activities)


def _on(ctx: CheckContext, *bases: LegalBasis) -> list[Activity]:
    return [a for a in ctx.statement.activities if a.legal_basis in bases]


def _with_right(ctx: CheckContext, right: str) -> list[Activity]:
    """Activities on a basis that gives the person ``right`` in full (the rights_by_basis table)."""
    bases = ctx.knowledge.bases_with(right)
    return [a for a in ctx.statement.activities if a.legal_basis in bases]


def _on_consent(ctx: CheckContext) -> list[Activity]:
    """Activities that rest on consent: Art. 6(1)(a), or explicit consent under Art. 9(2)(a)."""
    return [
        a
        for a in ctx.statement.activities
        if a.legal_basis == LegalBasis.CONSENT or a.special_condition == SpecialCondition.A
    ]


def _with_bases(activities: Iterable[Activity]) -> str:
    return ", ".join(
        f"{a.id} ({a.legal_basis.value} {_BASIS_NAMES[a.legal_basis]})" if a.legal_basis else a.id
        for a in activities
    )


def _rights_pointer(ctx: CheckContext, field: str = "") -> str:
    rights = ctx.statement.rights
    if rights is None:
        return ""
    if field and getattr(rights, field) not in (None, []):
        return f"/rights/{field}"
    return "/rights"


def _offered(ctx: CheckContext) -> set[Right]:
    rights = ctx.statement.rights
    return set(rights.offered) if rights else set()


@rule(
    code="RGT001",
    name="basic-rights",
    basis="statute",
    legal=["GDPR Art. 13(2)(b)", "GDPR Art. 14(2)(c)", "GDPR Art. 15-18"],
    fix=(
        "List access, rectification, erasure and restriction under rights.offered and describe each in "
        "rights.text, with how to use it."
    ),
    fails="""
    rights:
      offered: [access, rectification, erasure, portability, objection]
    """,
    passes="""
    rights:
      offered: [access, rectification, erasure, restriction, portability, objection]
    """,
)
def basic_rights(ctx: CheckContext) -> Iterator[Hit]:
    """The rights of access, rectification, erasure and restriction are presented.

    Art. 13(2)(b) and 14(2)(c) require the statement to tell the person that these rights exist; they
    apply whatever the legal basis, so each one missing from rights.offered is an error. One exception:
    Art. 17(3)(b) sets the right to erasure aside "to the extent that processing is necessary" for
    compliance with a legal obligation or for the performance of a task carried out in the public
    interest or in the exercise of official authority. Where every activity rests on 6(1)(c) or
    6(1)(e), the rule does not ask for erasure. The exception is partial even then (data kept beyond
    what the obligation or task needs must still be erased), so it is good practice to present the
    right with its limit; where only some activities rest on these bases, erasure must be presented,
    with the exception explained.
    """
    offered = _offered(ctx)
    activities = ctx.statement.activities
    all_legal_obligation = bool(activities) and all(
        a.legal_basis in (LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK) for a in activities
    )
    for right, label in _BASIC_RIGHTS:
        if right in offered:
            continue
        if right == Right.ERASURE and all_legal_obligation:
            continue
        yield Hit(
            _rights_pointer(ctx, "offered"),
            f"the right to {label} is not presented: add '{right.value}' to rights.offered and describe "
            "it in rights.text",
        )


@rule(
    code="RGT002",
    name="objection-offered",
    basis="statute",
    legal=["GDPR Art. 13(2)(b)", "GDPR Art. 14(2)(c)", "GDPR Art. 21(1)"],
    fix="Add 'objection' to rights.offered and explain the right to object under rights.objection.",
    fails="""
    rights:
      offered: [access, rectification, erasure, restriction, portability]
    """,
    passes="""
    rights:
      offered: [access, rectification, erasure, restriction, portability, objection]
    """,
)
def objection_offered(ctx: CheckContext) -> Iterator[Hit]:
    """The right to object is presented where processing rests on a public task or legitimate interests.

    Art. 21(1) gives the person a right to object to processing based on Art. 6(1)(e) or 6(1)(f), and
    Art. 13(2)(b) requires the statement to tell them. The rule fires only where at least one activity
    declares one of these bases; where no activity does, the right does not arise from the bases and
    nothing is reported. Direct marketing (Art. 21(2)-(3)) gives an absolute right to object of its
    own, whatever the basis; marketing-objection-missing (MKT001) checks it for activities that declare
    direct_marketing.
    """
    activities = _with_right(ctx, "objection")
    if activities and Right.OBJECTION not in _offered(ctx):
        yield Hit(
            _rights_pointer(ctx, "offered"),
            f"the activities {_with_bases(activities)} give the person a right to object (Art. 21(1)), but "
            "rights.offered does not list 'objection'; add it and explain the right under rights.objection",
        )


@rule(
    code="RGT003",
    name="objection-separate",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 21(4)"],
    fix=(
        "Write the right to object under rights.objection, on its own and apart from the other rights: "
        "which processing it concerns and where to send the objection."
    ),
    fails="""
    rights:
      objection: null
    """,
    passes="""
    rights:
      objection:
        nb: Du har rett til å protestere mot behandlingen av henvendelser. Skriv til personvern@example.no.
        en: You have the right to object to the handling of enquiries. Write to personvern@example.no.
    """,
)
def objection_separate(ctx: CheckContext) -> Iterator[Hit]:
    """The right to object is presented clearly and separately where it applies.

    Art. 21(4) requires the right to object to be brought explicitly to the person's attention,
    clearly and separately from any other information, at the latest at the first communication. In
    this format that is the rights.objection text. The rule fires only where at least one activity
    rests on 6(1)(e) (public task) or 6(1)(f) (legitimate interests); a mention of objection inside
    the general rights text does not count, which is the stricter reading of "separately".
    """
    activities = _with_right(ctx, "objection")
    rights = ctx.statement.rights
    if activities and not (rights is not None and has_text(rights.objection)):
        yield Hit(
            _rights_pointer(ctx),
            f"the activities {_with_bases(activities)} give the person a right to object, but it is not "
            "presented separately (Art. 21(4)): write it under rights.objection, apart from the other rights",
        )


@rule(
    code="RGT004",
    name="portability-offered",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(2)(b)", "GDPR Art. 14(2)(c)", "GDPR Art. 20"],
    fix="Add 'portability' to rights.offered and explain in rights.text which data it covers.",
    fails="""
    rights:
      offered: [access, rectification, erasure, restriction, objection]
    """,
    passes="""
    rights:
      offered: [access, rectification, erasure, restriction, portability, objection]
    """,
)
def portability_offered(ctx: CheckContext) -> Iterator[Hit]:
    """The right to data portability is presented where processing rests on consent or a contract.

    Art. 20(1) gives the right to receive one's data in a machine-readable format, and to have them
    passed on, where processing rests on consent (6(1)(a) or 9(2)(a)) or a contract (6(1)(b)) and is
    carried out by automated means. The rule fires where at least one activity declares consent or
    contract and rights.offered lacks 'portability'. It does not know whether the processing is
    automated; nearly all processing behind a website is, so the safer reading is to ask for the right.
    """
    activities = [
        a
        for a in ctx.statement.activities
        if a.legal_basis in ctx.knowledge.bases_with("portability")
        or a.special_condition == SpecialCondition.A
    ]
    if activities and Right.PORTABILITY not in _offered(ctx):
        yield Hit(
            _rights_pointer(ctx, "offered"),
            f"the activities {_with_bases(activities)} give the person a right to data portability "
            "(Art. 20), but rights.offered does not list 'portability'; add it and say which data it covers",
        )


@rule(
    code="RGT005",
    name="consent-withdrawal",
    basis="statute",
    legal=["GDPR Art. 13(2)(c)", "GDPR Art. 14(2)(d)", "GDPR Art. 7(3)"],
    fix=(
        "Add rights.withdrawal: say that consent can be withdrawn at any time without affecting the "
        "processing before (text), and how to do it, as easily as it was given (how)."
    ),
    fails="""
    rights:
      withdrawal: null
    """,
    passes="""
    rights:
      withdrawal:
        how:
          nb: Klikk på «Innstillinger for informasjonskapsler» nederst på siden.
          en: Click "Cookie settings" at the bottom of the page.
    """,
)
def consent_withdrawal(ctx: CheckContext) -> Iterator[Hit]:
    """Where processing rests on consent, the right to withdraw it is presented.

    Art. 13(2)(c) and 14(2)(d) require the statement to tell the person that consent can be withdrawn
    at any time without affecting the lawfulness of the processing before. The rule fires where at
    least one activity rests on consent (6(1)(a), or explicit consent under 9(2)(a)) and there is no
    rights.withdrawal item, or one with neither text nor `how`. How to withdraw is guidance rather than
    a statutory item, and is checked by consent-withdrawal-how (RGT012).
    """
    activities = _on_consent(ctx)
    if not activities:
        return
    rights = ctx.statement.rights
    withdrawal = rights.withdrawal if rights else None
    if withdrawal is None or (not has_text(withdrawal.how) and not has_text(withdrawal.text)):
        yield Hit(
            _rights_pointer(ctx) if withdrawal is None else "/rights/withdrawal",
            f"the activities {_ids(activities)} rest on consent, but the statement does not say that consent "
            "can be withdrawn at any time; add rights.withdrawal with `text` and `how`",
        )


@rule(
    code="RGT012",
    name="consent-withdrawal-how",
    basis="guidance",
    legal=["GDPR Art. 7(3)", "GDPR Art. 13(2)(c)", "WP260 rev.01"],
    fix="Describe under rights.withdrawal.how how to withdraw consent, as easily as it was given.",
    fails="""
    rights:
      withdrawal:
        how: null
        text: Du kan når som helst trekke tilbake samtykket ditt.
    """,
    passes="""
    rights:
      withdrawal:
        how:
          nb: Klikk på «Innstillinger for informasjonskapsler» nederst på siden.
          en: Click "Cookie settings" at the bottom of the page.
    """,
)
def consent_withdrawal_how(ctx: CheckContext) -> Iterator[Hit]:
    """Where processing rests on consent, the statement says how to withdraw it.

    Art. 7(3) requires withdrawing to be as easy as giving consent; the transparency guidance (WP260
    rev.01, annex on Art. 13(2)(c)) reads the information item as including how consent may be
    withdrawn. The article itself asks only that the person be told of the right, so this is a
    warning. The rule fires where at least one activity rests on consent and rights.withdrawal exists
    but has no `how`.
    """
    activities = _on_consent(ctx)
    rights = ctx.statement.rights
    withdrawal = rights.withdrawal if rights else None
    if activities and withdrawal is not None and not has_text(withdrawal.how):
        yield Hit(
            "/rights/withdrawal",
            f"the activities {_ids(activities)} rest on consent, but rights.withdrawal does not say how to "
            "withdraw it; describe the way under rights.withdrawal.how (as easy as giving consent)",
        )


# "At any time": the words Art. 13(2)(c) uses for the right, in Norwegian and English.
_ANY_TIME = re.compile(
    r"\bnår\s+som\s+helst\b|\btil\s+enhver\s+tid\b|\bnår\s+(?:du|dere)\s+(?:selv\s+)?(?:vil|ønsker)\b"
    r"|\bat\s+any\s+(?:time|point)\b|\banytime\b|\bwhenever\s+you\s+(?:like|wish|want)\b",
    re.IGNORECASE,
)
# The right stated with the consent first: "samtykket kan trekkes tilbake", "consent can be withdrawn".
_WITHDRAWAL_PASSIVE = re.compile(
    r"\bsamtykke\w*\s+(?:\w+\s+){0,4}?(?:trekkes|trukket|tilbakekalles|tilbakekalt)\b"
    r"|\bconsent\w*\s+(?:\w+\s+){0,4}?(?:withdrawn|revoked)\b",
    re.IGNORECASE,
)
_RIGHT_NEEDLES = either(
    _WITHDRAWAL_NEEDLES,
    needles("samtykke", "trekkes|trukket|tilbakekall"),
    needles("consent", "withdrawn|revoked"),
    needles("helst|enhver|vil|ønsker|any|anytime|whenever"),
)
# A sentence about consent or its withdrawal; one about ending a subscription (answers for one consent).
_ABOUT_CONSENT = re.compile(r"samtykk\w*|tilbakekall\w*|consent\w*|withdraw\w*|revok\w*", re.IGNORECASE)
_UNSUBSCRIBING = re.compile(
    r"avmeld\w*|melde\s+(?:deg|seg)\s+av|reserver\w*|unsubscrib\w*|opt\s*-?\s*out", re.IGNORECASE
)


def _states_withdrawal_right(ctx: CheckContext, consent_activities: int) -> bool:
    """Whether some sentence says that consent can be withdrawn (or ended at any time)."""
    for item, sentence in sentences_that_may_match(ctx, _RIGHT_NEEDLES):
        text = sentence.text
        if _WITHDRAWAL.search(text) or _WITHDRAWAL_PASSIVE.search(text):
            return True
        if not _ANY_TIME.search(text):
            continue
        if item.pointer.startswith("/rights/withdrawal") or _ABOUT_CONSENT.search(text):
            return True
        if consent_activities == 1 and _UNSUBSCRIBING.search(text):
            return True
    return False


@rule(
    code="RGT013",
    name="withdrawal-right-unstated",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(2)(c)", "GDPR Art. 14(2)(d)", "GDPR Art. 7(3)"],
    fix=(
        "Say in rights.withdrawal.text that consent can be withdrawn at any time, e.g. 'Du kan når som helst "
        "trekke tilbake samtykket ditt' / 'You can withdraw your consent at any time', beside how to do it."
    ),
    fails="""
    rights:
      withdrawal:
        text: null
        how:
          nb: Klikk på «Innstillinger for informasjonskapsler» nederst på siden.
          en: Click "Cookie settings" at the bottom of the page.
    """,
    passes="""
    rights:
      withdrawal:
        text:
          nb: Du kan når som helst trekke tilbake samtykket til nettstedsanalyse.
          en: You can withdraw your consent to website analytics at any time.
        how:
          nb: Klikk på «Innstillinger for informasjonskapsler» nederst på siden.
          en: Click "Cookie settings" at the bottom of the page.
    """,
)
def withdrawal_right_unstated(ctx: CheckContext) -> Iterator[Hit]:
    """Where processing rests on consent, the statement says that consent can be withdrawn, not only how.

    Art. 13(2)(c) and 14(2)(d) ask for "the existence of the right to withdraw consent at any time". A
    rights.withdrawal that only describes a way ("following the link at the bottom of each email", "ved
    å endre innstillingene på din nettleser", how to switch off crash reports in the phone's settings)
    tells the reader how to stop one thing, not that they have the right to withdraw every consent
    whenever they wish. The rule fires where at least one activity rests on consent (6(1)(a), or
    9(2)(a)), rights.withdrawal has text or `how`, and no sentence of the statement states the right:
    none offers to withdraw consent ("trekke tilbake samtykket", "samtykket kan trekkes tilbake",
    "withdraw your consent", "consent can be withdrawn"), and none says "når som helst", "til enhver
    tid" or "at any time" about consent, in rights.withdrawal, or (where only one activity rests on
    consent) about unsubscribing. Where several rest on consent, leaving a newsletter at any time does
    not tell the reader the others can end too. A missing rights.withdrawal is consent-withdrawal's
    (RGT005) finding. It is a warning: the words are read from fixed lists.
    """
    activities = _on_consent(ctx)
    rights = ctx.statement.rights
    withdrawal = rights.withdrawal if rights else None
    if not activities or withdrawal is None:
        return
    if not has_text(withdrawal.how) and not has_text(withdrawal.text):
        return
    if _states_withdrawal_right(ctx, len(activities)):
        return
    yield Hit(
        "/rights/withdrawal",
        f"the activities {_ids(activities)} rest on consent, but the statement does not say that consent can "
        "be withdrawn at any time (Art. 13(2)(c)), only how to stop; write it in rights.withdrawal.text, e.g. "
        "'You can withdraw your consent at any time'",
    )


def _withdrawal_sentences(ctx: CheckContext) -> Iterator[tuple[Wording, int, int]]:
    """Every sentence that offers the withdrawal of consent: (wording, start, end)."""
    for item, sentence in sentences_that_may_match(ctx, _WITHDRAWAL_NEEDLES):
        if _WITHDRAWAL.search(sentence.text):
            yield item, sentence.start, sentence.end


def _sets_cookies_needing_consent(ctx: CheckContext) -> bool:
    return any(
        cookie.strictly_necessary is not True
        for activity in ctx.statement.activities
        for cookie in activity.cookies
    )


@rule(
    code="RGT006",
    name="withdrawal-without-consent",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(2)(c)", "GDPR Art. 13(1)(c)", "GDPR Art. 12(1)"],
    fix=(
        "Declare consent (6(1)(a)) as the legal_basis of the activities that really rest on it, or remove "
        "the offer to withdraw consent (rights.withdrawal and the sentences about it)."
    ),
    fails="""
    activities:
      - {id: nettstedsanalyse, $delete: true}
    """,
    passes="""
    activities:
      - id: henvendelser
        purpose: Svare på spørsmål du sender oss.
        legal_basis: "6(1)(f)"
        legitimate_interest: Å svare deg på det du spør om.
    rights:
      withdrawal: null
    """,
)
def withdrawal_without_consent(ctx: CheckContext) -> Iterator[Hit]:
    """Withdrawal of consent is offered although no activity declares consent as its basis.

    Offering to withdraw consent tells the reader that some processing rests on consent; if no
    activity declares 6(1)(a) (or 9(2)(a)), the statement contradicts itself, and the reader cannot
    tell what withdrawing would stop. This often means the basis is missing, or that a template
    sentence ("Der hvor behandlingen av personopplysninger er basert på samtykke, kan du til enhver tid
    trekke samtykket tilbake") was copied without checking. The rule fires at each sentence that offers
    the withdrawal ("trekke samtykket tilbake", "withdraw your consent"), and at rights.withdrawal
    itself where that item holds no such sentence. Where no activity has a legal
    basis at all, the rule still fires: what the statement declares is that nothing rests on consent.
    Consent to cookies under ekomloven § 3-15 is a separate consent: a sentence that speaks of cookies
    or similar technologies is not reported where an activity declares a cookie that is not strictly
    necessary. This is a warning, since the fault may lie in the missing basis rather than the sentence.
    """
    if _on_consent(ctx):
        return
    missing = [a for a in ctx.statement.activities if a.legal_basis is None]
    total = len(ctx.statement.activities)
    note = f" ({len(missing)} of the {total} activities have no legal basis yet)" if missing else ""
    message = (
        f"withdrawal of consent is offered here, but no activity declares consent (6(1)(a)) as its "
        f"basis{note}; declare consent for the activities that rest on it, or remove the offer"
    )
    cookie_consent = _sets_cookies_needing_consent(ctx)
    rights = ctx.statement.rights
    reported_in_field = False
    for item, start, end in _withdrawal_sentences(ctx):
        if cookie_consent and _COOKIES.search(item.text[start:end]):
            continue
        if item.pointer.startswith("/rights/withdrawal/"):
            reported_in_field = True
        yield Hit(item.pointer, message, offset=start, length=end - start)
    if rights is not None and rights.withdrawal is not None and not reported_in_field:
        yield Hit("/rights/withdrawal", message)


@rule(
    code="RGT007",
    name="rights-not-judged",
    basis="practice",
    legal=["GDPR Art. 13(2)(b)-(c)", "GDPR Art. 13(1)(c)"],
    fix="Declare the legal_basis of every activity; the rights rules then tell which rights must be presented.",
    fails="""
    activities:
      - {id: timebestilling, legal_basis: null}
      - {id: kunderegister-fakturering, legal_basis: null}
      - {id: nettstedsanalyse, legal_basis: null}
      - {id: henvendelser, legal_basis: null}
    """,
    passes="""
    activities:
      - id: henvendelser
        purpose: Svare på spørsmål du sender oss.
        legal_basis: "6(1)(f)"
        legitimate_interest: Å svare deg på det du spør om.
    """,
)
def rights_not_judged(ctx: CheckContext) -> Iterator[Hit]:
    """Which rights apply cannot be judged for activities without a legal basis.

    The right to object (6(1)(e), (f)), data portability (6(1)(a), (b)) and the withdrawal of consent
    (6(1)(a)) depend on the legal basis. For an activity without one, the rights rules (RGT002-RGT005)
    cannot tell whether the statement presents the rights it must, and they stay quiet about it. This
    finding lists those activities once, so that silence is not read as a clean bill; the missing basis
    itself is reported by the purposes rules.
    """
    missing = [a for a in ctx.statement.activities if a.legal_basis is None]
    if missing:
        yield Hit(
            "/rights" if ctx.statement.rights is not None else "/activities",
            f"the rights that apply cannot be judged yet for the activities {_ids(missing)} (no legal basis): "
            "objection, portability and withdrawal of consent depend on it",
        )


@rule(
    code="RGT008",
    name="rights-channel-unknown",
    basis="statute",
    legal=["GDPR Art. 12(2)", "GDPR Art. 13(1)(a)"],
    fix=(
        "Give the channel under controller.contact (e.g. controller.contact.email for 'email'), or remove "
        "it from rights.channels."
    ),
    fails="""
    controller:
      contact:
        web_form: null
    """,
    passes="""
    rights:
      channels: [email]
    controller:
      contact:
        web_form: null
    """,
)
def rights_channel_unknown(ctx: CheckContext) -> Iterator[Hit]:
    """Every channel named for exercising the rights exists in the controller's contact details.

    rights.channels names the controller's channels to use for requests ('email' means
    controller.contact.email, and so on). A channel the controller does not give leaves the reader
    with a route that leads nowhere, against Art. 12(2), which requires the controller to make the
    exercise of rights easy.
    """
    rights = ctx.statement.rights
    if rights is None:
        return
    contact = ctx.statement.controller.contact
    available = set(contact.channels()) if contact else set()
    for index, channel in enumerate(rights.channels):
        if channel.value not in available:
            yield Hit(
                f"/rights/channels/{index}",
                f"rights.channels names '{channel.value}', but the controller has no {channel.value} under "
                f"controller.contact; add controller.contact.{channel.value} or remove the channel",
            )


@rule(
    code="RGT009",
    name="rights-no-channel",
    basis="guidance",
    legal=["GDPR Art. 12(2)"],
    fix="Name under rights.channels the controller's channels for requests: email, phone, web_form or postal_address.",
    fails="""
    rights:
      channels: []
    """,
    passes="""
    rights:
      channels: [email]
    """,
)
def rights_no_channel(ctx: CheckContext) -> Iterator[Hit]:
    """The statement says how to exercise the rights.

    Art. 12(2) requires the controller to facilitate the exercise of the rights, and the transparency
    guidelines (WP260) expect the statement to say how to do so. The rule fires where rights.channels
    names no channel at all. It is a warning: the law does not prescribe a channel list, but a reader
    who is told about rights without a route to use them is not helped.
    """
    rights = ctx.statement.rights
    if rights is None or not rights.channels:
        yield Hit(
            _rights_pointer(ctx, "channels"),
            "no channel is named for exercising the rights: list under rights.channels how requests reach "
            "the controller (email, phone, web_form or postal_address)",
        )


@rule(
    code="RGT010",
    name="answer-time-too-long",
    basis="statute",
    legal=["GDPR Art. 12(3)"],
    fix="Answer within one month (rights.answer_time: P1M); an extension is at most two further months.",
    fails="""
    rights:
      answer_time: P6M
    """,
    passes="""
    rights:
      answer_time: P1M
    """,
)
def answer_time_too_long(ctx: CheckContext) -> Iterator[Hit]:
    """The time to answer a request is no longer than the law allows.

    Art. 12(3) requires an answer without undue delay and within one month; the period may be extended
    by two further months where requests are complex or numerous. No answer may take longer than three
    months in all, so a longer rights.answer_time is an error. Months and years are counted at their
    average length and compared with the longest run of three calendar months (92 days), so 'P3M' and
    'P92D' pass.
    """
    rights = ctx.statement.rights
    if rights is None or rights.answer_time is None:
        return
    days = duration_days(rights.answer_time)
    if days is not None and days > _THREE_MONTHS:
        yield Hit(
            "/rights/answer_time",
            f"rights.answer_time is {rights.answer_time} (about {round(days)} days), longer than the three "
            "months Art. 12(3) allows at most; answer within one month (P1M)",
        )


@rule(
    code="RGT011",
    name="answer-time-extended",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 12(3)"],
    fix=(
        "Set rights.answer_time to P1M and explain in rights.text when the time may be extended by up to "
        "two months, and that the person is told within the first month."
    ),
    fails="""
    rights:
      answer_time: P2M
      text: Vi svarer innen to måneder.
    """,
    passes="""
    rights:
      answer_time: P2M
      text: >-
        Vi svarer innen én måned. Er forespørselen omfattende, forlenger vi fristen med inntil to
        måneder og gir deg beskjed om det innen én måned.
    """,
)
def answer_time_extended(ctx: CheckContext) -> Iterator[Hit]:
    """An answer time beyond one month comes with the explanation the law requires.

    Art. 12(3) sets one month as the rule; the two further months are an exception for complex or
    numerous requests, of which the person must be told within the first month, with the reasons. An
    answer time between one and three months is reported unless the rights wording explains the
    extension ("forlenge", "extend", "extension"). A month counts as up to 31 days, so 'P1M', 'P4W' and
    'P31D' pass. Whether a general promise of more than one month is compatible with "without undue
    delay" is doubtful; that is why this is a warning that asks for P1M.
    """
    rights = ctx.statement.rights
    if rights is None or rights.answer_time is None:
        return
    days = duration_days(rights.answer_time)
    if days is None or days <= _ONE_MONTH or days > _THREE_MONTHS:
        return
    explained = any(
        _EXTENSION.search(item.text) for item in ctx.wording if item.pointer.startswith("/rights/")
    )
    if not explained:
        yield Hit(
            "/rights/answer_time",
            f"rights.answer_time is {rights.answer_time} (about {round(days)} days), more than the one month "
            "of Art. 12(3), and the rights wording does not explain the extension; answer within P1M and say "
            "when and how the time may be extended by up to two months",
        )
