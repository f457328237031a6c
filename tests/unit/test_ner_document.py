"""The span rules and document-level passes that run after the entity tagger.

Table-driven: each row is one error kind the tagger was seen to make on news, with the
tags it gave and the names that must come out.
"""

from __future__ import annotations

import pytest

from byline.analysis.gazetteers import Lexicons
from byline.analysis.ner_document import settle_document
from byline.analysis.ner_features import FeatureExtractor
from byline.analysis.ner_spans import (
    bridge_gaps,
    drop_dates,
    drop_layout,
    join_and,
    join_particles,
    legal_forms,
    spans_of,
    split_titles,
    tags_of,
    trim_edges,
)
from byline.analysis.ner_tags import bilou_classes

LISTS = {
    "california": ("REGION",),
    "xavier": ("FN",),
    "benjamin": ("FN",),
    "sony": ("CO",),
}


def lists(phrase: str) -> tuple[str, ...]:
    return LISTS.get(phrase, ())


def names(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(" ".join(words[s:e]), k) for s, e, k in sorted(spans)]


def bio(words: list[str], marks: str) -> list[str]:
    """Tags from one letter a word: P/O/L/M (opening PER/ORG/LOC/MISC), p/o/l/m inside, _ none."""
    kinds = {"p": "PER", "o": "ORG", "l": "LOC", "m": "MISC"}
    assert len(marks) == len(words), (marks, words)
    return ["O" if m == "_" else ("B-" if m.isupper() else "I-") + kinds[m.lower()] for m in marks]


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        # Titles stay outside names; the place before the title keeps its own span.
        (
            "California Attorney General Xavier Becerra said",
            "Ooooo_",
            [("California", "LOC"), ("Xavier Becerra", "PER")],
        ),
        (
            "Prime Minister Benjamin Netanyahu met",
            "Pppp_",
            [("Benjamin Netanyahu", "PER")],
        ),
        # A military rank is a title too.
        (
            "Deputy Prime Minister Gen Prawit Wongsuwan said",
            "Pppppp_",
            [("Prawit Wongsuwan", "PER")],
        ),
        ("Lt. Col. Alexander Vindman testified", "Pppp_", [("Alexander Vindman", "PER")]),
        ("Gen Prawit said", "Pp_", [("Prawit", "PER")]),
        # An organisation's name that only looks like a title stays whole.
        ("shares of General Motors rose", "__Oo_", [("General Motors", "ORG")]),
        (
            "the Attorney General 's Office said",
            "_Oo___",
            [("Attorney General", "ORG")],
        ),
    ],
)
def test_titles_stay_outside_names(sentence: str, marks: str, expected: list) -> None:
    words = sentence.split()
    assert names(words, split_titles(words, spans_of(bio(words, marks)), lists)) == expected


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        (
            "The U.S. Securities and Exchange Commission said",
            "_L__Pp_",
            [("U.S. Securities and Exchange Commission", "ORG")],
        ),
        ("brands such as Tiffany & Co. left", "___O_O_", [("Tiffany & Co.", "ORG")]),
        ("Procter & Gamble rose", "P_L_", [("Procter & Gamble", "ORG")]),
        # A name complete before "and" (a head or a legal form ends it) is one of two.
        (
            "Johnson Controls Inc and Lear Corp rose",
            "Ooo_Oo_",
            [("Johnson Controls Inc", "ORG"), ("Lear Corp", "ORG")],
        ),
        # Two known names joined by "and" stay two.
        ("Sony and Samsung Group", "O_Oo", [("Sony", "ORG"), ("Samsung Group", "ORG")]),
        # Nothing after "and" is a name: nothing to join.
        ("Britain and others agreed", "L___", [("Britain", "LOC")]),
    ],
)
def test_and_inside_organisation_names(sentence: str, marks: str, expected: list) -> None:
    words = sentence.split()
    assert names(words, join_and(words, spans_of(bio(words, marks)), lists)) == expected


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        ("Ursula von der Leyen said", "P__P_", [("Ursula von der Leyen", "PER")]),
        ("von der Leyen said", "__P_", [("von der Leyen", "PER")]),
        ("Charles de Gaulle airport", "P_P_", [("Charles de Gaulle", "PER")]),
        # A particle before a name that follows another name is not pulled in.
        ("Paris de Gaulle", "L_P", [("Paris", "LOC"), ("Gaulle", "PER")]),
    ],
)
def test_particles_stay_in_surnames(sentence: str, marks: str, expected: list) -> None:
    words = sentence.split()
    assert names(words, join_particles(words, spans_of(bio(words, marks)))) == expected


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        ("PARIS , Dec 7 ( Reuters ) -", "L_O__O__", [("PARIS", "LOC"), ("Reuters", "ORG")]),
        ("the conference on May 18 in Orlando", "___M__L", [("Orlando", "LOC")]),
        ("Theresa May 18 times", "Pp__", [("Theresa May", "PER")]),
    ],
)
def test_dateline_months_are_dates(sentence: str, marks: str, expected: list) -> None:
    words = sentence.split()
    assert names(words, drop_dates(words, spans_of(bio(words, marks)))) == expected


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        ("Slideshow ( 5 images )", "P____", []),
        ("FILE PHOTO : A tanker", "Oo___", []),
        ("Slideshow Inc said", "Oo_", [("Slideshow Inc", "ORG")]),
    ],
)
def test_picture_furniture_is_not_a_name(sentence: str, marks: str, expected: list) -> None:
    words = sentence.split()
    assert names(words, drop_layout(words, spans_of(bio(words, marks)))) == expected


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        # A name runs on into the mark or the lowercase word after it: trimmed.
        ("“ Too Close , ” a parable", "_Mmmm__", [("Too Close", "MISC")]),
        ("Vince - were you there", "Pp___", [("Vince", "PER")]),
        ("Canal + with the film", "Oooo_", [("Canal +", "ORG")]),
        ("‘ Forest Satyagraha ’ began", "Oooo_", [("Forest Satyagraha", "ORG")]),
        # Nor does it start on a lowercase word before it; a capital counts.
        ("Surrey v Kent drew", "_Ll_", [("Kent", "LOC")]),
        ("protests in Kerala grew", "_Ll_", [("Kerala", "LOC")]),
        ("The Hague ruled", "Ll_", [("The Hague", "LOC")]),
        # A lone mark is never a name.
        ("… … and then", "PP__", []),
        # Marks that close a name stay.
        ("Yahoo ! shares", "Oo_", [("Yahoo !", "ORG")]),
        ("the U.S . economy", "_Ll_", [("U.S .", "LOC")]),
        ("Acme ( UK ) Ltd", "Oooo_", [("Acme ( UK )", "ORG")]),
        ("JSD Rab ) said", "Ppp_", [("JSD Rab", "PER")]),
        # "and" inside a name is not at its end.
        ("Procter and Gamble said", "Ooo_", [("Procter and Gamble", "ORG")]),
    ],
)
def test_a_name_does_not_start_or_end_on_a_mark(sentence: str, marks: str, expected: list) -> None:
    words = sentence.split()
    assert names(words, trim_edges(words, spans_of(bio(words, marks)))) == expected


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        ("shares of Yara ASA rose", "__Pp_", [("Yara ASA", "ORG")]),
        ("shares of Yara ASA rose", "__O__", [("Yara ASA", "ORG")]),
        ("Moncler SpA said", "Ll_", [("Moncler SpA", "ORG")]),
        # Case counts: a lowercase word is not a legal form.
        ("John Smith as chairman", "Pp__", [("John Smith", "PER")]),
    ],
)
def test_a_legal_form_makes_a_company(sentence: str, marks: str, expected: list) -> None:
    words = sentence.split()
    assert names(words, legal_forms(words, spans_of(bio(words, marks)))) == expected


