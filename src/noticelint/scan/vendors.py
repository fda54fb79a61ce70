"""Who is behind a request or a cookie: a host table for requests and the Open Cookie Database for cookies.

The scan's host table, ``knowledge/scan_hosts.csv`` (dated and sourced like the other knowledge tables),
is read first: it knows path prefixes (``www.google.com/recaptcha``, ``www.facebook.com/tr``) and the
short organisation names messages use. Hosts it does not know are looked up in the ``hosts`` column of
``knowledge/vendors.csv`` (``Knowledge.vendor_for_host``); :func:`service_for_url` is the one place that
decides. Service names are the vendor table's where it has the service, so the SCN rules find the
vendor's entities and US transfer facts there.

The Open Cookie Database (https://github.com/jkwakman/Open-Cookie-Database, commit 0ee5a17, Apache-2.0; a copy with its
licence in ``knowledge/open-cookie-database.csv`` and ``knowledge/OPEN-COOKIE-DATABASE-LICENSE``) maps a
cookie or storage key name to its platform, category, retention and controller. It is read only when a
scan needs it.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from noticelint.format.evidence import Service

if TYPE_CHECKING:
    from noticelint.knowledge import Vendor

HOST_TABLE_SOURCE = "noticelint host table (vendors' install snippets, 2026-12-02)"
OCD_SOURCE = "Open Cookie Database"


@functools.cache
def _hosts() -> tuple[tuple[str, str, str, str, str], ...]:
    """host (or "*.domain" for any subdomain), optional path prefix -> service, organisation, category:
    ``knowledge/scan_hosts.csv``, a dated and sourced table like the other knowledge tables."""
    text = resources.files("noticelint.knowledge").joinpath("scan_hosts.csv").read_text(encoding="utf-8")
    return tuple(
        (row["host"], row["path"], row["service"], row["organisation"], row["category"])
        for row in csv.DictReader(io.StringIO(text))
    )


# gtag.js serves Google Analytics, Google Ads and Tag Manager from one host; the tag id says which.
_TAG_PREFIXES = {
    "G-": ("Google Analytics", "analytics"),
    "UA-": ("Google Analytics", "analytics"),
    "AW-": ("Google Ads", "advertising"),
    "DC-": ("Google Marketing Platform", "advertising"),
    "GTM-": ("Google Tag Manager", "tag manager"),
}


def tag_service(tag_id: str) -> Service | None:
    """The Google service a tag id ('G-ABC123', 'AW-123', 'GTM-XYZ') belongs to."""
    for prefix, (name, category) in _TAG_PREFIXES.items():
        if tag_id.upper().startswith(prefix):
            return Service(name=name, organisation="Google", category=category, source=HOST_TABLE_SOURCE)
    return None


def _host_matches(pattern: str, host: str) -> bool:
    if pattern.startswith("*."):
        return host.endswith(pattern[1:]) or host == pattern[2:]
    return host == pattern


def service_for_url(url: str) -> Service | None:
    """The service a request URL goes to, or ``None`` when the host table does not know its host."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    if host == "www.googletagmanager.com":
        from urllib.parse import parse_qs

        for tag in parse_qs(parts.query).get("id", []):
            found = tag_service(tag)
            if found:
                return found
    for pattern, path, name, organisation, category in _hosts():
        if _host_matches(pattern, host) and parts.path.startswith(path):
            return Service(name=name, organisation=organisation, category=category, source=HOST_TABLE_SOURCE)
    return _vendor_table_service(host)


@functools.cache
def _vendor_table_service(host: str) -> Service | None:
    """The vendor table's service for a host, once the table has hosts (``Knowledge.vendor_for_host``).

    Until then this finds nothing; afterwards it covers the hosts the table above does not know.
    """
    finder = _host_finder()
    vendor = finder(host) if finder is not None else None
    if vendor is None:
        return None
    from noticelint.knowledge.vendor_matching import entity_name

    organisation = entity_name(vendor.eea_entity or vendor.other_entity or vendor.us_entity)
    category = str(getattr(vendor, "category", ""))
    return Service(name=vendor.service, organisation=organisation, category=category, source="vendors.csv")


@functools.cache
def _host_finder() -> Callable[[str], Vendor | None] | None:
    from noticelint.knowledge import load_knowledge

    finder: Callable[[str], Vendor | None] | None = getattr(load_knowledge(), "vendor_for_host", None)
    return finder


@dataclass(frozen=True)
class CookieFacts:
    """One row of the Open Cookie Database."""

    platform: str
    category: str
    name: str
    domain: str
    retention: str
    controller: str
    wildcard: bool


@functools.cache
def _cookie_table() -> tuple[dict[str, CookieFacts], tuple[CookieFacts, ...]]:
    text = resources.files("noticelint.knowledge").joinpath("open-cookie-database.csv").read_text("utf-8")
    exact: dict[str, CookieFacts] = {}
    prefixes: list[CookieFacts] = []
    for row in csv.DictReader(io.StringIO(text)):
        facts = CookieFacts(
            platform=row["Platform"].strip(),
            category=row["Category"].strip(),
            name=row["Cookie / Data Key name"].strip(),
            domain=row["Domain"].strip(),
            retention=row["Retention period"].strip(),
            controller=row["Data Controller"].strip(),
            wildcard=row["Wildcard match"].strip() == "1",
        )
        if not facts.name:
            continue
        if facts.wildcard:
            prefixes.append(facts)
        else:
            exact.setdefault(facts.name, facts)
    # The longest prefix first: '_ga_' before '_ga'.
    return exact, tuple(sorted(prefixes, key=lambda f: -len(f.name)))


def cookie_facts(name: str) -> CookieFacts | None:
    """What the Open Cookie Database says about a cookie or storage key name."""
    exact, prefixes = _cookie_table()
    if name in exact:
        return exact[name]
    return next((f for f in prefixes if name.startswith(f.name)), None)


# The Open Cookie Database's platform names for the services of the host table, so that a tag's cookies
# and its requests are reported together.
_OCD_PLATFORMS = {
    "Google Analytics": ("Google Analytics", "Google"),
    "Google Ads": ("Google Ads", "Google"),
    "Facebook": ("Meta Pixel", "Meta"),
    "Hotjar": ("Hotjar", "Hotjar"),
    "LinkedIn": ("LinkedIn Insight Tag", "LinkedIn"),
    "TikTok": ("TikTok Pixel", "TikTok"),
    "Matomo": ("Matomo", "InnoCraft"),
    "Bing / Microsoft": ("Microsoft Advertising", "Microsoft"),
    "Youtube": ("YouTube embeds", "Google"),
    "Vimeo": ("Vimeo", "Vimeo"),
    "Stripe": ("Stripe", "Stripe"),
}


def cookie_service(name: str, domain: str = "") -> tuple[Service | None, str]:
    """The service behind a cookie (from its domain's host, else the Open Cookie Database) and its retention."""
    facts = cookie_facts(name)
    retention = facts.retention if facts else ""
    if facts:
        category = {"marketing": "advertising"}.get(facts.category.lower(), facts.category.lower())
        name_, organisation = _OCD_PLATFORMS.get(facts.platform, (facts.platform, facts.controller))
        found = Service(name=name_, organisation=organisation, category=category, source=OCD_SOURCE)
        return found, retention
    host = domain.lstrip(".")
    if host:
        service = service_for_url(f"https://{host}/")
        if service:
            return service, retention
    return None, retention
