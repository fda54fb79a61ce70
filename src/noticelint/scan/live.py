"""Evidence from a live visit: Playwright for Python driving the system's Chromium, headless.

The browser is Debian's Chromium (``/usr/bin/chromium``, or ``--browser PATH`` / ``NOTICELINT_BROWSER``);
noticelint never downloads one. It starts with a fresh temporary profile that is deleted afterwards, no
background networking, component updates or sync, service workers and downloads blocked, and the
sandbox on unless noticelint runs as root (where Chromium refuses to start with it). The page's code runs
only inside the browser; noticelint reads what the browser reports (requests, cookies, storage keys).

A visit has phases. ``before-consent``: a fresh profile loads the pages and nobody touches the banner.
``accepted``: the same profile after clicking ``--accept SELECTOR`` (or a fresh one with a preset
consent cookie). ``rejected``: a fresh profile after clicking ``--reject SELECTOR``. Links are followed
only on the start URL's own host, up to ``--pages``, within a time limit for the whole visit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urlsplit

from noticelint.format.evidence import (
    Evidence,
    EvidenceSource,
    ObservedCookie,
    ObservedRequest,
    ObservedStorage,
    Origin,
    Phase,
)
from noticelint.scan.cookies import registrable_domain
from noticelint.scan.vendors import cookie_service, service_for_url

DEFAULT_BROWSER = "/usr/bin/chromium"
BROWSER_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
)
MAX_REQUESTS = 20_000
INSTALL_BROWSER = "install Debian's Chromium (apt-get install chromium) or give --browser PATH"
INSTALL_PLAYWRIGHT = (
    "install Playwright for Python: pip install 'noticelint[scan]' (no browser download needed)"
)


class VisitError(Exception):
    """The visit could not be made: the message says which page and why, and what to install."""


class _Unreachable(Exception):
    """A page that could not be loaded (fatal only for the start page)."""


# Links to these are files, not pages: the browser would download them, not show them.
_NOT_PAGES = (
    ".pdf", ".zip", ".gz", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".mp4", ".webm",
    ".mp3", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".csv", ".xml", ".json", ".txt", ".ics",
)  # fmt: skip


@dataclass
class VisitOptions:
    url: str
    pages: int = 10
    timeout: float = 60.0  # the whole visit, in seconds
    page_timeout: float = 20.0
    browser: str = ""
    accept: str = ""
    reject: str = ""
    consent_cookie: str = ""  # NAME=VALUE, set before the visit: the user has accepted
    settle: float = 1.0  # seconds to let a page's late requests arrive after it loaded
    # Tests hand Playwright's context to this (to answer third-party hosts with page.route).
    prepare: Callable[[Any], None] | None = None


def browser_path(option: str) -> str:
    path = option or os.environ.get("NOTICELINT_BROWSER", "") or DEFAULT_BROWSER
    if not os.path.isfile(path) or not os.access(path, os.X_OK):
        raise VisitError(f"no browser at {path}: {INSTALL_BROWSER}")
    return path


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@dataclass
class _Recorder:
    site: str  # the start URL's registrable domain
    phase: Phase = Phase.BEFORE_CONSENT
    page: str = ""
    requests: list[ObservedRequest] = field(default_factory=list)
    cookies: dict[tuple[str, str, Phase], ObservedCookie] = field(default_factory=dict)
    storage: dict[tuple[str, str, Phase], ObservedStorage] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)

    def on_request(self, request: Any) -> None:
        url = request.url
        if not url.startswith(("http://", "https://")) or len(self.requests) >= MAX_REQUESTS:
            return
        host = _host(url)
        frame_url = ""
        with contextlib.suppress(Exception):  # a request of a worker has no frame
            frame_url = request.frame.url
        number = len(self.requests) + 1
        self.requests.append(
            ObservedRequest(
                page=self.page,
                url=url[:2000],
                host=host,
                kind=request.resource_type,
                initiator=frame_url[:500] if frame_url != self.page else "",
                third_party=registrable_domain(host) != self.site,
                phase=self.phase,
                origin=Origin(kind=EvidenceSource.VISIT, where=f"{self.page} request {number}"),
                service=service_for_url(url),
            )
        )

    def take_cookies(self, context: Any) -> None:
        now = time.time()
        for cookie in context.cookies():
            name, domain = str(cookie.get("name", "")), str(cookie.get("domain", "")).lstrip(".")
            key = (name, domain, self.phase)
            if not name or key in self.cookies:
                continue
            expires = float(cookie.get("expires", -1))
            service, retention = cookie_service(name, domain)
            self.cookies[key] = ObservedCookie(
                name=name[:200],
                domain=domain[:253],
                page=self.page,
                expires_days=(expires - now) / 86400 if expires > 0 else None,
                third_party=registrable_domain(domain) != self.site,
                phase=self.phase,
                origin=Origin(kind=EvidenceSource.VISIT, where=f"{self.page} cookies"),
                service=service,
                retention=retention,
            )

    def take_storage(self, page: Any) -> None:
        try:
            keys = page.evaluate(
                "() => { const out = []; for (const [area, s] of [['local', window.localStorage],"
                " ['session', window.sessionStorage]]) { try { for (let i = 0; i < s.length && i < 500; i++)"
                " out.push([area, s.key(i)]); } catch (e) {} } return out; }"
            )
        except Exception:  # a page that navigated away or forbids storage
            return
        for area, key in keys:
            entry = (str(key), str(area), self.phase)
            if entry in self.storage:
                continue
            service, _ = cookie_service(str(key))
            self.storage[entry] = ObservedStorage(
                key=str(key)[:200],
                area=str(area),
                page=self.page,
                phase=self.phase,
                origin=Origin(kind=EvidenceSource.VISIT, where=f"{self.page} {area}Storage"),
                service=service,
            )


def _same_site_links(page: Any, start_host: str) -> list[str]:
    try:
        hrefs = page.eval_on_selector_all("a[href]", "els => els.slice(0, 500).map(e => e.href)")
    except Exception:
        return []
    links = []
    for href in hrefs:
        url = urldefrag(str(href))[0]
        on_site = url.startswith(("http://", "https://")) and urlsplit(url).netloc.lower() == start_host
        if on_site and not urlsplit(url).path.lower().endswith(_NOT_PAGES):
            links.append(url)
    return links


def visit(options: VisitOptions) -> Evidence:
    """Visit the site in each phase the options ask for; the evidence of all of them together."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise VisitError(f"the live visit needs Playwright: {INSTALL_PLAYWRIGHT}") from None
    executable = browser_path(options.browser)
    start = options.url
    start_host = _host(start)
    if not start.startswith(("http://", "https://")) or not start_host:
        raise VisitError(f"{start}: not an http(s) URL")
    if options.consent_cookie and "=" not in options.consent_cookie:
        raise VisitError(f"--consent-cookie {options.consent_cookie!r}: give it as NAME=VALUE")
    try:
        return _visit(options, sync_playwright, PlaywrightError, executable, start, start_host)
    except PlaywrightError as exc:  # the browser or its driver failed in a way the steps do not expect
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise VisitError(f"{start}: the browser failed during the visit ({first})") from None


