"""Configuration from ``[tool.noticelint]`` in pyproject.toml, a noticelint.toml, or ``--config``.

Configuration is read only from the repository being checked: the search goes from the working directory
up to the repository root (the folder holding ``.git`` or ``.hg``) and stops at the first folder with a
``noticelint.toml`` or ``pyproject.toml``, whether or not that file has a ``[tool.noticelint]`` table.
Outside a repository only the working directory is searched. A ``rules-dirs`` entry must lie inside the
folder of the file that names it. ``--isolated`` reads no configuration file; ``--no-custom-rules`` (or
``NOTICELINT_NO_CUSTOM_RULES=1``) refuses a configuration that names custom rules.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noticelint.input.reading import DEFAULT_MAX_BYTES
from noticelint.lint.findings import Severity


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    rules_dirs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_BYTES
    vendors: tuple[dict[str, str], ...] = ()
    source: Path | None = None

    def ignored_for(self, path: str) -> tuple[str, ...]:
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                codes.extend(ignored)
        return tuple(codes)

    def excluded(self, path: str) -> bool:
        return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(Path(path).name, p) for p in self.exclude)


_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "fail-on",
    "rules-dirs",
    "exclude",
    "per-file-ignores",
    "max-file-size",
    "vendors",
}


def _strings(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _rules_dirs(where: str, base: Path, entries: tuple[str, ...]) -> tuple[Path, ...]:
    """The custom rule directories, each inside ``base`` (the folder of the configuration file), also
    once symbolic links are followed: a configuration cannot make noticelint import code from elsewhere."""
    folder = base.resolve()
    dirs = []
    for entry in entries:
        path = base / entry
        if Path(entry).is_absolute() or not path.resolve().is_relative_to(folder):
            raise ConfigError(
                f"{where}: 'rules-dirs' entry '{entry}' lies outside {folder}, the folder of this file; "
                "custom rules must live inside it"
            )
        dirs.append(path)
    return tuple(dirs)


def parse_config(table: dict[str, Any], where: str, base: Path) -> Config:
    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, sorted(_KEYS), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(sorted(_KEYS))}"
            raise ConfigError(f"{where}: unknown key '{key}'{hint}")
    try:
        fail_on = Severity.parse(str(table.get("fail-on", "warning")))
    except ValueError as exc:
        raise ConfigError(f"{where}: 'fail-on': {exc}") from None
    size = table.get("max-file-size", DEFAULT_MAX_BYTES)
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        raise ConfigError(f"{where}: 'max-file-size' must be a positive number of bytes")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
    vendors = table.get("vendors", [])
    if not isinstance(vendors, list) or not all(isinstance(v, dict) for v in vendors):
        raise ConfigError(f"{where}: 'vendors' must be an array of tables ([[tool.noticelint.vendors]])")
    for index, vendor in enumerate(vendors):
        if not isinstance(vendor.get("service"), str) or not vendor["service"].strip():
            raise ConfigError(f"{where}: vendors[{index}] needs a 'service' name")
    return Config(
        select=_strings(where, "select", table.get("select", [])),
        ignore=_strings(where, "ignore", table.get("ignore", [])),
        extend_select=_strings(where, "extend-select", table.get("extend-select", [])),
        fail_on=fail_on,
        rules_dirs=_rules_dirs(where, base, _strings(where, "rules-dirs", table.get("rules-dirs", []))),
        exclude=_strings(where, "exclude", table.get("exclude", [])),
        per_file_ignores={k: _strings(where, f"per-file-ignores.{k}", v) for k, v in per_file.items()},
        max_file_size=size,
        vendors=tuple({str(k): str(v) for k, v in vendor.items()} for vendor in vendors),
    )


REPOSITORY_MARKERS = (".git", ".hg")
CONFIG_FILES = ("noticelint.toml", "pyproject.toml")  # in one folder, the dedicated file first
NO_CUSTOM_RULES = "NOTICELINT_NO_CUSTOM_RULES"


def find_config(start: Path) -> Path | None:
    """The configuration file for a run in ``start``: see the module documentation."""
    start = start.resolve()
    folders: list[Path] = []
    for folder in (start, *start.parents):
        folders.append(folder)
        if any((folder / marker).exists() for marker in REPOSITORY_MARKERS):
            break
    else:
        folders = [start]  # not in a repository: nothing above the working directory is read
    for folder in folders:
        for name in CONFIG_FILES:
            if (folder / name).is_file():
                return folder / name
    return None


def custom_rules_refused_by_environment() -> bool:
    value = os.environ.get(NO_CUSTOM_RULES, "").strip().lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise ConfigError(f"{NO_CUSTOM_RULES}={value!r}: use 1 to refuse custom rules, or 0")


def load_config(
    explicit: Path | None, start: Path, *, isolated: bool = False, custom_rules: bool = True
) -> Config:
    """The configuration of a run (``explicit`` if given, else :func:`find_config`).

    ``isolated``: no file at all. ``custom_rules=False`` (or the environment) refuses one naming rules-dirs.
    """
    if isolated:
        if explicit is not None:
            raise ConfigError("--isolated reads no configuration file; it cannot be used with --config")
        return Config()
    config = _load_config(explicit, start)
    refused = "--no-custom-rules" if not custom_rules else None
    if refused is None and custom_rules_refused_by_environment():
        refused = f"{NO_CUSTOM_RULES}=1"
    if config.rules_dirs and refused:
        dirs = ", ".join(str(d) for d in config.rules_dirs)
        raise ConfigError(
            f"{config.source}: names custom rules ({dirs}), and custom rules are refused ({refused}); "
            "nothing was imported. Run with --isolated to ignore the configuration"
        )
    return config


def config_from_args(args: object) -> Config:
    """The configuration the options of a command ask for (--config, --isolated, --no-custom-rules)."""
    explicit = getattr(args, "config", None)
    return load_config(
        explicit,
        Path.cwd(),
        isolated=bool(getattr(args, "isolated", False)),
        custom_rules=not getattr(args, "no_custom_rules", False),
    )


def _load_config(explicit: Path | None, start: Path) -> Config:
    path = explicit if explicit is not None else find_config(start)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table")
    table = tool.get("noticelint")
    if table is None and path.name == "pyproject.toml":
        return Config(source=path)  # the project's file says nothing about noticelint: the defaults
    if table is None:
        table = data  # a dedicated noticelint.toml holds the keys at the top level
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.noticelint] must be a table")
    config = parse_config(table, f"{path}: [tool.noticelint]", path.parent)
    return Config(**{**config.__dict__, "source": path})
