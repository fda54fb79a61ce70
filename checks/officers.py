"""The data protection officer and the EU/EEA representative. GDPR Art. 13(1)(a)-(b), 14(1)(a)-(b), 27, 37.

A controller that has designated a data protection officer (personvernombud) must give the officer's
contact details in the statement; a controller established outside the EU/EEA that offers goods or
services to people in the EEA, or monitors them, must designate a representative in the EEA and name
it. Whether a DPO is mandatory depends on facts a statement rarely shows (public body, scale, core
activities), so those rules only point at the question.
"""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, rule


def _controller_name(ctx: CheckContext) -> str:
    controller = ctx.statement.controller
    return controller.trade_name or controller.legal_name or controller.id


@rule(
    code="DPO001",
    name="dpo-contact",
    basis="statute",
    legal=["GDPR Art. 13(1)(b)", "GDPR Art. 14(1)(b)", "GDPR Art. 37(7)"],
    fix="Give at least one channel under dpo.contact (an e-mail address is usual); the name is optional.",
    fails="""
    dpo:
      contact: null
    """,
    passes="""
    dpo:
      contact:
        email: personvernombud@example.no
    """,
)
def dpo_contact(ctx: CheckContext) -> Iterator[Hit]:
    """A designated data protection officer comes with contact details.

    Where a DPO has been designated, Art. 13(1)(b) and 14(1)(b) require the statement to give the DPO's
    contact details, and Art. 37(7) requires them to be published. The law asks for a way to reach the
    DPO, not for the DPO's name. The rule fires where dpo.designated is true and dpo.contact has no
    e-mail, phone, web form or postal address.
    """
    dpo = ctx.statement.dpo
    if dpo is None or not dpo.designated:
        return
    if dpo.contact is None or not dpo.contact.channels():
        yield Hit(
            "/dpo/contact" if dpo.contact is not None else "/dpo",
            "a data protection officer is designated, but no contact details are given; add an e-mail "
            "address, phone number, web form or postal address under dpo.contact",
        )


@rule(
    code="DPO002",
    name="dpo-stated",
    basis="practice",
    default=False,
    legal=["GDPR Art. 13(1)(b)", "GDPR Art. 37"],
    fix="Add a dpo item: designated true with the contact details, or designated false.",
    fails="""
    dpo: null
    """,
    passes="""
    dpo:
      designated: false
      contact: null
      text:
        nb: Vi har ikke utnevnt personvernombud. Spørsmål om personvern sender du til personvern@example.no.
        en: We have not designated a data protection officer. Send questions about privacy to personvern@example.no.
    """,
)
def dpo_stated(ctx: CheckContext) -> Iterator[Hit]:
    """The statement says whether a data protection officer is designated.

    The DPO's contact details are required only where a DPO exists, so a statement without a dpo item
    may be complete. But the reader cannot tell a controller without a DPO from a statement that forgot
    one, and noticelint cannot check Art. 13(1)(b) either. Saying "we have no DPO" is good practice,
    hence info. Most organisations need no DPO (Art. 37(1): public bodies, and core activities of
    large-scale monitoring or of special categories), and the law asks nothing of a notice without one, so
    the rule is opt-in: on real statements of small organisations it only reports a silence the law
    allows. Turn it on (`extend-select = ["DPO002"]`) to keep your own files explicit.
    """
    if ctx.statement.dpo is None:
        yield Hit(
            "/controller",
            f"the statement does not say whether {_controller_name(ctx)} has designated a data protection "
            "officer; add dpo with designated true (and the contact details) or false",
        )


