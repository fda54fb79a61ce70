"""What each value of the format's enumerations means, for the schema's editor help.

The schema lists these as ``enumDescriptions`` next to ``enum``, which the YAML language server shows
beside each value in completion and on hover. A test asks every enumeration for a meaning of every value.
"""

from __future__ import annotations

import enum

from noticelint.format.model.activities import (
    ActivityRole,
    Art14Exemption,
    ElectronicMarketingGround,
    MarketingChannel,
    Requirement,
    RetentionEnd,
    SourceKind,
    Technology,
)
from noticelint.format.model.common import LegalBasis, SpecialCategory, SpecialCondition
from noticelint.format.model.parties import ControllerKind, PartyDenial, PartyRole
from noticelint.format.model.statement import (
    Channel,
    Denial,
    Derogation,
    Right,
    Topic,
    TransferMechanism,
)

MEANINGS: dict[type[enum.StrEnum], dict[str, str]] = {
    LegalBasis: {
        "6(1)(a)": "consent: the person has agreed to the processing for this purpose",
        "6(1)(b)": "contract: needed to perform a contract with the person, or to take steps they ask for "
        "before entering one",
        "6(1)(c)": "legal obligation: needed to comply with a legal obligation of the controller (e.g. "
        "bokføringsloven)",
        "6(1)(d)": "vital interests: needed to protect the vital interests of the person or of someone else",
        "6(1)(e)": "public task: needed for a task in the public interest or in the exercise of official "
        "authority",
        "6(1)(f)": "legitimate interests: needed for the controller's or a third party's legitimate interests, "
        "which the person's interests do not override",
    },
    SpecialCondition: {
        "9(2)(a)": "explicit consent",
        "9(2)(b)": "obligations and rights in employment, social security and social protection law",
        "9(2)(c)": "vital interests of a person who cannot give consent",
        "9(2)(d)": "a foundation, association or other not-for-profit body, about its members",
        "9(2)(e)": "data the person has manifestly made public",
        "9(2)(f)": "establishment, exercise or defence of legal claims, or courts acting in their judicial "
        "capacity",
        "9(2)(g)": "substantial public interest, on the basis of EU or national law",
        "9(2)(h)": "preventive or occupational medicine, medical diagnosis, health or social care",
        "9(2)(i)": "public interest in the area of public health",
        "9(2)(j)": "archiving in the public interest, scientific or historical research, statistics",
    },
    SpecialCategory: {
        "racial_or_ethnic_origin": "racial or ethnic origin",
        "political_opinions": "political opinions",
        "religious_or_philosophical_beliefs": "religious or philosophical beliefs",
        "trade_union_membership": "trade union membership",
        "genetic": "genetic data",
        "biometric": "biometric data used to identify a person uniquely",
        "health": "data concerning health",
        "sex_life_or_orientation": "a person's sex life or sexual orientation",
    },
    Denial: {
        "cookies": "no cookies (or similar technology) are set",
        "analytics": "no analytics",
        "advertising": "no advertising",
        "tracking": "no tracking",
        "forms": "no forms",
        "sale": "personal data are not sold",
        "sharing": "personal data are not shared with third parties",
        "transfers_outside_eea": "no data go outside the EU/EEA",
        "profiling": "no profiling",
        "automated_decisions": "no automated decisions (Art. 22)",
        "special_categories": "no special categories of data (Art. 9)",
    },
    PartyDenial: {
        "cookies": "this organisation sets no cookies or similar technology on the sites and apps the "
        "statement covers (e.g. an e-mail service used only for newsletters)",
    },
    TransferMechanism: {
        "adequacy": "adequacy decision of the European Commission (Art. 45)",
        "data_privacy_framework": "EU-U.S. Data Privacy Framework: the US recipient is certified (Art. 45)",
        "standard_contractual_clauses": "the Commission's standard contractual clauses (Art. 46(2)(c))",
        "binding_corporate_rules": "binding corporate rules (Art. 46(2)(b), 47)",
        "code_of_conduct": "an approved code of conduct (Art. 46(2)(e))",
        "certification": "an approved certification mechanism (Art. 46(2)(f))",
        "ad_hoc_clauses": "contractual clauses authorised by the supervisory authority (Art. 46(3)(a))",
        "administrative_arrangement": "an arrangement between public authorities (Art. 46(3)(b))",
        "derogation": "a derogation for a specific situation (Art. 49): give it under derogation",
    },
    Derogation: {
        "49(1)(a)": "explicit consent, after being told of the risks",
        "49(1)(b)": "needed for a contract with the person, or steps they ask for before one",
        "49(1)(c)": "needed for a contract concluded in the person's interest with someone else",
        "49(1)(d)": "important reasons of public interest",
        "49(1)(e)": "establishment, exercise or defence of legal claims",
        "49(1)(f)": "vital interests of a person who cannot give consent",
        "49(1)(g)": "transfer from a public register",
        "49(1) second subparagraph": "compelling legitimate interests: not repetitive, few people, last "
        "resort (inform the supervisory authority)",
    },
    Right: {
        "access": "access to the data (Art. 15)",
        "rectification": "correction of inaccurate data (Art. 16)",
        "erasure": "erasure (Art. 17)",
        "restriction": "restriction of processing (Art. 18)",
        "portability": "data portability (Art. 20)",
        "objection": "objection to processing (Art. 21)",
    },
    Channel: {
        "email": "by e-mail",
        "phone": "by telephone",
        "web_form": "through a web form",
        "postal_address": "by post",
    },
    Topic: {
        "controller": "who the controller is and how to reach it",
        "dpo": "the data protection officer",
        "purposes": "purposes and legal bases",
        "data_categories": "which data are processed",
        "recipients": "who receives the data",
        "transfers": "transfers outside the EU/EEA",
        "retention": "how long data are kept",
        "rights": "the person's rights",
        "complaint": "the right to complain to the supervisory authority",
        "cookies": "cookies and similar technology",
        "security": "security measures",
        "changes": "changes to the statement",
        "other": "anything else",
    },
    ControllerKind: {
        "organisation": "a company, association or public body",
        "person": "a natural person (a sole trader, a solo developer); legal_name holds the name",
    },
    PartyRole: {
        "processor": "databehandler: processes the data on the controller's behalf (Art. 28)",
        "sub_processor": "underdatabehandler: engaged by a processor (give processor_for)",
        "joint_controller": "felles behandlingsansvarlig: decides purposes and means with the controller "
        "(Art. 26)",
        "independent_controller": "an independent recipient that decides for itself what it does with the "
        "data",
        "public_authority": "a public authority that receives data (e.g. under a legal duty to report)",
    },
    SourceKind: {
        "data_subject": "collected from the person (Art. 13)",
        "other": "from someone else (Art. 14)",
        "publicly_available": "from publicly available sources (Art. 14)",
    },
    Art14Exemption: {
        "14(5)(a)": "the person already has the information",
        "14(5)(b)": "informing is impossible or would involve a disproportionate effort",
        "14(5)(c)": "obtaining or disclosure is expressly laid down by law, with measures to protect the "
        "person",
        "14(5)(d)": "the data must remain confidential under a statutory duty of professional secrecy",
    },
    RetentionEnd: {
        "delete": "the data are deleted",
        "anonymise": "the data are anonymised",
        "archive": "the data are archived (e.g. under the Archives Act)",
    },
    Requirement: {
        "statutory": "the law requires the person to provide the data",
        "contractual": "a contract requires the person to provide the data",
        "contract_prerequisite": "the data are needed to enter into a contract",
        "voluntary": "the person may choose not to provide them",
    },
    Technology: {
        "cookie": "an HTTP cookie",
        "local_storage": "browser local or session storage",
        "pixel": "a tracking pixel or web beacon",
        "fingerprinting": "device fingerprinting",
        "sdk": "a software development kit in an app",
        "device_identifier": "a device or advertising identifier",
        "device_storage": "other storage on the device",
    },
    MarketingChannel: {
        "email": "e-mail",
        "sms": "SMS or MMS",
        "phone": "telephone calls",
        "post": "letters by post",
        "social_media": "social media",
    },
    ElectronicMarketingGround: {
        "prior_consent": "the person agreed in advance (markedsføringsloven § 15 first paragraph)",
        "existing_customer": "an existing customer relationship: own similar products, with an easy, free "
        "way to refuse each time (§ 15 third paragraph)",
    },
    ActivityRole: {
        "controller": "the statement's controller decides (the default)",
        "processor": "the author processes these data on behalf of others (its clients)",
    },
}
