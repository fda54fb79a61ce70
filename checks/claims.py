"""Claims against facts: what the wording promises compared with what the statement declares.

A statement that says "we do not share your data with third parties" while it lists Google as a
recipient, says "we do not use cookies" next to an analytics cookie, asks the reader to "contact us"
without giving any way to do so, or says "read more here" without a link, misleads the reader (GDPR
Art. 5(1)(a), 12(1)) however complete its other parts are. These rules read Norwegian and English
sentences with fixed phrase lists and compare them with the structured facts; each finding stands at
the sentence that makes the claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from noticelint.api import (
    CHANNEL_IN_TEXT,
    LINK_TARGET,
    CheckContext,
    Hit,
    Party,
    PartyRole,
    cookie_note,
    either,
    find_organisations,
    find_vendors,
    name_key,
    needles,
    normalise_name,
    party_vendor,
    party_vendors,
    place,
    receiving_parties,
    rule,
    sentences_that_may_match,
)


def _patterns(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


# --- "we do not share / sell" -------------------------------------------------------------------

_SHARE_VERBS_NB = (
    r"(?:deles|utleveres|overlates|videreformidles|formidles"
    r"|deler|utleverer|overlater|videreformidler|formidler)"
)
_SHARE_NB = _patterns(
    rf"\b{_SHARE_VERBS_NB}\s+(?:\w+\s+){{0,2}}?(?:ikke|aldri)\b",
    rf"\b(?:ikke|aldri)\s+(?:\w+\s+)?{_SHARE_VERBS_NB}\b",
    r"\b(?:gis|gir)\s+(?:\w+\s+){0,2}?(?:ikke|aldri)\s+(?:\w+\s+){0,3}?videre\b",
    r"\bingen\s+tredjepart\w*\s+(?:får|har)\b",
)
_SHARE_EN = _patterns(
    r"\b(?:do|does|will|shall|did)\s*(?:not|n['’]t)\s+(?:\w+\s+)?(?:share|disclose|pass\s+on|give\s+away|transmit)\b",
    r"\bnever\s+(?:share|disclose|pass\s+on)\b",
    r"\b(?:is|are)\s+(?:not|never)\s+(?:\w+\s+)?(?:shared|disclosed|passed\s+on)\b",
    r"\b(?:will|shall)\s+(?:not|never)\s+be\s+(?:shared|disclosed|passed\s+on)\b",
    r"\bwon['’]t\s+be\s+(?:shared|disclosed|passed\s+on)\b",
    r"\bno\s+third\s+part(?:y|ies)\s+(?:will\s+)?(?:receive|get|has|have)\b",
    # Verbs that deny sharing only with "third part…" as their object: "we do not provide any guarantee".
    r"\b(?:do|does|will|shall|did|would)\s*(?:not|n['’]t)\s+(?:\w+\s+)?(?:supply|provide|distribute|release|"
    r"hand\s+over)\b[^.;]*?\bthird[- ]part",
    r"\b(?:never|under\s+no\s+circumstances)\b[^.;]*?\b(?:share|disclose|distribute|supply|provide|release|"
    r"pass\s+on|hand\s+over)\b[^.;]*?\bthird[- ]part",
)
_SELL = _patterns(
    r"\b(?:selger|selges)\s+(?:\w+\s+){0,2}?(?:ikke|aldri)\b",
    r"\b(?:ikke|aldri)\s+(?:\w+\s+)?(?:selger|selges)\b",
    r"\b(?:do|does|will|shall)\s*(?:not|n['’]t)\s+(?:\w+\s+)?(?:sell|rent|trade)\b",
    r"\bnever\s+(?:sell|rent|trade)\b",
    r"\b(?:is|are)\s+(?:not|never)\s+(?:sold|rented|traded)\b",
    r"\b(?:will|shall)\s+(?:not|never)\s+be\s+(?:sold|rented|traded)\b",
)
# Words that every pattern of _SHARE_NB, _SHARE_EN and _SELL needs: a sentence without them claims nothing.
_CLAIM_WORDS = either(
    needles("dele|utlever|overlat|formidl", "ikke|aldri"),
    needles("gis|gir", "ikke|aldri", "videre"),
    needles("ingen", "tredjepart"),
    needles("do|will|shall|did", "not|n't|n’t", "share|disclose|pass|give|transmit"),
    needles("never", "share|disclose|pass"),
    needles("not|never", "shared|disclosed|passed"),
    needles("n't|n’t", "shared|disclosed|passed"),
    needles("third", "receive|get|has|have"),
    needles("not|n't|n’t|never|circumstances", "supply|provide|distribute|release|hand|share|disclose|pass", "third"),
    needles("selge", "ikke|aldri"),
    needles("do|will|shall", "not|n't|n’t", "sell|rent|trade"),
    needles("never", "sell|rent|trade"),
    needles("not|never", "sold|rented|traded"),
)
# A claim limited to marketing is not a claim that nobody receives the data.
_MARKETING = re.compile(r"markedsføring|reklame|annonse|annonsering|marketing|advertis", re.IGNORECASE)
# "… except our processors": the rest of the sentence after one of these may name the recipients.
_EXCEPTION = re.compile(
    r"\b(?:unntatt|med\s+unntak\s+av|bortsett\s+fra|andre\s+enn|utover|med\s+mindre|except|unless|other\s+than|"
    r"apart\s+from|besides|beyond|with\s+the\s+exception\s+of)\b",
    re.IGNORECASE,
)
_PROCESSOR_WORDS = re.compile(
    r"\b(?:databehandler\w*|underdatabehandler\w*|underleverandør\w*|leverandør\w*|processors?|sub-?processors?|"
    r"service\s+providers?|suppliers?|vendors?)\b",
    re.IGNORECASE,
)
_PROCESSING_ROLES = {PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR}


@dataclass(frozen=True)
class _Receiver:
    """Somebody other than the controller who gets the data, and how we know."""

    name: str
    evidence: str
    processor: bool


def _controller_names(ctx: CheckContext) -> set[str]:
    controller = ctx.statement.controller
    return {normalise_name(n) for n in (controller.legal_name, controller.trade_name) if n}


def _receivers(ctx: CheckContext) -> list[_Receiver]:
    """Declared recipients, then organisations and vendors named in the wording."""
    statement = ctx.statement
    found: dict[str, _Receiver] = {}
    for activity in statement.activities:
        for party_id in activity.recipients:
            party = statement.party(party_id)
            if party is None or party_id in found:
                continue
            found[party_id] = _Receiver(
                party.legal_name,
                f"activity '{activity.id}' sends data to {party.legal_name} ('{party.id}')",
                party.role in _PROCESSING_ROLES,
            )
        # A category of recipients ("regnskapsfører og bank") receives the data too (Art. 13(1)(e)).
        for category in activity.recipient_categories:
            texts = category.languages(ctx.language)
            name = texts.get(ctx.language) or next(iter(texts.values()))
            key = f"category:{normalise_name(name)}"
            if key not in found:
                found[key] = _Receiver(name, f"activity '{activity.id}' names the recipients '{name}'", False)
    declared = {normalise_name(name): org_id for name, org_id in statement.organisation_names().items()}
    own = _controller_names(ctx)
    vendor_parties: dict[str, Party] = {}
    for party in statement.parties:
        vendor = party_vendor(ctx.knowledge, party)
        if vendor is not None:
            vendor_parties.setdefault(vendor.service, party)
    for item in ctx.wording:
        for mention in find_organisations(item.text):
            key = normalise_name(mention.name)
            if key in own or declared.get(key) == statement.controller.id:
                continue
            party = statement.party(declared[key]) if key in declared else None
            if (party.id if party else key) in found:
                continue
            found[party.id if party else key] = _Receiver(
                mention.name,
                f"{place(statement, item.pointer)} names {mention.name}",
                party is not None and party.role in _PROCESSING_ROLES,
            )
        for vendor, start, end, _ in find_vendors(ctx.knowledge, item.text):
            party = vendor_parties.get(vendor.service)
            key = party.id if party else f"vendor:{vendor.service}"
            if key in found:
                continue
            found[key] = _Receiver(
                vendor.service,
                f"{place(statement, item.pointer)} names {item.text[start:end]}",
                party is not None and party.role in _PROCESSING_ROLES,
            )
    return list(found.values())


def _covered_by_exception(ctx: CheckContext, sentence: str) -> bool:
    """Whether the claim carves out processors or names a recipient after "except"/"unntatt"."""
    match = _EXCEPTION.search(sentence)
    if match is None:
        return False
    rest = sentence[match.end() :]
    if _PROCESSOR_WORDS.search(rest) or find_vendors(ctx.knowledge, rest):
        return True
    lowered = rest.casefold()
    return any(normalise_name(name) in lowered for name in ctx.statement.organisation_names())


# "Hvis du ikke deler …", "if you do not share …": the reader's choice, not the controller's claim.
_READER_SUBJECT = re.compile(r"\b(?:du|dere|you)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _about_reader(text: str, match: re.Match[str]) -> bool:
    return bool(_READER_SUBJECT.search(text[max(0, match.start() - 40) : match.start()]))


_SHARE = (*_SHARE_NB, *_SHARE_EN)


def _claims(text: str, patterns: tuple[re.Pattern[str], ...] | list[re.Pattern[str]]) -> bool:
    return any((m := p.search(text)) and not _about_reader(text, m) for p in patterns)


def _evidence(receivers: list[_Receiver]) -> str:
    shown = "; ".join(r.evidence for r in receivers[:3])
    return shown + (f"; and {len(receivers) - 3} more" if len(receivers) > 3 else "")


@rule(
    code="CON001",
    name="no-sharing-claim",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)", "GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)"],
    fix=(
        "Replace the claim with who receives the data and why, e.g. 'Google Ireland Limited receives the "
        "analytics data as our processor'; or remove the recipient if it really receives nothing."
    ),
    fails="""
    statement:
      text:
        nb: Personopplysningene deles ikke med utenforstående tredjeparter.
        en: We do not share your personal data with third parties.
    """,
    passes="""
    statement:
      text:
        nb: Vi deler ikke personopplysningene med andre enn databehandlerne våre.
        en: We do not share your personal data with anyone other than our processors.
    """,
)
def no_sharing_claim(ctx: CheckContext) -> Iterator[Hit]:
    """The wording does not claim that nobody else receives the data while somebody does.

    "Personopplysningene deles ikke med tredjeparter" or "we do not share your data with third parties"
    next to a declared recipient, or next to an organisation or vendor named in the wording, leaves the
    reader believing that nobody else sees their data; Art. 13(1)(e) and 14(1)(e) ask the opposite.
    Strictly, GDPR Art. 4(10) does not count processors as "third parties", but a reader does not know
    that: the rule takes the reader's meaning, the safer reading, and counts every recipient. A claim
    that makes an exception for processors or names the recipients after "unntatt"/"andre enn"/"except"
    is not reported, nor is a claim limited to marketing. A claim not to sell the data ("selger ikke",
    "we do not sell") is contradicted only by a recipient that is not declared as a processor or
    sub-processor (independent or joint controllers, parties without a role, organisations named in the
    wording but not declared): handing data to a processor is not a sale. "Does not supply/provide/
    distribute …" and "never / under no circumstances … distribute" count only with "third part…" as
    their object ("we do not provide any guarantee" claims nothing). Phrases are recognised from
    fixed Norwegian and English lists.
    """
    receivers: list[_Receiver] | None = None  # worked out only once a sentence makes a claim
    for item, sentence in sentences_that_may_match(ctx, _CLAIM_WORDS):
        text = sentence.text
        sharing = _claims(text, _SHARE)
        if not sharing and not _claims(text, _SELL):
            continue
        if _MARKETING.search(text) or _covered_by_exception(ctx, text):
            continue
        if receivers is None:
            receivers = _receivers(ctx)
        if not receivers:
            return
        if sharing:
            claim, against = "that the data are not shared with anyone outside", receivers
        elif _claims(text, _SELL):
            claim = "that the data are not sold"
            against = [r for r in receivers if not r.processor]
            if not against:
                continue
        else:
            continue
        yield Hit(
            item.pointer,
            f"this sentence claims {claim}, but {_evidence(against)}; say who receives the data and why instead",
            offset=sentence.start,
            length=len(text),
        )


# --- "we do not use cookies" ----------------------------------------------------------------------

_COOKIE_WORD = r"(?:informasjonskapsler|informasjonskapsel|cookies|cookie)"
_NO_COOKIES = _patterns(
    rf"\b(?:bruker|benytter|setter|lagrer)\s+(?:vi\s+|nettstedet\s+|nettsiden\s+|nettsidene\s+|siden\s+)?"
    rf"(?:ikke|aldri)\s+(?:noen\s+)?{_COOKIE_WORD}\b",
    rf"\b(?:bruker|benytter|setter|lagrer)\s+(?:vi\s+|nettstedet\s+|nettsiden\s+|nettsidene\s+|siden\s+)?ingen\s+{_COOKIE_WORD}\b",
    rf"\b(?:ikke|aldri)\s+(?:bruker|benytter|setter|lagrer)\s+(?:noen\s+)?{_COOKIE_WORD}\b",
    rf"\b(?:brukes|benyttes|settes|lagres)\s+(?:det\s+)?(?:ikke|ingen)\s+{_COOKIE_WORD}\b",
    rf"\bingen\s+{_COOKIE_WORD}\s+(?:brukes|benyttes|settes|lagres|blir)\b",
    rf"\b{_COOKIE_WORD}\s+(?:brukes|benyttes|settes|lagres)\s+ikke\b",
    r"\b(?:do|does|will)\s*(?:not|n['’]t)\s+(?:use|set|place|store)\s+(?:any\s+)?cookies\b",
    r"\b(?:use|uses|set|sets|place|places)\s+no\s+cookies\b",
    r"\bno\s+cookies\s+(?:are|will\s+be)\s+(?:used|set|placed|stored)\b",
    r"\bcookies\s+(?:are|will)\s+not\s+(?:be\s+)?(?:used|set|placed|stored)\b",
    r"\bnever\s+(?:use|set|place)s?\s+cookies\b",
)
# The words the patterns of _NO_COOKIES need: a verb, a negation and the word for cookies.
_NO_COOKIES_WORDS = either(
    needles("bruker|benytter|setter|lagrer", "ikke|aldri|ingen", "informasjonskaps|cookie"),
    needles("brukes|benyttes|settes|lagres|blir", "ikke|ingen", "informasjonskaps|cookie"),
    needles("use|set|place|store", "not|n't|n’t|no|never", "cookie"),
)
# After the claim: "… til annonsering", "… som krever samtykke", "… for advertising": a limited claim.
_LIMITED_TAIL = re.compile(
    r"^\s*(?:til|for|som|fra|i\s+forbindelse|to|that|which|from|in\s+connection|unntatt|except|unless|"
    r"other\s+than|utover|bortsett)\b",
    re.IGNORECASE,
)


def _cookie_evidence(ctx: CheckContext) -> list[str]:
    statement = ctx.statement
    evidence: list[str] = []
    for activity in statement.activities:
        for cookie in activity.cookies:
            if cookie.technology.value == "cookie":
                name = f"the cookie '{cookie.name}'" if cookie.name else "a cookie"
                evidence.append(f"activity '{activity.id}' declares {name}")
    # A party the statement says sets no cookies here (denies: [cookies]) is no evidence of cookies.
    seen: set[str] = {
        v.service for p in statement.parties if p.says_no_cookies() for v in party_vendors(ctx.knowledge, p)
    }
    for activity in statement.activities:
        for party_id in activity.recipients:
            party = statement.party(party_id)
            vendor = party_vendor(ctx.knowledge, party) if party else None
            note = cookie_note(vendor) if vendor else None
            if party is None or vendor is None or note is None or vendor.service in seen:
                continue
            seen.add(vendor.service)
            evidence.append(f"{vendor.service} (recipient of activity '{activity.id}') {note}")
    for item in ctx.wording:
        for vendor, start, end, _ in find_vendors(ctx.knowledge, item.text):
            note = cookie_note(vendor)
            if note is None or vendor.service in seen:
                continue
            seen.add(vendor.service)
            evidence.append(f"{place(statement, item.pointer)} names {item.text[start:end]}, which {note}")
    return evidence


_NAME_WORD = re.compile(r"[\w.&-]+")
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:men|og|but|and)\b", re.IGNORECASE)


def _about_party_without_cookies(ctx: CheckContext, before: str) -> bool:
    """Whether the claim's subject is a party the statement says sets no cookies ("Mailchimp setter
    ingen informasjonskapsler"): the sentence says what denies: [cookies] on the party says."""
    subject = _CLAUSE_BREAK.split(before)[-1]  # "Vi bruker Mailchimp, men vi setter ingen …" is about us
    words = " " + " ".join(_NAME_WORD.findall(normalise_name(subject))) + " "
    for party in ctx.statement.parties:
        if party.says_no_cookies():
            names = {name_key(n) for n in (party.legal_name, party.trade_name) if n}
            names |= {normalise_name(n) for n in (party.legal_name, party.trade_name) if n}
            if any(n and f" {n} " in words for n in names):
                return True
    return False


