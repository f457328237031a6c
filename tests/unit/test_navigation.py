"""Where the reader goes: ``tui/navigation.py`` decides it over an Analysis, no terminal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from byline.analysis.model import Analysis, Attribution, Entity, Hedge, Quote, Span
from byline.tui.navigation import (
    Focus,
    attribution_focus,
    entity_focus,
    hedge_focus,
    mention_count,
    mention_focus,
    quote_attribution,
    quote_focus,
    resized_summary,
    sentence_focus,
    step_index,
    summary_limit_notice,
    summary_spans,
)
from tests.fakes import capitalised_tagger, pipeline_with
from tests.tui.helpers import BRIDGE


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return pipeline_with(capitalised_tagger)(BRIDGE)


@pytest.mark.parametrize(
    ("current", "step", "count", "expected"),
    [
        (None, +1, 4, 0),  # nothing chosen: forward starts at the first
        (None, -1, 4, 3),  # and backward at the last
        (0, +1, 4, 1),
        (3, +1, 4, 0),  # wraps forward
        (0, -1, 4, 3),  # and backward
        (2, -1, 4, 1),
        (0, +1, 1, 0),
    ],
)
def test_step_index_wraps_both_ways(
    current: int | None, step: int, count: int, expected: int
) -> None:
    assert step_index(current, step, count) == expected


def test_quote_focus_marks_selects_and_names_the_speaker(analysis: Analysis) -> None:
    assert len(analysis.quotes) >= 2
    quote = analysis.quotes[1]
    focus = quote_focus(analysis, 1)
    span = (quote.start, quote.end)
    assert focus == Focus(
        "quote",
        (span,),
        scroll=span,
        tab="tab-sources",
        item=quote_attribution(analysis, 1),
        status=(
            (f"Quote 2 of {len(analysis.quotes)}", "bold"),
            " · speaker: ",
            (quote.speaker or "", "bold"),
        ),
        also=(("claim", ()), ("source", ())),
    )


def test_unattributed_quote_says_so_in_italics(analysis: Analysis) -> None:
    nobody = replace(analysis, quotes=(Quote(0, 5, None, None, None),))
    assert quote_focus(nobody, 0).status[-1] == ("unattributed", "italic")


def test_entity_focus_marks_every_mention_without_scrolling(analysis: Analysis) -> None:
    entity = analysis.entities[0]
    focus = entity_focus(analysis, 0)
    assert focus.layer == "mention"
    assert focus.spans == tuple((m.start, m.end) for m in entity.mentions)
    assert (focus.scroll, focus.tab, focus.item, focus.status) == (None, "tab-entities", 0, ())


def _with_entities(analysis: Analysis, *entities: Entity) -> Analysis:
    return replace(analysis, entities=entities)


def test_mention_focus_wraps_and_counts(analysis: Analysis) -> None:
    mentions = (Span(0, 3), Span(10, 13), Span(20, 23))
    three = _with_entities(analysis, Entity("Ana Lopez", "PER", mentions))
    assert mention_count(three, 0) == 3
    first = mention_focus(three, 0, 0)
    assert first is not None
    assert (first.layer, first.spans, first.scroll) == ("current", ((0, 3),), (0, 3))
    assert first.status == (
        ("Ana Lopez", "bold"),
        " (person) · mention 1 of 3 · e next, E previous",
    )
    last = mention_focus(three, 0, -1)
    assert last is not None and last.spans == ((20, 23),)
    assert "mention 3 of 3" in str(last.status[1])
    assert mention_focus(three, 0, 4) == mention_focus(three, 0, 1)  # wraps past the end


def test_an_entity_without_mentions_goes_nowhere(analysis: Analysis) -> None:
    empty = _with_entities(analysis, Entity("Ghost", "ORG", ()))
    assert mention_focus(empty, 0, 0) is None
    assert mention_count(empty, 0) == 1  # still a usable modulus
    assert entity_focus(empty, 0).spans == ()


def test_hostile_entity_names_reach_the_status_line_on_one_line(analysis: Analysis) -> None:
    evil = _with_entities(analysis, Entity("Evil\n\x1b]0;x\x07 [b]Name[/b]", "MISC", (Span(0, 1),)))
    focus = mention_focus(evil, 0, 0)
    assert focus is not None
    first = focus.status[0]
    assert isinstance(first, tuple)
    name, _style = first
    assert "\n" not in name and "\x1b" not in name and "[b]Name[/b]" in name
    assert "(other)" in str(focus.status[1])


def test_sentence_focus(analysis: Analysis) -> None:
    sentence = analysis.sentences[2]
    span = (sentence.start, sentence.end)
    assert sentence_focus(analysis, 2) == Focus("current", (span,), scroll=span)


def test_summary_length_stays_within_bounds(analysis: Analysis) -> None:
    total = len(analysis.sentences)
    assert resized_summary(analysis, 3, +1) == 4
    assert resized_summary(analysis, 1, -1) == 1
    assert resized_summary(analysis, total, +1) == total
    assert summary_limit_notice(1, -1) == "The summary is already at its shortest (1)."
    assert summary_limit_notice(total, +1) == f"The summary is already at its longest ({total})."


def test_summary_spans_follow_the_ranks_in_article_order(analysis: Analysis) -> None:
    for size in (1, 2, len(analysis.sentences)):
        expected = [
            (analysis.sentences[i].start, analysis.sentences[i].end)
            for i in analysis.summary_of(size)
        ]
        assert summary_spans(analysis, size) == expected
        assert expected == sorted(expected)


def test_every_quote_has_its_direct_attribution(analysis: Analysis) -> None:
    for index, quote in enumerate(analysis.quotes):
        number = quote_attribution(analysis, index)
        assert number is not None
        claim = analysis.attributions[number]
        assert (claim.kind, claim.start, claim.end) == ("direct", quote.start, quote.end)
    assert quote_attribution(replace(analysis, attributions=()), 0) is None


def _reported(analysis: Analysis) -> Analysis:
    text = analysis.text
    source = text.index("the city")
    cue = text.index("said", source)
    claim = Attribution(
        "indirect", 0, source - 2, "the city", Span(source, source + 8), "described", "said",
        Span(cue, cue + 4),
    )  # fmt: skip
    nobody = Attribution("indirect", 40, 60, None, None, None, "reportedly", None)
    return replace(analysis, attributions=(claim, nobody))


def test_attribution_focus_marks_content_source_and_cue_and_says_who(
    analysis: Analysis,
) -> None:
    reported = _reported(analysis)
    claim = reported.attributions[0]
    focus = attribution_focus(reported, 0)
    assert claim.source_span is not None and claim.cue_span is not None
    source = (claim.source_span.start, claim.source_span.end)
    cue = (claim.cue_span.start, claim.cue_span.end)
    assert focus == Focus(
        "claim",
        ((claim.start, claim.end),),
        scroll=(claim.start, cue[1]),  # the content with its source and cue after it
        tab="tab-sources",
        item=0,
        status=(
            ("Claim 1 of 2", "bold"),
            " · ",
            ("reported", "bold"),
            " · ",
            ("the city", "bold"),
            " (said)",
        ),
        also=(("source", (source, cue)), ("quote", ())),
    )


def test_a_claim_with_no_source_says_so_in_italics(analysis: Analysis) -> None:
    focus = attribution_focus(_reported(analysis), 1)
    assert focus.status[2:] == (
        ("reported", "bold"),
        " · ",
        ("no source", "italic"),
        " (reportedly)",
    )
    assert focus.also[0] == ("source", ())
    assert focus.scroll == (40, 60)


def test_a_direct_claim_is_called_a_quote(analysis: Analysis) -> None:
    number = quote_attribution(analysis, 0)
    assert number is not None
    assert attribution_focus(analysis, number).status[2] == ("quote", "bold")


def test_hedge_focus_goes_to_the_marker(analysis: Analysis) -> None:
    hedged = replace(analysis, hedges=(Hedge(4, 14, "reportedly"),))
    focus = hedge_focus(hedged, 0)
    assert (focus.layer, focus.spans, focus.scroll) == ("current", ((4, 14),), (4, 14))
    assert ("reportedly", "italic") in focus.status
