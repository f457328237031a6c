"""Stand-ins for the shipped models, so tests do not depend on trained weights.

Deterministic entity taggers and the real pipeline with one of them in place of the
entity model. Fixtures that use them are in ``conftest.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

from byline.analysis.model import Analysis

Tagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]
"""Words of each sentence in, BIO tags out (the pipeline's ``entity_tagger``)."""


def capitalised_tagger(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """A stand-in entity tagger: runs of capitalised words (not sentence-initial) are ORG."""
    tagged: list[list[str]] = []
    for words in sentences:
        tags: list[str] = []
        inside = False
        for position, word in enumerate(words):
            if position and word[:1].isupper() and word.isalpha():
                tags.append("I-ORG" if inside else "B-ORG")
                inside = True
            else:
                tags.append("O")
                inside = False
        tagged.append(tags)
    return tagged


def dictionary_tagger(names: Mapping[str, str]) -> Tagger:
    """A stand-in entity tagger that tags exactly the one-word ``names`` (word -> type)."""

    def tag(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [[f"B-{names[w]}" if w in names else "O" for w in words] for words in sentences]

    return tag


def pipeline_with(tagger: Tagger) -> Callable[..., Analysis]:
    """The real pipeline with ``tagger`` in place of the shipped entity model."""
    from byline.analysis.pipeline import analyze

    return functools.partial(analyze, entity_tagger=tagger)