@pytest.mark.parametrize(
    ("sentence", "marks", "expected"),
    [
        (
            "The International Anticounterfeiting Coalition said",
            "Oo_O_",
            [("The International Anticounterfeiting Coalition", "ORG")],
        ),
        ("its IACC MarketSafe Program grew", "_M_M_", [("IACC MarketSafe Program", "MISC")]),
        # A known word between two names keeps them apart, and so do capitals.
        ("Paris Brazil Rome", "L_L", [("Paris", "LOC"), ("Rome", "LOC")]),
        ("ENGLAND BEAT PAKISTAN", "L_L", [("ENGLAND", "LOC"), ("PAKISTAN", "LOC")]),
        ("Italy Anticounterfeiting Smith", "L_P", [("Italy", "LOC"), ("Smith", "PER")]),
    ],
)
def test_unseen_words_between_two_names_join_them(
    sentence: str, marks: str, expected: list
) -> None:
    words = sentence.split()
    seen = {"brazil", "beat"}
    found = bridge_gaps(words, spans_of(bio(words, marks)), lambda w: w.lower() in seen)
    assert names(words, found) == expected


def test_spans_and_tags_round_trip() -> None:
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]
    assert tags_of(spans_of(tags), len(tags)) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"]


# -- document-level passes, with class scores made up for the test ------------------


