"""Evidence from a site's own files: the HTML, templates and JavaScript of its source or build output.

Pages are parsed with lxml's HTML parser (libxml2: fast, forgiving with broken markup, and it knows each
element's line). What a page loads is read from its elements (script, link, img, iframe, source, video,
audio, embed, object, and the pixels inside <noscript>), and the inline snippets of common tags are
recognised by their calls (gtag config ids, the Tag Manager loader, fbq('init'), Hotjar, Matomo, LinkedIn
Insight, TikTok). JavaScript files are read for URLs and the same snippets. Nothing is run and nothing is
fetched: what is recorded is what the files say the page will load, so its consent phase is ``unknown``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noticelint.format.evidence import (
    Evidence,
    EvidenceSource,
    ObservedRequest,
    ObservedStorage,
    Origin,
    Phase,
    Service,
)
from noticelint.scan.vendors import HOST_TABLE_SOURCE, cookie_service, service_for_url, tag_service

HTML_SUFFIXES = frozenset(
    {".html", ".htm", ".xhtml", ".njk", ".liquid", ".hbs", ".handlebars", ".mustache", ".twig", ".jinja",
     ".j2", ".erb", ".php", ".vue", ".svelte", ".astro", ".ejs", ".tmpl", ".tpl", ".gohtml"}
)  # fmt: skip
JS_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx"})
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "bower_components"})
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
DEFAULT_MAX_FILES = 100_000


class SiteError(Exception):
    """A site folder that cannot be scanned; the message says which file and why."""


# Attributes that make a request, by element.
_URL_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src",),
    "iframe": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
}
_LINK_RELS = frozenset(
    {"stylesheet", "preconnect", "dns-prefetch", "preload", "modulepreload", "prefetch", "icon", "manifest"}
)
_URL_IN_CODE = re.compile(r"""(?:https?:)?//([a-z0-9-]+(?:\.[a-z0-9-]+)+)(/[^\s'"`<>\\)]*)?""", re.IGNORECASE)


@dataclass(frozen=True)
class _Snippet:
    needle: str  # a literal the snippet always contains: the pattern runs only where it occurs
    pattern: re.Pattern[str]
    service: str
    organisation: str
    category: str
    detail: str  # a format string for the match's first group

    def find(self, code: str) -> Iterator[tuple[int, str]]:
        if self.needle not in code:
            return
        for match in self.pattern.finditer(code):
            yield match.start(), self.detail.format(*(g or "" for g in match.groups()))


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# The inline snippets of common tags, as their vendors publish them.
_SNIPPETS = (
    _Snippet("fbq", _re(r"""\bfbq\(\s*['"]init['"]\s*,\s*['"]?(\d+)"""), "Meta Pixel", "Meta", "advertising",
             "fbq init {}"),
    _Snippet("hjid", _re(r"""\bhjid\s*:\s*(\d+)"""), "Hotjar", "Hotjar", "analytics", "Hotjar site {}"),
    _Snippet("_linkedin_partner_id", _re(r"""\b_linkedin_partner_id\s*=\s*['"]?(\d+)"""),
             "LinkedIn Insight Tag", "LinkedIn", "advertising", "LinkedIn partner {}"),
    _Snippet("ttq", _re(r"""\bttq\.load\(\s*['"]([A-Z0-9]+)"""), "TikTok Pixel", "TikTok", "advertising",
             "ttq.load {}"),
    _Snippet("_paq", _re(r"""\b_paq\.push\(\s*\[\s*['"]setSiteId['"]\s*,\s*['"]?(\w+)"""), "Matomo", "",
             "analytics", "Matomo site {}"),
    _Snippet("clarity", _re(r"""\bclarity['"]?\s*,\s*['"]script['"]\s*,\s*['"](\w+)"""), "Microsoft Clarity",
             "Microsoft", "analytics", "Clarity project {}"),
)  # fmt: skip
# gtag('config', 'G-…') and the Tag Manager loader's 'GTM-…'
_TAG_ID = re.compile(
    r"""\bgtag\(\s*['"]config['"]\s*,\s*['"]((?:G|UA|AW|DC)-[A-Z0-9-]+)|['"](GTM-[A-Z0-9]+)['"]""",
    re.IGNORECASE,
)
# localStorage.setItem('key', …) and localStorage['key'] = …
_STORAGE = re.compile(
    r"""\b(local|session)Storage\s*(?:\.setItem\(\s*|\[\s*)['"]([\w.:-]{1,100})['"]\s*(?:,|\]\s*=)"""
)
MAX_CODE = 2_000_000  # characters of one script that are read


