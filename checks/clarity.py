"""Clear and plain language (GDPR Art. 12(1)): vague words, empty sections, date and version, every
language complete, and text written for staff instead of the reader.

Art. 12(1) asks for information that is concise, transparent, intelligible and easily accessible, in
clear and plain language. The EDPB transparency guidelines (WP260 rev.01) name qualifiers to avoid
("may", "might", "some", "often", "possible"); the Norwegian list used here (kan, kanskje, eventuelt,
enkelte, noen, ofte, normalt, vanligvis, blant annet, osv., m.m., f.eks., mulig, og/eller, relevante …)
is the catalog's equivalent, not an official one. A statement published in several languages must say
the same in each: a reader of the English version is owed the same information as a reader of the
Norwegian one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from noticelint.api import (
    CheckContext,
    Hit,
    PrivacyStatement,
    Section,
    Sentence,
    Text,
    Topic,
    Wording,
    either,
    has_text,
    item_sentences_that_may_match,
    needles,
    place,
    rule,
    sentences_that_may_match,
)

_NORWEGIAN = {"nb", "nn", "no"}


def _phrase(text: str) -> str:
    """A whole-word, case-insensitive pattern for a word, phrase or abbreviation."""
    parts = [re.escape(part) for part in text.split()]
    body = r"\s+".join(parts)
    body = body.replace(r"\.", r"\.\s?").removesuffix(r"\s?")
    if text.endswith("."):
        body = body.removesuffix(r"\.") + r"\.?"
    return rf"(?<![\w/]){body}(?![\w/])"


_VAGUE_NB = (
    "kan",
    "kanskje",
    "eventuelt",
    "evt.",
    "enkelte",
    "noen",
    "ofte",
    "normalt",
    "vanligvis",
    "blant annet",
    "bl.a.",
    "osv.",
    "m.m.",
    "f.eks.",
    "eksempler på",
    "mulig",
    "og/eller",
    "relevante",
)
_VAGUE_EN = (
    "may",
    "might",
    "could",
    "some",
    "often",
    "possible",
    "possibly",
    "generally",
    "typically",
    "certain",
    "as needed",
    "depending on",
    "such as",
    "etc.",
)
_VAGUE = {
    "nb": re.compile("|".join(_phrase(w) for w in sorted(_VAGUE_NB, key=len, reverse=True)), re.IGNORECASE),
    "en": re.compile("|".join(_phrase(w) for w in sorted(_VAGUE_EN, key=len, reverse=True)), re.IGNORECASE),
}
# "du kan klage", "kan du trekke samtykket tilbake", "you may complain": the reader's right, not vagueness.
_READER_BEFORE = re.compile(
    r"(?:\b(?:du|dere|you)\s+(?:også\s+|also\s+|alltid\s+|always\s+)?)$", re.IGNORECASE
)
_READER_AFTER = re.compile(r"^\s+(?:du|dere|you)\b", re.IGNORECASE)
# "kan ikke" / "kan vi ikke": a categorical "cannot", not a vague "may".
_CANNOT_AFTER = re.compile(r"^\s+(?:\w+\s+)?ikke\b", re.IGNORECASE)
# "May" the month: "1 May 2025", "May 2025".
_MONTH = re.compile(r"^\s+\d|\d\s+$")


# The words each pattern of _VAGUE needs (a listed word, or the part of it every match contains).
_VAGUE_NEEDLES = {
    "nb": needles(
        "kan|eventuelt|evt|enkelte|noen|ofte|normalt|vanligvis|blant|bl.|osv|m.|eks|mulig|og/eller|relevante"
    ),
    "en": needles("may|might|could|some|often|possib|generally|typically|certain|needed|depending|such|etc"),
}


def _family(language: str) -> str:
    return "nb" if language.split("-")[0] in _NORWEGIAN else language.split("-")[0]


def _sentences_with_vague_candidates(ctx: CheckContext) -> Iterator[tuple[Wording, Sentence]]:
    """The sentences :func:`_vague_words` may find words in, with their texts."""
    for item in ctx.wording:
        words = _VAGUE_NEEDLES.get(_family(item.language))
        if words is not None:
            for sentence in item_sentences_that_may_match(item, words):
                yield item, sentence


# A negation shortly before the word, in the same clause: "lagres ikke i noen database", "ikke kan spores",
# "will not under any circumstances": the word is part of a categorical denial, not a hedge.
_NEGATION_BEFORE = re.compile(
    r"\b(?:ikke|aldri|ingen|uten|not|never|no|without|cannot|n['’]t)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
# "may not be able to", "could not be possible": a categorical "cannot" ("might not be exhaustive" stays).
_NEGATION_AFTER = re.compile(r"^\s+(?:not|never)\s+be\s+(?:able|possible)\b", re.IGNORECASE)
# "slik at det kan brukes", "so that we can", "informasjon som kan identifisere deg", "photos which could
# cause harm": ability or consequence, not a hedge about what is done.
_ABILITY_BEFORE = re.compile(
    r"(?:\b(?:slik\s+at|for\s+at|så\s+at|so\s+that|in\s+order\s+that)\s+(?:[\w-]+\s+){0,3}"
    r"|\b(?:som|that|which|who)\s+)$",
    re.IGNORECASE,
)
_ABILITY_WORDS = {"kan", "could"}
_MODAL_WORDS = {"kan", "may", "might", "could"}
# A sentence about one of the reader's rights: the law itself qualifies them ("in certain
# circumstances", "i noen tilfeller", "virksomheten kan nekte innsyn"), so these qualifiers are the law's.
_ABOUT_RIGHTS = re.compile(
    r"\b(?:rett(?:en)?\s+til|dine\s+rettigheter|innsyn\w*|retting|sletting|begrens\w*|protestere|"
    r"innsigelse|dataportabilitet|right(?:s)?\s+to|the\s+right|request\s+access|rectification|erasure|"
    r"restrict\w*|object\s+to|portability|rett\s+på|slett\w*|gebyr|virksomhet(?:en|er|ene)?|delet\w*|"
    r"(?:a|reasonable)\s+fee|organisations?|controllers?)\b",
    re.IGNORECASE,
)
_RIGHTS_QUALIFIERS = {"kan", "may", "certain", "some", "noen", "enkelte", "mulig", "possible"}
# Examples that follow a concrete list of names: "such as Flickr, Archive.org or YouTube".
_EXAMPLE_WORDS = {"such as", "f.eks."}
_LIST_ITEM = re.compile(r"^(?:[A-ZÆØÅ0-9][\w.&’'-]*)(?:\s+[A-ZÆØÅ0-9][\w.&’'-]*){0,2}$")
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:og|eller|and|or)\s+")
# Sentences that are not about processing: the statement's own changes, links to other sites and
# definitions of terms.
_NOT_PROCESSING = re.compile(
    r"(?:\b(?:personvernerklæring\w*|erklæringen|personvernpolicy\w*|privacy\s+(?:policy|notice|statement)|"
    r"this\s+(?:policy|notice|statement))\b.*\b(?:endre\w*|oppdater\w*|updat\w*|chang\w*|revis\w*|amend\w*)\b"
    r"|\b(?:endre\w*|oppdater\w*|updat\w*|chang\w*|revis\w*|amend\w*)\b.*\b(?:personvernerklæring\w*|"
    r"erklæringen|personvernpolicy\w*|privacy\s+(?:policy|notice|statement)|this\s+(?:policy|notice|statement))\b"
    r"|\b(?:lenker|linker|links?)\s+(?:til|to)\s+(?:andre|eksterne|other|external|third)"
    r"|^[\w-]+(?:\s+[\w-]+)?\s+(?:er|betyr|means|refers\s+to|is\s+defined\s+as)\s+(?:enhver|all|any)\b"
    r"|[\"“”«»'‘’][\w -]+[\"“”«»'‘’]\s+(?:betyr|means|refers\s+to|is\s+defined\s+as)\s+(?:enhver|all|any)\b)",
    re.IGNORECASE,
)
# Section headings of text that explains terms rather than the processing.
_EXPLAINING_HEADING = re.compile(
    r"^\s*(?:definisjon\w*|definition\w*|begreper|hva\s+er|what\s+(?:is|are)|lenker|links)\b", re.IGNORECASE
)


# "kan leses her", "samtykket kan når som helst trekkes tilbake", "may be withdrawn at any time", "kan
# registrere seg", "could opt out": what the reader (or another person) can do or find, not a hedge about
# what the controller does.
_READER_ACTION_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:(?:leses|ses|finnes|trekkes\s+tilbake|lastes\s+ned|"
    r"be\s+(?:read|found|seen|withdrawn|downloaded|revoked))\b|[\w-]+\s+seg\b|"
    r"(?:opt\s+out|unsubscribe|withdraw|melde\s+(?:seg|deg)\s+av|reservere\s+(?:seg|deg))\b)",
    re.IGNORECASE,
)
# "kan i fremtiden", "may in the future": an announced possible change, not today's processing.
_FUTURE_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?(?:i\s+fremtiden|in\s+(?:the\s+)?future)\b", re.IGNORECASE)
# "et eventuelt kundeoppdrag", "registreringsnummer, eventuelt skadenummer, bilmerke": "if there is one"
# before a noun, not a hedge: after a determiner, or one word standing as an item of a list (after a comma
# or at the start, and followed by the next item or the end).
_IF_ANY_BEFORE = re.compile(r"(?:,\s*|^\s*)$")
_IF_ANY_AFTER = re.compile(r"^\s+[\w-]+(?:\s*(?:[,.;:)]|$)|\s+(?:og|eller)\b)")
_IF_ANY_AFTER_DETERMINER = re.compile(r"^\s+[\w-]+")
# "relevante annonser", "relevant ads": what targeting is, named plainly.
_RELEVANT_ADS_AFTER = re.compile(r"^\s+(?:annonse\w*|reklame\w*|ads?\b|advert\w*)", re.IGNORECASE)
# "in case of a possible data breach", "will do everything possible": an event or an intent, not a hedge
# about the processing.
_POSSIBLE_EVENT = re.compile(
    r"^\s+(?:(?:personal\s+)?data\s+)?(?:breach\w*|incident\w*|brudd\w*|avvik\w*|sikkerhetsbrudd\w*)",
    re.IGNORECASE,
)
_EVERYTHING_BEFORE = re.compile(r"\b(?:everything|all\s+that\s+is|alt\s+(?:som\s+er\s+)?)\s*$", re.IGNORECASE)


def _concrete_examples(after: str) -> bool:
    """Whether the text after "such as"/"f.eks." is a closed list of names up to the end of the clause."""
    clause = re.split(r"[.;:()]\s|[;:()]|\.$", after.strip(), maxsplit=1)[0].strip()
    items = [i for i in _LIST_SEPARATOR.split(clause) if i]
    return len(items) >= 2 and all(_LIST_ITEM.match(i) for i in items)


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 60) : start]
    return re.split(r"[,;:]", before)[-1]


def _vague_words(language: str, text: str, *, rights_text: bool = False, following: str = "") -> list[str]:
    """The listed words in ``text`` that hedge; ``following`` is the wording after the sentence."""
    family = _family(language)
    pattern = _VAGUE.get(family)
    if pattern is None:
        return []
    if _NOT_PROCESSING.search(text):
        return []
    about_rights = rights_text and bool(_ABOUT_RIGHTS.search(text))
    found: list[str] = []
    for match in pattern.finditer(text):
        word = " ".join(match.group(0).split())
        before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 40]
        clause = _clause_before(text, match.start())
        lower = word.casefold()
        if lower in {"kan", "may"} and (_READER_BEFORE.search(before) or _READER_AFTER.match(after)):
            continue
        if lower == "kan" and _CANNOT_AFTER.match(after):
            continue
        if lower == "may" and word[0] == "M" and (_MONTH.match(after) or _MONTH.search(before)):
            continue
        if _NEGATION_BEFORE.search(clause) or (lower in _MODAL_WORDS and _NEGATION_AFTER.match(after)):
            continue
        if lower in _ABILITY_WORDS and _ABILITY_BEFORE.search(clause):
            continue
        if lower in _MODAL_WORDS and (_READER_ACTION_AFTER.match(after) or _FUTURE_AFTER.match(after)):
            continue
        if lower in {"eventuelt", "evt."} and _if_any(before, after):
            continue
        if lower == "relevante" and _RELEVANT_ADS_AFTER.match(after):
            continue
        if lower in {"possible", "mulig"} and (
            _POSSIBLE_EVENT.match(after) or _EVERYTHING_BEFORE.search(before)
        ):
            continue
        if about_rights and lower in _RIGHTS_QUALIFIERS:
            continue
        if lower in _EXAMPLE_WORDS and _concrete_examples((text[match.end() :] + " " + following).strip()):
            continue
        if lower not in {f.casefold() for f in found}:
            found.append(word)
    return found


def _if_any(before: str, after: str) -> bool:
    """Whether "eventuelt" means "if there is one" before a noun (see _IF_ANY_BEFORE)."""
    if re.search(r"\b(?:et|en|ei|ditt|din|dine|sitt|sin|deres|vårt|vår)\s+$", before, re.IGNORECASE):
        return bool(_IF_ANY_AFTER_DETERMINER.match(after))
    return bool(_IF_ANY_BEFORE.search(before) and _IF_ANY_AFTER.match(after))


def _section(ctx: CheckContext, item: Wording) -> Section | None:
    parts = item.pointer.split("/")
    if len(parts) < 3 or parts[1] != "sections" or not parts[2].isdigit():
        return None
    sections = ctx.statement.sections
    index = int(parts[2])
    return sections[index] if index < len(sections) else None


def _in_rights(ctx: CheckContext, item: Wording) -> bool:
    """Whether the wording is the rights information (the rights item or a section about rights)."""
    if item.pointer.startswith("/rights"):
        return True
    section = _section(ctx, item)
    return section is not None and section.topic is Topic.RIGHTS


def _explains_terms(ctx: CheckContext, item: Wording) -> bool:
    """Whether the wording sits in a section about the statement's changes or one that explains terms."""
    section = _section(ctx, item)
    if section is None:
        return False
    if section.topic is Topic.CHANGES:
        return True
    heading = section.heading.languages(ctx.language).get(item.language) if section.heading else None
    return bool(heading and _EXPLAINING_HEADING.search(heading))


