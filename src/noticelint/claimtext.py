"""Helpers shared by the cookie (CKE), clarity (TXT) and claims (CON) rules.

They locate things and describe places; they never decide what is wrong. Kept apart from the rule
modules so that the three themes read the statement in the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.context import CheckContext
from noticelint.knowledge import Knowledge, Vendor
from noticelint.model import Party, PrivacyStatement
from noticelint.prose import Sentence, sentences
from noticelint.textscan import Needles
from noticelint.vendormatch import find_vendors
from noticelint.wording import Wording

# A link target in the wording: an http(s) URL, a bare www. address or a [label](url) link.
LINK_TARGET = re.compile(
    r"https?://\S+|(?<![\w@])www\.[\w-]+(?:\.[\w-]+)+|\[[^\]]+\]\([^)\s]+\)", re.IGNORECASE
)
# Contact channels written into a sentence: an e-mail address, a URL or a telephone number.
CHANNEL_IN_TEXT = re.compile(
    r"(?<![^@\s])[^@\s]+@[^@\s]+\.\w+|https?://\S+|(?<![\w@])www\.[\w-]+(?:\.[\w-]+)+|(?<!\d)(?<!\d )\+?\d[\d ]{6,}\d",
    re.IGNORECASE,
)

_TOP_LEVEL = {
    "statement": "the statement information",
    "controller": "the controller",
    "representative": "the EU representative",
    "dpo": "the data protection officer",
    "rights": "the rights",
    "complaint": "the complaint",
}


def place(statement: PrivacyStatement, pointer: str) -> str:
    """Where ``pointer`` is, in words a statement author recognises.

    ``/activities/2/retention/text/nb`` -> ``activity 'e-post' (retention.text, nb)``.
    """
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    if not tokens:
        return "the statement"
    head, rest = tokens[0], tokens[1:]
    label = _TOP_LEVEL.get(head, head)
    ids = {
        "activities": ("activity", [a.id for a in statement.activities]),
        "parties": ("party", [p.id for p in statement.parties]),
        "sections": ("section", [s.id for s in statement.sections]),
    }
    if head in ids and rest and rest[0].isdigit():
        kind, known = ids[head]
        index = int(rest[0])
        label = f"{kind} '{known[index]}'" if index < len(known) else f"{kind} {index + 1}"
        rest = rest[1:]
    elif head == "transfers" and rest and rest[0].isdigit():
        index = int(rest[0])
        transfers = statement.transfers
        label = f"the transfer to '{transfers[index].recipient}'" if index < len(transfers) else "a transfer"
        rest = rest[1:]
    if not rest:
        return label
    language = ""
    if rest[-1] in statement.statement.languages:
        language = rest.pop()
    path = ".".join(f"[{t}]" if t.isdigit() else t for t in rest).replace(".[", "[")
    detail = ", ".join(part for part in (path, language) if part)
    return f"{label} ({detail})" if detail else label


def wording_sentences(ctx: CheckContext) -> Iterator[tuple[Wording, Sentence]]:
    """Every sentence of every text, with the text it belongs to."""
    for item in ctx.wording:
        for sentence in sentences(item.text):
            yield item, sentence


def sentences_that_may_match(ctx: CheckContext, needles: Needles) -> Iterator[tuple[Wording, Sentence]]:
    """The sentences of :func:`wording_sentences` that may match the patterns behind ``needles``.

    A rule that reads only sentences its patterns match may read these instead: the others cannot match.
    """
    may_match = needles.may_match
    for item in ctx.wording:
        if may_match(item.text):
            for sentence in sentences(item.text):
                if may_match(sentence.text):
                    yield item, sentence


def item_sentences_that_may_match(item: Wording, needles: Needles) -> Iterator[Sentence]:
    """The sentences of one text that may match the patterns behind ``needles``."""
    if needles.may_match(item.text):
        for sentence in sentences(item.text):
            if needles.may_match(sentence.text):
                yield sentence


def is_norwegian(statement: PrivacyStatement) -> bool:
    """Whether Norwegian law applies: the statement's jurisdiction is NO, or, where no jurisdiction is
    given, the controller is established in Norway."""
    jurisdiction = statement.statement.jurisdiction
    if jurisdiction is not None:
        return jurisdiction == "NO"
    return statement.controller.country == "NO"


def party_vendor(knowledge: Knowledge, party: Party) -> Vendor | None:
    """The vendor-table row for a party, matched on its trade name, then its legal name.

    Only service names and aliases count: an entity name such as "Google Ireland Limited" stands behind
    several services and says nothing about which one is used.
    """
    for name in (party.trade_name, party.legal_name):
        if not name:
            continue
        vendor = knowledge.vendor_named(name)
        if vendor is None:
            found = find_vendors(knowledge, name)
            vendor = found[0][0] if found else None
        if vendor is not None:
            return vendor
    return None


def cookie_note(vendor: Vendor) -> str | None:
    """How sure the vendor table is that ``vendor`` sets cookies: a phrase for a message, or ``None``.

    "believed yes (verify)" counts too (the safer reading), and the message says it is unconfirmed.
    """
    if vendor.sets_cookie:
        return "sets cookies"
    if vendor.sets_cookies.strip().lower().startswith("believed yes"):
        return "is believed to set cookies (unconfirmed in the vendor table)"
    return None
