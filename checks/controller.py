"""Who is responsible: the controller's identity and contact details, and organisations in the wording
that act as if they were the controller. GDPR Art. 12(2), 13(1)(a), 14(1)(a), 26."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from noticelint.api import (
    CheckContext,
    Hit,
    Kind,
    Mention,
    OrganisationFinder,
    PartyRole,
    PrivacyStatement,
    Role,
    Sentence,
    Wording,
    entity_name,
    normalise_name,
    party_vendors,
    role_in,
    rule,
    sentences,
    vendor_mentions,
)

_PURPOSE = re.compile(
    r"\bfor å\b|\btil å\b|\bin order to\b|\bto (?:analy|measure|market|track|profile|sell)", re.I
)
# A statement that names more organisations than this is not prose; the rest is not read (a hostile
# file of one name repeated stays fast).
_MAX_MENTIONS = 2000
_DECIDING_ROLES = {PartyRole.JOINT_CONTROLLER, PartyRole.INDEPENDENT_CONTROLLER, PartyRole.PUBLIC_AUTHORITY}
# An agency word just before a name: "Webbyrå ØstCom", "byrået ØstCom", "our agency ØstCom".
_DESCRIBED = re.compile(
    r"(?:byrå|byrået|leverandør|leverandøren|partner|partneren|agency|supplier|provider|firma|firmaet|"
    r"selskapet)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Named:
    """An organisation named in one sentence of the wording."""

    item: Wording
    sentence: Sentence
    mention: Mention  # offsets within the sentence

    @property
    def start(self) -> int:
        return self.sentence.start + self.mention.start

    @property
    def role(self) -> Role:
        return role_in(self.sentence.text, self.mention.start, self.mention.end)


def _controller_name(ctx: CheckContext) -> str:
    controller = ctx.statement.controller
    return controller.trade_name or controller.legal_name or controller.id


def _hosts(*values: str | None) -> list[str]:
    """The hosts of web addresses and the domains of e-mail addresses."""
    found = []
    for value in values:
        if not value:
            continue
        host = re.sub(r"^[a-z]+://", "", value.strip(), flags=re.I).split("/")[0].split("@")[-1]
        if "." in host:
            found.append(host)
    return found


def _declared_domains(statement: PrivacyStatement) -> dict[str, str]:
    """Every host or e-mail domain the statement declares, mapped to its organisation's id."""
    own = statement.controller.id
    info = statement.statement
    values = [info.url, *(info.scope.sites if info.scope else [])]
    for contact in (statement.controller.contact, statement.dpo.contact if statement.dpo else None):
        if contact is not None:
            values += [contact.email, contact.web_form]
    domains = dict.fromkeys(_hosts(*values), own)
    if statement.representative and statement.representative.contact:
        contact = statement.representative.contact
        for host in _hosts(contact.email, contact.web_form):
            domains.setdefault(host, statement.representative.id)
    for party in statement.parties:
        contact = party.contact
        hosts = _hosts(party.privacy_notice, *((contact.email, contact.web_form) if contact else ()))
        for host in hosts:
            domains.setdefault(host, party.id)
    return domains


def _finder(ctx: CheckContext) -> OrganisationFinder:
    statement = ctx.statement
    knowledge = ctx.knowledge
    known: list[str] = []
    for vendor in knowledge.vendors:
        known += [*vendor.names, *vendor.outdated_names]
        known += [entity_name(e) for e in (vendor.eea_entity, vendor.us_entity, vendor.other_entity) if e]
    known_domains: list[str] = []
    for authority in knowledge.authorities.values():
        for name in (authority.native_name, authority.english_name, authority.nb_name):
            for part in name.split(" / "):
                known.append(entity_name(part))
                known += re.findall(r"\(([^)]+)\)", part)
        known_domains += _hosts(authority.website, authority.email)
    return OrganisationFinder(
        statement.organisation_names(),
        _declared_domains(statement),
        statement.controller.id,
        known,
        known_domains,
    )


def _services(ctx: CheckContext) -> frozenset[str]:
    """The service names and aliases of the vendor table."""
    return frozenset(normalise_name(name) for vendor in ctx.knowledge.vendors for name in vendor.names)


# The company part of a vendor entity: "Google Ireland Limited" -> "Google", "Meta Platforms, Inc." -> "Meta".
_COMPANY_WORD = re.compile(r"^[\w&'’-]+")
# The vendor of a product doing something for its own ends ("til egne formål", "for its own purposes",
# "to show ads"): that is a controller's decision, reported even when the product is the statement's.
_OWN_ENDS = re.compile(
    r"\begne?\b|\bsine\s+(?:egne\s+)?(?:tjenester|produkter|formål)|\bandre\s+tjenester\b|\bown\b|"
    r"\bits\s+(?:services|products)\b|\bother\s+services\b|annons|reklame|markedsfør|advertis|market(?:ing|s)?\b",
    re.IGNORECASE,
)