def _extractor() -> FeatureExtractor:
    known = {"michael kors": ["BRAND"], "gucci": ["BRAND"], "sony": ["CO"]}
    return FeatureExtractor(Lexicons.build(known, {}, (), {}))


def _scores(sentences: list[list[str]], strength: dict[str, dict[str, float]]) -> list:
    """Class scores: each word opens the types ``strength`` gives it, every other class 0."""
    classes = bilou_classes()
    out = []
    for words in sentences:
        rows = []
        for word in words:
            row = [0.0] * len(classes)
            for kind, value in strength.get(word, {}).items():
                row[classes.index("B-" + kind)] = value
                row[classes.index("U-" + kind)] = value
            rows.append(row)
        out.append(rows)
    return out


@pytest.mark.parametrize(
    ("sentence", "marks", "strength", "expected"),
    [
        # The sample article's brand list: two items were typed as places or people, one
        # was missed; the list's summed evidence says organisations.
        (
            "brands include Chanel , Coach , Hugo Boss , Nike and Apple .",
            "__L___Pp_P_O_",
            {
                "Chanel": {"LOC": 2, "ORG": 1},
                "Coach": {"ORG": 1},
                "Hugo": {"PER": 3, "ORG": 2},
                "Nike": {"PER": 2, "ORG": 4},
                "Apple": {"ORG": 9},
            },
            [
                ("Chanel", "ORG"),
                ("Coach", "ORG"),
                ("Hugo Boss", "ORG"),
                ("Nike", "ORG"),
                ("Apple", "ORG"),
            ],
        ),
        # Two names the word lists know as companies are companies.
        (
            "two brands — Michael Kors and Gucci — left",
            "___Pp_L__",
            {"Michael": {"PER": 4}, "Gucci": {"LOC": 1}},
            [("Michael Kors", "ORG"), ("Gucci", "ORG")],
        ),
        # Two names and "and" are not a list: each keeps its type.
        (
            "Sony and Merkel met .",
            "O_P__",
            {"Sony": {"ORG": 5}, "Merkel": {"PER": 5}},
            [("Sony", "ORG"), ("Merkel", "PER")],
        ),
    ],
)
def test_a_coordinated_list_shares_one_type(
    sentence: str, marks: str, strength: dict, expected: list
) -> None:
    words = sentence.split()
    sentences = [words]
    settled = settle_document(
        sentences, [bio(words, marks)], _scores(sentences, strength), bilou_classes(), _extractor()
    )
    assert names(words, spans_of(settled[0])) == expected


def test_a_name_keeps_one_type_across_the_story() -> None:
    sentences = [s.split() for s in ("Alibaba said .", "Alibaba rose .", "Alibaba fell .")]
    tags = [["B-ORG", "O", "O"], ["B-PER", "O", "O"], ["B-ORG", "O", "O"]]
    strength = {"Alibaba": {"ORG": 1.0, "PER": 1.0}}
    settled = settle_document(
        sentences, tags, _scores(sentences, strength), bilou_classes(), _extractor()
    )
    assert [t[0] for t in settled] == ["B-ORG"] * 3


def test_a_sure_mention_keeps_its_own_type() -> None:
    # The player and the country: the tagger was sure each time, so the story has both.
    sentences = [s.split() for s in ("Jordan said .", "Jordan said .", "in Jordan .")]
    tags = [["B-PER", "O", "O"]] * 2 + [["O", "B-LOC", "O"]]
    classes = bilou_classes()
    scores = _scores(sentences, {"Jordan": {"PER": 8}})
    scores[2][1][classes.index("U-LOC")] = 20.0
    settled = settle_document(sentences, tags, scores, classes, _extractor())
    assert [spans_of(t) for t in settled] == [[(0, 1, "PER")], [(0, 1, "PER")], [(1, 2, "LOC")]]


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    sentences = [s.split() for s in ("Jack Ma spoke .", "Ma left .")]
    tags = [["B-PER", "I-PER", "O", "O"], ["B-ORG", "O", "O"]]
    strength = {"Ma": {"ORG": 1, "PER": 0.5}}
    settled = settle_document(
        sentences, tags, _scores(sentences, strength), bilou_classes(), _extractor()
    )
    assert settled[1][0] == "B-PER"
