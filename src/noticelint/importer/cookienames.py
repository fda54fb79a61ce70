"""Cookie names from the Open Cookie Database, when the package ships it (knowledge/open-cookie-database.csv).

Only distinctive names are used (with an underscore, a digit or a capital inside, at least three
characters, no wildcard rows), so that ordinary words in a text ("session", "lang", "td") are never
taken for cookies. Without the table, the importer names no cookies.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "knowledge" / "open-cookie-database.csv"
_DISTINCTIVE = re.compile(r"^(?=.{3,64}$)[A-Za-z_][\w.\-]*$")
_TOKEN = re.compile(r"(?<![\w.\-])[A-Za-z_][\w.\-]{2,63}(?![\w\-])")


@functools.lru_cache(maxsize=4)
def known_names(table: Path = TABLE) -> dict[str, str]:
    """Cookie name -> platform (e.g. ``_ga`` -> ``Google Analytics``); empty without the table."""
    if not table.is_file():
        return {}
    names: dict[str, str] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("Cookie / Data Key name") or "").strip()
            if (row.get("Wildcard match") or "0").strip() == "1" or not _DISTINCTIVE.match(name):
                continue
            inner = name[1:]
            if (
                "_" in inner
                or any(c.isdigit() for c in name)
                or any(c.isupper() for c in inner)
                or name[0] == "_"
            ):
                names.setdefault(name, (row.get("Platform") or "").strip())
    return names


def cookie_names_in(text: str, table: Path | None = None) -> list[tuple[str, str]]:
    """(name, platform) of every known cookie written in ``text``, in order, once each."""
    names = known_names(table or TABLE)
    if not names:
        return []
    found: dict[str, str] = {}
    for match in _TOKEN.finditer(text):
        token = match.group(0).rstrip(".")
        if token in names:
            found.setdefault(token, names[token])
    return list(found.items())
