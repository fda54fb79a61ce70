"""Whether a word is an ordinary word of Norwegian Bokmål or English.

The list (``words.txt`` beside this module) is made by ``tools/build_wordlist.py`` from wordfreq's
frequency lists (CC BY-SA 4.0; the file's header names the source and the licence). It is read only
when a word is first looked up, and searched in place: a sorted text is bisected, so no set of
170,000 strings is built for the few words a statement asks about.
"""

from __future__ import annotations

import functools
from pathlib import Path

_PATH = Path(__file__).with_name("words.txt")


@functools.cache
def _words() -> tuple[str, int]:
    """The list's text and the offset of its first word (after the comment lines)."""
    text = _PATH.read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    return text, start


@functools.lru_cache(maxsize=8192)
def is_ordinary_word(word: str) -> bool:
    """Whether ``word`` (any case) is in the word list of Norwegian Bokmål and English."""
    key = word.casefold()
    if not key or "\n" in key:
        return False
    text, low = _words()
    high = len(text)
    # Bisect over line starts: ``low`` is always a line start, ``high`` the end of the searched range.
    while low < high:
        middle = (low + high) // 2
        line_start = text.rfind("\n", low, middle) + 1 or low
        line_end = text.find("\n", line_start, high)
        if line_end < 0:
            line_end = high
        line = text[line_start:line_end]
        if line == key:
            return True
        if line < key:
            low = line_end + 1
        else:
            high = line_start
    return False
