"""Leftovers: unfilled template fields, a generator's or another template's text, and outdated law.

A statement written from a template often keeps what the template left for the author to fill in
("[APPNAVN]", "[insert contact email]", "{{company}}", "XXX", "Lorem ipsum"), the generator's credit or
words from the template's own language ("Art. 17 DSGVO"), and references to law or mechanisms that have
since gone (the EU–US Privacy Shield, Directive 95/46/EC, personopplysningsloven 2000, ekomloven § 2-7 b,
the UK Data Protection Act 1998, Universal Analytics). Each leaves the reader with information that is
missing or false (GDPR Art. 5(1)(a), 12(1)). The outdated references come from the dated, sourced table
``outdated_law.csv`` in the knowledge package, not from code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.api import CheckContext, Hit, lazy, needles, outdated_law, place, rule, sentences

# --- unfilled template fields -----------------------------------------------------------------------

_FIELD_WORDS = (
    r"dato|date|navn|name|firma|firmanavn|selskap|company|company\s+name|business\s+name|organisation|"
    r"organization|adresse|address|e-?post(?:adresse)?|e-?mail(?:\s+address)?|telefon(?:nummer)?|phone(?:\s+number)?|"
    r"org\.?\s*nr\.?|organisasjonsnummer|nettside|website|url|land|country|by|city"
)
_PLACEHOLDERS = [
    # [APPNAVN], [COMPANY NAME], [DATO]: a bracketed upper-case field name (four letters or more)
    lazy(r"\[(?:[A-ZÆØÅ_]{4,}|[A-ZÆØÅ_]+(?:[ _-][A-ZÆØÅ_]+)+)\](?!\()"),
    # [insert contact email], [sett inn dato], [your company], [dato], [10.12.2024]
    lazy(
        rf"\[\s*(?:(?:insert|add|enter|sett\s+inn|fyll\s+inn|legg\s+inn|skriv\s+inn)\b[^\]]*|"
        rf"(?:your|our|the|din|ditt|deres|vårt|vår)\s+[^\]]*|(?:{_FIELD_WORDS})|"
        rf"\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|dd\.mm\.(?:yyyy|åååå)|yyyy-mm-dd)\s*\](?!\()",
        re.IGNORECASE,
    ),
    # <insert company name>, <sett inn dato>
    lazy(r"<\s*(?:insert|add|enter|sett\s+inn|fyll\s+inn|legg\s+inn|skriv\s+inn)\b[^>]*>", re.IGNORECASE),
    # {{company}}, {{ site.name }}, %COMPANY%
    lazy(r"\{\{\s*[\w.-]+\s*\}\}|%[A-Z_]{3,}%"),
    # XXX, XX.XX.XXXX, TODO, FIXME, TBD
    lazy(r"(?<![\w.])(?:X{3,}|XX\.XX\.XX(?:XX)?|TODO|FIXME|TBD)(?![\w])"),
    lazy(r"\blorem\s+ipsum\b", re.IGNORECASE),
]
_PLACEHOLDER_MARKS = ("[", "<", "{{", "%", "XXX", "XX.XX", "TODO", "FIXME", "TBD")


def _may_hold_placeholder(text: str) -> bool:
    return any(mark in text for mark in _PLACEHOLDER_MARKS) or "lorem" in text.lower()


@rule(
    code="LFT001",
    name="unfilled-placeholder",
    basis="statute",
    certainty="inferred",
    legal=["GDPR Art. 12(1)", "GDPR Art. 5(1)(a)"],
    fix=(
        "Replace the field with what it stands for (the e-mail address, the name, the date), or remove the "
        "sentence if it does not apply."
    ),
    fails="""
    statement:
      text:
        nb: Kontakt oss på [sett inn e-postadresse] hvis du har spørsmål om [APPNAVN].
        en: Contact us at [insert contact email] with any questions about {{company}}.
    """,
    passes="""
    statement:
      text:
        nb: Kontakt oss på personvern@example.no hvis du har spørsmål om [appen vår](https://example.no/app).
        en: Contact us at personvern@example.no with any questions about [our app](https://example.no/app).
    """,
)
def unfilled_placeholder(ctx: CheckContext) -> Iterator[Hit]:
    """The wording holds no template field that was never filled in.

    A template's fields ("[APPNAVN]", "[insert contact email]", "[dato]", "[10.12.2024]", "<sett inn
    navn>", "{{company}}", "%COMPANY%", "XXX", "TODO", "Lorem ipsum") tell the reader that information
    was meant to stand there and is missing; where the field stood for the contact address, the reader
    cannot exercise any right (Art. 12(1), 12(2)). Recognised are: a bracketed field name in capitals (four
    letters or more, "[PDF]" is not one), a bracketed instruction ("insert", "sett inn", "fyll inn") or a
    bracketed field word ("[dato]", "[navn]", "[company]", "[your company name]"), a bracketed date, an
    angle-bracketed instruction, double braces, %NAME%, XXX, TODO, FIXME, TBD in capitals and Lorem ipsum.
    Markdown links ("[label](url)") and obfuscated addresses ("code [at] example.org") are not fields.
    Each field is one finding, at its place in the text.
    """
    for item in ctx.wording:
        if not _may_hold_placeholder(item.text):
            continue
        seen: set[int] = set()
        for pattern in _PLACEHOLDERS:
            for match in pattern.finditer(item.text):
                if match.start() in seen:
                    continue
                seen.add(match.start())
                yield Hit(
                    item.pointer,
                    f"'{match.group(0)}' in {place(ctx.statement, item.pointer)} is a template field that was "
                    "never filled in; write what it stands for (the address, name or date) or remove it",
                    offset=match.start(),
                    length=len(match.group(0)),
                )


# --- a generator's or another template's text --------------------------------------------------------

_GENERATOR = [
    lazy(p, re.IGNORECASE)
    for p in (
        r"\b(?:generated|created|made|produced)\s+(?:by|with|using)\s+(?:the\s+|an?\s+)?[\w.\s-]{0,40}?"
        r"(?:generator|template|termsfeed|iubenda|termly)\b",
        r"\b(?:generert|laget|lagd|opprettet)\s+(?:av|med)\s+[\w.\s-]{0,40}?(?:generator|mal|malen)\b",
        r"\b(?:privacy\s+policy|privacy\s+notice|data\s+protection\s+statement|personvernerklærings?)\s*"
        r"[- ]?(?:generator|template|mal)\b",
        r"\b(?:model|sample)\s+(?:data\s+protection|privacy)\s+(?:statement|policy|notice)\b",
        r"\bmuster-?datenschutzerkl\w*",
        r"\b(?:termsfeed\.com|privacypolicies\.com|freeprivacypolicy\.com|privacypolicygenerator\.\w+|"
        r"app-privacy-policy-generator|iubenda\.com|termly\.io|e-recht24\.de|datenschutz-generator\.de|"
        r"ratgeberrecht\.eu)",
    )
]
_GENERATOR_NEEDLES = needles(
    "generat|template|mal|model|sample|muster|termsfeed|privacypolicies|iubenda|termly|recht24|ratgeberrecht"
)
# German legal words left in a Norwegian or English text translated from a German template.
_GERMAN_LEFTOVER = lazy(r"\b(?:DSGVO|BDSG|TMG|TTDSG|Datenschutzerklärung|Verantwortliche[rn]?)\b")
_GERMAN_NEEDLES = needles("dsgvo|bdsg|tmg|ttdsg|datenschutz|verantwortlich")


@rule(
    code="LFT002",
    name="template-leftover",
    basis="practice",
    certainty="inferred",
    legal=["GDPR Art. 12(1)", "GDPR Art. 5(1)(a)"],
    fix=(
        "Remove the generator's credit and the template's foreign terms, and check that every sentence the "
        "template brought describes what you actually do."
    ),
    fails="""
    statement:
      text:
        nb: Denne personvernerklæringen er generert med en personvernerklæring-generator.
        en: This privacy statement was generated with a privacy policy generator (Art. 17 DSGVO).
    """,
    passes="""
    statement:
      text:
        nb: Denne personvernerklæringen er skrevet av klinikken selv.
        en: The clinic wrote this privacy statement itself.
    """,
)
def template_leftover(ctx: CheckContext) -> Iterator[Hit]:
    """The wording keeps no generator's credit and no term from the template's own language.

    A credit such as "generated by a privacy policy generator", "Model Data Protection Statement for …",
    "Muster-Datenschutzerklärung", "laget med personvernerklæring-generatoren" or a link to a generator's
    site, and German legal terms left in a Norwegian or English text ("Art. 17 DSGVO", "BDSG",
    "Verantwortlicher"), show that the text came from a template and was not fully adapted: the reader
    cannot tell which of its sentences describe this controller (Art. 5(1)(a), 12(1)). German terms are
    read only in texts that are not German. It is a warning: the credit itself harms nobody, but it asks
    the author to check the template's every sentence.
    """
    for item in ctx.wording:
        generator = _GENERATOR_NEEDLES.may_match(item.text)
        german = not item.language.startswith("de") and _GERMAN_NEEDLES.may_match(item.text)
        if not (generator or german):
            continue
        for sentence in sentences(item.text):
            match = (
                next((m for p in _GENERATOR if (m := p.search(sentence.text))), None) if generator else None
            )
            if match is not None:
                what = "a template generator's credit"
            elif german and (match := _GERMAN_LEFTOVER.search(sentence.text)) is not None:
                what = "a German legal term from the template"
            else:
                continue
            yield Hit(
                item.pointer,
                f"'{' '.join(match.group(0).split())}' in {place(ctx.statement, item.pointer)} is {what}: the "
                "text was not fully adapted; remove it and check that every sentence describes what you do",
                offset=sentence.start,
                length=len(sentence.text),
            )


# --- outdated law and dead mechanisms --------------------------------------------------------------

# "… which the Court declared invalid", "erstattet av": the sentence already says the reference is gone.
_HISTORICAL = lazy(
    r"\b(?:ugyldig\w*|opphevet|erstattet|ikke\s+lenger|tidligere|etterfølger\w*|kjent\s+ugyldig|invalid\w*|"
    r"no\s+longer|replaced|repealed|annulled|struck\s+down|formerly|previously|successor|superseded|"
    r"until\s+(?:it\s+was|its)|was\s+(?:invalidated|repealed))\b",
    re.IGNORECASE,
)


@rule(
    code="LAW001",
    name="outdated-law",
    basis="guidance",
    certainty="inferred",
    legal=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)", "GDPR Art. 13(1)(c)", "GDPR Art. 13(1)(f)"],
    knowledge=["outdated_law"],
    fix=(
        "Refer to the law or mechanism that applies now (the message names it), and check that what the "
        "sentence says still holds under it."
    ),
    fails="""
    statement:
      text:
        nb: Overføringen til USA bygger på EU-US Privacy Shield, jf. direktiv 95/46/EF.
        en: The transfer to the US relies on the EU-US Privacy Shield under Directive 95/46/EC.
    """,
    passes="""
    statement:
      text:
        nb: Overføringen til USA bygger på EU-US Data Privacy Framework.
        en: The transfer to the US relies on the EU-US Data Privacy Framework.
    """,
)
def outdated_law_reference(ctx: CheckContext) -> Iterator[Hit]:
    """The wording does not rest on law or mechanisms that no longer apply.

    A statement that bases a transfer on the EU–US Privacy Shield (invalid since Schrems II, 16 July
    2020) or Safe Harbor, cites Directive 95/46/EC, personopplysningsloven 2000 or personopplysningsforskriften
    (repealed 20 July 2018), the cookie rule of ekomloven § 2-7 b (replaced by ekomloven § 3-15 on 1 January
    2025), the UK Data Protection Act 1998 (or, for a UK statement, judges transfers by whether data
    leave the EEA, the pre-2021 rule: the UK GDPR restricts transfers outside the UK, and the UK is not in
    the EEA), the pre-2021 standard contractual clauses or Google's Universal
    Analytics (stopped 1 July 2023), tells the reader something about the legal position that is no longer
    true (Art. 5(1)(a), 12(1)); where it concerns the transfer mechanism, the Art. 13(1)(f) information is
    wrong; so is the Universal Analytics wording that Google stores the IP address (GA4 does not). The
    references are read from the dated, sourced table `outdated_law.csv` (each row: pattern, optional
    context the same sentence or text must match, language, jurisdiction, what it was, what replaced it,
    since when, source, last checked); accounting retention attributed to regnskapsloven is reported only in a
    sentence about keeping or deleting records. A sentence that itself says the reference is gone
    ("invalid", "replaced", "tidligere", "opphevet") is not reported. Each reference is one finding at its
    sentence.
    """
    country = ctx.statement.statement.jurisdiction or ctx.statement.controller.country
    table = [row for row in outdated_law() if row.applies_in(country)]
    for item in ctx.wording:
        for sentence in sentences(item.text):
            text = sentence.text
            for row in table:
                if not row.applies_to(item.language):
                    continue
                match = row.pattern.search(text)
                if match is None:
                    continue
                if row.context is not None and not row.context.search(
                    text if row.context_in == "sentence" else item.text
                ):
                    continue
                if _HISTORICAL.search(text):
                    break
                yield Hit(
                    item.pointer,
                    f"'{' '.join(match.group(0).split())}' refers to {row.what_it_was} (no longer applies since "
                    f"{row.since}); refer to {row.replaced_by} instead (source: {row.source})",
                    offset=sentence.start,
                    length=len(text),
                )


# --- references to numbered points the statement does not have ----------------------------------------

_POINT_REFERENCE = lazy(
    r"(?<![§\w.])(?:punkt|pkt\.?|avsnitt|point|clause|section)\s+(\d{1,2})(?:\s*flg\.?|\s*ff\.?)?(?![\w.,]\d)",
    re.IGNORECASE,
)
# A sentence that cites law: "section 8 of the Act", "punkt 3 i forskriften", "artikkel 6 nr. 1 punkt a".
_LAW_CITED = lazy(
    r"\b(?:lov\w*|forskrift\w*|forordning\w*|direktiv\w*|artikkel|art\.|act|regulation|gdpr|directive|"
    r"convention|avtale\w*|agreement|terms|vilkår\w*)\b|§",
    re.IGNORECASE,
)
_POINT_NEEDLES = needles("punkt|pkt|avsnitt|point|clause|section")


def _numbered_headings(ctx: CheckContext) -> set[str]:
    numbers: set[str] = set()
    for section in ctx.statement.sections:
        if section.heading is None:
            continue
        for heading in section.heading.languages(ctx.language).values():
            numbers.update(re.findall(r"(?<![\d.])(\d{1,2})(?=[.):\s]|$)", heading))
    return numbers


@rule(
    code="LFT003",
    name="reference-to-missing-point",
    basis="guidance",
    certainty="inferred",
    legal=["GDPR Art. 12(1)"],
    fix=(
        "Point to the part of the statement by its heading ('se «Informasjonskapsler» nedenfor'), or number the "
        "sections if you refer to them by number."
    ),
    fails="""
    statement:
      text:
        nb: Les mer om informasjonskapsler i punkt 9 nedenfor.
        en: Read more about cookies in section 9 below.
    """,
    passes="""
    statement:
      text:
        nb: Les mer om informasjonskapsler i avsnittet «Informasjonskapsler» nedenfor.
        en: Read more about cookies in the section on cookies below.
    """,
)
def reference_to_missing_point(ctx: CheckContext) -> Iterator[Hit]:
    """The wording does not send the reader to a numbered point the statement does not have.

    "Se nedenfor i Punkt 9 flg.", "slik som angitt i Punkt 8 nedenfor", "see section 4" refer to numbered
    parts of the template the text came from; when no section heading of the statement carries that
    number, the reader is sent to information that is not there (Art. 12(1)). A sentence that cites
    law, an agreement or terms ("section 8 of the Act", "punkt 3 i vilkårene", "§ 6 punkt 2") is not
    read. It is a warning: the point may exist on a page the statement links to.
    """
    numbers: set[str] | None = None
    for item in ctx.wording:
        if not _POINT_NEEDLES.may_match(item.text):
            continue
        for sentence in sentences(item.text):
            match = _POINT_REFERENCE.search(sentence.text)
            if match is None or _LAW_CITED.search(sentence.text):
                continue
            if numbers is None:
                numbers = _numbered_headings(ctx)
            if match.group(1) in numbers:
                continue
            yield Hit(
                item.pointer,
                f"'{' '.join(match.group(0).split())}' in {place(ctx.statement, item.pointer)} refers to a numbered "
                "point, but no section of the statement has that number (a reference left from a template); "
                "point to the section by its heading",
                offset=sentence.start,
                length=len(sentence.text),
            )
