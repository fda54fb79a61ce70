"""A custom rule that takes a code the built-in rules already use."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, rule


@rule(code="CTL001", name="my-controller-rule", severity="error", legal=[], fix="Use a code of your own.")
def my_controller_rule(ctx: CheckContext) -> Iterator[Hit]:
    """Reuses CTL001.

    Two rules with one code would make waivers, --select and --ignore ambiguous.
    """
    yield from ()