@dataclass
class _Collector:
    requests: list[ObservedRequest] = field(default_factory=list)
    storage: list[ObservedStorage] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    def url(self, page: str, line: int, url: str, kind: str, detail: str = "") -> None:
        url = url.strip()
        if url.startswith("//"):
            url = "https:" + url
        if not url[:8].lower().startswith(("http://", "https://")):
            return
        host = _host(url)
        if not host:
            return
        self.requests.append(
            ObservedRequest(
                page=page,
                url=url[:2000],
                host=host,
                kind=kind,
                initiator="page source",
                detail=detail,
                origin=Origin(kind=EvidenceSource.FILE, where=f"{page}:{line}"),
                service=service_for_url(url),
            )
        )

    def code(self, page: str, first_line: int, code: str, kind: str) -> None:
        """URLs, tag ids and storage keys in inline or file JavaScript."""
        code = code[:MAX_CODE]

        def line_at(offset: int) -> int:
            return first_line + code.count("\n", 0, offset)

        if "//" in code:
            for match in _URL_IN_CODE.finditer(code):
                url = "https://" + match.group(1) + (match.group(2) or "/")
                if service_for_url(url) is not None:
                    self.url(page, line_at(match.start()), url, kind)
        if "gtag" in code or "GTM-" in code:
            for match in _TAG_ID.finditer(code):
                tag = match.group(1) or match.group(2)
                service = tag_service(tag)
                if service:
                    self._snippet(page, line_at(match.start()), service, f"tag {tag}")
        for snippet in _SNIPPETS:
            for offset, detail in snippet.find(code):
                service = Service(
                    name=snippet.service,
                    organisation=snippet.organisation,
                    category=snippet.category,
                    source=HOST_TABLE_SOURCE,
                )
                self._snippet(page, line_at(offset), service, detail)
        if "Storage" in code:
            for match in _STORAGE.finditer(code):
                key = match.group(2)
                service, _ = cookie_service(key)
                self.storage.append(
                    ObservedStorage(
                        key=key,
                        area=match.group(1),
                        page=page,
                        origin=Origin(kind=EvidenceSource.FILE, where=f"{page}:{line_at(match.start())}"),
                        service=service,
                    )
                )

    def _snippet(self, page: str, line: int, service: Service, detail: str) -> None:
        # Matomo's own snippet names its server; self-hosted Matomo is first party, so only the id is kept.
        self.requests.append(
            ObservedRequest(
                page=page,
                url="",
                host="",
                kind="snippet",
                initiator="inline snippet",
                detail=detail,
                origin=Origin(kind=EvidenceSource.FILE, where=f"{page}:{line}"),
                service=service if service.organisation else None,
            )
        )


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _files(root: Path, max_files: int) -> Iterator[Path]:
    count = 0
    for directory, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(names):
            path = Path(directory, name)
            suffix = path.suffix.lower()
            if (suffix in HTML_SUFFIXES or suffix in JS_SUFFIXES) and not path.is_symlink():
                count += 1
                if count > max_files:
                    raise SiteError(
                        f"{root}: more than {max_files} page and script files; scan a smaller folder"
                    )
                yield path


