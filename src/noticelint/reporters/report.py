"""The result of a run as reporters see it: findings, files and the rules that produced them.

A :class:`Stream` carries the findings of a run as they come, one batch per file, so that a report of
hundreds of thousands of findings is written without holding them: the reporters keep only counts (a
:class:`Tally`) and the little each format needs to write its head. A :class:`Report` holds its findings
(the render gate, the tests) and is reported through a stream of its own.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, TextIO

from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import RuleInfo

SPOOL_IN_MEMORY = 4 * 1024 * 1024


def _sort_key(finding: Finding) -> tuple[str, int, int, str, str]:
    return finding.sort_key


@dataclass
class Tally:
    """What the exit code and the summary need: counts, filled while the findings are written."""

    counts: Counter[Severity] = field(default_factory=Counter)
    waived: int = 0
    input_errors: bool = False

    def add(self, finding: Finding) -> None:
        # Counted by severity; exit_code then asks what Finding.fails asks of each finding.
        if finding.waived:
            self.waived += 1
        else:
            self.counts[finding.severity] += 1
        if finding.input_error:
            self.input_errors = True

    def exit_code(self, fail_on: Severity) -> int:
        if self.input_errors:
            return 2
        if any(n and severity >= fail_on for severity, n in self.counts.items()):
            return 1
        return 0

    def summary(self, files: int) -> str:
        """One line, e.g. ``3 errors, 2 warnings in 1 file (1 waived)``."""
        parts = []
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            n = self.counts.get(severity, 0)
            if n:
                parts.append(f"{n} {severity.label}{'s' if n != 1 else ''}")
        where = f"{files} file{'s' if files != 1 else ''}"
        text = f"{', '.join(parts)} in {where}" if parts else f"no problems in {where}"
        if self.waived:
            text += f" ({self.waived} waived)"
        return text


@dataclass
class Stream:
    """The findings of a run, read once: ``problems`` (paths that could not be expanded), then one
    batch per file of ``files``, which are sorted, each batch holding that file's findings.

    :meth:`findings` gives them as they come; :meth:`ordered` sorted by file, line, column, code and
    message (each batch is sorted on its own, the problems merged in). Either counts them in
    :attr:`tally`; the exit code and the summary are known once they are consumed.
    """

    files: tuple[str, ...]
    batches: Iterable[Sequence[Finding]]
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    tool_version: str = ""
    problems: Sequence[Finding] = ()
    tally: Tally = field(default_factory=Tally)
    trace: bool = False  # show each finding's trace (the files that gave its value), where the format can

    def _counted(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        add = self.tally.add
        for finding in findings:
            add(finding)
            yield finding

    def findings(self) -> Iterator[Finding]:
        return self._counted(itertools.chain(self.problems, itertools.chain.from_iterable(self.batches)))

    def ordered(self) -> Iterator[Finding]:
        return self._counted(self._merged())

    def _merged(self) -> Iterator[Finding]:
        """Each batch sorted, the (few) problems merged in before the findings they sort before or with.

        Written out rather than with heapq.merge, which keeps the first value it saw for the whole run.
        """
        problems = sorted(self.problems, key=_sort_key)
        waiting = 0
        for batch in self.batches:
            for finding in sorted(batch, key=_sort_key):
                key = finding.sort_key
                while waiting < len(problems) and problems[waiting].sort_key <= key:
                    yield problems[waiting]
                    waiting += 1
                yield finding
        yield from problems[waiting:]

    def exit_code(self) -> int:
        return self.tally.exit_code(self.fail_on)

    def summary(self) -> str:
        return self.tally.summary(len(self.files))


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    tool_version: str = ""

    def stream(self) -> Stream:
        files = tuple(sorted(dict.fromkeys(self.files)))
        by_file: dict[str, list[Finding]] = {path: [] for path in files}
        others: list[Finding] = []
        for finding in self.findings:
            by_file.get(finding.path, others).append(finding)
        return Stream(
            files=files,
            batches=(by_file[path] for path in files),
            rules=self.rules,
            fail_on=self.fail_on,
            tool_version=self.tool_version,
            problems=others,
        )

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

    def _tally(self) -> Tally:
        tally = Tally()
        for finding in self.findings:
            tally.add(finding)
        return tally

    def exit_code(self) -> int:
        return self._tally().exit_code(self.fail_on)

    def summary(self) -> str:
        """One line, e.g. ``3 errors, 2 warnings in 1 file (1 waived)``."""
        return self._tally().summary(len(self.files))


def spool() -> IO[str]:
    """A place for the body of a report whose head needs the counts: memory first, then a temporary
    file (already unlinked, so nothing is left behind whatever happens)."""
    return tempfile.SpooledTemporaryFile(
        max_size=SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
    )


def copy(source: IO[str], out: TextIO) -> None:
    source.seek(0)
    shutil.copyfileobj(source, out, 1 << 20)
