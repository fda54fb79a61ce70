"""The one road for one file: read, parse (positions kept), validate, build the model, run the rules.

:meth:`Linter.check` is the only way a statement is checked: ``check``, ``render``'s gate, the cache
runner and the tests all take it. Nothing here prints.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.format.model import PrivacyStatement
from noticelint.format.validation import reference_problems, typed_statement
from noticelint.input.document import Document
from noticelint.input.loader import parse
from noticelint.input.reading import LoadError, decode, read_bytes
from noticelint.lint import meta_rules
from noticelint.lint.config import Config, ConfigError
from noticelint.lint.context import CheckContext, Hit
from noticelint.lint.findings import Finding, Span
from noticelint.lint.meta_rules import input_error
from noticelint.lint.rules import Rule, RuleInfo
from noticelint.lint.waivers import apply_waivers

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence
    from noticelint.knowledge import Knowledge

# A statement with more findings of one rule than this has a problem that the first ones already show.
MAX_FINDINGS_PER_RULE = 100


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


def select_codes(
    known: Iterable[str], select: Sequence[str], ignore: Sequence[str], extend_select: Sequence[str] = ()
) -> set[str]:
    """Codes chosen by prefix; an unknown code or prefix is a configuration error."""
    known = sorted(known)
    for pattern in (*select, *ignore, *extend_select):
        if pattern.upper() != "ALL" and not any(code.startswith(pattern.upper()) for code in known):
            raise ConfigError(f"unknown rule code or prefix '{pattern}' (see `noticelint rules`)")
    chosen_select = [p.upper() for p in select if p.upper() != "ALL"]
    base = {
        c for c in known if not select or "ALL" in (p.upper() for p in select) or _matches(c, chosen_select)
    }
    base |= {c for c in known if _matches(c, [p.upper() for p in extend_select])}
    return {c for c in base if not _matches(c, [p.upper() for p in ignore])}


@dataclass(frozen=True)
class Source:
    """One statement to check: the name it is reported under, and its file or its bytes."""

    display: str
    path: Path | None = None
    data: bytes | str | None = None  # bytes are decoded as a file's would be; a str is taken as it is
    # What the site the statement describes was seen to do (noticelint scan, render --evidence): the SCN
    # rules compare it with the statement; None for a plain check.
    evidence: Evidence | None = field(default=None, compare=False)

    @classmethod
    def text(cls, text: str, display: str) -> Source:
        return cls(display, data=text)


@dataclass(frozen=True)
class FileResult:
    """What the road gives for one file: its findings and, when it loaded cleanly, its typed statement
    and document. ``digest`` is the SHA-256 of the bytes that were checked (``None`` if unreadable)."""

    findings: list[Finding]
    statement: PrivacyStatement | None = None
    document: Document | None = None
    digest: bytes | None = None

    @property
    def loaded(self) -> bool:
        return self.statement is not None and not any(f.input_error for f in self.findings)


def digest_of(raw: bytes) -> bytes:
    """What identifies a file's content: the cache's key and the render gate's "unchanged" test use it."""
    return hashlib.sha256(raw).digest()


def _path(source: Source) -> Path:
    if source.path is None:
        raise ValueError(f"{source.display}: a source needs a path or data")
    return source.path