def _used_vendor_companies(ctx: CheckContext) -> frozenset[str]:
    """The companies behind the products the statement declares (its parties) or says it uses (its
    wording), by their first name-word ("Google" for Google Analytics, Google Ireland Limited)."""
    vendors = {v for party in ctx.statement.parties for v in party_vendors(ctx.knowledge, party)}
    for item in ctx.wording:
        vendors.update(m.vendor for m in vendor_mentions(ctx.knowledge, item.text))
    names: set[str] = set()
    for vendor in vendors:
        for name in (vendor.service, entity_name(vendor.eea_entity), entity_name(vendor.us_entity)):
            word = _COMPANY_WORD.match(name.strip()) if name else None
            if word:
                names.add(normalise_name(word.group(0)))
            if name:
                names.add(normalise_name(name))
    return frozenset(names)


def _vendor_of_used_product(ctx: CheckContext, named: _Named) -> bool:
    """Whether the organisation is the vendor of a product the statement uses, doing what the product
    does ("Google bruker informasjonskapselen _ga …" where Google Analytics is used), not acting for
    ends of its own."""
    if _OWN_ENDS.search(named.sentence.text):
        return False
    return normalise_name(named.mention.name) in ctx.shared(_used_vendor_companies)


def _mentions(ctx: CheckContext) -> list[_Named]:
    """Every organisation named in the wording, sentence by sentence."""
    return ctx.shared(_find_mentions)


# A sentence that starts with a domain in lower case ("… for oss. ostcom.no bruker …") starts a new
# sentence too, which the general splitter (it waits for a capital letter) does not see.
_DOMAIN_START = re.compile(r"(?<=[.!?])\s+(?=(?:www\.)?[a-z0-9æøå-]+\.[a-z]{2,}\b)")


def _sentences(text: str) -> Iterator[Sentence]:
    for sentence in sentences(text):
        position = 0
        for match in _DOMAIN_START.finditer(sentence.text):
            yield Sentence(sentence.text[position : match.start()], sentence.start + position)
            position = match.end()
        yield Sentence(sentence.text[position:], sentence.start + position) if position else sentence


def _find_mentions(ctx: CheckContext) -> list[_Named]:
    finder = _finder(ctx)
    found: list[_Named] = []
    for item in ctx.wording:
        for sentence in _sentences(item.text):
            found += [_Named(item, sentence, mention) for mention in finder.find(sentence.text)]
            if len(found) >= _MAX_MENTIONS:
                return found[:_MAX_MENTIONS]
    return found


def _acts_as_controller(ctx: CheckContext, named: _Named) -> bool:
    mention = named.mention
    statement = ctx.statement
    if mention.kind is Kind.KNOWN or mention.org_id == statement.controller.id:
        return False
    if normalise_name(mention.name) in ctx.shared(_services):
        return False  # a product doing its job: "Google Analytics bruker informasjonskapsler"
    party = statement.party(mention.org_id) if mention.org_id else None
    if mention.org_id and party is None:
        return False  # the representative
    if party is not None and party.role in _DECIDING_ROLES:
        return False
    if mention.kind is Kind.DESCRIPTION:
        # It may stand for any declared party: silent if one of them decides, and, if any party is
        # declared, only with a purpose of its own, as for a declared processor.
        if any(p.role in _DECIDING_ROLES for p in statement.parties):
            return False
        if statement.parties and not _PURPOSE.search(named.sentence.text):
            return False
    elif party is not None and not _PURPOSE.search(named.sentence.text):
        return False
    if named.role is not Role.ACTS:
        return False
    return mention.kind is Kind.DESCRIPTION or not _vendor_of_used_product(ctx, named)


def _acting(ctx: CheckContext) -> list[_Named]:
    """The mentions that act as the controller: one a sentence, a name before a description."""
    return ctx.shared(_find_acting)


