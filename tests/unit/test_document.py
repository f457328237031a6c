"""The Document the stages share: its look-ups agree with its sentences and paragraphs."""

from __future__ import annotations

from byline.analysis.model import Entity, Quote, Span
from byline.analysis.pipeline import read_document

TEXT = (
    "Storm hits coast\n\n"
    "Heavy rain fell on Monday. Rivers rose in York.\n\n"
    "“We have never seen this,” said Jane Doe. Officials agreed."
)


def test_tokens_know_their_sentence_and_paragraph() -> None:
    doc = read_document(TEXT)
    assert doc.title == "Storm hits coast"
    assert [p.text(TEXT) for p in doc.paragraphs] == TEXT.split("\n\n")[1:]
    assert doc.sentence_paragraph == (0, 0, 1, 1)
    assert doc.tokens == tuple(t for sentence in doc.sentence_tokens for t in sentence)
    for i, token in enumerate(doc.tokens):
        sentence = doc.sentences[doc.token_sentence[i]]
        assert sentence.start <= token.start < token.end <= sentence.end
        assert doc.token_paragraph[i] == doc.sentence_paragraph[doc.token_sentence[i]]
        assert doc.index_at(token.start) == i


def test_offsets_find_their_paragraph_and_tokens() -> None:
    doc = read_document(TEXT)
    second = doc.paragraphs[1]
    assert doc.paragraph_at(0) == 0  # the headline stands before the first paragraph
    assert doc.paragraph_at(second.start) == 1
    assert doc.paragraph_at(second.start - 1) == 0
    assert doc.index_at(len(TEXT)) == len(doc.tokens)
    rain = doc.index_at(TEXT.index("rain"))
    assert doc.span(rain, rain + 1).text(TEXT) == "rain fell"


def test_findings_come_back_on_a_new_document_sharing_the_parts() -> None:
    doc = read_document(TEXT)
    york = TEXT.index("York")
    jane = TEXT.index("Jane")
    entities = (
        Entity("Jane Doe", "PER", (Span(jane, jane + 8),)),
        Entity("York", "LOC", (Span(york, york + 4),)),
    )
    with_entities = doc.with_entities(entities)
    assert doc.entities == () and doc.mentions == ()
    assert with_entities.entities == entities
    assert [start for start, _, _ in with_entities.mentions] == [york, jane]
    assert with_entities.tokens is doc.tokens and with_entities.layout is doc.layout
    quote = Quote(TEXT.index("“"), TEXT.index("”") + 1, "Jane Doe", None, "said")
    assert with_entities.with_quotes([quote]).quotes == (quote,)
    assert with_entities.with_quotes([quote]).entities == entities
