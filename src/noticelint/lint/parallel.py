"""Work spread over processes: how many, when it pays, and results in the order of the items."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 24
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worth_spreading(count: int, workers: int) -> bool:
    return workers > 1 and count >= PARALLEL_THRESHOLD


def _end_with_parent(parent: int) -> None:
    """Make this worker end when the process that started it dies, even by SIGKILL (Linux: the kernel
    sends SIGKILL on the parent's death); and end now if it died before this could be set up."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the executor notices a dead parent on its own
        pass
    if os.getppid() != parent:
        os._exit(1)


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    _end_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def map_on_workers(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Result]:
    """``function`` over ``items`` in worker processes; each result, in order, as soon as it is there.

    The workers end with this process, however it ends. If the caller stops reading (an error while the
    report is written), the work not yet started is cancelled instead of waited for.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks keep every core busy to the end; each costs only a message to and from a worker.
    chunk = max(1, min(16, len(items) // (workers * 16)))
    # Forked workers are children of this process, so that the death signal follows this process.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), initializer, initargs),
    )
    try:
        yield from pool.map(function, items, chunksize=chunk)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
