"""How well `noticelint import` does on the corpus of real statements, against the hand-made
transcriptions (tests/corpus/real/<id>/statement.yaml), and how fast it is.

    .venv/bin/python bench/import.py            # quality figures, per field
    .venv/bin/python bench/import.py --speed    # and the time to import 1,000 statements on 2 cores

Sentences kept: every sentence of the transcription's text fields must stand in the draft's text
(compared without Markdown markup and with spacing collapsed). Facts: each structured value of the draft
is compared with the transcription's; precision is the share of the draft's values that are right,
recall the share of the transcription's values that the draft has. Codes: the share of the rule codes
`check` finds on the transcription that it also finds on the draft.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "real"
sys.path.insert(0, str(ROOT / "src"))

from ruamel.yaml import YAML  # noqa: E402

from noticelint.importer.command import import_source  # noqa: E402
from noticelint.text.sentences import sentences  # noqa: E402

TEXT_KEYS = frozenset({"text", "heading", "title", "objection", "how", "arrangement", "risks"})
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)\)")
_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|#{1,6})\s+", re.MULTILINE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def normalise(text: str) -> str:
    """Text without its markup (links, emphasis, list markers, HTML tags, escapes), spacing collapsed."""
    text = _LINK.sub(r"\1", text)
    text = _MARKER.sub("", text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("**", "").replace("*", "").replace("\u00ad", "")
    return " ".join(text.split())


def text_values(node: Any, key: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from text_values(v, str(k))
    elif isinstance(node, list):
        for v in node:
            yield from text_values(v, key)
    elif isinstance(node, str) and key in TEXT_KEYS:
        yield node


def reference_sentences(statement: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for value in text_values(statement):
        for sentence in (s for line in value.split("\n") for s in sentences(_MARKER.sub("", line))):
            clean = normalise(sentence.text)
            if len(clean) >= 3:
                found.append(clean)
    return found


def _digits(value: object) -> str:
    digits = re.sub(r"\D", "", str(value))
    return digits[2:] if digits.startswith("47") and len(digits) == 10 else digits


def _months(period: str) -> str:
    m = re.fullmatch(r"P(\d+)([YMWD])", period)
    if not m:
        return period
    n, unit = int(m.group(1)), m.group(2)
    return f"{n * 12}M" if unit == "Y" else f"{n}{unit}"


def facts(statement: dict[str, Any]) -> dict[str, set[str]]:
    """The structured values compared, by field: each a set of normalised values."""
    from noticelint.format.model import PrivacyStatement
    from noticelint.knowledge import load_knowledge
    from noticelint.knowledge.vendor_matching import party_services, party_vendors

    out: dict[str, set[str]] = {}

    def put(field: str, value: object) -> None:
        if value is not None and value != "":
            out.setdefault(field, set()).add(str(value))

    info = statement.get("statement") or {}
    controller = statement.get("controller") or {}
    contact = controller.get("contact") or {}
    contacts = contact if isinstance(contact, list) else [contact]
    put("controller.legal_name", (controller.get("legal_name") or "").casefold() or None)
    put("controller.organisation_number", _digits(controller.get("organisation_number") or "") or None)
    put("controller.country", controller.get("country"))
    for c in contacts:
        put("contact.email", (c.get("email") or "").lower() or None)
        put("contact.phone", _digits(c.get("phone") or "") or None)
        address = c.get("postal_address") or {}
        if address.get("postal_code") and address.get("street"):
            put(
                "contact.postal_address",
                f"{str(address['postal_code']).replace(' ', '')} {' '.join(str(address['street']).split()).casefold()}",
            )
    put("statement.last_updated", info.get("last_updated"))
    put("statement.url", info.get("url"))
    put("complaint.authority", (statement.get("complaint") or {}).get("authority"))
    from noticelint.text.organisations import find_organisations

    knowledge = load_knowledge()
    for party in statement.get("parties") or []:
        name = " ".join(str(party.get("legal_name") or "").split())
        # organisations named with a legal form ("Sanity AS"), vendors of the table apart
        if any(m.name == name for m in find_organisations(name)) and not knowledge.find_vendors(name):
            put("parties.organisation", name.casefold())
    for right in (statement.get("rights") or {}).get("offered") or []:
        put("rights.offered", right)
    for activity in statement.get("activities") or []:
        put("activity.legal_basis", activity.get("legal_basis"))
        put("activity.source.kind", (activity.get("source") or {}).get("kind"))
        for category in activity.get("special_categories") or []:
            put("activity.special_categories", category)
        for cookie in activity.get("cookies") or []:
            put("activity.cookies.name", cookie.get("name"))
        period = (activity.get("retention") or {}).get("period")
        if period:
            put("activity.retention.period", _months(str(period)))
    try:
        model = PrivacyStatement.model_validate(_plain(statement))
    except Exception:
        model = None
    if model is not None:
        knowledge = load_knowledge()
        for party in model.parties:
            if party_vendors(knowledge, party):
                out.setdefault("parties.vendor", set()).add(f"party:{party.id}")
            for vendor in party_services(knowledge, party):
                put("parties.vendor_service", vendor.service)
        out["_parties"] = {p.model_dump_json() for p in model.parties}
    return out


def _vendors(want: dict[str, set[str]], got: dict[str, set[str]]) -> None:
    """Vendors: a draft party is right when a party of the transcription stands for its service (by
    service name or by the entity behind it: 'Google Ireland Limited' for Google Analytics); the
    transcription's vendors are its parties that stand for any vendor of the table."""
    from noticelint.format.model import Party
    from noticelint.knowledge import load_knowledge
    from noticelint.knowledge.vendor_matching import stands_for

    knowledge = load_knowledge()
    by_service = {v.service: v for v in knowledge.vendors}
    hand = [Party.model_validate_json(p) for p in want.pop("_parties", set())]
    got.pop("_parties", None)
    draft_services = got.pop("parties.vendor_service", set())
    want.pop("parties.vendor_service", None)
    got.pop("parties.vendor", None)
    right_services = {s for s in draft_services if any(stands_for(knowledge, p, by_service[s]) for p in hand)}
    found_parties = {
        f"party:{p.id}" for p in hand if any(stands_for(knowledge, p, by_service[s]) for s in draft_services)
    }
    # precision over the draft's services, recall over the transcription's vendor parties
    got["parties.vendor"] = {f"service:{s}" for s in draft_services}
    want["parties.vendor"] = {f"service:{s}" for s in right_services} | (
        want.get("parties.vendor", set()) - found_parties
    )


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _load(text: str) -> dict[str, Any]:
    yaml = YAML(typ="safe")
    data = yaml.load(text)
    return data if isinstance(data, dict) else {}


