"""The live visit: Playwright drives Debian's Chromium against a test site on 127.0.0.1.

The site (tests/scan/live-site/) has a consent banner that loads Google Analytics only after "Godta", and
a Meta Pixel that loads before any consent. The "third-party" hosts never see a request: the browser's
requests to them are answered here through Playwright's routing, with scripts that set the cookies the
real tags set. Skipped only when /usr/bin/chromium is absent (``.ci/run`` installs it).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from noticelint.format.evidence import Phase
from noticelint.lint.engine import Linter, Source
from noticelint.scan.live import VisitError, VisitOptions, visit

CHROMIUM = Path("/usr/bin/chromium")
SITE = Path(__file__).parent / "live-site"
EXAMPLE = Path(__file__).resolve().parents[2] / "policy" / "eksempel-dyreklinikk.yaml"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium is not installed (/usr/bin/chromium; apt-get install chromium)",
)

GTAG = """
document.cookie = "_ga=GA1.1.42.1733000000; max-age=63072000; path=/";
document.cookie = "_ga_TEST123=GS1.1.1733000000; max-age=63072000; path=/";
fetch("https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST123", {method: "POST", mode: "no-cors"});
"""
FBEVENTS = """
document.cookie = "_fbp=fb.1.1733000000.42; max-age=7776000; path=/";
new Image().src = "https://www.facebook.com/tr?id=123&ev=PageView";
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class ThirdParties:
    """Answers every request that is not for 127.0.0.1, and remembers which hosts were asked for."""

    def __init__(self, hang: str = "", abort: str = "") -> None:
        self.asked: list[str] = []
        self.hang = hang
        self.abort = abort
        self.held: list[Any] = []

    def prepare(self, context: Any) -> None:
        context.route("**/*", self.answer)

    def answer(self, route: Any) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if host == "127.0.0.1":
            if self.hang and self.hang in url:
                self.held.append(route)  # never answered: the page never finishes loading
                return
            if self.abort and self.abort in url:
                route.abort()  # the connection fails: net::ERR_FAILED
                return
            route.continue_()
            return
        self.asked.append(host)
        if host == "www.googletagmanager.com":
            route.fulfill(status=200, content_type="application/javascript", body=GTAG)
        elif host == "connect.facebook.net":
            route.fulfill(status=200, content_type="application/javascript", body=FBEVENTS)
        elif host in ("region1.google-analytics.com", "www.facebook.com"):
            route.fulfill(status=204, body="")
        else:
            route.abort()


def _visit(url: str, parties: ThirdParties | None = None, **kwargs: Any) -> Any:
    parties = parties or ThirdParties()
    options = VisitOptions(url=url, settle=0.5, prepare=parties.prepare, **kwargs)
    return visit(options)


def test_before_consent_the_pixel_loads_and_analytics_does_not(site: str) -> None:
    parties = ThirdParties()
    evidence = _visit(site + "/", parties, pages=5)
    assert evidence.phases == [Phase.BEFORE_CONSENT]
    assert evidence.pages == [site + "/", site + "/om.html"]  # example.org is linked but never visited
    hosts = {r.host for r in evidence.requests}
    assert "connect.facebook.net" in hosts and "www.facebook.com" in hosts
    assert "www.googletagmanager.com" not in hosts
    assert "example.org" not in parties.asked
    fbp = next(c for c in evidence.cookies if c.name == "_fbp")
    assert fbp.phase == Phase.BEFORE_CONSENT and fbp.service is not None and fbp.service.name == "Meta Pixel"
    assert fbp.expires_days is not None and 89 < fbp.expires_days <= 90
    assert not [c for c in evidence.cookies if c.name.startswith("_ga")]


def test_accepting_starts_analytics_and_rejecting_does_not(site: str) -> None:
    evidence = _visit(site + "/", pages=1, accept="#godta", reject="#avvis")
    assert evidence.phases == [Phase.BEFORE_CONSENT, Phase.ACCEPTED, Phase.REJECTED]
    by_phase = {p: {r.host for r in evidence.requests if r.phase == p} for p in Phase}
    assert "www.googletagmanager.com" not in by_phase[Phase.BEFORE_CONSENT]
    assert {"www.googletagmanager.com", "region1.google-analytics.com"} <= by_phase[Phase.ACCEPTED]
    assert "www.googletagmanager.com" not in by_phase[Phase.REJECTED]
    ga = next(c for c in evidence.cookies if c.name == "_ga" and c.phase == Phase.ACCEPTED)
    # The tag asks for two years; Chromium keeps no cookie longer than 400 days (RFC 6265bis).
    assert ga.expires_days is not None and 399 < ga.expires_days <= 400
    consent = {(c.name, c.phase) for c in evidence.cookies if c.name == "samtykke"}
    assert consent == {("samtykke", Phase.ACCEPTED), ("samtykke", Phase.REJECTED)}


