"""Property-based tests (hypothesis): whatever a statement file holds, ``noticelint check`` answers.

Four properties, each over many generated inputs:

* random YAML documents, random YAML-like text and random bytes never crash the engine, and no built-in
  rule raises (an ``INP005`` rule-error finding from a built-in rule is a bug in that rule);
* random mutations of the complete example statement (drop a key, change a type, duplicate an id, break a
  reference, swap languages, empty a list, insert a long string, put an organisation sentence in the
  wording, ...) never crash the engine either, and the valid ones run every rule;
* every line and column a finding reports exists in the file, counted as an editor counts them;
* ``check`` is deterministic: the same input twice gives the same report, byte for byte.

When ``noticelint render`` exists, random mutations must not crash it either.

Known bugs (:data:`KNOWN_BUGS`) each have a reproducer run as a strict ``xfail`` test at the end of this
module; the properties recognise exactly those failures so that they keep looking for new ones. When a
bug is fixed its xfail test passes, fails as XPASS, and its entry is to be removed.

``NOTICELINT_FUZZ_EXAMPLES=2000 pytest tests/test_properties.py`` searches harder than the default run.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import os
import re
import shutil
import string
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from noticelint import cli
from noticelint.lint.engine import Linter, Source
from noticelint.lint.findings import Finding
from tests.clirun import invoke

from .conftest import EXAMPLE, REPO, yaml_load

pytestmark = pytest.mark.slow

# Examples per property: the cheap ones (random documents) get more, a full CLI run or render fewer.
EXAMPLES = int(os.environ.get("NOTICELINT_FUZZ_EXAMPLES", "80"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
MANY = settings(SETTINGS, max_examples=EXAMPLES * 2)
FEW = settings(SETTINGS, max_examples=max(15, EXAMPLES // 4))
SCHEMA = json.loads((REPO / "schema" / "privacy-statement.schema.json").read_text(encoding="utf-8"))


def render_available() -> bool:
    """``noticelint render`` exists once the render package is wired into the command line."""
    return importlib.util.find_spec("noticelint.render") is not None and "render" in cli.COMMANDS


# --- known bugs ----------------------------------------------------------------------------------------
#
# A known bug has a reason (shown by its xfail test), a reproducer, and a predicate that recognises a wrong
# finding as this bug and nothing else. The properties let such findings pass and keep looking.


@dataclass(frozen=True)
class KnownBug:
    reason: str
    reproducer: bytes
    matches: Callable[[bytes, Finding], bool]


KNOWN_BUGS: dict[str, KnownBug] = {}


# --- the invariants ------------------------------------------------------------------------------------


def editor_lines(raw: bytes) -> list[str]:
    """The lines of a file as editors, grep and GitHub count them: broken at LF, CRLF and CR only."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    parts = re.split(rb"\r\n|\r|\n", raw)
    if parts and parts[-1] == b"":
        parts.pop()
    return [part.decode("utf-8", errors="replace") for part in parts]


def position_problems(raw: bytes, findings: list[Finding]) -> list[tuple[Finding, str]]:
    """Findings whose start or end is not a place in the file, each with what is wrong."""
    lines = editor_lines(raw)
    problems: list[tuple[Finding, str]] = []

    def fits(line: int, column: int) -> bool:
        if not 1 <= line <= len(lines) + 1:
            return False
        width = len(lines[line - 1]) if line <= len(lines) else 0
        return 1 <= column <= width + 1

    for f in findings:
        span = f.span
        if not fits(span.line, span.column):
            problems.append((f, f"{f.code} at {span.line}:{span.column} does not exist ({len(lines)} lines)"))
        if not fits(span.end_line, span.end_column) or (span.end_line, span.end_column) < (
            span.line,
            span.column,
        ):
            problems.append(
                (
                    f,
                    f"{f.code} ends at {span.end_line}:{span.end_column}: outside the file or before its start",
                )
            )
    return problems


