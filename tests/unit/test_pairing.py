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
    (
        "German low marks close at the high one, not inverted",
        "„Wir schaffen das“, sagte Merkel. Dann ging sie „nach Hause“.",
        ["„Wir schaffen das“", "„nach Hause“"],
    ),
    (
        "German low marks closed the Polish way",
        "„Nie damy się”, powiedział premier.",
        ["„Nie damy się”"],
    ),
    (
        "German single low marks nested in double low ones",
        "„Er sagte ‚nein‘ und ging dann“, sagte sie.",
        ["„Er sagte ‚nein‘ und ging dann“"],
    ),
    (
        "German single low marks on their own",
        "Er sagte ‚nein danke‘ und ging.",
        ["‚nein danke‘"],
    ),
    (
        "an apostrophe inside German marks",
        "Sie sagte: „Das war’s, wir gehen heim.“ Dann ging sie.",
        ["„Das war’s, wir gehen heim.“"],
    ),
    (
        "French guillemets with no-break spaces inside",
        "Le ministre a dit\u00a0: «\u00a0Nous n’abandonnerons jamais\u00a0», puis il est parti.",
        ["«\u00a0Nous n’abandonnerons jamais\u00a0»"],
    ),
    (
        "French guillemets with narrow no-break spaces and plain spaces",
        "« Nous allons gagner », a déclaré Macron. «\u202fC’est fini\u202f», dit-il.",
        ["« Nous allons gagner »", "«\u202fC’est fini\u202f»"],
    ),
    (
        "German reversed guillemets",
        "»Wir schaffen das«, sagte Merkel. »Ganz sicher.«",
        ["»Wir schaffen das«", "»Ganz sicher.«"],
    ),
    (
        "Swiss guillemets glued to the words",
        "«Wir schaffen das», sagte die Rätin. Sie meinte «alle».",
        ["«Wir schaffen das»", "«alle»"],
    ),
    (
        "reversed and French guillemets in one text",
        "»Wir schaffen das«, sagte sie. « Nous allons gagner », dit-il.",
        ["»Wir schaffen das«", "« Nous allons gagner »"],
    ),
    (
        "single guillemets nested in double ones",
        "« Il m’a dit ‹ non › et il est parti », a raconté Marie.",
        ["« Il m’a dit ‹ non › et il est parti »"],
    ),
    (
        "single guillemets on their own, both ways",
        "‹ Nous allons gagner › et ›Wir schaffen das‹ ensemble.",
        ["‹ Nous allons gagner ›", "›Wir schaffen das‹"],
    ),
    (
        "an English quote still closes at a forward-facing mark after German marks",
        "Er sagte „ja“. He said: “We will win. “Nobody doubts it,” he added.",
        ["„ja“", "“We will win.", "“Nobody doubts it,”"],
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
        "a German quote with its comma after the marks",
        "Die Lage ist ernst.\n\n„Wir schaffen das“, sagte Merkel.",
        ["„Wir schaffen das“"],
    ),
    (
        "a French quote with its comma after the marks",
        "La foule attendait.\n\n« Nous allons gagner », a déclaré Macron.",
        ["« Nous allons gagner »"],
    ),
    (
        "a German reversed quote with its comma after the marks",
        "Die Lage ist ernst.\n\n»Wir schaffen das«, sagte Merkel.",
        ["»Wir schaffen das«"],
    ),
    (
        "German scare quotes are not quotes",
        "Die Partei nennt das „gute Politik“ und geht weiter.",
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


# (name, English text quoting with other languages' marks, quote, speaker, cue)
SPEAKERS = [
    (
        "German marks after a lead-in",
        "The vote was close.\n\nThe minister said: „We will never give up the fight.“",
        "„We will never give up the fight.“",
        "The minister",
        "said",
    ),
    (
        "German marks with the cue after them",
        "The vote was close.\n\n„We will never give up the fight“, Angela Merkel told reporters.",
        "„We will never give up the fight“",
        "Angela Merkel",
        "told",
    ),
    (
        "French guillemets with the cue after them",
        "The vote was close.\n\n« We are going to win this, » said Emmanuel Macron.",
        "« We are going to win this, »",
        "Emmanuel Macron",
        "said",
    ),
    (
        "French guillemets with no-break spaces and the comma outside",
        "The vote was close.\n\n«\u00a0We are going to win\u00a0», said Emmanuel Macron.",
        "«\u00a0We are going to win\u00a0»",
        "Emmanuel Macron",
        "said",
    ),
    (
        "German reversed guillemets",
        "The vote was close.\n\n»We will never give up the fight«, Angela Merkel said.",
        "»We will never give up the fight«",
        "Angela Merkel",
        "said",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "quote", "speaker", "cue"), SPEAKERS, ids=[c[0] for c in SPEAKERS]
)
def test_other_marks_speaker(name: str, text: str, quote: str, speaker: str, cue: str) -> None:
    (found,) = analyze(text).quotes
    assert (text[found.start : found.end], found.speaker, found.cue) == (quote, speaker, cue), name
