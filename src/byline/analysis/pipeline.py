"""The analysis pipeline: text in, :class:`Analysis` out.

Stages run in order (layout, sentences, tokens and tags, entities, quotes, ranking) and
their costs are kept in ``Analysis.timings``. Must not import Textual.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from byline.analysis import entities, layout, nlp, quotes, summary
from byline.analysis.model import Analysis, Sentence, Span, Token


class AnalysisCancelled(Exception):
    """Raised between stages when the caller asked to stop."""


def _entity_tagger() -> entities.Tagger:
    from byline.analysis.ner import load_entity_tagger

    return load_entity_tagger().tag_document


def split_sentences(text: str, paragraphs: Sequence[Span]) -> list[tuple[Span, int]]:
    """Sentences of each paragraph, with the paragraph's index."""
    return [
        (Span(start, end), index)
        for index, paragraph in enumerate(paragraphs)
        for start, end in nlp.sentence_spans(text, paragraph.start, paragraph.end)
    ]


def tokenize(text: str, sentences: Sequence[Span]) -> list[list[Token]]:
    """Tokens of each sentence with their POS tags."""
    result = []
    for sentence in sentences:
        spans = nlp.word_spans(text, sentence.start, sentence.end)
        words = [text[s:e] for s, e in spans]
        tags = nlp.pos_tags(words)
        result.append([Token(s, e, w, t) for (s, e), w, t in zip(spans, words, tags, strict=True)])
    return result


def analyze(
    text: str,
    *,
    should_stop: Callable[[], bool] | None = None,
    entity_tagger: entities.Tagger | None = None,
) -> Analysis:
    """Analyse an article.

    Args:
        text: the article exactly as read; every offset in the result indexes it.
        should_stop: polled between stages; when it returns True the analysis raises
            :class:`AnalysisCancelled`.
        entity_tagger: overrides the shipped entity tagger (tests, evaluation).

    Returns:
        The article's layout, sentences with summary ranks, tokens, entities and quotes.
    """
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now
        if should_stop is not None and should_stop():
            raise AnalysisCancelled(stage)

    parts = layout.layout(text)
    lap("layout")
    sentence_spans = split_sentences(text, parts.paragraphs)
    spans = [span for span, _ in sentence_spans]
    lap("sentences")
    tokens = tokenize(text, spans)
    lap("tags")
    tagger = entity_tagger or _entity_tagger()
    # The headline names people and places too; it is tagged but never ranked.
    headline = tokenize(text, [parts.title_span]) if parts.title_span else []
    found_entities = entities.find_entities(text, headline + tokens, tagger)
    lap("entities")
    found_quotes = quotes.find_quotes(text, parts.paragraphs, spans, tokens, found_entities)
    lap("quotes")
    ranks = summary.rank_sentences(text, parts.title, spans, tokens, found_entities, found_quotes)
    sentences = tuple(
        Sentence(span.start, span.end, paragraph, rank)
        for (span, paragraph), rank in zip(sentence_spans, ranks, strict=True)
    )
    size = summary.default_summary_size(len(sentences))
    best = sorted(range(len(sentences)), key=lambda i: sentences[i].rank)[:size]
    lap("ranking")
    return Analysis(
        text=text,
        title=parts.title,
        title_span=parts.title_span,
        body=parts.body,
        paragraphs=parts.paragraphs,
        sentences=sentences,
        tokens=tuple(token for sentence in tokens for token in sentence),
        entities=found_entities,
        quotes=found_quotes,
        summary=tuple(sorted(best)),
        timings=timings,
    )
