"""The ``junit`` format: JUnit XML, as read by GitLab, Jenkins and Azure Pipelines.

``<testsuites>`` holds one ``<testsuite name="noticelint">``; each checked file is a ``<testcase>``
(``classname`` and ``name`` are the path). A finding that fails the run (``--fail-on``: see
:meth:`Finding.fails`) is a ``<failure>`` in its file's test case, except input errors (the file could
not be checked), which are ``<error>`` elements. A file without such findings is a passing test case, so
the suite is red exactly when ``check`` exits non-zero; the findings below ``--fail-on`` are listed, with
their details, in the test case's ``<system-out>``. The ``tests``, ``failures`` and ``errors`` attributes
count test cases, as the JUnit schema defines them (so ``tests`` = passed + failures + errors): a file
with an input error counts as an error, one with only findings as a failure. Waived findings are listed in
``<system-out>`` too. Characters that XML 1.0 does not allow are removed.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import TextIO

from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import RuleInfo
from noticelint.reporters.report import Report, Stream, copy, spool

_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Remove characters that cannot appear in an XML 1.0 document, even escaped."""
    return _ILLEGAL_XML.sub("", text)


def _details(rules: dict[str, RuleInfo], f: Finding) -> str:
    info = rules.get(f.code)
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


def _case(
    rules: dict[str, RuleInfo], path: str, findings: list[Finding], fail_on: Severity
) -> tuple[str, str]:
    """One test case as XML, indented as it stands in the suite, and ``error``, ``failure`` or ``""``."""
    case = ET.Element("testcase", {"classname": clean(path), "name": clean(path)})
    below: list[str] = []
    waived: list[str] = []
    for f in findings:
        if f.waived:
            waived.append(f"{f.path}:{f.span.line}:{f.span.column}: {f.code} waived: {f.waiver_reason}")
            continue
        if not f.fails(fail_on):
            below.append(_details(rules, f))
            continue
        tag = "error" if f.input_error else "failure"
        head = " ".join(part for part in (f.code, f.message) if part)
        element = ET.SubElement(case, tag, {"type": clean(f.code), "message": clean(head)})
        element.text = _details(rules, f)
    outcome = (
        "error" if case.find("error") is not None else "failure" if case.find("failure") is not None else ""
    )
    out = []
    if below:
        out.append(f"below --fail-on {fail_on.label} (reported, not failing):\n" + "\n\n".join(below))
    if waived:
        out.append("\n".join(waived))
    if out:
        ET.SubElement(case, "system-out").text = clean("\n\n".join(out))
    ET.indent(case, level=2)
    return ET.tostring(case, encoding="unicode"), outcome


def write(stream: Stream, out: TextIO) -> None:
    """Each file's test case as soon as its findings are in (the files and the findings come sorted),
    to a spool; the counts go in front of them at the end."""
    files = list(dict.fromkeys(stream.files))
    index = {path: i for i, path in enumerate(files)}
    extra: dict[str, list[Finding]] = {}  # findings about paths that are not among the files (few)
    outcomes: Counter[str] = Counter()
    with spool() as body:

        def emit(path: str, findings: list[Finding]) -> None:
            xml, outcome = _case(stream.rules, path, findings, stream.fail_on)
            body.write("\n    " + xml if outcomes else xml)
            outcomes[outcome] += 1

        position = 0
        current: str | None = None
        found: list[Finding] = []
        for f in stream.ordered():
            if f.path == current:
                found.append(f)
                continue
            if index.get(f.path, -1) < position:
                extra.setdefault(f.path, []).append(f)
                continue
            if current is not None:
                emit(current, found)
            while files[position] != f.path:
                emit(files[position], [])
                position += 1
            current, found = f.path, [f]
            position += 1
        if current is not None:
            emit(current, found)
        for path in files[position:]:
            emit(path, [])
        for path, findings in extra.items():
            emit(path, findings)

        total = sum(outcomes.values())
        counts = {
            "tests": str(total),
            "failures": str(outcomes["failure"]),
            "errors": str(outcomes["error"]),
            "skipped": "0",
        }
        root = ET.Element("testsuites", {"name": "noticelint", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "noticelint", **counts})
        if total:
            ET.SubElement(suite, "cases")
        ET.indent(root)
        skeleton = ET.tostring(root, encoding="unicode")
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not total:
            out.write(skeleton + "\n")
            return
        before, _, after = skeleton.partition("<cases />")
        out.write(before)
        copy(body, out)
        out.write(after + "\n")


def render(report: Report) -> str:
    out = io.StringIO()
    write(report.stream(), out)
    return out.getvalue()
