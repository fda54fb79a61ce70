"""Who receives the data: processors, sub-processors, other recipients and the vendors the wording names.
GDPR Art. 13(1)(e), 14(1)(e), 26, 28.

A privacy statement must tell the reader who receives their data (Art. 13(1)(e)). In a noticelint
statement every such organisation is declared under `parties`, with its role, and listed as a recipient
of the activities whose data it receives. These rules check that the declared parties and the wording
tell the same story: a service named in the text (Google Analytics, Meta Pixel, Mailchimp, …) is a
declared recipient, every declared processor actually receives something, every party has a role, and
organisation names are current (the vendor table knows, for example, that "Google Inc." has been Google
LLC since 2017).

Several rules rest on the vendor table (`vendors.csv` in the package, extendable in the configuration).
Its facts carry a source, a confidence and the date they were last checked; `noticelint explain` says
which rules use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import (
    CheckContext,
    Hit,
    Knowledge,
    Party,
    PartyRole,
    Vendor,
    entity_name,
    find_organisations,
    find_outdated_names,
    name_key,
    party_label,
    party_vendor,
    party_vendors,
    public_body,
    receiving_parties,
    rule,
    sentences,
    vendor_mentions,
)

_ROLES = "processor, sub_processor, joint_controller, independent_controller or public_authority"

# Years in which an outdated name stopped being the company's name, where the catalog gives them
# (gdpr-catalog.md §4: "Google Inc." has been Google LLC since 2017). Keyed by name_key().
_RENAMED_IN = {"google inc": "2017"}


def _parties_by_vendor(ctx: CheckContext) -> dict[Vendor, list[Party]]:
    """The declared parties that stand for each vendor (see ``stands_for``), in the order declared."""
    found: dict[Vendor, list[Party]] = {}
    for party in ctx.statement.parties:
        for vendor in party_vendors(ctx.knowledge, party):
            standing = found.setdefault(vendor, [])
            if not standing or standing[-1] is not party:  # the table may list a vendor twice
                standing.append(party)
    return found


# Social networks whose names the vendor table also lists for their tracking tools.
_SOCIAL_NETWORK = re.compile(r"^(?:Facebook|Instagram|LinkedIn|Twitter|X|TikTok|Meta|Snapchat|Pinterest)$")
# "følg oss på Instagram", "Facebook: CLC Striders", "our pages on social media": a pointer to the page.
_SOCIAL_PRESENCE = re.compile(
    r"\b(?:følg\s+oss|finn\s+oss|sosiale\s+medier|follow\s+us|find\s+us|social\s+media|"
    r"(?:sider|sidene|side|siden|pages?|profiles?|accounts?|groups?)\s+(?:på|on|in)\b)",
    re.IGNORECASE,
)
# Words that make a social network's name a tracking tool, or the place where data are given, after all
# ("discussion on our Facebook page": the network is then a (joint) controller of what is written there).
_SOCIAL_TRACKING = re.compile(
    r"piksel|pixel|sporing|spore|tracking|track|plugin|plug-in|programtillegg|konvertering|conversion|"
    r"cookie|informasjonskaps|knapp|button|innebygd|embed|sdk|login|logg\s+inn|diskusjon|discussion|"
    r"melding|message|kommentar|comment|innlegg|\bpost|chat|delta|particip|sender|send|kontakt|contact|"
    r"bilde|photo|video|publiser|publish|insights|statistikk|statistic",
    re.IGNORECASE,
)


def _own_social_page(text: str, start: int, end: int) -> bool:
    """Whether a social network is named as a pointer to the organisation's own page, not as a tool."""
    if not _SOCIAL_NETWORK.match(text[start:end]):
        return False
    sentence = next((s for s in sentences(text) if s.start <= start < s.end), None)
    words = sentence.text if sentence is not None else text
    if _SOCIAL_TRACKING.search(words):
        return False
    listed = text[end : end + 2].startswith(":")
    return listed or bool(_SOCIAL_PRESENCE.search(words))