@rule(
    code="CON002",
    name="no-cookies-claim",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)", "ekomloven § 3-15 (LOV-2024-12-13-76)"],
    fix="Remove the claim and describe the cookies that are used, with their purpose and lifetime.",
    fails="""
    statement:
      text:
        nb: Vi bruker ikke informasjonskapsler på nettstedet.
        en: We do not use cookies on our website.
    """,
    passes="""
    statement:
      text:
        nb: Vi bruker ikke informasjonskapsler til annonsering.
        en: We do not use cookies for advertising.
    """,
    knowledge=["vendors"],
)
def no_cookies_claim(ctx: CheckContext) -> Iterator[Hit]:
    """The wording does not deny cookies that the statement declares or that a named vendor sets.

    "Vi bruker ikke informasjonskapsler" or "we do not use cookies" next to a declared cookie, a recipient
    that the vendors table says sets cookies (Google Analytics, YouTube, Mailchimp, …) or such a vendor
    named in the wording, is a false statement about what the site stores on the reader's device (GDPR
    Art. 5(1)(a), 12(1); ekomloven § 3-15 asks for clear information). Only declared technologies of
    type `cookie` count as cookies; vendors the table only "believes" set cookies count too (the safer
    reading) and the message says so. A limited claim ("… til annonsering", "… som krever samtykke",
    "… for advertising") is not reported. Phrases are recognised from fixed Norwegian and English lists.
    A "cookieless" tool can still store or read information on the device (local storage, pixels,
    fingerprinting), which the EDPB reads as covered by ePrivacy Art. 5(3) (Guidelines 2/2023): a claim
    to use no cookies is true only of cookies, and the statement should say what else it uses. A party
    the statement says sets no cookies here (`denies: [cookies]` on the party: an e-mail service used
    only for newsletters) counts as no evidence, and a sentence whose subject is such a party
    ("Mailchimp setter ingen informasjonskapsler på nettstedet vårt") is not a claim about the site.
    """
    evidence: list[str] | None = None
    for item, sentence in sentences_that_may_match(ctx, _NO_COOKIES_WORDS):
        text = sentence.text
        match = next((m for p in _NO_COOKIES if (m := p.search(text)) and not _about_reader(text, m)), None)
        if match is None or _LIMITED_TAIL.match(text[match.end() :]) or _EXCEPTION.search(text):
            continue
        if _about_party_without_cookies(ctx, text[: match.start()]):
            continue
        if evidence is None:
            evidence = _cookie_evidence(ctx)
        if not evidence:
            return
        shown = "; ".join(evidence[:3]) + (f"; and {len(evidence) - 3} more" if len(evidence) > 3 else "")
        yield Hit(
            item.pointer,
            f"this sentence says no cookies are used, but {shown}; describe the cookies instead",
            offset=sentence.start,
            length=len(text),
        )


