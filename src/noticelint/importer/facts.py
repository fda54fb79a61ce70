"""Structured facts the importer is certain of, each with the source line it came from.

Every finder here would rather find nothing than something wrong: a value is taken only when the text
states it in a form that cannot be read two ways (an organisation number that passes the MOD11 check,
an e-mail address that is the only one in the controller's part of the text, an Art. 6(1) letter named
in a sentence about the legal basis). Whatever is uncertain stays in the text for the user to review.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from noticelint.text.organisations import find_organisations


@dataclass(frozen=True)
class Fact:
    """A value, the source line it came from, and the words it was read from."""

    value: object
    line: int
    quote: str
    source: str = ""  # the page it is on, when several pages were read

    def where(self) -> str:
        return where(self.source, self.line)

    def comment(self) -> str:
        quote = " ".join(self.quote.split())
        if len(quote) > 70:
            quote = quote[:67] + "..."
        return f"source {self.where()}: {quote}" if self.line else f"from: {quote}"


def where(source: str, line: int) -> str:
    """'line 12', or 'about.html line 12' when the text came from several pages."""
    return f"{source} line {line}" if source else f"line {line}"


def words(text: str) -> frozenset[str]:
    """The words of ``text``, for word lists written as one string."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Piece:
    """A piece of text of the draft (one block) with its source line."""

    text: str
    line: int
    source: str = ""  # the page's file, when several pages were read

    def where(self) -> str:
        return where(self.source, self.line)


# Identification -----------------------------------------------------------------------------------

