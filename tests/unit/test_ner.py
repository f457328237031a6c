"""The shipped named-entity tagger and the CoNLL scoring functions."""

from __future__ import annotations

from array import array

import pytest

from byline.analysis.ner import EntityTagger, PackedWeights, load_entity_tagger
from byline.analysis.ner_tags import bilou_to_bio, bio_to_bilou
from byline.evaluate.conll import read_conll, score, spans_from_tags


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return load_entity_tagger()


def entities(words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(words[s:e]), kind) for s, e, kind in sorted(spans_from_tags(tags))]


def test_model_loads_and_is_cached(tagger: EntityTagger) -> None:
    assert load_entity_tagger() is tagger
    assert len(tagger.weights) > 1000


def test_alibaba_sentence(tagger: EntityTagger) -> None:
    words = "Jack Ma founded Alibaba Group in Hangzhou .".split()
    tags = tagger.tag(words)
    assert tags == ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Angela Merkel met officials from the European Union in Brussels on Monday .",
            [("Angela Merkel", "PER"), ("European Union", "ORG"), ("Brussels", "LOC")],
        ),
        (
            "Shares of Microsoft rose 3 percent in New York after the report .",
            [("Microsoft", "ORG"), ("New York", "LOC")],
        ),
        (
            "The German striker scored twice for Bayern Munich , coach Otto Rehhagel said .",
            [("German", "MISC"), ("Bayern Munich", "ORG"), ("Otto Rehhagel", "PER")],
        ),
    ],
)
def test_hand_written_sentences(
    tagger: EntityTagger, sentence: str, expected: list[tuple[str, str]]
) -> None:
    words = sentence.split()
    assert entities(words, tagger.tag(words)) == expected


def test_one_tag_per_word(tagger: EntityTagger) -> None:
    sentences = [
        "Reuters reported the news from London .".split(),
        ["Hello"],
        "it was raining in paris , said mr. smith".split(),
    ]
    tagged = tagger.tag_document(sentences)
    assert [len(tags) for tags in tagged] == [len(words) for words in sentences]
    valid = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PER", "ORG", "LOC", "MISC")}
    for tags in tagged:
        assert set(tags) <= valid
        for prev, cur in zip(["O", *tags], tags, strict=False):
            if cur.startswith("I-"):
                assert prev[2:] == cur[2:]


def test_empty_input(tagger: EntityTagger) -> None:
    assert tagger.tag([]) == []
    assert tagger.tag_document([]) == []
    assert tagger.tag_document([[], ["Paris"]])[0] == []


def test_tagging_is_deterministic(tagger: EntityTagger) -> None:
    words = "Jack Ma founded Alibaba Group in Hangzhou .".split()
    assert tagger.tag(words) == tagger.tag(words)


def test_spans_from_iob1_and_bio() -> None:
    iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]
    assert spans_from_tags(iob1) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")}
    bio = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"]
    assert spans_from_tags(bio) == spans_from_tags(iob1)
    # An I- after O or after another type opens a chunk, as conlleval reads it.
    assert spans_from_tags(["O", "I-MISC", "I-PER"]) == {(1, 2, "MISC"), (2, 3, "PER")}
    assert spans_from_tags([]) == set()


def test_bilou_round_trip() -> None:
    iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-LOC", "I-ORG"]
    bilou = bio_to_bilou(iob1)
    assert bilou == ["B-PER", "L-PER", "O", "U-LOC", "B-LOC", "L-LOC", "U-ORG"]
    assert spans_from_tags(bilou_to_bio(bilou)) == spans_from_tags(iob1)


