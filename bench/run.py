"""Benchmark noticelint against its peers on the same generated statements, in one run.

    .venv/bin/python bench/run.py                 # 1, 100, 1,000 and 10,000 files; writes bench/results.*
    .venv/bin/python bench/run.py --smoke         # 1 and 20 files, one repetition, no plot (a CI step)
    .venv/bin/python bench/run.py --sizes 1,100 --repeat 5 --out /tmp/bench

Every tool runs as a whole process, as a pre-commit hook or a CI step runs it, started by a small
measuring process (bench/measure.py): wall time with time.perf_counter around the process, CPU time
and ru_maxrss from os.wait4 (the largest single process, including reaped worker processes), and
the peak proportional set size (PSS) of the whole process tree, sampled from /proc, which is what
several worker processes occupy together. Medians over the repetitions for time, the maximum for
memory. See bench/README.md for what is measured and why.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (the generator lives beside this script)
from measure import Sample, Spawner  # noqa: E402

SCHEMA = ROOT / "schema" / "privacy-statement.schema.json"

# The floor: read and compose every file with the YAML library noticelint uses, the way its loader
# does (ruamel.yaml, typ="safe", which composes through libyaml in ruamel.yaml.clib when installed).
PARSE_ONLY = r"""
import sys
from pathlib import Path
from ruamel.yaml import YAML

files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".yaml", ".yml"))
for path in files:
    text = path.read_bytes().decode("utf-8")
    documents = YAML(typ="safe").compose_all(text)
    root = next(documents, None)
    assert root is not None and next(documents, None) is None
