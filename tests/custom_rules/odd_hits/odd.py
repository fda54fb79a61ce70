"""Custom rules that give the engine unusual, but well-typed, hits to locate."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, rule


@rule(code="ODD001", name="odd-pointers", severity="warning", legal=[], fix="-")
def odd_pointers(ctx: CheckContext) -> Iterator[Hit]:
    """Hits at pointers that do not exist, at the root, and with escapes.

    The engine places each at the nearest existing node.
    """
    yield Hit("", "at the root")
    yield Hit("/no/such/place", "nowhere")
    yield Hit("/controller/legal_name/deeper/still", "below a string")
    yield Hit("/activities/99/retention", "past the end of a list")
    yield Hit("/a~1b/c~0d", "escaped tokens")
    yield Hit("/controller", "x" * 10_000)


@rule(code="ODD002", name="odd-offsets", severity="warning", legal=[], fix="-")
def odd_offsets(ctx: CheckContext) -> Iterator[Hit]:
    """Hits with offsets outside the text they point into.

    The engine places each at the text's node, or the nearest existing node.
    """
    yield Hit("/controller/legal_name", "beyond the end", offset=10**9, length=5)
    yield Hit("/controller/legal_name", "negative", offset=-5, length=-3)
    yield Hit("/controller", "offset into a mapping", offset=3, length=2)
    yield Hit("/no/such/text", "offset into nothing", offset=0, length=1)
