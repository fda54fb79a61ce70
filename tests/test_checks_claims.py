"""Behaviour of the claims-against-facts rules (checks/claims.py): both sides of every condition."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import BARE, Check, intro, line_of, only, run
from tests.conftest import CLINIC, yaml_dump, yaml_load


def bare_text(text: str) -> str:
    return yaml_dump({"controller": {"text": text}})


@pytest.fixture
def bare() -> dict[str, Any]:
    data = yaml_load(BARE)
    assert isinstance(data, dict)
    return data


def test_example_has_no_claim_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("CON")] == []


# --- CON001 "we do not share" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Personopplysningene deles ikke med utenforstående tredjeparter.",
        "Vi deler ikke opplysningene dine med tredjepart.",
        "Opplysningene utleveres ikke til andre.",
        "Vi gir ikke opplysningene videre.",
        "We do not share your personal data with third parties.",
        "We never disclose your data.",
        "Your data are not shared with anyone.",
        "Your data will not be passed on to anyone.",
        "The Club does not supply any personal data it holds for this purpose to any other third party.",
        "Under no circumstances would we ever sell, rent or distribute your personal information to "
        "third-party entities, unless authorized by you to do so.",
        "We will never provide your details to a third party.",
    ],
)
def test_sharing_claim_next_to_a_recipient_is_reported(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    findings = only(run(check, example_data, intro(sentence)), "CON001")
    assert [f.pointer for f in findings] == ["/statement/text/nb"]
    assert "Timebok Eksempel AS" in findings[0].message


def test_sharing_claim_without_any_recipient_is_quiet(check: Check, bare: dict[str, Any]) -> None:
    findings = run(check, bare, bare_text("Vi deler ikke opplysningene dine med tredjeparter."))
    assert only(findings, "CON001") == []


def test_organisation_named_in_the_wording_counts(check: Check, bare: dict[str, Any]) -> None:
    text = "Vi deler ikke opplysningene dine med tredjeparter. Nettsiden driftes av Webbyrå Eksempel AS."
    findings = only(run(check, bare, bare_text(text)), "CON001")
    assert len(findings) == 1 and "Webbyrå Eksempel AS" in findings[0].message


def test_vendor_named_in_the_wording_counts(check: Check, bare: dict[str, Any]) -> None:
    text = "Vi deler ikke opplysningene dine med tredjeparter. Vi bruker Mailchimp til nyhetsbrev."
    findings = only(run(check, bare, bare_text(text)), "CON001")
    assert len(findings) == 1 and "Mailchimp" in findings[0].message


def test_controller_named_in_the_wording_does_not_count(check: Check, bare: dict[str, Any]) -> None:
    text = "Liten Klinikk AS deler ikke opplysningene dine med tredjeparter."
    assert only(run(check, bare, bare_text(text)), "CON001") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi deler ikke opplysningene med andre enn databehandlerne våre.",
        "Opplysningene deles ikke med tredjeparter, unntatt Timebok Eksempel AS.",
        "We do not share your data with anyone except our processors.",
        "Vi deler ikke opplysningene dine med andre for markedsføring.",
        "Vi deler opplysningene med Timebok Eksempel AS.",
        "Hvis du ikke deler telefonnummeret ditt, sender vi ingen påminnelse.",
        "If you do not share your phone number, we send no reminder.",
        "We do not provide any guarantee that the site is always available.",
        "If you do not provide your e-mail address to a third party, it cannot contact you.",
        "We never provide advice; third parties may.",
    ],
)
def test_qualified_or_positive_wording_is_quiet(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    assert only(run(check, example_data, intro(sentence)), "CON001") == []


def test_exception_that_does_not_cover_the_recipients_still_counts(
    check: Check, example_data: dict[str, Any]
) -> None:
    sentence = "Vi deler ikke opplysningene med tredjeparter med mindre loven krever det."
    assert len(only(run(check, example_data, intro(sentence)), "CON001")) == 1


def test_sale_claim_with_only_processors_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    findings = run(
        check, example_data, intro("Vi selger ikke opplysningene dine.", "We never sell your data.")
    )
    assert only(findings, "CON001") == []


def test_sale_claim_with_an_independent_recipient_is_reported(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = """
parties:
  - id: forsikring
    legal_name: Dyreforsikring Eksempel AS
    country: "NO"
    role: independent_controller
transfers: []
activities:
  - id: forsikringssaker
    purpose: Sende journal til forsikringsselskapet
    legal_basis: "6(1)(b)"
    recipients: [forsikring]
