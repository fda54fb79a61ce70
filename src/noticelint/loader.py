"""Reading a statement file: bytes -> text -> YAML nodes -> plain data with positions.

Only what JSON can hold is built (mappings with string keys, lists, strings, numbers, booleans, null);
dates stay strings for the schema to judge. Everything else is refused with a located message:
custom tags, duplicate keys, several documents, merge keys, alias expansions that would blow up.
"""

from __future__ import annotations

import bisect
import contextvars
import math
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noticelint.document import Document, NodeInfo, pointer_join
from noticelint.findings import Span

DEFAULT_MAX_BYTES = 256 * 1024  # ten times the complete example statement
MAX_NODES = 100_000
MAX_SEPARATORS = 30_000
_REREAD_LIMIT = 64 * 1024
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_SURROGATE = re.compile("[\ud800-\udfff]")


def _libyaml_available() -> bool:
    import importlib.util

    return (
        importlib.util.find_spec("_ruamel_yaml") is not None
        or importlib.util.find_spec("ruamel.yaml.clib") is not None
    )


LIBYAML = _libyaml_available()
_SCALAR_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}


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


def _fail(line: int, column: int, message: str) -> LoadError:
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
        raise _fail(1, 1, "file is UTF-32 encoded; save it as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(1, 1, "file is UTF-16 encoded; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _position(raw, nul)
        raise _fail(line, column, "binary file: it contains a NUL byte; a statement must be UTF-8 text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        raise _fail(
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
            raise _fail(1, 1, "not a regular file (a pipe, device or socket); a statement is a file")
        size = status.st_size
        if size > max_bytes:
            raise _fail(
                1,
                1,
                f"file is {_size(size)}; noticelint reads statements up to {_size(max_bytes)} "
                "(raise max-file-size in the configuration)",
            )
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise _fail(1, 1, "is a directory") from None
    except PermissionError:
        raise _fail(1, 1, "cannot be read: permission denied") from None
    except FileNotFoundError:
        raise _fail(1, 1, "no such file") from None
    except OSError as exc:
        raise _fail(1, 1, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise _fail(1, 1, f"file is larger than {_size(max_bytes)}")
    return raw


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes))


def _yaml_error(exc: Exception, text: str) -> LoadError:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    mark = getattr(exc, "problem_mark", None)
    opened = getattr(exc, "context_mark", None)
    lines = _BREAK.split(text)
    # An unclosed quote or bracket is found at the end of the file; where it opened helps more.
    if opened is not None and (mark is None or mark.line >= len(lines) - 1 or "end of stream" in problem):
        at_end = mark is None or mark.line >= len(lines) or not text[mark.index :].strip()
        if at_end or "end of stream" in problem:
            mark = opened
    mark = mark or opened
    line, column = _mark(mark) if mark is not None else (1, 1)
    position = getattr(exc, "position", None)
    if mark is None and isinstance(position, int):  # the reader's errors (control characters) carry an index
        line, column = _Lines(text).at(position)
    message = f"invalid YAML: {problem}"
    if context:
        message += f" ({context}"
        if opened is not None and mark is not opened and opened.line + 1 != line:
            message += f" that started at line {opened.line + 1}, column {opened.column + 1}"
        message += ")"
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: max(column, len(source_line) - len(source_line.lstrip()))]:
        message += "; YAML indentation must use spaces, not tabs"
    return _fail(line, column, message)


