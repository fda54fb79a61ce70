"""The files a run checks: paths and directories expanded into YAML files, in a stable order."""

from __future__ import annotations

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


def collect_targets(paths: Sequence[str], config: Config) -> tuple[list[Target], list[Finding]]:
    """Expand directories into their YAML files; a missing path or an empty directory is an input error."""
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
