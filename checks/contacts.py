"""Contact data that cannot work: an incomplete postal address, an e-mail domain a small edit away from
the statement's own domain, and a person or office to contact with no channel given.

Art. 13(1)(a) and 14(1)(a) ask for the controller's contact details, and Art. 12(2) asks the controller
to make the rights easy to exercise. Contact details that are present but cannot be used (a letter
without postcode or town does not arrive; a misspelt domain bounces every e-mail) fail the reader just as
missing ones do, and the reader cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    CHANNEL_IN_TEXT,
    CheckContext,
    Hit,
    lazy,
    needles,
    place,
    rule,
    sentences_that_may_match,
)


def _controller_name(ctx: CheckContext) -> str:
    controller = ctx.statement.controller
    return controller.trade_name or controller.legal_name or controller.id


@rule(
    code="CNT001",
    name="postal-address-incomplete",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)", "GDPR Art. 12(2)"],
    fix="Give the whole postal address: street or PO box, postal code and town (e.g. Storgata 1, 0155 Oslo).",
    fails="""
    controller:
      contact:
        postal_address: {street: Dyrevegen 1, postal_code: null, city: null}
    """,
    passes="""
    controller:
      contact:
        postal_address: {street: Dyrevegen 1, postal_code: "1234", city: Eksempelby}
    """,
)
def postal_address_incomplete(ctx: CheckContext) -> Iterator[Hit]:
    """A postal address given for the controller, its DPO or representative can carry a letter.

    A letter needs a postal code and a town besides the street or PO box; an address without them
    gives the reader a channel that does not work (Art. 12(2), 13(1)(a)). The rule reports each postal
    address (of the controller, the data protection officer, the representative or the rights channels)
    that has a street but lacks the postal code or the town, or has a town but neither street nor code.
    It is a warning: where the town is small a letter may still arrive, but the reader cannot know.
    """
    statement = ctx.statement
    places = [("/controller/contact", statement.controller.contact)]
    if statement.dpo is not None:
        places.append(("/dpo/contact", statement.dpo.contact))
    representative = getattr(statement, "representative", None)
    if representative is not None:
        places.append(("/representative/contact", getattr(representative, "contact", None)))
    for pointer, contact in places:
        address = getattr(contact, "postal_address", None) if contact is not None else None
        if address is None:
            continue
        missing = [
            label
            for label, value in (("postal code", address.postal_code), ("town", address.city))
            if not (value and value.strip())
        ]
        has_street = bool(address.street and address.street.strip())
        if (has_street and missing) or (not has_street and missing == ["postal code"]):
            yield Hit(
                f"{pointer}/postal_address",
                f"the postal address in {place(statement, pointer)} has no {' or '.join(missing)}, so a letter "
                "cannot be addressed with it; give street or PO box, postal code and town",
            )


# --- an e-mail domain a small edit away from the statement's own domain ------------------------------

_EMAIL = lazy(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_HOST = lazy(r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_URL_IN_TEXT = lazy(
    r"https?://(?:www\.)?([\w-]+(?:\.[\w-]+)+)|(?<![\w@.])www\.([\w-]+(?:\.[\w-]+)+)", re.IGNORECASE
)


def _distance(a: str, b: str, limit: int = 2) -> int:
    """The edit distance between ``a`` and ``b`` (insert, delete, substitute, swap), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _own_domains(ctx: CheckContext) -> set[str]:
    """The statement's own domains: its sites, the controller's web form and the links in its wording."""
    statement = ctx.statement
    found: set[str] = set()
    scope = statement.statement.scope
    for site in scope.sites if scope is not None else []:
        if (match := _HOST.match(site.strip())) is not None:
            found.add(match.group(1).lower())
    contact = statement.controller.contact
    if contact is not None and contact.web_form and (match := _HOST.match(str(contact.web_form))) is not None:
        found.add(match.group(1).lower())
    for item in ctx.wording:
        for match in _URL_IN_TEXT.finditer(item.text):
            found.add((match.group(1) or match.group(2)).lower())
    return found


def _emails(ctx: CheckContext) -> Iterator[tuple[str, str, int | None, int]]:
    """Every e-mail address: (pointer, address, offset in the wording or None, length)."""
    statement = ctx.statement
    for pointer, contact in (("/controller/contact/email", statement.controller.contact),):
        if contact is not None and contact.email:
            yield pointer, str(contact.email), None, 0
    for item in ctx.wording:
        for match in _EMAIL.finditer(item.text):
            yield item.pointer, match.group(0), match.start(), len(match.group(0))


