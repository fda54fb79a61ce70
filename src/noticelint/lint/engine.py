"""Running the rules: one file in, located findings out. Nothing here prints."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from noticelint.format.model import PrivacyStatement
from noticelint.format.validation import reference_problems, typed_statement
from noticelint.input.document import Document
from noticelint.input.loader import parse
from noticelint.input.reading import LoadError, decode, read_bytes
from noticelint.input.span import Span
from noticelint.lint import meta_rules
from noticelint.lint.config import Config, ConfigError
from noticelint.lint.context import CheckContext, Hit
from noticelint.lint.findings import Finding
from noticelint.lint.meta_rules import input_error
from noticelint.lint.rules import Rule, RuleInfo
from noticelint.lint.targets import Target
from noticelint.lint.waivers import apply_waivers

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence

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


class Linter:
    """The configured rule set, applied file by file."""

    def __init__(self, rules: Sequence[Rule], selected: set[str], config: Config) -> None:
        self.config = config
        self.selected = selected
        self.rules = [r for r in rules if r.code in selected]
        self.known = {r.code for r in rules} | {info.code for info in meta_rules.ALL}
        self.options = {"vendors": config.vendors}

    def check_file(self, target: Target) -> list[Finding]:
        try:
            raw = read_bytes(target.path, self.config.max_file_size)
        except LoadError as exc:
            return [
                input_error(target.display, meta_rules.UNREADABLE, p.message, p.span) for p in exc.problems
            ]
        return self.check_bytes(raw, target.display)

    def check_bytes(self, raw: bytes, display: str) -> list[Finding]:
        try:
            text = decode(raw)
        except LoadError as exc:
            return [input_error(display, meta_rules.UNREADABLE, p.message, p.span) for p in exc.problems]
        return self.check_text(text, display)

    def check_text(self, text: str, display: str) -> list[Finding]:
        """Findings for one file's text. Whatever goes wrong stays with this file."""
        return self.check_text_typed(text, display)[0]

    def check_text_typed(
        self, text: str, display: str, evidence: Evidence | None = None
    ) -> tuple[list[Finding], PrivacyStatement | None]:
        """Findings for one file's text, and its typed statement when the file has no input error.

        ``evidence`` (what the site was seen to do) is handed to the rules; the SCN rules need it.
        """
        try:
            return self._check_text(text, display, evidence)
        except RecursionError:
            return [
                input_error(display, meta_rules.INVALID_YAML, "document is nested too deeply to check")
            ], None
        except Exception as exc:  # a bug in noticelint must not hide the other files' findings
            message = f"noticelint failed on this file ({type(exc).__name__}: {exc}); please report it"
            return [input_error(display, meta_rules.INTERNAL_ERROR, message)], None

    def _check_text(
        self, text: str, display: str, evidence: Evidence | None = None
    ) -> tuple[list[Finding], PrivacyStatement | None]:
        try:
            doc = parse(text, display)
        except LoadError as exc:
            return [
                input_error(display, meta_rules.INVALID_YAML, p.message, p.span) for p in exc.problems
            ], None
        statement, problems = typed_statement(doc)
        if statement is None:
            return [
                input_error(display, meta_rules.SCHEMA_VIOLATION, p.message, p.span, p.pointer)
                for p in problems
            ], None
        problems = reference_problems(statement, doc)
        if problems:
            return [
                input_error(display, meta_rules.BROKEN_REFERENCE, p.message, p.span, p.pointer)
                for p in problems
            ], None
        return self.run_rules(statement, doc, evidence), statement

    def run_rules(
        self, statement: PrivacyStatement, doc: Document, evidence: Evidence | None = None
    ) -> list[Finding]:
        ctx = CheckContext(statement, self.options, evidence)
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