@rule(
    code="TXT001",
    name="vague-wording",
    basis="guidance",
    certainty="inferred",
    severity="info",
    legal=["GDPR Art. 12(1)", "WP260 rev.01"],
    fix=(
        "Say exactly what the word leaves open: for 'kan'/'may' whether and when it happens, for 'enkelte'/"
        "'some' which ones, for 'blant annet'/'such as'/'osv.' the whole list, for 'normalt'/'often' the "
        "cases where it is not done, and for 'så lenge det er nødvendig'/'as long as necessary' (or any "
        "hedge in the retention wording) the period or the criterion that ends it."
    ),
    fails="""
    statement:
      text:
        nb: Vi kan bruke enkelte opplysninger til blant annet statistikk.
        en: We may use some data for statistics, etc.
    """,
    passes="""
    statement:
      text:
        nb: Vi bruker e-postadressen din bare til å sende deg bekreftelse på timen. Du kan klage til Datatilsynet.
        en: We use your e-mail address only to confirm your appointment. You may complain to Datatilsynet.
    """,
)
def vague_wording(ctx: CheckContext) -> Iterator[Hit]:
    """The wording avoids vague qualifiers.

    Art. 12(1) asks for clear and plain language, and the EDPB transparency guidance (WP260 rev.01) names
    qualifiers such as "may", "might", "some", "often" and "possible" as examples of what leaves the
    reader unable to tell what happens to their data. The rule reports each sentence that contains a
    word from the Norwegian list (kan, kanskje, eventuelt/evt., enkelte, noen, ofte, normalt, vanligvis,
    blant annet/bl.a., osv., m.m., f.eks./eksempler på, mulig, og/eller, relevante) or the English one
    (may, might, could, some, often, possible, possibly, generally, typically, certain, as needed,
    depending on, such as, etc.), matched as whole words without regard to case, Norwegian words in
    Norwegian text (nb, nn, no) and English words in English text. "kan"/"may" addressed to the reader
    ("du kan klage", "kan du trekke samtykket tilbake", "you may complain") state a right and are not
    reported; "kan ikke" ("cannot") is categorical and not reported either; "May" before or after a
    number is the month. Nor are: a word shortly after a negation in the same clause ("lagres ikke i noen
    database", "ikke kan spores", "we may not be able to"); "kan"/"could" as ability or consequence ("slik
    at det kan brukes", "opplysninger som kan identifisere deg"); qualifiers in the rights information
    that the law itself puts on a right ("i noen tilfeller", "in certain circumstances", "virksomheten kan
    be om et rimelig gebyr"); what the reader or another person can do or find ("kan leses her",
    "samtykket kan når som helst trekkes tilbake", "may be withdrawn", "kan registrere seg", "could opt
    out"); an announced possible change ("may in the future"); "eventuelt" meaning "if there is one"
    before a noun ("et eventuelt kundeoppdrag", "registreringsnummer, eventuelt skadenummer, bilmerke");
    "relevante annonser"/"relevant ads" (what targeting is); "possible" of an event or an intent ("a
    possible data breach", "everything possible"); "f.eks."/"such
    as" before a closed list of names ("such as Flickr and YouTube"); and text that is not about the
    processing: the statement's own changes, links to other sites, definitions of terms (also quoted ones,
    '"processing" refers to any operation') and sections
    that explain terms ("Hva er en informasjonskapsel"). These are fixed word lists: a listed word may be
    harmless in context, which is why the finding is only information.
    """
    for item, sentence in _sentences_with_vague_candidates(ctx):
        if _explains_terms(ctx, item):
            continue
        words = _vague_words(
            item.language,
            sentence.text,
            rights_text=_in_rights(ctx, item),
            following=item.text[sentence.end : sentence.end + 200],
        )
        if not words:
            continue
        yield Hit(
            item.pointer,
            f"vague wording in {place(ctx.statement, item.pointer)}: {_advice(words, item.pointer)}",
            offset=sentence.start,
            length=len(sentence.text),
        )


