"""Statements that extend templates: the chain of bases resolved and merged, every value traced to its file.

A statement with ``extends: [../agency/base.yaml, ...]`` is the bases merged in order (each base first
resolved with its own ``extends``), then the statement itself on top, by the rules of
:mod:`noticelint.format.merge`. Every node of the merged data keeps the file and JSON Pointer it came
from, so the engine locates a finding at its origin: a defect inherited from a base is reported at the
base's line. This module only resolves and merges; the engine validates and checks the merged data on
its one road.

Chain errors (a base that is missing, unreadable, not YAML, not a template, outside the repository root,
a cycle, a chain deeper than :data:`MAX_DEPTH`, a ``$delete`` of an id the bases do not have) are
:class:`ChainProblem` s located at the ``extends`` entry that caused them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noticelint.format.merge import DELETE, REPLACE
from noticelint.input.document import Document, NodeInfo, pointer_join, pointer_parent
from noticelint.input.loader import parse
from noticelint.input.reading import LoadError, decode, read_bytes
from noticelint.input.span import Span

MAX_DEPTH = 10
EXTENDS = "extends"
TEMPLATE = "template"
PLACEHOLDER = "{controller}"

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


class MergeProblem(ValueError):
    def __init__(self, message: str, origin: Origin) -> None:
        super().__init__(message)
        self.origin = origin


@dataclass
class _Merge:
    """One merge of a patch onto a base, recording overrides that repeat the value they shadow."""

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
            and _plain(base) == _plain(patch)
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
                    raise MergeProblem(f"$delete of id '{_id(item)}', which no base declares", item.origin)
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


def _plain(node: Node, replace: Callable[[Node, str], str] | None = None) -> Any:
    if isinstance(node.items, dict):
        return {k: _plain(v, replace) for k, v in node.items.items()}
    if isinstance(node.items, list):
        return [_plain(v, replace) for v in node.items]
    if replace is not None and isinstance(node.value, str) and PLACEHOLDER in node.value:
        return replace(node, node.value)
    return node.value


def _flatten(node: Node, pointer: str, out: dict[str, Origin]) -> None:
    out[pointer] = node.origin
    if isinstance(node.items, dict):
        for key, value in node.items.items():
            _flatten(value, pointer_join(pointer, key), out)
    elif isinstance(node.items, list):
        for n, value in enumerate(node.items):
            _flatten(value, pointer_join(pointer, n), out)


@dataclass(frozen=True)
class ChainProblem:
    """Why a chain cannot be resolved, located in the file (``doc``) whose line caused it."""

    doc: Document
    span: Span
    message: str
    pointer: str = ""
    kind: str = "chain"  # chain | unreadable | yaml


@dataclass
class ChainDocument(Document):
    """The merged statement: its data, and for every pointer the file and pointer it came from.

    ``path`` and ``text`` are the checked file's; :meth:`origin` says where a value really stands.
    """

    docs: list[Document] = field(default_factory=list, repr=False)  # [the checked file, base, ...]
    origins: dict[str, Origin] = field(default_factory=dict, repr=False)

    def origin(self, pointer: str) -> tuple[Document, str]:
        """The file and pointer that gave the value at ``pointer`` (or its nearest ancestor's)."""
        at = pointer
        while at not in self.origins and at:
            at = pointer_parent(at)
        index, source = self.origins.get(at, (0, at))
        rest = pointer[len(at) :] if at != pointer else ""
        if rest and self.docs[index].find(source + rest) is not None:
            source += rest
        return self.docs[index], source

    def find(self, pointer: str) -> NodeInfo | None:
        doc, source = self.origin(pointer)
        return doc.find(source)


@dataclass
class Chain:
    """The result of resolving a file's ``extends``."""

    doc: ChainDocument | None
    problems: list[ChainProblem]
    files: list[tuple[str, bytes]]  # every base read (resolved path, SHA-256 of its bytes), in order
    shadows: list[tuple[tuple[Document, str], tuple[Document, str]]]  # (override, the value it repeats)
    templates_with_controller: list[Document]


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
class ReadFailure:
    """Why a base could not be read or parsed."""

    span: Span
    message: str


class Resolver:
    """Reads and parses bases, each file once per resolver (many clients share a base)."""

    def __init__(self, max_bytes: int, digest: Callable[[bytes], bytes]) -> None:
        self.max_bytes = max_bytes
        self.digest = digest
        self._loaded: dict[tuple[Path, int, int], tuple[bytes, Document] | tuple[str, ReadFailure]] = {}

    def _load(self, path: Path, display: str) -> tuple[bytes, Document] | tuple[str, ReadFailure]:
        try:
            status = path.stat()
            key = (path, status.st_mtime_ns, status.st_size)
        except OSError:
            key = (path, 0, 0)
        cached = self._loaded.get(key)
        if cached is None:
            cached = self._read(path, display)
            self._loaded[key] = cached
        return cached

    def _read(self, path: Path, display: str) -> tuple[bytes, Document] | tuple[str, ReadFailure]:
        try:
            raw = read_bytes(path, self.max_bytes)
            text = decode(raw)
        except LoadError as exc:
            return ("unreadable", ReadFailure(exc.problems[0].span, exc.problems[0].message))
        try:
            return (self.digest(raw), parse(text, display))
        except LoadError as exc:
            return ("yaml", ReadFailure(exc.problems[0].span, exc.problems[0].message))
        except RecursionError:
            return ("yaml", ReadFailure(Span.point(1, 1), "document is nested too deeply to read"))

    def resolve(self, doc: Document, path: Path | None) -> Chain:
        """``doc`` (the file at ``path``) merged onto its bases; ``doc.data`` must have ``extends``."""
        here = (path or Path(doc.path)).resolve()
        root = repository_root(here.parent)
        docs: list[Document] = [doc]
        files: list[tuple[str, bytes]] = []
        problems: list[ChainProblem] = []
        merging = _Merge()
        index_of: dict[Path, int] = {here: 0}
        templates_with_controller: list[Document] = []

        def build(n: int, file: Path, stack: tuple[Path, ...]) -> Node | None:
            current = docs[n]
            data = current.data
            own = trace({k: v for k, v in data.items() if k != EXTENDS}, n)
            names = data.get(EXTENDS)
            if names is None:
                return own
            entries = names if isinstance(names, list) else [names]
            base_pointer = pointer_join("", EXTENDS)
            merged: Node | None = None
            for position, name in enumerate(entries):
                at = pointer_join(base_pointer, position) if isinstance(names, list) else base_pointer
                span = current.span(at)

                def fail(message: str, at: str = at, span: Span = span) -> None:
                    problems.append(ChainProblem(current, span, message, at))

                if not isinstance(name, str) or not name.strip():
                    fail("each entry of extends is the path of a template, relative to this file")
                    continue
                target = (file.parent / name).resolve()
                if not target.is_relative_to(root):
                    fail(
                        f"extends '{name}': the template is outside the repository root ({display_name(root)}); "
                        "keep templates in the repository"
                    )
                    continue
                if target in stack:
                    cycle = " -> ".join(display_name(p) for p in (*stack[stack.index(target) :], target))
                    fail(f"extends '{name}' makes a cycle: {cycle}")
                    continue
                if len(stack) >= MAX_DEPTH:
                    fail(f"extends '{name}': the chain of templates is deeper than {MAX_DEPTH}")
                    continue
                if not target.is_file():
                    fail(f"extends '{name}': no such file ({display_name(target)})")
                    continue
                loaded = self._load(target, display_name(target))
                if isinstance(loaded[1], ReadFailure):
                    kind, problem = loaded
                    assert isinstance(kind, str)
                    fail(
                        f"extends '{name}': the template cannot be read: {display_name(target)}:"
                        f"{problem.span.line}:{problem.span.column}: {problem.message}"
                    )
                    continue
                digest, base_doc = loaded
                assert isinstance(digest, bytes)
                files.append((str(target), digest))
                if not isinstance(base_doc.data, dict):
                    fail(f"extends '{name}': the template is not a mapping of statement keys")
                    continue
                if base_doc.data.get(TEMPLATE) is not True:
                    fail(
                        f"extends '{name}': {display_name(target)} is not a template; mark it with "
                        "'template: true' at the top level (a template leaves the controller to the statement)"
                    )
                    continue
                if target in index_of and docs[index_of[target]] is base_doc:
                    base_index = index_of[target]
                else:
                    base_index = len(docs)
                    docs.append(base_doc)
                    index_of[target] = base_index
                    if "controller" in base_doc.data:
                        templates_with_controller.append(base_doc)
                tree = build(base_index, target, (*stack, target))
                if tree is None:
                    continue
                try:
                    merged = tree if merged is None else merging.merge(merged, tree)
                except MergeProblem as exc:
                    problems.append(_located(docs, exc))
            if merged is None:
                return own
            try:
                return merging.merge(merged, own)
            except MergeProblem as exc:
                problems.append(_located(docs, exc))
                return None

        tree = build(0, here, (here,))
        if problems or tree is None:
            return Chain(None, problems, files, [], templates_with_controller)
        assert isinstance(tree.items, dict)
        own_template = doc.data.get(TEMPLATE)
        if own_template is None:
            tree.items.pop(TEMPLATE, None)
        else:
            tree.items[TEMPLATE] = trace(own_template, 0, pointer_join("", TEMPLATE))
        data = _plain(tree, None if own_template is True else _filler(tree, docs))
        origins: dict[str, Origin] = {}
        _flatten(tree, "", origins)
        merged_doc = ChainDocument(path=doc.path, text=doc.text, data=data, docs=docs, origins=origins)
        shadows = [((docs[a[0]], a[1]), (docs[b[0]], b[1])) for a, b in merging.shadows]
        return Chain(merged_doc, [], files, shadows, templates_with_controller)


def _located(docs: list[Document], exc: MergeProblem) -> ChainProblem:
    doc = docs[exc.origin[0]]
    return ChainProblem(doc, doc.span(exc.origin[1]), str(exc), exc.origin[1])


def _filler(tree: Node, docs: list[Document]) -> Callable[[Node, str], str]:
    """Replaces ``{controller}`` in wording from a template with the statement's controller name."""
    name = None
    controller = tree.items.get("controller") if isinstance(tree.items, dict) else None
    if controller is not None and isinstance(controller.items, dict):
        for key in ("trade_name", "legal_name"):
            found = controller.items.get(key)
            if found is not None and isinstance(found.value, str) and found.value.strip():
                name = found.value.strip()
                break

    def fill(node: Node, text: str) -> str:
        return text.replace(PLACEHOLDER, name) if name and node.origin[0] != 0 else text

    return fill


def template_placeholders(doc: Document) -> Any:
    """A template's data made checkable alone: a placeholder controller and statement id where it
    leaves them to the statements that extend it."""
    data = dict(doc.data)
    data.pop(EXTENDS, None)
    if "controller" not in data:
        data["controller"] = {"id": "controller", "legal_name": PLACEHOLDER}
    statement = data.get("statement")
    if statement is None:
        data["statement"] = {"id": _slug(doc.path), "languages": ["nb"], "default_language": "nb"}
    elif isinstance(statement, dict) and "id" not in statement:
        data["statement"] = {"id": _slug(doc.path), **statement}
    return data


def _slug(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0].lower()
    cleaned = "".join(c if c.isalnum() or c == "-" else "-" for c in stem).strip("-")
    return cleaned or "template"
