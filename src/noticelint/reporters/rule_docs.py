"""Rule documentation for ``noticelint rules``, ``noticelint explain`` and docs/rules.md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from noticelint.lint.meta_rules import ALL as META
from noticelint.lint.rules import Rule, RuleInfo


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
                        "legal": list(i.legal),
                        "summary": i.summary,
                        "explanation": i.explanation,
                        "fix": i.fix,
                        "knowledge": list(i.knowledge),
                        "builtin": i.builtin,
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
        f"{i.code}  {i.name:<{width}}  {i.severity.label:<7}  {'; '.join(i.legal) or '-'}\n" for i in infos
    )


def rules_table(infos: Sequence[RuleInfo]) -> str:
    lines = ["| code | name | severity | legal reference | what it checks |", "|---|---|---|---|---|"]
    for i in infos:
        legal = "; ".join(i.legal) or "–"
        lines.append(f"| `{i.code}` | {i.name} | {i.severity.label} | {legal} | {i.summary} |")
    return "\n".join(lines) + "\n"


def explain(info: RuleInfo) -> str:
    parts = [f"{info.code} {info.name} [{info.severity.label}]", "", info.summary]
    if info.legal:
        parts += ["", "Legal reference: " + "; ".join(info.legal)]
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
        "Severity follows the law: a missing statutory item is an error, guidance a warning, good practice info.",
        "",
        rules_table(infos),
    ]
    for i in infos:
        out += [f"## {i.code} {i.name}", "", f"**Severity:** {i.severity.label}  "]
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
