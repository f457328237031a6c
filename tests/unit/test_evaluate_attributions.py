"""The attribution scorer: gold kinds, half-the-union matching, sources, and narration checks."""

from __future__ import annotations

from typing import Any

import pytest

from byline.analysis.model import Attribution, Span
from byline.evaluate.attributions import (
    GoldAttribution,
    NonSpace,
    gold_attributions,
    gold_kind,
    match,
    relations,
    source_right,
)
from byline.evaluate.narration import closes_forwards, narration_inside, opens_backwards


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("“We will win.”", "direct"),
        ("''We will win,'' ", "direct"),
        ("that Alibaba applauds the “IACC’s approach”", "mixed"),
        ("its program is being expanded", "indirect"),
    ],
)
def test_gold_kind_reads_the_marks(content: str, kind: str) -> None:
    assert gold_kind(content) == kind


def _said(start: int, end: int, source: Span | None, cue: Span | None, who: str | None = None):
    return Attribution("indirect", start, end, who, source, None, "said" if cue else None, cue)


TEXT = "Alibaba said its program is being expanded. The plan, she said, is dead."


def test_parts_sharing_a_cue_are_one_relation() -> None:
    she, said = Span(54, 57), Span(58, 62)
    parts = [_said(44, 52, she, said, "she"), _said(64, 71, she, said, "she")]
    [relation] = relations(parts)
    assert relation.content == ((44, 52), (64, 71))


def test_a_match_needs_half_the_union_one_to_one() -> None:
    count = NonSpace(TEXT)
    gold = [GoldAttribution("indirect", ((13, 42),), ((0, 7),), "Alibaba")]
    whole = relations([_said(13, 42, Span(0, 7), Span(8, 12), "Alibaba")])
    assert match(count, whole, gold) == [(0, 0)]
    short = relations([_said(13, 24, Span(0, 7), Span(8, 12), "Alibaba")])  # "its program"
    assert match(count, short, gold) == []
    twice = relations(
        [_said(13, 42, Span(0, 7), Span(8, 12)), _said(13, 42, Span(0, 7), Span(9, 12))]
    )
    assert len(match(count, twice, gold)) == 1


def test_the_source_is_right_by_span_or_by_name() -> None:
    gold = GoldAttribution("indirect", ((13, 42),), ((0, 7),), "Alibaba")
    by_span = relations([_said(13, 42, Span(0, 7), Span(8, 12), "Alibaba")])[0]
    assert source_right(by_span, gold)
    by_name = relations([_said(13, 42, Span(60, 63), Span(8, 12), "Alibaba")])[0]
    assert source_right(by_name, gold)
    wrong = relations([_said(13, 42, Span(54, 57), Span(8, 12), "she")])[0]
    assert not source_right(wrong, gold)
    none = GoldAttribution("indirect", ((13, 42),), (), "")
    assert not source_right(by_span, none)
    assert source_right(relations([_said(13, 42, None, Span(8, 12))])[0], none)


def test_gold_relations_join_their_content_parts() -> None:
    records: list[dict[str, Any]] = [
        {
            "content": {"spans": [[44, 52]]},
            "content2": {"spans": [[64, 71]]},
            "source": {"spans": [[54, 57]], "text": "she"},
        },
        {"content": None},
    ]
    [gold] = gold_attributions(TEXT, records)
    assert (gold.kind, gold.content, gold.source_text) == (
        "indirect",
        ((44, 52), (64, 71)),
        "she",
    )


def test_narration_checks() -> None:
    text = 'weeks." She said mothers were already entitled to it. "We are going'
    assert opens_backwards(text, text.index('"'))
    assert narration_inside('"It will help. She said mothers were already entitled to it."')
    assert not narration_inside("“We will build the homes we need,”")
    assert closes_forwards(text, text.index('"We') + 1)
