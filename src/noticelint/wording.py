"""Finding every piece of human text in a statement, wherever it sits in the model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from noticelint.document import pointer_join
from noticelint.model import PrivacyStatement, Text


@dataclass(frozen=True)
class Wording:
    """One text in one language. ``pointer`` addresses the string itself in the YAML document."""

    pointer: str
    field_pointer: str
    language: str
    text: str


def _walk(value: Any, pointer: str, default: str) -> Iterator[Wording]:
    if isinstance(value, Text):
        if isinstance(value.root, str):
            yield Wording(pointer, pointer, default, value.root)
        else:
            for language, text in value.root.items():
                yield Wording(pointer_join(pointer, language), pointer, language, text)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), pointer_join(pointer, name), default)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, pointer_join(pointer, index), default)


def iter_wording(statement: PrivacyStatement) -> Iterator[Wording]:
    yield from _walk(statement, "", statement.statement.default_language)
