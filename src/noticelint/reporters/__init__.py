"""Output formats. Each module has ``render(report) -> str``; none decides what is wrong."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from noticelint.reporters.report import Report

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")


def renderer(name: str) -> Callable[[Report], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"noticelint.reporters.{name}")
    render: Callable[[Report], str] = module.render
    return render
