"""HAR files: requests, Set-Cookie headers and the cookies requests carry; bad files are located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticelint.format.evidence import Phase
from noticelint.scan.cookies import parse_set_cookie, registrable_domain
from noticelint.scan.har import HarError, read_har

HAR = Path(__file__).parent / "har"


def test_requests_and_cookies_of_a_recording() -> None:
    evidence = read_har(HAR / "before-consent.har", Phase.BEFORE_CONSENT)
    assert evidence.pages == ["https://www.eksempel.no/"]
    requests = [(r.host, r.third_party, r.service.name if r.service else None) for r in evidence.requests]
    assert requests[:4] == [
        ("www.eksempel.no", False, None),
        ("www.googletagmanager.com", True, "Google Analytics"),
        ("region1.google-analytics.com", True, "Google Analytics"),
        ("connect.facebook.net", True, "Meta Pixel"),
    ]
    assert evidence.requests[2].origin.where == f"{HAR / 'before-consent.har'} entry 3"
    cookies = {c.name: c for c in evidence.cookies}
    # 'c_user' went to facebook.com with the fbevents.js request: the browser's, not the site's.
    assert set(cookies) == {"sesjon", "fr", "_ga", "_fbp"}
    assert cookies["sesjon"].expires_days is None and not cookies["sesjon"].third_party
    assert cookies["fr"].third_party and cookies["fr"].expires_days == 90
    assert cookies["_ga"].service is not None and cookies["_ga"].service.category == "analytics"
    assert all(c.phase == Phase.BEFORE_CONSENT for c in evidence.cookies)


def test_not_json() -> None:
    with pytest.raises(HarError, match=r"not-json\.har:1:1: not a HAR file: not JSON"):
        read_har(HAR / "not-json.har", Phase.BEFORE_CONSENT)


def test_json_that_is_not_a_har() -> None:
    with pytest.raises(
        HarError, match=r"not-har\.har: log\.entries: not a HAR file: expected list, found dict"
    ):
        read_har(HAR / "not-har.har", Phase.BEFORE_CONSENT)


def test_a_broken_entry_is_named(tmp_path: Path) -> None:
    path = tmp_path / "x.har"
    path.write_text(
        '{"log": {"entries": [{"request": {"url": "https://a.example/"}}, {"request": 3}]}}', "utf-8"
    )
    with pytest.raises(HarError, match=r"x\.har entry 2: request: not a HAR file: expected dict, found int"):
        read_har(path, Phase.ACCEPTED)


def test_set_cookie_lifetimes() -> None:
    assert parse_set_cookie("_ga=1; Max-Age=86400; Domain=.eksempel.no", "www.eksempel.no") == (
        "_ga",
        "eksempel.no",
        1.0,
    )
    assert parse_set_cookie("a=1; Expires=Wed, 02 Dec 2026 00:00:00 GMT", "h", now=1796083200.0) == (
        "a",
        "h",
        1.0,
    )
    assert parse_set_cookie("a=1; Max-Age=0", "h") is None  # a deletion stores nothing
    assert parse_set_cookie("no-equals-sign", "h") is None


def test_registrable_domain() -> None:
    assert registrable_domain("www.eksempel.no") == "eksempel.no"
    assert registrable_domain("shop.eksempel.co.uk") == "eksempel.co.uk"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"
