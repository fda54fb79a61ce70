"""Merging a patch onto a statement's data: how a rule example extends the complete example statement,
and how a statement extends a shared template.

- Mappings merge key by key; ``null`` removes a key (as in JSON Merge Patch, RFC 7396).
- Lists of items that all have an ``id`` (parties, activities, cookies, transfers, sections) merge by
  ``id``: an item with a new id is appended, an item with a known id is merged into it. An item
  ``{id: x, $delete: true}`` removes the inherited item, and ``{id: x, $replace: true, ...}`` replaces it
  whole.
- Any other list, and every scalar, replaces what it patches. ``{$replace: [...]}`` replaces a list of
  items whole, and a mapping with ``$replace: true`` replaces the mapping it patches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from noticelint.input.document import pointer_join

DELETE = "$delete"
REPLACE = "$replace"


class MergeError(ValueError):
    """A patch that cannot be applied (e.g. ``$delete`` of an id the base does not have)."""


def merge(base: Any, patch: Any) -> Any:
    """``patch`` applied to ``base``; neither is changed."""
    return plain(TracedMerge().merge(trace(base, 0), trace(patch, 1)))


# Keys every file of a chain writes alike: repeating them is not an override.
_STRUCTURAL = frozenset({"/schema_version", "/template"})

Origin = tuple[int, str]  # index of the file in the chain, JSON Pointer in that file


@dataclass(slots=True)
class Node:
    """One value of the merged data and where it came from."""

    origin: Origin
    value: Any = None  # a scalar
    items: dict[str, Node] | list[Node] | None = None  # a mapping's or a list's children


def trace(data: Any, index: int, pointer: str = "") -> Node:
    """``data`` of file ``index`` as a tree of nodes, each knowing its pointer in that file."""
    if isinstance(data, dict):
        return Node(
            (index, pointer), items={k: trace(v, index, pointer_join(pointer, k)) for k, v in data.items()}
        )
    if isinstance(data, list):
        return Node(
            (index, pointer), items=[trace(v, index, pointer_join(pointer, n)) for n, v in enumerate(data)]
        )
    return Node((index, pointer), value=data)


class MergeProblem(MergeError):
    def __init__(self, message: str, origin: Origin) -> None:
        super().__init__(message)
        self.origin = origin


@dataclass
class TracedMerge:
    """:func:`merge` on traced values: the result's every node keeps the origin it came from, and
    overrides that repeat the value they shadow are recorded."""

    shadows: list[tuple[Origin, Origin]] = field(default_factory=list)  # (patch origin, base origin)

    def merge(self, base: Node, patch: Node) -> Node:
        items = patch.items
        if isinstance(items, dict):
            marker = items.get(REPLACE)
            if set(items) == {REPLACE} and marker is not None and isinstance(marker.items, list):
                return _clean(marker)
            if marker is not None and marker.value is True:
                return _clean(patch)
        if isinstance(base.items, dict) and isinstance(items, dict):
            merged = dict(base.items)
            for key, value in items.items():
                if value.items is None and value.value is None:
                    merged.pop(key, None)
                elif key in merged:
                    merged[key] = self.merge(merged[key], value)
                else:
                    merged[key] = _clean(value)
            return Node(patch.origin, items=merged)
        if _items_with_ids(base) and _items_with_ids(patch):
            return self._merge_by_id(base, patch)
        if (
            patch.origin[0] != base.origin[0]
            and patch.origin[1] not in _STRUCTURAL
            and not patch.origin[1].endswith("/id")  # the key an item is merged by
            and plain(base) == plain(patch)
        ):
            self.shadows.append((patch.origin, base.origin))
        return _clean(patch)

    def _merge_by_id(self, base: Node, patch: Node) -> Node:
        assert isinstance(base.items, list) and isinstance(patch.items, list)
        merged = list(base.items)
        index = {_id(item): n for n, item in enumerate(merged)}
        removed: set[int] = set()
        for item in patch.items:
            assert isinstance(item.items, dict)
            known = index.get(_id(item))
            flag = item.items.get(DELETE)
            if flag is not None and flag.value is True:
                if known is None:
                    raise MergeProblem(
                        f"$delete of id '{_id(item)}', which the base does not have", item.origin
                    )
                removed.add(known)
                continue
            replace = item.items.get(REPLACE)
            if known is None:
                index[_id(item)] = len(merged)
                merged.append(_clean(item))
            elif replace is not None and replace.value is True:
                merged[known] = _clean(item)
            else:
                merged[known] = self.merge(merged[known], item)
        return Node(patch.origin, items=[item for n, item in enumerate(merged) if n not in removed])


def _id(item: Node) -> Any:
    assert isinstance(item.items, dict)
    return item.items["id"].value


def _items_with_ids(node: Node) -> bool:
    items = node.items
    return (
        isinstance(items, list)
        and bool(items)
        and all(isinstance(i.items, dict) and "id" in i.items for i in items)
    )


def _clean(node: Node) -> Node:
    """A patch value that is merged into nothing: its ``null`` keys and markers go."""
    items = node.items
    if isinstance(items, dict):
        marker = items.get(REPLACE)
        if set(items) == {REPLACE} and marker is not None and isinstance(marker.items, list):
            return _clean(marker)
        kept = {
            k: _clean(v)
            for k, v in items.items()
            if not (v.items is None and v.value is None) and k not in (DELETE, REPLACE)
        }
        return Node(node.origin, items=kept)
    if isinstance(items, list):
        return Node(node.origin, items=[_clean(v) for v in items if not _deleted(v)])
    return node


def _deleted(node: Node) -> bool:
    return isinstance(node.items, dict) and DELETE in node.items and node.items[DELETE].value is True


def plain(node: Node, replace: Callable[[Node, str], str] | None = None) -> Any:
    if isinstance(node.items, dict):
        return {k: plain(v, replace) for k, v in node.items.items()}
    if isinstance(node.items, list):
        return [plain(v, replace) for v in node.items]
    if replace is not None and isinstance(node.value, str):
        return replace(node, node.value)
    return node.value


def flatten(node: Node, pointer: str, out: dict[str, Origin]) -> None:
    out[pointer] = node.origin
    if isinstance(node.items, dict):
        for key, value in node.items.items():
            flatten(value, pointer_join(pointer, key), out)
    elif isinstance(node.items, list):
        for n, value in enumerate(node.items):
            flatten(value, pointer_join(pointer, n), out)
