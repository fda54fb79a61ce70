"""Behaviour of the cookie rules (checks/cookies.py, ekomloven § 3-15): both sides of every condition."""

from __future__ import annotations

from typing import Any

import pytest
from noticelint.checks.cookies import cookie_vendor_without_cookies

from noticelint.format.model import PrivacyStatement
from noticelint.knowledge import load_knowledge
from noticelint.lint.context import CheckContext
from tests.checkhelpers import Check, line_of, only, run
from tests.conftest import CLINIC, merge, yaml_dump, yaml_load


def analytics(basis: str | None = '"6(1)(a)"', necessary: str = "false", extra: str = "") -> str:
    """One analytics activity with the _ga cookie, replacing the example's activities."""
    basis_line = f"legal_basis: {basis}" if basis is not None else ""
    necessary_line = f"strictly_necessary: {necessary}" if necessary else ""
    return f"""
activities:
  - id: nettstedsanalyse
    purpose: Måle bruken av nettstedet
    {basis_line}
    recipients: [google-ireland]
    cookies:
      - name: _ga
        provider: google-ireland
        purpose: Skiller besøkende fra hverandre
        lifetime: P2Y
        {necessary_line}
{extra}
"""


def test_example_has_no_cookie_findings(check: Check, example_data: dict[str, Any]) -> None:
    assert [f for f in run(check, example_data) if f.code.startswith("CKE")] == []


# --- CKE001 cookie without consent ----------------------------------------------------------------


def test_unnecessary_cookie_on_legitimate_interests_is_reported(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = only(run(check, example_data, analytics('"6(1)(f)"')), "CKE001")
    assert len(findings) == 1
    assert findings[0].pointer == "/activities/0/cookies/0"
    assert "'_ga'" in findings[0].message and "nettstedsanalyse" in findings[0].message
    assert "is not strictly necessary" in findings[0].message
    assert "does not say that consent is asked before it is set" in findings[0].message
    assert "6(1)(f)" not in findings[0].message  # the Art. 6 basis is a separate question


def test_unknown_necessity_counts_as_not_necessary(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, analytics('"6(1)(f)"', necessary="")), "CKE001")
    assert len(findings) == 1
    assert "not marked strictly necessary" in findings[0].message


def test_cookie_in_activity_without_basis_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, analytics(None)), "CKE001")
    assert len(findings) == 1
    assert "does not say that consent is asked" in findings[0].message


def test_consent_before_setting_is_separate_from_the_art6_basis(
    check: Check, example_data: dict[str, Any]
) -> None:
    asked = analytics('"6(1)(f)"').replace(
        "lifetime: P2Y", "lifetime: P2Y\n        consent_before_setting: true"
    )
    assert only(run(check, example_data, asked), "CKE001") == []
    refused = analytics('"6(1)(a)"').replace(
        "lifetime: P2Y", "lifetime: P2Y\n        consent_before_setting: false"
    )
    [finding] = only(run(check, example_data, refused), "CKE001")
    assert "says consent is not asked before it is set" in finding.message


def test_cookie_on_consent_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, analytics('"6(1)(a)"')), "CKE001") == []


def test_strictly_necessary_cookie_needs_no_consent(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, analytics('"6(1)(b)"', necessary="true")), "CKE001") == []


def test_cookie_rules_apply_only_in_norway(check: Check, example_data: dict[str, Any]) -> None:
    swedish = 'statement: {jurisdiction: "SE"}\ncontroller: {country: "SE"}'
    findings = run(check, example_data, analytics('"6(1)(f)"', necessary=""), swedish)
    assert [f for f in findings if f.code.startswith("CKE")] == []


def test_controller_country_decides_without_jurisdiction(check: Check, example_data: dict[str, Any]) -> None:
    norwegian = run(check, example_data, analytics('"6(1)(f)"'), "statement: {jurisdiction: null}")
    assert len(only(norwegian, "CKE001")) == 1
    danish = run(
        check,
        example_data,
        analytics('"6(1)(f)"'),
        'statement: {jurisdiction: null}\ncontroller: {country: "DK"}',
    )
    assert only(danish, "CKE001") == []


# --- CKE002 withdrawal --------------------------------------------------------------------------


def test_missing_withdrawal_how_is_reported_at_withdrawal(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, "rights: {withdrawal: {how: null}}"), "CKE002")
    assert len(findings) == 1
    assert findings[0].pointer == "/rights/withdrawal"
    assert "_ga" in findings[0].message and "rights.withdrawal.how" in findings[0].message


