"""``noticelint import SOURCE``: a published statement (HTML, Markdown or plain text) as a draft.

The draft is YAML in the statement format, with every sentence of the source in the item or section it
belongs to and only the facts the importer is certain of, each commented with its source line. It is
checked by the same road as ``noticelint check`` before it is written; the summary on standard error
says what was found, what needs review and what the check found.

Exit codes: 0 the draft was written (or printed), 2 the source could not be imported or the output
could not be written. Findings in the draft do not fail the import: a draft is expected to have them.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.importer.blocks import Block, Page

if TYPE_CHECKING:
    from noticelint.lint.findings import Finding

EXIT_OK, EXIT_ERROR = 0, 2
MAX_BYTES = 5 * 1024 * 1024
MAX_PAGES = 200
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_TEXT_SUFFIXES = (".txt", ".text", "")
_CODE_SUFFIXES = (".tsx", ".jsx", ".vue", ".svelte", ".astro")


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = {
    "nb": words(
        "og i er vi til for som av med på ikke det du deg dine dere har kan vil eller om ved etter hos "
        "våre vår oss skal"
    ),
    "en": words("the and of to is we you your our for in with that are be this by or not on will may us"),
}
_STOPWORDS["nn"] = _STOPWORDS["nb"]
_WORD = re.compile(r"[a-zæøåäöüé]+")


class ImportError_(Exception):
    """The source cannot be imported: a located message, exit 2."""


def _say(message: str) -> None:
    print(f"noticelint: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ImportError_ as exc:
        _say(f"error: {exc}")
        return EXIT_ERROR


@dataclass(frozen=True)
class Imported:
    yaml: str
    found: list[str]
    review: list[str]
    language: str


def _run(args: argparse.Namespace) -> int:
    source = Path(args.source)
    output: Path | None = args.output
    if output is not None and output.exists() and not args.force:
        raise ImportError_(f"{output}: already exists; give --force to overwrite it")
    if output is not None and output.is_dir():
        raise ImportError_(f"{output}: is a directory; give the file to write")
    jurisdiction = args.jurisdiction.upper() if args.jurisdiction else None
    if jurisdiction is not None and not re.fullmatch(r"[A-Z]{2}", jurisdiction):
        raise ImportError_(f"--jurisdiction {args.jurisdiction!r}: give a two-letter country code, e.g. NO")
    statement_id = args.statement_id or _id_from(output or source)
    result = import_source(source, args.lang, jurisdiction, statement_id)

    from noticelint.lint.config import load_config
    from noticelint.lint.engine import Source
    from noticelint.lint.setup import Selection, build_linter
    from noticelint.reporters.report import Report
    from noticelint.reporters.text import render as text_report

    config = load_config(None, Path.cwd())
    linter = build_linter(config, Selection.from_config(config))
    display = str(output) if output is not None else f"<draft of {source}>"
    checked = linter.check(Source(display, data=result.yaml))
    if not checked.loaded:  # a bug in the importer: the draft must always load
        _say("error: the draft does not load; this is a bug in noticelint import:")
        sys.stderr.write(text_report(Report(tuple(checked.findings), (display,))))
        return EXIT_ERROR
    if output is None:
        sys.stdout.write(result.yaml)
        sys.stdout.flush()
    else:
        from noticelint.atomic import write_atomic

        try:
            if output.parent != Path() and not output.parent.exists():
                output.parent.mkdir(parents=True)
            write_atomic(output, result.yaml)
        except OSError as exc:
            raise ImportError_(f"{output}: cannot write the draft: {exc.strerror or exc}") from None
    _summary(result, checked.findings, output)
    return EXIT_OK


def _summary(result: Imported, findings: Sequence[Finding], output: Path | None) -> None:
    lines = [f"imported ({result.language}); found:"]
    lines += [f"  - {item}" for item in result.found] or ["  - no structured facts"]
    lines.append("to review:")
    lines += [f"  - {item}" for item in result.review] or ["  - the whole draft"]
    typed = [f for f in findings if not f.waived]
    counts: dict[str, int] = {}
    for finding in sorted(typed, key=lambda f: -f.severity):
        counts[finding.severity.label] = counts.get(finding.severity.label, 0) + 1
    lines.append(
        "check of the draft: "
        + (", ".join(f"{n} {severity}s" for severity, n in counts.items()) if counts else "no findings")
    )
    codes: dict[str, int] = {}
    for finding in typed:
        codes[finding.code] = codes.get(finding.code, 0) + 1
    if codes:
        lines.append("  " + ", ".join(f"{code} x{n}" if n > 1 else code for code, n in sorted(codes.items())))
        lines.append(f"  (run `noticelint check {output or 'DRAFT.yaml'}` for the messages)")
    if output is not None:
        lines.append(f"wrote {output}")
    sys.stderr.write("".join(f"noticelint: {line}\n" for line in lines))


def _id_from(path: Path) -> str:
    from noticelint.importer.draft import slug

    stem = path.stem if path.is_file() or path.suffix else path.name
    if stem in ("source", "index", "personvern", "privacy", "") and path.parent.name:
        stem = path.parent.name if stem in ("source", "index") else stem
    return slug(stem, set(), "statement")


def import_source(
    source: Path, language: str | None, jurisdiction: str | None, statement_id: str
) -> Imported:
    """Read ``source`` and build the draft; :class:`ImportError_` for input that cannot be imported."""
    from noticelint.importer.draft import Options, build

    page = read_source(source)
    words = " ".join(b.text for b in page.blocks)
    if len(_WORD.findall(words.lower())) < 5:
        raise ImportError_(f"{source}: no text found (an empty page, or nothing but markup and scripts)")
    detected = detect_language(words)
    declared = language or _declared(page.language)
    if declared is not None and detected is not None and _base(declared) != _base(detected):
        raise ImportError_(
            f"{source}: the text reads as {_NAMES[detected]} ({detected}), not {_NAMES.get(declared, declared)} "
            f"({declared}); give --lang {detected}, or check that this is the right file"
        )
    chosen = declared or detected
    if chosen is None:
        raise ImportError_(f"{source}: cannot tell the language of the text; give --lang nb or --lang en")
    text, review = build(page, Options(chosen, jurisdiction, statement_id, source.name))
    return Imported(text, review.found, review.review, chosen)


_NAMES = {"nb": "Norwegian", "nn": "Norwegian", "en": "English"}


def _base(language: str) -> str:
    return "nb" if language in ("nb", "nn", "no") else language


def _declared(tag: str | None) -> str | None:
    if not tag:
        return None
    base = tag.split("-")[0].lower()
    return {"no": "nb", "nb": "nb", "nn": "nn", "en": "en"}.get(base)


def detect_language(text: str) -> str | None:
    """nb or en by their commonest words, when one clearly outnumbers the other; else ``None``."""
    words = _WORD.findall(text.lower())
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items() if lang != "nn"}
    best = max(scores, key=lambda lang: scores[lang])
    other = min(scores.values())
    if scores[best] >= 3 and scores[best] >= 2 * other:
        return best
    return None


def read_source(source: Path) -> Page:
    if source.is_dir():
        return _read_folder(source)
    return _read_file(source)


def _read_file(path: Path) -> Page:
    text = _decode(path)
    suffix = path.suffix.lower()
    from noticelint.importer.html import read_html
    from noticelint.importer.markdown import read_markdown, read_text

    looks_html = bool(re.search(r"<(?:html|body|p|div|h[1-6]|main|article|section)[\s>]", text[:20000], re.I))
    if suffix in _HTML_SUFFIXES:
        if not looks_html:
            raise ImportError_(f"{path}: is not HTML (no <html>, <body>, <p> or heading element)")
        return read_html(text)
    if suffix in _MARKDOWN_SUFFIXES:
        return read_markdown(text)
    if suffix in _CODE_SUFFIXES or (suffix in _TEXT_SUFFIXES and looks_html):
        return read_html(text, jsx=bool(re.search(r"\bclassName=|\bexport\b|\breturn \(", text)))
    if suffix in _TEXT_SUFFIXES:
        if re.search(r"^#{1,6} \S|^\s*[-*] \S|\]\(https?://", text, re.M):
            return read_markdown(text)
        return read_text(text)
    raise ImportError_(
        f"{path}: cannot import a {suffix} file; give an HTML, Markdown or text file (.html, .md, .txt)"
    )


def _decode(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise ImportError_(f"{path}: {size:,} bytes is too large for a statement (limit {MAX_BYTES:,} bytes)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not raw.strip():
        raise ImportError_(f"{path}: is empty")
    if b"\x00" in raw[:8192]:
        raise ImportError_(f"{path}: is a binary file, not HTML, Markdown or text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything; kept for clarity
        raise ImportError_(f"{path}: is not text in UTF-8")
    control = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f")
    if control > 8:
        raise ImportError_(f"{path}: is a binary file, not HTML, Markdown or text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_folder(folder: Path) -> Page:
    """Every HTML and Markdown page of a site folder, in path order; a footer repeated on every page is
    kept once."""
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in (*_HTML_SUFFIXES, *_MARKDOWN_SUFFIXES)
        and not any(part.startswith(".") or part == "node_modules" for part in p.relative_to(folder).parts)
    )
    if not files:
        raise ImportError_(f"{folder}: no .html or .md page in this folder")
    if len(files) > MAX_PAGES:
        raise ImportError_(f"{folder}: {len(files)} pages is more than a statement has (limit {MAX_PAGES})")
    blocks: list[Block] = []
    seen_footer: set[str] = set()
    first: Page | None = None
    for path in files:
        page = _read_file(path)
        first = first or page
        # several pages: each block names its file, so that a fact's comment says where it came from
        name = path.relative_to(folder).as_posix() if len(files) > 1 else ""
        for block in page.blocks:
            if block.footer:
                if block.text in seen_footer:
                    continue
                seen_footer.add(block.text)
            blocks.append(dataclasses.replace(block, source=name) if name else block)
    assert first is not None
    return Page(tuple(blocks), first.title, first.language, first.url, first.meta)
