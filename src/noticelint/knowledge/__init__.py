"""The knowledge tables: supervisory authorities, vendors, adequacy decisions and the EEA.

The tables are CSV files shipped inside this package (``authorities.csv``, ``vendors.csv``,
``adequacy.csv`` and ``eea.csv``), so a DPO can read and correct them without reading Python. Every
row of the first three says where its facts come from (``source``), how sure they are
(``confidence``) and when they were last checked against that source (``last_checked``): a date means
the row was checked that day; a vendor row written from background knowledge, never checked against a
primary source, has no date and its confidence says "unverified".

Vendor values such as ``"yes"``, ``"no (EU storage; ...)"``, ``"believed yes (verify)"`` or
``"possible"`` are kept as the text the table gives; the properties of :class:`Vendor` interpret them.
Each vendor also has a ``category`` (one of :data:`VENDOR_CATEGORIES`) and the ``hosts`` its scripts
load from or send to, which :meth:`Knowledge.vendor_for_host` looks up. A vendor's ``eea_entity`` is
only ever a company established in the EEA (the rules call it the EEA contracting party); a US company
stands in ``us_entity`` and any other one (Swiss, British, ...) in ``other_entity`` with its country.
Adequacy rows say whether the decision is known to be part of the EEA Agreement (``eea_incorporated``:
yes, no or unknown).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from noticelint.text.pretests import SAFE_CHARACTERS, folded, is_safe_needle

__all__ = ["VENDOR_CATEGORIES", "Adequacy", "Authority", "Knowledge", "Vendor", "load_knowledge"]

# Names this long or shorter ("GA", "GA4", "GTM") are matched case-sensitively in free text, so
# that "ga" or "Gtm" in ordinary words do not count as a vendor mention.
SHORT_NAME = 3

# Codes people use that are not the ISO 3166 codes the tables are keyed on.
_CODE_ALIASES = {"UK": "GB", "EL": "GR"}

# Languages in which a Norwegian reader is addressed.
_NORWEGIAN = frozenset({"nb", "nn", "no"})
# Authorities whose native name a Norwegian reader reads as it stands (Danish and Norwegian share it).
_NATIVE_FOR_NORWEGIAN = frozenset({"NO", "DK"})
# The language(s) the ``native_name`` of a country's authority is written in.
_NATIVE_LANGUAGES: dict[str, frozenset[str]] = {
    "AT": frozenset({"de"}),
    "BE": frozenset({"nl", "fr"}),
    "BG": frozenset({"bg"}),
    "CH": frozenset({"de"}),
    "CY": frozenset({"el"}),
    "CZ": frozenset({"cs"}),
    "DE": frozenset({"de"}),
    "DK": frozenset({"da"}),
    "EE": frozenset({"et"}),
    "ES": frozenset({"es"}),
    "FI": frozenset({"fi"}),
    "FR": frozenset({"fr"}),
    "GB": frozenset({"en"}),
    "GR": frozenset({"el"}),
    "HR": frozenset({"hr"}),
    "HU": frozenset({"hu"}),
    "IE": frozenset({"ga"}),
    "IS": frozenset({"is"}),
    "IT": frozenset({"it"}),
    "LI": frozenset({"de"}),
    "LT": frozenset({"lt"}),
    "LU": frozenset({"fr"}),
    "LV": frozenset({"lv"}),
    "MT": frozenset({"mt"}),
    "NL": frozenset({"nl"}),
    "NO": _NORWEGIAN,
    "PL": frozenset({"pl"}),
    "PT": frozenset({"pt"}),
    "RO": frozenset({"ro"}),
    "SE": frozenset({"sv"}),
    "SI": frozenset({"sl"}),
    "SK": frozenset({"sk"}),
}

_AUTHORITY_COLUMNS = (
    "country",
    "native_name",
    "english_name",
    "nb_name",
    "website",
    "postal_address",
    "email",
    "phone",
    "notes",
    "source",
    "confidence",
    "last_checked",
)
_VENDOR_COLUMNS = (
    "service",
    "aliases",
    "eea_entity",
    "eea_entity_country",
    "other_entity",
    "other_entity_country",
    "role",
    "us_entity",
    "data_to_us",
    "us_entity_dpf_listed",
    "sets_cookies",
    "outdated_names",
    "category",
    "hosts",
    "source",
    "confidence",
    "last_checked",
)
# What a vendor is used for on a site; the ``category`` column of ``vendors.csv`` is one of these.
VENDOR_CATEGORIES = frozenset(
    {
        "analytics",
        "advertising",
        "fonts",
        "cdn",
        "maps",
        "video",
        "forms",
        "booking",
        "payment",
        "email",
        "hosting",
        "chat",
        "consent",
        "social",
        "security",
        "monitoring",
        "sdk",
        "crm",
        "accounting",
        "other",
    }
)
_ADEQUACY_COLUMNS = (
    "country",
    "name",
    "decision",
    "scope",
    "eea_incorporated",
    "source",
    "confidence",
    "last_checked",
)
_EEA_COLUMNS = ("country", "name")

_USER_SOURCE = "user configuration"


@dataclass(frozen=True)
class Authority:
    """A data protection supervisory authority, keyed by ISO 3166 code (``DE-BY`` for a German Land)."""

    country: str
    native_name: str
    english_name: str
    nb_name: str
    website: str
    postal_address: str
    email: str
    phone: str
    notes: str
    source: str
    confidence: str
    last_checked: str

    def name(self, language: str) -> str:
        """The authority's name for a reader of ``language`` (``"nb"``, ``"en"``, ``"nb-NO"`` ...).

        Norwegian (``nb``, ``nn``, ``no``): the Bokmål name if known, else the native name for Norway
        and Denmark (both "Datatilsynet"), else the English name. English: the English name. Any other
        language: the native name if it is written in that language, else the English name.
        """
        lang = _language(language)
        fallback = self.english_name or self.native_name
        if lang in _NORWEGIAN:
            if self.nb_name:
                return self.nb_name
            if self.country in _NATIVE_FOR_NORWEGIAN and self.native_name:
                return self.native_name
            return fallback
        if lang == "en":
            return fallback
        country = self.country.split("-", 1)[0]
        if lang in _NATIVE_LANGUAGES.get(country, frozenset()) and self.native_name:
            return self.native_name
        return fallback


@dataclass(frozen=True)
class Vendor:
    """A service a website commonly uses, and what is known about the entity behind it."""

    service: str
    aliases: tuple[str, ...]
    eea_entity: str
    eea_entity_country: str
    role: str
    us_entity: str
    data_to_us: str
    us_entity_dpf_listed: str
    sets_cookies: str
    outdated_names: tuple[str, ...]
    source: str
    confidence: str
    last_checked: str
    # One of VENDOR_CATEGORIES ("analytics", "advertising" ...); empty when a configuration row gives none.
    category: str = ""
    # Hostnames the service loads from or sends to ("www.google-analytics.com"); "*.example.com" stands
    # for any subdomain of example.com.
    hosts: tuple[str, ...] = ()
    # The contracting entity when it is neither in the EEA nor the US entity ("Proton AG", CH): the
    # eea_entity column holds only companies established in the EEA, so that no rule calls one outside
    # it "the EEA contracting party".
    other_entity: str = ""
    other_entity_country: str = ""

    @property
    def sends_data_to_us(self) -> bool:
        """Whether personal data may go to the US: "yes", "possible" and "limited" all count.

        This is the safer reading: a statement should mention any transfer that may happen.
        """
        return _lower(self.data_to_us).startswith(("yes", "possible", "limited"))

    @property
    def dpf_listed(self) -> bool | None:
        """Whether the US entity is on the Data Privacy Framework list.

        ``True`` for "yes ...", ``False`` for "no ...", ``None`` when the table is not sure
        ("believed yes (verify)", "unconfirmed") or the question does not arise ("n/a").
        """
        value = _lower(self.us_entity_dpf_listed)
        if value.startswith("yes"):
            return True
        if _first_word(value) == "no":
            return False
        return None

    @property
    def sets_cookie(self) -> bool:
        """Whether the service sets cookies ("yes", "yes (security cookies)")."""
        return _lower(self.sets_cookies).startswith("yes")

    @property
    def names(self) -> tuple[str, ...]:
        """The service name followed by its aliases."""
        return (self.service, *self.aliases)


@dataclass(frozen=True)
class Adequacy:
    """A European Commission adequacy decision under GDPR Art. 45 for one country or territory."""

    country: str
    name: str
    decision: str
    scope: str
    source: str
    confidence: str
    last_checked: str
    # Whether the decision has been incorporated into the EEA Agreement, which matters to controllers in
    # Norway, Iceland and Liechtenstein: "yes", "no" or "unknown", possibly with a note.
    eea_incorporated: str = "unknown"


@dataclass(frozen=True)
class Knowledge:
    """All knowledge tables, with the look-ups the checks need."""

    authorities: dict[str, Authority]
    vendors: tuple[Vendor, ...]
    adequacy: dict[str, Adequacy]
    eea: frozenset[str]
    # Rules ask about the same texts again and again; the answers are kept per text.
    _found: dict[tuple[str, str], list[tuple[Vendor, int, int, str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # The names to look for ("vendors" or "outdated"), indexed once per knowledge object.
    _names: dict[str, _NameIndex] = field(default_factory=dict, compare=False, repr=False)
    # Service names and aliases, folded, to the first vendor that has them (for vendor_named).
    _named: dict[str, Vendor] = field(default_factory=dict, compare=False, repr=False)
    # Which rights apply to processing on each Art. 6(1) basis: right -> "yes", "limited" or "no".
    rights_by_basis: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)
    # Indexes other modules build over these tables (vendor_matching's), kept with the tables they index.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def authority(self, code: str) -> Authority | None:
        """The authority for an ISO 3166 code (``"NO"``, ``"de-by"``, ``"UK"``), or ``None``."""
        return self.authorities.get(_normalise_code(code))

    def rights_for(self, basis: str) -> frozenset[str]:
        """The rights that apply, wholly or in part, to processing on ``basis`` ("6(1)(c)")."""
        return frozenset(
            right for right, applies in self.rights_by_basis.get(basis, {}).items() if applies != "no"
        )

    def bases_with(self, right: str) -> frozenset[str]:
        """The Art. 6(1) bases on which ``right`` ("objection", "portability") applies in full."""
        return frozenset(
            basis for basis, rights in self.rights_by_basis.items() if rights.get(right) == "yes"
        )

    def is_eea(self, country: str) -> bool:
        """Whether a country (or a subdivision such as ``DE-BY``) is in the EEA."""
        return _country_part(country) in self.eea

    def adequacy_for(self, country: str) -> Adequacy | None:
        """The adequacy decision for a country outside the EEA, or ``None`` if there is none."""
        return self.adequacy.get(_country_part(country))

    def vendor_named(self, text: str) -> Vendor | None:
        """The vendor whose service name or alias is ``text`` (ignoring case and extra spaces)."""
        wanted = _fold(text)
        if not wanted:
            return None
        if not self._named:
            for vendor in self.vendors:
                for name in vendor.names:
                    self._named.setdefault(_fold(name), vendor)
        return self._named.get(wanted)

    def vendor_for_host(self, host: str) -> Vendor | None:
        """The vendor a hostname belongs to (``"www.google-analytics.com"``), or ``None``.

        A host in the table matches exactly; ``*.example.com`` matches any subdomain of example.com
        (not example.com itself). Case, a trailing dot, a port and a scheme or path are ignored
        (``"https://Connect.Facebook.net:443/en_US/fbevents.js"``). Where several entries match, the
        longest wins (``region1.google-analytics.com`` over ``*.google-analytics.com``); on a tie the
        vendor listed first wins.
        """
        wanted = _hostname(host)
        if not wanted:
            return None
        best: tuple[int, Vendor] | None = None
        for vendor in self.vendors:
            for entry in vendor.hosts:
                if entry.startswith("*."):
                    matched = wanted.endswith(entry[1:])
                    length = len(entry) - 1
                else:
                    matched = wanted == entry
                    length = len(entry) + 1  # an exact host beats a wildcard for the same name
                if matched and (best is None or length > best[0]):
                    best = (length, vendor)
        return best[1] if best else None

    def find_vendors(self, text: str) -> list[tuple[Vendor, int, int, str]]:
        """Every vendor mentioned in ``text``: ``(vendor, start, end, name)``, sorted by offset.

        ``name`` is the service name or alias from the table that matched; ``text[start:end]`` is the
        mention as written. Names match whole words only; names of three characters or fewer ("GA")
        match case-sensitively, longer ones ignore case. Where mentions overlap the longest wins
        ("Google reCAPTCHA" over "reCAPTCHA"); on a tie the vendor listed first wins.
        """
        key = ("vendors", text)
        if key not in self._found:
            if len(self._found) > 20_000:
                self._found.clear()
            self._found[key] = _mentions(text, self._name_index("vendors"))
        return self._found[key]

    def find_outdated_names(self, text: str) -> list[tuple[Vendor, int, int, str]]:
        """Every mention of an outdated entity name ("Google Inc.", "Facebook Ireland Ltd").

        Same rules as :meth:`find_vendors`; each mention is reported once, with the first vendor
        that lists the name (several Google services list "Google Inc.").
        """
        key = ("outdated", text)
        if key not in self._found:
            if len(self._found) > 20_000:
                self._found.clear()
            self._found[key] = _mentions(text, self._name_index("outdated"))
        return self._found[key]

    def _name_index(self, kind: str) -> _NameIndex:
        if kind not in self._names:
            if kind == "vendors":
                pairs = tuple((vendor, name) for vendor in self.vendors for name in vendor.names)
            else:
                pairs = tuple((vendor, name) for vendor in self.vendors for name in vendor.outdated_names)
            self._names[kind] = _NameIndex.of(pairs)
        return self._names[kind]


def load_knowledge(extra_vendors: Iterable[Mapping[str, str]] = ()) -> Knowledge:
    """Load the built-in tables and append ``extra_vendors`` (rows from the user's configuration).

    Extra rows use the column names of ``vendors.csv``; ``aliases``, ``outdated_names`` and ``hosts``
    may be ``;``-separated text or lists. Missing columns (``category`` and ``hosts`` too) are empty
    and ``source`` defaults to "user configuration". A row without ``service`` raises
    :class:`ValueError`.
    """
    tables = _builtin_tables()
    extra = tuple(_vendors_from_config(extra_vendors))
    return Knowledge(
        authorities={authority.country: authority for authority in tables.authorities},
        vendors=tables.vendors + extra,
        adequacy={item.country: item for item in tables.adequacy},
        eea=tables.eea,
        rights_by_basis=tables.rights_by_basis,
    )


# --- loading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tables:
    authorities: tuple[Authority, ...]
    vendors: tuple[Vendor, ...]
    adequacy: tuple[Adequacy, ...]
    eea: frozenset[str]
    rights_by_basis: dict[str, dict[str, str]]


RIGHTS = ("access", "rectification", "erasure", "restriction", "portability", "objection", "withdrawal")
_RIGHTS_COLUMNS = ("basis", *RIGHTS, "source", "last_checked")


@functools.cache
def _builtin_tables() -> _Tables:
    authorities = tuple(Authority(**row) for row in _read_table("authorities.csv", _AUTHORITY_COLUMNS))
    vendors = tuple(_vendor(row, row["source"]) for row in _read_table("vendors.csv", _VENDOR_COLUMNS))
    for item in vendors:
        if item.category not in VENDOR_CATEGORIES:
            raise ValueError(
                f"noticelint knowledge table vendors.csv, {item.service}: category {item.category!r} is not "
                f"one of {', '.join(sorted(VENDOR_CATEGORIES))}"
            )
    adequacy = tuple(Adequacy(**row) for row in _read_table("adequacy.csv", _ADEQUACY_COLUMNS))
    eea = frozenset(row["country"] for row in _read_table("eea.csv", _EEA_COLUMNS))
    rights: dict[str, dict[str, str]] = {}
    for row in _read_table("rights_by_basis.csv", _RIGHTS_COLUMNS):
        values = {right: row[right] for right in RIGHTS}
        if not set(values.values()) <= {"yes", "limited", "no"}:
            raise ValueError(
                f"noticelint knowledge table rights_by_basis.csv, {row['basis']}: use yes, limited or no"
            )
        rights[row["basis"]] = values
    return _Tables(authorities, vendors, adequacy, eea, rights)


def _read_table(filename: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read one of the package's CSV files, checking that it has exactly ``columns``."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(reader.fieldnames or ())
    if sorted(header) != sorted(columns):
        raise ValueError(
            f"noticelint knowledge table {filename}: columns are {', '.join(header) or '(none)'}; "
            f"expected {', '.join(columns)}"
        )
    rows: list[dict[str, str]] = []
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            raise ValueError(
                f"noticelint knowledge table {filename}, line {reader.line_num}: "
                f"expected {len(columns)} fields"
            )
        rows.append({column: row[column].strip() for column in columns})
    return rows


def _vendors_from_config(rows: Iterable[Mapping[str, str]]) -> Iterable[Vendor]:
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise ValueError(f"vendor entry {number} in the configuration is not a table of columns: {row!r}")
        if not _cell(row.get("service")):
            raise ValueError(
                f"vendor entry {number} in the configuration has no 'service': every vendor needs the "
                f"name of the service (columns given: {', '.join(map(str, row)) or 'none'})"
            )
        yield _vendor(row, _USER_SOURCE)


def _vendor(row: Mapping[str, object], default_source: str) -> Vendor:
    return Vendor(
        service=_cell(row.get("service")),
        aliases=_split(row.get("aliases")),
        eea_entity=_cell(row.get("eea_entity")),
        eea_entity_country=_cell(row.get("eea_entity_country")).upper(),
        other_entity=_cell(row.get("other_entity")),
        other_entity_country=_cell(row.get("other_entity_country")).upper(),
        role=_cell(row.get("role")),
        us_entity=_cell(row.get("us_entity")),
        data_to_us=_cell(row.get("data_to_us")),
        us_entity_dpf_listed=_cell(row.get("us_entity_dpf_listed")),
        sets_cookies=_cell(row.get("sets_cookies")),
        outdated_names=_split(row.get("outdated_names")),
        category=_cell(row.get("category")).lower(),
        hosts=tuple(entry for entry in map(_host_entry, _split(row.get("hosts"))) if entry),
        source=_cell(row.get("source")) or default_source,
        confidence=_cell(row.get("confidence")),
        last_checked=_cell(row.get("last_checked")),
    )


def _hostname(value: str) -> str:
    """A hostname in lower case without scheme, user, port, path or trailing dot."""
    host = value.strip().lower()
    if "//" in host:
        host = host.split("//", 1)[1]
    host = host.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def _host_entry(value: str) -> str:
    """A ``hosts`` entry as the look-up compares it: ``"*.Example.com."`` -> ``"*.example.com"``."""
    if value.strip().startswith("*."):
        host = _hostname(value.strip()[2:])
        return "*." + host if host else ""
    return _hostname(value)


def _cell(value: object) -> str:
    """One cell as text; configuration files may give ``None``, booleans, numbers or lists."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ";".join(_cell(item) for item in value)
    return str(value).strip()


def _split(value: object) -> tuple[str, ...]:
    parts = [_cell(item) for item in value] if isinstance(value, (list, tuple)) else _cell(value).split(";")
    return tuple(part.strip() for part in parts if part.strip())


# --- look-ups ----------------------------------------------------------------------------------


def _language(language: str) -> str:
    """``"nb-NO"``, ``"nb_NO"``, ``"NB"`` -> ``"nb"``."""
    return language.strip().replace("_", "-").split("-", 1)[0].lower()


def _normalise_code(code: str) -> str:
    country, dash, region = code.strip().upper().replace("_", "-").partition("-")
    return _CODE_ALIASES.get(country, country) + dash + region


def _country_part(code: str) -> str:
    return _normalise_code(code).split("-", 1)[0]


def _lower(value: str) -> str:
    return value.strip().lower()


def _first_word(value: str) -> str:
    match = re.match(r"[\w/]+", value)
    return match.group(0) if match else ""


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


@functools.cache
def _name_pattern(name: str) -> re.Pattern[str]:
    """A whole-word pattern for ``name``; any run of white space in the text matches its spaces."""
    body = r"\s+".join(re.escape(part) for part in name.split())
    flags = 0 if len(name) <= SHORT_NAME else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


@functools.lru_cache(maxsize=64)
def _any_name(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that finds whether any of ``names`` may occur, to skip most texts at once."""
    words = sorted({part for name in names for part in name.split()[:1] if part}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or r"(?!x)x", re.IGNORECASE)


def _may_occur(name: str, text: str, lowered: str | None) -> bool:
    """False only when ``name`` cannot match ``text`` because one of its words is missing from it."""
    for part in name.split():
        if len(name) <= SHORT_NAME:
            if part not in text:
                return False
        elif lowered is not None and is_safe_needle(part.lower()) and part.lower() not in lowered:
            return False
    return True


# The letters and digits among the safe needle characters: a run of them in a name (from "Make.com":
# "make", "com") can only match a whole run of them in the text, because what bounds it in the name
# (white space, ' ’ / - . & or the name's own word boundaries) is never a letter or digit.
_RUN_LETTERS = "".join(sorted(c for c in SAFE_CHARACTERS if c.isalnum()))
_RUN = re.compile(f"[{re.escape(_RUN_LETTERS)}]+")


@dataclass(frozen=True)
class _NameIndex:
    """The names to look for, indexed by one run of letters each name's match must contain.

    With a couple of hundred vendors, trying every name on every text is most of the work; the index
    picks the few names whose key run occurs in the text. It only ever rules names out: the names it
    keeps are tested and matched exactly as before (``_may_occur`` and the name's pattern).
    """

    pairs: tuple[tuple[Vendor, str], ...]
    any_name: re.Pattern[str]
    # Key run (lower case) -> positions in ``pairs`` of the longer names that contain it.
    by_key: dict[str, tuple[int, ...]]
    # Positions of names tried on every text: short names (matched case-sensitively) and names
    # without a safe needle.
    always: tuple[int, ...]

    @classmethod
    def of(cls, pairs: tuple[tuple[Vendor, str], ...]) -> _NameIndex:
        by_key: dict[str, list[int]] = {}
        always: list[int] = []
        for order, (_, name) in enumerate(pairs):
            key = _key_run(name)
            if key:
                by_key.setdefault(key, []).append(order)
            elif name.strip():
                always.append(order)
        return cls(
            pairs=pairs,
            any_name=_any_name(tuple(name for _, name in pairs)),
            by_key={key: tuple(orders) for key, orders in by_key.items()},
            always=tuple(always),
        )

    def candidates(self, lowered: str) -> list[int]:
        """Positions of the names that may occur in a text whose folded form is ``lowered``."""
        found = set(self.always)
        for run in set(_RUN.findall(lowered)):
            found.update(self.by_key.get(run, ()))
        return sorted(found)


def _key_run(name: str) -> str:
    """The longest run of letters or digits in the safe parts of a longer name, or "" for none."""
    if len(name) <= SHORT_NAME:
        return ""
    parts = [part.lower() for part in name.split()]
    runs = [run for part in parts if is_safe_needle(part) for run in _RUN.findall(part)]
    return max(runs, key=len, default="")


def _mentions(
    text: str, names: _NameIndex, *, every_name: bool = False
) -> list[tuple[Vendor, int, int, str]]:
    """The mentions of ``names`` in ``text``; ``every_name`` tries each name without the index (tests)."""
    lowered = folded(text)
    if every_name or lowered is None:
        if not names.any_name.search(text):
            return []
        orders: Iterable[int] = range(len(names.pairs))
    else:
        orders = names.candidates(lowered)
    candidates: list[tuple[int, int, int, int, Vendor, str]] = []
    for order in orders:
        vendor, name = names.pairs[order]
        if not name.strip() or not _may_occur(name, text, lowered):
            continue
        for match in _name_pattern(name).finditer(text):
            start, end = match.span()
            candidates.append((-(end - start), start, order, end, vendor, name))
    candidates.sort(key=lambda item: item[:3])
    chosen: list[tuple[Vendor, int, int, str]] = []
    for _, start, _, end, vendor, name in candidates:
        if all(end <= taken_start or taken_end <= start for _, taken_start, taken_end, _ in chosen):
            chosen.append((vendor, start, end, name))
    chosen.sort(key=lambda item: item[1])
    return chosen
