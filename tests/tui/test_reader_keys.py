"""Pilot tests for the keys people who live in terminals expect: the pager's, search like
less, the footer while searching and on a narrow screen, focus you can see."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets._footer import FooterKey

from byline.analysis.model import Analysis
from byline.tui.app import BylineApp
from byline.tui.widgets.search_bar import SearchBar
from tests.tui.helpers import SIZE, highlighted_id, make_reader, notifications, settle

LONG = "\n\n".join(
    f"Paragraph {i}. " + "The council met again and talked about the bridge. " * 6
    for i in range(60)
)


def _footer(app: BylineApp) -> list[str]:
    """The footer's keys and labels as shown ("q Quit", "^p palette"…)."""
    return [f"{key.key_display} {key.description}".strip() for key in app.query(FooterKey)]


# -- pager keys ---------------------------------------------------------------------


async def test_pager_keys_move_at_once(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer, LONG, "long.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.article
        page = view.scrollable_content_region.height
        moves = [
            ("j", 1),
            ("j", 2),
            ("k", 1),
            ("space", 1 + page),
            ("ctrl+f", 1 + 2 * page),
            ("pagedown", 1 + 3 * page),
            ("b", 1 + 2 * page),
            ("shift+space", 1 + page),
            ("ctrl+b", 1),
            ("ctrl+d", 1 + page // 2),
            ("ctrl+u", 1),
        ]
        for key, line in moves:
            await pilot.press(key)
            # No pause for an animation: the view is there as soon as the key is handled.
            assert view.scroll_offset.y == line, key
        for key in ("G", "end"):
            await pilot.press("g")
            assert view.scroll_offset.y == 0
            await pilot.press(key)
            assert view.scroll_offset.y == view.max_scroll_y > 0, key
            assert view.scroll_offset.y == view.line_count - page
        await pilot.press("home")
        assert view.scroll_offset.y == 0
        await pilot.press("k")  # at the top: stays
        assert view.scroll_offset.y == 0


async def test_pager_keys_move_a_list_in_the_side_panel(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None
        await pilot.press("tab", "tab")
        listed = app.side_panel.entities.option_list
        assert app.focused is listed
        first = highlighted_id(app, "entity-panel")
        await pilot.press("j")
        assert highlighted_id(app, "entity-panel") != first
        await pilot.press("k")
        assert highlighted_id(app, "entity-panel") == first
        await pilot.press("G")
        assert highlighted_id(app, "entity-panel") == f"entity-{len(app.analysis.entities) - 1}"
        await pilot.press("g")
        assert highlighted_id(app, "entity-panel") == first
        assert app.article.scroll_offset.y == 0  # the article did not move


# -- focus you can see ----------------------------------------------------------------


async def test_a_list_shows_its_cursor_as_soon_as_it_has_the_focus(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None and len(app.analysis.entities) > 3
        assert highlighted_id(app, "entity-panel") is None
        await pilot.press("tab", "down")  # the tab names, then down into the list
        assert app.focused is app.side_panel.entities.option_list
        # The first entry (not its type's heading) is marked before any key moves it…
        assert highlighted_id(app, "entity-panel") == "entity-0"
        await pilot.press("down", "down")
        chosen = highlighted_id(app, "entity-panel")
        assert chosen is not None and chosen != "entity-0"
        await pilot.press("enter")
        await pilot.pause()
        # …so Enter picks the entry the reader sees marked.
        assert chosen == f"entity-{app.entity_index}"


async def test_tab_into_a_list_marks_its_first_entry(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "right", "tab")  # the Sources tab, then its list
        await pilot.pause()
        assert app.focused is app.side_panel.sources.option_list
        # The first entry a cursor can take: the first source's heading is not one.
        first = highlighted_id(app, "source-panel")
        assert first is not None and first.startswith("attribution-")
        await pilot.press("enter")
        await pilot.pause()
        assert app.attribution_index == int(first.removeprefix("attribution-"))


async def test_the_focused_pane_is_marked(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view, panel = app.article, app.side_panel
        focused = view.styles.border_left
        panel_blurred = panel.styles.border_left
        await pilot.press("tab")
        assert app.focused is not view
        assert view.styles.border_left[1] != focused[1]  # the bar went out
        assert panel.styles.border_left[1] != panel_blurred[1]  # the panel's lit up
        await pilot.press("shift+tab")
        assert app.focused is view
        assert view.styles.border_left == focused


# -- search like less and vim ----------------------------------------------------------


async def test_reopening_the_search_marks_the_matches_again(
    analyzer: Callable[..., Analysis],
) -> None:
    # /lopez, Enter, n, Escape, /: the matches come back marked, on the same match, and
    # Enter works without editing the query (it did nothing, with nothing marked).
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"lopez", "enter", "n")
        matches = app.article.highlights("search")
        assert len(matches) > 2
        assert app.article.highlights("current") == [matches[1]]
        await pilot.press("escape")
        await pilot.pause()
        assert app.article.highlights("search") == []
        bar = app.query_one(SearchBar)
        assert not bar.display
        await pilot.press("slash")
        await pilot.pause()
        assert app.article.highlights("search") == matches
        assert app.article.highlights("current") == [matches[1]]
        assert str(bar.query_one("#search-count").render()) == f"2 of {len(matches)}"
        await pilot.press("enter")
        assert app.focused is app.article
        await pilot.press("n")
        assert app.article.highlights("current") == [matches[2]]


async def test_a_changed_query_starts_again(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"lopez", "enter", "escape", "slash", "end", "backspace")
        await pilot.pause()
        text = app.source.text
        assert all(text[s:e].lower() == "lope" for s, e in app.article.highlights("search"))
        await pilot.press("enter", "n")
        start, end = app.article.highlights("current")[0]
        assert text[start:end].lower() == "lope"


async def test_n_with_no_match_says_so(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zebra", "enter", "n")
        assert "No matches for “zebra”." in notifications(app)
        assert app.quote_index is None  # n stayed the search's


async def test_the_footer_says_n_and_shift_n_while_searching(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "n Next match" not in _footer(app)
        assert "] Next quote" in _footer(app)
        await pilot.press("slash", *"lopez", "enter")
        await pilot.pause()
        shown = _footer(app)
        assert "n Next match" in shown and "N Prev match" in shown
        assert "] Next quote" in shown  # quotes keep ] and [
        await pilot.press("right_square_bracket")
        assert app.quote_index == 0
        await pilot.press("escape")
        await pilot.pause()
        assert "n Next match" not in _footer(app)


# -- narrow terminals -------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 79])
async def test_a_narrow_footer_keeps_quit_help_and_the_panel_key(
    analyzer: Callable[..., Analysis], width: int
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        shown = _footer(app)
        assert "q Quit" in shown and "? Help" in shown and "t Show panel" in shown
        assert "} Claim" in shown and "/ Find" in shown  # who said what stays a key away
        footer_width = sum(key.outer_size.width for key in app.query(FooterKey))
        assert footer_width <= width  # nothing cut off
        await pilot.press("t")
        await pilot.pause()
        assert app.side_panel.display
        assert "t Hide panel" in _footer(app)
        # While a search is on, n and N take the open search's place, and still fit.
        await pilot.press("t", "slash", *"bridge", "enter")
        await pilot.pause()
        shown = _footer(app)
        assert {"n Next", "N Prev", "q Quit", "? Help", "t Show panel"} <= set(shown), shown
        assert "/ Find" not in shown and "} Claim" not in shown
        footer_width = sum(key.outer_size.width for key in app.query(FooterKey))
        assert footer_width <= width, shown


async def test_the_panel_key_says_show_after_a_resize_hides_the_panel(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(app, pilot)
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        await pilot.pause()
        assert not app.side_panel.display
        assert "t Show panel" in _footer(app)
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        await pilot.pause()
        assert "t Show panel" in _footer(app)


async def test_a_wide_footer_is_the_full_one(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = _footer(app)
        assert {"] Next quote", "[ Prev quote", "s Save", "/ Search", "? Help", "q Quit"} <= set(
            shown
        )
        assert not [label for label in shown if "panel" in label.lower() and "^p" not in label]


async def test_a_cut_status_line_ends_in_an_ellipsis(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=(44, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")  # "<name> (<type>) · mention 1 of 3 · e next, E previous"
        await pilot.pause()
        status = app.status
        line = "".join(segment.text for segment in status.render_line(0)).rstrip()
        assert len(status.plain) > status.content_region.width
        assert line.endswith("…"), line