@rule(
    code="CNT002",
    name="email-domain-misspelt",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(a)", "GDPR Art. 12(2)"],
    fix="Correct the e-mail address to the domain the organisation actually uses, and test that it arrives.",
    fails="""
    controller:
      contact:
        email: personvern@exmaple.no
    statement:
      scope:
        sites: [www.example.no]
    """,
    passes="""
    controller:
      contact:
        email: personvern@example.no
    statement:
      scope:
        sites: [www.example.no]
    """,
)
def email_domain_misspelt(ctx: CheckContext) -> Iterator[Hit]:
    """An e-mail address is not on a domain one or two letters away from the statement's own domain.

    "personvern@exmaple.no" beside the site www.example.no, or "hello@peregreinecoast.press" beside
    links to peregrinecoast.press, is almost certainly a typing error: mail to it bounces or reaches a
    stranger, and the reader has no working channel (Art. 12(2), 13(1)(a)). The statement's own domains
    are its scope.sites, the controller's web form and the web addresses in its wording; an e-mail
    domain counts as misspelt when it is not one of them but within two edits (a letter added, dropped,
    changed or two swapped) of one, the two being at least six letters long. Other domains (a free-mail
    address, a provider's domain) are not judged.
    """
    own = _own_domains(ctx)
    if not own:
        return
    reported: set[str] = set()
    for pointer, address, offset, length in _emails(ctx):
        domain = address.rsplit("@", 1)[1].lower().rstrip(".")
        if domain in own or domain in reported or len(domain) < 6:
            continue
        near = sorted(d for d in own if len(d) >= 6 and 0 < _distance(domain, d) <= 2)
        if not near:
            continue
        reported.add(domain)
        yield Hit(
            pointer,
            f"the e-mail address {address} is on the domain {domain}, a letter or two away from the "
            f"statement's own domain {near[0]}; if that is a typing error, mail to it does not arrive: "
            f"correct it to the domain in use",
            offset=offset,
            length=length,
        )


# --- "contact the secretary" with no channel -------------------------------------------------------

_OFFICE = lazy(
    r"\b(?:kontakt(?:e)?|ta\s+kontakt\s+med|henvend\s+deg\s+til|skriv\s+til|send\s+\w+\s+til|gi\s+beskjed\s+til)\s+"
    r"(?:vår\s+|vårt\s+|våre\s+)?(?:styret|styreleder\w*|sekretær\w*|leder\w*|daglig\s+leder|kundeservice\w*|"
    r"support\w*|administrasjon\w*|kontoret|personvernansvarlig\w*|personvernombud\w*)"
    r"|\b(?:contact|write\s+to|e-?mail|tell|notify|inform)\s+(?:the\s+|our\s+)?(?:\w+['’]s\s+)?(?:club\s+)?"
    r"(?:secretary|chair\w*|committee|board|support(?:\s+(?:team|address|desk))?|customer\s+service|office|"
    r"data\s+protection\s+lead|privacy\s+team)"
    r"|\b(?:our|vår|vårt)\s+(?:support\s+address|supportadresse|support-?adresse)\b"
    r"|\b(?:the\s+)?(?:club['’]s\s+)?secretary\s+in\s+the\s+first\s+instance",
    re.IGNORECASE,
)
_OFFICE_WORDS = needles(
    "styre|sekretær|leder|kundeservice|support|administrasjon|kontoret|personvernansvarlig|personvernombud|"
    "secretary|chair|committee|board|customer|office|protection|privacy"
)


@rule(
    code="CNT003",
    name="office-without-channel",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 12(2)", "GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)"],
    fix=(
        "Give the channel in the sentence or under controller.contact ('kontakt styret på styret@…'), or "
        "send the reader to a channel the statement names."
    ),
    fails="""
    controller:
      contact: null
    statement:
      text:
        nb: Samtykket kan trekkes ved å kontakte styret.
        en: Please contact the Club's Secretary in the first instance.
    """,
    passes="""
    controller:
      contact:
        email: styret@example.no
    statement:
      text:
        nb: Samtykket kan trekkes ved å kontakte styret.
        en: Please contact the Club's Secretary in the first instance.
    """,
)
def office_without_channel(ctx: CheckContext) -> Iterator[Hit]:
    """A person or office the reader is sent to can be reached.

    "Kontakt styret", "ta kontakt med sekretæren", "kundeservice", "contact the Club's Secretary in the
    first instance", "our support address" send the reader to someone, but when the statement gives no
    channel at all (no e-mail, phone, web form or postal address for the controller, and none in the
    sentence), the reader cannot follow (Art. 12(2)). The missing contact details as such are reported
    by controller-contact (CTL002) and "kontakt oss" by CON003; this rule marks each sentence that
    relies on a named office. It is not reported when the controller has any channel, which the office
    may be reached through.
    """
    contact = ctx.statement.controller.contact
    if contact is not None and contact.channels():
        return
    for item, sentence in sentences_that_may_match(ctx, _OFFICE_WORDS):
        match = _OFFICE.search(sentence.text)
        if match is None or CHANNEL_IN_TEXT.search(sentence.text):
            continue
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split())}' sends the reader to someone at {_controller_name(ctx)}, but the "
            "statement gives no channel to reach them; give an e-mail address, phone number or postal address "
            "in the sentence or under controller.contact",
            offset=sentence.start,
            length=len(sentence.text),
        )