def _codes(display: str, text: str) -> set[str]:
    from noticelint.lint.config import load_config
    from noticelint.lint.engine import Source
    from noticelint.lint.setup import Selection, build_linter

    global _LINTER
    if _LINTER is None:
        config = load_config(None, ROOT)
        _LINTER = build_linter(config, Selection.from_config(config))
    return {f.code for f in _LINTER.check(Source(display, data=text)).findings}


_LINTER: Any = None


def _source_of(folder: Path) -> Path:
    return next(p for p in sorted(folder.iterdir()) if p.name.startswith("source."))


def quality() -> dict[str, Any]:
    kept = total = 0
    lost: list[tuple[str, str]] = []
    right: dict[str, int] = {}
    emitted: dict[str, int] = {}
    expected: dict[str, int] = {}
    wrong: list[tuple[str, str, str]] = []
    denials: list[str] = []
    code_hits = code_total = 0
    missed_codes: dict[str, int] = {}
    folders = sorted(p for p in CORPUS.iterdir() if (p / "statement.yaml").exists())
    for folder in folders:
        hand_text = (folder / "statement.yaml").read_text(encoding="utf-8")
        hand = _load(hand_text)
        info = hand.get("statement") or {}
        lang = info.get("default_language") or "nb"
        draft_text = import_source(_source_of(folder), lang, info.get("jurisdiction"), folder.name).yaml
        draft = _load(draft_text)
        blob = normalise("\n".join(text_values(draft)))
        for sentence in reference_sentences(hand):
            total += 1
            if sentence in blob:
                kept += 1
            else:
                lost.append((folder.name, sentence))
        denials += [f"{folder.name}: {d}" for d in (draft.get("statement") or {}).get("denies") or []]
        want, got = facts(hand), facts(draft)
        _vendors(want, got)
        for field in set(want) | set(got):
            w, g = want.get(field, set()), got.get(field, set())
            expected[field] = expected.get(field, 0) + len(w)
            emitted[field] = emitted.get(field, 0) + len(g)
            right[field] = right.get(field, 0) + len(w & g)
            for value in sorted(g - w):
                wrong.append((folder.name, field, value))
        hand_codes = _codes(f"{folder.name}/statement.yaml", hand_text)
        draft_codes = _codes(f"{folder.name}/draft.yaml", draft_text)
        code_total += len(hand_codes)
        code_hits += len(hand_codes & draft_codes)
        for code in hand_codes - draft_codes:
            missed_codes[code] = missed_codes.get(code, 0) + 1
    return {
        "statements": len(folders),
        "kept": kept,
        "total": total,
        "lost": lost,
        "right": right,
        "emitted": emitted,
        "expected": expected,
        "wrong": wrong,
        "code_hits": code_hits,
        "code_total": code_total,
        "missed_codes": missed_codes,
        "denials": denials,
    }


