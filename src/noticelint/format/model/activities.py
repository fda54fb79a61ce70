"""Processing activities: one per purpose, with everything Art. 13 and 14 ask about it."""

from __future__ import annotations

import enum

from pydantic import Field

from noticelint.format.model.common import (
    Duration,
    Id,
    LegalBasis,
    SpecialCategory,
    SpecialCondition,
    StrictModel,
    Text,
)


class SourceKind(enum.StrEnum):
    DATA_SUBJECT = "data_subject"
    OTHER = "other"
    PUBLICLY_AVAILABLE = "publicly_available"


class Art14Exemption(enum.StrEnum):
    A = "14(5)(a)"
    B = "14(5)(b)"
    C = "14(5)(c)"
    D = "14(5)(d)"


class Source(StrictModel):
    """Where the data come from. GDPR Art. 14(2)(f)."""

    kind: SourceKind = Field(
        description="data_subject (collected from the person: Art. 13), other (Art. 14) or publicly_available."
    )
    description: Text | None = Field(None, description="The source, or the nature of the sources.")
    exemption: Art14Exemption | None = Field(
        None,
        description=(
            "For data not obtained from the person: the Art. 14(5) exemption relied on, 14(5)(a) the person "
            "already has the information, (b) impossible or disproportionate effort, (c) obtaining or "
            "disclosure laid down by law, (d) professional secrecy."
        ),
    )
    exemption_reason: Text | None = Field(
        None, description="Why the exemption applies (for 14(5)(b): the measures taken, e.g. publication)."
    )
    text: Text | None = Field(None, description="Wording about the source.")


