"""The corpus of real statements (tests/corpus/real/) keeps its labels and its figures.

``bench/corpus.py`` checks every real statement and matches each finding to the labels of its truth.yaml
by (code, line). This test fails when

* a finding has no label (a rule changed or a new rule fires: read it against the ground truth and label it);
* a label matches no finding (stale: the rule stopped firing there, so the label, and what it covered, goes);
* a truth.yaml is malformed (unknown status, kind or verdict, a line outside the statement, a cover that
  names no gap or defect, a partial item without its line, ...);
* a statement noticelint cannot load is not one of the known ones (its gaps would silently count as misses);
* recall, precision or the precision of errors of a split drops below what SOURCES.md records.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "tests" / "corpus" / "real" / "SOURCES.md"

# Statements whose transcription noticelint refuses (an input error), with the reason. Their gaps and
# defects count as misses until the transcription is fixed and its findings are labelled.
NOT_CHECKED: dict[str, str] = {}


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


scorer = _load_scorer()


@pytest.fixture(scope="module")
def corpus() -> Any:
    return scorer.score()


def _recorded() -> dict[str, dict[str, float]]:
    """The '## Figures' table at the end of SOURCES.md: split -> figure -> percent."""
    text = SOURCES.read_text(encoding="utf-8")
    section = text.split("\n## Figures", 1)
    assert len(section) == 2, "SOURCES.md has no '## Figures' section"
    rows: dict[str, dict[str, float]] = {}
    for line in section[1].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in ("dev", "heldout", "all"):
            numbers = [re.fullmatch(r"(\d+)\s*%", c) for c in cells[1:]]
            assert all(numbers), f"SOURCES.md figures: cannot read {line!r}"
            recall, precision, errors = (float(m.group(1)) for m in numbers if m)
            rows[cells[0]] = {"recall": recall, "precision": precision, "errors": errors}
    assert set(rows) == {"dev", "heldout", "all"}, f"SOURCES.md figures: rows for {sorted(rows)}"
    return rows


def test_the_truth_files_are_well_formed(corpus: Any) -> None:
    assert corpus.problems == []


def test_every_finding_has_a_label(corpus: Any) -> None:
    unlabelled = [
        f"{f.statement}:{f.finding.span.line} {f.finding.code} {f.finding.message}"
        for s in corpus.statements
        for f in s.findings
        if f.verdict is None
    ]
    assert unlabelled == [], "label these in truth.yaml (bench/corpus.py --unlabelled):\n" + "\n".join(
        unlabelled
    )


def test_every_label_matches_a_finding(corpus: Any) -> None:
    stale = [
        f"{s.id}: {label.get('code')} line {label.get('line')}"
        for s in corpus.statements
        for label in s.stale
    ]
    assert stale == [], "these labels match no finding any more; remove them:\n" + "\n".join(stale)


def test_only_the_known_statements_fail_to_load(corpus: Any) -> None:
    refused = {s.id: [f.message for f in s.input_errors] for s in corpus.statements if s.input_errors}
    unknown = {ident: messages for ident, messages in refused.items() if ident not in NOT_CHECKED}
    assert unknown == {}


def test_every_statement_of_the_corpus_is_scored(corpus: Any) -> None:
    folders = sorted(p.parent.name for p in scorer.CORPUS.glob("*/statement.yaml"))
    assert [s.id for s in corpus.statements] == folders
    assert len(folders) >= 24


@pytest.mark.parametrize("split", ["dev", "heldout", "all"])
def test_the_figures_hold(corpus: Any, split: str) -> None:
    recorded = _recorded()[split]
    figures = scorer.figures(corpus, split)
    measured = {
        "recall": figures["recall"]["recall"],
        "precision": figures["precision"]["precision"],
        "errors": figures["precision_by_severity"]["error"]["precision"],
    }
    below = {
        name: f"{100 * measured[name]:.1f}% < {recorded[name]:.0f}%"
        for name in recorded
        if measured[name] is None or 100 * measured[name] < recorded[name]
    }
    assert below == {}, f"{split}: below the figures recorded in SOURCES.md"


def test_recall_counts_only_what_a_correct_label_covers(tmp_path: Path) -> None:
    """The scorer on a one-statement corpus: one gap covered by a correct label, one defect missed."""
    folder = tmp_path / "x-one"
    folder.mkdir()
    statement = (
        "schema_version: 1\n"
        "statement: {id: s, languages: [nb], default_language: nb}\n"
        "controller: {id: c, legal_name: Eksempel AS, contact: {email: post@example.no}}\n"
        "activities:\n"
        "  - id: kunder\n"
        "    purpose: kundeservice\n"
        "    legal_basis: 6(1)(b)\n"
    )
    (folder / "statement.yaml").write_text(statement, encoding="utf-8")
    findings = scorer.build_linter(scorer.Config(), scorer.Selection()).check(
        scorer.Source("s", folder / "statement.yaml")
    )
    keys = sorted({(f.code, f.span.line) for f in findings.findings})
    retention = [k for k in keys if k[0] == "RET001"]
    on_retention = sum(1 for f in findings.findings if (f.code, f.span.line) in retention)
    assert retention, keys  # the statement keeps no retention: RET001 fires on the activity
    items = "\n".join(
        f"  {name}: {{status: present, line: 1}}" for name in scorer.ITEMS if name != "retention"
    )
    labels = []
    for code, line in keys:
        if (code, line) in retention:
            labels.append(f"  - {{code: {code}, line: {line}, verdict: correct, covers: [items.retention]}}")
        else:
            labels.append(f"  - {{code: {code}, line: {line}, verdict: wrong, why: test}}")
    truth = (
        "id: x-one\nlanguage: nb\nsplit: dev\nkind: shop\nannotator: test\nwritten_before_run: true\nitems:\n"
        f"{items}\n  retention: {{status: missing, line: 5}}\n"
        "defects:\n  - {id: d1, kind: vague, line: 6}\n"
        "labels:\n" + "\n".join(labels) + "\n"
    )
    (folder / "truth.yaml").write_text(truth, encoding="utf-8")
    corpus = scorer.score(tmp_path)
    assert corpus.problems == []
    fig = scorer.figures(corpus, "dev")
    assert (fig["recall"]["found"], fig["recall"]["total"]) == (1, 2)
    assert [m["ref"] for m in fig["misses"]] == ["defects.d1"]
    assert fig["precision"]["correct"] == on_retention  # counted per finding, not per label
    assert fig["precision"]["wrong"] == len(findings.findings) - on_retention
    assert fig["unlabelled"] == [] and fig["stale_labels"] == []


def test_malformed_truth_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "x-bad"
    folder.mkdir()
    (folder / "statement.yaml").write_text("a: 1\nb: 2\nc: 3\n", encoding="utf-8")
    truth = {
        "id": "x-other",
        "language": "nb",
        "split": "test",
        "written_before_run": True,
        "items": {
            **{name: {"status": "present"} for name in scorer.ITEMS},
            "retention": {"status": "gone", "line": 2},
            "rights": {"status": "partial"},
            "purposes": {"status": "missing", "line": 40},
        },
        "defects": [{"id": "d1", "kind": "typo", "line": 1}, {"id": "d1", "kind": "vague"}],
        "labels": [
            {"code": "RET001", "line": 2, "verdict": "right", "covers": []},
            {"code": "RET001", "line": 2, "verdict": "correct", "covers": ["items.dpo"]},
            {"code": "TXT001", "line": 3, "verdict": "wrong"},
            {"code": "txt", "line": 3, "verdict": "duplicate", "covers": ["defects.d1"]},
        ],
    }
    problems = "\n".join(scorer.problems_of(truth, folder))
    for expected in (
        "id 'x-other' is not the folder's name",
        "split 'test'",
        "items.retention: status 'gone'",
        "items.rights: a partial item says what is there, so it needs its line",
        "items.purposes: line 40 is not a line of statement.yaml",
        "defects.d1: kind 'typo'",
        "defects.d1: id used twice",
        "defects.d1: line None",
        "verdict 'right'",
        "labelled twice",
        "covers 'items.dpo', which is no gap or defect",
        "a wrong finding says why",
        "code 'txt' is not a rule code",
        "only a correct finding covers something",
    ):
        assert expected in problems, f"{expected!r} not reported in:\n{problems}"
