"""The first layer: who is responsible, what and why, on which basis, for how long, who receives the data,
the rights and how to complain, each line linking to its detail (WP260 rev.01, layered notices)."""

from __future__ import annotations

from noticelint.format.durations import duration_days
from noticelint.render import rich
from noticelint.render.cookies import all_cookies
from noticelint.render.localise import Localiser
from noticelint.render.page import Summary, SummaryLine
from noticelint.render.rich import Paragraph, Segment
from noticelint.render.rights import (
    applicable_rights,
    consent_activities,
    marketing_activities,
    objection_activities,
    objection_bases,
)


def summary(loc: Localiser) -> Summary:
    lines = [
        _controller(loc),
        _purposes(loc),
        _basis(loc),
        _retention(loc),
        _recipients(loc),
        _cookies(loc),
        _rights(loc),
        _line(
            loc, "sum_complaint_label", "complaint", [loc.t("sum_complaint", authority=loc.authority_name())]
        ),
        _dpo(loc),
    ]
    return Summary(
        id=loc.anchor("summary"),
        heading=loc.label("summary_heading"),
        intro=loc.label("summary_intro"),
        lines=tuple(line for line in lines if line is not None),
    )


def _line(
    loc: Localiser, label: str, target: str, body: list[Paragraph], items: tuple[Paragraph, ...] = ()
) -> SummaryLine:
    return SummaryLine(loc.label(label), loc.anchor(target), tuple(p for p in body if p), items)


def _controller(loc: Localiser) -> SummaryLine:
    body = [loc.t("sum_controller", controller=loc.name(loc.controller_name()))]
    contact = loc.first_channel(loc.statement.controller.contact)
    if contact:
        body.append(loc.t("sum_contact", contact=contact))
    return _line(loc, "sum_controller_label", "controller", body)


def _purposes(loc: Localiser) -> SummaryLine | None:
    activities = loc.statement.activities
    if not activities:
        return None
    items = tuple(
        (rich.anchor(rich.text_of(loc.activity_heading(a)), loc.activity_anchor(a)),) for a in activities
    )
    return _line(loc, "sum_purposes_label", "activities", [loc.t("sum_purposes")], items)


def _basis(loc: Localiser) -> SummaryLine | None:
    bases = sorted({a.legal_basis for a in loc.statement.activities if a.legal_basis})
    if not bases:
        return None
    names = loc.join([(Segment(loc.basis_name(b)),) for b in bases])
    letters = loc.join([loc.t("sum_basis_letter", letter=b.value[-2]) for b in bases])
    return _line(loc, "sum_basis_label", "activities", [loc.t("sum_basis", bases=names, letters=letters)])


def _retention(loc: Localiser) -> SummaryLine | None:
    activities = loc.statement.activities
    if not activities:
        return None
    periods = [a.retention.period if a.retention else None for a in activities]
    known = [(duration_days(p), p) for p in periods if p]
    if len(known) < len(periods) or any(days is None for days, _ in known):
        body = loc.t("sum_retention_varies")
    else:
        ordered = sorted(known, key=lambda item: item[0] or 0.0)
        shortest, longest = loc.duration(ordered[0][1]), loc.duration(ordered[-1][1])
        if shortest == longest:
            body = loc.t("sum_retention_one", period=shortest)
        else:
            body = loc.t("sum_retention_range", shortest=shortest, longest=longest)
    return _line(loc, "sum_retention_label", "activities", [body])


def _recipients(loc: Localiser) -> SummaryLine | None:
    parties = loc.statement.parties
    if not parties:
        return None
    names = loc.join([(loc.name(p.legal_name),) for p in parties])
    body = [loc.t("sum_recipients", names=names)]
    countries: list[str] = []
    for transfer in loc.statement.transfers:
        name = loc.country(transfer.country)
        if name not in countries:
            countries.append(name)
    if countries:
        body.append(loc.t("sum_transfers", countries=loc.join([(Segment(c),) for c in countries])))
    return _line(loc, "sum_recipients_label", "recipients", body)


def _cookies(loc: Localiser) -> SummaryLine | None:
    cookies = all_cookies(loc)
    if not cookies:
        return None
    necessary_only = all(c.strictly_necessary is True for c in cookies)
    body = loc.t("sum_cookies_necessary" if necessary_only else "sum_cookies_consent")
    return _line(loc, "sum_cookies_label", "cookies", [body])


def _rights(loc: Localiser) -> SummaryLine:
    names = [loc.words.entry("rights_in_sentence", r) for r in applicable_rights(loc) if r != "objection"]
    body = [loc.t("sum_rights", rights=loc.join([(Segment(n),) for n in names]))]
    if objection_activities(loc):
        body.append(loc.t("sum_objection", bases=objection_bases(loc)))
    if marketing_activities(loc):
        body.append(loc.t("sum_objection_marketing"))
    if consent_activities(loc):
        body.append(loc.t("sum_withdraw"))
    return _line(loc, "sum_rights_label", "rights", body)


def _dpo(loc: Localiser) -> SummaryLine | None:
    dpo = loc.statement.dpo
    if dpo is None or not dpo.designated:
        return None
    contact = loc.first_channel(dpo.contact)
    if not contact:
        return None
    return _line(loc, "sum_dpo_label", "dpo", [loc.t("sum_dpo", contact=contact)])
