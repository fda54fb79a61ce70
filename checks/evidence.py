"""The statement against what the site really does: evidence from ``noticelint scan``.

A statement can be complete and consistent and still false: the site loads a Meta Pixel it never
mentions, sets cookies it does not list, or starts Google Analytics before the visitor has said yes.
These rules compare the statement with evidence of what the site does — its own files, a HAR file or a
live visit in Chromium (``noticelint scan``; ``noticelint render --evidence FILE``) — and report each
contradiction at the line of the statement that must change, quoting the evidence (the page and the
file:line, HAR entry or request). They are silent without evidence, so ``noticelint check`` never runs
them.

Services are recognised from request hosts (a host table) and from cookie names (the Open Cookie
Database); an unknown host or cookie name is never guessed at. A request counts as tracking only when
its service is analytics or advertising, and a cookie only when the Open Cookie Database files it under
analytics or marketing: fonts, maps, video and functional cookies are reported as undeclared where the
statement misses them, but never as consent violations. Evidence from the site's files has no consent
phase (the files say what a page loads, not when the banner lets it), so the consent rules read only
HAR files and live visits. That a request alone (a tracking pixel or script, without a cookie) falls
under ekomloven § 3-15 is the reading of EDPB Guidelines 2/2023 on the technical scope of Art. 5(3) of
the ePrivacy Directive (version 2.0, adopted October 2024; "URL and pixel tracking"), the provision
§ 3-15 implements; parts of industry contest it, and the rules take that safer reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from noticelint.api import (
    Activity,
    CheckContext,
    Cookie,
    Evidence,
    EvidenceSource,
    Hit,
    ObservedCookie,
    ObservedRequest,
    ObservedStorage,
    Party,
    Phase,
    Service,
    duration_days,
    either,
    name_key,
    needles,
    party_vendor,
    party_vendors,
    rule,
    sentences_that_may_match,
    sub_processors,
)

EKOMLOVEN = "ekomloven § 3-15 (LOV-2024-12-13-76)"
EDPB_5_3 = "EDPB Guidelines 2/2023 on the technical scope of Art. 5(3) of the ePrivacy Directive"
Observed = ObservedRequest | ObservedCookie | ObservedStorage

# An observed lifetime this many times the declared one is reported.
LIFETIME_FACTOR = 1.5
# How many pieces of evidence a message quotes.
QUOTED = 2


def _short(url: str, limit: int = 90) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def quote(item: Observed) -> str:
    """One piece of evidence as a message quotes it: where it was seen and what it was."""
    if isinstance(item, ObservedRequest):
        what = f"{item.kind} {_short(item.url)}" if item.url else f"{item.kind} ({item.detail})"
        if item.url and item.detail:
            what += f" ({item.detail})"
    elif isinstance(item, ObservedCookie):
        what = f"cookie {item.name}" + (f" on {item.domain}" if item.domain else "")
    else:
        what = f"{item.area}Storage key {item.key}"
    return f"{item.origin.where}: {what}"


def quotes(items: Sequence[Observed]) -> str:
    shown = "; ".join(quote(i) for i in items[:QUOTED])
    return shown + (f"; and {len(items) - QUOTED} more" if len(items) > QUOTED else "")


def _by_service(items: Sequence[Observed]) -> dict[str, tuple[Service, list[Observed]]]:
    grouped: dict[str, tuple[Service, list[Observed]]] = {}
    for item in items:
        if item.service is not None:
            grouped.setdefault(item.service.name, (item.service, []))[1].append(item)
    return grouped


def _about(service: Service) -> str:
    """' (analytics, from Google)' for a message."""
    parts = [
        p for p in (service.category, f"from {service.organisation}" if service.organisation else "") if p
    ]
    return f" ({', '.join(parts)})" if parts else ""


def declaring_party(ctx: CheckContext, service: Service) -> Party | None:
    """The declared party that stands for ``service``: the service itself, its vendor-table entity, or
    an organisation of the same name ("Google Ireland Limited" for Google Fonts)."""
    vendor = ctx.knowledge.vendor_named(service.name)
    wanted = name_key(service.name)
    organisation = name_key(service.organisation) if service.organisation else ""
    for party in ctx.statement.parties:
        if vendor is not None and vendor in party_vendors(ctx.knowledge, party):
            return party
        keys = {name_key(n) for n in (party.legal_name, party.trade_name) if n}
        if wanted in keys:
            return party
        if organisation and any(k == organisation or k.startswith(organisation + " ") for k in keys):
            return party
    return None


def _activity_of(ctx: CheckContext, party: Party | None) -> tuple[int, Activity] | None:
    if party is None:
        return None
    for index, activity in enumerate(ctx.statement.activities):
        if party.id in activity.recipients or any(c.provider == party.id for c in activity.cookies):
            return index, activity
    return None


def _list_pointer(ctx: CheckContext, key: str) -> str:
    return f"/{key}" if getattr(ctx.statement, key) else ""


# --- declared cookie names ---------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"[<*{\[]")


def name_matches(declared: str, observed: str) -> bool:
    """A declared name stands for an observed one: equal, or a pattern ('_ga_<id>', '_ga_*', '_hjSession_')."""
    declared, observed = declared.strip(), observed.strip()
    if declared == observed:
        return True
    cut = _PLACEHOLDER.search(declared)
    if cut:
        prefix = declared[: cut.start()]
        return bool(prefix) and observed.startswith(prefix) and len(observed) > len(prefix)
    return declared.endswith("_") and len(declared) > 2 and observed.startswith(declared)


def declared_cookies(ctx: CheckContext) -> Iterator[tuple[int, Activity, int, Cookie]]:
    for i, activity in enumerate(ctx.statement.activities):
        for j, cookie in enumerate(activity.cookies):
            yield i, activity, j, cookie


def find_declared(ctx: CheckContext, name: str) -> tuple[int, int, Cookie] | None:
    for i, _, j, cookie in declared_cookies(ctx):
        if cookie.name and name_matches(cookie.name, name):
            return i, j, cookie
    return None


def _visited(evidence: Evidence) -> bool:
    return any(s in (EvidenceSource.HAR, EvidenceSource.VISIT) for s in evidence.sources)


# --- SCN001 ------------------------------------------------------------------------------------------

_EVIDENCE_GA = """
requests:
  - page: public/index.html
    url: https://www.googletagmanager.com/gtag/js?id=G-EKSEMPEL1
    host: www.googletagmanager.com
    kind: script
    origin: {kind: file, where: "public/index.html:9"}
    service: {name: Google Analytics, organisation: Google, category: analytics}
