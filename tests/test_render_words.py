"""The building blocks of the notice: standard wording files, durations, dates, lists, links, Markdown escaping."""

from __future__ import annotations

import datetime
from importlib import resources
from typing import Any

import pytest

from noticelint.format.durations import duration_days
from noticelint.render import markdown as md
from noticelint.render import rich
from noticelint.render.rich import Segment
from noticelint.render.wordbook import LANGUAGES, placeholders, wordbook


def _raw(language: str) -> dict[str, Any]:
    from ruamel.yaml import YAML

    text = (
        resources.files("noticelint.render")
        .joinpath("wording", f"{language}.yaml")
        .read_text(encoding="utf-8")
    )
    data = YAML(typ="safe", pure=True).load(text)
    assert isinstance(data, dict)
    return data


def test_every_language_has_the_same_keys_and_placeholders() -> None:
    nb, en = _raw("nb"), _raw("en")
    assert set(nb) == set(en)
    for table, entries in nb.items():
        if isinstance(entries, dict):
            assert set(entries) == set(en[table]), table
    for key, template in nb["text"].items():
        assert placeholders(template) == placeholders(en["text"][key]), key


def test_every_wording_key_the_code_uses_exists() -> None:
    import re
    from pathlib import Path

    import noticelint.render

    source = "".join(
        p.read_text(encoding="utf-8") for p in Path(noticelint.render.__file__).parent.glob("*.py")
    )
    used = set(re.findall(r'(?:\bt|label)\("([a-z_]+)"', source))
    assert used, "the pattern no longer finds wording keys in the code"
    for language in LANGUAGES:
        missing = used - set(_raw(language)["text"])
        assert not missing, f"{language}: {sorted(missing)}"


@pytest.mark.parametrize(
    ("iso", "nb", "en"),
    [
        ("P3Y", "3 år", "3 years"),
        ("P1Y", "1 år", "1 year"),
        ("P14M", "14 måneder", "14 months"),
        ("P1M", "1 måned", "1 month"),
        ("P30D", "30 dager", "30 days"),
        ("P1D", "1 dag", "1 day"),
        ("P2W", "2 uker", "2 weeks"),
        ("PT12H", "12 timer", "12 hours"),
        ("PT30M", "30 minutter", "30 minutes"),
        ("P1Y6M", "1 år og 6 måneder", "1 year and 6 months"),
        ("P1Y2M3D", "1 år, 2 måneder og 3 dager", "1 year, 2 months and 3 days"),
    ],
)
def test_durations_in_words(iso: str, nb: str, en: str) -> None:
    assert wordbook("nb").duration(iso) == nb
    assert wordbook("en").duration(iso) == en


def test_duration_ordering_is_by_length() -> None:
    assert (duration_days("P14M") or 0) > (duration_days("P1Y") or 0) > (duration_days("P11M") or 0)
    assert duration_days("not a duration") is None


@pytest.mark.parametrize(
    ("date", "nb", "en"),
    [
        (datetime.date(2026, 10, 1), "1. oktober 2026", "1 October 2026"),
        (datetime.date(2025, 1, 31), "31. januar 2025", "31 January 2025"),
        (datetime.date(2024, 5, 17), "17. mai 2024", "17 May 2024"),
    ],
)
def test_dates_in_the_language_format(date: datetime.date, nb: str, en: str) -> None:
    assert wordbook("nb").date(date) == nb
    assert wordbook("en").date(date) == en


def test_lists_joined_with_the_language_conjunction() -> None:
    assert wordbook("nb").join(["a", "b", "c"]) == "a, b og c"
    assert wordbook("en").join(["a", "b"]) == "a and b"
    assert wordbook("en").join(["a"]) == "a"


