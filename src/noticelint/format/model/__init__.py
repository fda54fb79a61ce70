"""The typed model of a privacy statement. It is the single source of the JSON Schema."""

from noticelint.format.model.activities import Activity, Cookie, Retention, Source
from noticelint.format.model.common import LegalBasis, SpecialCategory, Text
from noticelint.format.model.parties import Contact, Controller, Party, PartyRole
from noticelint.format.model.statement import SCHEMA_VERSION, PrivacyStatement, Section, Topic, Transfer

__all__ = [
    "SCHEMA_VERSION",
    "Activity",
    "Contact",
    "Controller",
    "Cookie",
    "LegalBasis",
    "Party",
    "PartyRole",
    "PrivacyStatement",
    "Retention",
    "Section",
    "Source",
    "SpecialCategory",
    "Text",
    "Topic",
    "Transfer",
]
