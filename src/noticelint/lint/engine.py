"""The one road for one file: read, parse (positions kept), validate, build the model, run the rules.

:meth:`Linter.check` is the only way a statement is checked: ``check``, ``render``'s gate, the cache
runner and the tests all take it. Nothing here prints.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.format.extends import EXTENDS, TEMPLATE, Chain, ChainDocument, Resolver, template_placeholders
from noticelint.format.model import PrivacyStatement
from noticelint.format.validation import reference_problems, typed_statement
from noticelint.input.document import Document
from noticelint.input.loader import parse
from noticelint.input.paths import ChainBasis, ChainFile
from noticelint.input.reading import LoadError, decode, read_bytes
from noticelint.lint import meta_rules
from noticelint.lint.config import Config, ConfigError
from noticelint.lint.context import CheckContext, Hit
from noticelint.lint.findings import Finding, Span, ValueSource
from noticelint.lint.meta_rules import input_error
from noticelint.lint.rules import Rule, RuleInfo
from noticelint.lint.waivers import apply_waivers

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence
    from noticelint.knowledge import Knowledge

# A statement with more findings of one rule than this has a problem that the first ones already show.
MAX_FINDINGS_PER_RULE = 100

# Rules that do not run on a template checked alone: each reports something missing that the statements
# extending the template give (the controller and its contact, the DPO, dates, legal bases, retention,
# rights, the complaint). They still run on every statement that extends the template, and a gap the
# template leaves is reported there, at the template's line. Every other rule (wording, contradictions,
# recipients, transfers, cookies), custom rules too, runs on a template as on a statement.
TEMPLATE_SKIPPED = frozenset(
    {
        "CTL001",
        "CTL002",
        "CON003",
        "DPO001",
        "DPO002",
        "DPO003",
        "REP001",
        "REP003",
        "CPL001",
        "TXT003",
        "PUR001",
        "PUR002",
        "PUR005",
        "PUR009",
        "PUR011",
        "RET001",
        "RGT001",
        "RGT002",
        "RGT003",
        "RGT004",
        "RGT005",
        "RGT006",
        "RGT007",
        "RGT009",
        "CKE001",
        "CKE002",
    }
)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


def select_codes(
    known: Iterable[str],
    select: Sequence[str],
    ignore: Sequence[str],
    extend_select: Sequence[str] = (),
    opt_in: Iterable[str] = (),
) -> set[str]:
    """Codes chosen by prefix; an unknown code or prefix is a configuration error.

    Without ``select`` every code runs except the ``opt_in`` ones, which run only when ``select`` or
    ``extend_select`` names them (by code, prefix or ``ALL``).
    """
    known = sorted(known)
    for pattern in (*select, *ignore, *extend_select):
        if pattern.upper() != "ALL" and not any(code.startswith(pattern.upper()) for code in known):
            raise ConfigError(f"unknown rule code or prefix '{pattern}' (see `noticelint rules`)")
    chosen_select = [p.upper() for p in select if p.upper() != "ALL"]
    everything = "ALL" in (p.upper() for p in select)
    optional = set(opt_in)
    base = {
        c
        for c in known
        if (not select and c not in optional) or everything or (select and _matches(c, chosen_select))
    }
    extend = [p.upper() for p in extend_select]
    base |= {c for c in known if _matches(c, extend) or ("ALL" in extend)}
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
    chain: tuple[ChainFile, ...] = ()  # the templates it extends (those that could be read), in order
    # What resolving its extends read, when it resolved: the cache keys the findings by it too.
    basis: ChainBasis | None = None

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
        self._resolver = Resolver(config.max_file_size, digest_of)

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
            return self._check_text(text, display, digest, source.path, source.evidence)
        except RecursionError:
            message = "document is nested too deeply to check"
            return FileResult([input_error(display, meta_rules.INVALID_YAML, message)], digest=digest)
        except Exception as exc:  # a bug in noticelint must not hide the other files' findings
            message = f"noticelint failed on this file ({type(exc).__name__}: {exc}); please report it"
            return FileResult([input_error(display, meta_rules.INTERNAL_ERROR, message)], digest=digest)

    def _check_text(
        self,
        text: str,
        display: str,
        digest: bytes,
        path: Path | None = None,
        evidence: Evidence | None = None,
    ) -> FileResult:
        try:
            doc = parse(text, display)
        except LoadError as exc:
            findings = [
                input_error(display, meta_rules.INVALID_YAML, p.message, p.span) for p in exc.problems
            ]
            return FileResult(findings, digest=digest)
        checked: Document = doc
        chain: Chain | None = None
        if isinstance(doc.data, dict) and EXTENDS in doc.data:
            chain = self._resolver.resolve(doc, path)
            if chain.doc is None:
                findings = [
                    replace(
                        input_error(p.doc.path, meta_rules.EXTENDS_ERROR, p.message, p.span, p.pointer),
                        extra={} if p.doc is doc else {"statement": display},
                    )
                    for p in chain.problems
                ]
                return FileResult(findings, document=doc, digest=digest, chain=tuple(chain.files))
            checked = chain.doc
        files = tuple(chain.files) if chain else ()
        basis = chain.basis if chain else None
        template = isinstance(checked.data, dict) and checked.data.get(TEMPLATE) is True
        if template:
            checked = replace(checked, data=template_placeholders(checked))
        statement, problems = typed_statement(checked)
        if statement is None:
            findings = [
                _origin(
                    checked,
                    input_error(display, meta_rules.SCHEMA_VIOLATION, p.message, p.span, p.pointer),
                )
                for p in problems
            ]
            return FileResult(findings, document=checked, digest=digest, chain=files, basis=basis)
        problems = reference_problems(statement, checked)
        if problems:
            findings = [
                _origin(
                    checked,
                    input_error(display, meta_rules.BROKEN_REFERENCE, p.message, p.span, p.pointer),
                )
                for p in problems
            ]
            return FileResult(findings, document=checked, digest=digest, chain=files, basis=basis)
        findings = self._run_rules(statement, checked, template, evidence)
        if chain is not None:
            # A template's finding names this statement's controller; a run folds the findings of all the
            # statements that extend the template into one, with the name as a placeholder.
            names = [n for n in (statement.controller.legal_name, statement.controller.trade_name) if n]
            findings = [
                replace(f, extra={**f.extra, "controller": "\n".join(names)}) if "statement" in f.extra else f
                for f in findings
            ]
        if chain is not None or template:
            findings = sorted(
                self._template_findings(doc, chain, template) + findings, key=lambda f: f.sort_key
            )
        if template:
            # A template checked on its own: its findings fold with the same ones its statements inherit.
            findings = [
                f if "statement" in f.extra else replace(f, extra={**f.extra, "statement": display})
                for f in findings
            ]
        return FileResult(findings, statement, checked, digest, files, basis)

    def _template_findings(self, doc: Document, chain: Chain | None, template: bool) -> list[Finding]:
        """TPL001 for each template in the chain (this file too) that names a controller; TPL002 for
        each value that repeats the template value it overrides."""
        found: list[Finding] = []
        named = list(chain.templates_with_controller) if chain else []
        if template and isinstance(doc.data, dict) and "controller" in doc.data:
            named.insert(0, doc)
        info = meta_rules.TEMPLATE_CONTROLLER
        if info.code in self.selected:
            for base in named:
                found.append(
                    _finding(
                        base.path,
                        base.key_span("/controller"),
                        info,
                        "this template names a controller; a template is shared by statements with "
                        "different controllers: remove controller here and give it in each statement "
                        "(write {controller} in wording for its name)",
                        "/controller",
                        doc.path,
                    )
                )
        info = meta_rules.REPEATED_OVERRIDE
        if chain is not None and info.code in self.selected:
            for (override, pointer), (base, base_pointer) in chain.shadows:
                line = base.span(base_pointer).line
                found.append(
                    _finding(
                        override.path,
                        override.span(pointer),
                        info,
                        f"this value repeats what {base.path}:{line} already gives, so it no longer "
                        "follows the template; remove it here unless it is pinned on purpose",
                        pointer,
                        doc.path,
                    )
                )
        return found

    def _run_rules(
        self,
        statement: PrivacyStatement,
        doc: Document,
        template: bool = False,
        evidence: Evidence | None = None,
    ) -> list[Finding]:
        ctx = CheckContext(statement, self.knowledge, evidence)
        ignored = self.config.ignored_for(doc.path)
        findings: list[Finding] = []
        for rule in self.rules:
            if _matches(rule.code, ignored) or (template and rule.code in TEMPLATE_SKIPPED):
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
        if isinstance(doc, ChainDocument):
            findings = self._waive_in_chain(doc, findings)
        else:
            findings = apply_waivers(doc, findings, self.selected, self.known)
        return sorted(findings, key=lambda f: f.sort_key)

    def _waive_in_chain(self, doc: ChainDocument, findings: list[Finding]) -> list[Finding]:
        """Waivers apply in the file where a finding stands; a template's own waivers are judged when
        the template is checked, not once for each statement that extends it."""
        result: list[Finding] = []
        for n, file in enumerate(doc.docs):
            if n and file in doc.docs[:n]:
                continue
            mine = [f for f in findings if f.path == file.path]
            if not mine:
                if n == 0:
                    result += apply_waivers(file, [], self.selected, self.known)
                continue
            # the waiver's key line is looked up by the pointer in that file, not in the merged statement
            local = [replace(f, pointer=doc.origin(f.pointer)[1] if f.pointer else "") for f in mine]
            waived = apply_waivers(file, local, self.selected, self.known, report=n == 0)
            restored = [replace(w, pointer=f.pointer) for w, f in zip(waived, mine, strict=False)]
            result += restored + waived[len(mine) :]
        return result


def _finding(path: str, span: Span, info: RuleInfo, message: str, pointer: str, statement: str) -> Finding:
    extra = {"statement": statement} if statement != path else {}
    return Finding(
        path=path,
        span=span,
        code=info.code,
        name=info.name,
        severity=info.severity,
        message=message,
        pointer=pointer,
        fix=info.fix,
        extra=extra,
    )


def _origin(doc: Document, finding: Finding) -> Finding:
    """An input error in a merged statement, moved to the file its value came from."""
    if not isinstance(doc, ChainDocument):
        return finding
    origin, pointer = doc.origin(finding.pointer)
    trace = _trace(doc, finding.pointer) if finding.pointer else ()
    if origin is doc.docs[0]:
        return replace(finding, trace=trace)
    extra = {"statement": doc.path, "origin_pointer": pointer}
    return replace(finding, path=origin.path, extra=extra, trace=trace)


def _trace(doc: ChainDocument, pointer: str) -> tuple[ValueSource, ...]:
    """The files that gave the value at ``pointer`` of a merged statement, where each gave it."""
    sources = []
    for file, at in doc.contributors(pointer):
        span = file.key_span(at)
        sources.append(ValueSource(file.path, span.line, span.column, at))
    return tuple(sources)


def _locate(doc: Document, info: RuleInfo, hit: Hit) -> Finding:
    if not isinstance(hit, Hit):
        raise TypeError(f"rule {info.code} yielded {type(hit).__name__}, not a Hit")
    path, extra = doc.path, {}
    where, pointer = doc, hit.pointer
    trace: tuple[ValueSource, ...] = ()
    if isinstance(doc, ChainDocument):
        where, pointer = doc.origin(hit.pointer)
        trace = _trace(doc, hit.pointer)
        if where is not doc.docs[0]:
            path, extra = where.path, {"statement": doc.path, "origin_pointer": pointer}
    if hit.offset is not None:
        span = where.text_span(pointer, hit.offset, hit.length)
    else:
        node = where.node(pointer)
        span = (node.key_span or node.span) if node else Span.point(1, 1)
    return Finding(
        extra=extra,
        trace=trace,
        path=path,
        span=span,
        code=info.code,
        name=info.name,
        severity=info.severity,
        message=hit.message,
        pointer=hit.pointer,
        legal=info.legal,
        fix=info.fix,
    )