# --- "contact us" ---------------------------------------------------------------------------------

_CONTACT_US = _patterns(
    r"\bkontakt(?:e)?\s+oss\b",
    r"\bta\s+kontakt\s+med\s+oss\b",
    r"\bhenvend\s+deg\s+til\s+oss\b",
    r"\bskriv\s+til\s+oss\b",
    r"\bring\s+oss\b",
    r"\bcontact(?:ing)?\s+us\b",
    r"\bget\s+in\s+touch\s+with\s+us\b",
    r"\bwrite\s+to\s+us\b",
    r"\bcall\s+us\b",
    r"\breach\s+out\s+to\s+us\b",
)
_CONTACT_US_WORDS = needles("oss|us")


@rule(
    code="CON003",
    name="contact-us-without-channel",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 12(2)", "GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)"],
    fix=(
        "Give the controller's contact channels under controller.contact (e-mail, phone, web form or postal "
        "address) and name the channel in the sentence ('kontakt oss på personvern@…')."
    ),
    fails="""
    controller:
      contact: null
      text: Informasjon slettes når du ber om det ved å kontakte oss.
    """,
    passes="""
    controller:
      contact:
        email: personvern@example.no
      text: Informasjon slettes når du ber om det ved å kontakte oss.
    """,
)
def contact_us_without_channel(ctx: CheckContext) -> Iterator[Hit]:
    """ "Contact us" comes with a way to contact the controller.

    Art. 12(2) asks the controller to make it easy to exercise the rights, and Art. 13(1)(a)/14(1)(a)
    ask for its contact details. A sentence that sends the reader to "kontakt oss", "kontakte oss", "ta
    kontakt med oss" or "contact us" while the controller has no contact channel (controller.contact
    without e-mail, phone, web form or postal address) leads nowhere. The sentence is not reported when
    it gives an e-mail address, web address or telephone number itself. Descriptions such as "personer
    som kontakter oss" are not invitations and are not read. The missing contact details as such are
    reported by controller-contact (CTL002); this rule marks each sentence that relies on them.
    """
    contact = ctx.statement.controller.contact
    if contact is not None and contact.channels():
        return
    for item, sentence in sentences_that_may_match(ctx, _CONTACT_US_WORDS):
        match = next((m for p in _CONTACT_US if (m := p.search(sentence.text))), None)
        if match is None or CHANNEL_IN_TEXT.search(sentence.text):
            continue
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split())}' sends the reader to the controller, but the statement gives "
            "no contact channel; add an e-mail address, phone number, web form or postal address under "
            "controller.contact and name it in this sentence",
            offset=sentence.start,
            length=len(sentence.text),
        )