def wrong_findings(raw: bytes, findings: list[Finding]) -> list[tuple[Finding, str]]:
    """Findings that are bugs: a built-in rule failed, noticelint failed, or a place that does not exist."""
    wrong = [(f, f"a built-in rule failed: {f.message}") for f in findings if f.code == "INP005"]
    wrong += [(f, f"noticelint failed: {f.message}") for f in findings if f.code == "INP006"]
    wrong += position_problems(raw, findings)
    wrong += [
        (f, f"finding without code, path or message: {f}")
        for f in findings
        if not (f.code and f.path == "x.yaml" and f.message.strip())
    ]
    return wrong


def assert_sane(linter: Linter, raw: bytes | str) -> list[Finding]:
    """The engine answers with findings (it never raises), no rule or engine failure, every place exists."""
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8", errors="surrogatepass")
    findings = (
        linter.check(Source("x.yaml", data=raw)).findings
        if isinstance(raw, bytes)
        else linter.check(Source.text(raw, "x.yaml")).findings
    )
    unknown = []
    for finding, why in wrong_findings(data, findings):
        bug = next((name for name, bug in KNOWN_BUGS.items() if bug.matches(data, finding)), None)
        if bug is None:
            unknown.append(why)
        else:
            event(f"known bug: {bug}")
    assert not unknown, "\n".join(unknown)
    return findings


# --- strategies: random documents and text ----------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", "1", "nb", "en", "P1Y", "2024-02-30", "true", "null", "~", "@", "*", "&", "!x"]),
)
json_like = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.dictionaries(st.text(max_size=12), children, max_size=6),
    ),
    max_leaves=40,
)
top_keys = st.sampled_from(
    [
        "schema_version",
        "statement",
        "controller",
        "parties",
        "activities",
        "transfers",
        "rights",
        "dpo",
        "complaint",
        "sections",
        "representative",
    ]
)
statement_like = st.dictionaries(top_keys, json_like, max_size=8)

# fmt: off
YAML_TOKENS = [
    "\n", "\n", "\n  ", "\n    ", "  ", " ", ": ", ":", "- ", "-", "? ", "{", "}", "[", "]", ",", "'", '"',
    "#", "# noticelint: ignore[CTL001] x", "---", "...", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "&a ", "*a",
    "&b ", "*b", "!!str ", "!!int ", "!!float ", "!!binary ", "!!set ", "!!omap ", "!x ", "<<: ", "|", ">-",
    "|2", "\t", "\r\n", "\r", "\\", "\\u", "key", "id", "nb", "en", "schema_version: 1", "statement:",
    "controller:", "activities:", "1", "0x1F", "0o7", "1e3", ".inf", "-.inf", ".nan", "1_000", "null", "true",
    "~", "2024-02-30", "P1Y", "æøå", "\u00a0", "\ufeff", "\u200b", "\u2028", "\x85", "a@b.no", "https://x.no/",
]
# fmt: on
yamlish_text = st.lists(
    st.one_of(st.sampled_from(YAML_TOKENS), st.text(alphabet=string.printable, max_size=4)), max_size=60
).map("".join)


def dump(data: Any, style: str = "block") -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = {"block": False, "flow": True, "mixed": None}.get(style, False)
    if style == "quoted":
        yaml.default_style = '"'  # type: ignore[assignment]
    if style == "narrow":
        yaml.width = 30
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


dump_styles = st.sampled_from(["block", "flow", "mixed", "quoted", "narrow"])


@MANY
@given(data=json_like, style=dump_styles)
def test_random_yaml_documents_never_crash(linter: Linter, data: Any, style: str) -> None:
    assert_sane(linter, dump(data, style))


@MANY
@given(data=statement_like, style=dump_styles)
def test_random_statement_shaped_documents_never_crash(linter: Linter, data: Any, style: str) -> None:
    assert_sane(linter, dump(data, style))


@MANY
@given(text=yamlish_text)
def test_random_yaml_like_text_never_crashes(linter: Linter, text: str) -> None:
    assert_sane(linter, text)


@MANY
@given(text=st.text(max_size=300))
def test_random_text_never_crashes(linter: Linter, text: str) -> None:
    assert_sane(linter, text)


