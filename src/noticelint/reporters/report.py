"""The result of a run as reporters see it: findings, files and the rules that produced them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import RuleInfo


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    tool_version: str = ""

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings that count: not waived."""
        return tuple(f for f in self.findings if not f.waived)

    @property
    def waived(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.waived)

    @property
    def has_input_errors(self) -> bool:
        return any(f.input_error for f in self.findings)

    def severity_counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.active)

    def exit_code(self) -> int:
        if self.has_input_errors:
            return 2
        if any(f.severity >= self.fail_on for f in self.active):
            return 1
        return 0

    def summary(self) -> str:
        """One line, e.g. ``3 errors, 2 warnings in 1 file (1 waived)``."""
        counts = self.severity_counts()
        parts = []
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            n = counts.get(severity, 0)
            if n:
                parts.append(f"{n} {severity.label}{'s' if n != 1 else ''}")
        nfiles = len(self.files)
        where = f"{nfiles} file{'s' if nfiles != 1 else ''}"
        text = f"{', '.join(parts)} in {where}" if parts else f"no problems in {where}"
        if self.waived:
            text += f" ({len(self.waived)} waived)"
        return text