# What each kind of vague word hides, and so what to write instead (Norwegian and English words alike).
_ADVICE = (
    (
        {
            "kan",
            "kanskje",
            "eventuelt",
            "evt.",
            "mulig",
            "may",
            "might",
            "could",
            "possible",
            "possibly",
            "as needed",
        },
        "say whether and when it happens",
    ),
    ({"enkelte", "noen", "relevante", "some", "certain"}, "name which ones"),
    (
        {"blant annet", "bl.a.", "osv.", "m.m.", "f.eks.", "eksempler på", "such as", "etc."},
        "list them all",
    ),
    ({"og/eller", "and/or"}, "say which of them applies, or both"),
    (
        {"ofte", "normalt", "vanligvis", "often", "generally", "typically"},
        "say what is done and in which cases it is not",
    ),
    (
        {"som nødvendig", "så lenge det er nødvendig", "as long as necessary"},
        "give the period or the criterion that ends it",
    ),
    ({"depending on"}, "say what it depends on and what is done in each case"),
)
_RETENTION_ADVICE = "give the period or the criterion that ends it"
_GENERAL_ADVICE = "say exactly which data, which recipients, when and for how long"


def _advice(words: list[str], pointer: str) -> str:
    """The words found, each kind with the advice that fits it: "'kan': say whether and when it happens;
    'blant annet': list them all". In the retention wording a hedge is a question of time."""
    groups: dict[str, list[str]] = {}
    for word in words:
        lower = " ".join(word.casefold().split())
        advice = next((a for kind, a in _ADVICE if lower in kind), _GENERAL_ADVICE)
        if "/retention" in pointer and advice != "list them all":
            advice = _RETENTION_ADVICE
        groups.setdefault(advice, []).append(f"'{word}'")
    return "; ".join(f"{', '.join(listed)}: {advice}" for advice, listed in groups.items())


