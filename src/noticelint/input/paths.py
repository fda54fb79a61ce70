"""Where a statement's templates are looked for, and what resolving its chain read.

Light on purpose: the cache checks a chain's files from here without importing the parser or the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def repository_root(start: Path) -> Path:
    """The folder holding ``.git`` above ``start``, or the working directory."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return Path.cwd().resolve()


def display_name(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class ChainFile:
    """One template read while resolving a chain: where it was named (``link``, the extending file's
    folder joined with the name as written, before symbolic links are resolved), the file that is
    (``path``, resolved) and the SHA-256 of the bytes that were merged."""

    path: str
    digest: bytes
    link: str


@dataclass(frozen=True)
class ChainBasis:
    """Everything the resolution of a statement's ``extends`` depended on besides its own bytes: the
    statement's resolved path (names are relative to it), the repository root (templates outside it are
    refused), the working directory (names in messages are relative to it) and every template read, in
    order. The same basis and the same statement bytes resolve to the same merged statement."""

    statement: str
    root: str
    cwd: str
    files: tuple[ChainFile, ...]
