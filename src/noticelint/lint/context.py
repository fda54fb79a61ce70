"""What a check receives and what it gives back."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from noticelint.format.model import PrivacyStatement, Text
from noticelint.knowledge import Knowledge
from noticelint.text.wording import Wording, iter_text_fields, wording_of

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence

T = TypeVar("T")


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
    """The typed statement and the knowledge tables (built once per linter), for one file."""

    statement: PrivacyStatement
    knowledge: Knowledge
    # What the site was seen to do (``noticelint scan``, ``render --evidence``); None for a plain check.
    evidence: Evidence | None = None
    _shared: dict[Callable[..., Any], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def language(self) -> str:
        return self.statement.statement.default_language

    @functools.cached_property
    def text_fields(self) -> list[tuple[str, Text]]:
        """Every text field of the statement with its pointer, in document order."""
        return list(iter_text_fields(self.statement))

    @functools.cached_property
    def wording(self) -> list[Wording]:
        """Every piece of human text in the statement, with its pointer and language."""
        return list(wording_of(self.text_fields, self.statement.statement.default_language))

    def shared(self, compute: Callable[[CheckContext], T]) -> T:
        """``compute(self)``, worked out once per file for all the rules that ask for it."""
        if compute not in self._shared:
            self._shared[compute] = compute(self)
        result: T = self._shared[compute]
        return result

    def texts(self, language: str | None = None) -> Iterator[Wording]:
        for item in self.wording:
            if language is None or item.language == language:
                yield item
