"""The ``sarif`` format: SARIF 2.1.0, as read by GitHub code scanning and other tools.

One run. ``tool.driver.rules`` lists every rule code that occurs in the findings (input errors without
a registered rule are described from the finding itself). Every finding is a result; waived findings
carry an ``inSource`` suppression with the waiver's reason, so viewers show them as suppressed instead of
dropping them. Paths stay relative to ``%SRCROOT%`` (the directory noticelint ran in).
"""

from __future__ import annotations

import io
import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from noticelint.input.span import Span
from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import RuleInfo
from noticelint.reporters.gitlab import Fingerprints, indented
from noticelint.reporters.report import Report, Stream, copy, spool

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/noticelint/noticelint"
SRCROOT = "%SRCROOT%"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _artifact_location(path: str) -> dict[str, Any]:
    """A relative path becomes a URI reference against %SRCROOT%; an absolute one a file: URI."""
    posix = path.replace("\\", "/")
    if PureWindowsPath(path).is_absolute():
        return {"uri": PureWindowsPath(path).as_uri()}
    if PurePosixPath(posix).is_absolute():
        return {"uri": PurePosixPath(posix).as_uri()}
    if posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _region(span: Span) -> dict[str, int] | None:
    """SARIF region (1-based); the end is never before the start. None when the line is unknown."""
    if span.line < 1:
        return None
    region = {"startLine": span.line}
    end_line = span.end_line if span.end_line >= span.line else span.line
    if span.column >= 1:
        region["startColumn"] = span.column
    region["endLine"] = end_line
    if span.column >= 1:
        end_column = span.end_column
        if end_column < 1 or (end_line == span.line and end_column < span.column):
            end_column = span.column
        region["endColumn"] = end_column
    elif span.end_column >= 1 and end_line > span.line:
        region["endColumn"] = span.end_column
    return region


def _descriptor(rules: dict[str, RuleInfo], f: Finding) -> dict[str, Any]:
    info = rules.get(f.code)
    if info is not None:
        name, summary, explanation = info.name, info.summary, info.explanation
        fix, legal, level = info.fix, info.legal, _LEVEL[info.severity]
    else:
        name = f.name or f.code
        summary = f.name or f.message or f.code
        explanation = ""
        fix, legal, level = f.fix, f.legal, _LEVEL[f.severity]
    descriptor: dict[str, Any] = {"id": f.code, "name": name, "shortDescription": {"text": summary}}
    if explanation:
        descriptor["fullDescription"] = {"text": explanation}
    if fix:
        descriptor["help"] = {"text": fix}
    descriptor["defaultConfiguration"] = {"level": level}
    descriptor["properties"] = {"legal": list(legal)}
    return descriptor


def _result(f: Finding, rule_index: int | None, artifact_index: int, fingerprint: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {**_artifact_location(f.path), "index": artifact_index}}
    region = _region(f.span)
    if region is not None:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": f.pointer}]
    result: dict[str, Any] = {}
    if f.code:
        result["ruleId"] = f.code
        result["ruleIndex"] = rule_index
    result["level"] = _LEVEL[f.severity]
    result["message"] = {"text": f.message or f.name or f.code}
    result["locations"] = [location]
    result["partialFingerprints"] = {"noticelint/v1": fingerprint}
    if f.waived:
        result["suppressions"] = [{"kind": "inSource", "justification": f.waiver_reason}]
    properties: dict[str, Any] = {}
    if f.legal:
        properties["legal"] = list(f.legal)
    if f.fix:
        properties["fix"] = f.fix
    if f.input_error:
        properties["inputError"] = True
    if properties:
        result["properties"] = properties
    return result


def write(stream: Stream, out: TextIO) -> None:
    """The results are written as they come, to a spool; the rules and artifacts they name (one entry
    per rule code and per file, not per finding) and the invocation go in front of them at the end."""
    rule_index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    artifacts: list[dict[str, Any]] = []
    for path in stream.files:
        if path not in artifact_index:
            artifact_index[path] = len(artifacts)
            artifacts.append({"location": _artifact_location(path)})
    fingerprint = Fingerprints()
    with spool() as body:
        first = True
        for f in stream.ordered():
            if f.code and f.code not in rule_index:
                rule_index[f.code] = len(rules)
                rules.append(_descriptor(stream.rules, f))
            if f.path not in artifact_index:
                artifact_index[f.path] = len(artifacts)
                artifacts.append({"location": _artifact_location(f.path)})
            result = _result(f, rule_index.get(f.code), artifact_index[f.path], fingerprint(f))
            body.write(("" if first else ",\n") + indented(result, "        "))
            first = False

        driver: dict[str, Any] = {"name": "noticelint"}
        if stream.tool_version:
            driver["version"] = stream.tool_version
        driver["informationUri"] = INFORMATION_URI
        driver["rules"] = rules
        document = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": driver,
                    },
                    "originalUriBaseIds": {
                        SRCROOT: {"description": {"text": "The directory noticelint was run in."}}
                    },
                    "artifacts": artifacts,
                    "invocations": [{"executionSuccessful": stream.exit_code() != 2}],
                    "results": [],
                }
            ],
        }
        head = json.dumps(document, indent=2, ensure_ascii=False)
        if first:
            out.write(head + "\n")
            return
        out.write(head.removesuffix("[]\n    }\n  ]\n}") + "[\n")
        copy(body, out)
        out.write("\n      ]\n    }\n  ]\n}\n")


def render(report: Report) -> str:
    out = io.StringIO()
    write(report.stream(), out)
    return out.getvalue()
