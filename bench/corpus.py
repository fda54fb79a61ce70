"""Score noticelint against the ground truth of the real statements in tests/corpus/real/.

    .venv/bin/python bench/corpus.py                  # figures for dev, heldout and all; misses, wrong findings
    .venv/bin/python bench/corpus.py --split dev      # one split only
    .venv/bin/python bench/corpus.py --json           # the figures, machine-readable
    .venv/bin/python bench/corpus.py --unlabelled     # only the findings no label matches, with their message

Each ``statement.yaml`` is checked in-process on noticelint's one road (``Linter.check(Source)``) with the
default configuration and every rule. Each finding is matched to the ``labels`` of its ``truth.yaml`` by
(code, line); a label applies to every finding with its code on its line.

* **recall** = the annotated gaps (items whose status is ``missing`` or ``partial``) and defects that at
  least one finding labelled ``correct`` names in its ``covers``, divided by all gaps and defects;
  also per item and per defect kind.
* **precision** = correct / (correct + wrong), counted over findings (what a user reads), overall, per
  severity and per rule family (the letters of the code); ``duplicate`` findings count in neither.

A statement noticelint cannot load (an input error) is reported as not checked: its gaps and defects count
as misses and its input errors in no precision. The exit status is 1 when a finding has no label (or a
truth.yaml is malformed), 0 otherwise. ``tests/test_corpus.py`` imports this module and keeps the figures
at or above those recorded in tests/corpus/real/SOURCES.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from noticelint.lint.config import Config
from noticelint.lint.engine import Source
from noticelint.lint.findings import Finding
from noticelint.lint.setup import Selection, build_linter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "real"

ITEMS = (
    "controller_identity",
    "controller_contact",
    "dpo",
    "purposes",
    "legal_basis",
    "legitimate_interests",
    "recipients",
    "transfers",
    "data_categories",
    "retention",
    "rights",
    "withdrawal",
    "complaint",
    "provision",
    "automated_decisions",
    "source",
    "changes",
)
STATUSES = ("present", "partial", "missing", "not_applicable")
GAP = ("missing", "partial")
KINDS = (
    "contradiction",
    "placeholder",
    "template_leftover",
    "outdated_law",
    "contact_data",
    "controller_mismatch",
    "undeclared_processing",
    "implied_processor",
    "wrong_basis",
    "vague",
    "empty_section",
    "broken_link",
    "scope",
    "other",
)
VERDICTS = ("correct", "wrong", "duplicate")
SPLITS = ("dev", "heldout")
LANGUAGES = ("nb", "en")
TOP_KEYS = {
    "id",
    "language",
    "split",
    "kind",
    "annotator",
    "written_before_run",
    "items",
    "defects",
    "labels",
}
ITEM_KEYS = {"status", "line", "note", "added_after_run"}
DEFECT_KEYS = {"id", "kind", "line", "note", "added_after_run"}
LABEL_KEYS = {"code", "line", "verdict", "covers", "why"}
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")


@dataclass(frozen=True)
class Target:
    """One thing the rules should find: an item gap or a defect of one statement."""

    statement: str
    ref: str  # "items.retention" or "defects.d3"
    kind: str  # the item's name, or the defect's kind
    line: int | None
    note: str


@dataclass(frozen=True)
class Scored:
    """One finding with its label's verdict (None: unlabelled)."""

    statement: str
    finding: Finding
    verdict: str | None
    covers: tuple[str, ...]
    why: str

    @property
    def family(self) -> str:
        return family(self.finding.code)


@dataclass
class Statement:
    """One statement of the corpus, checked and matched to its truth."""

    id: str
    split: str
    language: str
    targets: list[Target]
    findings: list[Scored] = field(default_factory=list)
    input_errors: list[Finding] = field(default_factory=list)
    stale: list[dict[str, Any]] = field(default_factory=list)  # labels that match no finding
    covered: set[str] = field(default_factory=set)


def family(code: str) -> str:
    return code.rstrip("0123456789")


