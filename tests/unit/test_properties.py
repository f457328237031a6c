"""Property tests: ``analyze`` takes any text without raising and keeps its invariants."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.analysis.pipeline import analyze

# Text built from the pieces that trip parsers: quote marks, newlines, controls, long runs.
_PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        " said ",
        " she said, ",
        "Mr. ",
        "U.S. ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "\x1b[31m",
        "\x00",
        "\u202e",
        "—",
        "...",
        ". ",
        "? ",
        "Alibaba ",
        "Jack Ma ",
        "[bold]",
        "x" * 300,
        "According to ",
        ":",
        "(",
        ")",
    ]
)
_TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400),
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_analyze_never_raises_and_spans_stay_inside(text: str) -> None:
    analysis = analyze(text)
    size = len(text)
    assert analysis.text == text

    def inside(start: int, end: int) -> bool:
        return 0 <= start <= end <= size

    assert inside(analysis.body.start, analysis.body.end)
    for sentence in analysis.sentences:
        assert inside(sentence.start, sentence.end) and sentence.start < sentence.end
    for token in analysis.tokens:
        assert inside(token.start, token.end) and text[token.start : token.end] == token.text
    mentions = sorted(
        m for entity in analysis.entities for m in ((s.start, s.end) for s in entity.mentions)
    )
    for (_, end), (start, _) in zip(mentions, mentions[1:], strict=False):
        assert end <= start, "two mentions overlap"
    for entity in analysis.entities:
        assert entity.name and entity.mentions
    quotes = [(q.start, q.end) for q in analysis.quotes]
    assert quotes == sorted(quotes)
    for (_, end), (start, _) in zip(quotes, quotes[1:], strict=False):
        assert end <= start, "two quotes overlap"
    for quote in analysis.quotes:
        assert inside(quote.start, quote.end)
        if quote.speaker_span:
            assert inside(quote.speaker_span.start, quote.speaker_span.end)
    ranks = sorted(s.rank for s in analysis.sentences)
    assert ranks == list(range(1, len(analysis.sentences) + 1))
    assert all(0 <= i < len(analysis.sentences) for i in analysis.summary)
