"""The stated scope: a statement that says it covers only the website while it describes processing
that has nothing to do with the website (telephone logs, e-mail, work in the shop or the workshop).

Art. 13 applies to all personal data the controller collects from the person, however it collects them.
A scope or a rights sentence limited to the website ("personopplysninger som samles inn på nettsiden",
"Som bruker av nettsidene våre har du rett til …") tells the reader that what they give by phone, e-mail
or in person is not covered, and that their rights reach only what the website collects (Art. 5(1)(a),
12(1), 13).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    Activity,
    CheckContext,
    Hit,
    lazy,
    needles,
    place,
    rule,
    sentences_that_may_match,
)

_WEB_ONLY = lazy(
    r"\bnettbasert\w*\s+behandling\w*"
    r"|\b(?:samles\s+inn|innhentes|registreres|behandles|samler\s+(?:vi\s+)?inn)\s+(?:på|via|gjennom)\s+"
    r"(?:denne\s+|våre?\s+)?(?:nettsiden|nettsidene|nettstedet|nettside)\w*"
    r"|\bsom\s+(?:bruker|besøkende)\s+(?:av|på)\s+(?:nettsiden|nettsidene|nettstedet)\w*"
    r"|\b(?:collected|gathered|processed)\s+(?:on|through|via)\s+(?:this|our)\s+(?:website|site|web\s+site)\b"
    r"|\bas\s+a\s+(?:user|visitor)\s+(?:of|to)\s+(?:this|our)\s+(?:website|site)\b"
    r"|\b(?:this\s+(?:policy|notice|statement))\s+(?:only\s+)?(?:applies|covers)\s+(?:only\s+)?(?:to\s+)?"
    r"(?:this|our)\s+website\b",
    re.IGNORECASE,
)
_WEB_WORDS = needles("nettbasert|nettsid|nettsted|website|site")
# Processing that is not on the website: telephone, e-mail correspondence, letters, the shop, the workshop.
_OFFLINE = lazy(
    r"\btelefon\w*|\be-post(?!adresse)\w*|\bepost(?!adresse)\w*|\bsamtale\w*|\bbrev\b|\bpapir\w*|\bbutikken\b|"
    r"\breparasjon\w*|\bverksted\w*|\boppmøte\w*|\btelephone\b|\bphone\s+calls?\b|\bcalls?\b|"
    r"\be-?mails?\b(?!\s+address)|\bin[- ]person\b|\bin\s+(?:the|our)\s+shop\b|\bletters?\b|\bon\s+paper\b",
    re.IGNORECASE,
)
# Where a statement sets its scope or the reach of the rights.
_SCOPE_PLACES = ("/statement/scope", "/statement/text", "/controller/text", "/rights/text")


def _offline(ctx: CheckContext, activity: Activity) -> bool:
    words = [activity.id.replace("-", " ")]
    if activity.purpose is not None:
        words.extend(activity.purpose.languages(ctx.language).values())
    return bool(_OFFLINE.search(" ".join(words)))


@rule(
    code="SCP001",
    name="scope-narrower-than-processing",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)", "GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"],
    fix=(
        "Say that the statement covers all processing by the controller (the website, telephone, e-mail, the "
        "shop), and offer the rights to everyone whose data you process, not only to users of the website."
    ),
    fails="""
    controller:
      text:
        nb: Klinikken er behandlingsansvarlig for personopplysninger som samles inn på nettsiden.
        en: The clinic is the controller for personal data collected on our website.
    activities:
      - id: telefon
        purpose: {nb: Svare på telefonsamtaler, en: Answering telephone calls}
        legal_basis: 6(1)(f)
        legitimate_interest: {nb: Å svare dem som ringer, en: To answer callers}
        retention: {period: P1M}
    """,
    passes="""
    controller:
      text:
        nb: Klinikken er behandlingsansvarlig for personopplysningene den behandler.
        en: The clinic is the controller for the personal data it processes.
    activities:
      - id: telefon
        purpose: {nb: Svare på telefonsamtaler, en: Answering telephone calls}
        legal_basis: 6(1)(f)
        legitimate_interest: {nb: Å svare dem som ringer, en: To answer callers}
        retention: {period: P1M}
    """,
)
def scope_narrower_than_processing(ctx: CheckContext) -> Iterator[Hit]:
    """A statement limited to the website does not describe processing off the website.

    The rule reads the statement's scope text, its introduction, the controller's text and the rights
    text for a limit to the website ("nettbasert behandling av personopplysninger", "… som samles inn på
    nettsiden", "Som bruker av nettsidene våre har du rett til …", "collected on our website", "as a
    user of our website"), and reports each such sentence when an activity is plainly not on the website:
    its id or purpose speaks of the telephone, e-mail correspondence, calls, letters, paper, the shop or a
    repair workshop. A reader then believes that what they give by phone or e-mail, or in person, is not
    covered, and that their rights reach only the website's data. It is a warning: the scope wording may
    be loose rather than meant.
    """
    offline = [a.id for a in ctx.statement.activities if _offline(ctx, a)]
    if not offline:
        return
    shown = ", ".join(f"'{a}'" for a in offline[:3]) + (
        f" and {len(offline) - 3} more" if len(offline) > 3 else ""
    )
    for item, sentence in sentences_that_may_match(ctx, _WEB_WORDS):
        if not item.pointer.startswith(_SCOPE_PLACES):
            continue
        match = _WEB_ONLY.search(sentence.text)
        if match is None:
            continue
        rights = item.pointer.startswith("/rights")
        what = (
            "offers the rights only to users of the website"
            if rights
            else "limits the statement to the website"
        )
        yield Hit(
            item.pointer,
            f"'{' '.join(match.group(0).split())}' in {place(ctx.statement, item.pointer)} {what}, but the "
            f"activities {shown} are not on the website; say that the statement (and the rights) cover all the "
            "processing it describes",
            offset=sentence.start,
            length=len(sentence.text),
        )