class _Lines:
    """Line and column from a character index, counting only CR, LF and CRLF as line breaks.

    The parsers also break lines at U+0085, U+2028 and U+2029 (YAML 1.1); editors, grep and noticelint's
    reports do not. Files with those characters are located by index instead of by the parser's lines.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


_BREAK = re.compile(r"\r\n|\r|\n")
_lines: contextvars.ContextVar[_Lines | None] = contextvars.ContextVar("noticelint_lines", default=None)


def _mark(mark: Any) -> tuple[int, int]:
    lines = _lines.get()
    if lines is not None and isinstance(getattr(mark, "index", None), int):
        return lines.at(mark.index)
    return mark.line + 1, mark.column + 1


def _span(node: Any) -> Span:
    return Span(*_mark(node.start_mark), *_mark(node.end_mark))


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, NodeInfo] = {}
        self.count = 0

    def build(
        self, node: Any, pointer: str, depth: int, key_span: Span | None, active: frozenset[int]
    ) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _fail(
                *_start(node),
                f"document is too large: more than {MAX_NODES} values once its aliases are expanded",
            )
        if depth > MAX_DEPTH:
            raise _fail(*_start(node), f"document is nested more than {MAX_DEPTH} levels deep")
        if id(node) in active:
            raise _fail(*_start(node), "an alias refers to the node that contains it (recursive document)")
        tag = node.tag or ""
        kind = type(node).__name__
        if kind == "ScalarNode":
            value = self._scalar(node, tag)
            self.nodes[pointer] = NodeInfo(_span(node), key_span, node.style)
            return value
        self.nodes[pointer] = NodeInfo(_span(node), key_span)
        inner = active | {id(node)}
        if kind == "SequenceNode":
            if tag != f"{_CORE}seq":
                raise _fail(*_start(node), f"tag {_show(tag)} is not allowed; statements use plain YAML only")
            return [
                self.build(item, pointer_join(pointer, i), depth + 1, None, inner)
                for i, item in enumerate(node.value)
            ]
        if tag != f"{_CORE}map":
            raise _fail(*_start(node), f"tag {_show(tag)} is not allowed; statements use plain YAML only")
        result: dict[str, Any] = {}
        first_seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node).__name__ != "ScalarNode":
                raise _fail(*_start(key_node), "a key must be a plain string, not a list or mapping")
            if key_node.tag == f"{_CORE}merge":
                raise _fail(*_start(key_node), "merge keys (<<) are not supported; write the keys out")
            key = str(key_node.value)
            if _SURROGATE.search(key):
                raise _fail(
                    *_start(key_node), "invalid Unicode in a key: half of a surrogate pair (e.g. \\ud800)"
                )
            if key in first_seen:
                line, _ = _start(first_seen[key])
                raise _fail(*_start(key_node), f"duplicate key {key!r} (first defined on line {line})")
            first_seen[key] = key_node
            result[key] = self.build(
                value_node, pointer_join(pointer, key), depth + 1, _span(key_node), inner
            )
        return result

    @staticmethod
    def _scalar(node: Any, tag: str) -> Any:
        text: str = node.value
        if _SURROGATE.search(text):
            raise _fail(
                *_start(node), "invalid Unicode: an escape names half of a surrogate pair (e.g. \\ud800)"
            )
        if tag not in _SCALAR_TAGS:
            raise _fail(*_start(node), f"tag {_show(tag)} is not allowed; statements use plain YAML only")
        name = tag[len(_CORE) :]
        if name in ("str", "timestamp"):
            return text
        if name == "null":
            return None
        if name == "bool":
            return text.lower() == "true"
        if name == "int":
            return _to_int(text)
        try:
            number = float(text.replace("_", ""))
        except ValueError:
            return text  # .nan, .inf, sexagesimal 1:20.5 …: not numbers a statement uses; the schema judges
        if math.isnan(number) or math.isinf(number):
            return text
        return number


def _to_int(text: str) -> int | str:
    cleaned = text.replace("_", "")
    if len(cleaned) > 40:
        return text  # no statement needs such a number; as a string the schema says what is wrong
    try:
        if cleaned.lower().startswith(("0o", "-0o", "+0o")):
            return int(cleaned.replace("0o", "").replace("0O", ""), 8)
        return int(cleaned, 0) if cleaned.lower().lstrip("+-").startswith("0x") else int(cleaned, 10)
    except ValueError:
        return text


def _show(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _start(node: Any) -> tuple[int, int]:
    return _mark(node.start_mark)


# Characters that libyaml counts as line breaks but YAML 1.2 (and noticelint's line numbers) do not.
_LIBYAML_BREAKS = ("\u2028", "\u2029", "\x85")


def _compose(text: str, pure: bool) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=pure)
    documents = yaml.compose_all(text)
    root = next(documents, None)
    if root is None:
        raise _fail(
            1, 1, "empty file: expected a privacy statement (a mapping with schema_version, statement, …)"
        )
    second = next(documents, None)
    if second is not None:
        raise _fail(*_start(second), "a file holds one statement; found a second YAML document ('---')")
    return root


_NESTING_SCAN_LIMIT = 500


def _refuse_deep_flow(text: str) -> None:
    """Refuse brackets nested hundreds deep, outside quotes and comments, at the place they pass the limit.

    The parsers would recurse once per level (libyaml in C, where that can crash the process).
    """
    depth = deepest = crossed = 0
    quote = ""
    comment = False
    previous = "\n"
    for index, char in enumerate(text):
        if comment:
            comment = char not in "\r\n"
        elif quote:
            if char == quote and not (quote == '"' and previous == "\\"):
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and previous in " \t\r\n":
            comment = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if depth == MAX_DEPTH + 1 and not crossed:
                crossed = index
        elif char in "]}" and depth:
            depth -= 1
        previous = "" if previous == "\\" and char == "\\" else char
    if deepest > _NESTING_SCAN_LIMIT:
        raise _fail(*_Lines(text).at(crossed), f"document is nested more than {MAX_DEPTH} levels deep")


def _maybe_deep(text: str) -> bool:
    """Whether the text could be nested beyond what libyaml's C recursion survives.

    Counts brackets and "- " items opened on one line, wherever they stand (also in comments and text),
    so it may say yes to a harmless file: such a file is then read by the pure-Python parser, whose
    recursion ends in a clean error instead of a crash.
    """
    if text.count("[") + text.count("{") > _NESTING_SCAN_LIMIT:
        depth = 0
        for char in text:
            if char in "[{":
                depth += 1
                if depth > _NESTING_SCAN_LIMIT:
                    return True
            elif char in "]}" and depth:
                depth -= 1
    return _deep_line(text) is not None


def _deep_line(text: str) -> int | None:
    """The first line that opens hundreds of block items ("- - - …"), if any."""
    for number, line in enumerate(_BREAK.split(text), start=1):
        if len(line) - len(line.lstrip(" -?:")) > 2 * _NESTING_SCAN_LIMIT:
            return number
    return None


def parse(text: str, path: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`LoadError` with located problems.

    libyaml (through ruamel.yaml.clib) reads most files ten times faster than the pure-Python parser, but
    it follows YAML 1.1 in a few corners (a URL inside {…} or […], exotic line breaks). So it is only
    the fast path: whatever it refuses, and every file with such line breaks, is read by the pure-Python
    YAML 1.2 parser, whose answer counts.
    """
    from ruamel.yaml.error import YAMLError

    # Composing costs about 20 µs a value: a file of tens of thousands of lines or list items would take
    # seconds before the value limit could refuse it. The complete example statement has 600 lines.
    separators = text.count("\n") + text.count(",")
    if separators > MAX_SEPARATORS:
        raise _fail(
            1,
            1,
            f"document is too large: {separators} lines and list items; noticelint reads statements of up to "
            f"{MAX_SEPARATORS}",
        )
    special_breaks = any(c in text for c in _LIBYAML_BREAKS)
    deep = _maybe_deep(text)
    if deep:
        _refuse_deep_flow(text)
    pure = not LIBYAML or special_breaks or deep
    token = _lines.set(_Lines(text) if special_breaks else None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a reused anchor name: valid YAML, not the user's concern
            try:
                root = _compose(text, pure=pure)
            except YAMLError as exc:
                # libyaml follows YAML 1.1 in corners (a colon inside {…}, a reused anchor name) and words
                # its errors more tersely: the YAML 1.2 parser's answer counts. For a large file, reading it
                # again costs seconds, so only where the two can disagree about validity.
                problem = str(getattr(exc, "problem", ""))
                if pure or (len(text) > _REREAD_LIMIT and "':'" not in problem and "anchor" not in problem):
                    raise
                root = _compose(text, pure=True)
        builder = _Builder()
        data = builder.build(root, "", 0, None, frozenset())
    except LoadError:
        raise
    except YAMLError as exc:
        raise _yaml_error(exc, text) from None
    except RecursionError:
        raise _fail(
            _deep_line(text) or 1, 1, f"document is nested more than {MAX_DEPTH} levels deep"
        ) from None
    finally:
        _lines.reset(token)
    return Document(path=path, text=text, data=data, nodes=builder.nodes)


def load(path: Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return parse(read(path, max_bytes), display or str(path))
