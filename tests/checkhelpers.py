"""Helpers for the rule tests: patch the example statement, run the linter, pick findings, find lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from noticelint.lint.findings import Finding
from tests.conftest import merge, yaml_dump, yaml_load

Check = Callable[[str], list[Finding]]


def run(check: Check, base: dict[str, Any], *patches: dict[str, Any] | str | None) -> list[Finding]:
    """Findings for ``base`` with each patch (YAML text or data) merged onto it; the result must be valid."""
    data = base
    for patch in patches:
        if patch is not None:
            data = merge(data, yaml_load(patch) if isinstance(patch, str) else patch)
    findings = check(yaml_dump(data))
    assert not [f for f in findings if f.input_error], findings
    return findings


def codes(check: Check, text: str, code: str) -> list[Finding]:
    """The findings of one rule for a whole statement's text, which must be valid."""
    findings = check(text)
    assert not [f for f in findings if f.input_error], findings
    return [f for f in findings if f.code == code]


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def line_of(text: str, needle: str) -> int:
    """The line of the only line of ``text`` that contains ``needle``."""
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    return lines[0]


def intro(nb: str, en: str = "We process personal data.") -> str:
    """Replace the statement's introduction (a mapping, so both languages stay present)."""
    return yaml_dump({"statement": {"text": {"nb": nb, "en": en}}})


# A statement with no recipients, no cookies and no organisation named in the wording.
BARE = """
schema_version: 1
statement:
  id: bare
  languages: [nb]
  default_language: nb
  jurisdiction: "NO"
controller:
  id: klinikk
  legal_name: Liten Klinikk AS
  country: "NO"
  contact:
    email: post@example.no
activities:
  - id: henvendelser
    purpose: Svare på spørsmål
    legal_basis: "6(1)(f)"
"""
