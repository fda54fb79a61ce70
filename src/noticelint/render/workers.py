"""The gate and the rendering of many statements on every core, in a stable order.

The gate checks each file as ``noticelint check`` does, in worker processes. Each statement that passed
is then read again (the gate kept only its digest), checked to be the text that passed the gate, and
rendered in its languages; the pages come back as text and the caller writes them, so the messages and
the files stay in the same order whatever the number of workers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from noticelint.lint.config import Config
from noticelint.lint.parallel import map_on_workers, worth_spreading
from noticelint.lint.targets import Target
from noticelint.render import render_notice
from noticelint.render.gate import Checked, Gate, reload_statement
from noticelint.render.output import OutputError

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence


@dataclass(frozen=True)
class Job:
    """One statement to render: the file as the gate saw it, and how to render it."""

    checked: Checked
    languages: tuple[str, ...]
    fmt: str
    fragment: bool
    draft: bool
    max_file_size: int


def render_statement(job: Job) -> list[str] | OutputError:
    """The pages of one statement, one per language, or why it cannot be rendered."""
    try:
        statement = reload_statement(job.checked, job.max_file_size)
    except OutputError as exc:
        return exc
    errors = job.checked.draft_lines() if job.draft else None
    return [
        render_notice(statement, lang, job.fmt, fragment=job.fragment, draft_errors=errors)
        for lang in job.languages
    ]


def render_all(jobs: Sequence[Job], workers: int) -> Iterator[list[str] | OutputError]:
    """Each job's result, in the order of ``jobs``, as soon as it is there."""
    if not worth_spreading(len(jobs), workers):
        yield from map(render_statement, jobs)
        return
    yield from map_on_workers(render_statement, jobs, workers)


_gate: Gate | None = None


def _init_gate(config: Config, evidence: Evidence | None = None) -> None:
    global _gate
    _gate = Gate(config, evidence)


def _check(target: Target) -> Checked:
    assert _gate is not None
    return _gate.check(target)


def check_all(gate: Gate, targets: Sequence[Target], workers: int) -> list[Checked]:
    """The gate's answer for every target, in the order of ``targets``."""
    if not worth_spreading(len(targets), workers):
        return [gate.check(target) for target in targets]
    return list(map_on_workers(_check, targets, workers, _init_gate, (gate.config, gate.evidence)))
