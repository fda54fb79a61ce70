"""The cookie table: every cookie and similar technology, who sets it, why, how long and whether it needs
consent (ekomloven § 3-15, GDPR Art. 13)."""

from __future__ import annotations

from noticelint.format.model import Cookie
from noticelint.render import rich
from noticelint.render.localise import Localiser
from noticelint.render.page import Block, Items, Para, Section, Table
from noticelint.render.rich import Paragraph, Rich, Segment


def all_cookies(loc: Localiser) -> list[Cookie]:
    return [cookie for activity in loc.statement.activities for cookie in activity.cookies]


def cookies_section(loc: Localiser, withdrawal: bool, extra: tuple[Section, ...] = ()) -> Section | None:
    cookies = all_cookies(loc)
    if not cookies and not extra:
        return None
    blocks: list[Block] = []
    if cookies:
        blocks.append(Para(loc.t("cookies_intro")))
        if "NO" in (loc.statement.statement.jurisdiction, loc.statement.controller.country):
            blocks.append(Para(loc.t("cookies_law")))
        head = tuple(
            loc.label(k)
            for k in ("col_name", "col_type", "col_provider", "col_purpose", "col_lifetime", "col_consent")
        )
        blocks.append(Table(loc.label("cookies_caption"), head, tuple(_row(loc, c) for c in cookies)))
        notes = [_note(loc, c) for c in cookies if c.text]
        if notes:
            blocks.append(Items(tuple(notes)))
        if withdrawal and any(c.strictly_necessary is not True for c in cookies):
            target = rich.anchor(loc.label("h_withdrawal"), loc.anchor("withdrawal"))
            blocks.append(Para(loc.t("cookies_withdraw", link=target)))
    return Section(
        id=loc.anchor("cookies"),
        heading=(Segment(loc.label("h_cookies")),),
        blocks=tuple(blocks),
        subsections=extra,
    )


def _name(loc: Localiser, cookie: Cookie) -> Paragraph:
    return (Segment(cookie.name or loc.label("cookie_unnamed")),)


def _row(loc: Localiser, cookie: Cookie) -> tuple[Rich, ...]:
    if cookie.provider is None:
        provider: Paragraph = loc.t("not_stated")
    elif cookie.provider == loc.statement.controller.id:
        provider = (Segment(f"{loc.label('cookie_us')} ({loc.controller_name()})"),)
    else:
        provider = (loc.name(loc.party_name(cookie.provider)),)
    if cookie.technology.value == "pixel" and (cookie.session or not cookie.lifetime):
        lifetime: Paragraph = loc.t("cookie_pixel")  # a pixel stores nothing; "until you close" misleads
    elif cookie.session:
        lifetime = loc.t("cookie_session")
    elif cookie.lifetime:
        lifetime = (Segment(loc.duration(cookie.lifetime)),)
    else:
        lifetime = loc.t("not_stated")
    if cookie.strictly_necessary is True:
        consent = loc.t("cookie_necessary")
    elif cookie.strictly_necessary is False:
        consent = loc.t("cookie_consent")
    else:
        consent = loc.t("not_stated")
    return (
        (_name(loc, cookie),),
        ((Segment(loc.words.entry("technologies", cookie.technology.value)),),),
        (provider,),
        loc.rich(cookie.purpose) or (loc.t("not_stated"),),
        (lifetime,),
        (consent,),
    )


def _note(loc: Localiser, cookie: Cookie) -> Rich:
    paragraphs = loc.rich(cookie.text)
    first = rich.concat(_name(loc, cookie), ": ", paragraphs[0])
    return (first, *paragraphs[1:])
