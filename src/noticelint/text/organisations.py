"""Organisation names in wording: names followed by a legal form, in Norwegian and English.

These helpers are deliberately simple and predictable; the rules that use them say so in their
explanation. They never decide what is wrong, they only find things in text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Legal-form suffixes that mark a name as an organisation (Norwegian first, then the usual foreign ones).
LEGAL_FORMS = (
    "AS",
    "ASA",
    "ANS",
    "DA",
    "SA",
    "NUF",
    "ENK",
    "KS",
    "BA",
    "SF",
    "IKS",
    "KF",
    "AB",
    "A/S",
    "ApS",
    "Oy",
    "Oyj",
    "OÜ",
    "hf",
    "ehf",
    "Ltd",
    "Limited",
    "LLC",
    "L.L.C.",
    "Inc",
    "Incorporated",
    "PLC",
    "plc",
    "Corp",
    "Corporation",
    "LLP",
    "GmbH",
    "AG",
    "SE",
    "KG",
    "BV",
    "B.V.",
    "NV",
    "N.V.",
    "SAS",
    "SARL",
    "S.A.",
    "S.L.",
    "SpA",
    "S.p.A.",
)
_FORMS = "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True))
_WORD = r"[A-ZÆØÅÄÖÜÉ0-9][\w&'’\-]*"
_ORG = re.compile(rf"(?<![\w.])((?:{_WORD}\s+){{1,5}})({_FORMS})(?=[\s.,;:!?)»\"']|$)\.?")
# Every name _ORG finds contains a legal form as written; a text without one names no organisation.
# The forms that start with a capital are looked for with one pattern, the few others as substrings.
_CAPITAL_FORMS = re.compile("|".join(re.escape(f) for f in LEGAL_FORMS if not f[0].islower()))
_SMALL_FORMS = tuple(f for f in LEGAL_FORMS if f[0].islower())

# Capitalised words that start sentences but are not part of a name.
_LEADING = {
    "vi",
    "hos",
    "av",
    "fra",
    "til",
    "med",
    "og",
    "i",
    "på",
    "når",
    "dersom",
    "om",
    "se",
    "les",
    "denne",
    "dette",
    "vår",
    "våre",
    "vårt",
    "både",
    "the",
    "we",
    "at",
    "by",
    "from",
    "with",
    "for",
    "our",
    "and",
    "when",
    "if",
    "see",
    "read",
    "this",
    "both",
    "via",
    "eller",
    "or",
    "også",
    "also",
    "men",
    "but",
}


@dataclass(frozen=True)
class Mention:
    name: str
    start: int
    end: int


@functools.lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """Compare organisation names without case, spacing or a trailing full stop."""
    return " ".join(name.replace("\u00a0", " ").split()).rstrip(".").casefold()


def find_organisations(text: str) -> list[Mention]:
    """Names followed by a legal form ("ØstCom AS", "Google Ireland Limited", "Google Inc.")."""
    return list(_organisations(text))


def may_name_organisation(text: str) -> bool:
    """False only when :func:`find_organisations` finds nothing in ``text``: it has no legal form."""
    return _CAPITAL_FORMS.search(text) is not None or any(map(text.__contains__, _SMALL_FORMS))


@functools.lru_cache(maxsize=8192)
def _organisations(text: str) -> tuple[Mention, ...]:
    if not may_name_organisation(text):
        return ()
    return tuple(_find_organisations(text))


def _find_organisations(text: str) -> list[Mention]:
    mentions = []
    for match in _ORG.finditer(text):
        words = match.group(1).split()
        start = match.start()
        while words and words[0].casefold() in _LEADING:
            start = text.index(words[0], start) + len(words[0])
            start = len(text) - len(text[start:].lstrip())
            words = words[1:]
        if not words:
            continue
        name = text[start : match.end()].rstrip()
        mentions.append(Mention(name.rstrip("."), start, start + len(name.rstrip("."))))
    return mentions
