"""Pilot tests: the library's own footer, counts in the singular, the entity filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Footer, OptionList

from byline.analysis.model import Analysis
from byline.library import Library
from byline.tui.app import BylineApp
from byline.tui.labels import counted
from byline.tui.screens.library import LibraryScreen
from byline.tui.widgets.entity_panel import LONG_LIST, EntityPanel, matching
from byline.tui.widgets.search_bar import SearchBar
from tests.fakes import dictionary_tagger, pipeline_with
from tests.tui.helpers import SIZE, make_reader, settle, source

NAMES = [f"Name{chr(65 + n // 26)}{chr(97 + n % 26)}" for n in range(LONG_LIST + 6)]
MANY = "Roll call\n\n" + " ".join(f"Then {name} spoke." for name in NAMES) + "\n"


def test_counts_are_singular_for_one() -> None:
    assert counted(1, "quote") == "1 quote"
    assert counted(0, "quote") == "0 quotes"
    assert counted(1, "entity", "entities") == "1 entity"
    assert counted(1234, "sentence") == "1,234 sentences"


async def test_the_status_line_says_1_quote() -> None:
    text = 'Vote held\n\n"We will stay," said Ana Lopez.\n'
    app = make_reader(pipeline_with(dictionary_tagger({"Lopez": "PER"})), text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.status.plain.startswith("1 entity · 1 quote · 1 sentence ·")


async def test_the_library_footer_shows_its_own_keys(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "data"))
    with Library.open() as library:
        app = BylineApp(source(), analyzer=analyzer, library=library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await pilot.press("L")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            footer = screen.query_one(Footer)
            assert footer.region.y == SIZE[1] - 1  # the bottom line, over the reader's
            shown = {b.binding.action for b in screen.active_bindings.values() if b.binding.show}
            assert {"close", "delete", "search"} <= shown
            assert not shown & {"next_quote", "save_summary", "help", "quit"}


async def test_slash_filters_a_long_entity_list() -> None:
    app = make_reader(pipeline_with(dictionary_tagger(dict.fromkeys(NAMES, "PER"))), MANY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = app.query_one(EntityPanel)
        assert app.analysis is not None and len(app.analysis.entities) > LONG_LIST
        assert "/ filters them" in str(panel.status.render())
        panel.option_list.focus()
        await pilot.pause()
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Filter" in shown and "Search" not in shown  # the footer says what / does
        await pilot.press("slash")
        await pilot.pause()
        assert app.focused is panel.filter_input  # the panel's filter, not the search
        assert not app.query_one(SearchBar).display
        await pilot.press(*"nameaz")
        await pilot.pause()
        ids = [option.id for option in panel.option_list.options]
        expected = [f"entity-{i}" for i in matching(app.analysis, "NameAz")]
        assert [i for i in ids if i and i.startswith("entity-")] == expected == ["entity-25"]
        assert "1 of 26 match “nameaz”" in str(panel.status.render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")  # the one match is chosen
        await pilot.pause()
        assert app.entity_index == 25
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(panel.option_list.options) > LONG_LIST and not panel.filter_input.display
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        assert "None matches “zzz”." in str(panel.status.render())


async def test_slash_in_the_article_still_searches(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert app.query_one(SearchBar).display
