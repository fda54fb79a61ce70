"""Behaviour of the clarity rules (checks/clarity.py, GDPR Art. 12(1)): both sides of every condition."""

from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest

from tests.checkhelpers import Check, intro, line_of, only, run
from tests.conftest import CLINIC, yaml_dump


def test_example_has_no_clarity_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("TXT")] == []


# --- TXT001 vague wording ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Vi kan dele opplysningene.", "kan"),
        ("Vi sletter kanskje opplysningene.", "kanskje"),
        ("Vi bruker eventuelt en leverandør.", "eventuelt"),
        ("Vi bruker evt. en leverandør.", "evt."),
        ("Enkelte opplysninger lagres lenger.", "Enkelte"),
        ("Noen opplysninger lagres lenger.", "Noen"),
        ("Vi sletter ofte gamle saker.", "ofte"),
        ("Vi sletter normalt etter ett år.", "normalt"),
        ("Vi sletter vanligvis etter ett år.", "vanligvis"),
        ("Vi lagrer blant annet navnet ditt.", "blant annet"),
        ("Vi lagrer bl.a. navnet ditt.", "bl.a."),
        ("Vi lagrer navn, adresse osv.", "osv."),
        ("Vi lagrer navn, adresse m.m.", "m.m."),
        ("Vi lagrer f.eks. navnet ditt.", "f.eks."),
        ("Eksempler på opplysninger: navn.", "Eksempler på"),
        ("Vi sletter så snart som mulig.", "mulig"),
        ("Vi lagrer og/eller sender opplysningene.", "og/eller"),
        ("Vi lagrer relevante opplysninger.", "relevante"),
        ("VI SLETTER KANSKJE ALT.", "KANSKJE"),
    ],
)
def test_norwegian_vague_words_are_reported(
    check: Check, example_data: dict[str, Any], sentence: str, word: str
) -> None:
    findings = only(run(check, example_data, intro(sentence)), "TXT001")
    assert [f.pointer for f in findings] == ["/statement/text/nb"]
    assert f"'{word}'" in findings[0].message


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("We may share your data.", "may"),
        ("We might share your data.", "might"),
        ("We could share your data.", "could"),
        ("Some data are kept longer.", "Some"),
        ("We often delete data.", "often"),
        ("We delete data as soon as possible.", "possible"),
        ("We possibly share data.", "possibly"),
        ("We generally delete data after a year.", "generally"),
        ("We typically delete data after a year.", "typically"),
        ("Certain data are kept longer.", "Certain"),
        ("We share data as needed.", "as needed"),
        ("We keep data depending on the case.", "depending on"),
        ("We keep data such as your name.", "such as"),
        ("We keep your name, address etc.", "etc."),
    ],
)
def test_english_vague_words_are_reported(
    check: Check, example_data: dict[str, Any], sentence: str, word: str
) -> None:
    findings = only(run(check, example_data, intro("Vi behandler personopplysninger.", sentence)), "TXT001")
    assert [f.pointer for f in findings] == ["/statement/text/en"]
    assert f"'{word}'" in findings[0].message


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        ("Du kan klage til Datatilsynet.", "You may complain to Datatilsynet."),
        ("Du kan også kreve retting.", "You can also ask for rectification."),
        ("Der behandlingen bygger på samtykke, kan du trekke det tilbake.", "You may withdraw your consent."),
        ("Uten adresse kan vi ikke sende faktura.", "The statement was changed on 1 May 2025."),
        ("Vi bruker en egen kanal for saken.", "Someone at the clinic answers every enquiry."),
    ],
)
def test_rights_cannot_and_partial_words_are_not_vague(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    assert only(run(check, example_data, intro(nb, en)), "TXT001") == []


# Each family of harmless uses, in both languages; every case has a reported twin below, so a rule that
# reports nothing fails the second test.
_HARMLESS = [
    # "kan"/"could" as ability or consequence ("so that", a relative clause)
    (
        "Vi lagrer bildet slik at det kan vises i galleriet.",
        "We keep the photo so that it could be shown later.",
    ),
    ("Vi ber ikke om opplysninger som kan identifisere deg.", "We ask for nothing which could identify you."),
    # inside a negation
    ("Skjemaet lagres ikke i noen database.", "We do not keep some of it on paper."),
    (
        "Dataene er slik at de ikke kan spores til deg.",
        "If you do not register, we may not be able to admit you.",
    ),
    # examples after a concrete list of names
    (
        "Vi bruker leverandører, f.eks. Fiken og Tripletex.",
        "We publish them on sites such as Flickr and YouTube.",
    ),
    # not about processing: the statement's own changes, links, definitions
    ("Vi kan endre denne personvernerklæringen.", "We may update this privacy policy from time to time."),
    (
        "Nettsiden kan inneholde lenker til andre nettsteder.",
        "Our website may contain links to other websites.",
    ),
    (
        "Personopplysninger er enhver opplysning som kan knyttes til deg.",
        "Personal data means any data that could identify you.",
    ),
    (
        "Etter personvernforordningen: «behandling» betyr enhver operasjon, f.eks. innsamling og lagring.",
        'Under the GDPR, "processing" refers to any operation such as collection or storage.',
    ),
    # what the reader or another person can do or find
    ("Leverandørens personvernerklæring kan leses her.", "The vendor's privacy policy can be read here."),
    (
        "Samtykket kan når som helst trekkes tilbake.",
        "Your consent may be withdrawn at any time.",
    ),
    ("Medlemmer kan registrere seg på nettsiden.", "Volunteers could opt out by writing to us."),
    # an announced possible change
    ("Arkivet kan i fremtiden flyttes til en annen leverandør.", "Backups may in the future move to AWS."),
    # "eventuelt" as "if there is one"; relevant ads; possible of an event or an intent
    (
        "Vi registrerer navn, eventuelt skadenummer, og bilmerke.",
        "In case of a possible data breach, we write to you.",
    ),
    (
        "Vi bruker dem til å håndtere et eventuelt oppdrag.",
        "We will do everything possible to keep data safe.",
    ),
    ("Vi viser deg relevante annonser.", "We show you relevant ads based on your interests."),
]
_REPORTED = [
    ("Vi kan dele bildet med partnere.", "We could share the photo with partners."),
    ("Noen opplysninger lagres i en database.", "Some lists are sold."),
    ("Vi kan bruke opplysningene til statistikk.", "We may use your data for statistics."),
    ("Vi bruker leverandører, f.eks. regnskap og drift.", "We share data with vendors such as printers."),
    ("Vi kan dele opplysningene med partnere.", "We may share data with partners."),
    ("Opplysningene kan beholdes så lenge det trengs.", "The list might not be exhaustive."),
    # the same words where they hedge what the controller does
    ("Opplysningene kan sendes videre til partnere.", "Your data may be shared with partners."),
    ("Vi vil eventuelt dele bildet med partnere.", "Data may later be used for possible new purposes."),
    ("Vi viser relevante tilbud fra partnere.", "We keep your data as long as possible."),
]


@pytest.mark.parametrize(("nb", "en"), _HARMLESS)
def test_ability_negation_examples_and_other_topics_are_not_vague(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    assert only(run(check, example_data, intro(nb, en)), "TXT001") == []


@pytest.mark.parametrize(("nb", "en"), _REPORTED)
def test_the_same_words_in_a_hedge_are_reported(
    check: Check, example_data: dict[str, Any], nb: str, en: str
) -> None:
    findings = only(run(check, example_data, intro(nb, en)), "TXT001")
    assert {f.pointer for f in findings} == {"/statement/text/nb", "/statement/text/en"}


def test_qualified_rights_are_not_vague_in_the_rights_text(
    check: Check, example_data: dict[str, Any]
) -> None:
    rights = {
        "rights": {
            "text": {
                "nb": "I noen tilfeller kan virksomheten nekte innsyn, og sletting er ikke alltid mulig.",
                "en": (
                    "You may object to certain kinds of processing; the right to erasure applies in "
                    "certain circumstances."
                ),
            }
        }
    }
    assert only(run(check, example_data, rights), "TXT001") == []
    general = {
        "rights": {
            "text": {
                "nb": (
                    "I spesifikke tilfeller kan virksomheten be om et rimelig gebyr. Lurer du på om "
                    "opplysningene kan bli slettet? Det kan du."
                ),
                "en": "Organisations may charge a reasonable fee in some cases.",
            }
        }
    }
    assert only(run(check, example_data, general), "TXT001") == []
    # The same words outside the rights are the controller's own hedge.
    assert only(
        run(check, example_data, intro("I noen tilfeller kan vi dele innsyn i saken med andre.")), "TXT001"
    )


def test_a_section_explaining_terms_or_changes_is_not_vague(
    check: Check, example_data: dict[str, Any]
) -> None:
    sections = """
    sections:
      - id: hva-er-en-cookie
        topic: cookies
        heading: {nb: Hva er en informasjonskapsel, en: What is a cookie}
        text: {nb: Informasjonskapsler kan være nyttige og brukes ofte., en: Cookies can be useful and are often used.}
      - id: endringer
        topic: changes
        heading: {nb: Endringer, en: Changes}
        text: {nb: Vi varsler noen ganger på e-post., en: We sometimes send some notices.}
    """
    assert only(run(check, example_data, sections), "TXT001") == []


def test_word_lists_follow_the_language_of_the_text(check: Check, example_data: dict[str, Any]) -> None:
    # "may" is no Norwegian word and "noen" no English one.
    patch = intro("Vi møtes i Sandefjord, may be.", "Noen Street is where we are.")
    assert only(run(check, example_data, patch), "TXT001") == []


def test_one_finding_per_sentence_listing_every_word(check: Check, example_data: dict[str, Any]) -> None:
    patch = intro("Vi kan bruke enkelte opplysninger, blant annet navn, osv. Vi sletter normalt alt.")
    findings = only(run(check, example_data, patch), "TXT001")
    assert len(findings) == 2
    first, second = sorted(findings, key=lambda f: f.span.column)
    for word in ("'kan'", "'enkelte'", "'blant annet'", "'osv.'"):
        assert word in first.message
    assert "'normalt'" in second.message and "'kan'" not in second.message


@pytest.mark.parametrize(
    ("sentence", "advice"),
    [
        ("Vi kan dele opplysningene med leverandører.", "'kan': say whether and when it happens"),
        ("We may share your data with suppliers.", "'may': say whether and when it happens"),
        ("Vi lagrer blant annet navnet ditt.", "'blant annet': list them all"),
        ("We keep data such as your name.", "'such as': list them all"),
        ("Vi lagrer relevante opplysninger.", "'relevante': name which ones"),
        ("Vi sletter normalt etter ett år.", "'normalt': say what is done and in which cases it is not"),
        ("Vi lagrer og/eller sender opplysningene.", "'og/eller': say which of them applies, or both"),
        (
            "We keep data depending on the case.",
            "'depending on': say what it depends on and what is done in each case",
        ),
    ],
)
def test_the_advice_fits_the_kind_of_word(
    check: Check, example_data: dict[str, Any], sentence: str, advice: str
) -> None:
    (finding,) = only(run(check, example_data, intro(sentence, sentence)), "TXT001")
    assert finding.message.endswith(advice) or f"{advice};" in finding.message, finding.message
    assert "for how long" not in finding.message


def test_one_sentence_with_several_kinds_gets_each_advice_once(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = intro("Vi kan bruke enkelte opplysninger, blant annet navn, osv.")
    (finding,) = only(run(check, example_data, patch), "TXT001")
    assert finding.message.endswith(
        ": 'kan': say whether and when it happens; 'enkelte': name which ones; 'blant annet', 'osv.': list "
        "them all"
    ), finding.message


def test_a_hedge_in_the_retention_wording_asks_for_the_period(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = """
    activities:
      - id: henvendelser
        retention:
          period: P1Y
          text: {nb: Vi sletter normalt henvendelser som nødvendig., en: We normally delete enquiries.}
    """
    findings = only(run(check, example_data, patch), "TXT001")
    assert findings, "the retention wording is checked"
    for finding in findings:
        assert "retention.text" in finding.message
        assert finding.message.endswith(": give the period or the criterion that ends it"), finding.message


# --- TXT002 empty sections -------------------------------------------------------------------------

SECTION = """
sections:
  - id: kontaktinformasjon
    topic: controller
    heading: {{nb: Kontaktinformasjon, en: Contact details}}
    {text}
"""


def test_section_without_text_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, SECTION.format(text="")), "TXT002")
    assert [f.pointer for f in findings] == ["/sections/0"]
    assert "'kontaktinformasjon'" in findings[0].message and "Kontaktinformasjon" in findings[0].message
    assert "contact details" in findings[0].message


def test_section_with_blank_text_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    patch = SECTION.format(text="text: {nb: ' ', en: ''}")
    assert len(only(run(check, example_data, patch), "TXT002")) == 1


def test_section_with_text_in_one_language_is_not_empty(check: Check, example_data: dict[str, Any]) -> None:
    patch = SECTION.format(text="text: {nb: 'Skriv til post@example.no.'}")
    assert only(run(check, example_data, patch), "TXT002") == []


# --- TXT003 date and version -------------------------------------------------------------------------


def test_missing_date_is_reported_once(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "statement: {version: null, last_updated: null}"), "TXT003")
    assert len(findings) == 1
    assert findings[0].pointer == "/statement" and "last_updated" in findings[0].message


def test_missing_version_is_not_reported(check: Check, example_data: dict[str, Any]) -> None:
    # No article asks for a version; the date carries what Art. 13(3) needs.
    assert only(run(check, example_data, "statement: {version: null}"), "TXT003") == []


def test_missing_date_alone_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "statement: {last_updated: null}"), "TXT003")
    assert len(findings) == 1 and "no last_updated" in findings[0].message


