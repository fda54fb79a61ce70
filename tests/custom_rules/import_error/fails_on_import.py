"""A custom rule module that cannot be imported."""

from __future__ import annotations

from noticelint.api import no_such_name  # type: ignore[attr-defined]  # noqa: F401
