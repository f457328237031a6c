"""The analysis contract: frozen records with character offsets into the article text.

Every offset is a Python string index into ``Analysis.text`` (the decoded file content),
so a widget can highlight a span without re-parsing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
ENTITY_TYPES: tuple[EntityType, ...] = ("PER", "ORG", "LOC", "MISC")
AttributionKind = Literal["direct", "mixed", "indirect"]
ATTRIBUTION_KINDS: tuple[AttributionKind, ...] = ("direct", "mixed", "indirect")
SourceKind = Literal["named", "described", "unnamed"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("named", "described", "unnamed")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its part-of-speech tag (Penn Treebank set)."""

    start: int
    end: int
    text: str
    pos: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the story body.

    Attributes:
        start: offset of the first character.
        end: offset just past the last character.
        paragraph: index of the paragraph the sentence belongs to.
        rank: 1 is the first sentence to take into a summary; ranks are a permutation.
    """

    start: int
    end: int
    paragraph: int
    rank: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """One named thing, merged across all its mentions.

    Attributes:
        name: the fullest form the text uses ("Jack Ma", not "Ma").
        type: PER, ORG, LOC or MISC.
        mentions: every place the text names it, in article order.
    """

    name: str
    type: EntityType
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and who said it.

    Attributes:
        start: offset of the opening quotation mark.
        end: offset just past the closing quotation mark (or the quoted words' end
            when a multi-paragraph quote leaves its last mark open).
        speaker: who spoke, resolved as far as the text allows ("an Alibaba
            spokeswoman" for "she"), or None when nobody is named.
        speaker_span: the words the attribution names ("she", "the letter").
        cue: the attributing verb or phrase ("said", "according to").
        cue_span: where the cue stands in the text.
    """

    start: int
    end: int
    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A claim and who made it: a direct quote, a partly quoted or a reported one.

    Attributes:
        kind: "direct" (the quote itself, marks included, the same span as its
            :class:`Quote`), "mixed" (reported words holding a quoted part: "said that
            Alibaba applauds the “IACC’s approach”") or "indirect" (reported with no
            marks: "Alibaba said its program is being expanded").
        start: offset of the content's first character (what is claimed; a content
            broken by its source, "The plan, she said, is dead", spans from its first
            word to its last).
        end: offset just past the content's last character.
        source: who made the claim, resolved as far as the text allows ("Alibaba" for
            "the e-commerce giant"), or None when the text names nobody ("has
            reportedly withdrawn").
        source_span: the words naming the source ("the e-commerce giant").
        source_kind: "named" (an entity: "Alibaba"), "described" ("an Alibaba
            spokeswoman", "officials"), "unnamed" ("an anonymous letter", "people
            familiar with the matter"), or None with no source.
        cue: the attributing words as written ("said", "according to", "reportedly").
        cue_span: where the cue stands.
    """

    kind: AttributionKind
    start: int
    end: int
    source: str | None
    source_span: Span | None
    source_kind: SourceKind | None
    cue: str | None
    cue_span: Span | None


@dataclass(frozen=True, slots=True)
class Hedge:
    """A marker of a claim reported without its source ("reportedly", "is said to").

    Attributes:
        start: offset of the marker's first character.
        end: offset just past its last character.
        cue: the marker as written ("has reportedly", "is said to", "has been criticized").
    """

    start: int
    end: int
    cue: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything byline knows about one article.

    Attributes:
        text: the article exactly as read; all offsets index it.
        title: the headline when the first line looks like one, else None.
        title_span: where the headline stands in ``text``.
        body: the story itself (after the headline, before trailing page furniture).
        paragraphs: the body's paragraphs.
        sentences: the body's sentences, each with its summary rank.
        tokens: every token of the body with its POS tag.
        entities: named entities, most mentioned first.
        quotes: direct quotes in article order.
        summary: indices into ``sentences`` of the default summary, in article order.
        attributions: every claim with its source (direct quotes, mixed and reported
            speech), in article order.
        hedges: markers of claims reported without a source, in article order.
        language: the ISO 639-1 code of the language the text looks written in ("en",
            "de"…), None when too short to tell (``analysis/language.py``).
    """

    text: str
    title: str | None
    title_span: Span | None
    body: Span
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    summary: tuple[int, ...]
    attributions: tuple[Attribution, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    language: str | None = None

    def summary_of(self, n: int) -> tuple[int, ...]:
        """Indices of the ``n`` best-ranked sentences, in article order."""
        n = max(0, min(n, len(self.sentences)))
        best = sorted(range(len(self.sentences)), key=lambda i: self.sentences[i].rank)[:n]
        return tuple(sorted(best))

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    @property
    def word_count(self) -> int:
        return sum(1 for token in self.tokens if any(ch.isalnum() for ch in token.text))