def test_missing_rights_reports_at_the_first_cookie(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, analytics(), "rights: null"), "CKE002")
    assert [f.pointer for f in findings] == ["/activities/0/cookies/0"]


def test_blank_withdrawal_how_counts_as_missing(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(run(check, example_data, 'rights: {withdrawal: {how: {nb: " ", en: ""}}}'), "CKE002")
    assert len(findings) == 1


def test_withdrawal_how_given_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, analytics()), "CKE002") == []


def test_only_necessary_cookies_need_no_withdrawal(check: Check, example_data: dict[str, Any]) -> None:
    findings = run(
        check, example_data, analytics('"6(1)(b)"', necessary="true"), "rights: {withdrawal: null}"
    )
    assert only(findings, "CKE002") == []


# --- CKE003 cookie-setting vendor without cookies -----------------------------------------------


def test_cookie_vendor_recipient_without_cookies_is_reported(
    check: Check, example_data: dict[str, Any]
) -> None:
    patch = """
activities:
  - id: nettstedsanalyse
    purpose: Måle bruken av nettstedet
    legal_basis: "6(1)(a)"
    recipients: [timebok, google-ireland]
"""
    findings = only(run(check, example_data, patch), "CKE003")
    assert len(findings) == 1
    assert findings[0].pointer == "/activities/0/recipients/1"
    assert "Google Analytics" in findings[0].message and "nettstedsanalyse" in findings[0].message


def test_activity_that_declares_cookies_is_quiet(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, analytics()), "CKE003") == []


