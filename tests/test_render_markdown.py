"""The Markdown notice, read as a static-site generator reads it: through a CommonMark parser (with GFM
tables), checking the structure of the HTML it gives, as the HTML page is checked."""

from __future__ import annotations

import html5lib
import pytest
from markdown_it import MarkdownIt

from noticelint.format.model import PrivacyStatement
from noticelint.render import render_notice
from tests.conftest import EXAMPLE, yaml_load

NS = {"h": "http://www.w3.org/1999/xhtml"}


def _parsed(lang: str) -> object:
    statement = PrivacyStatement.model_validate(yaml_load(EXAMPLE.read_text(encoding="utf-8")))
    markdown = render_notice(statement, lang, "md", fragment=True)
    page = MarkdownIt("commonmark").enable("table").render(markdown)
    return html5lib.parse(page, namespaceHTMLElements=True)


@pytest.fixture(scope="module", params=["nb", "en"])
def tree(request: pytest.FixtureRequest) -> object:
    return _parsed(request.param)


def _text(element: object) -> str:
    return " ".join("".join(element.itertext()).split())  # type: ignore[attr-defined]


def test_the_first_layer_keeps_the_purposes_as_a_list_inside_their_line(tree: object) -> None:
    first = tree.find(".//h:ul", NS)  # type: ignore[attr-defined]
    nested = first.findall("./h:li/h:ul/h:li", NS)
    assert len(nested) == 4, "the four purposes are a list inside the 'what we use the data for' line"
    assert all(li.find("./h:a", NS) is not None for li in nested)  # each links to its details
    # The purposes are not flattened into the first layer's own list.
    assert all(li.find("./h:strong", NS) is not None for li in first.findall("./h:li", NS))


def test_table_cells_keep_their_sentences_apart(tree: object) -> None:
    """A storage period and its criterion in one cell read as two sentences, not "2 år To år etter …"."""
    import re

    cells = [_text(td) for td in tree.iterfind(".//h:td", NS)]  # type: ignore[attr-defined]
    assert cells, "the overview is a table"
    run_together = re.compile(r"\b\d+ (?:år|måneder|years?|months?) [A-ZÆØÅ]")
    assert not [c for c in cells if run_together.search(c)]
    assert any(re.search(r"\b\d+ (?:år|years?)\. [A-ZÆØÅ]", c) for c in cells)


def test_labels_carry_one_mark(tree: object) -> None:
    labels = [_text(s) for s in tree.iterfind(".//h:li//h:strong", NS)]  # type: ignore[attr-defined]
    assert labels
    assert not [label for label in labels if label.endswith(("?:", "!:", "::"))], labels
    assert any(label.endswith("?") for label in labels)  # "Må du gi opplysningene?" / "Must you …?"
