"""The publish gate: a statement takes the one road of ``noticelint check`` and, if it passes (or a draft
is asked for), is rendered from the typed statement that road built, in the same pass. A file is read and
parsed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from noticelint import __version__
from noticelint.format.model import PrivacyStatement
from noticelint.format.model.statement import StatementInfo
from noticelint.lint.config import Config
from noticelint.lint.engine import Source
from noticelint.lint.findings import Finding, Severity, fold_inherited
from noticelint.lint.setup import Selection, build_linter, rule_catalogue, rule_infos
from noticelint.lint.targets import Target, collect_targets
from noticelint.render.output import OutputError
from noticelint.render.wordbook import LANGUAGES
from noticelint.reporters.report import Report

if TYPE_CHECKING:
    from noticelint.format.evidence import Evidence


@dataclass(frozen=True)
class RenderRequest:
    """How every statement of a run is rendered: ``--lang``, ``--format``, ``--fragment``, ``--draft``."""

    lang: str | None
    fmt: str
    fragment: bool
    draft: bool


@dataclass(frozen=True)
class Checked:
    """One statement file after the gate: its findings, its ``statement`` section (id, languages) if it
    could be loaded, and its rendered pages (one per language in ``languages``) if it was rendered.

    ``notes`` are messages about languages that were skipped; ``problem`` says why a loaded statement
    could not be rendered. The whole statement is not kept: a run over thousands of files would hold
    about 100 KB of model objects for each.
    """

    target: Target
    findings: tuple[Finding, ...]
    about: StatementInfo | None
    languages: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    problem: OutputError | None = field(default=None, compare=False)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Error findings that are not waived: they keep the notice from being published."""
        return tuple(f for f in self.findings if f.fails(Severity.ERROR))

    def draft_lines(self) -> list[str]:
        return [f"{f.path}:{f.span.line}: {f.code} {f.message}" for f in self.errors]


class Gate:
    """The configured rule set (``[tool.noticelint]``: select, ignore, per-file-ignores, rules-dirs) and
    how to render what passes."""

    def __init__(self, config: Config, request: RenderRequest, evidence: Evidence | None = None) -> None:
        self.config = config
        self.request = request
        self.evidence = evidence  # what the site was seen to do (render --evidence): the SCN rules read it
        rules = rule_catalogue(config)
        self.linter = build_linter(config, Selection.from_config(config), rules)
        self.infos = rule_infos(rules)

    def targets(self, paths: Sequence[str]) -> tuple[list[Target], list[Finding]]:
        return collect_targets(paths, self.config)

    def check(self, target: Target) -> Checked:
        result = self.linter.check(Source(target.display, target.path, evidence=self.evidence))
        findings = tuple(result.findings)
        if not result.loaded or result.statement is None:
            return Checked(target, findings, None)
        statement = result.statement
        if statement.template:  # its placeholders are filled only in the statements that extend it
            note = f"{target.display}: a template is not rendered; render the statements that extend it"
            return Checked(target, findings, statement.statement, notes=(note,))
        checked = Checked(target, findings, statement.statement)
        if checked.errors and not self.request.draft:
            return checked
        notes: list[str] = []
        try:
            languages = _languages(statement.statement, target.display, self.request.lang, notes)
        except OutputError as exc:
            return Checked(target, findings, statement.statement, notes=tuple(notes), problem=exc)
        pages = _render(statement, languages, self.request, checked)
        return Checked(target, findings, statement.statement, tuple(languages), pages, tuple(notes))

    def report(self, findings: Sequence[Finding], files: Sequence[str]) -> Report:
        """The findings as ``noticelint check`` reports them (a template's defect once, naming the
        statements it affects); errors are what fails here."""
        return Report(
            findings=tuple(fold_inherited(findings)),
            files=tuple(files),
            rules=self.infos,
            fail_on=Severity.ERROR,
            tool_version=__version__,
        )


def _render(
    statement: PrivacyStatement, languages: Sequence[str], request: RenderRequest, checked: Checked
) -> tuple[str, ...]:
    from noticelint.render import render_notice

    errors = checked.draft_lines() if request.draft else None
    return tuple(
        render_notice(statement, lang, request.fmt, fragment=request.fragment, draft_errors=errors)
        for lang in languages
    )


def _languages(info: StatementInfo, name: str, wanted: str | None, notes: list[str]) -> list[str]:
    """The languages to render; raises OutputError when the statement cannot be rendered in them."""
    if wanted is None:
        if info.default_language not in LANGUAGES:
            raise OutputError(
                f"{name}: no standard wording for the default language '{info.default_language}'; "
                f"choose --lang {' or '.join(LANGUAGES)}"
            )
        return [info.default_language]
    if wanted == "all":
        chosen = [lang for lang in info.languages if lang in LANGUAGES]
        skipped = [lang for lang in info.languages if lang not in LANGUAGES]
        if skipped:
            notes.append(f"{name}: no standard wording for {', '.join(skipped)}; not rendered")
        if not chosen:
            languages = ", ".join(info.languages)
            raise OutputError(f"{name}: none of the statement's languages ({languages}) can be rendered")
        return chosen
    if wanted not in info.languages:
        raise OutputError(
            f"{name}: the statement is not published in '{wanted}' (statement.languages: "
            f"{', '.join(info.languages)}); add the language and its wording first"
        )
    return [wanted]