@rule(
    code="REC001",
    name="named-vendor-not-recipient",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "GDPR Art. 12(1)"],
    knowledge=["vendors"],
    fix=(
        "Declare the service's organisation under parties (legal name, country, role) and list its id "
        "under recipients of the activity that uses the service; or remove the name from the wording if "
        "the service is not used."
    ),
    fails="""
    statement:
      text: Vi sender nyhetsbrev med Mailchimp.
    """,
    passes="""
    statement:
      text: Vi bruker Google Analytics fra Google Ireland Limited, men vi bruker ikke Mailchimp.
    """,
)
def named_vendor_not_recipient(ctx: CheckContext) -> Iterator[Hit]:
    """A service named in the wording is a declared party that receives data.

    When the text says the site uses Google Analytics, Meta Pixel, Mailchimp or another service from the
    vendor table, the organisation behind it receives personal data and is a recipient under Art.
    13(1)(e); the structured statement must declare it and list it under `recipients` of an activity,
    or its role, country and transfers go unchecked. A declared party counts for a service when its
    legal or trade name is the service's name or alias, or, if it names no other service, when its
    legal name is one of the service's entities in the table (EEA or US entity, or an outdated name). A
    sub-processor of a recipient counts as receiving. To avoid reading ordinary words as services
    ("our teams", "outlook", "plausibelt", "meta-data"), a name counts only when written with a capital
    first letter or exactly as the table spells it, and not right after a negation ("Vi bruker ikke
    Mailchimp"). A social network named only as a pointer to the organisation's own page ("følg oss på
    Instagram", "Facebook: Our Club", "our pages on social media") is not a tracking tool and is not
    reported; it still is when the sentence speaks of a pixel, plugin, button, cookie or login, or of
    data given there (discussion, messages, comments, photos, page statistics: the network is then a
    recipient, for a page's statistics a joint controller, CJEU C-210/16). Each service is reported once
    per text.
    """
    statement = ctx.statement
    knowledge = ctx.knowledge
    receiving = receiving_parties(statement)
    for item in ctx.wording:
        seen: set[str] = set()
        for mention in vendor_mentions(knowledge, item.text):
            vendor = mention.vendor
            if vendor.service in seen:
                continue
            if _own_social_page(item.text, mention.start, mention.end):
                continue
            seen.add(vendor.service)
            parties = ctx.shared(_parties_by_vendor).get(vendor, [])
            if any(p.id in receiving for p in parties):
                continue
            named = (
                mention.written
                if name_key(mention.written) == name_key(vendor.service)
                else (f"{mention.written} ({vendor.service} in the vendor table)")
            )
            if not parties:
                entity = (
                    entity_name(vendor.eea_entity)
                    or entity_name(vendor.other_entity)
                    or entity_name(vendor.us_entity)
                    or vendor.service
                )
                message = (
                    f"{named} is named here, but no declared party is {vendor.service}; declare {entity} "
                    f"under parties with its role and country, and list it under recipients of the activity "
                    f"that uses {vendor.service}"
                )
            else:
                ids = ", ".join(p.id for p in parties)
                message = (
                    f"{named} is named here and declared as {ids}, but no activity lists {ids} under "
                    f"recipients; add it to the recipients of the activity that uses {vendor.service}"
                )
            yield Hit(item.pointer, message, offset=mention.start, length=mention.end - mention.start)