@pytest.mark.parametrize(
    "url",
    ["https://www.example.no/a?b=c", "http://example.no", "mailto:a@example.no", "tel:+4722396900"],
)
def test_allowed_link_targets(url: str) -> None:
    assert rich.safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//evil.example/x",
        "/relative",
        "https:example.no",
        "https://",
        "https://example.no/a b",
        "tel:javascript",
        "mailto:nobody",
    ],
)
def test_refused_link_targets(url: str) -> None:
    assert rich.safe_url(url) is None


def test_a_segment_cannot_carry_an_unsafe_link() -> None:
    with pytest.raises(ValueError):
        Segment("x", "javascript:alert(1)")
    assert Segment("x", "#rettigheter").href == "#rettigheter"


def test_statement_text_becomes_paragraphs_and_safe_links() -> None:
    parsed = rich.parse(
        "First [site](https://example.no)\n line.\n\nSecond [bad](javascript:alert) end.", "nb"
    )
    assert len(parsed) == 2
    first, second = parsed
    assert [s.text for s in first] == ["First ", "site", " line."]
    assert first[1].href == "https://example.no" and all(s.lang == "nb" for s in first)
    assert [s.href for s in second] == [None] and second[0].text == "Second [bad](javascript:alert) end."


def test_fill_puts_values_in_place_without_formatting_them() -> None:
    filled = rich.fill("A {x} and {y}.", {"x": "{y}", "y": Segment("link", "https://example.no")})
    assert [s.text for s in filled] == ["A {y} and ", "link", "."]
    assert rich.text_of(rich.fill("Name: {name}.", {"name": "Google Inc."})) == "Name: Google Inc."


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a_b*c", r"a\_b\*c"),
        ("<script>", r"\<script\>"),
        ("{{ 7*7 }}", r"\{\{ 7\*7 \}\}"),
        ("{% raw %}", r"\{\% raw \%\}"),
        ("[x](javascript:alert(1))", r"\[x\]\(javascript:alert\(1\)\)"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("# not a heading", r"\# not a heading"),
        ("a | b", r"a \| b"),
        ("&amp;", r"\&amp;"),
        ("one\n\ntwo", "one two"),
    ],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert md.escape(text) == escaped


def test_markdown_link_targets_cannot_break_out() -> None:
    assert md.url('https://example.no/"onmouseover="x') == "https://example.no/%22onmouseover=%22x"
    assert md.url("https://example.no/a)b(c") == "https://example.no/a%29b%28c"
    with pytest.raises(ValueError):
        md.heading_id("x} {onclick")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_value_of_the_model_has_its_words(language: str) -> None:
    from noticelint.format.model import LegalBasis, PartyRole, SpecialCategory
    from noticelint.format.model.activities import Requirement, RetentionEnd, SourceKind, Technology
    from noticelint.format.model.common import SpecialCondition
    from noticelint.format.model.statement import Derogation, Right, TransferMechanism

    book = wordbook(language)
    keys = [
        *(f"provision_{v.value}" for v in Requirement),
        *(f"source_{v.value}" for v in SourceKind),
        *(f"retention_{v.value}" for v in RetentionEnd),
        *(f"role_{v.value}" for v in PartyRole if v is not PartyRole.SUB_PROCESSOR),
        *(f"mechanism_{v.value}" for v in TransferMechanism),
        *(f"right_{v.value}" for v in Right),
    ]
    for key in keys:
        assert book.text(key), key
    for table, values in (
        ("technologies", [v.value for v in Technology]),
        ("special_categories", [v.value for v in SpecialCategory]),
        ("rights", [v.value for v in Right]),
        ("bases", [v.value[-2] for v in LegalBasis]),
        ("conditions", [v.value[-2] for v in SpecialCondition]),
        ("derogations", [v.value[-2] for v in Derogation if v is not Derogation.COMPELLING]),
    ):
        for value in values:
            assert book.entry(table, value), (table, value)
    from noticelint.knowledge import load_knowledge

    knowledge = load_knowledge()
    for code in (*knowledge.eea, *knowledge.adequacy, "US", "GB", "CH"):
        assert book.country(code), code
