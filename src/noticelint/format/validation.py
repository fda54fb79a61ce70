"""Schema validation with located, readable messages, then the typed model.

jsonschema finds every error at once; each is turned into one sentence a statement author understands,
placed at the line and column of the offending key or value, with "did you mean …" for misspellings.
Only a document without errors becomes a :class:`~noticelint.format.model.PrivacyStatement`.
"""

from __future__ import annotations

import difflib
import functools
import itertools
from collections.abc import Iterator
from typing import Any

from noticelint.format.model import SCHEMA_VERSION, PrivacyStatement
from noticelint.input.document import Document, pointer_from_path, pointer_join
from noticelint.input.reading import LoadError, Problem

MAX_SCHEMA_ERRORS = 100

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the string {_quote(value)}"


def _quote(value: Any) -> str:
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"'{text}'"


_ITEM_KINDS = {
    "activities": "activity",
    "parties": "party",
    "sections": "section",
    "transfers": "transfer",
    "cookies": "cookie",
}


def _where(pointer: str, data: Any = None) -> str:
    """Where ``pointer`` is, naming list items by their id (or a cookie by its name) where they have one:
    ``/activities/1/retention/period`` -> ``activity 'e-post' (retention.period)``."""
    if not pointer:
        return "the top level"
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.strip("/").split("/")]
    items: list[str] = []  # "activity 'e-post'", then maybe "cookie '_ga'"
    path: list[str] = []
    value = data
    for n, token in enumerate(tokens):
        parent_key = tokens[n - 1] if n else ""
        if isinstance(value, list) and token.isdigit() and parent_key in _ITEM_KINDS:
            index = int(token)
            item = value[index] if index < len(value) else None
            label = _item_label(item, index)
            if path and path[-1] == parent_key:
                path.pop()
            if path:  # a list below a plain mapping: keep the way there
                items.append(".".join(path))
                path = []
            items.append(f"{_ITEM_KINDS[parent_key]} {label}")
            value = item
            continue
        path.append(token)
        value = (
            value.get(token)
            if isinstance(value, dict)
            else (
                value[int(token)]
                if isinstance(value, list) and token.isdigit() and int(token) < len(value)
                else None
            )
        )
    if not items:
        return ".".join(tokens)
    head = ", ".join(items)
    return f"{head} ({'.'.join(path)})" if path else head


def _item_label(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "name"):
            if isinstance(item.get(key), str) and item[key].strip():
                return _quote(item[key])
    return f"{index + 1}"


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    from noticelint.format.schema import statement_schema

    return Draft202012Validator(statement_schema(), format_checker=FormatChecker(formats=["date"]))


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        resolved: dict[str, Any] = _validator().schema["$defs"][ref.removeprefix("#/$defs/")]
        return resolved
    return schema


_JSON_KINDS: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _accepts_kind(schema: dict[str, Any], instance: Any) -> bool:
    """Whether ``schema`` would accept a value of the kind of ``instance`` (ignoring everything else)."""
    kinds = schema.get("type")
    if kinds is None:
        if "anyOf" in schema or "oneOf" in schema:
            return any(
                _accepts_kind(_resolve(s), instance) for s in schema.get("anyOf", schema.get("oneOf", []))
            )
        return True
    names = kinds if isinstance(kinds, list) else [kinds]
    if isinstance(instance, bool):
        return "boolean" in names
    return any(isinstance(instance, _JSON_KINDS.get(name, ())) for name in names)


def _describe(schema: dict[str, Any]) -> str:
    schema = _resolve(schema)
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if "type" in schema:
        return _TYPE_NAMES.get(str(schema["type"]), str(schema["type"]))
    if "$defs" not in schema and schema.get("title") == "Text":
        return "text (a string, or a mapping language -> text)"
    return "a valid value"