# --- TXT004 date in the future -----------------------------------------------------------------------


def test_future_date_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    findings = only(
        run(check, example_data, f"statement: {{last_updated: {tomorrow.isoformat()}}}"), "TXT004"
    )
    assert [f.pointer for f in findings] == ["/statement/last_updated"]
    assert tomorrow.isoformat() in findings[0].message


@pytest.mark.parametrize("days_ago", [0, 1, 3650])
def test_today_and_past_dates_are_quiet(check: Check, example_data: dict[str, Any], days_ago: int) -> None:
    day = datetime.date.today() - datetime.timedelta(days=days_ago)
    assert only(run(check, example_data, f"statement: {{last_updated: {day.isoformat()}}}"), "TXT004") == []


# --- TXT005 every language -----------------------------------------------------------------------------


def test_plain_string_lacks_the_other_languages(check: Check, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["statement"]["text"] = "Vi behandler personopplysninger."
    findings = only(check(yaml_dump(data)), "TXT005")
    assert [f.pointer for f in findings] == ["/statement/text"]
    assert "'en'" in findings[0].message and "'nb'" not in findings[0].message
    assert "plain string" in findings[0].message


def test_mapping_without_the_default_language_names_it(check: Check, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["statement"]["text"] = {"en": "We process personal data."}
    findings = only(check(yaml_dump(data)), "TXT005")
    assert [f.pointer for f in findings] == ["/statement/text"]
    assert "'nb'" in findings[0].message


def test_blank_translation_is_missing(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, intro("Vi behandler personopplysninger.", " ")), "TXT005")
    assert len(findings) == 1 and "'en'" in findings[0].message


def test_list_items_are_checked_one_by_one(check: Check, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["activities"][0]["data_categories"][1] = "telefonnummer"
    findings = only(check(yaml_dump(data)), "TXT005")
    assert [f.pointer for f in findings] == ["/activities/0/data_categories/1"]
    assert "timebestilling" in findings[0].message


def test_single_language_statement_accepts_plain_strings(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    assert only(check(text), "TXT005") == []


def test_third_language_is_required_everywhere_once_published(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = only(run(check, example_data, "statement: {languages: [nb, en, nn]}"), "TXT005")
    assert findings
    assert all("'nn'" in f.message and "'en'" not in f.message for f in findings)


# --- TXT006 text for staff ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Den enkelte er ansvarlig for å slette meldinger som ikke lenger er aktuelle.",
        "Sensitive personopplysninger skal ikke sendes med e-post.",
        "Ansatte skal slette e-post etter ett år.",
        "Employees must delete e-mails after one year.",
        "Each employee is responsible for deleting old messages.",
        "Health data must not be sent by e-mail.",
    ],
)
def test_instructions_to_staff_are_reported(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    findings = only(run(check, example_data, intro(sentence)), "TXT006")
    assert [f.pointer for f in findings] == ["/statement/text/nb"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi sletter e-post etter ett år.",
        "En ansatt leser og besvarer hver henvendelse.",
        "Only staff who need the data have access to them.",
        "Vanlig e-post er ukryptert. Send oss derfor ikke helseopplysninger på e-post.",
    ],
)
def test_information_for_the_reader_is_quiet(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    assert only(run(check, example_data, intro(sentence)), "TXT006") == []


# --- the clinic ------------------------------------------------------------------------------------------


def test_clinic_clarity_findings_at_their_sentences(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = check(text)
    vague = {(f.span.line, w) for f in only(findings, "TXT001") for w in f.message.split("'")[1::2]}
    # Each word is reported at the line where its sentence begins.
    expected = {
        (line_of(text, "Solør Dyreklinikk er behandlingsansvarlige"), "evt."),
        (line_of(text, "Eksempler på opplysninger som innhentes"), "blant annet"),
        (line_of(text, "Eksempler på opplysninger som innhentes"), "Eksempler på"),
        (line_of(text, "ØstCom AS bruker Google Analytics"), "osv."),
        (line_of(text, "Personopplysningene deles ikke med utenforstående"), "kan"),
        (line_of(text, "Den enkelte er ansvarlig"), "enkelte"),
        (line_of(text, "Den enkelte er ansvarlig"), "normalt"),
        (line_of(text, "Relevante opplysninger, som fremkommer"), "Relevante"),
        (line_of(text, "lagres/videresendes internt til og/eller"), "og/eller"),
    }
    assert expected <= vague, expected - vague
    # "kan du til enhver tid trekke samtykket tilbake" and "Du kan også kreve retting" are rights.
    assert line_of(text, "kan du til enhver tid trekke") not in {line for line, _ in vague}
    assert line_of(text, "Du kan også kreve retting") not in {line for line, _ in vague}

    empty = only(findings, "TXT002")
    assert [f.span.line for f in empty] == [line_of(text, "- id: kontaktinformasjon")]

    dated = only(findings, "TXT003")
    assert len(dated) == 1 and {f.span.line for f in dated} == {line_of(text, "statement:")}

    staff = only(findings, "TXT006")
    assert sorted(f.span.line for f in staff) == sorted(
        [
            line_of(text, "Den enkelte er ansvarlig"),
            line_of(text, "Sensitive personopplysninger skal ikke sendes"),
        ]
    )
