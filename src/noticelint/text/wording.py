"""Finding every piece of human text in a statement, wherever it sits in the model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from noticelint.format.model import PrivacyStatement, Text
from noticelint.input.document import pointer_join


@dataclass(frozen=True)
class Wording:
    """One text in one language. ``pointer`` addresses the string itself in the YAML document."""

    pointer: str
    field_pointer: str
    language: str
    text: str


def _walk(value: Any, pointer: str) -> Iterator[tuple[str, Text]]:
    if isinstance(value, Text):
        yield pointer, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            # Model field names are identifiers, so they need no JSON Pointer escaping.
            if child is not None and not isinstance(child, str):
                yield from _walk(child, f"{pointer}/{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{pointer}/{index}")


def iter_text_fields(statement: PrivacyStatement) -> Iterator[tuple[str, Text]]:
    """Every text field of the statement with its JSON Pointer, in document order."""
    yield from _walk(statement, "")


def wording_of(fields: Iterable[tuple[str, Text]], default: str) -> Iterator[Wording]:
    """The texts of ``fields``, one per language; a plain string is in the ``default`` language."""
    for pointer, value in fields:
        if isinstance(value.root, str):
            yield Wording(pointer, pointer, default, value.root)
        else:
            for language, text in value.root.items():
                yield Wording(pointer_join(pointer, language), pointer, language, text)
