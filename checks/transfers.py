"""Transfers to countries outside the EU/EEA. GDPR Art. 13(1)(f), 14(1)(f), 44–49.

When personal data go to a recipient outside the EEA, the notice must say so, name the country, and
say on what the transfer rests: an adequacy decision (Art. 45, which for the United States means the
EU–US Data Privacy Framework, Decision (EU) 2023/1795, and only for organisations on the DPF list),
standard contractual clauses (Art. 46(2)(c)), binding corporate rules (Art. 47) or a derogation for a
specific situation (Art. 49); for safeguards, also where a copy can be obtained. In a noticelint
statement each transfer is an entry under `transfers` whose `recipient` is the declared party.

These rules find the parties that need such an entry (a party established outside the EEA, or a known
service whose data go to the US according to the vendor table, directly or through a sub-processor)
and check that each entry names a mechanism that fits the country. They rest on the knowledge tables
`vendors.csv`, `adequacy.csv` and `eea.csv`, which carry their sources and the date they were last
checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.api import (
    CheckContext,
    Derogation,
    Hit,
    Knowledge,
    Party,
    PrivacyStatement,
    Transfer,
    TransferMechanism,
    Vendor,
    entity_name,
    has_text,
    party_label,
    party_vendors,
    rule,
    sub_processors,
)

# The only third country whose adequacy decision is limited to a certification list.
_DPF_COUNTRY = "US"
_DPF_LIST = "https://www.dataprivacyframework.gov/"
_SAFEGUARDS = (
    TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
    TransferMechanism.BINDING_CORPORATE_RULES,
    TransferMechanism.CODE_OF_CONDUCT,
    TransferMechanism.CERTIFICATION,
    TransferMechanism.AD_HOC_CLAUSES,
    TransferMechanism.ADMINISTRATIVE_ARRANGEMENT,
)


def _us_vendor(knowledge: Knowledge, party: Party) -> Vendor | None:
    """The first service the party stands for whose data go to the US according to the vendor table."""
    return next((v for v in party_vendors(knowledge, party) if v.sends_data_to_us), None)


def _dpf_vendor(knowledge: Knowledge, party: Party) -> Vendor | None:
    """The service the party stands for, as far as its DPF listing goes (the first one in the table)."""
    vendors = party_vendors(knowledge, party)
    return vendors[0] if vendors else None


def _suggestion(knowledge: Knowledge, party: Party, country: str) -> str:
    """Which mechanism to write, from what the tables know."""
    if country == _DPF_COUNTRY:
        vendor = _dpf_vendor(knowledge, party)
        if vendor is not None and vendor.dpf_listed:
            us = entity_name(vendor.us_entity) or party.legal_name
            return f"data_privacy_framework ({us} is on the DPF list according to the vendor table)"
        return (
            "data_privacy_framework if the organisation is on the DPF list (check "
            f"{_DPF_LIST}), else standard_contractual_clauses"
        )
    adequacy = knowledge.adequacy_for(country)
    if adequacy is not None:
        return f"adequacy ({adequacy.decision} for {adequacy.name}; scope: {adequacy.scope})"
    return "standard_contractual_clauses, binding_corporate_rules or an Art. 49 derogation"


def _third_country(knowledge: Knowledge, transfer: Transfer) -> bool:
    return not knowledge.is_eea(transfer.country)


def _transfers(ctx: CheckContext) -> Iterator[tuple[int, Transfer, Party]]:
    """Transfers to a country outside the EEA, with their recipient party (references are checked
    before rules run, so the party exists)."""
    for index, transfer in enumerate(ctx.statement.transfers):
        party = ctx.statement.party(transfer.recipient)
        if party is not None and _third_country(ctx.knowledge, transfer):
            yield index, transfer, party


def _ground(transfer: Transfer) -> str:
    if transfer.derogation == Derogation.COMPELLING:
        return "compelling legitimate interests (Art. 49(1) second subparagraph)"
    return transfer.mechanism.value if transfer.mechanism else "no mechanism"


def _has_transfer(
    statement: PrivacyStatement, knowledge: Knowledge, ids: set[str], country: str | None
) -> bool:
    """Whether a transfer out of the EEA (to ``country``, if given) is declared for one of ``ids``."""
    return any(
        t.recipient in ids and _third_country(knowledge, t) and (country is None or t.country == country)
        for t in statement.transfers
    )


@rule(
    code="TRF001",
    name="transfer-not-declared",
    basis="statute",
    legal=["GDPR Art. 13(1)(f)", "GDPR Art. 14(1)(f)", "GDPR Art. 44", "GDPR Art. 45", "GDPR Art. 46"],
    knowledge=["vendors", "eea", "adequacy"],
    fix=(
        "Add an entry under transfers with recipient (the party's id), country and mechanism, and word it "
        "in its text: where the data go and on what the transfer rests."
    ),
    fails="""
    transfers: []
    """,
    passes="""
    transfers:
      - recipient: google-llc
        country: US
        mechanism: data_privacy_framework
        safeguard: https://www.dataprivacyframework.gov/
    """,
)
def transfer_not_declared(ctx: CheckContext) -> Iterator[Hit]:
    """Every party established outside the EEA has a transfer entry.

    Art. 13(1)(f) and 14(1)(f) require the notice to say that data go to a third country and on what
    the transfer rests. A transfer entry is needed for every declared party whose own `country` is
    outside the EEA. All declared parties count, whether or not an activity lists them, since a party
    is declared because it handles data. The finding is placed at the party's line: it rests on the
    party's country, and it must be found just as well where the text says nothing about servers. A
    party in the EEA whose service sends data to the US according to the vendor table is reported by
    transfer-from-vendor-table (TRF010), a warning, since that rests on the table and not on the
    statement. A party without a country that is not in the vendor table cannot be judged
    (party-without-country, REC007, reports it).
    """
    statement = ctx.statement
    knowledge = ctx.knowledge
    for index, party in enumerate(statement.parties):
        country = party.country
        if (
            country
            and not knowledge.is_eea(country)
            and not _has_transfer(statement, knowledge, {party.id}, None)
        ):
            yield Hit(
                f"/parties/{index}",
                f"{party_label(party)} is established in {party.country}, outside the EEA, and no transfer to "
                f"it is declared; add a transfers entry with recipient: {party.id}, country: {country} "
                f"and mechanism: {_suggestion(knowledge, party, country)}",
            )


@rule(
    code="TRF010",
    name="transfer-from-vendor-table",
    basis="statute",
    certainty="uncertain-knowledge",
    legal=["GDPR Art. 13(1)(f)", "GDPR Art. 14(1)(f)", "GDPR Art. 44"],
    knowledge=["vendors"],
    fix=(
        "If the service's data go to the US, add an entry under transfers with recipient (the party's id or "
        "its US sub-processor), country US and mechanism; if they do not, give the party its country and "
        "waive the finding with the reason."
    ),
    fails="""
    parties:
      - {id: skytjeneste, legal_name: Sky Eksempel Inc., country: US, role: sub_processor, processor_for: timebok}
      - {id: youtube, legal_name: Google Ireland Limited, trade_name: YouTube, country: IE,
         role: independent_controller}
    """,
    passes="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: data_privacy_framework}
    """,
)
def transfer_from_vendor_table(ctx: CheckContext) -> Iterator[Hit]:
    """A party that stands for a service whose data go to the US has a transfer entry.

    For a party that is not itself established outside the EEA, noticelint can tell that data leave
    the EEA only from the vendor table: a service whose data go to the US there ("yes", "possible" or
    "limited" all count: the safer reading) needs a transfer entry, unless the transfer is declared for
    one of its sub-processors or a US sub-processor of it is declared (that one then needs its own
    entry, TRF001). This rests on a knowledge row, not on the statement, and a "possible" row is itself
    unsure, hence a warning: the controller may use the service in a way, or under a contract, that
    keeps the data in the EEA.
    """
    statement = ctx.statement
    knowledge = ctx.knowledge
    for index, party in enumerate(statement.parties):
        if party.country and not knowledge.is_eea(party.country):
            continue
        vendor = _us_vendor(knowledge, party)
        if vendor is None:
            continue
        chain = [party, *sub_processors(statement, party.id)]
        if _has_transfer(statement, knowledge, {p.id for p in chain}, _DPF_COUNTRY):
            continue
        if any(p.country == _DPF_COUNTRY for p in chain[1:]):
            continue
        us = entity_name(vendor.us_entity)
        via = f"; US entity {us}" if us else ""
        yield Hit(
            f"/parties/{index}",
            f"{party_label(party)} stands for {vendor.service}, whose data go to the US according to the vendor "
            f'table ("{vendor.data_to_us}"{via}), but no transfer to the US is declared; add a transfers entry '
            f"with recipient: {party.id} (or its US sub-processor), country: US and mechanism: "
            f"{_suggestion(knowledge, party, _DPF_COUNTRY)}, and say in its text that the data go to the US",
        )