def _yaml() -> YAML:
    return YAML(typ="safe")


def read_truth(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = _yaml().load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping")
    return data


def _line_ok(value: object, length: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= length


def problems_of(truth: dict[str, Any], folder: Path) -> list[str]:
    """What is malformed in one truth.yaml (empty when it is well-formed)."""
    where = f"{folder.name}/truth.yaml"
    out: list[str] = []
    statement = folder / "statement.yaml"
    length = len(statement.read_text(encoding="utf-8").splitlines()) if statement.exists() else 0
    if not length:
        out.append(f"{folder.name}: no statement.yaml")
    for key in sorted(set(truth) - TOP_KEYS):
        out.append(f"{where}: unknown key {key!r}")
    if truth.get("id") != folder.name:
        out.append(f"{where}: id {truth.get('id')!r} is not the folder's name {folder.name!r}")
    if truth.get("split") not in SPLITS:
        out.append(f"{where}: split {truth.get('split')!r} is not one of {', '.join(SPLITS)}")
    if truth.get("language") not in LANGUAGES:
        out.append(f"{where}: language {truth.get('language')!r} is not one of {', '.join(LANGUAGES)}")
    if truth.get("written_before_run") is not True:
        out.append(f"{where}: written_before_run must be true")

    items = truth.get("items")
    if not isinstance(items, dict):
        out.append(f"{where}: items must be a mapping")
        items = {}
    for name in ITEMS:
        if name not in items:
            out.append(f"{where}: items.{name} is missing")
    for name, item in items.items():
        if name not in ITEMS:
            out.append(f"{where}: unknown item {name!r}")
            continue
        if not isinstance(item, dict):
            out.append(f"{where}: items.{name} must be a mapping")
            continue
        for key in sorted(set(item) - ITEM_KEYS):
            out.append(f"{where}: items.{name}: unknown key {key!r}")
        if item.get("status") not in STATUSES:
            out.append(
                f"{where}: items.{name}: status {item.get('status')!r} is not one of {', '.join(STATUSES)}"
            )
        if "line" in item and not _line_ok(item["line"], length):
            out.append(
                f"{where}: items.{name}: line {item['line']!r} is not a line of statement.yaml (1-{length})"
            )
        if item.get("status") == "partial" and "line" not in item:
            out.append(f"{where}: items.{name}: a partial item says what is there, so it needs its line")

    defects = truth.get("defects") or []
    if not isinstance(defects, list):
        out.append(f"{where}: defects must be a list")
        defects = []
    ids: set[str] = set()
    for number, defect in enumerate(defects, 1):
        if not isinstance(defect, dict):
            out.append(f"{where}: defect {number} must be a mapping")
            continue
        label = f"defects.{defect.get('id', number)}"
        for key in sorted(set(defect) - DEFECT_KEYS):
            out.append(f"{where}: {label}: unknown key {key!r}")
        ident = defect.get("id")
        if not isinstance(ident, str) or not ident:
            out.append(f"{where}: defect {number} has no id")
        elif ident in ids:
            out.append(f"{where}: {label}: id used twice")
        else:
            ids.add(ident)
        if defect.get("kind") not in KINDS:
            out.append(f"{where}: {label}: kind {defect.get('kind')!r} is not one of {', '.join(KINDS)}")
        if not _line_ok(defect.get("line"), length):
            out.append(
                f"{where}: {label}: line {defect.get('line')!r} is not a line of statement.yaml (1-{length})"
            )

    refs = {f"items.{n}" for n, i in items.items() if isinstance(i, dict) and i.get("status") in GAP}
    refs |= {f"defects.{i}" for i in ids}
    labels = truth.get("labels") or []
    if not isinstance(labels, list):
        out.append(f"{where}: labels must be a list")
        labels = []
    seen: set[tuple[object, object]] = set()
    for number, label in enumerate(labels, 1):
        if not isinstance(label, dict):
            out.append(f"{where}: label {number} must be a mapping")
            continue
        name = f"label {label.get('code')} line {label.get('line')}"
        for key in sorted(set(label) - LABEL_KEYS):
            out.append(f"{where}: {name}: unknown key {key!r}")
        if not isinstance(label.get("code"), str) or not _CODE.match(label["code"]):
            out.append(f"{where}: label {number}: code {label.get('code')!r} is not a rule code")
        if not _line_ok(label.get("line"), length):
            out.append(f"{where}: {name}: line {label.get('line')!r} is not a line of statement.yaml")
        pair = (label.get("code"), label.get("line"))
        if pair in seen:
            out.append(f"{where}: {name}: labelled twice")
        seen.add(pair)
        verdict = label.get("verdict")
        if verdict not in VERDICTS:
            out.append(f"{where}: {name}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
        covers = label.get("covers", [])
        if not isinstance(covers, list) or not all(isinstance(c, str) for c in covers):
            out.append(f"{where}: {name}: covers must be a list of items.X / defects.dN")
            covers = []
        if verdict == "correct" and "covers" not in label:
            out.append(
                f"{where}: {name}: a correct finding says what it covers (covers: [] if nothing annotated)"
            )
        if verdict != "correct" and covers:
            out.append(f"{where}: {name}: only a correct finding covers something")
        for ref in covers:
            if ref not in refs:
                out.append(f"{where}: {name}: covers {ref!r}, which is no gap or defect of this statement")
        if verdict == "wrong" and not str(label.get("why") or "").strip():
            out.append(f"{where}: {name}: a wrong finding says why")
    return out


def _targets(ident: str, truth: dict[str, Any]) -> list[Target]:
    out = []
    for name, item in (truth.get("items") or {}).items():
        if isinstance(item, dict) and item.get("status") in GAP:
            out.append(Target(ident, f"items.{name}", name, item.get("line"), str(item.get("note", ""))))
    for defect in truth.get("defects") or []:
        if isinstance(defect, dict):
            ref = f"defects.{defect.get('id')}"
            out.append(
                Target(ident, ref, str(defect.get("kind")), defect.get("line"), str(defect.get("note", "")))
            )
    return out


@dataclass
class Corpus:
    statements: list[Statement]
    problems: list[str]  # malformed truth files


def score(root: Path = CORPUS) -> Corpus:
    """Check every statement of the corpus and match its findings to its labels."""
    linter = build_linter(Config(), Selection())
    statements: list[Statement] = []
    problems: list[str] = []
    for folder in sorted(p for p in root.iterdir() if (p / "truth.yaml").exists()):
        try:
            truth = read_truth(folder / "truth.yaml")
        except Exception as exc:  # a malformed file is a problem to report, not a crash
            problems.append(f"{folder.name}/truth.yaml: cannot be read: {exc}")
            continue
        problems += problems_of(truth, folder)
        path = folder / "statement.yaml"
        statement = Statement(
            folder.name, str(truth.get("split")), str(truth.get("language")), _targets(folder.name, truth)
        )
        result = linter.check(Source(f"{folder.name}/statement.yaml", path))
        labels: dict[tuple[str, int], dict[str, Any]] = {}
        for label in truth.get("labels") or []:
            if isinstance(label, dict):
                labels.setdefault((str(label.get("code")), label.get("line") or 0), label)
        used: set[tuple[str, int]] = set()
        for finding in result.findings:
            if finding.input_error:
                statement.input_errors.append(finding)
                continue
            key = (finding.code, finding.span.line)
            label = labels.get(key)
            if label is None:
                statement.findings.append(Scored(folder.name, finding, None, (), ""))
                continue
            used.add(key)
            verdict = str(label.get("verdict"))
            covers = tuple(label.get("covers") or ()) if verdict == "correct" else ()
            statement.findings.append(
                Scored(folder.name, finding, verdict, covers, str(label.get("why") or ""))
            )
            statement.covered.update(covers)
        statement.stale = [label for key, label in labels.items() if key not in used]
        statements.append(statement)
    return Corpus(statements, problems)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _precision(findings: Iterable[Scored]) -> dict[str, Any]:
    verdicts = Counter(s.verdict for s in findings)
    correct, wrong = verdicts["correct"], verdicts["wrong"]
    return {
        "precision": _ratio(correct, correct + wrong),
        "correct": correct,
        "wrong": wrong,
        "duplicate": verdicts["duplicate"],
        "unlabelled": verdicts[None],
    }


def _recall(targets: Sequence[tuple[Target, bool]]) -> dict[str, Any]:
    found = sum(1 for _, hit in targets if hit)
    return {"recall": _ratio(found, len(targets)), "found": found, "total": len(targets)}


def figures(corpus: Corpus, split: str) -> dict[str, Any]:
    """Every figure for one split ('dev', 'heldout' or 'all')."""
    chosen = [s for s in corpus.statements if split == "all" or s.split == split]
    targets = [(t, t.ref in s.covered) for s in chosen for t in s.targets]
    findings = [f for s in chosen for f in s.findings]
    by_item: dict[str, list[tuple[Target, bool]]] = defaultdict(list)
    by_kind: dict[str, list[tuple[Target, bool]]] = defaultdict(list)
    for target, hit in targets:
        (by_item if target.ref.startswith("items.") else by_kind)[target.kind].append((target, hit))
    by_severity: dict[str, list[Scored]] = defaultdict(list)
    by_family: dict[str, list[Scored]] = defaultdict(list)
    for scored in findings:
        by_severity[scored.finding.severity.label].append(scored)
        by_family[scored.family].append(scored)
    gaps = [x for x in targets if x[0].ref.startswith("items.")]
    defects = [x for x in targets if x[0].ref.startswith("defects.")]
    return {
        "split": split,
        "statements": [s.id for s in chosen],
        "not_checked": {s.id: [f.message for f in s.input_errors] for s in chosen if s.input_errors},
        "recall": _recall(targets),
        "recall_gaps": _recall(gaps),
        "recall_defects": _recall(defects),
        "precision": _precision(findings),
        "recall_by_item": {k: _recall(v) for k, v in sorted(by_item.items())},
        "recall_by_kind": {k: _recall(v) for k, v in sorted(by_kind.items())},
        "precision_by_severity": {k: _precision(v) for k, v in sorted(by_severity.items())},
        "precision_by_family": {k: _precision(v) for k, v in sorted(by_family.items())},
        "misses": [
            {"statement": t.statement, "ref": t.ref, "kind": t.kind, "line": t.line, "note": t.note}
            for t, hit in targets
            if not hit
        ],
        "wrong": [_finding_row(f) for f in findings if f.verdict == "wrong"],
        "unlabelled": [_finding_row(f) for f in findings if f.verdict is None],
        "stale_labels": [{"statement": s.id, **label} for s in chosen for label in s.stale],
    }


def _finding_row(scored: Scored) -> dict[str, Any]:
    f = scored.finding
    return {
        "statement": scored.statement,
        "code": f.code,
        "line": f.span.line,
        "severity": f.severity.label,
        "message": f.message,
        "why": scored.why,
    }


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{100 * value:5.1f}%"


def _summary(fig: dict[str, Any]) -> str:
    r, p = fig["recall"], fig["precision"]
    errors = fig["precision_by_severity"].get("error", {"precision": None, "correct": 0, "wrong": 0})
    return (
        f"{fig['split']:8} {len(fig['statements']):3} statements  "
        f"recall {_pct(r['recall'])} ({r['found']}/{r['total']}: gaps {fig['recall_gaps']['found']}/"
        f"{fig['recall_gaps']['total']}, defects {fig['recall_defects']['found']}/{fig['recall_defects']['total']})  "
        f"precision {_pct(p['precision'])} ({p['correct']}/{p['correct'] + p['wrong']}, "
        f"{p['duplicate']} duplicate, {p['unlabelled']} unlabelled)  "
        f"errors {_pct(errors['precision'])} ({errors['correct']}/{errors['correct'] + errors['wrong']})"
    )


def _table(title: str, rows: dict[str, dict[str, Any]], kind: str) -> list[str]:
    out = [f"  {title}"]
    for name, row in rows.items():
        if kind == "recall":
            out.append(f"    {name:22} {_pct(row['recall'])}  {row['found']:3}/{row['total']:<3}")
        else:
            out.append(
                f"    {name:22} {_pct(row['precision'])}  correct {row['correct']:3}  wrong {row['wrong']:3}"
                f"  duplicate {row['duplicate']:3}"
                + (f"  unlabelled {row['unlabelled']}" if row["unlabelled"] else "")
            )
    return out


def report(corpus: Corpus, splits: Sequence[str]) -> str:
    out: list[str] = []
    all_figures = {split: figures(corpus, split) for split in splits}
    out.append("noticelint on the real statements of tests/corpus/real/ (default configuration, every rule)")
    out += [_summary(fig) for fig in all_figures.values()]
    fig = all_figures[splits[-1]]
    out.append("")
    out.append(f"Details for {fig['split']}:")
    out += _table("recall per item (gaps: missing or partial)", fig["recall_by_item"], "recall")
    out += _table("recall per defect kind", fig["recall_by_kind"], "recall")
    out += _table("precision per severity", fig["precision_by_severity"], "precision")
    out += _table("precision per rule family", fig["precision_by_family"], "precision")
    misses = Counter(m["kind"] for m in fig["misses"])
    out.append("  misses by kind (most first)")
    out += [f"    {kind:22} {count:3}" for kind, count in misses.most_common()]
    wrong = Counter(family(w["code"]) for w in fig["wrong"])
    out.append("  wrong findings per rule family (most first)")
    out += [f"    {name:22} {count:3}" for name, count in wrong.most_common()]
    for ident, messages in fig["not_checked"].items():
        out.append(f"  NOT CHECKED {ident}: noticelint reports input errors: {'; '.join(messages)}")
    out.append("")
    out.append(f"Misses ({len(fig['misses'])}):")
    out += [
        f"  {m['statement']}:{m['line'] or '-'} {m['ref']} ({m['kind']}): {_short(m['note'])}"
        for m in fig["misses"]
    ]
    out.append(f"Wrong findings ({len(fig['wrong'])}):")
    out += [f"  {w['statement']}:{w['line']} {w['code']}: {_short(w['why'])}" for w in fig["wrong"]]
    out += _unlabelled(fig)
    if fig["stale_labels"]:
        out.append(f"Stale labels, matching no finding ({len(fig['stale_labels'])}):")
        out += [f"  {s['statement']}: {s.get('code')} line {s.get('line')}" for s in fig["stale_labels"]]
    if corpus.problems:
        out.append(f"Malformed truth files ({len(corpus.problems)}):")
        out += [f"  {p}" for p in corpus.problems]
    return "\n".join(out)


def _unlabelled(fig: dict[str, Any]) -> list[str]:
    rows = fig["unlabelled"]
    if not rows:
        return []
    out = [f"Unlabelled findings ({len(rows)}):"]
    out += [f"  {u['statement']}:{u['line']} {u['code']} [{u['severity']}] {u['message']}" for u in rows]
    return out


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--split", choices=("dev", "heldout", "all"), help="one split (default: dev, heldout, all)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--unlabelled", action="store_true", help="only list the findings that have no label")
    parser.add_argument("--root", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    splits = [args.split] if args.split else ["dev", "heldout", "all"]
    corpus = score(args.root)
    chosen = {split: figures(corpus, split) for split in splits}
    last = chosen[splits[-1]]
    if args.json:
        print(json.dumps({"figures": chosen, "malformed": corpus.problems}, indent=2, ensure_ascii=False))
    elif args.unlabelled:
        print("\n".join(_unlabelled(last)) or "every finding has a label")
    else:
        print(report(corpus, splits))
    return 1 if last["unlabelled"] or corpus.problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head: stop quietly
        sys.stderr.close()
        sys.exit(1)
