"""Documentation that is generated from the code stays in step with it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from noticelint.format.schema import statement_schema
from noticelint.lint.rules import discover
from noticelint.reporters.rule_docs import rules_markdown

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import sync_docs  # noqa: E402


def _readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_rules_md_is_generated_from_the_rules() -> None:
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(discover()), (
        "docs/rules.md is stale: run `python tools/sync_docs.py`"
    )


def test_readme_rules_and_sample_are_current() -> None:
    assert sync_docs.readme_text(_readme()) == _readme(), (
        "README.md is stale: run `python tools/sync_docs.py`"
    )


def test_readme_has_two_setup_commands_and_ci_runs_the_test_one() -> None:
    block = re.search(r"```sh\n(.*?)```", _readme(), re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    install_and_check, install_and_test = commands
    assert "noticelint check policy/" in install_and_check
    assert "pytest" in install_and_test
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines(), ".ci/run must run the README's test command as written"


def test_format_doc_describes_every_top_level_key() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    for key in statement_schema()["properties"]:
        assert f"`{key}`" in text, f"docs/format.md does not describe `{key}`"
