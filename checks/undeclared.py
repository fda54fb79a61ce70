"""Processing the wording mentions but the structure does not declare: systems run by someone else, and
services (orders, newsletters, contact forms, logs, analytics, health data) no activity describes.

Art. 13(1)(c)-(e) ask for the purposes, legal basis and recipients of each processing. A statement that
says data are "registrert i vårt ordresystem" or "stored in our CRM" without saying who runs the system,
or that speaks of orders, a newsletter or server logs that no activity describes, leaves the reader with
processing whose purpose, basis, recipients and storage period are unknown. These rules read fixed
Norwegian and English phrasings and compare them with the declared activities and recipients.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from noticelint.api import (
    Activity,
    CheckContext,
    Hit,
    LazyPattern,
    find_organisations,
    find_vendors,
    lazy,
    needles,
    place,
    rule,
    sentences_that_may_match,
)

# A negation in the sentence: "vi har ikke noe CRM", "we do not use a payment provider".
_NEGATION = lazy(r"\b(?:ikke|aldri|ingen|intet|not|never|no|n['’]t|without|uten)\b", re.IGNORECASE)
_CLAUSE_BREAK = lazy(r"[,;:()]|\s(?:men|but|og|and|mens|while|whereas)\s", re.IGNORECASE)


def _negated(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``text[start:end]`` is negated ("…, men vi har ikke noe CRM")."""
    breaks = [m for m in _CLAUSE_BREAK.finditer(text)]
    left = max((m.end() for m in breaks if m.end() <= start), default=0)
    right = min((m.start() for m in breaks if m.start() >= end), default=len(text))
    return bool(_NEGATION.search(text[left:right]))


# Sections that explain terms ("Hva er en informasjonskapsel") describe no processing of their own.
_EXPLAINING_HEADING = lazy(
    r"^\s*(?:definisjon\w*|definition\w*|begreper|hva\s+er|what\s+(?:is|are))\b", re.IGNORECASE
)


def _explains_terms(ctx: CheckContext, pointer: str) -> bool:
    parts = pointer.split("/")
    if len(parts) < 3 or parts[1] != "sections" or not parts[2].isdigit():
        return False
    sections = ctx.statement.sections
    index = int(parts[2])
    heading = sections[index].heading if index < len(sections) else None
    return heading is not None and any(
        _EXPLAINING_HEADING.search(h) for h in heading.languages(ctx.language).values()
    )


# The controller runs the system itself.
_IN_HOUSE = lazy(
    r"\b(?:egenutvikle\w*|vi\s+drifter\s+selv|drifter\s+vi\s+selv|egne\s+servere|eget\s+system|self-?hosted|"
    r"in-?house|our\s+own\s+servers?|we\s+host\s+(?:it\s+)?ourselves|hosted\s+by\s+us)\b",
    re.IGNORECASE,
)

# --- implied processors ---------------------------------------------------------------------------

