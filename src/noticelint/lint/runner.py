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
    from noticelint.input.paths import ChainBasis
    from noticelint.lint.cache import Cache, ChainCheck
    from noticelint.lint.engine import Linter
    from noticelint.lint.selection import Selection


_worker: Linter | None = None


def _build(config: Config, selection: Selection) -> Linter:
    from noticelint.lint.setup import build_linter

    return build_linter(config, selection)


def _init_worker(config: Config, selection: Selection) -> None:
    global _worker
    _worker = _build(config, selection)


Checked = tuple[list[Finding], "bytes | None", "ChainBasis | None"]


def _check_in_worker(target: Target) -> Checked:
    """Findings for one file; the digest of the bytes they were found in (``None`` when they must not be
    cached); and, for a statement that extends templates, the chain they were found with."""
    assert _worker is not None
    return _check(_worker, target)


def _check(linter: Linter, target: Target) -> Checked:
    from noticelint.lint.engine import Source

    result = linter.check(Source(target.display, target.path))
    # A broken chain depends on files that are missing or unreadable, which no digest describes.
    broken = any(f.code == "INP007" for f in result.findings)
    return result.findings, None if broken else result.digest, result.basis


def lint_stream(
    targets: Sequence[Target], config: Config, selection: Selection, jobs: int, cache: Cache | None
) -> Iterator[list[Finding]]:
    """The findings of each target, in the order of ``targets``, one list a target, as they come.

    Nothing is held for the whole run: an entry of the cache is checked (its HMAC) before the run and
    decoded when its turn comes; the other files are checked on the workers meanwhile. The rules are
    imported (and a broken custom rule module reported) before the first result.
    """
    keys: list[tuple[str | None, bytes | None]] = []  # cache key and the digest of the keyed bytes
    pending: list[int] = []
    chains: ChainCheck | None = None
    for index, target in enumerate(targets):
        key: str | None = None
        digest: bytes | None = None
        if cache is not None:
            if chains is None:
                from noticelint.lint.cache import ChainCheck

                chains = ChainCheck(config.max_file_size)
            try:
                raw = read_bytes(target.path, config.max_file_size)
            except LoadError:
                pass  # the linter reports it; errors of reading are never cached
            else:
                digest = cache.digest(raw)
                key = cache.key(target.display, digest)
                if cache.usable(key, target.path, chains):
                    keys.append((key, digest))
                    continue
        # The bytes are read again when the file is checked: holding thousands of files in memory while
        # the cache is consulted would cost more than reading them twice.
        keys.append((key, digest))
        pending.append(index)
    linter = _build(config, selection) if pending else None
    return _folded(_stream(targets, config, selection, jobs, cache, keys, pending, linter, chains))


def _folded(batches: Iterator[list[Finding]]) -> Iterator[list[Finding]]:
    """The batches, with the findings inherited from templates held back and reported once, folded, after
    the last file (they are few: a template's defects, the same for every statement that extends it)."""
    inherited: list[Finding] = []
    for batch in batches:
        own = [f for f in batch if "statement" not in f.extra]
        inherited += [f for f in batch if "statement" in f.extra]
        yield own
    if inherited:
        yield fold_inherited(inherited)


def _stream(
    targets: Sequence[Target],
    config: Config,
    selection: Selection,
    jobs: int,
    cache: Cache | None,
    keys: list[tuple[str | None, bytes | None]],
    pending: list[int],
    linter: Linter | None,
    chains: ChainCheck | None,
) -> Iterator[list[Finding]]:
    checked: Iterator[Checked] = iter(())
    if linter is not None:
        checked = _run(linter, selection, [targets[i] for i in pending], jobs)
    waiting = set(pending)
    for index, target in enumerate(targets):
        key, digest = keys[index]
        if index in waiting:
            findings, seen, basis = next(checked)
            # A file edited between the two reads must not have its new findings filed under its old content.
            # A chain's templates are filed by the digests of the bytes that were merged.
            if cache is not None and key is not None and seen == digest:
                cache.put(key, findings, basis)
            yield findings
            continue
        assert cache is not None and key is not None and chains is not None
        hit = cache.get(key, target.display, target.path, chains)
        if hit is None:  # the entry went away or is not what its HMAC promised: check the file here
            if linter is None:
                linter = _build(config, selection)
            hit = _check(linter, target)[0]
        yield hit


def lint(
    targets: Sequence[Target], config: Config, selection: Selection, jobs: int, cache: Cache | None
) -> list[Finding]:
    """Findings for every target, in the order of ``targets``."""
    return [f for found in lint_stream(targets, config, selection, jobs, cache) for f in found]


def _run(linter: Linter, selection: Selection, items: list[Target], jobs: int) -> Iterator[Checked]:
    """Each item's result, in order, as soon as it is there (so the cache is written while workers work)."""
    global _worker
    if not worth_spreading(len(items), jobs):
        _worker = linter
        yield from map(_check_in_worker, items)
        return
    yield from map_on_workers(_check_in_worker, items, jobs, _init_worker, (linter.config, selection))
