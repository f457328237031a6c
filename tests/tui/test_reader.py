"""Pilot tests: analysis states, quote and entity navigation, summary length, panel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from byline.analysis.model import Analysis, Quote
from byline.tui.app import BylineApp
from byline.tui.app_base import reading_minutes
from byline.tui.navigation import quote_attribution
from byline.tui.widgets.side_panel import SidePanel
from tests.fakes import dictionary_tagger, pipeline_with
from tests.tui.helpers import (
    SIZE,
    highlighted_id,
    make_reader,
    screen_text,
    settle,
    until,
)


async def test_article_shows_at_once_and_panel_says_analysing(
    analyzer: Callable[..., Analysis],
) -> None:
    release = threading.Event()

    def slow(text: str, **options: Any) -> Analysis:
        release.wait(10)
        return analyzer(text, **options)

    app = make_reader(slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Harbour Bridge Reopens" in screen_text(app)
        assert app.analysis is None
        panel = app.query_one(SidePanel)
        await panel.wait_until_built()  # the tabs come right after the first frame
        assert panel.entities.has_class("-analysing")
        assert "Analysing" in app.status.plain
        assert app.sub_title == "analysing…"
        await pilot.press("right_square_bracket")  # no analysis yet: no crash
        release.set()
        await settle(app, pilot)
        assert app.analysis is not None
        assert not panel.entities.has_class("-analysing")
        words = app.analysis.word_count
        assert app.sub_title == f"{words:,} words · {reading_minutes(words)} min read"
        assert app.title == "Harbour Bridge Reopens After Repairs"


async def test_analysis_failure_is_shown_not_raised() -> None:
    def broken(text: str, **options: Any) -> Analysis:
        raise RuntimeError("model file missing")

    app = make_reader(broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert app.query_one(SidePanel).sources.has_class("-failed")
        assert "model file missing" in app.status.plain
        await pilot.press("right_square_bracket", "e", "s", "plus")
        assert app.is_running
        assert "Harbour Bridge" in screen_text(app)


async def test_quotes_wrap_both_ways_and_the_panel_follows(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None
        quotes = app.analysis.quotes
        assert len(quotes) >= 3
        last = len(quotes) - 1

        await pilot.press("left_square_bracket")  # from the start: the last quote
        assert app.quote_index == last
        assert app.article.highlights("quote") == [(quotes[last].start, quotes[last].end)]
        claim = quote_attribution(app.analysis, last)
        assert claim is not None
        assert highlighted_id(app, "source-panel") == f"attribution-{claim}"
        assert app.side_panel.active_tab == "tab-sources"
        assert f"Quote {last + 1} of {len(quotes)}" in app.status.plain
        assert "inspection" in screen_text(app)

        await pilot.press("right_square_bracket")  # wraps to the first
        assert app.quote_index == 0
        first_claim = quote_attribution(app.analysis, 0)
        assert highlighted_id(app, "source-panel") == f"attribution-{first_claim}"
        speaker = quotes[0].speaker or "unattributed"
        assert speaker in app.status.plain

        await pilot.press("p")  # previous from the first wraps to the last
        assert app.quote_index == last
        await pilot.press("n", "n")
        assert app.quote_index == 1


async def test_unattributed_quote_says_so(analyzer: Callable[..., Analysis]) -> None:
    def without_speakers(text: str, **options: Any) -> Analysis:
        result = analyzer(text, **options)
        quotes = tuple(Quote(q.start, q.end, None, None, None, None) for q in result.quotes)
        return replace(result, quotes=quotes)

    app = make_reader(without_speakers)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket")
        assert "speaker: unattributed" in app.status.plain


async def test_choosing_a_claim_in_the_panel_jumps_to_it(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.side_panel.show_tab("tab-sources")
        await pilot.pause()
        option_list = app.side_panel.sources.option_list
        option_list.focus()
        option_list.highlighted = option_list.get_option_index("attribution-1")
        await pilot.press("enter")
        await pilot.pause()
        assert app.attribution_index == 1
        assert app.analysis is not None
        claim = app.analysis.attributions[1]
        assert app.article.highlights("claim") == [(claim.start, claim.end)]


async def test_entity_mentions_walk_with_e_and_shift_e() -> None:
    tagger = dictionary_tagger({"Lopez": "PER", "Reed": "PER", "Harbour": "LOC"})
    app = make_reader(pipeline_with(tagger))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None
        entities = app.analysis.entities
        top = entities[0]
        assert len(top.mentions) >= 3

        await pilot.press("e")  # nothing chosen: the most mentioned entity
        assert app.entity_index == 0
        assert app.article.highlights("mention") == [(m.start, m.end) for m in top.mentions]
        assert app.article.highlights("current") == [(top.mentions[0].start, top.mentions[0].end)]
        assert highlighted_id(app, "entity-panel") == "entity-0"
        assert f"mention 1 of {len(top.mentions)}" in app.status.plain

        await pilot.press("e")
        assert app.article.highlights("current") == [(top.mentions[1].start, top.mentions[1].end)]
        await pilot.press("E", "E")  # back past the first wraps to the last
        last = top.mentions[-1]
        assert app.article.highlights("current") == [(last.start, last.end)]

        other = next(i for i, e in enumerate(entities) if i and e.mentions)
        app.side_panel.entities.option_list.focus()
        option_list = app.side_panel.entities.option_list
        option_list.highlighted = option_list.get_option_index(f"entity-{other}")
        await pilot.press("enter")
        await pilot.pause()
        assert app.entity_index == other
        first = entities[other].mentions[0]
        assert app.article.highlights("current") == [(first.start, first.end)]


async def test_entity_panel_groups_by_type_with_counts() -> None:
    tagger = dictionary_tagger({"Lopez": "PER", "Reed": "PER", "Harbour": "LOC"})
    app = make_reader(pipeline_with(tagger))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        option_list = app.side_panel.entities.option_list
        prompts = [
            str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)
        ]
        assert prompts[0].startswith("People · ")
        assert any(p.startswith("Places · ") for p in prompts)
        assert any("×" in p for p in prompts)


async def test_summary_length_changes_within_bounds(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None
        total = len(app.analysis.sentences)
        start = len(app.analysis.summary)
        assert app.summary_size == start
        summary_list = app.side_panel.summary.option_list

        await pilot.press("minus")
        assert app.summary_size == max(1, start - 1)
        assert app.side_panel.active_tab == "tab-summary"
        assert summary_list.option_count == app.summary_size
        for _ in range(total + 2):
            await pilot.press("minus")
        assert app.summary_size == 1
        for _ in range(total + 2):
            await pilot.press("plus")
        assert app.summary_size == total
        assert summary_list.option_count == total
        expected = [
            (app.analysis.sentences[i].start, app.analysis.sentences[i].end)
            for i in app.analysis.summary_of(total)
        ]
        assert app.article.highlights("summary") == expected


async def test_side_panel_toggles(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = app.query_one(SidePanel)
        width_with_panel = app.article.size.width
        assert panel.display
        await pilot.press("t")
        await pilot.pause()
        assert not panel.display
        assert app.article.size.width > width_with_panel
        await pilot.press("t")
        await pilot.pause()
        assert panel.display


async def test_help_opens_with_question_mark_and_f1(analyzer: Callable[..., Analysis]) -> None:
    from byline.tui.screens.help import HelpScreen

    def help_is_up() -> bool:
        # Under load the screen is pushed before it has mounted: a key pressed then
        # would reach the reader, not the help.
        return isinstance(app.screen, HelpScreen) and app.screen.is_mounted

    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await until(pilot, help_is_up, "the help opened with ?")
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await until(pilot, help_is_up, "the help opened with F1")
        await pilot.press("q")  # closes help, does not quit
        assert app.is_running
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_has_the_reader_commands(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Save summary", "Toggle side panel", "Reload sample article"} <= titles
        assert "Theme" in " ".join(titles) or "theme" in " ".join(titles).lower()


async def test_reload_sample_article(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.action_reload_sample()
        assert app.source.name == "iacc-alibaba.txt"
        assert app.analysis is None
        await settle(app, pilot)
        assert app.analysis is not None
        assert app.analysis.text == app.source.text
        assert "WASHINGTON" in screen_text(app)


async def test_quit_key(analyzer: Callable[..., Analysis]) -> None:
    app: BylineApp = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
