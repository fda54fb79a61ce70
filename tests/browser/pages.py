"""Helpers for the render tests: load a statement the way the tool does, parse and read rendered pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from noticelint.format.model import PrivacyStatement, Text
from noticelint.format.validation import to_model
from noticelint.input.loader import parse

LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")


def statement_from_text(text: str, name: str = "statement.yaml") -> PrivacyStatement:
    return to_model(parse(text, name))


def statement_from_file(path: Path) -> PrivacyStatement:
    return statement_from_text(path.read_text(encoding="utf-8"), path.name)


def words(text: str) -> str:
    """Whitespace collapsed, links reduced to their label: how a reader sees statement wording."""
    return " ".join(LINK.sub(r"\1", text).split())


def wording(text: Text | None, lang: str, statement: PrivacyStatement) -> str:
    """The statement's text for ``lang`` as the page must show it (falling back to the default language)."""
    assert text is not None
    default = statement.statement.default_language
    value = text.get(lang, default) or text.get(default, default)
    assert value is not None
    return words(value)


def parse_html(html: str, fragment: bool = False) -> ET.Element:
    """Strict HTML5 parsing: any parse error raises html5lib's ParseError."""
    import html5lib  # type: ignore[import-untyped]

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: ET.Element = parser.parseFragment(html) if fragment else parser.parse(html)
    return root


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_id(root: ET.Element, identifier: str) -> ET.Element | None:
    return next((e for e in root.iter() if e.get("id") == identifier), None)


def headings(root: ET.Element) -> list[int]:
    return [int(e.tag[1]) for e in root.iter() if isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag)]


def attributes(root: ET.Element) -> list[tuple[str, str, str]]:
    """Every (tag, attribute, value) in the document."""
    return [(str(e.tag), name, value) for e in root.iter() for name, value in e.attrib.items()]


def all_strings(data: Any) -> list[str]:
    """Every string in a statement's plain data (to tell links from the statement from other links)."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in all_strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in all_strings(v)]
    return []
