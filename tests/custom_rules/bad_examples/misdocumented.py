"""A custom rule whose examples say the opposite of what it does: `rules --check-examples` must say so."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, rule


@rule(
    code="ORG002",
    name="trade-name",
    severity="info",
    legal=["House policy 1.3"],
    fix="Add controller.trade_name.",
    fails="""
    controller:
      trade_name: Eksempel
    """,
    passes="""
    controller:
      trade_name: null
    """,
)
def trade_name(ctx: CheckContext) -> Iterator[Hit]:
    """The controller gives the name it trades under.

    House policy: the name people know the clinic by stands beside its legal name.
    """
    if not ctx.statement.controller.trade_name:
        yield Hit("/controller", "the controller gives no trade name; add controller.trade_name")
