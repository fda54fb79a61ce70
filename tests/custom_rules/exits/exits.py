"""A custom rule that ends the process instead of raising (sys.exit in library code)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, rule


@rule(code="EXT001", name="calls-sys-exit", severity="error", legal=[], fix="Raise or yield; never exit.")
def calls_sys_exit(ctx: CheckContext) -> Iterator[Hit]:
    """Calls sys.exit(0).

    A script habit carried into a rule: it would end the whole run with "success".
    """
    sys.exit(0)
    yield Hit("", "never reached")