@MANY
@given(raw=st.one_of(st.binary(max_size=300), yamlish_text.map(lambda t: t.encode("utf-8"))), cut=st.data())
def test_random_bytes_never_crash(linter: Linter, raw: bytes, cut: st.DataObject) -> None:
    junk = cut.draw(st.binary(max_size=4), label="junk")
    at = cut.draw(st.integers(0, len(raw)), label="at")
    assert_sane(linter, raw[:at] + junk + raw[at:])


# --- strategies: mutations of the complete example -----------------------------------------------------------

Path_ = tuple[str | int, ...]


def walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def get(node: Any, path: Path_) -> Any:
    for step in path:
        node = node[step]
    return node


def put(root: Any, path: Path_, value: Any) -> None:
    get(root, path[:-1])[path[-1]] = value


def _enum_values() -> dict[str, list[str]]:
    """Allowed values by property name, read from the JSON Schema (enums and enum lists)."""
    defs = SCHEMA["$defs"]

    def enum_of(schema: dict[str, Any]) -> list[str]:
        if "$ref" in schema:
            return enum_of(defs[schema["$ref"].rsplit("/", 1)[-1]])
        if "enum" in schema:
            return [str(v) for v in schema["enum"]]
        for branch in schema.get("anyOf", []):
            found = enum_of(branch)
            if found:
                return found
        if "items" in schema:
            return enum_of(schema["items"])
        return []

    found: dict[str, list[str]] = {}
    for definition in [SCHEMA, *defs.values()]:
        for name, prop in definition.get("properties", {}).items():
            values = enum_of(prop)
            if values:
                found.setdefault(name, [])
                found[name] += [v for v in values if v not in found[name]]
    return found


ENUMS = _enum_values()
REFERENCE_KEYS = ("recipients", "recipient", "provider", "processor_for")
ORGANISATIONS = [
    "Google LLC", "Google Ireland Limited", "Meta Platforms Ireland Limited", "ØstCom AS", "Microsoft Corporation",
    "Eksempel Dyrehelse AS", "Timebok Eksempel AS", "Amazon Web Services EMEA SARL", "Mailchimp", "Hotjar Ltd",
    "Vipps MobilePay AS", "Facebook", "TikTok", "Stripe", "Microsoft Ireland Operations Limited", "X AS", "AS",
]  # fmt: skip
SENTENCES = [
    "{org} er behandlingsansvarlig for opplysningene.",
    "{org} is the controller of your personal data.",
    "Opplysningene deles ikke med tredjeparter, men {org} får dem.",
    "Vi bruker {org} til analyse, og {org} behandler opplysningene i USA.",
    "{org} lagrer opplysningene så lenge det er nødvendig.",
    "Kontakt {org} på post@example.no eller [skjemaet](https://www.example.no/skjema).",
    "Vi selger ikke opplysningene dine. {org} kan bruke dem til egne formål.",
    "Data are shared with {org} and its partners. We may keep them for a reasonable time.",
    "Les mer hos [{org}](javascript:alert(1)) eller [her]() eller <script>alert(1)</script>.",
    "{org}",
]
ODD_TEXT = st.one_of(
    st.text(max_size=80),
    st.sampled_from([
        "", " ", "\n\n\n", "[", "](", "[a](", "[]()", "<b>", "{{ x }}", "{% if %}", "# heading", "* ", "|",
        "\u200b", "\u00ad", "\ufeff", "ǅ", "ß", "İ", "\x00", "\x1b[31m", "\ud800", "😀" * 5, "e\u0301",
        "a.b.c.d.e.f.g.h.i.j.k.", "..........", "!!!", "AS AS AS AS", "Google" * 20, "\u2028", "\x85",
    ]),
)  # fmt: skip
VALID_LIKE: dict[str, st.SearchStrategy[Any]] = {
    "period": st.sampled_from(
        ["P1D", "P0D", "P2Y", "P6M", "PT1H", "P1Y6M", "P100Y", "P99999999999999999999Y"]
    ),
    "lifetime": st.sampled_from(["P1D", "P0D", "P2Y", "PT1S", "P400D"]),
    "answer_time": st.sampled_from(["P1M", "P3M", "P30D", "P1Y", "PT1H"]),
    "country": st.sampled_from(["NO", "SE", "US", "CN", "IE", "GB", "XX", "CH", "IN", "JP"]),
    "jurisdiction": st.sampled_from(["NO", "SE", "DK", "US"]),
    "authority": st.sampled_from(["NO", "SE", "DE", "DE-BY", "XX", "US"]),
    "last_updated": st.sampled_from(["2024-02-29", "1900-01-01", "9999-12-31", "2026-10-01"]),
    "email": st.sampled_from(["a@b.no", "x@y.z", "personvern@example.no", "a+b@c.d.e"]),
    "url": st.sampled_from(["https://x.no/", "http://a.b", "https://www.datatilsynet.no"]),
    "web_form": st.sampled_from(["https://x.no/", "http://a.b"]),
    "safeguard": st.sampled_from(["https://x.no/", "http://a.b"]),
    "privacy_notice": st.sampled_from(["https://x.no/", "http://a.b"]),
    "default_language": st.sampled_from(["nb", "en", "nn", "de"]),
}


