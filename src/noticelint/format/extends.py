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

import bisect
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noticelint.format.merge import MergeProblem, Node, Origin, TracedMerge, flatten, plain, trace
from noticelint.input.document import Document, NodeInfo, pointer_join, pointer_parent
from noticelint.input.loader import parse
from noticelint.input.paths import ChainBasis, ChainFile, display_name, repository_root
from noticelint.input.reading import LoadError, decode, read_bytes
from noticelint.input.span import Span

MAX_DEPTH = 10
EXTENDS = "extends"
TEMPLATE = "template"
PLACEHOLDER = "{controller}"


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
    order: list[int] = field(default_factory=list, repr=False)  # indices of docs in the order merged
    _pointers: list[str] | None = field(default=None, repr=False, compare=False)

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

    def contributors(self, pointer: str) -> list[tuple[Document, str]]:
        """Every file that gave part of the value at ``pointer`` (or its nearest ancestor's), in the
        order they were merged, each with the pointer in that file of all it gave (their common ancestor).

        A mapping or an item merged from several files has them all; a scalar has the one that gave it.
        """
        at = pointer
        while at not in self.origins and at:
            at = pointer_parent(at)
        if at not in self.origins:
            return []
        if self._pointers is None:
            self._pointers = sorted(self.origins)
        keys = self._pointers
        # the descendants of ``at`` sort together: from at + "/" up to at + "0" ("0" follows "/")
        inside = keys[bisect.bisect_left(keys, at + "/") : bisect.bisect_left(keys, at + "0")]
        common: dict[int, list[str]] = {}
        for key in (at, *inside):
            index, source = self.origins[key]
            tokens = source.split("/")
            known = common.get(index)
            if known is None:
                common[index] = tokens
            else:
                same = 0
                while same < min(len(known), len(tokens)) and known[same] == tokens[same]:
                    same += 1
                del known[same:]
        return [(self.docs[n], "/".join(common[n])) for n in self.order if n in common]


@dataclass
class Chain:
    """The result of resolving a file's ``extends``."""

    doc: ChainDocument | None
    problems: list[ChainProblem]
    files: list[ChainFile]  # every base read, in order
    shadows: list[tuple[tuple[Document, str], tuple[Document, str]]]  # (override, the value it repeats)
    templates_with_controller: list[Document]
    basis: ChainBasis | None = None  # what the resolution read (None when it failed)


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
        files: list[ChainFile] = []
        problems: list[ChainProblem] = []
        merging = TracedMerge()
        index_of: dict[Path, int] = {here: 0}
        templates_with_controller: list[Document] = []

        order: list[int] = []

        def build(n: int, file: Path, stack: tuple[Path, ...]) -> Node | None:
            tree = merged_file(n, file, stack)
            if n not in order:
                order.append(n)  # after its own bases: the order in which files are merged
            return tree

        def merged_file(n: int, file: Path, stack: tuple[Path, ...]) -> Node | None:
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
                        f"extends '{name}': the template is outside the repository root ({root.as_posix()}); "
                        "keep templates in the repository"
                    )
                    continue
                if target in stack:
                    cycle = " -> ".join(display_name(p) for p in (*stack[stack.index(target) :], target))
                    fail(f"extends '{name}' makes a cycle: {cycle}")
                    continue
                if len(stack) > MAX_DEPTH:
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
                files.append(ChainFile(str(target), digest, str(file.parent / name)))
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
        data = plain(tree, None if own_template is True else _filler(tree, docs))
        origins: dict[str, Origin] = {}
        flatten(tree, "", origins)
        merged_doc = ChainDocument(
            path=doc.path, text=doc.text, data=data, docs=docs, origins=origins, order=order
        )
        shadows = [((docs[a[0]], a[1]), (docs[b[0]], b[1])) for a, b in merging.shadows]
        basis = ChainBasis(str(here), str(root), str(Path.cwd().resolve()), tuple(files))
        return Chain(merged_doc, [], files, shadows, templates_with_controller, basis)


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
        return (
            text.replace(PLACEHOLDER, name) if name and node.origin[0] != 0 and PLACEHOLDER in text else text
        )

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
