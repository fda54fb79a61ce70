"""Text with links, as the templates receive it: paragraphs of segments, never markup.

Statement wording is text in a small Markdown subset (docs/format.md): paragraphs separated by a blank
line, list items (lines starting with ``- ``, ``* `` or ``1. ``), strong emphasis (``**strong**``)
and links written ``[label](url)``. A link becomes a link only when its URL is ``http(s):``,
``mailto:`` or ``tel:``; anything else (``javascript:``, ``data:``, relative paths) stays in the text
as the characters the author wrote. Each list item becomes a paragraph of its own that starts with its
marker ("• " or its number). The templates escape every segment; nothing here is ever template code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_FRAGMENT = re.compile(r"^#[a-z0-9][a-z0-9_-]*$")
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\]")


def safe_url(url: str) -> str | None:
    """``url`` if it may be emitted as a link target, else ``None``."""
    if _UNSAFE_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return url if parts.netloc and url.lower().startswith(f"{scheme}://") else None
    if scheme == "mailto":
        return url if "@" in parts.path else None
    if scheme == "tel":
        return url if re.fullmatch(r"tel:\+?[0-9][0-9().-]*", url) else None
    return None


def _allowed_href(href: str) -> bool:
    return bool(_FRAGMENT.match(href)) or safe_url(href) == href


@dataclass(frozen=True)
class Segment:
    """A run of text, a link (``href``), or both; ``lang`` when it is in another language than the page."""

    text: str
    href: str | None = None
    lang: str | None = None
    emphasis: str | None = None  # "strong" for **strong** text

    def __post_init__(self) -> None:
        if self.href is not None and not _allowed_href(self.href):
            raise ValueError(f"refusing to emit link target {self.href!r}")


Paragraph = tuple[Segment, ...]
Rich = tuple[Paragraph, ...]
Value = str | Segment | Paragraph


def link(label: str, url: str, lang: str | None = None) -> Segment:
    """A link to ``url`` if it is safe, else the label as plain text."""
    href = safe_url(url)
    return Segment(label, href, lang) if href else Segment(label, None, lang)


def anchor(label: str, target: str) -> Segment:
    """A link to an element of the page itself."""
    return Segment(label, f"#{target}")


def email_link(address: str) -> Segment:
    return link(address, f"mailto:{address}")


def phone_link(number: str) -> Segment:
    return link(number, "tel:" + re.sub(r"[^0-9+]", "", number))


_ITEM = re.compile(r"^\s*(?:([-*+•])|(\d{1,3})[.)])\s+(?=\S)")
# Only **strong** is markup: a single * or _ is too common in real text (footnotes, "_ga", "5 * 3").
_EMPHASIS = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*")


def parse(text: str, lang: str | None = None) -> Rich:
    """Statement wording as paragraphs; whitespace inside a paragraph is collapsed to single spaces, and
    each list item is a paragraph of its own, starting with its marker."""
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text.strip()):
        pending: list[str] = []
        for row in block.split("\n"):
            item = _ITEM.match(row)
            if item:
                if pending:
                    paragraphs.append(_inline(" ".join(" ".join(pending).split()), lang))
                    pending = []
                marker = "• " if item.group(1) else f"{item.group(2)}. "
                paragraphs.append(
                    _merge((Segment(marker, None, lang), *_inline(" ".join(row[item.end() :].split()), lang)))
                )
            elif row.strip():
                pending.append(row)
        if pending:
            paragraphs.append(_inline(" ".join(" ".join(pending).split()), lang))
    return tuple(p for p in paragraphs if p)


def _inline(line: str, lang: str | None) -> Paragraph:
    segments: list[Segment] = []
    position = 0
    for match in _LINK.finditer(line):
        if match.start() > position:
            segments.extend(_emphasised(line[position : match.start()], lang))
        href = safe_url(match.group(2))
        if href:
            segments.append(Segment(_without_emphasis(match.group(1)), href, lang))
        else:
            segments.extend(_emphasised(match.group(0), lang))
        position = match.end()
    if position < len(line):
        segments.extend(_emphasised(line[position:], lang))
    return _merge(segments)


def _emphasised(text: str, lang: str | None) -> list[Segment]:
    """``**strong**`` as strong segments, the rest as plain ones."""
    segments: list[Segment] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            segments.append(Segment(text[position : match.start()], None, lang))
        segments.append(Segment(match.group(1), None, lang, "strong"))
        position = match.end()
    if position < len(text):
        segments.append(Segment(text[position:], None, lang))
    return segments


def _without_emphasis(text: str) -> str:
    return _EMPHASIS.sub(r"\1", text)


def _merge(segments: Iterable[Segment]) -> Paragraph:
    """Adjacent plain segments in the same language become one."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        last = merged[-1] if merged else None
        if (
            last
            and last.href is None
            and segment.href is None
            and last.lang == segment.lang
            and last.emphasis == segment.emphasis
        ):
            merged[-1] = Segment(last.text + segment.text, None, last.lang, last.emphasis)
        else:
            merged.append(segment)
    return tuple(merged)


def as_paragraph(value: Value) -> Paragraph:
    if isinstance(value, str):
        return (Segment(value),)
    if isinstance(value, Segment):
        return (value,)
    return value


def fill(template: str, values: Mapping[str, Value]) -> Paragraph:
    """A wording template with its ``{placeholders}`` replaced by ``values``."""
    segments: list[Segment] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        segments.append(Segment(_after(segments, template[position : match.start()])))
        name = match.group(1)
        if name not in values:
            raise KeyError(f"no value for placeholder {{{name}}} in {template!r}")
        segments.extend(as_paragraph(values[name]))
        position = match.end()
    segments.append(Segment(_after(segments, template[position:])))
    return _merge(segments)


def _after(segments: list[Segment], literal: str) -> str:
    """The wording after a value, without a full stop the value already ends with ("Google Inc.")."""
    if literal.startswith(".") and segments and segments[-1].text.endswith("."):
        return literal[1:]
    return literal


def concat(*parts: Value) -> Paragraph:
    return _merge(segment for part in parts for segment in as_paragraph(part))


def join(parts: list[Paragraph], separator: str, last: str | None = None) -> Paragraph:
    """``a, b og c``: the parts with ``separator`` between them and ``last`` before the final one."""
    pieces: list[Value] = []
    for index, part in enumerate(parts):
        if index:
            pieces.append(last if last is not None and index == len(parts) - 1 else separator)
        pieces.append(part)
    return concat(*pieces)


def plain(paragraph: Paragraph) -> Paragraph:
    """The same text without links (for headings and link labels)."""
    return _merge(Segment(s.text, None, s.lang) for s in paragraph)  # no links, no emphasis


def text_of(paragraph: Paragraph) -> str:
    return "".join(s.text for s in paragraph)


def flatten(rich: Rich) -> Paragraph:
    """All paragraphs as one, separated by spaces (for table cells and list lines)."""
    return join(list(rich), " ")
