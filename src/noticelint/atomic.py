"""Writing files so that a reader never sees half of one: write beside, flush, then rename.

The file is written to ``.NAME.XXXXXXXX.tmp`` beside it, which its writer holds locked until it is
renamed over ``NAME`` or removed (on every error). A temporary file of that pattern that nobody holds is
the leftover of a killed run: the next write of ``NAME`` removes it, and ``stale_temporaries`` lists it.
A file replaced keeps its permissions; a symbolic link replaced by a file gives the new file the default
ones, never those of the link's target.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

NEW_FILE_MODE = 0o644
# tempfile.mkstemp draws its eight characters from these.
_RANDOM = "[a-z0-9_]{8}"


def _temporary_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.{_RANDOM}\.tmp")


def _lock(fd: int, wait: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def stale_temporaries(path: Path) -> list[Path]:
    """The temporary files that a killed write of ``path`` left beside it (none that a live run holds)."""
    if fcntl is None:
        return []
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    pattern = _temporary_pattern(path.name)
    found: list[Path] = []
    try:
        names = sorted(name for name in os.listdir(directory) if pattern.fullmatch(name))
    except OSError:
        return []
    for name in names:
        candidate = directory / name
        try:
            fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            ours = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
            if stat.S_ISREG(info.st_mode) and ours and _lock(fd, wait=False):
                found.append(candidate)
        finally:
            os.close(fd)  # closing releases the probe's lock
    return found


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove what :func:`stale_temporaries` finds; returns the files removed."""
    removed = []
    for candidate in stale_temporaries(path):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
            removed.append(candidate)
    return removed


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced; a link or a new file gets the default ones."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return NEW_FILE_MODE
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else NEW_FILE_MODE


@contextlib.contextmanager
def open_atomic(path: Path) -> Iterator[TextIO]:
    """A text handle whose content replaces ``path`` when the block ends without an exception.

    On any exception (a full disk, an interrupt) the temporary file is removed and ``path`` is left as
    it was.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    remove_stale_temporaries(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        _lock(fd, wait=True)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            fd = -1  # the handle owns it now
            yield handle
            handle.flush()
            os.fchmod(handle.fileno(), _mode_for(path))
            os.fsync(handle.fileno())
            os.replace(temporary, path)  # still locked: a concurrent cleaner leaves it alone
    except BaseException:
        if fd >= 0:
            os.close(fd)
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    with open_atomic(path) as handle:
        handle.write(text)