_TOPIC_CONTENT = {
    Topic.CONTROLLER: "the controller's name and contact details",
    Topic.DPO: "the data protection officer's contact details",
    Topic.PURPOSES: "the purposes",
    Topic.DATA_CATEGORIES: "the categories of data",
    Topic.RECIPIENTS: "the recipients",
    Topic.TRANSFERS: "the transfers outside the EEA",
    Topic.RETENTION: "the storage periods",
    Topic.RIGHTS: "the rights and how to use them",
    Topic.COMPLAINT: "the right to complain",
    Topic.COOKIES: "the cookies",
    Topic.SECURITY: "the security measures",
    Topic.CHANGES: "how changes are announced",
}


@rule(
    code="TXT002",
    name="empty-section",
    basis="practice",
    legal=["GDPR Art. 12(1)"],
    fix="Write the section's content under text, or remove the section.",
    fails="""
    sections:
      - id: kontaktinformasjon
        topic: controller
        heading: Kontaktinformasjon
    """,
    passes="""
    sections:
      - id: kontaktinformasjon
        topic: controller
        heading: Kontaktinformasjon
        text: Du når oss på personvern@example.no.
    """,
)
def empty_section(ctx: CheckContext) -> Iterator[Hit]:
    """No section is a heading without text.

    A heading with nothing under it tells the reader that information exists and then withholds it, the
    opposite of the transparent, easily accessible information Art. 12(1) asks for. A section counts as
    empty when its text is missing or blank in every language. It is a warning, not an error: the
    empty section is a defect of presentation; whether the information it promised is missing from the
    whole statement is judged, as an error, by the rule for that item (for a "Kontaktinformasjon"
    section, the controller's contact details).
    """
    for i, section in enumerate(ctx.statement.sections):
        if has_text(section.text):
            continue
        heading = section.heading.get(ctx.language, ctx.language) if section.heading else None
        titled = f" ('{heading}')" if heading else ""
        content = _TOPIC_CONTENT.get(section.topic, "its content")
        yield Hit(
            f"/sections/{i}",
            f"section '{section.id}'{titled} has no text; write {content} under it, or remove the section",
        )


