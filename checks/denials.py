"""Denials against facts: "we collect no personal data", "anonymous", "nothing that can identify you".

A statement that says it collects no personal data, that what it collects is anonymous, or that it
never stores anything that can identify the reader, while it declares IP addresses, e-mail addresses,
device identifiers or cookies, misleads the reader about the very thing the notice is for (GDPR Art.
5(1)(a), 12(1); an IP address or a cookie identifier is personal data, CJEU C-582/14 Breyer, Recital
30). These rules read fixed Norwegian and English phrasings and compare them with the structured facts
of the activity the sentence belongs to (or of the whole statement, for a sentence outside an
activity). The sharing and cookie denials are covered by CON001 and CON002.
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
    either,
    lazy,
    needles,
    party_vendor,
    place,
    rule,
    sentences_that_may_match,
)


def _patterns(*patterns: str) -> list[LazyPattern]:
    return [lazy(p, re.IGNORECASE) for p in patterns]


# After "personopplysninger"/"personal data": the end of the clause, or a generic "fra deg"/"from you".
_CLAUSE_END = (
    r"(?=\s*(?:[.,;:!)]|$)|\s+(?:fra|om)\s+deg\b|\s+(?:from|about)\s+you\b"
    r"|\s+(?:gjennom|via|på|i|on|through|in)\s+(?:denne|dette|nettsiden|nettstedet|appen|this|our|the)\b)"
)
_PERSONAL_NB = r"(?:noen\s+)?(?:person)?opplysninger"
_PERSONAL_EN = r"(?:any\s+)?personal\s+(?:data|information)"
_NOTHING_COLLECTED = _patterns(
    rf"\b(?:samler|henter|lagrer|behandler|registrerer)\s+(?:vi\s+)?(?:ikke|aldri)\s+(?:inn\s+)?{_PERSONAL_NB}{_CLAUSE_END}",
    rf"\b(?:samler|henter|lagrer|behandler|registrerer)\s+(?:vi\s+)?(?:inn\s+)?ingen\s+(?:person)?opplysninger{_CLAUSE_END}",
    r"\bingen\s+personopplysninger\s+(?:samles|lagres|behandles|registreres|blir\s+(?:samlet|lagret|behandlet))\b",
    r"\binneholder\s+(?:ikke|ingen)\s+(?:noen\s+)?personopplysninger\b",
    rf"\b(?:do|does|will)\s*(?:not|n['’]t)\s+(?:collect|store|process|gather|record|keep)\s+{_PERSONAL_EN}{_CLAUSE_END}",
    r"\bno\s+personal\s+(?:data|information)\s+(?:is|are|will\s+be)\s+(?:collected|stored|processed|recorded)\b",
    r"\b(?:does|do)\s*(?:not|n['’]t)\s+contain\s+(?:any\s+)?personal\s+(?:data|information)\b",
    r"\bcontains?\s+no\s+personal\s+(?:data|information)\b",
)
_COLLECT_NB = (
    r"(?:samler|samles|registrerer|registreres|lagrer|lagres|sender|sendes|"
    r"overfører|overføres|innhentes|henter)"
)
_COLLECT_EN = (
    r"(?:collects?|collected|transmit(?:s|ted)?|transferr?(?:s|ed)?|sent|sends?|stored?|stores|records?|recorded|"
    r"gathers?|gathered)"
)
# What is collected or sent is itself called anonymous ("Cookiene samler kun informasjon som er anonym",
# "anonymous information is transferred"); "we analyse anonymised data" is a use of data made anonymous
# and is not read.
_ANONYMOUS = _patterns(
    rf"\b{_COLLECT_NB}\b(?:\s+[\w-]+){{0,6}}?\s+(?:som\s+er\s+|i\s+|på\s+en\s+)?(?:helt\s+)?anonym(?:e|t|isert|iserte)?\b",
    rf"\banonym(?:e|t|isert|iserte)?\s+(?:opplysninger|data|informasjon)\s+{_COLLECT_NB}\b",
    r"\b(?:ikke\s+kan|kan\s+ikke)\s+(?:spores|knyttes)\s+(?:tilbake\s+)?til\s+(?:deg|en\s+enkelt|enkelt)",
    rf"\b{_COLLECT_EN}\b(?:\s+[\w-]+){{0,6}}?\s+(?:completely\s+|fully\s+)?anonym(?:ous|ously|ised|ized)\b",
    rf"\banonym(?:ous|ised|ized)\s+(?:information|data)\s+(?:is|are|will\s+be)\s+{_COLLECT_EN}\b",
    r"\bcannot\s+be\s+(?:traced|linked)\s+(?:back\s+)?to\s+(?:you|an\s+individual|a\s+single|any\s+individual)",
)
_NEVER_IDENTIFY = _patterns(
    r"\b(?:lagrer|samler|registrerer|behandler)\s+(?:vi\s+)?(?:aldri|ikke)\s+(?:inn\s+)?(?:noen\s+)?"
    r"(?:informasjon|opplysninger|data)\s+som\s+(?:kan\s+)?identifiserer?\s+deg",
    r"\b(?:never|do\s+not|don['’]t|will\s+not)\s+(?:store|collect|keep|record)\s+(?:any\s+)?(?:information|data)\s+"
    r"(?:that|which)\s+(?:can\s+|could\s+|would\s+)?identif(?:y|ies)\s+you",
)
_SEND_NOTHING = _patterns(
    r"\b(?:sender|overfører|deler)\s+(?:vi\s+)?(?:ingen|ikke|aldri)\s+(?:noen\s+)?personopplysninger\s+(?:videre\s+)?til\b",
    r"\b(?:do\s+not|don['’]t|never|will\s+not)\s+(?:send|transfer|pass)\s+(?:any\s+)?personal\s+(?:data|information)\s+"
    r"(?:on\s+)?to\b",
)
_DENIAL_WORDS = either(
    needles("ikke|aldri|ingen|not|n't|n’t|never|no", "opplysninger|personal"),
    needles("anonym"),
    needles("spores|knyttes|traced|linked", "ikke|cannot"),
    needles("identif", "aldri|ikke|never|not|n't|n’t"),
)
# "… med mindre du", "unless you", "except": a limited denial.
_EXCEPTION = lazy(
    r"\b(?:unntatt|med\s+unntak\s+av|bortsett\s+fra|andre\s+enn|annet\s+enn|utover|med\s+mindre|except|unless|"
    r"other\s+than|apart\s+from|beyond|besides)\b",
    re.IGNORECASE,
)
_READER_SUBJECT = lazy(r"\b(?:du|dere|you)\s+(?:\w+\s+)?$", re.IGNORECASE)
# An identifier among the declared data categories.
_IDENTIFIER = lazy(
    r"\bIP\b|IP-adress\w*|e-?post\w*|e-?mail|\bnavn\b|\bname\b|telefon\w*|\bphone\b|mobil\w*|\bUUID\b|"
    r"\bID\b|identifikator\w*|identifier\w*|fødselsdato|date\s+of\s+birth|brukernavn|user\s*name|"
    r"device\s+id\w*|enhets-?id\w*|advertising\s+id\w*|annonse-?id\w*|cookie-?id\w*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Denial:
    kind: str
    match: re.Match[str]


def _denial(text: str) -> _Denial | None:
    for kind, patterns in (
        ("nothing", _NOTHING_COLLECTED),
        ("identify", _NEVER_IDENTIFY),
        ("send", _SEND_NOTHING),
        ("anonymous", _ANONYMOUS),
    ):
        for pattern in patterns:
            match = pattern.search(text)
            if match is not None and not _READER_SUBJECT.search(
                text[max(0, match.start() - 30) : match.start()]
            ):
                return _Denial(kind, match)
    return None


# "Aggregated statistics contain no personal data": a claim about data made from personal data.
_AGGREGATE = lazy(r"aggreg\w*|statisti\w*|sammenstilt\w*|summert\w*|\btotals?\b", re.IGNORECASE)


def _scope(ctx: CheckContext, pointer: str) -> list[Activity]:
    """The activities a sentence speaks about: its own, those that use the party it describes, or all."""
    statement = ctx.statement
    parts = pointer.split("/")
    if len(parts) > 2 and parts[2].isdigit():
        index = int(parts[2])
        if parts[1] == "activities":
            return statement.activities[index : index + 1]
        if parts[1] == "parties" and index < len(statement.parties):
            party = statement.parties[index].id
            return [a for a in statement.activities if party in a.recipients]
        return []
    return list(statement.activities)


def _identifiers(activity: Activity, language: str) -> list[str]:
    found: list[str] = []
    for category in activity.data_categories:
        text = category.languages(language).get(language) or next(
            iter(category.languages(language).values()), ""
        )
        if _IDENTIFIER.search(text):
            found.append(text)
    return found


def _party_of(pointer: str, ctx: CheckContext) -> str | None:
    parts = pointer.split("/")
    if (
        len(parts) > 2
        and parts[1] == "parties"
        and parts[2].isdigit()
        and int(parts[2]) < len(ctx.statement.parties)
    ):
        return ctx.statement.parties[int(parts[2])].id
    return None


def _evidence(
    ctx: CheckContext, activities: list[Activity], kind: str, party: str | None = None
) -> list[str]:
    """What contradicts the denial; for a sentence about one party, only what concerns that party."""
    statement = ctx.statement
    found: list[str] = []
    if party is not None:
        if kind == "send":
            return []
        vendor = party_vendor(ctx.knowledge, p) if (p := statement.party(party)) is not None else None
        if vendor is not None and vendor.sets_cookie:
            found.append(f"{vendor.service} identifies the device with cookies (the vendor table)")
        return found
    for activity in activities:
        if kind == "send":
            names = [p.legal_name for r in activity.recipients if (p := statement.party(r)) is not None]
            if names:
                found.append(f"activity '{activity.id}' sends data to {', '.join(names)}")
            continue
        identifiers = _identifiers(activity, ctx.language)
        if identifiers:
            shown = ", ".join(f"'{c}'" for c in identifiers[:3])
            found.append(f"activity '{activity.id}' collects {shown}")
        elif tracked := [
            v.service
            for r in activity.recipients
            if (p := statement.party(r)) is not None
            and (v := party_vendor(ctx.knowledge, p)) is not None
            and v.sets_cookie
        ]:
            found.append(
                f"activity '{activity.id}' sends data to {', '.join(tracked)}, which identifies the device with "
                "cookies (the vendor table), and a cookie identifier is personal data"
            )
        elif activity.cookies:
            found.append(
                f"activity '{activity.id}' sets {len(activity.cookies)} cookie(s), whose identifiers are personal data"
            )
    return found


_CLAIMS = {
    "nothing": "that no personal data are collected",
    "identify": "that nothing that can identify the reader is stored",
    "send": "that no personal data are sent to these services",
    "anonymous": "that the data are anonymous",
}


@rule(
    code="DEN001",
    name="denial-contradicted",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)", "GDPR Art. 4(1)", "GDPR Recital 30"],
    fix=(
        "Remove the denial and say what is collected (an IP address, a device or cookie identifier is "
        "personal data) and what happens to it; call data anonymous only when nobody can link them to a person."
    ),
    fails="""
    activities:
      - id: statistikk
        purpose: {nb: Statistikk over bruken av nettstedet, en: Statistics on the use of the website}
        legal_basis: 6(1)(f)
        legitimate_interest: {nb: Å forbedre nettstedet, en: To improve the website}
        data_categories: [IP-adresse, sidevisninger]
        retention: {period: P1M}
        text:
          nb: Vi samler ikke inn personopplysninger.
          en: We do not collect personal data.
    """,
    passes="""
    activities:
      - id: statistikk
        purpose: {nb: Statistikk over bruken av nettstedet, en: Statistics on the use of the website}
        legal_basis: 6(1)(f)
        legitimate_interest: {nb: Å forbedre nettstedet, en: To improve the website}
        data_categories: [IP-adresse, sidevisninger]
        retention: {period: P1M}
        text:
          nb: Vi registrerer IP-adressen din og hvilke sider du besøker, og sletter dem etter en måned.
          en: We record your IP address and the pages you visit, and delete them after a month.
    """,
)
def denial_contradicted(ctx: CheckContext) -> Iterator[Hit]:
    """The wording does not deny collecting personal data that the statement declares.

    "Vi samler ikke inn personopplysninger", "we do not collect personal data", "this information does
    not contain any personal data", "dataene er anonyme", "kan ikke spores tilbake til deg", "we never
    store information that can identify you" or "vi sender ingen personopplysninger til disse
    tjenestene" is contradicted when the activity the sentence belongs to (for a sentence outside any
    activity: any activity) declares an identifier among its data categories (IP address, e-mail, name,
    phone, UUID, device or cookie ID, date of birth, user name), sets cookies, or sends data to a vendor
    that the vendor table says identifies the device with cookies (Google Analytics, Meta Pixel, …); the
    denial of sending is
    contradicted by the activity's recipients. An IP address or a cookie identifier is personal data
    (Art. 4(1), Recital 30, CJEU C-582/14 Breyer), so the reader is misled about the notice's very
    subject (Art. 5(1)(a), 12(1)). A limited denial ("… personopplysninger som fødselsnummer", "… about
    children", "unless you …") is not read here; a sentence that mentions the IP address itself (which
    is often truncated, "IP-adressen anonymiseres") is not read as an anonymity claim. It is a warning:
    whether data are truly anonymised cannot always be told from the statement.
    """
    statement = ctx.statement
    for item, sentence in sentences_that_may_match(ctx, _DENIAL_WORDS):
        text = sentence.text
        denial = _denial(text)
        if denial is None or _EXCEPTION.search(text):
            continue
        if denial.kind == "anonymous" and re.search(r"\bIP\b|IP-", text):
            continue
        if denial.kind != "send" and _AGGREGATE.search(text):
            continue
        scope = _scope(ctx, item.pointer)
        evidence = _evidence(ctx, scope, denial.kind, _party_of(item.pointer, ctx))
        if not evidence:
            continue
        shown = "; ".join(evidence[:3]) + (f"; and {len(evidence) - 3} more" if len(evidence) > 3 else "")
        yield Hit(
            item.pointer,
            f"'{' '.join(denial.match.group(0).split())}' in {place(statement, item.pointer)} claims "
            f"{_CLAIMS[denial.kind]}, but {shown}; say what is collected and what happens to it instead",
            offset=sentence.start,
            length=len(text),
        )


# --- limited denials that cannot be verified -----------------------------------------------------

_SPECIFIC = (
    r"(?:fødsels(?:dato|nummer)\w*|personnummer\w*|d-nummer|betalingskort\w*|kredittkort\w*|kortnummer\w*|"
    r"kontonummer\w*|bankkort\w*|helseopplysninger|national\s+(?:identity|insurance)\s+numbers?|"
    r"social\s+security\s+numbers?|credit\s+cards?|payment\s+cards?|card\s+(?:details|numbers?)|"
    r"bank\s+account\s+numbers?|health\s+(?:data|information))"
)
_LIMITED_DENIAL = _patterns(
    r"\b(?:samler|henter|lagrer|behandler|registrerer|ber)\s+(?:vi\s+)?(?:ikke|aldri)\s+(?:inn\s+|om\s+)?"
    rf"(?:(?:person)?opplysninger\s+(?:som|om)\s+(?:[\w-]+\s+){{0,3}}?)?{_SPECIFIC}",
    r"\b(?:do\s+not|don['’]t|never|will\s+not)\s+(?:collect|store|process|ask\s+for|record)\s+(?:any\s+)?"
    rf"(?:personal\s+(?:data|information)\s+(?:such\s+as|like)\s+(?:[\w-]+\s+){{0,3}}?)?(?:your\s+)?{_SPECIFIC}",
)
_LIMITED_WORDS = needles(
    "ikke|aldri|not|n't|n’t|never",
    "fødsel|personnummer|d-nummer|kort|kontonummer|helse|identity|insurance|security|card|account|health",
)
# Where the reader writes freely: forms, e-mail, chat, phone.
_FREE_TEXT = lazy(
    r"skjema\w*|e-?post\w*|melding\w*|chat\w*|henvendelse\w*|\bforms?\b|e-?mails?|messages?|enquir\w*|inquir\w*",
    re.IGNORECASE,
)


def _free_text_channels(ctx: CheckContext) -> list[str]:
    found: list[str] = []
    for activity in ctx.statement.activities:
        words = " ".join(
            [activity.id, *activity.purpose.languages(ctx.language).values()]
            if activity.purpose
            else [activity.id]
        )
        if _FREE_TEXT.search(words):
            found.append(activity.id)
    return found


@rule(
    code="DEN002",
    name="unverifiable-denial",
    basis="practice",
    certainty="inferred",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"],
    fix=(
        "Say what you do if such data arrive anyway (e.g. 'Sender du oss fødselsnummer i et skjema, sletter vi "
        "det straks'), or write what you do collect instead of what you do not."
    ),
    fails="""
    statement:
      text:
        nb: Vi samler ikke inn personopplysninger som fødselsnummer eller betalingskort.
        en: We do not collect personal data such as national identity numbers or payment cards.
    """,
    passes="""
    statement:
      text:
        nb: Vi ber ikke om fødselsnummer; sender du oss det i et skjema, sletter vi det straks.
        en: We never ask for national identity numbers; if you send one in a form, we delete it at once.
    """,
)
def unverifiable_denial(ctx: CheckContext) -> Iterator[Hit]:
    """An absolute denial of specific data comes with what happens when such data arrive anyway.

    "Vi samler ikke inn fødselsnummer eller betalingskort", "we do not collect credit card numbers" or
    "… helseopplysninger" is a promise the statement cannot keep on its own when it also receives free
    text (a contact form, e-mail, messages or chat: an activity whose id or purpose names one), where people
    write such data unasked. The reader is told something that cannot be verified (Art. 5(1)(a), 12(1)).
    The sentence is not reported when it already says what happens to such data ("… sletter vi det",
    "we delete it") or makes an exception. It is information: the denial may well be true of what the
    controller asks for.
    """
    channels: list[str] | None = None
    for item, sentence in sentences_that_may_match(ctx, _LIMITED_WORDS):
        text = sentence.text
        match = next((m for p in _LIMITED_DENIAL if (m := p.search(text))), None)
        if match is None or _EXCEPTION.search(text):
            continue
        if re.search(r"\b(?:slett\w*|delete\w*|erase\w*|destroy\w*|makuler\w*)\b", text, re.IGNORECASE):
            continue
        if channels is None:
            channels = _free_text_channels(ctx)
        if not channels:
            return
        ids = ", ".join(f"'{c}'" for c in channels[:3])
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split())}' in {place(ctx.statement, item.pointer)} is an absolute denial "
            f"that the statement cannot verify: the activities {ids} receive free text (forms, e-mail, messages) "
            "where people may write such data; say what you do when they arrive (e.g. delete them at once)",
            offset=sentence.start,
            length=len(text),
        )