"""
    findings = only(run(check, example_data, patch, intro("Vi selger ikke opplysningene dine.")), "CON001")
    assert len(findings) == 1
    assert "not sold" in findings[0].message and "Dyreforsikring Eksempel AS" in findings[0].message


def test_sale_claim_with_a_party_without_role_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
parties:
  - id: google
    legal_name: Google Ireland Limited
    trade_name: Google Analytics
    country: IE
transfers: []
activities:
  - id: analyse
    purpose: Måle bruken av nettstedet
    legal_basis: "6(1)(a)"
    recipients: [google]
"""
    findings = only(run(check, example_data, patch, intro("Vi selger ikke opplysningene dine.")), "CON001")
    assert len(findings) == 1


# --- CON002 "we do not use cookies" -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi bruker ikke informasjonskapsler.",
        "Nettstedet bruker ingen cookies.",
        "Det brukes ikke informasjonskapsler på nettstedet.",
        "Siden vi ikke bruker informasjonskapsler, trenger du ikke samtykke.",
        "We do not use cookies on this website.",
        "No cookies are set.",
    ],
)
def test_no_cookies_claim_next_to_a_declared_cookie_is_reported(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    findings = only(run(check, example_data, intro(sentence)), "CON002")
    assert [f.pointer for f in findings] == ["/statement/text/nb"]
    assert "'_ga'" in findings[0].message


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi bruker ikke informasjonskapsler til annonsering.",
        "Vi bruker ikke informasjonskapsler som krever samtykke.",
        "We do not use cookies for advertising.",
        "Vi bruker informasjonskapsler bare når du har samtykket.",
        "Hvis du ikke godtar informasjonskapsler, virker nettstedet likt.",
        "If you do not accept cookies, the website works the same.",
        "Hvis du ikke bruker informasjonskapsler i nettleseren, må du logge inn hver gang.",
    ],
)
def test_limited_claims_are_quiet(check: Check, example_data: dict[str, Any], sentence: str) -> None:
    assert only(run(check, example_data, intro(sentence)), "CON002") == []


def test_no_cookies_claim_without_cookies_is_quiet(check: Check, bare: dict[str, Any]) -> None:
    assert only(run(check, bare, bare_text("Vi bruker ikke informasjonskapsler.")), "CON002") == []


def test_cookie_vendor_as_recipient_counts(check: Check, bare: dict[str, Any]) -> None:
    patch = """
parties:
  - id: youtube
    legal_name: Google Ireland Limited
    trade_name: YouTube
    country: IE
    role: joint_controller
activities:
  - id: video
    purpose: Vise filmer
    legal_basis: "6(1)(a)"
    recipients: [youtube]
"""
    findings = only(run(check, bare, patch, bare_text("Vi bruker ikke informasjonskapsler.")), "CON002")
    assert len(findings) == 1 and "YouTube" in findings[0].message


def test_cookie_vendor_named_in_the_wording_counts(check: Check, bare: dict[str, Any]) -> None:
    text = "Vi bruker ikke informasjonskapsler. Filmene våre ligger på Vimeo."
    findings = only(run(check, bare, bare_text(text)), "CON002")
    assert len(findings) == 1 and "Vimeo" in findings[0].message


def test_cookieless_vendor_does_not_count(check: Check, bare: dict[str, Any]) -> None:
    text = "Vi bruker ikke informasjonskapsler. Vi måler besøk med Plausible Analytics."
    assert only(run(check, bare, bare_text(text)), "CON002") == []


# --- CON003 "contact us" ------------------------------------------------------------------------------


def test_contact_us_without_channel_is_reported(check: Check, bare: dict[str, Any]) -> None:
    findings = only(
        run(check, bare, "controller: {contact: null}", bare_text("Informasjon slettes ved å kontakte oss.")),
        "CON003",
    )
    assert [f.pointer for f in findings] == ["/controller/text"]
    assert "'kontakte oss'" in findings[0].message


@pytest.mark.parametrize("sentence", ["Kontakt oss om du har spørsmål.", "Please contact us with questions."])
def test_contact_us_with_an_empty_contact_is_reported(
    check: Check, bare: dict[str, Any], sentence: str
) -> None:
    findings = run(check, bare, "controller: {contact: {email: null}}", bare_text(sentence))
    assert len(only(findings, "CON003")) == 1