def _find_acting(ctx: CheckContext) -> list[_Named]:
    acting = [named for named in _mentions(ctx) if _acts_as_controller(ctx, named)]
    named_sentences = {
        (n.item.pointer, n.sentence.start) for n in acting if n.mention.kind is not Kind.DESCRIPTION
    }
    kept: list[_Named] = []
    seen: set[tuple[str, int, str]] = set()
    for named in acting:
        key = (named.item.pointer, named.sentence.start, named.mention.name)
        if key in seen:
            continue
        if (
            named.mention.kind is Kind.DESCRIPTION
            and (named.item.pointer, named.sentence.start) in named_sentences
        ):
            continue
        seen.add(key)
        kept.append(named)
    return kept


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
    sentence is simply wrong. Either way the reader cannot tell who is responsible. The rule reads every
    text of the statement, in Norwegian and English. It recognises the other organisation however it is
    written: a name the statement declares, a name with a legal form ("Bits og Bytes AS"), a brand-like
    name that is not an ordinary Norwegian or English word ("ØstCom", "ACME", "Web24"), a web or e-mail
    domain that is not the controller's ("ostcom.no"), or words that stand for an agency ("nettbyrået
    vårt", "our web agency"); services and authorities of the knowledge tables ("Google Analytics",
    "Datatilsynet") and the controller's own names and domains never count. It counts the organisation
    as acting when it is the subject of a processing verb ("ØstCom bruker", "ØstCom kan bruke", "vi og
    ØstCom bruker", "I tillegg bruker ØstCom", "ØstCom, som drifter nettsiden, samler inn"), its
    relative clause ("…, som bruker …") or the agent of a passive ("brukes av ØstCom"), and not when the
    sentence says it works for the controller ("for oss", "på vegne av oss", "som databehandler", "on
    our behalf") or negates the verb, nor when the organisation is the vendor of a product the statement
    declares or says it uses, doing what the product does ("Google bruker informasjonskapselen _ga for å
    skille brukere fra hverandre" where Google Analytics is used): that describes the product, not a
    decision of the vendor's; it is reported when the sentence gives the vendor ends of its own ("til
    egne formål", "for its own purposes", "to show ads"). A declared processor, and a description when parties are
    declared, are reported only when the sentence also states a purpose ("for å …", "to analyse …"); a
    declared joint or independent controller is never reported.
    """
    controller = _controller_name(ctx)
    for named in _acting(ctx):
        mention, item = named.mention, named.item
        party = ctx.statement.party(mention.org_id) if mention.org_id else None
        example = f"'{controller} uses …'" if item.language == "en" else f"'{controller} bruker …'"
        if mention.kind is Kind.DESCRIPTION:
            message = (
                f"'{mention.name}' acts as the controller here, but the controller of this statement is "
                f"{controller}; write the sentence with {controller} as the subject ({example}), or name "
                f"the organisation and declare it under parties with its role (processor acting for "
                f"{controller}, or joint_controller)"
            )
        else:
            status = (
                "is not a declared party"
                if party is None
                else f"is declared as {party.role or 'a party without a role'}"
            )
            message = (
                f"{mention.name} acts as the controller here, but the controller of this statement is "
                f"{controller} ({mention.name} {status}); write the sentence with {controller} as the "
                f"subject ({example}), or declare {mention.name} under parties with its role (processor "
                f"acting for {controller}, or joint_controller)"
            )
        yield Hit(
            item.pointer,
            message,
            offset=named.start,
            length=named.sentence.end - named.start,
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
    the generated notice would leave it out. The rule reports a name with a legal form (AS, Ltd, Inc, …,
    with lower-case joining words: "Bits og Bytes AS"), and a brand-like name that is not an ordinary
    word ("ØstCom") where it stands as an organisation: after an agency word ("Webbyrå ØstCom"), as the
    agent of a passive ("driftes av ØstCom") or as one who works for the controller ("ØstCom behandler
    opplysningene som databehandler"). Names are compared with the declared legal and trade names,
    also without their legal form, ignoring case and a final full stop; a declared name is matched in
    full ("Bilag og Bok AS"), so only a different name is reported. Sentences already reported by
    controller-mismatch (CTL003) are not reported again.
    """
    controller = _controller_name(ctx)
    acting = {(n.item.pointer, n.start) for n in _acting(ctx)}
    for named in _mentions(ctx):
        mention = named.mention
        if mention.org_id is not None or (named.item.pointer, named.start) in acting:
            continue
        if mention.kind is Kind.BRAND:
            before = named.sentence.text[max(0, mention.start - 40) : mention.start]
            if not _DESCRIBED.search(before) and named.role not in (Role.AGENT, Role.FOR_OTHERS):
                continue
        elif mention.kind is not Kind.LEGAL:
            continue
        yield Hit(
            named.item.pointer,
            f"{mention.name} is named here but is not a declared party of {controller}'s statement; "
            f"declare it under parties with its role",
            offset=named.start,
            length=len(mention.name),
        )