@rule(
    code="TRF002",
    name="transfer-mechanism-missing",
    basis="statute",
    legal=["GDPR Art. 13(1)(f)", "GDPR Art. 14(1)(f)", "GDPR Art. 44"],
    knowledge=["vendors", "eea", "adequacy"],
    fix=(
        "Give the transfer a mechanism: adequacy, data_privacy_framework, standard_contractual_clauses, "
        "binding_corporate_rules or derogation."
    ),
    fails="""
    transfers:
      - recipient: google-llc
        country: US
    """,
    passes="""
    transfers:
      - recipient: google-llc
        country: US
        mechanism: data_privacy_framework
    """,
)
def transfer_mechanism_missing(ctx: CheckContext) -> Iterator[Hit]:
    """Every transfer names the mechanism it rests on.

    A transfer outside the EEA is lawful only on one of the grounds of Chapter V (Art. 44): an adequacy
    decision (Art. 45), appropriate safeguards (Art. 46, 47) or a derogation (Art. 49), and Art.
    13(1)(f) requires the notice to say which. A transfer entry without a mechanism tells the reader
    that data leave the EEA but not why that is allowed. Entries for countries inside the EEA are left
    to transfer-within-eea (TRF009).
    """
    knowledge = ctx.knowledge
    for index, transfer, party in _transfers(ctx):
        if transfer.mechanism is not None:
            continue
        if transfer.derogation is not None:
            hint = f"mechanism: derogation (the entry already gives the letter {transfer.derogation})"
        else:
            hint = f"mechanism: {_suggestion(knowledge, party, transfer.country)}"
        yield Hit(
            f"/transfers/{index}",
            f"the transfer to {party_label(party)} in {transfer.country} names no mechanism; write {hint}",
        )


