"""One line a finding, ``path:line:col: CODE [severity] message``, then a summary (ruff/yamllint style).

With ``check --trace``, a finding in a statement that extends templates is followed by one indented line
for each file that gave the value it is about: ``    from templates/base.yaml:12 (/activities/0)``.
"""

from __future__ import annotations

import io
from typing import TextIO

from noticelint.reporters.report import Report, Stream
from noticelint.reporters.safe_text import visible


def write(stream: Stream, out: TextIO) -> None:
    """Each finding that is not waived as it comes, then the summary."""
    for f in stream.findings():
        if not f.waived:
            out.write(
                f"{visible(f.path)}:{f.span.line}:{f.span.column}: {f.code} [{f.severity.label}] "
                f"{visible(f.message)}\n"
            )
            if stream.trace:
                for source in f.trace:
                    out.write(
                        f"    from {visible(source.path)}:{source.line} ({visible(source.pointer or '/')})\n"
                    )
    out.write(stream.summary() + "\n")


def render(report: Report) -> str:
    out = io.StringIO()
    write(report.stream(), out)
    return out.getvalue()


def write_statistics(stream: Stream, out: TextIO) -> None:
    """Counts per rule, most frequent first (``--statistics``), then the summary."""
    counts: dict[tuple[str, str], int] = {}
    for finding in stream.findings():
        if not finding.waived:
            key = (finding.code, finding.name)
            counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    out.write("".join(f"{n:5d}  {code:<7} {name}\n" for (code, name), n in rows))
    out.write(stream.summary() + "\n")


def statistics(report: Report) -> str:
    """Counts per rule, most frequent first (``--statistics``)."""
    out = io.StringIO()
    write_statistics(report.stream(), out)
    return out.getvalue().removesuffix(report.summary() + "\n")