class RetentionEnd(enum.StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    ARCHIVE = "archive"


class Retention(StrictModel):
    """How long data are kept, or the criteria that decide it. GDPR Art. 13(2)(a), 14(2)(a)."""

    period: Duration | None = Field(None, description="Storage period as an ISO 8601 duration, e.g. 'P3Y'.")
    criterion: Text | None = Field(
        None, description="A criterion the person can apply, e.g. 'until the booking has taken place'."
    )
    statute: Text | None = Field(
        None, description="The law that sets the period, e.g. 'bokføringsloven § 13'."
    )
    end: RetentionEnd | None = Field(
        None, description="What happens at the end: delete, anonymise or archive."
    )
    text: Text | None = Field(None, description="Wording about retention.")


class Requirement(enum.StrEnum):
    STATUTORY = "statutory"
    CONTRACTUAL = "contractual"
    CONTRACT_PREREQUISITE = "contract_prerequisite"
    VOLUNTARY = "voluntary"


class Provision(StrictModel):
    """Whether the person must provide the data, and what happens if not. GDPR Art. 13(2)(e)."""

    requirement: Requirement = Field(
        description="statutory, contractual, contract_prerequisite (needed to enter a contract) or voluntary."
    )
    consequence: Text | None = Field(None, description="What happens if the data are not provided.")
    text: Text | None = Field(None, description="Wording about providing the data.")


class AutomatedDecisions(StrictModel):
    """Automated decision-making, including profiling. GDPR Art. 13(2)(f), 14(2)(g), 22."""

    used: bool = Field(
        description="Whether decisions with legal or similarly significant effect are automated."
    )
    logic: Text | None = Field(None, description="Meaningful information about the logic involved.")
    significance: Text | None = Field(None, description="The significance and envisaged consequences.")
    safeguards: Text | None = Field(
        None,
        description=(
            "Art. 22(3): how the person obtains human intervention, expresses their point of view and "
            "contests the decision."
        ),
    )
    text: Text | None = Field(None, description="Wording about automated decisions.")


class Technology(enum.StrEnum):
    COOKIE = "cookie"
    LOCAL_STORAGE = "local_storage"
    PIXEL = "pixel"
    FINGERPRINTING = "fingerprinting"
    SDK = "sdk"
    DEVICE_IDENTIFIER = "device_identifier"
    DEVICE_STORAGE = "device_storage"


class Cookie(StrictModel):
    """A cookie or similar technology that stores or reads information on the user's device
    (ekomloven § 3-15)."""

    name: str | None = Field(None, description="Name of the cookie or storage key, e.g. '_ga'.")
    technology: Technology = Field(
        Technology.COOKIE,
        description=(
            "cookie, local_storage, pixel, fingerprinting, sdk (a third-party library in an app), "
            "device_identifier (an advertising or device id such as IDFA or AAID) or device_storage "
            "(files or preferences an app keeps on the device)."
        ),
    )
    provider: Id | None = Field(
        None, description="Id of the party that sets or reads it (the controller's id if first party)."
    )
    purpose: Text | None = Field(None, description="What it is used for.")
    lifetime: Duration | None = Field(None, description="How long it lives, as an ISO 8601 duration.")
    session: bool = Field(
        False, description="True for a session cookie that is deleted when the browser closes."
    )
    first_party: bool | None = Field(None, description="True if set by the site's own domain.")
    strictly_necessary: bool | None = Field(
        None,
        description="True only if strictly necessary for a service the user asked for (no consent needed).",
    )
    consent_before_setting: bool | None = Field(
        None,
        description=(
            "True if the user's consent to storing or reading it (ekomloven § 3-15, ePrivacy Art. 5(3)) is "
            "asked before it is set or read; separate from the Art. 6 basis of the activity."
        ),
    )
    permission_prompt: bool | None = Field(
        None,
        description=(
            "For an app: true if the operating system's permission or tracking dialog (e.g. App Tracking "
            "Transparency) asks before this is read or set."
        ),
    )
    text: Text | None = Field(None, description="Wording about this cookie.")


class MarketingChannel(enum.StrEnum):
    EMAIL = "email"
    SMS = "sms"
    PHONE = "phone"
    POST = "post"
    SOCIAL_MEDIA = "social_media"


class ElectronicMarketingGround(enum.StrEnum):
    PRIOR_CONSENT = "prior_consent"
    EXISTING_CUSTOMER = "existing_customer"


class DirectMarketing(StrictModel):
    """Direct marketing to the person. GDPR Art. 21(2)-(4); in Norway markedsføringsloven § 15."""

    channels: list[MarketingChannel] = Field(
        default_factory=list, description="email, sms, phone, post or social_media."
    )
    electronic_ground: ElectronicMarketingGround | None = Field(
        None,
        description=(
            "For e-mail and SMS to individuals: prior_consent, or existing_customer (markedsføringsloven "
            "§ 15 third paragraph: own similar products, with an easy, free way to refuse each time)."
        ),
    )
    text: Text | None = Field(None, description="Wording about the marketing.")


class CriminalOffenceData(StrictModel):
    """Data relating to criminal convictions and offences (e.g. a politiattest). GDPR Art. 10."""

    description: Text | None = Field(
        None, description="Which data, e.g. {nb: politiattest, en: police certificate}."
    )
    authority: Text | None = Field(
        None,
        description=(
            "The law that authorises the processing (Art. 10), e.g. 'politiregisterloven § 39 og "
            "barnehageloven § 30'."
        ),
    )


class CameraSurveillance(StrictModel):
    """Camera surveillance (kameraovervåking) in a business. Norway: forskrift om kameraovervåking i
    virksomhet; Datatilsynet's guide on signs and deletion."""

    signs_name_controller: bool | None = Field(
        None, description="True if the warning signs name the controller (who decided the surveillance)."
    )
    text: Text | None = Field(None, description="Wording about the surveillance.")


class Children(StrictModel):
    """Data about children, and consent to an online service offered directly to them. GDPR Art. 8;
    personopplysningsloven § 5 (13 years in Norway)."""

    online_service_on_consent: bool = Field(
        False,
        description="True if an information society service is offered directly to children on their consent.",
    )
    age_limit: int | None = Field(
        None, ge=0, le=18, description="Age from which the child consents alone; below it a parent consents."
    )
    text: Text | None = Field(None, description="Wording for children and parents.")


class ActivityRole(enum.StrEnum):
    CONTROLLER = "controller"
    PROCESSOR = "processor"


class Activity(StrictModel):
    """A processing activity (behandling): one purpose with its data, basis, recipients and retention."""

    id: Id
    purpose: Text | None = Field(
        None, description="The purpose (formål), in plain words. GDPR Art. 13(1)(c)."
    )
    data_categories: list[Text] = Field(
        default_factory=list,
        description="Categories of personal data, e.g. 'navn' or {nb: navn, en: name}. Art. 14(1)(d).",
    )
    special_categories: list[SpecialCategory] = Field(
        default_factory=list, description="Special categories of data (Art. 9(1)) processed, if any."
    )
    data_subjects: list[Text] = Field(
        default_factory=list, description="Whose data, e.g. {nb: kunder, en: customers}."
    )
    source: Source | None = Field(None, description="Where the data come from.")
    legal_basis: LegalBasis | None = Field(
        None,
        description=(
            "GDPR Art. 6(1) basis: 6(1)(a) consent, 6(1)(b) contract, 6(1)(c) legal obligation, "
            "6(1)(d) vital interests, 6(1)(e) public task, 6(1)(f) legitimate interests."
        ),
    )
    special_condition: SpecialCondition | None = Field(
        None, description="GDPR Art. 9(2) condition, required where special categories are processed."
    )
    legitimate_interest: Text | None = Field(
        None,
        description="The specific legitimate interest pursued, where the basis is 6(1)(f). Art. 13(1)(d).",
    )
    recipients: list[Id] = Field(
        default_factory=list, description="Ids of the parties that receive the data. Art. 13(1)(e)."
    )
    recipient_categories: list[Text] = Field(
        default_factory=list,
        description=(
            "Categories of recipients the statement names without a legal name, e.g. 'regnskapsfører og "
            "bank', 'tollmyndigheter', 'coaches and team managers'. Art. 13(1)(e) allows categories."
        ),
    )
    role: ActivityRole | None = Field(
        None,
        description=(
            "controller (the default: the statement's controller decides) or processor, where the author "
            "processes these data on behalf of others (its clients) and is not their controller."
        ),
    )
    on_behalf_of: Text | None = Field(
        None, description="For role processor: on whose behalf, e.g. 'our clients (the shops we serve)'."
    )
    retention: Retention | None = Field(None, description="How long the data are kept.")
    provision: Provision | None = Field(None, description="Whether the person must provide the data.")
    automated_decisions: AutomatedDecisions | None = Field(None, description="Automated decisions, if any.")
    cookies: list[Cookie] = Field(default_factory=list, description="Cookies and similar technologies used.")
    direct_marketing: DirectMarketing | None = Field(
        None, description="Whether the activity is direct marketing, and by which channels (Art. 21(2)-(3))."
    )
    criminal_offence_data: CriminalOffenceData | None = Field(
        None, description="Personal data relating to criminal convictions and offences (Art. 10), if any."
    )
    children: Children | None = Field(None, description="Whether the activity concerns children (Art. 8).")
    camera_surveillance: CameraSurveillance | None = Field(
        None, description="Whether the activity is camera surveillance, and how it is signposted."
    )
    national_id_need: Text | None = Field(
        None,
        description=(
            "Where a national identity number (fødselsnummer) is processed: why secure identification is "
            "needed (personopplysningsloven § 12)."
        ),
    )
    text: Text | None = Field(None, description="Wording about this activity.")
    heading: Text | None = Field(
        None,
        description="The heading this item has in the published text (keeps its structure and order).",
    )
