"""Running the rules' own examples: each rule's ``fails`` fragment must make it fire, and its ``passes``
fragment must keep it quiet, once merged by id onto the complete example statement
(``policy/eksempel-dyreklinikk.yaml``, shipped in the package).

``noticelint rules --check-examples`` and the test suite both use this, for built-in and custom rules.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from noticelint.format.merge import MergeError, merge
from noticelint.lint.engine import Linter, Source
from noticelint.lint.findings import Finding
from noticelint.lint.rules import Rule

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence


@dataclass(frozen=True)
class ExampleProblem:
    """An example that does not behave: which rule, which example, and what happened."""

    code: str
    example: str  # "fails" or "passes"
    message: str

    def __str__(self) -> str:
        return f"{self.code} {self.example} example: {self.message}"


@cache
def base_statement() -> dict[str, Any]:
    """The complete example statement the fragments are merged onto."""
    text = resources.files("noticelint.format").joinpath("example_statement.yaml").read_text(encoding="utf-8")
    data = _yaml().load(text)
    assert isinstance(data, dict)
    return data


def example_document(fragment: str) -> str:
    """The YAML of the example statement with ``fragment`` merged onto it by id."""
    patch = _yaml().load(fragment) if fragment.strip() else {}
    if not isinstance(patch, dict):
        raise MergeError("an example must be a YAML mapping")
    stream = io.StringIO()
    _yaml().dump(merge(base_statement(), patch), stream)
    return stream.getvalue()


def example_findings(linter: Linter, rule: Rule, example: str) -> list[Finding]:
    """The findings of one of ``rule``'s examples (``"fails"`` or ``"passes"``), with the evidence of what
    the site does where the example has some (the SCN rules')."""
    info = rule.info
    fragment, evidence = (
        (info.fails, info.evidence_fails) if example == "fails" else (info.passes, info.evidence_passes)
    )
    source = Source(
        f"{rule.code} {example} example", data=example_document(fragment), evidence=_evidence(evidence)
    )
    return linter.check(source).findings


def _evidence(text: str) -> Evidence | None:
    """The evidence an example is checked with: YAML of the evidence model."""
    if not text.strip():
        return None
    from noticelint.format.evidence import evidence_from_data

    return evidence_from_data(_yaml().load(text), "example evidence")


def example_problems(linter: Linter, rules: Sequence[Rule]) -> Iterator[ExampleProblem]:
    """Every example of ``rules`` that does not behave."""
    for rule in rules:
        for example, fragment in (("fails", rule.info.fails), ("passes", rule.info.passes)):
            if not fragment:
                yield ExampleProblem(rule.code, example, "missing")
                continue
            try:
                findings = example_findings(linter, rule, example)
            except Exception as exc:  # a fragment that is not YAML, or cannot be merged
                yield ExampleProblem(rule.code, example, f"cannot be applied: {exc}")
                continue
            broken = [f for f in findings if f.input_error]
            fired = any(f.code == rule.code for f in findings)
            if broken:
                yield ExampleProblem(rule.code, example, f"is not a valid statement: {broken[0].message}")
            elif example == "fails" and not fired:
                yield ExampleProblem(rule.code, example, f"does not make {rule.code} fire")
            elif example == "passes" and fired:
                yield ExampleProblem(rule.code, example, f"makes {rule.code} fire")


@cache
def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    return yaml