@rule(
    code="REC002",
    name="processor-receives-nothing",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "GDPR Art. 28"],
    fix=(
        "List the processor's id under recipients of every activity whose data it processes (a "
        "sub-processor: set processor_for to a processor that does), or remove the party if it no longer "
        "works for you."
    ),
    fails="""
    parties:
      - {id: lonn, legal_name: Lønn Eksempel AS, country: "NO", role: processor, data_processing_agreement: true}
    """,
    passes="""
    parties:
      - {id: timebok, role: processor}  # a processor that the booking activity lists
    """,
)
def processor_receives_nothing(ctx: CheckContext) -> Iterator[Hit]:
    """Every declared processor and sub-processor receives the data of some activity.

    A processor processes personal data on the controller's behalf (Art. 28), so it must be the
    recipient of at least one activity; a sub-processor must work for a processor that is (its
    `processor_for`, at any depth), or be a recipient itself. A processor that receives nothing is
    usually a sign of a stale statement: a supplier that has been replaced, or an activity that was
    removed while its processor stayed. The reader cannot tell which data it gets. A sub-processor
    without `processor_for` is left to sub-processor-without-processor (REC005).
    """
    statement = ctx.statement
    receiving = receiving_parties(statement)
    for index, party in enumerate(statement.parties):
        if party.id in receiving:
            continue
        if party.role == PartyRole.PROCESSOR:
            yield Hit(
                f"/parties/{index}",
                f"{party_label(party)} is declared as a processor, but no activity lists it under recipients; "
                f"add it to the activities whose data it processes, or remove it if it no longer works for you",
            )
        elif party.role == PartyRole.SUB_PROCESSOR and party.processor_for is not None:
            yield Hit(
                f"/parties/{index}",
                f"{party_label(party)} is a sub-processor for {party.processor_for}, which receives the data of "
                f"no activity; list {party.processor_for} under recipients of the activities it processes, or "
                f"remove both if they no longer work for you",
            )


@rule(
    code="REC003",
    name="processor-agreement",
    basis="practice",
    legal=["GDPR Art. 28(3)"],
    fix="Set data_processing_agreement: true on the processor once a data processing agreement is in place.",
    fails="""
    parties:
      - {id: timebok, data_processing_agreement: null}
    """,
    passes="""
    parties:
      - {id: timebok, data_processing_agreement: true}
    """,
)
def processor_agreement(ctx: CheckContext) -> Iterator[Hit]:
    """A declared processor has a data processing agreement.

    Art. 28(3) requires processing by a processor to be governed by a contract (databehandleravtale).
    The notice itself need not mention the agreement, so this is good practice only: stating it
    (`data_processing_agreement: true`) tells the reader, and the DPO, that the processor acts on
    documented instructions. A party that states `data_processing_agreement: false` is reported with a
    stronger message, since that describes processing without the contract the law requires; the
    rule stays at info because that is a compliance gap outside the notice, not a missing notice item.
    Sub-processors are not checked: their contract is the processor's (Art. 28(4)).
    """
    for index, party in enumerate(ctx.statement.parties):
        if party.role != PartyRole.PROCESSOR or party.data_processing_agreement is True:
            continue
        if party.data_processing_agreement is False:
            message = (
                f"{party_label(party)} is a processor without a data processing agreement; Art. 28(3) "
                f"requires one before it processes personal data for you"
            )
        else:
            message = (
                f"{party_label(party)} is a processor, but the statement does not say that a data processing "
                f"agreement is in place; set data_processing_agreement: true when it is"
            )
        yield Hit(f"/parties/{index}", message)


@rule(
    code="REC004",
    name="party-without-role",
    basis="practice",
    default=False,
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "GDPR Art. 26", "GDPR Art. 28"],
    fix=f"Give the party a role: {_ROLES}.",
    fails="""
    parties:
      - {id: google-ireland, role: null}
    """,
    passes="""
    parties:
      - {id: google-ireland, role: processor}
    """,
)
def party_without_role(ctx: CheckContext) -> Iterator[Hit]:
    """Every declared party has a role.

    Whether an organisation is a processor acting on the controller's instructions (Art. 28), a joint
    controller deciding with it (Art. 26), an independent recipient or a public authority decides what
    the reader must be told about it and which other rules apply (a processor needs an agreement, a
    joint controller the essence of the arrangement). Without a role none of that can be checked, and
    the reader cannot tell who is responsible for what. noticelint never takes a party's role from the
    vendor table: the table's role column (Google Analytics "processor", YouTube embeds "joint
    controller") is a reading of the usual set-up, not a fact, since the role follows from how the
    controller uses the service and from the contract, and for embedded content it is contested (the
    Court of Justice made a site operator a joint controller for the collection by an embedded plug-in,
    C-40/17 Fashion ID). The law does not require the notice to name the role (Art. 13(1)(e) asks for
    the recipients or their categories), so this is good practice (info), and it is opt-in: it checks
    that the structured file is complete, and on a faithful transcription of a statement that names its
    recipients without roles it is noise. Turn it on (`extend-select = ["REC004"]`) to keep your own
    files complete; a party that acts for its own purposes is CTL003's, whether or not a role is given.
    """
    for index, party in enumerate(ctx.statement.parties):
        if party.role is None:
            yield Hit(f"/parties/{index}", f"{party_label(party)} has no role; say whether it is {_ROLES}")


