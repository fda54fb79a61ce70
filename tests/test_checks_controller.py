"""Organisation names in the wording against the declared parties (CTL003, CTL004)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from noticelint.text.dictionary import is_ordinary_word
from tests.checkhelpers import BARE, Check, only
from tests.conftest import merge, yaml_dump


def _with_accountant(data: dict[str, Any], trade_name: str, sentence: str) -> str:
    for party in data["parties"]:
        if party["id"] == "regnskapsbyra":
            party["trade_name"] = trade_name  # its legal name stays: other wording names it
    return yaml_dump(merge(data, {"statement": {"text": {"nb": sentence, "en": "We keep accounts."}}}))


@pytest.mark.parametrize("connector", ["og", "and", "&", "i"])
def test_a_declared_name_with_lower_case_words_is_recognised_in_full(
    check: Check, example_data: dict[str, Any], connector: str
) -> None:
    name = f"Bilag {connector} Bok AS"
    findings = check(_with_accountant(example_data, name, f"Regnskapet føres av {name}."))
    assert only(findings, "CTL004") == []


def test_only_the_tail_of_a_longer_declared_name_is_still_undeclared(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = check(_with_accountant(example_data, "Bilag og Bok AS", "Regnskapet føres av Bok AS."))
    reported = only(findings, "CTL004")
    assert [f.message.split(" is named")[0] for f in reported] == ["Bok AS"]


def test_words_glued_to_the_head_make_another_name(check: Check, example_data: dict[str, Any]) -> None:
    # "Xbilag og Bok AS" is a name of its own, read in full, and not the declared "Bilag og Bok AS".
    findings = check(
        _with_accountant(example_data, "Bilag og Bok AS", "Regnskapet føres av Xbilag og Bok AS.")
    )
    assert [f.message.split(" is named")[0] for f in only(findings, "CTL004")] == ["Xbilag og Bok AS"]


def test_the_full_name_acting_as_controller_is_named_in_full(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = check(
        _with_accountant(
            example_data,
            "Bilag og Bok AS",
            "Bilag og Bok AS bruker Google Analytics for å analysere bruken av nettsidene.",
        )
    )
    messages = [f.message for f in only(findings, "CTL003")]
    assert messages and messages[0].startswith("Bilag og Bok AS acts as the controller here")


# --- organisations however they are written, acting or not (issue 18) ------------------------------
# Names and phrasings here are the tests' own; bench/mismatch.py measures on a grammar of its own.


def _place(data: dict[str, Any], where: str, sentence: str, language: str) -> tuple[str, str]:
    """The example statement with ``sentence`` added to one of its texts in one language; the YAML and
    the JSON Pointer of the string the sentence is in."""
    data = copy.deepcopy(data)
    paths: dict[str, list[Any]] = {
        "introduction": ["statement", "text"],
        "section": ["sections", 1, "text"],
        "cookie": ["activities", 0, "cookies", 0, "text"],
        "party": ["parties", 2, "text"],
        "controller": ["controller", "text"],
        "activity": ["activities", 2, "text"],
        "rights": ["rights", "text"],
    }
    path = paths[where]
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = dict(node[path[-1]])
    node[path[-1]][language] = node[path[-1]][language] + " " + sentence
    return yaml_dump(data), "/" + "/".join(map(str, path)) + "/" + language


PLACES = ["introduction", "section", "cookie", "party", "controller", "activity", "rights"]

NAMES = [
    ("KodeHuset", "KodeHuset"),
    ("NETTVERK24", "NETTVERK24"),
    ("Bølge og Bris AS", "Bølge og Bris AS"),
    ("Fjordnett ANS", "Fjordnett ANS"),
    ("kodehuset.no", "kodehuset.no"),
    ("Webbyrå KodeHuset", "KodeHuset"),
]
ACTING_NB = [
    "{X} skal registrere hvilke sider du besøker for å tilpasse annonser.",
    "Både vi og {X} lagrer IP-adressen din for å lage statistikk.",
    "Besøksdataene analyseres av {X} for å forbedre nettsiden.",
    "{X}, som er vårt webbyrå, sender opplysningene videre for å markedsføre tjenester.",
    "Dessuten benytter {X} informasjonskapsler for å måle trafikk.",
    "Vi har engasjert {X}, som innhenter opplysninger om deg for å lage profiler.",
]
ACTING_EN = [
    "{X} collects the IP address in order to build statistics.",
    "Your data are stored by {X} to measure usage.",
    "{X}, our web agency, tracks visitors to measure campaigns.",
]
PROCESSOR_NB = [
    "{X} drifter nettsiden for oss.",
    "{X} lagrer opplysningene på vegne av oss.",
    "{X} behandler opplysningene som databehandler.",
    "{X} samler inn opplysningene etter våre instrukser for å måle trafikk.",
    "{X} bruker ikke opplysningene til noe annet.",
    "Skjemaet sendes via {X}, og opplysningene behandles av {X} for å levere meldingen til oss.",
]
PROCESSOR_EN = [
    "{X} hosts the website on our behalf.",
    "{X} stores the data as our processor to measure traffic.",
    "The form is processed by {X} to deliver your message to us.",
]


def _sentence(template: str, written: str) -> str:
    if template.startswith("{X}") and written[:1].islower() and "." not in written:
        written = written[0].upper() + written[1:]
    return template.replace("{X}", written)


@pytest.mark.parametrize("written,reported", NAMES)
@pytest.mark.parametrize("template,language", [(t, "nb") for t in ACTING_NB] + [(t, "en") for t in ACTING_EN])
def test_another_organisation_acting_is_reported_however_it_is_written(
    check: Check, example_data: dict[str, Any], written: str, reported: str, template: str, language: str
) -> None:
    where = PLACES[(len(template) + len(written)) % len(PLACES)]
    text, pointer = _place(example_data, where, _sentence(template, written), language)
    findings = only(check(text), "CTL003")
    assert [f.pointer for f in findings] == [pointer], (where, findings)
    message = findings[0].message
    assert message.startswith(f"{reported} acts as the controller here")
    assert (
        "Eksempel Dyrehelse AS as the subject" in message and f"declare {reported} under parties" in message
    )


@pytest.mark.parametrize("written,reported", NAMES)
@pytest.mark.parametrize(
    "template,language", [(t, "nb") for t in PROCESSOR_NB] + [(t, "en") for t in PROCESSOR_EN]
)
def test_an_organisation_working_for_the_controller_is_not_a_mismatch(
    check: Check, example_data: dict[str, Any], written: str, reported: str, template: str, language: str
) -> None:
    text, _ = _place(example_data, "section", _sentence(template, written), language)
    assert only(check(text), "CTL003") == []


@pytest.mark.parametrize(
    "phrase",
    ["webbyrået vårt", "vårt nettbyrå", "Reklamebyrået", "leverandøren vår"],
)
def test_a_description_that_stands_for_an_agency_is_reported(
    check: Check, example_data: dict[str, Any], phrase: str
) -> None:
    sentence = _sentence("{X} bruker Google Analytics for å lage annonseprofiler.", phrase)
    text, pointer = _place(example_data, "introduction", sentence, "nb")
    findings = only(check(text), "CTL003")
    assert [f.pointer for f in findings] == [pointer]
    assert findings[0].message.casefold().startswith(f"'{phrase.casefold()}' acts as the controller")
    assert "name the organisation and declare it under parties" in findings[0].message


def test_our_web_agency_in_english(check: Check, example_data: dict[str, Any]) -> None:
    text, pointer = _place(
        example_data, "cookie", "Our web agency uses these cookies in order to profile visitors.", "en"
    )
    assert [f.pointer for f in only(check(text), "CTL003")] == [pointer]


@pytest.mark.parametrize(
    "sentence",
    [
        "Google Analytics bruker informasjonskapsler for å analysere bruken av nettstedet.",
        "Google Tag Manager lagrer opplysninger for å laste inn skript.",
        "LinkedIn bruker informasjonskapsler for å vise annonser.",
        "Eksempel Dyrehelse bruker Google Analytics for å forbedre nettstedet.",
        "www.example.no bruker informasjonskapsler for å måle trafikken.",
        "EksempelDyrehelse samler inn IP-adressen for å måle trafikken.",
        "Kontaktinformasjon er tilgjengelig på www.datatilsynet.no.",
        "Datatilsynet behandler klagen for å avgjøre saken.",
        "IP-adressen sendes kryptert (HTTPS) og lagres i EØS for å sikre den.",
    ],
)
def test_products_the_controller_itself_and_public_bodies_are_not_reported(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    text, _ = _place(example_data, "section", sentence, "nb")
    findings = check(text)
    assert only(findings, "CTL003") == [] and only(findings, "CTL004") == []


def test_the_controllers_trade_name_is_the_controller(check: Check, example_data: dict[str, Any]) -> None:
    data = merge(example_data, {"controller": {"trade_name": "DyreKlinikk24"}})
    text, _ = _place(data, "section", "DyreKlinikk24 bruker Google Analytics for å måle trafikken.", "nb")
    assert only(check(text), "CTL003") == []


def test_a_declared_processor_with_a_purpose_of_its_own_is_reported(
    check: Check, example_data: dict[str, Any]
) -> None:
    sentence = "Timebok Eksempel AS bruker opplysningene for å markedsføre sine egne tjenester."
    text, pointer = _place(example_data, "section", sentence, "nb")
    findings = only(check(text), "CTL003")
    assert [f.pointer for f in findings] == [pointer]
    assert "is declared as processor" in findings[0].message


def test_a_declared_joint_controller_is_never_reported(check: Check, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["parties"][2]["role"] = "joint_controller"
    data["parties"][2].pop("data_processing_agreement", None)
    data["parties"][2]["arrangement"] = "Vi og Timebok avtaler hvem som svarer på henvendelser."
    sentence = "Timebok Eksempel AS bruker opplysningene for å markedsføre sine egne tjenester."
    text, _ = _place(data, "section", sentence, "nb")
    assert only(check(text), "CTL003") == []


@pytest.mark.parametrize("name", ["Bits og Bytes AS", "Bergen Hage og Park AS"])
def test_an_undeclared_name_with_lower_case_words_is_read_in_full(
    check: Check, example_data: dict[str, Any], name: str
) -> None:
    text, _ = _place(example_data, "section", f"Nettsiden er laget av {name}.", "nb")
    assert [f.message.split(" is named")[0] for f in only(check(text), "CTL004")] == [name]
    text, _ = _place(example_data, "section", f"{name} bruker Google Analytics for å måle trafikk.", "nb")
    assert [f.message.split(" acts as")[0] for f in only(check(text), "CTL003")] == [name]


def test_a_brand_named_as_an_agency_is_an_undeclared_organisation(
    check: Check, example_data: dict[str, Any]
) -> None:
    text, pointer = _place(example_data, "section", "Nettsiden er laget av webbyrået KodeHuset.", "nb")
    findings = only(check(text), "CTL004")
    assert [(f.pointer, f.message.split(" is named")[0]) for f in findings] == [(pointer, "KodeHuset")]


def test_the_clinic_statement_reports_both_ostcom_sentences(check: Check) -> None:
    from tests.conftest import CLINIC

    findings = only(check(CLINIC.read_text(encoding="utf-8")), "CTL003")
    assert [(f.span.line, f.span.column, f.message.split(" acts as")[0]) for f in findings] == [
        (50, 7, "ØstCom AS"),
        (105, 75, "ØstCom AS"),
    ]


# --- the property: any name, any acting phrasing, any place ----------------------------------------

_SYLLABLE = st.text(alphabet="bdfgklmnprstvzæøå", min_size=1, max_size=2).flatmap(
    lambda consonants: st.sampled_from("aeiouyå").map(lambda vowel: consonants + vowel)
)
_PART = st.lists(_SYLLABLE, min_size=2, max_size=3).map(lambda s: "".join(s).capitalize())
_BRAND = st.tuples(_PART, _PART).map("".join)
_NAME = st.one_of(
    _BRAND,
    st.tuples(_BRAND, st.sampled_from(["AS", "ANS", "Ltd", "AB"])).map(" ".join),
    st.tuples(_PART, _PART, st.sampled_from(["AS", "DA"])).map(lambda t: f"{t[0]} og {t[1]} {t[2]}"),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=_NAME,
    acting=st.sampled_from([(t, "nb") for t in ACTING_NB] + [(t, "en") for t in ACTING_EN]),
    processor=st.sampled_from([(t, "nb") for t in PROCESSOR_NB] + [(t, "en") for t in PROCESSOR_EN]),
    where=st.sampled_from(PLACES),
)
def test_any_name_acting_is_reported_and_working_for_us_is_not(
    check: Check,
    example_data: dict[str, Any],
    name: str,
    acting: tuple[str, str],
    processor: tuple[str, str],
    where: str,
) -> None:
    # A brand without a legal form is a name only when it is not an ordinary word.
    assume(" " in name or not is_ordinary_word(name))
    text, pointer = _place(example_data, where, _sentence(acting[0], name), acting[1])
    reported = only(check(text), "CTL003")
    assert [f.pointer for f in reported] == [pointer], (name, acting, where)
    assert reported[0].message.startswith(f"{name} acts as the controller")
    text, _ = _place(example_data, where, _sentence(processor[0], name), processor[1])
    assert only(check(text), "CTL003") == [], (name, processor, where)


def _bare_with_google(language: str, text: str) -> str:
    """The bare statement in one language, with a party named only 'Google' and ``text`` on its activity."""
    head = BARE.replace("languages: [nb]", f"languages: [{language}]").replace(
        "default_language: nb", f"default_language: {language}"
    )
    return (
        head
        + f"    recipients: [google]\n    text: {text!r}\nparties:\n  - {{id: google, legal_name: Google}}\n"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nb",
            "Vi bruker Google Analytics for å lage statistikk. Google bruker informasjonskapselen _ga for å "
            "skille brukere fra hverandre.",
        ),
        (
            "en",
            "We use Google Analytics to count visits. Google uses the _ga cookie to analyse how users move.",
        ),
    ],
)
def test_the_vendor_of_a_product_the_statement_uses_doing_its_job_is_not_a_mismatch(
    check: Check, language: str, text: str
) -> None:
    assert only(check(_bare_with_google(language, text)), "CTL003") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the product is not used: Google is just another organisation
        ("nb", "Google bruker informasjonskapselen _ga for å skille brukere fra hverandre."),
        ("en", "Google uses the _ga cookie to analyse how users move."),
        # the vendor of a used product, for ends of its own
        (
            "nb",
            "Vi bruker Google Analytics. Google bruker opplysningene til egne formål for å forbedre tjenestene.",
        ),
        ("en", "We use Google Analytics. Google uses the data to analyse them for its own purposes."),
        ("nb", "Vi bruker Google Analytics. Google bruker opplysningene for å vise annonser."),
    ],
)
def test_the_vendor_acting_for_its_own_ends_or_without_a_product_is_reported(
    check: Check, language: str, text: str
) -> None:
    findings = only(check(_bare_with_google(language, text)), "CTL003")
    assert [f.message.split(" acts as")[0] for f in findings] == ["Google"]
