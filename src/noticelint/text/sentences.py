"""Splitting wording into sentences, with each sentence's offset in its text.

Deliberately simple and predictable; the rules that rely on it say so in their explanation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÄÖÜ«\"(\[])|\n\s*\n")


def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with their offsets; a full stop after a legal form ("Inc.") does not end a sentence
    unless a capital letter follows."""
    return _sentences(text)


@functools.lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(_split_sentences(text))


def _split_sentences(text: str) -> Iterator[Sentence]:
    position = 0
    for match in _BOUNDARY.finditer(text):
        chunk = text[position : match.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            yield Sentence(chunk.strip(), position + lead)
        position = match.end()
    chunk = text[position:]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        yield Sentence(chunk.strip(), position + lead)
