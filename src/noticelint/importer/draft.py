"""From blocks to a draft statement: every block in the item or section it belongs to, with its heading,
and the certain facts, each with a comment naming its source line.

The text is cut at its headings. A part whose heading says it is about the controller, the rights or
the complaint becomes that item's text; parts about security, changes, sharing, transfers, retention,
the DPO and other general matters become free sections with their topic; every other part (what is
collected and why, cookies, a newsletter, a booking) becomes an activity with only its text, for the
user to fill in. Headings below the level the text is cut at stay inside the part's text, in bold.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from noticelint.importer import facts as F
from noticelint.importer.blocks import Block, Kind, Page
from noticelint.importer.cookienames import cookie_names_in

if TYPE_CHECKING:
    from noticelint.knowledge import Knowledge

# Which part a heading introduces, by its words (nb and en), tried in this order.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (topic, re.compile(pattern, re.IGNORECASE))
    for topic, pattern in (
        ("complaint", r"klage|complain|supervisory|tilsyn"),
        ("dpo", r"personvernombud|data protection officer|\bdpo\b"),
        ("rights", r"rettighet|\brights?\b|\brett til\b|innsyn|your choices|access to your"),
        ("cookies_activity", r"cookie|informasjonskaps|analy|statisti|sporing|tracking"),
        ("transfers", r"overføring|transfer|utenfor eu|outside the (?:eu|eea|uk)|internasjonal|international"),
        (
            "recipients",
            r"deling|\bdeler\b|utlever|tredjepart|third.part|\bshar|databehandler|processors?\b|mottaker|"
            r"recipient|disclos|leverandør|who (?:we|do we) (?:share|give)|hvem (?:vi )?deler",
        ),
        ("retention", r"\blagring\b|lagringstid|hvor lenge|how long|retention|retain|oppbevar|sletting|deletion|"
         r"storage"),
        ("security", r"sikkerhet|security|beskytt|protect"),
        ("changes", r"endring|changes|updates?\b|oppdater|change\s*log|(?:version|revision) history|"
         r"historikk"),
        (
            "controller",
            r"behandlingsansvarlig|controller|who we are|about us|hvem (?:er )?vi|om oss|"
            r"\bkontakt(?:\b|e\b|informasjon|opplysninger|person)|\bcontacts?\b(?!\s+forms?)|"
            r"ansvarlig",
        ),
        ("other", r"definisjon|definition|lenker|links|children|barn\b|lovverk|\blaw\b|gdpr$|introduksjon|"
         r"introduction|generelt|general|overview|oversikt|om denne|about this|scope|omfang"),
    )
)  # fmt: skip


# Company names that the vendor table lists as aliases of one service ("Facebook" for Meta Pixel) but
# that a text mostly uses for the company or its social network: not taken as a recipient.
_BRANDS = frozenset({"facebook", "meta", "google", "microsoft", "apple", "amazon", "instagram", "linkedin"})


_HANDLE = re.compile(r"\W{0,3}@\w")
_BOLD_LINE = re.compile(r"\*\*[^*\n]{2,80}[^*:\n]\*\*")


@dataclass
class Part:
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    topic: str = "activity"
    order: int = 0  # its place in the text (lines repeat when several pages were read)

    @property
    def line(self) -> int:
        if self.heading is not None:
            return self.heading.line
        return self.blocks[0].line if self.blocks else 0

    def pieces(self) -> list[F.Piece]:
        items = [F.Piece(b.text, b.line, b.source) for b in self.blocks]
        if self.heading is not None:
            items.insert(0, F.Piece(self.heading.text, self.heading.line, self.heading.source))
        return items


def classify(heading: str) -> str:
    for topic, pattern in _TOPICS:
        if pattern.search(heading):
            return topic
    return "activity"


def split_parts(page: Page) -> tuple[str | None, int, list[Part], list[Block]]:
    """(title, title line, parts of the main text, footer blocks)."""
    main = [b for b in page.blocks if not b.footer]
    footer = [b for b in page.blocks if b.footer]
    title: str | None = None
    title_line = 0
    headings = [b for b in main if b.kind is Kind.HEADING]
    if headings:
        first = headings[0]
        before = main[: main.index(first)]
        others = [h.level for h in headings[1:]]
        outranks = (first.level == 1 and 1 not in others) or bool(others and first.level < min(others))
        if outranks and len(before) <= 1 and all(len(b.text) < 40 for b in before):
            title, title_line = first.text, first.line
            main.remove(first)
            headings = headings[1:]
    if not headings:
        # No headings but bold lines standing alone ("**Introduction**"): those are the headings.
        main = [
            Block(Kind.HEADING, b.text[2:-2].strip(), b.line, 6, source=b.source)
            if b.kind is Kind.PARAGRAPH and _BOLD_LINE.fullmatch(b.text)
            else b
            for b in main
        ]
        headings = [b for b in main if b.kind is Kind.HEADING]
    level = _cut_level([h.level for h in headings])
    parts: list[Part] = [Part(None)]
    for block in main:
        if block.kind is Kind.HEADING and block.level <= level:
            parts.append(Part(block))
        else:
            parts[-1].blocks.append(block)
    # A heading with nothing under it goes into the next part as its first paragraph, in bold.
    merged: list[Part] = []
    carry: list[Block] = []
    for part in parts:
        if part.heading is not None and not part.blocks:
            carry.append(part.heading)
            continue
        if carry:
            if part.heading is None:
                part.blocks[:0] = carry
            else:
                part.blocks[:0] = [part.heading, *carry[1:]]
                part.heading = carry[0]
            carry = []
        merged.append(part)
    if carry:
        merged.append(Part(carry[0], list(carry[1:])))
    for order, part in enumerate(merged):
        part.topic = "intro" if part.heading is None else classify(part.heading.text)
        part.order = order * 1000
    return title, title_line, [p for p in merged if p.blocks or p.heading], footer


def _cut_level(levels: Sequence[int]) -> int:
    """The heading level the text is cut at: the most frequent one (the higher on a tie)."""
    if not levels:
        return 0
    counts = {level: levels.count(level) for level in set(levels)}
    return min(counts, key=lambda lv: (-counts[lv], lv))


def body(blocks: Sequence[Block]) -> str:
    """The blocks as text in the format's Markdown subset: paragraphs apart, list items together."""
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind is Kind.HEADING:
            text = f"**{block.text}**" if not block.text.startswith("**") else block.text
        elif block.kind is Kind.ITEM:
            marker = "1." if block.ordered else "-"
            indent = "  " * max(0, block.level - 1)
            text = indent + f"{marker} " + block.text.replace("\n", "\n" + indent + "  ")
        else:
            text = block.text
        if previous is not None:
            together = (block.kind is Kind.ITEM and previous.kind is Kind.ITEM) or (
                block.kind is Kind.ROW and previous.kind is Kind.ROW
            )
            out.append("\n" if together else "\n\n")
        out.append(text)
        previous = block
    return "".join(out)


