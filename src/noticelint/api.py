"""The public rule API: everything a rule imports, built-in or custom, and nothing else.

A rule is a function decorated with :func:`rule` that reads a :class:`CheckContext` (the typed statement,
its wording and the knowledge tables) and yields :class:`Hit` objects. Rules never print, parse YAML or
know output formats. Anything not exported here is internal and may change between releases.
"""

from __future__ import annotations

from noticelint.format.durations import duration_days
from noticelint.format.evidence import (
    Evidence,
    EvidenceSource,
    ObservedCookie,
    ObservedRequest,
    ObservedStorage,
    Phase,
    Service,
)
from noticelint.format.jurisdiction import is_norwegian
from noticelint.format.model import (
    Activity,
    Cookie,
    LegalBasis,
    Party,
    PartyRole,
    PrivacyStatement,
    Section,
    Text,
    Topic,
    Transfer,
)
from noticelint.format.model.activities import ElectronicMarketingGround, MarketingChannel, SourceKind
from noticelint.format.model.common import SpecialCondition, has_text
from noticelint.format.model.statement import Derogation, Right, TransferMechanism
from noticelint.knowledge import Authority, Knowledge, Vendor
from noticelint.knowledge.law_tables import (
    JournalDuty,
    OutdatedLaw,
    PublicBody,
    journal_duties,
    journal_duty,
    mentions_journal,
    outdated_law,
    patient_journal,
    public_body,
)
from noticelint.knowledge.vendor_matching import (
    cookie_note,
    entity_name,
    find_outdated_names,
    find_vendors,
    name_key,
    party_label,
    party_vendor,
    party_vendors,
    receiving_parties,
    sub_processors,
    vendor_mentions,
)
from noticelint.lint.context import CheckContext, Hit
from noticelint.lint.findings import Severity
from noticelint.lint.rules import rule
from noticelint.lint.wording_sentences import (
    item_sentences_that_may_match,
    sentences_that_may_match,
    wording_sentences,
)
from noticelint.text.lazypattern import LazyPattern, lazy
from noticelint.text.links import CHANNEL_IN_TEXT, LINK_TARGET
from noticelint.text.organisations import (
    Kind,
    Mention,
    OrganisationFinder,
    find_organisations,
    may_name_organisation,
    normalise_name,
)
from noticelint.text.places import place
from noticelint.text.pretests import Needles, either, is_safe_needle, needles
from noticelint.text.roles import Role, role_in
from noticelint.text.sentences import Sentence, sentences
from noticelint.text.wording import Wording

__all__ = [
    "CHANNEL_IN_TEXT",
    "LINK_TARGET",
    "Activity",
    "Authority",
    "CheckContext",
    "Cookie",
    "Derogation",
    "ElectronicMarketingGround",
    "Evidence",
    "EvidenceSource",
    "Hit",
    "JournalDuty",
    "Kind",
    "Knowledge",
    "LazyPattern",
    "LegalBasis",
    "MarketingChannel",
    "Mention",
    "Needles",
    "ObservedCookie",
    "ObservedRequest",
    "ObservedStorage",
    "OrganisationFinder",
    "OutdatedLaw",
    "Party",
    "PartyRole",
    "Phase",
    "PrivacyStatement",
    "PublicBody",
    "Right",
    "Role",
    "Section",
    "Sentence",
    "Service",
    "Severity",
    "SourceKind",
    "SpecialCondition",
    "Text",
    "Topic",
    "Transfer",
    "TransferMechanism",
    "Vendor",
    "Wording",
    "cookie_note",
    "duration_days",
    "either",
    "entity_name",
    "find_organisations",
    "find_outdated_names",
    "find_vendors",
    "has_text",
    "is_norwegian",
    "is_safe_needle",
    "item_sentences_that_may_match",
    "journal_duties",
    "journal_duty",
    "lazy",
    "may_name_organisation",
    "mentions_journal",
    "name_key",
    "needles",
    "normalise_name",
    "outdated_law",
    "party_label",
    "party_vendor",
    "party_vendors",
    "patient_journal",
    "place",
    "public_body",
    "receiving_parties",
    "role_in",
    "rule",
    "sentences",
    "sentences_that_may_match",
    "sub_processors",
    "vendor_mentions",
    "wording_sentences",
]
