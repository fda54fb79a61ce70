"""Who receives the data, and transfers outside the EU/EEA (Art. 13(1)(e)-(f), 14(1)(e)-(f), 26(2), 44-49)."""

from __future__ import annotations

from noticelint.format.model import Activity, Party, PartyRole, Transfer
from noticelint.format.model.statement import TransferMechanism
from noticelint.render import rich
from noticelint.render.localise import Localiser
from noticelint.render.page import Para, Section, Table
from noticelint.render.rich import Paragraph, Rich, Segment


def recipients_section(loc: Localiser, extra: tuple[Section, ...] = ()) -> Section | None:
    parties = loc.statement.parties
    transfers = _transfers(loc)
    if not parties and transfers is None and not extra:
        return None
    blocks: list[Para | Table] = []
    if parties:
        rows = [_row(loc, p) for p in parties]
        columns = ["col_party", "col_role", "col_country", "col_used_for", "col_about"]
        if not any(row[-1] for row in rows):  # no party has anything more to say: no empty column
            columns.pop()
            rows = [row[:-1] for row in rows]
        blocks.append(Para(loc.t("recipients_intro")))
        head = tuple(loc.label(k) for k in columns)
        blocks.append(Table(loc.label("recipients_caption"), head, tuple(rows)))
    subsections = (transfers, *extra) if transfers else extra
    return Section(
        id=loc.anchor("recipients"),
        heading=(Segment(loc.label("h_recipients")),),
        blocks=tuple(blocks),
        subsections=tuple(subsections),
    )


def _row(loc: Localiser, party: Party) -> tuple[Rich, ...]:
    about: list[Paragraph] = list(loc.rich(party.text))
    own_heading = rich.plain(loc.para(party.heading))
    if own_heading and about:
        about.insert(0, tuple(Segment(s.text, None, s.lang, "strong") for s in own_heading))
    if party.arrangement:
        about.append(loc.t("party_arrangement", arrangement=loc.para(party.arrangement)))
    if party.privacy_notice:
        notice = rich.link(party.privacy_notice, party.privacy_notice)
        about.append(loc.t("party_notice", name=loc.name(party.legal_name), link=notice))
    used_for = loc.purpose_links(_activities_of(loc, party))
    return (
        ((loc.name(loc.party_name(party.id)),),),
        (_role(loc, party),),
        _country(loc, party),
        (used_for,) if used_for else (),
        tuple(about),
    )


def _country(loc: Localiser, party: Party) -> Rich:
    """Where the party is established, and where it stores the data when the statement says so."""
    lines: list[Paragraph] = [
        (Segment(loc.country(party.country)),) if party.country else loc.t("not_stated")
    ]
    if party.storage_location:
        places: list[Paragraph] = [(Segment(loc.country(c)),) for c in party.storage_location]
        lines.append(loc.t("party_storage", countries=loc.join(places)))
    return tuple(lines)


def _activities_of(loc: Localiser, party: Party) -> list[Activity]:
    direct = [a for a in loc.statement.activities if party.id in a.recipients]
    if direct or not party.processor_for:
        return direct
    return [a for a in loc.statement.activities if party.processor_for in a.recipients]


def _role(loc: Localiser, party: Party) -> Paragraph:
    if party.role is None:
        return loc.t("role_unknown")
    if party.role is PartyRole.SUB_PROCESSOR:
        processor = loc.party_name(party.processor_for) if party.processor_for else loc.label("not_stated")
        return loc.t("role_sub_processor", processor=loc.name(processor))
    return loc.t(f"role_{party.role.value}")


def _transfers(loc: Localiser) -> Section | None:
    transfers = loc.statement.transfers
    if not transfers:
        return None
    head = tuple(
        loc.label(k) for k in ("col_recipient", "col_country", "col_mechanism", "col_transfer_details")
    )
    rows = tuple(_transfer_row(loc, t) for t in transfers)
    return Section(
        id=loc.anchor("transfers"),
        heading=(Segment(loc.label("h_transfers")),),
        blocks=(Table(loc.label("transfers_caption"), head, rows),),
    )


def _transfer_row(loc: Localiser, transfer: Transfer) -> tuple[Rich, ...]:
    mechanism = _mechanism(loc, transfer)
    return (
        ((loc.name(loc.party_name(transfer.recipient)),),),
        ((Segment(loc.country(transfer.country)),),),
        (mechanism,) if mechanism else (loc.t("not_stated"),),
        _transfer(loc, transfer),
    )


def _transfer(loc: Localiser, transfer: Transfer) -> Rich:
    """The author's own words about a transfer, and what the notice adds: where to read the safeguard,
    how to get a copy, the risks of a transfer on consent."""
    own = loc.rich(transfer.text)
    lines: list[Paragraph] = list(own)
    written = " ".join(s.href or "" for p in own for s in p) + " " + " ".join(rich.text_of(p) for p in own)
    if transfer.safeguard and transfer.safeguard not in written:
        lines.append(loc.t("transfer_safeguard", link=rich.link(transfer.safeguard, transfer.safeguard)))
    elif (
        not transfer.safeguard
        and not own
        and transfer.mechanism
        in (
            TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
            TransferMechanism.BINDING_CORPORATE_RULES,
            TransferMechanism.CODE_OF_CONDUCT,
            TransferMechanism.CERTIFICATION,
            TransferMechanism.AD_HOC_CLAUSES,
            TransferMechanism.ADMINISTRATIVE_ARRANGEMENT,
        )
    ):
        lines.append(loc.t("transfer_copy"))
    if transfer.compelling_interests:
        lines.append(rich.concat(loc.t("transfer_compelling"), " ", loc.para(transfer.compelling_interests)))
    if transfer.risks:
        lines.append(rich.concat(loc.t("transfer_risks"), " ", loc.para(transfer.risks)))
    return tuple(lines)


def _mechanism(loc: Localiser, transfer: Transfer) -> Paragraph:
    mechanism = transfer.mechanism
    if mechanism is None:
        return ()
    if mechanism is TransferMechanism.DEROGATION:
        return loc.derogation(transfer.derogation) if transfer.derogation else loc.t("mechanism_derogation")
    if mechanism is TransferMechanism.ADEQUACY:
        return loc.t("mechanism_adequacy", country=loc.country(transfer.country))
    return loc.t(f"mechanism_{mechanism.value}")
