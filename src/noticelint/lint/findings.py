"""What a check reports: a located finding with everything a reporter needs to show it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from noticelint.input.span import Span

__all__ = ["Finding", "Severity", "Span"]


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
class Finding:
    """One problem in one file.

    Problems that come before the rules can run (unreadable file, invalid YAML, schema errors, broken
    references) carry the engine's own INP codes and ``input_error=True``: they make the run exit 2.
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

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.code, self.message)
