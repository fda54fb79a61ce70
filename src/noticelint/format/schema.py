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


@functools.cache
def statement_schema() -> dict[str, Any]:
    from noticelint.format.model import PrivacyStatement

    generated = PrivacyStatement.model_json_schema(mode="validation")
    _tighten(generated)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **generated,
        "title": "Privacy statement (noticelint, schema_version 1)",
    }


def schema_text() -> str:
    return json.dumps(statement_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
