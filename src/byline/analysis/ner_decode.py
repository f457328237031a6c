"""Greedy left-to-right decoding of a document, shared by the NER trainer and the tagger.

The trainer updates its weights inside ``step``; the tagger only scores. Either way the
tag chosen for a word feeds the next words' tag-history features and the document's
memory of what each name was tagged before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from byline.analysis.ner_features import (
    DocumentFacts,
    FeatureExtractor,
    Group,
    is_cap,
    short_shape,
)
from byline.analysis.ner_tags import BOUNDARY, OUTSIDE

Step = Callable[[int, int, tuple[Group, ...], list[str], list[int]], str]
"""``step(sentence_index, word_index, static_groups, features, allowed_classes) -> tag``."""


class TagHistory:
    """The entity types (or ``O``) predicted so far for each capitalised word."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = {}

    def features(self, word: str) -> list[str]:
        """Features from the tags predicted for earlier mentions of ``word``."""
        if not is_cap(word):
            return []
        counts = self.counts.get(word.lower())
        if not counts:
            return ["h=none"]
        best = max(sorted(counts), key=counts.__getitem__)
        return ["h=" + best, *("h:" + k for k in counts)]

    def record(self, word: str, tag: str) -> None:
        """Remember the tag predicted for ``word`` for later mentions."""
        if is_cap(word):
            kind = tag[2:] if tag != OUTSIDE else OUTSIDE
            counts = self.counts.setdefault(word.lower(), {})
            counts[kind] = counts.get(kind, 0) + 1


def tag_features(word: str, prev1: str, prev2: str) -> list[str]:
    """Features of the two tags chosen before ``word`` in its sentence."""
    return [
        "t-1=" + prev1,
        f"t-2|t-1={prev2}|{prev1}",
        f"t-1|l={prev1}|{word.lower()}",
        f"t-1|s={prev1}|{short_shape(word)}",
    ]


def decode_document(
    sentences: Sequence[Sequence[str]],
    extractor: FeatureExtractor,
    allowed: Mapping[str, list[int]],
    step: Step,
) -> list[list[str]]:
    """Tag a whole document greedily, left to right.

    Args:
        sentences: the words of each sentence of one document.
        extractor: the feature extractor.
        allowed: :func:`~byline.analysis.ner_tags.allowed_transitions` for the classes.
        step: picks the tag for one word from its features.

    Returns:
        The chosen internal (BILOU) tags, one list per sentence.
    """
    facts = DocumentFacts(sentences, extractor)
    history = TagHistory()
    result: list[list[str]] = []
    for si, words in enumerate(sentences):
        static = extractor.sentence_features(words, facts)
        tags: list[str] = []
        prev1 = prev2 = BOUNDARY
        for wi, word in enumerate(words):
            groups, feats = static[wi]
            feats += tag_features(word, prev1, prev2)
            feats += history.features(word)
            tag = step(si, wi, groups, feats, allowed[prev1])
            tags.append(tag)
            prev2, prev1 = prev1, tag
        for word, tag in zip(words, tags, strict=False):
            history.record(word, tag)
        result.append(tags)
    return result