_SYSTEM_NB_WORDS = (
    r"ordresystem\w*|bestillingssystem\w*|bookingsystem\w*|timebestillingssystem\w*|"
    r"journalsystem\w*|kassesystem\w*|betalingsløsning\w*|betalingssystem\w*|betalingsleverandør\w*|"
    r"telefonsentral\w*|sentralbord\w*|e-postleverandør\w*|e-posttjeneste\w*|nyhetsbrevverktøy\w*|"
    r"medlemssystem\w*|medlemsregister\w*|styreportal\w*|arrangementsystem\w*|arrangementssystem\w*|"
    r"takstsystem\w*|webhotell\w*|driftsleverandør\w*|IT-leverandør\w*|regnskapssystem\w*|"
    r"lønnssystem\w*|kundesystem\w*|saksbehandlingssystem\w*|skjemaløsning\w*|skjemaverktøy\w*|"
    r"kontaktskjema\w*"
)
_SYSTEM_NB = r"CRM(?:-system\w*)?|" + _SYSTEM_NB_WORDS
_SYSTEM_EN = (
    r"CRM(?:\s+system)?|order(?:ing)?\s+system|booking\s+system|reservation\s+system|registration\s+system|"
    r"ticketing\s+system|payment\s+(?:system|provider|processor)|(?:third-party\s+)?payment\s+service\s+provider|"
    r"telephone\s+(?:exchange|system)|phone\s+system|switchboard|e-?mail\s+(?:service\s+)?provider|"
    r"newsletter\s+(?:tool|service|provider)|(?:web\s+)?hosting\s+provider|web\s+host|membership\s+system|"
    r"accounting\s+system|cloud\s+provider|IT\s+(?:service\s+)?provider|form\s+provider|patient\s+record\s+system|"
    r"contact\s+form"
)
_SYSTEM = lazy(
    rf"\b(?:vårt|vår|våre|det|den|et|en|vi\s+bruker|bruker\s+vi)\s+(?:\w+\s+)?(?:{_SYSTEM_NB})"
    rf"|\b(?:{_SYSTEM_NB_WORDS})(?:et|en|ene)?\b"
    rf"|\b(?:our|the|a|an)\s+(?:\w+\s+)?(?:{_SYSTEM_EN})\b",
    re.IGNORECASE,
)
_SYSTEM_WORDS = needles(
    "crm|system|løsning|leverandør|sentral|sentralbord|tjeneste|verktøy|register|portal|webhotell|provider|"
    "processor|exchange|switchboard|host|tool|kontaktskjema|form"
)


def _activity_index(pointer: str) -> int | None:
    parts = pointer.split("/")
    if len(parts) > 2 and parts[1] == "activities" and parts[2].isdigit():
        return int(parts[2])
    return None


def _stem(phrase: str) -> str:
    """The system word of a match, without determiner and definite ending: 'vår telefonsentral' and
    'telefonsentralen' are one system."""
    word = phrase.split()[-1].casefold()
    return re.sub(r"(?:et|en|ene|a)$", "", word)


def _names_someone(ctx: CheckContext, text: str) -> bool:
    """Whether the sentence itself names who runs the system (a vendor or an organisation)."""
    return bool(find_vendors(ctx.knowledge, text) or find_organisations(text))


@rule(
    code="IMP001",
    name="implied-processor",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "GDPR Art. 28"],
    fix=(
        "Declare who runs the system as a party (legal name, country, role: processor) and list it under the "
        "activity's recipients, or at least a category ('leverandør av kundesystem'); if you run it yourselves, "
        "say so."
    ),
    fails="""
    activities:
      - id: henvendelser
        purpose: {nb: Svare på henvendelser, en: Answering enquiries}
        legal_basis: 6(1)(f)
        legitimate_interest: {nb: Å svare kundene, en: To answer customers}
        retention: {period: P1Y}
        text:
          nb: Henvendelsene registreres i vårt CRM-system.
          en: Enquiries are stored in our CRM system.
    """,
    passes="""
    activities:
      - id: henvendelser
        purpose: {nb: Svare på henvendelser, en: Answering enquiries}
        legal_basis: 6(1)(f)
        legitimate_interest: {nb: Å svare kundene, en: To answer customers}
        retention: {period: P1Y}
        recipients: [timebok]
        text:
          nb: Henvendelsene registreres i vårt CRM-system.
          en: Enquiries are stored in our CRM system.
    """,
)
def implied_processor(ctx: CheckContext) -> Iterator[Hit]:
    """A system the wording says the data go into comes with the recipient who runs it.

    "Registreres i vårt ordresystem", "lagres i vårt CRM-system", "logges i vår telefonsentral",
    "styreportalen", "our third-party payment service provider", "our booking system", "kontaktskjemaet
    vårt", "our contact form" name a system that a supplier almost always runs (a contact form's messages
    pass through the site's host or an e-mail or form service): that supplier is a processor (Art. 28)
    and a recipient the reader must be told about (Art. 13(1)(e)). The rule reports such a sentence in an
    activity that declares no recipients at all, or, outside any activity, in a statement that declares no
    parties at all. It is not reported when the sentence names who runs it (a vendor from the table or an
    organisation), says the system is the controller's own ("egenutviklet", "self-hosted", "our own
    servers") or the clause is negated.
    Each system is reported once per activity.
    It is a warning: the controller may run the system itself, which the statement should then say.
    """
    statement = ctx.statement
    seen: set[tuple[int | None, str]] = set()
    for item, sentence in sentences_that_may_match(ctx, _SYSTEM_WORDS):
        text = sentence.text
        match = _SYSTEM.search(text)
        if match is None or _IN_HOUSE.search(text) or _names_someone(ctx, text):
            continue
        if _negated(text, match.start(), match.end()):
            continue
        index = _activity_index(item.pointer)
        system = _stem(match.group(0))
        if (index, system) in seen:
            continue
        seen.add((index, system))
        if index is not None:
            activity = statement.activities[index]
            if activity.recipients:
                continue
            where = f"activity '{activity.id}' declares no recipients"
        else:
            if statement.parties:
                continue
            where = "the statement declares no parties"
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split())}' in {place(statement, item.pointer)} is a system someone runs, "
            f"but {where}: if a supplier runs it, it is a processor and a recipient; declare it (or a category "
            "of supplier) under recipients, or say that you run it yourselves",
            offset=sentence.start,
            length=len(text),
        )


