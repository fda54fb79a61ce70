"""The notice as the templates see it: a page of sections of blocks, all text already in rich segments.

The builder decides what the page says; the templates only decide how it looks in HTML or Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from noticelint.render.rich import Paragraph, Rich


@dataclass(frozen=True)
class Para:
    """One paragraph."""

    kind: ClassVar[str] = "para"
    text: Paragraph


@dataclass(frozen=True)
class Facts:
    """Label and value pairs (a definition list)."""

    kind: ClassVar[str] = "facts"
    rows: tuple[tuple[str, Rich], ...]


@dataclass(frozen=True)
class Items:
    """A bulleted list."""

    kind: ClassVar[str] = "items"
    items: tuple[Rich, ...]


@dataclass(frozen=True)
class Table:
    """A table whose first column names the row."""

    kind: ClassVar[str] = "table"
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[Rich, ...], ...]
    id: str | None = None


Block = Para | Facts | Items | Table


@dataclass(frozen=True)
class Section:
    """A heading (h2, or h3 for a subsection) with an id the page can link to."""

    id: str
    heading: Paragraph
    blocks: tuple[Block, ...]
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class SummaryLine:
    """One line of the first layer: a label that links to its detail, and what the detail says in brief."""

    label: str
    target: str
    body: Rich
    items: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class Summary:
    id: str
    heading: str
    intro: str
    lines: tuple[SummaryLine, ...]


@dataclass(frozen=True)
class Draft:
    """The banner on a draft: why the page must not be published."""

    title: str
    intro: str
    errors: tuple[str, ...]
    show: str = ""  # the folded list's summary, in the page's language


@dataclass(frozen=True)
class Page:
    lang: str
    title: Paragraph
    meta: Paragraph
    intro: Rich
    summary: Summary
    sections: tuple[Section, ...]
    draft: Draft | None = None
    intro_heading: Paragraph = ()  # the heading the introduction has in the published text, if any

    @property
    def title_text(self) -> str:
        return "".join(s.text for s in self.title)