def _read(path: Path, display: str, max_size: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_size:
            raise SiteError(
                f"{display}: {size / 1048576:.1f} MB, over the limit of {max_size / 1048576:.0f} MB for one file; "
                "leave it out of the folder or raise --max-file-size"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise SiteError(f"{display}: cannot be read: {exc.strerror or exc}") from None
    if b"\0" in raw[:8192]:
        raise SiteError(f"{display}:1: a binary file, not a page or a script (it has NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SiteError(
            f"{display}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}): {exc.reason}"
        ) from None


def _start_line(lines: list[str], line: int, tag: str) -> int:
    """The line a start tag begins on: libxml2 gives the line where a tag spread over lines ends."""
    opening = "<" + tag
    for candidate in range(min(line, len(lines)), max(0, line - 20), -1):
        if opening in lines[candidate - 1].lower():
            return candidate
    return line


_TAGS = (*_URL_ATTRIBUTES, "link", "noscript")


def _scan_html(collector: _Collector, page: str, text: str) -> None:
    import lxml.etree

    if not text.strip():
        return
    try:
        root = lxml.etree.fromstring(text, _parser())
    except (lxml.etree.XMLSyntaxError, ValueError):
        return  # libxml2 gives up only on documents with nothing in them
    if root is None:
        return
    lines = text.splitlines()
    for element in root.iter(*_TAGS):
        tag = element.tag
        attributes = _URL_ATTRIBUTES.get(tag, ())
        if tag == "link":
            rels = set((element.get("rel") or "").lower().split()) & _LINK_RELS
            href = element.get("href")
            if href and rels:
                line = _start_line(lines, element.sourceline or 1, tag)
                collector.url(page, line, href, "link " + " ".join(sorted(rels)))
            continue
        if tag == "noscript":
            if element.text and "<" in element.text:
                # Inside <head> libxml2 keeps a noscript's content as text: parse it on its own.
                line = _start_line(lines, element.sourceline or 1, tag)
                try:
                    inner = lxml.etree.fromstring(element.text, _parser())
                except (lxml.etree.XMLSyntaxError, ValueError):
                    continue
                for child in inner.iter("img", "iframe") if inner is not None else ():
                    src = child.get("src")
                    if src:
                        collector.url(page, line, src, f"noscript {child.tag}")
            continue
        values = [(a, v) for a in attributes if (v := element.get(a))]
        if values:
            line = _start_line(lines, element.sourceline or 1, tag)
            in_noscript = any(a.tag == "noscript" for a in element.iterancestors())
            gated = tag == "script" and (element.get("type") or "").lower() == "text/plain"
            detail = "waits for consent (type=text/plain)" if gated else ""
            for _, value in values:
                collector.url(page, line, value, ("noscript " if in_noscript else "") + tag, detail)
        elif tag == "script" and element.text:
            collector.code(
                page, _start_line(lines, element.sourceline or 1, tag), element.text, "inline script"
            )


@functools.cache
def _parser() -> Any:
    import lxml.etree

    return lxml.etree.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True)


def scan_site(
    folder: Path, max_file_size: int = DEFAULT_MAX_FILE_SIZE, max_files: int = DEFAULT_MAX_FILES
) -> Evidence:
    """Evidence from every page, template and script under ``folder``."""
    if not folder.exists():
        raise SiteError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise SiteError(f"{folder}: not a folder (give the site's source or build folder)")
    display_root = str(folder).rstrip("/") or "."
    collector = _Collector()
    for path in _files(folder, max_files):
        page = f"{display_root}/{path.relative_to(folder).as_posix()}"
        text = _read(path, page, max_file_size)
        if path.suffix.lower() in HTML_SUFFIXES:
            collector.pages.append(page)
            _scan_html(collector, page, text)
        else:
            collector.code(page, 1, text, "script file")
    return Evidence(
        site=display_root,
        sources=[EvidenceSource.FILE],
        phases=[Phase.UNKNOWN],
        pages=collector.pages,
        requests=collector.requests,
        storage=collector.storage,
    )
