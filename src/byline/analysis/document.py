"""The document every analysis stage reads: text, layout, sentences, tokens, findings.

The pipeline builds one :class:`Document` after tagging and hands it to each stage, as
sumy hands one document model to every summarizer, so no stage re-derives what another
already knows (which sentence or paragraph a token is in, where a token starts). A
stage's findings (entities, quotes, attributions) come back as a new document sharing every part of
the old one. Working state of one stage's run (which tokens a quote covers, the speakers
named so far) stays with that stage.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from byline.analysis.layout import Layout
from byline.analysis.model import Attribution, Entity, Hedge, Quote, Span, Token


@dataclass(frozen=True, slots=True)
class Document:
    """One article as the stages see it; every offset indexes ``text``.

    Attributes:
        text: the article exactly as read.
        layout: headline, body and paragraphs.
        sentences: the body's sentences in article order.
        sentence_paragraph: the paragraph index of each sentence.
        sentence_tokens: each sentence's tokens with Penn Treebank tags.
        tokens: every body token in text order (``sentence_tokens`` flattened).
        token_sentence: the sentence index of each token.
        token_paragraph: the paragraph index of each token.
        token_starts: the start offset of each token, for bisecting.
        paragraph_starts: the start offset of each paragraph, for bisecting.
        entities: named entities, once the entity stage has run.
        mentions: every entity mention as ``(start, end, entity)``, in text order.
        quotes: direct quotes, once the quote stage has run.
        attributions: every claim with its source, once the attribution stage has run.
        hedges: markers of claims reported without a source, from the same stage.
    """

    text: str
    layout: Layout
    sentences: tuple[Span, ...]
    sentence_paragraph: tuple[int, ...]
    sentence_tokens: tuple[tuple[Token, ...], ...]
    tokens: tuple[Token, ...]
    token_sentence: tuple[int, ...]
    token_paragraph: tuple[int, ...]
    token_starts: tuple[int, ...]
    paragraph_starts: tuple[int, ...]
    entities: tuple[Entity, ...] = ()
    mentions: tuple[tuple[int, int, Entity], ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    hedges: tuple[Hedge, ...] = ()

    @classmethod
    def build(
        cls,
        text: str,
        layout: Layout,
        sentences: Sequence[tuple[Span, int]],
        tokens: Sequence[Sequence[Token]],
    ) -> Document:
        """Lay the stages' inputs out once, with the look-ups they share.

        Args:
            text: the article.
            layout: its headline, body and paragraphs.
            sentences: each body sentence with its paragraph's index.
            tokens: each sentence's tokens (aligned with ``sentences``).
        """
        flat: list[Token] = []
        sentence_of: list[int] = []
        for index, sentence in enumerate(tokens):
            flat.extend(sentence)
            sentence_of.extend([index] * len(sentence))
        paragraph_starts = tuple(p.start for p in layout.paragraphs)
        return cls(
            text=text,
            layout=layout,
            sentences=tuple(span for span, _ in sentences),
            sentence_paragraph=tuple(paragraph for _, paragraph in sentences),
            sentence_tokens=tuple(tuple(sentence) for sentence in tokens),
            tokens=tuple(flat),
            token_sentence=tuple(sentence_of),
            token_paragraph=tuple(_index_of(paragraph_starts, t.start) for t in flat),
            token_starts=tuple(t.start for t in flat),
            paragraph_starts=paragraph_starts,
        )

    @property
    def title(self) -> str | None:
        return self.layout.title

    @property
    def title_span(self) -> Span | None:
        return self.layout.title_span

    @property
    def body(self) -> Span:
        return self.layout.body

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return self.layout.paragraphs

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.token_starts, offset)

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (the first one for offsets before it)."""
        return _index_of(self.paragraph_starts, offset)

    def span(self, first: int, last: int) -> Span:
        """Span from token ``first`` to token ``last`` (inclusive)."""
        return Span(self.tokens[first].start, self.tokens[last].end)

    def with_entities(self, entities: Sequence[Entity]) -> Document:
        """This document with the entity stage's findings and their mentions indexed."""
        mentions = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        return replace(self, entities=tuple(entities), mentions=tuple(mentions))

    def with_quotes(self, quotes: Sequence[Quote]) -> Document:
        """This document with the quote stage's findings."""
        return replace(self, quotes=tuple(quotes))

    def with_attributions(
        self, attributions: Sequence[Attribution], hedges: Sequence[Hedge]
    ) -> Document:
        """This document with the attribution stage's findings."""
        return replace(self, attributions=tuple(attributions), hedges=tuple(hedges))


def _index_of(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)