@rule(
    code="TXT003",
    name="statement-date-and-version",
    basis="practice",
    legal=["GDPR Art. 12(1)", "GDPR Art. 13(3)", "GDPR Art. 14(4)"],
    fix="Give statement.last_updated (YYYY-MM-DD) and update it with every change.",
    fails="""
    statement:
      last_updated: null
    """,
    passes="""
    statement:
      version: "1.1"
      last_updated: 2026-10-01
    """,
)
def statement_date_and_version(ctx: CheckContext) -> Iterator[Hit]:
    """The statement carries the date of its last change.

    The reader must be told before data are used for a new purpose (Art. 13(3), 14(4)); a date makes
    changes visible and lets the reader tell which text they were given. No article asks for a date as
    such: the catalog counts it as good practice. The rule nevertheless reports a missing date as a
    warning, because without it no change under Art. 13(3) can be shown to the reader; treat the
    severity as a project choice, not a statutory one. A version number is asked for by no article and
    adds nothing a date does not give the reader, so a missing version is not reported (the field is
    still rendered when it is given).
    """
    info = ctx.statement.statement
    if info.last_updated is None:
        yield Hit(
            "/statement",
            "the statement has no last_updated date; give the date of the last change as "
            "statement.last_updated (YYYY-MM-DD)",
        )


