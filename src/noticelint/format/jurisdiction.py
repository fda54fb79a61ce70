"""Which national law applies to a statement."""

from __future__ import annotations

from noticelint.format.model import PrivacyStatement


def is_norwegian(statement: PrivacyStatement) -> bool:
    """Whether Norwegian law applies: the statement's jurisdiction is NO, or, where no jurisdiction is
    given, the controller is established in Norway."""
    jurisdiction = statement.statement.jurisdiction
    if jurisdiction is not None:
        return jurisdiction == "NO"
    return statement.controller.country == "NO"
