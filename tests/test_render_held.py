"""What the format holds for real statements and the notice shows: the items' own headings, a natural
person as controller, further establishments, where a party stores the data, and data processed on
behalf of others, in HTML (read with html5lib) and Markdown (read through a CommonMark parser), nb and
en. Values with markup characters in them must come out as text."""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from typing import Any

import html5lib
import pytest
from markdown_it import MarkdownIt

from noticelint.format.model import PrivacyStatement
from noticelint.render import render_notice
from tests.browser.pages import parse_html, text_of
from tests.conftest import EXAMPLE, yaml_load

LANGS = ("nb", "en")
# Written by hand, from the wording files: what each language must say.
PROCESSOR = {"nb": "på vegne av", "en": "on behalf of"}
PERSON = {"nb": "privatperson", "en": "private individual"}
STORES = {"nb": ("Lagrer opplysningene i", "Tyskland"), "en": ("Stores the data in", "Germany")}
ESTABLISHMENT_COUNTRY = {"nb": "Sverige", "en": "Sweden"}


def _statement() -> PrivacyStatement:
    data: dict[str, Any] = copy.deepcopy(yaml_load(EXAMPLE.read_text(encoding="utf-8")))
    data["statement"]["heading"] = "Om <denne> erklæringen"
    controller = data["controller"]
    controller["kind"] = "person"
    controller["heading"] = "Hvem er vi? <script>alert(1)</script>"
    controller["establishments"] = [
        {"name": "Filial <Malmö> & co", "country": "SE", "contact": {"email": "malmo@example.com"}},
        {"text": "Vi har også et kontaktpunkt i **Bergen**."},
    ]
    activity = data["activities"][0]
    activity["heading"] = "Timebestilling & <journal>"
    activity["role"] = "processor"
    activity["on_behalf_of"] = "kundene våre <b>butikkene</b>"
    party = data["parties"][0]
    party["storage_location"] = ["DE"]
    party["heading"] = "Leverandør <x>"
    data.setdefault("rights", {})["heading"] = "Dine rettigheter"
    data.setdefault("complaint", {})["heading"] = "Klage til tilsynet"
    return PrivacyStatement.model_validate(data)


def _html(lang: str) -> ET.Element:
    return parse_html(render_notice(_statement(), lang, "html", fragment=False))


def _markdown(lang: str) -> ET.Element:
    markdown = render_notice(_statement(), lang, "md", fragment=True)
    page = MarkdownIt("commonmark").enable("table").render(markdown)
    root: ET.Element = html5lib.parse(page, namespaceHTMLElements=False)
    return root


@pytest.fixture(scope="module", params=[(lang, kind) for lang in LANGS for kind in ("html", "md")])
def page(request: pytest.FixtureRequest) -> tuple[str, ET.Element]:
    lang, kind = request.param
    return lang, (_html(lang) if kind == "html" else _markdown(lang))


def _headings(root: ET.Element) -> list[str]:
    """The headings' text, without the ' {#id}' the Markdown gives them for site generators."""
    found = [text_of(e) for e in root.iter() if isinstance(e.tag, str) and e.tag in ("h2", "h3", "h4")]
    return [re.sub(r"\s*\{#[\w-]+\}$", "", h) for h in found]


def test_the_items_own_headings_are_the_section_headings(page: tuple[str, ET.Element]) -> None:
    _, root = page
    found = _headings(root)
    for heading in (
        "Om <denne> erklæringen",
        "Hvem er vi? <script>alert(1)</script>",
        "Timebestilling & <journal>",
        "Dine rettigheter",
        "Klage til tilsynet",
    ):
        assert heading in found, (heading, found)


def test_markup_in_values_stays_text(page: tuple[str, ET.Element]) -> None:
    _, root = page
    tags = {e.tag for e in root.iter() if isinstance(e.tag, str)}
    assert not tags & {"script", "denne", "journal", "x", "malmo", "b"}, tags


def test_a_natural_person_as_controller_is_said_to_be_one(page: tuple[str, ET.Element]) -> None:
    lang, root = page
    assert PERSON[lang] in text_of(root)


def test_further_establishments_with_their_contact(page: tuple[str, ET.Element]) -> None:
    lang, root = page
    found = _headings(root)
    assert "Filial <Malmö> & co" in found
    text = text_of(root)
    assert "malmo@example.com" in text and ESTABLISHMENT_COUNTRY[lang] in text
    assert "Vi har også et kontaktpunkt i Bergen." in text
    links = [e.get("href") for e in root.iter("a")]
    assert "mailto:malmo@example.com" in links


def test_where_a_party_stores_the_data(page: tuple[str, ET.Element]) -> None:
    lang, root = page
    words, country = STORES[lang]
    cells = [text_of(c) for c in root.iter() if c.tag in ("td", "th")]
    assert any(words in c and country in c for c in cells), cells
    assert any(c.startswith("Leverandør <x>") for c in cells)


def test_an_activity_done_as_processor_says_on_whose_behalf(page: tuple[str, ET.Element]) -> None:
    lang, root = page
    text = text_of(root)
    assert f"{PROCESSOR[lang]} kundene våre <b>butikkene</b>" in text


def test_without_the_new_fields_nothing_of_it_is_said() -> None:
    statement = PrivacyStatement.model_validate(yaml_load(EXAMPLE.read_text(encoding="utf-8")))
    for lang in LANGS:
        text = text_of(parse_html(render_notice(statement, lang, "html", fragment=False)))
        assert PERSON[lang] not in text
        assert STORES[lang][0] not in text
        assert "databehandler (personvernforordningen" not in text and "as their processor" not in text
