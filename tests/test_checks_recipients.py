"""Behaviour of the recipient rules (checks/recipients.py): both sides of every condition."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import BARE, Check, codes, line_of
from tests.conftest import CLINIC, yaml_dump, yaml_load


def statement(
    parties: list[dict[str, Any]] | None = None,
    activities: list[dict[str, Any]] | None = None,
    text: str | None = None,
    transfers: list[dict[str, Any]] | None = None,
) -> str:
    """A small valid statement; rules outside this module may fire on it, the tests filter by code."""
    data: dict[str, Any] = {
        "schema_version": 1,
        "statement": {"id": "test", "languages": ["nb"], "default_language": "nb"},
        "controller": {"id": "klinikk", "legal_name": "Klinikk Eksempel AS", "country": "NO"},
        "parties": parties or [],
        "activities": activities or [],
        "transfers": transfers or [],
    }
    if text is not None:
        data["statement"]["text"] = text
    return yaml_dump(data)


def activity(*recipients: str) -> dict[str, Any]:
    return {"id": "analyse", "purpose": "Analyse", "recipients": list(recipients)}


GOOGLE_IE = {
    "id": "google-ireland",
    "legal_name": "Google Ireland Limited",
    "trade_name": "Google Analytics",
    "country": "IE",
    "role": "processor",
    "data_processing_agreement": True,
}


def test_example_has_no_recipient_findings(check: Check, example_data: dict[str, Any]) -> None:
    findings = check(yaml_dump(example_data))
    assert [f for f in findings if f.code.startswith("REC")] == []


# --- REC001 named vendor --------------------------------------------------------------------------


def test_undeclared_vendor_is_reported_at_its_sentence(check: Check) -> None:
    text = """\
schema_version: 1
statement:
  id: test
  languages: [nb]
  default_language: nb
  text: >-
    Vi tar vare på personvernet ditt og forteller her
    hva vi gjør. Nyhetsbrevet sender vi med
    Mailchimp hver måned.
