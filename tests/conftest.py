from __future__ import annotations

import copy
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from noticelint.lint.config import Config
from noticelint.lint.engine import Linter, Source
from noticelint.lint.findings import Finding
from noticelint.lint.rules import discover

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "policy" / "eksempel-dyreklinikk.yaml"
CLINIC = REPO / "policy" / "solor-dyreklinikk.yaml"


def yaml_load(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def yaml_dump(data: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def merge(base: Any, patch: Any) -> Any:
    """Deep-merge mappings; lists and scalars in ``patch`` replace those in ``base``, and ``null``
    removes a key (as in the format's own merge and JSON Merge Patch: a statement has no null values)."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            if value is None:
                merged.pop(key, None)
                continue
            merged[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(patch)


@pytest.fixture(scope="session")
def example_data() -> dict[str, Any]:
    data = yaml_load(EXAMPLE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="session")
def linter() -> Linter:
    rules = discover()
    return Linter(rules, {r.code for r in rules} | {"WVR001", "WVR002"}, Config())


@pytest.fixture
def check(linter: Linter) -> Callable[[str], list[Finding]]:
    def run(text: str) -> list[Finding]:
        return linter.check(Source.text(text, "statement.yaml")).findings

    return run


@pytest.fixture(autouse=True)
def _own_cache_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache key of the test run lives in the run's temporary directory, not in the user's home."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "xdg-config"))
    monkeypatch.delenv("NOTICELINT_CACHE_KEY", raising=False)
    monkeypatch.delenv("NOTICELINT_NO_CUSTOM_RULES", raising=False)
