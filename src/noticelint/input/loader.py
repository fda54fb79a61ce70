"""YAML text -> YAML nodes -> plain data, with the position of every node for the findings.

Only what JSON can hold is built (mappings with string keys, lists, strings, numbers, booleans, null);
dates stay strings for the schema to judge. Everything else is refused with a located message:
custom tags, duplicate keys, several documents, merge keys, alias expansions that would blow up.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from typing import Any

from noticelint.input.composer import LIBYAML, MAP_TAG, SEQ_TAG, STR_TAG, ScalarNode, SequenceNode
from noticelint.input.document import Document, NodeInfo, pointer_join
from noticelint.input.reading import LoadError, fail
from noticelint.input.span import Span

MAX_NODES = 100_000
MAX_SEPARATORS = 30_000
_REREAD_LIMIT = 64 * 1024
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}


def _yaml_error(exc: Exception, text: str, by_index: _Lines | None) -> LoadError:
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
    line, column = _mark(mark, by_index) if mark is not None else (1, 1)
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
    return fail(line, column, message)


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


def _mark(mark: Any, lines: _Lines | None = None) -> tuple[int, int]:
    if lines is not None and isinstance(getattr(mark, "index", None), int):
        return lines.at(mark.index)
    return mark.line + 1, mark.column + 1


def _span(node: Any, lines: _Lines | None) -> Span:
    return Span(*_mark(node.start_mark, lines), *_mark(node.end_mark, lines))


def _tag_name(node: Any) -> str | None:
    """The short name of a core-schema tag ("str", "map", …), None for any other tag."""
    tag = node.ctag
    if tag is STR_TAG:
        return "str"
    full = node.tag or ""
    return full[len(_CORE) :] if full.startswith(_CORE) else None


class _Builder:
    """Plain data from the node tree, refusing what a statement may not hold.

    Positions are not taken here: :func:`_node_index` works them out if a finding needs one.
    """

    def __init__(self, lines: _Lines | None, escapes: bool) -> None:
        self.lines = lines
        self.escapes = escapes  # only a \u or \U escape can produce half of a surrogate pair
        self.count = 0
        self.active: set[int] = set()

    def start(self, node: Any) -> tuple[int, int]:
        return _mark(node.start_mark, self.lines)

    def build(self, node: Any, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise fail(
                *self.start(node),
                f"document is too large: more than {MAX_NODES} values once its aliases are expanded",
            )
        if depth > MAX_DEPTH:
            raise fail(*self.start(node), f"document is nested more than {MAX_DEPTH} levels deep")
        kind = type(node)
        if kind is ScalarNode:
            return self.scalar(node)
        if id(node) in self.active:
            raise fail(*self.start(node), "an alias refers to the node that contains it (recursive document)")
        self.active.add(id(node))
        try:
            if kind is SequenceNode:
                if node.ctag is not SEQ_TAG and _tag_name(node) != "seq":
                    raise self.bad_tag(node)
                return [self.build(item, depth + 1) for item in node.value]
            if node.ctag is not MAP_TAG and _tag_name(node) != "map":
                raise self.bad_tag(node)
            return self.mapping(node, depth)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: Any, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise fail(*self.start(key_node), "a key must be a plain string, not a list or mapping")
            if key_node.ctag is not STR_TAG and _tag_name(key_node) == "merge":
                raise fail(*self.start(key_node), "merge keys (<<) are not supported; write the keys out")
            key = str(key_node.value)
            if self.escapes and _SURROGATE.search(key):
                raise fail(
                    *self.start(key_node), "invalid Unicode in a key: half of a surrogate pair (e.g. \\ud800)"
                )
            if key in result:
                first = next(k for k, _ in node.value if str(k.value) == key)
                line, _ = self.start(first)
                raise fail(*self.start(key_node), f"duplicate key {key!r} (first defined on line {line})")
            result[key] = self.build(value_node, depth + 1)
        return result

    def bad_tag(self, node: Any) -> LoadError:
        return fail(
            *self.start(node), f"tag {_show(node.tag or '')} is not allowed; statements use plain YAML only"
        )

    def scalar(self, node: Any) -> Any:
        text: str = node.value
        name = "str" if node.ctag is STR_TAG else _tag_name(node)
        if self.escapes and _SURROGATE.search(text):
            raise fail(
                *self.start(node), "invalid Unicode: an escape names half of a surrogate pair (e.g. \\ud800)"
            )
        if name in ("str", "timestamp"):
            return text
        if name not in _SCALAR_TAGS:
            raise self.bad_tag(node)
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


def _node_index(root: Any, lines: _Lines | None) -> dict[str, NodeInfo]:
    """Every node's position by JSON Pointer (aliases are listed at each place they are used)."""
    nodes: dict[str, NodeInfo] = {}

    def visit(node: Any, pointer: str, key_span: Span | None) -> None:
        kind = type(node)
        if kind is ScalarNode:
            nodes[pointer] = NodeInfo(_span(node, lines), key_span, node.style)
            return
        nodes[pointer] = NodeInfo(_span(node, lines), key_span)
        if kind is SequenceNode:
            for index, item in enumerate(node.value):
                visit(item, f"{pointer}/{index}", None)
        else:
            for key_node, value_node in node.value:
                visit(value_node, pointer_join(pointer, str(key_node.value)), _span(key_node, lines))

    visit(root, "", None)
    return nodes


