"""``noticelint scan``: collect evidence of what the site does, then check the statement against it.

Evidence comes from the site's files (``--site DIR``), a HAR file (``--har FILE --phase …``), a live visit
(``--url URL``) or a saved evidence file (``--evidence FILE``); several may be given and are checked
together. The findings are the SCN rules' (``--select`` to run others too), through the same reporters,
waivers and exit codes as ``noticelint check``; ``--save-evidence FILE`` keeps the evidence for
``noticelint render --evidence FILE``.
"""

from __future__ import annotations

import argparse
import os
import sys

from noticelint import __version__
from noticelint.format.evidence import Evidence, EvidenceError, Phase, evidence_from_json
from noticelint.lint.config import ConfigError, config_from_args
from noticelint.lint.engine import Source
from noticelint.lint.findings import Severity
from noticelint.lint.setup import Selection, build_linter, rule_catalogue, rule_infos
from noticelint.lint.targets import collect_targets
from noticelint.reporters import renderer
from noticelint.reporters.report import Report

EXIT_ERROR = 2


class ScanError(Exception):
    """The evidence could not be collected: one located line, exit 2."""


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else ()


def merge(parts: list[Evidence]) -> Evidence:
    """Several sources' evidence as one."""
    if len(parts) == 1:
        return parts[0]

    def union(values: list[object]) -> list[object]:
        return list(dict.fromkeys(values))

    return Evidence(
        site=" + ".join(p.site for p in parts),
        sources=union([s for p in parts for s in p.sources]),  # type: ignore[arg-type]
        phases=union([s for p in parts for s in p.phases]),  # type: ignore[arg-type]
        pages=union([s for p in parts for s in p.pages]),  # type: ignore[arg-type]
        requests=[r for p in parts for r in p.requests],
        cookies=[c for p in parts for c in p.cookies],
        storage=[s for p in parts for s in p.storage],
    )


def collect(args: argparse.Namespace) -> Evidence:
    parts: list[Evidence] = []
    if not (args.site or args.har or args.url or args.evidence):
        raise ScanError("give the evidence: --site DIR, --har FILE, --url URL or --evidence FILE")
    if args.pages < 1 or args.timeout <= 0:
        raise ScanError("--pages must be 1 or more and --timeout more than 0")
    if args.evidence:
        try:
            text = args.evidence.read_text(encoding="utf-8")
        except OSError as exc:
            raise ScanError(f"{args.evidence}: cannot be read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ScanError(f"{args.evidence}: not a noticelint evidence file: not UTF-8 text") from None
        try:
            parts.append(evidence_from_json(text, str(args.evidence)))
        except EvidenceError as exc:
            raise ScanError(str(exc)) from None
    if args.site:
        from noticelint.scan.site import DEFAULT_MAX_FILE_SIZE, SiteError, scan_site

        size = args.max_file_size * 1024 * 1024 if args.max_file_size else DEFAULT_MAX_FILE_SIZE
        try:
            parts.append(scan_site(args.site, size))
        except SiteError as exc:
            raise ScanError(str(exc)) from None
    if args.har:
        from noticelint.scan.har import HarError, read_har

        try:
            parts.append(read_har(args.har, Phase(args.phase)))
        except HarError as exc:
            raise ScanError(str(exc)) from None
    if args.url:
        from noticelint.scan.live import VisitError, VisitOptions, visit

        options = VisitOptions(
            url=args.url,
            pages=args.pages,
            timeout=args.timeout,
            browser=args.browser or "",
            accept=args.accept or "",
            reject=args.reject or "",
            consent_cookie=args.consent_cookie or "",
        )
        try:
            parts.append(visit(options))
        except VisitError as exc:
            raise ScanError(str(exc)) from None
    return merge(parts)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except (ScanError, ConfigError) as exc:
        print(f"noticelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    rules = rule_catalogue(config)
    # The scan runs the SCN rules (and the waiver checks) unless --select names others.
    selection = Selection(_split(args.select) or ("SCN", "WVR"), (*config.ignore, *_split(args.ignore)))
    linter = build_linter(config, selection, rules)
    targets, problems = collect_targets([args.statement], config)
    evidence = collect(args)
    if args.save_evidence:
        from noticelint.atomic import write_atomic

        try:
            write_atomic(args.save_evidence, evidence.to_json())
        except OSError as exc:
            raise ScanError(
                f"{args.save_evidence}: cannot write the evidence: {exc.strerror or exc}"
            ) from None
    findings = list(problems)
    for target in targets:
        findings.extend(linter.check(Source(target.display, target.path, evidence=evidence)).findings)
    fmt = args.format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not args.output else "text"
    )
    fail_on = Severity.parse(args.fail_on) if args.fail_on else config.fail_on
    infos = rule_infos(rules)
    report = Report(
        findings=tuple(findings),
        files=tuple(t.display for t in targets),
        rules=infos if fmt == "sarif" else {},
        fail_on=fail_on,
        tool_version=__version__,
    )
    text = renderer(fmt)(report)
    if args.output:
        from noticelint.atomic import write_atomic

        try:
            write_atomic(args.output, text)
        except OSError as exc:
            raise ScanError(f"{args.output}: cannot write the report: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return report.exit_code()
