"""What a check reports: a located finding with everything a reporter needs to show it."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from noticelint.input.span import Span

__all__ = ["Finding", "Severity", "Span", "ValueSource"]


class Severity(enum.IntEnum):
    """How serious a finding is; the order is used for ``--fail-on``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r}; use one of {allowed}") from None


@dataclass(frozen=True)
class ValueSource:
    """A file that gave (part of) the value a finding is about, and where: ``check --trace`` shows them."""

    path: str
    line: int
    column: int
    pointer: str  # in that file


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    Problems that come before the rules can run (unreadable file, invalid YAML, schema errors, broken
    references) carry the engine's own INP codes and ``input_error=True``: they make the run exit 2.
    ``extra`` carries what a finding inherited from a template needs to be reported once for all the
    statements that extend it (the statement it was found in, that statement's controller names).
    ``trace``, for a statement that extends templates, is every file that gave the value the finding is
    about, in the order they were merged.
    """

    path: str
    span: Span
    code: str
    name: str
    severity: Severity
    message: str
    pointer: str = ""
    legal: tuple[str, ...] = ()
    fix: str = ""
    waived: bool = False
    waiver_reason: str = ""
    input_error: bool = False
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    trace: tuple[ValueSource, ...] = field(default=(), compare=False, hash=False)

    def fails(self, fail_on: Severity) -> bool:
        """Whether this finding fails a run at ``fail_on``: the one test behind the exit code, the
        render gate (at error) and every reporter that marks failures (JUnit)."""
        return not self.waived and (self.input_error or self.severity >= fail_on)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.code, self.message)


def fold_inherited(findings: Iterable[Finding]) -> list[Finding]:
    """One finding for each defect of a template, however many statements extend it.

    A finding that stands in a template carries ``extra["statement"]``, the statement it was found in;
    the same finding (file, place, code, message) from several statements, and from the template checked
    alone, is reported once, at its first place in the run, naming the files it affects; its trace is
    every file that gave the value in any of them, first seen first.
    """
    folded: list[Finding] = []
    seen: dict[tuple[str, int, int, str, str, bool], tuple[int, list[str]]] = {}
    for finding in findings:
        statement = finding.extra.get("statement", finding.path)
        message = _generic(finding)
        key = (finding.path, finding.span.line, finding.span.column, finding.code, message, finding.waived)
        if key in seen:
            index, statements = seen[key]
            statements.append(statement)
            if folded[index].message != message:  # messages that differ only in the controller's name
                folded[index] = replace(folded[index], message=message)
            if finding.trace != folded[index].trace:
                more = tuple(s for s in finding.trace if s not in folded[index].trace)
                folded[index] = replace(folded[index], trace=folded[index].trace + more)
            continue
        seen[key] = (len(folded), [statement])
        folded.append(finding)
    for index, statements in seen.values():
        finding = folded[index]
        affected = sorted(set(statements) - {finding.path})
        if not affected:
            continue
        where = affected[0] if len(affected) == 1 else f"{len(affected)} statements: {', '.join(affected)}"
        extra = {**finding.extra, "statements": ", ".join(affected)}
        folded[index] = replace(finding, message=f"{finding.message} (affects {where})", extra=extra)
    return folded


def _generic(finding: Finding) -> str:
    """The message with the statement's controller name (of a finding in a template) as {controller}."""
    message = finding.message
    names = [n for n in finding.extra.get("controller", "").split("\n") if n]
    for name in sorted(names, key=len, reverse=True):
        message = message.replace(name, "{controller}")
    return message
