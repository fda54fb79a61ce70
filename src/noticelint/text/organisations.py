"""Organisation names in wording, in Norwegian and English.

:func:`find_organisations` finds names followed by a legal form ("ØstCom AS", "Bits og Bytes AS");
:class:`OrganisationFinder` finds, besides those, the names a statement declares, the names of the
knowledge tables, brand-like names that are not ordinary words ("ØstCom", "ACME", "Web24"), web and
e-mail domains, and descriptions that stand for an organisation ("nettbyrået vårt", "our web agency").

These helpers are deliberately simple and predictable; the rules that use them say so in their
explanation. They never decide what is wrong, they only find things in text.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from noticelint.text.dictionary import is_ordinary_word
from noticelint.text.lazy import Lazy

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
# Lower-case words that join the parts of a name: "Bits og Bytes AS", "Bergen Hage og Park AS".
_JOINERS = r"(?:og|and|&|und|et|of)"
_ORG = re.compile(
    rf"(?<![\w.])((?:{_WORD}\s+)(?:(?:{_JOINERS}\s+)?{_WORD}\s+){{0,5}})({_FORMS})(?=[\s.,;:!?)»\"']|$)\.?"
)
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


class Kind(enum.StrEnum):
    """How an organisation was recognised in the text."""

    LEGAL = "legal"  # a name followed by a legal form: "ØstCom AS"
    DECLARED = "declared"  # a name or domain the statement declares (the controller's or a party's)
    KNOWN = "known"  # a name or domain of the knowledge tables: vendors, supervisory authorities
    BRAND = "brand"  # a brand-like name that is not an ordinary word: "ØstCom", "ACME", "Web24"
    DOMAIN = "domain"  # a web or e-mail domain nobody declares: "ostcom.no"
    DESCRIPTION = "description"  # words that stand for an organisation: "nettbyrået vårt"


@dataclass(frozen=True)
class Mention:
    """An organisation in a text: the name as written and its place; for a declared name, its id."""

    name: str
    start: int
    end: int
    kind: Kind = Kind.LEGAL
    org_id: str | None = None


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


# --- every way an organisation is written ---------------------------------------------------------

# Top-level domains a web or e-mail address in a statement ends with; a closed list, so that "f.eks."
# or "bl.a." are not read as domains.
_TLDS = (
    "no|com|net|org|se|dk|fi|is|de|eu|uk|ie|nl|be|fr|es|it|at|ch|pl|pt|io|co|info|biz|app|dev|tech|"
    "digital|online|site|web|cloud|ai|me|us|ca|media|agency|design|studio|shop|store|gov|edu|int"
)
_HOST = rf"(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:{_TLDS})"
_EMAIL = Lazy(rf"(?<![\w.+-])[\w.+-]+@({_HOST})(?![\w-])", re.IGNORECASE)
_WEB = Lazy(rf"(?<![\w.@/-])(?:https?://)?({_HOST})(?![\w-])(?:[/?#][^\s)\]>»\"]*)?", re.IGNORECASE)
# Second-level labels under which a registrable domain sits one level deeper ("example.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "org", "gov", "ac", "net"})

# Cheap tests that rule a text out before the patterns read it.
_MAY_HAVE_DOMAIN = Lazy(rf"\.(?:{_TLDS})(?![\w-])", re.IGNORECASE)
_DESCRIPTION_WORDS = (
    "byrå",
    "leverandør",
    "partner",
    "konsulent",
    "utvikler",
    "agency",
    "supplier",
    "provider",
    "vendor",
    "consultant",
    "developer",
    "contractor",
)

# Nouns that stand for a web agency, a supplier or a consultant.
_AGENCY = r"[\w-]*byrå"
_SUPPLIER = r"(?:[\w-]*leverandør|[\w-]*partner|konsulent|utvikler)"
_EN_KIND = (
    r"(?:web|digital|marketing|advertising|design|creative|IT|media|SEO|communications|development|hosting)"
)
_DESCRIPTIONS = Lazy(
    "|".join(
        (
            # "vårt webbyrå", "vår IT-leverandør"
            rf"\b(?:vårt|vår)\s+(?:{_AGENCY}|{_SUPPLIER})\b(?!-)",
            # "nettbyrået vårt", "leverandøren vår"
            rf"\b(?:{_AGENCY}et|{_SUPPLIER}en)\s+(?:vårt|vår)\b",
            # "Nettbyrået", "byrået": the agency the reader is meant to know
            rf"\b{_AGENCY}et\b(?!-)",
            # "our web agency", "the agency", "our IT supplier"
            rf"\b(?:our|the)\s+(?:{_EN_KIND}\s+)?agency\b",
            rf"\bour\s+(?:{_EN_KIND}\s+|service\s+|technology\s+|software\s+)?"
            r"(?:supplier|provider|vendor|partner|consultant|developer|contractor)\b(?!s)",
        )
    ),
    re.IGNORECASE,
)

# A token that may be a brand: with a capital after a small letter, with a digit, or in capitals.
_UPPER = "A-ZÆØÅÄÖÜÉ"
_LOWER = "a-zæøåäöüéèáóß"
_TOKEN = Lazy(
    rf"(?<![\w@./:’'-])(?:[^\W_][\w’'&-]*?(?:[{_LOWER}][{_UPPER}]|\d)[\w’'&-]*"
    rf"|[{_UPPER}][{_UPPER}0-9&’'-]*[{_UPPER}0-9])(?![\w’'&-])"
)
_MAY_HAVE_BRAND = Lazy(r"[a-zæøåäöüéèáóß][A-ZÆØÅÄÖÜÉ]|\d|[A-ZÆØÅÄÖÜÉ]{2}")
_CAMEL = Lazy(r"[a-zæøåäöüéèáóß][A-ZÆØÅÄÖÜÉ]")
_DURATION = Lazy(r"^P(?:\d+[YMWDH])+$|^PT\d")
_CAPITALISED = Lazy(r"[A-ZÆØÅÄÖÜÉ][\w&’'-]*")
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "é": "e"})
_TRANSLIT_LONG = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "é": "e"})
# Declared names longer than this are not looked for (no organisation is named in 200 characters).
_LONGEST_NAME = 200
_FOLLOWING = Lazy(r" ([A-ZÆØÅÄÖÜÉ][\w&’'-]*)(?![\w.@/-])")
_LEGAL_SUFFIX = Lazy(rf"\s+(?:{_FORMS})\.?$")


def _squashed(name: str) -> set[str]:
    """A name as a domain would spell it: lower case, letters and digits only, both spellings of æøå."""
    folded = name.casefold()
    return {re.sub(r"[\W_]+", "", folded.translate(table)) for table in (_TRANSLIT, _TRANSLIT_LONG)} - {""}


def registrable(host: str) -> str:
    """The registrable part of a host: "www.policies.google.com" -> "google.com"."""
    labels = host.casefold().rstrip(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def brand_like(token: str) -> bool:
    """Whether a token is written as a brand: internal capitals ("ØstCom", "iPhone"), all capitals
    ("ACME"), or letters with digits ("Web24"). A compound with a lower-case part ("IP-adresse",
    "CRM-systemet") is an ordinary noun."""
    parts = token.split("-")
    if len(parts) > 1 and any(part.islower() for part in parts):
        return False
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2 or _DURATION.match(token):
        return False
    if any(c.isdigit() for c in token):
        return True
    if all(c.isupper() for c in letters):
        return True
    return _CAMEL.search(token) is not None


@functools.lru_cache(maxsize=64)
def _pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    forms = sorted(names, key=lambda name: (-len(name), name))
    if not forms:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)
    return re.compile(rf"(?<![\w@.-])(?:{alternatives})(?:\.|(?=[’']?s\b)[’']?s)?(?![\w-])", re.IGNORECASE)


class OrganisationFinder:
    """Finds every organisation in a text, for one statement.

    ``declared`` maps every name the statement declares (the controller's legal and trade names, the
    parties' names) to its id, ``domains`` every host or e-mail domain it declares (the controller's
    sites, addresses and forms, the parties' notices) to its id; ``own_id`` is the controller's id.
    ``known`` are names from the knowledge tables (services, their entities, authorities) and
    ``known_domains`` their hosts. A name is recognised, first found first:

    1. a declared name, also without its legal form ("Eksempel Dyrehelse" for "Eksempel Dyrehelse AS")
       and in the genitive ("Solør Dyreklinikks");
    2. a name followed by a legal form, with lower-case joining words ("Bits og Bytes AS");
    3. a name of the knowledge tables ("Google Analytics", "Datatilsynet");
    4. a web or e-mail domain, declared, known or neither ("ostcom.no");
    5. a description that stands for an agency or a supplier ("nettbyrået vårt", "our web agency");
    6. a brand-like token that is not an ordinary Norwegian or English word ("ØstCom", "ACME"), with
       the capitalised words that follow it ("ØstCom Digital"); one that spells the controller's name
       or domain ("SolørDyreklinikk") is the controller.
    """

    def __init__(
        self,
        declared: Mapping[str, str],
        domains: Mapping[str, str],
        own_id: str,
        known: Iterable[str] = (),
        known_domains: Iterable[str] = (),
    ) -> None:
        self.own_id = own_id
        self._ids: dict[str, str] = {}
        forms: list[str] = []
        self._single: dict[str, str] = {}  # one-word names without their legal form: "østcom"
        for name, org_id in declared.items():
            if len(name) > _LONGEST_NAME:
                continue
            for form in self._forms(name):
                self._ids.setdefault(normalise_name(form), org_id)
                forms.append(form)
            bare = _LEGAL_SUFFIX.sub("", " ".join(name.split()))
            if bare and " " not in bare:
                self._single.setdefault(bare.casefold(), org_id)
        self._declared = _pattern(frozenset(form for form in forms if form.strip()))
        known_names = [name for name in known if name.strip()]
        self._known_exact = frozenset(name for name in known_names if len(name) <= 3)
        self._known_first = frozenset(normalise_name(name).split()[0] for name in known_names)
        self._known_words = frozenset(word for name in known_names for word in normalise_name(name).split())
        self._domains = {registrable(host): org_id for host, org_id in domains.items() if host}
        self._known_domains = frozenset(registrable(host) for host in known_domains if host)
        own = {name for name, org_id in declared.items() if org_id == own_id and len(name) <= _LONGEST_NAME}
        own |= {host.split(".")[-2] for host, org_id in self._domains.items() if org_id == own_id}
        self._own: set[str] = set()
        for name in own:
            self._own |= _squashed(name)
            self._own |= _squashed(_LEGAL_SUFFIX.sub("", name))

    @staticmethod
    def _forms(name: str) -> list[str]:
        """A declared name as the text may write it: in full, and without its legal form when what
        is left is more than one word ("Eksempel Dyrehelse"; a single word such as "Google" or "Park"
        would be found in ordinary text, so a brand-like one is matched as a brand instead)."""
        full = " ".join(name.split()).rstrip(".")
        forms = [full]
        bare = _LEGAL_SUFFIX.sub("", full)
        if bare != full and len(bare.split()) > 1:
            forms.append(bare)
        return forms

    def find(self, text: str) -> tuple[Mention, ...]:
        """The organisations in ``text``, in the order they stand."""
        taken: list[Mention] = []
        spans: list[tuple[int, int]] = []  # the spans of ``taken`` once the legal names are in, sorted

        def free(start: int, end: int) -> bool:
            at = bisect.bisect_left(spans, (start, start))
            return (at == len(spans) or spans[at][0] >= end) and (at == 0 or spans[at - 1][1] <= start)

        def take(mention: Mention) -> None:
            taken.append(mention)
            bisect.insort(spans, (mention.start, mention.end))

        if self._declared is not None:
            for match in self._declared.finditer(text):
                written = match.group(0)
                name = (
                    re.sub(r"(?:[’']?s)$", "", written)
                    if normalise_name(written) not in self._ids
                    else written
                )
                org_id = self._ids.get(normalise_name(name)) or self._ids.get(normalise_name(written))
                name = name.rstrip(".")
                take(Mention(name, match.start(), match.start() + len(name), Kind.DECLARED, org_id))
        for mention in _organisations(text):
            start = mention.start
            first = bisect.bisect_left(spans, (start, start))
            overlapping = [
                span
                for span in spans[max(0, first - 1) : first + 8]
                if span[0] < mention.end and start < span[1]
            ]
            if overlapping:
                # "Solør Dyreklinikk og Bits og Bytes AS": the legal name starts after the declared one.
                start = max(span[1] for span in overlapping)
                rest = re.match(rf"[\s,]*(?:{_JOINERS}\s+)?", text[start : mention.end])
                start += rest.end() if rest else 0
                if not _CAPITALISED.match(text, start) or start >= mention.end:
                    continue
            start = self._after_known_head(text, start, mention.end)
            name = text[start : mention.end]
            org_id = self._ids.get(normalise_name(name))
            kind = Kind.DECLARED if org_id else Kind.LEGAL
            take(Mention(name, start, mention.end, kind, org_id))
        for pattern in (_EMAIL, _WEB) if _MAY_HAVE_DOMAIN.search(text) else ():
            for match in pattern.finditer(text):
                if not free(match.start(), match.end()):
                    continue
                host = match.group(1)
                take(Mention(host, match.start(), match.end(), *self._domain_kind(host)))
        lowered = text.casefold()
        descriptions = (
            _DESCRIPTIONS.finditer(text) if any(map(lowered.__contains__, _DESCRIPTION_WORDS)) else ()
        )
        for match in descriptions:
            if free(match.start(), match.end()):
                take(Mention(match.group(0), match.start(), match.end(), Kind.DESCRIPTION))
        for match in _TOKEN.finditer(text) if _MAY_HAVE_BRAND.search(text) else ():
            token = match.group(0)
            if not free(match.start(), match.end()) or not brand_like(token):
                continue
            stem = re.sub(r"(?<=[^\W\d_]{2})[’']?s$", "", token) if token[-1:] == "s" else token
            if stem != token and not brand_like(stem):
                stem = token
            declared_id = self._single.get(stem.casefold()) or self._single.get(token.casefold())
            if declared_id is not None:
                take(Mention(stem, match.start(), match.start() + len(stem), Kind.DECLARED, declared_id))
                continue
            if is_ordinary_word(token) or is_ordinary_word(stem) or is_ordinary_word(stem.replace("-", "")):
                continue
            if _squashed(stem) & self._own:
                take(Mention(stem, match.start(), match.start() + len(stem), Kind.DECLARED, self.own_id))
                continue
            if stem.casefold() in self._known_words or token in self._known_exact:
                take(Mention(stem, match.start(), match.start() + len(stem), Kind.KNOWN))
                continue
            end = match.start() + len(stem)
            if stem == token:
                end = self._with_following_words(text, end, free)
            take(Mention(text[match.start() : end], match.start(), end, Kind.BRAND))
        return tuple(sorted(taken, key=lambda m: m.start))

    def _after_known_head(self, text: str, start: int, end: int) -> int:
        """Where a legal name starts when its words before a joining word are a known or declared
        name or its first word ("Google og ØstCom AS" -> "ØstCom AS")."""
        for joiner in re.finditer(rf"\s+{_JOINERS}\s+", text[start:end]):
            head = normalise_name(text[start : start + joiner.start()])
            if head in self._ids or head in self._known_first:
                return start + joiner.end()
            break
        return start

    def _with_following_words(self, text: str, end: int, free: Callable[[int, int], bool]) -> int:
        """The end of a brand name with up to three capitalised words after it ("ØstCom Digital"),
        short of another name."""
        for _ in range(3):
            match = _FOLLOWING.match(text, end)
            if match is None or match.group(1).casefold() in _LEADING or not free(end, match.end()):
                break
            end = match.end()
        return end

    def _domain_kind(self, host: str) -> tuple[Kind, str | None]:
        domain = registrable(host)
        if domain in self._domains:
            return Kind.DECLARED, self._domains[domain]
        label = domain.split(".")[0]
        if _squashed(label) & self._own:
            return Kind.DECLARED, self.own_id
        if domain in self._known_domains or label in self._known_first:
            return Kind.KNOWN, None
        return Kind.DOMAIN, None