@rule(
    code="REC005",
    name="sub-processor-without-processor",
    basis="practice",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 28(2)", "GDPR Art. 28(4)"],
    fix="Set processor_for on the sub-processor to the id of the processor it works for.",
    fails="""
    parties:
      - {id: google-llc, processor_for: null}
    """,
    passes="""
    parties:
      - {id: google-llc, processor_for: google-ireland}
    """,
)
def sub_processor_without_processor(ctx: CheckContext) -> Iterator[Hit]:
    """A sub-processor says which processor it works for.

    A sub-processor is engaged by a processor, not by the controller (Art. 28(2) and (4)); the reader
    learns where their data go only by following that chain, and the transfer rules need it to tell
    whether data leave the EEA through a sub-processor. The rule reports a sub-processor without
    `processor_for`, one that names itself, and one whose `processor_for` is a party declared with a
    role other than processor or sub-processor.
    """
    statement = ctx.statement
    for index, party in enumerate(statement.parties):
        if party.role != PartyRole.SUB_PROCESSOR:
            continue
        if party.processor_for is None:
            yield Hit(
                f"/parties/{index}",
                f"{party_label(party)} is a sub-processor but does not say for which processor; set processor_for "
                f"to the id of the processor that engaged it",
            )
            continue
        target = statement.party(party.processor_for)
        if party.processor_for == party.id:
            yield Hit(
                f"/parties/{index}/processor_for",
                f"{party_label(party)} is declared as its own processor; set processor_for to the id of the "
                f"processor that engaged it",
            )
        elif target is not None and target.role not in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR, None):
            yield Hit(
                f"/parties/{index}/processor_for",
                f"{party_label(party)} is a sub-processor for {party_label(target)}, which is declared as "
                f"{target.role}, not as a processor; correct processor_for or the roles",
            )


def _current_entity(vendor: Vendor, outdated: str) -> str:
    """The name that replaced ``outdated``: the EEA entity when the old name shares a word with it that
    the US entity lacks ("Facebook Ireland Ltd" -> Meta Platforms Ireland Limited), else the US entity
    ("Google Inc." -> Google LLC), else the EEA entity, else the entity outside both ("Shedul" -> Fresha.com
    SV Ltd)."""
    eea = entity_name(vendor.eea_entity)
    us = entity_name(vendor.us_entity)
    words = set(name_key(outdated).split())
    if eea and len(words & set(name_key(eea).split())) > len(words & set(name_key(us).split())):
        return eea
    return us or eea or entity_name(vendor.other_entity) or vendor.service


def _outdated_message(vendor: Vendor, written: str) -> str:
    current = _current_entity(vendor, written)
    eea = entity_name(vendor.eea_entity)
    year = _RENAMED_IN.get(name_key(written))
    if year:
        head = f"{written} has been {current} since {year}"
    else:
        head = f"{written} is an outdated name; it is now {current}"
    if eea and name_key(eea) != name_key(current):
        return f"{head}; the EEA contracting party is {eea}"
    if eea:
        return f"{head}, the EEA contracting party"
    return head


def _vendor_for_outdated(knowledge: Knowledge, first: Vendor, written: str, context: list[Vendor]) -> Vendor:
    """Of the vendors that list an outdated name, the one the context names (the party's service, or a
    service named in the same sentence), else the first in the table."""
    for vendor in context:
        if name_key(written) in {name_key(n) for n in vendor.outdated_names}:
            return vendor
    return first


