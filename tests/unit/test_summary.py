"""Summary ranking: permutations, headlines, redundancy, order, determinism, edge cases."""

from __future__ import annotations

import json

import pytest

from byline.analysis import summary
from byline.analysis.document import Document
from byline.analysis.layout import Layout
from byline.analysis.model import Span, Token
from byline.analysis.pipeline import analyze
from byline.evaluate.bbc import read_findings
from byline.resources import models_dir, sample_article


def _no_entities(sentences):
    return [["O"] * len(words) for words in sentences]


def _analyze(text: str):
    return analyze(text, entity_tagger=_no_entities)


def _document(text: str, title: str | None, spans, tokens) -> Document:
    """Sentences and tokens made by hand, as one paragraph with no entities or quotes."""
    body = Span(spans[0].start, spans[-1].end) if spans else Span(0, 0)
    parts = Layout(title, None, body, (body,) if spans else ())
    return Document.build(text, parts, [(span, 0) for span in spans], tokens)


STORY = """Rivers flood northern towns after storm

Heavy rain caused the river Ouse to flood three northern towns on Monday, officials said.

Hundreds of residents in York, Selby and Goole were moved from their homes as the river rose.

The Environment Agency said the river Ouse had reached its highest level since 2000.

Forecasters expect more rain later in the week, which could make the flooding worse.

Local schools were closed and several roads remain shut.

"We have never seen water this high," said one resident of Selby.
"""


@pytest.fixture(scope="module")
def sample():
    return _analyze(sample_article().read_text(encoding="utf-8"))


def test_ranks_are_a_permutation(sample) -> None:
    ranks = [s.rank for s in sample.sentences]
    assert sorted(ranks) == list(range(1, len(ranks) + 1))


def test_story_ranks_are_a_permutation() -> None:
    analysis = _analyze(STORY)
    assert sorted(s.rank for s in analysis.sentences) == list(range(1, 7))


def test_headline_is_never_a_summary_sentence() -> None:
    analysis = _analyze(STORY)
    assert analysis.title == "Rivers flood northern towns after storm"
    assert analysis.title_span is not None
    for index in analysis.summary_of(len(analysis.sentences)):
        sentence = analysis.sentences[index]
        assert sentence.start >= analysis.title_span.end
        assert analysis.title not in analysis.sentence_text(index)


def test_headline_words_do_not_add_a_sentence() -> None:
    text = STORY
    analysis = _analyze(text)
    spans = [Span(s.start, s.end) for s in analysis.sentences]
    tokens = [[t for t in analysis.tokens if s.start <= t.start < s.end] for s in spans]
    ranks = summary.rank_sentences(_document(text, analysis.title, spans, tokens))
    assert len(ranks) == len(spans)


def test_near_duplicate_is_not_picked_twice() -> None:
    lead = "The central bank raised interest rates to five percent to fight rising inflation."
    twin = "The central bank raised interest rates to five percent to fight rising inflation today."
    text = "\n\n".join(
        [
            "Bank raises rates",
            lead,
            "Inflation has risen for six months as energy and food prices climbed.",
            twin,
            "The bank said interest rates could rise again if inflation keeps rising.",
            "Shares fell after the announcement, and the pound rose against the dollar.",
        ]
    )
    analysis = _analyze(text)
    texts = [analysis.sentence_text(i) for i in analysis.summary_of(3)]
    assert not (lead in texts and twin in texts)
    # an exact repeat goes last
    repeated = _analyze(text + "\n\n" + lead)
    last = max(repeated.sentences, key=lambda s: s.rank)
    assert repeated.text[last.start : last.end] in (lead, twin)


def test_top_n_in_article_order_and_nested(sample) -> None:
    previous: tuple[int, ...] = ()
    for n in range(len(sample.sentences) + 1):
        chosen = sample.summary_of(n)
        assert len(chosen) == n
        assert list(chosen) == sorted(chosen)
        assert set(previous) <= set(chosen)
        previous = chosen
    assert sample.summary == sample.summary_of(summary.default_summary_size(len(sample.sentences)))


def test_deterministic(sample) -> None:
    again = _analyze(sample.text)
    assert [s.rank for s in again.sentences] == [s.rank for s in sample.sentences]


def test_empty_and_one_sentence() -> None:
    assert summary.rank_sentences(_document("", None, [], [])) == []
    assert _analyze("").sentences == ()
    one = _analyze("Only one sentence stands here.")
    assert [s.rank for s in one.sentences] == [1]
    assert one.summary == (0,)


