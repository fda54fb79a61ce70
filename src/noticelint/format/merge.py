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

import copy
from typing import Any

DELETE = "$delete"
REPLACE = "$replace"


class MergeError(ValueError):
    """A patch that cannot be applied (e.g. ``$delete`` of an id the base does not have)."""


def merge(base: Any, patch: Any) -> Any:
    """``patch`` applied to ``base``; neither is changed."""
    if isinstance(patch, dict) and set(patch) == {REPLACE} and isinstance(patch[REPLACE], list):
        return copy.deepcopy(patch[REPLACE])
    if isinstance(patch, dict) and patch.get(REPLACE) is True:
        return _clean(patch)
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            if value is None:
                merged.pop(key, None)
            elif key in merged:
                merged[key] = merge(merged[key], value)
            else:
                merged[key] = _clean(value)
        return merged
    if _items_with_ids(base) and _items_with_ids(patch):
        return _merge_by_id(base, patch)
    return _clean(patch)


def _items_with_ids(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) and "id" in i for i in value)


def _merge_by_id(base: list[dict[str, Any]], patch: list[dict[str, Any]]) -> list[Any]:
    merged = [dict(item) for item in base]
    index = {item["id"]: n for n, item in enumerate(merged)}
    removed: set[int] = set()
    for item in patch:
        known = index.get(item["id"])
        if item.get(DELETE) is True:
            if known is None:
                raise MergeError(f"$delete of id '{item['id']}', which the base does not have")
            removed.add(known)
        elif known is None:
            index[item["id"]] = len(merged)
            merged.append(_clean(item))
        elif item.get(REPLACE) is True:
            merged[known] = _clean(item)
        else:
            merged[known] = merge(merged[known], item)
    return [item for n, item in enumerate(merged) if n not in removed]


def _clean(value: Any) -> Any:
    """A copy of a patch value that is not merged into anything: its ``null`` keys and markers go."""
    if isinstance(value, dict):
        if set(value) == {REPLACE} and isinstance(value[REPLACE], list):
            return _clean(value[REPLACE])
        return {k: _clean(v) for k, v in value.items() if v is not None and k not in (DELETE, REPLACE)}
    if isinstance(value, list):
        return [_clean(v) for v in value if not (isinstance(v, dict) and v.get(DELETE) is True)]
    return copy.deepcopy(value)
