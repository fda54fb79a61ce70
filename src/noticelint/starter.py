"""``noticelint init``: a user's repository gets a starting statement, the schema, a pre-commit hook and
editor settings, so that the first ``noticelint check`` runs and the editor completes keys at once.

Nothing is overwritten without ``force``; every file is written atomically. A file that exists is kept,
and what it should contain is printed instead, so an existing pre-commit or editor configuration is
never lost.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from noticelint.atomic import write_atomic

KINDS = ("clinic", "shop", "association", "app")
LANGUAGES = ("nb", "en")
SCHEMA_PATH = "schema/privacy-statement.schema.json"

HOOK = """\
  # noticelint: checks the statements a commit changes. It runs the noticelint installed in the
  # environment that runs pre-commit (pip install noticelint, or pip install -e path/to/noticelint).
  # Statements outside policy/? Widen files, e.g. files: ^(policy|clients|templates)/
  - repo: local
    hooks:
      - id: noticelint
        name: noticelint (privacy statements)
        entry: noticelint check
        language: system
        types_or: [yaml]
        files: ^policy/
"""

# One activity a kind of organisation always has: (id, nb purpose, en purpose, nb data, en data, basis).
_ACTIVITIES = {
    "clinic": (
        "timebestilling",
        "Ta imot og administrere timebestillinger.",
        "To receive and manage appointment bookings.",
        ["navn", "telefonnummer", "e-postadresse", "grunnen til timen"],
        ["name", "phone number", "e-mail address", "the reason for the appointment"],
    ),
    "shop": (
        "bestilling",
        "Ta imot, levere og fakturere bestillingene dine.",
        "To receive, deliver and invoice your orders.",
        ["navn", "leveringsadresse", "e-postadresse", "det du har bestilt"],
        ["name", "delivery address", "e-mail address", "what you ordered"],
    ),
    "association": (
        "medlemskap",
        "Registrere og administrere medlemskapet ditt og sende deg informasjon til medlemmer.",
        "To register and manage your membership and send you information for members.",
        ["navn", "e-postadresse", "telefonnummer", "medlemsnummer"],
        ["name", "e-mail address", "phone number", "membership number"],
    ),
    "app": (
        "brukerkonto",
        "Opprette og drive brukerkontoen din i appen.",
        "To create and run your user account in the app.",
        ["navn", "e-postadresse", "innstillingene dine i appen"],
        ["name", "e-mail address", "your settings in the app"],
    ),
}


class InitError(Exception):
    """Bad arguments to init: reported in one line, exit 2."""


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str
    what: str


def slug(name: str) -> str:
    """A statement id from an organisation's name: 'Solør Dyreklinikk AS' -> 'solor-dyreklinikk-as'."""
    folded = name.lower().replace("ø", "o").replace("æ", "ae").replace("å", "a")
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-") or "statement"


def _text(values: dict[str, str], languages: Sequence[str], indent: int) -> str:
    """A Text value: a plain string for one language, a mapping by language for several."""
    if len(languages) == 1:
        return " " + json.dumps(values[languages[0]], ensure_ascii=False)
    pad = " " * indent
    return "".join(f"\n{pad}{lang}: {json.dumps(values[lang], ensure_ascii=False)}" for lang in languages)


