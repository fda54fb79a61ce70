"""Configuration from ``[tool.noticelint]`` in pyproject.toml (or a file given with ``--config``)."""

from __future__ import annotations

import difflib
import fnmatch
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
        rules_dirs=tuple(base / d for d in _strings(where, "rules-dirs", table.get("rules-dirs", []))),
        exclude=_strings(where, "exclude", table.get("exclude", [])),
        per_file_ignores={k: _strings(where, f"per-file-ignores.{k}", v) for k, v in per_file.items()},
        max_file_size=size,
        vendors=tuple({str(k): str(v) for k, v in vendor.items()} for vendor in vendors),
    )


def load_config(explicit: Path | None, start: Path) -> Config:
    """``explicit`` if given; else the nearest pyproject.toml above ``start`` with a [tool.noticelint] table."""
    if explicit is not None:
        candidates = [explicit]
    else:
        start = start.resolve()
        candidates = [d / "pyproject.toml" for d in (start, *start.parents)]
    for path in candidates:
        if explicit is None and not path.is_file():
            continue
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
            if explicit is not None:
                return Config(source=path)
            continue
        if table is None:
            table = data  # a dedicated noticelint.toml holds the keys at the top level
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.noticelint] must be a table")
        config = parse_config(table, f"{path}: [tool.noticelint]", path.parent)
        return Config(**{**config.__dict__, "source": path})
    return Config()