# --- processing mentioned but not declared ---------------------------------------------------------


@dataclass(frozen=True)
class _Service:
    """A kind of processing: how the wording mentions it and how an activity declares it."""

    name: str
    mention: LazyPattern
    declared: LazyPattern


def _i(pattern: str) -> LazyPattern:
    return lazy(pattern, re.IGNORECASE)


_SERVICES = (
    _Service(
        "orders",
        _i(
            r"\b(?:bestilles|bestiller|bestilte|kjøpes|kjøper\s+(?:hos|fra|av)\s+oss|handler\s+hos\s+oss|"
            r"you\s+(?:order|buy|purchase|place\s+an\s+order)|orders?\s+(?:placed|made)|"
            r"(?:are|is)\s+ordered|our\s+(?:online\s+)?shop|vår\s+nettbutikk|nettbutikken\s+vår)\b"
        ),
        _i(
            r"bestill|ordre|kjøp|handel|salg|levering|faktur|nettbutikk|order|purchas|sale|deliver|invoice|shop"
        ),
    ),
    _Service(
        "a newsletter",
        _i(r"\b(?:nyhetsbrev\w*|newsletters?)\b"),
        _i(r"nyhetsbrev|newsletter|utsendelse|mailing|markedsføring|marketing"),
    ),
    _Service(
        "a contact form",
        _i(r"\b(?:kontaktskjema\w*|contact\s+forms?)\b"),
        _i(r"skjema|form|henvendelse|kontakt|enquir|inquir|contact|spørsmål|question"),
    ),
    _Service(
        "server logs",
        _i(r"\b(?:serverlogg\w*|loggfil\w*|tilgangslogg\w*|server\s+logs?|log\s+files?|access\s+logs?)\b"),
        _i(r"logg|\blog|IP|drift|sikkerhet|security|hosting|server"),
    ),
    _Service(
        "appointment booking",
        _i(
            r"\b(?:bestille\s+time|bestiller\s+time|timebestilling\w*|booke\s+(?:en\s+)?time|"
            r"book\s+an\s+appointment|online\s+booking|booking\s+(?:form|system))\b"
        ),
        _i(r"\btime|book|bestill|avtale|appointment|reserv|konsultasjon|consultation|visit"),
    ),
    _Service(
        "payments",
        _i(
            r"\b(?:betale\s+(?:med|via|online|på\s+nett)|betaling\s+(?:med|via)\s+kort|card\s+payments?|"
            r"pay\s+(?:online|by\s+card|with\s+(?:a\s+)?card))\b"
        ),
        _i(r"betal|payment|faktur|invoice|ordre|order|bestill|kjøp|purchas|sale|salg|billett|ticket"),
    ),
    _Service(
        "web analytics",
        _i(
            r"\b(?:analyseverktøy\w*|besøksstatistikk\w*|nettstatistikk\w*|web\s+analytics|analytics\s+(?:tools?|services?))\b"
        ),
        _i(r"analyse|statisti|analytic|måling|measur|besøk|visit"),
    ),
    _Service(
        "IP addresses",
        _i(r"\b(?:IP-adress\w*|IP\s+address\w*)\b"),
        _i(r"\bIP|logg|\blog|drift|sikkerhet|security|hosting|server|analyse|statisti|analytic"),
    ),
    _Service(
        "health data",
        _i(
            r"\b(?:helseopplysning\w*|legeattest\w*|legeerklæring\w*|sykemelding\w*|health\s+(?:data|information)|"
            r"medical\s+(?:certificates?|information|records?))\b"
        ),
        _i(r"helse|lege|syk|health|medical|pasient|patient|journal"),
    ),
)
_SERVICE_WORDS = needles(
    "bestill|kjøp|handler|nettbutikk|order|buy|purchas|shop|nyhetsbrev|newsletter|kontaktskjema|contact|"
    "logg|log|helse|lege|sykemeld|health|medical|time|book|appointment|betal|pay|analy|statistikk|ip"
)


