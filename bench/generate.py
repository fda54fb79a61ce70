"""Generate realistic, varied privacy statements for the benchmark.

Every statement starts from the fictional complete example, policy/eksempel-dyreklinikk.yaml, loaded
with ruamel.yaml (safe). A fixed ``random.Random(seed)`` then changes, consistently through all
wording, the organisation's name, organisation number, address, phone, web domain, the names and ids
of its processors, the ids of its activities and sections, its data categories, version and date,
which languages it is published in (Bokmål and English, Bokmål only, or English only) and whether
it uses Google Analytics at all. About one statement in three also gets one to three defects that
noticelint reports (a missing legal basis or retention period, the outdated name "Google Inc.",
vague wording, a missing authority, a missing DPO contact, an answer time over three months). Every
statement stays valid against schema/privacy-statement.schema.json, so check-jsonschema does the
same work on each file.

Run it alone to look at the output:  python bench/generate.py --count 20 --out /tmp/statements
"""

from __future__ import annotations

import argparse
import copy
import datetime
import io
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "policy" / "eksempel-dyreklinikk.yaml"

PLACES = [
    "Fjordvett",
    "Nordlys",
    "Solbakken",
    "Havbris",
    "Lierskogen",
    "Vestkysten",
    "Tindeland",
    "Granheim",
    "Elvebredden",
    "Bjørkely",
    "Sørlandet",
    "Fjellro",
    "Kystlinja",
    "Dalsbygda",
    "Lysaker",
    "Nesodden",
    "Trollheim",
    "Sjøsiden",
    "Vikane",
    "Skogly",
    "Bakkeli",
    "Åsheim",
    "Furulund",
    "Engene",
    "Holmen",
    "Strandlia",
    "Myrvoll",
    "Sandnes",
    "Ørnes",
    "Lindesnes",
]
KINDS = ["Dyrehelse AS", "Dyreklinikk AS", "Veterinærsenter AS", "Dyrlegesenter AS", "Smådyrklinikk AS"]
STREETS = ["Storgata", "Kirkeveien", "Industriveien", "Sjøgata", "Parkveien", "Skolegata", "Fjordveien"]
CITIES = [
    ("0150", "Oslo"),
    ("5003", "Bergen"),
    ("7011", "Trondheim"),
    ("4006", "Stavanger"),
    ("9008", "Tromsø"),
    ("4608", "Kristiansand"),
    ("3015", "Drammen"),
    ("1607", "Fredrikstad"),
    ("2317", "Hamar"),
    ("8006", "Bodø"),
    ("6002", "Ålesund"),
    ("3111", "Tønsberg"),
]
BOOKING_VENDORS = [
    "Timeplan Nord AS",
    "Klinikkbooking AS",
    "Bestillingsverket AS",
    "Dyrebooking Norge AS",
    "Kalenderhuset AS",
    "Avtaleboka AS",
]
ACCOUNTING_FIRMS = [
    "Tallverket Regnskap AS",
    "Økonomihuset Vest AS",
    "Regnskapskontoret Nord AS",
    "Balanse Regnskap AS",
    "Bilagsbyrået AS",
    "Kontoplan Regnskap AS",
]
ACTIVITY_IDS = {
    "timebestilling": ["timebestilling", "timebestilling-nett", "nettbooking", "booking"],
    "kunderegister-fakturering": ["kunderegister-fakturering", "fakturering", "kundeforhold"],
    "nettstedsanalyse": ["nettstedsanalyse", "webanalyse", "analyse"],
    "henvendelser": ["henvendelser", "kundeservice", "kontakt-oss"],
}
SECTION_IDS = {
    "opplysninger-om-dyret": ["opplysninger-om-dyret", "dyrets-opplysninger"],
    "sikkerhet": ["sikkerhet", "informasjonssikkerhet"],
    "endringer": ["endringer", "endringer-i-erklaeringen"],
}
EXTRA_CATEGORIES = [
    {"nb": "foretrukket språk", "en": "preferred language"},
    {"nb": "kundenummer", "en": "customer number"},
    {"nb": "foretrukket kontaktmåte", "en": "preferred way of contact"},
    {"nb": "dyrets alder og rase", "en": "the animal's age and breed"},
]
VAGUE = {
    "nb": " Vi kan også dele opplysninger med samarbeidspartnere ved behov.",
    "en": " We may also share data with partners where needed.",
}


