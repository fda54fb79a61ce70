"""Benchmark of templates: N client statements that extend two templates against the same N statements
written out whole (self-contained), checked cold, checked with a warm cache, and rendered.

The clients are the agency example's (examples/agency: base.yaml, vet-clinics.yaml): each has its own
controller, contact details, statement id and one override (a booking retention period). The
self-contained files are those same clients merged, written as plain YAML, so both sides have the same
statements and the same findings; only the way in differs.

    .venv/bin/python bench/templates.py                 # 300 clients, 3 repetitions
    .venv/bin/python bench/templates.py --count 50 --repeat 1

A script, not a test: the suite never asserts on time.
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
AGENCY = REPO / "examples" / "agency"


def client_text(n: int) -> str:
    return f"""\
schema_version: 1
extends: [../templates/base.yaml, ../templates/vet-clinics.yaml]
statement:
  id: klinikk-{n:04d}
  languages: [nb]
  default_language: nb
  jurisdiction: "NO"
  version: "1.{n % 7}"
  last_updated: 2026-10-{1 + n % 28:02d}
  scope:
    sites: [www.klinikk-{n:04d}.example]
controller:
  id: klinikk-{n:04d}
  legal_name: Dyreklinikk nr. {n} AS
  organisation_number: "9{n:08d}"
  country: "NO"
  contact:
    email: post@klinikk-{n:04d}.example
    phone: "+47 00 00 {n // 100:02d} {n % 100:02d}"
  text: >-
    Dyreklinikk nr. {n} AS er behandlingsansvarlig. Du når oss på post@klinikk-{n:04d}.example.
dpo:
  designated: false
activities:
  - id: timebestilling
    retention:
      period: P{3 + n % 3}Y
rights:
  channels: [email, phone]
  text: >-
    Du har rett til innsyn, retting, sletting og begrensning av behandlingen. Skriv til
    post@klinikk-{n:04d}.example. Vi svarer innen én måned.
"""


def build(root: Path, count: int) -> tuple[Path, Path]:
    """``root/extends`` (templates/ and clients/) and ``root/whole`` (the same statements merged)."""
    from noticelint.lint.config import Config
    from noticelint.lint.engine import Source
    from noticelint.lint.setup import Selection, build_linter

    extends = root / "extends"
    (extends / ".git").mkdir(parents=True)
    (extends / "templates").mkdir()
    (extends / "clients").mkdir()
    for name in ("base.yaml", "vet-clinics.yaml"):
        shutil.copy(AGENCY / name, extends / "templates" / name)
    whole = root / "whole" / "clients"
    whole.mkdir(parents=True)
    linter = build_linter(Config(), Selection())
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    for n in range(count):
        path = extends / "clients" / f"klinikk-{n:04d}.yaml"
        path.write_text(client_text(n), encoding="utf-8")
        result = linter.check(Source(path.name, path))
        assert result.document is not None and result.statement is not None, result.findings
        out = io.StringIO()
        yaml.dump(result.document.data, out)
        (whole / path.name).write_text(out.getvalue(), encoding="utf-8")
    return extends, root / "whole"


def timed(argv: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """The median wall time and CPU time (user + system of the process and its workers) of ``argv``.
    CPU time is the steadier of the two on a shared machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    noticelint = str(Path(sys.executable).parent / "noticelint")
    with tempfile.TemporaryDirectory(prefix="noticelint-templates-") as tmp:
        extends, whole = build(Path(tmp), args.count)
        rows = []
        for label, cwd in (("self-contained", whole), ("extends two templates", extends)):
            cache = str(Path(tmp) / f"cache-{cwd.name}")
            cold = timed([noticelint, "check", "--no-cache", "clients"], cwd, args.repeat)
            clear = [sys.executable, "-c", f"import shutil; shutil.rmtree({cache!r}, ignore_errors=True)"]
            warm_cmd = [noticelint, "check", "--cache-dir", cache, "clients"]
            subprocess.run(clear, capture_output=True, check=False)
            subprocess.run(warm_cmd, cwd=cwd, capture_output=True, check=False)
            warm = timed(warm_cmd, cwd, args.repeat)
            out = str(Path(tmp) / f"out-{cwd.name}") + "/"
            render = timed(
                [noticelint, "render", "clients", "--lang", "all", "--draft", "--output", out],
                cwd,
                args.repeat,
            )
            rows.append((label, cold, warm, render))
            findings = subprocess.run(
                [noticelint, "check", "--no-cache", "clients"], cwd=cwd, capture_output=True, text=True
            ).stdout.splitlines()[-1]
            print(f"{label}: {findings}", file=sys.stderr)
    print(f"| {args.count} statements | check, cold | check, warm cache | render (all languages) |")
    print("|---|---:|---:|---:|")
    for label, *cells in rows:
        print(f"| {label} | " + " | ".join(f"{w:.2f} s ({c:.2f} s CPU)" for w, c in cells) + " |")
    whole_row, extends_row = rows
    ratios = [
        f"{e[0] / w[0]:.2f}× ({e[1] / w[1]:.2f}× CPU)"
        for w, e in zip(whole_row[1:], extends_row[1:], strict=True)
    ]
    print("| extends / self-contained | " + " | ".join(ratios) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
