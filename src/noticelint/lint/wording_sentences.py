"""The sentences of a statement's wording, for rules: all of them, or only those a rule's patterns may match."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.lint.context import CheckContext
from noticelint.text.pretests import Needles
from noticelint.text.sentences import Sentence, sentences
from noticelint.text.wording import Wording


def wording_sentences(ctx: CheckContext) -> Iterator[tuple[Wording, Sentence]]:
    """Every sentence of every text, with the text it belongs to."""
    for item in ctx.wording:
        for sentence in sentences(item.text):
            yield item, sentence


def sentences_that_may_match(ctx: CheckContext, needles: Needles) -> Iterator[tuple[Wording, Sentence]]:
    """The sentences of :func:`wording_sentences` that may match the patterns behind ``needles``.

    A rule that reads only sentences its patterns match may read these instead: the others cannot match.
    """
    may_match = needles.may_match
    for item in ctx.wording:
        if may_match(item.text):
            for sentence in sentences(item.text):
                if may_match(sentence.text):
                    yield item, sentence


def item_sentences_that_may_match(item: Wording, needles: Needles) -> Iterator[Sentence]:
    """The sentences of one text that may match the patterns behind ``needles``."""
    if needles.may_match(item.text):
        for sentence in sentences(item.text):
            if needles.may_match(sentence.text):
                yield sentence