def test_contact_us_with_a_channel_is_quiet(check: Check, bare: dict[str, Any]) -> None:
    findings = run(check, bare, bare_text("Informasjon slettes ved å kontakte oss."))
    assert only(findings, "CON003") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Kontakt oss på post@example.no.",
        "Kontakt oss på telefon 22 00 00 00.",
        "Contact us through https://www.example.no/kontakt.",
        "Vi svarer personer som kontakter oss.",
    ],
)
def test_sentence_with_its_own_channel_or_a_description_is_quiet(
    check: Check, bare: dict[str, Any], sentence: str
) -> None:
    findings = run(check, bare, "controller: {contact: null}", bare_text(sentence))
    assert only(findings, "CON003") == []


# --- CON004 link without target ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Les personvernreglene her.",
        "Les mer her.",
        "Klikk her for å reservere deg.",
        "Personvernerklæringen til Google finner du her.",
        "Read more here.",
        "Click here to change your settings.",
        "Du kan lese mer om tilfellene der virksomheter likevel kan bruke personopplysningene dine her.",
        "Du kan nå oss her for ytterligere informasjon og avklaring.",
        "You can read more about the cases in which we keep your data here.",
        "You can contact us here with any questions.",
    ],
)
def test_link_phrase_without_target_is_reported(check: Check, bare: dict[str, Any], sentence: str) -> None:
    findings = only(run(check, bare, bare_text(sentence)), "CON004")
    assert [f.pointer for f in findings] == ["/controller/text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Les [personvernreglene](https://policies.google.com/privacy) her.",
        "Les mer her: https://policies.google.com/privacy.",
        "Les mer her: www.datatilsynet.no.",
        "Her forteller vi hvordan vi behandler opplysningene.",
        "Here we explain how we process your data.",
        "Vi lagrer opplysningene her i Norge.",
        "Du kan lese mer om dette her: https://www.datatilsynet.no.",
        "Du kan nå oss her: post@eksempel.no.",
        "Du kan nå oss her. E-post: post@eksempel.no",
        "You can contact us here: +47 22 00 00 00.",
        "Les mer om hvordan vi lagrer opplysningene her i Norge og i Sverige i punkt 4.",
    ],
)
def test_link_with_target_or_no_link_phrase_is_quiet(
    check: Check, bare: dict[str, Any], sentence: str
) -> None:
    assert only(run(check, bare, bare_text(sentence)), "CON004") == []


def test_link_target_in_another_sentence_does_not_help(check: Check, bare: dict[str, Any]) -> None:
    text = "Les personvernreglene her. Google har en side på https://policies.google.com/privacy."
    findings = only(run(check, bare, bare_text(text)), "CON004")
    assert len(findings) == 1


# --- CON006 link target without scheme ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Report it to the Information Commissioners Office ([www.ico.org.uk](www.ico.org.uk)).", "www.ico.org.uk"),
        ("Du kan klage til [Datatilsynet](datatilsynet.no/om-personvern).", "datatilsynet.no/om-personvern"),
        ("Skriv til [personvernombudet](mailto:).", "mailto:"),
    ],
)
def test_link_target_without_scheme_is_reported(
    check: Check, bare: dict[str, Any], sentence: str, target: str
) -> None:
    findings = only(run(check, bare, bare_text(sentence)), "CON006")
    assert len(findings) == 1 and f"'{target}'" in findings[0].message


@pytest.mark.parametrize(
    "sentence",
    [
        "Report it to the ICO ([www.ico.org.uk](https://www.ico.org.uk)).",
        "Skriv til [personvernombudet](mailto:personvern@eksempel.no).",
        "Se [om oss](/about/) og [personvern](personvern.html).",
        "Vi er på www.eksempel.no.",
    ],
)
def test_full_or_relative_link_targets_are_quiet(check: Check, bare: dict[str, Any], sentence: str) -> None:
    assert only(run(check, bare, bare_text(sentence)), "CON006") == []


# --- the clinic ------------------------------------------------------------------------------------------


def test_clinic_claims_at_their_sentences(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = check(text)

    sharing = only(findings, "CON001")
    assert [f.span.line for f in sharing] == [
        line_of(text, "Personopplysningene deles ikke med utenforstående")
    ]
    assert "Google Inc." in sharing[0].message

    contact = only(findings, "CON003")
    assert [f.span.line for f in contact] == [
        line_of(text, "Informasjon slettes på oppfordring ved å kontakte oss")
    ]

    link = only(findings, "CON004")
    assert [f.span.line for f in link] == [line_of(text, "Les personvernreglene her.")]
    assert "Les personvernreglene her" in link[0].message

    assert only(findings, "CON002") == []
