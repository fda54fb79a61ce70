"""The ``gitlab`` format: a GitLab Code Quality report (a JSON list of issues).

Waived findings are left out. The fingerprint is a SHA-256 of the file, rule code, JSON Pointer and
message -- not of the line -- so moving a passage does not make GitLab see a new issue. Identical
findings in one file get an occurrence number so that every fingerprint stays unique.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from noticelint.lint.findings import Finding, Severity
from noticelint.reporters.report import Report

_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "minor"}


def fingerprints(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    """A stable fingerprint per finding, in the order given, unique within the list."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    result = []
    for f in findings:
        key = (f.path.replace("\\", "/"), f.code, f.pointer, f.message)
        occurrence = seen[key]
        seen[key] += 1
        parts: list[str | int] = [*key, occurrence] if occurrence else list(key)
        payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        result.append(hashlib.sha256(payload.encode("utf-8")).hexdigest())
    return result


def _issue(f: Finding, fingerprint: str) -> dict[str, Any]:
    begin = max(f.span.line, 1)
    end = max(f.span.end_line, begin)
    return {
        "description": " ".join(part for part in (f.code, f.message) if part),
        "check_name": f.code or f.name or "input-error",
        "fingerprint": fingerprint,
        "severity": "blocker" if f.input_error else _SEVERITY[f.severity],
        "location": {"path": f.path.replace("\\", "/"), "lines": {"begin": begin, "end": end}},
    }


def render(report: Report) -> str:
    active = sorted(report.active, key=lambda f: f.sort_key)
    issues = [_issue(f, fp) for f, fp in zip(active, fingerprints(active), strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
