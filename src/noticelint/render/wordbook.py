"""The standard wording of the notice: one data file per language (``wording/nb.yaml``, ``wording/en.yaml``).

A wordbook gives labels, sentences with ``{placeholders}``, the names of legal bases, rights, countries
and technologies, and the words for dates and durations. Nothing in it is markup: placeholders are
filled with :mod:`noticelint.render.rich` segments, never by string formatting.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

LANGUAGES = ("nb", "en")

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_TABLES = (
    "anchors",
    "bases",
    "conditions",
    "derogations",
    "special_categories",
    "technologies",
    "rights",
    "rights_in_sentence",
    "countries",
    "text",
)
_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<H>\d+)H)?(?:(?P<TM>\d+)M)?(?:(?P<S>\d+)S)?)?$"
)
# Rough length of each unit in days, only to order durations (shortest and longest storage period).
_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0, "H": 1 / 24, "TM": 1 / 1440, "S": 1 / 86400}


class WordbookError(Exception):
    """A wording file is missing, malformed or lacks a key: a fault in noticelint itself."""


@dataclass(frozen=True)
class Wordbook:
    """The standard wording for one language."""

    language: str
    months: tuple[str, ...]
    date_pattern: str
    units: dict[str, tuple[str, str]]
    conjunction: str
    tables: dict[str, dict[str, str]]

    def entry(self, table: str, key: str) -> str:
        try:
            return self.tables[table][key]
        except KeyError:
            raise WordbookError(f"wording/{self.language}.yaml has no {table}.{key}") from None

    def text(self, key: str) -> str:
        return self.entry("text", key)

    def anchor(self, key: str) -> str:
        return self.entry("anchors", key)

    def country(self, code: str) -> str | None:
        return self.tables["countries"].get(code.upper())

    def date(self, value: datetime.date) -> str:
        """``1. oktober 2026`` (nb), ``1 October 2026`` (en)."""
        return (
            self.date_pattern.replace("{day}", str(value.day))
            .replace("{month}", self.months[value.month - 1])
            .replace("{year}", str(value.year))
        )

    def join(self, items: list[str]) -> str:
        """``a, b og c`` (nb), ``a, b and c`` (en)."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.conjunction} {items[-1]}"

    def duration(self, value: str) -> str:
        """An ISO 8601 duration in words: ``P3Y`` is ``3 år`` / ``3 years``, ``P1Y6M`` ``1 år og 6 måneder``."""
        parts = _duration_parts(value)
        if parts is None:
            return value
        words = [f"{n} {self.units[unit][0 if n == 1 else 1]}" for unit, n in parts]
        return self.join(words) if words else value


def _duration_parts(value: str) -> list[tuple[str, int]] | None:
    match = _DURATION.match(value)
    if match is None:
        return None
    return [(unit, int(n)) for unit, n in match.groupdict().items() if n is not None]




def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def _strings(data: Any, where: str) -> dict[str, str]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise WordbookError(f"{where} must map names to text")
    return dict(data)


@functools.cache
def wordbook(language: str) -> Wordbook:
    """The wordbook for ``language`` (one of :data:`LANGUAGES`)."""
    if language not in LANGUAGES:
        raise WordbookError(f"no standard wording for language {language!r}")
    from ruamel.yaml import YAML

    source = resources.files("noticelint.render").joinpath("wording", f"{language}.yaml")
    data = YAML(typ="safe", pure=True).load(source.read_text(encoding="utf-8"))
    where = f"wording/{language}.yaml"
    if not isinstance(data, dict) or data.get("language") != language:
        raise WordbookError(f"{where} must be a mapping with language: {language}")
    months, units = data.get("months"), data.get("units")
    if not isinstance(months, list) or len(months) != 12 or not all(isinstance(m, str) for m in months):
        raise WordbookError(f"{where}: months must list twelve names")
    if not isinstance(units, dict) or set(units) != set(_DAYS):
        raise WordbookError(f"{where}: units must give {', '.join(_DAYS)}")
    unit_words: dict[str, tuple[str, str]] = {}
    for unit, pair in units.items():
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(w, str) for w in pair):
            raise WordbookError(f"{where}: units.{unit} must be [singular, plural]")
        unit_words[unit] = (pair[0], pair[1])
    return Wordbook(
        language=language,
        months=tuple(months),
        date_pattern=str(data.get("date", "")),
        units=unit_words,
        conjunction=str(data.get("and", "")),
        tables={name: _strings(data.get(name), f"{where}: {name}") for name in _TABLES},
    )
