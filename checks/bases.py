"""Legal bases that do not fit: consent for what a contract or membership needs, a processor writing as
if it were the controller, and rights left out while no basis is known.

The legal basis decides which rights the reader has (Art. 13(1)(c), 13(2)(b)-(c)): consent brings
withdrawal and portability, a contract portability, legitimate interests the right to object. A basis
that does not fit the processing, or none at all, leaves the reader with the wrong rights.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    Activity,
    CheckContext,
    Hit,
    LegalBasis,
    Right,
    lazy,
    needles,
    place,
    rule,
    sentences_that_may_match,
)

# What a contract or a membership needs: its core purposes.
_CONTRACT_CORE = lazy(
    r"medlemskap\w*|medlemsregist\w*|innmelding\w*|kontingent\w*|kontrakt\w*|\bavtale\w*|\bordre\w*|"
    r"levering\w*|faktur\w*|\bkjøp\w*|påmelding\w*|billett\w*|membership|member\s+registration|\bcontracts?\b|"
    r"(?<!in\s)\borders?\b(?!\s+to\b)|deliver\w*|invoic\w*|purchas\w*|registration|tickets?\b|fulfil\w*",
    re.IGNORECASE,
)
# Purposes that consent does fit even within a membership: newsletters, marketing, photos, analytics.
_CONSENT_FITS = lazy(
    r"nyhetsbrev\w*|markedsføring\w*|reklame\w*|bilde\w*|foto\w*|video\w*|publiser\w*|statistikk\w*|analyse\w*|"
    r"informasjonskaps\w*|newsletter\w*|marketing|advertis\w*|photo\w*|pictures?|publish\w*|statistic\w*|"
    r"analytic\w*|cookies?|survey\w*|undersøkelse\w*|optional|frivillig\w*",
    re.IGNORECASE,
)


def _purpose_words(ctx: CheckContext, activity: Activity) -> str:
    words = [activity.id.replace("-", " ")]
    if activity.purpose is not None:
        words.extend(activity.purpose.languages(ctx.language).values())
    return " ".join(words)


@rule(
    code="BAS001",
    name="consent-for-a-contract",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 6(1)(a)", "GDPR Art. 6(1)(b)", "GDPR Art. 7(4)", "EDPB Guidelines 05/2020 on consent"],
    fix=(
        "Give the activity the basis it rests on: 6(1)(b) for what the membership, order or contract needs; keep "
        "consent for what the person may refuse without losing the membership or the order."
    ),
    fails="""
    activities:
      - id: medlemskap
        purpose: {nb: Administrere medlemskapet og kontingenten, en: Managing the membership and its fee}
        legal_basis: 6(1)(a)
        retention: {period: P1Y}
    """,
    passes="""
    activities:
      - id: medlemskap
        purpose: {nb: Administrere medlemskapet og kontingenten, en: Managing the membership and its fee}
        legal_basis: 6(1)(b)
        retention: {period: P1Y}
    """,
)
def consent_for_a_contract(ctx: CheckContext) -> Iterator[Hit]:
    """Consent is not the only basis for what a membership, order or contract needs.

    An activity whose id or purpose is the core of a contract or membership (administering the
    membership, the fee, an order, its delivery or invoice, a registration or ticket) but whose only
    basis is consent (6(1)(a)) asks for a consent that is not free: the person cannot refuse it and keep
    the membership or the order (Art. 7(4), EDPB Guidelines 05/2020 on consent, which warn against
    conflating consent with the contract), and withdrawing it would end the contract. The basis is
    6(1)(b). Activities whose purpose is something consent does fit (a newsletter, marketing, photos,
    statistics, cookies, a survey, anything optional) are not reported. It is a warning: the activity may
    cover an optional extra that its purpose does not name.
    """
    for index, activity in enumerate(ctx.statement.activities):
        if activity.legal_basis is not LegalBasis.CONSENT:
            continue
        words = _purpose_words(ctx, activity)
        match = _CONTRACT_CORE.search(words)
        if match is None or _CONSENT_FITS.search(words):
            continue
        yield Hit(
            f"/activities/{index}/legal_basis",
            f"activity {activity.id} ('{match.group(0)}') is needed for a membership, order or contract, but its "
            "only basis is consent (6(1)(a)): the person cannot refuse it and keep the membership or the order; "
            "give it 6(1)(b) and keep consent for what may be refused",
        )


# --- a processor writing as the controller -----------------------------------------------------------

_ON_BEHALF = lazy(
    r"\bon\s+behalf\s+of\s+(?:our\s+|its\s+|the\s+)?(?:clients?|customers?|principals?)\b"
    r"|\bpå\s+vegne\s+av\s+(?:våre\s+|vår\s+)?(?:kunder|kundene|kunden|oppdragsgiver\w*|klient\w*)\b",
    re.IGNORECASE,
)
_ON_THEIR_BEHALF = lazy(r"\bon\s+their\s+behalf\b|\bpå\s+(?:deres|hans|hennes)\s+vegne\b", re.IGNORECASE)
_CLIENT = lazy(r"\b(?:clients?|customers?|kunde\w*|oppdragsgiver\w*|klient\w*)\b", re.IGNORECASE)
# The sentence already explains the role.
# In the scope, only the words for clients served (not the shop's own customers) count.
_CLIENTS_SERVED = lazy(r"\b(?:clients?|klient\w*|oppdragsgiver\w*)\b", re.IGNORECASE)
_ROLE_EXPLAINED = lazy(
    r"databehandler\w*|behandlingsansvarlig\w*|processor\w*|controllers?\b|data\s+controller", re.IGNORECASE
)
_BEHALF_WORDS = needles("behalf|vegne")


def _speaks_of_clients(ctx: CheckContext, text: str) -> bool:
    """Whether the text, or the statement's scope, speaks of the author's clients or customers."""
    scope = ctx.statement.statement.scope
    scope_text = (
        " ".join(scope.text.languages(ctx.language).values()) if scope is not None and scope.text else ""
    )
    return bool(_CLIENT.search(text) or _CLIENTS_SERVED.search(scope_text))


@rule(
    code="BAS002",
    name="processor-as-controller",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 4(7)", "GDPR Art. 4(8)", "GDPR Art. 28", "GDPR Art. 13(1)(a)"],
    fix=(
        "Say that for the data you collect on your clients' behalf you are their processor (Art. 28) and the "
        "clients are the controllers, and tell the reader where to find the clients' information; keep this "
        "statement for the data you decide about yourself."
    ),
    fails="""
    statement:
      text:
        nb: Vi samler inn opplysninger om mottakerne på vegne av våre kunder.
        en: We collect the recipients' details on behalf of our clients.
    """,
    passes="""
    statement:
      text:
        nb: Vi samler inn opplysninger om mottakerne på vegne av våre kunder, som databehandler for dem.
        en: We collect the recipients' details on behalf of our clients, as their processor.
    """,
)
def processor_as_controller(ctx: CheckContext) -> Iterator[Hit]:
    """A statement that collects data on its clients' behalf says that it is their processor.

    "We collect your details on behalf of our clients", "they ask us to collect your details on their
    behalf", "på vegne av våre kunder": for those data the clients decide why and how, so they are the
    controllers and the author is their processor (Art. 4(7)-(8), 28). A statement that speaks of such
    data as if its author were the controller gives the reader the wrong controller to turn to (Art.
    13(1)(a)). The rule reports such a sentence unless it already speaks of the roles (databehandler,
    behandlingsansvarlig, processor, controller); "on their behalf" counts only when the text speaks of
    clients or customers, or the statement's scope of clients. Processors that act "på vegne av oss" /
    "on our behalf" are not read.
    """
    for item, sentence in sentences_that_may_match(ctx, _BEHALF_WORDS):
        text = sentence.text
        match = _ON_BEHALF.search(text)
        if match is None and _speaks_of_clients(ctx, item.text):
            match = _ON_THEIR_BEHALF.search(text)
        if match is None or _ROLE_EXPLAINED.search(text):
            continue
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split())}' in {place(ctx.statement, item.pointer)}: for data collected on "
            "the clients' behalf the clients are the controllers and you are their processor (Art. 28); say so, "
            "and tell the reader where the clients inform about those data",
            offset=sentence.start,
            length=len(text),
        )


# --- rights while no basis is known ----------------------------------------------------------------------


@rule(
    code="BAS003",
    name="rights-without-basis",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(2)(b)", "GDPR Art. 13(2)(c)", "GDPR Art. 7(3)", "GDPR Art. 20", "GDPR Art. 21"],
    fix=(
        "Declare each activity's legal basis; then present the rights it brings: objection for 6(1)(e)/(f), "
        "portability for 6(1)(a)/(b), withdrawal of consent for 6(1)(a)."
    ),
    fails="""
    activities:
      $replace:
        - id: henvendelser
          purpose: {nb: Svare på henvendelser, en: Answering enquiries}
          retention: {period: P1Y}
    transfers: []
    rights:
      offered: [access, rectification, erasure, restriction]
      withdrawal: null
    """,
    passes="""
    activities:
      $replace:
        - id: henvendelser
          purpose: {nb: Svare på henvendelser, en: Answering enquiries}
          retention: {period: P1Y}
    transfers: []
    rights:
      offered: [access, rectification, erasure, restriction, objection]
      withdrawal: null
    """,
)
def rights_without_basis(ctx: CheckContext) -> Iterator[Hit]:
    """A statement with no legal basis at all still offers one of objection, portability and withdrawal.

    Every basis of Art. 6(1) except legal obligation (c) and vital interests (d) brings at least one of
    the right to object (e, f: Art. 21), data portability (a, b: Art. 20) and withdrawal of consent (a:
    Art. 7(3), 13(2)(c)). When no activity declares a basis and the statement offers none of the three,
    the reader is missing a right unless every processing rests on a legal obligation or vital
    interests, which nothing in the statement says. RGT007 notes, as information, that the rights cannot
    be judged; this rule says, as a warning, that the statement cannot be right as it stands. It stays
    quiet when any activity declares a basis (the rights rules then judge it) or when there are no
    activities.
    """
    statement = ctx.statement
    activities = statement.activities
    if not activities or any(a.legal_basis is not None for a in activities):
        return
    rights = statement.rights
    offered = set(rights.offered) if rights is not None else set()
    if Right.OBJECTION in offered or Right.PORTABILITY in offered:
        return
    if rights is not None and rights.withdrawal is not None:
        return
    yield Hit(
        "/rights" if rights is not None else "/activities",
        "no activity declares a legal basis and the statement offers none of objection, portability and "
        "withdrawal of consent; unless every processing rests on a legal obligation or vital interests, the "
        "reader is missing at least one of them: declare the bases and present the rights they bring",
    )