@rule(
    code="REC006",
    name="outdated-entity-name",
    basis="statute",
    certainty="uncertain-knowledge",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "GDPR Art. 12(1)"],
    knowledge=["vendors"],
    fix=(
        "Write the organisation's current name: the EEA entity you contract with (e.g. Google Ireland "
        "Limited), and the US entity where data go there (e.g. Google LLC)."
    ),
    fails="""
    statement:
      text: Google Analytics leveres av Google Inc.
    """,
    passes="""
    statement:
      text: Google Analytics leveres av Google Ireland Limited.
    """,
)
def outdated_entity_name(ctx: CheckContext) -> Iterator[Hit]:
    """Organisations are named by their current names.

    A recipient must be identifiable (Art. 13(1)(e)); a company name that no longer exists ("Google
    Inc.", "Facebook Ireland Ltd", "Facebook Inc.") points the reader at nobody, and is a sign the text
    was copied from an old template and not reviewed since. The rule looks for the outdated names the
    vendor table lists, in the wording and in the declared parties' legal and trade names, and reports
    every mention at its own line with the current name and the EEA contracting party from the table.
    Where several services list the same old name (all Google services list "Google Inc."), the
    service the party or the sentence names is used, else the first in the table.
    """
    knowledge = ctx.knowledge
    for index, party in enumerate(ctx.statement.parties):
        for field in ("legal_name", "trade_name"):
            value = getattr(party, field)
            if not value:
                continue
            for vendor, start, end, _ in find_outdated_names(knowledge, value):
                chosen = _vendor_for_outdated(
                    knowledge, vendor, value[start:end], party_vendors(knowledge, party)
                )
                yield Hit(
                    f"/parties/{index}/{field}",
                    f"{party_label(party)}: {_outdated_message(chosen, value[start:end])}",
                )
    for item in ctx.wording:
        found = find_outdated_names(knowledge, item.text)
        if not found:
            continue
        spans = list(sentences(item.text))
        for vendor, start, end, _ in found:
            sentence = next((s for s in spans if s.start <= start < s.end), None)
            named = (
                [m.vendor for m in vendor_mentions(knowledge, sentence.text)] if sentence is not None else []
            )
            written = item.text[start:end]
            chosen = _vendor_for_outdated(knowledge, vendor, written, named)
            yield Hit(item.pointer, _outdated_message(chosen, written), offset=start, length=end - start)


# Legal forms of companies outside the EEA (US and similar): "Zoom Video Communications, Inc.", "X LLC".
_FOREIGN_FORM = re.compile(r"(?:,\s*|\s)(?:Inc\.?|LLC|L\.L\.C\.|Corp\.?|Corporation|PBC|Pty\.?\s+Ltd\.?)\s*$")


@rule(
    code="REC007",
    name="party-without-country",
    basis="guidance",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 13(1)(f)", "GDPR Art. 14(1)(f)"],
    fix="Give the party's country (ISO 3166 code, e.g. IE, NO, US) under country.",
    fails="""
    parties:
      - {id: google-ireland, country: null}
    """,
    passes="""
    parties:
      - {id: google-ireland, country: IE}
    """,
)
def party_without_country(ctx: CheckContext) -> Iterator[Hit]:
    """Every declared party says in which country it is established.

    Art. 13(1)(f) requires the notice to say when data go to a country outside the EEA, and the
    transfer rules (TRF) decide that from each party's country. Without it, a transfer to a party that
    is not in the vendor table cannot be noticed at all; the guidance also expects recipients to be
    described as specifically as possible, location included. The law does not require the country of
    every recipient in the notice, so this is a warning. A party is not reported where its country is
    plain to the reader, or where no transfer can be in question: a national public body of the
    statement's own jurisdiction (Skatteetaten, NAV, Statens vegvesen, politiet, HMRC, …, from the dated
    table `public_bodies.csv`), or a national organisation named after that country ("Norges
    Idrettsforbund", "England Athletics"); a service the vendor table knows to be established in the EEA
    (or the statement's own country) that sends no data to the US (Hetzner Online GmbH, DE); a company
    whose legal form belongs to an EEA country ("AS", "GmbH", "AB", "B.V.") or, in a UK statement, to the
    UK ("Ltd", "plc"); one with a Norwegian organisation number (nine digits) in a Norwegian statement;
    and a category of recipients rather than an organisation (written in lower case, "forsikringsselskap",
    "other parents"), which has no one country. A party whose legal form points outside the EEA ("Inc.",
    "LLC", "Corp.") and that neither the vendor table knows nor a declared transfer covers is reported
    with that reason: the transfer cannot be judged.
    """
    statement = ctx.statement
    home = statement.statement.jurisdiction or statement.controller.country
    for index, party in enumerate(statement.parties):
        if party.country is not None or _country_plain(ctx, party, home):
            continue
        abroad = _FOREIGN_FORM.search(party.legal_name)
        transferred = any(t.recipient == party.id for t in statement.transfers)
        if abroad and not transferred and party_vendor(ctx.knowledge, party) is None:
            form = abroad.group(0).strip(", ")
            yield Hit(
                f"/parties/{index}",
                f"{party_label(party)} has no country, and its legal form ('{form}') points to a "
                "company outside the EEA that the vendor table does not know, with no transfer declared: the "
                "transfer cannot be judged; write its country and, if it is outside the EEA, a transfers entry "
                "with its mechanism",
            )
            continue
        yield Hit(
            f"/parties/{index}",
            f"{party_label(party)} has no country, so noticelint cannot tell whether data leave the EEA; "
            f"write its country (e.g. IE, NO, US)",
        )


