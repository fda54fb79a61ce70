"""What an organisation named in a sentence does there: decides about the data, or works for somebody.

:func:`role_in` reads the words around a name in one sentence, in Norwegian (Bokmål, with the common
Nynorsk verb forms) and English. It knows these shapes of "the organisation processes the data":

- the name as subject: "ØstCom bruker …", "ØstCom kan også bruke …", "ØstCom (vårt webbyrå) bruker …",
  "ØstCom, som drifter nettsiden, samler inn …", "vi og ØstCom bruker …", "ØstCom og vi bruker …";
- the subject after a fronted phrase (Norwegian word order): "I tillegg bruker ØstCom …",
  "Når du besøker nettsiden, samler ØstCom inn …";
- a relative clause: "… hos ØstCom, som bruker …", "opplysninger som ØstCom samler inn";
- the agent of a passive: "Google Analytics brukes av ØstCom", "data are collected by ØstCom".

Words that make the organisation a processor ("på vegne av oss", "for oss", "som databehandler",
"on our behalf", "as our processor") anywhere in the sentence, or a negation after the verb ("ØstCom
bruker ikke …"), make it :attr:`Role.FOR_OTHERS` or nothing. The reading is deliberately simple and
predictable, and errs towards silence; the rules that use it say so in their explanation.
"""

from __future__ import annotations

import enum
import functools
import re

from noticelint.text.lazy import Lazy


class Role(enum.Enum):
    ACTS = "acts"  # the organisation uses, collects, analyses, shares … the data itself
    FOR_OTHERS = "for_others"  # it does so on somebody's behalf, as a processor
    AGENT = "agent"  # it stands where an organisation stands ("driftes av ØstCom"), without processing
    NONE = "none"


# Verbs of processing, finite (present) forms: Bokmål, Nynorsk, English.
_FINITE = (
    r"bruker|benytter|nytter|samler|innhenter|henter|behandler|lagrer|oppbevarer|analyserer|deler|"
    r"utleverer|registrerer|sender|overfører|selger|sporer|måler|kartlegger|profilerer|logger|setter|"
    r"plasserer|videreformidler|videresender|"
    r"brukar|nyttar|samlar|hentar|innhentar|behandlar|handsamar|lagrar|registrerar|sel|"
    r"uses|use|collects|collect|processes|process|stores|store|analyses|analyzes|analyse|analyze|"
    r"shares|share|discloses|disclose|sells|sell|transfers|transfer|sends|send|tracks|track|"
    r"gathers|gather|records|record|logs|log|sets|set|places|place|obtains|obtain|profiles|profile|"
    r"monitors|monitor|measures|measure"
)
# Infinitives, after a modal verb.
_INFINITIVE = (
    r"bruke|benytte|nytte|samle|innhente|hente|behandle|lagre|oppbevare|analysere|dele|utlevere|"
    r"registrere|sende|overføre|selge|spore|måle|kartlegge|profilere|logge|sette|plassere|"
    r"videreformidle|videresende|nytta|samla|henta|handsama|lagra|"
    r"use|collect|process|store|analyse|analyze|share|disclose|sell|transfer|send|track|gather|"
    r"record|log|set|place|obtain|profile|monitor|measure"
)
_PASSIVE = (
    r"brukes|benyttes|samles|innhentes|hentes|behandles|handsames|lagres|oppbevares|analyseres|deles|"
    r"utleveres|registreres|sendes|overføres|selges|spores|måles|kartlegges|profileres|logges|settes|"
    r"plasseres|videreformidles|"
    r"(?:blir|ble|er|vert|vart|har\s+blitt|kan\s+bli|vil\s+bli|blitt)\s+(?:også\s+)?"
    r"(?:brukt|benyttet|samlet|innhentet|hentet|behandlet|lagret|oppbevart|analysert|delt|utlevert|"
    r"registrert|sendt|overført|solgt|sporet|målt|logget|satt|plassert)|"
    r"(?:is|are|was|were|be|been|being|gets|get)\s+(?:also\s+|then\s+|automatically\s+)?"
    r"(?:used|collected|processed|stored|analy[sz]ed|shared|disclosed|sold|transferred|sent|tracked|"
    r"gathered|recorded|logged|set|placed|obtained|profiled|monitored|measured)"
)
_MODAL = (
    r"kan|vil|skal|må|kunne|ville|skulle|bør|kommer\s+til\s+å|"
    r"may|will|can|might|could|would|shall|must|does|do"
)
_ADVERB = (
    r"også|i\s+tillegg|dessuten|blant\s+annet|bl\.\s?a\.|for\s+eksempel|automatisk|jevnlig|løpende|"
    r"deretter|bare|kun|selv|òg|"
    r"also|additionally|then|automatically|regularly|only|themselves|itself|typically|sometimes"
)
_NEGATED_BEFORE = Lazy(r"\b(?:ikke|aldri|ikkje|not|never)\b|n't\b", re.IGNORECASE)
_NEGATION = Lazy(r"^\s*(?:ikke|aldri|ikkje|not|never|no\s+longer)\b|^n't\b", re.IGNORECASE)

