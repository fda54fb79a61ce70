"""The text of a published statement as a list of blocks: headings, paragraphs, list items, table rows.

Every reader (HTML, Markdown, plain text) gives the same kind of blocks, so the rest of the importer
does not know where the text came from. A block's ``text`` is in the format's Markdown subset: links
as ``[label](target)``, emphasis as ``*…*`` and ``**…**``; ``line`` is the line of the source it
starts on (1-based), for the comments that say where a fact came from.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a list item
    ROW = "row"  # a table row, cells joined by " | "


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    line: int
    level: int = 0  # heading level 1-6; list depth for items
    footer: bool = False  # from the page's footer (contact blocks), not from its main text
    ordered: bool = False  # an item of a numbered list
    source: str = ""  # the page's file (relative to the folder), when a site folder's pages were read


@dataclass(frozen=True)
class Page:
    """What a reader found: the blocks, and what the page says about itself."""

    blocks: tuple[Block, ...]
    title: str | None = None  # <title> or the front matter's title, when no heading gives one
    language: str | None = None  # <html lang> or the front matter's lang
    url: str | None = None  # <link rel=canonical> or og:url
    meta: tuple[tuple[str, str, int], ...] = ()  # (key, value, line) from front matter, for dates
