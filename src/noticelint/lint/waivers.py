"""Inline waivers: ``# noticelint: ignore[CODE, CODE] reason`` on the line of the finding.

A finding inside a multi-line block of wording is waived by a comment on the line of its key, since a
comment inside a block scalar would be published as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from noticelint.input.document import Document
from noticelint.input.span import Span
from noticelint.lint.findings import Finding
from noticelint.lint.meta_rules import UNUSED_WAIVER, WAIVER_WITHOUT_REASON
from noticelint.lint.rules import RuleInfo

_WAIVER = re.compile(r"(?:^|\s)#\s*noticelint:\s*ignore\[(?P<codes>[A-Za-z0-9, ]*)\](?P<reason>.*)$")


@dataclass(frozen=True)
class Waiver:
    line: int
    column: int
    codes: tuple[str, ...]
    reason: str


def _block_scalar_lines(doc: Document) -> set[int]:
    lines: set[int] = set()
    for node in doc.nodes.values():
        if node.style in ("|", ">"):
            # A block scalar ends at the start of the line after its text (column 1): that line is the
            # next key's, and a waiver there is not inside the text.
            last = node.span.end_line if node.span.end_column > 1 else node.span.end_line - 1
            lines.update(range(node.span.line + 1, last + 1))
    return lines


def find_waivers(doc: Document) -> list[Waiver]:
    if "noticelint:" not in doc.text:
        return []
    inside_text = _block_scalar_lines(doc)
    waivers = []
    for number, line in enumerate(doc.lines, start=1):
        if number in inside_text or "noticelint:" not in line:
            continue
        match = _WAIVER.search(line)
        if match:
            codes = tuple(c.strip().upper() for c in match["codes"].split(",") if c.strip())
            column = line.index("#", match.start()) + 1
            waivers.append(Waiver(number, column, codes, match["reason"].strip()))
    return waivers


def _meta_finding(doc: Document, waiver: Waiver, info: RuleInfo, message: str) -> Finding:
    return Finding(
        path=doc.path,
        span=Span(waiver.line, waiver.column, waiver.line, waiver.column),
        code=info.code,
        name=info.name,
        severity=info.severity,
        message=message,
        fix=info.fix,
    )


def apply_waivers(
    doc: Document, findings: list[Finding], selected: set[str], known: set[str], report: bool = True
) -> list[Finding]:
    """Mark waived findings and add findings about the waivers themselves (unless ``report`` is false:
    a template's waivers are judged when the template itself is checked)."""
    waivers = find_waivers(doc)
    if not waivers:
        return findings
    by_line = {w.line: w for w in waivers}
    used: set[tuple[int, str]] = set()
    result: list[Finding] = []
    for finding in findings:
        key_line = doc.key_span(finding.pointer).line if finding.pointer else finding.span.line
        waiver = next(
            (
                by_line[line]
                for line in (finding.span.line, key_line)
                if line in by_line and finding.code in by_line[line].codes
            ),
            None,
        )
        if waiver is None:
            result.append(finding)
            continue
        used.add((waiver.line, finding.code))
        result.append(replace(finding, waived=True, waiver_reason=waiver.reason))
    if not report:
        return result
    for waiver in waivers:
        if not waiver.reason and WAIVER_WITHOUT_REASON.code in selected:
            result.append(
                _meta_finding(
                    doc,
                    waiver,
                    WAIVER_WITHOUT_REASON,
                    f"waiver of {', '.join(waiver.codes) or 'nothing'} gives no reason; write why after the ']'",
                )
            )
        if UNUSED_WAIVER.code not in selected:
            continue
        if not waiver.codes:
            result.append(_meta_finding(doc, waiver, UNUSED_WAIVER, "waiver names no rule code"))
        for code in waiver.codes:
            if code in known and code not in selected:
                continue  # the rule is switched off in this run; the waiver may still be needed
            if (waiver.line, code) not in used:
                result.append(
                    _meta_finding(
                        doc, waiver, UNUSED_WAIVER, f"waiver of {code} waives nothing on this line; remove it"
                    )
                )
    return result
