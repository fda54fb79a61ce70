"""The ``junit`` format: JUnit XML, as read by GitLab, Jenkins and Azure Pipelines.

``<testsuites>`` holds one ``<testsuite name="noticelint">``; each checked file is a ``<testcase>``
(``classname`` and ``name`` are the path). Every finding that is not waived is a ``<failure>`` in its
file's test case, except input errors (the file could not be checked), which are ``<error>`` elements.
A file without findings is a passing test case. The ``tests``, ``failures`` and ``errors`` attributes
count test cases, as the JUnit schema defines them (so ``tests`` = passed + failures + errors): a file
with an input error counts as an error, one with only findings as a failure. Waived findings are listed in
the test case's ``<system-out>`` only. Characters that XML 1.0 does not allow are removed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from noticelint.lint.findings import Finding
from noticelint.reporters.report import Report

_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Remove characters that cannot appear in an XML 1.0 document, even escaped."""
    return _ILLEGAL_XML.sub("", text)


def _details(report: Report, f: Finding) -> str:
    info = report.rules.get(f.code)
    name = f.name or (info.name if info else "")
    legal = f.legal or (info.legal if info else ())
    fix = f.fix or (info.fix if info else "")
    lines = [
        f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {name}".rstrip(),
        f"severity: {f.severity.label}",
    ]
    if f.pointer:
        lines.append(f"pointer: {f.pointer}")
    lines.append(f"message: {f.message}")
    if legal:
        lines.append(f"legal: {'; '.join(legal)}")
    if fix:
        lines.append(f"fix: {fix}")
    return clean("\n".join(lines))


def render(report: Report) -> str:
    findings = sorted(report.findings, key=lambda f: f.sort_key)
    paths = list(dict.fromkeys([*report.files, *(f.path for f in findings)]))
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    for f in findings:
        by_path[f.path].append(f)

    suite = ET.Element("testsuite", {"name": "noticelint"})
    failures = errors = 0
    for path in paths:
        case = ET.SubElement(suite, "testcase", {"classname": clean(path), "name": clean(path)})
        waived: list[str] = []
        for f in by_path[path]:
            if f.waived:
                waived.append(f"{f.path}:{f.span.line}:{f.span.column}: {f.code} waived: {f.waiver_reason}")
                continue
            tag = "error" if f.input_error else "failure"
            head = " ".join(part for part in (f.code, f.message) if part)
            element = ET.SubElement(case, tag, {"type": clean(f.code), "message": clean(head)})
            element.text = _details(report, f)
        if case.find("error") is not None:
            errors += 1
        elif case.find("failure") is not None:
            failures += 1
        if waived:
            ET.SubElement(case, "system-out").text = clean("\n".join(waived))
    counts = {"tests": str(len(paths)), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", {"name": "noticelint", **counts})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
