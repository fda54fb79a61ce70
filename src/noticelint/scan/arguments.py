"""The options of ``noticelint scan``; kept apart from the command so the CLI's start-up imports nothing heavy."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(scan: argparse.ArgumentParser) -> None:
    scan.add_argument("statement", metavar="STATEMENT", help="the statement (YAML) to prove against the site")
    source = scan.add_argument_group("evidence (one or more)")
    source.add_argument("--site", type=Path, metavar="DIR", help="the site's source or build folder")
    source.add_argument("--har", type=Path, metavar="FILE", help="a HAR file recorded in a browser")
    source.add_argument(
        "--phase",
        choices=("before-consent", "accepted", "rejected"),
        default="before-consent",
        help="the consent phase the HAR was recorded in (default: before-consent)",
    )
    source.add_argument("--url", metavar="URL", help="visit the site with Chromium, starting here")
    source.add_argument("--evidence", type=Path, metavar="FILE", help="evidence saved by --save-evidence")
    visit = scan.add_argument_group("live visit")
    visit.add_argument("--pages", type=int, default=10, help="pages to visit on the site (default: 10)")
    visit.add_argument(
        "--timeout", type=float, default=60.0, help="seconds for the whole visit (default: 60)"
    )
    visit.add_argument("--accept", metavar="SELECTOR", help="the banner's accept button (CSS selector)")
    visit.add_argument("--reject", metavar="SELECTOR", help="the banner's reject button (CSS selector)")
    visit.add_argument("--consent-cookie", metavar="NAME=VALUE", help="a consent cookie to preset (accepted)")
    visit.add_argument(
        "--browser",
        metavar="PATH",
        help="Chromium to drive (default: $NOTICELINT_BROWSER or /usr/bin/chromium)",
    )
    scan.add_argument("--save-evidence", type=Path, metavar="FILE", help="write the evidence as JSON")
    scan.add_argument(
        "--format", choices=("text", "json", "sarif", "github", "gitlab", "junit"), help="output format"
    )
    scan.add_argument("--output", "-o", type=Path, help="write the report to FILE instead of stdout")
    scan.add_argument("--select", help="rule codes or prefixes to run (default: SCN)")
    scan.add_argument("--ignore", help="rule codes or prefixes to skip")
    scan.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails")
    scan.add_argument("--config", type=Path, help="configuration file (default: nearest pyproject.toml)")
    scan.add_argument("--max-file-size", type=int, help="largest site file to read, in MB (default: 10)")
