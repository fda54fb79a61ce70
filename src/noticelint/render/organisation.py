"""Who is responsible: the controller, its EU/EEA representative and the DPO (Art. 13(1)(a)-(b), 27, 37(7))."""

from __future__ import annotations

from noticelint.format.model.parties import ControllerKind, Establishment
from noticelint.render.localise import Localiser
from noticelint.render.page import Block, Facts, Para, Section
from noticelint.render.rich import Rich, Segment


def controller_section(loc: Localiser, extra: tuple[Section, ...] = ()) -> Section:
    controller = loc.statement.controller
    name = loc.name(loc.controller_name())
    blocks: list[Block] = [
        Para(p) for p in loc.rich(controller.text) or (loc.t("controller", controller=name),)
    ]
    rows: list[tuple[str, Rich]] = [(loc.label("contact_name"), ((name,),))]
    if controller.trade_name and controller.legal_name:
        rows[0] = (
            loc.label("contact_name"),
            ((Segment(f"{controller.legal_name} ({controller.trade_name})"),),),
        )
    if controller.kind is ControllerKind.PERSON:
        rows.append((loc.label("contact_kind"), (loc.t("controller_person"),)))
    if controller.organisation_number:
        rows.append((loc.label("contact_organisation_number"), ((Segment(controller.organisation_number),),)))
    if controller.country:
        rows.append((loc.label("col_country"), ((Segment(loc.country(controller.country)),),)))
    rows.extend(loc.contact_rows(controller.contact))
    blocks.append(Facts(tuple(rows)))
    places = tuple(_establishment(loc, n, e) for n, e in enumerate(controller.establishments, 1))
    subsections = (
        (*places, _representative(loc), *extra) if loc.statement.representative else (*places, *extra)
    )
    return Section(
        id=loc.anchor("controller"),
        heading=loc.heading(controller.heading, "h_controller"),
        blocks=tuple(blocks),
        subsections=tuple(s for s in subsections if s is not None),
    )


def _establishment(loc: Localiser, number: int, place: Establishment) -> Section:
    """A further establishment or contact point of the controller, with its own contact details."""
    blocks: list[Block] = [Para(p) for p in loc.rich(place.text)]
    rows: list[tuple[str, Rich]] = []
    if place.country:
        rows.append((loc.label("col_country"), ((Segment(loc.country(place.country)),),)))
    rows.extend(loc.contact_rows(place.contact))
    if rows:
        blocks.append(Facts(tuple(rows)))
    heading = (loc.name(place.name),) if place.name else (Segment(loc.label("h_establishment")),)
    return Section(
        id=f"{loc.anchor('controller')}-{loc.anchor('establishment')}-{number}",
        heading=heading,
        blocks=tuple(blocks),
    )


def _representative(loc: Localiser) -> Section | None:
    representative = loc.statement.representative
    if representative is None:
        return None
    standard = loc.t(
        "representative",
        name=loc.name(representative.legal_name),
        country=loc.country(representative.country),
    )
    blocks: list[Block] = [Para(p) for p in loc.rich(representative.text) or (standard,)]
    rows = loc.contact_rows(representative.contact)
    if rows:
        blocks.append(Facts(tuple(rows)))
    return Section(
        id=f"{loc.anchor('controller')}-{representative.id}",
        heading=(Segment(loc.label("h_representative")),),
        blocks=tuple(blocks),
    )


def dpo_section(loc: Localiser, extra: tuple[Section, ...] = ()) -> Section | None:
    dpo = loc.statement.dpo
    if dpo is None:
        return None
    standard = loc.t("dpo") if dpo.designated else loc.t("dpo_none")
    blocks: list[Block] = [Para(p) for p in loc.rich(dpo.text) or (standard,)]
    rows: list[tuple[str, Rich]] = []
    if dpo.designated and dpo.name:
        rows.append((loc.label("contact_name"), ((Segment(dpo.name),),)))
    if dpo.designated:
        rows.extend(loc.contact_rows(dpo.contact))
    if rows:
        blocks.append(Facts(tuple(rows)))
    return Section(
        id=loc.anchor("dpo"),
        heading=(Segment(loc.label("h_dpo")),),
        blocks=tuple(blocks),
        subsections=extra,
    )
