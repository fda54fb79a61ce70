"""Patterns compiled when first used.

The organisation and role patterns are large alternations; compiling them all costs tens of
milliseconds, a tenth of a one-file check, and a statement that names no organisation never needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Lazy:
    """A regular expression compiled on its first use, with the methods the text helpers use."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, pos)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text)
