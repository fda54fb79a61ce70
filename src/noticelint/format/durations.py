"""ISO 8601 durations ("P2Y", "P13M", "PT48H") as days: storage periods, cookie lifetimes, answer times."""

from __future__ import annotations

import re

_DURATION = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
)
# Average lengths in days, so that "P1M" is one month and "P3M" three months.
DAYS_PER_YEAR = 365.2425
DAYS_PER_MONTH = DAYS_PER_YEAR / 12


def duration_days(value: str) -> float | None:
    """An ISO 8601 duration ('P1M', 'P30D', 'P1Y2M', 'PT48H') in days, months and years taken at their
    average length; ``None`` if ``value`` is not such a duration."""
    value = value.strip()
    match = _DURATION.match(value)
    if not match or value in ("P", "PT") or value.endswith("T"):
        return None
    years, months, weeks, days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return (
        years * DAYS_PER_YEAR
        + months * DAYS_PER_MONTH
        + weeks * 7
        + days
        + hours / 24
        + minutes / 1440
        + seconds / 86400
    )
