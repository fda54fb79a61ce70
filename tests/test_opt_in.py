"""Opt-in rules (``default=False``): not in the default selection, run when a selection names them."""

from __future__ import annotations

import pytest

from noticelint.lint.config import Config
from noticelint.lint.engine import select_codes
from noticelint.lint.rules import discover
from noticelint.lint.setup import Selection, build_linter
from noticelint.reporters.rule_docs import explain, rules_listing

KNOWN = ["DPO001", "DPO002", "REC004", "REC007", "TXT001"]
OPT_IN = ["DPO002", "REC004"]


def test_the_default_selection_leaves_the_opt_in_rules_out() -> None:
    assert select_codes(KNOWN, [], [], [], OPT_IN) == {"DPO001", "REC007", "TXT001"}


@pytest.mark.parametrize(
    ("select", "extend", "expected"),
    [
        (["ALL"], [], set(KNOWN)),
        (["DPO"], [], {"DPO001", "DPO002"}),
        (["REC004"], [], {"REC004"}),
        ([], ["REC004"], {"DPO001", "REC004", "REC007", "TXT001"}),
        ([], ["ALL"], set(KNOWN)),
    ],
)
def test_a_selection_that_names_an_opt_in_rule_runs_it(
    select: list[str], extend: list[str], expected: set[str]
) -> None:
    assert select_codes(KNOWN, select, [], extend, OPT_IN) == expected


def test_ignore_still_wins() -> None:
    assert select_codes(KNOWN, ["ALL"], ["REC004"], [], OPT_IN) == set(KNOWN) - {"REC004"}


def test_the_built_in_opt_in_rules() -> None:
    rules = discover()
    assert sorted(r.code for r in rules if not r.info.default) == ["DPO002", "DPO003", "REC004"]
    default = build_linter(Config(), Selection()).selected
    config = Config(extend_select=("REC004", "DPO002"))
    assert {"DPO002", "DPO003", "REC004"}.isdisjoint(default) and "REC007" in default
    assert {"DPO002", "REC004"} <= build_linter(config, Selection.from_config(config)).selected
    assert "REC004" in build_linter(Config(), Selection(select=("REC",))).selected


def test_the_documentation_says_a_rule_is_opt_in() -> None:
    rules = {r.code: r for r in discover()}
    assert "Opt-in" in explain(rules["REC004"].info) and "Opt-in" not in explain(rules["REC007"].info)
    listing = rules_listing(list(rules.values())).splitlines()
    assert [line.split()[0] for line in listing if line.endswith("(opt-in)")] == [
        "DPO002",
        "DPO003",
        "REC004",
    ]
