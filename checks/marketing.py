"""Direct marketing: the absolute right to object (GDPR Art. 21(2)-(4)) and, in Norway, the prior consent
that markedsføringsloven § 15 asks for e-mail and SMS marketing to individuals.

An activity is direct marketing when it declares `direct_marketing` (with its channels and, for e-mail
and SMS, the ground under § 15). These rules read only that structured item: a statement that markets
without declaring it is not recognised.
"""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import (
    Activity,
    CheckContext,
    Hit,
    MarketingChannel,
    Right,
    Text,
    is_norwegian,
    rule,
)

MFL = "markedsføringsloven § 15 (LOV-2009-01-09-2)"
_MARKETING_WORDS = ("markedsføring", "marketing", "reklame", "nyhetsbrev", "newsletter")


def _marketing(ctx: CheckContext) -> list[tuple[int, Activity]]:
    return [(i, a) for i, a in enumerate(ctx.statement.activities) if a.direct_marketing is not None]


def _texts(text: Text | None) -> list[str]:
    if text is None:
        return []
    return [text.root] if isinstance(text.root, str) else list(text.root.values())


def _ids(found: list[tuple[int, Activity]]) -> str:
    return ", ".join(a.id for _, a in found)


_MARKETING_ACTIVITY = """
    activities:
      - id: nyhetsbrev
        purpose: Sende nyhetsbrev med tilbud til kunder
        legal_basis: "6(1)(a)"
        direct_marketing: {channels: [email], electronic_ground: prior_consent}
"""


@rule(
    code="MKT001",
    name="marketing-objection-missing",
    basis="statute",
    legal=["GDPR Art. 21(2)", "GDPR Art. 21(3)", "GDPR Art. 21(4)", "GDPR Art. 13(2)(b)"],
    fix=(
        "Add 'objection' to rights.offered and write under rights.objection, apart from the other rights, "
        "that the person may object at any time to direct marketing, without giving reasons, and that "
        "the data are then no longer used for it."
    ),
    fails=_MARKETING_ACTIVITY
    + """
    rights:
      offered: [access, rectification, erasure, restriction, portability]
      objection: null
    """,
    passes=_MARKETING_ACTIVITY
    + """
    rights:
      offered: [access, rectification, erasure, restriction, portability, objection]
      objection: >-
        Du kan når som helst protestere mot at vi bruker opplysningene til markedsføring. Du trenger
        ikke å begrunne det.
    """,
)
def marketing_objection_missing(ctx: CheckContext) -> Iterator[Hit]:
    """Direct marketing comes with the right to object to it, presented separately.

    Art. 21(2) gives the person the right to object at any time to processing for direct marketing,
    including profiling related to it; unlike the right of Art. 21(1) it needs no reason and has no
    exception: on objection the data are no longer processed for that purpose (21(3)). Art. 21(4)
    requires the right to be brought explicitly to the person's attention, clearly and separately
    from other information, at the latest at the first communication. In this format that is
    `objection` in rights.offered and the separate rights.objection text. The rule fires where an
    activity declares direct_marketing and either is missing, whatever the activity's legal basis.
    """
    found = _marketing(ctx)
    if not found:
        return
    rights = ctx.statement.rights
    offered = Right.OBJECTION in (rights.offered if rights else [])
    separate = rights is not None and any(t.strip() for t in _texts(rights.objection))
    if offered and separate:
        return
    missing = " and ".join(
        part
        for part, lacking in (
            ("'objection' in rights.offered", not offered),
            ("rights.objection", not separate),
        )
        if lacking
    )
    yield Hit(
        "/rights" if rights is not None else f"/activities/{found[0][0]}",
        f"the activities {_ids(found)} are direct marketing, which the person may object to at any time "
        f"without giving reasons (Art. 21(2)-(3)), but the statement lacks {missing}; present that right "
        "separately from the other information (Art. 21(4))",
    )


