"""Declaring rules and finding them: the ``rule`` decorator and rule discovery.

A rule is a function decorated with :func:`rule`. It receives a :class:`~noticelint.lint.context.CheckContext`
and yields :class:`~noticelint.lint.context.Hit` objects, which the engine locates in the file. Rules
import only from :mod:`noticelint.api`. Its docstring is its documentation: the first paragraph
explains what it checks and why; the decorator carries the code, name, legal references, the fix hint, a
failing and a passing example (YAML fragments merged by id onto the complete example statement), which
``noticelint rules --check-examples`` and the test suite run, and the rule's *basis* and *certainty*,
from which its severity follows.

The severity policy
-------------------
``basis`` says what the finding rests on: ``statute`` (a missing or wrong item the law itself requires),
``guidance`` (what the EDPB, the Article 29 Working Party or a supervisory authority reads into the law) or
``practice`` (good practice, or a question the tool cannot answer). ``certainty`` says how sure the finding
is: ``certain`` (read from the structured statement), ``inferred`` (read from wording, or from a fact the
statement does not show) or ``uncertain-knowledge`` (from a knowledge-table row that is itself unsure).

Severity follows: statute -> error, guidance -> warning, practice -> info; a rule that is not certain is at
most a warning (it may declare info instead). A rule that states ``severity`` must agree with that, unless it
gives ``severity_exception``, the documented reason for a deliberate exception (built in: CTL003 only).

A custom rule that declares no basis gets basis ``house``: the team's own policy, whose severity is the one
it declares (``severity`` is then required). Custom rules that do declare a basis follow the policy.

Default and opt-in rules
------------------------
A rule with ``default=False`` is *opt-in* (pedantic): it checks that the structured file is complete, or
points at a question outside the notice, rather than a duty the notice itself has, so on a faithful
transcription of a real statement it is noise. It runs only when a selection names it: ``select`` (or
``--select``) with its code, a prefix of it or ``ALL``, or ``extend-select``. Every other rule runs by default.
"""

from __future__ import annotations

import enum
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


class Basis(enum.StrEnum):
    """What a rule's finding rests on (see the module documentation)."""

    STATUTE = "statute"
    GUIDANCE = "guidance"
    PRACTICE = "practice"
    HOUSE = "house"  # a custom rule's own policy: declared severity
    TOOL = "tool"  # the engine's own findings (input errors, waivers): not about the law


class Certainty(enum.StrEnum):
    """How sure a rule's finding is."""

    CERTAIN = "certain"
    INFERRED = "inferred"
    UNCERTAIN_KNOWLEDGE = "uncertain-knowledge"


_BASE = {Basis.STATUTE: Severity.ERROR, Basis.GUIDANCE: Severity.WARNING, Basis.PRACTICE: Severity.INFO}


def policy_severity(basis: Basis, certainty: Certainty) -> Severity | None:
    """The severity the policy gives a basis and certainty; None where the rule's own severity stands."""
    base = _BASE.get(basis)
    if base is None:
        return None
    return base if certainty is Certainty.CERTAIN else min(base, Severity.WARNING)


def severity_allowed(basis: Basis, certainty: Certainty, severity: Severity) -> bool:
    """Whether the policy allows ``severity``: exactly the base when certain, at most the cap otherwise."""
    expected = policy_severity(basis, certainty)
    if expected is None:
        return True
    return severity == expected if certainty is Certainty.CERTAIN else severity <= expected


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
    basis: Basis = Basis.HOUSE
    certainty: Certainty = Certainty.CERTAIN
    severity_exception: str = ""
    default: bool = True  # False: opt-in, runs only when a selection names it (see the module docs)

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
    legal: Iterable[str],
    fix: str,
    severity: str | None = None,
    basis: str | None = None,
    certainty: str = "certain",
    severity_exception: str = "",
    fails: str = "",
    passes: str = "",
    knowledge: Iterable[str] = (),
    evidence_fails: str = "",
    evidence_passes: str = "",
    default: bool = True,
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare a rule. See the module documentation."""

    def decorate(func: CheckFunction) -> CheckFunction:
        if not CODE_PATTERN.match(code):
            raise RuleDefinitionError(
                f"{func.__module__}.{func.__name__}: code {code!r} must look like ABC123"
            )
        resolved = _resolve_severity(code, severity, basis, certainty, severity_exception)
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise RuleDefinitionError(f"rule {code} has no docstring to explain it")
        summary, _, rest = doc.partition("\n\n")
        info = RuleInfo(
            code=code,
            name=name,
            severity=resolved[0],
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
            basis=resolved[1],
            certainty=resolved[2],
            severity_exception=severity_exception.strip(),
            default=default,
        )
        setattr(func, _REGISTRY_ATTR, Rule(info, func))
        return func

    return decorate


def _resolve_severity(
    code: str, severity: str | None, basis: str | None, certainty: str, exception: str
) -> tuple[Severity, Basis, Certainty]:
    """The severity, basis and certainty of a rule, or RuleDefinitionError where they break the policy."""
    try:
        declared = Severity.parse(severity) if severity is not None else None
    except ValueError as exc:
        raise RuleDefinitionError(f"rule {code}: {exc}") from None
    if basis is not None and basis not in {b.value for b in Basis}:
        raise RuleDefinitionError(
            f"rule {code}: unknown basis {basis!r}; use statute, guidance, practice or house"
        )
    if certainty not in {c.value for c in Certainty}:
        raise RuleDefinitionError(
            f"rule {code}: unknown certainty {certainty!r}; use certain, inferred or uncertain-knowledge"
        )
    kind = Basis(basis) if basis is not None else Basis.HOUSE
    sure = Certainty(certainty)
    if kind in (Basis.HOUSE, Basis.TOOL):
        if declared is None:
            raise RuleDefinitionError(f"rule {code}: give a severity, or a basis it follows from")
        return declared, kind, sure
    expected = policy_severity(kind, sure)
    assert expected is not None
    if declared is None:
        return expected, kind, sure
    if not severity_allowed(kind, sure, declared) and not exception.strip():
        raise RuleDefinitionError(
            f"rule {code}: severity {declared.label} does not follow from basis {kind.value} and certainty "
            f"{sure.value} ({expected.label}{' or lower' if sure is not Certainty.CERTAIN else ''}); "
            "drop severity, or give severity_exception with the reason"
        )
    return declared, kind, sure


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