def report(q: dict[str, Any], verbose: bool) -> str:
    lines = [
        f"corpus: {q['statements']} statements (tests/corpus/real), hand-made transcription as reference"
    ]
    lines.append(f"sentences kept: {q['kept']}/{q['total']} ({100 * q['kept'] / max(1, q['total']):.1f} %)")
    lines.append("")
    lines.append("| field | in draft | right | in transcription | precision | recall |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    r_all = e_all = x_all = 0
    for field in sorted(set(q["expected"]) | set(q["emitted"])):
        r, e, x = q["right"].get(field, 0), q["emitted"].get(field, 0), q["expected"].get(field, 0)
        r_all, e_all, x_all = r_all + r, e_all + e, x_all + x
        precision = f"{100 * r / e:.0f} %" if e else "–"
        recall = f"{100 * r / x:.0f} %" if x else "–"
        lines.append(f"| {field} | {e} | {r} | {x} | {precision} | {recall} |")
    lines.append(
        f"| **all** | {e_all} | {r_all} | {x_all} | {100 * r_all / max(1, e_all):.1f} % | "
        f"{100 * r_all / max(1, x_all):.1f} % |"
    )
    lines.append(
        f"statement.denies (not compared: the transcriptions were written before the field): "
        f"{len(q['denials'])} in the drafts ({'; '.join(q['denials'])})"
    )
    lines.append("")
    lines.append(
        f"rule codes found on the transcription that check also finds on the draft: "
        f"{q['code_hits']}/{q['code_total']} ({100 * q['code_hits'] / max(1, q['code_total']):.1f} %)"
    )
    if verbose:
        lines.append("")
        lines += [f"LOST {name}: {sentence}" for name, sentence in q["lost"]]
        lines += [f"WRONG {name}: {field} = {value}" for name, field, value in q["wrong"]]
        lines.append("missed codes: " + ", ".join(f"{c} x{n}" for c, n in sorted(q["missed_codes"].items())))
    return "\n".join(lines)


def _import_one(path: str) -> tuple[float, float]:
    """CPU seconds of the import alone and of the check of its draft (the summary's findings)."""
    folder = Path(path)
    hand = _load((folder / "statement.yaml").read_text(encoding="utf-8"))
    info = hand.get("statement") or {}
    start = time.process_time()
    text = import_source(_source_of(folder), info.get("default_language"), info.get("jurisdiction"), "x").yaml
    imported = time.process_time()
    _codes("draft.yaml", text)
    return imported - start, time.process_time() - imported


def speed(count: int, jobs: int) -> tuple[float, float, float, float]:
    """(wall seconds, CPU seconds of the workers, of which import and check) to import and check
    ``count`` statements."""
    import resource

    folders = [str(p) for p in sorted(CORPUS.iterdir()) if (p / "statement.yaml").exists()]
    work = [folders[i % len(folders)] for i in range(count)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        parts = list(pool.imap_unordered(_import_one, work, chunksize=8))
        pool.close()
        pool.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, sum(p[0] for p in parts), sum(p[1] for p in parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speed", action="store_true", help="also time 1,000 imports (and checks)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list lost sentences and wrong facts")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--cookie-table", type=Path, help="an Open Cookie Database CSV to use where the package ships none"
    )
    args = parser.parse_args()
    if args.cookie_table:
        from noticelint.importer import cookienames

        cookienames.TABLE = args.cookie_table
    print(report(quality(), args.verbose))
    if args.speed:
        import os

        wall, cpu, importing, checking = speed(1000, args.jobs)
        load = os.getloadavg()[0]
        print(
            f"\n1,000 imports, each checked: {wall:.1f} s on {args.jobs} processes "
            f"({cpu:.1f} s of CPU, i.e. {cpu / args.jobs:.1f} s on {args.jobs} free cores; load average {load:.1f})"
            f"\n  of which reading the source and writing the draft {importing:.1f} s of CPU "
            f"({importing / args.jobs:.1f} s on {args.jobs} cores), checking the drafts {checking:.1f} s"
        )


if __name__ == "__main__":
    main()
