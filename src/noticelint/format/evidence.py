"""What a site was seen to do: the evidence model that ``noticelint scan`` writes and the SCN rules read.

Evidence comes from three sources (the site's own files, a HAR file, a live visit with a browser), and
all three end up here in one shape: the requests the pages make (or would make, for files), the cookies
and the storage keys they leave, each with the page it was seen on, the consent phase it was seen in,
and where exactly it came from (``file:line`` for a source file, the entry number for a HAR, the page
and request for a visit). Services ("Google Analytics") and the Open Cookie Database's facts about a
cookie are filled in when the evidence is collected, so a saved evidence file can be checked again
(``render --evidence``) without the site.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

EVIDENCE_VERSION = 1


class Phase(enum.StrEnum):
    """When something was seen, relative to the user's consent."""

    BEFORE_CONSENT = "before-consent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNKNOWN = "unknown"  # the site's files: what a page loads, whatever the banner later does


class EvidenceSource(enum.StrEnum):
    FILE = "file"
    HAR = "har"
    VISIT = "visit"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Origin(_Model):
    """Where one item of evidence was found: ``public/index.html:12``, ``visit.har entry 14``."""

    kind: EvidenceSource
    where: str = Field(description="file:line, 'FILE entry N' or the page and request number")


class Service(_Model):
    """The organisation behind a host or a cookie, as the host table or the cookie database knows it."""

    name: str = Field(description="The service, e.g. 'Google Analytics'")
    organisation: str = Field(default="", description="Who provides it, e.g. 'Google'")
    category: str = Field(default="", description="analytics, advertising, fonts, cdn, video, functional …")
    source: str = Field(
        default="", description="Where the mapping comes from (host table, Open Cookie Database)"
    )

    @property
    def tracking(self) -> bool:
        """Analytics and advertising: never strictly necessary (ekomloven § 3-15)."""
        return self.category.lower() in {"analytics", "advertising", "marketing"}


class ObservedRequest(_Model):
    """A request a page makes, or (from its files) would make as soon as it loads."""

    page: str = Field(description="The page (URL or file) the request belongs to")
    url: str
    host: str
    kind: str = Field(default="request", description="script, link, img, iframe, preconnect, snippet, xhr …")
    initiator: str = Field(
        default="", description="What made the request: a script URL, the parser, a tag id"
    )
    detail: str = Field(default="", description="A tag id or similar: 'G-ABC123', 'GTM-XYZ', 'fbq init 1234'")
    third_party: bool = True
    phase: Phase = Phase.UNKNOWN
    origin: Origin
    service: Service | None = None


class ObservedCookie(_Model):
    """A cookie that a response set or the browser held."""

    name: str
    domain: str = ""
    page: str = ""
    expires_days: float | None = Field(
        default=None, description="Lifetime in days; none for a session cookie, or one seen only in a request"
    )
    third_party: bool = False
    phase: Phase = Phase.UNKNOWN
    origin: Origin
    service: Service | None = None
    retention: str = Field(
        default="", description="The Open Cookie Database's retention period, as it writes it"
    )


class ObservedStorage(_Model):
    """A key in localStorage or sessionStorage."""

    key: str
    area: str = Field(default="local", description="local or session")
    page: str = ""
    phase: Phase = Phase.UNKNOWN
    origin: Origin
    service: Service | None = None


class Evidence(_Model):
    """Everything seen on one site, from one or more sources."""

    evidence_version: int = EVIDENCE_VERSION
    site: str = Field(default="", description="The site folder, HAR file or start URL")
    sources: list[EvidenceSource] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list, description="The consent phases that were observed")
    pages: list[str] = Field(default_factory=list)
    requests: list[ObservedRequest] = Field(default_factory=list)
    cookies: list[ObservedCookie] = Field(default_factory=list)
    storage: list[ObservedStorage] = Field(default_factory=list)

    def observed(self) -> list[ObservedRequest | ObservedCookie | ObservedStorage]:
        """Every request, cookie and storage key, in that order."""
        return [*self.requests, *self.cookies, *self.storage]

    def services(self) -> Iterator[tuple[Service, ObservedRequest | ObservedCookie | ObservedStorage]]:
        """Every item of evidence that is attributed to a service, with its service."""
        for item in self.observed():
            if item.service is not None:
                yield item.service, item

    def to_json(self) -> str:
        return (
            json.dumps(self.model_dump(mode="json", exclude_defaults=False), indent=1, ensure_ascii=False)
            + "\n"
        )


class EvidenceError(Exception):
    """An evidence file that cannot be read: the message says where."""


def evidence_from_data(data: Any, where: str = "evidence") -> Evidence:
    """Evidence from parsed JSON; a problem is reported with the path of the item."""
    if isinstance(data, dict) and data.get("evidence_version", EVIDENCE_VERSION) != EVIDENCE_VERSION:
        raise EvidenceError(f"{where}: evidence_version {data.get('evidence_version')!r} is not 1")
    try:
        return Evidence.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = "/".join(str(p) for p in first["loc"]) or "(top)"
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise EvidenceError(
            f"{where}: not a noticelint evidence file: {path}: {first['msg']}{more}"
        ) from None


def evidence_from_json(text: str, where: str = "evidence") -> Evidence:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvidenceError(f"{where}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    return evidence_from_data(data, where)


