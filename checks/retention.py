"""Retention: how long the data of each activity are kept, or the criterion that decides it.

The reader must be able to work out how long their data are kept, per purpose (GDPR Art. 13(2)(a),
14(2)(a)). A period ("two years"), a criterion the reader can apply ("two years after the appointment",
"until you withdraw consent") or the statute that sets the period ("bokføringsloven § 13") will do;
"as long as necessary", "så lenge det er nødvendig" or "slettes på oppfordring" will not. Deleting data
when asked is the right to erasure (Art. 17), not a storage period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    Activity,
    CheckContext,
    Hit,
    Topic,
    Wording,
    has_text,
    patient_journal,
    rule,
    sentences,
)

# "så lenge det er nødvendig", "så lenge vi trenger dem", "så lenge det er behov", "as long as necessary",
# "as long as we need them", "no longer than necessary".
_AS_LONG_AS_NEEDED = re.compile(
    r"\bså\s+lenge\s+(?:det\s+er\s+|vi\s+(?:har\s+)?)?(?:nødvendig\w*|behov|trenger|bruk\s+for|påkrevd)\b"
    r"|\bikke\s+lenger\s+enn\s+(?:det\s+som\s+er\s+)?nødvendig\w*"
    r"|\bas\s+long\s+as\s+(?:(?:is|it\s+is|we|they\s+are)\s+)?(?:reasonably\s+)?(?:necessary|needed|required|need)\b"
    r"|\bno\s+longer\s+than\s+(?:is\s+)?(?:reasonably\s+)?(?:necessary|needed|required)\b",
    re.IGNORECASE,
)
# "når de ikke lenger er nødvendige / aktuelle", "when they are no longer needed".
_NO_LONGER_NEEDED = re.compile(
    r"\bnår\s+(?:de|det|opplysningene|dataene)\s+ikke\s+lenger\s+er\s+(?:nødvendig|aktuell|relevant)\w*"
    r"|\bwhen\s+(?:they\s+are\s+|it\s+is\s+)?no\s+longer\s+(?:needed|necessary|required|relevant)\b",
    re.IGNORECASE,
)
# "slettes på oppfordring", "på forespørsel", "når du ber om det", "deleted on request".
_ON_REQUEST = re.compile(
    r"\b(?:på|etter)\s+(?:oppfordring|forespørsel|anmodning)\b|\bnår\s+du\s+ber\s+(?:oss\s+)?om\s+det\b"
    r"|\b(?:on|upon)\s+(?:your\s+)?request\b|\bwhen\s+you\s+ask\s+(?:us\s+)?(?:to|for\s+it)\b",
    re.IGNORECASE,
)
# Words that add no period or criterion to those phrases ("Informasjon slettes … ved å kontakte oss",
# "We keep your personal data for the purposes of the processing …").
_FILLER = frozenset(
    {
        # Norwegian
        "vi",
        "du",
        "deg",
        "din",
        "ditt",
        "dine",
        "opplysningene",
        "opplysninger",
        "personopplysningene",
        "personopplysninger",
        "informasjon",
        "informasjonen",
        "dataene",
        "data",
        "lagrer",
        "lagres",
        "lagret",
        "oppbevarer",
        "oppbevares",
        "beholder",
        "beholdes",
        "slettes",
        "sletter",
        "slette",
        "blir",
        "bli",
        "vil",
        "skal",
        "kan",
        "er",
        "det",
        "den",
        "de",
        "dem",
        "disse",
        "og",
        "eller",
        "for",
        "å",
        "til",
        "med",
        "om",
        "i",
        "på",
        "av",
        "som",
        "formål",
        "formålet",
        "formålene",
        "behandlingen",
        "behandling",
        "ved",
        "kontakte",
        "kontakt",
        "oss",
        "vår",
        "våre",
        "vårt",
        "hos",
        # English (words shared with Norwegian, such as "for", are listed once)
        "we",
        "you",
        "your",
        "the",
        "a",
        "an",
        "personal",
        "information",
        "keep",
        "kept",
        "store",
        "stored",
        "retain",
        "retained",
        "hold",
        "held",
        "delete",
        "deleted",
        "erase",
        "erased",
        "will",
        "be",
        "is",
        "are",
        "it",
        "them",
        "they",
        "this",
        "these",
        "and",
        "or",
        "to",
        "of",
        "with",
        "in",
        "on",
        "by",
        "as",
        "purpose",
        "purposes",
        "processing",
        "contacting",
        "contact",
        "us",
        "our",
        "at",
        "which",
    }
)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", text.casefold())


def _vague_kind(text: str) -> str | None:
    """Why ``text`` is no storage period, if it is only a vague phrase and nothing else; else None."""
    found = [p for p in (_AS_LONG_AS_NEEDED, _NO_LONGER_NEEDED, _ON_REQUEST) if p.search(text)]
    if not found:
        return None
    rest = text
    for pattern in found:
        rest = pattern.sub(" ", rest)
    if not all(word in _FILLER for word in _words(rest)):
        return None
    if _ON_REQUEST in found and len(found) == 1:
        return "deleting data on request is the right to erasure (Art. 17), not a storage period"
    return "'as long as necessary' does not let the reader work out how long the data are kept"


def _field_wording(ctx: CheckContext, pointer: str) -> Iterator[Wording]:
    for item in ctx.wording:
        if item.field_pointer == pointer:
            yield item


def _vague_wording(ctx: CheckContext, pointer: str) -> tuple[Wording, str] | None:
    """The first language in which the text at ``pointer`` is only a vague phrase, with the reason."""
    for item in _field_wording(ctx, pointer):
        reason = _vague_kind(item.text)
        if reason:
            return item, reason
    return None


def _vague_retention(ctx: CheckContext, index: int, activity: Activity) -> tuple[Wording, str] | None:
    """The activity's retention rests only on a vague phrase: no period, no statute, and a criterion (or,
    without one, a retention text) that says only "as long as necessary" or "on request"."""
    retention = activity.retention
    if retention is None or retention.period or has_text(retention.statute):
        return None
    pointer = f"/activities/{index}/retention"
    if has_text(retention.criterion):
        return _vague_wording(ctx, f"{pointer}/criterion")
    if has_text(retention.text):
        return _vague_wording(ctx, f"{pointer}/text")
    return None


def _real_retention(ctx: CheckContext, index: int, activity: Activity) -> bool:
    """A period, a statute or a criterion that is more than a vague phrase."""
    retention = activity.retention
    if retention is None:
        return False
    if retention.period or has_text(retention.statute):
        return True
    return has_text(retention.criterion) and _vague_retention(ctx, index, activity) is None


_WHAT_TO_WRITE = (
    "give a period (retention.period, e.g. P2Y) or a criterion the reader can apply "
    "(e.g. 'to år etter siste time')"
)


# Wording that says the activity keeps no personal data of its own.
_NO_PERSONAL_DATA = re.compile(
    r"\banonym\w*|\baggregat\w*|\baggregert\w*|non-personally[- ]identifiable|not\s+personally\s+identifiable|"
    r"\b(?:does|do)\s+not\s+(?:store|keep|retain)\b|\bis\s+not\s+stored\b|\blagrer\s+(?:vi\s+)?ikke\b|"
    r"\blagres\s+ikke\b|ikke\s+(?:personidentifiserbar|identifiserbar)\w*",
    re.IGNORECASE,
)
# A purpose that is the disclosure of data kept for other purposes, or their deletion.
_DISCLOSURE_OR_DELETION = re.compile(
    r"\bdisclos\w*|law\s+enforcement|judicial\s+requests?|court\s+orders?|\butlever\w*|"
    r"\boffentliggjør\w*|\bhvis\s+loven\s+krever|\bdersom\s+loven\s+krever|"
    r"^\s*(?:å\s+)?slett\w*|^\s*(?:to\s+)?delet\w*|^\s*(?:to\s+)?eras\w*",
    re.IGNORECASE,
)


def _no_store_of_its_own(ctx: CheckContext, activity: Activity) -> bool:
    """Whether an activity without retention keeps no personal data of its own (see RET001)."""
    if activity.data_categories or activity.special_categories:
        return False
    default = ctx.statement.statement.default_language
    purposes = list(activity.purpose.languages(default).values()) if activity.purpose else []
    texts = list(activity.text.languages(default).values()) if activity.text else []
    # An analytics service said to work on "anonymised" data is a claim to check, not a reason for silence.
    alone = not activity.recipients and not activity.cookies
    if alone and any(_NO_PERSONAL_DATA.search(t) for t in (*purposes, *texts)):
        return True
    if any(_DISCLOSURE_OR_DELETION.search(p) for p in purposes):
        return True
    cookies = activity.cookies
    return (
        bool(cookies)
        and not activity.recipients
        and all(c.first_party and c.strictly_necessary for c in cookies)
    )


@rule(
    code="RET001",
    name="retention-missing",
    basis="statute",
    legal=["GDPR Art. 13(2)(a)", "GDPR Art. 14(2)(a)"],
    fix=(
        "Add retention to the activity with a period (ISO 8601, e.g. P2Y), a criterion the reader can apply "
        "(e.g. 'two years after the appointment') or the statute that sets the period."
    ),
    fails="""
    activities:
      - id: timebestilling
        retention: null
    """,
    passes="""
    activities:
      - id: timebestilling
        purpose: Ta imot timebestillinger
        legal_basis: "6(1)(b)"
        retention:
          period: P2Y
    """,
)
def retention_missing(ctx: CheckContext) -> Iterator[Hit]:
    """Every activity says how long its data are kept.

    Art. 13(2)(a) and 14(2)(a) require the storage period or, where that is not possible, the criteria
    used to determine it, for each purpose. An activity needs a retention with at least a period, a
    statute or a criterion; wording alone (retention.text) is not read as one, because the reader's period
    must be stated, not inferred. A general retention section does not count for the activities either:
    the period is given per purpose. An activity whose retention is only "as long as necessary" or
    "deleted on request" is reported by retention-not-a-criterion (RET002) instead, not twice.

    An activity without retention and without declared data categories is not reported where it keeps
    no store of its own: it has no recipients or cookies and its wording says the data are anonymous or
    aggregated, or are not stored
    ("anonymous and aggregated form", "non-personally identifiable", "lagrer ikke kortopplysninger");
    its purpose is a disclosure of data kept for the other purposes ("comply with law enforcement
    requests", "utlevere opplysninger når loven krever det") or their deletion ("slette varsler"); or
    all it uses is first-party, strictly necessary storage on the visitor's device (a consent choice),
    whose lifetime the cookie rules ask for.
    """
    for index, activity in enumerate(ctx.statement.activities):
        retention = activity.retention
        if retention is None and _no_store_of_its_own(ctx, activity):
            continue
        if retention is None:
            yield Hit(
                f"/activities/{index}",
                f"activity {activity.id} does not say how long its data are kept: {_WHAT_TO_WRITE}",
            )
            continue
        has_item = retention.period or has_text(retention.statute) or has_text(retention.criterion)
        if has_item or _vague_retention(ctx, index, activity) is not None:
            continue
        only = " (it has only wording in retention.text)" if has_text(retention.text) else ""
        yield Hit(
            f"/activities/{index}/retention",
            f"the retention of activity {activity.id} has no period, statute or criterion{only}: {_WHAT_TO_WRITE}",
        )


@rule(
    code="RET002",
    name="retention-not-a-criterion",
    basis="guidance",
    certainty="inferred",
    legal=["GDPR Art. 13(2)(a)", "GDPR Art. 14(2)(a)", "WP260 rev.01"],
    fix=(
        "Replace the phrase with a period (retention.period, e.g. P2Y) or a criterion the reader can apply "
        "('two years after the appointment', 'until you withdraw your consent'); mention deletion on "
        "request under the rights, where it belongs."
    ),
    fails="""
    activities:
      - id: timebestilling
        retention:
          $replace: true
          criterion: Så lenge det er nødvendig.
    """,
    passes="""
    activities:
      - id: timebestilling
        purpose: Ta imot timebestillinger
        legal_basis: "6(1)(b)"
        retention:
          criterion: To år etter datoen for timen.
    """,
)
def retention_not_a_criterion(ctx: CheckContext) -> Iterator[Hit]:
    """A phrase such as "as long as necessary" or "deleted on request" is not a storage period.

    The reader must be able to work out how long their data are kept (Art. 13(2)(a), 14(2)(a)); the
    transparency guidance (WP260) reads this so that stating "as long as necessary" is not enough.
    "Slettes på oppfordring" / "deleted on request" describes the right to erasure, not a period. The rule
    reports an activity whose retention has no period and no statute and whose criterion (or, without a
    criterion, its retention text) is only such a phrase ("så lenge det er nødvendig", "så lenge vi
    trenger", "når de ikke lenger er aktuelle", "as long as necessary", "on request") with nothing else
    of substance. It also reports each such sentence in a retention section (topic retention), once,
    when at least one activity lacks a real period: there the sentence stands in for the missing
    retention. When every activity has its own period, a sentence such as "slettes på oppfordring" in
    that section is about erasure and is left alone. A phrase with more in it ("så lenge det er nødvendig
    for å levere tjenesten") is not reported, though it may still be too vague to apply.
    """
    lacking = []
    for index, activity in enumerate(ctx.statement.activities):
        vague = _vague_retention(ctx, index, activity)
        if vague is not None:
            item, reason = vague
            yield Hit(
                item.pointer,
                f"the retention of activity {activity.id} ('{item.text.strip()}') is not a storage period: "
                f"{reason}; {_WHAT_TO_WRITE}",
            )
        if not _real_retention(ctx, index, activity):
            lacking.append(activity.id)
    if ctx.statement.activities and not lacking:
        return
    covers = f"; the activities {', '.join(lacking)} have no period of their own" if lacking else ""
    for index, section in enumerate(ctx.statement.sections):
        if section.topic is not Topic.RETENTION:
            continue
        for item in _field_wording(ctx, f"/sections/{index}/text"):
            for sentence in sentences(item.text):
                why = _vague_kind(sentence.text)
                if why:
                    yield Hit(
                        item.pointer,
                        f"'{sentence.text}' is not a storage period: {why}{covers}; for each activity "
                        f"{_WHAT_TO_WRITE}",
                        offset=sentence.start,
                        length=len(sentence.text),
                    )


@rule(
    code="RET003",
    name="retention-statute-without-period",
    basis="practice",
    legal=["GDPR Art. 13(2)(a)", "GDPR Art. 12(1)"],
    fix=(
        "Add the period the statute sets under retention.period and say from when it runs under criterion "
        "(e.g. P5Y and 'five years after the end of the financial year' for primary documentation under "
        "bokføringsloven § 13)."
    ),
    fails="""
    activities:
      - id: fakturering
        purpose: Fakturere kunder
        legal_basis: "6(1)(c)"
        retention:
          statute: bokføringsloven § 13
    """,
    passes="""
    activities:
      - id: fakturering
        purpose: Fakturere kunder
        legal_basis: "6(1)(c)"
        retention:
          statute: bokføringsloven § 13
          period: P5Y
    """,
)
def retention_statute_without_period(ctx: CheckContext) -> Iterator[Hit]:
    """A statutory retention also gives the period.

    Naming the statute that sets the period satisfies Art. 13(2)(a), but few readers will look up
    "bokføringsloven § 13" to find out that it means five years after the end of the financial year for
    primary documentation (three years and six months for secondary documentation). Giving the period,
    and when it starts to run, is good practice for clear and plain language (Art. 12(1)). Whether a
    period given is long enough for a Norwegian statute is statutory-retention-too-short (NOR004). The
    patient journal of a health business (knowledge/journal_duties.csv) has no period in law: it is kept
    until it is no longer expected to be needed for the health care, so there the criterion is asked for
    instead, and a criterion is enough.
    """
    for index, activity in enumerate(ctx.statement.activities):
        retention = activity.retention
        if retention is None or retention.period or not has_text(retention.statute):
            continue
        if patient_journal(ctx.statement, activity):
            if has_text(retention.criterion):
                continue
            yield Hit(
                f"/activities/{index}/retention/statute",
                f"the retention of activity {activity.id} names a statute but neither a period nor a criterion; "
                "the patient journal has no fixed period in law, so say under retention.criterion how long it "
                "is kept (e.g. 'Journalen oppbevares så lenge den trengs for helsehjelpen til deg')",
            )
            continue
        yield Hit(
            f"/activities/{index}/retention/statute",
            f"the retention of activity {activity.id} names a statute but no period: add retention.period "
            "(e.g. P5Y, and in criterion when it starts to run), so the reader need not look the period up in "
            "the law",
        )
