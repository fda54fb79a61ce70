"""Regular expressions compiled on first use.

A rule module holds dozens of patterns; compiling them all when the rules are imported costs a one-file
run time even when no sentence gets past the rule's literal pre-tests. A :class:`LazyPattern` compiles
its pattern the first time it is searched, and then behaves as the compiled pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyPattern:
    """A pattern and its flags, compiled on the first search (then kept)."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(string, pos)

    def match(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(string, pos)

    def fullmatch(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos)

    def finditer(self, string: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | None]:
        return self.compiled.split(string, maxsplit)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled when it is first used (see :class:`LazyPattern`)."""
    return LazyPattern(pattern, flags)