# Legal forms of companies of EEA countries: Norwegian AS/ASA/NUF/SA/BA/DA/ANS, Danish A/S and ApS,
# Swedish AB, Finnish Oy/Oyj, German and Austrian GmbH/AG/KG/e.V., French SAS/SARL, Dutch and Belgian
# B.V./N.V./BV/NV, Italian S.p.A./S.r.l., Spanish S.L., Polish Sp. z o.o., Irish DAC. "SA" (also Swiss and
# Latin American) is taken only in a Norwegian statement, where it is the cooperative ("samvirkeforetak").
_EEA_FORM = re.compile(
    r"(?:^|\s)(?:AS|ASA|NUF|BA|DA|ANS|A/S|ApS|AB|Oyj?|GmbH|AG|KG|e\.\s?V\.|SAS|SARL|S\.A\.S\.|"
    r"B\.V\.|N\.V\.|BV|NV|S\.p\.A\.|S\.r\.l\.|S\.L\.|Sp\. z o\.o\.|DAC)\s*$"
)
_NO_COOP = re.compile(r"(?:^|\s)SA\s*$")
_UK_FORM = re.compile(r"(?:^|\s)(?:Ltd\.?|Limited|plc|PLC|LLP|CIC)\s*$")
_NO_ORGANISATION_NUMBER = re.compile(r"^(?:NO\s*)?\d{3}\s?\d{3}\s?\d{3}(?:\s*MVA)?$")


def _country_plain(ctx: CheckContext, party: Party, home: str | None) -> bool:
    """Whether a party without a country needs none: see party_without_country's docstring."""
    names = [name for name in (party.legal_name, party.trade_name) if name]
    if home and any(public_body(name, home) for name in names):
        return True
    vendor = party_vendor(ctx.knowledge, party)
    if vendor is not None:
        country = vendor.eea_entity_country
        return (
            bool(country)
            and (ctx.knowledge.is_eea(country) or country == home)
            and not (vendor.sends_data_to_us)
        )
    legal = party.legal_name.strip()
    if _EEA_FORM.search(legal) and not _FOREIGN_FORM.search(legal):
        return True
    if home == "NO" and _NO_COOP.search(legal):
        return True
    if home in ("GB", "UK") and _UK_FORM.search(legal) and not _FOREIGN_FORM.search(legal):
        return True
    number = (party.organisation_number or "").strip()
    if home == "NO" and _NO_ORGANISATION_NUMBER.match(number):
        return True
    # A category of recipients ("forsikringsselskap", "other parents"): the format keeps the text's words,
    # in lower case, where the statement names no organisation. A domain-like name ("dev.to") is a
    # service, and online services (analytics, advertising, cloud) are often abroad: both stay reported.
    category = bool(legal) and legal[0].islower() and not party.trade_name and "." not in legal
    return category and not _ONLINE_SERVICES.search(legal)


