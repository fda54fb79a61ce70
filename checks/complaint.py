"""The right to complain to a supervisory authority, and which authority. GDPR Art. 13(2)(d), 14(2)(e), 77.

Every statement must say that the person can complain to a supervisory authority. The authority is
best given by country code (`complaint.authority: NO`), which noticelint looks up in its authority
table. Names are not enough to tell authorities apart: Denmark's and Norway's are both called
"Datatilsynet", so these rules always compare country codes and websites, never names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from noticelint.api import (
    Authority,
    CheckContext,
    Hit,
    Knowledge,
    Needles,
    either,
    is_safe_needle,
    needles,
    rule,
    sentences,
)

# A host name in wording: "www.datatilsynet.no", "https://www.datatilsynet.dk/klage", "x@datatilsynet.no".
_HOST = re.compile(
    r"(?<![\w.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w-])", re.I
)


def _normalise_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


@functools.lru_cache(maxsize=4096)
def url_host(url: str) -> str:
    """The host of a URL ('https://www.datatilsynet.no/klage' -> 'datatilsynet.no'), without 'www.'."""
    return _normalise_host(urlsplit(url if "//" in url else f"//{url}").hostname or "")


def _same_site(host: str, site: str) -> bool:
    return bool(site) and (host == site or host.endswith("." + site))


def _authority_for_host(ctx: CheckContext, host: str) -> Authority | None:
    for authority in ctx.knowledge.authorities.values():
        if authority.website and _same_site(host, url_host(authority.website)):
            return authority
    return None


# Needles for the authority websites, per knowledge object (one per vendor configuration).
_SITE_NEEDLES: dict[int, tuple[Knowledge, Needles | None]] = {}


def _authority_site_needles(knowledge: Knowledge) -> Needles | None:
    """Needles for the authorities' sites: a text that contains none of them names no authority's site.

    ``None`` when a site cannot serve as a needle (then no text is ruled out).
    """
    key = id(knowledge)
    if key not in _SITE_NEEDLES or _SITE_NEEDLES[key][0] is not knowledge:
        sites = sorted({url_host(a.website) for a in knowledge.authorities.values() if a.website} - {""})
        usable = all(is_safe_needle(site) for site in sites)
        _SITE_NEEDLES[key] = (knowledge, either(*(needles(site) for site in sites)) if usable else None)
    return _SITE_NEEDLES[key][1]


def _label(authority: Authority) -> str:
    return f"{authority.country} ({authority.native_name}, {authority.english_name})"


def resolved_authority(ctx: CheckContext) -> tuple[Authority | None, str]:
    """The complaint authority and the field it was resolved from: by code, else by the url's site."""
    complaint = ctx.statement.complaint
    if complaint is None:
        return None, ""
    if complaint.authority:
        return ctx.knowledge.authority(complaint.authority), "/complaint/authority"
    if complaint.url:
        return _authority_for_host(ctx, url_host(complaint.url)), "/complaint/url"
    return None, ""


def _country(code: str) -> str:
    return code.split("-", 1)[0].upper()


def home_countries(ctx: CheckContext) -> list[str]:
    """The countries whose authority the statement is expected to name: the controller's country and
    the statement's jurisdiction, where the authority table has an authority for them."""
    candidates = [ctx.statement.controller.country, ctx.statement.statement.jurisdiction]
    found: list[str] = []
    for code in candidates:
        if code and ctx.knowledge.authority(code) is not None and code not in found:
            found.append(code)
    return found


def _is_empty(ctx: CheckContext) -> bool:
    complaint = ctx.statement.complaint
    return complaint is None or not any((complaint.authority, complaint.name, complaint.url, complaint.text))


@rule(
    code="CPL001",
    name="complaint-missing",
    basis="statute",
    legal=["GDPR Art. 13(2)(d)", "GDPR Art. 14(2)(e)", "GDPR Art. 77"],
    fix=(
        "Add a complaint item: the supervisory authority by country code (complaint.authority: NO) and "
        "wording that says the person may complain to it."
    ),
    fails="""
    complaint: null
    """,
    passes="""
    complaint:
      authority: "NO"
    """,
)
def complaint_missing(ctx: CheckContext) -> Iterator[Hit]:
    """The statement tells the person about the right to complain to a supervisory authority.

    Art. 13(2)(d) and 14(2)(e) make this a required item in every statement, whatever the processing.
    The rule fires when there is no complaint item, or one with neither an authority, a name, a website
    nor any wording.
    """
    if _is_empty(ctx):
        yield Hit(
            "/complaint" if ctx.statement.complaint is not None else "",
            "the statement does not mention the right to complain to a supervisory authority; add a complaint "
            "item with the authority's country code (e.g. complaint.authority: NO) and wording about it",
        )


