"""The Sources tab's rows and counts: ``tui/sources.py`` over the core's grouping, no terminal."""

from __future__ import annotations

import pytest

from byline.analysis.model import Analysis, Attribution, Hedge, Sentence, Span
from byline.analysis.whosaid import group_by_source, tally
from byline.tui.sources import Claim, Heading, HedgeRow, header, source_rows

TEXT = (
    "Alibaba said its program is expanding. "  # 0..39
    "“We are here,” an Alibaba spokeswoman said. "  # 39..84
    "“We stay,” she said. "  # 84..105
    "The IACC has reportedly lost two brands. "  # 105..146
    "An anonymous letter said the board erred."  # 146..187
)


def _at(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words))


def _claim(kind: str, content: str, source: str | None, named: str | None, kind_of: str | None,
           cue: str | None) -> Attribution:  # fmt: skip
    span = _at(content)
    return Attribution(
        kind,  # type: ignore[arg-type]
        span.start,
        span.end,
        source,
        _at(named) if named else None,
        kind_of,  # type: ignore[arg-type]
        cue,
        _at(cue) if cue else None,
    )


ATTRIBUTIONS = (
    _claim("indirect", "its program is expanding", "Alibaba", "Alibaba", "named", "said"),
    _claim(
        "direct",
        "“We are here,”",
        "an Alibaba spokeswoman",
        "an Alibaba spokeswoman",
        "described",
        "said",
    ),  # fmt: skip
    _claim("direct", "“We stay,”", "an Alibaba spokeswoman", "she", "described", "said"),
    _claim("indirect", "The IACC has reportedly lost two brands", None, None, None, "reportedly"),
    _claim(
        "indirect",
        "the board erred",
        "an anonymous letter",
        "An anonymous letter",
        "unnamed",
        "said",
    ),  # fmt: skip
)


@pytest.fixture
def analysis() -> Analysis:
    ends = [
        i + 1
        for i, ch in enumerate(TEXT)
        if ch == "." and (i + 1 == len(TEXT) or TEXT[i + 1] == " ")
    ]
    starts = [0, *(end + 1 for end in ends[:-1])]
    sentences = tuple(
        Sentence(s, e, 0, i + 1) for i, (s, e) in enumerate(zip(starts, ends, strict=True))
    )
    hedge = _at("has reportedly")
    return Analysis(
        text=TEXT,
        title=None,
        title_span=None,
        body=Span(0, len(TEXT)),
        paragraphs=(Span(0, len(TEXT)),),
        sentences=sentences,
        tokens=(),
        entities=(),
        quotes=(),
        summary=(0,),
        attributions=ATTRIBUTIONS,
        hedges=(Hedge(hedge.start, hedge.end, "has reportedly"),),
    )


def test_groups_most_claims_first_and_no_source_last(analysis: Analysis) -> None:
    groups = group_by_source(analysis)
    assert [g.source for g in groups] == [
        "an Alibaba spokeswoman",  # two claims
        "Alibaba",  # one each: the one named first comes first
        "an anonymous letter",
        None,
    ]
    assert [(g.quoted, g.reported) for g in groups] == [(2, 0), (0, 1), (0, 1), (0, 1)]
    assert [g.kind for g in groups] == ["described", "named", "unnamed", None]


def test_sources_with_another_case_are_one_source(analysis: Analysis) -> None:
    from dataclasses import replace

    shouted = replace(ATTRIBUTIONS[0], source="ALIBABA")
    doubled = replace(analysis, attributions=(*ATTRIBUTIONS, shouted))
    groups = group_by_source(doubled)
    assert [g.source for g in groups][:2] == ["Alibaba", "an Alibaba spokeswoman"]
    assert groups[0].counts() == "2 reported"


def test_header_counts_sources_quotes_reported_unnamed_and_hedges(analysis: Analysis) -> None:
    assert header(analysis) == tally(analysis)
    assert header(analysis) == "3 sources · 2 quotes · 3 reported · 1 unnamed · 1 hedge"


def test_rows_put_each_claim_under_its_source_marked_quote_or_reported(
    analysis: Analysis,
) -> None:
    rows = source_rows(analysis)
    shown = [
        (type(r).__name__, r.title if isinstance(r, Heading) else r.text)  # type: ignore[union-attr]
        for r in rows
    ]
    assert shown == [
        ("Heading", "an Alibaba spokeswoman"),
        ("Claim", "“We are here,”"),
        ("Claim", "“We stay,”"),
        ("Heading", "Alibaba"),
        ("Claim", "its program is expanding"),
        ("Heading", "an anonymous letter"),
        ("Claim", "the board erred"),
        ("Heading", "no source"),
        ("Claim", "The IACC has reportedly lost two brands"),
        ("Heading", "hedges"),
        ("HedgeRow", "The IACC has reportedly lost two brands."),
    ]
    headings = [r for r in rows if isinstance(r, Heading)]
    assert [h.detail for h in headings] == [
        "described · 2 quoted",
        "named · 1 reported",
        "unnamed · 1 reported",
        "1 reported",
        "1 without a source",
    ]
    assert [h.named for h in headings] == [True, True, True, False, False]
    claims = [r for r in rows if isinstance(r, Claim)]
    assert [(c.index, c.label, c.cue) for c in claims] == [
        (1, "quote", "said"),
        (2, "quote", "said"),
        (0, "reported", "said"),
        (4, "reported", "said"),
        (3, "reported", "reportedly"),
    ]
    assert [c.option_id for c in claims][:2] == ["attribution-1", "attribution-2"]
    (hedge,) = [r for r in rows if isinstance(r, HedgeRow)]
    assert (hedge.option_id, hedge.cue) == ("hedge-0", "has reportedly")


def test_a_long_claim_is_cut_to_one_line_and_controls_never_pass(analysis: Analysis) -> None:
    from dataclasses import replace

    text = "Officials said " + "\x1b[31mthe plan\nwill work " * 500 + "."
    long_claim = Attribution("indirect", 15, len(text) - 1, "Officials", Span(0, 9),
                             "described", "said", Span(10, 14))  # fmt: skip
    long = replace(analysis, text=text, attributions=(long_claim,), hedges=(), sentences=())
    (_, claim) = source_rows(long)
    assert isinstance(claim, Claim)
    assert len(claim.text) <= 140 and claim.text.endswith("…")
    assert "\x1b" not in claim.text and "\n" not in claim.text


def test_nothing_attributed_gives_no_rows(analysis: Analysis) -> None:
    from dataclasses import replace

    assert source_rows(replace(analysis, attributions=(), hedges=())) == []


def test_a_partly_quoted_claim_counts_as_quoted_as_the_batch_report_counts_it(
    analysis: Analysis,
) -> None:
    from dataclasses import replace

    mixed = replace(ATTRIBUTIONS[0], kind="mixed")  # some of Alibaba's own words quoted
    with_mixed = replace(analysis, attributions=(mixed, *ATTRIBUTIONS[1:]))
    alibaba = next(g for g in group_by_source(with_mixed) if g.source == "Alibaba")
    assert (alibaba.quoted, alibaba.reported) == (1, 0)
    assert tally(with_mixed) == "3 sources · 3 quotes · 2 reported · 1 unnamed · 1 hedge"
