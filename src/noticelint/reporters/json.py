"""The ``json`` format: a stable, documented JSON document.

Layout (version 1; keys always in this order)::

    {
      "version": 1,
      "tool": {"name": "noticelint", "version": "<tool version>"},
      "summary": {"files": n, "errors": n, "warnings": n, "infos": n, "waived": n, "exit_code": n},
      "findings": [
        {"file", "line", "column", "end_line", "end_column", "pointer", "code", "name", "severity",
         "message", "legal": [...], "fix", "waived", "waiver_reason", "input_error"[, "trace"]}
      ]
    }

With ``check --trace`` every finding also has ``"trace"``: the files that gave the value it is about, in
the order they were merged, each ``{"file", "line", "column", "pointer"}`` (the pointer in that file);
an empty list for a finding in a statement that extends no template.

``errors``/``warnings``/``infos`` count the findings that are not waived; ``waived`` counts the waived
ones, which are still listed with ``"waived": true`` and their ``waiver_reason``. Lines and columns are
1-based (end exclusive) as the engine reports them; 0 means "unknown". ``severity`` is ``error``,
``warning`` or ``info``. Findings are sorted by file, line, column, code and message.

The findings are written as they come, to a spool, and the summary in front of them at the end.
"""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import RuleInfo
from noticelint.reporters.gitlab import indented
from noticelint.reporters.report import Report, Stream, copy, spool

FORMAT_VERSION = 1


def _finding(rules: dict[str, RuleInfo], f: Finding, trace: bool = False) -> dict[str, Any]:
    info = rules.get(f.code)
    found = {
        "file": f.path,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "pointer": f.pointer,
        "code": f.code,
        "name": f.name or (info.name if info else ""),
        "module": info.module if info else "",
        "severity": f.severity.label,
        "message": f.message,
        "legal": list(f.legal or (info.legal if info else ())),
        "fix": f.fix or (info.fix if info else ""),
        "waived": f.waived,
        "waiver_reason": f.waiver_reason,
        "input_error": f.input_error,
    }
    if trace:
        found["trace"] = [
            {"file": s.path, "line": s.line, "column": s.column, "pointer": s.pointer} for s in f.trace
        ]
    return found


def write(stream: Stream, out: TextIO) -> None:
    with spool() as body:
        first = True
        for f in stream.ordered():
            body.write(("" if first else ",\n") + indented(_finding(stream.rules, f, stream.trace), "    "))
            first = False
        counts = stream.tally.counts
        document = {
            "version": FORMAT_VERSION,
            "tool": {"name": "noticelint", "version": stream.tool_version},
            "summary": {
                "files": len(stream.files),
                "errors": counts.get(Severity.ERROR, 0),
                "warnings": counts.get(Severity.WARNING, 0),
                "infos": counts.get(Severity.INFO, 0),
                "waived": stream.tally.waived,
                "exit_code": stream.exit_code(),
            },
            "findings": [],
        }
        head = json.dumps(document, indent=2, ensure_ascii=False)
        if first:
            out.write(head + "\n")
            return
        out.write(head.removesuffix("[]\n}") + "[\n")
        copy(body, out)
        out.write("\n  ]\n}\n")


def render(report: Report) -> str:
    out = io.StringIO()
    write(report.stream(), out)
    return out.getvalue()