@rule(
    code="TXT004",
    name="last-updated-in-future",
    basis="practice",
    legal=["GDPR Art. 12(1)", "GDPR Art. 5(1)(a)"],
    fix="Set statement.last_updated to the date the statement was actually last changed.",
    fails="""
    statement:
      last_updated: 2999-01-01
    """,
    passes="""
    statement:
      last_updated: 2020-01-01
    """,
)
def last_updated_in_future(ctx: CheckContext) -> Iterator[Hit]:
    """The last-updated date is not in the future.

    A date after today is false information about the statement itself: the reader cannot tell which
    version applies, and transparency (Art. 5(1)(a), 12(1)) rests on the statement being accurate. The
    date is compared with today's date on the machine that runs the check; today itself is allowed.
    """
    last = ctx.statement.statement.last_updated
    today = datetime.date.today()
    if last is not None and last > today:
        yield Hit(
            "/statement/last_updated",
            f"statement.last_updated is {last.isoformat()}, after today ({today.isoformat()}); give the date "
            "of the last actual change",
        )


def _missing_languages(statement: PrivacyStatement, text: Text) -> list[str]:
    info = statement.statement
    present = {lang for lang, value in text.languages(info.default_language).items() if value.strip()}
    return [lang for lang in info.languages if lang not in present]


