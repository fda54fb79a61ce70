"""A custom rule as a team would write it: the same API as the built-in rules in checks/.

Importing this module is logged to the file named by NOTICELINT_TEST_RULE_IMPORTS, so that the tests see
whether (and when) noticelint loaded it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, rule

if os.environ.get("NOTICELINT_TEST_RULE_IMPORTS"):
    with open(os.environ["NOTICELINT_TEST_RULE_IMPORTS"], "a", encoding="utf-8") as log:
        log.write(f"{__name__}\n")


@rule(
    code="ORG001",
    name="organisation-number",
    severity="warning",
    legal=["House policy 1.2"],
    fix="Add controller.organisation_number, e.g. '999999999'.",
    fails="""
    controller:
      organisation_number: null
    """,
    passes="""
    controller:
      organisation_number: "999999999"
    """,
)
def organisation_number(ctx: CheckContext) -> Iterator[Hit]:
    """The controller gives its organisation number.

    House policy, not law: every statement gives the controller's organisation number
    (organisasjonsnummer), so that a reader can look the controller up in the public register.
    """
    controller = ctx.statement.controller
    if not controller.organisation_number:
        yield Hit(
            "/controller", f"{controller.legal_name} gives no organisation number; add it to controller"
        )
