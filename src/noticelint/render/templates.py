"""The Jinja2 environments: HTML with autoescaping, Markdown with Markdown escaping.

Templates are files shipped in this package; the statement only ever arrives as data (a
:class:`~noticelint.render.page.Page`), so nothing in it can be template code. Both environments
escape every output by default: HTML through Jinja's autoescaping, Markdown through a ``finalize``
that escapes everything a filter has not already made safe.
"""

from __future__ import annotations

import functools
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from noticelint.render import markdown as md
from noticelint.render.page import Page

FORMATS = ("html", "md")


def _md_finalize(value: Any) -> Any:
    # In the Markdown environment "Markup" means "already Markdown": macros, loops and the filters
    # below produce it; anything else is escaped here before Jinja sees it.
    return value if isinstance(value, Markup) else Markup(md.finalize(value))


def _safe(function: Any) -> Any:
    return lambda *args: Markup(function(*args))


def _link_to(label: str, target: str) -> Markup:
    return Markup(f"[{md.escape(label)}](#{md.url(target)})")


@functools.cache
def _environment(fmt: str) -> Environment:
    loader = PackageLoader("noticelint.render", "templates")
    common: dict[str, Any] = {
        "loader": loader,
        "autoescape": True,
        "undefined": StrictUndefined,
        "keep_trailing_newline": True,
        "auto_reload": False,
    }
    if fmt == "html":
        return Environment(**common)
    env = Environment(**common, finalize=_md_finalize)
    env.filters.update(
        inline=_safe(md.inline),
        cell=_safe(md.cell),
        label=_safe(md.label),
        block=_safe(md.block),
        heading_id=_safe(md.heading_id),
        yaml_string=_safe(md.yaml_string),
        link_to=_link_to,
        hashes=lambda level: Markup("#" * int(level)),
    )
    return env


def render_page(page: Page, fmt: str, fragment: bool = False) -> str:
    """The page as a complete HTML document or Markdown file (``fragment``: the body only)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    template = _environment(fmt).get_template(f"notice.{fmt}.j2")
    text = template.render(page=page, fragment=fragment)
    return _tidy(text)


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
