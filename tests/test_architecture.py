"""The package's layers: a module imports only from its own layer or the ones below it, and rules
import only the public rule API."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "noticelint"

# Lowest first. A module may import from its own layer and any layer listed before it.
LAYERS = ("input", "format", "text", "knowledge", "lint", "reporters", "render", "scan", "importer")
TOP = {"cli", "api", "__main__"}
LEAVES = {"atomic", "__init__"}  # shared utilities that import nothing of noticelint's layers


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "noticelint":
                found.extend((node.lineno, f"noticelint.{alias.name}") for alias in node.names)
            elif node.module.startswith("noticelint."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names if a.name.startswith("noticelint."))
    return found


def _layer(module: str) -> str:
    return module.split(".")[1]


def _rank(layer: str) -> int:
    if layer in TOP:
        return len(LAYERS) + 1
    if layer in LEAVES or layer == "checks":
        return -1
    return LAYERS.index(layer) if layer in LAYERS else len(LAYERS)


def test_no_layer_reaches_up() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        own = relative.parts[0].removesuffix(".py")
        if own in TOP:
            continue
        for line, module in _imports(path):
            other = _layer(module)
            if other in LEAVES or other == "__version__":
                continue
            if own in LEAVES and other not in LEAVES:
                wrong.append(f"{relative}:{line}: a leaf module imports {module}")
            elif own not in LEAVES and _rank(other) > _rank(own) and other != "checks":
                wrong.append(f"{relative}:{line}: layer {own} imports {module} from a higher layer")
    assert not wrong, "\n".join(wrong)


def test_rules_import_only_the_public_api() -> None:
    rule_files = [
        *sorted((REPO / "checks").glob("*.py")),
        *sorted((REPO / "tests" / "custom_rules").rglob("*.py")),
    ]
    assert len(rule_files) > 10
    wrong = [
        f"{path.relative_to(REPO)}:{line}: imports {module}"
        for path in rule_files
        for line, module in _imports(path)
        if module != "noticelint.api"
    ]
    assert not wrong, "\n".join(wrong)


def test_the_layer_check_sees_a_violation() -> None:
    """The checker itself: a layer that imports one above it is caught (so the test above can fail)."""
    assert _rank("lint") > _rank("input")
    assert _rank("render") > _rank("lint")
    assert _rank("input") < _rank("format")