@rule(
    code="TXT005",
    name="language-complete",
    basis="guidance",
    legal=["GDPR Art. 12(1)", "GDPR Art. 13", "GDPR Art. 14"],
    fix=(
        "Write the text as a mapping with one entry per published language, e.g. "
        "{nb: Formål, en: Purpose}; a plain string counts only for the default language."
    ),
    fails="""
    statement:
      text: Her forteller vi hvordan vi behandler personopplysninger.
    """,
    passes="""
    statement:
      text:
        nb: Her forteller vi hvordan vi behandler personopplysninger.
        en: Here we explain how we process personal data.
    """,
)
def language_complete(ctx: CheckContext) -> Iterator[Hit]:
    """Every worded item has text in every language the statement is published in.

    A statement published in Norwegian and English owes the English reader the same information as the
    Norwegian one (Art. 12(1), and the items of Art. 13 and 14 apply in each version). Every text field
    is checked: a mapping must contain a non-blank entry for each language in statement.languages; a
    plain string counts as the default language only, so in a statement with several languages it
    lacks all the others. The rule does not judge whether the translations say the same thing.
    """
    statement = ctx.statement
    for pointer, text in ctx.text_fields:
        missing = _missing_languages(statement, text)
        if not missing:
            continue
        published = ", ".join(statement.statement.languages)
        plain = " (a plain string counts as the default language only)" if isinstance(text.root, str) else ""
        yield Hit(
            pointer,
            f"{place(statement, pointer)} has no text in {', '.join(repr(m) for m in missing)}{plain}; the "
            f"statement is published in {published}: write it as a mapping with an entry for each language",
        )


_STAFF = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bden\s+enkelte\s+(?:ansatte\s+|medarbeider\s+)?(?:er\s+ansvarlig|har\s+ansvar|skal|må)\b",
        r"\b(?:alle\s+|våre\s+)?(?:ansatte|medarbeidere)\s+(?:skal|må|har\s+ansvar|er\s+ansvarlig)\b",
        r"\b(?:skal|må)\s+ikke\s+\w+es\b",
        r"\b(?:each|every|all)\s+(?:employee|staff\s+member|member\s+of\s+staff)s?\s+(?:must|shall|should|is\s+responsible|are\s+responsible)\b",
        r"\b(?:employees|staff|personnel|staff\s+members)\s+(?:must|shall|should|are\s+responsible)\b",
        r"\b(?:must|shall)\s+not\s+be\s+(?:\w+ed|sent|kept|given|written|taken)\b",
    )
]
# The words each pattern of _STAFF needs, in the same order.
_STAFF_NEEDLES = either(
    needles("enkelte", "ansvar|skal|må"),
    needles("ansatte|medarbeidere", "skal|må|ansvar"),
    needles("skal|må", "ikke"),
    needles("employee|staff", "must|shall|should|responsible"),
    needles("employees|staff|personnel", "must|shall|should|responsible"),
    needles("must|shall", "not"),
)


@rule(
    code="TXT006",
    name="text-for-staff",
    basis="practice",
    certainty="inferred",
    severity="info",
    legal=["GDPR Art. 12(1)"],
    fix=(
        "Write to the reader about what you do ('Vi sletter e-post som ikke lenger trengs, senest etter ett år'), "
        "and keep instructions to staff in your internal routines."
    ),
    fails="""
    sections:
      - id: e-post
        topic: security
        heading: E-post
        text: Sensitive personopplysninger skal ikke sendes med e-post.
    """,
    passes="""
    sections:
      - id: e-post
        topic: security
        heading: E-post
        text: Vanlig e-post er ukryptert. Send oss derfor ikke helseopplysninger på e-post.
    """,
)
def text_for_staff(ctx: CheckContext) -> Iterator[Hit]:
    """The wording speaks to the reader, not to the controller's staff.

    A privacy statement informs the person whose data are processed (Art. 12(1)). Sentences copied from
    internal routines ("Den enkelte er ansvarlig for å slette meldinger", "Sensitive personopplysninger
    skal ikke sendes med e-post", "employees must …") tell the reader what staff ought to do, not what
    actually happens to the reader's data. The rule recognises a fixed set of phrasings in Norwegian and
    English (duties of "den enkelte"/"ansatte"/"employees", and passive prohibitions such as "skal ikke
    sendes", "must not be shared"); a passive prohibition can be a promise to the reader, which is why
    the finding is only information.
    """
    for item, sentence in sentences_that_may_match(ctx, _STAFF_NEEDLES):
        match = next((m for p in _STAFF if (m := p.search(sentence.text))), None)
        if match is None:
            continue
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split())}' in {place(ctx.statement, item.pointer)} reads as an "
            "instruction to staff, not information for the reader; say what you do with the reader's data",
            offset=sentence.start,
            length=len(sentence.text),
        )
