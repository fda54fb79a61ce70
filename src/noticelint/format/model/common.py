"""Building blocks shared by the statement model: ids, codes, text in several languages."""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$(?!\n)"),
    Field(
        description="A stable identifier: lower-case letters, digits, '-' and '_'. Other items refer to it.",
        examples=["google-analytics"],
    ),
]
LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"),
    Field(
        description="A BCP 47 language tag, e.g. 'nb' (Norwegian Bokmål), 'nn', 'en'.", examples=["nb", "en"]
    ),
]
CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$(?!\n)"),
    Field(
        description="An ISO 3166-1 alpha-2 country code in capitals, e.g. 'NO', 'IE', 'US'.", examples=["NO"]
    ),
]
Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$(?!\n)"),
    Field(description="An e-mail address.", examples=["personvern@example.no"]),
]
Url = Annotated[
    str,
    StringConstraints(pattern=r"^https?://\S+$(?!\n)"),
    Field(description="An http(s) URL.", examples=["https://www.example.no/personvern"]),
]
Phone = Annotated[
    str,
    StringConstraints(pattern=r"^\+?[0-9][0-9 ()-]{4,24}$(?!\n)"),
    Field(description="A telephone number, preferably with country code.", examples=["+47 22 00 00 00"]),
]
Duration = Annotated[
    str,
    StringConstraints(pattern=r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$(?!\n)"),
    Field(
        description="An ISO 8601 duration: 'P3Y' three years, 'P6M' six months, 'P30D' thirty days.",
        examples=["P3Y"],
    ),
]


class StrictModel(BaseModel):
    """Unknown keys are errors: a misspelt key must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, regex_engine="python-re", defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_null(cls, value: Any, info: ValidationInfo) -> Any:
        """In a document an optional key is left out, never written as ``null`` (nor as ``key:`` with
        nothing after it): the schema says the same, so editors do not offer ``null`` as a value. (A
        default is not validated, so only a value the document gives reaches here.)"""
        if value is None and info.mode == "json":
            raise ValueError("no value; write one or leave the key out")
        return value


class Text(RootModel[str | dict[LanguageCode, str]]):
    """Human text to publish: a plain string in the statement's default language, or a mapping from
    language to text. Paragraphs are separated by blank lines; a link is written [label](https://...)."""

    model_config = ConfigDict(frozen=True, regex_engine="python-re")

    root: str | dict[LanguageCode, str] = Field(
        description=(
            "Human text to publish: a string in the default language, or a mapping language -> text "
            "(e.g. {nb: ..., en: ...}). Paragraphs are separated by a blank line; links are written "
            "[label](https://...)."
        ),
        examples=["Vi bruker opplysningene til å besvare henvendelser.", {"nb": "Formål", "en": "Purpose"}],
    )

    def languages(self, default: str) -> dict[str, str]:
        """The text by language, with a plain string filed under ``default``."""
        if isinstance(self.root, str):
            return {default: self.root}
        return dict(self.root)

    def get(self, language: str, default: str) -> str | None:
        return self.languages(default).get(language)


def has_text(text: Text | None) -> bool:
    """Whether ``text`` holds some non-blank wording in at least one language."""
    if text is None:
        return False
    values = [text.root] if isinstance(text.root, str) else list(text.root.values())
    return any(value.strip() for value in values)


class LegalBasis(enum.StrEnum):
    """GDPR Art. 6(1), by letter."""

    CONSENT = "6(1)(a)"
    CONTRACT = "6(1)(b)"
    LEGAL_OBLIGATION = "6(1)(c)"
    VITAL_INTERESTS = "6(1)(d)"
    PUBLIC_TASK = "6(1)(e)"
    LEGITIMATE_INTERESTS = "6(1)(f)"


class SpecialCondition(enum.StrEnum):
    """GDPR Art. 9(2), by letter."""

    A = "9(2)(a)"
    B = "9(2)(b)"
    C = "9(2)(c)"
    D = "9(2)(d)"
    E = "9(2)(e)"
    F = "9(2)(f)"
    G = "9(2)(g)"
    H = "9(2)(h)"
    I = "9(2)(i)"  # noqa: E741 - the letter of the article
    J = "9(2)(j)"


class SpecialCategory(enum.StrEnum):
    """GDPR Art. 9(1) special categories of personal data."""

    RACIAL_OR_ETHNIC_ORIGIN = "racial_or_ethnic_origin"
    POLITICAL_OPINIONS = "political_opinions"
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS = "religious_or_philosophical_beliefs"
    TRADE_UNION_MEMBERSHIP = "trade_union_membership"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE_OR_ORIENTATION = "sex_life_or_orientation"
