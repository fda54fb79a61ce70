"""Evidence from a HAR file (HTTP Archive 1.2), as any browser's developer tools or a proxy saves it.

Every entry's request becomes a request; its ``Set-Cookie`` headers (and the HAR's own ``cookies`` list
of the response) become cookies. A HAR does not say whether the user had consented, so the caller says
which phase it was recorded in (``--phase``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from noticelint.format.evidence import (
    Evidence,
    EvidenceSource,
    ObservedCookie,
    ObservedRequest,
    Origin,
    Phase,
)
from noticelint.scan.cookies import parse_set_cookie, registrable_domain
from noticelint.scan.vendors import cookie_service, service_for_url

DEFAULT_MAX_HAR_SIZE = 200 * 1024 * 1024


class HarError(Exception):
    """A HAR file that cannot be read: the message says where."""


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def read_har(path: Path, phase: Phase, max_size: int = DEFAULT_MAX_HAR_SIZE) -> Evidence:
    display = str(path)
    try:
        size = path.stat().st_size
        if size > max_size:
            raise HarError(
                f"{display}: {size / 1048576:.0f} MB, over the limit of {max_size / 1048576:.0f} MB"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise HarError(f"{display}: cannot be read: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise HarError(f"{display}: not a HAR file: not UTF-8 text at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise HarError(f"{display}:{exc.lineno}:{exc.colno}: not a HAR file: not JSON ({exc.msg})") from None
    except RecursionError:
        raise HarError(f"{display}: not a HAR file: nested too deeply") from None
    return har_evidence(data, display, phase)


def _require(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind):
        raise HarError(f"{where}: not a HAR file: expected {kind.__name__}, found {type(value).__name__}")
    return value


def har_evidence(data: Any, display: str, phase: Phase) -> Evidence:
    log = _require(_require(data, dict, display).get("log"), dict, f"{display}: log")
    entries = _require(log.get("entries"), list, f"{display}: log.entries")
    pages_by_id: dict[str, str] = {}
    for page in log.get("pages") or []:
        if isinstance(page, dict) and isinstance(page.get("id"), str):
            pages_by_id[page["id"]] = str(page.get("title") or page["id"])
    first_url = ""
    requests: list[ObservedRequest] = []
    cookies: list[ObservedCookie] = []
    pages: list[str] = []
    seen: set[tuple[str, str]] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"{display} entry {number}"
        entry = _require(entry, dict, where)
        request = _require(entry.get("request"), dict, f"{where}: request")
        url = _require(request.get("url"), str, f"{where}: request.url")
        first_url = first_url or url
        page = pages_by_id.get(str(entry.get("pageref")), "") or first_url
        if page not in pages:
            pages.append(page)
        host = _host(url)
        site = registrable_domain(_host(page))
        initiator = entry.get("_initiator")
        initiator_text = ""
        if isinstance(initiator, dict):
            initiator_text = str(initiator.get("url") or initiator.get("type") or "")
        origin = Origin(kind=EvidenceSource.HAR, where=where)
        requests.append(
            ObservedRequest(
                page=page,
                url=url[:2000],
                host=host,
                kind=str(entry.get("_resourceType") or "request"),
                initiator=initiator_text[:500],
                third_party=registrable_domain(host) != site,
                phase=phase,
                origin=origin,
                service=service_for_url(url),
            )
        )
        # A cookie the browser sends to the site was set before: by a script (document.cookie) or an earlier
        # page. Cookies sent to other hosts are left out: the browser may hold them from elsewhere (a
        # visitor logged in to a social network), so they are not evidence of what this site does.
        first_party = registrable_domain(host) == site
        for sent in request.get("cookies") or [] if first_party else []:
            name = str(sent.get("name", "")).strip() if isinstance(sent, dict) else ""
            if name and (name, host) not in seen:
                seen.add((name, host))
                service, retention = cookie_service(name, host)
                cookies.append(
                    ObservedCookie(
                        name=name[:200],
                        domain=host,
                        page=page,
                        phase=phase,
                        origin=origin,
                        service=service,
                        retention=retention,
                    )
                )
        response = entry.get("response")
        if not isinstance(response, dict):
            continue
        for header in response.get("headers") or []:
            if not isinstance(header, dict) or str(header.get("name", "")).lower() != "set-cookie":
                continue
            for line in str(header.get("value", "")).split("\n"):
                parsed = parse_set_cookie(line, host)
                if parsed is None:
                    continue
                name, domain, days = parsed
                seen.add((name, domain))
                service, retention = cookie_service(name, domain)
                cookies.append(
                    ObservedCookie(
                        name=name,
                        domain=domain,
                        page=page,
                        expires_days=days,
                        third_party=registrable_domain(domain) != site,
                        phase=phase,
                        origin=origin,
                        service=service,
                        retention=retention,
                    )
                )
    return Evidence(
        site=display,
        sources=[EvidenceSource.HAR],
        phases=[phase],
        pages=pages,
        requests=requests,
        cookies=cookies,
    )
