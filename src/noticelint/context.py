"""What a check receives and what it gives back."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from noticelint.model import PrivacyStatement
from noticelint.wording import Wording, iter_wording

if TYPE_CHECKING:
    from noticelint.knowledge import Knowledge


# One set of knowledge tables per vendor configuration, shared by every file of a run.
_KNOWLEDGE: dict[str, Knowledge] = {}


@dataclass(frozen=True)
class Hit:
    """A rule's finding before it is located: the JSON Pointer of the item it rests on and a message.

    ``offset`` and ``length`` point into the string at ``pointer`` when the finding is about one
    sentence of wording; the engine turns that into the sentence's line and column.
    """

    pointer: str
    message: str
    offset: int | None = None
    length: int = 0


@dataclass
class CheckContext:
    """The typed statement and the knowledge tables, for one file."""

    statement: PrivacyStatement
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.statement.statement.default_language

    @functools.cached_property
    def wording(self) -> list[Wording]:
        """Every piece of human text in the statement, with its pointer and language."""
        return list(iter_wording(self.statement))

    @functools.cached_property
    def knowledge(self) -> Knowledge:
        vendors = tuple(self.options.get("vendors", ()))
        key = repr(vendors)
        if key not in _KNOWLEDGE:
            from noticelint.knowledge import load_knowledge

            _KNOWLEDGE[key] = load_knowledge(vendors)
        return _KNOWLEDGE[key]

    def texts(self, language: str | None = None) -> Iterator[Wording]:
        for item in self.wording:
            if language is None or item.language == language:
                yield item