def _org_number(rng: random.Random) -> str:
    """A nine-digit number with a valid modulus-11 check digit, starting with 9 like real ones."""
    weights = [3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        digits = [9] + [rng.randrange(10) for _ in range(7)]
        rest = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if rest == 11:
            rest = 0
        if rest != 10:
            return "".join(map(str, [*digits, rest]))


def _slug(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": "-"})
    return "".join(c for c in text.lower().translate(table) if c.isalnum() or c == "-")


def _walk_strings(node: Any, change: Callable[[str], str]) -> Any:
    if isinstance(node, dict):
        return {k: _walk_strings(v, change) for k, v in node.items()}
    if isinstance(node, list):
        return [_walk_strings(v, change) for v in node]
    if isinstance(node, str):
        return change(node)
    return node


def _keep_language(node: Any, keep: str) -> Any:
    """Drop every other language from mappings of language -> text."""
    if isinstance(node, dict):
        if node and set(node) <= {"nb", "en"} and all(isinstance(v, str) for v in node.values()):
            return {keep: node[keep]}
        return {k: _keep_language(v, keep) for k, v in node.items()}
    if isinstance(node, list):
        return [_keep_language(v, keep) for v in node]
    return node


def _texts(node: Any) -> list[dict[str, str]]:
    """Every mapping of language -> text, to append a sentence to."""
    found: list[dict[str, str]] = []
    if isinstance(node, dict):
        if node and set(node) <= {"nb", "en"} and all(isinstance(v, str) for v in node.values()):
            return [node]
        for value in node.values():
            found += _texts(value)
    elif isinstance(node, list):
        for value in node:
            found += _texts(value)
    return found


def _drop_analytics(data: dict[str, Any]) -> None:
    """A clinic without Google Analytics: no analytics activity, no Google parties, no transfer."""
    data["activities"] = [a for a in data["activities"] if a["id"] != "nettstedsanalyse"]
    data["parties"] = [p for p in data["parties"] if not p["id"].startswith("google")]
    data.pop("transfers", None)
    data["rights"].pop("withdrawal", None)
    data["rights"]["text"] = {
        "nb": data["rights"]["text"]["nb"].replace(
            "For timebestilling og nettstedsanalyse", "For timebestilling"
        ),
        "en": data["rights"]["text"]["en"].replace("For booking and website analytics", "For booking"),
    }


def _defects(rng: random.Random, data: dict[str, Any], google: bool) -> list[str]:
    """One to three defects that noticelint reports; the statement stays schema-valid."""
    activities = data["activities"]
    options: list[tuple[str, Callable[[], None]]] = [
        ("no legal basis", lambda: rng.choice(activities).pop("legal_basis", None)),
        ("no retention", lambda: rng.choice(activities).pop("retention", None)),
        ("answer time 6 months", lambda: data["rights"].__setitem__("answer_time", "P6M")),
        ("no complaint authority", lambda: data["complaint"].pop("authority", None)),
        ("no DPO contact", lambda: data["dpo"].pop("contact", None)),
    ]

    def vague() -> None:
        for text in _texts(rng.choice(data["sections"])["text"]):
            for language in text:
                text[language] += VAGUE[language]

    options.append(("vague wording", vague))
    if google:

        def outdated() -> None:
            for activity in activities:
                if activity["id"].startswith(("nettstedsanalyse", "webanalyse", "analyse")):
                    for text in _texts(activity["text"]):
                        for language in text:
                            text[language] = text[language].replace("Google Ireland Limited", "Google Inc.")

        options.append(("'Google Inc.' wording", outdated))
    chosen = rng.sample(options, rng.randint(1, 3))
    for _, apply in chosen:
        apply()
    return [name for name, _ in chosen]


def statement(
    rng: random.Random, base: dict[str, Any], index: int, with_defects: bool
) -> tuple[str, dict[str, Any], list[str]]:
    """One varied statement: (file stem, data, names of the defects put in)."""
    data = copy.deepcopy(base)
    place = rng.choice(PLACES)
    kind = rng.choice(KINDS)
    legal_name = f"{place} {kind}"
    slug = _slug(f"{place}-{kind.removesuffix(' AS')}")
    domain = f"{_slug(place)}{rng.choice(['', '-dyr', 'vet', '-klinikk'])}.no"
    org = _org_number(rng)
    street = f"{rng.choice(STREETS)} {rng.randint(1, 120)}"
    postal_code, city = rng.choice(CITIES)
    phone = "+47 " + " ".join(f"{rng.randint(20, 99)}" for _ in range(4))
    booking = rng.choice(BOOKING_VENDORS)
    accounting = rng.choice(ACCOUNTING_FIRMS)
    replacements = [
        ("Eksempel Dyrehelse AS", legal_name),
        ("Timebok Eksempel AS", booking),
        ("Regnskap Eksempel AS", accounting),
        ("Eksempelveien 1, 0000 Oslo", f"{street}, {postal_code} {city}"),
        ("999 999 999", f"{org[:3]} {org[3:6]} {org[6:]}"),
        ("+47 00 00 00 00", phone),
        ("example.no", domain),
    ]

    def change(text: str) -> str:
        for old, new in replacements:
            text = text.replace(old, new)
        return text

    data = _walk_strings(data, change)

    google = rng.random() < 0.75
    if not google:
        _drop_analytics(data)

    # Ids, and every reference to them.
    party_ids = {
        "timebok": _slug(booking.removesuffix(" AS")),
        "regnskapsbyra": _slug(accounting.removesuffix(" AS")),
    }
    for party in data["parties"]:
        party["id"] = party_ids.get(party["id"], party["id"])
    for activity in data["activities"]:
        activity["recipients"] = [party_ids.get(r, r) for r in activity.get("recipients", [])]
        activity["id"] = rng.choice(ACTIVITY_IDS[activity["id"]])
        categories = activity["data_categories"]
        if len(categories) > 4 and rng.random() < 0.4:
            categories.pop()  # the last ones are never named in the wording
        if rng.random() < 0.4:
            extra = rng.choice(EXTRA_CATEGORIES)
            if extra not in categories:
                categories.append(dict(extra))
        for cookie in activity.get("cookies", []):
            if cookie["provider"] == "eksempel-dyrehelse":
                cookie["provider"] = slug
    for section in data["sections"]:
        section["id"] = rng.choice(SECTION_IDS[section["id"]])
    if rng.random() < 0.3:
        data["sections"] = [data["sections"][i] for i in (1, 0, 2)]

    data["statement"]["id"] = f"{slug}-{index:05d}"  # unique, so rendered notices do not overwrite each other
    data["controller"]["id"] = slug
    data["controller"]["organisation_number"] = org
    address = data["controller"]["contact"]["postal_address"]
    address.update(street=street, postal_code=postal_code, city=city)
    data["statement"]["version"] = f"{rng.randint(1, 4)}.{rng.randint(0, 9)}"
    data["statement"]["last_updated"] = datetime.date(2024, 1, 1) + datetime.timedelta(
        days=rng.randint(0, 1000)
    )

    roll = rng.random()
    if roll < 0.15:
        data = _keep_language(data, "nb")
        data["statement"]["languages"] = ["nb"]
    elif roll < 0.25:
        data = _keep_language(data, "en")
        data["statement"]["languages"] = ["en"]
        data["statement"]["default_language"] = "en"

    defects = _defects(rng, data, google) if with_defects else []
    return f"{index:05d}-{slug}", data, defects


def load_example() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    return loaded


def dump(data: dict[str, Any]) -> str:
    yaml = YAML(typ="safe")  # libyaml's emitter through ruamel.yaml.clib when installed: 5x faster
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # keep the example's key order
    out = io.StringIO()
    out.write("# Generated by bench/generate.py from policy/eksempel-dyreklinikk.yaml.\n")
    yaml.dump(data, out)
    # The emitter leaves a space at the end of wrapped lines (folding drops it anyway), and writes
    # the country code NO bare, which YAML 1.1 readers would take for false: tidy both.
    text = re.sub(r" +$", "", out.getvalue(), flags=re.MULTILINE)
    return re.sub(r"^(\s*(?:[a-z_]+: |- ))NO$", r'\1"NO"', text, flags=re.MULTILINE)


def generate(
    directory: Path, count: int, seed: int = 2026, defect_share: float = 1 / 3
) -> list[tuple[Path, list[str]]]:
    """Write ``count`` statements into ``directory``; the first one is always free of defects."""
    rng = random.Random(seed)
    base = load_example()
    directory.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, list[str]]] = []
    for index in range(count):
        with_defects = index > 0 and rng.random() < defect_share
        stem, data, defects = statement(rng, base, index, with_defects)
        path = directory / f"{stem}.yaml"
        path.write_text(dump(data), encoding="utf-8")
        written.append((path, defects))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    written = generate(args.out, args.count, args.seed)
    with_defects = sum(1 for _, d in written if d)
    print(f"{len(written)} statements in {args.out} ({with_defects} with defects)")


if __name__ == "__main__":
    main()
