"""Markdown output that static-site generators read safely.

Every text from the statement is escaped so that it stays text: Markdown punctuation, raw HTML, entity
references, and the ``{{ }}`` / ``{% %}`` of Liquid (Jekyll) and Hugo shortcodes. Link targets are
percent-encoded. Only :class:`MdSafe` strings, made here, pass the template unescaped.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from noticelint.render.rich import Paragraph, Rich

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&$^=%])")
_LINE_START = re.compile(r"^(\s*)([-:]|\d+(?=[.)]))")
_URL_SAFE = ":/?#@$&+,;=%-._~!*"


class MdSafe(str):
    """Markdown that is already escaped."""

    __slots__ = ()


def _text(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _line(markdown: str) -> MdSafe:
    """One line: whitespace collapsed, and a leading list, heading-underline or numbering marker escaped."""
    return MdSafe(_LINE_START.sub(_escape_marker, " ".join(markdown.split())))


def escape(text: str) -> MdSafe:
    """Plain text as Markdown that renders as the same text, on one line."""
    return _line(_text(text))


def url(target: str) -> MdSafe:
    """A link target that cannot end the link or start a title."""
    return MdSafe(quote(target, safe=_URL_SAFE))


def inline(paragraph: Paragraph) -> MdSafe:
    parts = []
    for segment in paragraph:
        text = _text(segment.text)
        text = f"[{text}]({url(segment.href)})" if segment.href else text
        mark = {"strong": "**", "em": "*"}.get(segment.emphasis or "", "")
        parts.append(f"{mark}{text}{mark}" if mark and text.strip() else text)
    return _line("".join(parts))


def _escape_marker(match: re.Match[str]) -> str:
    marker = match.group(2)
    return match.group(1) + (marker + "\\" if marker.isdigit() else "\\" + marker)


def cell(paragraphs: Rich) -> MdSafe:
    """Paragraphs in one table cell, which cannot hold a line break: each ends as a sentence does."""
    texts = [inline(p) for p in paragraphs]
    return MdSafe(" ".join(_ended(text) if n < len(texts) - 1 else text for n, text in enumerate(texts)))


def _ended(text: str) -> str:
    return text if not text or text[-1] in ".!?:;" else text + "."


def label(term: str) -> MdSafe:
    """A term before its value: ``**Navn:**``, but ``**Må du gi opplysningene?**`` (no second mark)."""
    term = " ".join(term.split())
    return MdSafe(f"{escape(term)}" if term.endswith(("?", ":", "!")) else f"{escape(term)}:")


def block(paragraphs: Rich) -> MdSafe:
    """Paragraphs inside a list item: continuation paragraphs indented under the bullet."""
    return MdSafe("\n\n  ".join(inline(p) for p in paragraphs))


def heading_id(identifier: str) -> MdSafe:
    """``{#id}``: the heading attribute that Hugo (Goldmark), Jekyll (kramdown) and Pandoc understand."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", identifier):
        raise ValueError(f"not a safe id: {identifier!r}")
    return MdSafe("{#" + identifier + "}")


def yaml_string(value: str) -> MdSafe:
    """A front-matter value: a JSON string is a valid YAML scalar on one line. Braces, angle brackets and
    ampersands are written as \\u escapes, so the file holds no ``{{``, ``{%`` or tag even as data."""
    quoted = json.dumps(value, ensure_ascii=False)
    return MdSafe(re.sub(r"[{}<>&]", lambda m: f"\\u{ord(m.group(0)):04x}", quoted))


def finalize(value: object) -> str:
    """Jinja's ``finalize`` for Markdown: anything not already made safe is escaped."""
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    return escape(str(value))
