"""The analysis pipeline: text in, :class:`Analysis` out.

Stages run in order (layout, sentences, tokens and tags, entities, quotes, attributions,
ranking) and
their costs are kept in ``Analysis.timings``. The first three build the
:class:`~byline.analysis.document.Document` every later stage reads.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence

from byline.analysis import entities, layout, nlp, quotes, summary
from byline.analysis.document import Document
from byline.analysis.language import detect_language
from byline.analysis.model import Analysis, Sentence, Span, Token
from byline.collector import for_life

STAGES = ("layout", "sentences", "tags", "entities", "quotes", "attributions", "ranking")
"""The stages in the order they run: the keys of ``Analysis.timings``, and the names
``analyze``'s ``progress`` hears as each stage ends."""


class AnalysisCancelledError(Exception):
    """Raised between stages when the caller asked to stop."""


def _entity_tagger() -> entities.Tagger:
    from byline.analysis.ner import load_entity_tagger

    return load_entity_tagger().tag_document


def load_models() -> None:
    """Load every shipped model now rather than during the first analysis (each is
    loaded once a process; a model that fails raises here as it would there)."""
    from byline.analysis.language import language_name
    from byline.analysis.quotes.cuemodel import load_cue_model
    from byline.analysis.quotes.roles import load_role_tagger

    nlp.load_models()
    _entity_tagger()
    load_cue_model()
    load_role_tagger()
    summary.load_models()
    language_name("en")


def load_models_for_life() -> None:
    """For a process that lives to analyse (the reader's child, ``byline analyze``): load
    every model now and freeze it (``byline.collector.for_life``), so that no collection
    scans it again. A model that fails to load is left to the first analysis, which
    reports why."""
    with for_life(), contextlib.suppress(Exception):
        load_models()


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


def _no_lap(stage: str) -> None:
    del stage


def read_document(text: str, lap: Callable[[str], None] = _no_lap) -> Document:
    """The article's layout, sentences and tagged tokens as one document.

    Args:
        text: the article exactly as read.
        lap: called after each stage ("layout", "sentences", "tags") with its name.
    """
    parts = layout.layout(text)
    lap("layout")
    sentences = split_sentences(text, parts.paragraphs)
    lap("sentences")
    tokens = tokenize(text, [span for span, _ in sentences])
    document = Document.build(text, parts, sentences, tokens)
    lap("tags")
    return document


def analyze(
    text: str,
    *,
    should_stop: Callable[[], bool] | None = None,
    entity_tagger: entities.Tagger | None = None,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Analyse an article.

    Args:
        text: the article exactly as read; every offset in the result indexes it.
        should_stop: polled between stages; when it returns True the analysis raises
            :class:`AnalysisCancelledError`.
        entity_tagger: overrides the shipped entity tagger (tests, evaluation).
        progress: called with each stage's name (:data:`STAGES`) as it ends, so a reader
            can show how far a long article got.

    Returns:
        The article's layout, sentences with summary ranks, tokens, entities, quotes,
        attributions and hedges.
    """
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now
        if progress is not None:
            progress(stage)
        if should_stop is not None and should_stop():
            raise AnalysisCancelledError(stage)

    doc = read_document(text, lap)
    tagger = entity_tagger or _entity_tagger()
    # The headline names people and places too; it is tagged but never ranked.
    headline = tokenize(text, [doc.title_span]) if doc.title_span else []
    doc = doc.with_entities(entities.find_entities(text, [*headline, *doc.sentence_tokens], tagger))
    lap("entities")
    doc = doc.with_quotes(quotes.find_quotes(doc))
    lap("quotes")
    doc = doc.with_attributions(*quotes.find_attributions(doc))
    lap("attributions")
    ranks = summary.rank_sentences(doc)
    sentences = tuple(
        Sentence(span.start, span.end, paragraph, rank)
        for span, paragraph, rank in zip(doc.sentences, doc.sentence_paragraph, ranks, strict=True)
    )
    size = summary.default_summary_size(len(sentences))
    best = sorted(range(len(sentences)), key=lambda i: sentences[i].rank)[:size]
    lap("ranking")
    return Analysis(
        text=text,
        title=doc.title,
        title_span=doc.title_span,
        body=doc.body,
        paragraphs=doc.paragraphs,
        sentences=sentences,
        tokens=doc.tokens,
        entities=doc.entities,
        quotes=doc.quotes,
        summary=tuple(sorted(best)),
        attributions=doc.attributions,
        hedges=doc.hedges,
        timings=timings,
        language=detect_language(text),
    )
