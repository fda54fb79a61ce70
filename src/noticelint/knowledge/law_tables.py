"""Two small dated, sourced tables: outdated law and dead mechanisms, and national public bodies.

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
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["OutdatedLaw", "PublicBody", "outdated_law", "public_body"]

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
