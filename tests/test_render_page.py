"""The notice for the fictional complete statement: every applicable item, in nb and en, as valid HTML5
and as Markdown. Expectations come from the model and the knowledge table, not from rendered output."""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

import pytest

from noticelint.format.model import LegalBasis, PrivacyStatement
from noticelint.format.model.statement import TransferMechanism
from noticelint.knowledge import load_knowledge
from noticelint.render import render_notice
from tests.browser.pages import (
    all_strings,
    attributes,
    by_id,
    headings,
    parse_html,
    statement_from_file,
    statement_from_text,
    text_of,
    wording,
    words,
)
from tests.conftest import EXAMPLE, yaml_dump, yaml_load

LANGS = ("nb", "en")
# Written by hand: what each storage period of the example must read as. A new period in the example
# makes the test fail until its words are added here.
PERIODS = {
    "P1Y": ("1 år", "1 year"),
    "P2Y": ("2 år", "2 years"),
    "P5Y": ("5 år", "5 years"),
    "P14M": ("14 måneder", "14 months"),
    "P1M": ("1 måned", "1 month"),
}
MONTHS = {
    "nb": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
COUNTRIES = {"NO": ("Norge", "Norway"), "IE": ("Irland", "Ireland"), "US": ("USA", "the United States")}
ARTICLE = {"nb": "artikkel 6 nr. 1 bokstav {}", "en": "Article 6(1)({})"}


def _in(lang: str, pair: tuple[str, str]) -> str:
    return pair[LANGS.index(lang)]


@pytest.fixture(scope="module")
def statement() -> PrivacyStatement:
    return statement_from_file(EXAMPLE)


@pytest.fixture(scope="module", params=LANGS)
def page(request: pytest.FixtureRequest, statement: PrivacyStatement) -> tuple[str, str, Any]:
    lang: str = request.param
    html = render_notice(statement, lang)
    return lang, html, parse_html(html)


def test_the_page_is_strict_html5_with_its_language(page: tuple[str, str, Any]) -> None:
    lang, html, root = page
    assert html.startswith("<!DOCTYPE html>")
    assert root.tag == "html" and root.get("lang") == lang
    head = root.find("head")
    assert head is not None
    assert head.find("meta[@charset='utf-8']") is not None
    viewport = head.find("meta[@name='viewport']")
    assert viewport is not None and "width=device-width" in (viewport.get("content") or "")
    style = head.find("style")
    assert (
        style is not None
        and "@media print" in (style.text or "")
        and "@media (max-width" in (style.text or "")
    )


def test_headings_are_in_order(page: tuple[str, str, Any]) -> None:
    _, _, root = page
    levels = headings(root)
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def test_no_external_resources_and_only_links_from_the_statement(
    page: tuple[str, str, Any], statement: PrivacyStatement
) -> None:
    _, html, root = page
    authority = load_knowledge().authority("NO")
    assert authority is not None
    known = " ".join(all_strings(statement.model_dump(mode="json")))
    for tag, name, value in attributes(root):
        assert name != "src", (tag, value)
        assert not name.startswith("on"), (tag, name)
        if name == "href":
            assert tag == "a", (tag, value)
            if value.startswith(("http:", "https:")):
                assert value in known or value == authority.website, value
            else:
                assert value.startswith(("#", "mailto:", "tel:")), value
    assert root.find(".//script") is None and root.find(".//link") is None and root.find(".//img") is None
    assert "url(" not in html and "@import" not in html


def test_every_link_inside_the_page_has_its_target(page: tuple[str, str, Any]) -> None:
    _, _, root = page
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "ids must be unique"
    for _, name, value in attributes(root):
        if name == "href" and value.startswith("#"):
            assert by_id(root, value[1:]) is not None, value


def test_first_layer_links_to_every_part(page: tuple[str, str, Any], statement: PrivacyStatement) -> None:
    _, _, root = page
    summary = root.find(".//section[@class='summary']")
    assert summary is not None and summary.find("h2") is not None
    targets = {a.get("href") for a in summary.iter("a") if (a.get("href") or "").startswith("#")}
    sections = {s.get("id") for s in root.iter("section")}
    # who, what and why, basis, retention, recipients, cookies, rights, complaint, DPO: each line links
    lines = summary.findall("dl/dt")
    assert len(lines) >= 8
    assert all(
        (dt.find("a") is not None and (dt.find("a").get("href") or "").startswith("#")) for dt in lines
    )
    for target in targets:
        assert target and target[1:] in sections | {t.get("id") for t in root.iter("table")}, target
    for activity in statement.activities:
        assert any(t and t.endswith(activity.id) for t in targets), activity.id


def test_every_item_of_the_statement_is_on_the_page(
    page: tuple[str, str, Any], statement: PrivacyStatement
) -> None:
    lang, _, root = page
    text = text_of(root)
    expected: list[str] = []
    controller = statement.controller
    assert controller.legal_name and controller.contact and controller.organisation_number
    expected += [controller.legal_name, controller.organisation_number, controller.contact.email or ""]
    assert statement.dpo and statement.dpo.contact and statement.dpo.contact.email
    expected.append(statement.dpo.contact.email)
    for activity in statement.activities:
        expected.append(wording(activity.purpose, lang, statement))
        expected += [wording(c, lang, statement) for c in activity.data_categories]
        assert activity.legal_basis
        expected.append(ARTICLE[lang].format(activity.legal_basis.value[-2]))
        if activity.legal_basis is LegalBasis.LEGITIMATE_INTERESTS:
            expected.append(wording(activity.legitimate_interest, lang, statement))
        assert activity.retention and activity.retention.period
        assert activity.retention.period in PERIODS, f"add the words for {activity.retention.period}"
        expected.append(_in(lang, PERIODS[activity.retention.period]))
        if activity.provision and activity.provision.consequence:
            expected.append(wording(activity.provision.consequence, lang, statement))
        for cookie in activity.cookies:
            expected.append(cookie.name or "")
            if cookie.lifetime:
                expected.append(_in(lang, PERIODS[cookie.lifetime]))
    for party in statement.parties:
        expected.append(party.legal_name)
        if party.country:
            expected.append(_in(lang, COUNTRIES[party.country]))
    for transfer in statement.transfers:
        expected.append(_in(lang, COUNTRIES[transfer.country]))
        if transfer.mechanism is TransferMechanism.DATA_PRIVACY_FRAMEWORK:
            expected.append("2023/1795")
    assert statement.rights and statement.rights.withdrawal and statement.rights.objection
    expected.append(wording(statement.rights.text, lang, statement))
    expected.append(wording(statement.rights.withdrawal.how, lang, statement))
    authority = load_knowledge().authority("NO")
    assert authority
    expected += [authority.name(lang), authority.postal_address, authority.email]
    for section in statement.sections:
        expected += [wording(section.heading, lang, statement), wording(section.text, lang, statement)]
    info = statement.statement
    assert info.last_updated and info.version
    date = info.last_updated
    expected.append(
        f"{date.day}. {MONTHS['nb'][date.month - 1]} {date.year}"
        if lang == "nb"
        else f"{date.day} {MONTHS['en'][date.month - 1]} {date.year}"
    )
    expected.append(info.version)
    expected.append(wording(info.text, lang, statement))
    missing = [item for item in expected if words(item) not in text]
    assert not missing


def test_links_of_the_statement_are_links(page: tuple[str, str, Any], statement: PrivacyStatement) -> None:
    _, _, root = page
    hrefs = {value for _, name, value in attributes(root) if name == "href"}
    authority = load_knowledge().authority("NO")
    assert authority
    assert authority.website in hrefs
    for transfer in statement.transfers:
        assert transfer.safeguard in hrefs
    for party in statement.parties:
        if party.privacy_notice:
            assert party.privacy_notice in hrefs
    assert statement.controller.contact and statement.controller.contact.email
    assert f"mailto:{statement.controller.contact.email}" in hrefs


def test_objection_is_a_section_of_its_own(page: tuple[str, str, Any], statement: PrivacyStatement) -> None:
    lang, _, root = page
    assert any(a.legal_basis is LegalBasis.LEGITIMATE_INTERESTS for a in statement.activities)
    assert statement.rights and statement.rights.objection
    objection = wording(statement.rights.objection, lang, statement)
    main = root.find(".//main")
    assert main is not None
    own = [s for s in main.findall("section") if objection in text_of(s)]
    assert len(own) == 1 and own[0].find("h2") is not None
    rights_section = [s for s in main.findall("section") if s is not own[0] and objection in text_of(s)]
    assert not rights_section


def test_the_fragment_has_no_page_around_it(statement: PrivacyStatement) -> None:
    html = render_notice(statement, "nb", fragment=True)
    root = parse_html(html, fragment=True)
    assert "<html" not in html and "<style" not in html and "<h1" not in html
    article = root.find("article")
    assert article is not None and article.get("lang") == "nb"
    levels = headings(root)
    assert levels[0] == 2 and max(levels) == 3


def _strip_texts(data: Any) -> Any:
    """The example without any wording of its own: only structured facts remain."""
    if isinstance(data, dict):
        return {k: _strip_texts(v) for k, v in data.items() if k not in ("text", "objection")}
    if isinstance(data, list):
        return [_strip_texts(v) for v in data]
    return data


def _wordbook_text(lang: str, key: str) -> str:
    from noticelint.render.wordbook import wordbook

    return " ".join(wordbook(lang).text(key).split())


@pytest.mark.parametrize("lang", LANGS)
def test_standard_wording_where_the_statement_has_none(example_data: dict[str, Any], lang: str) -> None:
    data = _strip_texts(copy.deepcopy(example_data))
    data["sections"] = []
    statement = statement_from_text(yaml_dump(data))
    text = text_of(parse_html(render_notice(statement, lang)))
    for key in (
        "dpo",
        "withdrawal",
        "exercise_free",
        "right_access",
        "right_rectification",
        "right_restriction",
        "right_portability",
        "source_data_subject",
        "retention_delete",
        "provision_voluntary",
        "automated_none",
    ):
        assert _wordbook_text(lang, key) in text, key
    authority = load_knowledge().authority("NO")
    assert authority
    # The English reader is told the authority's own name too (Datatilsynet).
    name = authority.name(lang) if lang == "nb" else f"Datatilsynet, the {authority.name(lang)}"
    complaint = _wordbook_text(lang, "complaint").replace("{authority}", name)
    assert complaint in text
    controller = _wordbook_text(lang, "controller").replace(
        "{controller}", str(data["controller"]["legal_name"])
    )
    assert controller in text
    objection = _wordbook_text(lang, "objection").split("{bases}")[1]
    assert objection.strip() in text
    from noticelint.render.wordbook import wordbook

    for right in ("access", "rectification", "erasure", "restriction", "portability"):
        name = wordbook(lang).entry("rights", right)
        assert name[:1].upper() + name[1:] in text, right


def test_text_missing_in_the_page_language_falls_back_marked(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["activities"][0]["purpose"] = {"nb": "Bare på bokmål her."}
    statement = statement_from_text(yaml_dump(data))
    root = parse_html(render_notice(statement, "en"))
    spans = [e for e in root.iter("span") if e.get("lang") == "nb" and "Bare på bokmål her." in text_of(e)]
    assert spans, "a text shown in another language than the page is marked with its lang"
    assert root.get("lang") == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_for_static_site_generators(statement: PrivacyStatement, lang: str) -> None:
    text = render_notice(statement, lang, "md")
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S).groups()  # type: ignore[union-attr]
    meta = yaml_load(front)
    assert meta["lang"] == lang and meta["title"] == wording(statement.statement.title, lang, statement)
    assert "<" not in body.replace("\\<", ""), "no raw HTML in the Markdown"
    ids = set(re.findall(r"^#{2,3} .* \{#([a-z0-9_-]+)\}$", body, re.M))
    links = set(re.findall(r"\]\(#([a-z0-9_-]+)\)", body))
    assert links and links <= ids, links - ids
    plain = re.sub(r"\\(.)", r"\1", body)
    for activity in statement.activities:
        assert wording(activity.purpose, lang, statement) in " ".join(plain.split())
    for party in statement.parties:
        assert party.legal_name in plain
    assert re.search(r"^\| .* \|$\n^\|( --- \|)+$", body, re.M), "a pipe table"


def test_markdown_fragment_has_no_front_matter(statement: PrivacyStatement) -> None:
    text = render_notice(statement, "nb", "md", fragment=True)
    assert not text.startswith("---") and text.lstrip().startswith(("Sist", "##"))


def test_rendering_is_deterministic(statement: PrivacyStatement) -> None:
    assert render_notice(statement, "nb") == render_notice(statement_from_file(EXAMPLE), "nb")


def test_transfers_are_a_table_of_recipient_country_and_mechanism(page: tuple[str, str, Any]) -> None:
    lang, _, root = page
    section = by_id(root, "transfers" if lang == "en" else "overforinger")
    if section is None:
        section = next(e for e in root.iter() if e.get("id", "").startswith(("transfer", "overfor")))
    table = section.find(".//table")
    assert table is not None, "the transfers are shown as a table"
    head = [text_of(th) for th in table.iter("th")][:3]
    assert head == (
        ["Recipient", "Country", "Basis for the transfer"]
        if lang == "en"
        else ["Mottaker", "Land", "Grunnlag for overføringen"]
    )
    first_row = [text_of(td) for td in table.find(".//tbody").find("tr")]
    assert "Google LLC" in first_row[0]
    assert ("United States" in first_row[1]) if lang == "en" else ("USA" in first_row[1])
    assert "2023/1795" in first_row[2]


def test_no_empty_about_column_when_no_party_has_more_to_say(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    for party in data["parties"]:
        for key in ("text", "arrangement", "privacy_notice"):
            party.pop(key, None)
    root = parse_html(render_notice(statement_from_text(yaml_dump(data)), "nb"))
    tables = [t for t in root.iter("table") if "Virksomhet" in [text_of(th) for th in t.iter("th")]]
    assert tables
    assert "Om virksomheten" not in [text_of(th) for th in tables[0].iter("th")]


@pytest.mark.parametrize(("lang", "summary"), [("nb", "Vis feilene (2;"), ("en", "Show the errors (2)")])
def test_the_draft_banner_speaks_the_page_language_and_folds_its_list(
    statement: PrivacyStatement, lang: str, summary: str
) -> None:
    errors = ["a.yaml:3: CTL002 no contact", "a.yaml:9: PUR002 no basis"]
    root = parse_html(render_notice(statement, lang, draft_errors=errors))
    banner = next(e for e in root.iter("div") if e.get("class") == "draft")
    details = banner.find("details")
    assert details is not None, "the list is folded"
    assert text_of(details.find("summary")).startswith(summary)
    assert [text_of(li) for li in details.iter("li")] == errors
    assert details.find("ul").get("lang") == "en"  # the tool's messages are English, and say so


def test_a_pixel_says_what_it_does_instead_of_until_the_browser_closes(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    analytics = next(a for a in data["activities"] if a.get("cookies") and a["id"] == "nettstedsanalyse")
    analytics["cookies"].append(
        {
            "name": "tr",
            "technology": "pixel",
            "provider": "google-ireland",
            "purpose": "Måle",
            "session": True,
        }
    )
    page = text_of(parse_html(render_notice(statement_from_text(yaml_dump(data)), "nb")))
    assert "pikselen sender opplysninger hver gang siden lastes" in page
