"""Reading the statement in one language: its texts (with a marked fallback), names, bases and dates."""

from __future__ import annotations

from dataclasses import dataclass

from noticelint.format.model import Activity, PrivacyStatement, Text
from noticelint.format.model.parties import Contact
from noticelint.knowledge import Authority, Knowledge
from noticelint.render import rich
from noticelint.render.rich import Paragraph, Rich, Segment, Value
from noticelint.render.wordbook import Wordbook

# A heading made from a purpose stops at the first clause when that clause is this long, else it is
# shortened at a word boundary.
_CLAUSE = (15, 90)
_HEADING_MAX = 80


def _letter(code: str) -> str:
    """``6(1)(b)`` -> ``b``."""
    return code.rstrip(")").rsplit("(", 1)[-1]


@dataclass(frozen=True)
class Localiser:
    statement: PrivacyStatement
    words: Wordbook
    knowledge: Knowledge

    @property
    def lang(self) -> str:
        return self.words.language

    @property
    def default_lang(self) -> str:
        return self.statement.statement.default_language

    # --- the statement's own texts ------------------------------------------------------------

    def resolve(self, text: Text | None) -> tuple[str, str] | None:
        """The text in the page's language, else in the statement's default language, else any: (text, lang)."""
        if text is None:
            return None
        by_language = text.languages(self.default_lang)
        for language in (self.lang, self.default_lang, *by_language):
            value = by_language.get(language)
            if value is not None and value.strip():
                return value, language
        return None

    def rich(self, text: Text | None) -> Rich:
        found = self.resolve(text)
        if found is None:
            return ()
        value, language = found
        return rich.parse(value, None if language == self.lang else language)

    def para(self, text: Text | None) -> Paragraph:
        return rich.flatten(self.rich(text))

    def heading(self, own: Text | None, label: str) -> Paragraph:
        """The heading the item has in the published text (plain), or else the standard one."""
        return rich.plain(self.para(own)) or (Segment(self.label(label)),)

    def name(self, value: str) -> Segment:
        """A proper name from the statement: shown as written, in no particular language."""
        return Segment(value)

    # --- standard wording ---------------------------------------------------------------------

    def t(self, key: str, **values: Value) -> Paragraph:
        return rich.fill(self.words.text(key), values)

    def label(self, key: str) -> str:
        return self.words.text(key)

    def anchor(self, key: str) -> str:
        return self.words.anchor(key)

    def join(self, parts: list[Paragraph]) -> Paragraph:
        return rich.join(parts, ", ", f" {self.words.conjunction} ")

    def duration(self, value: str) -> str:
        return self.words.duration(value)

    # --- names ----------------------------------------------------------------------------------

    def country(self, code: str) -> str:
        named = self.words.country(code)
        if named:
            return named
        adequacy = self.knowledge.adequacy_for(code)
        return adequacy.name if adequacy else code

    def party_name(self, party_id: str) -> str:
        if party_id == self.statement.controller.id:
            return self.controller_name()
        party = self.statement.party(party_id)
        if party is None:
            return party_id
        return f"{party.legal_name} ({party.trade_name})" if party.trade_name else party.legal_name

    def controller_name(self) -> str:
        controller = self.statement.controller
        return controller.legal_name or controller.trade_name or controller.id

    def basis_name(self, code: str) -> str:
        return self.words.entry("bases", _letter(code))

    def basis(self, code: str) -> Paragraph:
        """``avtale (personvernforordningen artikkel 6 nr. 1 bokstav b)``."""
        return self.t("basis", basis=self.basis_name(code), letter=_letter(code))

    def condition(self, code: str) -> Paragraph:
        return self.t(
            "condition", condition=self.words.entry("conditions", _letter(code)), letter=_letter(code)
        )

    def derogation(self, code: str) -> Paragraph:
        if code.endswith("second subparagraph"):
            return self.t("mechanism_derogation_compelling")
        return self.t(
            "mechanism_derogation_letter",
            derogation=self.words.entry("derogations", _letter(code)),
            letter=_letter(code),
        )

    # --- activities -------------------------------------------------------------------------

    def activity_anchor(self, activity: Activity) -> str:
        return f"{self.anchor('activity')}-{activity.id}"

    def activity_heading(self, activity: Activity) -> Paragraph:
        """The activity's own heading from the published text, or else a short one from the purpose: its
        first clause, or the purpose shortened."""
        own = rich.plain(self.para(activity.heading))
        if own:
            return own
        purpose = rich.plain(self.para(activity.purpose))
        text = rich.text_of(purpose)
        if not text:
            return (Segment(activity.id),)
        lang = purpose[0].lang
        for mark in (", ", ". ", "; "):
            cut = text.find(mark)
            if _CLAUSE[0] <= cut <= _CLAUSE[1]:
                return (Segment(text[:cut], None, lang),)
        if len(text) <= _CLAUSE[1]:
            return (Segment(text.rstrip("."), None, lang),)
        short = text[:_HEADING_MAX].rsplit(" ", 1)[0].rstrip(",;:")
        return (Segment(short + "…", None, lang),)

    def purpose_links(self, activities: list[Activity]) -> Paragraph:
        return self.join(
            [
                (rich.anchor(rich.text_of(self.activity_heading(a)), self.activity_anchor(a)),)
                for a in activities
            ]
        )

    # --- contact details --------------------------------------------------------------------

    def contact_rows(
        self, contact: Contact | None, channels: list[str] | None = None
    ) -> list[tuple[str, Rich]]:
        """Label and value for each channel of ``contact`` (only ``channels`` if given)."""
        if contact is None:
            return []
        wanted = channels if channels else ["email", "phone", "web_form", "postal_address"]
        rows: list[tuple[str, Rich]] = []
        for channel in wanted:
            value = self.channel(contact, channel)
            if value:
                rows.append((self.label(f"contact_{channel}"), (value,)))
        return rows

    def channel(self, contact: Contact, channel: str) -> Paragraph:
        if channel == "email" and contact.email:
            return (rich.email_link(contact.email),)
        if channel == "phone" and contact.phone:
            return (rich.phone_link(contact.phone),)
        if channel == "web_form" and contact.web_form:
            return (rich.link(contact.web_form, contact.web_form),)
        if channel == "postal_address" and contact.postal_address:
            address = contact.postal_address
            town = " ".join(part for part in (address.postal_code, address.city) if part)
            parts = [p for p in (address.street, town) if p]
            if address.country and (
                self.lang == "en" or address.country != self.statement.statement.jurisdiction
            ):
                parts.append(self.country(address.country))
            return (Segment(", ".join(parts)),) if parts else ()
        return ()

    def first_channel(self, contact: Contact | None) -> Paragraph:
        if contact is None:
            return ()
        for channel in ("email", "phone", "web_form", "postal_address"):
            value = self.channel(contact, channel)
            if value:
                return value
        return ()

    # --- the supervisory authority ------------------------------------------------------------

    def authority(self) -> Authority | None:
        complaint = self.statement.complaint
        for code in (
            complaint.authority if complaint else None,
            self.statement.statement.jurisdiction,
            self.statement.controller.country,
        ):
            if code:
                if code == "DE" and not self._federal_body(complaint.authority if complaint else None):
                    # The federal BfDI supervises federal public bodies (and telecom and postal services);
                    # a private controller in Germany is supervised by the authority of its Land (BDSG § 40).
                    return self._land_authority()
                found = self.knowledge.authority(code)
                if found:
                    return found
        return None

    def _federal_body(self, named: str | None) -> bool:
        """A public body for which the statement itself names the federal authority (complaint.authority DE)."""
        return named == "DE" and self.statement.controller.public_authority is True

    def _land_authority(self) -> Authority | None:
        """The authority of a private controller's German Land, where its address names the Land.

        A public body of a Land is left unnamed: some Länder (Bavaria) have a separate authority for
        their public sector, which the table's DE-xx rows do not give.
        """
        if self.statement.controller.public_authority:
            return None
        contact = self.statement.controller.contact
        address = contact.postal_address if contact else None
        region = address.region if address else None
        if region and region.startswith("DE-"):
            return self.knowledge.authority(region)
        return None

    def german_land_unknown(self) -> bool:
        """A German private controller whose Land is not known: the notice names no authority by name."""
        return self.authority() is None and "DE" in self._authority_codes()

    def _authority_codes(self) -> list[str]:
        complaint = self.statement.complaint
        codes = (
            complaint.authority if complaint else None,
            self.statement.statement.jurisdiction,
            self.statement.controller.country,
        )
        return [c for c in codes if c]

    def authority_name(self) -> str:
        complaint = self.statement.complaint
        if complaint and complaint.name and not complaint.authority:
            return complaint.name
        found = self.authority()
        if found is None:
            return self.label("authority_de_land" if self.german_land_unknown() else "authority_unknown")
        name = found.name(self.lang)
        native = found.native_name
        if self.lang.startswith("en") and native and native.isascii() and native not in name:
            # The English reader is told the authority's own name too: "Datatilsynet, the Norwegian ...".
            return f"{native}, the {name}"
        return name
