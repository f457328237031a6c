"""Pilot tests: the command palette runs every command, and Screenshot says where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from byline.analysis.model import Analysis
from byline.tui import screenshot
from byline.tui.app import BylineApp
from byline.tui.screens.export_choice import ExportChoiceScreen
from byline.tui.screens.help import HelpScreen
from byline.tui.screens.open_article import OpenArticleScreen
from byline.tui.screens.save_summary import SaveFileScreen
from tests.tui.helpers import SIZE, make_reader, notifications, settle


async def _run_from_palette(app: BylineApp, pilot: object, title: str) -> None:
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*title)  # type: ignore[attr-defined]
    results = app.screen.query_one(CommandList)
    for _ in range(600):  # the palette searches in the background: wait for the match
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if (
            results.option_count
            and results.highlighted == 0
            and str(results.get_option_at_index(0).prompt).startswith(title)
        ):
            break
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Export entities", SaveFileScreen),
        ("Export…", ExportChoiceScreen),
        ("Open article…", OpenArticleScreen),
        ("Help", HelpScreen),
    ],
)
async def test_palette_commands_open_their_screens(
    analyzer: Callable[..., Analysis], title: str, shown: type
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await _run_from_palette(app, pilot, title)
        assert isinstance(app.screen, shown)


async def test_previous_quote_and_panel_from_the_palette(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None
        await _run_from_palette(app, pilot, "Previous quote")
        assert app.quote_index == len(app.analysis.quotes) - 1
        await _run_from_palette(app, pilot, "Toggle side panel")
        assert not app.side_panel.display


async def test_palette_help_lines_name_the_keys(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Previous quote"].endswith("· key [")
        assert commands["Export…"].endswith("· key x")
        assert commands["Open article…"].endswith("· key ^o")
        assert list(commands).count("Screenshot") == 1  # byline's, not Textual's as well
        app.set_keymap({"reader.export": "ctrl+e"})
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Export…"].endswith("· key ^e")


async def test_screenshot_says_where_it_went(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screenshot, "screenshot_folders", lambda: [tmp_path])
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await _run_from_palette(app, pilot, "Screenshot")
        saved = list(tmp_path.glob("byline-*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        assert f"Saved the screenshot to {saved[0]}" in notifications(app)
        app.action_screenshot()  # another one in the same second gets its own name
        app.action_screenshot()
        assert len(list(tmp_path.glob("byline-*.svg"))) == 3  # none replaced another


async def test_screenshot_with_nowhere_to_go_says_so(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screenshot, "screenshot_folders", list)
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.action_screenshot()
        await pilot.pause()
        assert "Screenshot not saved: no folder to save it in" in notifications(app)
        app.action_screenshot(path=str(tmp_path / "missing"))
        await pilot.pause()
        assert any(n.startswith("Screenshot not saved: ") for n in notifications(app)[1:])


def test_screenshot_folders_are_real_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/Downloads here
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "Downloads"))
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    assert screenshot.screenshot_folders() == [tmp_path]