def _visit(
    options: VisitOptions,
    sync_playwright: Any,
    PlaywrightError: type[BaseException],
    executable: str,
    start: str,
    start_host: str,
) -> Evidence:
    deadline = time.monotonic() + options.timeout
    recorder = _Recorder(site=registrable_domain(start_host))
    phases = [Phase.BEFORE_CONSENT]
    args = list(BROWSER_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    with sync_playwright() as playwright:

        def run_phase(phase: Phase, click: str = "", preset: str = "") -> None:
            profile = tempfile.mkdtemp(prefix="noticelint-browser-")
            context = None
            try:
                try:
                    context = playwright.chromium.launch_persistent_context(
                        profile,
                        executable_path=executable,
                        headless=True,
                        args=args,
                        accept_downloads=False,
                        service_workers="block",
                        timeout=min(30_000, _left(deadline)),
                    )
                except PlaywrightError as exc:
                    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                    if "Timeout" in first and time.monotonic() >= deadline - 0.1:
                        raise VisitError(
                            f"{start}: the visit's time limit ran out while the browser was starting "
                            f"({options.timeout:g} s; --timeout)"
                        ) from None
                    raise VisitError(
                        f"{executable}: the browser did not start ({first}); {INSTALL_BROWSER}"
                    ) from None
                if options.prepare:
                    options.prepare(context)
                if preset:
                    name, _, value = preset.partition("=")
                    context.add_cookies([{"name": name, "value": value, "url": start}])
                context.on("request", recorder.on_request)
                page = context.pages[0] if context.pages else context.new_page()
                recorder.phase = Phase.BEFORE_CONSENT if click else phase
                queue, seen = [start], {start}
                visited = 0
                while queue and visited < (1 if click and phase == Phase.REJECTED else options.pages):
                    url = queue.pop(0)
                    try:
                        _load(page, url, recorder, options, deadline, PlaywrightError)
                    except _Unreachable as exc:
                        if visited == 0:  # the start page: nothing to scan without it
                            raise VisitError(str(exc)) from None
                        # A broken link further in is the site's problem, not the scan's. The tab is
                        # still busy with Chromium's error page, which would interrupt the next
                        # navigation: carry on in a new one.
                        with contextlib.suppress(PlaywrightError):
                            page.close()
                        page = context.new_page()
                        continue
                    visited += 1
                    if click:
                        recorder.take_cookies(context)
                        recorder.take_storage(page)
                        recorder.phase = phase  # what the click sets off belongs to the choice
                        _click(page, click, url, deadline, PlaywrightError)
                        click = ""
                        _settle(page, options, deadline)
                    recorder.take_cookies(context)
                    recorder.take_storage(page)
                    for link in _same_site_links(page, urlsplit(start).netloc.lower()):
                        if link not in seen:
                            seen.add(link)
                            queue.append(link)
            finally:
                if context is not None:
                    with contextlib.suppress(PlaywrightError):
                        context.close()
                shutil.rmtree(profile, ignore_errors=True)

        if options.consent_cookie:
            run_phase(Phase.ACCEPTED, preset=options.consent_cookie)
            phases = [Phase.ACCEPTED]
        else:
            run_phase(Phase.ACCEPTED if options.accept else Phase.BEFORE_CONSENT, click=options.accept)
            if options.accept:
                phases.append(Phase.ACCEPTED)
        if options.reject:
            run_phase(Phase.REJECTED, click=options.reject)
            phases.append(Phase.REJECTED)
    return Evidence(
        site=start,
        sources=[EvidenceSource.VISIT],
        phases=phases,
        pages=recorder.pages,
        requests=recorder.requests,
        cookies=list(recorder.cookies.values()),
        storage=list(recorder.storage.values()),
    )


def _left(deadline: float) -> float:
    """Milliseconds left before the deadline (at least 1, so Playwright does not wait forever)."""
    return max(1.0, (deadline - time.monotonic()) * 1000)


def _load(
    page: Any,
    url: str,
    recorder: _Recorder,
    options: VisitOptions,
    deadline: float,
    error: type[BaseException],
) -> None:
    if time.monotonic() >= deadline:
        raise VisitError(f"{url}: the visit ran out of its time limit ({options.timeout:.0f} s; --timeout)")
    recorder.page = url
    capped = _left(deadline) < options.page_timeout * 1000
    timeout = min(options.page_timeout * 1000, _left(deadline))
    try:
        page.goto(url, wait_until="load", timeout=timeout)
    except error as exc:
        text = str(exc)
        if "Timeout" in text or "timeout" in text:
            if capped:
                raise VisitError(
                    f"{url}: the page had not finished loading when the visit's time limit ran out "
                    f"({options.timeout:g} s; --timeout)"
                ) from None
            raise VisitError(
                f"{url}: the page did not finish loading within {options.page_timeout:g} s"
            ) from None
        words = text.replace(" at ", " ").split()
        reason = next((w for w in words if w.startswith("net::")), text.splitlines()[0] if text else "")
        raise _Unreachable(f"{url}: cannot be reached ({reason})") from None
    if url not in recorder.pages:
        recorder.pages.append(url)
    _settle(page, options, deadline)


def _settle(page: Any, options: VisitOptions, deadline: float) -> None:
    """Give late requests (beacons sent after load or after a click) a moment, within the time limit.

    Playwright's "networkidle" is reached once per page and not again after a click, so this waits a
    fixed ``settle`` time in the page instead.
    """
    wait = min(options.settle * 1000, _left(deadline) - 1)
    if wait > 0:
        with contextlib.suppress(Exception):  # a page that closed or navigated away
            page.wait_for_timeout(wait)


def _click(page: Any, selector: str, url: str, deadline: float, error: type[BaseException]) -> None:
    try:
        page.click(selector, timeout=min(10_000, _left(deadline)))
    except error as exc:
        first = str(exc).strip().splitlines()[0]
        raise VisitError(f"{url}: cannot click the consent button {selector!r} ({first})") from None
