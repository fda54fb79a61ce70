"""The root of a privacy statement document (schema_version 1)."""

from __future__ import annotations

import datetime
import enum
from typing import Literal

from pydantic import Field

from noticelint.format.model.activities import Activity
from noticelint.format.model.common import CountryCode, Duration, Id, LanguageCode, StrictModel, Text, Url
from noticelint.format.model.parties import Controller, DataProtectionOfficer, Party, Representative

SCHEMA_VERSION = 1


class Scope(StrictModel):
    """What the statement covers."""

    sites: list[str] = Field(default_factory=list, description="Web sites covered, e.g. 'www.example.no'.")
    services: list[str] = Field(
        default_factory=list, description="Other services covered (apps, shops, offices)."
    )
    apps: list[str] = Field(
        default_factory=list,
        description="Apps covered, by store name or package id, e.g. 'no.example.app' (iOS, Android).",
    )
    text: Text | None = Field(None, description="Wording about the scope.")


class Denial(enum.StrEnum):
    """Something the statement says is not done."""

    COOKIES = "cookies"
    ANALYTICS = "analytics"
    ADVERTISING = "advertising"
    TRACKING = "tracking"
    FORMS = "forms"
    SALE = "sale"
    SHARING = "sharing"
    TRANSFERS_OUTSIDE_EEA = "transfers_outside_eea"
    PROFILING = "profiling"
    AUTOMATED_DECISIONS = "automated_decisions"
    SPECIAL_CATEGORIES = "special_categories"


class StatementInfo(StrictModel):
    """Facts about the statement itself."""

    id: Id
    title: Text | None = Field(
        None, description="Title, e.g. {nb: Personvernerklæring, en: Privacy statement}."
    )
    languages: list[LanguageCode] = Field(
        min_length=1, description="Languages the statement is published in."
    )
    default_language: LanguageCode = Field(
        description="Language of plain-string wording; one of `languages`."
    )
    jurisdiction: CountryCode | None = Field(
        None, description="Country whose national rules apply, e.g. 'NO'."
    )
    url: Url | None = Field(None, description="Where the statement is published.")
    version: str | None = Field(None, description="Version of the statement, e.g. '2.1'.")
    last_updated: datetime.date | None = Field(None, description="Date of the last change (YYYY-MM-DD).")
    scope: Scope | None = Field(None, description="Sites and services the statement covers.")
    denies: list[Denial] = Field(
        default_factory=list,
        description=(
            "What the statement says is not done: cookies, analytics, advertising, tracking, forms, sale (of "
            "personal data), sharing (with third parties), transfers_outside_eea, profiling, "
            "automated_decisions, special_categories. Rules compare each with the rest of the statement."
        ),
    )
    text: Text | None = Field(None, description="Introduction.")
    heading: Text | None = Field(
        None,
        description="The heading the introduction has in the published text.",
    )


class TransferMechanism(enum.StrEnum):
    ADEQUACY = "adequacy"
    DATA_PRIVACY_FRAMEWORK = "data_privacy_framework"
    STANDARD_CONTRACTUAL_CLAUSES = "standard_contractual_clauses"
    BINDING_CORPORATE_RULES = "binding_corporate_rules"
    CODE_OF_CONDUCT = "code_of_conduct"
    CERTIFICATION = "certification"
    AD_HOC_CLAUSES = "ad_hoc_clauses"
    ADMINISTRATIVE_ARRANGEMENT = "administrative_arrangement"
    DEROGATION = "derogation"


class Derogation(enum.StrEnum):
    A = "49(1)(a)"
    B = "49(1)(b)"
    C = "49(1)(c)"
    D = "49(1)(d)"
    E = "49(1)(e)"
    F = "49(1)(f)"
    G = "49(1)(g)"
    COMPELLING = "49(1) second subparagraph"


class Transfer(StrictModel):
    """A transfer of personal data to a country outside the EU/EEA. GDPR Art. 13(1)(f), 44-49."""

    recipient: Id = Field(description="Id of the party that receives the data.")
    country: CountryCode = Field(description="Country the data go to.")
    mechanism: TransferMechanism | None = Field(
        None,
        description=(
            "adequacy (Art. 45), data_privacy_framework (Art. 45, Decision (EU) 2023/1795, US organisations "
            "on the DPF list only), standard_contractual_clauses (Art. 46(2)(c), (d)), binding_corporate_rules "
            "(Art. 46(2)(b), 47), code_of_conduct (Art. 46(2)(e)), certification (Art. 46(2)(f)), "
            "ad_hoc_clauses (Art. 46(3)(a), authorised by the supervisory authority), "
            "administrative_arrangement (Art. 46(3)(b), between public bodies) or derogation (Art. 49)."
        ),
    )
    derogation: Derogation | None = Field(
        None,
        description=(
            "For mechanism derogation: the Art. 49(1) letter, or '49(1) second subparagraph' for the "
            "compelling legitimate interests of the controller."
        ),
    )
    compelling_interests: Text | None = Field(
        None,
        description=(
            "For the 49(1) second subparagraph: the compelling legitimate interests pursued, of which the "
            "person must be told."
        ),
    )
    risks: Text | None = Field(
        None, description="For explicit consent under 49(1)(a): the possible risks of the transfer."
    )
    safeguard: Url | None = Field(
        None,
        description=(
            "Where a copy of the safeguard can be read or obtained (Art. 13(1)(f): for Art. 46, 47 and the "
            "49(1) second subparagraph)."
        ),
    )
    text: Text | None = Field(None, description="Wording about this transfer.")