def test_sentences_without_content_words() -> None:
    text = "Yes. No! ... It is."
    spans = [Span(0, 4), Span(5, 8), Span(9, 12), Span(13, 19)]
    tokens = [[Token(s.start, s.end, text[s.start : s.end], "UH")] for s in spans]
    assert sorted(summary.rank_sentences(_document(text, None, spans, tokens))) == [1, 2, 3, 4]


def test_default_summary_size_follows_editors() -> None:
    assert summary.default_summary_size(0) == 0
    assert summary.default_summary_size(1) == 1
    assert summary.default_summary_size(2) == 2
    assert summary.default_summary_size(10) == 3
    assert summary.default_summary_size(24) == 3
    assert summary.default_summary_size(25) == 4
    assert summary.default_summary_size(500) == 4


def test_shipped_weights_match_features() -> None:
    data = json.loads((models_dir() / "summary" / summary.WEIGHTS_FILE).read_text())
    assert set(data["regimes"]) == {"headline", "no_headline"}
    for model in data["regimes"].values():
        names = {part for name in model["weights"] for part in name.split("*")}
        assert names <= set(summary.FEATURES)
        assert 0.0 <= model["redundancy"] <= 3.0


def test_rate_reads_products_of_features() -> None:
    rows = [{"p0": 1.0, "degree": 0.5}, {"p0": 0.0, "degree": 1.0}]
    model = {"weights": {"p0*degree": 2.0, "degree": 1.0}, "redundancy": 0.0}
    assert summary.rate(rows, model) == [1.5, 1.0]


def test_regime_follows_the_headline() -> None:
    assert summary.load_model(headline=True) is not summary.load_model(headline=False)


LEDE_STORY = """Heavy rain flooded three northern towns on Monday, officials said.

Scroll down for video.

Hundreds of residents in York, Selby and Goole were moved from their homes as the river rose.

Caught on camera: the moment water poured into a Selby street.

The Environment Agency said the river Ouse had reached its highest level since 2000.

Forecasters expect more rain later in the week, which could make the flooding worse.

Local schools were closed and several roads remain shut.

"We have never seen water this high," said one resident of Selby.
"""


def test_furniture_ranks_last_and_the_lede_leads() -> None:
    analysis = _analyze(LEDE_STORY)
    assert analysis.title is None
    texts = [analysis.sentence_text(i) for i in range(len(analysis.sentences))]
    prompt = texts.index("Scroll down for video.")
    caption = next(i for i, t in enumerate(texts) if t.startswith("Caught on camera"))
    last_two = sorted(range(len(texts)), key=lambda i: analysis.sentences[i].rank)[-2:]
    assert set(last_two) == {prompt, caption}
    assert 0 in analysis.summary_of(3)
    assert prompt not in analysis.summary and caption not in analysis.summary


def test_no_sentence_is_repeated_in_any_summary(sample) -> None:
    for n in range(len(sample.sentences) + 1):
        chosen = sample.summary_of(n)
        assert len(set(chosen)) == len(chosen)


def test_training_reads_the_document_the_reader_ranks() -> None:
    """The summary is fitted and scored on what the pipeline hands the ranking stage."""
    text = sample_article().read_text(encoding="utf-8")
    doc = read_findings(text)
    analysis = analyze(text)
    assert doc.entities == analysis.entities and doc.entities
    assert doc.quotes == analysis.quotes and doc.quotes
    assert summary.rank_sentences(doc) == [s.rank for s in analysis.sentences]


def test_long_text_ranks_every_sentence() -> None:
    # Its cost as the text grows is measured by python -m bench (growth section).
    words = "market price company growth sales profit shares bank rate plan".split()
    text_parts, spans, tokens = [], [], []
    offset = 0
    for i in range(4000):
        sentence_words = [words[(i * 7 + k * 3) % len(words)] for k in range(12)] + [f"w{i}"]
        sentence = " ".join(sentence_words) + "."
        toks, cursor = [], offset
        for word in sentence_words:
            toks.append(Token(cursor, cursor + len(word), word, "NN"))
            cursor += len(word) + 1
        spans.append(Span(offset, offset + len(sentence)))
        tokens.append(toks)
        text_parts.append(sentence)
        offset += len(sentence) + 2
    text = "\n\n".join(text_parts)
    doc = _document(text, None, spans, tokens)
    ranks = summary.rank_sentences(doc)
    assert sorted(ranks) == list(range(1, 4001))
