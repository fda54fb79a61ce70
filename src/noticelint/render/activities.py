"""The processing activities: the overview table and one detail section per purpose (Art. 13(1)(c)-(e),
13(2)(a), (e), (f), 14(1)(d), 14(2)(f))."""

from __future__ import annotations

from noticelint.format.model import Activity
from noticelint.format.model.activities import ActivityRole
from noticelint.render import rich
from noticelint.render.localise import Localiser
from noticelint.render.page import Block, Facts, Para, Section, Table
from noticelint.render.rich import Paragraph, Rich, Segment


def activities_section(loc: Localiser, extra: tuple[Section, ...] = ()) -> Section | None:
    activities = loc.statement.activities
    if not activities:
        return None
    head = tuple(
        loc.label(k) for k in ("col_purpose", "col_data", "col_basis", "col_recipients", "col_retention")
    )
    table = Table(
        caption=loc.label("activities_caption"),
        head=head,
        rows=tuple(_overview_row(loc, a) for a in activities),
        id=loc.anchor("overview"),
    )
    return Section(
        id=loc.anchor("activities"),
        heading=(Segment(loc.label("h_activities")),),
        blocks=(Para(loc.t("activities_intro")), table),
        subsections=tuple(_detail(loc, a) for a in activities) + extra,
    )


def _overview_row(loc: Localiser, activity: Activity) -> tuple[Rich, ...]:
    heading = loc.activity_heading(activity)
    purpose = (Segment(rich.text_of(heading), f"#{loc.activity_anchor(activity)}", heading[0].lang),)
    return (
        (purpose,),
        (_data(loc, activity) or loc.t("not_stated"),),
        (loc.basis(activity.legal_basis) if activity.legal_basis else loc.t("not_stated"),),
        (_recipients(loc, activity) or loc.t("none"),),
        _retention_brief(loc, activity),
    )


def _data(loc: Localiser, activity: Activity) -> Paragraph:
    return rich.join([loc.para(c) for c in activity.data_categories if loc.para(c)], ", ")


def _recipients(loc: Localiser, activity: Activity) -> Paragraph:
    named = [(loc.name(loc.party_name(r)),) for r in activity.recipients]
    categories = [loc.para(c) for c in activity.recipient_categories if loc.para(c)]
    return loc.join([*named, *categories])


def _retention_brief(loc: Localiser, activity: Activity) -> Rich:
    retention = activity.retention
    if retention is None:
        return (loc.t("not_stated"),)
    lines: list[Paragraph] = []
    if retention.period:
        lines.append((Segment(loc.duration(retention.period)),))
    if retention.criterion:
        lines.append(loc.para(retention.criterion))
    if not lines and retention.statute:
        lines.append(loc.t("retention_statute", statute=loc.para(retention.statute)))
    if not lines and retention.text:
        lines.extend(loc.rich(retention.text))
    return tuple(lines) or (loc.t("not_stated"),)


def _detail(loc: Localiser, activity: Activity) -> Section:
    rows: list[tuple[str, Rich]] = [
        (loc.label("f_purpose"), loc.rich(activity.purpose) or (loc.t("not_stated"),))
    ]
    blocks: list[Block] = []

    def add(label: str, value: Rich) -> None:
        if value:
            rows.append((loc.label(label), value))

    add("f_about", loc.rich(activity.text))
    add("f_role", _role(loc, activity))
    add("f_data", _one(_data(loc, activity)))
    add("f_subjects", _one(rich.join([loc.para(s) for s in activity.data_subjects if loc.para(s)], ", ")))
    categories = [loc.words.entry("special_categories", c.value) for c in activity.special_categories]
    add("f_special", _one(rich.join([(Segment(c),) for c in categories], ", ")))
    add("f_source", _source(loc, activity))
    add("f_basis", (loc.basis(activity.legal_basis) if activity.legal_basis else loc.t("not_stated"),))
    if activity.special_condition:
        add("f_condition", (loc.condition(activity.special_condition),))
    add("f_interest", loc.rich(activity.legitimate_interest))
    add("f_recipients", _one(_recipients(loc, activity)))
    add("f_retention", _retention(loc, activity))
    add("f_provision", _provision(loc, activity))
    add("f_automated", _automated(loc, activity))
    if activity.cookies:
        names = rich.join([(Segment(c.name or loc.label("cookie_unnamed")),) for c in activity.cookies], ", ")
        cookies = rich.anchor(loc.label("h_cookies"), loc.anchor("cookies"))
        add("f_cookies", (loc.t("activity_cookies", names=names, link=cookies),))
    blocks.append(Facts(tuple(rows)))
    return Section(
        id=loc.activity_anchor(activity), heading=loc.activity_heading(activity), blocks=tuple(blocks)
    )


def _role(loc: Localiser, activity: Activity) -> Rich:
    """For data the author processes on behalf of others: that it is their processor, not the controller."""
    if activity.role is not ActivityRole.PROCESSOR:
        return ()
    if activity.on_behalf_of:
        return (loc.t("activity_processor", on_behalf_of=loc.para(activity.on_behalf_of)),)
    return (loc.t("activity_processor_others"),)


def _one(paragraph: Paragraph) -> Rich:
    return (paragraph,) if paragraph else ()


def _source(loc: Localiser, activity: Activity) -> Rich:
    source = activity.source
    if source is None:
        return ()
    if source.text:
        return loc.rich(source.text)
    return (loc.t(f"source_{source.kind.value}"), *loc.rich(source.description))


def _retention(loc: Localiser, activity: Activity) -> Rich:
    retention = activity.retention
    if retention is None:
        return (loc.t("not_stated"),)
    if retention.text:
        return loc.rich(retention.text)
    lines: list[Paragraph] = []
    if retention.period:
        lines.append(loc.t("retention_period", period=loc.duration(retention.period)))
    lines.extend(loc.rich(retention.criterion))
    if retention.statute:
        lines.append(loc.t("retention_statute", statute=loc.para(retention.statute)))
    if retention.end:
        lines.append(loc.t(f"retention_{retention.end.value}"))
    return tuple(lines) or (loc.t("not_stated"),)


def _provision(loc: Localiser, activity: Activity) -> Rich:
    provision = activity.provision
    if provision is None:
        return ()
    return (
        loc.t(f"provision_{provision.requirement.value}"),
        *loc.rich(provision.text),
        *loc.rich(provision.consequence),
    )


def _automated(loc: Localiser, activity: Activity) -> Rich:
    decisions = activity.automated_decisions
    if decisions is None:
        return ()
    if not decisions.used:
        return loc.rich(decisions.text) or (loc.t("automated_none"),)
    lines: list[Paragraph] = [loc.t("automated_used"), *loc.rich(decisions.text)]
    if decisions.logic:
        lines.append(rich.concat(loc.t("automated_logic"), " ", loc.para(decisions.logic)))
    if decisions.significance:
        lines.append(rich.concat(loc.t("automated_significance"), " ", loc.para(decisions.significance)))
    return tuple(lines)