def _node_at(root: Any, lines: _Lines | None, pointer: str) -> NodeInfo | None:
    """The position of the node at ``pointer``, found by walking down to it: no index needed."""
    node, key_node = root, None
    for token in pointer.split("/")[1:] if pointer else ():
        key = token.replace("~1", "/").replace("~0", "~")
        kind = type(node)
        if kind is ScalarNode:
            return None
        if kind is SequenceNode:
            if not (key.isascii() and key.isdigit()) or str(int(key)) != key or int(key) >= len(node.value):
                return None
            node, key_node = node.value[int(key)], None
            continue
        for candidate, value in node.value:
            if str(candidate.value) == key:
                node, key_node = value, candidate
                break
        else:
            return None
    style = node.style if type(node) is ScalarNode else None
    return NodeInfo(_span(node, lines), _span(key_node, lines) if key_node is not None else None, style)


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


# Characters that libyaml counts as line breaks but YAML 1.2 (and noticelint's line numbers) do not.
_LIBYAML_BREAKS = ("\u2028", "\u2029", "\x85")


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
        raise fail(*_Lines(text).at(crossed), f"document is nested more than {MAX_DEPTH} levels deep")


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
    # str.splitlines breaks at more characters than YAML, so its lines are never longer: a cheap way out.
    if max(map(len, text.splitlines()), default=0) <= 2 * _NESTING_SCAN_LIMIT:
        return None
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

    from noticelint.input.composer import EmptyDocument, SecondDocument, compose

    # Composing costs about 20 µs a value: a file of tens of thousands of lines or list items would take
    # seconds before the value limit could refuse it. The complete example statement has 600 lines.
    separators = text.count("\n") + text.count(",")
    if separators > MAX_SEPARATORS:
        raise fail(
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
    lines = _Lines(text) if special_breaks else None
    builder = _Builder(lines, escapes="\\u" in text or "\\U" in text)
    try:
        try:
            root = compose(text, pure=pure)
        except YAMLError as exc:
            # libyaml follows YAML 1.1 in corners (a colon inside {…}, a reused anchor name) and words
            # its errors more tersely: the YAML 1.2 parser's answer counts. For a large file, reading it
            # again costs seconds, so only where the two can disagree about validity.
            problem = str(getattr(exc, "problem", ""))
            if pure or (len(text) > _REREAD_LIMIT and "':'" not in problem and "anchor" not in problem):
                raise
            root = compose(text, pure=True)
        data = builder.build(root, 0)
    except EmptyDocument:
        raise fail(
            1, 1, "empty file: expected a privacy statement (a mapping with schema_version, statement, …)"
        ) from None
    except SecondDocument as second:
        raise fail(
            *builder.start(second.node), "a file holds one statement; found a second YAML document ('---')"
        ) from None
    except YAMLError as exc:
        raise _yaml_error(exc, text, lines) from None
    except RecursionError:
        raise fail(
            _deep_line(text) or 1, 1, f"document is nested more than {MAX_DEPTH} levels deep"
        ) from None
    return Document(
        path=path,
        text=text,
        data=data,
        index=functools.partial(_node_index, root, lines),
        lookup=functools.partial(_node_at, root, lines),
    )
