"""Run one command and measure it: wall time, CPU time, peak memory. Standard library only.

bench/run.py does not start the measured tools itself. On Linux a child's ``ru_maxrss`` can never
be lower than the peak RSS of the process that started it (exec records the memory high-water mark
of the address space it replaces, which for a forked or vforked child is the parent's). The
benchmark's own process grows to tens of MB while it generates 10,000 statements, and every small
tool would then seem to use that much. So run.py starts this module once, as a small process of its
own (``python bench/measure.py --serve``), and asks it, one JSON line at a time, to run each command;
the floor is then this process's own few MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Sample:
    seconds: float  # wall time, time.perf_counter around the process
    cpu: float  # user + system, of the process and the children it reaped (its workers)
    rss_kb: int  # ru_maxrss from os.wait4: the largest single process of the tree, not a sum
    pss_kb: int  # the largest sampled sum of PSS over the whole process tree
    returncode: int
    calls: int = 1


def _descendants(root: int) -> list[int]:
    """``root`` and every process below it, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found


def _pss_kb(pid: int) -> int:
    """Proportional set size of one process (shared pages divided among the processes sharing them)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE_KB  # RSS where smaps_rollup is missing
    except (OSError, ValueError, IndexError):
        return 0


class _Sampler(threading.Thread):
    """The peak PSS of a process tree, sampled: every 0.1 s for the first two seconds, then every
    0.25 s; the tree itself is looked up again every fifth sample.

    Kept cheap (about 1-2 % of one core) because it shares the cores with what it measures.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak = pid, 0
        self.done = threading.Event()

    def run(self) -> None:
        tree, tick, start = [self.pid], 0, time.perf_counter()
        while not self.done.wait(0.1 if time.perf_counter() - start < 2 else 0.25):
            if tick % 5 == 1:
                tree = _descendants(self.pid)
            tick += 1
            self.peak = max(self.peak, sum(_pss_kb(pid) for pid in tree))


def run_process(argv: list[str], cwd: str, log: str) -> Sample:
    """Run one command to its end; stdout and stderr go to ``log`` (as a CI log would take them)."""
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = _Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, not by Popen
    return Sample(
        seconds=seconds,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_kb=usage.ru_maxrss,
        pss_kb=sampler.peak,
        returncode=process.returncode,
    )


class Spawner:
    """The small measuring process, seen from bench/run.py."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )

    def run(self, argv: list[str], cwd: str, log: str) -> Sample:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"argv": argv, "cwd": cwd, "log": log}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the measuring process ended unexpectedly")
        return Sample(**json.loads(answer))

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def serve() -> None:
    """Read one command per line from stdin, run it, write its Sample as one JSON line."""
    for line in sys.stdin:
        request = json.loads(line)
        sample = run_process(request["argv"], request["cwd"], request["log"])
        sys.stdout.write(json.dumps(asdict(sample)) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        sys.exit("usage: python bench/measure.py --serve  (started by bench/run.py)")
