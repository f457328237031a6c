"""Pilot tests for copying (``y``, ``Y``, a mouse selection) and opening the page in a
browser (``o``, a click on a link). No browser is ever started: ``webbrowser`` is faked."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable

import pytest

from byline.analysis.model import Analysis
from byline.tui import copying
from byline.tui.app import BylineApp
from byline.tui.browser import NO_BROWSER
from byline.tui.widgets.article_view import ArticleView
from tests.tui.helpers import (
    WEB_URL,
    highlighted_id,
    make_reader,
    notifications,
    reading,
    web_article,
)


class FakeWindowBrowser(webbrowser.BackgroundBrowser):
    """A graphical browser that only notes what it was asked to open."""

    def __init__(self, opened: list[str], works: bool = True) -> None:
        super().__init__("fake-browser")
        self.opened = opened
        self.works = works

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return self.works


class FakeTextBrowser(webbrowser.GenericBrowser):
    """A text browser (it would take over the terminal)."""

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        raise AssertionError("a text browser must not run without the terminal handed over")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the (fake, graphical) browser was asked to open."""
    urls: list[str] = []
    monkeypatch.setattr(webbrowser, "get", lambda using=None: FakeWindowBrowser(urls))
    return urls


# -- copy -------------------------------------------------------------------------------


async def test_y_copies_the_current_quote_with_its_speaker(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await pilot.press("right_square_bracket", "y")
        assert app.analysis is not None
        assert app.clipboard == copying.quote_text(app.analysis, 0)
        assert app.clipboard.startswith('"We are proud of the crews')
        assert app.clipboard.endswith(" — Mayor Ana Lopez")
        assert "Copied quote 1 to the clipboard." in notifications(app)


async def test_y_copies_the_current_claim_with_its_source(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await pilot.press("right_square_bracket", "right_curly_bracket", "y")
        assert app.analysis is not None and app.attribution_index == 0
        claim = app.analysis.attributions[0]
        assert claim.source is not None
        assert app.clipboard == copying.claim_text(app.analysis, 0)
        words = " ".join(app.analysis.text[claim.start : claim.end].split())
        assert app.clipboard == f"{words} — {claim.source}"
        assert "Copied claim 1 to the clipboard." in notifications(app)
        await pilot.press("left_square_bracket", "y")  # the last place gone to wins
        assert app.clipboard == copying.quote_text(app.analysis, app.quote_index or 0)


async def test_y_copies_the_chosen_summary_sentence_and_shift_y_the_summary(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        analysis = app.analysis
        assert analysis is not None
        await pilot.press("minus")  # a shorter summary, its tab in front
        await pilot.press("tab", "down")  # the tab names, then into the list
        chosen = highlighted_id(app, "summary-panel")
        assert chosen is not None
        await pilot.press("enter", "y")
        index = int(chosen.removeprefix("sentence-"))
        assert app.clipboard == " ".join(analysis.sentence_text(index).split())
        await pilot.press("Y")
        size = app.summary_size
        lines = app.clipboard.splitlines()
        assert len(lines) == size == len(analysis.summary) - 1
        assert lines == [
            " ".join(analysis.sentence_text(i).split()) for i in analysis.summary_of(size)
        ]
        assert f"Copied the summary ({size} sentences) to the clipboard." in notifications(app)


async def test_y_with_nothing_chosen_says_what_it_copies(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await pilot.press("y")
        assert app.clipboard == ""
        assert copying.NOTHING_CHOSEN in notifications(app)


async def test_a_mouse_selection_copies_the_article_text(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        view = app.article
        left = view.content_region.x - view.region.x + view.margin
        # From the first letter of the headline's line to the fourth body line.
        await pilot.mouse_down(ArticleView, offset=(left, 0))
        await pilot.hover(ArticleView, offset=(left + 10, 3))
        await pilot.mouse_up(ArticleView, offset=(left + 10, 3))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        text = app.source.text
        assert selected and text.startswith(selected.split("\n")[0])
        assert selected == text[: len(selected)]  # the article's own text, its breaks kept
        await pilot.press("y")
        assert app.clipboard == copying.clipboard_text(selected)
        app.copy_to_clipboard("")
        await pilot.press("ctrl+c")  # Textual's own copy key copies the same words
        assert app.clipboard == selected


async def test_copied_text_carries_no_control_characters(
    analyzer: Callable[..., Analysis],
) -> None:
    text = 'Escape Test\n\n"Run \x1b[31mrm -rf\x1b[0m \x07 now," said Lopez.\n'
    app = make_reader(analyzer, text, "controls.txt")
    async with reading(app) as pilot:
        assert app.analysis is not None and app.analysis.quotes
        await pilot.press("right_square_bracket", "y")
        assert not [ch for ch in app.clipboard if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0]
        assert "␛[31mrm -rf␛[0m" in app.clipboard


# -- open in a browser ----------------------------------------------------------------


async def test_o_opens_the_web_page(analyzer: Callable[..., Analysis], opened: list[str]) -> None:
    app = BylineApp(web_article(), analyzer=analyzer)
    async with reading(app) as pilot:
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == [WEB_URL]


async def test_o_on_a_file_says_there_is_no_address(
    analyzer: Callable[..., Analysis], opened: list[str]
) -> None:
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == []
        assert any("no address to open" in n for n in notifications(app))


async def test_o_without_a_browser_says_how_to_get_one(
    analyzer: Callable[..., Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    def none(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    app = BylineApp(web_article(), analyzer=analyzer)
    async with reading(app) as pilot:
        await pilot.press("o")
        assert NO_BROWSER in notifications(app)
        assert app.is_running


async def test_a_browser_that_fails_is_reported(
    analyzer: Callable[..., Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    urls: list[str] = []
    monkeypatch.setattr(webbrowser, "get", lambda using=None: FakeWindowBrowser(urls, False))
    app = BylineApp(web_article(), analyzer=analyzer)
    async with reading(app) as pilot:
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert urls == [WEB_URL]
        assert f"The browser did not open {WEB_URL}." in notifications(app)


async def test_a_text_browser_needs_the_terminal(
    analyzer: Callable[..., Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under the test driver the terminal cannot be handed over: the reader says so
    # rather than run w3m on top of itself.
    monkeypatch.setattr(webbrowser, "get", lambda using=None: FakeTextBrowser("w3m"))
    app = BylineApp(web_article(), analyzer=analyzer)
    async with reading(app) as pilot:
        await pilot.press("o")
        assert any("runs in the terminal" in n for n in notifications(app))


async def test_a_click_on_an_address_in_the_text_opens_it(
    analyzer: Callable[..., Analysis], opened: list[str]
) -> None:
    body = "The plans are at https://example.com/plans (see page 4), the council said."
    app = BylineApp(web_article(body), analyzer=analyzer)
    async with reading(app) as pilot:
        view = app.article
        start = app.source.text.index("https://")
        line = view.line_of(start)
        layout_start = view._layout.lines[line][0] if view._layout else 0
        column = view.content_region.x - view.region.x + view.margin + start - layout_start
        await pilot.click(ArticleView, offset=(column + 3, line))
        await app.workers.wait_for_complete()
        assert opened == ["https://example.com/plans"]
        await pilot.click(ArticleView, offset=(column - 3, line))  # beside it: nothing
        await app.workers.wait_for_complete()
        assert opened == ["https://example.com/plans"]
