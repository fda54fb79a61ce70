"""The publish gate: the same rules as ``noticelint check``, run by the engine, before anything is rendered.

A statement with error findings is not rendered (unless as a draft); a file that cannot be loaded is an
input error. The typed statement comes from the validated document, never from a second YAML reader.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from noticelint import __version__
from noticelint.format.model import PrivacyStatement
from noticelint.format.model.statement import StatementInfo
from noticelint.format.validation import to_model
from noticelint.input.loader import parse
from noticelint.input.reading import LoadError, read
from noticelint.lint.config import Config
from noticelint.lint.engine import Linter, select_codes
from noticelint.lint.findings import Finding, Severity
from noticelint.lint.meta_rules import ALL as META
from noticelint.lint.rules import RuleInfo, discover
from noticelint.lint.targets import Target, collect_targets
from noticelint.render.output import OutputError
from noticelint.reporters.report import Report

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence


@dataclass(frozen=True)
class Checked:
    """One statement file after the gate: its findings and, if it could be loaded, its ``statement``
    section (id, languages) and the digest of the text that was checked.

    The whole statement is not kept: a run over thousands of files would hold about 100 KB of model
    objects for each. :meth:`Gate.statement` reads it again when its notice is rendered.
    """

    target: Target
    findings: tuple[Finding, ...]
    about: StatementInfo | None
    digest: bytes = b""

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Error findings that are not waived: they keep the notice from being published."""
        return tuple(f for f in self.findings if not f.waived and f.severity >= Severity.ERROR)

    def draft_lines(self) -> list[str]:
        return [f"{f.path}:{f.span.line}: {f.code} {f.message}" for f in self.errors]


class Gate:
    """The configured rule set (``[tool.noticelint]``: select, ignore, per-file-ignores, rules-dirs)."""

    def __init__(self, config: Config, evidence: Evidence | None = None) -> None:
        self.config = config
        self.evidence = evidence  # what the site was seen to do (render --evidence): the SCN rules read it
        rules = discover(config.rules_dirs)
        known = [r.code for r in rules] + [m.code for m in META]
        selected = select_codes(known, config.select, config.ignore, config.extend_select)
        self.linter = Linter(rules, selected, config)
        self.infos: dict[str, RuleInfo] = {r.code: r.info for r in rules} | {m.code: m for m in META}

    def targets(self, paths: Sequence[str]) -> tuple[list[Target], list[Finding]]:
        return collect_targets(paths, self.config)

    def check(self, target: Target) -> Checked:
        try:
            text = read(target.path, self.config.max_file_size)
        except LoadError:
            return Checked(target, tuple(self.linter.check_file(target)), None)
        findings, statement = self.linter.check_text_typed(text, target.display, self.evidence)
        if statement is None or any(f.input_error for f in findings):
            return Checked(target, tuple(findings), None)
        return Checked(target, tuple(findings), statement.statement, _digest(text))

    def report(self, findings: Sequence[Finding], files: Sequence[str]) -> Report:
        """The findings as ``noticelint check`` reports them; errors are what fails here."""
        return Report(
            findings=tuple(findings),
            files=tuple(files),
            rules=self.infos,
            fail_on=Severity.ERROR,
            tool_version=__version__,
        )


def reload_statement(checked: Checked, max_file_size: int) -> PrivacyStatement:
    """The statement of a file that passed the gate, read again; it must not have changed since."""
    try:
        text = read(checked.target.path, max_file_size)
        if checked.about is None or _digest(text) != checked.digest:
            raise OutputError(f"{checked.target.display}: the file changed after it was checked; run again")
        return to_model(parse(text, checked.target.display))
    except LoadError as exc:
        raise OutputError(f"{checked.target.display}: cannot be read again: {exc}") from None


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
