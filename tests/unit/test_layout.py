"""Article layout: headline, paragraphs, trailing page furniture."""

from __future__ import annotations

import pytest

from byline.analysis.layout import is_furniture, layout, looks_like_headline, split_paragraphs

HEADLINES = [
    ("short headline", "Alibaba faces exodus at anti-fake group", True),
    ("question headline", "Will the IACC survive?", True),
    ("sentence with period", "Alibaba joined the nonprofit in April.", False),
    (
        "dateline lead",
        "WASHINGTON — The coalition is said to be facing the threat of an exodus "
        "of a majority of its brand members over Alibaba Group having joined, "
        "according to a letter.",
        False,
    ),
    ("empty", "   ", False),
    ("question with a label", "Analysis: No pain, no gain?", True),
    ("quoted headline", "Rank 'set to sell off film unit'", True),
    # Openings of CNN/DailyMail stories that have no headline line at all.
    ("agency tag", "(CNN) Are we alone in the cosmos?", False),
    ("place and agency tag", "Kiev, Ukraine (CNN) Who might be murdering allies?", False),
    ("exclamation", "Easter is here!", False),
    (
        "sentence closed in quotes",
        "Hillary Clinton said it should be a 'constitutional right.'",
        False,
    ),
    (
        "long question",
        "What are the chances of finding musical talent by randomly approaching people?",
        False,
    ),
    ("question after a comma", "Frozen salt and vinegar crisp, anyone?", False),
    ("live-blog time stamp", "3.00pm BST", False),
]


@pytest.mark.parametrize(("name", "line", "expected"), HEADLINES, ids=[h[0] for h in HEADLINES])
def test_looks_like_headline(name: str, line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_title_is_first_line_when_headline() -> None:
    text = "Ad sales boost Time Warner profit\n\nQuarterly profits rose 76%.\n\nIt said so.\n"
    parts = layout(text)
    assert parts.title == "Ad sales boost Time Warner profit"
    assert parts.title_span is not None and parts.title_span.start == 0
    assert [p.text(text) for p in parts.paragraphs] == [
        "Quarterly profits rose 76%.",
        "It said so.",
    ]
    assert parts.body.start == text.index("Quarterly")


def test_no_title_when_first_paragraph_is_a_sentence() -> None:
    text = "Alibaba joined the nonprofit in April.\n\nMembers include Nike."
    parts = layout(text)
    assert parts.title is None
    assert len(parts.paragraphs) == 2


def test_story_without_headline_keeps_its_first_sentence() -> None:
    text = "(CNN) Is America a nation divided?\n\nA new poll says it is.\n\nMost agree."
    parts = layout(text)
    assert parts.title is None
    assert parts.paragraphs[0].text(text) == "(CNN) Is America a nation divided?"


def test_single_paragraph_is_never_a_title() -> None:
    assert layout("Just a headline").title is None


def test_trailing_furniture_is_not_story() -> None:
    text = "Title here\n\nThe story.\n\nload comments\nblog comments powered by Disqus\n"
    parts = layout(text)
    assert parts.body.end == text.index("The story.") + len("The story.")
    assert [p.text(text) for p in parts.paragraphs] == ["The story."]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("load comments", True),
        ("blog comments powered by Disqus", True),
        ("Advertisement", True),
        ("Share this article", True),
        ("The comments of the minister were sharp.", False),
        (
            "Read more about it in a long sentence that keeps going and going on about the topic "
            "beyond any menu",
            False,
        ),
    ],
)
def test_is_furniture(paragraph: str, expected: bool) -> None:
    assert is_furniture(paragraph) is expected


def test_lines_are_paragraphs_without_blank_lines() -> None:
    text = "First line.\nSecond line.\n"
    assert [p.text(text) for p in split_paragraphs(text)] == ["First line.", "Second line."]


def test_blank_lines_separate_and_single_newlines_wrap() -> None:
    text = "One sentence\nwrapped here.\n\n  Two.  \n"
    spans = split_paragraphs(text)
    assert [s.text(text) for s in spans] == ["One sentence\nwrapped here.", "Two."]


def test_empty_text() -> None:
    parts = layout("")
    assert parts.paragraphs == () and parts.title is None and parts.body.start == 0


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_of_every_kind(newline: str) -> None:
    text = newline.join(["Headline here", "", "First para.", "", "Second para.", ""])
    parts = layout(text)
    assert parts.title == "Headline here"
    assert [p.text(text) for p in parts.paragraphs] == ["First para.", "Second para."]


def test_single_crlf_is_not_a_paragraph_break() -> None:
    text = "One line\r\nwrapped.\r\n\r\nNext."
    assert [p.text(text) for p in split_paragraphs(text)] == ["One line\r\nwrapped.", "Next."]