@rule(
    code="MKT002",
    name="marketing-objection-unworded",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 21(2)", "GDPR Art. 21(4)"],
    fix=(
        "Say in rights.objection that the person may object to direct marketing at any time, without "
        "giving reasons, and how."
    ),
    fails=_MARKETING_ACTIVITY
    + """
    rights:
      objection: Du kan protestere mot behandling som bygger på vår berettigede interesse.
    """,
    passes=_MARKETING_ACTIVITY
    + """
    rights:
      objection: >-
        Du kan når som helst protestere mot at vi bruker opplysningene til markedsføring. Du trenger
        ikke å begrunne det.
    """,
)
def marketing_objection_unworded(ctx: CheckContext) -> Iterator[Hit]:
    """The separate objection text mentions direct marketing where the statement markets.

    A rights.objection text that speaks only of the right of Art. 21(1) (grounds relating to the
    person's situation, the controller's compelling grounds) does not tell the reader of the absolute
    right of Art. 21(2). The rule fires where an activity declares direct_marketing and the objection
    text, in every language, contains none of the words "markedsføring", "reklame", "nyhetsbrev",
    "marketing" or "newsletter". It reads words, not meaning, hence a warning; a missing text is
    marketing-objection-missing (MKT001).
    """
    found = _marketing(ctx)
    rights = ctx.statement.rights
    texts = _texts(rights.objection) if rights else []
    if not found or not any(t.strip() for t in texts):
        return
    if any(word in t.lower() for t in texts for word in _MARKETING_WORDS):
        return
    yield Hit(
        "/rights/objection",
        f"the activities {_ids(found)} are direct marketing, but rights.objection does not mention "
        "marketing; say that the person may object to direct marketing at any time, without giving reasons",
    )


@rule(
    code="MKT003",
    name="electronic-marketing-ground",
    basis="statute",
    certainty="inferred",
    legal=[MFL, "ePrivacy Directive Art. 13"],
    fix=(
        "Give direct_marketing.electronic_ground: prior_consent (the person asked for it, in advance), or "
        "existing_customer (the address was obtained in a sale, the marketing is for your own similar "
        "products, and the person can refuse easily and free of charge at collection and in every message)."
    ),
    fails="""
    activities:
      - id: nyhetsbrev
        purpose: Sende nyhetsbrev med tilbud til kunder
        legal_basis: "6(1)(f)"
        legitimate_interest: Å tilby kundene våre nye behandlinger.
        direct_marketing: {channels: [email, sms]}
    """,
    passes="""
    activities:
      - id: nyhetsbrev
        purpose: Sende nyhetsbrev med tilbud til kunder
        legal_basis: "6(1)(f)"
        legitimate_interest: Å tilby kundene våre nye behandlinger.
        direct_marketing: {channels: [email, sms], electronic_ground: existing_customer}
    """,
)
def electronic_marketing_ground(ctx: CheckContext) -> Iterator[Hit]:
    """E-mail and SMS marketing to individuals rests on prior consent or an existing customer relation.

    markedsføringsloven § 15 (implementing ePrivacy Art. 13) forbids a trader to send marketing by
    e-mail, SMS and similar electronic means to a natural person who has not consented in advance. The
    exception of § 15 third paragraph covers an existing customer relation: the address was obtained in
    connection with a sale, the marketing concerns the trader's own similar products, and the person
    is given a simple and free way to refuse when the address is collected and in every message. This
    consent is a question of its own, separate from the GDPR Art. 6 basis of the processing. The rule
    applies under Norwegian law to an activity whose direct_marketing channels include e-mail or SMS
    and that gives no electronic_ground. It is a warning: § 15 concerns natural persons, and marketing
    sent only to business addresses ("post@firma.no") is outside it, which the statement may not show.
    """
    if not is_norwegian(ctx.statement):
        return
    electronic = {MarketingChannel.EMAIL, MarketingChannel.SMS}
    for i, activity in _marketing(ctx):
        marketing = activity.direct_marketing
        assert marketing is not None
        used = [c.value for c in marketing.channels if c in electronic]
        if used and marketing.electronic_ground is None:
            yield Hit(
                f"/activities/{i}/direct_marketing",
                f"activity '{activity.id}' sends marketing by {' and '.join(used)}, which markedsføringsloven "
                "§ 15 allows to individuals only with their prior consent or within an existing customer "
                "relation; give direct_marketing.electronic_ground: prior_consent or existing_customer",
            )
