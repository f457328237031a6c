"""Pilot tests: opening another article (ctrl+o, :e), and :n / :p over several files."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from byline.analysis.model import Analysis
from byline.library import Library
from byline.sources import read_article
from byline.tui.app import BylineApp
from byline.tui.paths import Completion
from byline.tui.screens import open_article
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.screens.file_command import FileCommandScreen
from byline.tui.screens.open_article import OpenArticleScreen
from tests.tui.helpers import file_reader, notifications, reading, screen_text, settle

FERRY = "Ferry timetable changes\n\nThe ferry will run every ten minutes, the company said.\n"


@pytest.fixture
def folder(bridge_file: Path) -> Path:
    """The working directory: bridge.txt, ferry.txt and ferries-old.txt."""
    (bridge_file.parent / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (bridge_file.parent / "ferries-old.txt").write_text(FERRY, encoding="utf-8")
    return bridge_file.parent


def _reader(
    analyzer: Callable[..., Analysis], folder: Path, files: list[str] | None = None
) -> BylineApp:
    return file_reader(analyzer, folder / "bridge.txt", files=files or [])


async def test_ctrl_o_opens_a_file_with_tab_completion(
    analyzer: Callable[..., Analysis], folder: Path
) -> None:
    app = _reader(analyzer, folder)
    async with reading(app) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OpenArticleScreen)
        await pilot.press("f", "tab")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.input.value == "ferr"  # as far as ferry.txt and ferries-old.txt agree
        assert screen.matches == "2 matches: ferries-old.txt  ferry.txt"
        assert screen.query_one("#open-matches").display
        await pilot.press("y", "tab")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.input.value == "ferry.txt"
        assert not screen.query_one("#open-matches").display  # one match: nothing to list
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, OpenArticleScreen)
        assert app.source.name == "ferry.txt"
        assert "The ferry will run" in screen_text(app)
        assert app.analysis is not None and app.analysis.text == FERRY


async def test_enter_right_after_tab_opens_the_completed_name(
    analyzer: Callable[..., Analysis], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab, Enter typed fast: Enter waits for the folder listing, then opens what it found."""
    listed = threading.Event()
    complete = open_article.complete_path

    def slow_complete(typed: str, cwd: Path) -> Completion:
        listed.wait(timeout=30)
        return complete(typed, cwd)

    monkeypatch.setattr(open_article, "complete_path", slow_complete)
    app = _reader(analyzer, folder)
    async with reading(app) as pilot:
        await pilot.press("ctrl+o", *"ferry", "tab")
        enter = asyncio.create_task(pilot.press("enter"))
        await pilot.pause()
        assert isinstance(app.screen, OpenArticleScreen)  # still listing: Enter waits
        listed.set()
        await enter
        await settle(app, pilot)
        assert app.source.name == "ferry.txt"


async def test_ctrl_o_escape_and_a_missing_file_keep_the_article(
    analyzer: Callable[..., Analysis], folder: Path
) -> None:
    app = _reader(analyzer, folder)
    async with reading(app) as pilot:
        await pilot.press("ctrl+o", "x", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, OpenArticleScreen)
        await pilot.press("ctrl+o", *"nope.txt", "enter")
        await settle(app, pilot)
        assert app.source.name == "bridge.txt" and app.analysis is not None
        assert any("nope.txt: no such file" in n for n in notifications(app))


async def test_the_open_dialog_refuses_an_empty_name(
    analyzer: Callable[..., Analysis], folder: Path
) -> None:
    app = _reader(analyzer, folder)
    async with reading(app) as pilot:
        await pilot.press("ctrl+o", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenArticleScreen)
        assert "Type a file name or a URL first." in notifications(app)


async def test_colon_n_and_colon_p_step_through_the_files(
    analyzer: Callable[..., Analysis], folder: Path
) -> None:
    app = _reader(analyzer, folder, ["bridge.txt", "ferry.txt"])
    async with reading(app) as pilot:
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(app.screen, FileCommandScreen)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.source.name == "ferry.txt" and app.file_index == 1
        assert "File 2 of 2: ferry.txt" in notifications(app)
        await pilot.press("colon", "n")  # no further file
        await settle(app, pilot)
        assert app.source.name == "ferry.txt"
        assert "This is the last file (2 of 2)." in notifications(app)
        await pilot.press("colon", "p")
        await settle(app, pilot)
        assert app.source.name == "bridge.txt" and app.file_index == 0
        await pilot.press("colon", "z")  # any other key just closes the prompt
        await pilot.pause()
        assert not isinstance(app.screen, FileCommandScreen)
        assert app.source.name == "bridge.txt"


async def test_colon_e_opens_the_open_dialog_and_one_file_says_so(
    analyzer: Callable[..., Analysis], folder: Path
) -> None:
    app = _reader(analyzer, folder)
    async with reading(app) as pilot:
        await pilot.press("colon", "n")
        await pilot.pause()
        assert any(n.startswith("Only one article was named") for n in notifications(app))
        await pilot.press("colon", "e")
        await pilot.pause()
        assert isinstance(app.screen, OpenArticleScreen)


async def test_the_colon_prompt_fits_sixty_columns(
    analyzer: Callable[..., Analysis], folder: Path
) -> None:
    app = _reader(analyzer, folder)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(app.screen, FileCommandScreen)
        shown = "".join(s.text for s in app.screen.query_one("#file-command").render_line(0))
        assert shown.rstrip().endswith("e open · Escape cancels")


async def test_colon_is_text_in_the_search_and_the_open_dialog(
    analyzer: Callable[..., Analysis], folder: Path
) -> None:
    app = _reader(analyzer, folder)
    async with reading(app) as pilot:
        await pilot.press("slash", "a", "colon", "b")
        await pilot.pause()
        assert app.screen.query_one("#search-input").value == "a:b"  # type: ignore[attr-defined]
        await pilot.press("escape", "ctrl+o", *"https", "colon")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OpenArticleScreen) and screen.input.value == "https:"


async def test_a_file_that_is_gone_is_offered_from_the_library(
    analyzer: Callable[..., Analysis], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLINE_DATA_DIR", str(folder / "data"))
    gone = folder / "ferry.txt"
    with Library.open() as library:
        library.record(read_article(str(gone)))
        gone.unlink()
        app = file_reader(analyzer, folder / "bridge.txt", library=library)
        async with reading(app) as pilot:
            app.open_source(str(gone))
            await settle(app, pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert "ferry.txt is gone (moved or deleted)" in app.screen.question
            await pilot.press("y")
            await settle(app, pilot)
            assert app.source.text == FERRY and app.source.cached
            assert app.analysis is not None and app.analysis.text == FERRY
            assert any("library's copy" in n for n in notifications(app))
            assert app.history.key == str(gone)  # still recorded under the file