# --- "les mer her" --------------------------------------------------------------------------------

_LINK_PHRASES = _patterns(
    r"\b(?:les|lese|klikk|klikke|trykk|trykke|se|finn|finne|finner\s+du|gå|besøk|besøke|tilgjengelig)\b"
    r"(?:\s+[\w«»\"'’-]+){0,4}?\s+her\b",
    r"\b(?:read|click|tap|see|find|visit|available|go|follow)\b(?:\s+[\w\"'’-]+){0,4}?\s+here\b",
    r"\b(?:følg|klikk\s+på|trykk\s+på)\s+(?:denne\s+)?lenken\b",
    r"\b(?:follow|click|use)\s+this\s+link\b",
    # "Du kan lese mer om tilfellene der … her.": "read more" and "here" as the sentence's last word.
    r"\b(?:les|lese)\s+mer\b(?:\s+[\w«»\"'’,-]+){0,14}?\s+her\s*[.!]?\s*$",
    r"\bread\s+more\b(?:\s+[\w\"'’,-]+){0,14}?\s+here\s*[.!]?\s*$",
)
# "Du kan nå oss her", "contact us here": a contact that is no link, unless a channel follows in the text.
_CONTACT_HERE = _patterns(
    r"\b(?:nå|kontakte|kontakt|skrive\s+til|skriv\s+til)\s+oss\s+her\b",
    r"\b(?:reach|contact|write\s+to)\s+us\s+here\b",
)
_LINK_WORDS = needles("her|lenken|link")


