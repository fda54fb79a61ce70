"""``noticelint render``: gate, render, then write, print or compare (``--check``).

Exit codes: 0 rendered (or up to date), 1 refused because of error findings or (``--check``) a
rendered file that is missing or out of date, 2 the tool could not do its job. Findings, messages and
"wrote" lines go to standard error, so standard output carries only the page.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from dataclasses import replace
from pathlib import Path

from noticelint.lint.config import config_from_args
from noticelint.lint.findings import Finding
from noticelint.lint.parallel import default_jobs
from noticelint.render.gate import Checked, Gate, RenderRequest
from noticelint.render.output import OutputError, default_format, destinations, is_directory, stale, write
from noticelint.render.workers import check_all
from noticelint.reporters.text import render as text_report

EXIT_OK, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


def _say(message: str) -> None:
    print(f"noticelint: {message}", file=sys.stderr)


def _rerender_command(args: argparse.Namespace) -> str:
    words = ["noticelint", "render", *args.paths]
    for flag, value in (
        ("--lang", args.lang),
        ("--format", args.format),
        ("--output", args.output),
        ("--config", args.config),
    ):
        if value is not None:
            words += [flag, str(value)]
    words += [flag for flag, on in (("--fragment", args.fragment), ("--draft", args.draft)) if on]
    return shlex.join(words)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except OutputError as exc:
        _say(f"error: {exc}")
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    output: str | None = str(args.output) if args.output is not None else None
    if args.check and output is None:
        raise OutputError("--check compares with the rendered file: give --output FILE or --output DIR/")
    if args.jobs is not None and args.jobs < 1:
        raise OutputError("--jobs must be 1 or more")
    fmt = args.format or default_format(output)
    request = RenderRequest(args.lang, fmt, args.fragment, args.draft)
    evidence = None
    if getattr(args, "evidence", None) is not None:
        from noticelint.format.evidence import EvidenceError, evidence_from_json

        try:
            text = Path(args.evidence).read_text(encoding="utf-8")
            evidence = evidence_from_json(text, str(args.evidence))
        except OSError as exc:
            raise OutputError(f"{args.evidence}: cannot read the evidence: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise OutputError(f"{args.evidence}: not a noticelint evidence file: not UTF-8 text") from None
        except EvidenceError as exc:
            raise OutputError(str(exc)) from None
    gate = Gate(config_from_args(args), request, evidence)
    targets, problems = gate.targets(args.paths)
    pages = _Pages(output, fmt, args)
    findings: list[Finding] = list(problems)
    checked: list[Checked] = []  # without their pages: those are written (or held) as they come
    for item in check_all(gate, targets, args.jobs or default_jobs()):
        findings.extend(item.findings)
        if item.pages:
            pages.take(item)
        checked.append(replace(item, pages=()))
    report = gate.report(findings, [t.display for t in targets])
    code = EXIT_ERROR if report.has_input_errors else EXIT_OK
    refused = [c for c in checked if c.errors and not args.draft]
    if report.has_input_errors or any(c.errors for c in checked):
        sys.stderr.write(text_report(report))
    if refused:
        code = max(code, EXIT_REFUSED)
        unreadable = [c.target.display for c in refused if c.about is None]
        gated = [c.target.display for c in refused if c.about is not None]
        if unreadable:
            _say(f"cannot render {', '.join(unreadable)}: the file is not a valid statement (see above)")
        if gated:
            _say(
                f"refused to render {', '.join(gated)}: fix the errors above, or render a draft with --draft"
            )
    for item in checked:
        if item.about is None or item in refused:
            continue
        for note in item.notes:
            _say(note)
        if item.problem is not None:
            _say(f"error: {item.problem}")
            code = EXIT_ERROR
    return max(code, pages.finish())


class _Pages:
    """Where the rendered pages go, as they arrive.

    Pages for an output directory are written (or, with ``--check``, compared) at once, so a run over
    thousands of statements does not hold their pages; the messages about them wait until the findings
    have been reported. Without a directory only one page is allowed, which is held until the end.
    """

    def __init__(self, output: str | None, fmt: str, args: argparse.Namespace) -> None:
        self.output = output
        self.fmt = fmt
        self.args = args
        self.to_directory = is_directory(output)
        self.messages: list[str] = []
        self.code = EXIT_OK
        self.failure: OutputError | None = None
        self.seen: set[Path] = set()
        self.held: list[tuple[str, str, str]] = []  # (statement id, language, page): without a directory
        self.count = 0

    def take(self, item: Checked) -> None:
        assert item.about is not None
        for lang, text in zip(item.languages, item.pages, strict=True):
            self.count += 1
            if not self.to_directory:
                if not self.held:
                    self.held.append((item.about.id, lang, text))
                continue
            if self.failure is not None:
                continue
            try:
                (destination,) = destinations([(item.about.id, lang)], self.output, self.fmt)
                if destination.path in self.seen:
                    raise OutputError(
                        "two statements have the same statement.id; their pages would overwrite each other"
                    )
                assert destination.path is not None
                self.seen.add(destination.path)
                self._deliver(destination.path, text)
            except OutputError as exc:
                self.failure = exc

    def _deliver(self, path: Path, text: str) -> None:
        if self.args.check:
            why = stale(path, text)
            if why:
                self.messages.append(f"{path}: {why}; re-render it with: {_rerender_command(self.args)}")
                self.code = max(self.code, EXIT_REFUSED)
        else:
            write(path, text)
            self.messages.append(f"wrote {path}")

    def finish(self) -> int:
        """Write what was held, say what was done; the exit code for the pages."""
        if not self.to_directory and self.count:
            sid, lang, text = self.held[0]
            destination = destinations([(sid, lang)] * self.count, self.output, self.fmt)[0]
            if destination.path is None:
                sys.stdout.write(text)
                sys.stdout.flush()
            else:
                self._deliver(destination.path, text)
        for message in self.messages:
            _say(message)
        if self.failure is not None:
            raise self.failure
        return self.code