def _mutable_paths(doc: Any, predicate: Callable[[Path_, Any], bool]) -> list[Path_]:
    return [path for path, value in walk(doc) if path and predicate(path, value)]


@st.composite
def mutated_example(draw: st.DrawFn, base: dict[str, Any], valid_only: bool = False) -> str:
    """The complete example with 1-4 random mutations, dumped in a random YAML style."""
    doc = copy.deepcopy(base)
    # Mostly schema-valid changes, so that the rules run on unusual statements ...
    kinds = ["valid-value", "odd-text", "organisation", "swap-languages", "long-string", "empty-optional-list",
             "drop-optional-key", "duplicate-item-text"]  # fmt: skip
    # ... and the damage a half-edited file or a bad merge does.
    if not valid_only:
        kinds += [
            "drop-key",
            "change-type",
            "duplicate-id",
            "break-reference",
            "empty-list",
            "duplicate-item",
        ]
    for _ in range(draw(st.integers(1, 4), label="mutations")):
        kind = draw(st.sampled_from(kinds), label="kind")
        apply_mutation(draw, doc, kind)
    text = dump(doc, draw(dump_styles, label="style"))
    if draw(st.booleans(), label="waiver"):
        lines = text.split("\n")
        at = draw(st.integers(0, max(0, len(lines) - 2)), label="waiver-line")
        code = draw(st.sampled_from(["CTL001", "CTL003", "TXT001", "WVR002", "", "ctl003, X", "INP003"]))
        reason = draw(st.sampled_from(["", " a reason", " " + "x" * 300]))
        lines[at] += f"  # noticelint: ignore[{code}]{reason}"
        text = "\n".join(lines)
    return text


