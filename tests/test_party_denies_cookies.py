"""`denies: [cookies]` on a party: an e-mail-only vendor says it sets no cookies here, in the format's own
words, and CKE003, CON002, CON005 and SCN007 read it (issue #16)."""

from __future__ import annotations

from typing import Any

from noticelint.format.evidence import Evidence, EvidenceSource, ObservedCookie, Origin, Phase, Service
from noticelint.lint.engine import Linter, Source
from tests.checkhelpers import BARE, Check, only, run
from tests.conftest import merge, yaml_dump, yaml_load

MAILCHIMP = """
parties:
  - id: mailchimp
    legal_name: The Rocket Science Group LLC
    trade_name: Mailchimp
    country: US
    role: processor
    {denies}
activities:
  - id: nyhetsbrev
    purpose: Sende nyhetsbrev på e-post
    legal_basis: "6(1)(a)"
    recipients: [mailchimp]
"""
DENIES = MAILCHIMP.format(denies="denies: [cookies]")
SILENT = MAILCHIMP.format(denies="")


def _bare() -> dict[str, Any]:
    data = yaml_load(BARE)
    assert isinstance(data, dict)
    return data


def _text(text: str) -> str:
    return yaml_dump({"controller": {"text": text}})


def test_cke003_reports_the_vendor_unless_it_says_it_sets_no_cookies(check: Check) -> None:
    (finding,) = only(run(check, _bare(), SILENT), "CKE003")
    assert "Mailchimp" in finding.message and "denies: [cookies] on the party 'mailchimp'" in finding.message
    assert only(run(check, _bare(), DENIES), "CKE003") == []


def test_con002_takes_the_party_at_its_word(check: Check) -> None:
    claim = _text("Vi bruker ikke informasjonskapsler.")
    assert len(only(run(check, _bare(), SILENT, claim), "CON002")) == 1  # Mailchimp sets cookies
    assert only(run(check, _bare(), DENIES, claim), "CON002") == []


def test_con002_a_sentence_about_the_party_is_not_a_claim_about_the_site(check: Check) -> None:
    # The site itself sets a cookie, so a claim that the site sets none would be false.
    own_cookie = yaml_load(DENIES)
    own_cookie["activities"].append(
        {
            "id": "innlogging",
            "purpose": "Holde deg innlogget",
            "legal_basis": "6(1)(b)",
            "cookies": [{"name": "sesjon", "provider": "klinikk", "session": True, "strictly_necessary": True}],
        }
    )
    about_mailchimp = _text("Mailchimp setter ingen informasjonskapsler på nettstedet vårt.")
    assert only(run(check, _bare(), own_cookie, about_mailchimp), "CON002") == []
    about_us = _text("Vi bruker Mailchimp, men vi setter ingen informasjonskapsler på nettstedet.")
    (finding,) = only(run(check, _bare(), own_cookie, about_us), "CON002")
    assert "'sesjon'" in finding.message and "Mailchimp" not in finding.message.split("but", 1)[1]


def test_con005_a_declared_cookie_of_the_party_contradicts_it(check: Check) -> None:
    cookie = """
activities:
  - id: nyhetsbrev
    cookies:
      - name: mc_cid
        provider: mailchimp
        purpose: Kampanje-ID
        lifetime: P14D
        strictly_necessary: false
"""
    (finding,) = only(run(check, _bare(), DENIES, cookie), "CON005")
    assert finding.pointer == "/parties/0/denies/0"
    assert "'mc_cid'" in finding.message and "nyhetsbrev" in finding.message
    assert only(run(check, _bare(), DENIES), "CON005") == []


def test_con005_the_statements_own_denial_is_not_contradicted_by_such_a_party(check: Check) -> None:
    denied = yaml_dump({"statement": {"denies": ["cookies"]}})
    assert len(only(run(check, _bare(), SILENT, denied), "CON005")) == 1
    assert only(run(check, _bare(), DENIES, denied), "CON005") == []


def test_only_cookies_can_be_denied_for_a_party(check: Check) -> None:
    findings = check(yaml_dump(merge(_bare(), yaml_load(MAILCHIMP.format(denies="denies: [tracking]")))))
    (problem,) = [f for f in findings if f.input_error]
    assert "party 'mailchimp' (denies.0)" in problem.message and "cookies" in problem.message


def test_scn007_a_cookie_of_the_party_on_the_site_contradicts_it(linter: Linter) -> None:
    cookie = ObservedCookie(
        name="mc_cid",
        domain="www.eksempel.no",
        expires_days=14,
        phase=Phase.ACCEPTED,
        origin=Origin(kind=EvidenceSource.VISIT, where="https://www.eksempel.no/ cookies"),
        service=Service(name="Mailchimp", organisation="Intuit", category="marketing"),
    )
    evidence = Evidence(sources=[EvidenceSource.VISIT], phases=[Phase.ACCEPTED], cookies=[cookie])

    def scn007(patch: str) -> list[Any]:
        text = yaml_dump(merge(_bare(), yaml_load(patch)))
        result = linter.check(Source("policy.yaml", data=text, evidence=evidence))
        assert result.statement is not None, result.findings
        return only(list(result.findings), "SCN007")

    (finding,) = scn007(DENIES)
    assert finding.pointer == "/parties/0/denies/0" and "mc_cid" in finding.message
    assert scn007(SILENT) == []  # no denial to contradict (SCN002 reports the undeclared cookie)