print(f"composed {len(files)} files")
"""

# Which modules `noticelint check` loads: the render command's (Jinja2) must not be among them.
IMPORTS_OF_CHECK = r"""
import sys
from noticelint.cli import main
main(["check", "--no-cache", sys.argv[1]])
sys.stderr.write("\n".join(sorted(sys.modules)) + "\n")
"""


# --------------------------------------------------------------------------------------------------
# Running one process and measuring it


def run_batches(spawner: Spawner, argvs: list[list[str]], cwd: Path, log: Path) -> Sample:
    """Several command lines one after the other (files split to fit the command line), as one sample."""
    samples = [spawner.run(argv, str(cwd), str(log.with_suffix(f".{i}.log"))) for i, argv in enumerate(argvs)]
    return Sample(
        seconds=sum(s.seconds for s in samples),
        cpu=sum(s.cpu for s in samples),
        rss_kb=max(s.rss_kb for s in samples),
        pss_kb=max(s.pss_kb for s in samples),
        returncode=max(s.returncode for s in samples),
        calls=len(samples),
    )


def batches(prefix: list[str], files: list[str], env: dict[str, str]) -> list[list[str]]:
    """Split ``files`` over command lines that fit in ARG_MAX (arguments and environment together)."""
    limit = os.sysconf("SC_ARG_MAX") - sum(len(k) + len(v) + 2 + 8 for k, v in env.items()) - 65536

    def cost(words: list[str]) -> int:
        return sum(len(w.encode()) + 1 + 8 for w in words)

    result: list[list[str]] = []
    current, used = list(prefix), cost(prefix)
    for name in files:
        if used + cost([name]) > limit and len(current) > len(prefix):
            result.append(current)
            current, used = list(prefix), cost(prefix)
        current.append(name)
        used += cost([name])
    result.append(current)
    return result


# --------------------------------------------------------------------------------------------------
# The tools


@dataclass
class Tool:
    key: str
    label: str
    ok_codes: tuple[int, ...]
    command: Callable[[Path], list[list[str]]]  # size directory -> command lines
    before: Callable[[Path], None] = lambda _: None  # untimed preparation in the size directory
    note: str = ""


@dataclass
class Result:
    samples: list[Sample] = field(default_factory=list)
    skipped: str = ""
    failed: str = ""

    def median(self) -> float | None:
        return statistics.median(s.seconds for s in self.samples) if self.samples else None

    def cpu(self) -> float | None:
        return statistics.median(s.cpu for s in self.samples) if self.samples else None


def _bin(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _clear(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def make_tools(env: dict[str, str]) -> tuple[list[Tool], list[str]]:
    noticelint, cjs, yamllint = _bin("noticelint"), _bin("check-jsonschema"), _bin("yamllint")
    missing = [
        n for n, b in (("noticelint", noticelint), ("check-jsonschema", cjs), ("yamllint", yamllint)) if not b
    ]
    python = str(Path(noticelint).parent / "python") if noticelint else sys.executable
    tools: list[Tool] = []
    if noticelint:
        nl = [noticelint, "check"]
        tools += [
            Tool(
                "nl_first",
                "noticelint check --no-cache (all rules, all cores)",
                (0, 1),
                lambda d: [[*nl, "--no-cache", "statements"]],
            ),
            Tool(
                "nl_jobs1",
                "noticelint check --no-cache --jobs 1",
                (0, 1),
                lambda d: [[*nl, "--no-cache", "--jobs", "1", "statements"]],
            ),
            Tool(
                "nl_cold",
                "noticelint check, empty cache (writes it)",
                (0, 1),
                lambda d: [[*nl, "--cache-dir", str(d / "cache"), "statements"]],
                before=lambda d: _clear(d / "cache"),
            ),
            Tool(
                "nl_warm",
                "noticelint check, second run (warm cache)",
                (0, 1),
                lambda d: [[*nl, "--cache-dir", str(d / "cache"), "statements"]],
            ),
        ]
    if cjs:
        tools.append(
            Tool(
                "cjs",
                "check-jsonschema --schemafile (schema only)",
                (0, 1),
                lambda d: batches(
                    [cjs, "--schemafile", str(SCHEMA)],
                    sorted(f"statements/{p.name}" for p in (d / "statements").iterdir()),
                    env,
                ),
                note="files given as arguments, split into command lines that fit ARG_MAX",
            )
        )
    if yamllint:
        tools.append(
            Tool(
                "yamllint",
                "yamllint -d relaxed (syntax only)",
                (0, 1),
                lambda d: [[yamllint, "-d", "relaxed", "statements"]],
            )
        )
    tools.append(
        Tool(
            "parse",
            "parse only: ruamel.yaml safe (libyaml) compose",
            (0,),
            lambda d: [[python, "-c", PARSE_ONLY, "statements"]],
        )
    )
    if noticelint and _has_render(noticelint, env):
        tools.append(
            Tool(
                "render",
                "noticelint render --lang all --draft (HTML)",
                (0, 1),
                lambda d: [
                    [
                        noticelint,
                        "render",
                        "statements",
                        "--lang",
                        "all",
                        "--draft",
                        "--output",
                        str(d / "rendered") + "/",
                    ]
                ],
                before=lambda d: _clear(d / "rendered"),
            )
        )
    return tools, missing


def _has_render(noticelint: str, env: dict[str, str]) -> bool:
    done = subprocess.run([noticelint, "render", "--help"], env=env, capture_output=True, check=False)
    return done.returncode == 0


# --------------------------------------------------------------------------------------------------
# The run


def child_env(work: Path) -> dict[str, str]:
    """The environment of every measured process: the same for all tools.

    Byte-code caching is on, into a private directory (PYTHONPYCACHEPREFIX), as it is on a
    developer's machine: without it every Python tool pays for compiling its modules on each run.
    """
    env = dict(os.environ)
    for name in (
        "PYTHONDONTWRITEBYTECODE",
        "NOTICELINT_CACHE_DIR",
        "GITHUB_ACTIONS",
        "PYTHONPROFILEIMPORTTIME",
    ):
        env.pop(name, None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def prepare(work: Path, sizes: list[int], seed: int) -> tuple[dict[int, Path], dict[int, int]]:
    """The statements, generated once; each size's directory holds links to the first N of them."""
    pool = work / "pool"
    written = generate.generate(pool, max(sizes), seed)
    directories: dict[int, Path] = {}
    for n in sizes:
        target = work / f"n{n}" / "statements"
        target.mkdir(parents=True)
        for path, _ in written[:n]:
            try:
                os.link(path, target / path.name)
            except OSError:
                shutil.copy2(path, target / path.name)
        directories[n] = target.parent
    defects = {n: sum(1 for _, found in written[:n] if found) for n in sizes}
    return directories, defects


