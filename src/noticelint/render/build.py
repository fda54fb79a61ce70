"""Assembling the page: head, first layer, the full notice in a fixed order, free sections by topic."""

from __future__ import annotations

from collections.abc import Sequence

from noticelint.format.model import PrivacyStatement, Topic
from noticelint.knowledge import Knowledge
from noticelint.render import rich
from noticelint.render.activities import activities_section
from noticelint.render.cookies import cookies_section
from noticelint.render.localise import Localiser
from noticelint.render.organisation import controller_section, dpo_section
from noticelint.render.page import Draft, Facts, Page, Para, Section
from noticelint.render.recipients import recipients_section
from noticelint.render.rich import Paragraph, Rich, Segment
from noticelint.render.rights import complaint_section, has_withdrawal, objection_section, rights_section
from noticelint.render.summary import summary
from noticelint.render.wordbook import wordbook

# Where a free section goes: the item it is about (falls back to a section of its own at the end).
_HOME = {
    Topic.CONTROLLER: "controller",
    Topic.DPO: "dpo",
    Topic.PURPOSES: "activities",
    Topic.DATA_CATEGORIES: "activities",
    Topic.RETENTION: "activities",
    Topic.RECIPIENTS: "recipients",
    Topic.TRANSFERS: "recipients",
    Topic.COOKIES: "cookies",
    Topic.RIGHTS: "rights",
    Topic.COMPLAINT: "complaint",
}
_DEFAULT_HEADING = {Topic.SECURITY: "h_security", Topic.CHANGES: "h_changes"}


def build_page(
    statement: PrivacyStatement, lang: str, knowledge: Knowledge, draft_errors: Sequence[str] | None = None
) -> Page:
    """The notice in ``lang``; ``draft_errors`` (possibly empty) marks it as a draft with that list."""
    loc = Localiser(statement, wordbook(lang), knowledge)
    free = _free_sections(loc)
    homes = {
        "controller": True,
        "dpo": statement.dpo is not None,
        "activities": bool(statement.activities),
        "recipients": bool(statement.parties or statement.transfers),
        "cookies": any(a.cookies for a in statement.activities),
        "rights": True,
        "complaint": True,
    }
    placed: dict[str, list[Section]] = {home: [] for home in homes}
    own: list[Section] = []
    for topic, section in free:
        home = _HOME.get(topic)
        if home and homes[home]:
            placed[home].append(section)
        else:
            own.append(section)
    sections = [
        controller_section(loc, tuple(placed["controller"])),
        dpo_section(loc, tuple(placed["dpo"])),
        activities_section(loc, tuple(placed["activities"])),
        recipients_section(loc, tuple(placed["recipients"])),
        cookies_section(loc, has_withdrawal(loc), tuple(placed["cookies"])),
        rights_section(loc, tuple(placed["rights"])),
        objection_section(loc),
        complaint_section(loc, tuple(placed["complaint"])),
        *own,
        _about(loc),
    ]
    return Page(
        lang=lang,
        title=loc.para(statement.statement.title)
        or loc.t("title", controller=loc.name(loc.controller_name())),
        meta=_meta(loc),
        intro=_intro(loc),
        intro_heading=rich.plain(loc.para(statement.statement.heading)),
        summary=summary(loc),
        sections=tuple(s for s in sections if s is not None),
        draft=_draft(loc, draft_errors),
    )


def _free_sections(loc: Localiser) -> list[tuple[Topic, Section]]:
    found = []
    for section in loc.statement.sections:
        body = loc.rich(section.text)
        if not body:
            continue
        heading = rich.plain(loc.para(section.heading)) or loc.t(
            _DEFAULT_HEADING.get(section.topic, "h_other")
        )
        found.append(
            (
                section.topic,
                Section(f"{loc.anchor('section')}-{section.id}", heading, tuple(Para(p) for p in body)),
            )
        )
    return found


def _meta(loc: Localiser) -> Paragraph:
    info = loc.statement.statement
    parts: list[Paragraph] = []
    if info.last_updated:
        parts.append(loc.t("updated", date=loc.words.date(info.last_updated)))
    if info.version:
        parts.append(loc.t("version", version=info.version))
    return rich.join(parts, " ")


def _intro(loc: Localiser) -> Rich:
    info = loc.statement.statement
    paragraphs = list(loc.rich(info.text))
    scope = info.scope
    if scope and scope.text:
        paragraphs.extend(loc.rich(scope.text))
    elif scope and (scope.sites or scope.services):
        covered: list[Paragraph] = [(Segment(s),) for s in (*scope.sites, *scope.services)]
        paragraphs.append(loc.t("scope", sites=loc.join(covered)))
    return tuple(paragraphs)


def _about(loc: Localiser) -> Section | None:
    info = loc.statement.statement
    rows: list[tuple[str, Rich]] = []
    if info.last_updated:
        rows.append((loc.label("about_updated"), ((Segment(loc.words.date(info.last_updated)),),)))
    if info.version:
        rows.append((loc.label("about_version"), ((Segment(info.version),),)))
    if info.url:
        rows.append((loc.label("about_url"), ((rich.link(info.url, info.url),),)))
    if not rows:
        return None
    return Section(loc.anchor("about"), (Segment(loc.label("h_about")),), (Facts(tuple(rows)),))


def _draft(loc: Localiser, errors: Sequence[str] | None) -> Draft | None:
    if errors is None:
        return None
    show = loc.label("draft_show").replace("{count}", str(len(errors)))
    return Draft(loc.label("draft_title"), loc.label("draft_intro"), tuple(errors), show)
