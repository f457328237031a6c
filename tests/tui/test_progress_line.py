"""Pilot tests: the progress line while an article is analysed or fetched."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from byline.analysis.model import Analysis
from byline.sources import Article
from byline.tui import busy, fetching
from byline.tui.progress import Progress
from byline.tui.widgets.progress_line import BAR_STEPS
from tests.tui.helpers import SIZE, make_reader, reading, settle, until


@pytest.fixture
def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The line shows from the first news of progress (not after half a second)."""
    monkeypatch.setattr(busy, "SHOW_AFTER", 0.0)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def release() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def slow_fetch(release: threading.Event, monkeypatch: pytest.MonkeyPatch) -> None:
    """A download that waits for ``release``, with the line ticking every 0.05 s."""

    def slow_download(argument: str, **options: Any) -> Article:
        release.wait(60)
        return Article("Fetched\n\nThe page, at last.", "example.com/page")

    monkeypatch.setattr(fetching, "download", slow_download)
    monkeypatch.setattr(busy, "TICK", 0.05)


async def test_the_analysis_shows_its_stage_bar_and_time(
    analyzer: Callable[..., Analysis], at_once: None, release: threading.Event
) -> None:
    reached = threading.Event()

    def staged(text: str, *, progress: Callable[[str], None], **options: Any) -> Analysis:
        for stage in ("layout", "sentences"):
            progress(stage)
        reached.set()
        release.wait(60)
        return analyzer(text, progress=progress, **options)

    app = make_reader(staged)
    clock = app.busy.clock = Clock()
    async with app.run_test(size=SIZE) as pilot:
        assert reached.wait(10)
        clock.now += 7.4
        expected = round(Progress(("layout", "sentences")).fraction * BAR_STEPS)
        for _ in range(600):  # until both stages' news has reached the mounted line
            await pilot.pause(0.05)
            line = app.busy.line
            if line is not None and line.elapsed == "7 s" and line.bar.progress == expected:
                break
        assert line is not None and line.display
        assert line.what == "Analysing · tagging words…"
        assert line.elapsed == "7 s"
        assert line.bar.progress == expected
        assert line.bar.query_one("#percentage").display
        assert not app.status.display  # the line stands in the status line's place
        release.set()
        await settle(app, pilot)
        assert not line.display and app.status.display
        assert "quote" in app.status.plain


async def test_quick_work_never_shows_the_line(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    app.busy.clock = lambda: 0.0  # no time passes
    async with reading(app):
        assert app.busy.line is None and app.status.display


async def test_a_fetch_shows_its_elapsed_time(
    analyzer: Callable[..., Analysis], at_once: None, release: threading.Event, slow_fetch: None
) -> None:
    app = make_reader(analyzer)
    clock = app.busy.clock = Clock()
    async with reading(app) as pilot:
        app.open_source("https://example.com/page", keep_current=False)
        clock.now += 65
        for _ in range(600):  # the line ticks every TICK seconds
            await pilot.pause(0.05)
            line = app.busy.line
            if line is not None and line.display and line.elapsed == "1 min 05 s":
                break
        assert line is not None and line.display
        assert line.what == "Fetching https://example.com/page…"
        assert line.elapsed == "1 min 05 s"
        assert line.bar.total is None  # a download cannot say how far it got
        assert not line.bar.query_one("#percentage").display  # nor show "--%"
        release.set()
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.source.name == "example.com/page"
        assert not line.display


async def test_while_another_article_is_fetched_the_status_line_stays(
    analyzer: Callable[..., Analysis], at_once: None, slow_fetch: None
) -> None:
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        app.open_source("https://example.com/page")  # the article on screen stays readable
        await until(pilot, lambda: app.busy.shown, "the busy line shown for the slow fetch")
        assert app.status.display
        await pilot.press("right_square_bracket")
        assert "Quote 1 of" in app.status.plain


async def test_the_line_told_while_its_parts_come_and_go_does_not_crash() -> None:
    # The line is told of progress by a timer; it can fire while the bar's own parts are
    # not mounted yet, or are already removed (the reader closing). A NoMatches from
    # the bar's percentage or inner bar used to end the app.
    from textual.app import App, ComposeResult

    from byline.tui.widgets.progress_line import ProgressLine

    class LineApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ProgressLine(id="progress-line")

    app = LineApp()
    async with app.run_test(size=(80, 5)) as pilot:
        line = app.query_one(ProgressLine)
        await line.bar.query_children().remove()  # the bar's parts gone, the bar still there
        progress = Progress()
        line.show_analysis(progress, 1.0)
        line._round_to_width()
        await pilot.pause()
        assert line.what.startswith("Analysing")