@rule(
    code="CPL002",
    name="complaint-authority-unknown",
    basis="statute",
    legal=["GDPR Art. 13(2)(d)", "GDPR Art. 77"],
    fix=(
        "Use the ISO 3166 code of a country with a supervisory authority (NO, DK, SE, DE-BY, …), or leave "
        "complaint.authority out and give complaint.name and complaint.url."
    ),
    fails="""
    complaint:
      authority: ZZ
    """,
    passes="""
    complaint:
      authority: "NO"
    """,
    knowledge=["authorities"],
)
def complaint_authority_unknown(ctx: CheckContext) -> Iterator[Hit]:
    """The complaint authority's country code names a known supervisory authority.

    complaint.authority is resolved from the authority table, which lists the authorities of the EEA
    countries (and the German Länder), the UK and Switzerland. A code the table does not know gives the
    reader no authority's name or website, and is most likely a typing error.
    """
    complaint = ctx.statement.complaint
    if complaint is not None and complaint.authority and ctx.knowledge.authority(complaint.authority) is None:
        yield Hit(
            "/complaint/authority",
            f"complaint.authority is '{complaint.authority}', which is not the code of a known supervisory "
            "authority; use the country code of the controller's authority (e.g. NO for Datatilsynet)",
        )


@rule(
    code="CPL003",
    name="complaint-authority-identified",
    basis="guidance",
    legal=["GDPR Art. 13(2)(d)", "GDPR Art. 12(1)"],
    fix="Give complaint.authority as a country code, or both complaint.name and complaint.url.",
    fails="""
    complaint:
      authority: null
      name: Datatilsynet
    """,
    passes="""
    complaint:
      authority: null
      name: Datatilsynet
      url: https://www.datatilsynet.no
    """,
)
def complaint_authority_identified(ctx: CheckContext) -> Iterator[Hit]:
    """An authority given by name also has its website.

    Without a country code noticelint cannot look the authority up, and a name alone does not identify
    it: Denmark's and Norway's authorities are both "Datatilsynet". The transparency guidelines (WP260)
    expect the reader to be told how to reach the authority; a website does both. The rule fires where a
    complaint item has no country code and lacks the name or the website.
    """
    complaint = ctx.statement.complaint
    if complaint is None or complaint.authority or _is_empty(ctx):
        return
    fields = (("complaint.name", complaint.name), ("complaint.url", complaint.url))
    missing = [name for name, value in fields if not value]
    if missing:
        yield Hit(
            "/complaint",
            f"the supervisory authority is not given by country code and {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} missing; give complaint.authority (e.g. NO) or the "
            "authority's name and website",
        )


@rule(
    code="CPL004",
    name="complaint-authority-country",
    basis="practice",
    legal=["GDPR Art. 13(2)(d)", "GDPR Art. 77", "GDPR Art. 55"],
    fix="Name the authority of the controller's country (by its country code), and add others only as extras.",
    fails="""
    complaint:
      authority: DK
    """,
    passes="""
    complaint:
      authority: "NO"
    """,
    knowledge=["authorities"],
)
def complaint_authority_country(ctx: CheckContext) -> Iterator[Hit]:
    """The complaint authority is the one of the controller's country.

    The natural authority to name is the one where the controller is established (controller.country)
    or whose law the statement follows (statement.jurisdiction). The authority is compared by country
    code, resolved from complaint.authority or from the site of complaint.url; names are never compared,
    since Denmark's and Norway's are both "Datatilsynet". Art. 77 also lets the person complain in the
    country where they live or work or where the infringement took place, so naming another authority
    is not wrong in itself: this is a warning, and a statement that means it should say so in its
    wording and waive the finding. Nothing is reported when neither country is known to the table.
    """
    authority, pointer = resolved_authority(ctx)
    homes = home_countries(ctx)
    if authority is None or not homes:
        return
    if _country(authority.country) in {_country(code) for code in homes}:
        return
    home = ctx.knowledge.authority(homes[0])
    if home is None:
        return
    yield Hit(
        pointer,
        f"the complaint authority is {_label(authority)}, but the controller's country is {homes[0]}, "
        f"whose authority is {_label(home)}, {home.website}; match on the country code, not the name: "
        f"set complaint.authority to {homes[0]}",
    )


def _accepted_authorities(ctx: CheckContext) -> list[Authority]:
    """The complaint authority (if resolved) first, then the authorities of the controller's country."""
    accepted: list[Authority] = []
    authority, _ = resolved_authority(ctx)
    if authority is not None:
        accepted.append(authority)
    for code in home_countries(ctx):
        home = ctx.knowledge.authority(code)
        if home is not None and home not in accepted:
            accepted.append(home)
    return [a for a in accepted if a.website]


