"""YAML text to a tree of ruamel.yaml nodes: libyaml where it is installed, the pure YAML 1.2 parser else.

ruamel.yaml's own resolver looks up the YAML version twice per node, through attribute errors, which
costs more than libyaml's parsing; the composer here asks a table built once from ruamel.yaml's own
YAML 1.2 rules (so every scalar gets the tag it would get from ``YAML(typ="safe")``) and has no
path-based resolvers, which noticelint never registers.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import BaseResolver, implicit_resolvers

CParser: Any
try:
    from _ruamel_yaml import CParser  # type: ignore[import-not-found, no-redef]
except ImportError:  # pragma: no cover - depends on how ruamel.yaml.clib was built
    try:
        from _ruamel_yaml_clibz import CParser  # type: ignore[import-not-found, no-redef]
    except ImportError:
        CParser = None

LIBYAML = CParser is not None

STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG
SEQ_TAG = BaseResolver.DEFAULT_SEQUENCE_TAG
MAP_TAG = BaseResolver.DEFAULT_MAPPING_TAG


def _yaml12_table() -> dict[str, list[tuple[Any, Callable[[str], object]]]]:
    """Tag and matcher of each YAML 1.2 implicit type, by the first character a value must have."""
    from ruamel.yaml.tag import Tag

    table: dict[str, list[tuple[Any, Callable[[str], object]]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            resolved = Tag(suffix=tag)
            for char in first:
                # ruamel.yaml wraps its patterns in a lazy proxy that costs an attribute lookup per call
                table.setdefault(char, []).append((resolved, regexp.match))
    return table


_IMPLICIT = _yaml12_table()


if CParser is not None:

    class _Composer(CParser):  # type: ignore[misc]
        """libyaml's parser and composer with a YAML 1.2 resolver that costs one dict lookup a scalar."""

        def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> Any:
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, match in _IMPLICIT.get(value[:1], ()):
                        if match(value):
                            return tag
                return STR_TAG
            return SEQ_TAG if kind is SequenceNode else MAP_TAG

        def descend_resolver(self, parent: Any, index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None


class EmptyDocument(Exception):
    """The text holds no YAML document."""


class SecondDocument(Exception):
    """The text holds more than one YAML document; ``node`` is the second."""

    def __init__(self, node: Any) -> None:
        super().__init__("second document")
        self.node = node


def compose(text: str, pure: bool) -> Any:
    """The root node of the text's only document; raises ruamel.yaml's YAMLError for invalid YAML."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. a reused anchor name: valid YAML, not the user's concern
        if pure or CParser is None:
            return _single(_PureDocuments(text))
        parser = _Composer(text)
        try:
            return _single(parser)
        finally:
            parser.dispose()


class _PureDocuments:
    """The pure-Python parser behind the same check_node/get_node interface as libyaml's."""

    def __init__(self, text: str) -> None:
        from ruamel.yaml import YAML

        self._documents = YAML(typ="safe", pure=True).compose_all(text)
        self._next: Any = None
        self._done = False

    def check_node(self) -> bool:
        if self._next is None and not self._done:
            self._next = next(self._documents, None)
            self._done = self._next is None
        return self._next is not None

    def get_node(self) -> Any:
        self.check_node()
        node, self._next = self._next, None
        return node


def _single(documents: Any) -> Any:
    if not documents.check_node():
        raise EmptyDocument()
    root = documents.get_node()
    if documents.check_node():
        raise SecondDocument(documents.get_node())
    return root


__all__ = ["LIBYAML", "MAP_TAG", "SEQ_TAG", "STR_TAG", "MappingNode", "ScalarNode", "SequenceNode", "compose"]
