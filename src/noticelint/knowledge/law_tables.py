"""Three small dated, sourced tables: outdated law and dead mechanisms, national public bodies, and the
journal duties of health and animal-health businesses.

``outdated_law.csv`` lists references a statement should no longer make (the EU–US Privacy Shield,
Directive 95/46/EC, personopplysningsloven 2000, ekomloven § 2-7 b, the UK Data Protection Act 1998,
Universal Analytics, …): each row is a case-insensitive ``pattern``, an optional ``context`` pattern that
the same sentence (``context_in``: ``sentence``) or the same text (``text``) must also match, the
``language`` of text it applies to (``any``, ``nb`` or ``en``), the ``jurisdiction`` it applies in (a
country code such as ``GB``, matched against the statement's jurisdiction or else the controller's
country; empty: every statement), what the reference was, what replaced
it, since when, the ``source`` and when it was ``last_checked``.

``public_bodies.csv`` lists national public bodies, and national organisations named after their
country ("Norges Idrettsforbund", "England Athletics"), by ``pattern`` (matched against a party's whole
legal or trade name) and ``country``: a body of the statement's own jurisdiction needs no country.

``journal_duties.csv`` lists, per ``kind`` of business (``health``, ``animal_health``), the words that
make a statement unmistakably such a business (``business``, a pattern matched against the
controller's names and the words of an activity about a journal), the pattern of the ``statute`` as a
retention names it, the ``duty`` cited, the ``minimum_retention`` the statute sets (an ISO 8601
duration; empty where it sets none), the ``retention_rule`` in words, the ``source``, what was
``verified`` and when the row was ``last_checked``.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

from noticelint.format.model import Activity, PrivacyStatement, Text

__all__ = [
    "JournalDuty",
    "OutdatedLaw",
    "PublicBody",
    "activity_journal_duty",
    "journal_duties",
    "journal_duty",
    "mentions_journal",
    "outdated_law",
    "patient_journal",
    "public_body",
]

_OUTDATED_COLUMNS = (
    "pattern",
    "context",
    "context_in",
    "language",
    "jurisdiction",
    "what_it_was",
    "replaced_by",
    "since",
    "source",
    "last_checked",
)
_PUBLIC_COLUMNS = ("pattern", "country", "what_it_is", "source", "last_checked")
_JOURNAL_COLUMNS = (
    "kind",
    "business",
    "statute",
    "duty",
    "minimum_retention",
    "retention_rule",
    "source",
    "verified",
    "last_checked",
)


@dataclass(frozen=True)
class OutdatedLaw:
    """A reference to law or a mechanism that no longer applies, and what replaced it."""

    pattern: re.Pattern[str]
    context: re.Pattern[str] | None
    context_in: str
    language: str
    jurisdiction: str
    what_it_was: str
    replaced_by: str
    since: str
    source: str
    last_checked: str

    def applies_to(self, language: str) -> bool:
        family = "nb" if language.split("-")[0] in {"nb", "nn", "no"} else language.split("-")[0]
        return self.language == "any" or self.language == family

    def applies_in(self, country: str | None) -> bool:
        """Whether the row applies to a statement under the law of ``country`` (empty: everywhere)."""
        return not self.jurisdiction or self.jurisdiction == country


@dataclass(frozen=True)
class PublicBody:
    pattern: re.Pattern[str]
    country: str
    what_it_is: str
    source: str
    last_checked: str


@dataclass(frozen=True)
class JournalDuty:
    """The journal duty of one kind of business (health care, animal health) and what it sets for retention."""

    kind: str
    business: re.Pattern[str]
    statute: re.Pattern[str]
    duty: str
    minimum_retention: str
    retention_rule: str
    source: str
    verified: str
    last_checked: str


def _rows(filename: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    text = (
        resources.files(__package__ or "noticelint.knowledge").joinpath(filename).read_text(encoding="utf-8")
    )
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise ValueError(f"noticelint knowledge table {filename}: expected the columns {', '.join(columns)}")
    rows = []
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            raise ValueError(
                f"noticelint knowledge table {filename}, line {reader.line_num}: wrong number of fields"
            )
        rows.append({key: value.strip() for key, value in row.items()})
    return rows


@functools.cache
def outdated_law() -> tuple[OutdatedLaw, ...]:
    """The rows of ``outdated_law.csv``, patterns compiled (read once)."""
    return tuple(
        OutdatedLaw(
            pattern=re.compile(row["pattern"], re.IGNORECASE),
            context=re.compile(row["context"], re.IGNORECASE) if row["context"] else None,
            context_in=row["context_in"] or "sentence",
            language=row["language"],
            jurisdiction=row["jurisdiction"].upper(),
            what_it_was=row["what_it_was"],
            replaced_by=row["replaced_by"],
            since=row["since"],
            source=row["source"],
            last_checked=row["last_checked"],
        )
        for row in _rows("outdated_law.csv", _OUTDATED_COLUMNS)
    )


@functools.cache
def _public_bodies() -> tuple[PublicBody, ...]:
    return tuple(
        PublicBody(
            pattern=re.compile(rf"(?:{row['pattern']})"),
            country=row["country"],
            what_it_is=row["what_it_is"],
            source=row["source"],
            last_checked=row["last_checked"],
        )
        for row in _rows("public_bodies.csv", _PUBLIC_COLUMNS)
    )


def public_body(name: str, country: str) -> PublicBody | None:
    """The national public body of ``country`` whose pattern matches the whole of ``name``, if any."""
    wanted = " ".join(name.split())
    for body in _public_bodies():
        if body.country == country and body.pattern.fullmatch(wanted):
            return body
    return None


@functools.cache
def journal_duties() -> tuple[JournalDuty, ...]:
    """The rows of ``journal_duties.csv``, patterns compiled (read once); animal health before health,
    so that a veterinary practice's "pasientjournal" is read as the animal's."""
    rows = tuple(
        JournalDuty(
            kind=row["kind"],
            business=re.compile(rf"\b(?:{row['business']})", re.IGNORECASE),
            statute=re.compile(row["statute"], re.IGNORECASE),
            duty=row["duty"],
            minimum_retention=row["minimum_retention"],
            retention_rule=row["retention_rule"],
            source=row["source"],
            verified=row["verified"],
            last_checked=row["last_checked"],
        )
        for row in _rows("journal_duties.csv", _JOURNAL_COLUMNS)
    )
    return tuple(sorted(rows, key=lambda duty: duty.kind != "animal_health"))


_JOURNAL_WORDS = re.compile(
    r"\b(?:pasient)?journal(?:en|er|ene|føring\w*|system\w*|opplysning\w*|notat\w*)?\b|"
    r"\b(?:patient|medical|clinical|health)\s+records?\b",
    re.IGNORECASE,
)


def mentions_journal(text: str) -> bool:
    """Whether ``text`` speaks of a (patient) journal or patient records ("journalføring",
    "pasientjournalen", "patient records"; not "journalistikk")."""
    return bool(_JOURNAL_WORDS.search(text))


def journal_duty(controller_names: list[str], activity_words: list[str]) -> JournalDuty | None:
    """The journal duty of the business a statement is unmistakably about, or ``None``.

    The controller's names are read first ("Eksempel Dyreklinikk AS", "Borg Fysioterapi"); failing that,
    the words of an activity that speaks of a journal ("journalføring i henhold til helsepersonelloven").
    An animal-health business wins over human health, so a veterinary "pasientjournal" is the animal's.
    """
    names = " ".join(controller_names)
    for duty in journal_duties():
        if duty.business.search(names):
            return duty
    words = " ".join(activity_words)
    if not mentions_journal(words):
        return None
    for duty in journal_duties():
        if duty.business.search(words) or duty.statute.search(words):
            return duty
    return None


def _values(text: Text | None) -> list[str]:
    if text is None:
        return []
    return [text.root] if isinstance(text.root, str) else list(text.root.values())


def activity_journal_duty(statement: PrivacyStatement, activity: Activity) -> JournalDuty | None:
    """The journal duty ``activity`` is kept under, if it speaks of a journal (purpose, data, wording or
    retention) and the statement is unmistakably a health or animal-health business."""
    words = _values(activity.purpose) + _values(activity.text)
    for text in activity.data_categories:
        words += _values(text)
    if activity.retention is not None:
        words += _values(activity.retention.statute) + _values(activity.retention.criterion)
    if not mentions_journal(" ".join(words)):
        return None
    controller = statement.controller
    return journal_duty([name for name in (controller.legal_name, controller.trade_name) if name], words)


def patient_journal(statement: PrivacyStatement, activity: Activity) -> JournalDuty | None:
    """The health-personnel journal duty, if ``activity`` is the patient journal of an unmistakable health
    business (a veterinary practice's journal is not)."""
    duty = activity_journal_duty(statement, activity)
    return duty if duty is not None and duty.kind == "health" else None
