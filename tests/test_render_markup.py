"""The Markdown subset of statement wording: paragraphs, list items, **strong** text and safe links."""

from __future__ import annotations

import copy
from typing import Any

from noticelint.render import render_notice
from noticelint.render.markdown import inline
from noticelint.render.rich import Segment, parse
from tests.browser.pages import statement_from_text
from tests.conftest import yaml_dump


def test_list_items_are_paragraphs_of_their_own_with_their_marker() -> None:
    rich = parse("Du kan be om:\n- innsyn\n- retting\n\n1. først\n2. så")
    assert [[s.text for s in p] for p in rich] == [
        ["Du kan be om:"],
        ["• innsyn"],
        ["• retting"],
        ["1. først"],
        ["2. så"],
    ]


def test_strong_text_and_links() -> None:
    (paragraph,) = parse(
        "**Viktig:** skriv til [oss](mailto:post@example.no) eller [her](javascript:alert(1))."
    )
    assert paragraph[0] == Segment("Viktig:", None, None, "strong")
    assert Segment("oss", "mailto:post@example.no") in paragraph
    assert not any(s.href and "javascript" in s.href for s in paragraph)
    assert "[her](javascript:alert(1))" in "".join(s.text for s in paragraph)


def test_single_asterisks_and_underscores_stay_text() -> None:
    (paragraph,) = parse("Informasjonskapselen _ga og *stjerne* er tekst.")
    assert paragraph == (Segment("Informasjonskapselen _ga og *stjerne* er tekst."),)


def test_markdown_output_keeps_strong_and_escapes_the_rest() -> None:
    assert inline((Segment("Viktig", None, None, "strong"), Segment(" <b>x</b> *y*"))) == (
        "**Viktig** \\<b\\>x\\</b\\> \\*y\\*"
    )


def test_html_output_has_strong_and_no_raw_markup(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["controller"]["text"] = {
        "nb": "**Viktig <script>alert(1)</script>:** les dette.\n- ett punkt",
        "en": "**Important:** read this.",
    }
    html = render_notice(statement_from_text(yaml_dump(data)), "nb")
    assert "<strong>Viktig &lt;script&gt;alert(1)&lt;/script&gt;:</strong> les dette." in html
    assert "• ett punkt" in html
    assert "<script>alert" not in html
