"""The command line: ``noticelint check|rules|explain|schema|render|import``.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 the tool could not do its job.
Heavy modules are imported inside the commands so a pre-commit run pays only for what it uses.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from noticelint import __version__

if TYPE_CHECKING:
    from noticelint.lint.config import Config
    from noticelint.lint.rules import Rule, RuleInfo
    from noticelint.reporters.report import Stream

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or configuration: reported in one line, exit 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="noticelint",
        description="Check privacy statements kept as YAML against the GDPR and Norwegian law.",
    )
    parser.add_argument("--version", action="version", version=f"noticelint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check statements (default: policy/)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: policy/)")
    check.add_argument(
        "--format",
        default=None,
        choices=("text", "json", "sarif", "github", "gitlab", "junit"),
        help="output format (default: text; github when GITHUB_ACTIONS is set)",
    )
    check.add_argument("--output", "-o", type=Path, help="write the report to FILE instead of stdout")
    check.add_argument("--select", default=None, help="comma-separated rule codes or prefixes to run")
    check.add_argument("--ignore", default=None, help="comma-separated rule codes or prefixes to skip")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that fails (default: warning)",
    )
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    check.add_argument(
        "--trace",
        action="store_true",
        help="after each finding of a statement that extends templates, the files that gave its value "
        "(text and json formats)",
    )
    check.add_argument("--config", type=Path, help="configuration file (default: nearest pyproject.toml)")
    check.add_argument("--jobs", "-j", type=int, help="worker processes (default: all cores)")
    check.add_argument("--no-cache", action="store_true", help="check every file again, ignoring the cache")
    check.add_argument("--cache-dir", type=Path, help="cache directory (default: .noticelint_cache)")
    _trust_options(check)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    rules.add_argument("--config", type=Path, help="configuration file, for custom rule directories")
    rules.add_argument(
        "--check-examples",
        action="store_true",
        help="run every rule's fails/passes examples (custom rules too); exit 1 naming each that misbehaves",
    )
    _trust_options(rules)

    explain = commands.add_parser("explain", help="explain one rule: legal reference, why, how to fix")
    explain.add_argument("code")
    explain.add_argument("--config", type=Path, help="configuration file, for custom rule directories")
    _trust_options(explain)

    schema = commands.add_parser("schema", help="print (or write) the JSON Schema of the statement format")
    schema.add_argument(
        "--output", "-o", type=Path, help="write it to FILE (e.g. schema/privacy-statement.schema.json)"
    )

    init = commands.add_parser(
        "init", help="start a repository: a statement, the schema, a pre-commit hook, editor settings"
    )
    init.add_argument("--org", default="Min virksomhet AS", help='the organisation, e.g. "Navn AS"')
    init.add_argument("--lang", default="nb", help="languages, comma-separated: nb, en or nb,en (default nb)")
    init.add_argument("--kind", default="clinic", help="clinic, shop, association or app (default clinic)")
    init.add_argument("--dir", type=Path, default=Path("."), help="the repository (default: here)")
    init.add_argument("--force", action="store_true", help="overwrite files that exist")

    value = commands.add_parser(
        "explain-value", help="which file (statement or template) gives a value, and where in it"
    )
    value.add_argument("file", metavar="FILE")
    value.add_argument("pointer", metavar="POINTER", help="JSON Pointer, e.g. /activities/0/legal_basis")
    value.add_argument("--config", type=Path, help="configuration file (default: nearest pyproject.toml)")

    render = commands.add_parser(
        "render", help="generate the privacy notice (HTML or Markdown) from statements"
    )
    render.add_argument("paths", nargs="+", metavar="FILE", help="statement files or directories")
    render.add_argument(
        "--lang",
        choices=("nb", "en", "all"),
        help="language of the notice (default: the statement's default language; all: every language it has)",
    )
    render.add_argument("--format", choices=("html", "md"), help="html (default) or md (default for -o *.md)")
    render.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="file to write, or a directory (existing, or ending in /) for <statement-id>.<lang>.<ext>",
    )
    render.add_argument("--fragment", action="store_true", help="the body only, to paste into a CMS page")
    render.add_argument(
        "--draft", action="store_true", help="render despite errors, with a banner listing them"
    )
    render.add_argument("--check", action="store_true", help="fail if the --output files are not up to date")
    render.add_argument("--config", type=Path, help="configuration file (default: nearest pyproject.toml)")
    render.add_argument("--jobs", "-j", type=int, help="processes to render with (default: all cores)")
    _trust_options(render)

    imp = commands.add_parser(
        "import", help="turn a published statement (HTML, Markdown, text) into a draft statement"
    )
    imp.add_argument("source", metavar="SOURCE", help="an HTML, Markdown or text file, or a site folder")
    imp.add_argument("--lang", choices=("nb", "nn", "en"), help="language of the text (default: detected)")
    imp.add_argument("--jurisdiction", help="country whose national rules apply, e.g. NO")
    imp.add_argument("--output", "-o", type=Path, help="the draft to write (default: standard output)")
    imp.add_argument("--force", action="store_true", help="overwrite the output if it exists")
    imp.add_argument("--id", dest="statement_id", help="statement id (default: from the file name)")
    render.add_argument(
        "--evidence",
        type=Path,
        metavar="FILE",
        help="evidence saved by `scan --save-evidence`: its findings gate too",
    )

    from noticelint.scan.arguments import add_arguments as scan_arguments

    scan = commands.add_parser("scan", help="prove a statement against what the site really does")
    scan_arguments(scan)
    _trust_options(scan)
    return parser


def _trust_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    command.add_argument(
        "--no-custom-rules",
        action="store_true",
        help="refuse to import custom rules (rules-dirs); also NOTICELINT_NO_CUSTOM_RULES=1",
    )


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else ()


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from noticelint.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write the report: {exc.strerror or exc}") from None


def cmd_check(args: argparse.Namespace) -> int:
    from noticelint.lint.config import config_from_args
    from noticelint.lint.findings import Severity
    from noticelint.lint.parallel import default_jobs
    from noticelint.lint.runner import lint_stream
    from noticelint.lint.selection import Selection
    from noticelint.lint.targets import collect_targets
    from noticelint.reporters import writer
    from noticelint.reporters.report import Stream

    config: Config = config_from_args(args)
    selection = Selection.from_command_line(config, _split(args.select), _split(args.ignore))
    fail_on = Severity.parse(args.fail_on) if args.fail_on else config.fail_on
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    jobs = args.jobs or default_jobs()

    excluded: list[str] = []
    targets, findings = collect_targets(args.paths or ["policy"], config, excluded)
    for name in excluded:
        print(
            f"noticelint: warning[excluded-statement]: {name} looks like a statement (schema_version, "
            "statement) but the configuration's exclude keeps it out, so it was not checked",
            file=sys.stderr,
        )
    cache = None
    if not args.no_cache:
        from noticelint.lint.cache import open_cache, run_key

        cache = open_cache(args.cache_dir, run_key(repr(config), selection.cache_key(), config.rules_dirs))
    batches = lint_stream(targets, config, selection, jobs, cache)

    fmt = args.format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not args.output else "text"
    )
    stream = Stream(
        files=tuple(t.display for t in targets),
        batches=batches,
        rules=_rule_infos(config) if fmt in ("sarif", "json") else {},
        fail_on=fail_on,
        tool_version=__version__,
        problems=findings,
        trace=args.trace,
    )
    if args.statistics and fmt == "text":
        from noticelint.reporters.text import write_statistics

        _stream_to(write_statistics, stream, args.output)
    else:
        _stream_to(writer(fmt), stream, args.output)
    return stream.exit_code()


def _stream_to(write: Callable[[Stream, TextIO], None], stream: Stream, output: Path | None) -> None:
    """The report, written as the findings come: to standard output, or atomically to ``output``."""
    if output is None:
        write(stream, sys.stdout)
        sys.stdout.flush()
        return
    from noticelint.atomic import open_atomic

    try:
        with open_atomic(output) as handle:
            write(stream, handle)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write the report: {exc.strerror or exc}") from None


def _rule_infos(config: Config) -> dict[str, RuleInfo]:
    """Rule documentation for reporters that embed it (SARIF) and for ``explain``."""
    from noticelint.lint.setup import rule_catalogue, rule_infos

    return rule_infos(rule_catalogue(config))


def cmd_rules(args: argparse.Namespace) -> int:
    from noticelint.lint.config import config_from_args
    from noticelint.lint.setup import rule_catalogue
    from noticelint.reporters.rule_docs import rules_listing

    config = config_from_args(args)
    rules = rule_catalogue(config)
    if args.check_examples:
        return _check_examples(config, rules)
    _write(rules_listing(rules, args.format), None)
    return EXIT_CLEAN


def _check_examples(config: Config, rules: list[Rule]) -> int:
    from noticelint.lint.examples import example_problems
    from noticelint.lint.setup import Selection, build_linter

    linter = build_linter(config, Selection(select=("ALL",)), rules)
    problems = list(example_problems(linter, rules))
    lines = [f"{problem}\n" for problem in problems]
    examples = 2 * len(rules)
    if problems:
        lines.append(f"{len(problems)} of {examples} examples do not behave\n")
    else:
        lines.append(f"all {examples} examples of {len(rules)} rules behave\n")
    _write("".join(lines), None)
    return EXIT_FINDINGS if problems else EXIT_CLEAN


def cmd_explain(args: argparse.Namespace) -> int:
    from noticelint.lint.config import config_from_args
    from noticelint.reporters.rule_docs import explain

    infos = _rule_infos(config_from_args(args))
    code = args.code.strip().upper()
    if code not in infos:
        import difflib

        close = difflib.get_close_matches(code, sorted(infos), n=1)
        raise UsageError(
            f"unknown rule code '{args.code}'" + (f"; did you mean {close[0]}?" if close else "")
        )
    _write(explain(infos[code]), None)
    return EXIT_CLEAN


def cmd_schema(args: argparse.Namespace) -> int:
    from noticelint.format.schema import schema_text

    if args.output is not None and args.output.parent != Path(""):
        args.output.parent.mkdir(parents=True, exist_ok=True)
    _write(schema_text(), args.output)
    return EXIT_CLEAN


def cmd_init(args: argparse.Namespace) -> int:
    from noticelint.starter import InitError, run

    try:
        lines = run(args.dir, args.org, _split(args.lang), args.kind.strip().lower(), args.force)
    except InitError as exc:
        raise UsageError(str(exc)) from None
    lines.append("next: noticelint check policy/   (it lists what to fill in, each at its line)")
    _write("".join(f"{line}\n" for line in lines), None)
    return EXIT_CLEAN


def cmd_explain_value(args: argparse.Namespace) -> int:
    import json

    from noticelint.format.extends import ChainDocument
    from noticelint.lint.config import load_config
    from noticelint.lint.engine import Source
    from noticelint.lint.setup import Selection, build_linter
    from noticelint.lint.targets import collect_targets

    config = load_config(args.config, Path.cwd())
    targets, problems = collect_targets([args.file], config)
    if problems or len(targets) != 1:
        raise UsageError(f"{args.file}: {problems[0].message if problems else 'give one statement file'}")
    pointer = args.pointer if args.pointer.startswith("/") or not args.pointer else "/" + args.pointer
    result = build_linter(config, Selection(select=("INP",))).check(
        Source(targets[0].display, targets[0].path)
    )
    doc = result.document
    errors = [f for f in result.findings if f.input_error]
    if doc is None or errors:
        lines = [f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {f.message}" for f in errors]
        _write("".join(f"{line}\n" for line in lines), None)
        return EXIT_ERROR
    missing = object()
    value: object = doc.data
    for token in pointer.split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict):
            value = value.get(key, missing)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            value = missing
        if value is missing:
            raise UsageError(f"{targets[0].display}: the statement has nothing at {pointer}")
    origin, source = doc.origin(pointer) if isinstance(doc, ChainDocument) else (doc, pointer)
    span = origin.key_span(source)
    shown = json.dumps(value, ensure_ascii=False, default=str)
    if len(shown) > 200:
        shown = shown[:197] + "..."
    lines = [f"{pointer or '/'} = {shown}", f"from {origin.path}:{span.line}:{span.column} ({source or '/'})"]
    if isinstance(doc, ChainDocument):
        lines.append(f"templates: {', '.join(d.path for d in doc.docs[1:])} (the statement overrides them)")
    _write("".join(f"{line}\n" for line in lines), None)
    return EXIT_CLEAN


def cmd_render(args: argparse.Namespace) -> int:
    from noticelint.render.command import run

    return run(args)


def cmd_import(args: argparse.Namespace) -> int:
    from noticelint.importer.command import run

    return run(args)


def cmd_scan(args: argparse.Namespace) -> int:
    from noticelint.scan.command import run

    return run(args)


COMMANDS = {
    "check": cmd_check,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "schema": cmd_schema,
    "init": cmd_init,
    "explain-value": cmd_explain_value,
    "render": cmd_render,
    "import": cmd_import,
    "scan": cmd_scan,
}


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up creates tens of thousands of objects that live as long as the process (models, rules,
    # patterns); with the default threshold the cycle collector scans them again and again, which costs
    # about 6% of a one-file run. Statements make few reference cycles, so collecting less often is safe.
    gc.set_threshold(100_000, 50, 100)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from noticelint.lint.config import ConfigError
    from noticelint.lint.rules import RuleDefinitionError

    try:
        return COMMANDS[args.command](args)
    except (UsageError, ConfigError, RuleDefinitionError) as exc:
        print(f"noticelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("noticelint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


def run() -> NoReturn:
    """The ``noticelint`` command: :func:`main`, then leave without tearing the interpreter down.

    Freeing every object of the models, rules and patterns one by one at exit takes longer than checking
    a file (about 30 ms of a 220 ms run); the operating system reclaims the memory at once. Everything
    noticelint writes is complete before main() returns (files are renamed into place), so only the
    standard streams need flushing. mypy leaves the same way for the same reason.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a stream already closed
        pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