class Linter:
    """The configured rule set, applied file by file. Built by :func:`noticelint.lint.setup.build_linter`."""

    def __init__(
        self, rules: Sequence[Rule], selected: set[str], config: Config, knowledge: Knowledge | None = None
    ) -> None:
        self.config = config
        self.selected = selected
        self.rules = [r for r in rules if r.code in selected]
        self.known = {r.code for r in rules} | {info.code for info in meta_rules.ALL}
        self._knowledge = knowledge

    @property
    def knowledge(self) -> Knowledge:
        """The knowledge tables (with the configuration's extra vendors), loaded once per linter."""
        if self._knowledge is None:
            from noticelint.knowledge import load_knowledge

            self._knowledge = load_knowledge(self.config.vendors)
        return self._knowledge

    def check(self, source: Source) -> FileResult:
        """Findings for one file. Whatever goes wrong stays with this file."""
        display = source.display
        if isinstance(source.data, str):
            text = source.data
            digest = digest_of(text.encode("utf-8", "surrogatepass"))
        else:
            try:
                raw = (
                    source.data
                    if source.data is not None
                    else read_bytes(_path(source), self.config.max_file_size)
                )
            except LoadError as exc:
                return FileResult(
                    [input_error(display, meta_rules.UNREADABLE, p.message, p.span) for p in exc.problems]
                )
            digest = digest_of(raw)
            try:
                text = decode(raw)
            except LoadError as exc:
                findings = [
                    input_error(display, meta_rules.UNREADABLE, p.message, p.span) for p in exc.problems
                ]
                return FileResult(findings, digest=digest)
        try:
            return self._check_text(text, display, digest, source.evidence)
        except RecursionError:
            message = "document is nested too deeply to check"
            return FileResult([input_error(display, meta_rules.INVALID_YAML, message)], digest=digest)
        except Exception as exc:  # a bug in noticelint must not hide the other files' findings
            message = f"noticelint failed on this file ({type(exc).__name__}: {exc}); please report it"
            return FileResult([input_error(display, meta_rules.INTERNAL_ERROR, message)], digest=digest)

    def _check_text(
        self, text: str, display: str, digest: bytes, evidence: Evidence | None = None
    ) -> FileResult:
        try:
            doc = parse(text, display)
        except LoadError as exc:
            findings = [
                input_error(display, meta_rules.INVALID_YAML, p.message, p.span) for p in exc.problems
            ]
            return FileResult(findings, digest=digest)
        statement, problems = typed_statement(doc)
        if statement is None:
            findings = [
                input_error(display, meta_rules.SCHEMA_VIOLATION, p.message, p.span, p.pointer)
                for p in problems
            ]
            return FileResult(findings, document=doc, digest=digest)
        problems = reference_problems(statement, doc)
        if problems:
            findings = [
                input_error(display, meta_rules.BROKEN_REFERENCE, p.message, p.span, p.pointer)
                for p in problems
            ]
            return FileResult(findings, document=doc, digest=digest)
        return FileResult(self._run_rules(statement, doc, evidence), statement, doc, digest)

    def _run_rules(
        self, statement: PrivacyStatement, doc: Document, evidence: Evidence | None = None
    ) -> list[Finding]:
        ctx = CheckContext(statement, self.knowledge, evidence)
        ignored = self.config.ignored_for(doc.path)
        findings: list[Finding] = []
        for rule in self.rules:
            if _matches(rule.code, ignored):
                continue
            try:
                hits = list(itertools.islice(rule.check(ctx) or (), MAX_FINDINGS_PER_RULE + 1))
                located = [_locate(doc, rule.info, hit) for hit in hits[:MAX_FINDINGS_PER_RULE]]
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # a broken rule (even one calling sys.exit) must not hide the others
                findings.append(
                    input_error(
                        doc.path,
                        meta_rules.RULE_ERROR,
                        f"rule {rule.code} ({rule.info.name}, {rule.info.module}) failed: {type(exc).__name__}: {exc}",
                    )
                )
                continue
            findings.extend(located)
            if len(hits) > MAX_FINDINGS_PER_RULE:
                findings.append(
                    Finding(
                        path=doc.path,
                        span=located[-1].span,
                        code=rule.code,
                        name=rule.info.name,
                        severity=rule.info.severity,
                        message=f"{rule.code} fires more than {MAX_FINDINGS_PER_RULE} times in this file; "
                        "only the first are shown",
                        legal=rule.info.legal,
                        fix=rule.info.fix,
                    )
                )
        findings = apply_waivers(doc, findings, self.selected, self.known)
        return sorted(findings, key=lambda f: f.sort_key)


def _locate(doc: Document, info: RuleInfo, hit: Hit) -> Finding:
    if not isinstance(hit, Hit):
        raise TypeError(f"rule {info.code} yielded {type(hit).__name__}, not a Hit")
    if hit.offset is not None:
        span = doc.text_span(hit.pointer, hit.offset, hit.length)
    else:
        node = doc.node(hit.pointer)
        span = (node.key_span or node.span) if node else Span.point(1, 1)
    return Finding(
        path=doc.path,
        span=span,
        code=info.code,
        name=info.name,
        severity=info.severity,
        message=hit.message,
        pointer=hit.pointer,
        legal=info.legal,
        fix=info.fix,
    )
