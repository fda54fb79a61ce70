"""Matching declared parties and wording against the vendor table.

Used by the recipient (REC) and transfer (TRF) rules. Nothing here decides what is wrong; these helpers
only say which vendor a party stands for, which vendors the wording names, and which parties receive
data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from noticelint.format.model import Party, PrivacyStatement
from noticelint.knowledge import SHORT_NAME, Knowledge, Vendor
from noticelint.text.organisations import normalise_name
from noticelint.text.pretests import Needles, TextAnswers, either, is_safe_needle, needles
from noticelint.text.sentences import sentences

# A note in brackets after an entity in the vendor table: "Cloudflare, Inc. (party to the customer DPA)".
_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
# A negation just before a vendor's name: "Vi bruker ikke Mailchimp", "We do not use Hotjar".
_NEGATION = re.compile(r"\b(?:ikke|aldri|verken|not|never|neither|nor|no longer)\b|n't\b", re.IGNORECASE)
# How many words before the name a negation may stand, within the same clause.
_NEGATION_WINDOW = 3


def entity_name(value: str) -> str:
    """An entity from the vendor table without its note in brackets."""
    return _NOTE.sub("", value).strip()


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Compare organisation names without case, commas, spacing, a note in brackets or a final full stop."""
    return normalise_name(entity_name(name).replace(",", " "))


def _keys(names: Iterable[str | None]) -> frozenset[str]:
    return _keys_of(tuple(name for name in names if name and name.strip()))


@functools.lru_cache(maxsize=4096)
def _keys_of(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name_key(name) for name in names)


def party_keys(party: Party) -> frozenset[str]:
    return _keys((party.legal_name, party.trade_name))


def service_keys(vendor: Vendor) -> frozenset[str]:
    """The service name and its aliases."""
    return _keys(vendor.names)


def entity_keys(vendor: Vendor) -> frozenset[str]:
    """The organisations behind a service: the EEA, US and other entities and the outdated names."""
    return _keys((vendor.eea_entity, vendor.us_entity, vendor.other_entity, *vendor.outdated_names))


def party_services(knowledge: Knowledge, party: Party) -> list[Vendor]:
    """Vendors whose service name or alias is the party's trade or legal name ("Google Analytics")."""
    return _by_keys(knowledge, _index(knowledge, "services", service_keys), party_keys(party))


def _entity_vendors(knowledge: Knowledge, party: Party) -> list[Vendor]:
    """Vendors provided by the entity the party names ("Google Ireland Limited", "Google Inc.")."""
    return _by_keys(knowledge, _index(knowledge, "entities", entity_keys), party_keys(party))


def _index(
    knowledge: Knowledge, kind: str, keys_of: Callable[[Vendor], frozenset[str]]
) -> dict[str, tuple[int, ...]]:
    """Name key -> positions of the vendors that have it, built once per knowledge object."""
    index: dict[str, tuple[int, ...]] | None = knowledge.derived.get(f"vendor_matching.{kind}")
    if index is None:
        built: dict[str, list[int]] = {}
        for position, vendor in enumerate(knowledge.vendors):
            for key in keys_of(vendor):
                built.setdefault(key, []).append(position)
        index = {key: tuple(positions) for key, positions in built.items()}
        knowledge.derived[f"vendor_matching.{kind}"] = index
    return index


def _by_keys(knowledge: Knowledge, index: dict[str, tuple[int, ...]], keys: frozenset[str]) -> list[Vendor]:
    """The vendors having any of ``keys``, in the order of the table."""
    positions = sorted({p for key in keys for p in index.get(key, ())})
    return [knowledge.vendors[p] for p in positions]


def party_vendors(knowledge: Knowledge, party: Party) -> list[Vendor]:
    """The vendors a party stands for, best first: the one matcher every rule family uses.

    A party that names a service ("Google Analytics") stands for that service only; so does a party whose
    name mentions a service ("Google Analytics 4 (GA4)"). A party named only by its entity ("Google
    Ireland Limited", "Google LLC", "Google Inc.") stands for every service that entity provides, in the
    order of the table.
    """
    services = party_services(knowledge, party) or _services_mentioned(knowledge, party)
    if services:
        return services
    return _entity_vendors(knowledge, party)


def party_vendor(knowledge: Knowledge, party: Party) -> Vendor | None:
    """The one vendor a party certainly stands for, or ``None``.

    The first of :func:`party_vendors` when the party names or mentions a service; when it is named only
    by an entity that stands behind several services ("Google Ireland Limited": Analytics, Tag Manager,
    Workspace, YouTube), it is not known which one is used, so there is no single vendor to judge by.
    """
    vendors = party_vendors(knowledge, party)
    if not vendors:
        return None
    by_service = bool(party_services(knowledge, party) or _services_mentioned(knowledge, party))
    return vendors[0] if by_service or len(vendors) == 1 else None


def _services_mentioned(knowledge: Knowledge, party: Party) -> list[Vendor]:
    """Services named inside the party's trade or legal name, in that order, each once."""
    found: list[Vendor] = []
    for name in (party.trade_name, party.legal_name):
        if name:
            found += [vendor for vendor, *_ in find_vendors(knowledge, name) if vendor not in found]
    return found


def stands_for(knowledge: Knowledge, party: Party, vendor: Vendor) -> bool:
    return vendor in party_vendors(knowledge, party)


