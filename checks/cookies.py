"""Cookies and similar technologies under Norwegian law: consent, withdrawal and clear information.

Since 1 January 2025 the Norwegian Electronic Communications Act (ekomloven, LOV-2024-12-13-76)
§ 3-15 says that storing information on a user's device, or reading it from there (cookies, local
storage, pixels, fingerprinting), needs clear information and consent to the GDPR standard, unless it
is strictly necessary for a service the user asked for, or only serves to transmit a communication.
Browser settings and "by using the site you accept" no longer count as consent; refusing must be as
easy as accepting. Nkom and Datatilsynet share supervision.

These rules apply where the statement's jurisdiction is Norway (or, where no jurisdiction is given,
where the controller is established in Norway). The exact wording of § 3-15 could not be read on
Lovdata for this tool (see docs/legal-sources.md); it implements ePrivacy Art. 5(3), whose terms
("strictly necessary", "explicitly requested") the rules use. Where a cookie's necessity is unknown,
the rules take the safer reading and treat it as not necessary. The consent to storing and reading of
§ 3-15 is a question of its own, separate from the GDPR Art. 6 basis of what is done with the data
afterwards (EDPB Opinion 5/2019 on the interplay between the ePrivacy Directive and the GDPR): it is
declared on the cookie (`consent_before_setting`), and the activity's legal basis is judged by the
purposes rules. "Cookieless" techniques (fingerprinting, pixels, local storage) are covered too: the
EDPB reads Art. 5(3) broadly (Guidelines 2/2023 on its technical scope), and so do these rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    Activity,
    CheckContext,
    Cookie,
    Hit,
    LegalBasis,
    cookie_note,
    either,
    has_text,
    is_norwegian,
    needles,
    party_vendor,
    rule,
    sentences_that_may_match,
)

EKOMLOVEN = "ekomloven § 3-15 (LOV-2024-12-13-76)"

# Wording that treats using the site, or the browser's settings, as consent. Always a defect.
_IMPLIED_CONSENT = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # Norwegian: "Ved å bruke nettstedet godtar du …", "Ved fortsatt bruk av siden …"
        r"\bved\s+(?:å\s+)?(?:fortsette\s+å\s+)?(?:bruke|besøke|benytte|navigere\s+på|surfe\s+på)\b[^.!?]{0,100}?"
        r"\b(?:godtar|aksepterer|samtykker|godkjenner)\b",
        r"\bved\s+fortsatt\s+bruk\b",
        r"\bfortsatt\s+bruk\b[^.!?]{0,80}\b(?:samtykke|godta|aksept)\w*",
        # "Du kan reservere deg mot informasjonskapsler i nettleseren": opt-out instead of consent.
        r"\breserver(?:e|er)\s+(?:deg|seg|dere)\b(?=[^.!?]{0,120}\b(?:informasjonskaps\w*|cookies?|nettleser\w*|sporing)\b)",
        r"\b(?:samtykker|godtar|aksepterer)\s+du\b[^.!?]{0,60}\bnettleser\w*",
        r"\bnettleser\w*\b[^.!?]{0,60}\b(?:samtykker|godtar|aksepterer)\s+du\b",
        r"\bnettleser\w*\s+(?:utgjør|regnes\s+som|gjelder\s+som|er)\s+(?:ditt\s+)?samtykke",
        # English: "By using this site you accept …", "Continued use … constitutes consent"
        r"\bby\s+(?:continuing\s+to\s+)?(?:using|use|browsing|browse|visiting|visit|navigating|navigate)\b[^.!?]{0,100}?"
        r"\byou\s+(?:\w+\s+)?(?:accept|agree|consent)",
        r"\bcontinued\s+use\b[^.!?]{0,80}\b(?:consent|accept|agree)\w*",
        r"\b(?:consent|agree|accept)\w*\s+to\s+(?:our\s+|the\s+)?(?:use\s+of\s+)?cookies\s+by\s+(?:using|continuing|browsing)",
        r"\bbrowser\b[^.!?]{0,60}\b(?:constitutes?|counts?\s+as|means?|amounts?\s+to|signals?)\s+(?:your\s+)?"
        r"(?:consent|acceptance|agreement)",
        r"\b(?:consent|agree|accept)\w*\s+(?:through|via|by\s+means\s+of|with|in)\s+your\s+browser",
    )
]
# "You can disable cookies in your browser settings": a defect only where it is the statement's only way
# to refuse (no activity with cookies rests on consent).
_BROWSER_REFUSAL = re.compile(
    r"\A(?=.*\b(?:informasjonskaps\w*|cookies?)\b)(?=.*\b(?:nettleser\w*|browser\w*)\b)"
    r"(?=.*\b(?:slå\w*\s+av|skru\w*\s+av|deaktiver\w*|blokker\w*|avvis\w*|avslå\w*|nekte\w*|slett\w*|"
    r"disable\w*|block\w*|refuse\w*|reject\w*|delete\w*|turn\w*\s+off|switch\w*\s+off|opt\w*\s+out)\b)",
    re.IGNORECASE | re.DOTALL,
)
# The words each pattern of _IMPLIED_CONSENT needs, in the same order, and those _BROWSER_REFUSAL needs.
_IMPLIED_CONSENT_NEEDLES = either(
    needles("ved", "godtar|aksepterer|samtykker|godkjenner"),
    needles("fortsatt", "bruk"),
    needles("fortsatt", "bruk"),
    needles("reserver"),
    needles("samtykker|godtar|aksepterer", "nettleser"),
    needles("nettleser", "samtykker|godtar|aksepterer"),
    needles("nettleser", "samtykke"),
    needles("by", "you", "accept|agree|consent"),
    needles("continued", "consent|accept|agree"),
    needles("consent|agree|accept", "cookies"),
    needles("browser", "consent|acceptance|agreement"),
    needles("consent|agree|accept", "browser"),
)
_BROWSER_REFUSAL_NEEDLES = needles("informasjonskaps|cookie", "nettleser|browser")


def _necessary(cookie: Cookie) -> bool:
    return cookie.strictly_necessary is True


def _label(ctx: CheckContext, activity: Activity, index: int, cookie: Cookie) -> str:
    kind = "cookie" if cookie.technology.value == "cookie" else cookie.technology.value.replace("_", " ")
    if cookie.name:
        return f"the {kind} '{cookie.name}'"
    provider = ""
    controller = ctx.statement.controller
    if cookie.provider == controller.id:
        provider = f" from {controller.trade_name or controller.legal_name or controller.id}"
    elif cookie.provider:
        party = ctx.statement.party(cookie.provider)
        provider = f" from {party.trade_name or party.legal_name}" if party else f" from {cookie.provider}"
    return f"{kind} {index + 1}{provider} (no name given)"


def _unnecessary_cookies(ctx: CheckContext) -> Iterator[tuple[int, Activity, int, Cookie]]:
    for i, activity in enumerate(ctx.statement.activities):
        for j, cookie in enumerate(activity.cookies):
            if not _necessary(cookie):
                yield i, activity, j, cookie


def _state(cookie: Cookie) -> str:
    return "not strictly necessary" if cookie.strictly_necessary is False else "not marked strictly necessary"


@rule(
    code="CKE001",
    name="cookie-without-consent",
    basis="statute",
    certainty="inferred",
    legal=[EKOMLOVEN, "ePrivacy Directive Art. 5(3)", "GDPR Art. 4(11)", "GDPR Art. 7"],
    fix=(
        "Ask for consent (a banner where refusing is as easy as accepting) before the cookie is set or read, "
        "and say so with consent_before_setting: true on the cookie; or, if the cookie is strictly necessary "
        "for a service the user explicitly asked for, mark it strictly_necessary: true. The activity's GDPR "
        "Art. 6 basis is a separate question."
    ),
    fails="""
    activities:
      - id: nettstedsanalyse
        purpose: Måle bruken av nettstedet
        legal_basis: "6(1)(f)"
        legitimate_interest: Å se hvilke sider som brukes, slik at vi kan forbedre nettstedet.
        recipients: [google-ireland]
        cookies:
          - name: _ga
            provider: google-ireland
            purpose: Skiller besøkende fra hverandre
            lifetime: P2Y
            strictly_necessary: false
    """,
    passes="""
    activities:
      - id: nettstedsanalyse
        purpose: Måle bruken av nettstedet
        legal_basis: "6(1)(f)"
        legitimate_interest: Å se hvilke sider som brukes, slik at vi kan forbedre nettstedet.
        recipients: [google-ireland]
        cookies:
          - name: _ga
            provider: google-ireland
            purpose: Skiller besøkende fra hverandre
            lifetime: P2Y
            strictly_necessary: false
            consent_before_setting: true
    """,
)
def cookie_without_consent(ctx: CheckContext) -> Iterator[Hit]:
    """Consent is asked before a cookie that is not strictly necessary is set or read.

    Under ekomloven § 3-15 (in force 1 January 2025), which implements ePrivacy Art. 5(3), storing
    information on the user's device or reading it from there needs the user's prior consent to the
    GDPR standard, unless it only serves to transmit a communication or is strictly necessary for a
    service the user explicitly asked for. That consent is given to the storing and reading itself; it
    is not the GDPR Art. 6 basis of the later processing, which may be another one (EDPB Opinion
    5/2019), and which the purposes rules judge. The rule reports every declared cookie or similar
    technology that is not marked `strictly_necessary: true` and whose `consent_before_setting` is
    not true. Where `consent_before_setting` is not given at all but the activity rests on GDPR Art.
    6(1)(a) consent, the rule stays silent: the statement then says consent is asked, and the § 3-15
    consent is most likely asked with it. A cookie whose necessity is not stated is treated as not
    necessary, the safer reading; that inference is why this is a warning. Whether a given analytics
    set-up is "strictly necessary" is contested; the EDPB reads the exemption narrowly, and so does
    this rule.
    """
    if not is_norwegian(ctx.statement):
        return
    for i, activity, j, cookie in _unnecessary_cookies(ctx):
        if cookie.consent_before_setting is True:
            continue
        if cookie.consent_before_setting is None and activity.legal_basis == LegalBasis.CONSENT:
            continue
        said = (
            "the statement says consent is not asked before it is set"
            if cookie.consent_before_setting is False
            else "the statement does not say that consent is asked before it is set"
        )
        yield Hit(
            f"/activities/{i}/cookies/{j}",
            f"{_label(ctx, activity, j, cookie)} in activity '{activity.id}' is {_state(cookie)}, so "
            f"ekomloven § 3-15 requires the user's prior consent to storing and reading it, but {said}; ask "
            "for consent before setting it and write consent_before_setting: true, or mark the cookie "
            "strictly_necessary: true if it is needed for a service the user explicitly asked for",
        )


@rule(
    code="CKE002",
    name="cookie-consent-withdrawal",
    basis="statute",
    certainty="inferred",
    legal=[EKOMLOVEN, "GDPR Art. 7(3)", "GDPR Art. 13(2)(c)"],
    fix=(
        "Say under rights.withdrawal.how how a user withdraws cookie consent, as easily as it was given, "
        "e.g. a 'Cookie settings' link in the footer of every page."
    ),
    fails="""
    rights:
      withdrawal:
        how: null
    """,
    passes="""
    rights:
      withdrawal:
        how:
          nb: Klikk på «Innstillinger for informasjonskapsler» nederst på hver side.
          en: Click "Cookie settings" at the bottom of every page.
    """,
)
def cookie_consent_withdrawal(ctx: CheckContext) -> Iterator[Hit]:
    """Where cookies need consent, the statement says how to withdraw it.

    Consent under ekomloven § 3-15 is consent to the GDPR standard, and GDPR Art. 7(3) lets the person
    withdraw it at any time, as easily as it was given; Art. 13(2)(c) asks the statement to say so. The
    rule fires once when the statement declares a cookie or similar technology that is not marked
    strictly necessary (unknown necessity counts as not necessary) and `rights.withdrawal.how` is
    missing or empty. It does not judge whether the described way is really as easy as consenting. The
    finding stands at rights.withdrawal (or rights) when those exist, otherwise at the first such cookie.
    """
    if not is_norwegian(ctx.statement):
        return
    cookies = list(_unnecessary_cookies(ctx))
    if not cookies:
        return
    rights = ctx.statement.rights
    if rights is not None and rights.withdrawal is not None and has_text(rights.withdrawal.how):
        return
    if rights is not None and rights.withdrawal is not None:
        pointer = "/rights/withdrawal"
    elif rights is not None:
        pointer = "/rights"
    else:
        first_i, _, first_j, _ = cookies[0]
        pointer = f"/activities/{first_i}/cookies/{first_j}"
    labels = [
        f"{_label(ctx, activity, j, cookie)} (activity '{activity.id}')" for _, activity, j, cookie in cookies
    ]
    shown = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
    yield Hit(
        pointer,
        f"{shown} need{'s' if len(labels) == 1 else ''} consent under ekomloven § 3-15, but the statement "
        "does not say how to withdraw it; write under rights.withdrawal.how how the user withdraws, as "
        "easily as consenting (e.g. a 'Cookie settings' link on every page)",
    )


@rule(
    code="CKE003",
    name="cookie-vendor-without-cookies",
    basis="statute",
    certainty="uncertain-knowledge",
    legal=[EKOMLOVEN, "GDPR Art. 13(1)(c)", "GDPR Art. 13(1)(e)"],
    fix=(
        "List the cookies the vendor sets under the activity's cookies (name, provider, purpose, lifetime, "
        "strictly_necessary); if it sets none here (an e-mail service used only for newsletters), write "
        "denies: [cookies] on the party; remove the vendor from the recipients if it is not used."
    ),
    fails="""
    activities:
      - id: nettstedsanalyse
        cookies: null
    """,
    passes="""
    activities:
      - id: nettstedsanalyse
        purpose: Måle bruken av nettstedet
        legal_basis: "6(1)(a)"
        recipients: [google-ireland]
        cookies:
          - name: _ga
            provider: google-ireland
            purpose: Skiller besøkende fra hverandre
            lifetime: P2Y
            strictly_necessary: false
    """,
    knowledge=["vendors"],
)
def cookie_vendor_without_cookies(ctx: CheckContext) -> Iterator[Hit]:
    """An activity whose recipient is a vendor known to set cookies declares those cookies.

    A vendor such as Google Analytics, YouTube or Mailchimp sets cookies when it is used on a website;
    an activity that sends data to it but declares no cookies leaves out what ekomloven § 3-15 asks the
    user to be told (and asked) about. The vendor is recognised from the vendors knowledge table by the
    party's trade name or legal name; an entity name that stands behind several services ("Google
    Ireland Limited") is not enough. Vendors the table only "believes" set cookies count too, the safer
    reading, and the message says so. It is a warning: the vendor may be used in a way that sets none
    (an e-mail tool used only for e-mail, for instance), which the statement then says with
    `denies: [cookies]` on the party: such a party is not reported.
    A vendor the table records as setting no cookies ("cookieless" analytics) is not reported here, but
    that does not put it outside § 3-15: the EDPB (Guidelines 2/2023 on the technical scope of ePrivacy
    Art. 5(3)) reads the provision as covering any storing of, or access to, information on the device,
    including pixels, local storage and device fingerprinting; declare such techniques as cookies with
    their technology.
    """
    if not is_norwegian(ctx.statement):
        return
    for i, activity in enumerate(ctx.statement.activities):
        if activity.cookies:
            continue
        for k, party_id in enumerate(activity.recipients):
            party = ctx.statement.party(party_id)
            if party is None or party.says_no_cookies():
                continue
            vendor = party_vendor(ctx.knowledge, party)
            note = cookie_note(vendor) if vendor else None
            if vendor is None or note is None:
                continue
            yield Hit(
                f"/activities/{i}/recipients/{k}",
                f"activity '{activity.id}' sends data to {party.legal_name} ({vendor.service}), which {note} "
                "according to the vendor table, but the activity declares no cookies; list them under "
                "cookies with name, purpose, lifetime and whether they are strictly necessary, or, if it sets none "
                f"here, write denies: [cookies] on the party '{party.id}'",
            )


@rule(
    code="CKE004",
    name="implied-cookie-consent",
    basis="statute",
    certainty="inferred",
    legal=[EKOMLOVEN, "GDPR Art. 4(11)", "GDPR Art. 7"],
    fix=(
        "Remove wording that treats use of the site or browser settings as consent. Ask for consent in a "
        "banner before setting cookies that are not strictly necessary, describe that banner, and mention "
        "browser settings only as an extra way to delete cookies."
    ),
    fails="""
    activities:
      - id: nettstedsanalyse
        purpose: Måle bruken av nettstedet
        legal_basis: "6(1)(a)"
        text: Ved å bruke nettstedet godtar du at vi bruker informasjonskapsler.
    """,
    passes="""
    activities:
      - id: nettstedsanalyse
        purpose: Måle bruken av nettstedet
        legal_basis: "6(1)(a)"
        text: Vi bruker informasjonskapsler for analyse bare når du har samtykket i banneret.
    """,
    knowledge=["vendors"],
)
def implied_cookie_consent(ctx: CheckContext) -> Iterator[Hit]:
    """The wording does not treat continued use of the site or browser settings as consent.

    Since ekomloven § 3-15 took effect on 1 January 2025, consent to cookies must meet the GDPR
    standard (Art. 4(11), 7): a clear affirmative act. "Ved å bruke nettstedet godtar du …", "by using
    this site you agree …", "du kan reservere deg i nettleserinnstillingene" and browser settings
    presented as consent are reported at their sentence, in Norwegian and English. A sentence that only
    tells the reader how to block or delete cookies in the browser is reported only where it is the
    statement's only way to refuse: the statement has cookies that are not marked strictly necessary (or
    a cookie-setting vendor as recipient) and no activity with cookies rests on consent. The patterns are
    a fixed list; other phrasings of implied consent are not recognised.
    """
    if not is_norwegian(ctx.statement):
        return
    statement = ctx.statement
    consent_offered = any(
        (a.legal_basis == LegalBasis.CONSENT and a.cookies)
        or any(c.consent_before_setting for c in a.cookies)
        for a in statement.activities
    )
    needs_consent = any(True for _ in _unnecessary_cookies(ctx)) or any(
        (party := statement.party(pid)) is not None
        and (vendor := party_vendor(ctx.knowledge, party)) is not None
        and cookie_note(vendor) is not None
        for a in statement.activities
        for pid in a.recipients
    )
    browser_refusal_matters = needs_consent and not consent_offered
    candidates = (
        either(_IMPLIED_CONSENT_NEEDLES, _BROWSER_REFUSAL_NEEDLES)
        if browser_refusal_matters
        else _IMPLIED_CONSENT_NEEDLES
    )
    for item, sentence in sentences_that_may_match(ctx, candidates):
        if any(p.search(sentence.text) for p in _IMPLIED_CONSENT):
            yield Hit(
                item.pointer,
                "this sentence treats use of the site or browser settings as consent to cookies; since "
                "ekomloven § 3-15 (1 January 2025) that is not consent: ask for consent in a banner before "
                "setting cookies that are not strictly necessary, and describe that instead",
                offset=sentence.start,
                length=len(sentence.text),
            )
        elif browser_refusal_matters and _BROWSER_REFUSAL.search(sentence.text):
            yield Hit(
                item.pointer,
                "this sentence leaves it to the browser settings to refuse cookies, and no activity with "
                "cookies rests on consent; under ekomloven § 3-15 cookies that are not strictly necessary "
                "need prior consent (a banner where refusing is as easy as accepting), not an opt-out in "
                "the browser",
                offset=sentence.start,
                length=len(sentence.text),
            )


@rule(
    code="CKE005",
    name="cookie-details",
    basis="guidance",
    legal=[EKOMLOVEN, "GDPR Art. 12(1)", "GDPR Art. 13(1)(c)", "WP260 rev.01"],
    fix=(
        "Give every cookie its name, provider (the id of the controller or party that sets it), purpose, "
        "and lifetime as an ISO 8601 duration (or session: true)."
    ),
    fails="""
    activities:
      - id: nettstedsanalyse
        purpose: Måle bruken av nettstedet
        legal_basis: "6(1)(a)"
        cookies:
          - provider: google-ireland
            purpose: Skiller besøkende fra hverandre
            strictly_necessary: false
    """,
    passes="""
    activities:
      - id: nettstedsanalyse
        purpose: Måle bruken av nettstedet
        legal_basis: "6(1)(a)"
        cookies:
          - name: _ga
            provider: google-ireland
            purpose: Skiller besøkende fra hverandre
            lifetime: P2Y
            strictly_necessary: false
    """,
)
def cookie_details(ctx: CheckContext) -> Iterator[Hit]:
    """Every declared cookie has a name, a provider, a purpose and a lifetime.

    ekomloven § 3-15 asks for clear information about what is stored on the device and why, and GDPR
    Art. 12(1) (read with the EDPB transparency guidance, WP260 rev.01) asks for information the person
    can understand. The list of details is this tool's reading of "clear information", not a list in
    the law. A
    cookie without its name, who sets it, what it is for or how long it lives cannot be recognised in
    the browser or judged by the reader. Each missing detail is one warning at the cookie; a session
    cookie (`session: true`) needs no lifetime. Strictly necessary cookies are checked too: the
    exemption in § 3-15 may cover the duty to inform as well as consent (unsure), but describing them is
    what lets the reader, and this tool, see that they are necessary.
    """
    if not is_norwegian(ctx.statement):
        return
    for i, activity in enumerate(ctx.statement.activities):
        for j, cookie in enumerate(activity.cookies):
            label = _label(ctx, activity, j, cookie)
            pointer = f"/activities/{i}/cookies/{j}"
            where = f"{label} in activity '{activity.id}'"
            if not (cookie.name and cookie.name.strip()):
                yield Hit(pointer, f"{where} has no name; give the name the browser shows (e.g. '_ga')")
            if cookie.provider is None:
                yield Hit(
                    pointer, f"{where} has no provider; give the id of the controller or party that sets it"
                )
            if not has_text(cookie.purpose):
                yield Hit(pointer, f"{where} has no purpose; say what it is used for")
            if cookie.lifetime is None and not cookie.session:
                yield Hit(
                    pointer,
                    f"{where} has no lifetime; give it as an ISO 8601 duration (e.g. P13M) or mark it "
                    "session: true",
                )