def by_basis(part: Part) -> list[Part]:
    """A part that names several legal bases, cut at its own sub-headings when that leaves each piece
    with at most one: one activity per sub-heading (the text's own structure), else the part whole."""
    if len(F.legal_bases(part.pieces())) < 2:
        return [part]
    subs: list[Part] = [Part(part.heading, topic=part.topic, order=part.order)]
    for block in part.blocks:
        if block.kind is Kind.HEADING:
            subs.append(Part(block, topic=part.topic, order=part.order + len(subs)))
        else:
            subs[-1].blocks.append(block)
    if not subs[0].blocks and len(subs) > 1:
        if subs[0].heading is None:
            subs.pop(0)
        else:  # the part's heading stands right above its first sub-heading: the two stay together
            first = subs.pop(1)
            subs[0].blocks = [b for b in (first.heading, *first.blocks) if b is not None]
    if len(subs) < 2 or any(len(F.legal_bases(sub.pieces())) > 1 for sub in subs):
        return [part]
    return subs


def slug(text: str, taken: set[str], fallback: str) -> str:
    text = text.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("Æ", "ae").replace("Ø", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    value = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-")
    if not value or not value[0].isalnum():
        value = fallback
    candidate, n = value, 2
    while candidate in taken:
        candidate = f"{value[:36]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


@functools.lru_cache(maxsize=1)
def _knowledge() -> Knowledge:
    """The built-in tables, once per process: the vendor look-up's pre-tests are built on first use and
    kept on the knowledge object, so a new object for every page would build them again (0.1 s)."""
    from noticelint.knowledge import load_knowledge

    return load_knowledge()


@dataclass
class Review:
    """What the summary tells the user: the facts found, and what to look at."""

    found: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    language: str
    jurisdiction: str | None
    statement_id: str
    source_name: str


def build(page: Page, options: Options) -> tuple[str, Review]:
    """The draft statement as YAML text (with comments), and what the summary reports."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    from noticelint.knowledge.vendor_matching import vendor_mentions

    review = Review()
    lang = options.language
    title, _title_line, parts, footer = split_parts(page)
    title_note = None
    if title is None and page.title and page.meta:
        title, title_note = page.title, "the front matter's title"
    everything = [p for part in parts for p in part.pieces()] + [
        F.Piece(b.text, b.line, b.source) for b in footer
    ]

    literals: dict[str, str] = {}

    def text(value: str) -> Any:
        if "\n" not in value and len(value) <= 80:
            return value
        if FAST_LITERALS and literal_safe(value):
            # the emitter scans a long text character by character to choose its style; a text that
            # can only be a literal block goes in after the dump (a third of the import's time saved)
            key = f"{_PLACEHOLDER}{len(literals)}@"
            literals[key] = value
            return LiteralScalarString(key)
        return LiteralScalarString(value)

    def note(node: Any, key: str, fact: F.Fact) -> None:
        node.yaml_add_eol_comment(fact.comment(), key)

    doc = CommentedMap()
    doc["schema_version"] = 1
    statement = CommentedMap()
    doc["statement"] = statement
    statement["id"] = options.statement_id
    if title:
        statement["title"] = text(title)
        if title_note:
            statement.yaml_add_eol_comment(title_note, "title")
    statement["languages"] = CommentedSeq([lang])
    statement["languages"].fa.set_flow_style()
    statement["default_language"] = lang
    if options.jurisdiction:
        statement["jurisdiction"] = options.jurisdiction
    if page.url:
        statement["url"] = page.url
    updated = F.last_updated(everything) or F.change_log_date(
        [p for part in parts if part.topic == "changes" for p in part.pieces()]
    )
    if updated:
        statement["last_updated"] = updated.value
        note(statement, "last_updated", updated)
        review.found.append(f"last updated {updated.value} ({updated.where()})")

    denied = F.denials(everything)
    if denied:
        statement["denies"] = CommentedSeq([d.value for d in denied])
        statement["denies"].fa.set_flow_style()
        statement.yaml_add_eol_comment("; ".join(d.comment() for d in denied), "denies")
        review.found.append("denies " + ", ".join(str(d.value) for d in denied))

    by_topic: dict[str, list[Part]] = {}
    for part in parts:
        by_topic.setdefault(part.topic, []).append(part)
    intro = by_topic.get("intro", [])
    if (
        intro
        and len(intro[0].blocks) > 2
        and not (by_topic.get("activity") or by_topic.get("cookies_activity"))
    ):
        # No part says what is done with the data, so the introduction does: its first paragraph stays
        # the statement's introduction, the rest is one activity for the user to split.
        rest = Part(None, intro[0].blocks[1:], topic="activity", order=intro[0].order + 1)
        intro[0] = Part(None, intro[0].blocks[:1], topic="intro", order=intro[0].order)
        by_topic["intro"] = intro
        by_topic["activity"] = [rest]
    if intro:
        statement["text"] = text(body(intro[0].blocks))

    # The controller -------------------------------------------------------------------------------
    controller_parts = by_topic.get("controller", [])
    preferred = (
        [p for part in controller_parts for p in part.pieces()]
        + [p for part in intro for p in part.pieces()]
        + [F.Piece(b.text, b.line, b.source) for b in footer]
    )
    controller = CommentedMap()
    doc["controller"] = controller
    name = F.controller_name(everything)
    numbers = F.organisation_numbers(everything)
    controller_id = "controller"
    if name:
        controller_id = slug(name.value if isinstance(name.value, str) else "", set(), "controller")
    controller["id"] = controller_id
    if name:
        controller["legal_name"] = name.value
        note(controller, "legal_name", name)
        review.found.append(f"controller {name.value} ({name.where()})")
    else:
        review.review.append("no controller name with a legal form found: give controller.legal_name")
    # The controller's own number: the one right after its name, or else one in the controller's part.
    if name is not None and any(n.quote in name.quote for n in numbers):
        numbers = [n for n in numbers if n.quote in name.quote]
    else:
        numbers = [
            n
            for n in numbers
            if any(
                n.line == p.line and n.source == p.source and n.quote in F.plain(p.text) for p in preferred
            )
        ]
    if len(numbers) == 1:
        controller["organisation_number"] = numbers[0].value
        note(controller, "organisation_number", numbers[0])
        review.found.append(f"organisation number {numbers[0].value} (MOD11 checked, {numbers[0].where()})")
        if lang in ("nb", "nn", "no"):
            controller["country"] = "NO"
            controller.yaml_add_eol_comment("a Norwegian organisation number", "country")
    elif len(numbers) > 1:
        review.review.append(
            "several organisation numbers: " + ", ".join(str(n.value) for n in numbers) + "; none was taken"
        )
    if name is not None:
        # the sentence that names the controller ('Data controller is X (email: …)') is its part too
        preferred.append(F.Piece(name.quote, name.line, name.source))
    if "country" not in controller:
        registered = F.registered_country(preferred)
        if registered:
            controller["country"] = registered.value
            note(controller, "country", registered)
    contact = CommentedMap()
    email = F.one_email(preferred, everything)
    if email:
        contact["email"] = email.value
        note(contact, "email", email)
    phone = F.one_phone(preferred, everything)
    if phone:
        contact["phone"] = phone.value
        note(contact, "phone", phone)
    address = F.one_address(preferred, everything)
    if address and isinstance(address.value, dict):
        postal = CommentedMap(address.value)
        contact["postal_address"] = postal
        contact.yaml_add_eol_comment(address.comment(), "postal_address")
    if contact:
        controller["contact"] = contact
        review.found.append("contact: " + ", ".join(contact))
    else:
        review.review.append("no e-mail, phone or postal address could be taken as the controller's")
    taken_ids: set[str] = {controller_id}
    sections = CommentedSeq()
    if controller_parts:
        first = controller_parts[0]
        if first.heading is not None:
            controller["heading"] = text(first.heading.text)
        controller["text"] = text(body(first.blocks))
        for extra in controller_parts[1:]:
            by_topic.setdefault("controller_section", []).append(extra)

    # Vendors, as parties ----------------------------------------------------------------------------
    knowledge = _knowledge()
    vendor_ids: dict[str, str] = {}
    parties = CommentedSeq()
    for piece in everything:
        for mention in vendor_mentions(knowledge, piece.text):
            service = mention.vendor.service
            if service in vendor_ids or mention.written.casefold() in _BRANDS:
                continue
            if _HANDLE.match(piece.text, mention.end):
                continue  # 'Twitter: @club': the author's own profile, not a recipient
            party = CommentedMap()
            party_id = slug(service, taken_ids, "party")
            vendor_ids[service] = party_id
            party["id"] = party_id
            party["legal_name"] = mention.written
            party.yaml_add_eol_comment(
                f"source {piece.where()}: the service {service} (vendor table); check the legal name",
                "legal_name",
            )
            parties.append(party)
    # Organisations named with their legal form ("Sanity AS", "Checkin AS"), other than the controller.
    from noticelint.text.organisations import find_organisations

    own = {str(name.value).casefold()} if name else set()
    organisation_ids: dict[str, str] = {}
    controllers_part = {
        (p.source, p.line, p.text)
        for p in [p for part in controller_parts for p in part.pieces()]
        + [F.Piece(b.text, b.line, b.source) for b in footer]
    }
    for piece in everything:
        if name is None and (piece.source, piece.line, piece.text) in controllers_part:
            continue  # with no controller found, an organisation in its part may well be the controller
        flat = F.plain(piece.text)
        if re.search(r"℅|\bc/o\b", flat):
            continue  # an address in care of somebody: the organisation only lends its address
        for organisation in find_organisations(flat):
            key = organisation.name.casefold()
            if re.search(r"(?:&|\bog|\band)\s*$", flat[: organisation.start]):
                continue  # the end of a longer name ("Lissom Keramikk & Håndverk AS")
            if key in own or key in organisation_ids or any(key == v.casefold() for v in vendor_ids):
                continue
            if any(key.startswith(o) or o.startswith(key) for o in own):
                continue  # the controller's name written in full, or shortened
            if knowledge.find_vendors(organisation.name):
                continue  # a vendor's entity ("Google Ireland Limited"): the vendor is declared already
            party = CommentedMap()
            party_id = slug(organisation.name, taken_ids, "party")
            organisation_ids[key] = party_id
            party["id"] = party_id
            party["legal_name"] = organisation.name
            party.yaml_add_eol_comment(
                f"source {piece.where()}: named in the text; give its role", "legal_name"
            )
            parties.append(party)
    if parties:
        doc["parties"] = parties
        review.found.append(f"{len(parties)} vendor(s) named: " + ", ".join(vendor_ids))
        review.review.append("each party's legal name, role and country (the text names the service only)")

    # Activities ---------------------------------------------------------------------------------------
    activity_parts = by_topic.get("activity", []) + by_topic.get("cookies_activity", [])
    activity_parts = [sub for part in sorted(activity_parts, key=lambda p: p.order) for sub in by_basis(part)]
    activities = CommentedSeq()
    all_bases = F.legal_bases(everything)
    all_periods = F.retention_periods(
        [p for topic in ("retention",) for part in by_topic.get(topic, []) for p in part.pieces()]
    )
    for part in activity_parts:
        activity = CommentedMap()
        heading = part.heading.text if part.heading is not None else "activity"
        activity["id"] = slug(heading, taken_ids, "activity")
        pieces = part.pieces()
        bases = F.legal_bases(pieces)
        if not bases and len(activity_parts) == 1 and len(all_bases) == 1:
            bases = all_bases
        if len(bases) == 1:
            activity["legal_basis"] = bases[0].value
            note(activity, "legal_basis", bases[0])
            review.found.append(f"legal basis {bases[0].value} for {activity['id']} ({bases[0].where()})")
        elif len(bases) > 1:
            review.review.append(
                f"activity {activity['id']} names several legal bases ("
                + ", ".join(str(b.value) for b in bases)
                + "): split it or choose"
            )
        recipients: list[str] = []
        for piece in pieces:
            for mention in vendor_mentions(knowledge, piece.text):
                found_id = vendor_ids.get(mention.vendor.service)
                if found_id and found_id not in recipients:
                    recipients.append(found_id)
            for organisation in find_organisations(F.plain(piece.text)):
                found_id = organisation_ids.get(organisation.name.casefold())
                if found_id and found_id not in recipients:
                    recipients.append(found_id)
        health = F.health_data(pieces)
        if health:
            activity["special_categories"] = CommentedSeq([health.value])
            activity["special_categories"].fa.set_flow_style()
            activity.yaml_add_eol_comment(
                health.comment() + " (Art. 9: give the condition)", "special_categories"
            )
        source = F.from_the_person(pieces)
        if source:
            kind = CommentedMap()
            kind["kind"] = source.value
            activity["source"] = kind
            note(kind, "kind", source)
        cookies = CommentedSeq()
        for piece in pieces:
            for sentence in F.sentences_of(piece.text):
                if not F.COOKIE_WORDS.search(sentence):
                    continue
                for mention in vendor_mentions(knowledge, sentence):
                    cookie_party = vendor_ids.get(mention.vendor.service)
                    if (
                        cookie_party
                        and mention.vendor.sets_cookie
                        and all(c.get("provider") != cookie_party for c in cookies)
                    ):
                        cookie = CommentedMap()
                        cookie["provider"] = cookie_party
                        cookie.yaml_add_eol_comment(
                            f"source {piece.where()}: cookies from {mention.written}; give name and lifetime",
                            "provider",
                        )
                        cookies.append(cookie)
        for piece in pieces:
            for cookie_name, platform in cookie_names_in(F.plain(piece.text)):
                if any(c.get("name") == cookie_name for c in cookies):
                    continue
                provider = vendor_ids.get(platform)
                unnamed = next(
                    (c for c in cookies if provider and c.get("provider") == provider and "name" not in c),
                    None,
                )
                if unnamed is not None:
                    cookies.remove(unnamed)
                cookie = CommentedMap()
                cookie["name"] = cookie_name
                if provider:
                    cookie["provider"] = provider
                cookie.yaml_add_eol_comment(
                    f"source {piece.where()}: a cookie of {platform} (Open Cookie Database)", "name"
                )
                cookies.append(cookie)
        necessary = F.necessary_cookies_only(pieces)
        if necessary and not cookies:
            cookie = CommentedMap()
            cookie["strictly_necessary"] = True
            note(cookie, "strictly_necessary", necessary)
            cookies.append(cookie)
        used = None if cookies else F.cookies_used(pieces)
        if used:
            cookie = CommentedMap()
            cookie["technology"] = "cookie"
            cookie.yaml_add_eol_comment(
                used.comment() + " (give the cookies' names, providers and lifetimes)", "technology"
            )
            cookies.append(cookie)
        if recipients:
            activity["recipients"] = CommentedSeq(recipients)
            activity["recipients"].fa.set_flow_style()
            activity.yaml_add_eol_comment(
                "named in this activity's text; check that they receive data", "recipients"
            )
        periods = F.retention_periods(pieces)
        if not periods and len(activity_parts) == 1 and len(all_periods) == 1:
            periods = all_periods
        if len(periods) == 1:
            retention = CommentedMap()
            retention["period"] = periods[0].value
            note(retention, "period", periods[0])
            activity["retention"] = retention
            review.found.append(f"retention {periods[0].value} for {activity['id']} ({periods[0].where()})")
        elif len(periods) > 1:
            review.review.append(
                f"activity {activity['id']} names several periods ("
                + ", ".join(str(p.value) for p in periods)
                + "): give each kind of data its own"
            )
        if cookies:
            activity["cookies"] = cookies
        if part.heading is not None:
            activity["heading"] = text(part.heading.text)
        activity["text"] = text(body(part.blocks))
        activities.append(activity)
    if activities:
        doc["activities"] = activities
        review.review.append(
            f"{len(activities)} activities made from the text's parts: give each its purpose, data, "
            "legal basis and retention"
        )

    # Rights and complaint -----------------------------------------------------------------------------
    rights_parts = by_topic.get("rights", [])
    rights = CommentedMap()
    if rights_parts:
        named = F.rights_named([p for part in rights_parts for p in part.pieces()])
        if named:
            rights["offered"] = CommentedSeq([f.value for f in named])
            rights["offered"].fa.set_flow_style()
            rights.yaml_add_eol_comment("named at source " + ", ".join(f.where() for f in named), "offered")
        if rights_parts[0].heading is not None:
            rights["heading"] = text(rights_parts[0].heading.text)
        rights["text"] = text(body(rights_parts[0].blocks))
        doc["rights"] = rights
        by_topic.setdefault("rights_section", []).extend(rights_parts[1:])
    complaint_parts = by_topic.get("complaint", [])
    named_authority = F.authority(everything, lang)
    if complaint_parts or named_authority:
        complaint = CommentedMap()
        if named_authority:
            complaint["authority"] = named_authority.value
            note(complaint, "authority", named_authority)
            review.found.append(f"supervisory authority {named_authority.value} ({named_authority.where()})")
        if complaint_parts:
            if complaint_parts[0].heading is not None:
                complaint["heading"] = text(complaint_parts[0].heading.text)
            complaint["text"] = text(body(complaint_parts[0].blocks))
            by_topic.setdefault("complaint_section", []).extend(complaint_parts[1:])
        doc["complaint"] = complaint

    # Free sections, in the order of the text ------------------------------------------------------------
    section_topics = {
        "dpo": "dpo",
        "transfers": "transfers",
        "recipients": "recipients",
        "retention": "retention",
        "security": "security",
        "changes": "changes",
        "other": "other",
        "controller_section": "controller",
        "rights_section": "rights",
        "complaint_section": "complaint",
    }
    loose = [(part, topic) for key, topic in section_topics.items() for part in by_topic.get(key, [])]
    loose += [(part, "other") for part in intro[1:]]
    for part, topic in sorted(loose, key=lambda pt: pt[0].order):
        section = CommentedMap()
        heading = part.heading.text if part.heading is not None else topic
        section["id"] = slug(heading, taken_ids, "section")
        section["topic"] = topic
        if part.heading is not None:
            section["heading"] = text(part.heading.text)
        section["text"] = text(body(part.blocks))
        sections.append(section)
    if footer:
        section = CommentedMap()
        section["id"] = slug("footer" if lang != "nb" else "bunntekst", taken_ids, "footer")
        section["topic"] = "controller"
        section["text"] = text(body(footer))
        section.yaml_set_start_comment("The page's footer (contact block), kept as it stands.", indent=2)
        sections.append(section)
    if sections:
        doc["sections"] = sections

    doc.yaml_set_start_comment(
        f"Draft imported by `noticelint import` from {options.source_name}.\n"
        "Every sentence of the source is in the text below; the structured facts were taken only where\n"
        "the text states them, each with the source line it came from. Review every item before use."
    )
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(doc, out)
    return _fill_literals(out.getvalue(), literals), review


FAST_LITERALS = True  # False: every text through the emitter (the tests compare the two)
_PLACEHOLDER = "@noticelint-literal-"
_LITERAL_LINE = re.compile(rf"^( *)({re.escape(_PLACEHOLDER)}\d+@)$", re.MULTILINE)


def literal_safe(value: str) -> bool:
    """Whether a text reads back unchanged as a plain literal block (``|-`` without an indentation
    indicator): YAML's printable characters and line feeds only, no tab, its first line starting
    with a non-space, no line of spaces alone, no line break at the end."""
    if not value or value[0] in " \n" or value.endswith("\n") or "\t" in value:
        return False
    if any(line.strip(" ") == "" and line for line in value.split("\n")):
        return False
    return all(
        ch == "\n"
        or "\x20" <= ch <= "\x7e"
        or ("\xa0" <= ch <= "\ud7ff" and ch not in "\u2028\u2029")
        or ("\ue000" <= ch <= "\ufffd" and ch != "\ufeff")
        or ch >= "\U00010000"
        for ch in value
    )


def _fill_literals(dumped: str, literals: dict[str, str]) -> str:
    def fill(match: re.Match[str]) -> str:
        indent = match.group(1)
        return "\n".join(indent + line if line else "" for line in literals[match.group(2)].split("\n"))

    return _LITERAL_LINE.sub(fill, dumped) if literals else dumped
