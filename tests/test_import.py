"""noticelint import: every sentence kept, only certain facts, bad input refused, nothing overwritten."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from noticelint.importer import facts as F
from noticelint.importer.command import detect_language, import_source
from noticelint.lint.engine import Linter, Source
from noticelint.text.sentences import sentences
from tests.clirun import cli, isolate

CORPUS = Path(__file__).parent / "corpus" / "real"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "statement.yaml").exists())
TEXT_KEYS = frozenset({"text", "heading", "title", "objection", "how", "arrangement", "risks"})
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)\)")
_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|#{1,6})\s+", re.MULTILINE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def _load(text: str) -> dict[str, Any]:
    data = YAML(typ="safe").load(text)
    assert isinstance(data, dict)
    return data


def _normalise(text: str) -> str:
    """Words without markup: links as their labels, no emphasis, list markers, tags or escapes."""
    text = _TAG.sub("", _MARKER.sub("", _LINK.sub(r"\1", text)))
    text = _ESCAPE.sub(r"\1", text).replace("**", "").replace("*", "").replace("\u00ad", "")
    return " ".join(text.split())


def _texts(node: Any, key: str = "") -> list[str]:
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in _texts(v, str(k))]
    if isinstance(node, list):
        return [t for v in node for t in _texts(v, key)]
    return [node] if isinstance(node, str) and key in TEXT_KEYS else []


def _sentences_of(statement: dict[str, Any]) -> list[str]:
    found = []
    for value in _texts(statement):
        for line in value.split("\n"):
            found += [
                _normalise(s.text) for s in sentences(_MARKER.sub("", line)) if len(_normalise(s.text)) >= 3
            ]
    return found


def _source(case: str) -> Path:
    return next(p for p in (CORPUS / case).iterdir() if p.name.startswith("source."))


def _draft(path: Path, lang: str | None = None, jurisdiction: str | None = None) -> str:
    return import_source(path, lang, jurisdiction, "draft").yaml


@pytest.mark.parametrize("case", CASES)
def test_every_sentence_of_the_transcription_is_in_the_draft(case: str, linter: Linter) -> None:
    hand = _load((CORPUS / case / "statement.yaml").read_text(encoding="utf-8"))
    info = hand["statement"]
    text = _draft(_source(case), info["default_language"], info.get("jurisdiction"))
    blob = _normalise("\n".join(_texts(_load(text))))
    lost = [s for s in _sentences_of(hand) if s not in blob]
    assert lost == []
    result = linter.check(Source(f"{case}.yaml", data=text))
    assert result.loaded, [f.message for f in result.findings if f.input_error]


SITE = """<!DOCTYPE html><html lang="nb"><head><title>Personvern</title>
<script>var tracking = "Denne setningen er kode.";</script><style>p { color: red }</style></head>
<body>
<nav><a href="/">Forsiden</a> <a href="/om">Om oss</a></nav>
<div id="cookie-banner" class="cookie-consent-banner"><p>Vi bruker informasjonskapsler. Godta alle?</p>
<button>Godta</button></div>
<main>
<h1>Personvernerklæring</h1>
<p>Eksempel Rør AS (org.nr. 923 609 016) er behandlingsansvarlig for opplysningene om deg.</p>
<h2>Kundeforhold</h2>
<p>Når du bestiller en jobb, registrerer vi navn, adresse og telefonnummer.
Behandlingsgrunnlaget er avtalen med deg, jf. personvernforordningen artikkel 6 nr. 1 bokstav b.</p>
<p>Vi sletter opplysningene etter 5 år.</p>
<h2>Dine rettigheter</h2>
<ul><li>Du kan be om <strong>innsyn</strong> i opplysningene.</li><li>Du kan be om retting og sletting.</li></ul>
<p>Du kan klage til Datatilsynet.</p>
</main>
<footer><p>Eksempel Rør AS · Storgata 1, 0155 Oslo · <a href="mailto:post@eksempelror.no">post@eksempelror.no</a>
· <a href="tel:+4722334455">22 33 44 55</a></p></footer>
</body></html>
"""


def test_an_html_page_keeps_its_text_and_drops_navigation_scripts_and_the_cookie_banner(
    tmp_path: Path,
) -> None:
    page = tmp_path / "personvern.html"
    page.write_text(SITE, encoding="utf-8")
    text = _draft(page, "nb", "NO")
    draft = _load(text)
    blob = _normalise("\n".join(_texts(draft)))
    for sentence in (
        "Eksempel Rør AS (org.nr. 923 609 016) er behandlingsansvarlig for opplysningene om deg.",
        "Når du bestiller en jobb, registrerer vi navn, adresse og telefonnummer.",
        "Vi sletter opplysningene etter 5 år.",
        "Du kan be om innsyn i opplysningene.",
        "Du kan klage til Datatilsynet.",
        "Eksempel Rør AS · Storgata 1, 0155 Oslo · post@eksempelror.no · 22 33 44 55",
    ):
        assert sentence in blob
    for dropped in ("Denne setningen er kode", "color: red", "Forsiden", "Godta alle", "Om oss"):
        assert dropped not in text
    # The footer is kept, in its own section, and marked as the page's footer.
    footer = [s for s in draft["sections"] if "Storgata" in s["text"]]
    assert footer and footer[0]["topic"] == "controller"
    marker = text.index("# The page's footer (contact block), kept as it stands.")
    assert text.index("Eksempel Rør AS · Storgata 1", marker) > marker
    # The facts, each with a comment naming its source line.
    controller = draft["controller"]
    assert controller["legal_name"] == "Eksempel Rør AS"
    assert controller["organisation_number"] == "923 609 016"
    assert controller["contact"]["email"] == "post@eksempelror.no"
    assert controller["contact"]["phone"] == "22 33 44 55"
    assert controller["contact"]["postal_address"] == {
        "street": "Storgata 1",
        "postal_code": "0155",
        "city": "Oslo",
    }
    assert draft["complaint"]["authority"] == "NO"
    assert draft["rights"]["offered"] == ["access", "rectification", "erasure"]
    order = next(a for a in draft["activities"] if a.get("heading") == "Kundeforhold")
    assert order["legal_basis"] == "6(1)(b)"
    assert order["retention"]["period"] == "P5Y"
    line = next(n for n, row in enumerate(SITE.splitlines(), start=1) if "org.nr." in row)
    assert re.search(rf"organisation_number: 923 609 016 +# source line {line}: org\.nr\. 923 609 016", text)


def test_markdown_with_front_matter_and_reference_links(tmp_path: Path) -> None:
    source = tmp_path / "privacy.md"
    source.write_text(
        "---\ntitle: Privacy notice\nlayout: page\n---\n\n"
        "Example Books Ltd is the data controller for your data. Contact us at [hello@example.co.uk][mail].\n\n"
        "## Newsletter\n\nWhen you subscribe, we keep your e-mail address\nuntil you unsubscribe.\n\n"
        "* We only send the newsletter with your consent.\n* You can unsubscribe at any time.\n\n"
        "## Your rights\n\nYou have the right to access your data and to object to processing.\n\n"
        "You can complain to the Information Commissioner's Office (ICO).\n\n"
        "Last updated: 3 March 2025\n\n"
        "[mail]: mailto:hello@example.co.uk\n",
        encoding="utf-8",
    )
    draft = _load(_draft(source))
    assert draft["statement"]["title"] == "Privacy notice"
    assert draft["statement"]["default_language"] == "en"
    assert str(draft["statement"]["last_updated"]) == "2025-03-03"
    assert draft["controller"]["legal_name"] == "Example Books Ltd"
    assert draft["controller"]["contact"]["email"] == "hello@example.co.uk"
    assert "[hello@example.co.uk](mailto:hello@example.co.uk)" in draft["statement"]["text"]
    newsletter = draft["activities"][0]
    assert newsletter["heading"] == "Newsletter"
    assert "When you subscribe, we keep your e-mail address until you unsubscribe." in newsletter["text"]
    assert newsletter["legal_basis"] == "6(1)(a)"
    assert draft["rights"]["offered"] == ["access", "objection"]
    assert draft["complaint"]["authority"] == "GB"


def test_plain_text_with_headings(tmp_path: Path) -> None:
    source = tmp_path / "personvern.txt"
    source.write_text(
        "Personvern hos Hytteservice\n\nVi tar vare på opplysningene dine og deler dem ikke med andre.\n\n"
        "Lagring\n\nOpplysningene slettes etter seks måneder.\nDu kan be om innsyn når som helst.\n",
        encoding="utf-8",
    )
    draft = _load(_draft(source, "nb"))
    blob = _normalise("\n".join(_texts(draft)))
    assert "Opplysningene slettes etter seks måneder." in blob
    assert any(s.get("heading") == "Lagring" and s["topic"] == "retention" for s in draft["sections"])


# --- the facts: certain or absent --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "valid"), [("923609016", True), ("923609017", False), ("123456785", False)]
)
def test_organisation_numbers_are_mod11_checked(number: str, valid: bool) -> None:
    assert F.mod11_valid(number) is valid
    found = F.organisation_numbers([F.Piece(f"Firma AS, org.nr. {number}.", 3)])
    assert [f.value for f in found] == ([f"{number[:3]} {number[3:6]} {number[6:]}"] if valid else [])


def test_two_addresses_give_no_email() -> None:
    pieces = [F.Piece("Skriv til oss på post@a.no eller salg@a.no.", 1)]
    assert F.one_email(pieces, pieces) is None


def test_another_organisations_address_is_not_the_controllers() -> None:
    pieces = [F.Piece("Questions about England Athletics go to dataprotection@englandathletics.org.", 9)]
    assert F.one_email([], pieces) is None
    ours = [F.Piece("Contact us at hello@club.org.", 4)]
    found = F.one_email([], ours)
    assert found is not None and (found.value, found.line) == ("hello@club.org", 4)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Vi sletter opplysningene etter 5 år.", "P5Y"),
        ("We keep your data for 6 months.", "P6M"),
        ("Opplysningene lagres inntil ett år etter siste oppdrag.", "P1Y"),
        ("Henvendelser slettes normalt innen tolv måneder.", "P12M"),
        ("Vi svarer innen 30 dager.", None),  # an answer time, not a storage period
        ("Cookies are stored for 2 years.", None),  # a cookie's lifetime, not the data's
    ],
)
def test_retention_periods(sentence: str, period: str | None) -> None:
    assert [f.value for f in F.retention_periods([F.Piece(sentence, 1)])] == ([period] if period else [])


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("Behandlingsgrunnlaget er personvernforordningen artikkel 6 nr. 1 bokstav f.", "6(1)(f)"),
        ("The legal basis is Art. 6 Para. 1 lit. a) GDPR.", "6(1)(a)"),
        ("Our lawful basis is our legitimate interests.", "6(1)(f)"),
        ("Google Analytics brukes bare med samtykke.", "6(1)(a)"),
        ("We will seek your explicit consent to be photographed.", "6(1)(a)"),
        (
            "Behandlingen bygger normalt på at opplysningene er nødvendige for å oppfylle en avtale.",
            "6(1)(b)",
        ),
        ("Processing is necessary for compliance with a legal obligation.", "6(1)(c)"),
        ("You can withdraw your consent at any time.", None),  # about withdrawal, not the basis
        ("Vi inngår en avtale med deg.", None),  # a contract named, not as the basis
    ],
)
def test_legal_bases(sentence: str, basis: str | None) -> None:
    assert [f.value for f in F.legal_bases([F.Piece(sentence, 1)])] == ([basis] if basis else [])


def test_rights_are_named_only_where_the_words_say_so() -> None:
    named = F.rights_named([F.Piece("Du har rett til innsyn, med de begrensningene som følger av loven.", 1)])
    assert [f.value for f in named] == ["access"]


@pytest.mark.parametrize(
    ("text", "rights"),
    [
        (
            "* to correct incorrect data (cf. also Art. 16 GDPR);\n* copies (Art. 20 GDPR)",
            ["rectification", "portability"],
        ),
        (
            "Du kan ha rett til innsyn, retting, sletting, begrensning, dataportabilitet.",
            ["access", "rectification", "erasure", "restriction", "portability"],
        ),
        ("Du kan kreve at feil opplysninger rettes eller fjernes.", ["rectification", "erasure"]),
        ("Rett til begrensing", ["restriction"]),
        ("Du kan få dem utlevert i et maskinlesbart format.", ["portability"]),
        ("\\- \\*\\*Rette\\*\\* opplysninger som er feil", ["rectification"]),
        ("Se artikkel 6 nr. 1 og art. 9.", []),  # articles that are no right
    ],
)
def test_rights_by_their_words_or_their_article(text: str, rights: list[str]) -> None:
    from noticelint.importer.markdown import read_markdown

    pieces = [F.Piece(b.text, b.line) for b in read_markdown(text).blocks]
    assert sorted(f.value for f in F.rights_named(pieces)) == sorted(rights)


def test_the_last_updated_date_of_a_change_log_is_its_latest_entry() -> None:
    log = [
        F.Piece("2022-04-08: Added explanation of Mailgun usage.", 4),
        F.Piece("2024\\-03\\-29: Updated list of 3rd party services.", 3),
        F.Piece("25.7.2022 (Arttu Hanska) - First version", 5),
        F.Piece("We changed this in 2025.", 6),  # no date at the start: no entry
    ]
    found = F.change_log_date(log)
    assert found is not None and (str(found.value), found.line) == ("2024-03-29", 3)
    assert F.change_log_date([F.Piece("Vi endrer erklæringen når det trengs.", 1)]) is None


def test_the_country_the_author_says_it_is_registered_in() -> None:
    found = F.registered_country([F.Piece("The EuroPython Society, a non-profit registered in Sweden.", 2)])
    assert found is not None and found.value == "SE"
    assert F.registered_country([F.Piece("Foreningen er registrert i Norge.", 1)]) is not None
    assert (
        F.registered_country([F.Piece("Our servers are in Germany.", 1)]) is None
    )  # not where it is registered
    two = [F.Piece("Registered in Sweden.", 1), F.Piece("Established in Norway.", 2)]
    assert F.registered_country(two) is None


def test_a_domain_is_no_negation() -> None:
    found = F.from_the_person(
        [F.Piece("Innmelding skjer via skjema på nettsiden, https://korps.no, eller på papir.", 1)]
    )
    assert found is not None and found.value == "data_subject"
    assert F.from_the_person([F.Piece("Vi bruker ikke skjema og samler ikke inn noe.", 1)]) is None


def test_a_changelog_or_a_month_without_a_day_is_not_a_last_updated_date() -> None:
    assert F.last_updated([F.Piece("Sist oppdatert: Desember 2025", 1)]) is None
    found = F.last_updated([F.Piece("Sist oppdatert av Kari Nordmann 2018-12-06", 7)])
    assert found is not None and str(found.value) == "2018-12-06"


def test_language_detection() -> None:
    assert detect_language("Vi behandler opplysningene dine og deler dem ikke med andre.") == "nb"
    assert detect_language("We process your data and do not share it with anyone.") == "en"
    assert detect_language("Lorem ipsum dolor") is None


# --- the command -------------------------------------------------------------------------------------


def test_the_command_writes_a_draft_and_summarises_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(tmp_path, monkeypatch)
    (tmp_path / "personvern.html").write_text(SITE, encoding="utf-8")
    run = cli(
        capsys, "import", "personvern.html", "--lang", "nb", "--jurisdiction", "NO", "-o", "policy/x.yaml"
    )
    assert run.code == 0, run.err
    assert run.out == ""
    written = (tmp_path / "policy" / "x.yaml").read_text(encoding="utf-8")
    assert _load(written)["statement"]["id"] == "x"
    assert "organisation number 923 609 016" in run.err
    assert "to review:" in run.err and "check of the draft:" in run.err
    assert "wrote policy/x.yaml" in run.err
    checked = cli(capsys, "check", "--no-cache", "policy/x.yaml")
    assert checked.code in (0, 1) and "INP" not in checked.out  # it loads and validates


def test_nothing_is_overwritten_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(tmp_path, monkeypatch)
    (tmp_path / "personvern.html").write_text(SITE, encoding="utf-8")
    (tmp_path / "x.yaml").write_text("mine\n", encoding="utf-8")
    run = cli(capsys, "import", "personvern.html", "-o", "x.yaml")
    assert run.code == 2 and "already exists; give --force" in run.err
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "mine\n"
    run = cli(capsys, "import", "personvern.html", "-o", "x.yaml", "--force")
    assert run.code == 0 and "schema_version: 1" in (tmp_path / "x.yaml").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file"),
        ("a.html", b"", "is empty"),
        ("a.html", b"just some words, no markup at all here", "is not HTML"),
        ("a.md", b"<!-- nothing -->\n", "no text found"),
        ("a.pdf", b"%PDF-1.4 words words words words words", "cannot import a .pdf file"),
    ],
)
def test_bad_input_gets_a_message_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    message: str,
) -> None:
    isolate(tmp_path, monkeypatch)
    (tmp_path / name).write_bytes(content)
    run = cli(capsys, "import", name, "-o", "out.yaml")
    assert run.code == 2
    assert f"noticelint: error: {name}: {message}" in run.err
    assert not (tmp_path / "out.yaml").exists()


def test_a_huge_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(tmp_path, monkeypatch)
    (tmp_path / "big.md").write_text("Vi behandler opplysninger. " * 250_000, encoding="utf-8")
    run = cli(capsys, "import", "big.md")
    assert run.code == 2 and "too large for a statement" in run.err


def test_another_language_than_declared_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(tmp_path, monkeypatch)
    (tmp_path / "p.md").write_text(
        "# Privacy\n\nWe process your data and we do not share it with anyone. You can ask us for a copy.\n",
        encoding="utf-8",
    )
    run = cli(capsys, "import", "p.md", "--lang", "nb")
    assert run.code == 2 and "reads as English (en), not Norwegian (nb); give --lang en" in run.err
    assert cli(capsys, "import", "p.md", "--lang", "en").code == 0


def test_a_site_folder_is_read_page_by_page_with_its_footer_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(tmp_path, monkeypatch)
    site = tmp_path / "site"
    site.mkdir()
    footer = "<footer><p>Lille Bakeri AS · post@lillebakeri.no</p></footer>"
    (site / "a.html").write_text(
        f"<html><body><main><h2>Bestilling</h2><p>Vi lagrer bestillingen din i to år.</p></main>{footer}",
        encoding="utf-8",
    )
    (site / "b.html").write_text(
        f"<html><body><main><h2>Nyhetsbrev</h2><p>Vi sender nyhetsbrev bare med samtykke.</p></main>{footer}",
        encoding="utf-8",
    )
    run = cli(capsys, "import", "site", "--lang", "nb")
    assert run.code == 0, run.err
    assert "Vi lagrer bestillingen din i to år." in run.out
    assert "Vi sender nyhetsbrev bare med samtykke." in run.out
    assert run.out.count("Lille Bakeri AS · [post@lillebakeri.no]") + run.out.count("Lille Bakeri AS ·") == 1


def _imported(tmp_path: Path, text: str, lang: str = "en") -> dict[str, Any]:
    source = tmp_path / "source.md"
    source.write_text(text, encoding="utf-8")
    return _load(import_source(source, lang, None, "x").yaml)


def test_a_part_naming_two_legal_bases_is_cut_at_its_sub_headings(tmp_path: Path) -> None:
    data = _imported(
        tmp_path,
        "# Privacy\n\n## Rights\n\nYou may ask for access.\n\n## The processing\n\nWhat we do.\n\n"
        "### Analytics\n\nThe legal basis is Art. 6(1)(f) GDPR.\n\n"
        "### Crash reports\n\nThe legal basis is Art. 6(1)(a) GDPR.\n\n## Other\n\nText.\n\n## More\n\nText.\n",
    )
    found = [(a.get("heading"), a.get("legal_basis")) for a in data["activities"]]
    assert ("Analytics", "6(1)(f)") in found and ("Crash reports", "6(1)(a)") in found
    assert found[0] == ("The processing", None)  # the part's own text keeps its heading


def test_a_part_naming_two_legal_bases_without_sub_headings_stays_whole(tmp_path: Path) -> None:
    data = _imported(
        tmp_path,
        "# Privacy\n\n## The processing\n\nThe legal basis is Art. 6(1)(f) GDPR.\n\n"
        "Newsletters are sent only with your consent.\n\n## Rights\n\nYou may ask for access.\n",
    )
    assert [a.get("legal_basis") for a in data["activities"]] == [None]


def test_the_authors_own_social_profile_is_no_recipient(tmp_path: Path) -> None:
    data = _imported(tmp_path, "# Privacy\n\n## Follow us\n\n* Twitter: @ourclub\n\n## Rights\n\nAccess.\n")
    assert not data.get("parties")


def test_a_text_without_parts_about_processing_gets_one_activity(tmp_path: Path) -> None:
    data = _imported(
        tmp_path,
        "# Privacy\n\nThis policy covers our shop.\n\nWe collect your name and address.\n\n"
        "We use them to send your order.\n",
    )
    assert data["statement"]["text"] == "This policy covers our shop."
    assert [a["text"] for a in data["activities"]] == [
        "We collect your name and address.\n\nWe use them to send your order."
    ]


def test_a_site_folders_fact_comments_name_the_page_they_come_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(tmp_path, monkeypatch)
    site = tmp_path / "site"
    (site / "om").mkdir(parents=True)
    (site / "index.html").write_text(
        "<html>\n<body>\n<main><h2>Bestilling</h2><p>Vi bruker Mailchimp.</p>\n"
        "<p>Behandlingen bygger på samtykke.</p></main></body></html>",
        encoding="utf-8",
    )
    (site / "om" / "nyhetsbrev.html").write_text(
        "<html><body><main><h2>Nyhetsbrev</h2><p>Vi sender nyhetsbrev.</p></main></body></html>",
        encoding="utf-8",
    )
    (site / "om" / "kontakt.html").write_text(
        "<html><body><main>\n<h2>Behandlingsansvarlig</h2>\n"
        "<p>Lille Bakeri AS (org.nr. 923 609 016) er behandlingsansvarlig.</p></main></body></html>",
        encoding="utf-8",
    )
    run = cli(capsys, "import", "site", "--lang", "nb")
    assert run.code == 0, run.err
    # each page's lines start at 1, so the line alone would not say which page
    assert re.search(r"organisation_number: 923 609 016 +# source om/kontakt\.html line 3: ", run.out), (
        run.out
    )
    assert re.search(r"legal_basis: 6\(1\)\(a\) +# source index\.html line 4: ", run.out), run.out
    assert re.search(r"# source index\.html line 3: the service Mailchimp", run.out), run.out
    # the pages' parts stay in the order of the files, though the later page's lines are lower
    assert run.out.index("heading: Bestilling") < run.out.index("heading: Nyhetsbrev")


def test_a_single_pages_comments_give_the_line_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(tmp_path, monkeypatch)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><body><main><h2>Bestilling</h2>\n<p>Behandlingen bygger på samtykke.</p></main></body></html>",
        encoding="utf-8",
    )
    run = cli(capsys, "import", "site", "--lang", "nb")
    assert run.code == 0, run.err
    assert re.search(r"legal_basis: 6\(1\)\(a\) +# source line 2: ", run.out), run.out


def test_cookie_names_come_from_the_open_cookie_database_when_it_is_shipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from noticelint.importer import cookienames

    table = tmp_path / "open-cookie-database.csv"
    table.write_text(
        "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,"
        "User Privacy & GDPR Rights Portals,Wildcard match\n"
        "1,Google Analytics,Analytics,_ga,,ID,2 years,Google,,0\n"
        "2,Example,Functional,session,,a plain word,session,Example,,0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(cookienames, "TABLE", table)
    source = tmp_path / "p.md"
    source.write_text(
        "## Statistikk\n\nVi bruker Google Analytics, som setter informasjonskapselen _ga. "
        "Den varer en session.\n",
        encoding="utf-8",
    )
    activity = _load(_draft(source, "nb"))["activities"][0]
    assert activity["cookies"] == [{"name": "_ga", "provider": "google-analytics"}]


def test_without_the_cookie_database_no_cookie_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from noticelint.importer import cookienames

    monkeypatch.setattr(cookienames, "TABLE", tmp_path / "absent.csv")
    assert cookienames.cookie_names_in("informasjonskapselen _ga") == []


@pytest.mark.parametrize(
    ("sentence", "denial"),
    [
        ("Vi bruker ikke informasjonskapsler.", "cookies"),
        ("Our website does not use cookies", "cookies"),
        ("Vi selger aldri personopplysninger til tredjepart.", "sale"),
        ("Personopplysningene dine vil ikke bli overført til land utenfor EU.", "transfers_outside_eea"),
        ("Vi bruker ingen informasjonskapsler til statistikk.", None),  # a limited denial
        ("We do not use cookies for advertising.", None),
        ("Vi bruker ikke informasjonskapsler uten samtykke.", None),
    ],
)
def test_denials_are_whole_sentences_only(sentence: str, denial: str | None) -> None:
    assert [f.value for f in F.denials([F.Piece(sentence, 1)])] == ([denial] if denial else [])


def test_texts_put_in_after_the_dump_read_back_as_the_emitter_writes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from noticelint.importer import draft

    for case in CASES:
        info = _load((CORPUS / case / "statement.yaml").read_text(encoding="utf-8"))["statement"]
        fast = _draft(_source(case), info["default_language"], info.get("jurisdiction"))
        monkeypatch.setattr(draft, "FAST_LITERALS", False)
        slow = _draft(_source(case), info["default_language"], info.get("jurisdiction"))
        monkeypatch.setattr(draft, "FAST_LITERALS", True)
        assert fast == slow, case


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("Two lines.\nSecond: with # and - and 'quotes' and «æøå» and\u00a0nbsp.", True),
        ("  - an indented first line", False),  # would need an indentation indicator
        ("ends with a line break\n", False),
        ("a tab\there", False),
        ("a line\n   \nof spaces alone", False),
        ("a control character \x07", False),
        ("a line separator \u2028 inside", False),
    ],
)
def test_which_texts_are_put_in_as_literal_blocks(text: str, safe: bool) -> None:
    from noticelint.importer.draft import literal_safe

    assert literal_safe(text) is safe
    if safe:
        from noticelint.importer.draft import _fill_literals

        yaml_text = _fill_literals("key: |-\n  @noticelint-literal-0@\n", {"@noticelint-literal-0@": text})
        assert _load(yaml_text) == {"key": text}