def _declares(ctx: CheckContext, activity: Activity, service: _Service) -> bool:
    language = ctx.language
    words = [activity.id]
    for text in [activity.purpose, *activity.data_categories]:
        if text is not None:
            words.extend(text.languages(language).values())
    if service.name == "health data" and activity.special_categories:
        return True
    return bool(service.declared.search(" ".join(words)))


@rule(
    code="UND001",
    name="processing-not-declared",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(c)", "GDPR Art. 13(1)(e)", "GDPR Art. 13(2)(a)", "GDPR Art. 12(1)"],
    fix=(
        "Add an activity for the processing the sentence speaks of (purpose, data, legal basis, recipients, "
        "storage period), or remove the sentence if there is no such service."
    ),
    fails="""
    sections:
      - id: nyheter
        topic: purposes
        heading: {nb: Nyheter, en: News}
        text:
          nb: Vi sender nyhetsbrev til kundene hver måned.
          en: We send our customers a newsletter every month.
    """,
    passes="""
    sections:
      - id: nyheter
        topic: purposes
        heading: {nb: Nyheter, en: News}
        text:
          nb: Nyheter legger vi ut på nettsiden, vi har ikke nyhetsbrev.
          en: We publish news on the website and send no newsletter.
    """,
)
def processing_not_declared(ctx: CheckContext) -> Iterator[Hit]:
    """Processing the wording mentions outside the activities is described by an activity.

    A sentence outside the activities (the introduction, the controller, the rights, a free section)
    that speaks of orders ("produkter som bestilles via nettsidene våre", "when you place an order"), a
    newsletter, a contact form, appointment booking, payments, web analytics, server logs, IP addresses
    or health data (a "legeattest", "medical certificates")
    mentions processing with a purpose, data, basis, recipients and a storage period of its own (Art.
    13(1)(c)-(e), 13(2)(a)); when no activity declares it (by its id, purpose or data categories, or for
    health data by its special categories), the reader is told of processing that is never described,
    or of a service the statement does not have. Each kind of processing is reported once, at its first
    mention. Negated clauses ("we have no newsletter") and sections that explain terms ("Hva er en
    informasjonskapsel") are not read. It is a warning: the sentence may
    be a leftover from a template, which the statement should then lose.
    """
    statement = ctx.statement
    pending = list(_SERVICES)
    for item, sentence in sentences_that_may_match(ctx, _SERVICE_WORDS):
        if not pending:
            return
        if item.pointer.startswith("/activities/") or _explains_terms(ctx, item.pointer):
            continue
        for service in list(pending):
            match = service.mention.search(sentence.text)
            if match is None or _negated(sentence.text, match.start(), match.end()):
                continue
            pending.remove(service)
            if any(_declares(ctx, activity, service) for activity in statement.activities):
                continue
            yield Hit(
                item.pointer,
                f"'{' '.join(match.group(0).split())}' in {place(statement, item.pointer)} speaks of "
                f"{service.name}, but no activity describes it; add an activity with its purpose, data, legal "
                "basis, recipients and storage period, or remove the sentence if there is no such service",
                offset=sentence.start,
                length=len(sentence.text),
            )
