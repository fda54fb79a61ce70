"""Findings the engine itself makes: input errors (exit 2) and waiver hygiene.

They are listed by ``noticelint rules`` like any rule, so every code a user can see is documented.
"""

from __future__ import annotations

from noticelint.input.span import Span
from noticelint.lint.findings import Finding, Severity
from noticelint.lint.rules import Basis, RuleInfo


def _meta(code: str, name: str, severity: Severity, summary: str, explanation: str, fix: str) -> RuleInfo:
    return RuleInfo(
        code=code,
        name=name,
        severity=severity,
        legal=(),
        summary=summary,
        explanation=explanation,
        fix=fix,
        module="noticelint.lint.meta_rules",
        basis=Basis.TOOL,
    )


UNREADABLE = _meta(
    "INP001",
    "unreadable-file",
    Severity.ERROR,
    "The file cannot be read as UTF-8 text.",
    "The path is missing, unreadable, too large, binary or not UTF-8. Nothing else in the file is checked, "
    "and the run exits 2.",
    "Save the statement as UTF-8 text, check the path and permissions, or raise max-file-size.",
)
INVALID_YAML = _meta(
    "INP002",
    "invalid-yaml",
    Severity.ERROR,
    "The file is not one valid, plain YAML document.",
    "Syntax errors, tabs in indentation, duplicate keys, several documents in one file, custom tags, merge "
    "keys and documents that expand beyond the size limit are refused. The run exits 2.",
    "Fix the YAML at the reported line and column.",
)
SCHEMA_VIOLATION = _meta(
    "INP003",
    "schema-violation",
    Severity.ERROR,
    "The document does not follow the statement format (schema/privacy-statement.schema.json).",
    "Unknown or misspelt keys, wrong types, values outside their allowed set and missing required keys are "
    "reported together, each at its place. The rules only run on a valid document; the run exits 2.",
    "Correct the key or value as the message says; your editor can complete keys from the JSON Schema.",
)
BROKEN_REFERENCE = _meta(
    "INP004",
    "broken-reference",
    Severity.ERROR,
    "An id is used twice, or a reference names an id that does not exist.",
    "Activities name their recipients, cookies their provider and transfers their recipient by id. A "
    "reference to nothing, or two items with one id, makes the statement ambiguous. The run exits 2.",
    "Declare the party under `parties:` or correct the id.",
)
RULE_ERROR = _meta(
    "INP005",
    "rule-error",
    Severity.ERROR,
    "A rule failed while checking the file.",
    "A rule, most likely a custom one, raised an exception. The other rules still run; the run exits 2 "
    "because the file was not fully checked.",
    "Fix the rule named in the message, or deselect it with --ignore.",
)
WAIVER_WITHOUT_REASON = _meta(
    "WVR001",
    "waiver-without-reason",
    Severity.ERROR,
    "A waiver must say why the finding does not apply.",
    "A waiver `# noticelint: ignore[CODE] reason` records a decision about legal compliance. Without a "
    "reason, a reviewer cannot tell a considered exception from a silenced error.",
    "Write the reason after the bracket: `# noticelint: ignore[RET001] retention set by contract, see DPA §4`.",
)
UNUSED_WAIVER = _meta(
    "WVR002",
    "unused-waiver",
    Severity.WARNING,
    "A waiver that waives nothing.",
    "The waived rule no longer fires on this line, or the code is not a rule. A stale waiver would silently "
    "hide a future finding on the same line.",
    "Remove the waiver, or correct its code.",
)

INTERNAL_ERROR = _meta(
    "INP006",
    "internal-error",
    Severity.ERROR,
    "noticelint itself failed on the file.",
    "An error in noticelint stopped the checking of this file; the other files are still checked and the "
    "run exits 2. This is a bug: the message says what failed.",
    "Report the message and the file (or a shortened copy that shows the same failure).",
)

EXTENDS_ERROR = _meta(
    "INP007",
    "extends-error",
    Severity.ERROR,
    "A template named in extends cannot be used.",
    "The template is missing, unreadable, not YAML, not marked 'template: true', outside the repository "
    "root (the folder holding .git, or the working directory), part of a cycle, or the chain of templates "
    "is deeper than 10; or a $delete names an id no template declares. The error stands at the extends "
    "entry (or the $delete) that caused it; nothing else in the file is checked and the run exits 2.",
    "Correct the path, mark the base with 'template: true', move it into the repository, or break the cycle.",
)
TEMPLATE_CONTROLLER = _meta(
    "TPL001",
    "template-names-controller",
    Severity.ERROR,
    "A template names a controller.",
    "A template is shared by many statements, each with its own controller. A controller in the template "
    "is a fact of one organisation pasted into every client's notice (as 'ØstCom AS bruker Google "
    "Analytics' was in a clinic's notice). Each statement that extends the template names its own.",
    "Remove controller from the template and write {controller} in wording where the controller's name "
    "belongs; each statement gives its controller.",
)
REPEATED_OVERRIDE = _meta(
    "TPL002",
    "override-repeats-template",
    Severity.INFO,
    "A value repeats what the template it overrides already gives.",
    "A statement that extends a template and writes the same value again shadows the template: when the "
    "template changes, this statement silently keeps the old value.",
    "Remove the value from the statement, so it follows the template; keep it only to pin it on purpose.",
)

INPUT_ERRORS = (
    UNREADABLE,
    INVALID_YAML,
    SCHEMA_VIOLATION,
    BROKEN_REFERENCE,
    RULE_ERROR,
    INTERNAL_ERROR,
    EXTENDS_ERROR,
)
WAIVER_RULES = (WAIVER_WITHOUT_REASON, UNUSED_WAIVER)
TEMPLATE_RULES = (TEMPLATE_CONTROLLER, REPEATED_OVERRIDE)
ALL = INPUT_ERRORS + WAIVER_RULES + TEMPLATE_RULES


def input_error(
    path: str, info: RuleInfo, message: str, span: Span | None = None, pointer: str = ""
) -> Finding:
    return Finding(
        path=path,
        span=span or Span.point(1, 1),
        code=info.code,
        name=info.name,
        severity=info.severity,
        message=message,
        pointer=pointer,
        fix=info.fix,
        input_error=True,
    )
