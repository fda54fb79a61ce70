"""The ``json`` format: a stable, documented JSON document.

Layout (version 1; keys always in this order)::

    {
      "version": 1,
      "tool": {"name": "noticelint", "version": "<tool version>"},
      "summary": {"files": n, "errors": n, "warnings": n, "infos": n, "waived": n, "exit_code": n},
      "findings": [
        {"file", "line", "column", "end_line", "end_column", "pointer", "code", "name", "severity",
         "message", "legal": [...], "fix", "waived", "waiver_reason", "input_error"}
      ]
    }

``errors``/``warnings``/``infos`` count the findings that are not waived; ``waived`` counts the waived
ones, which are still listed with ``"waived": true`` and their ``waiver_reason``. Lines and columns are
1-based (end exclusive) as the engine reports them; 0 means "unknown". ``severity`` is ``error``,
``warning`` or ``info``. Findings are sorted by file, line, column, code and message.
"""

from __future__ import annotations

import json
from typing import Any

from noticelint.lint.findings import Finding, Severity
from noticelint.reporters.report import Report

FORMAT_VERSION = 1


def _finding(report: Report, f: Finding) -> dict[str, Any]:
    info = report.rules.get(f.code)
    return {
        "file": f.path,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "pointer": f.pointer,
        "code": f.code,
        "name": f.name or (info.name if info else ""),
        "severity": f.severity.label,
        "message": f.message,
        "legal": list(f.legal or (info.legal if info else ())),
        "fix": f.fix or (info.fix if info else ""),
        "waived": f.waived,
        "waiver_reason": f.waiver_reason,
        "input_error": f.input_error,
    }


def render(report: Report) -> str:
    counts = report.severity_counts()
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "noticelint", "version": report.tool_version},
        "summary": {
            "files": len(report.files),
            "errors": counts.get(Severity.ERROR, 0),
            "warnings": counts.get(Severity.WARNING, 0),
            "infos": counts.get(Severity.INFO, 0),
            "waived": len(report.waived),
            "exit_code": report.exit_code(),
        },
        "findings": [_finding(report, f) for f in sorted(report.findings, key=lambda f: f.sort_key)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
