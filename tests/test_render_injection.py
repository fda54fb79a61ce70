"""Nothing from the statement is ever markup or template code: hostile wording stays inert text."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from noticelint.format.model import PrivacyStatement
from noticelint.render import render_notice
from tests.browser.pages import attributes, parse_html, statement_from_text, text_of
from tests.conftest import yaml_dump, yaml_load

PAYLOADS = (
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "[x](javascript:alert(1))",
    "[y](javascript:alert)",
    '" onmouseover="alert(1)',
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt; &amp;",
    "*bold* _it_ `code` | # ]]>",
)
HOSTILE = " ".join(PAYLOADS)
HOSTILE_URL = 'https://example.no/"onmouseover="alert(1)'


def _hostile(example: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(example)
    both = {"nb": HOSTILE, "en": HOSTILE}
    data["statement"]["title"] = both
    data["statement"]["text"] = both
    data["controller"]["legal_name"] = HOSTILE
    data["controller"]["text"] = HOSTILE
    data["controller"]["contact"]["web_form"] = HOSTILE_URL
    party = data["parties"][0]
    party.update(legal_name=HOSTILE, trade_name=HOSTILE, text=both, privacy_notice=HOSTILE_URL)
    activity = data["activities"][0]
    activity["purpose"] = both
    activity["data_categories"] = [HOSTILE, both]
    activity["retention"]["criterion"] = both
    activity["cookies"][0]["name"] = HOSTILE
    activity["cookies"][0]["purpose"] = both
    data["rights"]["objection"] = both
    data["complaint"]["text"] = both
    data["sections"][0]["heading"] = both
    data["sections"][0]["text"] = {"nb": HOSTILE + "\n\n- " + HOSTILE, "en": "1. " + HOSTILE}
    return data


@pytest.fixture(scope="module")
def hostile(example_data: dict[str, Any]) -> PrivacyStatement:
    return statement_from_text(yaml_dump(_hostile(example_data)))


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("fragment", [False, True])
def test_html_shows_hostile_text_as_text(hostile: PrivacyStatement, lang: str, fragment: bool) -> None:
    html = render_notice(hostile, lang, fragment=fragment)
    root = parse_html(html, fragment=fragment)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert root.find(".//script") is None and root.find(".//img") is None
    for tag, name, value in attributes(root):
        assert not name.startswith("on"), (tag, name, value)
        if name == "href":
            assert value.startswith(("#", "https:", "http:", "mailto:", "tel:")), value
            assert "javascript" not in value.lower()
    text = text_of(root)
    # the payloads are shown exactly as written: not evaluated ({{ 7*7 }} is not 49), not turned into markup
    assert text.count(HOSTILE) >= 10
    hostile_links = [v for _, n, v in attributes(root) if n == "href" and "onmouseover" in v]
    assert hostile_links and all(v == HOSTILE_URL for v in hostile_links)


def test_the_title_element_is_text(hostile: PrivacyStatement) -> None:
    root = parse_html(render_notice(hostile, "nb"))
    title = root.find("head/title")
    assert title is not None and title.text == HOSTILE


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_markdown_escapes_hostile_text(hostile: PrivacyStatement, lang: str) -> None:
    text = render_notice(hostile, lang, "md")
    front, body = text.split("\n---\n", 1)
    assert yaml_load(front.removeprefix("---\n"))["title"] == HOSTILE, "the title is one quoted YAML string"
    # no raw HTML, no template syntax a site generator would run, no link that is not ours
    assert not re.search(r"(?<!\\)<", body)
    assert "{{" not in text and "{%" not in text
    for target in re.findall(r"(?<!\\)\]\(([^)]*)\)", body):
        assert target.startswith(("#", "https:", "http:", "mailto:", "tel:")), target
    assert "](javascript" not in body
    # list markers and numbering at the start of a paragraph stay text
    assert not re.search(r"^- <", body, re.M) and not re.search(r"^1\. ", body, re.M)
    plain = re.sub(r"\\(.)", r"\1", body)
    assert plain.count(HOSTILE) >= 5


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_plain_strings_on_the_page_are_escaped_too(hostile: PrivacyStatement, fmt: str) -> None:
    """Finding messages in the draft banner quote statement text; they arrive as plain strings."""
    from noticelint.knowledge import load_knowledge
    from noticelint.render.build import build_page
    from noticelint.render.templates import render_page

    page = build_page(
        hostile, "nb", load_knowledge(), draft_errors=[HOSTILE, f"policy/x.yaml:3: TXT001 {HOSTILE}"]
    )
    text = render_page(page, fmt)
    if fmt == "html":
        root = parse_html(text)
        assert root.find(".//script") is None and root.find(".//img") is None
        banner = next(e for e in root.iter("div") if e.get("class") == "draft")
        assert [text_of(li) for li in banner.iter("li")] == [HOSTILE, f"policy/x.yaml:3: TXT001 {HOSTILE}"]
    else:
        body = text.split("\n---\n", 1)[1]
        assert not re.search(r"(?<!\\)<", body) and "{{" not in body and "{%" not in body
        banner = [line for line in body.splitlines() if line.startswith("> - ")]
        assert [re.sub(r"\\(.)", r"\1", line[4:]) for line in banner] == [
            HOSTILE,
            f"policy/x.yaml:3: TXT001 {HOSTILE}",
        ]
