"""Merging tagged mentions into entities."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from byline.analysis.entities import find_entities, mention_spans, merge_mentions
from byline.analysis.model import Span, Token


def _tokens(text: str) -> list[list[Token]]:
    tokens, cursor = [], 0
    for word in text.split():
        start = text.index(word, cursor)
        cursor = start + len(word)
        tokens.append(Token(start, cursor, word))
    return [tokens]


def _tagger(tags: Sequence[str]):  # type: ignore[no-untyped-def]
    return lambda sentences: [list(tags)]


def test_mention_spans_from_bio() -> None:
    text = "Jack Ma met Alibaba Group staff"
    tokens = _tokens(text)
    tags = [["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O"]]
    assert [(s.text(text), k) for s, k in mention_spans(tokens, tags)] == [
        ("Jack Ma", "PER"),
        ("Alibaba Group", "ORG"),
    ]


def test_i_tag_of_other_type_starts_new_mention() -> None:
    text = "Paris Hilton"
    found = mention_spans(_tokens(text), [["B-LOC", "I-PER"]])
    assert [(s.text(text), k) for s, k in found] == [("Paris", "LOC"), ("Hilton", "PER")]


def test_surname_joins_full_name_and_fullest_name_wins() -> None:
    text = "Ma spoke . Jack Ma spoke . Ma left"
    tags = ["B-PER", "O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "O"]
    entities = find_entities(text, _tokens(text), _tagger(tags))
    assert len(entities) == 1
    assert entities[0].name == "Jack Ma" and entities[0].type == "PER"
    assert len(entities[0].mentions) == 3


def test_possessive_and_head_word_join_organisation() -> None:
    text = "Alibaba Group said Alibaba’s sales and Alibaba grew"
    tags = ["B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "B-ORG", "O"]
    (entity,) = find_entities(text, _tokens(text), _tagger(tags))
    assert entity.name == "Alibaba Group"
    assert [m.text(text) for m in entity.mentions] == ["Alibaba Group", "Alibaba’s", "Alibaba"]


def test_acronym_joins_organisation() -> None:
    text = "International Anticounterfeiting Coalition members left the IACC"
    tags = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-ORG"]
    (entity,) = find_entities(text, _tokens(text), _tagger(tags))
    assert entity.name == "International Anticounterfeiting Coalition"
    assert len(entity.mentions) == 2


def test_type_is_majority_vote() -> None:
    text = "Gucci Gucci Gucci"
    mentions = [(Span(0, 5), "ORG"), (Span(6, 11), "ORG"), (Span(12, 17), "PER")]
    (entity,) = merge_mentions(text, mentions)
    assert entity.type == "ORG"


def test_unrelated_names_stay_apart_and_sorted_by_mentions() -> None:
    text = "Nike Nike Chanel"
    mentions = [(Span(0, 4), "ORG"), (Span(5, 9), "ORG"), (Span(10, 16), "ORG")]
    entities = merge_mentions(text, mentions)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Nike", 2), ("Chanel", 1)]


def test_acronym_rules() -> None:
    from byline.analysis.entities import is_acronym_of

    assert is_acronym_of("IACC", "International Anticounterfeiting Coalition")
    assert is_acronym_of("EU", "European Union")
    assert is_acronym_of("BBC", "British Broadcasting Corporation")
    assert not is_acronym_of("IBM", "International Anticounterfeiting Coalition")
    assert not is_acronym_of("Ma", "Jack Ma")
    assert not is_acronym_of("NATO", "Nike")


def test_junk_names_are_dropped_and_leading_the_is_not_a_name() -> None:
    text = "You said . The Coalition met on Thursday"
    tags = ["B-PER", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-MISC"]
    entities = find_entities(text, _tokens(text), _tagger(tags))
    assert [e.name for e in entities] == ["Coalition"]
    assert entities[0].mentions[0].text(text) == "The Coalition"


def test_stray_type_joins_the_dominant_entity_but_a_real_split_stays() -> None:
    text = " ".join(["Alibaba"] * 7)
    spans = [Span(i * 8, i * 8 + 7) for i in range(7)]
    noisy = [(span, "PER" if i == 3 else "ORG") for i, span in enumerate(spans)]
    (entity,) = merge_mentions(text, noisy)
    assert entity.type == "ORG" and len(entity.mentions) == 7
    balanced = [(span, "LOC" if i < 4 else "ORG") for i, span in enumerate(spans)]
    assert sorted(e.type for e in merge_mentions(text, balanced)) == ["LOC", "ORG"]


def test_headline_capitals_keep_their_own_type() -> None:
    # A dateline's "CHICAGO" is the city even where "Chicago" (the team) is an ORG.
    text = "CHICAGO Chicago Chicago"
    mentions = [(Span(0, 7), "LOC"), (Span(8, 15), "ORG"), (Span(16, 23), "ORG")]
    assert sorted(e.type for e in merge_mentions(text, mentions)) == ["LOC", "ORG"]


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("IACC", "International Anticounterfeiting Coalition", True),
        ("IACC", "International AntiCounterfeiting Coalition", True),
        ("IACC", "International Anti-Counterfeiting Coalition", True),
        ("BNA", "Bahrain News Agency", True),
        ("NASA", "National Aeronautics and Space Administration", True),
        ("SEC", "Securities and Exchange Commission", True),
        # Letters from inside a word that is not a compound do not count.
        ("BNA", "Benjamin Netanyahu", False),
        ("NATO", "Nike", False),
        ("IBM", "International Anticounterfeiting Coalition", False),
        ("Ma", "Jack Ma", False),
    ],
)
def test_acronyms_need_every_letter_from_the_words(acronym: str, name: str, expected: bool) -> None:
    from byline.analysis.entities import is_acronym_of

    assert is_acronym_of(acronym, name) is expected


def test_an_acronym_joins_only_an_entity_of_its_type() -> None:
    # "BNA" can be read as Benjamin Netanyahu's initials; it is the agency's acronym.
    text = (
        "Prime Minister Benjamin Netanyahu told the Bahrain News Agency ( BNA ) that "
        "BNA would publish it"
    )
    words = text.split()
    kinds = {"Benjamin": "B-PER", "Netanyahu": "I-PER", "Bahrain": "B-ORG", "News": "I-ORG"}
    kinds |= {"Agency": "I-ORG", "BNA": "B-ORG"}
    tags = [kinds.get(word, "O") for word in words]
    entities = find_entities(text, _tokens(text), _tagger(tags))
    by_name = {e.name: (e.type, [m.text(text) for m in e.mentions]) for e in entities}
    assert by_name["Benjamin Netanyahu"] == ("PER", ["Benjamin Netanyahu"])
    assert by_name["Bahrain News Agency"] == ("ORG", ["Bahrain News Agency", "BNA", "BNA"])


@pytest.mark.parametrize(
    ("name", "junk"),
    [
        ("US", False),  # the United States, not the pronoun
        ("UK", False),
        ("IT", False),
        ("us", True),
        ("Us", True),
        ("The", True),
        ("Thursday", True),
        ("2013", True),
        ("Alibaba", False),
    ],
)
def test_junk_filtering_is_case_sensitive(name: str, junk: bool) -> None:
    from byline.analysis.entities import is_junk

    assert is_junk(name) is junk


def test_the_us_is_kept() -> None:
    text = "He met his peers in the US ."
    tags = ["O", "O", "O", "O", "O", "O", "B-LOC", "O"]
    (entity,) = find_entities(text, _tokens(text), _tagger(tags))
    assert (entity.name, entity.type) == ("US", "LOC")


def test_a_programme_named_alone_is_the_programme() -> None:
    text = "Alibaba said its IACC MarketSafe Program grew . Since the MarketSafe program began"
    words = text.split()
    tags = ["B-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-MISC", "O", "O"]
    assert len(tags) == len(words)
    entities = find_entities(text, _tokens(text), _tagger(tags))
    (programme,) = [e for e in entities if "MarketSafe" in e.name]
    assert [m.text(text) for m in programme.mentions] == ["IACC MarketSafe Program", "MarketSafe"]
