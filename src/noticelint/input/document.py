"""A loaded YAML document: plain data plus the position of every node, addressed by JSON Pointer."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from noticelint.input.span import Span


def pointer_join(parent: str, key: str | int) -> str:
    token = str(key).replace("~", "~0").replace("/", "~1")
    return f"{parent}/{token}"


def pointer_parent(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0] if pointer else ""


def pointer_from_path(path: Any) -> str:
    pointer = ""
    for key in path:
        pointer = pointer_join(pointer, key)
    return pointer


@dataclass(frozen=True)
class NodeInfo:
    span: Span
    key_span: Span | None = None
    style: str | None = None


_WORD = re.compile(r"\S+")


@dataclass
class Document:
    """One YAML file as the checks and the validator see it.

    Most files of a run have no finding to locate, so positions are worked out only when something asks:
    ``lookup`` finds one node by its JSON Pointer, ``index`` maps every pointer to its node (built on first
    use of :attr:`nodes`).
    """

    path: str
    text: str
    data: Any
    index: Callable[[], dict[str, NodeInfo]] = field(default=dict, repr=False)
    lookup: Callable[[str], NodeInfo | None] | None = field(default=None, repr=False)

    @functools.cached_property
    def nodes(self) -> dict[str, NodeInfo]:
        return self.index()

    def find(self, pointer: str) -> NodeInfo | None:
        """The node at exactly ``pointer``, if there is one."""
        if self.lookup is None or "nodes" in self.__dict__:
            return self.nodes.get(pointer)
        return self.lookup(pointer)

    @functools.cached_property
    def lines(self) -> list[str]:
        """The file's lines as editors count them: only CR, LF and CRLF end a line."""
        return re.split(r"\r\n|\r|\n", self.text.removesuffix("\n").removesuffix("\r"))

    def node(self, pointer: str) -> NodeInfo | None:
        """The node at ``pointer``, or the nearest ancestor that exists."""
        while True:
            found = self.find(pointer)
            if found is not None or not pointer:
                return found
            pointer = pointer_parent(pointer)

    def span(self, pointer: str) -> Span:
        found = self.node(pointer)
        return found.span if found else Span.point(1, 1)

    def key_span(self, pointer: str) -> Span:
        """Where the key of a mapping entry stands (its value's span for list items and the root)."""
        found = self.find(pointer)
        if found is not None and found.key_span is not None:
            return found.key_span
        return self.span(pointer)

    def text_span(self, pointer: str, offset: int, length: int = 0) -> Span:
        """The position of ``value[offset:offset+length]`` inside the string scalar at ``pointer``.

        Works for every scalar style by finding the same occurrence of the sentence's first words in
        the file's own lines, so a finding points at the line of the sentence, not of the key.
        """
        node = self.find(pointer)
        value = _value_at(self.data, pointer)
        if node is None or not isinstance(value, str):
            return self.span(pointer)
        words = _WORD.findall(value[offset : offset + max(length, 1) + 80])
        lines = self.lines
        first, last = node.span.line - 1, min(node.span.end_line, len(lines))
        region_lines = lines[first:last]
        for count in (3, 2, 1):
            if len(words) < count:
                continue
            snippet = " ".join(words[:count])
            occurrence = value[:offset].count(snippet)
            seen = 0
            for index, line in enumerate(region_lines):
                start = 0
                while (col := line.find(snippet, start)) >= 0:
                    if index == 0 and col < node.span.column - 1:
                        start = col + 1
                        continue
                    if seen == occurrence:
                        line_no = first + index + 1
                        end_col = col + 1 + len(snippet)
                        return Span(line_no, col + 1, line_no, end_col)
                    seen += 1
                    start = col + 1
        return node.span


def _value_at(data: Any, pointer: str) -> Any:
    current = data
    for token in pointer.split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict):
            current = current.get(key)
        elif isinstance(current, list):
            try:
                current = current[int(key)]
            except (ValueError, IndexError):
                return None
        else:
            return None
    return current
