"""The ``gitlab`` format: a GitLab Code Quality report (a JSON list of issues).

Waived findings are left out. The fingerprint is a SHA-256 of the file, rule code, JSON Pointer and
message -- not of the line -- so moving a passage does not make GitLab see a new issue. Identical
findings in one file get an occurrence number so that every fingerprint stays unique.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from noticelint.lint.findings import Finding, Severity
from noticelint.reporters.report import Report, Stream

_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "minor"}


class Fingerprints:
    """Fingerprints of findings given in order of their file: the occurrence counts are kept for one
    file at a time (the path is part of what is counted), so memory does not grow with the run."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._seen: Counter[tuple[str, str, str, str]] = Counter()

    def __call__(self, f: Finding) -> str:
        path = f.path.replace("\\", "/")
        if path != self._path:
            self._path = path
            self._seen.clear()
        key = (path, f.code, f.pointer, f.message)
        occurrence = self._seen[key]
        self._seen[key] += 1
        parts: list[str | int] = [*key, occurrence] if occurrence else list(key)
        payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A stable fingerprint per finding, in the order given (sorted by file), unique within the list."""
    fingerprint = Fingerprints()
    return [fingerprint(f) for f in findings]


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


def indented(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it at the depth of ``indent``."""
    return indent + json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


def write(stream: Stream, out: TextIO) -> None:
    fingerprint = Fingerprints()
    first = True
    for f in stream.ordered():
        if f.waived:
            continue
        out.write(("[\n" if first else ",\n") + indented(_issue(f, fingerprint(f)), "  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def render(report: Report) -> str:
    out = io.StringIO()
    write(report.stream(), out)
    return out.getvalue()
