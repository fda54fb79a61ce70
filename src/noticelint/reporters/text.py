"""One line a finding, ``path:line:col: CODE [severity] message``, then a summary (ruff/yamllint style)."""

from __future__ import annotations

from noticelint.reporters.report import Report
from noticelint.reporters.safe_text import visible


def render(report: Report) -> str:
    lines = [
        f"{visible(f.path)}:{f.span.line}:{f.span.column}: {f.code} [{f.severity.label}] {visible(f.message)}"
        for f in report.active
    ]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def statistics(report: Report) -> str:
    """Counts per rule, most frequent first (``--statistics``)."""
    counts: dict[tuple[str, str], int] = {}
    for finding in report.active:
        key = (finding.code, finding.name)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:5d}  {code:<7} {name}\n" for (code, name), n in rows)
