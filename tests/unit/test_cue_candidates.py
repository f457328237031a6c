"""Cue candidates the model may score, and the one-word objects reported speech drops.

A colon with words on both sides in its sentence is a candidate ("Trump: Cruz has a long
way to go"), as the verbs are; a colon that ends its sentence, or one inside a quote, is
not. A one-word content is an object after a verb that is not one of speaking, and no
claim; after "said" or "told" it stays.
"""

from __future__ import annotations

import pytest

from byline.analysis.pipeline import read_document
from byline.analysis.quotes.bounds import Reported
from byline.analysis.quotes.cuemodel import features, is_candidate
from byline.analysis.quotes.reported import _bare_object
from byline.analysis.quotes.scan import QuoteScan


def _token(doc, word: str, nth: int = 0) -> int:
    found = [i for i, t in enumerate(doc.tokens) if t.text == word]
    return found[nth]


# (name, text, whether its first colon is a candidate)
COLONS = [
    ("a source, then its claim", "Headline\n\nTrump: Cruz has a long way to go on ethanol.", True),
    ("a list after a verb", "Headline\n\nThe plan has three parts: tax, trade and debt.", True),
    ("a colon that ends its sentence", "Headline\n\nHe said this:\n\nWe will win.", False),
    ("a colon inside a quote", 'Headline\n\nShe said, "The rule: nobody leaves early."', False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in COLONS], ids=[c[0] for c in COLONS])
def test_colon_candidates(text: str, expected: bool) -> None:
    doc = read_document(text)
    quoted = QuoteScan.over_stretches(doc).quoted
    assert is_candidate(doc, quoted, _token(doc, ":")) is expected


def test_colon_features_tell_a_name_from_a_clause() -> None:
    doc = read_document(
        "Headline\n\nJohn McCain: Populist Anger Appeals To Bad Angels.\n\n"
        "The plan, he said, has three parts: tax, trade and debt."
    )
    quoted = QuoteScan.over_stretches(doc).quoted
    name = features(doc, quoted, _token(doc, ":", 0))
    clause = features(doc, quoted, _token(doc, ":", 1))
    assert {"colon_before=2", "colon_caps", "colon_title_after", "colon_whole_paragraph"} <= set(
        name
    )
    assert "colon_verb_before" in clause
    assert not {"colon_caps", "colon_title_after"} & set(clause)
    assert "colon_verb_before" not in name


def test_a_verb_s_features_carry_no_colon_features() -> None:
    doc = read_document("Headline\n\nThe company said it would close the plant.")
    quoted = QuoteScan.over_stretches(doc).quoted
    assert not [f for f in features(doc, quoted, _token(doc, "said")) if f.startswith("colon")]


# (name, text, cue word, content words, whether the content is a bare object)
OBJECTS = [
    ("one word after endorsed", "Headline\n\nThe senator endorsed Cruz.", "endorsed", "Cruz", True),
    ("one word after thanked", "Headline\n\nShe thanked him warmly.", "thanked", "him", True),
    ("one word after said", "Headline\n\nShe said so.", "said", "so", False),
    ("one word after told", "Headline\n\nHe told them.", "told", "them", False),
    (
        "a clause after endorsed",
        "Headline\n\nThe senator endorsed Cruz for president.",
        "endorsed",
        "Cruz for president",
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "cue", "content", "expected"), [c[1:] for c in OBJECTS], ids=[c[0] for c in OBJECTS]
)
def test_bare_objects(text: str, cue: str, content: str, expected: bool) -> None:
    doc = read_document(text)
    anchor = _token(doc, cue)
    words = content.split()
    first = _token(doc, words[0])
    claim = Reported(anchor, (anchor, anchor), (first, first + len(words) - 1), (anchor - 1,) * 2)
    assert _bare_object(doc, claim) is expected
