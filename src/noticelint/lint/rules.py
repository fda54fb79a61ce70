"""The rule API: how a check describes itself and how the engine finds it.

A rule is a function decorated with :func:`rule`. It receives a :class:`~noticelint.lint.context.CheckContext`
and yields findings through ``ctx.report(...)``. Its docstring is its documentation: the first paragraph
explains what it checks and why; the decorator carries the code, name, severity, legal references, the
fix hint and a failing and a passing example (YAML fragments merged onto the complete example statement),
which the test suite runs.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from noticelint.lint.findings import Severity

if TYPE_CHECKING:
    from noticelint.lint.context import CheckContext, Hit

CheckFunction = Callable[["CheckContext"], "Iterable[Hit] | None"]

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}\d{3}$")


class RuleDefinitionError(Exception):
    """A rule module is broken: bad code, duplicate code, or an import error."""


@dataclass(frozen=True)
class RuleInfo:
    """Everything a user, a DPO or a reporter needs to know about a rule."""

    code: str
    name: str
    severity: Severity
    legal: tuple[str, ...]
    summary: str
    explanation: str
    fix: str
    fails: str = ""
    passes: str = ""
    knowledge: tuple[str, ...] = ()
    # Evidence (YAML of format/evidence.py) the fails/passes examples are checked with, for rules that
    # compare the statement with what the site does (``noticelint scan``).
    evidence_fails: str = ""
    evidence_passes: str = ""
    module: str = ""
    builtin: bool = True

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")


@dataclass(frozen=True)
class Rule:
    info: RuleInfo
    check: CheckFunction = field(compare=False)

    @property
    def code(self) -> str:
        return self.info.code


_REGISTRY_ATTR = "__noticelint_rule__"


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    legal: Iterable[str],
    fix: str,
    fails: str = "",
    passes: str = "",
    knowledge: Iterable[str] = (),
    evidence_fails: str = "",
    evidence_passes: str = "",
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare a rule. See the module documentation."""

    def decorate(func: CheckFunction) -> CheckFunction:
        if not CODE_PATTERN.match(code):
            raise RuleDefinitionError(
                f"{func.__module__}.{func.__name__}: code {code!r} must look like ABC123"
            )
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise RuleDefinitionError(f"rule {code} has no docstring to explain it")
        summary, _, rest = doc.partition("\n\n")
        info = RuleInfo(
            code=code,
            name=name,
            severity=Severity.parse(severity),
            legal=tuple(legal),
            summary=" ".join(summary.split()),
            explanation=rest.strip(),
            fix=fix,
            fails=inspect.cleandoc(fails) if fails else "",
            passes=inspect.cleandoc(passes) if passes else "",
            knowledge=tuple(knowledge),
            evidence_fails=inspect.cleandoc(evidence_fails) if evidence_fails else "",
            evidence_passes=inspect.cleandoc(evidence_passes) if evidence_passes else "",
            module=func.__module__,
        )
        setattr(func, _REGISTRY_ATTR, Rule(info, func))
        return func

    return decorate


def _rules_in_module(module: ModuleType) -> Iterator[Rule]:
    for value in vars(module).values():
        found = getattr(value, _REGISTRY_ATTR, None)
        if isinstance(found, Rule) and found.check.__module__ == module.__name__:
            yield found


def _builtin_modules() -> Iterator[ModuleType]:
    package = importlib.import_module("noticelint.checks")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name.startswith("test"):
            continue
        yield importlib.import_module(f"noticelint.checks.{info.name}")


def _load_user_module(path: Path) -> ModuleType:
    module_name = f"noticelint_user_rules.{path.parent.name}.{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise RuleDefinitionError(f"{path}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # SyntaxError, ImportError, even SystemExit from a broken module
        sys.modules.pop(module_name, None)
        raise RuleDefinitionError(
            f"{path}: error while importing custom rules: {type(exc).__name__}: {exc}"
        ) from exc
    return module


def discover(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """All built-in rules, then those in ``extra_dirs`` (from configuration only), sorted by code."""
    rules: dict[str, Rule] = {}

    def add(found: Rule) -> None:
        if found.code in rules:
            other = rules[found.code].info.module
            raise RuleDefinitionError(
                f"rule code {found.code} is defined twice: in {other} and {found.info.module}"
            )
        rules[found.code] = found

    for module in _builtin_modules():
        for found in _rules_in_module(module):
            add(found)
    for directory in extra_dirs:
        if not directory.is_dir():
            raise RuleDefinitionError(f"{directory}: custom rule directory does not exist")
        for path in sorted(directory.glob("*.py")):
            if path.name.startswith("_"):
                continue
            for found in _rules_in_module(_load_user_module(path)):
                info = found.info
                add(Rule(RuleInfo(**{**info.__dict__, "builtin": False}), found.check))
    return [rules[code] for code in sorted(rules)]