"""
_EVIDENCE_META = """
requests:
  - page: public/index.html
    url: https://connect.facebook.net/en_US/fbevents.js
    host: connect.facebook.net
    kind: script
    origin: {kind: file, where: "public/index.html:14"}
    service: {name: Meta Pixel, organisation: Meta, category: advertising}
"""


@rule(
    code="SCN001",
    name="undeclared-service-on-site",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"],
    fix=(
        "Declare the organisation behind the service under parties (legal_name, role, country) and list it "
        "among the recipients of the activity it serves; or remove the tag from the site."
    ),
    fails="{}",
    passes="{}",
    evidence_fails=_EVIDENCE_META,
    evidence_passes=_EVIDENCE_GA,
)
def undeclared_service(ctx: CheckContext) -> Iterator[Hit]:
    """Every service the site loads is a declared party.

    A page that loads a script, pixel, font or frame from a third party's host sends that party the
    visitor's IP address, the page and often an identifier, so the party is a recipient the statement
    must name (GDPR Art. 13(1)(e)). The service is recognised from the request's host or the tag's
    snippet (gtag id, fbq('init'), Hotjar, LinkedIn, TikTok …); it counts as declared when a party is the
    service, the entity the vendor table gives for it, or an organisation of the provider's name.
    """
    evidence = ctx.evidence
    if evidence is None:
        return
    for service, items in _by_service([r for r in evidence.requests if r.third_party]).values():
        if declaring_party(ctx, service) is not None:
            continue
        yield Hit(
            _list_pointer(ctx, "parties"),
            f"the site loads {service.name}{_about(service)} — {quotes(items)} — but no declared party "
            f"stands for it; add {service.organisation or service.name} under parties and as a recipient "
            "of the activity it serves, or remove it from the site",
        )


# --- SCN002 ------------------------------------------------------------------------------------------

_EVIDENCE_FBP = """
sources: [visit]
phases: [accepted]
cookies:
  - name: _fbp
    domain: www.eksempel.no
    page: https://www.eksempel.no/
    expires_days: 90
    phase: accepted
    origin: {kind: visit, where: "https://www.eksempel.no/ cookies"}
    service: {name: Facebook, organisation: Meta, category: advertising}