def statement_text(org: str, languages: Sequence[str], kind: str, today: datetime.date) -> str:
    ident = slug(org)
    activity, purpose_nb, purpose_en, data_nb, data_en = _ACTIVITIES[kind]
    categories = "".join(
        "\n      -" + _text({"nb": nb, "en": en}, languages, 8)
        for nb, en in zip(data_nb, data_en, strict=True)
    )
    title = _text(
        {"nb": f"Personvernerklæring for {org}", "en": f"Privacy statement for {org}"}, languages, 4
    )
    purpose = _text({"nb": purpose_nb, "en": purpose_en}, languages, 6)
    langs = ", ".join(languages)
    return f"""\
# yaml-language-server: $schema=../{SCHEMA_PATH}
#
# The privacy statement of {org}, started by `noticelint init`.
# It loads as it is; `noticelint check policy/` lists what is still missing, each at its line. Fill in
# what is marked TODO (commented-out lines show the key to write); docs/format.md describes every key.
schema_version: 1

statement:
  id: {ident}
  title:{title}
  languages: [{langs}]
  default_language: {languages[0]}
  jurisdiction: "NO"
  # url: https://www.example.no/personvern    # TODO: where the statement is published
  version: "0.1"
  last_updated: {today.isoformat()}

controller:   # who decides why and how the data are processed (behandlingsansvarlig)
  id: {ident}
  legal_name: {json.dumps(org, ensure_ascii=False)}
  # organisation_number: "999999999"          # TODO: the 9-digit organisasjonsnummer
  country: "NO"
  contact:    # TODO: at least one channel that works
    email: personvern@example.no              # TODO: your address
    # phone: "+47 00 00 00 00"

# dpo:        # TODO: say whether you have a data protection officer (personvernombud)
#   designated: false

parties: []   # TODO: every other organisation that receives data (processors such as hosting, e-mail)

activities:   # one entry per purpose
  - id: {activity}
    purpose:{purpose}
    data_categories:{categories}
    legal_basis: "6(1)(b)"                    # TODO: the Art. 6(1) letter this rests on
    # recipients: [hosting]                   # TODO: ids from parties
    # retention:                              # TODO: how long the data are kept
    #   period: P2Y

rights:
  offered: [access, rectification, erasure, restriction, portability]
  channels: [email]
  answer_time: P1M

complaint:
  authority: "NO"   # Datatilsynet
"""


def plan(root: Path, org: str, languages: Sequence[str], kind: str, today: datetime.date) -> list[Planned]:
    from noticelint.format.schema import schema_text

    if kind not in KINDS:
        raise InitError(f"unknown --kind '{kind}'; choose {', '.join(KINDS)}")
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise InitError(
            f"--lang takes {' and/or '.join(LANGUAGES)} (comma-separated), not '{','.join(unknown)}'"
        )
    if not org.strip():
        raise InitError("--org must name the organisation")
    settings = {"yaml.schemas": {f"./{SCHEMA_PATH}": ["policy/*.yaml", "policy/**/*.yaml"]}}
    return [
        Planned(
            root / "policy" / f"{slug(org)}.yaml",
            statement_text(org.strip(), languages, kind, today),
            "the statement",
        ),
        Planned(root / SCHEMA_PATH, schema_text(), "the JSON Schema"),
        Planned(root / ".pre-commit-config.yaml", "repos:\n" + HOOK, "the pre-commit hook"),
        Planned(
            root / ".vscode" / "settings.json",
            json.dumps(settings, indent=2) + "\n",
            "editor settings (YAML language server)",
        ),
    ]


def run(root: Path, org: str, languages: Sequence[str], kind: str, force: bool) -> list[str]:
    """Write the starting files; the lines to print (what was written, what was kept and why)."""
    lines: list[str] = []
    for item in plan(root, org, languages, kind, datetime.date.today()):
        shown = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else str(item.path)
        if item.path.exists() and not force:
            lines.append(f"kept {shown} (it exists; --force overwrites it)")
            if item.path.name == ".pre-commit-config.yaml":
                lines.append("  add this under repos: in it:\n" + HOOK.rstrip("\n"))
            elif item.path.name == "settings.json":
                lines.append(f'  add to it: "yaml.schemas": {{"./{SCHEMA_PATH}": ["policy/*.yaml"]}}')
            continue
        try:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(item.path, item.text)
        except OSError as exc:
            raise InitError(f"{shown}: cannot write: {exc.strerror or exc}") from None
        lines.append(f"wrote {shown} ({item.what})")
    return lines
