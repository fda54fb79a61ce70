"""Building the linter: the one place where rules, selection, configuration and knowledge come together.

``check``, ``render``, ``rules``, ``explain`` and the worker processes all build theirs here, so they
accept and refuse the same configuration with the same message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from noticelint.lint.config import Config
from noticelint.lint.engine import Linter, select_codes
from noticelint.lint.meta_rules import ALL as META
from noticelint.lint.rules import Rule, RuleInfo, discover


@dataclass(frozen=True)
class Selection:
    """Which rules run: codes or prefixes to select, to ignore, and to add to the selection."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config) -> Selection:
        return cls(tuple(config.select), tuple(config.ignore), tuple(config.extend_select))

    @classmethod
    def from_command_line(cls, config: Config, select: Sequence[str], ignore: Sequence[str]) -> Selection:
        """``--select`` replaces the configuration's selection (and its extend-select); ``--ignore`` adds."""
        return cls(
            tuple(select) or tuple(config.select),
            (*config.ignore, *ignore),
            () if select else tuple(config.extend_select),
        )

    def cache_key(self) -> str:
        return repr((sorted(self.select), sorted(self.ignore), sorted(self.extend_select)))


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
    chosen = select_codes(_known(rules), selection.select, selection.ignore, selection.extend_select)
    return Linter(rules, chosen, config)


def _known(rules: Sequence[Rule]) -> list[str]:
    return [r.code for r in rules] + [m.code for m in META]
