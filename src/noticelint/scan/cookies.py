"""Cookie headers and sites: what a ``Set-Cookie`` line sets, and whether a host belongs to the site."""

from __future__ import annotations

import email.utils
import ipaddress
import time

# Second-level suffixes under which a registrable domain has three labels. Not the whole Public Suffix
# List: a site on another such suffix is compared on its last two labels, which only makes more of its
# own hosts look like third parties, never fewer.
_TWO_LABEL_SUFFIXES = frozenset(
    {"co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "com.br", "co.za",
     "github.io", "netlify.app", "vercel.app", "pages.dev", "web.app", "firebaseapp.com", "herokuapp.com"}
)  # fmt: skip


def registrable_domain(host: str) -> str:
    """``www.example.no`` -> ``example.no``; an IP address or ``localhost`` stays as it is."""
    host = host.lower().strip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    if ".".join(labels[-2:]) in _TWO_LABEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def parse_set_cookie(line: str, host: str, now: float | None = None) -> tuple[str, str, float | None] | None:
    """Name, domain and lifetime in days (``None``: a session cookie) of one ``Set-Cookie`` value.

    ``Max-Age`` wins over ``Expires`` (RFC 6265 § 5.3); a cookie that is deleted (no lifetime left) is
    ``None`` as a whole, since nothing stays on the device.
    """
    first, *attributes = line.split(";")
    name, sep, _ = first.partition("=")
    name = name.strip()
    if not sep or not name:
        return None
    domain = host
    max_age: float | None = None
    expires: float | None = None
    for attribute in attributes:
        key, _, value = attribute.partition("=")
        key, value = key.strip().lower(), value.strip()
        if key == "domain" and value:
            domain = value.lstrip(".").lower()
        elif key == "max-age":
            try:
                max_age = int(value) / 86400
            except ValueError:
                continue
        elif key == "expires":
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                continue
            expires = (when.timestamp() - (time.time() if now is None else now)) / 86400
    days = max_age if max_age is not None else expires
    if days is not None and days <= 0:
        return None
    return name[:200], domain[:253], days
