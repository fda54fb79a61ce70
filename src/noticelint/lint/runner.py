"""Checking many files: the cache first, then the rest on every core, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from noticelint.input.reading import LoadError, read_bytes
from noticelint.lint.config import Config
from noticelint.lint.findings import Finding, fold_inherited
from noticelint.lint.parallel import map_on_workers, worth_spreading
from noticelint.lint.targets import Target

if TYPE_CHECKING:  # a run whose every file is in the cache imports neither the model nor the rules
    from noticelint.lint.cache import Cache
    from noticelint.lint.engine import Linter
    from noticelint.lint.setup import Selection


_worker: Linter | None = None


def _init_worker(config: Config, selection: Selection) -> None:
    global _worker
    from noticelint.lint.setup import build_linter

    _worker = build_linter(config, selection)


Checked = tuple[list[Finding], bytes | None, tuple[tuple[str, bytes], ...]]


def _check_in_worker(target: Target) -> Checked:
    """Findings for one file, the digest of the bytes they were found in, and the templates it extends."""
    from noticelint.lint.engine import Source

    assert _worker is not None
    result = _worker.check(Source(target.display, target.path))
    return result.findings, result.digest, result.chain


def lint(
    targets: Sequence[Target], config: Config, selection: Selection, jobs: int, cache: Cache | None
) -> list[Finding]:
    """Findings for every target, in the order of ``targets``."""
    results: list[list[Finding] | None] = [None] * len(targets)
    pending: list[tuple[int, str | None, bytes | None]] = []  # index, cache key, digest of the keyed bytes
    for index, target in enumerate(targets):
        key: str | None = None
        digest: bytes | None = None
        if cache is not None:
            try:
                raw = read_bytes(target.path, config.max_file_size)
            except LoadError:
                pass  # the linter reports it; errors of reading are never cached
            else:
                digest = cache.digest(raw)
                key = cache.key(target.display, digest)
                hit = cache.get(key)
                if hit is not None:
                    results[index] = hit
                    continue
        # The bytes are read again when the file is checked: holding thousands of files in memory while
        # the cache is consulted would cost more than reading them twice.
        pending.append((index, key, digest))
    if not pending:
        return _flatten(results)

    from noticelint.lint.setup import build_linter

    linter = build_linter(config, selection)
    items = [targets[i] for i, _, _ in pending]
    for (index, key, digest), (findings, checked, chain) in zip(
        pending, _run(linter, selection, items, jobs), strict=True
    ):
        results[index] = findings
        # A file edited between the two reads must not have its new findings filed under its old content.
        # A broken chain (a template missing or unreadable) is not cached: it is mended outside this file.
        if cache is not None and key is not None and checked == digest and not _broken_chain(findings):
            cache.put(key, findings, chain)
    return _flatten(results)


def _run(linter: Linter, selection: Selection, items: list[Target], jobs: int) -> Iterator[Checked]:
    """Each item's result, in order, as soon as it is there (so the cache is written while workers work)."""
    global _worker
    if not worth_spreading(len(items), jobs):
        _worker = linter
        yield from map(_check_in_worker, items)
        return
    yield from map_on_workers(_check_in_worker, items, jobs, _init_worker, (linter.config, selection))


def _broken_chain(findings: list[Finding]) -> bool:
    return any(f.code == "INP007" for f in findings)


def _flatten(results: list[list[Finding] | None]) -> list[Finding]:
    return fold_inherited(finding for found in results for finding in found or ())