def apply_mutation(draw: st.DrawFn, doc: dict[str, Any], kind: str) -> None:
    def pick(predicate: Callable[[Path_, Any], bool]) -> Path_ | None:
        paths = _mutable_paths(doc, predicate)
        return draw(st.sampled_from(paths), label=kind) if paths else None

    def in_text(path: Path_) -> bool:
        return any(
            str(step)
            in (
                "text",
                "purpose",
                "criterion",
                "consequence",
                "objection",
                "how",
                "heading",
                "title",
                "legitimate_interest",
                "statute",
                "data_categories",
                "data_subjects",
                "description",
                "risks",
                "logic",
                "significance",
            )
            for step in path
        )

    if kind == "drop-key":
        path = pick(lambda p, v: isinstance(get(doc, p[:-1]), dict))
        if path:
            del get(doc, path[:-1])[path[-1]]
    elif kind == "drop-optional-key":
        optional = {
            "text",
            "dpo",
            "representative",
            "complaint",
            "rights",
            "transfers",
            "sections",
            "retention",
            "provision",
            "automated_decisions",
            "cookies",
            "contact",
            "legal_basis",
            "title",
            "scope",
            "withdrawal",
            "objection",
            "period",
            "legitimate_interest",
            "source",
            "purpose",
            "lifetime",
        }
        path = pick(lambda p, v: isinstance(p[-1], str) and p[-1] in optional)
        if path:
            del get(doc, path[:-1])[path[-1]]
    elif kind == "change-type":
        path = pick(lambda p, v: True)
        if path:
            old = get(doc, path)
            new = draw(json_like.filter(lambda v: type(v) is not type(old)), label="new value")
            put(doc, path, new)
    elif kind == "valid-value":
        path = pick(
            lambda p, v: (
                (isinstance(v, bool))
                or (isinstance(p[-1], str) and (p[-1] in ENUMS or p[-1] in VALID_LIKE))
                or (isinstance(p[-1], int) and len(p) > 1 and p[-2] in ENUMS)
            )
        )
        if path:
            old = get(doc, path)
            name = path[-1] if isinstance(path[-1], str) else path[-2]
            if isinstance(old, bool):
                put(doc, path, not old)
            elif name in VALID_LIKE:
                put(doc, path, draw(VALID_LIKE[str(name)], label="valid"))
            elif isinstance(old, list):
                put(doc, path, draw(st.lists(st.sampled_from(ENUMS[str(name)]), max_size=8), label="valid"))
            else:
                put(doc, path, draw(st.sampled_from(ENUMS[str(name)]), label="valid"))
    elif kind == "odd-text":
        path = pick(lambda p, v: isinstance(v, str) and in_text(p))
        if path:
            old = get(doc, path)
            cut = draw(st.integers(0, len(old)), label="at")
            put(doc, path, old[:cut] + draw(ODD_TEXT, label="odd") + old[cut:])
    elif kind == "organisation":
        path = pick(lambda p, v: isinstance(v, str) and in_text(p))
        if path:
            sentence = draw(st.sampled_from(SENTENCES)).format(org=draw(st.sampled_from(ORGANISATIONS)))
            old = get(doc, path)
            how = draw(st.sampled_from(["replace", "append", "prepend"]), label="how")
            put(
                doc,
                path,
                {"replace": sentence, "append": f"{old} {sentence}", "prepend": f"{sentence} {old}"}[how],
            )
    elif kind == "swap-languages":
        choice = draw(st.sampled_from(["swap", "flatten", "add", "languages", "default"]), label="swap")
        texts = _mutable_paths(doc, lambda p, v: isinstance(v, dict) and {"nb", "en"} <= set(v))
        if choice == "swap" and texts:
            path = draw(st.sampled_from(texts))
            value = get(doc, path)
            value["nb"], value["en"] = value["en"], value["nb"]
        elif choice == "flatten" and texts:
            path = draw(st.sampled_from(texts))
            put(doc, path, get(doc, path)[draw(st.sampled_from(["nb", "en"]))])
        elif choice == "add" and texts:
            path = draw(st.sampled_from(texts))
            get(doc, path)[draw(st.sampled_from(["nn", "de", "se", "en-GB", "xx"]))] = "Tekst."
        elif choice == "languages":
            doc["statement"]["languages"] = draw(
                st.lists(st.sampled_from(["nb", "en", "nn", "de"]), max_size=4), label="languages"
            )
        else:
            doc["statement"]["default_language"] = draw(st.sampled_from(["nb", "en", "nn", "de"]))
    elif kind == "long-string":
        path = pick(lambda p, v: isinstance(v, str))
        if path:
            unit = draw(st.sampled_from(["x", "Google LLC ", "ord ", "a.", "æ", " ", "[a](b) ", "AS "]))
            put(doc, path, unit * draw(st.integers(1_000, 40_000), label="repeat"))
    elif kind == "empty-list":
        path = pick(lambda p, v: isinstance(v, list))
        if path:
            put(doc, path, [])
    elif kind == "empty-optional-list":
        path = pick(
            lambda p, v: (
                isinstance(v, list)
                and p[-1]
                in ("recipients", "cookies", "transfers", "sections", "channels", "offered", "sites")
            )
        )
        if path:
            put(doc, path, [])
    elif kind in ("duplicate-item", "duplicate-item-text"):
        path = pick(
            lambda p, v: (
                isinstance(v, list)
                and bool(v)
                and (kind == "duplicate-item" or p[-1] in ("data_categories", "data_subjects"))
            )
        )
        if path:
            items = get(doc, path)
            items.append(copy.deepcopy(items[draw(st.integers(0, len(items) - 1))]))
    elif kind == "duplicate-id":
        ids = _mutable_paths(doc, lambda p, v: p[-1] == "id" and isinstance(v, str))
        if len(ids) >= 2:
            source, target = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
            put(doc, target, get(doc, source))
    elif kind == "break-reference":
        refs = _mutable_paths(
            doc,
            lambda p, v: (
                isinstance(v, str) and (p[-1] in REFERENCE_KEYS or (len(p) > 1 and p[-2] == "recipients"))
            ),
        )
        if refs:
            declared = [v for p, v in walk(doc) if p and p[-1] == "id" and isinstance(v, str)]
            new = draw(
                st.one_of(
                    st.sampled_from(declared),
                    st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,10}\Z"),
                    st.sampled_from(["nobody", "Google-LLC", "", " google-llc"]),
                )
            )
            put(doc, draw(st.sampled_from(refs)), new)