@rule(
    code="TRF003",
    name="dpf-not-applicable",
    basis="statute",
    legal=["GDPR Art. 45", "Decision (EU) 2023/1795", "GDPR Art. 13(1)(f)"],
    knowledge=["vendors"],
    fix=(
        "Use data_privacy_framework only for a US organisation on the DPF list; otherwise use "
        "standard_contractual_clauses, binding_corporate_rules, or adequacy for a country that has a decision."
    ),
    fails="""
    transfers:
      - recipient: google-llc
        country: IN
        mechanism: data_privacy_framework
    """,
    passes="""
    transfers:
      - recipient: google-llc
        country: US
        mechanism: data_privacy_framework
    """,
)
def dpf_not_applicable(ctx: CheckContext) -> Iterator[Hit]:
    """The Data Privacy Framework is used only for a transfer to the United States.

    The EU–US Data Privacy Framework is an adequacy decision for the United States (Decision (EU)
    2023/1795, Art. 45) that covers only organisations certified under it and on the DPF list. It
    cannot carry a transfer to any other country. Whether a US organisation is on the list is judged by
    dpf-listing-unverified (TRF004), a warning, since it rests on the vendor table. The decision was
    upheld by the General Court (Latombe, T-553/23, 3 September 2025), but that judgment is under
    appeal to the Court of Justice (C-703/25 P): a controller relying on the DPF should be ready to
    switch to standard contractual clauses.
    """
    knowledge = ctx.knowledge
    for index, transfer, party in _transfers(ctx):
        if transfer.mechanism != TransferMechanism.DATA_PRIVACY_FRAMEWORK:
            continue
        if transfer.country != _DPF_COUNTRY:
            yield Hit(
                f"/transfers/{index}/mechanism",
                f"the transfer to {party_label(party)} in {transfer.country} rests on the EU–US Data Privacy "
                f"Framework, which covers only organisations in the US; use "
                f"{_suggestion(knowledge, party, transfer.country)}",
            )