@rule(
    code="DPO003",
    name="dpo-special-categories",
    basis="statute",
    certainty="inferred",
    severity="info",
    default=False,
    legal=["GDPR Art. 37(1)(c)", "GDPR Art. 9(1)", "GDPR Art. 10"],
    fix=(
        "Assess whether processing special categories, or data on criminal convictions and offences, is a "
        "core activity on a large scale; if it is, designate a DPO and give its contact under dpo.contact."
    ),
    fails="""
    activities:
      - id: journal
        purpose: Tilrettelegge besøket for deg som har en funksjonsnedsettelse, når du ber om det.
        special_categories: [health]
        legal_basis: "6(1)(a)"
        special_condition: "9(2)(a)"
    dpo:
      designated: false
      contact: null
      text: Vi har ikke utnevnt personvernombud.
    """,
    passes="""
    activities:
      - id: journal
        purpose: Tilrettelegge besøket for deg som har en funksjonsnedsettelse, når du ber om det.
        special_categories: [health]
        legal_basis: "6(1)(a)"
        special_condition: "9(2)(a)"
    """,
)
def dpo_special_categories(ctx: CheckContext) -> Iterator[Hit]:
    """Special categories or criminal-offence data are processed and no data protection officer is designated.

    Art. 37(1)(c) makes a DPO mandatory where the core activities consist of processing on a large
    scale of special categories of data (Art. 9) or of personal data relating to criminal convictions
    and offences (Art. 10); Art. 37(1)(a) does so for public authorities (public-authority-dpo, DPO004)
    and 37(1)(b) for large-scale regular and systematic monitoring. The statement does not show the
    scale, so noticelint cannot decide the question: it only points at it where at least one activity
    declares special categories or criminal_offence_data and no DPO is designated (no dpo item, or
    designated false). Hence info. The question is one of the organisation's duties, not of the notice's,
    and most controllers that touch such data do not do so on a large scale (recital 91: "the processing
    of personal data should not be considered to be on a large scale if the processing concerns personal
    data from patients or clients by an individual physician, other health care professional or lawyer",
    which the Article 29 Working Party's DPO guidelines (WP243) apply to Art. 37), so the rule is
    opt-in (`extend-select = ["DPO003"]`); public authorities, whose DPO is mandatory
    whatever the scale, are DPO004's, which runs by default.
    """
    dpo = ctx.statement.dpo
    if dpo is not None and dpo.designated:
        return
    activities = [a for a in ctx.statement.activities if a.special_categories or a.criminal_offence_data]
    if activities:
        categories = sorted({c.value for a in activities for c in a.special_categories})
        if any(a.criminal_offence_data for a in activities):
            categories.append("criminal convictions and offences")
        yield Hit(
            "/dpo" if dpo is not None else "/controller",
            f"the activities {', '.join(a.id for a in activities)} process special categories or "
            f"criminal-offence data ({', '.join(categories)}) and no data protection officer is designated; "
            "if this is a core "
            "activity on a large scale, Art. 37(1)(c) requires one",
        )


@rule(
    code="REP001",
    name="representative-missing",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 27", "GDPR Art. 3(2)", "GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)"],
    fix=(
        "Designate a representative in an EU/EEA country where the people concerned are, and give it under "
        "representative (legal name, country, contact); or, if an Art. 27(2) exemption applies, waive the "
        "finding with the reason."
    ),
    fails="""
    controller:
      country: US
    """,
    passes="""
    controller:
      country: US
    representative:
      id: representant
      legal_name: Representant Eksempel AS
      country: "NO"
      contact:
        email: representant@example.no
    """,
    knowledge=["eea"],
)
def representative_missing(ctx: CheckContext) -> Iterator[Hit]:
    """A controller established outside the EU/EEA names its representative in the EEA.

    Art. 27(1) requires a controller that is not established in the EU/EEA but falls under the GDPR by
    Art. 3(2) (it offers goods or services to people in the EEA, or monitors their behaviour there) to
    designate a representative in the EEA, and Art. 13(1)(a) and 14(1)(a) require the statement to name
    it. Whether Art. 3(2) applies is inferred, not read: a statement aimed at people in the EEA is taken
    to show that it does, but a controller outside the EEA that neither targets nor monitors people
    there is outside the GDPR altogether; hence a warning, not an error. Art. 27(2)
    exempts public authorities and processing that is occasional, does not include special categories or
    criminal-offence data on a large scale and is unlikely to result in a risk; noticelint cannot judge
    that, so a controller relying on the exemption should waive the finding with its reason. The rule
    fires where controller.country is outside the EEA (per the EEA table) and no representative is given.
    """
    country = ctx.statement.controller.country
    if country and not ctx.knowledge.is_eea(country) and ctx.statement.representative is None:
        yield Hit(
            "/controller/country",
            f"{_controller_name(ctx)} is established in {country}, outside the EU/EEA, but names no "
            "representative in the EEA (Art. 27); if it offers goods or services to, or monitors, people in "
            "the EEA (Art. 3(2)), add representative with legal name, EEA country and contact",
        )