"""
_EVIDENCE_GA_COOKIES = """
sources: [visit]
phases: [accepted]
cookies:
  - name: _ga
    domain: www.eksempel.no
    expires_days: 730
    phase: accepted
    origin: {kind: visit, where: "https://www.eksempel.no/ cookies"}
    service: {name: Google Analytics, organisation: Google, category: analytics}
  - name: _ga_EKSEMPEL1
    domain: www.eksempel.no
    expires_days: 730
    phase: accepted
    origin: {kind: visit, where: "https://www.eksempel.no/ cookies"}
    service: {name: Google Analytics, organisation: Google, category: analytics}
"""


def _undeclared_storage(ctx: CheckContext, evidence: Evidence) -> Iterator[ObservedCookie | ObservedStorage]:
    seen: set[str] = set()
    for cookie in evidence.cookies:
        if cookie.name not in seen and find_declared(ctx, cookie.name) is None:
            seen.add(cookie.name)
            yield cookie
    for key in evidence.storage:
        # A key read from the site's own scripts is reported only when the cookie database knows it.
        from_files = key.origin.kind == EvidenceSource.FILE
        if key.key in seen or (from_files and key.service is None) or find_declared(ctx, key.key):
            continue
        seen.add(key.key)
        yield key


@rule(
    code="SCN002",
    name="undeclared-cookie-on-site",
    basis="statute",
    certainty="inferred",
    legal=[EKOMLOVEN, "GDPR Art. 13(1)(c)", "GDPR Art. 12(1)"],
    fix=(
        "Add the cookie (or storage key) under the cookies of the activity it serves, with its name, "
        "provider, purpose, lifetime and whether it is strictly necessary."
    ),
    fails="{}",
    passes="{}",
    evidence_fails=_EVIDENCE_FBP,
    evidence_passes=_EVIDENCE_GA_COOKIES,
)
def undeclared_cookie(ctx: CheckContext) -> Iterator[Hit]:
    """Every cookie and storage key the site sets is declared.

    Ekomloven § 3-15 requires clear information about everything stored on or read from the user's
    device, whether or not it needs consent. A cookie seen in a HAR file or a live visit, or a
    localStorage key whose name the Open Cookie Database knows, must be among the declared cookies
    (by its name, or a pattern such as ``_ga_<id>``). The finding stands at the cookies of the activity
    whose recipient sets it, where the entry belongs.
    """
    evidence = ctx.evidence
    if evidence is None:
        return
    for item in _undeclared_storage(ctx, evidence):
        service = item.service
        party = declaring_party(ctx, service) if service else None
        found = _activity_of(ctx, party)
        if found:
            index, activity = found
            pointer = f"/activities/{index}/cookies" if activity.cookies else f"/activities/{index}"
        else:
            pointer = _list_pointer(ctx, "activities")
        name = item.name if isinstance(item, ObservedCookie) else item.key
        what = "cookie" if isinstance(item, ObservedCookie) else f"{item.area}Storage key"
        about = ""
        if service:
            category = f", {service.category}" if service.category else ""
            about = f" ({service.name}{category}, according to the {service.source or 'host table'})"
        yield Hit(
            pointer,
            f"the site sets the {what} '{name}'{about} — {quote(item)} — but the statement does not declare "
            f"it; add it with name '{name}', its provider, purpose and lifetime",
        )


# --- SCN003 ------------------------------------------------------------------------------------------

_EVIDENCE_GA_ONLY = """
sources: [visit]
phases: [before-consent, accepted]
cookies:
  - name: _ga
    domain: www.eksempel.no
    expires_days: 730
    phase: accepted
    origin: {kind: visit, where: "https://www.eksempel.no/ cookies"}
