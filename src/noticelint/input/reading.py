"""Reading a statement file: its bytes, within a size limit, and its text, which must be UTF-8.

Every refusal is a :class:`LoadError` with a located message that says what the file is instead.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from noticelint.input.span import Span

DEFAULT_MAX_BYTES = 256 * 1024  # ten times the complete example statement


@dataclass(frozen=True)
class Problem:
    """Why a file could not be loaded or validated."""

    span: Span
    message: str
    pointer: str = ""


class LoadError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message if problems else "cannot load")
        self.problems = problems


def fail(line: int, column: int, message: str) -> LoadError:
    return LoadError([Problem(Span.point(line, column), message)])


def _position(data: bytes, index: int) -> tuple[int, int]:
    """Line and column of a byte offset; CR, LF and CRLF each end a line, as YAML reads them."""
    line_start = max(data.rfind(b"\n", 0, index), data.rfind(b"\r", 0, index)) + 1
    line = data.count(b"\n", 0, index) + data.count(b"\r", 0, index) - data.count(b"\r\n", 0, index) + 1
    column = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(raw: bytes) -> str:
    """UTF-8 text with an optional BOM; anything else gets a message that says what it is."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail(1, 1, "file is UTF-32 encoded; save it as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(1, 1, "file is UTF-16 encoded; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _position(raw, nul)
        raise fail(line, column, "binary file: it contains a NUL byte; a statement must be UTF-8 text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        raise fail(
            line, column, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        ) from None


def _size(n: int) -> str:
    if n >= 1_048_576:
        return f"{n / 1_048_576:.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n} bytes"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing what is too large before reading it."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise fail(1, 1, "not a regular file (a pipe, device or socket); a statement is a file")
        size = status.st_size
        if size > max_bytes:
            raise fail(
                1,
                1,
                f"file is {_size(size)}; noticelint reads statements up to {_size(max_bytes)} "
                "(raise max-file-size in the configuration)",
            )
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise fail(1, 1, "is a directory") from None
    except PermissionError:
        raise fail(1, 1, "cannot be read: permission denied") from None
    except FileNotFoundError:
        raise fail(1, 1, "no such file") from None
    except OSError as exc:
        raise fail(1, 1, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise fail(1, 1, f"file is larger than {_size(max_bytes)}")
    return raw


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes))