@dataclass(frozen=True)
class VendorMention:
    """A vendor named in one text: the vendor, the name as written and its place."""

    vendor: Vendor
    written: str
    start: int
    end: int


def vendor_mentions(knowledge: Knowledge, text: str) -> Iterator[VendorMention]:
    """Vendors named in ``text``, written as names and not negated.

    The table's look-up ignores case for names longer than three characters, so ordinary words ("our
    teams", "outlook", "plausible", "meta-data") would count. A mention counts here only when it is
    written with a capital first letter or exactly as the table spells it ("reCAPTCHA"), and not right
    after a negation in the same clause ("Vi bruker ikke Mailchimp", "we do not use Hotjar").
    """
    found = find_vendors(knowledge, text)
    if not found:
        return
    spans = list(sentences(text))
    for vendor, start, end, name in found:
        written = text[start:end]
        if written != name and not written[:1].isupper():
            continue
        sentence_start = next((s.start for s in spans if s.start <= start < s.end), 0)
        if _negated(text[sentence_start:start]):
            continue
        yield VendorMention(vendor, written, start, end)


def _negated(before: str) -> bool:
    """Whether the words just before a name, in the same clause, negate it."""
    clause = re.split(r"[,;:()]", before)[-1]
    return bool(_NEGATION.search(" ".join(clause.split()[-_NEGATION_WINDOW:])))


def receiving_parties(statement: PrivacyStatement) -> frozenset[str]:
    """Ids of the parties that receive data: the recipients of an activity, and their sub-processors
    (at any depth)."""
    receiving = {recipient for activity in statement.activities for recipient in activity.recipients}
    changed = True
    while changed:
        changed = False
        for party in statement.parties:
            if party.id not in receiving and party.processor_for in receiving:
                receiving.add(party.id)
                changed = True
    return frozenset(receiving)


def sub_processors(statement: PrivacyStatement, party_id: str) -> list[Party]:
    """The sub-processors of a party, at any depth, without the party itself."""
    found: dict[str, Party] = {}
    frontier = {party_id}
    while frontier:
        nxt = {
            p.id
            for p in statement.parties
            if p.processor_for in frontier and p.id not in found and p.id != party_id
        }
        for p in statement.parties:
            if p.id in nxt:
                found[p.id] = p
        frontier = nxt
    return list(found.values())


def party_label(party: Party) -> str:
    """How a message names a party: "Google Ireland Limited (google-ireland)"."""
    return f"{party.legal_name} ({party.id})"


# --- ruling texts out before the vendor table's look-ups ------------------------------------------


class _NameGate:
    """Whether a text may name one of some names, told by substring tests and kept per text.

    The vendor table's look-up matches names of three characters or fewer with their case and longer
    ones without; every word of a name must occur for it to match.
    """

    def __init__(self, names: Iterable[str]) -> None:
        exact: list[tuple[str, ...]] = []
        folded_names: list[Needles] = []
        self.unsure = False
        for name in names:
            words = tuple(name.split())
            if not words:
                continue
            if len(name) <= SHORT_NAME:
                exact.append(words)
            elif all(is_safe_needle(word.lower()) for word in words):
                folded_names.append(needles(*(word.lower() for word in words)))
            else:
                self.unsure = True
        self.exact = tuple(exact)
        self.folded = either(*folded_names) if folded_names else None
        self._answers = TextAnswers(self._may_name)

    def may_name(self, text: str) -> bool:
        return self._answers[text]

    def _may_name(self, text: str) -> bool:
        if self.unsure or any(all(word in text for word in words) for words in self.exact):
            return True
        return self.folded is not None and self.folded.may_match(text)


def _gate(knowledge: Knowledge, kind: str) -> _NameGate:
    """The literal pre-test for the table's names ("vendors") or outdated names, once per knowledge object."""
    gate: _NameGate | None = knowledge.derived.get(f"vendor_matching.gate.{kind}")
    if gate is None:
        if kind == "vendors":
            names = [name for vendor in knowledge.vendors for name in vendor.names]
        else:
            names = [name for vendor in knowledge.vendors for name in vendor.outdated_names]
        gate = _NameGate(names)
        knowledge.derived[f"vendor_matching.gate.{kind}"] = gate
    return gate


def find_vendors(knowledge: Knowledge, text: str) -> list[tuple[Vendor, int, int, str]]:
    """``knowledge.find_vendors(text)``, without the look-up for texts that cannot name a vendor."""
    if not _gate(knowledge, "vendors").may_name(text):
        return []
    return knowledge.find_vendors(text)


def find_outdated_names(knowledge: Knowledge, text: str) -> list[tuple[Vendor, int, int, str]]:
    """``knowledge.find_outdated_names(text)``, without the look-up for texts that cannot name one."""
    if not _gate(knowledge, "outdated").may_name(text):
        return []
    return knowledge.find_outdated_names(text)


def cookie_note(vendor: Vendor) -> str | None:
    """How sure the vendor table is that ``vendor`` sets cookies: a phrase for a message, or ``None``.

    "believed yes (verify)" counts too (the safer reading), and the message says it is unconfirmed.
    """
    if vendor.sets_cookie:
        return "sets cookies"
    if vendor.sets_cookies.strip().lower().startswith("believed yes"):
        return "is believed to set cookies (unconfirmed in the vendor table)"
    return None
