"""LazyPattern behaves as the compiled pattern and compiles only when first used."""

from __future__ import annotations

import re

from noticelint.api import lazy


def test_lazy_pattern_matches_like_the_compiled_one() -> None:
    text = "Vi samler ikke inn personopplysninger, men vi bruker cookies."
    source = r"\b(?:samler|bruker)\s+(\w+)"
    pattern = lazy(source, re.IGNORECASE)
    assert pattern._compiled is None
    compiled = re.compile(source, re.IGNORECASE)
    assert pattern.search(text).group(1) == compiled.search(text).group(1)  # type: ignore[union-attr]
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.match(text) is None and pattern.fullmatch("bruker cookies") is not None
    assert pattern.split("a samler b", 1) == compiled.split("a samler b", 1)
    assert pattern._compiled is not None
