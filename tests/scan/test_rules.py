"""The SCN rules beyond their examples: what counts as declared, what stays silent, where findings stand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from noticelint.format.evidence import (
    Evidence,
    EvidenceSource,
    ObservedCookie,
    ObservedRequest,
    Origin,
    Phase,
    Service,
)
from noticelint.lint.engine import Linter, Source
from noticelint.lint.findings import Finding
from tests.conftest import merge, yaml_dump, yaml_load

EXAMPLE = Path(__file__).resolve().parents[2] / "policy" / "eksempel-dyreklinikk.yaml"
VISIT = Origin(kind=EvidenceSource.VISIT, where="https://www.eksempel.no/ cookies")
GA = Service(name="Google Analytics", organisation="Google", category="analytics")


def _statement(patch: str = "{}") -> str:
    return yaml_dump(merge(yaml_load(EXAMPLE.read_text(encoding="utf-8")), yaml_load(patch)))


def _scn(linter: Linter, evidence: Evidence | None, patch: str = "{}") -> list[Finding]:
    result = linter.check(Source("policy.yaml", data=_statement(patch), evidence=evidence))
    findings, statement = result.findings, result.statement
    assert statement is not None, findings
    return [f for f in findings if f.code.startswith("SCN")]


def _cookie(name: str, days: float | None = 730, phase: Phase = Phase.ACCEPTED, **kw: Any) -> ObservedCookie:
    return ObservedCookie(
        name=name, domain="www.eksempel.no", expires_days=days, phase=phase, origin=VISIT, **kw
    )


def _visit(*cookies: ObservedCookie, phases: tuple[Phase, ...] = (Phase.ACCEPTED,)) -> Evidence:
    return Evidence(sources=[EvidenceSource.VISIT], phases=list(phases), cookies=list(cookies))


def test_no_evidence_no_findings(linter: Linter) -> None:
    assert _scn(linter, None) == []


def test_a_pattern_name_covers_the_cookie_but_not_its_prefix_alone(linter: Linter) -> None:
    # '_ga_<id>' is declared: '_ga_ABC' is covered, '_gat' is not (it only shares '_ga').
    findings = _scn(linter, _visit(_cookie("_ga"), _cookie("_ga_ABC"), _cookie("_gat", 0.01)))
    undeclared = [f.message for f in findings if f.code == "SCN002"]
    assert len(undeclared) == 1 and "'_gat'" in undeclared[0]


def test_undeclared_cookie_stands_at_the_cookies_of_the_activity_of_its_service(linter: Linter) -> None:
    (finding,) = [f for f in _scn(linter, _visit(_cookie("_gid", 1, service=GA))) if f.code == "SCN002"]
    assert finding.pointer == "/activities/2/cookies"  # nettstedsanalyse, whose recipient is Google Ireland


def test_a_session_cookie_that_stays(linter: Linter) -> None:
    findings = _scn(linter, _visit(_cookie("timebok_sesjon", 30)))
    (finding,) = [f for f in findings if f.code == "SCN006"]
    assert finding.pointer == "/activities/0/cookies/0/session"
    assert "the site keeps it for 30 days" in finding.message


def test_a_lifetime_up_to_one_and_a_half_times_is_not_reported(linter: Linter) -> None:
    assert not [f for f in _scn(linter, _visit(_cookie("_ga", 1095))) if f.code == "SCN006"]  # 1.5 x P2Y
    assert [f for f in _scn(linter, _visit(_cookie("_ga", 1100))) if f.code == "SCN006"]


def test_declared_but_not_seen_needs_a_visit_with_consent(linter: Linter) -> None:
    before_only = _visit(_cookie("_ga", phase=Phase.BEFORE_CONSENT), phases=(Phase.BEFORE_CONSENT,))
    assert not [f for f in _scn(linter, before_only) if f.code == "SCN003"]
    files = Evidence(sources=[EvidenceSource.FILE], phases=[Phase.UNKNOWN])
    assert not [f for f in _scn(linter, files) if f.code == "SCN003"]
    seen = [f.pointer for f in _scn(linter, _visit(_cookie("_ga"))) if f.code == "SCN003"]
    assert seen == ["/activities/0/cookies/0/name", "/activities/2/cookies/1/name"]


def test_a_cookie_set_before_consent_is_not_reported_again_after_rejection(linter: Linter) -> None:
    evidence = _visit(
        _cookie("_ga", phase=Phase.BEFORE_CONSENT, service=GA),
        _cookie("_ga", phase=Phase.REJECTED, service=GA),
        phases=(Phase.BEFORE_CONSENT, Phase.REJECTED),
    )
    codes = [f.code for f in _scn(linter, evidence)]
    assert codes.count("SCN004") == 1 and "SCN005" not in codes


def test_functional_and_font_services_are_never_consent_findings(linter: Linter) -> None:
    fonts = ObservedRequest(
        page="https://www.eksempel.no/",
        url="https://fonts.googleapis.com/css2?family=Lato",
        host="fonts.googleapis.com",
        phase=Phase.BEFORE_CONSENT,
        origin=Origin(kind=EvidenceSource.HAR, where="x.har entry 2"),
        service=Service(name="Google Fonts", organisation="Google", category="fonts"),
    )
    evidence = Evidence(sources=[EvidenceSource.HAR], phases=[Phase.BEFORE_CONSENT], requests=[fonts])
    assert _scn(linter, evidence) == []  # and Google is declared, so it is no undeclared party either


SECTION = """
sections:
  - id: informasjonskapsler
    topic: cookies
    text:
      nb: {nb}
      en: We keep the statistics.
"""


def _denials(linter: Linter, sentence: str) -> list[Finding]:
    evidence = _visit(_cookie("_ga", service=GA))
    return [f for f in _scn(linter, evidence, SECTION.format(nb=sentence)) if f.code == "SCN007"]


def test_denials_against_the_site(linter: Linter) -> None:
    (finding,) = _denials(linter, "Vi bruker ikke informasjonskapsler.")
    assert finding.pointer == "/sections/0/text/nb" and "says no cookies" in finding.message
    assert _denials(linter, "Vi bruker ingen analyseverktøy.")
    # Limited or excepted denials are not plain denials.
    assert not _denials(linter, "Vi bruker ikke informasjonskapsler til annonsering.")
    assert not _denials(linter, "Vi bruker ingen informasjonskapsler uten samtykke.")
    # An unrelated sentence with the same words.
    assert not _denials(linter, "Informasjonskapsler kan du slette i nettleseren.")


def test_a_denial_with_nothing_on_the_site_is_not_reported(linter: Linter) -> None:
    empty = Evidence(sources=[EvidenceSource.VISIT], phases=[Phase.ACCEPTED])
    text = _statement(SECTION.format(nb="Vi bruker ikke informasjonskapsler."))
    findings = linter.check(Source("policy.yaml", data=text, evidence=empty)).findings
    assert "SCN007" not in {f.code for f in findings}