@rule(
    code="CON004",
    name="link-without-target",
    basis="guidance",
    certainty="inferred",
    legal=["GDPR Art. 12(1)"],
    fix=(
        "Write the link into the sentence as [descriptive label](https://…), e.g. "
        "'Les [Googles personvernerklæring](https://policies.google.com/privacy)'."
    ),
    fails="""
    statement:
      text:
        nb: Les personvernreglene her.
        en: Read the privacy rules here.
    """,
    passes="""
    statement:
      text:
        nb: Les [personvernreglene til Google](https://policies.google.com/privacy).
        en: Read [Google's privacy policy](https://policies.google.com/privacy) here.
    """,
)
def link_without_target(ctx: CheckContext) -> Iterator[Hit]:
    """A "read more here" phrase comes with a link target.

    The structured statement is the source of the published text; a sentence such as "Les
    personvernreglene her", "les mer her", "klikk her" or "read more here" that carries no URL and no
    [label](url) link promises information the reader cannot reach, the opposite of the easily
    accessible information Art. 12(1) asks for. A sentence is reported when it contains such a phrase
    (in Norwegian or English) and no http(s) URL, www. address or Markdown link in the same sentence;
    so is one that ends "les mer om … her." / "read more about … here.", and one that says "Du kan nå oss
    her" / "contact us here" with no e-mail address, URL or telephone number from there to the end of
    its text.
    It is a warning: whether the unreachable page held information the law requires cannot be told from
    the statement. "Here" as a link label is also poor for accessibility, which the fix addresses.
    """
    for item, sentence in sentences_that_may_match(ctx, _LINK_WORDS):
        match = next((m for p in _LINK_PHRASES if (m := p.search(sentence.text))), None)
        if match is None:
            match = next((m for p in _CONTACT_HERE if (m := p.search(sentence.text))), None)
            if match is None or CHANNEL_IN_TEXT.search(item.text, sentence.start):
                continue
        if LINK_TARGET.search(sentence.text):
            continue
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split()).rstrip('.! ')}' promises a link, but the sentence has no link "
            "target; write "
            "it as [label](https://…) or name the page",
            offset=sentence.start,
            length=len(sentence.text),
        )


