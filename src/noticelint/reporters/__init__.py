"""Output formats. Each module has ``write(stream, out)``, which writes the findings as they come, and
``render(report) -> str``; none decides what is wrong."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from noticelint.reporters.report import Report, Stream

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")


def renderer(name: str) -> Callable[[Report], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"noticelint.reporters.{name}")
    render: Callable[[Report], str] = module.render
    return render


def writer(name: str) -> Callable[[Stream, TextIO], None]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"noticelint.reporters.{name}")
    write: Callable[[Stream, TextIO], None] = module.write
    return write
