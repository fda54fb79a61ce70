"""The files a run checks: paths and directories expanded into YAML files, in a stable order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from noticelint.lint import meta_rules
from noticelint.lint.config import Config
from noticelint.lint.findings import Finding
from noticelint.lint.meta_rules import input_error

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Target:
    """A file to check and the name it is reported under."""

    path: Path
    display: str


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def looks_like_statement(path: Path) -> bool:
    """Whether a YAML file starts like a statement: top-level ``schema_version`` and ``statement`` (or
    ``template``) keys in its first 64 KiB."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65536).decode("utf-8", "replace")
    except OSError:
        return False
    keys = {m.group(1) for m in _TOP_KEY.finditer(head)}
    return "schema_version" in keys and bool(keys & {"statement", "template"})


_TOP_KEY = re.compile(r"^([a-z_]+):", re.MULTILINE)


def collect_targets(
    paths: Sequence[str], config: Config, excluded_statements: list[str] | None = None
) -> tuple[list[Target], list[Finding]]:
    """Expand directories into their YAML files; a missing path or an empty directory is an input error.

    ``excluded_statements``, if given, receives the files that the configuration's ``exclude`` kept out
    but that look like statements, so the command can say that they were not checked."""
    targets: list[Target] = []
    problems: list[Finding] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in YAML_SUFFIXES and p.is_file() and not _hidden(p, path)
            )
            kept = [p for p in found if not config.excluded(_display(p))]
            if excluded_statements is not None and len(kept) < len(found):
                left = sorted(set(found) - set(kept))
                excluded_statements.extend(_display(p) for p in left if looks_like_statement(p))
            if not kept:
                why = "all are excluded by the configuration" if found else "there are none in this directory"
                problems.append(
                    input_error(raw, meta_rules.UNREADABLE, f"no *.yaml or *.yml files to check: {why}")
                )
            found = kept
            targets.extend(Target(p, _display(p)) for p in found)
        elif path.exists() or path.is_symlink():
            targets.append(Target(path, _display(path) if path.exists() else raw))
        else:
            problems.append(input_error(raw, meta_rules.UNREADABLE, "no such file or directory"))
    unique = {t.display: t for t in targets}
    return [unique[k] for k in sorted(unique)], problems


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
