"""The gate and the rendering of many statements on every core, in a stable order.

Each worker takes a file the whole way: checked as ``noticelint check`` checks it and, if it passes,
rendered in its languages from the same typed statement. The pages come back as text and the caller
writes them, so the messages and the files stay in the same order whatever the number of workers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from noticelint.lint.config import Config
from noticelint.lint.parallel import map_on_workers, worth_spreading
from noticelint.lint.targets import Target
from noticelint.render.gate import Checked, Gate, RenderRequest

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence

_gate: Gate | None = None


def _init_gate(config: Config, request: RenderRequest, evidence: Evidence | None = None) -> None:
    global _gate
    _gate = Gate(config, request, evidence)


def _check(target: Target) -> Checked:
    assert _gate is not None
    return _gate.check(target)


def check_all(gate: Gate, targets: Sequence[Target], workers: int) -> Iterator[Checked]:
    """The gate's answer for every target, in the order of ``targets``, as soon as it is there."""
    if not worth_spreading(len(targets), workers):
        yield from map(gate.check, targets)
        return
    yield from map_on_workers(_check, targets, workers, _init_gate, (gate.config, gate.request, gate.evidence))
