"""The ``github`` format: GitHub Actions workflow commands, one annotation per finding not waived.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message`` (``::warning`` for
warnings, ``::notice`` for infos). Values are escaped as the Actions runner expects: in the message
``%``, CR and LF; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

import io
from typing import TextIO

from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import RuleInfo
from noticelint.reporters.report import Report, Stream
from noticelint.reporters.safe_text import without_controls

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    value = without_controls(value)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _line(rules: dict[str, RuleInfo], f: Finding) -> str:
    info = rules.get(f.code)
    name = f.name or (info.name if info else "")
    props = [("file", f.path.replace("\\", "/"))]
    span = f.span
    if span.line >= 1:
        end_line = span.end_line if span.end_line >= span.line else span.line
        props.append(("line", str(span.line)))
        if span.column >= 1:
            end_column = span.end_column
            if end_column < 1 or (end_line == span.line and end_column < span.column):
                end_column = span.column
            props.append(("col", str(span.column)))
            props.append(("endLine", str(end_line)))
            props.append(("endColumn", str(end_column)))
        else:
            props.append(("endLine", str(end_line)))
    title = " ".join(part for part in (f.code, name) if part)
    if title:
        props.append(("title", title))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{_COMMAND[f.severity]} {rendered}::{escape_data(f.message)}"


def write(stream: Stream, out: TextIO) -> None:
    for f in stream.ordered():
        if not f.waived:
            out.write(_line(stream.rules, f) + "\n")


def render(report: Report) -> str:
    out = io.StringIO()
    write(report.stream(), out)
    return out.getvalue()
