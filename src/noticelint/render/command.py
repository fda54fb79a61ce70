"""``noticelint render``: gate, render, then write, print or compare (``--check``).

Exit codes: 0 rendered (or up to date), 1 refused because of error findings or (``--check``) a
rendered file that is missing or out of date, 2 the tool could not do its job. Findings, messages and
"wrote" lines go to standard error, so standard output carries only the page.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from noticelint.lint.config import load_config
from noticelint.lint.findings import Finding
from noticelint.lint.parallel import default_jobs
from noticelint.render.gate import Checked, Gate
from noticelint.render.output import OutputError, default_format, destinations, stale, write
from noticelint.render.wordbook import LANGUAGES
from noticelint.render.workers import Job, check_all, render_all
from noticelint.reporters.text import render as text_report

EXIT_OK, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


def _say(message: str) -> None:
    print(f"noticelint: {message}", file=sys.stderr)


def _languages(checked: Checked, wanted: str | None) -> list[str]:
    """The languages to render; raises OutputError when the statement cannot be rendered in them."""
    assert checked.about is not None
    info = checked.about
    name = checked.target.display
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
            _say(f"{name}: no standard wording for {', '.join(skipped)}; not rendered")
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
    gate = Gate(load_config(args.config, Path.cwd()), evidence)
    targets, problems = gate.targets(args.paths)
    workers = args.jobs or default_jobs()
    checked = check_all(gate, targets, workers)
    findings: list[Finding] = [*problems, *(f for c in checked for f in c.findings)]
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

    renderable = [c for c in checked if c.about is not None and c not in refused]
    pages: list[tuple[Checked, str]] = []
    for item in renderable:
        try:
            pages.extend((item, lang) for lang in _languages(item, args.lang))
        except OutputError as exc:
            _say(f"error: {exc}")
            code = EXIT_ERROR
    if not pages:
        return code
    plan = iter(destinations([(c.about.id, lang) for c, lang in pages if c.about], output, fmt))
    grouped: list[tuple[Checked, list[str]]] = []  # a statement's pages follow each other in ``pages``
    for item, lang in pages:
        if grouped and grouped[-1][0] is item:
            grouped[-1][1].append(lang)
        else:
            grouped.append((item, [lang]))
    max_size = gate.config.max_file_size
    jobs = [Job(item, tuple(langs), fmt, args.fragment, args.draft, max_size) for item, langs in grouped]
    for job, result in zip(jobs, render_all(jobs, workers), strict=True):
        destinations_of_job = [next(plan) for _ in job.languages]
        if isinstance(result, OutputError):
            _say(f"error: {result}")
            code = EXIT_ERROR
            continue
        for text, destination in zip(result, destinations_of_job, strict=True):
            if destination.path is None:
                sys.stdout.write(text)
                sys.stdout.flush()
            elif args.check:
                why = stale(destination.path, text)
                if why:
                    _say(f"{destination.path}: {why}; re-render it with: {_rerender_command(args)}")
                    code = max(code, EXIT_REFUSED)
            else:
                write(destination.path, text)
                _say(f"wrote {destination.path}")
    return code
