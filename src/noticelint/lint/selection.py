"""Which rules a run selects: codes or prefixes from the configuration and the command line.

Kept apart from the linter so that a run whose every file is in the cache imports neither the model nor
the rules to know its selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from noticelint.lint.config import Config


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
