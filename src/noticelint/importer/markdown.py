"""Reading Markdown (with YAML front matter) and plain text into blocks.

Markdown is read line by line, as CommonMark would see its blocks: ATX and setext headings, list
items (with their continuation lines), table rows, block quotes and paragraphs (soft-wrapped lines are
joined). Inline markup stays as it is, since the format's text uses the same Markdown subset; inline
HTML is turned into it (``<a href>`` into a link, ``<br>`` into a line break, other tags removed).
Plain text is split into paragraphs at blank lines; a short line without final punctuation standing
alone before a paragraph is taken as a heading.
"""

from __future__ import annotations

import re

from noticelint.importer.blocks import Block, Kind, Page

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+•]|\d{1,3}[.)])[ \t]+(.*)$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ONLY_TAGS = re.compile(r"^\s*(?:<[^>]*>\s*)+$")
_TEMPLATE_LINE = re.compile(r"^\s*(?:\{%.*%\}|\{:.*\}|<!--.*-->)\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_LINK = re.compile(
    r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a\s*>""", re.IGNORECASE | re.DOTALL
)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_STRONG = re.compile(r"<(strong|b)(?:\s[^>]*)?>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_EM = re.compile(r"<(em|i)(?:\s[^>]*)?>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_ENTITIES = {"&nbsp;": "\u00a0", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&shy;": "\u00ad"}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))
_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?\s*$")
_REFERENCE_USE = re.compile(r"\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?(?![(:\[])")


def _with_references(line: str, references: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        key = (match.group(2) or match.group(1)).strip().casefold()
        target = references.get(key)
        return f"[{match.group(1)}]({target})" if target else match.group(0)

    return _REFERENCE_USE.sub(replace, line)


_ESCAPED_MARKER = re.compile(r"^ {0,3}\\#{1,6} ")


def _unescape_markers(line: str) -> str:
    line = re.sub(r"^( {0,3})\\(#{1,6} )", r"\1\2", line)
    line = re.sub(r"^(\s*)\\([-*+] )", r"\1\2", line)
    return line.replace("\\*\\*", "**")


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def read_markdown(text: str) -> Page:
    lines = text.split("\n")
    meta: list[tuple[str, str, int]] = []
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                for j in range(1, i):
                    found = _FRONT_KEY.match(lines[j])
                    if (
                        found
                        and found.group(2).strip()
                        and found.group(2).strip() not in ("|", ">", "|-", ">-")
                    ):
                        meta.append((found.group(1).lower(), found.group(2).strip().strip("'\""), j + 1))
                start = i + 1
                break
    values = {key: value for key, value, _ in meta}
    # Some exports escape every Markdown marker ("\\## Heading", "\\- item"); where no heading is left
    # unescaped, the escaped markers are read as the markup the author meant.
    body_lines = lines[start:]
    if (
        not any(_ATX.match(line) for line in body_lines)
        and sum(bool(_ESCAPED_MARKER.match(x)) for x in body_lines) >= 2
    ):
        lines = lines[:start] + [_unescape_markers(line) for line in body_lines]
    # Reference-style links: the definitions are taken out, each use becomes an inline link.
    references: dict[str, str] = {}
    for n in range(start, len(lines)):
        found = _REFERENCE.match(lines[n])
        if found:
            references[found.group(1).strip().casefold()] = found.group(2)
            lines[n] = ""
    if references:
        lines = [_with_references(line, references) for line in lines]
    reader = _MarkdownBlocks(lines, start)
    return Page(
        tuple(reader.read()),
        title=values.get("title"),
        language=values.get("lang") or values.get("language"),
        url=values.get("url") if values.get("url", "").startswith(("http://", "https://")) else None,
        meta=tuple(meta),
    )


class _MarkdownBlocks:
    def __init__(self, lines: list[str], start: int) -> None:
        self.lines = lines
        self.i = start
        self.blocks: list[Block] = []
        self._para: list[str] = []
        self._para_line = 0
        self._para_kind = Kind.PARAGRAPH
        self._para_level = 0
        self._para_ordered = False

    def read(self) -> list[Block]:
        in_comment = False
        fence: str | None = None
        while self.i < len(self.lines):
            raw = self.lines[self.i].rstrip("\r")
            number = self.i + 1
            self.i += 1
            if fence is not None:
                if raw.strip().startswith(fence):
                    fence = None
                    self._flush()
                else:
                    self._continue(raw, number, Kind.PARAGRAPH)
                continue
            if in_comment:
                if "-->" in raw:
                    in_comment = False
                    raw = raw.split("-->", 1)[1]
                    if not raw.strip():
                        continue
                else:
                    continue
            raw = _COMMENT.sub("", raw)
            if "<!--" in raw:
                raw, in_comment = raw.split("<!--", 1)[0], True
            if not raw.strip() or _TEMPLATE_LINE.match(raw) or _ONLY_TAGS.match(raw):
                self._flush()
                continue
            found = _FENCE.match(raw)
            if found:
                self._flush()
                fence = found.group(1)[:3]
                continue
            if (
                self._para
                and self._para_kind is Kind.PARAGRAPH
                and _SETEXT.match(raw)
                and len(self._para) == 1
            ):
                text = self._para[0]
                line = self._para_line
                self._para = []
                self._add(Kind.HEADING, text, line, level=1 if raw.strip()[0] == "=" else 2)
                continue
            if _RULE.match(raw):
                self._flush()
                continue
            found = _ATX.match(raw)
            if found:
                self._flush()
                self._add(Kind.HEADING, found.group(2) or "", number, level=len(found.group(1)))
                continue
            stripped = raw.strip()
            if stripped.startswith("|") or (self._para_kind is Kind.ROW and self._para and "|" in stripped):
                self._flush()
                if not _TABLE_SEPARATOR.match(stripped):
                    cells = [c.strip() for c in stripped.strip("|").split("|")]
                    self._add(Kind.ROW, " | ".join(c for c in cells if c), number)
                    self._para_kind = Kind.ROW
                continue
            quote = re.match(r"^ {0,3}>\s?(.*)$", raw)
            if quote:
                raw = quote.group(1)
                if not raw.strip():
                    self._flush()
                    continue
            found = _ITEM.match(raw)
            if found and not (
                self._para and self._para_kind is Kind.PARAGRAPH and found.group(2)[0].isdigit()
            ):
                self._flush()
                depth = len(found.group(1).expandtabs(4)) // 2 + 1
                self._start(Kind.ITEM, found.group(3), number, min(depth, 6), found.group(2)[0].isdigit())
                continue
            self._continue(raw, number, Kind.PARAGRAPH)
        self._flush()
        return self.blocks

    def _start(self, kind: Kind, text: str, line: int, level: int, ordered: bool) -> None:
        self._para = [text]
        self._para_line = line
        self._para_kind = kind
        self._para_level = level
        self._para_ordered = ordered

    def _continue(self, raw: str, line: int, kind: Kind) -> None:
        if not self._para:
            self._start(kind, raw.strip(), line, 0, False)
        else:
            self._para.append(
                raw.strip() + ("\\" if _HARD_BREAK.search(raw) and not raw.endswith("\\") else "")
            )

    def _flush(self) -> None:
        if self._para:
            parts: list[str] = []
            for n, piece in enumerate(self._para):
                hard = piece.endswith("\\") and not piece.endswith("\\\\")
                piece = piece[:-1].rstrip() if hard else piece
                parts.append(piece)
                if n < len(self._para) - 1:
                    parts.append("\n" if hard else " ")
            self._add(self._para_kind, "".join(parts), self._para_line, self._para_level, self._para_ordered)
        self._para = []
        self._para_kind = Kind.PARAGRAPH

    def _add(self, kind: Kind, text: str, line: int, level: int = 0, ordered: bool = False) -> None:
        text = inline(text)
        if text:
            self.blocks.append(Block(kind, text, line, level, False, ordered))


def inline(text: str) -> str:
    """Markdown inline text in the format's subset: HTML turned into Markdown, escapes removed."""
    text = _HTML_LINK.sub(lambda m: f"[{_HTML_TAG.sub('', m.group(2)).strip()}]({m.group(1).strip()})", text)
    text = _HTML_BREAK.sub("\n", text)
    text = _HTML_STRONG.sub(lambda m: f"**{m.group(2).strip()}**", text)
    text = _HTML_EM.sub(lambda m: f"*{m.group(2).strip()}*", text)
    text = _HTML_TAG.sub("", text)
    text = _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], text)
    text = _ESCAPE.sub(r"\1", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


_TERMINAL = re.compile(r"[.!?:;,…)\]»\"”]$")


def read_text(text: str) -> Page:
    """Plain text: paragraphs at blank lines, bullet lines as items, a lone short line as a heading."""
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            if not current:
                first = number
            current.append(raw.strip())
        elif current:
            paragraphs.append((first, current))
            current = []
    if current:
        paragraphs.append((first, current))
    blocks: list[Block] = []
    for n, (line, rows) in enumerate(paragraphs):
        if (
            len(rows) == 1
            and len(rows[0]) <= 80
            and not _TERMINAL.search(rows[0])
            and not _ITEM.match(rows[0])
            and n + 1 < len(paragraphs)
        ):
            blocks.append(Block(Kind.HEADING, rows[0], line, 2))
            continue
        para: list[str] = []
        para_line = line
        for offset, row in enumerate(rows):
            found = _ITEM.match(row)
            if found:
                if para:
                    blocks.append(Block(Kind.PARAGRAPH, " ".join(para), para_line))
                    para = []
                blocks.append(
                    Block(Kind.ITEM, found.group(3), line + offset, 1, ordered=found.group(2)[0].isdigit())
                )
            else:
                if not para:
                    para_line = line + offset
                para.append(row)
        if para:
            blocks.append(Block(Kind.PARAGRAPH, " ".join(para), para_line))
    return Page(tuple(blocks))