controller: {id: klinikk, legal_name: Klinikk Eksempel AS, country: "NO"}
"""
    findings = codes(check, text, "REC001")
    assert len(findings) == 1
    assert findings[0].span.line == line_of(text, "Mailchimp hver")
    assert "Mailchimp" in findings[0].message
    assert "The Rocket Science Group LLC" in findings[0].message  # the entity to declare, without its note
    assert "(contracts" not in findings[0].message


def test_vendor_named_twice_in_one_text_is_reported_once(check: Check) -> None:
    text = statement(text="Vi bruker Mailchimp. Mailchimp sender nyhetsbrevet.")
    assert len(codes(check, text, "REC001")) == 1


def test_alias_is_named_with_the_service(check: Check) -> None:
    findings = codes(check, statement(text="Vi bruker GA4 på nettstedet."), "REC001")
    assert len(findings) == 1
    assert "GA4 (Google Analytics in the vendor table)" in findings[0].message


def test_declared_vendor_that_receives_nothing_is_reported(check: Check) -> None:
    parties = [{"id": "mailchimp", "legal_name": "The Rocket Science Group LLC", "trade_name": "Mailchimp"}]
    findings = codes(check, statement(parties, [activity()], "Vi bruker Mailchimp."), "REC001")
    assert len(findings) == 1
    assert "declared as mailchimp" in findings[0].message


def test_declared_recipient_vendor_is_quiet(check: Check) -> None:
    parties = [{"id": "mailchimp", "legal_name": "The Rocket Science Group LLC", "trade_name": "Mailchimp"}]
    assert codes(check, statement(parties, [activity("mailchimp")], "Vi bruker Mailchimp."), "REC001") == []


def test_party_matches_by_entity_when_it_names_no_service(check: Check) -> None:
    parties = [{"id": "meta", "legal_name": "Meta Platforms Ireland Limited", "country": "IE"}]
    assert codes(check, statement(parties, [activity("meta")], "Vi bruker Meta Pixel."), "REC001") == []


def test_party_matches_by_outdated_name(check: Check) -> None:
    parties = [{"id": "google", "legal_name": "Google Inc."}]
    assert (
        codes(check, statement(parties, [activity("google")], "Vi bruker Google Analytics."), "REC001") == []
    )


def test_party_that_names_another_service_does_not_match_by_entity(check: Check) -> None:
    findings = codes(
        check, statement([GOOGLE_IE], [activity("google-ireland")], "Vi viser YouTube-videoer."), "REC001"
    )
    assert len(findings) == 1
    assert "YouTube" in findings[0].message


def test_sub_processor_of_a_recipient_counts(check: Check) -> None:
    parties = [
        {"id": "nyhetsbrev", "legal_name": "Nyhetsbrev Eksempel AS", "role": "processor"},
        {
            "id": "rocket",
            "legal_name": "The Rocket Science Group LLC",
            "role": "sub_processor",
            "processor_for": "nyhetsbrev",
        },
    ]
    text = "Nyhetsbrevet sendes med Mailchimp."
    assert codes(check, statement(parties, [activity("nyhetsbrev")], text), "REC001") == []
    assert len(codes(check, statement(parties, [activity()], text), "REC001")) == 1


@pytest.mark.parametrize(
    "wording",
    [
        "Våre ansatte jobber i faste teams.",
        "Our teams answer every enquiry.",
        "Check your outlook for the week.",
        "Det er et plausibelt svar.",
        "That is a plausible reason.",
        "Vi lagrer meta-data om filene.",
        "We keep meta data about the files.",
        "Skjemaet bruker recaptcha-lignende spørsmål.",
    ],
)
def test_ordinary_words_are_not_vendors(check: Check, wording: str) -> None:
    assert codes(check, statement(text=wording), "REC001") == []


@pytest.mark.parametrize(
    ("wording", "service"),
    [
        ("Vi holder møter i Teams.", "Microsoft 365"),
        ("Vi bruker Plausible til statistikk.", "Plausible Analytics"),
        ("Skjemaet er beskyttet av reCAPTCHA.", "reCAPTCHA"),
        ("Vi bruker Meta-pikselen.", "Meta Pixel"),
    ],
)
def test_names_written_as_names_are_vendors(check: Check, wording: str, service: str) -> None:
    findings = codes(check, statement(text=wording), "REC001")
    assert len(findings) == 1
    assert service in findings[0].message


@pytest.mark.parametrize(
    "wording",
    [
        "Vi bruker ikke Mailchimp.",
        "We do not use Mailchimp.",
        "We don't use Mailchimp.",
        "Vi bruker aldri Mailchimp.",
    ],
)
def test_negated_mention_is_quiet(check: Check, wording: str) -> None:
    assert codes(check, statement(text=wording), "REC001") == []


def test_negation_in_another_clause_does_not_silence(check: Check) -> None:
    text = statement(text="Hvis du ikke reserverer deg, sender vi nyhetsbrev med Mailchimp.")
    assert len(codes(check, text, "REC001")) == 1


# --- REC002 processor receives nothing -------------------------------------------------------------


def test_processor_that_receives_nothing_is_reported(check: Check) -> None:
    parties = [{"id": "lonn", "legal_name": "Lønn Eksempel AS", "country": "NO", "role": "processor"}]
    findings = codes(check, statement(parties, [activity()]), "REC002")
    assert [f.pointer for f in findings] == ["/parties/0"]
    assert "Lønn Eksempel AS (lonn)" in findings[0].message
    assert codes(check, statement(parties, [activity("lonn")]), "REC002") == []


def test_sub_processor_of_a_non_receiving_processor_is_reported(check: Check) -> None:
    parties = [
        {"id": "lonn", "legal_name": "Lønn Eksempel AS", "country": "NO", "role": "processor"},
        {
            "id": "sky",
            "legal_name": "Sky Eksempel AS",
            "country": "NO",
            "role": "sub_processor",
            "processor_for": "lonn",
        },
    ]
    findings = codes(check, statement(parties, [activity()]), "REC002")
    assert [f.pointer for f in findings] == ["/parties/0", "/parties/1"]
    assert "sub-processor for lonn" in findings[1].message
    assert codes(check, statement(parties, [activity("lonn")]), "REC002") == []


def test_other_roles_and_unlinked_sub_processors_are_left_to_other_rules(check: Check) -> None:
    parties = [
        {"id": "felles", "legal_name": "Felles Eksempel AS", "country": "NO", "role": "joint_controller"},
        {"id": "sky", "legal_name": "Sky Eksempel AS", "country": "NO", "role": "sub_processor"},
        {"id": "ukjent", "legal_name": "Ukjent Eksempel AS", "country": "NO"},
    ]
    assert codes(check, statement(parties, [activity()]), "REC002") == []


# --- REC003 processor agreement -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agreement", "expected"),
    [(None, "does not say"), (False, "Art. 28(3) requires one"), (True, None)],
)
def test_processor_agreement(check: Check, agreement: bool | None, expected: str | None) -> None:
    party: dict[str, Any] = {
        "id": "lonn",
        "legal_name": "Lønn Eksempel AS",
        "country": "NO",
        "role": "processor",
    }
    if agreement is not None:
        party["data_processing_agreement"] = agreement
    findings = codes(check, statement([party], [activity("lonn")]), "REC003")
    if expected is None:
        assert findings == []
    else:
        assert len(findings) == 1 and expected in findings[0].message


def test_sub_processor_needs_no_agreement_in_the_notice(check: Check) -> None:
    parties: list[dict[str, Any]] = [
        {
            "id": "lonn",
            "legal_name": "Lønn Eksempel AS",
            "role": "processor",
            "data_processing_agreement": True,
        },
        {"id": "sky", "legal_name": "Sky Eksempel AS", "role": "sub_processor", "processor_for": "lonn"},
    ]
    assert codes(check, statement(parties, [activity("lonn")]), "REC003") == []


# --- REC004 role, REC005 sub-processor chain, REC007 country ------------------------------------------


def test_party_without_role(check: Check) -> None:
    party = {"id": "lonn", "legal_name": "Lønn Eksempel AS", "country": "NO"}
    findings = codes(check, statement([party], [activity("lonn")]), "REC004")
    assert [f.pointer for f in findings] == ["/parties/0"]
    with_role = {**party, "role": "independent_controller"}
    assert codes(check, statement([with_role], [activity("lonn")]), "REC004") == []


def _chain(processor_role: str | None, processor_for: str | None) -> str:
    lonn: dict[str, Any] = {"id": "lonn", "legal_name": "Lønn Eksempel AS", "country": "NO"}
    if processor_role:
        lonn["role"] = processor_role
    sky: dict[str, Any] = {
        "id": "sky",
        "legal_name": "Sky Eksempel AS",
        "country": "NO",
        "role": "sub_processor",
    }
    if processor_for:
        sky["processor_for"] = processor_for
    return statement([lonn, sky], [activity("lonn", "sky")])


def test_sub_processor_without_processor_for(check: Check) -> None:
    findings = codes(check, _chain("processor", None), "REC005")
    assert [f.pointer for f in findings] == ["/parties/1"]
    assert codes(check, _chain("processor", "lonn"), "REC005") == []


def test_sub_processor_of_itself(check: Check) -> None:
    findings = codes(check, _chain("processor", "sky"), "REC005")
    assert [f.pointer for f in findings] == ["/parties/1/processor_for"]
    assert "its own processor" in findings[0].message


def test_sub_processor_for_a_party_that_is_not_a_processor(check: Check) -> None:
    findings = codes(check, _chain("joint_controller", "lonn"), "REC005")
    assert len(findings) == 1 and "joint_controller" in findings[0].message
    # lonn as a sub-processor is itself reported for its missing processor_for, sky is not
    assert [f.pointer for f in codes(check, _chain("sub_processor", "lonn"), "REC005")] == ["/parties/0"]
    assert codes(check, _chain(None, "lonn"), "REC005") == []  # the missing role is REC004's


def test_party_without_country(check: Check) -> None:
    party = {
        "id": "lonn",
        "legal_name": "Lønn Eksempel",  # no legal form: where it is established is not plain
        "role": "processor",
        "data_processing_agreement": True,
    }
    findings = codes(check, statement([party], [activity("lonn")]), "REC007")
    assert [f.pointer for f in findings] == ["/parties/0"]
    assert codes(check, statement([{**party, "country": "NO"}], [activity("lonn")]), "REC007") == []


# --- REC006 outdated names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wording", "message"),
    [
        (
            "Tjenesten leveres av Google Inc.",
            "Google Inc. has been Google LLC since 2017; the EEA contracting party is Google Ireland Limited",
        ),
        (
            "Tjenesten leveres av Facebook Ireland Ltd.",
            "Facebook Ireland Ltd is an outdated name; it is now Meta Platforms Ireland Limited, "
            "the EEA contracting party",
        ),
        (
            "Tjenesten leveres av Facebook Inc. i USA.",
            "Facebook Inc. is an outdated name; it is now Meta Platforms, Inc.; "
            "the EEA contracting party is Meta Platforms Ireland Limited",
        ),
        # Companies outside the EEA are never called the EEA contracting party.
        (
            "Feilene sendes til Bugsnag Inc.",
            "Bugsnag Inc. is an outdated name; it is now SmartBear Software Inc.",
        ),
        (
            "Timene bestilles hos Shedul.",
            "Shedul is an outdated name; it is now Fresha.com SV Ltd",
        ),
        (
            "Gmail leveres av Google Inc. i USA.",
            "Google Inc. has been Google LLC since 2017; the EEA contracting party is Google Cloud EMEA Limited",
        ),
    ],
)
def test_outdated_name_in_wording(check: Check, wording: str, message: str) -> None:
    findings = codes(check, statement(text=wording), "REC006")
    assert [f.message for f in findings] == [message]


def test_current_names_are_quiet(check: Check) -> None:
    wording = "Tjenesten leveres av Google Ireland Limited og Meta Platforms Ireland Limited."
    assert codes(check, statement(text=wording), "REC006") == []


def test_outdated_legal_name_of_a_party(check: Check) -> None:
    party = {"id": "google", "legal_name": "Google Inc.", "trade_name": "Google Analytics", "country": "US"}
    findings = codes(check, statement([party], [activity("google")]), "REC006")
    assert [f.pointer for f in findings] == ["/parties/0/legal_name"]
    assert "Google Inc. (google): Google Inc. has been Google LLC since 2017" in findings[0].message
    current = {**party, "legal_name": "Google LLC"}
    assert codes(check, statement([current], [activity("google")]), "REC006") == []


# --- the clinic -----------------------------------------------------------------------------------


def test_clinic_findings_at_their_lines(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = [f for f in check(text) if f.code.startswith("REC")]
    party_line = line_of(text, "- id: google")
    got = sorted((f.code, f.span.line) for f in findings)
    assert got == sorted(
        [
            ("REC004", party_line),
            ("REC007", party_line),
            ("REC006", line_of(text, "legal_name: Google Inc.")),
            ("REC006", line_of(text, "leveres av Google Inc («Google»)")),
            ("REC006", line_of(text, "tilbys av Google Inc. og partnerne")),
        ]
    )
    messages = [f.message for f in findings if f.code == "REC006"]
    assert all("Google LLC" in m and "Google Ireland Limited" in m for m in messages)


# --- REC001: the organisation's own social-media page ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Følg oss på Facebook for nyheter.",
        "Klubben har disse sidene i sosiale medier: Facebook: Eksempel Løpeklubb.",
        "You can follow us on Instagram and LinkedIn.",
        "Our pages on Facebook and LinkedIn show the programme.",
    ],
)
def test_own_social_media_page_is_not_a_tracking_tool(check: Check, text: str) -> None:
    assert codes(check, statement(text=text), "REC001") == []


@pytest.mark.parametrize(
    "text",
    [
        "Vi bruker Facebook-pikselen på siden for å måle annonser.",
        "Our pages carry Facebook like buttons.",
        "Members discuss training in our Facebook group.",
        "Send oss en melding på Facebook-siden vår.",
        "Vi bruker Facebook til annonsering.",
    ],
)
def test_social_network_as_a_tool_is_still_reported(check: Check, text: str) -> None:
    assert len(codes(check, statement(text=text), "REC001")) == 1


# --- REC007: national public bodies -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "jurisdiction"),
    [
        ("Skatteetaten", "NO"),
        ("Statens vegvesen", "NO"),
        ("NAV", "NO"),
        ("Politiet", "NO"),
        ("HMRC", "GB"),
        ("Norges Musikkorps Forbund", "NO"),
        ("England Athletics", "GB"),
    ],
)
def test_own_national_public_body_needs_no_country(check: Check, name: str, jurisdiction: str) -> None:
    parties = [{"id": "etat", "legal_name": name, "role": "public_authority"}]
    text = statement(parties, [activity("etat")])
    text = text.replace("default_language: nb", f"default_language: nb\n  jurisdiction: {jurisdiction}")
    assert codes(check, text, "REC007") == []


def test_public_body_of_another_country_or_a_company_needs_a_country(check: Check) -> None:
    parties = [
        {"id": "hmrc", "legal_name": "HMRC", "role": "public_authority"},
        {"id": "england", "legal_name": "England Athletics", "role": "independent_controller"},
        {"id": "navn", "legal_name": "Navn Eksempel", "role": "processor"},
    ]
    text = statement(parties, [activity("hmrc", "navn", "england")])
    text = text.replace("default_language: nb", "default_language: nb\n  jurisdiction: 'NO'")
    assert {f.pointer for f in codes(check, text, "REC007")} == {"/parties/0", "/parties/1", "/parties/2"}


def test_unknown_company_with_a_foreign_legal_form_cannot_be_judged(check: Check) -> None:
    parties = [
        {"id": "ukjent", "legal_name": "Eksempel Widgets, Inc.", "role": "processor"},
        {"id": "norsk", "legal_name": "Eksempel Widgets", "role": "processor"},
    ]
    findings = codes(check, statement(parties, [activity("ukjent", "norsk")]), "REC007")
    by_pointer = {f.pointer: f.message for f in findings}
    assert "transfer cannot be judged" in by_pointer["/parties/0"] and "'Inc.'" in by_pointer["/parties/0"]
    assert "transfer cannot be judged" not in by_pointer["/parties/1"]


def test_foreign_legal_form_with_a_declared_transfer_gets_the_plain_message(check: Check) -> None:
    parties = [{"id": "ukjent", "legal_name": "Eksempel Widgets LLC", "role": "processor"}]
    transfers = [{"recipient": "ukjent", "country": "US", "mechanism": "standard_contractual_clauses"}]
    findings = codes(check, statement(parties, [activity("ukjent")], transfers=transfers), "REC007")
    assert len(findings) == 1 and "transfer cannot be judged" not in findings[0].message


# --- REC009 recipients never addressed --------------------------------------------------------------


def _bare_with(text: str, **activity: Any) -> str:
    data = yaml_load(BARE)
    data["activities"][0].update({"text": text, **activity})
    return yaml_dump(data)


def test_statement_silent_on_recipients_is_reported_once(check: Check) -> None:
    text = _bare_with("Når du bruker kontaktskjemaet vårt, samler vi inn navn, e-postadresse og meldingsinnhold.")
    findings = codes(check, text, "REC009")
    assert len(findings) == 1 and findings[0].pointer == "/activities/0"
    assert "nobody" in findings[0].message


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi deler ikke opplysningene med noen.",
        "Opplysningene utleveres ikke til andre.",
        "Nettsiden driftes av Webbyrå Eksempel AS.",
        "Skjemaet sendes via Mailchimp.",
        "Ingen andre får se meldingen din.",
        "We do not share your data.",
        "Our website is hosted in Norway.",
        "Nobody outside the clinic receives your message.",
        "Our service providers have access to the messages.",
    ],
)
def test_any_word_on_recipients_keeps_it_quiet(check: Check, sentence: str) -> None:
    assert codes(check, _bare_with(sentence), "REC009") == []


def test_declared_categories_or_parties_keep_it_quiet(check: Check) -> None:
    sentence = "Vi samler inn navn og e-postadresse."
    categories = _bare_with(sentence, recipient_categories=["leverandøren av nettsiden"])
    assert codes(check, categories, "REC009") == []
    data = yaml_load(_bare_with(sentence))
    data["statement"]["denies"] = ["sharing"]
    assert codes(check, yaml_dump(data), "REC009") == []


def test_right_of_access_is_not_talk_of_recipients(check: Check) -> None:
    data = yaml_load(_bare_with("Vi samler inn navn og e-postadresse."))
    data["rights"] = {"offered": ["access"], "text": "You have the right of access to your data."}
    assert len(codes(check, yaml_dump(data), "REC009")) == 1


# --- REC007: parties whose country is plain, or where no transfer can be in question -----------------


@pytest.mark.parametrize(
    ("party", "jurisdiction"),
    [
        ({"legal_name": "Lønn Eksempel AS"}, "NO"),
        ({"legal_name": "Eksempel Hosting GmbH"}, "NO"),
        ({"legal_name": "Eksempel Lager Ltd"}, "GB"),
        ({"legal_name": "Restaurant Eksempel", "organisation_number": "953 149 117"}, "NO"),
        ({"legal_name": "Hetzner Online GmbH"}, "NO"),  # the vendor table: DE, no data to the US
        ({"legal_name": "Hetzner"}, "GB"),
        ({"legal_name": "forsikringsselskap"}, "NO"),  # a category of recipients
        ({"legal_name": "other parents in the band"}, "GB"),
    ],
)
def test_a_party_whose_country_is_plain_needs_none(
    check: Check, party: dict[str, Any], jurisdiction: str
) -> None:
    parties = [{"id": "p", **party}]
    text = statement(parties, [activity("p")])
    text = text.replace("default_language: nb", f"default_language: nb\n  jurisdiction: '{jurisdiction}'")
    assert codes(check, text, "REC007") == []


@pytest.mark.parametrize(
    ("party", "jurisdiction"),
    [
        ({"legal_name": "Eksempel Lager Ltd"}, "NO"),  # Ltd: the UK, Ireland or elsewhere
        ({"legal_name": "Restaurant Eksempel", "organisation_number": "953 149 117"}, "GB"),
        ({"legal_name": "Mailchimp"}, "NO"),  # the vendor table: data go to the US
        ({"legal_name": "dev.to"}, "GB"),  # a service's domain, not a category
        ({"legal_name": "våre analyseleverandører"}, "NO"),  # online services are often abroad
        ({"legal_name": "Eksempel Widgets SA"}, "GB"),  # SA: also Swiss and Latin American
    ],
)
def test_a_party_whose_country_is_not_plain_is_reported(
    check: Check, party: dict[str, Any], jurisdiction: str
) -> None:
    parties = [{"id": "p", **party}]
    text = statement(parties, [activity("p")])
    text = text.replace("default_language: nb", f"default_language: nb\n  jurisdiction: '{jurisdiction}'")
    assert [f.pointer for f in codes(check, text, "REC007")] == ["/parties/0"]