@rule(
    code="REP002",
    name="representative-in-eea",
    basis="statute",
    legal=["GDPR Art. 27(1)", "GDPR Art. 27(3)"],
    fix="Designate a representative established in an EU/EEA country where the people concerned are.",
    fails="""
    representative:
      id: representant
      legal_name: Representant Eksempel Ltd
      country: GB
      contact:
        email: representative@example.co.uk
    """,
    passes="""
    representative:
      id: representant
      legal_name: Representant Eksempel Limited
      country: IE
      contact:
        email: representative@example.ie
    """,
    knowledge=["eea"],
)
def representative_in_eea(ctx: CheckContext) -> Iterator[Hit]:
    """The representative is established in the EU/EEA.

    Art. 27(3) requires the representative to be established in one of the member states where the
    people whose data are processed are; for Norway, Iceland and Liechtenstein the EEA Agreement extends
    this to the EEA. A representative outside the EEA (the United Kingdom and Switzerland included) does
    not meet the requirement. The rule checks the country against the EEA table; it does not check that
    the people concerned live in that particular country.
    """
    representative = ctx.statement.representative
    if representative is not None and not ctx.knowledge.is_eea(representative.country):
        yield Hit(
            "/representative/country",
            f"the representative {representative.legal_name} is in {representative.country}, outside the "
            "EU/EEA; Art. 27(3) requires a representative established in the EEA",
        )


@rule(
    code="REP003",
    name="representative-contact",
    basis="statute",
    legal=["GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)", "GDPR Art. 27(4)"],
    fix="Give at least one channel under representative.contact: email, phone, web_form or postal_address.",
    fails="""
    representative:
      id: representant
      legal_name: Representant Eksempel AS
      country: "NO"
    """,
    passes="""
    representative:
      id: representant
      legal_name: Representant Eksempel AS
      country: "NO"
      contact:
        email: representant@example.no
    """,
)
def representative_contact(ctx: CheckContext) -> Iterator[Hit]:
    """A representative comes with contact details.

    Art. 13(1)(a) and 14(1)(a) require the identity and the contact details of the representative,
    where there is one, and Art. 27(4) makes the representative a point of contact for the people
    concerned and the authorities. The rule fires where a representative is given without any channel.
    """
    representative = ctx.statement.representative
    if representative is not None and (
        representative.contact is None or not representative.contact.channels()
    ):
        yield Hit(
            "/representative/contact" if representative.contact is not None else "/representative",
            f"no contact details for the representative {representative.legal_name}; give an e-mail "
            "address, phone number, web form or postal address under representative.contact",
        )


@rule(
    code="DPO004",
    name="public-authority-dpo",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 37(1)(a)", "GDPR Art. 13(1)(b)"],
    fix="Designate a data protection officer and give its contact under dpo (designated: true, contact).",
    fails="""
    controller:
      public_authority: true
    dpo:
      designated: false
      contact: null
      text: Vi har ikke utnevnt personvernombud.
    """,
    passes="""
    controller:
      public_authority: true
    """,
)
def public_authority_dpo(ctx: CheckContext) -> Iterator[Hit]:
    """A public authority or body designates a data protection officer.

    Art. 37(1)(a) requires a DPO wherever the processing is carried out by a public authority or body,
    "except for courts acting in their judicial capacity"; Art. 13(1)(b) then requires its contact
    details in the statement. The rule fires where controller.public_authority is true and the
    statement has no dpo item or says designated: false. The statement does not show whether the
    controller is a court acting in its judicial capacity, hence a warning; such a court should waive
    the finding with that reason.
    """
    if ctx.statement.controller.public_authority is not True:
        return
    dpo = ctx.statement.dpo
    if dpo is None or not dpo.designated:
        yield Hit(
            "/dpo" if dpo is not None else "/controller/public_authority",
            f"{_controller_name(ctx)} is a public authority or body, which must designate a data protection "
            "officer (Art. 37(1)(a)), but the statement names none; designate one and give its contact "
            "under dpo",
        )