# What may stand between the name and its verb: a bracket, a comma-enclosed clause or apposition, a
# second subject ("og vi", "and Google").
_BETWEEN = (
    r"(?:\s*\([^()]{1,80}\))?"
    r"(?:\s*,[^,.;:]{1,100},)?"
    r"(?:\s+(?:og|and|&|samt)\s+(?:vi|we|oss|[^\W\d_][\w-]*(?:\s+[A-ZÆØÅ][\w-]*){0,3}))?"
)
_VERB_AFTER = Lazy(
    rf"^{_BETWEEN}\s+(?:(?:{_ADVERB})\s+)*"
    rf"(?:(?:{_FINITE})|(?:{_MODAL})\s+(?:(?:{_ADVERB})\s+)*(?:{_INFINITIVE}))(?![\w-])",
    re.IGNORECASE,
)
# "…, som bruker …", "…, which collects …"
_RELATIVE = Lazy(
    rf"^\s*,?\s*(?:som|which|who|that)\s+(?:(?:{_ADVERB})\s+)*"
    rf"(?:(?:{_FINITE})|(?:{_MODAL})\s+(?:(?:{_ADVERB})\s+)*(?:{_INFINITIVE}))(?![\w-])",
    re.IGNORECASE,
)
# "Vårt webbyrå, ØstCom, bruker …": the name is an apposition, and the verb follows it.
_APPOSITION_AFTER = Lazy(
    rf"^\s*,\s+(?:(?:{_ADVERB})\s+)*(?:(?:{_FINITE})|(?:{_MODAL})\s+(?:{_INFINITIVE}))(?![\w-])", re.I
)
# Determiners and agency words between a preposition and the name: "av webbyrået ØstCom".
_DETERMINER = (
    r"(?:(?:vårt|vår|våre|det|den|our|the|its)\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:[\w-]*byrå|[\w-]*byrået|agency|[\w-]*leverandør(?:en)?|partner(?:en)?|supplier|provider)\s+)?"
)
_AGENT_BEFORE = Lazy(
    rf"(?:{_PASSIVE})(?:\s+inn)?(?:\s+(?:og|eller|and|or)\s+(?:{_PASSIVE}|{_INFINITIVE}|[\w]+e[ds]|\w+es)(?:\s+inn)?)?"
    rf"(?:\s+(?:{_ADVERB}))*(?:\s+(?:på|i|hos|on|in|at)\s+[\w.-]+(?:\s+(?:vår|våre|vårt|our))?)?"
    rf"\s+(?:av|by)\s+{_DETERMINER}$",
    re.IGNORECASE,
)
_ANY_AGENT = Lazy(rf"\b(?:av|by)\s+{_DETERMINER}$", re.IGNORECASE)
# Words just before the name that make it the object of a preposition or of a verb that lets it act.
_OBJECT_BEFORE = Lazy(
    r"\b(?:til|fra|hos|av|med|for|om|ved|via|gjennom|mellom|hjå|frå|"
    r"of|from|at|with|by|for|about|to|via|through|between|"
    r"lar|ber|tillater|får|let|lets|allow|allows|ask|asks|have|has|help|helps|"
    r"bruker|benytter|bruke|benytte|use|uses|engasjert|engaged|hired|valgt|chosen)\s+"
    rf"{_DETERMINER}$",
    re.IGNORECASE,
)
# Norwegian word order: a fronted phrase, the finite verb, then the subject.
_FRONTED = (
    r"(?:I\s+tillegg|Dessuten|Også|Her|Der|Videre|Samtidig|Deretter|I\s+dag|Derfor|Da|Nå|Så|"
    r"(?:På|For|Gjennom|Via|Med|Til|Etter|Ved|Hos)\s+(?:[\w.-]+\s+){1,4}?|"
    r"(?:Når|Hvis|Dersom|Om|Før|Fordi|Siden|Etter\s+at)\s+[^,]{1,100},\s*)"
)
_INVERTED_FINITE = Lazy(rf"^{_FRONTED}\s*(?:{_FINITE})\s+(?:(?:{_ADVERB})\s+)?{_DETERMINER}$", re.IGNORECASE)
_INVERTED_MODAL = Lazy(rf"^{_FRONTED}\s*(?:{_MODAL})\s+(?:(?:{_ADVERB})\s+)?{_DETERMINER}$", re.IGNORECASE)
_INFINITIVE_AFTER = Lazy(rf"^\s+(?:(?:{_ADVERB})\s+)*(?:{_INFINITIVE})(?![\w-])", re.IGNORECASE)