_ORG_NUMBER = re.compile(
    r"(?:\borg(?:anisasjons)?\.?\s*-?\s*(?:nr|nummer|no)\b\.?|\borganisasjonsnummer|\bforetaksnummer"
    r"|\borganisation number|\borganization number)\s*[:.]?\s*(?:NO\s*)?"
    r"(\d{3}[\s\u00a0.]?\d{3}[\s\u00a0.]?\d{3})(?:\s*MVA)?(?!\d)",
    re.IGNORECASE,
)
_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def mod11_valid(number: str) -> bool:
    """Whether a Norwegian organisation number passes its MOD11 check digit."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 9 or digits[0] not in (8, 9):
        return False
    remainder = sum(d * w for d, w in zip(digits, _WEIGHTS, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return check != 10 and check == digits[8]


def organisation_numbers(pieces: Iterable[Piece]) -> list[Fact]:
    found: dict[str, Fact] = {}
    for piece in pieces:
        for match in _ORG_NUMBER.finditer(piece.text):
            number = " ".join(match.group(1).replace("\u00a0", " ").replace(".", " ").split())
            digits = re.sub(r"\D", "", number)
            if mod11_valid(digits) and digits not in found:
                if len(number) == 9:
                    number = f"{digits[:3]} {digits[3:6]} {digits[6:]}"
                found[digits] = Fact(number, piece.line, match.group(0), piece.source)
    return list(found.values())


_CONTROLLER_WORDS = re.compile(
    r"\b(?:behandlingsansvarlig\w*|dataansvarlig|data controller|the controller|controller of|"
    r"er ansvarlig for (?:behandlingen|personopplysning)|is responsible for (?:the )?(?:processing|your))",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÄÖÜ«\"(\[])|\n")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def controller_name(pieces: Sequence[Piece]) -> Fact | None:
    """The controller's name with its legal form: the only organisation in a sentence that says it is
    the controller, standing before those words, or the organisation right before '(org.nr. …)'."""
    candidates: dict[str, Fact] = {}
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            mentions = find_organisations(sentence)
            number = _ORG_NUMBER.search(sentence)
            if number and mentions:
                before = [m for m in mentions if m.end <= number.start() and number.start() - m.end <= 4]
                if len(before) == 1:
                    candidates.setdefault(
                        before[0].name.casefold(), Fact(before[0].name, piece.line, sentence, piece.source)
                    )
                    continue
            role = _CONTROLLER_WORDS.search(sentence)
            if role and len(mentions) == 1 and mentions[0].end <= role.start():
                name = mentions[0].name
                candidates.setdefault(name.casefold(), Fact(name, piece.line, sentence, piece.source))
                continue
            named = _named_controller(sentence)
            if named:
                candidates.setdefault(named.casefold(), Fact(named, piece.line, sentence, piece.source))
    return next(iter(candidates.values())) if len(candidates) == 1 else None


_ASIDE = re.compile(
    r"\s*\([^()]*\)|,?\s*(?:org\.?\s*-?\s*nr\.?|organisasjonsnummer)\s*:?\s*[\d \u00a0]{9,11},?"
)
_SUBJECT = re.compile(
    r"(?:^|,\s+)((?:[Tt]he\s+)?[^\s,;:][^,;:]{1,70}?)\s+(?:er|is|are)\s+"
    r"(?:the\s+|a\s+|considered\s+(?:to be\s+)?(?:a|the)\s+)?"
    r"(?:behandlingsansvarlig|data controller|controller)\b",
    re.IGNORECASE,
)
_OBJECT = re.compile(
    r"(?:^|\b[Tt]he\s+)(?:data controller|behandlingsansvarlig)(?:\s+(?:responsible\s+for|for)\s+[^,.]{1,60}?)?"
    r"\s+(?:is|er)\s+(?:the\s+)?([^\s,.()][^,.();:]{1,70}?)(?=\s*\(|\s*[.,;:]|$)",
    re.IGNORECASE,
)
# Other sentences that can only be said by the controller about itself.
_SELF = (
    re.compile(
        r"^(?:At\s+)?((?:[Tt]he\s+)?[^\s,;:][^,;:]{1,60}?)\s+(?:is|are)\s+committed\s+to\s+(?:protecting|respecting)\b"
    ),
    re.compile(
        r"[\"“”']we[\"“”'][^.]{0,60}\brefers?\s+to\s+(?:the\s+)?([^\s,.;:][^,.;:()]{1,60}?)\s*(?:[.,;(]|$)"
    ),
    re.compile(
        r"\bhvordan\s+([A-ZÆØÅ][^,.;:()]{1,60}?)\s+(?:samler\s+inn|behandler|bruker)\s+(?:og\s+\w+\s+)?"
        r"(?:dine\s+)?personopplysninger"
    ),
    re.compile(r"^([^\s,;:][^,;:]{1,60}?)\s+tar\s+(?:ditt\s+)?personvern(?:et)?\s+(?:ditt\s+)?på\s+alvor"),
)
_NOT_NAMES = words(
    "vi we den det dette denne this that it who som hvem you du dere de they which you're leder "
    "gruppelederen styret the company selskapet foreningen virksomheten klubben organisasjonen"
)


def _named_controller(sentence: str) -> str | None:
    """The name in 'X er behandlingsansvarlig …', 'X is the data controller', 'The data controller … is X'
    (a name of at most seven words with a capital letter in it, not a pronoun or a role)."""
    flat = _ASIDE.sub("", sentence).strip()
    found = (
        _SUBJECT.search(flat)
        or _OBJECT.search(flat)
        or next((m for p in _SELF if (m := p.search(flat))), None)
    )
    if not found:
        return None
    name = found.group(1).strip()
    if name[:4].lower() == "the ":
        name = name[4:]
    words = name.split()
    if not words or len(words) > 7 or not any(c.isupper() for c in name) or not name[0].isalnum():
        return None
    if words[0].casefold() in _NOT_NAMES or name.casefold() in _NOT_NAMES:
        return None
    if any(w.casefold() in ("we", "vi", "our", "vår", "you", "du", "your", "din") for w in words):
        return None
    return name


# Contact --------------------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
)
_TEL_LINK = re.compile(r"\]\(tel:([+0-9().\- ]+)\)")
_PHONE_WORDS = r"(?:tlf|tel|telefon|telefonnummer|mobil|mob|phone|telephone|ring oss på|ring)"
_PHONE = re.compile(
    rf"\b{_PHONE_WORDS}\.?\s*(?:nr\.?|number)?\s*[:.]?\s*(\+?\d[\d ]{{6,15}}\d)(?!\d)", re.IGNORECASE
)
_LINKED_NUMBER = re.compile(r"\[(\+?\d[\d ()-]{6,18}\d)\]\(tel:[^)]*\)")


def emails(piece: Piece) -> list[str]:
    return list(dict.fromkeys(m.group(1).rstrip(".").lower() for m in _EMAIL.finditer(piece.text)))


def phones(piece: Piece) -> list[tuple[str, str]]:
    """(as written, digits) for each telephone number the piece gives as one."""
    found: list[tuple[str, str]] = []
    for match in _LINKED_NUMBER.finditer(piece.text):
        found.append((match.group(1).strip(), _digits(match.group(1))))
    for match in _PHONE.finditer(plain(piece.text)):
        found.append((match.group(1).strip(), _digits(match.group(1))))
    return [(w, d) for w, d in dict((d, (w, d)) for w, d in found).values() if 8 <= len(d) <= 13]


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return digits[2:] if digits.startswith("47") and len(digits) == 10 else digits


_OURS = re.compile(r"\b(?:oss|vi|vår|våre|vårt|us|we|our)\b", re.IGNORECASE)


def one_email(preferred: Sequence[Piece], everywhere: Sequence[Piece]) -> Fact | None:
    """The only e-mail address in the controller's part of the text, or else the only one in the whole
    text that a sentence gives as the way to reach 'us'."""
    for where, pieces in (("controller", preferred), ("anywhere", everywhere)):
        found: dict[str, Piece] = {}
        for piece in pieces:
            for address in emails(piece):
                if where == "anywhere" and not any(
                    address in s.lower() and _OURS.search(s) for s in _sentences(piece.text)
                ):
                    found.setdefault(address, Piece("", 0))  # another's address: makes the choice unsure
                    continue
                found.setdefault(address, piece)
        if len(found) == 1:
            address, piece = next(iter(found.items()))
            return Fact(address, piece.line, address, piece.source) if piece.text else None
        if found:
            return None
    return None


def one_phone(preferred: Sequence[Piece], everywhere: Sequence[Piece]) -> Fact | None:
    for pieces in (preferred, everywhere):
        found: dict[str, tuple[str, Piece]] = {}
        for piece in pieces:
            for written, digits in phones(piece):
                found.setdefault(digits, (written, piece))
        if len(found) == 1:
            written, piece = next(iter(found.values()))
            return Fact(written, piece.line, written, piece.source)
        if found:
            return None
    return None


_NO_ADDRESS = re.compile(
    r"(?P<street>(?:Postboks|Pb\.?|P\.b\.) \d{1,5}(?: [A-ZÆØÅ][a-zæøå]+)?|"
    r"[A-ZÆØÅ][A-Za-zÆØÅæøåéü.'\-]+(?: [A-Za-zÆØÅæøåéü.'\-]+){0,3} \d{1,4} ?[A-Za-z]?)"
    r"\s*(?:,|\n|·)\s*(?P<code>\d{4}) (?P<city>[A-ZÆØÅ][A-ZÆØÅa-zæøå\-]+(?: [A-ZÆØÅ][a-zæøå]+)?)(?![\w-])"
)
_UK_ADDRESS = re.compile(
    r"(?P<street>\d{1,4}[A-Za-z]? [A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,3})\s*,\s*"
    r"(?:(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?),?\s+)(?P<code>[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b"
)


def uk_postcode(code: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", code))


def one_address(preferred: Sequence[Piece], everywhere: Sequence[Piece]) -> Fact | None:
    for pieces in (preferred, everywhere):
        found: dict[str, Fact] = {}
        for piece in pieces:
            flat = plain(piece.text)
            for pattern in (_NO_ADDRESS, _UK_ADDRESS):
                for match in pattern.finditer(flat):
                    value = {
                        "street": match.group("street").strip(),
                        "postal_code": match.group("code"),
                        "city": match.group("city"),
                    }
                    key = match.group("code").replace(" ", "")
                    found.setdefault(key, Fact(value, piece.line, match.group(0), piece.source))
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None


# The names a statement gives a country in, English and Norwegian, for the EEA, the UK, Switzerland and
# the US (the countries a controller in this corpus of statements says it is registered in).
_COUNTRY_NAMES = {
    "Austria": "AT", "Østerrike": "AT", "Belgium": "BE", "Belgia": "BE", "Bulgaria": "BG", "Croatia": "HR",
    "Kroatia": "HR", "Cyprus": "CY", "Kypros": "CY", "Czechia": "CZ", "Czech Republic": "CZ", "Tsjekkia": "CZ",
    "Denmark": "DK", "Danmark": "DK", "Estonia": "EE", "Estland": "EE", "Finland": "FI", "France": "FR",
    "Frankrike": "FR", "Germany": "DE", "Tyskland": "DE", "Greece": "GR", "Hellas": "GR", "Hungary": "HU",
    "Ungarn": "HU", "Ireland": "IE", "Irland": "IE", "Italy": "IT", "Italia": "IT", "Latvia": "LV",
    "Lithuania": "LT", "Litauen": "LT", "Luxembourg": "LU", "Malta": "MT", "Netherlands": "NL",
    "Nederland": "NL", "Poland": "PL", "Polen": "PL", "Portugal": "PT", "Romania": "RO", "Slovakia": "SK",
    "Slovenia": "SI", "Spain": "ES", "Spania": "ES", "Sweden": "SE", "Sverige": "SE", "Iceland": "IS",
    "Island": "IS", "Liechtenstein": "LI", "Norway": "NO", "Norge": "NO", "United Kingdom": "GB",
    "Storbritannia": "GB", "England": "GB", "Scotland": "GB", "Skottland": "GB", "Wales": "GB",
    "Switzerland": "CH", "Sveits": "CH", "United States": "US", "USA": "US",
}  # fmt: skip
_REGISTERED_IN = re.compile(
    r"\b(?:registered|established|incorporated|registrert|etablert)\s+(?:in|i)\s+(?:the\s+)?("
    + "|".join(sorted(_COUNTRY_NAMES, key=len, reverse=True))
    + r")\b"
)


def registered_country(pieces: Iterable[Piece]) -> Fact | None:
    """The country a sentence says the author is registered or established in, when only one is named."""
    found: dict[str, Fact] = {}
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            for match in _REGISTERED_IN.finditer(sentence):
                code = _COUNTRY_NAMES[match.group(1)]
                found.setdefault(code, Fact(code, piece.line, sentence, piece.source))
    return next(iter(found.values())) if len(found) == 1 else None


# Complaint, rights ----------------------------------------------------------------------------------

_AUTHORITIES = (
    (re.compile(r"\bDatatilsynet\b"), "NO", "nb"),
    (re.compile(r"\bInformation Commissioner(?:['’]s Office)?\b|\bICO\b"), "GB", None),
    (re.compile(r"\bData Protection Commission\b"), "IE", None),
    (re.compile(r"\bDatenschutzbehörde\b|\bAustrian Data Protection Authority\b"), "AT", None),
    (re.compile(r"\bIntegritetsskyddsmyndigheten\b|\bIMY\b"), "SE", None),
    (re.compile(r"\bTietosuojavaltuutetun toimisto\b|\bData Protection Ombudsman\b"), "FI", None),
    (re.compile(r"\bAndmekaitse Inspektsioon\b|\bEstonian Data Protection Inspectorate\b"), "EE", None),
)


def authority(pieces: Iterable[Piece], language: str) -> Fact | None:
    found: dict[str, Fact] = {}
    for piece in pieces:
        for pattern, code, needs in _AUTHORITIES:
            match = pattern.search(piece.text)
            if match and (needs is None or needs == language):
                found.setdefault(
                    code, Fact(code, piece.line, _around(piece.text, match.start()), piece.source)
                )
    return next(iter(found.values())) if len(found) == 1 else None


_RIGHTS = {
    "access": (
        r"\binnsyn|\bright (?:of|to) access|\baccess (?:to )?(?:your|the|any|all|a copy|personal)|\bsubject access"
        r"|\brequest access|\bto access\b",
    ),
    "rectification": (
        r"\brett(?:ing|et|es)\b|\brette\s+(?:\w+\s+)?(?:opplysninger|feil)|\bkorriger|\brectif"
        r"|\bcorrect(?:ed|ion|ing)?\b",
    ),
    "erasure": (r"\bslett|\beras|\bdelet|\bto be forgotten|\bbli glemt|\bfjern(?:e|es|et|ing)\b",),
    "restriction": (
        r"\bbegrens\w*\s+(?:\w+\s+){0,3}(?:behandling|bruk)|\bbehandling\w*\s+(?:\w+\s+){0,2}begrens"
        r"|^\W*begrens|\brett(?:en)?\s+til\s+begrens|,\s*begrensning\s*(?:,|og\b)"
        r"|\brestrict\w*\s+(?:\w+\s+){0,4}(?:processing|use)|\brestriction of|\bto restrict",
    ),
    "portability": (
        r"\bportab|\bdataportab|\bflytte\b|\bmotta (?:en kopi|opplysningene) .*format|\bmaskinlesbar"
        r"|\bmachine-readable",
    ),
    "objection": (r"\bprotest|\bmotsette|\binnsigelse|\bobject(?:ion)?\b|\bto object",),
}
_RIGHTS_RE = {right: re.compile("|".join(p), re.IGNORECASE) for right, p in _RIGHTS.items()}
# The GDPR's article of each right, cited in a part about rights ("cf. Art. 16 GDPR", "art. 20").
_RIGHT_ARTICLE = re.compile(
    r"\b(?:art(?:ikkel|icle)?\.?|artt?\.)\s*(15|16|17|18|20|21)\b(?!\s*\()", re.IGNORECASE
)
_ARTICLE_RIGHTS = {
    "15": "access", "16": "rectification", "17": "erasure", "18": "restriction", "20": "portability",
    "21": "objection",
}  # fmt: skip


def rights_named(pieces: Iterable[Piece]) -> list[Fact]:
    """The rights a part about rights names, by their usual words or by the GDPR article."""
    found: dict[str, Fact] = {}
    for piece in pieces:
        text = plain(piece.text)
        for right, pattern in _RIGHTS_RE.items():
            match = pattern.search(text)
            if match and right not in found:
                found[right] = Fact(right, piece.line, _around(text, match.start()), piece.source)
        for match in _RIGHT_ARTICLE.finditer(text):
            right = _ARTICLE_RIGHTS[match.group(1)]
            found.setdefault(right, Fact(right, piece.line, _around(text, match.start()), piece.source))
    return [found[r] for r in _RIGHTS if r in found]


# Legal bases ----------------------------------------------------------------------------------------

_ARTICLE = re.compile(
    r"\b(?:art(?:ikkel|icle|\.)?\s*)?6\s*(?:\(\s*1\s*\)|(?:nr|para|paragraph|abs)\.?\s*1|\.\s*1\.?|\s1)\s*,?\s*"
    r"(?:(?:bokstav|lit(?:ra)?\.?|letter|punkt|pkt\.?)\s*)?\(?\s*([a-f])\s*\)?(?![\w])",
    re.IGNORECASE,
)
_BASIS_SENTENCE = re.compile(
    r"grunnlag|hjemmel|lawful bas|legal bas|legal ground|lawful ground|basis for (?:the )?processing|"
    r"(?:on the basis of|based on|basert på|på bakgrunn av|bygger på) (?:your |ditt |deres )?"
    r"(?:explicit |uttrykkelige? )?"
    r"(?:samtykke|consent|avtale|contract|legitimate|berettiget)",
    re.IGNORECASE,
)
# Consent as the condition of the processing: "bare med samtykke", "kun hvis du samtykker", "we ask for
# your consent", "only with your consent".
_CONSENT_CONDITION = re.compile(
    r"\b(?:kun|bare|only)\s+(?:med|etter|with|after|if|hvis|når|when)\s+(?:\w+\s+){0,3}?"
    r"(?:samtykke\w*|samtykker|consent\w*)\b|\bber\s+(?:vi\s+)?(?:deg\s+|dere\s+)?(?:også\s+)?(?:om\s+)?samtykke\b"
    r"|\bwe\s+(?:will\s+)?(?:ask\s+(?:for\s+)?|seek\s+|obtain\s+|request\s+)your\s+(?:explicit\s+|prior\s+)?consent\b"
    r"|\bwith\s+your\s+(?:explicit\s+)?consent\b",
    re.IGNORECASE,
)
_BASIS_WORDS = (
    ("6(1)(a)", re.compile(r"\bsamtykke\b|\bconsent\b", re.IGNORECASE)),
    ("6(1)(b)", re.compile(r"\bavtale\b|\bkontrakt\b|\bcontract\b|\bcontractual\b", re.IGNORECASE)),
    (
        "6(1)(c)",
        re.compile(
            r"\brettslig forpliktelse|\blovpålagt|\blegal obligation|\blegal requirement", re.IGNORECASE
        ),
    ),
    ("6(1)(d)", re.compile(r"\bvitale interesser|\bvital interests?", re.IGNORECASE)),
    ("6(1)(e)", re.compile(r"\ballmennhetens interesse|\bpublic (?:task|interest)", re.IGNORECASE)),
    (
        "6(1)(f)",
        re.compile(r"\b(?:berettigede?|legitime?) interesser?|\blegitimate interests?", re.IGNORECASE),
    ),
)


# The words of Art. 6(1) itself, which name a basis in any sentence.
_ARTICLE_WORDS = (
    (
        "6(1)(b)",
        re.compile(
            r"\bnødvendige?\s+(?:\w+\s+){0,3}?(?:for\s+(?:å\s+)?(?:inngå|oppfylle|gjennomføre)\s+(?:en\s+)?avtale"
            r"|for\s+tiltak\s+før\s+(?:inngåelse\s+av\s+)?(?:en\s+)?avtale)"
            r"|\bnecessary\s+for\s+the\s+performance\s+of\s+(?:a|the|our)\s+contract"
            r"|\bnecessary\s+(?:in\s+order\s+)?to\s+(?:perform|fulfil+|enter\s+into)\s+(?:a|the|our)\s+contract",
            re.IGNORECASE,
        ),
    ),
    (
        "6(1)(c)",
        re.compile(
            r"\bnødvendige?\s+for\s+å\s+oppfylle\s+en\s+rettslig\s+forpliktelse"
            r"|\bnecessary\s+for\s+compliance\s+with\s+a\s+legal\s+obligation",
            re.IGNORECASE,
        ),
    ),
)


def legal_bases(pieces: Iterable[Piece]) -> list[Fact]:
    """Art. 6(1) letters named in the text: by article reference, or by the usual words in a sentence
    that says it is about the legal basis."""
    found: dict[str, Fact] = {}
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            letters = [f"6(1)({m.group(1).lower()})" for m in _ARTICLE.finditer(sentence)]
            if not letters and _BASIS_SENTENCE.search(sentence):
                letters = [code for code, pattern in _BASIS_WORDS if pattern.search(sentence)]
            if not letters:
                letters = [code for code, pattern in _ARTICLE_WORDS if pattern.search(sentence)]
            if not letters and _CONSENT_CONDITION.search(sentence):
                letters = ["6(1)(a)"]
            for code in letters:
                found.setdefault(code, Fact(code, piece.line, sentence, piece.source))
    return list(found.values())


# Retention ------------------------------------------------------------------------------------------

_NUMBERS = {
    "en": 1, "ett": 1, "ei": 1, "ein": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7,
    "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "one": 1, "a": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "atten": 18, "eighteen": 18, "tjue": 20, "twenty": 20,
}  # fmt: skip
_UNITS = {
    "år": "Y", "året": "Y", "årene": "Y", "year": "Y", "years": "Y",
    "måned": "M", "måneder": "M", "måneders": "M", "mnd": "M", "month": "M", "months": "M",
    "uke": "W", "uker": "W", "week": "W", "weeks": "W",
    "dag": "D", "dager": "D", "dagers": "D", "day": "D", "days": "D",
}  # fmt: skip
_DURATION = re.compile(
    r"(?<![\w.,])(\d{1,3}|"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")[\s\u00a0-]*("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_RETENTION_SENTENCE = re.compile(
    r"lagr|oppbevar|slett|beholde|tar vare|\bretain|\bretention|\bkept\b|\bkeep\b|\bstored?\b|\bdelet|"
    r"\berase|anonymi",
    re.IGNORECASE,
)
_NOT_RETENTION = re.compile(
    r"cookie|informasjonskaps|\bsvar\w*|\bbesvar\w*|\brespond|\banswer|within one month of|innen en måned|"
    r"\bden?\s+siste\b|\bthe\s+(?:last|past)\b|\b(?:under|over)\s+\d|\bage\b|\balder\b|år gammel|years old",
    re.IGNORECASE,
)


def retention_periods(pieces: Iterable[Piece]) -> list[Fact]:
    """ISO 8601 periods of sentences about keeping or deleting data ('slettes etter 5 år')."""
    found: dict[str, Fact] = {}
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            if not _RETENTION_SENTENCE.search(sentence) or _NOT_RETENTION.search(sentence):
                continue
            for match in _DURATION.finditer(sentence):
                amount = match.group(1).lower()
                number = int(amount) if amount.isdigit() else _NUMBERS[amount]
                if number == 0:
                    continue
                unit = _UNITS[match.group(2).lower()]
                period = f"P{number}{unit}"
                found.setdefault(period, Fact(period, piece.line, sentence, piece.source))
    return list(found.values())


# Cookies and the source of the data ----------------------------------------------------------------

COOKIE_WORDS = re.compile(r"cookie|informasjonskaps|kapsl", re.IGNORECASE)
_NECESSARY_ONLY = re.compile(
    r"\b(?:kun|bare|only)\s+(?:strengt\s+|strictly\s+|teknisk\s+|technically\s+)?"
    r"(?:nødvendige|necessary|essential)\s+(?:informasjonskapsler|cookies)\b",
    re.IGNORECASE,
)
_FROM_THE_PERSON = re.compile(
    r"\b(?:når|hvis|dersom)\s+du\s+(?:\w+\s+){0,2}?(?:fyller\s+ut|sender\s+inn|sender\s+oss|bestiller|melder\s+deg|"
    r"registrerer\s+deg|oppgir|gir\s+oss|kontakter\s+oss|bruker\s+\w*(?:skjema|formular)\w*)"
    r"|\bdu\s+(?:selv\s+)?(?:oppgir|gir\s+oss|fyller\s+inn|legger\s+inn|sender\s+inn|skriver\s+inn)\b|\bdu\s+selv\s+skriver\b|\bsom\s+du\s+(?:selv\s+)?(?:oppgir|gir\s+oss)"
    r"|\b(?:information|data|details)\s+(?:that\s+)?you\s+(?:provide|give|submit|enter)\b|\bprovided\s+by\s+you\b"
    r"|\bwhen\s+you\s+(?:\w+\s+){0,2}?(?:fill\s+in|submit|sign\s+up|register|book|order|contact\s+us|subscribe)\b"
    r"|\byou\s+(?:may\s+)?(?:provide|give)\s+us\b|\bdirectly\s+from\s+you\b",
    re.IGNORECASE,
)


_COOKIES_USED = re.compile(
    r"\b(?:vi\s+(?:bruker|benytter|setter|lagrer)|(?:det\s+)?(?:settes|brukes|benyttes|lagres)|we\s+(?:use|set|place|store)"
    r"|(?:are|is)\s+(?:set|used|placed|stored))\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(?:hvis|dersom|om|if|may|might|kan)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:ikke|ingen|aldri|not|no|never|don't|doesn't|without|uten)\b", re.IGNORECASE)
_ADDRESSES = re.compile(r"\S*\w[./@]\w\S*")


def _negated(sentence: str) -> bool:
    """Whether a sentence has a negation, web and e-mail addresses apart ('godliatrasop.no')."""
    return bool(_NEGATED.search(_ADDRESSES.sub(" ", sentence)))


def cookies_used(pieces: Iterable[Piece]) -> Fact | None:
    """A sentence that says, without negation or condition, that cookies are used or set."""
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            if (
                COOKIE_WORDS.search(sentence)
                and _COOKIES_USED.search(sentence)
                and not _negated(sentence)
                and not _CONDITIONAL.search(sentence)
            ):
                return Fact(True, piece.line, sentence, piece.source)
    return None


_INVERTED = re.compile(
    r"^\W*(?:Sender|Fyller|Bestiller|Melder|Registrerer|Kontakter|Oppgir|Bruker)\s+du\b(?!.*\b(?:ikke|aldri)\b)"
)
_FORM = re.compile(
    r"\b(?:\w*skjema\w*|(?:order|contact|booking|registration|sign-?up|web)?\s*forms?|påmelding\w*|innmelding\w*)\b",
    re.IGNORECASE,
)
_COLLECTS = re.compile(
    r"\b(?:samler\s+(?:vi\s+)?inn|registrerer|må\s+vi\s+registrere|oppgi\w*|fyll\w*|sender?\s+inn|ber\s+(?:vi\s+)?om|"
    r"collect\w*|provide\w*|fill\w*|submit\w*|gather\w*|we\s+ask|skjer\s+(?:via|gjennom|på))\b",
    re.IGNORECASE,
)


def _form_collection(sentence: str) -> bool:
    return bool(
        _INVERTED.search(sentence)
        or (_FORM.search(sentence) and _COLLECTS.search(sentence) and not _negated(sentence))
    )


_HEALTH = re.compile(
    r"\bhelseopplysning\w*|\bopplysninger\s+om\s+(?:din\s+)?helse\b|\bhealth\s+(?:data|information|conditions?|records?)\b"
    r"|\bmedical\s+(?:data|information|conditions?|history|records?)\b",
    re.IGNORECASE,
)


def health_data(pieces: Iterable[Piece]) -> Fact | None:
    """Health data named among the data processed, in a sentence or list item without a negation."""
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            if _HEALTH.search(sentence) and not _negated(sentence):
                return Fact("health", piece.line, sentence, piece.source)
    return None


def necessary_cookies_only(pieces: Iterable[Piece]) -> Fact | None:
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            if _NECESSARY_ONLY.search(sentence):
                return Fact(True, piece.line, sentence, piece.source)
    return None


def from_the_person(pieces: Iterable[Piece]) -> Fact | None:
    """A sentence that says the data come from the person ('når du fyller ut skjemaet', 'you provide')."""
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            if _FROM_THE_PERSON.search(sentence) or _form_collection(sentence):
                return Fact("data_subject", piece.line, sentence, piece.source)
    return None


def sentences_of(text: str) -> list[str]:
    return _sentences(plain(text))


# Denials -------------------------------------------------------------------------------------------

# Whole sentences that deny something outright; a sentence that goes on to limit the denial ("… til
# statistikk", "… for advertising") does not match, since each pattern must reach the sentence's end.
_WE = (
    r"(?:vi|we|nettstedet|nettsiden|denne nettsiden|appen|this (?:web)?site|the (?:web)?site|the app|"
    r"our (?:web)?site)"
)
_PLACE = r"(?:\s+(?:på|i|on)\s+[\w. ]{1,40})?"
_END = r"[.!]?$"
_DENIALS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (denial, re.compile(pattern, re.IGNORECASE))
    for denial, pattern in (
        (
            "cookies",
            rf"^{_WE}\s+(?:bruker|benytter|setter)\s+(?:ikke|ingen)\s+(?:informasjonskapsler|cookies){_PLACE}{_END}",
        ),
        ("cookies", rf"^{_WE}\s+(?:does|do)\s+not\s+(?:use|set)\s+(?:any\s+)?cookies{_PLACE}{_END}"),
        (
            "sale",
            r"^(?:vi\s+)?selger\s+(?:aldri|ikke)\s+(?:dine\s+)?(?:person)?opplysninger"
            r"(?:\s+(?:om\s+deg\s+)?til\s+(?:tredjepart(?:er)?|andre))?" + _END,
        ),
        (
            "sale",
            r"^we\s+(?:do\s+not|don't|never|will\s+never|will\s+not)\s+sell\s+(?:your\s+)?(?:personal\s+)?"
            r"(?:data|information)(?:\s+to\s+(?:third\s+parties|anyone))?" + _END,
        ),
        (
            "transfers_outside_eea",
            r"\b(?:vil\s+ikke\s+bli|blir\s+ikke|overføres\s+ikke|skal\s+ikke)\s+(?:overført\w*\s+)?"
            r"(?:til\s+)?(?:land\s+)?utenfor\s+(?:EU|EØS)(?:/EØS)?" + _END,
        ),
        (
            "transfers_outside_eea",
            r"\b(?:is|are|will)\s+(?:not|never)\s+(?:be\s+)?transferred\s+(?:to\s+countries\s+)?outside\s+"
            r"(?:the\s+)?(?:EU|EEA|European Economic Area)" + _END,
        ),
        (
            "analytics",
            rf"^{_WE}\s+(?:bruker|benytter)\s+(?:ikke\s+|ingen\s+)(?:noen\s+)?analyseverktøy{_END}",
        ),
        ("analytics", rf"^{_WE}\s+(?:do|does)\s+not\s+use\s+(?:any\s+)?analytics(?:\s+tools)?{_END}"),
    )
)


def denials(pieces: Iterable[Piece]) -> list[Fact]:
    found: dict[str, Fact] = {}
    for piece in pieces:
        for sentence in _sentences(plain(piece.text)):
            for denial, pattern in _DENIALS:
                if denial not in found and pattern.search(sentence.strip()):
                    found[denial] = Fact(denial, piece.line, sentence, piece.source)
    return list(found.values())


# Dates ----------------------------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
    "september": 9, "oktober": 10, "november": 11, "desember": 12, "january": 1, "february": 2,
    "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "december": 12,
}  # fmt: skip
_MONTH = "|".join(_MONTHS)
_UPDATED = re.compile(
    r"(?:sist\s+(?:oppdatert|endret|revidert)|oppdatert|revidert|last\s+(?:updated|modified|revised|changed)"
    r"|updated(?:\s+on)?|gjelder fra|effective(?:\s+date|\s+from|\s+as of)?|dato)\s*[:\-–]?\s*"
    r"(?:\s+av\s+[^\d\n.]{1,40}?)?\s*"
    rf"(?:(\d{{4}})-(\d{{2}})-(\d{{2}})|(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({_MONTH})\s+(\d{{4}})"
    rf"|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}))(?![\d])",
    re.IGNORECASE,
)


_DATE = re.compile(
    rf"(\d{{4}})-(\d{{2}})-(\d{{2}})|(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({_MONTH})\s+(\d{{4}})"
    rf"|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})",
    re.IGNORECASE,
)
_LOG_ENTRY = re.compile(rf"^\W{{0,3}}(?:{_DATE.pattern})(?![\d])", re.IGNORECASE)


def _date(g: Sequence[str | None]) -> datetime.date | None:
    """The date of the groups of ``_DATE`` (in that order), or None for an impossible one."""
    try:
        if g[0]:
            return datetime.date(int(g[0]), int(str(g[1])), int(str(g[2])))
        if g[3]:
            return datetime.date(int(str(g[5])), int(str(g[4])), int(g[3]))
        if g[6]:
            return datetime.date(int(str(g[8])), _MONTHS[str(g[7]).lower()], int(g[6]))
        if g[9]:
            return datetime.date(int(str(g[11])), _MONTHS[g[9].lower()], int(str(g[10])))
    except ValueError:
        return None
    return None


def change_log_date(pieces: Iterable[Piece]) -> Fact | None:
    """The latest date of a change log: the blocks of a part about the statement's history that each
    begin with a date ('* 2024-03-29: Updated list of services', '25.7.2022 - First version')."""
    entries: list[tuple[datetime.date, Fact]] = []
    for piece in pieces:
        for line in plain(piece.text).replace("\\", "").split("\n"):
            match = _LOG_ENTRY.match(line)
            date = _date(match.groups()) if match else None
            if match and date is not None:
                entries.append((date, Fact(date, piece.line, line.strip(), piece.source)))
    return max(entries, key=lambda e: e[0])[1] if entries else None


def last_updated(pieces: Iterable[Piece]) -> Fact | None:
    found: dict[datetime.date, Fact] = {}
    for piece in pieces:
        for match in _UPDATED.finditer(plain(piece.text)):
            g = match.groups()
            try:
                if g[0]:
                    date = datetime.date(int(g[0]), int(g[1]), int(g[2]))
                elif g[3]:
                    date = datetime.date(int(g[5]), int(g[4]), int(g[3]))
                elif g[6]:
                    date = datetime.date(int(g[8]), _MONTHS[g[7].lower()], int(g[6]))
                else:
                    date = datetime.date(int(g[11]), _MONTHS[g[9].lower()], int(g[10]))
            except ValueError:
                continue
            found.setdefault(date, Fact(date, piece.line, match.group(0), piece.source))
    return next(iter(found.values())) if len(found) == 1 else None


# Helpers --------------------------------------------------------------------------------------------

_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)\)")


def plain(text: str) -> str:
    """Text without Markdown links and emphasis (the label stays)."""
    return _MD_LINK.sub(r"\1", text).replace("**", "").replace("__", "")


def _around(text: str, offset: int) -> str:
    plain = text
    start = max(0, plain.rfind(" ", 0, max(0, offset - 30)) + 1)
    return plain[start : offset + 40]
