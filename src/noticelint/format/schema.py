"""The JSON Schema of the statement format, generated from the pydantic models.

``schema/privacy-statement.schema.json`` in the repository is exactly :func:`schema_text`; a test keeps
the two equal, so editors and other tools see the same schema the tool validates against.
"""

from __future__ import annotations

import functools
import json
from typing import Any

# A name, not an address: the schema is not published anywhere. A repository keeps its own copy
# (`noticelint init` or `noticelint schema --output schema/privacy-statement.schema.json`) and the
# statements' modeline points at that file.
SCHEMA_ID = "urn:noticelint:schema:privacy-statement:1"
SCHEMA_FILE = "schema/privacy-statement.schema.json"


def _tighten(node: Any) -> None:
    """Make the schema as strict as the models: a mapping keyed by pattern accepts no other keys."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
            node.pop("propertyNames", None)
        for value in node.values():
            _tighten(value)
    elif isinstance(node, list):
        for value in node:
            _tighten(value)


def _optional_without_null(node: Any) -> None:
    """An optional field is one that is not required: ``X | None = None`` becomes plain X, not
    ``anyOf [X, null]`` with ``default: null`` (which editors complete as ``key: null`` and whose
    description they lose). The models reject an explicit ``null`` in a document to match."""
    if isinstance(node, dict):
        for name, prop in list(node.get("properties", {}).items()):
            branches = prop.get("anyOf") if isinstance(prop, dict) else None
            if isinstance(branches, list) and {"type": "null"} in branches and prop.get("default", 0) is None:
                kept = [b for b in branches if b != {"type": "null"}]
                outer = {k: v for k, v in prop.items() if k not in ("anyOf", "default")}
                base = kept[0] if len(kept) == 1 else {"anyOf": kept}
                if "pattern" in base and "description" in base and "description" in outer:
                    # The field's description wins for hover; the type's says what form a value
                    # must have, which the validation message quotes.
                    outer["x-form"] = base["description"]
                node["properties"][name] = {**base, **outer}
        for value in node.values():
            _optional_without_null(value)
    elif isinstance(node, list):
        for value in node:
            _optional_without_null(value)


def _describe_values(defs: dict[str, Any]) -> None:
    """Each enumeration value carries its meaning, as the YAML language server reads it."""
    from noticelint.format.model.meanings import MEANINGS

    by_name = {cls.__name__: meanings for cls, meanings in MEANINGS.items()}
    for name, definition in defs.items():
        if "enum" in definition and name in by_name:
            definition["enumDescriptions"] = [by_name[name][value] for value in definition["enum"]]


@functools.cache
def statement_schema() -> dict[str, Any]:
    from noticelint.format.model import PrivacyStatement

    generated = PrivacyStatement.model_json_schema(mode="validation")
    _tighten(generated)
    _optional_without_null(generated)
    _describe_values(generated["$defs"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **generated,
        "title": "Privacy statement (noticelint, schema_version 1)",
    }


def schema_text() -> str:
    return json.dumps(statement_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
