"""Building the linter: the one place where rules, selection, configuration and knowledge come together.

``check``, ``render``, ``rules``, ``explain`` and the worker processes all build theirs here, so they
accept and refuse the same configuration with the same message.
"""

from __future__ import annotations

from collections.abc import Sequence

from noticelint.lint.config import Config
from noticelint.lint.engine import Linter, select_codes
from noticelint.lint.meta_rules import ALL as META
from noticelint.lint.rules import Rule, RuleInfo, discover
from noticelint.lint.selection import Selection

__all__ = ["Selection", "build_linter", "rule_catalogue", "rule_infos"]


def rule_catalogue(config: Config) -> list[Rule]:
    """Every rule: the built-in ones and those in the configuration's rule directories.

    The configuration's own codes (select, ignore, extend-select, per-file-ignores) are checked against
    them here, so every command refuses an unknown code in the same words.
    """
    rules = discover(config.rules_dirs)
    known = _known(rules)
    per_file = [code for codes in config.per_file_ignores.values() for code in codes]
    select_codes(known, config.select, (*config.ignore, *per_file), config.extend_select)
    return rules


def rule_infos(rules: Sequence[Rule]) -> dict[str, RuleInfo]:
    """The documentation of every code a finding can carry: the rules' and the engine's own."""
    return {r.code: r.info for r in rules} | {m.code: m for m in META}


def build_linter(config: Config, selection: Selection, rules: Sequence[Rule] | None = None) -> Linter:
    """The linter for ``config`` and ``selection``; an unknown code anywhere is a configuration error."""
    rules = rule_catalogue(config) if rules is None else rules
    opt_in = [r.code for r in rules if not r.info.default]
    chosen = select_codes(_known(rules), selection.select, selection.ignore, selection.extend_select, opt_in)
    return Linter(rules, chosen, config)


def _known(rules: Sequence[Rule]) -> list[str]:
    return [r.code for r in rules] + [m.code for m in META]