class Right(enum.StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"


class Channel(enum.StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    WEB_FORM = "web_form"
    POSTAL_ADDRESS = "postal_address"


class ConsentWithdrawal(StrictModel):
    """How consent is withdrawn. GDPR Art. 7(3), 13(2)(c)."""

    how: Text | None = Field(None, description="How to withdraw, e.g. 'Cookie settings link in the footer'.")
    text: Text | None = Field(None, description="Wording about withdrawing consent.")


class Rights(StrictModel):
    """The data subject's rights and how to use them. GDPR Art. 13(2)(b)-(c), 15-22."""

    offered: list[Right] = Field(default_factory=list, description="Rights the statement informs about.")
    channels: list[Channel] = Field(
        default_factory=list, description="Controller contact channels to use for requests."
    )
    answer_time: Duration | None = Field(
        None, description="Time to answer a request, e.g. 'P1M' (Art. 12(3))."
    )
    objection: Text | None = Field(
        None, description="The right to object, worded separately from other information (Art. 21(4))."
    )
    withdrawal: ConsentWithdrawal | None = Field(None, description="How consent is withdrawn.")
    text: Text | None = Field(None, description="Wording about the rights.")
    heading: Text | None = Field(
        None,
        description="The heading this item has in the published text (keeps its structure and order).",
    )


class Complaint(StrictModel):
    """The right to complain to a supervisory authority. GDPR Art. 13(2)(d), 77."""

    authority: str | None = Field(
        None,
        description=(
            "The supervisory authority by country code ('NO' for Datatilsynet), resolved from the "
            "authority table, or leave it out and give name and url."
        ),
        pattern=r"^[A-Z]{2}(-[A-Z]{2})?$(?!\n)",
    )
    name: str | None = Field(
        None, description="Name of the authority, where it is not given by country code."
    )
    url: Url | None = Field(
        None, description="Website of the authority, where it is not given by country code."
    )
    text: Text | None = Field(None, description="Wording about complaints.")
    heading: Text | None = Field(
        None,
        description="The heading this item has in the published text (keeps its structure and order).",
    )


class Topic(enum.StrEnum):
    """Which information item a free section is about."""

    CONTROLLER = "controller"
    DPO = "dpo"
    PURPOSES = "purposes"
    DATA_CATEGORIES = "data_categories"
    RECIPIENTS = "recipients"
    TRANSFERS = "transfers"
    RETENTION = "retention"
    RIGHTS = "rights"
    COMPLAINT = "complaint"
    COOKIES = "cookies"
    SECURITY = "security"
    CHANGES = "changes"
    OTHER = "other"


class Section(StrictModel):
    """Free wording for what the structure does not cover."""

    id: Id
    topic: Topic = Field(Topic.OTHER, description="Which information item this section is about.")
    heading: Text | None = Field(None, description="Heading of the section.")
    text: Text | None = Field(None, description="Body of the section.")


class PrivacyStatement(StrictModel):
    """A privacy statement (personvernerklæring) as structured data, checked by noticelint."""

    schema_version: Literal[1] = Field(description="Version of this format. This tool reads version 1.")
    extends: list[str] = Field(
        default_factory=list,
        description=(
            "Templates this statement builds on, applied in order (paths relative to this file, e.g. "
            "'../agency/base.yaml'); the statement's own values merge on top. See docs/format.md."
        ),
    )
    template: bool = Field(
        False,
        description=(
            "This file is a template for other statements: it leaves the controller to them and may "
            "write {controller} in wording for the controller's name."
        ),
    )
    statement: StatementInfo
    controller: Controller
    representative: Representative | None = Field(
        None, description="EU/EEA representative (Art. 27), if any."
    )
    dpo: DataProtectionOfficer | None = Field(None, description="Data protection officer (Art. 37).")
    parties: list[Party] = Field(default_factory=list, description="Every other organisation involved.")
    activities: list[Activity] = Field(
        default_factory=list, description="Processing activities, one per purpose."
    )
    transfers: list[Transfer] = Field(default_factory=list, description="Transfers outside the EU/EEA.")
    rights: Rights | None = Field(None, description="Rights of the data subject.")
    complaint: Complaint | None = Field(None, description="Right to complain to a supervisory authority.")
    sections: list[Section] = Field(default_factory=list, description="Free sections.")

    def party(self, party_id: str) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def organisation_names(self) -> dict[str, str]:
        """Every declared organisation name (legal and trade names) mapped to its id."""
        entries: list[tuple[str, str | None]] = [
            (self.controller.id, self.controller.legal_name),
            (self.controller.id, self.controller.trade_name),
        ]
        for party in self.parties:
            entries += [(party.id, party.legal_name), (party.id, party.trade_name)]
        if self.representative:
            entries.append((self.representative.id, self.representative.legal_name))
        return {name: org_id for org_id, name in entries if name}
