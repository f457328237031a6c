"""Quotes and speakers: each form of quotation on a small article, then the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.analysis.model import Quote
from byline.analysis.pipeline import analyze
from byline.analysis.quotes import quoted_stretches

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "iacc-alibaba.txt"


def _stand_in(sentences):
    """Runs of capitalised non-initial words as person names (no trained model needed)."""
    tags = []
    for words in sentences:
        row = []
        for i, word in enumerate(words):
            if i == 0 or not word[:1].isupper():
                row.append("O")
            else:
                row.append("I-PER" if row and row[-1] != "O" else "B-PER")
        tags.append(row)
    return tags


def _quotes(text: str) -> tuple[Quote, ...]:
    return analyze(text, entity_tagger=_stand_in).quotes


def _summary(text: str, quote: Quote) -> tuple[str, str | None, str | None, str | None]:
    said = quote.speaker_span.text(text) if quote.speaker_span else None
    return text[quote.start : quote.end], said, quote.speaker, quote.cue


# (name, article, expected quotes as (quoted text, speaker span words, speaker, cue)).
CASES = [
    (
        "curly marks, speaker then cue",
        "The mayor spoke on Monday.\n\n“We will rebuild the bridge this year,” Jane Doe said.",
        [("“We will rebuild the bridge this year,”", "Jane Doe", "Jane Doe", "said")],
    ),
    (
        "straight marks, inverted order",
        'The plan drew fire.\n\n"This plan will cost far too much," said Tom Smith, '
        "a council member.",
        [('"This plan will cost far too much,"', "Tom Smith", "Tom Smith", "said")],
    ),
    (
        "broken by its attribution",
        "Officials met.\n\n“The talks went well,” she said, “and we will meet again next week.”",
        [
            ("“The talks went well,”", "she", "she", "said"),
            ("“and we will meet again next week.”", "she", "she", "said"),
        ],
    ),
    (
        "colon introduces the quote",
        "Mr. Smith said: “Nobody told us about the closure in advance.”",
        [("“Nobody told us about the closure in advance.”", "Mr. Smith", "Mr. Smith", "said")],
    ),
    (
        "according to",
        "According to the report, “the river rose faster than anyone expected.”",
        [
            (
                "“the river rose faster than anyone expected.”",
                "the report",
                "the report",
                "According to",
            )
        ],
    ),
    (
        "described speaker with a preposition",
        "The shares fell.\n\n“We are confident in our plans for growth,” a spokeswoman for "
        "Acme said.",
        [
            (
                "“We are confident in our plans for growth,”",
                "a spokeswoman for Acme",
                "a spokeswoman for Acme",
                "said",
            )
        ],
    ),
    (
        "quote inside indirect speech",
        "The minister said that the plan was “a mistake from the start” and resigned.",
        [("“a mistake from the start”", "The minister", "The minister", "said")],
    ),
    (
        "nested single quotes stay inside",
        "“He told me ‘go home now’ and then he left the room,” Ann Lee said.",
        [("“He told me ‘go home now’ and then he left the room,”", "Ann Lee", "Ann Lee", "said")],
    ),
    (
        "scare quotes and titles are not quotes",
        "The “brand members” wrote to the board. She watched “The Rachel Maddow Show” again.",
        [],
    ),
    (
        "three attributed words are a quote",
        "The vote failed.\n\n“That was unfair,” Bob Ray said.",
        [("“That was unfair,”", "Bob Ray", "Bob Ray", "said")],
    ),
    (
        "pronoun resolved to the earlier speaker",
        "“Prices will rise again this year,” Mrs. Green said.\n\nShe added that the bank "
        "would “watch the figures very closely.”",
        [
            ("“Prices will rise again this year,”", "Mrs. Green", "Mrs. Green", "said"),
            ("“watch the figures very closely.”", "She", "Mrs. Green", "added"),
        ],
    ),
    (
        "it resolves to a body",
        "The city council issued a statement on Tuesday. “We regret the delay to the works,” "
        "it said.",
        [("“We regret the delay to the works,”", "it", "The city council", "said")],
    ),
    (
        "paragraph with no cue continues the previous speaker",
        "“We did everything we could for them,” the coach said.\n\n“The players gave all they "
        "had and I am proud of them.”",
        [
            ("“We did everything we could for them,”", "the coach", "the coach", "said"),
            (
                "“The players gave all they had and I am proud of them.”",
                "the coach",
                "the coach",
                None,
            ),
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_forms(name: str, text: str, expected: list[tuple]) -> None:
    assert [_summary(text, q) for q in _quotes(text)] == expected, name


def test_quote_over_several_paragraphs_is_one_stretch() -> None:
    text = (
        "“The first part of the statement runs on,\n\n“and the second part ends it here,” "
        "Jo Park said."
    )
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert (quotes[0].start, quotes[0].end) == (0, text.index(",”") + 2)
    assert quotes[0].speaker == "Jo Park"


def test_stretches_keep_marks_and_close_open_paragraphs() -> None:
    text = "A “b c d” e.\n\n“Left open here"
    from byline.analysis.model import Span

    stretches = quoted_stretches(text, [Span(0, 12), Span(14, len(text))])
    assert [text[s:e] for s, e in stretches] == ["“b c d”", "“Left open here"]


def test_offsets_and_cue_spans_index_the_text() -> None:
    text = "Talks ended.\n\n“We will not sign this deal,” said Lee Chan."
    (quote,) = _quotes(text)
    assert quote.cue_span is not None and quote.cue_span.text(text) == "said"
    assert text[quote.start] == "“" and text[quote.end - 1] == "”"


SAMPLE_SPEAKERS = [
    ("“We are writing", "the letter"),
    ("“Did any of you speak with the leadership", "the letter"),
    ("“Did any of you speak with your coworkers", "the letter"),
    ("“While we hate", "brand members"),
    ("“…You are hearing", "brand members"),
    ("“We are committed", "spokeswoman"),
    ("“Every day", "spokeswoman"),
    ("“IACC’s approach", "spokeswoman"),
    ("“Alibaba is committed", "spokeswoman"),
    ("“The IACC has experienced", "IACC board"),
    ("“We take the allegations", "IACC board"),
    ("“The new Marketsafe", "spokeswoman"),
    ("“We ask that the board", "the letter"),
    ("“Rather than have Jack Ma", "the letter"),
]


@pytest.fixture(scope="module")
def sample() -> tuple[str, tuple[Quote, ...]]:
    text = SAMPLE.read_text(encoding="utf-8")
    return text, _quotes(text)


def test_sample_has_exactly_the_fourteen_quotes(sample) -> None:
    text, quotes = sample
    assert len(quotes) == 14
    assert all(
        text[q.start : q.end].startswith(p)
        for q, (p, _) in zip(quotes, SAMPLE_SPEAKERS, strict=True)
    )
    assert not any(text[q.start + 1 : q.end] == "brand members”" for q in quotes)


def test_sample_speakers(sample) -> None:
    text, quotes = sample
    for quote, (opening, speaker) in zip(quotes, SAMPLE_SPEAKERS, strict=True):
        assert quote.speaker is not None and speaker in quote.speaker, opening


def test_sample_attribution_details(sample) -> None:
    text, quotes = sample
    by_opening = {text[q.start : q.start + 16]: q for q in quotes}
    she = by_opening["“IACC’s approach"]
    assert she.speaker_span is not None and she.speaker_span.text(text) == "She"
    assert she.speaker == "an Alibaba spokeswoman" and she.cue == "went on"
    it = by_opening["“The IACC has ex"]
    assert it.speaker_span is not None and it.speaker_span.text(text) == "it"
    they = by_opening["“While we hate t"]
    assert they.speaker_span is not None and they.speaker_span.text(text) == "they"
    assert quotes[1].cue == "went on" and quotes[2].speaker == "the letter"
