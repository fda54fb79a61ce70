"""Who is responsible: the controller's identity and contact details, and organisations in the wording
that act as if they were the controller. GDPR Art. 12(2), 13(1)(a), 14(1)(a), 26."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    CheckContext,
    Hit,
    Mention,
    PartyRole,
    Wording,
    find_organisations,
    may_name_organisation,
    normalise_name,
    rule,
    sentences,
)

# A processing verb right after an organisation's name: the organisation is the one deciding.
_ACTS = re.compile(
    r"^\s*(?:(?:kan|vil|skal|may|will|can)\s+)?(?:også\s+|also\s+)?"
    r"(?:bruker|bruke|benytter|benytte|samler|samle|innhenter|innhente|behandler|behandle|lagrer|lagre|"
    r"analyserer|analysere|deler|dele|utleverer|utlevere|registrerer|registrere|sender|sende|overfører|"
    r"overføre|selger|selge|"
    r"uses?|collects?|process(?:es)?|stores?|analy[sz]es?|shares?|discloses?|sells?|transfers?|sends?)\b",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(
    r"på vegne av|på våre vegne|på oppdrag fra|etter instruks|etter våre instrukser|som databehandler|"
    r"on (?:our|its|their) behalf|on behalf of|as (?:our|a) processor|on (?:our|its) instructions",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\bfor å\b|\btil å\b|\bin order to\b|\bto (?:analy|measure|market|track|profile|sell)", re.I
)
_DECIDING_ROLES = {PartyRole.JOINT_CONTROLLER, PartyRole.INDEPENDENT_CONTROLLER, PartyRole.PUBLIC_AUTHORITY}


def _controller_name(ctx: CheckContext) -> str:
    controller = ctx.statement.controller
    return controller.trade_name or controller.legal_name or controller.id


def _mentions(ctx: CheckContext) -> list[tuple[Wording, int, int, Mention, str | None]]:
    """Every organisation named in the wording: (wording, sentence start, sentence end, mention, party id)."""
    return ctx.shared(_find_mentions)


def _find_mentions(ctx: CheckContext) -> list[tuple[Wording, int, int, Mention, str | None]]:
    declared = {normalise_name(name): org_id for name, org_id in ctx.statement.organisation_names().items()}
    found = []
    for item in ctx.wording:
        if not may_name_organisation(item.text):
            continue
        for sentence in sentences(item.text):
            for named in find_organisations(sentence.text):
                mention, org_id = _as_declared(sentence.text, named, declared)
                found.append(
                    (
                        item,
                        sentence.start,
                        sentence.end,
                        Mention(mention.name, sentence.start + mention.start, sentence.start + mention.end),
                        org_id,
                    )
                )
    return found


def _as_declared(text: str, mention: Mention, declared: dict[str, str]) -> tuple[Mention, str | None]:
    """The mention and the party it names. Names are recognised by capitalised words before a legal
    form, so "Bilag og Bok AS" is found as "Bok AS": a declared name that the mention ends and that the
    words before it complete is the name meant."""
    tail = normalise_name(mention.name)
    if tail in declared:
        return mention, declared[tail]
    for name, org_id in declared.items():
        if not name.endswith(" " + tail):
            continue
        head = name[: -len(tail)].split()
        before = re.search(r"\s+".join(map(re.escape, head)) + r"\s+$", text[: mention.start], re.IGNORECASE)
        if before is not None and (before.start() == 0 or not text[before.start() - 1].isalnum()):
            start = before.start()
            return Mention(text[start : mention.end], start, mention.end), org_id
    return mention, None


def _acts_as_controller(
    ctx: CheckContext, item: Wording, sentence_end: int, mention: Mention, org_id: str | None
) -> bool:
    if org_id == ctx.statement.controller.id:
        return False
    party = ctx.statement.party(org_id) if org_id else None
    if party is not None and party.role in _DECIDING_ROLES:
        return False
    rest = item.text[mention.end : sentence_end]
    if not _ACTS.match(rest) or _ON_BEHALF.search(rest):
        return False
    return party is None or bool(_PURPOSE.search(rest))


@rule(
    code="CTL001",
    name="controller-legal-name",
    basis="statute",
    legal=["GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)"],
    fix="Give the controller's registered legal name under controller.legal_name.",
    fails="""
    controller:
      legal_name: null
    """,
    passes="""
    controller:
      legal_name: Eksempel Dyrehelse AS
    """,
)
def controller_legal_name(ctx: CheckContext) -> Iterator[Hit]:
    """The controller is named by its legal name.

    The person must be able to tell which legal entity is responsible for their data, and hold it to
    account. A trade name or a web address alone does not identify a legal entity.
    """
    if not ctx.statement.controller.legal_name:
        yield Hit("/controller", "the controller has no legal name; write it under controller.legal_name")


@rule(
    code="CTL002",
    name="controller-contact",
    basis="statute",
    legal=["GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)", "GDPR Art. 12(2)"],
    fix=(
        "Give at least one working channel under controller.contact: email, phone, web_form or "
        "postal_address (best: an e-mail address and a postal address)."
    ),
    fails="""
    controller:
      contact: null
    """,
    passes="""
    controller:
      contact:
        email: post@example.no
    """,
)
def controller_contact(ctx: CheckContext) -> Iterator[Hit]:
    """The controller gives at least one way to contact it.

    The contact details are an information item of their own, and without them a person cannot
    exercise any right (Art. 12(2) asks the controller to make that easy). A statement that says "contact
    us" but gives no channel leaves the reader with nowhere to go.
    """
    controller = ctx.statement.controller
    if controller.contact is None or not controller.contact.channels():
        yield Hit(
            "/controller/contact" if controller.contact is not None else "/controller",
            f"no contact details for the controller {_controller_name(ctx)}: give an e-mail address, "
            "phone number, web form or postal address",
        )


@rule(
    code="CTL003",
    name="controller-mismatch",
    basis="statute",
    certainty="inferred",
    severity="error",
    severity_exception=(
        "the statement's own words make another organisation act as the controller: the reader is "
        "misled about who is responsible, whatever the inference"
    ),
    legal=["GDPR Art. 13(1)(a)", "GDPR Art. 26", "GDPR Art. 28(10)", "GDPR Art. 12(1)"],
    fix=(
        "Write such sentences with the controller as the subject ('<controller> bruker …'), and declare the "
        "other organisation under parties with its real role: processor (acting on the controller's "
        "instructions, with a data processing agreement), or joint_controller with the arrangement."
    ),
    fails="""
    controller:
      text: Webbyrå Eksempel AS bruker Google Analytics for å analysere bruken av nettsidene.
    """,
    passes="""
    controller:
      text: Eksempel Dyrehelse AS bruker Google Analytics for å analysere bruken av nettsidene.
    """,
)
def controller_mismatch(ctx: CheckContext) -> Iterator[Hit]:
    """No other organisation acts as if it were the controller.

    A statement names one controller. A sentence in which another organisation uses, collects, analyses
    or shares the data ("ØstCom AS bruker Google Analytics for å analysere bruken av nettsider") tells
    the reader that this organisation decides why the data are processed: it is then a controller or
    joint controller (Art. 26), or a processor that oversteps its instructions (Art. 28(10)), or the
    sentence is simply wrong. Either way the reader cannot tell who is responsible. The rule reads
    Norwegian and English wording; it recognises an organisation by a legal form after its name (AS,
    ASA, Ltd, Limited, Inc, GmbH, …) and a processing verb right after the name. A declared processor is
    reported only when the sentence also states a purpose of its own and does not say "on our behalf"
    ("på våre vegne"); a declared joint or independent controller is never reported.
    """
    controller = _controller_name(ctx)
    for item, _, sentence_end, mention, org_id in _mentions(ctx):
        if not _acts_as_controller(ctx, item, sentence_end, mention, org_id):
            continue
        party = ctx.statement.party(org_id) if org_id else None
        status = (
            "is not a declared party"
            if party is None
            else f"is declared as {party.role or 'a party without a role'}"
        )
        yield Hit(
            item.pointer,
            f"{mention.name} acts as the controller here, but the controller of this statement is "
            f"{controller} ({mention.name} {status}); make {controller} the subject or declare "
            f"{mention.name}'s role",
            offset=mention.start,
            length=sentence_end - mention.start,
        )


@rule(
    code="CTL004",
    name="undeclared-organisation",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "GDPR Art. 12(1)"],
    fix=(
        "Declare the organisation under parties (legal name, country, role) and list it as a recipient of "
        "the activities whose data it receives, or remove it from the wording."
    ),
    fails="""
    statement:
      text: Nettsiden driftes av Webbyrå Eksempel AS.
    """,
    passes="""
    statement:
      text: Nettsiden driftes av Eksempel Dyrehelse AS.
    """,
)
def undeclared_organisation(ctx: CheckContext) -> Iterator[Hit]:
    """Every organisation named in the wording is a declared party.

    An organisation mentioned in the text but missing from `parties` is a recipient or processor the
    structured statement does not know about: its role, country and transfers cannot be checked, and
    the generated notice would leave it out. Names are recognised by their legal form (AS, Ltd, Inc, …)
    and compared with the declared legal and trade names, ignoring case and a final full stop. A name
    is read as capitalised words before the legal form, so a declared name with a lower-case word in it
    ("Bilag og Bok AS") is matched in full when the words before the mention complete it.
    Sentences already reported by controller-mismatch (CTL003) are not reported again.
    """
    controller = _controller_name(ctx)
    for item, _, sentence_end, mention, org_id in _mentions(ctx):
        if org_id is not None or _acts_as_controller(ctx, item, sentence_end, mention, org_id):
            continue
        yield Hit(
            item.pointer,
            f"{mention.name} is named here but is not a declared party of {controller}'s statement; "
            f"declare it under parties with its role",
            offset=mention.start,
            length=len(mention.name),
        )
