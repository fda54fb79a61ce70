"""The organisations in a statement: the controller, its representative, the DPO and everybody else."""

from __future__ import annotations

import enum

from pydantic import Field

from noticelint.format.model.common import CountryCode, Email, Id, Phone, StrictModel, Text, Url


class Address(StrictModel):
    """A postal address."""

    street: str | None = Field(None, description="Street address or PO box (postboks).")
    postal_code: str | None = Field(None, description="Postal code (postnummer).")
    city: str | None = Field(None, description="City or post town (poststed).")
    country: CountryCode | None = Field(None, description="Country of the address.")
    region: str | None = Field(
        None,
        description=(
            "ISO 3166-2 subdivision, e.g. 'DE-BY' for Bavaria: names the German Land authority in the notice."
        ),
        pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$(?!\n)",
    )


class Contact(StrictModel):
    """Ways to reach an organisation. Each is one channel; give at least one that works."""

    email: Email | None = Field(None, description="E-mail address.")
    phone: Phone | None = Field(None, description="Telephone number.")
    web_form: Url | None = Field(None, description="URL of a contact or request form.")
    postal_address: Address | None = Field(None, description="Postal address.")

    def channels(self) -> list[str]:
        """The names of the channels that are filled in."""
        return [name for name in ("email", "phone", "web_form", "postal_address") if getattr(self, name)]


class ControllerKind(enum.StrEnum):
    ORGANISATION = "organisation"
    PERSON = "person"


class Establishment(StrictModel):
    """One of several establishments or contact points of the controller (two hotels, two offices)."""

    name: str | None = Field(None, description="Name of the establishment, e.g. 'Hotel Bryggen'.")
    country: CountryCode | None = Field(None, description="Country of the establishment.")
    contact: Contact | None = Field(None, description="Contact details of this establishment.")
    text: Text | None = Field(None, description="Wording about this establishment.")


class Controller(StrictModel):
    """The controller (behandlingsansvarlig): the organisation that decides why and how data are
    processed. GDPR Art. 13(1)(a), 14(1)(a)."""

    id: Id
    kind: ControllerKind | None = Field(
        None,
        description=(
            "organisation, or person for a natural person who is the controller (a sole trader, a solo app "
            "developer); legal_name then holds the person's name."
        ),
    )
    legal_name: str | None = Field(None, description="Registered legal name, e.g. 'Eksempel Dyreklinikk AS'.")
    trade_name: str | None = Field(None, description="Name the public knows it by, if different.")
    organisation_number: str | None = Field(
        None, description="Organisation number (in Norway the 9-digit organisasjonsnummer)."
    )
    country: CountryCode | None = Field(None, description="Country where the controller is established.")
    public_authority: bool | None = Field(
        None,
        description=(
            "True if the controller is a public authority or body (offentlig myndighet eller organ): it then "
            "cannot rest on 6(1)(f) for its tasks and must designate a DPO (Art. 6(1), 37(1)(a))."
        ),
    )
    contact: Contact | None = Field(None, description="Contact details of the controller.")
    establishments: list[Establishment] = Field(
        default_factory=list,
        description="Further establishments or contact points, each with its own contact details.",
    )
    text: Text | None = Field(None, description="Wording that introduces the controller.")
    heading: Text | None = Field(
        None,
        description="The heading this item has in the published text (keeps its structure and order).",
    )


class Representative(StrictModel):
    """The controller's representative in the EU/EEA, for a controller established outside it.
    GDPR Art. 27, 13(1)(a)."""

    id: Id
    legal_name: str = Field(description="Legal name of the representative.")
    country: CountryCode = Field(description="EU/EEA country of the representative.")
    contact: Contact | None = Field(None, description="Contact details of the representative.")
    text: Text | None = Field(None, description="Wording about the representative.")


class DataProtectionOfficer(StrictModel):
    """The data protection officer (personvernombud). GDPR Art. 13(1)(b), 37(7)."""

    designated: bool = Field(description="Whether a DPO has been designated.")
    name: str | None = Field(
        None, description="Name of the DPO (optional; the contact is what the law requires)."
    )
    contact: Contact | None = Field(None, description="How to reach the DPO.")
    text: Text | None = Field(None, description="Wording about the DPO.")


class PartyRole(enum.StrEnum):
    """What another organisation does with the data."""

    PROCESSOR = "processor"
    SUB_PROCESSOR = "sub_processor"
    JOINT_CONTROLLER = "joint_controller"
    INDEPENDENT_CONTROLLER = "independent_controller"
    PUBLIC_AUTHORITY = "public_authority"


class PartyDenial(enum.StrEnum):
    """Something an organisation does not do for the statement's sites and apps."""

    COOKIES = "cookies"


class Party(StrictModel):
    """Any organisation other than the controller that receives or handles personal data: a processor
    (databehandler), sub-processor, joint controller or independent recipient. GDPR Art. 13(1)(e)."""

    id: Id
    legal_name: str = Field(description="Legal name of the organisation, e.g. 'Google Ireland Limited'.")
    trade_name: str | None = Field(None, description="Name of the product or brand, e.g. 'Google Analytics'.")
    organisation_number: str | None = Field(None, description="Registration number, where known.")
    country: CountryCode | None = Field(None, description="Country where the organisation is established.")
    storage_location: list[CountryCode] = Field(
        default_factory=list,
        description=(
            "Countries where it stores or hosts the data, where the statement says so, as distinct from "
            "the country where it is established."
        ),
    )
    role: PartyRole | None = Field(
        None,
        description=(
            "processor (databehandler), sub_processor (underdatabehandler), joint_controller (felles "
            "behandlingsansvarlig), independent_controller (independent recipient) or public_authority."
        ),
    )
    processor_for: Id | None = Field(
        None, description="For a sub-processor: the id of the processor it works for."
    )
    data_processing_agreement: bool | None = Field(
        None,
        description="For a processor: whether a data processing agreement (databehandleravtale) is in place.",
    )
    arrangement: Text | None = Field(
        None, description="For a joint controller: the essence of the arrangement (GDPR Art. 26(2))."
    )
    contact: Contact | None = Field(None, description="Contact details, where the notice gives them.")
    privacy_notice: Url | None = Field(None, description="URL of the organisation's own privacy notice.")
    denies: list[PartyDenial] = Field(
        default_factory=list,
        description=(
            "What this organisation does not do here: cookies (it sets no cookies or similar technology on "
            "the sites and apps the statement covers, e.g. an e-mail service used only for newsletters). "
            "Rules compare it with the statement's cookies and with what a scan of the site finds."
        ),
    )
    text: Text | None = Field(None, description="Wording about this organisation.")
    heading: Text | None = Field(
        None,
        description="The heading this item has in the published text (keeps its structure and order).",
    )

    def says_no_cookies(self) -> bool:
        """Whether the statement says this organisation sets no cookies here (``denies: [cookies]``)."""
        return PartyDenial.COOKIES in self.denies