def _messages(error: Any, doc: Document) -> Iterator[Problem]:
    pointer = pointer_from_path(error.absolute_path)
    validator, instance, schema = error.validator, error.instance, error.schema
    where = _where(pointer, doc.data)
    if instance is None and validator not in ("required", "additionalProperties", "minItems", "minLength"):
        # `key:` with nothing after it, or `key: null`: no key of the format takes null (an optional key
        # is left out), so one message says so, whatever the key's type.
        yield Problem(doc.span(pointer), f"{where} has no value; write one or leave the key out", pointer)
        return
    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(schema.get("properties", {}))
        patterns = schema.get("patternProperties", {})
        unknown = [key for key in instance if key not in allowed]
        for key in unknown[:MAX_SCHEMA_ERRORS]:
            if patterns:
                import re

                if any(re.search(p, key) for p in patterns):
                    continue
                message = f"{_quote(key)} is not a language tag (use e.g. 'nb', 'nn' or 'en') in {where}"
            else:
                hint = _suggest(key, allowed) or f"; allowed keys: {', '.join(allowed)}"
                message = f"unknown key {_quote(key)} in {where}{hint}"
            key_pointer = pointer_join(pointer, key)
            yield Problem(doc.key_span(key_pointer), message, key_pointer)
        return
    if validator == "required":
        missing = error.validator_value
        for key in missing:
            if isinstance(instance, dict) and key not in instance:
                description = schema.get("properties", {}).get(key, {}).get("description", "")
                hint = f" ({description.rstrip('.')})" if description else ""
                yield Problem(
                    doc.key_span(pointer), f"missing required key '{key}' in {where}{hint}", pointer
                )
        return
    if validator in ("anyOf", "oneOf"):
        options = list(enumerate(error.validator_value))
        fitting = [index for index, branch in options if _accepts_kind(_resolve(branch), instance)]
        if len(fitting) == 1 and error.context:
            # The value has the right kind for exactly one alternative: report what is wrong inside it.
            inner = [
                e for e in error.context if e.relative_schema_path and e.relative_schema_path[0] == fitting[0]
            ]
            if inner:
                for sub in inner:
                    yield from _messages(sub, doc)
                return
        branches = [b for _, b in options if _resolve(b).get("type") != "null"]
        expected = " or ".join(_describe(b) for b in branches) if branches else "a valid value"
        yield Problem(doc.span(pointer), f"{where}: expected {expected}, got {_kind(instance)}", pointer)
        return
    if validator == "format":
        yield Problem(
            doc.span(pointer),
            f"{where}: {_quote(instance)} is not a valid {error.validator_value}"
            + (" (YYYY-MM-DD)" if error.validator_value == "date" else ""),
            pointer,
        )
        return
    if validator == "type":
        expected = error.validator_value
        names = [
            _TYPE_NAMES.get(str(t), str(t)) for t in (expected if isinstance(expected, list) else [expected])
        ]
        yield Problem(
            doc.span(pointer), f"{where}: expected {' or '.join(names)}, got {_kind(instance)}", pointer
        )
        return
    if validator == "enum":
        choices = [str(v) for v in error.validator_value]
        hint = _suggest(str(instance), choices)
        yield Problem(
            doc.span(pointer),
            f"{where}: {_quote(instance)} is not allowed{hint} (allowed: {', '.join(choices)})",
            pointer,
        )
        return
    if validator == "pattern":
        description = schema.get("x-form") or schema.get("description") or ""
        yield Problem(
            doc.span(pointer),
            f"{where}: {_quote(instance)} has the wrong form"
            + (f"; expected {description[:1].lower()}{description[1:].rstrip('.')}" if description else ""),
            pointer,
        )
        return
    if validator in ("minItems", "minLength"):
        yield Problem(doc.span(pointer), f"{where} must not be empty", pointer)
        return
    if validator == "const":
        if type(instance) is not type(error.validator_value):
            return  # the type error at the same place says it already
        yield Problem(
            doc.span(pointer), f"{where} must be {error.validator_value!r}, got {_kind(instance)}", pointer
        )
        return
    yield Problem(doc.span(pointer), f"{where}: {error.message}", pointer)


def schema_problems(doc: Document) -> list[Problem]:
    """Every schema error in ``doc``, located and in plain words, in document order."""
    data = doc.data
    if not isinstance(data, dict):
        return [
            Problem(
                doc.span(""),
                f"a statement is a mapping of keys (schema_version, statement, controller, …), not {_kind(data)}",
            )
        ]
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        return [
            Problem(
                doc.span("/schema_version"),
                f"schema_version {version} is newer than this noticelint understands (it reads version "
                f"{SCHEMA_VERSION}); upgrade noticelint",
                "/schema_version",
            )
        ]
    # The first hundred errors say what is wrong; a hostile file could have hundreds of thousands.
    errors = itertools.islice(_validator().iter_errors(data), MAX_SCHEMA_ERRORS)
    problems = [p for error in errors for p in _messages(error, doc)]
    unique = {(p.span, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.span.line, p.span.column, p.message))