"""


@rule(
    code="SCN003",
    name="declared-cookie-not-seen",
    basis="practice",
    certainty="inferred",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"],
    fix="Check whether the site still sets the cookie; if it does not, remove it from the statement.",
    fails="{}",
    passes="{}",
    evidence_fails=_EVIDENCE_GA_ONLY,
    evidence_passes=_EVIDENCE_GA_COOKIES
    + """
  - name: timebok_sesjon
    domain: timebok.eksempel.no
    phase: accepted
    origin: {kind: visit, where: "https://www.eksempel.no/timebestilling cookies"}
""",
)
def declared_cookie_not_seen(ctx: CheckContext) -> Iterator[Hit]:
    """A declared cookie that a visit with consent never saw may be out of date.

    Only a HAR file or a live visit in which the user accepted counts (cookies that need consent are not
    set before it, and the site's files do not show cookies at all); and a visit sees only the pages it
    went to, so this is information to check, not an error.
    """
    evidence = ctx.evidence
    if evidence is None or not _visited(evidence) or Phase.ACCEPTED not in evidence.phases:
        return
    names = [c.name for c in evidence.cookies] + [s.key for s in evidence.storage]
    for i, _, j, cookie in declared_cookies(ctx):
        if not cookie.name or cookie.technology.value not in ("cookie", "local_storage"):
            continue
        if not any(name_matches(cookie.name, n) for n in names):
            yield Hit(
                f"/activities/{i}/cookies/{j}/name",
                f"the cookie '{cookie.name}' is declared but was not seen on {len(evidence.pages)} visited "
                "page(s), even after accepting; remove it if the site no longer sets it",
            )


# --- SCN004 / SCN005 ---------------------------------------------------------------------------------


def _tracking(item: Observed) -> bool:
    return item.service is not None and item.service.tracking


def _consent_hits(ctx: CheckContext, items: list[Observed], when: str, then: str) -> Iterator[Hit]:
    for service, found in _by_service(items).values():
        party = declaring_party(ctx, service)
        activity = _activity_of(ctx, party)
        if activity:
            index, act = activity
            pointer = f"/activities/{index}/legal_basis" if act.legal_basis else f"/activities/{index}"
            where = f"; activity '{act.id}'"
        else:
            pointer, where = _list_pointer(ctx, "activities"), ""
        yield Hit(
            pointer,
            f"{when}, the site already uses {service.name} ({service.category}{where}) — {quotes(found)}; "
            f"{then}",
        )


_EVIDENCE_BEFORE = """
sources: [visit]
phases: [before-consent]
cookies:
  - name: _ga
    domain: www.eksempel.no
    page: https://www.eksempel.no/
    expires_days: 730
    phase: before-consent
    origin: {kind: visit, where: "https://www.eksempel.no/ cookies"}
    service: {name: Google Analytics, organisation: Google, category: analytics}
"""
_EVIDENCE_AFTER = _EVIDENCE_BEFORE.replace("before-consent", "accepted")


@rule(
    code="SCN004",
    name="tracking-before-consent",
    basis="statute",
    certainty="certain",
    legal=[EKOMLOVEN, EDPB_5_3, "GDPR Art. 6(1)(a)", "GDPR Art. 7(1)"],
    fix=(
        "Load the tag only after the visitor has accepted in the banner (block it until then, e.g. "
        "type=\"text/plain\" with the consent manager's category, or the tag manager's consent trigger)."
    ),
    fails="{}",
    passes="{}",
    evidence_fails=_EVIDENCE_BEFORE,
    evidence_passes=_EVIDENCE_AFTER,
)
def tracking_before_consent(ctx: CheckContext) -> Iterator[Hit]:
    """No analytics or advertising before the visitor has consented.

    Ekomloven § 3-15 allows storing or reading information on the user's device without consent only
    where it is strictly necessary for a service the user asked for; analytics and advertising never
    are. A HAR file recorded before consent, or a live visit with a fresh browser that has not touched
    the banner, that shows an analytics or marketing cookie, or a request to an analytics or advertising
    service, contradicts a statement that rests them on consent. The finding stands at the legal basis of
    the activity that uses the service.
    """
    evidence = ctx.evidence
    if evidence is None:
        return
    items: list[Observed] = [i for i in evidence.observed() if i.phase == Phase.BEFORE_CONSENT]
    yield from _consent_hits(
        ctx,
        [i for i in items if _tracking(i)],
        "before the visitor has consented",
        "ekomloven § 3-15 requires consent first: load it only after the visitor accepts",
    )


_EVIDENCE_REJECTED = """
sources: [visit]
phases: [rejected]
requests:
  - page: https://www.eksempel.no/
    url: https://region1.google-analytics.com/g/collect?v=2&tid=G-EKSEMPEL1
    host: region1.google-analytics.com
    kind: fetch
    phase: rejected
    origin: {kind: visit, where: "https://www.eksempel.no/ request 7"}
    service: {name: Google Analytics, organisation: Google, category: analytics}
"""
_EVIDENCE_REJECTED_CLEAN = """
sources: [visit]
phases: [rejected]
requests:
  - page: https://www.eksempel.no/
    url: https://www.eksempel.no/style.css
    host: www.eksempel.no
    kind: stylesheet
    third_party: false
    phase: rejected
    origin: {kind: visit, where: "https://www.eksempel.no/ request 2"}
"""


@rule(
    code="SCN005",
    name="tracking-after-rejection",
    basis="statute",
    certainty="certain",
    legal=[EKOMLOVEN, EDPB_5_3, "GDPR Art. 7(3)", "GDPR Art. 4(11)"],
    fix="Make the banner's reject button stop the tag: after a rejection nothing of it may load or be stored.",
    fails="{}",
    passes="{}",
    evidence_fails=_EVIDENCE_REJECTED,
    evidence_passes=_EVIDENCE_REJECTED_CLEAN,
)
def tracking_after_rejection(ctx: CheckContext) -> Iterator[Hit]:
    """No analytics or advertising after the visitor has rejected them.

    A refusal has to be respected: a request to an analytics or advertising service, or a new analytics
    or marketing cookie, after the visitor clicked the banner's reject button means the consent the
    statement claims is not the visitor's choice (GDPR Art. 4(11), 7; ekomloven § 3-15). Cookies already
    set before the click are SCN004's.
    """
    evidence = ctx.evidence
    if evidence is None:
        return
    before = {c.name for c in evidence.cookies if c.phase == Phase.BEFORE_CONSENT}
    items: list[Observed] = [
        i
        for i in evidence.observed()
        if i.phase == Phase.REJECTED and not (isinstance(i, ObservedCookie) and i.name in before)
    ]
    yield from _consent_hits(
        ctx,
        [i for i in items if _tracking(i)],
        "after the visitor rejected the cookies",
        "a rejection must stop it: nothing of it may load or be stored",
    )


# --- SCN006 ------------------------------------------------------------------------------------------

_EVIDENCE_LONG = """
sources: [visit]
phases: [accepted]
cookies:
  - name: _ga
    domain: www.eksempel.no
    expires_days: 1825
    phase: accepted
    origin: {kind: visit, where: "https://www.eksempel.no/ cookies"}
    service: {name: Google Analytics, organisation: Google, category: analytics}
"""


@rule(
    code="SCN006",
    name="cookie-lives-longer",
    basis="statute",
    certainty="inferred",
    legal=[EKOMLOVEN, "GDPR Art. 13(2)(a)", "GDPR Art. 5(1)(a)"],
    fix="Give the lifetime the site really sets (or shorten the cookie's lifetime on the site).",
    fails="{}",
    passes="{}",
    evidence_fails=_EVIDENCE_LONG,
    evidence_passes=_EVIDENCE_GA_COOKIES,
)
def cookie_lives_longer(ctx: CheckContext) -> Iterator[Hit]:
    """A cookie does not live much longer than the statement says.

    The declared lifetime is what the reader relies on (ekomloven § 3-15, GDPR Art. 13(2)(a)). A cookie
    whose observed expiry is more than 1.5 times its declared lifetime, or a declared session cookie that
    the browser keeps for more than a day, is reported at the declared lifetime.
    """
    evidence = ctx.evidence
    if evidence is None:
        return
    done: set[tuple[int, int]] = set()
    for observed in evidence.cookies:
        if observed.expires_days is None:
            continue
        found = find_declared(ctx, observed.name)
        if found is None or found[:2] in done:
            continue
        i, j, cookie = found
        days = observed.expires_days
        if cookie.session and days > 1:
            done.add((i, j))
            yield Hit(
                f"/activities/{i}/cookies/{j}/session",
                f"the cookie '{cookie.name}' is declared a session cookie, but the site keeps it for {days:.0f} "
                f"days — {quote(observed)}; give lifetime as the site sets it (e.g. P{max(1, round(days))}D)",
            )
        elif (
            cookie.lifetime
            and (declared := duration_days(cookie.lifetime))
            and days > LIFETIME_FACTOR * declared
        ):
            done.add((i, j))
            yield Hit(
                f"/activities/{i}/cookies/{j}/lifetime",
                f"the cookie '{cookie.name}' is declared to live {cookie.lifetime} ({declared:.0f} days), but the "
                f"site sets it for {days:.0f} days — {quote(observed)}; give the lifetime the site sets",
            )


# --- SCN007 ------------------------------------------------------------------------------------------

_COOKIE_WORD = r"(?:informasjonskapsler|informasjonskapsel|cookies?|kakor)"
_TRACK_WORD_NB = (
    r"(?:analyseverktøy\w*|analyse\w*|sporing\w*|sporingsverktøy\w*|statistikkverktøy\w*|webanalyse\w*)"
)
_TRACK_WORD_EN = r"(?:analytics|tracking|trackers?|tracking\s+tools?|web\s+analytics)"


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@dataclass(frozen=True)
class _Denial:
    kind: str  # cookies, analytics, sharing
    patterns: tuple[re.Pattern[str], ...]


_DENIALS = (
    _Denial("cookies", _p(
        rf"\b(?:bruker|benytter|setter|lagrer)\s+(?:vi\s+|nettstedet\s+|siden\s+)?(?:ikke|aldri)\s+(?:noen\s+)?{_COOKIE_WORD}\b",
        rf"\b(?:bruker|benytter|setter|lagrer)\s+(?:vi\s+|nettstedet\s+|siden\s+)?ingen\s+{_COOKIE_WORD}\b",
        rf"\bingen\s+{_COOKIE_WORD}\s+(?:brukes|benyttes|settes|lagres)\b",
        r"\b(?:do|does|will)\s*(?:not|n['’]t)\s+(?:use|set|place|store)\s+(?:any\s+)?cookies\b",
        r"\b(?:use|uses|set|sets)\s+no\s+cookies\b",
        r"\bno\s+cookies\s+(?:are|will\s+be)\s+(?:used|set|placed|stored)\b",
    )),
    _Denial("analytics", _p(
        rf"\b(?:bruker|benytter)\s+(?:vi\s+|nettstedet\s+|siden\s+)?(?:ikke|aldri|ingen)\s+(?:noen\s+)?{_TRACK_WORD_NB}",
        rf"\bingen\s+{_TRACK_WORD_NB}\s+(?:brukes|benyttes)\b",
        r"\bvi\s+(?:sporer|måler)\s+(?:deg\s+)?(?:ikke|aldri)\b",
        rf"\b(?:do|does|will)\s*(?:not|n['’]t)\s+use\s+(?:any\s+)?{_TRACK_WORD_EN}\b",
        rf"\b(?:use|uses)\s+no\s+{_TRACK_WORD_EN}\b",
        r"\bwe\s+(?:do\s+not|don['’]t|never)\s+track\b",
    )),
    _Denial("sharing", _p(
        r"\b(?:deler|utleverer|gir)\s+(?:vi\s+)?(?:ikke|aldri)\s+(?:\w+\s+){0,3}?(?:med|til)\s+(?:noen|andre|tredjepart\w*)\b",
        r"\b(?:deles|utleveres)\s+(?:ikke|aldri)\s+(?:med|til)\s+(?:noen|andre|tredjepart\w*)\b",
        r"\bingen\s+tredjepart\w*\s+(?:får|mottar)\b",
        r"\b(?:do|does|will)\s*(?:not|n['’]t)\s+share\s+(?:\w+\s+){0,3}?with\s+(?:anyone|any\s+third|third|others)\b",
        r"\bwe\s+(?:never\s+share|share\s+nothing|share\s+no\s+data)\b",
        r"\b(?:is|are)\s+(?:never|not)\s+shared\s+with\s+(?:anyone|any\s+third|third|others)\b",
    )),
)  # fmt: skip
_DENIAL_WORDS = either(
    needles("ikke|aldri|ingen", "informasjonskaps|cookie|kakor"),
    needles("not|n't|n’t|no", "cookie"),
    needles("ikke|aldri|ingen", "analyse|sporing|statistikk"),
    needles("sporer|måler", "ikke|aldri"),
    needles("not|n't|n’t|no|never", "analytics|track"),
    needles("ikke|aldri", "noen|andre|tredjepart"),
    needles("ingen", "tredjepart"),
    needles("not|n't|n’t|never", "share"),
    needles("share", "nothing|no"),
)
_EXCEPTION = re.compile(
    r"\b(?:unntatt|med\s+unntak\s+av|bortsett\s+fra|andre\s+enn|utover|med\s+mindre|uten\s+samtykke|før\s+du|"
    r"except|unless|other\s+than|apart\s+from|without\s+your\s+consent|before\s+you)\b",
    re.IGNORECASE,
)
_LIMITED_TAIL = re.compile(
    r"^\s*(?:til|for|som|fra|i\s+forbindelse|to|that|which|from|in\s+connection)\b", re.IGNORECASE
)


def _contradicting(ctx: CheckContext, evidence: Evidence, kind: str) -> list[Observed]:
    if kind == "cookies":
        found: list[Observed] = list(evidence.cookies)
        for request in evidence.requests:
            vendor = ctx.knowledge.vendor_named(request.service.name) if request.service else None
            if vendor is not None and vendor.sets_cookie:
                found.append(request)
        return found
    if kind == "analytics":
        return [
            i
            for i in evidence.observed()
            if not isinstance(i, ObservedStorage) and i.service and i.service.tracking
        ]
    return [r for r in evidence.requests if r.third_party and r.service is not None]


@rule(
    code="SCN007",
    name="denial-contradicted-by-site",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)", EKOMLOVEN],
    fix="Say what the site really does (which cookies, which analytics, who receives the data) instead.",
    fails="""
    sections:
      - id: informasjonskapsler
        topic: cookies
        text:
          nb: Vi bruker ingen analyseverktøy på nettstedet.
          en: We do not use any analytics on the website.
    """,
    passes="""
    sections:
      - id: informasjonskapsler
        topic: cookies
        text:
          nb: Vi bruker Google Analytics bare når du har samtykket.
          en: We use Google Analytics only after you have consented.
    """,
    evidence_fails=_EVIDENCE_GA,
    evidence_passes=_EVIDENCE_GA,
)
def denial_contradicted(ctx: CheckContext) -> Iterator[Hit]:
    """The wording does not deny what the site is seen to do.

    "Vi bruker ikke informasjonskapsler", "we use no analytics" or "vi deler ikke opplysningene med
    noen" above a site that sets cookies, runs an analytics or advertising tag, or loads third parties'
    services is a false statement (GDPR Art. 5(1)(a), 12(1)). Only plain denials count: a sentence
    limited to a purpose ("… til annonsering", "… for advertising") or with an exception ("unntatt",
    "without your consent") is not reported. Phrases are recognised from fixed Norwegian and English
    lists. A party the statement says sets no cookies here (`denies: [cookies]` on the party) is
    contradicted by a cookie or storage key the site sets that the host table or the Open Cookie
    Database attributes to that party's service.
    """
    evidence = ctx.evidence
    if evidence is None:
        return
    yield from _party_denial_contradicted(ctx, evidence)
    for item, sentence in sentences_that_may_match(ctx, _DENIAL_WORDS):
        text = sentence.text
        if _EXCEPTION.search(text):
            continue
        for denial in _DENIALS:
            match = next((m for p in denial.patterns if (m := p.search(text))), None)
            if match is None or _LIMITED_TAIL.match(text[match.end() :]):
                continue
            found = _contradicting(ctx, evidence, denial.kind)
            if not found:
                continue
            label = {"cookies": "no cookies", "analytics": "no analytics", "sharing": "nothing is shared"}
            yield Hit(
                item.pointer,
                f"this sentence says {label[denial.kind]}, but the site does — {quotes(found)}; "
                "say what the site really does instead",
                offset=sentence.start,
                length=len(text),
            )
            break


def _party_denial_contradicted(ctx: CheckContext, evidence: Evidence) -> Iterator[Hit]:
    for i, party in enumerate(ctx.statement.parties):
        if not party.says_no_cookies():
            continue
        stored: list[ObservedCookie | ObservedStorage] = [*evidence.cookies, *evidence.storage]
        found: list[Observed] = [
            item
            for item in stored
            if item.service is not None
            and (owner := declaring_party(ctx, item.service)) is not None
            and owner.id == party.id
        ]
        if found:
            j = next(n for n, d in enumerate(party.denies) if d.value == "cookies")
            yield Hit(
                f"/parties/{i}/denies/{j}",
                f"{party.legal_name} ('{party.id}') is said to set no cookies here (denies: [cookies]), but the "
                f"site has its — {quotes(found)}; remove cookies from its denies and declare them",
            )


# --- SCN008 ------------------------------------------------------------------------------------------


def _transfer_covers(ctx: CheckContext, party: Party) -> bool:
    ids = {party.id, *(p.id for p in sub_processors(ctx.statement, party.id))}
    return any(t.recipient in ids and t.country == "US" for t in ctx.statement.transfers)


@rule(
    code="SCN008",
    name="observed-us-transfer-undeclared",
    basis="statute",
    certainty="uncertain-knowledge",
    legal=["GDPR Art. 13(1)(f)", "GDPR Art. 44", "GDPR Art. 45", "GDPR Art. 46"],
    fix=(
        "Add a transfers entry for the service's US entity (country: US) with the mechanism it rests on, "
        "and declare the party if it is missing."
    ),
    fails="{}",
    passes="{}",
    evidence_fails=_EVIDENCE_META,
    evidence_passes=_EVIDENCE_GA,
    knowledge=["vendors.csv"],
)
def observed_us_transfer(ctx: CheckContext) -> Iterator[Hit]:
    """A service the site uses whose data go to the US comes with a declared transfer.

    The vendor table says which services send personal data to the US. When the site is seen to use such
    a service and no transfer to the US is declared for a party that stands for it, the statement misses
    the information GDPR Art. 13(1)(f) requires. Where the declared party itself names the service
    (TRF001 already checks those), nothing more is reported.
    """
    evidence = ctx.evidence
    if evidence is None:
        return
    for service, items in _by_service([r for r in evidence.requests if r.third_party]).values():
        vendor = ctx.knowledge.vendor_named(service.name)
        if vendor is None or not vendor.sends_data_to_us:
            continue
        party = declaring_party(ctx, service)
        if party is not None:
            own = party_vendor(ctx.knowledge, party)
            if _transfer_covers(ctx, party) or (own is not None and own.sends_data_to_us):
                continue
        pointer = _list_pointer(ctx, "transfers") or _list_pointer(ctx, "parties")
        us = vendor.us_entity or "its US entity"
        yield Hit(
            pointer,
            f"the site uses {service.name} — {quotes(items)} — whose data go to the US according to the vendor "
            f"table ({us}), but no transfer to the US is declared for it; add a transfers entry with "
            f"country: US and the mechanism it rests on",
        )