def test_the_example_is_clean_before_mutation(linter: Linter) -> None:
    assert linter.check(Source.text(EXAMPLE.read_text(encoding="utf-8"), "x.yaml")).findings == []


BASE = yaml_load(EXAMPLE.read_text(encoding="utf-8"))


@SETTINGS
@given(text=mutated_example(BASE))
def test_mutated_example_never_crashes(linter: Linter, text: str) -> None:
    assert_sane(linter, text)


@SETTINGS
@given(text=mutated_example(BASE, valid_only=True))
def test_schema_valid_mutations_never_break_a_rule(linter: Linter, text: str) -> None:
    findings = assert_sane(linter, text)
    input_errors = {f.code for f in findings if f.input_error}
    event("rules ran" if not input_errors else f"input error {sorted(input_errors)}")


@SETTINGS
@given(text=mutated_example(BASE), data=st.data())
def test_mutated_example_with_text_edits_never_crashes(
    linter: Linter, text: str, data: st.DataObject
) -> None:
    """Byte-level damage to a real statement: characters inserted, deleted or replaced at random places."""
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="at")
        gone = data.draw(st.integers(0, 5), label="deleted")
        new = data.draw(st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=3)), label="inserted")
        text = text[:at] + new + text[at + gone :]
    assert_sane(linter, text)


@SETTINGS
@given(text=mutated_example(BASE), newline=st.sampled_from(["\r\n", "\r"]), bom=st.booleans())
def test_line_endings_and_bom_keep_positions(linter: Linter, text: str, newline: str, bom: bool) -> None:
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode(
        "utf-8", errors="surrogatepass"
    )
    assert_sane(linter, raw)


# --- determinism ------------------------------------------------------------------------------------------


def run_cli(*args: str) -> tuple[int, str, str]:
    result = invoke(*args)
    return result.code, result.out, result.err


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="noticelint-properties-") as name:
        folder = Path(name)
        (folder / "noticelint.toml").write_text("", encoding="utf-8")
        yield folder


@FEW
@given(
    text=st.one_of(mutated_example(BASE), mutated_example(BASE, valid_only=True), yamlish_text),
    fmt=st.sampled_from(["json", "text", "sarif"]),
)
def test_check_is_deterministic(workdir: Path, text: str, fmt: str) -> None:
    """The same file checked twice gives the same exit code and the same report, byte for byte."""
    path = workdir / "statement.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    config = str(workdir / "noticelint.toml")
    args = ("check", "--format", fmt, "--no-cache", "--config", config, str(path))
    first = run_cli(*args)
    second = run_cli(*args)
    assert first == second
    code, out, err = first
    assert code in (0, 1, 2), err
    assert "Traceback" not in out + err


def test_check_is_deterministic_across_processes(tmp_path: Path) -> None:
    """Different hash seeds (set and dict order of strings) and worker pools give the same bytes."""
    folder = tmp_path / "policy"
    folder.mkdir()
    for source in (REPO / "policy").glob("*.yaml"):
        for copy_number in range(13):  # 26 files: above the threshold where workers start
            (folder / f"{copy_number:02d}-{source.name}").write_bytes(source.read_bytes())
    (tmp_path / "noticelint.toml").write_text("", encoding="utf-8")
    outputs = []
    for seed, jobs in (("1", "1"), ("2", "2"), ("3", "1")):
        command = [sys.executable, "-m", "noticelint", "check", "--format", "json", "--no-cache"]
        command += ["--jobs", jobs, "--config", "noticelint.toml", "policy"]
        result = subprocess.run(
            command,
            cwd=tmp_path,
            capture_output=True,
            timeout=180,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": seed, "GITHUB_ACTIONS": ""},
        )
        assert result.returncode == 1, result.stderr.decode(errors="replace")
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]