def reference_problems(statement: PrivacyStatement, doc: Document) -> list[Problem]:
    """Ids must be unique; every reference must name an item that exists."""
    problems: list[Problem] = []
    owners: dict[str, str] = {}

    def declare(item_id: str, pointer: str) -> None:
        if item_id in owners:
            first = doc.span(owners[item_id]).line
            problems.append(
                Problem(
                    doc.span(pointer),
                    f"id '{item_id}' is used twice (first on line {first}); ids must be unique",
                    pointer,
                )
            )
        else:
            owners[item_id] = pointer

    declare(statement.controller.id, "/controller/id")
    if statement.representative:
        declare(statement.representative.id, "/representative/id")
    for i, party in enumerate(statement.parties):
        declare(party.id, f"/parties/{i}/id")
    for i, activity in enumerate(statement.activities):
        declare(activity.id, f"/activities/{i}/id")
    for i, section in enumerate(statement.sections):
        declare(section.id, f"/sections/{i}/id")

    party_ids = [p.id for p in statement.parties]
    organisations = [statement.controller.id, *party_ids]

    def refer(target: str | None, pointer: str, allowed: list[str], what: str) -> None:
        if target is not None and target not in allowed:
            hint = _suggest(target, allowed) or (f"; declared: {', '.join(allowed)}" if allowed else "")
            problems.append(Problem(doc.span(pointer), f"'{target}' is not the id of {what}{hint}", pointer))

    for i, party in enumerate(statement.parties):
        refer(party.processor_for, f"/parties/{i}/processor_for", party_ids, "a declared party")
    for i, activity in enumerate(statement.activities):
        for j, recipient in enumerate(activity.recipients):
            refer(recipient, f"/activities/{i}/recipients/{j}", party_ids, "a declared party")
        for j, cookie in enumerate(activity.cookies):
            refer(
                cookie.provider,
                f"/activities/{i}/cookies/{j}/provider",
                organisations,
                "the controller or a party",
            )
    for i, transfer in enumerate(statement.transfers):
        refer(transfer.recipient, f"/transfers/{i}/recipient", party_ids, "a declared party")
    info = statement.statement
    if info.default_language not in info.languages:
        problems.append(
            Problem(
                doc.span("/statement/default_language"),
                f"default_language '{info.default_language}' is not one of the statement's languages "
                f"({', '.join(info.languages)})",
                "/statement/default_language",
            )
        )
    return problems


def model_problems(exc: Any, doc: Document) -> list[Problem]:
    """Problems from a pydantic ValidationError, for what the JSON Schema cannot express."""
    errors: list[dict[str, Any]] = list(exc.errors()) if hasattr(exc, "errors") else []
    return [
        Problem(
            doc.span(pointer_from_path(e["loc"])),
            f"{_where(pointer_from_path(e['loc']), doc.data)}: {e['msg']}",
        )
        for e in errors
    ] or [Problem(doc.span(""), f"the statement is not valid: {exc}")]


def typed_statement(doc: Document) -> tuple[PrivacyStatement | None, list[Problem]]:
    """The typed model of ``doc``, or every schema problem in it.

    The models and the schema say the same thing (the schema is generated from the models, and the
    strict JSON mode of pydantic coerces nothing), so a document the models accept is valid against the
    schema: jsonschema, which is slower, runs only to explain a document that is not.
    """
    import json

    from pydantic import ValidationError

    data = doc.data
    version = data.get("schema_version") if isinstance(data, dict) else None
    if not (isinstance(version, int) and version > SCHEMA_VERSION):
        try:
            return PrivacyStatement.model_validate_json(json.dumps(data), strict=True), []
        except ValidationError as exc:
            fallback = model_problems(exc, doc)
    else:
        fallback = []
    return None, schema_problems(doc) or fallback


def to_model(doc: Document) -> PrivacyStatement:
    """Validate ``doc`` and build the typed model, or raise :class:`LoadError` with every problem."""
    statement, problems = typed_statement(doc)
    if statement is None:
        raise LoadError(problems)
    problems = reference_problems(statement, doc)
    if problems:
        raise LoadError(problems)
    return statement
