"""Page furniture inside a story: prompts, bylines, captions, stamps, and real ledes."""

from __future__ import annotations

import pytest

from byline.analysis import furniture
from byline.analysis.model import Token


def _tagged(words: list[tuple[str, str]]) -> list[Token]:
    tokens, cursor = [], 0
    for word, tag in words:
        tokens.append(Token(cursor, cursor + len(word), word, tag))
        cursor += len(word) + 1
    return tokens


KINDS = [
    ("scroll prompt", "Scroll down for video.", "prompt"),
    ("quoted scroll prompt", "'Scroll down for videos.", "prompt"),
    ("also read", "ALSO READ: Kohli says the team will bounce back", "prompt"),
    ("also read with a bar", "Also read | Venkaiah says Centre has no plans", "prompt"),
    ("click here", "Click here for more on the story.", "prompt"),
    ("follow", "Follow @htshowbiz for more", "prompt"),
    ("watch label", "WATCH: the moment the bridge fell", "prompt"),
    ("byline dots", "By .", "byline"),
    ("byline reporter", "By . Daily Mail Reporter .", "byline"),
    ("published stamp", "PUBLISHED: 12:01 EST, 3 May 2013 | .", "byline"),
    ("updated stamp", "UPDATED: 09:15 EST, 4 May 2013 .", "byline"),
    ("caught on camera", "Caught on camera: the moment a bus slid into the river.", "caption"),
    ("pictured label", "Pictured: the house where the couple lived.", "caption"),
    ("live-blog stamp", "3.00pm BST", "stamp"),
    ("story sentence", "The council voted on Monday to close the library.", None),
    ("said colon", "He said: 'We will appeal.'", None),
    ("picture mark in a story sentence", "Sid Ahmed Ghlam (pictured) shot himself.", None),
    ("empty", "   ", None),
]


@pytest.mark.parametrize(("name", "sentence", "expected"), KINDS, ids=[k[0] for k in KINDS])
def test_kind(name: str, sentence: str, expected: str | None) -> None:
    assert furniture.kind(sentence) == expected


def test_product_caption_is_a_fragment() -> None:
    tokens = _tagged([("Chestnut", "NNP"), ("honey", "NN"), (".", ".")])
    assert furniture.kind("Chestnut honey.", tokens) == "fragment"


def test_short_sentence_with_a_verb_is_story() -> None:
    tokens = _tagged([("Prices", "NNS"), ("rose", "VBD"), (".", ".")])
    assert furniture.kind("Prices rose.", tokens) is None


def test_fragment_needs_tags() -> None:
    assert furniture.kind("Chestnut honey.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("(CNN) Hillary Clinton's campaign met on Saturday.", True),
        ("Washington (CNN) President Obama says he is committed.", True),
        ("Islamabad, Jul 31 (PTI) The ruling party's nominee faces an inquiry.", True),
        ("By Sajjad Hussain Islamabad, Jul 31 (PTI) The ruling party's nominee.", True),
        ("NEW DELHI: The government announced a new policy on Monday.", True),
        ("The government announced a new policy on Monday.", False),
        ("Tragic: the boy died in hospital.", False),
    ],
)
def test_dateline_lede(sentence: str, expected: bool) -> None:
    assert furniture.is_dateline_lede(sentence) is expected


def test_picture_mentions() -> None:
    assert furniture.mentions_picture("Kim Hill (left) was abused for years.")
    assert furniture.mentions_picture("Osborne (pictured, above) announced it.")
    assert not furniture.mentions_picture("The party (which won) celebrated.")
