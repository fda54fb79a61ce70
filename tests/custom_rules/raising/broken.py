"""A custom rule with a bug: it raises on every statement."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, rule


@rule(code="BRK001", name="always-broken", severity="error", legal=[], fix="Fix the rule.")
def always_broken(ctx: CheckContext) -> Iterator[Hit]:
    """A rule that fails.

    It looks up a key that does not exist, as a rule with a bug would.
    """
    yield Hit("/controller", "never reached")
    raise KeyError("no such party: 'boom'")
