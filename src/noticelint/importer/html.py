"""Reading an HTML page (or a JSX/TSX component) into blocks with lxml's HTML parser.

What is dropped: scripts, styles, templates, navigation, forms, buttons, hidden elements and cookie
banners. What is kept: the main text (``<main>``, ``role=main`` or the body), and every ``<footer>``,
whose blocks are marked as footer blocks (they carry the contact details of many small sites).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from noticelint.importer.blocks import Block, Kind, Page

_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "nav",
        "button",
        "form",
        "input",
        "select",
        "textarea",
        "head",
        "img",
        "picture",
        "video",
        "audio",
        "canvas",
        "object",
        "embed",
        "map",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LEAVES = frozenset({"p", "dt", "dd", "address", "figcaption", "caption", "pre", "summary", "label"})
_LISTS = frozenset({"ul", "ol", "menu", "dl"})
_CONTAINERS = frozenset(
    {
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "blockquote",
        "figure",
        "details",
        "body",
        "html",
        "center",
        "fieldset",
        "hgroup",
        "search",
    }
)
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot"})
_BANNER = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
_BANNER_KIND = re.compile(
    r"banner|bar\b|notice|popup|pop-up|modal|dialog|overlay|toast|prompt", re.IGNORECASE
)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2028\u2029]+")
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")

# JSX: lines of code between the markup, and expressions inside attributes.
_CODE_LINE = re.compile(
    r"^\s*(?:import\b|export\b|const\b|let\b|var\b|return\b|function\b|if\s*\(|else\b|//|/\*|\*/|[{}()\];]"
    r"|[\w.]+\s*\(.*\)\s*;?\s*$)|=>|&&|\|\||[;{(]\s*$|^\s*\w+=[\"{]"
)


def read_html(text: str, *, jsx: bool = False) -> Page:
    import lxml.html

    if jsx:
        text = _strip_jsx(text)
    if not text.strip():
        return Page(())
    try:
        root = lxml.html.document_fromstring(text)
    except Exception:  # lxml raises ParserError or ValueError on a page with no elements at all
        return Page(())
    title = _first_text(root, "//title")
    language = root.get("lang") or None
    url = None
    for href in root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        if str(href).startswith(("http://", "https://")):
            url = str(href)
            break
    body = root.find("body")
    if body is None:
        body = root
    mains = body.xpath(".//main | .//*[@role='main']")
    region = mains[0] if mains else body
    walker = _Walker(jsx)
    walker.walk(region, footer=False)
    if region is not body:
        for footer in body.xpath(".//footer"):
            if not _inside(footer, region):
                walker.walk(footer, footer=True)
    return Page(tuple(walker.blocks), title=title, language=language, url=url)


def _inside(element: Any, ancestor: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _first_text(root: Any, path: str) -> str | None:
    found = root.xpath(path)
    if not found:
        return None
    value = _SPACE.sub(" ", found[0].text_content()).strip()
    return value or None


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _dropped(element: Any) -> bool:
    tag = _tag(element)
    if not tag or tag in _DROP:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    marks = f"{element.get('id') or ''} {element.get('class') or ''}"
    if _BANNER.search(marks) and (
        _BANNER_KIND.search(marks) or element.get("role") in ("dialog", "alertdialog")
    ):
        return True
    return (
        tag == "header"
        and element.getparent() is not None
        and _tag(element.getparent()) == "body"
        and not (element.xpath(".//h1"))
    )


class _Walker:
    def __init__(self, jsx: bool) -> None:
        self.jsx = jsx
        self.blocks: list[Block] = []
        self._inline: list[str] = []
        self._inline_line = 0

    # Block structure -------------------------------------------------------------------------

    def walk(self, element: Any, *, footer: bool, depth: int = 0) -> None:
        footer = footer or _tag(element) == "footer"
        self._text(element.text, element.sourceline, footer)
        for child in element:
            self._child(child, footer, depth)
            self._text(child.tail, child.sourceline, footer)
        self._flush(footer)

    def _child(self, child: Any, footer: bool, depth: int) -> None:
        if _dropped(child):
            return
        tag = _tag(child)
        if tag in _HEADINGS:
            self._flush(footer)
            self._add(Kind.HEADING, self.inline(child), child.sourceline, footer, level=_HEADINGS[tag])
        elif tag in _LEAVES:
            self._flush(footer)
            if self._has_blocks(child):
                self.walk(child, footer=footer, depth=depth)
            else:
                self._add(Kind.PARAGRAPH, self.inline(child), child.sourceline, footer)
        elif tag in _LISTS:
            self._flush(footer)
            self._list(child, footer, depth + 1)
        elif tag == "li":
            self._flush(footer)
            self._item(child, footer, depth + 1, ordered=False)
        elif tag in _TABLE_PARTS:
            self._flush(footer)
            for row in child.iter("tr"):
                cells = [self.inline(cell) for cell in row if _tag(cell) in ("td", "th")]
                cells = [c for c in cells if c]
                if cells:
                    self._add(Kind.ROW, " | ".join(cells), row.sourceline, footer)
        elif tag in ("br",):
            self._inline.append(_BREAK)
        elif tag == "hr":
            self._flush(footer)
        elif tag in _CONTAINERS or self._has_blocks(child):
            self._flush(footer)
            self.walk(child, footer=footer, depth=depth)
        else:  # inline element: part of the running paragraph
            if not self._inline:
                self._inline_line = child.sourceline or 0
            self._inline.append(self.inline(child, strip=False))

    def _list(self, element: Any, footer: bool, depth: int) -> None:
        ordered = _tag(element) == "ol"
        self._text(element.text, element.sourceline, footer)
        for child in element:
            if _dropped(child):
                continue
            if _tag(child) in ("li", "dt", "dd"):
                self._flush(footer)
                self._item(child, footer, depth, ordered=ordered)
            else:
                self._child(child, footer, depth)
            self._text(child.tail, child.sourceline, footer)
        self._flush(footer)

    def _item(self, element: Any, footer: bool, depth: int, *, ordered: bool) -> None:
        if not self._has_blocks(element):
            text = self.inline(element)
            if text:
                self._add(Kind.ITEM, text, element.sourceline, footer, level=depth, ordered=ordered)
            return
        # An item with a nested list or paragraphs: its own text first, then the nested blocks.
        start = len(self.blocks)
        self._text(element.text, element.sourceline, footer)
        for child in element:
            self._child(child, footer, depth)
            self._text(child.tail, child.sourceline, footer)
        self._flush(footer)
        if len(self.blocks) > start and self.blocks[start].kind is Kind.PARAGRAPH:
            first = self.blocks[start]
            self.blocks[start] = Block(Kind.ITEM, first.text, first.line, depth, footer, ordered)

    def _has_blocks(self, element: Any) -> bool:
        for child in element.iter():
            if child is element:
                continue
            tag = _tag(child)
            if tag in _HEADINGS or tag in _LEAVES or tag in _LISTS or tag in _TABLE_PARTS or tag == "li":
                return True
            if tag in _CONTAINERS and tag not in ("body", "html"):
                return True
        return False

    # Inline text -----------------------------------------------------------------------------

    def _text(self, text: str | None, line: int | None, footer: bool) -> None:
        if text is None:
            return
        if self.jsx:
            text = _without_code(text)
        if text.strip():
            if not self._inline:
                self._inline_line = line or 0
            self._inline.append(text)
        elif self._inline:
            self._inline.append(" ")

    def _flush(self, footer: bool) -> None:
        if self._inline:
            text = _clean("".join(self._inline))
            self._inline = []
            if text:
                self._add(Kind.PARAGRAPH, text, self._inline_line, footer)

    def _add(
        self, kind: Kind, text: str, line: int | None, footer: bool, *, level: int = 0, ordered: bool = False
    ) -> None:
        text = _clean(text)
        if text:
            self.blocks.append(Block(kind, text, line or 0, level, footer, ordered))

    def inline(self, element: Any, *, strip: bool = True) -> str:
        parts: list[str] = []
        self._inline_parts(element, parts, top=True)
        text = "".join(parts)
        return _clean(text) if strip else text

    def _inline_parts(self, element: Any, parts: list[str], *, top: bool = False) -> None:
        tag = _tag(element)
        if not top and _dropped(element):
            parts.append(_tail(element, self.jsx))
            return
        if tag == "br":
            parts.append(_BREAK)
            parts.append(_tail(element, self.jsx))
            return
        inner: list[str] = [_own(element.text, self.jsx)]
        for child in element:
            self._inline_parts(child, inner)
        content = "".join(inner)
        if not top:
            content = _wrap(tag, content, element.get("href"))
        parts.append(content)
        if not top:
            parts.append(_tail(element, self.jsx))


def _own(text: str | None, jsx: bool) -> str:
    if not text:
        return ""
    return _without_code(text) if jsx else text


def _tail(element: Any, jsx: bool) -> str:
    return _own(element.tail, jsx)


def _wrap(tag: str, content: str, href: str | None) -> str:
    label = _SPACE.sub(" ", content).strip()
    if not label:
        return content
    lead = " " if content[:1].isspace() else ""
    trail = " " if content[-1:].isspace() else ""
    if tag == "a" and href and href.strip().lower().startswith(_LINK_SCHEMES):
        target = href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        return f"{lead}[{label.replace('[', '(').replace(']', ')')}]({target}){trail}"
    if tag in ("strong", "b"):
        return f"{lead}**{label}**{trail}"
    if tag in ("em", "i"):
        return f"{lead}*{label}*{trail}"
    return content


_BREAK = "\x1e"  # a <br>: a line break in the text, where the source's own line breaks are spaces


def _clean(text: str) -> str:
    lines = [_SPACE.sub(" ", line).strip() for line in text.split(_BREAK)]
    return "\n".join(line for line in lines if line)


def _without_code(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _CODE_LINE.search(line))


_JSX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.DOTALL)
_JSX_FRAGMENT = re.compile(r"</?>")
_JSX_EXPRESSION = re.compile(r"\{[^{}<>\n]*\}")
_JSX_SPACE = re.compile(r"""\{\s*(["'])\s*\1\s*\}|\{\s*(["'])(\s+)\2\s*\}""")


def _strip_jsx(text: str) -> str:
    """Markup out of a React component: comments and attribute expressions removed, ``{" "}`` a space."""
    start = text.find("return (")
    if start >= 0:
        text = "\n" * text.count("\n", 0, start) + text[start + len("return (") :]
    text = _JSX_COMMENT.sub("", text)
    text = _JSX_SPACE.sub(" ", text)
    text = _JSX_FRAGMENT.sub("", text)
    out: list[str] = []
    i = 0
    for start, end in _attribute_expressions(text):
        out.append(text[i:start])
        out.append('""' + "\n" * text.count("\n", start, end))
        i = end
    out.append(text[i:])
    return _JSX_EXPRESSION.sub("", "".join(out))


def _attribute_expressions(text: str) -> Iterator[tuple[int, int]]:
    """The ``{…}`` after ``=`` (balanced, strings skipped), as (start, end) offsets."""
    i = 0
    while True:
        i = text.find("={", i)
        if i < 0:
            return
        start, depth, j, quote = i + 1, 0, i + 1, ""
        while j < len(text):
            ch = text[j]
            if quote:
                if ch == "\\":
                    j += 1
                elif ch == quote:
                    quote = ""
            elif ch in "\"'`":
                quote = ch
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        yield start, j + 1
        i = j + 1