_ONLINE_SERVICES = re.compile(
    r"analy|annonse|reklame|advertis|\bads?\b|cloud|sky|hosting|tredjepartstjeneste|third[- ]party service",
    re.IGNORECASE,
)


@rule(
    code="REC008",
    name="joint-controller-arrangement",
    basis="statute",
    legal=["GDPR Art. 26(1)", "GDPR Art. 26(2)"],
    fix=(
        "Write under the party's arrangement the essence of the arrangement: who does what, in particular "
        "who gives the information and who answers requests, and that the person may use the rights "
        "against each of you (Art. 26(3))."
    ),
    fails="""
    parties:
      - {id: timebok, legal_name: Timebok Eksempel AS, country: "NO", role: joint_controller}
      - {id: skytjeneste, legal_name: Sky Eksempel Inc., country: US, role: sub_processor, processor_for: timebok}
    """,
    passes="""
    parties:
      - {id: timebok, legal_name: Timebok Eksempel AS, country: "NO", role: joint_controller,
         arrangement: "Timebok gir deg informasjonen om timebestillingen; vi svarer på alle forespørsler."}
      - {id: skytjeneste, legal_name: Sky Eksempel Inc., country: US, role: sub_processor, processor_for: timebok}
    """,
)
def joint_controller_arrangement(ctx: CheckContext) -> Iterator[Hit]:
    """A joint controller comes with the essence of the arrangement.

    Joint controllers determine their respective responsibilities, in particular for the information
    of Art. 13 and 14 and for the exercise of the rights, by an arrangement (Art. 26(1)), and "the
    essence of the arrangement shall be made available to the data subject" (Art. 26(2)). The rule
    fires for each party declared as joint_controller without an arrangement text.
    """
    for index, party in enumerate(ctx.statement.parties):
        if party.role != PartyRole.JOINT_CONTROLLER:
            continue
        text = party.arrangement
        values = (
            [] if text is None else [text.root] if isinstance(text.root, str) else list(text.root.values())
        )
        if not any(v.strip() for v in values):
            yield Hit(
                f"/parties/{index}",
                f"{party_label(party)} is a joint controller, but the statement does not give the essence of the "
                "arrangement between you (Art. 26(2)); write it under arrangement: who does what, and who "
                "answers the person's requests",
            )


# --- recipients never addressed -------------------------------------------------------------------

# Wording that addresses who receives the data, however vaguely: sharing, disclosure, recipients,
# processors, suppliers, third parties; and the places such wording names ("hosted", "driftes").
_ADDRESSES_RECIPIENTS = re.compile(
    r"\b(?:del(?:e|er|es|ing)|utlever\w*|overlat\w*|overfør\w*|formidl\w*|videre\w*|mottaker\w*|mottar|"
    r"tredjepart\w*|databehandler\w*|underleverandør\w*|leverandør\w*|samarbeidspartner\w*|driftes|drifter|"
    r"webhotell\w*|(?:har|får|gis|gir)\s+(?:\w+\s+)?tilgang|ingen\s+(?:andre|utenfor)"
    r"|share[sd]?|sharing|disclos\w*|recipients?|receiv\w*|third[- ]part\w*|processors?|sub-?processors?|"
    r"service\s+providers?|suppliers?|vendors?|partners?|hosted|hosting|host|transfer\w*|"
    r"(?:have|has|get|gets|given|gain)\s+access|nobody|no\s+one)\b",
    re.IGNORECASE,
)