_FOR_OTHERS = Lazy(
    r"på\s+(?:vegne\s+av|våre\s+vegne|vegner\s+av)|på\s+oppdrag\s+(?:fra|for|frå)|etter\s+(?:våre\s+)?instruks|"
    r"som\s+(?:vår\s+|en\s+|vår\s+under)?(?:under)?databehandler|som\s+underleverandør\s+for\s+oss|"
    r"(?:etter|i\s+henhold\s+til|under)\s+(?:en\s+|vår\s+)?(?:databehandleravtale|avtale\s+med\s+oss)|"
    r"\bfor\s+oss\b|\bfor\s+vår\s+regning|"
    # a purpose that delivers the data to the controller: the organisation works for it
    r"\bfor\s+å\s+(?:levere|sende|videresende|formidle|overføre|overlevere)\b[^.;]{0,80}?\btil\s+oss\b|"
    r"\bto\s+(?:deliver|send|forward|pass|relay|transmit)\b[^.;]{0,80}?\bto\s+us\b|"
    r"on\s+(?:our|its|their|the\s+controller's|behalf)\b|on\s+behalf\s+of|"
    r"as\s+(?:our|a|the)\s+(?:data\s+)?(?:sub-?)?processor|on\s+(?:our|its)\s+instructions|"
    r"under\s+(?:a|our|the)\s+(?:data\s+processing|processing)\s+agreement|\bfor\s+us\b|\bacting\s+for\s+us",
    re.IGNORECASE,
)


# How far from the name the words that decide its role may stand (the patterns are local; this keeps
# a hostile text of one endless sentence with many names linear).
_WINDOW = 240


@functools.lru_cache(maxsize=4096)
def for_others(sentence: str) -> bool:
    """Whether the sentence says that somebody processes the data on another's behalf."""
    return _FOR_OTHERS.search(sentence) is not None


def role_in(sentence: str, start: int, end: int) -> Role:
    """The role of the organisation named at ``sentence[start:end]`` in that sentence."""
    whole = start <= _WINDOW
    before = sentence[max(0, start - _WINDOW) : start]
    after = sentence[end : end + _WINDOW]
    acts = _acts(before, after, whole)
    if acts is None:
        return (
            Role.AGENT
            if _after_agent_word(before) and _ANY_AGENT.search(_last_words(before, 5))
            else Role.NONE
        )
    if for_others(sentence):
        return Role.FOR_OTHERS
    if _NEGATION.match(after[acts:]) or (acts == 0 and _NEGATED_BEFORE.search(before[-60:])):
        return Role.NONE
    return Role.ACTS


def _last_words(before: str, count: int) -> str:
    """The last ``count`` words of ``before``, with the space after them (for patterns that end with $)."""
    words = before[-200:].split()[-count:]
    return " ".join(words) + " " if words else ""


def _after_agent_word(before: str) -> bool:
    """Whether "av" or "by" stands among the last words before the name (a cheap test)."""
    tail = before[-50:].casefold()
    return " av " in tail or " by " in tail or tail.startswith(("av ", "by "))


def _acts(before: str, after: str, whole: bool) -> int | None:
    """Where in ``after`` the organisation's processing verb ends (0 for a passive agent), or None.
    ``whole`` says whether ``before`` starts where the sentence starts."""
    if _after_agent_word(before) and _AGENT_BEFORE.search(_last_words(before, 12)):
        return 0
    relative = _RELATIVE.match(after)
    if relative:
        return relative.end()
    if whole and _INVERTED_FINITE.match(before):
        return 0
    if whole and _INVERTED_MODAL.match(before):
        verb = _INFINITIVE_AFTER.match(after)
        return verb.end() if verb else None
    if before.rstrip().endswith(","):
        apposition = _APPOSITION_AFTER.match(after)
        if apposition:
            return apposition.end()
    if _OBJECT_BEFORE.search(_last_words(before, 5)) or re.match(r"[’']?s\b", after):
        return None
    direct = _VERB_AFTER.match(after)
    if direct:
        return direct.end()
    return None
