"""Generating the human-readable notice from a statement: ``noticelint render``.

Data flow: the engine loads, validates and checks the file (the publish gate); the typed
:class:`~noticelint.format.model.PrivacyStatement` is turned into a :class:`~noticelint.render.page.Page` in one
language (standard wording from ``wording/<lang>.yaml`` wherever the statement has none of its own),
and a Jinja2 template writes that page as HTML or Markdown. See docs/render.md.

This package imports Jinja2; ``noticelint check`` never imports it.
"""

from __future__ import annotations

from collections.abc import Sequence

from noticelint.format.model import PrivacyStatement
from noticelint.knowledge import load_knowledge
from noticelint.render.build import build_page
from noticelint.render.templates import FORMATS, render_page
from noticelint.render.wordbook import LANGUAGES

__all__ = ["FORMATS", "LANGUAGES", "render_notice"]


def render_notice(
    statement: PrivacyStatement,
    lang: str,
    fmt: str = "html",
    *,
    fragment: bool = False,
    draft_errors: Sequence[str] | None = None,
) -> str:
    """The notice for ``statement`` in ``lang`` (``nb`` or ``en``) as ``html`` or ``md``.

    ``draft_errors`` (a list, possibly empty) renders a draft: a banner on top lists the errors.
    """
    page = build_page(statement, lang, load_knowledge(), draft_errors)
    return render_page(page, fmt, fragment)
