"""Pilot tests: the reading library in the reader (L), positions kept across runs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from byline.__main__ import make_app
from byline.analysis.model import Analysis
from byline.library import Library
from byline.sources import read_article
from byline.tui.app import BylineApp
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.screens.library import LibraryScreen, when_read
from tests.tui.helpers import BRIDGE, reading, screen_text, settle, until

MOUNT_PAUSES = 500
"""Pauses to wait for the library screen to mount (each yields to the app's loop)."""
LONG_TITLE = "Ferry timetable changes across the estuary"


def long_article(paragraphs: int = 60) -> str:
    body = "\n\n".join(
        f"Paragraph {n}. The ferry company said the crossing would run every "
        f"{n % 7 + 10} minutes in the summer, and commuters welcomed the change."
        for n in range(1, paragraphs + 1)
    )
    return f"{LONG_TITLE}\n\n{body}\n"


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "data"))
    opened = Library.open()
    assert opened.enabled and opened.path is not None
    assert opened.path.is_relative_to(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    bridge = tmp_path / "bridge.txt"
    bridge.write_text(BRIDGE, encoding="utf-8")
    ferry = tmp_path / "ferry.txt"
    ferry.write_text(long_article(), encoding="utf-8")
    return {"bridge": bridge, "ferry": ferry}


def reader(path: Path, library: Library, analyzer: Callable[..., Analysis]) -> BylineApp:
    return make_app(read_article(str(path)), library=library, analyzer=analyzer)


def reader_with_ferry_read(
    files: dict[str, Path], library: Library, analyzer: Callable[..., Analysis]
) -> BylineApp:
    """The reader on bridge.txt, with ferry.txt read before (two entries in the library)."""
    library.record(read_article(str(files["ferry"])))
    return reader(files["bridge"], library, analyzer)


def offset_of(text: str, needle: str) -> int:
    index = text.index(needle)
    assert index > 0
    return index


def library_screen(app: BylineApp) -> LibraryScreen:
    assert isinstance(app.screen, LibraryScreen), app.screen
    return app.screen


async def open_library(app: BylineApp, pilot: Pilot[None]) -> LibraryScreen:
    """Press ``L`` in the reader; the library screen it opens, once it has filled its list.

    The screen is pushed at once but mounted (its list filled, or the reason it is empty
    written) when its own messages run: one pause is not enough on a busy machine.
    """
    await pilot.press("L")
    for _ in range(MOUNT_PAUSES):
        if isinstance(app.screen, LibraryScreen) and app.screen.is_mounted:
            break
        await pilot.pause()
    await pilot.pause()
    return library_screen(app)


async def ask_to_delete_the_second(app: BylineApp, pilot: Pilot[None]) -> ConfirmScreen:
    """Open the library and press ``d`` on its second entry; the question it asks."""
    await open_library(app, pilot)
    await pilot.press("down", "d")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)
    return app.screen


