"""The Sources tab and the keys that walk every attribution (`}` / `{`), on the sample."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from byline.analysis.model import Analysis, Attribution, Hedge, Span
from byline.resources import sample_article
from byline.tui.navigation import NO_ATTRIBUTIONS, quote_attribution
from tests.tui.helpers import highlighted_id, make_reader, notifications, reading

SAMPLE = sample_article().read_text(encoding="utf-8")


def _prompts(app: Any) -> dict[str, str]:
    option_list = app.side_panel.sources.option_list
    options = (option_list.get_option_at_index(i) for i in range(option_list.option_count))
    return {option.id: str(option.prompt) for option in options if option.id}


@pytest.fixture
def sample_reader(analyzer: Callable[..., Analysis]) -> Any:
    return make_reader(analyzer, SAMPLE, "iacc-alibaba.txt")


async def test_sources_tab_lists_claims_by_source_with_counts(sample_reader: Any) -> None:
    app = sample_reader
    async with reading(app):
        analysis = app.analysis
        assert analysis is not None and analysis.attributions and analysis.hedges
        status = str(app.side_panel.sources.status.render())
        sources = {" ".join(a.source.lower().split()) for a in analysis.attributions if a.source}
        assert status.startswith(f"{len(sources)} sources · ")
        quoted = sum(a.kind != "indirect" for a in analysis.attributions)  # mixed too
        assert f"{quoted} quotes" in status
        assert f"{len(analysis.hedges)} hedges" in status
        prompts = _prompts(app)
        # Every claim is listed once, marked as a quote or as reported.
        claims = {k: v for k, v in prompts.items() if k.startswith("attribution-")}
        assert len(claims) == len(analysis.attributions)
        for index, attribution in enumerate(analysis.attributions):
            label = claims[f"attribution-{index}"].split(" · ")[0].split("\n")[0]
            expected = {"direct": "quote", "mixed": "partly quoted", "indirect": "reported"}
            assert label == expected[attribution.kind]
        # Sources come with their kind and counts; the unsourced and the hedges come last.
        headings = [v for k, v in prompts.items() if k.startswith("source-")]
        assert any(" · named · " in h and "reported" in h for h in headings)
        assert any(" · unnamed · " in h for h in headings)
        ids = list(prompts)
        assert ids.index("no-source") < ids.index("hedges") < ids.index("hedge-0")
        assert all(
            ids.index(k) < ids.index("no-source") for k in prompts if k.startswith("source-")
        )
        assert sum(k.startswith("hedge-") for k in prompts) == len(analysis.hedges)


async def test_hedges_are_marked_in_the_article_once_analysed(sample_reader: Any) -> None:
    app = sample_reader
    async with reading(app):
        analysis = app.analysis
        assert app.article.highlights("hedge") == [(h.start, h.end) for h in analysis.hedges]
        assert "reportedly" in {analysis.text[h.start : h.end].split()[-1] for h in analysis.hedges}


async def test_braces_walk_every_attribution_in_article_order_both_ways(
    sample_reader: Any,
) -> None:
    app = sample_reader
    async with reading(app) as pilot:
        analysis = app.analysis
        claims = analysis.attributions
        assert [a.start for a in claims] == sorted(a.start for a in claims)
        count = len(claims)

        await pilot.press("right_curly_bracket")
        first = claims[0]
        assert app.attribution_index == 0
        assert app.article.highlights("claim") == [(first.start, first.end)]
        marks = sorted((s.start, s.end) for s in (first.source_span, first.cue_span) if s)
        assert app.article.highlights("source") == marks
        assert app.side_panel.active_tab == "tab-sources"
        assert highlighted_id(app, "source-panel") == "attribution-0"
        kind = {"direct": "quote", "mixed": "partly quoted", "indirect": "reported"}[first.kind]
        assert f"Claim 1 of {count} · {kind} · {first.source} ({first.cue})" in app.status.plain

        await pilot.press("left_curly_bracket")  # before the first: round to the last
        assert app.attribution_index == count - 1
        assert highlighted_id(app, "source-panel") == f"attribution-{count - 1}"
        assert f"Claim {count} of {count}" in app.status.plain

        await pilot.press("right_curly_bracket")  # and forward past the last to the first
        assert app.attribution_index == 0
        await pilot.press("right_curly_bracket", "right_curly_bracket", "left_curly_bracket")
        assert app.attribution_index == 1


async def test_the_status_line_says_reported_and_the_source(sample_reader: Any) -> None:
    app = sample_reader
    async with reading(app) as pilot:
        claims = app.analysis.attributions
        target = next(i for i, a in enumerate(claims) if a.kind == "indirect" and a.source)
        for _ in range(target + 1):
            await pilot.press("right_curly_bracket")
        claim = claims[target]
        assert f"reported · {claim.source} ({claim.cue})" in app.status.plain
        unsourced = next(i for i, a in enumerate(claims) if a.source is None)
        app.attribution_index = unsourced
        await pilot.pause()
        assert "reported · no source" in app.status.plain


async def test_quotes_and_claims_take_each_others_marks_off(sample_reader: Any) -> None:
    app = sample_reader
    async with reading(app) as pilot:
        await pilot.press("right_curly_bracket")
        assert app.article.highlights("claim")
        await pilot.press("right_square_bracket")  # `]` still walks the direct quotes
        quote = app.analysis.quotes[0]
        assert app.article.highlights("quote") == [(quote.start, quote.end)]
        assert app.article.highlights("claim") == app.article.highlights("source") == []
        claim = quote_attribution(app.analysis, 0)
        assert highlighted_id(app, "source-panel") == f"attribution-{claim}"
        await pilot.press("right_curly_bracket")
        assert app.article.highlights("quote") == []
        assert app.article.highlights("claim")


async def test_choosing_a_hedge_in_the_list_goes_to_it(sample_reader: Any) -> None:
    app = sample_reader
    async with reading(app) as pilot:
        app.side_panel.show_tab("tab-sources")
        await pilot.pause()
        option_list = app.side_panel.sources.option_list
        option_list.focus()
        option_list.highlighted = option_list.get_option_index("hedge-1")
        await pilot.press("enter")
        await pilot.pause()
        hedge = app.analysis.hedges[1]
        assert app.article.highlights("current") == [(hedge.start, hedge.end)]
        assert "hedge" in app.status.plain and "no source" in app.status.plain


async def test_an_article_that_attributes_nothing_says_so(
    analyzer: Callable[..., Analysis],
) -> None:
    def nothing(text: str, **options: Any) -> Analysis:
        return replace(analyzer(text, **options), attributions=(), hedges=())

    app = make_reader(nothing, "The bridge opened on Monday. Traffic moved.\n")
    async with reading(app) as pilot:
        assert "No one is quoted or reported." in str(app.side_panel.sources.status.render())
        await pilot.press("right_curly_bracket")
        assert NO_ATTRIBUTIONS in notifications(app)
        assert app.attribution_index is None


async def test_a_long_list_of_claims_fills_and_walks(analyzer: Callable[..., Analysis]) -> None:
    # Thousands of claims: the list is filled once and the cursor reaches the last one.
    sentence = "Officials said the plan will work. "
    text = sentence * 3000

    def many(text: str, **options: Any) -> Analysis:
        base = analyzer(text, **options)
        step = len(sentence)
        claims = tuple(
            Attribution(
                "indirect", i * step + 15, i * step + 33, f"Official {i % 40}",
                Span(i * step, i * step + 9), "described", "said",
                Span(i * step + 10, i * step + 14),
            )
            for i in range(3000)
        )  # fmt: skip
        hedges = tuple(Hedge(i * step + 10, i * step + 14, "said") for i in range(0, 3000, 30))
        return replace(base, attributions=claims, hedges=hedges)

    app = make_reader(many, text, "many.txt")
    async with reading(app) as pilot:
        prompts = _prompts(app)
        assert sum(k.startswith("attribution-") for k in prompts) == 3000
        assert "40 sources · 0 quotes · 3000 reported" in str(
            app.side_panel.sources.status.render()
        )
        await pilot.press("left_curly_bracket")
        assert app.attribution_index == 2999
        assert highlighted_id(app, "source-panel") == "attribution-2999"
        assert "Claim 3000 of 3000" in app.status.plain


async def test_help_and_palette_say_how(sample_reader: Any) -> None:
    from byline.tui.screens.help import HelpScreen, help_markdown

    app = sample_reader
    async with reading(app) as pilot:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Next claim (who said what)", "Previous claim (who said what)"} <= titles
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_markdown()
        assert "`}`" in text and "`{`" in text and "Sources" in text
