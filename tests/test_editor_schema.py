"""The schema in a real editor: the YAML language server (npm ``yaml-language-server``, the one VS Code's
YAML extension runs) over stdio, on a statement whose modeline points at schema/.

Skipped only when node is not installed; ``.ci/run`` installs node and the pinned server
(tests/lsp/package-lock.json) before the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.lsp.client import INSTALL, SERVER, Client, node

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "schema" / "privacy-statement.schema.json"

pytestmark = pytest.mark.skipif(node() is None, reason="node is not installed (apt-get install nodejs npm)")

STATEMENT = f"""\
# yaml-language-server: $schema={SCHEMA.as_uri()}
schema_version: 1
statement:
  id: frisor
  languages: [nb]
  default_language: nb
controller:
  id: frisor
  legal_name: Eksempel Frisør AS

activities:
  - id: timebestilling
    purpose: Bestille time
    legal_basis: "6(1)(b)"
    retension:
      period: P1Y
"""


def _position(text: str, needle: str, offset: int = 0) -> dict[str, int]:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return {"line": line, "character": index - (text.rfind("\n", 0, index) + 1)}


def _text(contents: Any) -> str:
    if isinstance(contents, dict):
        return str(contents.get("value", ""))
    if isinstance(contents, list):
        return "\n".join(_text(c) for c in contents)
    return str(contents)


@pytest.fixture(scope="module")
def server() -> Iterator[Client]:
    if not SERVER.exists():
        pytest.fail(f"the YAML language server is not installed; run `{INSTALL}` (as .ci/run does)")
    settings = {"yaml": {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}}
    client = Client(settings)
    client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": None,
            "capabilities": {
                "textDocument": {
                    "completion": {
                        "completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}
                    },
                    "hover": {"contentFormat": ["markdown"]},
                    "publishDiagnostics": {},
                },
                "workspace": {"configuration": True},
            },
        },
    )
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": settings})
    yield client
    client.close()


def _open(server: Client, tmp_path: Path, text: str) -> str:
    path = tmp_path / "frisor.yaml"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    server.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
    )
    return uri


def test_completion_inside_controller_offers_its_keys_without_null(server: Client, tmp_path: Path) -> None:
    text = STATEMENT.replace("  legal_name: Eksempel Frisør AS\n", "  legal_name: Eksempel Frisør AS\n  \n")
    uri = _open(server, tmp_path, text)
    at = _position(text, "  legal_name: Eksempel Frisør AS\n  \n", len("  legal_name: Eksempel Frisør AS\n  "))
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"contact", "country", "organisation_number", "public_authority"} <= labels, labels
    assert "legal_name" not in labels  # already there
    assert "retention" not in labels  # a key of activities, not of the controller
    inserted = [item.get("insertText") or item.get("textEdit", {}).get("newText", "") for item in items]
    assert not [t for t in inserted if "null" in t], inserted
    country = next(item for item in items if item["label"] == "country")
    assert "Country where the controller is established" in _text(country.get("documentation", ""))


def test_completion_of_legal_basis_values_carries_their_meaning(server: Client, tmp_path: Path) -> None:
    text = STATEMENT.replace('legal_basis: "6(1)(b)"', "legal_basis: ")
    uri = _open(server, tmp_path, text)
    at = _position(text, "legal_basis: ", len("legal_basis: "))
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
    items = result["items"] if isinstance(result, dict) else result
    by_label = {item["label"].strip("\"'"): item for item in items}
    assert set(by_label) == {"6(1)(a)", "6(1)(b)", "6(1)(c)", "6(1)(d)", "6(1)(e)", "6(1)(f)"}, by_label.keys()
    assert "consent" in _text(by_label["6(1)(a)"].get("documentation", ""))
    assert "legitimate interests" in _text(by_label["6(1)(f)"].get("documentation", ""))


def test_hover_on_legal_basis_shows_the_fields_description(server: Client, tmp_path: Path) -> None:
    uri = _open(server, tmp_path, STATEMENT)
    at = _position(STATEMENT, "legal_basis", 3)
    result = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at})
    assert result is not None
    shown = _text(result["contents"])
    assert "GDPR Art. 6(1) basis" in shown, shown


def test_a_misspelt_key_is_a_diagnostic_at_its_line(server: Client, tmp_path: Path) -> None:
    uri = _open(server, tmp_path, STATEMENT)
    diagnostics = server.notification("textDocument/publishDiagnostics", uri)["params"]["diagnostics"]
    misspelt = [d for d in diagnostics if "retension" in d["message"]]
    assert misspelt, diagnostics
    assert misspelt[0]["range"]["start"]["line"] == _position(STATEMENT, "retension")["line"]
    # Nothing else in this statement is wrong for the schema.
    assert len(diagnostics) == len(misspelt), diagnostics
