"""Rule documentation for ``noticelint rules``, ``noticelint explain`` and docs/rules.md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from noticelint.lint.meta_rules import ALL as META
from noticelint.lint.rules import Basis, Rule, RuleInfo, policy_severity


def _infos(rules: Sequence[Rule]) -> list[RuleInfo]:
    return sorted([r.info for r in rules] + list(META), key=lambda i: i.code)


def rules_listing(rules: Sequence[Rule], fmt: str = "text") -> str:
    infos = _infos(rules)
    if fmt == "json":
        return (
            json.dumps(
                [
                    {
                        "code": i.code,
                        "name": i.name,
                        "severity": i.severity.label,
                        "basis": i.basis.value,
                        "certainty": i.certainty.value,
                        "severity_exception": i.severity_exception,
                        "legal": list(i.legal),
                        "summary": i.summary,
                        "explanation": i.explanation,
                        "fix": i.fix,
                        "knowledge": list(i.knowledge),
                        "default": i.default,
                        "builtin": i.builtin,
                        "module": i.module,
                    }
                    for i in infos
                ],
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    if fmt == "markdown":
        return rules_table(infos)
    width = max(len(i.name) for i in infos)
    return "".join(
        f"{i.code}  {i.name:<{width}}  {i.severity.label:<7}  {_basis(i):<30}  {'; '.join(i.legal) or '-'}"
        f"{'' if i.default else '  (opt-in)'}\n"
        for i in infos
    )


def _basis(info: RuleInfo) -> str:
    """'statute, inferred' and the like: what the severity follows from."""
    if info.basis in (Basis.HOUSE, Basis.TOOL):
        return info.basis.value
    return f"{info.basis.value}, {info.certainty.value}"


def _basis_sentence(info: RuleInfo) -> str:
    if info.basis is Basis.TOOL:
        return "Basis: tool (a finding about the input or the waivers, not about the law)."
    if info.basis is Basis.HOUSE:
        return "Basis: house (a custom rule of your own; its severity is the one it declares)."
    head = f"Basis: {info.basis.value}; certainty: {info.certainty.value}"
    expected = policy_severity(info.basis, info.certainty)
    if info.severity_exception:
        return (
            f"{head}; the policy gives {expected.label if expected else '-'}, but this rule is "
            f"{info.severity.label} by exception: {info.severity_exception}."
        )
    if expected is not None and info.severity < expected:
        return f"{head}; hence at most {expected.label}, declared {info.severity.label}."
    return f"{head}; hence {info.severity.label}."


OPT_IN_SENTENCE = (
    "Opt-in: not in the default rule set. It checks the completeness of the structured file, or points at a "
    "question outside the notice, rather than a duty the notice has; enable it with `select` or "
    "`extend-select` (configuration) or `--select` naming its code or prefix."
)


def _name(info: RuleInfo) -> str:
    return info.name if info.default else f"{info.name} (opt-in)"


def rules_table(infos: Sequence[RuleInfo]) -> str:
    lines = [
        "| code | name | severity | basis | legal reference | what it checks |",
        "|---|---|---|---|---|---|",
    ]
    for i in infos:
        legal = "; ".join(i.legal) or "–"
        lines.append(
            f"| `{i.code}` | {_name(i)} | {i.severity.label} | {_basis(i)} | {legal} | {i.summary} |"
        )
    return "\n".join(lines) + "\n"


def explain(info: RuleInfo) -> str:
    parts = [f"{info.code} {info.name} [{info.severity.label}]", "", info.summary]
    if info.legal:
        parts += ["", "Legal reference: " + "; ".join(info.legal)]
    parts += ["", _basis_sentence(info)]
    if not info.default:
        parts += ["", OPT_IN_SENTENCE]
    if info.module:
        parts += ["", f"Defined in {info.module}" + ("" if info.builtin else " (a custom rule)") + "."]
    if info.explanation:
        parts += ["", info.explanation]
    if info.knowledge:
        parts += [
            "",
            "Rests on the knowledge tables: "
            + ", ".join(info.knowledge)
            + " (see `noticelint` knowledge/ for their sources and dates).",
        ]
    if info.fix:
        parts += ["", "How to fix: " + info.fix]
    if info.fails:
        parts += ["", "Fails:", "", _indent(info.fails)]
    if info.evidence_fails:
        parts += ["", "with the evidence (noticelint scan):", "", _indent(info.evidence_fails)]
    if info.passes:
        parts += ["", "Passes:", "", _indent(info.passes)]
    if info.evidence_passes:
        parts += ["", "with the evidence (noticelint scan):", "", _indent(info.evidence_passes)]
    return "\n".join(parts) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


def rules_markdown(rules: Sequence[Rule]) -> str:
    """The whole of docs/rules.md."""
    infos = _infos(rules)
    out = [
        "# Rules",
        "",
        "Generated from the rules by `python tools/sync_docs.py`; a test keeps it in sync. "
        "Severity follows the rule's basis and certainty. Basis: statute (the law itself requires the item), "
        "guidance (the EDPB's or a supervisory authority's reading of the law) or practice (good practice, or "
        "a question the tool cannot answer). Certainty: certain (read from the structured statement), "
        "inferred (read from wording, or resting on a fact the statement does not show) or "
        "uncertain-knowledge (resting on a knowledge-table row that is itself unsure). Statute gives an "
        "error, guidance a warning, practice info; a finding that is not certain is at most a warning. One "
        "exception by design: CTL003 (another organisation acts as the controller in the statement's own "
        "words) stays an error. Custom rules without a basis are `house` rules and keep the severity they "
        "declare; the engine's own findings (INP, WVR) have basis `tool`. Rules marked (opt-in) are not in "
        "the default rule set: they check that the structured file is complete, or point at a question "
        "outside the notice, not a duty the notice has; `select`, `extend-select` or `--select` naming them "
        "turns them on.",
        "",
        rules_table(infos),
    ]
    for i in infos:
        out += [
            f"## {i.code} {i.name}",
            "",
            f"**Severity:** {i.severity.label}  ",
            f"**{_basis_sentence(i)}**  ",
        ]
        if not i.default:
            out += [f"**{OPT_IN_SENTENCE}**  "]
        if i.legal:
            out += [f"**Legal reference:** {'; '.join(i.legal)}  "]
        out += ["", i.summary, ""]
        if i.explanation:
            out += [i.explanation, ""]
        if i.knowledge:
            out += [f"Rests on the knowledge tables: {', '.join(i.knowledge)}.", ""]
        if i.fix:
            out += [f"**How to fix:** {i.fix}", ""]
        if i.fails:
            out += ["Fails (merged onto the complete example statement):", "", "```yaml", i.fails, "```", ""]
        if i.evidence_fails:
            out += ["with this evidence (`noticelint scan`):", "", "```yaml", i.evidence_fails, "```", ""]
        if i.passes:
            out += ["Passes:", "", "```yaml", i.passes, "```", ""]
        if i.evidence_passes:
            out += ["with this evidence:", "", "```yaml", i.evidence_passes, "```", ""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    from noticelint.lint.rules import discover

    print(rules_markdown(discover()), end="")
