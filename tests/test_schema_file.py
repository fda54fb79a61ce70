"""The committed schema is exactly what the models generate, and other tools accept our statements."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticelint.format.schema import schema_text, statement_schema

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "schema" / "privacy-statement.schema.json"
STATEMENTS = sorted((REPO / "policy").glob("*.yaml"))


def test_committed_schema_equals_generated() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "schema/ is stale: run `noticelint schema > schema/privacy-statement.schema.json`"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(statement_schema())
    assert statement_schema()["$schema"].endswith("2020-12/schema")


def _properties(node: object, path: str = "") -> list[tuple[str, dict[str, object]]]:
    found: list[tuple[str, dict[str, object]]] = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            found.append((f"{path}.{name}", sub))
        for key, value in node.items():
            if key != "properties":
                found.extend(_properties(value, f"{path}/{key}"))
        for name, sub in node.get("properties", {}).items():
            found.extend(_properties(sub, f"{path}.{name}"))
    elif isinstance(node, list):
        for item in node:
            found.extend(_properties(item, path))
    return found


def test_every_property_has_a_description() -> None:
    schema = statement_schema()
    missing = [
        path
        for path, sub in _properties(schema)
        if "description" not in sub and "$ref" not in sub and path != ".schema_version"
    ]
    # Properties that only point at a definition get their help from that definition.
    assert not missing, missing


def test_enums_list_their_values() -> None:
    defs = statement_schema()["$defs"]
    assert defs["LegalBasis"]["enum"] == ["6(1)(a)", "6(1)(b)", "6(1)(c)", "6(1)(d)", "6(1)(e)", "6(1)(f)"]
    assert "processor" in defs["PartyRole"]["enum"]


def test_every_enum_value_carries_its_meaning() -> None:
    defs = statement_schema()["$defs"]
    enums = {name: d for name, d in defs.items() if "enum" in d}
    assert len(enums) > 15
    for name, definition in enums.items():
        meanings = definition.get("enumDescriptions", [])
        assert len(meanings) == len(definition["enum"]) and all(m.strip() for m in meanings), name
    assert defs["LegalBasis"]["enumDescriptions"][0].startswith("consent")


def _nodes(node: object) -> Iterator[dict[str, object]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def test_optional_fields_are_not_required_rather_than_nullable() -> None:
    """Editors complete a nullable field as `key: null` and lose its description in the anyOf."""
    schema = statement_schema()
    assert not [n for n in _nodes(schema) if n.get("type") == "null" or ("default" in n and n["default"] is None)]
    legal_basis = schema["$defs"]["Activity"]["properties"]["legal_basis"]
    assert legal_basis["$ref"] == "#/$defs/LegalBasis"
    assert legal_basis["description"].startswith("GDPR Art. 6(1) basis")
    assert "legal_basis" not in schema["$defs"]["Activity"].get("required", [])


@pytest.mark.parametrize("value", ["null", ""])
def test_an_optional_key_without_a_value_is_an_error_in_schema_and_models(value: str) -> None:
    from noticelint.format.validation import schema_problems, typed_statement
    from noticelint.input.loader import parse

    text = (REPO / "policy" / "eksempel-dyreklinikk.yaml").read_text(encoding="utf-8")
    assert '    legal_basis: "6(1)(b)"\n' in text
    doc = parse(text.replace('    legal_basis: "6(1)(b)"\n', f"    legal_basis: {value}\n", 1), "x.yaml")
    statement, problems = typed_statement(doc)
    assert statement is None
    assert [p.message for p in problems] == [
        "activity 'timebestilling' (legal_basis) has no value; write one or leave the key out"
    ]
    assert schema_problems(doc) == problems


def test_text_mapping_rejects_non_language_keys() -> None:
    from jsonschema import Draft202012Validator

    text_schema = {"$defs": statement_schema()["$defs"], "$ref": "#/$defs/Text"}
    validator = Draft202012Validator(text_schema)
    assert validator.is_valid({"nb": "Hei", "en": "Hello"})
    assert not validator.is_valid({"Norwegian": "Hei"})


@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda p: p.name)
def test_check_jsonschema_accepts_policy(statement: Path) -> None:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [exe, "--schemafile", str(SCHEMA), str(statement)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_json_is_what_noticelint_schema_prints() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "noticelint", "schema"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA.read_text(encoding="utf-8"))


def _documents() -> list[tuple[str, str]]:
    """Valid and invalid statements: the policy files, the rules' examples and the hostile corpus."""
    from noticelint.lint.rules import discover
    from tests.conftest import merge, yaml_dump, yaml_load

    base = yaml_load((REPO / "policy" / "eksempel-dyreklinikk.yaml").read_text(encoding="utf-8"))
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in STATEMENTS]
    for rule in discover():
        for name, fragment in (("fails", rule.info.fails), ("passes", rule.info.passes)):
            docs.append((f"{rule.code}-{name}", yaml_dump(merge(base, yaml_load(fragment)))))
    for path in sorted((REPO / "tests" / "corpus").glob("*.yaml")):
        try:
            docs.append((path.name, path.read_bytes().decode("utf-8")))
        except UnicodeDecodeError:
            continue
    mutations = {
        "string-for-bool": ("designated: true", 'designated: "yes"'),
        "number-for-string": ("version: '1.0'", "version: 1.0"),
        "bad-date": ("last_updated: 2026-10-01", "last_updated: 2026-13-01"),
        "bad-language-key": ("    nb:", "    norsk:"),
    }
    example = (REPO / "policy" / "eksempel-dyreklinikk.yaml").read_text(encoding="utf-8")
    for name, (old, new) in mutations.items():
        if old in example:
            docs.append((name, example.replace(old, new, 1)))
    return docs


def test_the_models_accept_exactly_what_the_schema_accepts() -> None:
    """noticelint skips jsonschema for documents the models accept; that is only right if both agree."""
    import json

    from pydantic import ValidationError

    from noticelint.format.model import PrivacyStatement
    from noticelint.format.validation import schema_problems
    from noticelint.input.loader import parse
    from noticelint.input.reading import LoadError

    compared = 0
    for name, text in _documents():
        try:
            doc = parse(text, name)
        except LoadError:
            continue
        try:
            PrivacyStatement.model_validate_json(json.dumps(doc.data), strict=True)
            models_accept = True
        except ValidationError:
            models_accept = False
        assert models_accept == (not schema_problems(doc)), name
        compared += 1
    assert compared > 50