# --- [label](www.example.org) ---------------------------------------------------------------------

# A Markdown link whose target has no scheme: a www. address or a bare domain, which a browser reads as a
# path on the statement's own site; and a mailto: link without an address.
_SCHEMELESS_LINK = re.compile(
    r"\[[^\]\n]+\]\(\s*((?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:no|com|org|net|eu|uk|se|dk|de|fi|is|io))"
    r"(?:/[^)\s]*)?)\s*\)"
    r"|\[[^\]\n]+\]\(\s*(mailto:[^)@\s]*)\s*\)",
    re.IGNORECASE,
)
_SCHEMELESS_WORDS = needles("www.|.no|.com|.org|.net|.eu|.uk|.se|.dk|.de|.fi|.is|.io|mailto")


@rule(
    code="CON006",
    name="link-target-without-scheme",
    basis="guidance",
    certainty="certain",
    legal=["GDPR Art. 12(1)"],
    fix=(
        "Write the full address as the link target, with https:// (or mailto: and the e-mail address), e.g. "
        "'[www.datatilsynet.no](https://www.datatilsynet.no)'."
    ),
    fails="""
    complaint:
      text:
        nb: Du kan klage til Datatilsynet ([www.datatilsynet.no](www.datatilsynet.no)).
        en: You can complain to Datatilsynet ([www.datatilsynet.no](www.datatilsynet.no)).
    """,
    passes="""
    complaint:
      text:
        nb: Du kan klage til Datatilsynet ([www.datatilsynet.no](https://www.datatilsynet.no)).
        en: You can complain to Datatilsynet ([www.datatilsynet.no](https://www.datatilsynet.no)).
    """,
)
def link_target_without_scheme(ctx: CheckContext) -> Iterator[Hit]:
    """A link's target is a full address, not a www. address or domain without https://.

    In Markdown, "[www.ico.org.uk](www.ico.org.uk)" links to the path "www.ico.org.uk" on the site that
    publishes the statement, not to the authority: the reader who follows it lands on a missing page, and
    the information the sentence points to is not easily accessible (Art. 12(1)). The same holds for
    "[datatilsynet.no](datatilsynet.no)" and for a "mailto:" link without an e-mail address. The rule
    reports each such link at its sentence; a target with a scheme (https://, mailto:address) or a path on
    the own site ("/personvern", "personvern.html") is not reported.
    """
    for item, sentence in sentences_that_may_match(ctx, _SCHEMELESS_WORDS):
        for match in _SCHEMELESS_LINK.finditer(sentence.text):
            target = match.group(1) or match.group(2)
            yield Hit(
                item.pointer,
                f"the link target '{target}' has no scheme, so it points to a page of the statement's own site; "
                "write the full address (https://…, or mailto: with the e-mail address)",
                offset=sentence.start + match.start(),
                length=match.end() - match.start(),
            )


