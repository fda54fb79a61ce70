"""Work spread over processes: how many, when it pays, and results in the order of the items."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 24


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worth_spreading(count: int, workers: int) -> bool:
    return workers > 1 and count >= PARALLEL_THRESHOLD


def map_on_workers(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Result]:
    """``function`` over ``items`` in worker processes; each result, in order, as soon as it is there."""
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks keep every core busy to the end; each costs only a message to and from a worker.
    chunk = max(1, min(16, len(items) // (workers * 16)))
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer, initargs=initargs) as pool:
        yield from pool.map(function, items, chunksize=chunk)
