"""The literal pre-tests that rule text out before the rules' patterns read it (noticelint.text.pretests).

A pre-test may let through text that no pattern matches, but must never rule out text that one does:
that would silently drop a finding. These tests check the letters the tests rely on, the needles of
each rule against the patterns they stand for, and the vendor-name test against the vendor table.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator

import pytest
from noticelint.checks import claims, clarity, cookies, purposes, rights

from noticelint.knowledge import load_knowledge
from noticelint.knowledge.vendor_matching import find_outdated_names, find_vendors
from noticelint.lint.rules import discover
from noticelint.text.organisations import _ORG, may_name_organisation
from noticelint.text.pretests import SAFE_CHARACTERS, either, folded, needles
from noticelint.text.sentences import sentences
from tests.conftest import EXAMPLE

# --- the letters -------------------------------------------------------------------------------------


def test_every_letter_that_matches_a_safe_character_case_insensitively_lowers_to_it() -> None:
    any_safe = re.compile("[" + re.escape("".join(sorted(SAFE_CHARACTERS))) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        letter = chr(code)
        if not any_safe.fullmatch(letter) or folded(letter) is None:
            continue
        for safe in SAFE_CHARACTERS:
            if re.fullmatch(re.escape(safe), letter, re.IGNORECASE):
                assert letter.lower() == safe, (hex(code), safe)


def test_text_with_a_letter_that_folds_differently_is_never_ruled_out() -> None:
    words = needles("ikke")
    assert not words.may_match("Vi deler opplysningene.")
    for text in ("Vi deler İKKE opplysningene.", "Vi deler ıkke opplysningene.", "Vi deler i\u212a\u212ae"):
        assert words.may_match(text)
        assert re.search("ikke", text, re.IGNORECASE)


# --- needles -----------------------------------------------------------------------------------------


def test_needles_need_a_word_of_every_group_of_one_alternative() -> None:
    words = either(needles("deler|deles", "ikke|aldri"), needles("never", "share"))
    assert words.may_match("Vi DELER aldri noe")
    assert words.may_match("we never share")
    assert not words.may_match("vi deler alt")
    assert not words.may_match("aldri share")


def test_a_needle_is_lower_case_text_without_spaces() -> None:
    for bad in ("Ikke", "ikke noe", "", "ik|"):
        with pytest.raises(ValueError):
            needles(bad)


# --- each rule's needles against its patterns ----------------------------------------------------------

GUARDED: list[tuple[str, list[re.Pattern[str]], Callable[[str], bool]]] = [
    ("share or sell", [*claims._SHARE_NB, *claims._SHARE_EN, *claims._SELL], claims._CLAIM_WORDS.may_match),
    ("no cookies", claims._NO_COOKIES, claims._NO_COOKIES_WORDS.may_match),
    ("contact us", claims._CONTACT_US, claims._CONTACT_US_WORDS.may_match),
    ("link", claims._LINK_PHRASES, claims._LINK_WORDS.may_match),
    ("vague nb", [clarity._VAGUE["nb"]], clarity._VAGUE_NEEDLES["nb"].may_match),
    ("vague en", [clarity._VAGUE["en"]], clarity._VAGUE_NEEDLES["en"].may_match),
    ("staff", clarity._STAFF, clarity._STAFF_NEEDLES.may_match),
    ("implied consent", cookies._IMPLIED_CONSENT, cookies._IMPLIED_CONSENT_NEEDLES.may_match),
    ("browser refusal", [cookies._BROWSER_REFUSAL], cookies._BROWSER_REFUSAL_NEEDLES.may_match),
    ("special categories", [p for _, p in purposes._SPECIAL_TERMS], purposes._SPECIAL_NEEDLES.may_match),
    ("withdrawal", [rights._WITHDRAWAL], rights._WITHDRAWAL_NEEDLES.may_match),
    ("organisation", [_ORG], may_name_organisation),
]

# Sentences in the patterns' own words, one or more for every pattern.
PHRASES = [
    "Personopplysningene deles ikke med tredjeparter.",
    "Vi utleverer aldri opplysninger.",
    "Opplysningene gis ikke videre.",
    "Ingen tredjeparter får opplysningene.",
    "We don't share your data.",
    "We never disclose it.",
    "Your data are not passed on.",
    "Data will never be shared.",
    "It won't be disclosed.",
    "No third party will receive it.",
    "Vi selger aldri data.",
    "We do not sell, rent or trade data; data are never sold.",
    "Vi bruker ikke informasjonskapsler. Det brukes ingen cookies. Ingen informasjonskapsler settes.",
    "Informasjonskapsler lagres ikke. We don't use cookies. We set no cookies. No cookies are used.",
    "Cookies will not be stored. We never place cookies.",
    "Kontakt oss, ta kontakt med oss, skriv til oss, ring oss. Contact us, get in touch with us, call us.",
    "Les mer her. Klikk på lenken. Read more here. Follow this link.",
    "Vi kan kanskje bruke enkelte, evt. noen opplysninger, bl.a. til statistikk osv. m.m. f.eks. mulig.",
    "We may, might or could use some data, often, possibly, such as statistics, etc.",
    "Den enkelte er ansvarlig. Ansatte skal slette e-post. Sensitive opplysninger skal ikke sendes.",
    "Each employee must delete it. Staff should delete it. It must not be sent.",
    "Ved å bruke nettstedet godtar du informasjonskapsler. Ved fortsatt bruk samtykker du.",
    "Du kan reservere deg mot informasjonskapsler i nettleseren. Nettleseren din utgjør ditt samtykke.",
    "By using this site you agree to cookies. Continued use constitutes consent.",
    "You consent to cookies by using the site. Your browser settings constitute your consent.",
    "Du kan slette informasjonskapsler i nettleseren. You can block cookies in your browser.",
    "Vi behandler helseopplysninger, religiøs tro, etnisk opprinnelse og politisk syn.",
    "Fagforeningsmedlemskap, genetiske og biometriske data, seksuell orientering og sensitive opplysninger.",
    "Health data, medical records, philosophical beliefs, trade union membership and special categories.",
    "Du kan trekke tilbake samtykket. You may withdraw your consent.",
    "Webbyrå Eksempel AS, Google Ireland Limited og Google Inc. behandler opplysninger.",
]


def _example_texts() -> Iterator[str]:
    yield from PHRASES
    yield EXAMPLE.read_text(encoding="utf-8")
    for found in discover():
        yield found.info.fails
        yield found.info.passes


def _variants(text: str, rng: random.Random) -> Iterator[str]:
    yield text
    yield text.upper()
    yield "".join(c.upper() if rng.random() < 0.3 else c for c in text)
    yield text.replace(" ", "\u00a0").replace("i", "ı")


def _samples() -> Iterator[str]:
    rng = random.Random(20250101)
    for text in _example_texts():
        for variant in _variants(text, rng):
            yield variant
            for sentence in sentences(variant):
                yield sentence.text


@pytest.mark.parametrize("name, patterns, may_match", GUARDED, ids=[g[0] for g in GUARDED])
def test_needles_let_through_every_text_their_patterns_match(
    name: str, patterns: list[re.Pattern[str]], may_match: Callable[[str], bool]
) -> None:
    matched = 0
    for text in _samples():
        if any(p.search(text) for p in patterns):
            matched += 1
            assert may_match(text), (name, text)
    assert matched, f"no sample matches the {name} patterns"


# --- vendor names -------------------------------------------------------------------------------------


def test_vendor_look_ups_give_what_the_vendor_table_gives() -> None:
    knowledge = load_knowledge(({"service": "Østlandet Sky", "aliases": "ØS;İnfo Hub"},))
    names = [n for v in knowledge.vendors for n in (*v.names, *v.outdated_names)]
    rng = random.Random(7)
    texts = list(_example_texts())
    for _ in range(3000):
        name = rng.choice(names)
        mangled = "".join(c.swapcase() if rng.random() < 0.3 else c for c in name)
        texts.append(
            f"{rng.choice(['Vi bruker ', 'ikke ', '', '(', 'via '])}{mangled}{rng.choice(['.', '', 's', ' AS'])}"
        )
    for text in texts:
        assert find_vendors(knowledge, text) == knowledge.find_vendors(text), text
        assert find_outdated_names(knowledge, text) == knowledge.find_outdated_names(text), text
