"""Where rendered pages go, writing them atomically, and comparing them with what is committed.

``--output`` is a file (one page), or a directory (an existing one, or a path ending in ``/``) that
receives ``<statement-id>.<lang>.<ext>`` for every page. Without ``--output`` the one page goes to
standard output.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from noticelint.atomic import stale_temporaries, write_atomic

EXTENSIONS = {"html": "html", "md": "md"}
MARKDOWN_SUFFIXES = (".md", ".markdown")


class OutputError(Exception):
    """The pages cannot be written where asked: reported in one line, exit 2."""


def is_directory(output: str | None) -> bool:
    return output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def default_format(output: str | None) -> str:
    """``md`` for an output file named ``*.md``, else ``html``."""
    if output and not is_directory(output) and Path(output).suffix.lower() in MARKDOWN_SUFFIXES:
        return "md"
    return "html"


@dataclass(frozen=True)
class Destination:
    """One page: the statement's id and language, and the file it goes to (``None``: standard output)."""

    statement_id: str
    lang: str
    path: Path | None


def destinations(pages: list[tuple[str, str]], output: str | None, fmt: str) -> list[Destination]:
    """Where each ``(statement id, language)`` page goes; several pages need a directory."""
    if is_directory(output):
        assert output is not None
        directory = Path(output)
        paths = [directory / f"{sid}.{lang}.{EXTENSIONS[fmt]}" for sid, lang in pages]
        if len(set(paths)) != len(paths):
            raise OutputError(
                "two statements have the same statement.id; their pages would overwrite each other"
            )
        return [Destination(sid, lang, path) for (sid, lang), path in zip(pages, paths, strict=True)]
    if len(pages) > 1:
        where = "standard output" if output is None else f"one file ({output})"
        raise OutputError(
            f"{len(pages)} pages cannot go to {where}; give --output DIR/ to write <statement-id>.<lang>.{fmt} "
            "for each, or choose one language with --lang"
        )
    return [Destination(sid, lang, Path(output) if output else None) for sid, lang in pages]


def write(path: Path, text: str) -> None:
    """Write beside, then rename: a reader or a crash never sees half a page. A temporary file that an
    interrupted run left beside ``path`` is removed first."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def stale(path: Path, text: str) -> str | None:
    """Why the committed ``path`` is not ``text`` (``None`` when it is). Line endings are not compared."""
    try:
        committed = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "missing"
    except (OSError, UnicodeDecodeError) as exc:
        return f"cannot be read ({getattr(exc, 'strerror', None) or exc})"
    if committed.replace("\r\n", "\n") != text:
        return "differs from what the statement gives now"
    leftovers = stale_temporaries(path)
    if leftovers:
        names = ", ".join(p.name for p in leftovers)
        return f"an interrupted write left {names} beside it (noticelint render removes it)"
    return None