def test_check_is_the_same_with_a_cold_cache_a_warm_cache_and_none(tmp_path: Path) -> None:
    files = [str(p) for p in sorted((REPO / "policy").glob("*.yaml"))]
    files += [str(p) for p in sorted((REPO / "tests" / "corpus").glob("*.yaml"))[:12]]
    (tmp_path / "noticelint.toml").write_text("", encoding="utf-8")
    common = ("check", "--format", "json", "--config", str(tmp_path / "noticelint.toml"))
    cache = ("--cache-dir", str(tmp_path / "cache"))
    uncached = run_cli(*common, "--no-cache", *files)
    cold = run_cli(*common, *cache, *files)
    warm = run_cli(*common, *cache, *files)
    assert (tmp_path / "cache").is_dir()
    assert uncached == cold == warm
    assert uncached[0] == 2  # the corpus files are input errors


# --- render ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(not render_available(), reason="noticelint render does not exist yet")
@FEW
@given(
    text=st.one_of(mutated_example(BASE), mutated_example(BASE, valid_only=True)),
    fmt=st.sampled_from(["html", "md"]),
    lang=st.sampled_from(["all", "nb", "en", None]),
    fragment=st.booleans(),
)
def test_render_never_crashes(
    linter: Linter, workdir: Path, text: str, fmt: str, lang: str | None, fragment: bool
) -> None:
    """A draft renders whatever the statement holds; an invalid one is refused with exit 2, never a crash."""
    raw = text.encode("utf-8", errors="surrogatepass")
    path = workdir / "render-input.yaml"
    path.write_bytes(raw)
    out = workdir / "out"
    shutil.rmtree(out, ignore_errors=True)
    args = ["render", "--draft", "--format", fmt, "--config", str(workdir / "noticelint.toml")]
    args += [*(["--lang", lang] if lang else []), *(["--fragment"] if fragment else [])]
    code, stdout, stderr = run_cli(*args, "--output", f"{out}/", str(path))
    assert code in (0, 1, 2), stdout + stderr
    assert "Traceback" not in stdout + stderr, stderr
    assert "INP006" not in stderr, stderr  # noticelint itself failed
    valid = not any(f.input_error for f in linter.check(Source("x.yaml", data=raw)).findings)
    if valid and code == 0:
        assert out.is_dir() and any(out.iterdir()), stderr
    if not valid:
        assert code == 2, stderr


# --- the known bugs, one reproducer each -------------------------------------------------------------------


def test_cr_only_file_locates_a_nul_byte(linter: Linter) -> None:
    """Once a known bug (loader._position counted LF only): with CR line endings a NUL byte on line 2,
    column 18 was reported at 1:36, past the end of line 1."""
    raw = b"schema_version: 1\rstatement: {id: s\x00}\r"
    findings = assert_sane(linter, raw)
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("INP001", 2, 18)]


def test_every_known_bug_is_still_a_bug_and_recognised(linter: Linter) -> None:
    """Each predicate recognises its own reproducer (else the properties would report it as new)."""
    for name, bug in KNOWN_BUGS.items():
        wrong = wrong_findings(bug.reproducer, linter.check(Source("x.yaml", data=bug.reproducer)).findings)
        if wrong:
            assert all(bug.matches(bug.reproducer, f) for f, _ in wrong), (name, wrong)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason=bug.reason, strict=True))
        for name, bug in KNOWN_BUGS.items()
    ],
)
def test_known_bug(linter: Linter, name: str) -> None:
    raw = KNOWN_BUGS[name].reproducer
    findings = linter.check(Source("x.yaml", data=raw)).findings
    assert findings
    assert wrong_findings(raw, findings) == []
