"""Checking many files: the cache first, then the rest on every core, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.config import Config
from noticelint.findings import Finding
from noticelint.reading import LoadError, read_bytes
from noticelint.targets import Target

if TYPE_CHECKING:  # a run whose every file is in the cache imports neither the model nor the rules
    from noticelint.cache import Cache
    from noticelint.engine import Linter

# Below this many files to check, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 24


def build_linter(
    config: Config, select: Sequence[str], ignore: Sequence[str], extend: Sequence[str]
) -> Linter:
    from noticelint.engine import Linter, select_codes
    from noticelint.meta_rules import ALL as META
    from noticelint.rules import discover

    rules = discover(config.rules_dirs)
    known = [r.code for r in rules] + [m.code for m in META]
    per_file = [code for codes in config.per_file_ignores.values() for code in codes]
    select_codes(known, (), per_file)  # an unknown code in per-file-ignores is a configuration error
    return Linter(rules, select_codes(known, select, ignore, extend), config)


_worker: Linter | None = None


def _init_worker(config: Config, selected: set[str]) -> None:
    global _worker
    from noticelint.engine import Linter
    from noticelint.rules import discover

    _worker = Linter(discover(config.rules_dirs), selected, config)


def _check_in_worker(item: tuple[str, bytes | None, str]) -> list[Finding]:
    assert _worker is not None
    path, raw, display = item
    if raw is None:
        return _worker.check_file(Target(Path(path), display))
    return _worker.check_bytes(raw, display)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint(
    targets: Sequence[Target],
    config: Config,
    selection: tuple[Sequence[str], Sequence[str], Sequence[str]],
    jobs: int,
    cache: Cache | None,
) -> list[Finding]:
    """Findings for every target, in the order of ``targets``."""
    results: list[list[Finding] | None] = [None] * len(targets)
    pending: list[tuple[int, bytes | None, str | None]] = []
    for index, target in enumerate(targets):
        raw: bytes | None = None
        key: str | None = None
        if cache is not None:
            try:
                raw = read_bytes(target.path, config.max_file_size)
            except LoadError:
                raw = None  # the linter reports it; errors of reading are never cached
            else:
                key = cache.key(target.display, raw)
                hit = cache.get(key)
                if hit is not None:
                    results[index] = hit
                    continue
        # The bytes are read again when the file is checked: holding thousands of files in memory while
        # the cache is consulted would cost more than reading them twice.
        pending.append((index, None, key))

    if pending:
        linter = build_linter(config, *selection)
        items = [(str(targets[i].path), raw, targets[i].display) for i, raw, _ in pending]
        outputs: list[list[Finding]]
        if jobs > 1 and len(pending) >= PARALLEL_THRESHOLD:
            from concurrent.futures import ProcessPoolExecutor

            chunk = max(1, len(items) // (jobs * 8))
            with ProcessPoolExecutor(
                max_workers=jobs, initializer=_init_worker, initargs=(config, linter.selected)
            ) as pool:
                outputs = list(pool.map(_check_in_worker, items, chunksize=chunk))
        else:
            global _worker
            _worker = linter
            outputs = [_check_in_worker(item) for item in items]
        for (index, _, key), findings in zip(pending, outputs, strict=True):
            results[index] = findings
            if cache is not None and key is not None:
                cache.put(key, findings)
    return [finding for found in results for finding in found or ()]