# --- statement.denies ----------------------------------------------------------------------------


@rule(
    code="CON005",
    name="denial-contradicted",
    severity="error",
    basis="statute",
    certainty="certain",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"],
    fix=(
        "Remove the item from statement.denies and describe what is done, or remove the declaration that "
        "contradicts it if it is out of date."
    ),
    fails="""
    statement:
      denies: [transfers_outside_eea]
    """,
    passes="""
    statement:
      denies: [automated_decisions, sale]
    """,
    knowledge=["vendors", "eea"],
)
def denial_contradicted(ctx: CheckContext) -> Iterator[Hit]:
    """What the statement says is not done (statement.denies) is not contradicted by what it declares.

    A statement that denies cookies while an activity declares a cookie or sends data to a vendor that
    the vendors table says sets cookies, denies transfers outside the EEA while it declares a transfer
    or a recipient established outside the EEA, denies profiling or automated decisions while an
    activity declares automated decisions, or denies special categories while an activity declares
    them, tells the reader something false (GDPR Art. 5(1)(a), 12(1)). Only declared facts are compared
    here; denials in the wording are the subject of CON001 and CON002. Denials with nothing declared to
    compare them with (analytics, advertising, tracking, forms, sale, sharing) are not reported. A
    party that the statement says sets no cookies (`denies: [cookies]` on the party) is contradicted by
    a declared cookie with that party as its provider; its vendor-table entry is then no evidence
    against a statement-level denial.
    """
    statement = ctx.statement
    yield from _party_denial_contradicted(ctx)
    denied = {d.value for d in statement.statement.denies}
    if not denied:
        return
    evidence: dict[str, list[str]] = {}
    if "cookies" in denied:
        found: list[str] = []
        for activity in statement.activities:
            found += [
                f"activity '{activity.id}' declares " + (f"the cookie '{c.name}'" if c.name else "a cookie")
                for c in activity.cookies
                if c.technology.value == "cookie"
            ]
            for party_id in activity.recipients:
                party = statement.party(party_id)
                vendor = party_vendor(ctx.knowledge, party) if party and not party.says_no_cookies() else None
                if vendor is not None and vendor.sets_cookie:
                    found.append(f"{vendor.service} (recipient of activity '{activity.id}') sets cookies")
        evidence["cookies"] = found
    if "transfers_outside_eea" in denied:
        found = [f"a transfer to {t.country} ('{t.recipient}') is declared" for t in statement.transfers]
        for party_id in sorted(receiving_parties(statement)):
            party = statement.party(party_id)
            if party is not None and party.country and not ctx.knowledge.is_eea(party.country):
                found.append(
                    f"the recipient {party.legal_name} ('{party.id}') is established in {party.country}"
                )
        evidence["transfers_outside_eea"] = found
    automated = [
        f"activity '{a.id}' declares automated decisions"
        for a in statement.activities
        if a.automated_decisions is not None and a.automated_decisions.used
    ]
    evidence["profiling"] = evidence["automated_decisions"] = automated
    evidence["special_categories"] = [
        f"activity '{a.id}' declares special categories ({', '.join(c.value for c in a.special_categories)})"
        for a in statement.activities
        if a.special_categories
    ]
    for index, denial in enumerate(statement.statement.denies):
        found = evidence.get(denial.value, [])
        if found:
            shown = "; ".join(found[:3]) + (f"; and {len(found) - 3} more" if len(found) > 3 else "")
            yield Hit(
                f"/statement/denies/{index}",
                f"the statement denies {denial.value.replace('_', ' ')}, but {shown}; describe what is done "
                "instead, or remove the declaration if it is out of date",
            )


def _party_denial_contradicted(ctx: CheckContext) -> Iterator[Hit]:
    """A party said to set no cookies here is not the provider of a declared cookie."""
    for i, party in enumerate(ctx.statement.parties):
        if not party.says_no_cookies():
            continue
        found = [
            f"activity '{activity.id}' declares "
            + (f"the cookie '{c.name}'" if c.name else f"a {c.technology.value.replace('_', ' ')}")
            + " with it as provider"
            for activity in ctx.statement.activities
            for c in activity.cookies
            if c.provider == party.id
        ]
        if found:
            j = next(n for n, d in enumerate(party.denies) if d.value == "cookies")
            shown = "; ".join(found[:3]) + (f"; and {len(found) - 3} more" if len(found) > 3 else "")
            yield Hit(
                f"/parties/{i}/denies/{j}",
                f"{party.legal_name} ('{party.id}') is said to set no cookies here (denies: [cookies]), but "
                f"{shown}; remove cookies from its denies, or remove the cookie if it is out of date",
            )
