"""The fast composer must build the very tree ruamel.yaml's own safe composer builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode, SequenceNode

from noticelint.input.composer import LIBYAML, EmptyDocument, SecondDocument, compose

ROOT = Path(__file__).resolve().parent.parent


def _is_sample(path: Path) -> bool:
    """UTF-8 text without the line breaks that noticelint never gives to libyaml."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and not any(c in text for c in "\u2028\u2029\x85")


SAMPLES = sorted(
    p for d in (ROOT / "policy", ROOT / "tests" / "corpus") for p in d.rglob("*.yaml") if _is_sample(p)
)

pytestmark = pytest.mark.skipif(not LIBYAML, reason="ruamel.yaml.clib is not installed")


def _tree(node: Any, seen: dict[int, int] | None = None) -> Any:
    """Everything about a node that noticelint reads: kind, tag, value, style and both marks."""
    seen = {} if seen is None else seen
    if id(node) in seen:
        return ("alias", seen[id(node)])
    seen[id(node)] = len(seen)
    marks = tuple((m.index, m.line, m.column) for m in (node.start_mark, node.end_mark))
    head = (type(node).__name__, node.tag, marks)
    if isinstance(node, ScalarNode):
        return (*head, node.value, node.style)
    if isinstance(node, SequenceNode):
        return (*head, [_tree(item, seen) for item in node.value])
    return (*head, [(_tree(k, seen), _tree(v, seen)) for k, v in node.value])


def _ruamel(text: str) -> Any:
    return _tree(YAML(typ="safe").compose(text))


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 20


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_same_tree_or_same_error_as_ruamel(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected: Any = ("tree", _ruamel(text))
    except Exception as exc:  # the composer must fail where ruamel fails, with the same error
        expected = ("error", type(exc).__name__, str(exc))
    try:
        actual: Any = ("tree", _tree(compose(text, pure=False)))
    except (EmptyDocument, SecondDocument):
        return  # ruamel's compose() takes the first document; noticelint refuses these (tested elsewhere)
    except Exception as exc:
        actual = ("error", type(exc).__name__, str(exc))
    assert actual == expected


# Plain scalars that sit on the edges of the YAML 1.2 core schema: numbers, booleans, nulls, dates.
_EDGES = st.sampled_from(
    [
        "true",
        "True",
        "TRUE",
        "tRue",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "null",
        "Null",
        "NULL",
        "~",
        "0",
        "-0",
        "+1",
        "007",
        "0o17",
        "0x1F",
        "0b101",
        "1_000",
        "1.5",
        ".5",
        "-.5",
        "1e3",
        "1.0e+3",
        ".inf",
        "-.Inf",
        ".nan",
        "NaN",
        "1:20",
        "2026-11-25",
        "2026-11-25T10:00:00Z",
        "<<",
        "=",
        "!",
        "&",
        "*",
        "P3Y",
        "6(1)(a)",
        "",
        "2026-1-5 1:00:00",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_EDGES, st.text(alphabet="0123456789+-._eExobTtFfNnulras:<=~ ", max_size=12)))
def test_plain_scalars_get_ruamel_s_tags(value: str) -> None:
    text = f"key: {value}\n"
    try:
        expected = _ruamel(text)
    except Exception:
        return  # not a plain scalar (e.g. a leading '-' or ':' makes other YAML)
    assert _tree(compose(text, pure=False)) == expected


def test_a_second_document_is_reported_with_its_node() -> None:
    with pytest.raises(SecondDocument) as raised:
        compose("a: 1\n---\nb: 2\n", pure=False)
    assert raised.value.node.start_mark.line == 2


@pytest.mark.parametrize("pure", [False, True])
def test_an_empty_text_has_no_document(pure: bool) -> None:
    with pytest.raises(EmptyDocument):
        compose("# only a comment\n", pure=pure)


ALIASED = """\
base: &b {name: Acme AS, list: [1, {x: y}]}
copy: *b
"a/b": slash
"t~n": tilde
"1": one
items: [a, [b, c], {d: e}]
text: |
  line one
  line two
"""


@pytest.mark.parametrize(
    "text",
    [ALIASED, *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "policy").glob("*.yaml")))],
    ids=["aliases-and-escapes", *(p.name for p in sorted((ROOT / "policy").glob("*.yaml")))],
)
def test_finding_one_node_agrees_with_the_full_index(text: str) -> None:
    from noticelint.input.document import Document
    from noticelint.input.loader import parse

    doc = parse(text, "x.yaml")
    index = doc.index()
    assert len(index) > 10
    walked = Document(doc.path, doc.text, doc.data, index=dict, lookup=doc.lookup)
    for pointer, node in index.items():
        assert walked.find(pointer) == node, pointer
    missing = [
        "/nope",
        "/items/3",
        "/items/01",
        "/items/-1",
        "/items/x",
        "/items/0/deeper",
        "/base/list/1/x/y",
    ]
    for pointer in missing:
        assert pointer not in index and walked.find(pointer) is None, pointer
