"""Recall and precision of the controller-mismatch rule (CTL003), on variants of the clinic's statement.

    .venv/bin/python bench/mismatch.py                 # about 600 variants, seed 2026
    .venv/bin/python bench/mismatch.py --count 300 --seed 7 --show-misses

Every variant is policy/solor-dyreklinikk.yaml with its two ØstCom sentences made the controller's
own ("Solør Dyreklinikk bruker …", so the base has no mismatch) and one sentence added to one text of
the statement (an activity, a free section, the controller's or a party's text, a cookie, the
introduction, the rights or the complaint), in Norwegian or in English (then the statement is published
in both and the text becomes {nb, en}). The sentence comes from a small grammar of agency names and
phrasings, written for this script and not shared with the unit tests:

- acting: another organisation processes the data itself ("X kan bruke …", "brukes av X", "X, som
  …, samler inn …"); the rule must report it at that text, naming the organisation;
- processor: the organisation works for the clinic ("… på vegne av oss", "for oss", "on our behalf");
  the rule must stay silent there;
- neutral: the organisation is named without processing anything ("utviklet av X", "deles med X");
  silent;
- decoy: no other organisation acts: products of the vendor table, the clinic's own names and
  domain, public bodies as sources of information; silent, and no CTL004 either.

Recall: acting variants reported at their text with the organisation named, over all acting variants.
Precision: those correct reports over every CTL003 report that is not in the base statement. Both are
printed with the misses and the false reports by kind, and the check time per variant.
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from noticelint.lint.config import Config
from noticelint.lint.engine import Linter, Source
from noticelint.lint.rules import discover

ROOT = Path(__file__).resolve().parents[1]
CLINIC = ROOT / "policy" / "solor-dyreklinikk.yaml"

# --- the grammar ----------------------------------------------------------------------------------

_HEADS = ["Fjell", "Kyst", "Vest", "Nord", "Fyr", "Elv", "Myr", "Ask", "Tind", "Bre", "Lyng", "Skjær"]
_TAILS = ["Kode", "Pixel", "Sky", "Nett", "Link", "Data", "Form", "Web", "Byte", "Soft", "Logic", "Tech"]
_WORDS = ["Lys", "Lyd", "Hav", "Land", "Tre", "Stein", "Vind", "Sand", "Kart", "Bok", "Bilde", "Tekst"]
_FORMS = ["AS", "ANS", "DA", "Ltd", "AB", "GmbH", "ASA"]
_TLDS = ["no", "com", "net", "io"]
_DESCRIPTIONS_NB = [
    "nettbyrået vårt",
    "vårt webbyrå",
    "webbyrået",
    "IT-leverandøren vår",
    "vår driftsleverandør",
]
_DESCRIPTIONS_EN = [
    "our web agency",
    "our digital agency",
    "the agency",
    "our IT supplier",
    "our hosting provider",
]


@dataclass(frozen=True)
class Name:
    written: str  # as it stands in the sentence
    reported: str  # what the message must name
    kind: str


def _name(rng: random.Random, language: str) -> Name:
    head, tail, word = rng.choice(_HEADS), rng.choice(_TAILS), rng.choice(_WORDS)
    brand = f"{head}{tail}"
    shape = rng.choice(
        ["camel", "camel", "caps", "digits", "legal", "joined", "domain", "description", "described"]
    )
    if shape == "camel":
        return Name(brand, brand, shape)
    if shape == "caps":
        caps = f"{head[:2]}{tail[:2]}".upper() + rng.choice(["", "X", "NET"])
        return Name(caps, caps, shape)
    if shape == "digits":
        digits = f"{rng.choice([tail, head])}{rng.choice(['24', '7', '360', '1'])}"
        return Name(digits, digits, shape)
    if shape == "legal":
        legal = f"{rng.choice([brand, head, word])} {rng.choice(_FORMS)}"
        return Name(legal, legal, shape)
    if shape == "joined":
        joined = f"{word} {rng.choice(['og', '&'])} {rng.choice(_WORDS)} {rng.choice(_FORMS)}"
        return Name(joined, joined, shape)
    if shape == "domain":
        domain = f"{rng.choice(['', 'www.'])}{brand.lower()}.{rng.choice(_TLDS)}"
        return Name(domain, domain, shape)
    if shape == "description":
        phrase = rng.choice(_DESCRIPTIONS_EN if language == "en" else _DESCRIPTIONS_NB)
        return Name(phrase, phrase, shape)
    word_before = rng.choice(
        ["our agency", "web agency"] if language == "en" else ["webbyrået", "Webbyrå", "byrået"]
    )
    return Name(f"{word_before} {brand}", brand, shape)


_PURPOSE_NB = [
    "analysere trafikken",
    "måle bruken av nettsidene",
    "lage besøksstatistikk",
    "forbedre annonsene",
]
_PURPOSE_EN = ["analyse traffic", "measure how the pages are used", "market our services", "track visits"]

# {X}: the organisation, {P}: a purpose. The rule must report these ...
_ACTING = {
    "nb": [
        "{X} bruker Google Analytics for å {P}.",
        "{X} kan bruke informasjonskapsler for å {P}.",
        "{X} vil også samle inn IP-adressen din for å {P}.",
        "Vi og {X} bruker Google Analytics for å {P}.",
        "{X} og vi benytter informasjonskapsler for å {P}.",
        "Google Analytics brukes av {X} for å {P}.",
        "Opplysningene om besøket samles inn av {X} for å {P}.",
        "{X}, som drifter nettsiden, samler inn IP-adressen din for å {P}.",
        "{X} (som har laget nettsiden) analyserer besøkene for å {P}.",
        "I tillegg bruker {X} Google Analytics for å {P}.",
        "Når du besøker nettsiden, samler {X} inn opplysninger for å {P}.",
        "Vi har en avtale med {X}, som bruker Google Analytics for å {P}.",
        "Opplysninger som {X} samler inn, lagres i tolv måneder for å {P}.",
        "{X} lagrer opplysningene om deg for å {P}.",
        "{X} deler opplysningene med annonsører for å {P}.",
        "{X} benytter seg av Google Analytics for å {P}.",
        "Det er {X} som samler inn opplysningene for å {P}.",
        "Gjennom Google Analytics samler {X} inn opplysninger for å {P}.",
        "{X} kommer til å bruke opplysningene for å {P}.",
        "Opplysningene brukes også av {X} til å {P}.",
        "{X} analyserer også hvordan nettsiden brukes, for å {P}.",
        "Informasjonskapslene settes av {X} for å {P}.",
        "På nettsidene våre bruker {X} informasjonskapsler for å {P}.",
    ],
    "en": [
        "{X} uses Google Analytics to {P}.",
        "{X} may also use cookies in order to {P}.",
        "We and {X} use Google Analytics to {P}.",
        "Google Analytics is used by {X} to {P}.",
        "Visitor data are collected by {X} in order to {P}.",
        "{X}, which built the website, collects your IP address to {P}.",
        "We work with {X}, which uses Google Analytics to {P}.",
        "Information that {X} collects is kept for a year in order to {P}.",
        "{X} shares the data with advertisers to {P}.",
        "Both we and {X} use cookies to {P}.",
        "{X} will collect and store your IP address to {P}.",
        "Cookies are placed by {X} to {P}.",
        "On the website, {X} uses cookies to {P}.",
        "{X} also processes your data to {P}.",
    ],
}
# ... and stay silent at these ...
_PROCESSOR = {
    "nb": [
        "{X} drifter nettsiden for oss.",
        "{X} behandler opplysningene på vegne av oss.",
        "{X} lagrer opplysningene som databehandler for Solør Dyreklinikk.",
        "{X} bruker Google Analytics på våre vegne for å {P}.",
        "Google Analytics brukes av {X} på vegne av oss.",
        "{X} samler inn opplysningene for oss, etter en databehandleravtale.",
        "{X} kan på vegne av oss bruke informasjonskapsler.",
        "Opplysningene lagres hos {X}, som behandler dem på vegne av Solør Dyreklinikk.",
    ],
    "en": [
        "{X} runs the website for us.",
        "{X} processes the data on our behalf.",
        "{X} stores the data as our processor.",
        "Google Analytics is used by {X} on our behalf to {P}.",
        "{X} processes personal data only on our instructions.",
        "{X} acts as our processor and stores the data for us.",
    ],
}
_NEUTRAL = {
    "nb": [
        "Nettsiden er utviklet av {X}.",
        "Vi deler ikke opplysninger med {X}.",
        "{X} har ikke tilgang til opplysningene.",
        "{X} bruker ikke opplysningene til egne formål.",
        "Spørsmål om nettsiden kan sendes til {X}.",
        "Vi bruker {X} til å drifte nettsiden.",
        "{X} har laget nettsiden, og vi bruker Google Analytics for å {P}.",
        "Vi bruker Google Analytics fra {X} for å {P}.",
        "Nettsiden til {X} bruker informasjonskapsler.",
    ],
    "en": [
        "The website was designed by {X}.",
        "We do not share data with {X}.",
        "{X} does not use the data for its own purposes.",
        "Questions about the website can be sent to {X}.",
        "We use a booking tool from {X} to {P}.",
        "{X} built the website, and we use Google Analytics to {P}.",
    ],
}
# ... and these, which name no other organisation acting, must give neither CTL003 nor CTL004.
_DECOYS = {
    "nb": [
        "Google Analytics bruker informasjonskapsler for å {P}.",
        "Google Tag Manager lagrer ingen personopplysninger.",
        "YouTube bruker informasjonskapsler for å {P}.",
        "Solør Dyreklinikk bruker Google Analytics for å {P}.",
        "www.solor-dyreklinikk.no bruker informasjonskapsler for å {P}.",
        "SolørDyreklinikk samler inn IP-adressen din for å {P}.",
        "Kontaktinformasjon er tilgjengelig på www.datatilsynet.no.",
        "Datatilsynet behandler klager for å {P}.",
        "Lovteksten finner du på lovdata.no.",
        "IP-adressen lagres i EØS, og HTTPS brukes for å sikre forbindelsen.",
        "GDPR gir deg rett til innsyn.",
        "LinkedIn bruker informasjonskapsler for å {P}.",
        "PayPal behandler betalingen for å gjennomføre kjøpet.",
        "Hotjar samler inn opplysninger om klikk for å {P}.",
    ],
    "en": [
        "Google Analytics uses cookies to {P}.",
        "YouTube uses cookies to {P}.",
        "Solør Dyreklinikk uses Google Analytics to {P}.",
        "Contact details are available at www.datatilsynet.no.",
        "The GDPR gives you a right of access.",
        "WordPress stores a session cookie to {P}.",
        "HubSpot collects form data to {P}.",
    ],
}

# Where the sentence goes: a path into the statement's data and how it is reached.
_PLACES = [
    ("activity", ["activities", 0, "text"]),
    ("section", ["sections", 1, "text"]),
    ("controller", ["controller", "text"]),
    ("introduction", ["statement", "text"]),
    ("cookie", ["activities", 0, "cookies", 0, "text"]),
    ("party", ["parties", 0, "text"]),
    ("rights", ["rights", "text"]),
    ("complaint", ["complaint", "text"]),
]


@dataclass
class Variant:
    kind: str  # acting, processor, neutral, decoy
    language: str
    place: str
    pointer: str
    sentence: str
    name: Name | None
    text: str


def _base() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(CLINIC.read_text(encoding="utf-8"))
    first = data["activities"][0]
    first["text"] = first["text"].replace("ØstCom AS bruker", "Solør Dyreklinikk bruker")
    section = data["sections"][1]
    section["text"] = section["text"].replace("ØstCom AS kan bruke", "Solør Dyreklinikk kan bruke")
    assert "ØstCom" not in repr(data)
    return data


def _dump(data: dict[str, Any]) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _place(data: dict[str, Any], path: list[Any], sentence: str, language: str) -> str:
    """Add the sentence to the text at ``path``; return the JSON Pointer of the string it is in."""
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    old = node.get(path[-1]) or ""
    if isinstance(old, dict):
        old = old.get("nb", "")
    pointer = "/" + "/".join(str(p) for p in path)
    if language == "en":
        data["statement"]["languages"] = ["nb", "en"]
        node[path[-1]] = {"nb": old or "Tekst.", "en": f"English text. {sentence}"}
        return pointer + "/en"
    node[path[-1]] = f"{old}\n\n{sentence}" if old else sentence
    return pointer


def variants(count: int, seed: int) -> list[Variant]:
    rng = random.Random(seed)
    base = _base()
    found: list[Variant] = []
    shares = [("acting", 0.5), ("processor", 0.2), ("neutral", 0.15), ("decoy", 0.15)]
    for kind, share in shares:
        for _ in range(round(count * share)):
            language = rng.choice(["nb", "nb", "en"])
            place, path = rng.choice(_PLACES)
            purpose = rng.choice(_PURPOSE_EN if language == "en" else _PURPOSE_NB)
            table = {"acting": _ACTING, "processor": _PROCESSOR, "neutral": _NEUTRAL, "decoy": _DECOYS}[kind]
            template = rng.choice(table[language])
            name = None if kind == "decoy" else _name(rng, language)
            written = name.written if name else ""
            if template.startswith("{X}") and written[:1].islower() and name and name.kind != "domain":
                written = written[0].upper() + written[1:]
            sentence = template.replace("{X}", written).replace("{P}", purpose)
            data = copy.deepcopy(base)
            pointer = _place(data, path, sentence, language)
            found.append(Variant(kind, language, place, pointer, sentence, name, _dump(data)))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)

    rules = discover()
    linter = Linter(rules, {r.code for r in rules}, Config())
    base_text = _dump(_base())
    base_findings = linter.check(Source.text(base_text, "base.yaml")).findings
    assert not [f for f in base_findings if f.input_error], base_findings
    baseline = {(f.code, f.pointer, f.message) for f in base_findings if f.code in ("CTL003", "CTL004")}
    assert not [b for b in baseline if b[0] == "CTL003"], baseline

    tp = fn = fp = decoy_ctl004 = 0
    misses: list[str] = []
    false: list[str] = []
    seconds: list[float] = []
    by_kind: dict[str, list[int]] = {}
    for variant in variants(args.count, args.seed):
        start = time.perf_counter()
        findings = linter.check(Source.text(variant.text, "variant.yaml")).findings
        seconds.append(time.perf_counter() - start)
        assert not [f for f in findings if f.input_error], (variant.sentence, findings)
        new = [f for f in findings if (f.code, f.pointer, f.message) not in baseline]
        reported = [f for f in new if f.code == "CTL003"]
        expected = [
            f
            for f in reported
            if variant.kind == "acting"
            and variant.name
            and f.pointer == variant.pointer
            and variant.name.reported.casefold() in f.message.casefold()
        ]
        tally = by_kind.setdefault(f"{variant.kind}/{variant.name.kind if variant.name else 'decoy'}", [0, 0])
        tally[1] += 1
        if variant.kind == "acting":
            if expected:
                tp += 1
                tally[0] += 1
            else:
                fn += 1
                misses.append(f"  miss [{variant.language} {variant.place}] {variant.sentence}")
        elif not reported:
            tally[0] += 1
        for finding in reported[len(expected[:1]) :] if expected else reported:
            fp += 1
            false.append(
                f"  false [{variant.kind} {variant.language} {variant.place}] {variant.sentence} -> "
                f"{finding.message[:90]}"
            )
        if variant.kind == "decoy":
            decoy_ctl004 += len([f for f in new if f.code == "CTL004"])
    total = tp + fn
    recall = tp / total if total else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"variants: {len(seconds)} ({total} acting), seed {args.seed}")
    print(f"CTL003 recall:    {recall:.1%} ({tp} of {total})")
    print(f"CTL003 precision: {precision:.1%} ({tp} of {tp + fp} reports; {fp} false)")
    print(f"CTL004 on decoys: {decoy_ctl004}")
    print(
        f"check time per variant: median {statistics.median(seconds) * 1000:.1f} ms, "
        f"max {max(seconds) * 1000:.1f} ms (in-process, every rule)"
    )
    print("by kind (right / all):")
    for key in sorted(by_kind):
        right, all_ = by_kind[key]
        print(f"  {key:24} {right:4} / {all_}")
    if args.show_misses:
        print("\n".join(misses + false))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