@rule(
    code="TRF004",
    name="dpf-listing-unverified",
    basis="statute",
    certainty="uncertain-knowledge",
    legal=["GDPR Art. 45", "Decision (EU) 2023/1795", "GDPR Art. 13(1)(f)"],
    knowledge=["vendors"],
    fix=(
        "Check the DPF list (dataprivacyframework.gov) for the organisation; if it is listed, keep the "
        "mechanism (and add it to the vendor table in the configuration), else use standard_contractual_clauses."
    ),
    fails="""
    parties:
      - {id: skytjeneste, legal_name: Sky Eksempel Inc., country: US, role: sub_processor, processor_for: timebok}
    transfers:
      - {recipient: google-llc, country: US, mechanism: data_privacy_framework}
      - {recipient: skytjeneste, country: US, mechanism: data_privacy_framework}
    """,
    passes="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: data_privacy_framework}
    """,
)
def dpf_listing_unverified(ctx: CheckContext) -> Iterator[Hit]:
    """A Data Privacy Framework transfer goes to an organisation the vendor table knows to be listed.

    The Data Privacy Framework covers a US organisation only while it is certified and on the DPF list
    (Decision (EU) 2023/1795). noticelint can judge that only from the vendor table: when the
    organisation is not in the table, when the table is unsure ("believed yes (verify)",
    "unconfirmed"), or when the table records it as not listed, the DPF list must be checked by hand.
    All three rest on a knowledge row that can be out of date, hence a warning; the message says which.
    A confirmed listing in the user's vendor configuration silences it. The framework itself is
    contested: the General Court upheld it (T-553/23), and the appeal (C-703/25 P) is pending.
    """
    knowledge = ctx.knowledge
    for index, transfer, party in _transfers(ctx):
        if transfer.mechanism != TransferMechanism.DATA_PRIVACY_FRAMEWORK or transfer.country != _DPF_COUNTRY:
            continue
        vendor = _dpf_vendor(knowledge, party)
        if vendor is None:
            reason = f"{party.legal_name} is not in the vendor table"
        elif vendor.dpf_listed is None:
            reason = f'the vendor table is not sure for {vendor.service} ("{vendor.us_entity_dpf_listed}")'
        elif vendor.dpf_listed is False:
            us = entity_name(vendor.us_entity) or party.legal_name
            reason = (
                f"{us} ({vendor.service}) is not on the DPF list according to the vendor table "
                f'("{vendor.us_entity_dpf_listed}")'
            )
        else:
            continue
        yield Hit(
            f"/transfers/{index}/mechanism",
            f"the transfer to {party_label(party)} rests on the Data Privacy Framework, but {reason}; check the "
            f"DPF list at {_DPF_LIST} that the organisation is certified, or use standard_contractual_clauses",
        )


@rule(
    code="TRF005",
    name="adequacy-without-decision",
    basis="statute",
    legal=["GDPR Art. 45", "GDPR Art. 13(1)(f)"],
    knowledge=["adequacy", "eea"],
    fix=(
        "Use adequacy only for a country with an adequacy decision; for the US use data_privacy_framework "
        "(DPF-listed organisations only); elsewhere use standard_contractual_clauses or binding_corporate_rules."
    ),
    fails="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: adequacy}
    """,
    passes="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: data_privacy_framework}
    """,
)
def adequacy_without_decision(ctx: CheckContext) -> Iterator[Hit]:
    """A transfer that rests on adequacy goes to a country with an adequacy decision.

    Art. 45 lets data flow without further safeguards only to a country the European Commission has
    found adequate; the adequacy table lists those decisions. The United States has no general
    decision: its decision (2023/1795) covers only organisations on the Data Privacy Framework list, so
    a US transfer must name data_privacy_framework instead. Several decisions are partial (Canada:
    commercial organisations under PIPEDA; Japan: the private sector; Korea with exclusions); the rule
    does not check that the recipient falls within that scope, which the controller must confirm.
    """
    knowledge = ctx.knowledge
    for index, transfer, party in _transfers(ctx):
        if transfer.mechanism != TransferMechanism.ADEQUACY:
            continue
        if transfer.country == _DPF_COUNTRY:
            yield Hit(
                f"/transfers/{index}/mechanism",
                f"the transfer to {party_label(party)} in the US rests on adequacy, but the US decision covers "
                f"only organisations on the Data Privacy Framework list; write "
                f"{_suggestion(knowledge, party, transfer.country)}",
            )
        elif knowledge.adequacy_for(transfer.country) is None:
            yield Hit(
                f"/transfers/{index}/mechanism",
                f"the transfer to {party_label(party)} rests on adequacy, but {transfer.country} has no adequacy "
                f"decision; use standard_contractual_clauses, binding_corporate_rules or an Art. 49 derogation",
            )


@rule(
    code="TRF006",
    name="derogation-without-letter",
    basis="statute",
    legal=["GDPR Art. 49(1)", "GDPR Art. 13(1)(f)"],
    fix=(
        "Give the Art. 49(1) letter under derogation, e.g. 49(1)(a) for explicit consent or 49(1)(b) for a "
        "contract, or '49(1) second subparagraph' for compelling legitimate interests."
    ),
    fails="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: derogation}
    """,
    passes="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: derogation, derogation: 49(1)(b)}
    """,
)
def derogation_without_letter(ctx: CheckContext) -> Iterator[Hit]:
    """A transfer that rests on a derogation says which one.

    The first subparagraph of Art. 49(1) lists seven derogations for specific situations, (a) to (g):
    explicit consent after being told of the risks, a contract with the person, a contract concluded
    in the person's interest with another party, important reasons of public interest, legal claims,
    vital interests, and a public register. The second subparagraph adds a last resort: a transfer
    that is not repetitive, concerns only a limited number of people and is necessary for compelling
    legitimate interests of the controller, with suitable safeguards, of which the supervisory
    authority and the person must be told (derogation: 49(1) second subparagraph). Each has its own
    conditions, and the EDPB (Guidelines 2/2018) reads them narrowly. "Derogation" alone does not tell
    the reader which situation the controller relies on, nor lets anyone check its conditions.
    """
    for index, transfer, party in _transfers(ctx):
        if transfer.mechanism == TransferMechanism.DEROGATION and transfer.derogation is None:
            yield Hit(
                f"/transfers/{index}",
                f"the transfer to {party_label(party)} rests on a derogation but does not say which; give the "
                f"Art. 49(1) letter under derogation (e.g. 49(1)(a) explicit consent, 49(1)(b) contract)",
            )


@rule(
    code="TRF007",
    name="consent-derogation-without-risks",
    basis="statute",
    legal=["GDPR Art. 49(1)(a)", "GDPR Art. 13(1)(f)"],
    fix="Describe under risks what may happen to the data in the country (no adequacy decision, no safeguards).",
    fails="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: derogation, derogation: 49(1)(a)}
    """,
    passes="""
    transfers:
      - recipient: google-llc
        country: US
        mechanism: derogation
        derogation: 49(1)(a)
        risks: >-
          Mottakeren står ikke på DPF-listen, og vi har ikke avtalt garantier med den. Opplysningene
          kan derfor være dårligere beskyttet i USA enn i EØS.
    """,
)
def consent_derogation_without_risks(ctx: CheckContext) -> Iterator[Hit]:
    """A transfer on explicit consent explains its risks.

    Art. 49(1)(a) allows a transfer without adequacy or safeguards only if the person has explicitly
    consented "after having been informed of the possible risks of such transfers for the data subject
    due to the absence of an adequacy decision and appropriate safeguards". Without the risks, the
    consent is not informed and the derogation does not hold.
    """
    for index, transfer, party in _transfers(ctx):
        if transfer.derogation == Derogation.A and not has_text(transfer.risks):
            yield Hit(
                f"/transfers/{index}",
                f"the transfer to {party_label(party)} in {transfer.country} rests on explicit consent (49(1)(a)), "
                f"but does not explain the risks; describe them under risks",
            )


