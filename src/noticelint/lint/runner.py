"""Checking many files: the cache first, then the rest on every core, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.input.reading import LoadError, read_bytes
from noticelint.lint.config import Config
from noticelint.lint.findings import Finding
from noticelint.lint.parallel import map_on_workers, worth_spreading
from noticelint.lint.targets import Target

if TYPE_CHECKING:  # a run whose every file is in the cache imports neither the model nor the rules
    from noticelint.lint.cache import Cache
    from noticelint.lint.engine import Linter


def build_linter(
    config: Config, select: Sequence[str], ignore: Sequence[str], extend: Sequence[str]
) -> Linter:
    from noticelint.lint.engine import Linter, select_codes
    from noticelint.lint.meta_rules import ALL as META
    from noticelint.lint.rules import discover

    rules = discover(config.rules_dirs)
    known = [r.code for r in rules] + [m.code for m in META]
    per_file = [code for codes in config.per_file_ignores.values() for code in codes]
    select_codes(known, (), per_file)  # an unknown code in per-file-ignores is a configuration error
    return Linter(rules, select_codes(known, select, ignore, extend), config)


_worker: Linter | None = None


def _init_worker(config: Config, selected: set[str]) -> None:
    global _worker
    from noticelint.lint.engine import Linter
    from noticelint.lint.rules import discover

    _worker = Linter(discover(config.rules_dirs), selected, config)


def _check_in_worker(item: tuple[str, str, bool]) -> tuple[list[Finding], bytes | None]:
    """Findings for one file and, if asked, the digest of the bytes they were found in."""
    assert _worker is not None
    path, display, want_digest = item
    try:
        raw = read_bytes(Path(path), _worker.config.max_file_size)
    except LoadError:
        return _worker.check_file(Target(Path(path), display)), None
    digest = None
    if want_digest:
        from noticelint.lint.cache import Cache

        digest = Cache.digest(raw)
    return _worker.check_bytes(raw, display), digest


def lint_stream(
    targets: Sequence[Target],
    config: Config,
    selection: tuple[Sequence[str], Sequence[str], Sequence[str]],
    jobs: int,
    cache: Cache | None,
) -> Iterator[list[Finding]]:
    """The findings of each target, in the order of ``targets``, one list a target, as they come.

    Nothing is held for the whole run: an entry of the cache is checked (its HMAC) before the run and
    decoded when its turn comes; the other files are checked on the workers meanwhile. The rules are
    imported (and a broken custom rule module reported) before the first result.
    """
    keys: list[tuple[str | None, bytes | None]] = []  # cache key and the digest of the keyed bytes
    pending: list[int] = []
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
                if cache.verified(key) is not None:
                    keys.append((key, digest))
                    continue
        # The bytes are read again when the file is checked: holding thousands of files in memory while
        # the cache is consulted would cost more than reading them twice.
        keys.append((key, digest))
        pending.append(index)
    linter = build_linter(config, *selection) if pending else None
    return _stream(targets, config, selection, jobs, cache, keys, pending, linter)


def _stream(
    targets: Sequence[Target],
    config: Config,
    selection: tuple[Sequence[str], Sequence[str], Sequence[str]],
    jobs: int,
    cache: Cache | None,
    keys: list[tuple[str | None, bytes | None]],
    pending: list[int],
    linter: Linter | None,
) -> Iterator[list[Finding]]:
    checked: Iterator[tuple[list[Finding], bytes | None]] = iter(())
    if linter is not None:
        items = [(str(targets[i].path), targets[i].display, keys[i][0] is not None) for i in pending]
        checked = _run(linter, items, jobs)
    waiting = set(pending)
    for index, target in enumerate(targets):
        key, digest = keys[index]
        if index in waiting:
            findings, seen = next(checked)
            # A file edited between the two reads must not have its new findings filed under its old content.
            if cache is not None and key is not None and seen == digest:
                cache.put(key, findings)
            yield findings
            continue
        assert cache is not None and key is not None
        hit = cache.get(key, target.display)
        if hit is None:  # the entry went away or is not what its HMAC promised: check the file here
            if linter is None:
                linter = build_linter(config, *selection)
            hit = linter.check_file(target)
        yield hit


def lint(
    targets: Sequence[Target],
    config: Config,
    selection: tuple[Sequence[str], Sequence[str], Sequence[str]],
    jobs: int,
    cache: Cache | None,
) -> list[Finding]:
    """Findings for every target, in the order of ``targets``."""
    return [f for found in lint_stream(targets, config, selection, jobs, cache) for f in found]


def _run(
    linter: Linter, items: list[tuple[str, str, bool]], jobs: int
) -> Iterator[tuple[list[Finding], bytes | None]]:
    """Each item's result, in order, as soon as it is there (so the cache is written while workers work)."""
    global _worker
    if not worth_spreading(len(items), jobs):
        _worker = linter
        yield from map(_check_in_worker, items)
        return
    yield from map_on_workers(_check_in_worker, items, jobs, _init_worker, (linter.config, linter.selected))
