"""Where a JSON Pointer into the statement is, in words a statement author recognises."""

from __future__ import annotations

from noticelint.format.model import PrivacyStatement

_TOP_LEVEL = {
    "statement": "the statement information",
    "controller": "the controller",
    "representative": "the EU representative",
    "dpo": "the data protection officer",
    "rights": "the rights",
    "complaint": "the complaint",
}


def place(statement: PrivacyStatement, pointer: str) -> str:
    """Where ``pointer`` is, in words a statement author recognises.

    ``/activities/2/retention/text/nb`` -> ``activity 'e-post' (retention.text, nb)``.
    """
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    if not tokens:
        return "the statement"
    head, rest = tokens[0], tokens[1:]
    label = _TOP_LEVEL.get(head, head)
    ids = {
        "activities": ("activity", [a.id for a in statement.activities]),
        "parties": ("party", [p.id for p in statement.parties]),
        "sections": ("section", [s.id for s in statement.sections]),
    }
    if head in ids and rest and rest[0].isdigit():
        kind, known = ids[head]
        index = int(rest[0])
        label = f"{kind} '{known[index]}'" if index < len(known) else f"{kind} {index + 1}"
        rest = rest[1:]
    elif head == "transfers" and rest and rest[0].isdigit():
        index = int(rest[0])
        transfers = statement.transfers
        label = f"the transfer to '{transfers[index].recipient}'" if index < len(transfers) else "a transfer"
        rest = rest[1:]
    if not rest:
        return label
    language = ""
    if rest[-1] in statement.statement.languages:
        language = rest.pop()
    path = ".".join(f"[{t}]" if t.isdigit() else t for t in rest).replace(".[", "[")
    detail = ", ".join(part for part in (path, language) if part)
    return f"{label} ({detail})" if detail else label