async def test_opening_records_the_article(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    app = reader(files["bridge"], library, analyzer)
    async with reading(app):
        assert app.analysis is not None
    entry = library.entry(str(files["bridge"].resolve()))
    assert entry is not None and entry.position == 0
    assert entry.title == "Harbour Bridge Reopens After Repairs"  # found by the analysis


async def test_the_sample_and_stdin_are_not_recorded(
    library: Library, analyzer: Callable[..., Analysis]
) -> None:
    app = make_app(library=library, analyzer=analyzer)
    async with reading(app):
        assert app.analysis is not None
    assert len(library) == 0


async def test_position_saved_on_quit_and_restored_on_reopen(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    app = reader(files["ferry"], library, analyzer)
    async with reading(app) as pilot:
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        where = app.article.first_visible_offset()
        assert where > 0
        first_line = app.article.text[where : where + 20]
        await pilot.press("q")
    key = str(files["ferry"].resolve())
    assert library.position(key) == where

    again = reader(files["ferry"], library, analyzer)
    async with reading(again) as pilot:
        await pilot.pause()
        assert again.article.first_visible_offset() == where
        visible = screen_text(again)
        assert " ".join(first_line.split()) in " ".join(visible.split())


async def test_position_is_saved_while_reading(
    library: Library,
    files: dict[str, Path],
    analyzer: Callable[..., Analysis],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("byline.tui.history.SAVE_EVERY", 0.05)
    app = reader(files["ferry"], library, analyzer)
    key = str(files["ferry"].resolve())
    async with reading(app) as pilot:
        await pilot.press("pagedown")
        offset = app.article.first_visible_offset()
        await until(pilot, lambda: library.position(key) == offset, "the position saved")
        assert offset > 0


async def test_library_lists_recent_articles(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    app = reader_with_ferry_read(files, library, analyzer)
    async with reading(app) as pilot:
        screen = await open_library(app, pilot)
        names = [entry.display_name for entry in screen.entries]
        assert names == ["Harbour Bridge Reopens After Repairs", "ferry.txt"]  # newest first
        prompts = [str(screen.option_list.get_option_at_index(i).prompt) for i in range(len(names))]
        assert "(open now)" in prompts[0] and "(open now)" not in prompts[1]
        assert "read today" in prompts[1]
        assert files["ferry"].parent.name in prompts[1]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LibraryScreen)
        assert app.source.path == files["bridge"]


async def test_search_filters_the_list(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    library.record_read(
        "https://news.example.com/sea-wall",
        "Sea wall text.",
        "Sea wall vote",
        site="The Coastal Times",
    )
    app = reader_with_ferry_read(files, library, analyzer)
    async with reading(app) as pilot:
        screen = await open_library(app, pilot)
        assert len(screen.entries) == 3
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"coastal")
        await pilot.pause()
        assert [e.title for e in screen.entries] == ["Sea wall vote"]
        await pilot.press(*"zzz")
        await pilot.pause()
        assert screen.entries == []
        assert "No article matches" in str(screen.query_one("#library-empty").render())
        for _ in range(len("coastalzzz")):
            await pilot.press("backspace")
        await pilot.pause()
        assert len(screen.entries) == 3


async def test_enter_reopens_at_the_saved_position(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    ferry = read_article(str(files["ferry"]))
    key = str(files["ferry"].resolve())
    library.record(ferry)
    where = offset_of(ferry.text, "Paragraph 40.")
    library.set_position(key, where)
    app = reader(files["bridge"], library, analyzer)
    async with reading(app) as pilot:
        screen = await open_library(app, pilot)
        assert [e.source for e in screen.entries][1] == key
        await pilot.press("down", "enter")
        await settle(app, pilot)
        await pilot.pause()
        assert not isinstance(app.screen, LibraryScreen)
        assert app.source.path is not None and app.source.path.resolve() == files["ferry"]
        assert app.article.first_visible_offset() == where
        assert screen_text(app).lstrip().startswith("Paragraph 40.")
        assert app.analysis is not None and app.analysis.text == ferry.text
        # the article left behind kept its place too
        assert library.entry(str(files["bridge"].resolve())) is not None


async def test_d_and_yes_deletes(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    app = reader_with_ferry_read(files, library, analyzer)
    async with reading(app) as pilot:
        question = await ask_to_delete_the_second(app, pilot)
        assert "ferry.txt" in question.question
        await pilot.press("y")
        await pilot.pause()
        screen = library_screen(app)
        assert [e.source for e in screen.entries] == [str(files["bridge"].resolve())]
    assert library.entry(str(files["ferry"].resolve())) is None
    assert files["ferry"].exists()


async def test_d_and_no_keeps(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    app = reader_with_ferry_read(files, library, analyzer)
    async with reading(app) as pilot:
        await ask_to_delete_the_second(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert len(library_screen(app).entries) == 2
    assert library.entry(str(files["ferry"].resolve())) is not None


async def test_saved_summary_is_recorded(
    library: Library,
    files: dict[str, Path],
    analyzer: Callable[..., Analysis],
    tmp_path: Path,
) -> None:
    app = reader(files["bridge"], library, analyzer)
    out = tmp_path / "bridge.summary.md"
    async with reading(app) as pilot:
        app.saver.write(out, "# Summary\n", replace=False)
        await pilot.pause()
    assert library.saved_summaries(str(files["bridge"].resolve())) == [str(out)]


async def test_a_broken_library_warns_once_and_reading_goes_on(
    files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    broken = Library.disabled("reading library unavailable (disk on fire)")
    app = reader(files["ferry"], broken, analyzer)
    async with reading(app) as pilot:
        await pilot.press("pagedown")
        await open_library(app, pilot)
        warnings = [n for n in app._notifications if "disk on fire" in n.message]
        assert len(warnings) == 1 and warnings[0].severity == "warning"
        assert "unavailable" in str(library_screen(app).query_one("#library-empty").render())
        await pilot.press("escape")
        assert app.analysis is not None


async def test_library_from_the_command_palette(
    library: Library, files: dict[str, Path], analyzer: Callable[..., Analysis]
) -> None:
    app = reader(files["bridge"], library, analyzer)
    async with reading(app):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Open library" in titles
        assert any(a.binding.id == "reader.library" for a in app.active_bindings.values())


def test_when_read_is_local_and_short() -> None:
    assert when_read("not a date") == "not a date"
    assert when_read("2001-02-03T04:05:06+00:00").startswith("2001-02-0")