@rule(
    code="CPL005",
    name="complaint-authority-website",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(2)(d)", "GDPR Art. 12(1)"],
    fix="Write the website of the authority the statement names (e.g. www.datatilsynet.no for NO).",
    fails="""
    complaint:
      text:
        nb: Du kan klage til Datatilsynet, www.datatilsynet.dk.
        en: You may complain to Datatilsynet, www.datatilsynet.dk.
    """,
    passes="""
    complaint:
      text:
        nb: Du kan klage til Datatilsynet, www.datatilsynet.no.
        en: You may complain to Datatilsynet, www.datatilsynet.no.
    """,
    knowledge=["authorities"],
)
def complaint_authority_website(ctx: CheckContext) -> Iterator[Hit]:
    """The wording sends the reader to the website of the right authority.

    A statement that names complaint.authority NO but writes "www.datatilsynet.dk" sends the reader to
    the Danish authority; the names are the same, the websites are not. The rule compares every
    authority website in the wording (a site listed in the authority table, also as part of an e-mail
    address) with the website of the complaint authority (from complaint.authority, else from
    complaint.url) and of the authority of the controller's country; a site that is neither is
    reported at its sentence. Where the complaint authority itself is of another country, CPL004 reports
    that instead. A text that also names an expected site is not reported, since Art. 77 allows pointing
    to other authorities as well. The rule also checks that complaint.url is the site of the authority
    named by complaint.authority.
    """
    accepted = _accepted_authorities(ctx)
    if not accepted:
        return
    expected = accepted[0]
    sites = [url_host(a.website) for a in accepted]
    complaint = ctx.statement.complaint
    if complaint is not None and complaint.authority and complaint.url:
        given = ctx.knowledge.authority(complaint.authority)
        if (
            given is not None
            and given.website
            and not _same_site(url_host(complaint.url), url_host(given.website))
        ):
            yield Hit(
                "/complaint/url",
                f"complaint.url is {complaint.url}, but the website of the authority {_label(given)} is "
                f"{given.website}; correct the url",
            )
    site_needles = _authority_site_needles(ctx.knowledge)
    for item in ctx.wording:
        if site_needles is not None and not site_needles.may_match(item.text):
            continue  # names no authority's website
        hosts = [(match, _normalise_host(match.group(1))) for match in _HOST.finditer(item.text)]
        if any(_same_site(host, site) for _, host in hosts for site in sites):
            continue
        reported: set[int] = set()
        for match, host in hosts:
            other = _authority_for_host(ctx, host)
            if other is None or other in accepted:
                continue
            sentence = next((s for s in sentences(item.text) if s.start <= match.start() < s.end), None)
            start, end = (sentence.start, sentence.end) if sentence else (match.start(), match.end())
            if start in reported:
                continue
            reported.add(start)
            yield Hit(
                item.pointer,
                f"'{match.group(0)}' is the website of {_label(other)}, but the complaint authority is "
                f"{_label(expected)}; write {expected.website}",
                offset=start,
                length=end - start,
            )


@rule(
    code="CPL006",
    name="complaint-federal-authority-for-private",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(2)(d)", "GDPR Art. 77", "BDSG § 40"],
    knowledge=["authorities"],
    fix=(
        "Name the authority of the controller's Land by its code (complaint.authority: DE-BY, DE-BE, …), and "
        "give the Land in the controller's address (postal_address.region); if the controller is a federal "
        "public body, say controller.public_authority: true."
    ),
    fails="""
    statement: {jurisdiction: DE}
    controller: {country: DE}
    complaint: {authority: DE, text: null}
    """,
    passes="""
    statement: {jurisdiction: DE}
    controller: {country: DE}
    complaint: {authority: DE-BY, text: null}
    """,
)
def complaint_federal_authority_for_private(ctx: CheckContext) -> Iterator[Hit]:
    """A German private controller sends the reader to its Land authority, not to the federal one.

    In Germany the authorities of the Länder supervise non-public bodies (BDSG § 40(1)); the federal
    commissioner (BfDI) supervises federal public bodies, and telecommunications and postal services.
    complaint.authority DE names the BfDI. The rule fires where it does and the controller is not
    declared a public authority. A telecommunications or postal controller is rightly sent to the
    BfDI, which the statement cannot show, hence a warning; waive it with that reason.
    """
    complaint = ctx.statement.complaint
    if complaint is None or complaint.authority != "DE" or ctx.statement.controller.public_authority:
        return
    yield Hit(
        "/complaint/authority",
        "complaint.authority DE names the federal commissioner (BfDI), who supervises federal public bodies; "
        "a private controller in Germany is supervised by the authority of its Land: give its code "
        "(e.g. DE-BY) and the Land under controller.contact.postal_address.region",
    )