def test_entity_name_alone_is_not_a_vendor(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
parties:
  - id: google-ireland
    legal_name: Google Ireland Limited
    country: IE
    role: processor
transfers: []
activities:
  - id: nettstedsanalyse
    purpose: Måle bruken av nettstedet
    legal_basis: "6(1)(a)"
    recipients: [google-ireland]
"""
    assert only(run(check, example_data, patch), "CKE003") == []


@pytest.mark.parametrize(
    ("trade_name", "expected"),
    [("Mailchimp", "which sets cookies"), ("Cloudflare", "which sets cookies"), ("Microsoft 365", None)],
)
def test_vendor_table_decides(
    check: Check, example_data: dict[str, Any], trade_name: str, expected: str | None
) -> None:
    patch = f"""
parties:
  - id: vendor
    legal_name: Vendor Example Ltd
    trade_name: {trade_name}
    country: IE
    role: processor
transfers: []
activities:
  - id: markedsforing
    purpose: Sende nyhetsbrev
    legal_basis: "6(1)(a)"
    recipients: [vendor]
"""
    findings = only(run(check, example_data, patch), "CKE003")
    if expected is None:
        assert findings == []
    else:
        assert len(findings) == 1 and expected in findings[0].message


def test_vendor_only_believed_to_set_cookies_counts(example_data: dict[str, Any]) -> None:
    data = merge(
        example_data,
        yaml_load(
            """
parties:
  - id: tracker
    legal_name: Tracker Example Ltd
    trade_name: Example Tracker
    country: IE
    role: processor
transfers: []
activities:
  - id: markedsforing
    purpose: Måle kampanjer
    legal_basis: "6(1)(a)"
    recipients: [tracker]
"""
        ),
    )
    vendors = [{"service": "Example Tracker", "sets_cookies": "believed yes (verify)"}]
    ctx = CheckContext(PrivacyStatement.model_validate(data), load_knowledge(vendors))
    hits = list(cookie_vendor_without_cookies(ctx))
    assert [h.pointer for h in hits] == ["/activities/0/recipients/0"]
    assert "believed to set cookies (unconfirmed" in hits[0].message
    ctx = CheckContext(
        PrivacyStatement.model_validate(data), load_knowledge([{**vendors[0], "sets_cookies": "no"}])
    )
    assert list(cookie_vendor_without_cookies(ctx)) == []


# --- CKE004 implied consent -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ved å bruke nettstedet godtar du at vi bruker informasjonskapsler.",
        "Ved fortsatt bruk av nettsiden samtykker du til bruk av cookies.",
        "Du kan reservere deg mot informasjonskapsler i nettleserinnstillingene.",
        "Med innstillingene i nettleseren din godtar du informasjonskapsler.",
        "By using this site you accept our use of cookies.",
        "By continuing to browse, you agree to the use of cookies.",
        "Continued use of the website constitutes consent to cookies.",
        "Your browser settings constitute your consent.",
    ],
)
def test_implied_consent_wording_is_reported(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    patch = f"statement: {{text: {{nb: 'Vi har et banner.', en: '{sentence}'}}}}"
    findings = only(run(check, example_data, patch), "CKE004")
    assert [f.pointer for f in findings] == ["/statement/text/en"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi bruker informasjonskapsler for analyse bare når du har samtykket i banneret.",
        "Opplysningene samles inn fra nettleseren din, og bare etter at du har samtykket.",
        "By using the booking form you book an appointment.",
        "Du kan reservere deg mot telefonsalg i Reservasjonsregisteret.",
    ],
)
def test_consent_wording_that_is_not_implied_is_quiet(
    check: Check, example_data: dict[str, Any], sentence: str
) -> None:
    patch = f"statement: {{text: {{nb: '{sentence}', en: 'We have a banner.'}}}}"
    assert only(run(check, example_data, patch), "CKE004") == []


BROWSER = yaml_dump(
    {
        "statement": {
            "text": {"nb": "Du kan også slette informasjonskapsler i nettleseren din.", "en": "A banner."}
        }
    }
)


def test_browser_refusal_is_quiet_where_consent_is_asked(check: Check, example_data: dict[str, Any]) -> None:
    assert only(run(check, example_data, BROWSER), "CKE004") == []


def test_browser_refusal_is_reported_where_it_is_the_only_way(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = only(run(check, example_data, analytics('"6(1)(f)"'), BROWSER), "CKE004")
    assert len(findings) == 1
    assert "browser settings" in findings[0].message


def test_browser_refusal_is_quiet_without_cookies_that_need_consent(
    check: Check, example_data: dict[str, Any]
) -> None:
    necessary_only = analytics('"6(1)(b)"', necessary="true").replace("[google-ireland]", "[timebok]")
    assert only(run(check, example_data, necessary_only, BROWSER), "CKE004") == []


def test_implied_consent_is_reported_at_its_sentence_line(check: Check, example_data: dict[str, Any]) -> None:
    data = merge(example_data, yaml_load(analytics()))
    data["activities"][0]["text"] = (
        "Vi måler bruken av nettstedet.\n\nVed å bruke nettstedet godtar du at vi bruker informasjonskapsler."
    )
    text = yaml_dump(data)
    findings = only(check(text), "CKE004")
    assert [f.span.line for f in findings] == [line_of(text, "Ved å bruke nettstedet godtar du")]


# --- CKE005 cookie details --------------------------------------------------------------------------


def test_each_missing_detail_is_reported(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
activities:
  - id: nettstedsanalyse
    purpose: Måle bruken av nettstedet
    legal_basis: "6(1)(a)"
    cookies:
      - strictly_necessary: false
"""
    findings = only(run(check, example_data, patch), "CKE005")
    assert len(findings) == 4
    assert {f.pointer for f in findings} == {"/activities/0/cookies/0"}
    for detail in ("no name", "no provider", "no purpose", "no lifetime"):
        assert any(detail in f.message for f in findings), detail


def test_session_cookie_needs_no_lifetime(check: Check, example_data: dict[str, Any]) -> None:
    patch = """
activities:
  - id: timebestilling
    purpose: Ta imot timebestillinger
    legal_basis: "6(1)(b)"
    cookies:
      - name: sesjon
        provider: eksempel-dyrehelse
        purpose: Holder på skjemaet
        session: true
        strictly_necessary: true
"""
    assert only(run(check, example_data, patch), "CKE005") == []


def test_blank_purpose_is_missing(check: Check, example_data: dict[str, Any]) -> None:
    findings = only(
        run(check, example_data, analytics().replace("Skiller besøkende fra hverandre", "' '")), "CKE005"
    )
    assert [f.message for f in findings if "no purpose" in f.message]
    assert len(findings) == 1


# --- the clinic --------------------------------------------------------------------------------------


def test_clinic_google_analytics_cookie_without_consent(check: Check) -> None:
    text = CLINIC.read_text(encoding="utf-8")
    findings = check(text)
    cookie_line = line_of(text, "- provider: google")
    consent = only(findings, "CKE001")
    assert [f.span.line for f in consent] == [cookie_line]
    assert "not marked strictly necessary" in consent[0].message
    assert "does not say that consent is asked" in consent[0].message
    details = only(findings, "CKE005")
    assert {f.span.line for f in details} == {cookie_line}
    missing = sorted(f.message.split(" has no ")[1].split(";")[0] for f in details)
    assert missing == ["lifetime", "name"]
    withdrawal = only(findings, "CKE002")
    assert [f.span.line for f in withdrawal] == [line_of(text, "  withdrawal:")]
    assert only(findings, "CKE003") == [] and only(findings, "CKE004") == []
