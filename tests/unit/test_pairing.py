"""Quotation marks pair by shape and by the way they face; apostrophes never pair."""

from __future__ import annotations

import pytest

from byline.analysis.layout import split_paragraphs
from byline.analysis.quotes.pairing import quoted_stretches
from tests.conftest import capitalised_tagger, pipeline_with

analyze = pipeline_with(capitalised_tagger)


def _stretches(text: str) -> list[str]:
    return [text[s:e] for s, e in quoted_stretches(text, split_paragraphs(text))]


# (name, text, the stretches found in it)
STRETCHES = [
    (
        "lost paragraph break: a new opening mark closes the open quote",
        'Ms Hewitt said: "We have taken it up to 26 weeks. "We are going to extend the pay '
        'by 2007." She said new mothers were already entitled to more.',
        ['"We have taken it up to 26 weeks.', '"We are going to extend the pay by 2007."'],
    ),
    (
        "a closing mark that faces forward is an opening one",
        'He said: "We will win. "Nobody doubts it," he added. She said the vote was close.',
        ['"We will win.', '"Nobody doubts it,"'],
    ),
    (
        "a continued paragraph is one stretch",
        "“The first part runs on,\n\n“and the second part ends it,” Jo Park said.",
        ["“The first part runs on,\n\n“and the second part ends it,”"],
    ),
    (
        "doubled apostrophes are double marks",
        "''We have to look at it again,'' Mrs. Clinton said. ''It cannot be contained.''",
        ["''We have to look at it again,''", "''It cannot be contained.''"],
    ),
    (
        "single marks as quotation marks",
        "The 31-year-old said: 'It's been over seven months since it happened.'",
        ["'It's been over seven months since it happened.'"],
    ),
    (
        "curly single marks with a space inside, continued",
        "The filmmaker wrote: ‘ we had just come out of the bear’s exhibit.\n\n"
        "‘ I quickly grabbed my camera.\n\nThe elephant walked on.",
        ["‘ we had just come out of the bear’s exhibit.\n\n‘ I quickly grabbed my camera."],
    ),
    (
        "apostrophes: it's, the '90s, Jones' car, rock 'n' roll",
        "It's the '90s again in Jones' car, and rock 'n' roll is back on the radio.",
        [],
    ),
    (
        "a plural possessive inside a single quote",
        "She said: 'The residents' association will meet on Monday.'",
        ["'The residents' association will meet on Monday.'"],
    ),
    (
        "a single mark after s closes before a function word",
        "He called it the 'Thousands of Shootings' in Chicago last year.",
        ["'Thousands of Shootings'"],
    ),
    (
        "single marks nested in double ones stay inside",
        "“He told me ‘go home now’ and then he left,” Ann Lee said.",
        ["“He told me ‘go home now’ and then he left,”"],
    ),
    (
        "a single quote left open is not trusted",
        "Using a 'bot net of machines makes attacks hard. Other 'bot nets were used too.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), STRETCHES, ids=[c[0] for c in STRETCHES])
def test_stretches(name: str, text: str, expected: list[str]) -> None:
    assert _stretches(text) == expected, name


# (name, text, the quotes' words, the speaker words of each)
QUOTES = [
    (
        "narration between two quotes of a lost paragraph break is no quote",
        'The plan was announced on Sunday.\n\nMs Hewitt said: "We have already doubled '
        'the length of maternity pay. "We are going to extend the pay to nine months by '
        '2007." She said new mothers were already entitled to 12 months leave.',
        [
            '"We have already doubled the length of maternity pay.',
            '"We are going to extend the pay to nine months by 2007."',
        ],
    ),
    (
        "single-mark quotes with their speakers",
        "Rain fell all day.\n\nThe coach said: 'We had a training session with two groups.'\n\n"
        "'He was fine and he will play on Saturday,' Simeone told a news conference.",
        [
            "'We had a training session with two groups.'",
            "'He was fine and he will play on Saturday,'",
        ],
    ),
    (
        "single-mark scare quotes are not quotes",
        "She described her sister as 'very beautiful' and left the court.",
        [],
    ),
    (
        "single marks the wrong way round around a lead-in",
        "It was a good year.\n\n'Asked to sum up his season in one word, Kane went for:' unreal.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), QUOTES, ids=[c[0] for c in QUOTES])
def test_quotes(name: str, text: str, expected: list[str]) -> None:
    analysis = analyze(text)
    assert [text[q.start : q.end] for q in analysis.quotes] == expected, name


def test_single_mark_quote_speaker() -> None:
    text = "Rain fell.\n\n'He was fine and he will play on Saturday,' Simeone told reporters."
    (quote,) = analyze(text).quotes
    assert quote.speaker == "Simeone" and quote.cue == "told"
