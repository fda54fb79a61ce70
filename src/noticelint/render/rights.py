"""The rights, how to use them, withdrawing consent, the separate right to object, and the complaint
(Art. 7(3), 12(3), 12(5), 13(2)(b)-(d), 15-21, 77)."""

from __future__ import annotations

from noticelint.format.model import Activity, LegalBasis
from noticelint.format.model.common import SpecialCondition
from noticelint.render import rich
from noticelint.render.localise import Localiser
from noticelint.render.page import Block, Facts, Para, Section
from noticelint.render.rich import Paragraph, Rich, Segment

ORDER = ("access", "rectification", "erasure", "restriction", "portability", "objection")


def consent_activities(loc: Localiser) -> list[Activity]:
    return [
        a
        for a in loc.statement.activities
        if a.legal_basis is LegalBasis.CONSENT or a.special_condition is SpecialCondition.A
    ]


def objection_activities(loc: Localiser) -> list[Activity]:
    objection = loc.knowledge.bases_with("objection")
    return [a for a in loc.statement.activities if a.legal_basis in objection]


def marketing_activities(loc: Localiser) -> list[Activity]:
    """Activities for direct marketing: the absolute right to object of Art. 21(2)-(3)."""
    return [a for a in loc.statement.activities if a.direct_marketing is not None]


def has_withdrawal(loc: Localiser) -> bool:
    rights = loc.statement.rights
    return bool(consent_activities(loc)) or bool(rights and rights.withdrawal)


def has_objection(loc: Localiser) -> bool:
    rights = loc.statement.rights
    return bool(objection_activities(loc) or marketing_activities(loc)) or bool(rights and rights.objection)


def applicable_rights(loc: Localiser) -> list[str]:
    """The rights that apply to at least one activity's basis, plus those the statement offers."""
    found: set[str] = set()
    for activity in loc.statement.activities:
        if activity.legal_basis:
            found |= loc.knowledge.rights_for(activity.legal_basis) & set(ORDER)
    if not found:
        found = {"access", "rectification", "erasure", "restriction"}
    rights = loc.statement.rights
    found |= {r.value for r in rights.offered} if rights else set()
    if not objection_activities(loc) and not marketing_activities(loc):
        found.discard("objection")
    return [r for r in ORDER if r in found]


def objection_bases(loc: Localiser) -> Paragraph:
    bases = sorted({a.legal_basis for a in objection_activities(loc) if a.legal_basis})
    names = [
        loc.t("objection_basis_e" if b is LegalBasis.PUBLIC_TASK else "objection_basis_f") for b in bases
    ]
    return loc.join(names or [loc.t("objection_basis_f")])


def rights_section(loc: Localiser, extra: tuple[Section, ...] = ()) -> Section:
    rights = loc.statement.rights
    own = loc.rich(rights.text) if rights else ()
    blocks: list[Block] = [Para(p) for p in own]
    if not own:
        blocks.append(Para(loc.t("rights_intro")))
        blocks.append(Facts(tuple(_right(loc, r) for r in applicable_rights(loc))))
    subsections = [_exercise(loc, brief=bool(own))]
    if has_withdrawal(loc):
        subsections.append(_withdrawal(loc))
    return Section(
        id=loc.anchor("rights"),
        heading=loc.heading(loc.statement.rights.heading if loc.statement.rights else None, "h_rights"),
        blocks=tuple(blocks),
        subsections=(*subsections, *extra),
    )


def _right(loc: Localiser, right: str) -> tuple[str, Rich]:
    name = loc.words.entry("rights", right)
    label = name[:1].upper() + name[1:]
    if right == "objection":
        target = rich.anchor(loc.label("h_objection"), loc.anchor("objection"))
        if not objection_activities(loc):
            return label, (loc.t("right_objection_marketing", link=target),)
        return label, (loc.t("right_objection", bases=objection_bases(loc), link=target),)
    lines: list[Paragraph] = [loc.t(f"right_{right}")]
    statutory = [
        a
        for a in loc.statement.activities
        if a.legal_basis in (LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK)
    ]
    if right == "erasure" and statutory:
        lines.append(loc.t("right_erasure_statutory", purposes=loc.purpose_links(statutory)))
    return label, tuple(lines)


