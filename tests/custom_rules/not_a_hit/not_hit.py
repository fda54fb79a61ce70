"""Custom rules that yield something other than a Hit."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import CheckContext, rule


@rule(code="BAD001", name="yields-a-string", severity="error", legal=[], fix="Yield Hit(pointer, message).")
def yields_a_string(ctx: CheckContext) -> Iterator[object]:
    """Yields a string.

    A common slip: the message without the Hit around it.
    """
    yield "the controller has no organisation number"


@rule(code="BAD002", name="yields-a-tuple", severity="error", legal=[], fix="Yield Hit(pointer, message).")
def yields_a_tuple(ctx: CheckContext) -> Iterator[object]:
    """Yields a tuple.

    Another slip: pointer and message without the Hit around them.
    """
    yield ("/controller", "the controller has no organisation number")