@rule(
    code="TRF008",
    name="safeguard-copy-missing",
    basis="statute",
    legal=["GDPR Art. 13(1)(f)", "GDPR Art. 14(1)(f)", "GDPR Art. 46", "GDPR Art. 47", "GDPR Art. 49(1)"],
    fix="Give under safeguard the URL where the safeguards can be read, or a copy requested.",
    fails="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: standard_contractual_clauses}
    """,
    passes="""
    transfers:
      - recipient: google-llc
        country: US
        mechanism: standard_contractual_clauses
        safeguard: https://www.example.no/personvern/standardkontrakt
    """,
)
def safeguard_copy_missing(ctx: CheckContext) -> Iterator[Hit]:
    """A transfer on safeguards says where to read them or how to get a copy.

    For a transfer under Art. 46 (standard contractual clauses, binding corporate rules, an approved
    code of conduct or certification, 46(2)(e)-(f), or clauses and arrangements authorised under
    46(3)), Art. 47, or the second subparagraph of Art. 49(1) (compelling legitimate interests, with
    suitable safeguards), Art. 13(1)(f) and 14(1)(f) require "reference to the appropriate or suitable
    safeguards and the means by which to obtain a copy of them or where they have been made available".
    The `safeguard` field is that structured item; as with the other items, wording alone is not read
    as it. Where the wording already tells the reader how to ask for a copy, waive the finding.
    """
    for index, transfer, party in _transfers(ctx):
        needs = transfer.mechanism in _SAFEGUARDS or transfer.derogation == Derogation.COMPELLING
        if needs and transfer.safeguard is None:
            yield Hit(
                f"/transfers/{index}",
                f"the transfer to {party_label(party)} in {transfer.country} rests on "
                f"{_ground(transfer)}, but does not say where a copy of the safeguards can be read or obtained; "
                f"give the URL under safeguard",
            )


@rule(
    code="TRF009",
    name="transfer-within-eea",
    basis="practice",
    legal=["GDPR Art. 44", "GDPR Art. 13(1)(f)", "GDPR Art. 12(1)"],
    knowledge=["eea"],
    fix=(
        "Remove the entry if the data stay in the EEA; if they do leave it, correct the country to where "
        "they go."
    ),
    fails="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: data_privacy_framework}
      - {recipient: google-ireland, country: IE, mechanism: adequacy}
    """,
    passes="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: data_privacy_framework}
    """,
)
def transfer_within_eea(ctx: CheckContext) -> Iterator[Hit]:
    """A transfer entry names a country outside the EEA.

    Chapter V (Art. 44–49) concerns transfers to third countries; data sent to a recipient in an EU or
    EEA country (Norway, Iceland and Liechtenstein included) are not transferred in that sense and need
    no mechanism. An entry for such a country tells the reader that their data leave the EEA when they
    do not, or hides the country they really go to. Either way the entry should be corrected; it is not
    a breach of the law, so this is info.
    """
    knowledge = ctx.knowledge
    for index, transfer in enumerate(ctx.statement.transfers):
        if knowledge.is_eea(transfer.country):
            party = ctx.statement.party(transfer.recipient)
            who = party_label(party) if party is not None else transfer.recipient
            yield Hit(
                f"/transfers/{index}/country",
                f"the transfer to {who} names {transfer.country}, which is in the EEA: this is not a transfer to "
                f"a third country; remove the entry, or give the country outside the EEA the data go to",
            )


@rule(
    code="TRF011",
    name="compelling-interests-unstated",
    basis="statute",
    legal=["GDPR Art. 49(1) second subparagraph", "GDPR Art. 13(1)(f)"],
    fix=(
        "Describe under compelling_interests the compelling legitimate interests the transfer serves, and "
        "give under safeguard where the suitable safeguards can be read."
    ),
    fails="""
    transfers:
      - {recipient: google-llc, country: US, mechanism: derogation, derogation: 49(1) second subparagraph,
         safeguard: "https://www.example.no/garantier"}
    """,
    passes="""
    transfers:
      - recipient: google-llc
        country: US
        mechanism: derogation
        derogation: 49(1) second subparagraph
        safeguard: https://www.example.no/garantier
        compelling_interests: Å sikre en enkeltstående reklamasjonssak mot produsenten av et medisinsk utstyr.
    """,
)
def compelling_interests_unstated(ctx: CheckContext) -> Iterator[Hit]:
    """A transfer on compelling legitimate interests tells the person of those interests.

    The second subparagraph of Art. 49(1) allows, as a last resort, a transfer that is not repetitive,
    concerns a limited number of people and is necessary for compelling legitimate interests of the
    controller that are not overridden by the person's interests, with suitable safeguards. The
    controller must then, in addition to the Art. 13 and 14 information, "inform the data subject of
    the transfer and on the compelling legitimate interests pursued" (and tell the supervisory
    authority). The rule fires where such a transfer gives no compelling_interests.
    """
    for index, transfer, party in _transfers(ctx):
        if transfer.derogation == Derogation.COMPELLING and not has_text(transfer.compelling_interests):
            yield Hit(
                f"/transfers/{index}",
                f"the transfer to {party_label(party)} in {transfer.country} rests on compelling legitimate "
                f"interests (Art. 49(1) second subparagraph), but does not say which; describe them under "
                f"compelling_interests",
            )