def test_score_known_values() -> None:
    gold = [
        ["B-PER", "I-PER", "O", "B-ORG", "O"],
        ["B-LOC", "O", "B-LOC"],
    ]
    pred = [
        ["B-PER", "I-PER", "O", "B-LOC", "O"],  # PER right, ORG mistyped as LOC
        ["B-LOC", "O", "O"],  # one LOC found, one missed
    ]
    result = score(gold, pred)
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (2, 1, 2)
    assert overall["precision"] == pytest.approx(2 / 3)
    assert overall["recall"] == pytest.approx(2 / 4)
    assert overall["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert result["PER"]["f1"] == pytest.approx(1.0)
    assert result["ORG"]["recall"] == 0.0 and result["ORG"]["precision"] == 0.0
    assert result["LOC"]["precision"] == pytest.approx(1 / 2)
    assert result["LOC"]["recall"] == pytest.approx(1 / 2)


def test_score_rejects_misaligned() -> None:
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])


def test_read_conll(tmp_path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(
        "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n"
        "Peter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n",
        encoding="utf-8",
    )
    docs = read_conll(path)
    assert len(docs) == 2
    assert docs[0].sentences == [["EU", "rejects"], ["Peter"]]
    assert docs[0].tags == [["I-ORG", "O"], ["I-PER"]]
    assert docs[1].sentences == [["Bonn"]]


# -- the error kinds seen on today's news, end to end with the shipped model ----------


def _entities(text: str) -> dict[str, str]:
    from byline.analysis.pipeline import analyze

    analysis = analyze(text)
    return {m.text(text): e.type for e in analysis.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Prime Minister Benjamin Netanyahu spoke to the Bahrain News Agency (BNA) on "
            "Sunday. BNA later published the interview.",
            {"Benjamin Netanyahu": "PER", "Bahrain News Agency": "ORG", "BNA": "ORG"},
            ["Prime Minister Benjamin Netanyahu"],
        ),
        (
            "The minister said he had talked to his peers in the US about the deal.",
            {"US": "LOC"},
            [],
        ),
        (
            "The U.S. Securities and Exchange Commission fined the bank on Monday.",
            {"U.S. Securities and Exchange Commission": "ORG"},
            ["Exchange Commission"],
        ),
        (
            "California Attorney General Xavier Becerra sued the company on Tuesday.",
            {"California": "LOC", "Xavier Becerra": "PER"},
            ["California Attorney General Xavier Becerra", "Attorney General"],
        ),
        (
            "European Commission President Ursula von der Leyen said the plan would work.",
            {"Ursula von der Leyen": "PER"},
            ["Leyen"],
        ),
        (
            "Jack Ma founded Alibaba Group in Hangzhou, China.",
            {"Jack Ma": "PER", "Alibaba Group": "ORG", "Hangzhou": "LOC"},
            ["Jack Ma founded Alibaba"],
        ),
        (
            "PARIS, Dec 7 (Reuters) - French shares rose on Monday.",
            {"PARIS": "LOC", "Reuters": "ORG"},
            ["Dec"],
        ),
    ],
)
def test_news_error_kinds(text: str, expected: dict[str, str], absent: list[str]) -> None:
    found = _entities(text)
    for name, kind in expected.items():
        assert found.get(name) == kind, (name, found)
    for name in absent:
        assert name not in found, (name, found)


def test_the_weight_cache_keeps_only_features_the_model_has() -> None:
    # A long article's word pairs are mostly unknown to the model: caching each as
    # "no weights" grew the cache by 340,000 entries (60 MB) on a 1 MB article.
    weights = PackedWeights.from_rows(3, {"w=Nike": ((1, 0.5),), "b": ((0, 1.0), (2, -1.0))})
    assert weights.lookup("w=Nike") == (0.0, 0.5, 0.0)
    assert weights.lookup("l-1|l=never|seen") is None
    assert weights.total(["b", "w=Nike", "w=unknown"]) == (1.0, 0.5, -1.0)
    assert set(weights.cache) == {"w=Nike", "b"}


def test_tagging_keeps_compact_scores(tagger: EntityTagger) -> None:
    tags, scores = tagger.tag_scored([["Nike", "said", "."], ["Ma", "left"]])
    assert [len(row) for row in scores] == [3, 2]
    assert all(
        isinstance(word, array) and len(word) == len(tagger.classes)
        for row in scores
        for word in row
    )