def _codes(linter: Linter, evidence: Any) -> dict[str, list[str]]:
    findings = linter.check(Source("policy.yaml", data=EXAMPLE.read_text(encoding="utf-8"), evidence=evidence)).findings
    found: dict[str, list[str]] = {}
    for f in findings:
        if f.code.startswith("SCN"):
            found.setdefault(f.code, []).append(f.message)
    return found


def test_the_rules_read_the_visit(site: str, linter: Linter) -> None:
    evidence = _visit(site + "/", pages=1, accept="#godta", reject="#avvis")
    found = _codes(linter, evidence)
    # The pixel before consent is a violation; Google Analytics, which waits for "Godta", is not.
    assert len(found["SCN004"]) == 1 and "Meta Pixel" in found["SCN004"][0]
    assert "SCN005" not in found
    assert any("Meta Pixel" in m for m in found["SCN001"])
    undeclared = " ".join(found["SCN002"])
    assert "'_fbp'" in undeclared and "'samtykke'" in undeclared and "'_ga'" not in undeclared


def test_a_reject_button_that_does_not_stop_analytics(site: str, linter: Linter) -> None:
    evidence = _visit(site + "/avvis-virker-ikke/", pages=1, reject="#avvis")
    found = _codes(linter, evidence)
    assert len(found["SCN005"]) == 1 and "Google Analytics" in found["SCN005"][0]
    assert "region1.google-analytics.com" in found["SCN005"][0] or "googletagmanager" in found["SCN005"][0]


def test_an_unreachable_url_is_a_located_error(site: str) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(
        VisitError, match=rf"^http://127\.0\.0\.1:{port}/: cannot be reached \(net::ERR_CONNECTION_REFUSED"
    ):
        _visit(f"http://127.0.0.1:{port}/", pages=1)


def test_a_page_that_never_finishes_loading_stops_at_the_time_limit(site: str) -> None:
    parties = ThirdParties(hang="samtykke.js")
    with pytest.raises(
        VisitError,
        match=r"^http://127\.0\.0\.1:\d+/om\.html: the page had not finished loading "
        r"when the visit's time limit ran out \(12 s",
    ):
        _visit(site + "/om.html", parties, pages=1, timeout=12, page_timeout=60)


def test_a_browser_that_cannot_start_says_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(VisitError, match=r"no browser at /nonexistent/chromium: install Debian's Chromium"):
        _visit("http://127.0.0.1:9/", browser="/nonexistent/chromium")
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    with pytest.raises(VisitError, match=r"the browser did not start .*apt-get install chromium"):
        _visit("http://127.0.0.1:9/", browser=str(broken))


def test_the_visit_leaves_no_profile_behind(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    _visit(site + "/om.html", pages=1)
    assert list(tmp_path.iterdir()) == []


def test_a_preset_consent_cookie_is_an_accepted_visit(site: str) -> None:
    evidence = _visit(site + "/om.html", pages=1, consent_cookie="samtykke=ja")
    assert evidence.phases == [Phase.ACCEPTED]
    hosts = {r.host for r in evidence.requests if r.phase == Phase.ACCEPTED}
    assert "www.googletagmanager.com" in hosts
    assert {c.phase for c in evidence.cookies} == {Phase.ACCEPTED}


def test_a_failing_page_further_in_is_skipped_and_files_are_not_pages(site: str) -> None:
    parties = ThirdParties(abort="finnes-ikke")
    evidence = _visit(site + "/lenker.html", parties, pages=5)
    assert evidence.pages == [
        site + "/lenker.html",
        site + "/om.html",
        site + "/",
    ]  # "/" is linked from om.html
    # The page that failed was tried and skipped; the PDF and the other port were never opened.
    loaded = {r.url for r in evidence.requests}
    assert site + "/om.html" in loaded and not [u for u in loaded if u.endswith(".pdf") or ":9/" in u]