@rule(
    code="REC009",
    name="recipients-not-addressed",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "GDPR Art. 4(9)"],
    fix=(
        "Say who receives the data: declare the suppliers (web host, e-mail or form service) as parties with "
        "their role and list them under the activities' recipients, or give recipient_categories; if nobody "
        "outside the organisation receives anything, say so."
    ),
    fails="""
    statement:
      text:
        nb: Her forklarer vi hvordan vi behandler personopplysninger.
        en: Here we explain how we process personal data.
    rights:
      text:
        nb: Du har rett til innsyn, retting, sletting og begrensning.
        en: You have the right of access, rectification, erasure and restriction.
    parties: null
    transfers: null
    sections: null
    activities:
      - {id: timebestilling, $delete: true}
      - {id: kunderegister-fakturering, $delete: true}
      - {id: nettstedsanalyse, $delete: true}
      - {id: henvendelser, $delete: true}
      - id: kontaktskjema
        purpose:
          nb: Svare på det du skriver i kontaktskjemaet på nettsiden.
          en: Answering what you write in the contact form on the website.
        legal_basis: "6(1)(f)"
        legitimate_interest: {nb: Å svare deg., en: To answer you.}
        source: {kind: data_subject}
        provision: {requirement: voluntary}
        retention: {period: P3M}
    """,
    passes="""
    statement:
      text:
        nb: Her forklarer vi hvordan vi behandler personopplysninger.
        en: Here we explain how we process personal data.
    rights:
      text:
        nb: Du har rett til innsyn, retting, sletting og begrensning.
        en: You have the right of access, rectification, erasure and restriction.
    parties: null
    transfers: null
    sections: null
    activities:
      - {id: timebestilling, $delete: true}
      - {id: kunderegister-fakturering, $delete: true}
      - {id: nettstedsanalyse, $delete: true}
      - {id: henvendelser, $delete: true}
      - id: kontaktskjema
        purpose:
          nb: Svare på det du skriver i kontaktskjemaet på nettsiden.
          en: Answering what you write in the contact form on the website.
        legal_basis: "6(1)(f)"
        legitimate_interest: {nb: Å svare deg., en: To answer you.}
        source: {kind: data_subject}
        provision: {requirement: voluntary}
        retention: {period: P3M}
        recipient_categories:
          - {nb: leverandøren av nettsiden, en: the website's host}
    """,
)
def recipients_not_addressed(ctx: CheckContext) -> Iterator[Hit]:
    """The statement says who receives the data, or that nobody does.

    Art. 13(1)(e) and 14(1)(e) ask for the recipients or categories of recipients "if any". A statement
    that never touches the question leaves the reader unable to tell whether nobody receives the data
    or the item was forgotten; and processors count as recipients (Art. 4(9)), so an online service, a
    website with a contact form or an app almost always has some (its host, its e-mail or form
    service). The rule fires only where the statement addresses the item nowhere: no activity has
    recipients or recipient_categories, no party other than the controller is declared, no transfer,
    no section on recipients, no denial of sharing (statement.denies), no organisation or vendor is
    named in the wording, and no sentence speaks of sharing, disclosing, recipients, processors,
    suppliers, third parties, hosting or access ("deler", "utleveres", "mottakere", "databehandler",
    "leverandør", "tredjepart", "share", "disclose", "recipients", "service providers", "hosted").
    It is reported once, at the first activity. It is a warning: nobody may in fact receive anything,
    which the statement should then say.
    """
    statement = ctx.statement
    if not statement.activities:
        return
    if any(a.recipients or a.recipient_categories for a in statement.activities):
        return
    if any(p.id != statement.controller.id for p in statement.parties) or statement.transfers:
        return
    if any(s.topic.value == "recipients" for s in statement.sections):
        return
    if any(d.value in {"sharing", "sale"} for d in statement.statement.denies):
        return
    own = {name_key(n) for n in (statement.controller.legal_name, statement.controller.trade_name) if n}
    for item in ctx.wording:
        if _ADDRESSES_RECIPIENTS.search(item.text) or next(vendor_mentions(ctx.knowledge, item.text), None):
            return
        if any(name_key(m.name) not in own for m in find_organisations(item.text)):
            return
    yield Hit(
        "/activities/0",
        "no activity names recipients or categories of recipients and the statement nowhere says who "
        "receives the data or that nobody does (Art. 13(1)(e)); declare the suppliers (web host, e-mail or "
        "form service) as recipients, or say that nobody outside the organisation receives the data",
    )