def _last_line(log: Path) -> str:
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return lines[-1] if lines else ""


def measure(args: argparse.Namespace) -> dict[str, object]:
    sizes = sorted(set(args.sizes))
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="noticelint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = child_env(work)
    spawner = Spawner(env)  # started while this process is still small: see bench/measure.py
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    print(f"work directory: {work}", flush=True)
    started = time.perf_counter()
    directories, defects = prepare(work, sizes, args.seed)
    print(
        f"generated {max(sizes)} statements ({defects} with defects) in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )

    tools, missing = make_tools(env)
    keys = [t.key for t in tools]
    results: dict[tuple[str, int], Result] = {(t.key, n): Result() for t in tools for n in sizes}
    summaries: dict[tuple[str, int], str] = {}
    same_output: dict[int, dict[str, bool]] = {}
    load = {"start": os.getloadavg()}
    misses: dict[int, int] = {}
    source_before = source_digest()

    # Untimed warm-up on the smallest set: byte code compiled, files in the page cache.
    smallest = directories[sizes[0]]
    for tool in tools:
        tool.before(smallest)
        for argv in tool.command(smallest):
            subprocess.run(argv, cwd=smallest, env=env, capture_output=True, check=False)

    previous: int | None = None
    for n in sizes:
        directory = directories[n]
        repeat = args.repeat or (3 if n <= 1000 else 1)
        for tool in tools:
            result = results[(tool.key, n)]
            base = "nl_cold" if tool.key == "nl_warm" else tool.key
            if previous is not None and tool.key != "nl_first":  # the subject itself is always measured
                earlier = results[(base, previous)].median()
                if earlier is not None and earlier * n / previous > args.max_seconds:
                    result.skipped = f"skipped: projected {earlier * n / previous:.0f} s > --max-seconds"
        for rep in range(repeat):
            for tool in tools:
                result = results[(tool.key, n)]
                if result.skipped or result.failed:
                    continue
                if tool.key == "nl_warm" and (
                    results[("nl_cold", n)].failed or results[("nl_cold", n)].skipped
                ):
                    result.skipped = "skipped: needs the cold-cache run"
                    continue
                tool.before(directory)
                log = logs / f"{tool.key}-{n}-{rep}.log"
                entries = _cache_entries(directory)
                sample = run_batches(spawner, tool.command(directory), directory, log)
                for _ in range(2):
                    # A warm run that writes entries missed the cache: the source changed after the
                    # warm-up (others edit it while we measure). Now the cache is warm: measure again.
                    if tool.key != "nl_warm" or _cache_entries(directory) == entries:
                        break
                    misses[n] = misses.get(n, 0) + 1
                    print(f"  {tool.key:9} N={n:<6} missed the cache (source changed?); again", flush=True)
                    entries = _cache_entries(directory)
                    sample = run_batches(spawner, tool.command(directory), directory, log)
                if sample.returncode not in tool.ok_codes:
                    result.failed = f"exit code {sample.returncode}; see {log}"
                    print(f"  {tool.key:9} N={n:<6} FAILED ({result.failed})", flush=True)
                    continue
                result.samples.append(sample)
                if rep == 0:
                    logged = sorted(logs.glob(f"{tool.key}-{n}-{rep}.*log"))
                    summaries[(tool.key, n)] = _last_line(logged[-1]) if logged else ""
                print(
                    f"  {tool.key:9} N={n:<6} run {rep + 1}/{repeat}: {sample.seconds:8.2f} s wall, "
                    f"{sample.cpu:8.2f} s CPU, {sample.pss_kb / 1024:6.0f} MB PSS (tree), "
                    f"{sample.rss_kb / 1024:6.0f} MB RSS (largest), exit {sample.returncode}",
                    flush=True,
                )
        same_output[n] = _compare_outputs(logs, n)
        load[f"after N={n}"] = os.getloadavg()
        previous = n
    spawner.close()

    return {
        "work": work,
        "sizes": sizes,
        "tools": tools,
        "keys": keys,
        "missing": missing,
        "results": results,
        "summaries": summaries,
        "same_output": same_output,
        "load": load,
        "imports": _imports_of_check(env, directories[sizes[0]]),
        "elapsed": time.perf_counter() - started,
        "seed": args.seed,
        "finished": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "source": source_state()
        + (
            "; the source changed during the run (others were editing it)"
            if source_digest() != source_before
            else "; unchanged during the run"
        ),
        "cache_misses": {str(n): v for n, v in misses.items()},
        "defects": defects,
    }


def _compare_outputs(logs: Path, n: int) -> dict[str, bool]:
    """Whether the noticelint runs of the first repetition printed exactly the same report."""
    texts = {}
    for key in ("nl_first", "nl_jobs1", "nl_cold", "nl_warm"):
        log = logs / f"{key}-{n}-0.0.log"
        if log.exists():
            texts[key] = log.read_bytes()
    out: dict[str, bool] = {}
    if "nl_first" in texts:
        for key in ("nl_jobs1", "nl_cold", "nl_warm"):
            if key in texts:
                out[key] = texts[key] == texts["nl_first"]
    return out


def _imports_of_check(env: dict[str, str], directory: Path) -> dict[str, object]:
    noticelint = _bin("noticelint")
    if not noticelint:
        return {}
    python = str(Path(noticelint).parent / "python")
    first = sorted((directory / "statements").iterdir())[0]
    done = subprocess.run(
        [python, "-c", IMPORTS_OF_CHECK, str(first)],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    modules = [m for m in done.stderr.splitlines() if m and " " not in m]
    render_only = [
        m for m in modules if m.split(".")[0] in ("jinja2", "markupsafe") or m.startswith("noticelint.render")
    ]
    heavy = sorted(
        {m.split(".")[0] for m in modules}
        & {"pydantic", "pydantic_core", "jsonschema", "ruamel", "referencing", "rpds", "jinja2", "markupsafe"}
    )
    return {"count": len(modules), "render_only": render_only, "heavy": heavy}


# --------------------------------------------------------------------------------------------------
# Reporting


def _fmt_seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _fmt_pss(kb: int) -> str:
    return f"{kb / 1024:.0f}" if kb else "– (too short to sample)"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b not in (None, 0) else None


def _fmt_ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def machine() -> list[str]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    cpu = f"; {model}" if model else ""
    system = f"{platform.system()} {platform.release()}"
    return [
        f"- cores: **{os.cpu_count()}** (os.cpu_count(); {usable} usable by this process){cpu}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), {system}",
    ]


def _cache_entries(directory: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(directory / "cache"))


def source_digest() -> str:
    """A hash of noticelint's code and rules, to see whether they changed while we measured."""
    digest = hashlib.sha256()
    for folder in (ROOT / "src" / "noticelint", ROOT / "checks"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv", ".json", ".yaml"):
                digest.update(path.as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def source_state() -> str:
    """The commit measured, and whether the working tree differed from it (read-only git calls)."""

    def git(*words: str) -> str:
        done = subprocess.run(["git", *words], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "source: not a git checkout"
    changed = git("status", "--porcelain", "--", "src", "checks")
    return f"source: commit {commit}" + (" with uncommitted changes in src/ or checks/" if changed else "")


def versions(env: dict[str, str]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in (
        "noticelint",
        "check-jsonschema",
        "yamllint",
        "ruamel.yaml",
        "ruamel.yaml.clib",
        "pydantic",
        "jsonschema",
    ):
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} (not installed)")
    return ", ".join(parts)


def targets(data: dict[str, object]) -> list[tuple[str, str, str]]:
    """(target, measured, verdict) for each target of the issue."""
    results: dict[tuple[str, int], Result] = data["results"]  # type: ignore[assignment]
    sizes: list[int] = data["sizes"]  # type: ignore[assignment]
    same: dict[int, dict[str, bool]] = data["same_output"]  # type: ignore[assignment]
    imports: dict[str, object] = data["imports"]  # type: ignore[assignment]

    def t(key: str, n: int) -> float | None:
        result = results.get((key, n))
        return result.median() if result else None

    def verdict(ok: bool | None) -> str:
        return "not measured" if ok is None else ("**met**" if ok else "**not met**")

    rows: list[tuple[str, str, str]] = []
    if 1 in sizes:
        nl, cjs = t("nl_first", 1), t("cjs", 1)
        rows.append(
            (
                "1 file: noticelint's whole process no slower than check-jsonschema's",
                f"noticelint {_fmt_seconds(nl)} s, check-jsonschema {_fmt_seconds(cjs)} s "
                f"(ratio {_fmt_ratio(_ratio(nl, cjs))})",
                verdict(None if nl is None or cjs is None else nl <= cjs),
            )
        )
        rows.append(
            (
                "1 file: under 0.25 s",
                f"{_fmt_seconds(nl)} s (warm cache: {_fmt_seconds(t('nl_warm', 1))} s)",
                verdict(None if nl is None else nl < 0.25),
            )
        )
    if imports:
        render_only = imports.get("render_only") or []
        rows.append(
            (
                "`check` does not import what only `render` needs",
                f"{imports.get('count')} modules loaded; render-only among them: "
                f"{', '.join(render_only) if render_only else 'none'}",  # type: ignore[arg-type]
                verdict(not render_only),
            )
        )
    if 1000 in sizes:
        nl, cjs, parse = t("nl_first", 1000), t("cjs", 1000), t("parse", 1000)
        rows.append(
            (
                "1,000 files: at least 2× faster than check-jsonschema",
                f"check-jsonschema / noticelint = {_fmt_ratio(_ratio(cjs, nl))}",
                verdict(None if nl is None or cjs is None else cjs / nl >= 2),
            )
        )
        rows.append(
            (
                "1,000 files: within 1.5× of parse-only time",
                f"noticelint / parse-only = {_fmt_ratio(_ratio(nl, parse))}",
                verdict(None if nl is None or parse is None else nl / parse <= 1.5),
            )
        )
        cold, warm = t("nl_cold", 1000), t("nl_warm", 1000)
        identical = same.get(1000, {}).get("nl_warm")
        rows.append(
            (
                "1,000 files: second run (warm cache) at least 10× faster than the first, identical output",
                f"first (empty cache) / second = {_fmt_ratio(_ratio(cold, warm))}; "
                f"--no-cache / second = {_fmt_ratio(_ratio(t('nl_first', 1000), warm))}; "
                f"output identical: {identical}",
                verdict(None if cold is None or warm is None else cold / warm >= 10 and bool(identical)),
            )
        )
        one, all_ = t("nl_jobs1", 1000), t("nl_first", 1000)
        stable = same.get(1000, {}).get("nl_jobs1")
        rows.append(
            (
                "1,000 files: both cores used, output order stable (counted as met at ≥ 1.5× on 2 cores)",
                f"--jobs 1 / all cores = {_fmt_ratio(_ratio(one, all_))}; CPU "
                f"{_fmt_seconds(results[('nl_first', 1000)].cpu() if ('nl_first', 1000) in results else None)} s "
                f"over {_fmt_seconds(all_)} s wall; output identical to --jobs 1: {stable}; at other "
                "sizes: "
                + ", ".join(
                    f"{n:,} files {_fmt_ratio(_ratio(t('nl_jobs1', n), t('nl_first', n)))}"
                    for n in sizes
                    if n not in (1, 1000)
                ),
                verdict(None if one is None or all_ is None else one / all_ >= 1.5 and bool(stable)),
            )
        )
    if 10000 in sizes:
        for key, how in (
            ("nl_first", "with --no-cache"),
            ("nl_cold", "as users run it, cache on (empty cache, writing it)"),
            ("nl_warm", "second run, warm cache"),
        ):
            result = results.get((key, 10000))
            name = f"10,000 files: peak memory under 300 MB, {how}"
            if result and result.samples:
                pss = max(s.pss_kb for s in result.samples) / 1024
                rss = max(s.rss_kb for s in result.samples) / 1024
                measured = f"{pss:.0f} MB PSS, all processes together; {rss:.0f} MB largest single process"
                rows.append((name, measured, verdict(pss < 300 and rss < 300)))
            else:
                rows.append((name, result.skipped if result else "", verdict(None)))
        if 1000 in sizes:
            a, b = t("nl_first", 1000), t("nl_first", 10000)
            growth = _ratio(b, a)
            rows.append(
                (
                    "10,000 files: cost grows linearly (counted as met when 10× the files take ≤ 12× the time)",
                    f"time(10,000) / time(1,000) = {_fmt_ratio(growth)}",
                    verdict(None if growth is None else growth <= 12),
                )
            )
    if 1000 in sizes and ("render", 1000) in results:
        r = t("render", 1000)
        r100 = t("render", 100) if 100 in sizes else None
        rows.append(
            (
                "render 1,000 statements in their languages: report the time, no quadratic step",
                f"{_fmt_seconds(r)} s; time(1,000) / time(100) = {_fmt_ratio(_ratio(r, r100))}",
                "reported (no target)" if r is not None else "not measured",
            )
        )
    return rows


def table(data: dict[str, object]) -> str:
    results: dict[tuple[str, int], Result] = data["results"]  # type: ignore[assignment]
    tools: list[Tool] = data["tools"]  # type: ignore[assignment]
    sizes: list[int] = data["sizes"]  # type: ignore[assignment]
    lines = [
        "| tool | files | runs | median wall s | files/s | median CPU s | peak PSS, all processes MB "
        "| peak RSS, largest process MB | note |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for tool in tools:
        for n in sizes:
            result = results[(tool.key, n)]
            if not result.samples:
                lines.append(
                    f"| {tool.label} | {n:,} | 0 | – | – | – | – | – | {result.skipped or result.failed} |"
                )
                continue
            median = result.median() or 0.0
            calls = max(s.calls for s in result.samples)
            note = tool.note + f" ({calls} command line{'s' if calls > 1 else ''})" if tool.note else ""
            lines.append(
                f"| {tool.label} | {n:,} | {len(result.samples)} | {_fmt_seconds(median)} | "
                f"{n / median:,.0f} | {_fmt_seconds(result.cpu())} | "
                f"{_fmt_pss(max(s.pss_kb for s in result.samples))} | "
                f"{max(s.rss_kb for s in result.samples) / 1024:.0f} | {note} |"
            )
    return "\n".join(lines)


def ratios(data: dict[str, object]) -> str:
    results: dict[tuple[str, int], Result] = data["results"]  # type: ignore[assignment]
    sizes: list[int] = data["sizes"]  # type: ignore[assignment]

    def t(key: str, n: int) -> float | None:
        result = results.get((key, n))
        return result.median() if result else None

    lines = [
        "| files | check-jsonschema / noticelint | noticelint / parse-only | first (empty cache) / warm cache "
        "| --jobs 1 / all cores | yamllint / noticelint |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        lines.append(
            f"| {n:,} | {_fmt_ratio(_ratio(t('cjs', n), t('nl_first', n)))} | "
            f"{_fmt_ratio(_ratio(t('nl_first', n), t('parse', n)))} | "
            f"{_fmt_ratio(_ratio(t('nl_cold', n), t('nl_warm', n)))} | "
            f"{_fmt_ratio(_ratio(t('nl_jobs1', n), t('nl_first', n)))} | "
            f"{_fmt_ratio(_ratio(t('yamllint', n), t('nl_first', n)))} |"
        )
    return "\n".join(lines)


def _noise_note(load: dict[str, tuple[float, float, float]]) -> str:
    """Whether other work shared the cores, judged by the highest one-minute load average seen."""
    busiest = max((v[0] for v in load.values()), default=0.0)
    cores = os.cpu_count() or 1
    shared = (
        f"**The numbers are noisy:** the one-minute load average reached {busiest:.1f} on {cores} cores, so "
        "other work shared the cores during the run."
        if busiest > cores
        else f"The one-minute load average, the measured runs included, stayed at or below {busiest:.1f} on "
        f"{cores} cores: other work did not noticeably share them."
    )
    return (
        f"{shared} Wall times are medians of the repetitions; CPU time (user + system, the process and its "
        "workers) is steadier under load and shows where a ratio is a scheduling artefact."
    )


def markdown(data: dict[str, object]) -> str:
    load: dict[str, tuple[float, float, float]] = data["load"]  # type: ignore[assignment]
    summaries: dict[tuple[str, int], str] = data["summaries"]  # type: ignore[assignment]
    sizes: list[int] = data["sizes"]  # type: ignore[assignment]
    imports: dict[str, object] = data["imports"]  # type: ignore[assignment]
    out = [
        "# noticelint benchmark results",
        "",
        f"Written by `bench/run.py` on {data['finished']} (seed {data['seed']}, "
        f"sizes {', '.join(f'{n:,}' for n in sizes)}; "
        f"{float(data['elapsed']) / 60:.0f} minutes in all).",  # type: ignore[arg-type]
        "",
        "Statements generated by `bench/generate.py` from policy/eksempel-dyreklinikk.yaml (names, ids, "
        "processors, activities, data categories, languages and Google Analytics or not varied with a "
        "fixed seed); with defects that noticelint reports: "
        + ", ".join(f"{v:,} of {n:,}" for n, v in data["defects"].items())  # type: ignore[attr-defined]
        + ". Every file is valid against the schema.",
        "",
        *machine(),
        f"- {versions({})}",
        f"- {data['source']}",
        *(
            [
                "- warm-cache runs that missed the cache because the source changed after the warm-up, "
                "and were run again: " + ", ".join(f"{n} files: {v}" for n, v in data["cache_misses"].items())  # type: ignore[attr-defined]
            ]
            if data.get("cache_misses")
            else []
        ),
        "- load average (1, 5, 15 min): "
        + "; ".join(f"{k} {v[0]:.1f}/{v[1]:.1f}/{v[2]:.1f}" for k, v in load.items()),
        "",
        _noise_note(load),
        "",
        "## Targets (issue 6)",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in targets(data)],
        "",
        "## Ratios",
        "",
        ratios(data),
        "",
        "## All measurements",
        "",
        table(data),
        "",
        "What noticelint reported (first run, last line of its output): "
        + "; ".join(f"{n:,} files: “{summaries.get(('nl_first', n), '')}”" for n in sizes),
        "",
    ]
    if imports:
        out += [f"Heavy packages `noticelint check` imports: {', '.join(imports.get('heavy') or [])}.", ""]  # type: ignore[arg-type]
    out += ["![time against number of files](results.png)", ""]
    return "\n".join(out)


def plot(data: dict[str, object], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results: dict[tuple[str, int], Result] = data["results"]  # type: ignore[assignment]
    tools: list[Tool] = data["tools"]  # type: ignore[assignment]
    sizes: list[int] = data["sizes"]  # type: ignore[assignment]
    styles = {
        "nl_first": ("tab:blue", "o", "-"),
        "nl_jobs1": ("tab:blue", "s", "--"),
        "nl_cold": ("tab:cyan", "^", ":"),
        "nl_warm": ("tab:green", "D", "-"),
        "cjs": ("tab:red", "v", "-"),
        "yamllint": ("tab:orange", "P", "-"),
        "parse": ("black", "x", "-."),
        "render": ("tab:purple", "*", "--"),
    }
    fig, axes = plt.subplots(1, 2, figsize=(14, 6), dpi=100)
    for ax, what in zip(axes, ("wall", "cpu"), strict=True):
        for tool in tools:
            result_of = [(n, results[(tool.key, n)]) for n in sizes]
            values = [(n, r.median() if what == "wall" else r.cpu()) for n, r in result_of]
            points = [(n, v) for n, v in values if v is not None]
            if not points:
                continue
            colour, marker, line = styles.get(tool.key, ("grey", "o", "-"))
            ax.plot(
                [p[0] for p in points],
                [p[1] for p in points],
                marker=marker,
                linestyle=line,
                color=colour,
                label=tool.label,
            )
        if what == "wall" and 1 in sizes:
            ax.axhline(0.25, color="grey", linewidth=0.8, linestyle=":")
            ax.annotate(
                "0.25 s target for one file",
                (sizes[0], 0.25),
                xytext=(4, -12),
                textcoords="offset points",
                fontsize=8,
                color="grey",
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(sizes, [f"{n:,}" for n in sizes])
        ax.set_xlabel("number of statement files")
        ax.set_ylabel(
            "wall time of the whole process, s (median)"
            if what == "wall"
            else "CPU time, user + system incl. workers, s (median)"
        )
        ax.set_title(
            "wall time" if what == "wall" else "CPU time (steadier on a shared machine)", fontsize=10
        )
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=8, loc="upper left")
    fig.suptitle(
        f"noticelint and its peers on the same generated statements — {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, shared machine (noisy)",
        fontsize=11,
    )
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def save_raw(data: dict[str, object], path: Path) -> None:
    """Everything measured, to rebuild the report without measuring again (--from-raw)."""
    results: dict[tuple[str, int], Result] = data["results"]  # type: ignore[assignment]
    tools: list[Tool] = data["tools"]  # type: ignore[assignment]
    raw = {
        **{
            k: v for k, v in data.items() if k not in ("results", "tools", "work", "same_output", "summaries")
        },
        "tools": [{"key": t.key, "label": t.label, "note": t.note} for t in tools],
        "results": [
            {
                "key": k,
                "n": n,
                "skipped": r.skipped,
                "failed": r.failed,
                "samples": [asdict(s) for s in r.samples],
            }
            for (k, n), r in results.items()
        ],
        "summaries": [[k, n, v] for (k, n), v in data["summaries"].items()],  # type: ignore[attr-defined]
        "same_output": {str(n): v for n, v in data["same_output"].items()},  # type: ignore[attr-defined]
        "defects": {str(n): v for n, v in data["defects"].items()},  # type: ignore[attr-defined]
    }
    path.write_text(json.dumps(raw, indent=1), encoding="utf-8")


def load_raw(path: Path) -> dict[str, object]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    data: dict[str, object] = dict(raw)
    data["tools"] = [Tool(t["key"], t["label"], (), lambda d: [], note=t["note"]) for t in raw["tools"]]
    data["results"] = {
        (r["key"], r["n"]): Result([Sample(**s) for s in r["samples"]], r["skipped"], r["failed"])
        for r in raw["results"]
    }
    data["summaries"] = {(k, n): v for k, n, v in raw["summaries"]}
    data["same_output"] = {int(n): v for n, v in raw["same_output"].items()}
    data["defects"] = {int(n): v for n, v in raw["defects"].items()}
    data["load"] = {k: tuple(v) for k, v in raw["load"].items()}
    data["work"] = path.parent
    return data


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark noticelint against its peers (see bench/README.md)."
    )
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",") if x.strip()],
        default=[1, 100, 1000, 10000],
        help="numbers of files (default: 1,100,1000,10000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="repetitions per size (default: 3 up to 1,000 files, 1 above)",
    )
    parser.add_argument("--smoke", action="store_true", help="sizes 1 and 20, one repetition, no plot")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="directory for results.md and results.png (default: bench/; with --smoke: none)",
    )
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where to generate (default: a new temp dir)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated files and logs")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=600,
        help="skip a run whose time, projected linearly from the previous size, exceeds this "
        "(never the first noticelint run)",
    )
    parser.add_argument(
        "--from-raw", type=Path, default=None, help="rebuild the report from a kept run's raw.json"
    )
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.repeat = [1, 20], 1
    out = args.out if args.out is not None else (None if args.smoke else HERE)

    if args.from_raw:
        data = load_raw(args.from_raw)
    else:
        data = measure(args)
        save_raw(data, Path(data["work"]) / "raw.json")  # type: ignore[arg-type]
    text = markdown(data)
    print()
    print(text)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.md").write_text(text, encoding="utf-8")
        if not args.smoke:
            plot(data, out / "results.png")
        print(f"wrote {out / 'results.md'}" + ("" if args.smoke else f" and {out / 'results.png'}"))
    work: Path = data["work"]  # type: ignore[assignment]
    if args.from_raw:
        pass
    elif args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    results: dict[tuple[str, int], Result] = data["results"]  # type: ignore[assignment]
    return 1 if any(r.failed for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
