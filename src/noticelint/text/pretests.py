"""Cheap literal tests that rule text out before a rule's regular expressions read it.

The prose rules search every sentence with many case-insensitive patterns, and almost every sentence
matches none of them. Each pattern needs some literal words to match ("ikke" or "aldri" in a Norwegian
denial, "cookie" in a cookie claim); a text that contains none of them cannot match, and a substring
test on the text in lower case says so far faster than the pattern. The tests only ever rule text out:
a text that passes is read by the patterns exactly as before, so the findings do not change.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

# Letters that re.IGNORECASE matches to an ASCII letter although str.lower() does not turn them into it
# (dotted capital I, dotless small i, long s). A text with one of them is never ruled out.
_CASE_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")

# Characters for which a needle is known to be safe: every character that re.IGNORECASE matches to one
# of them is either one of _CASE_EXCEPTIONS or turns into it with str.lower() (tests/test_pretests.py).
SAFE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789æøåäöüéèêóòôáàâíìîúùûçñß'’/-.&")

# A group of needles is written as alternatives separated by "|": "ikke|aldri".
_ALTERNATIVE = "|"


@functools.lru_cache(maxsize=8192)
def folded(text: str) -> str | None:
    """``text`` in lower case, for substring tests that stand in for case-insensitive patterns.

    ``None`` when the text holds a letter that the regular-expression engine folds differently.
    """
    if any(letter in text for letter in _CASE_EXCEPTIONS):
        return None
    return text.lower()


Alternative = tuple[tuple[str, ...], ...]

# How many answers a set of needles keeps; statements made from one template repeat most of their texts.
_KNOWN_TEXTS = 8192


class Needles:
    """Literal words that every match of some patterns contains, in lower case.

    A text may match when, for one of the alternatives, it contains a word from each of its groups.
    Needles never contain white space, so they cannot reach across texts joined by a line break.
    Only letters whose case-insensitive matching is known (``SAFE_CHARACTERS``) may be used.
    """

    def __init__(self, alternatives: tuple[Alternative, ...]) -> None:
        for alternative in alternatives:
            for group in alternative:
                for word in group:
                    if not is_safe_needle(word):
                        raise ValueError(
                            f"a needle must be lower-case letters, digits or ' ’ / - . &: {word!r}"
                        )
        self.alternatives = alternatives
        # One group of each alternative is enough to rule most texts out in a single pass.
        self._screen = _without_redundant(
            word for alternative in alternatives for word in max(alternative, key=_shortest_word)
        )
        self._screen_decides = all(len(alternative) == 1 for alternative in alternatives)
        self._answers = TextAnswers(self._may_match)

    def may_match(self, text: str) -> bool:
        """False only when no pattern behind these needles can match ``text``, ignoring case."""
        return self._answers[text]

    def _may_match(self, text: str) -> bool:
        lowered = folded(text)
        if lowered is None:
            return True
        contains = lowered.__contains__
        if not any(map(contains, self._screen)):
            return False
        if self._screen_decides:
            return True
        return any(
            all(any(map(contains, group)) for group in alternative) for alternative in self.alternatives
        )


class TextAnswers(dict[str, bool]):
    """Answers by text, worked out on first use; forgotten all at once when there are too many."""

    def __init__(self, answer: Callable[[str], bool]) -> None:
        super().__init__()
        self._answer = answer

    def __missing__(self, text: str) -> bool:
        if len(self) > _KNOWN_TEXTS:
            self.clear()
        answer = self[text] = self._answer(text)
        return answer


def _shortest_word(group: tuple[str, ...]) -> int:
    return min(len(word) for word in group)


def _without_redundant(words: Iterable[str]) -> tuple[str, ...]:
    """The distinct words, leaving out any that contains another (it cannot occur without it)."""
    distinct = sorted(set(words), key=len)
    kept: list[str] = []
    for word in distinct:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


def is_safe_needle(word: str) -> bool:
    """Whether ``word`` may serve as a needle (see ``SAFE_CHARACTERS``)."""
    return bool(word) and all(c in SAFE_CHARACTERS for c in word)


def needles(*groups: str) -> Needles:
    """Needles for one pattern: a word from every group ("ikke|aldri", "deles|deler") must occur."""
    return Needles((tuple(tuple(group.split(_ALTERNATIVE)) for group in groups),))


def either(*options: Needles) -> Needles:
    """Needles for several patterns: the text may match when it may match any of them."""
    return Needles(tuple(alternative for option in options for alternative in option.alternatives))