def _exercise(loc: Localiser, brief: bool) -> Section:
    rights = loc.statement.rights
    channels = [c.value for c in rights.channels] if rights else []
    blocks: list[Block] = [Para(loc.t("exercise"))]
    rows = loc.contact_rows(loc.statement.controller.contact, channels)
    if rows:
        blocks.append(Facts(tuple(rows)))
    if not brief:
        if rights and rights.answer_time:
            blocks.append(Para(loc.t("exercise_answer", period=loc.duration(rights.answer_time))))
        else:
            blocks.append(Para(loc.t("exercise_answer_law")))
        blocks.append(Para(loc.t("exercise_free")))
    return Section(
        id=loc.anchor("exercise"), heading=(Segment(loc.label("h_exercise")),), blocks=tuple(blocks)
    )


def _withdrawal(loc: Localiser) -> Section:
    rights = loc.statement.rights
    withdrawal = rights.withdrawal if rights else None
    own = loc.rich(withdrawal.text) if withdrawal else ()
    blocks: list[Block] = [Para(p) for p in own or (loc.t("withdrawal"),)]
    activities = consent_activities(loc)
    if activities:
        blocks.append(Para(loc.t("withdrawal_applies", purposes=loc.purpose_links(activities))))
    if withdrawal and withdrawal.how:
        how = loc.rich(withdrawal.how)
        blocks.append(Para(rich.concat(loc.t("withdrawal_how"), " ", how[0])))
        blocks.extend(Para(p) for p in how[1:])
    return Section(
        id=loc.anchor("withdrawal"), heading=(Segment(loc.label("h_withdrawal")),), blocks=tuple(blocks)
    )


def objection_section(loc: Localiser) -> Section | None:
    """The right to object, in a section of its own (Art. 21(4))."""
    if not has_objection(loc):
        return None
    rights = loc.statement.rights
    own = loc.rich(rights.objection) if rights else ()
    activities = objection_activities(loc)
    marketing = marketing_activities(loc)
    standard: list[Paragraph] = []
    if activities or not marketing:
        standard.append(loc.t("objection", bases=objection_bases(loc)))
    if marketing:
        standard.append(loc.t("objection_marketing"))
    blocks: list[Block] = [Para(p) for p in own or tuple(standard)]
    if (
        own
        and marketing
        and not any(word in rich.text_of(p).lower() for p in own for word in ("markedsføring", "marketing"))
    ):
        # The statement's own text leaves out the absolute right of Art. 21(2)-(3): add it.
        blocks.append(Para(loc.t("objection_marketing")))
    if activities:
        blocks.append(Para(loc.t("objection_applies", purposes=loc.purpose_links(activities))))
    if marketing:
        blocks.append(Para(loc.t("objection_marketing_applies", purposes=loc.purpose_links(marketing))))
    target = rich.anchor(loc.label("h_exercise"), loc.anchor("exercise"))
    blocks.append(Para(loc.t("objection_how", link=target)))
    return Section(
        id=loc.anchor("objection"), heading=(Segment(loc.label("h_objection")),), blocks=tuple(blocks)
    )


def complaint_section(loc: Localiser, extra: tuple[Section, ...] = ()) -> Section:
    complaint = loc.statement.complaint
    own = loc.rich(complaint.text) if complaint else ()
    standard = loc.t("complaint", authority=loc.authority_name())
    blocks: list[Block] = [Para(p) for p in own or (standard,)]
    rows = _authority_rows(loc)
    if rows:
        blocks.append(Facts(tuple(rows)))
    return Section(
        id=loc.anchor("complaint"),
        heading=loc.heading(complaint.heading if complaint else None, "h_complaint"),
        blocks=tuple(blocks),
        subsections=extra,
    )


def _authority_rows(loc: Localiser) -> list[tuple[str, Rich]]:
    complaint = loc.statement.complaint
    rows: list[tuple[str, Rich]] = [(loc.label("contact_name"), ((Segment(loc.authority_name()),),))]
    authority = loc.authority()
    if complaint and complaint.url and not complaint.authority:
        rows.append((loc.label("contact_website"), ((rich.link(complaint.url, complaint.url),),)))
        return rows
    if authority is None:
        return rows if complaint and complaint.name else []
    if authority.website:
        rows.append((loc.label("contact_website"), ((rich.link(authority.website, authority.website),),)))
    if authority.postal_address:
        address = authority.postal_address
        country = authority.country.split("-")[0]
        if loc.lang == "en" or country != loc.statement.statement.jurisdiction:
            address = f"{address}, {loc.country(country)}"
        rows.append((loc.label("contact_postal_address"), ((Segment(address),),)))
    if authority.email:
        rows.append((loc.label("contact_email"), ((rich.email_link(authority.email),),)))
    if authority.phone:
        rows.append((loc.label("contact_phone"), ((rich.phone_link(authority.phone),),)))
    return rows
