"""Pilot tests: exporting from the reader (x), through the save dialog and its replace check."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from byline.analysis.model import Analysis
from byline.json_lines import analyze_to_json_line
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.screens.export_choice import ExportChoiceScreen
from byline.tui.screens.save_summary import SaveFileScreen, SaveSummaryScreen
from tests.tui.helpers import SIZE, file_reader, notifications, reading, settle


async def test_x_exports_the_entities_as_csv(
    analyzer: Callable[..., Analysis], bridge_file: Path
) -> None:
    app = file_reader(analyzer, bridge_file.name)
    async with reading(app) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportChoiceScreen)
        await pilot.press("down", "enter")  # the second choice: entities
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveFileScreen) and dialog.title_text == "Export entities as CSV"
        assert dialog.default_path == str(bridge_file.parent / "bridge.entities.csv")
        await pilot.press("enter")
        await pilot.pause()
        written = bridge_file.parent / "bridge.entities.csv"
        rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8"))))
        assert app.analysis is not None and len(rows) == len(app.analysis.entities)
        assert f"Saved the entities to {written}" in notifications(app)


async def test_a_number_picks_the_export_and_an_existing_file_is_asked_about(
    analyzer: Callable[..., Analysis], bridge_file: Path
) -> None:
    target = bridge_file.parent / "bridge.quotes.csv"
    target.write_text("mine\n", encoding="utf-8")
    app = file_reader(analyzer, bridge_file.name)
    async with reading(app) as pilot:
        await pilot.press("x", "3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine\n"
        assert f"Not saved: {target} left as it was." in notifications(app)
        await pilot.press("x", "3", "enter", "y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("number,speaker,quote")


async def test_the_whole_analysis_is_the_line_byline_analyze_prints(
    analyzer: Callable[..., Analysis], bridge_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = file_reader(analyzer, bridge_file.name)
    async with reading(app) as pilot:
        await pilot.press("x", "4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SaveFileScreen)
        assert screen.title_text == "Export analysis as JSON"
        assert screen.lead == "The whole analysis (the line byline analyze prints) goes to:"
        await pilot.press("enter")
        await pilot.pause()
    monkeypatch.setattr("byline.analysis.pipeline.analyze", analyzer)
    ok, line = analyze_to_json_line(bridge_file.name)
    assert ok
    exported = (bridge_file.parent / "bridge.analysis.json").read_text(encoding="utf-8")
    assert exported == line + "\n"


async def test_the_summary_choice_is_the_save_flow(
    analyzer: Callable[..., Analysis], bridge_file: Path
) -> None:
    app = file_reader(analyzer, bridge_file.name)
    async with reading(app) as pilot:
        await pilot.press("x", "1")
        await pilot.pause()
        assert isinstance(app.screen, SaveSummaryScreen)
        await pilot.press("escape", "x", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SaveFileScreen | ExportChoiceScreen)


async def test_nothing_to_export_is_said(
    analyzer: Callable[..., Analysis], bridge_file: Path
) -> None:
    bridge_file.write_text("all lower case and no quotes at all here.\n", encoding="utf-8")
    app = file_reader(analyzer, bridge_file.name)
    async with reading(app) as pilot:
        await app.run_action("export('quotes')")
        await app.run_action("export('entities')")
        await pilot.pause()
        assert "Nothing to export: no direct quotes were found." in notifications(app)
        assert "Nothing to export: no named entities were found." in notifications(app)
        assert not isinstance(app.screen, SaveFileScreen)


async def test_export_waits_for_the_analysis(
    analyzer: Callable[..., Analysis], bridge_file: Path
) -> None:
    release = threading.Event()

    def slow(text: str, **options: Any) -> Analysis:
        release.wait(60)
        return analyzer(text, **options)

    app = file_reader(slow, bridge_file.name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, ExportChoiceScreen)
        assert "Still analysing the article…" in notifications(app)
        release.set()
        await settle(app, pilot)
