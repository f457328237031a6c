"""Pilot tests: saving the summary (new file, replace or keep, bad paths, ``~``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from byline.analysis.export import summary_markdown
from byline.analysis.model import Analysis
from byline.tui.app import BylineApp
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.screens.save_summary import SaveSummaryScreen
from tests.tui.helpers import SIZE, make_reader, notifications, settle


def _expected(app: BylineApp) -> str:
    assert app.analysis is not None
    return summary_markdown(app.analysis, app.source.name, app.summary_size)


async def test_save_new_file_in_working_folder(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("minus")  # the saved summary follows the chosen length
        await pilot.press("s")
        assert isinstance(app.screen, SaveSummaryScreen)
        path_input = app.screen.query_one("#save-path")
        assert path_input.value == str(tmp_path / "bridge.summary.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        target = tmp_path / "bridge.summary.md"
        assert target.read_text(encoding="utf-8") == _expected(app)
        assert "# Harbour Bridge Reopens After Repairs" in target.read_text(encoding="utf-8")
        assert any("Saved the summary" in note for note in notifications(app))
        assert not isinstance(app.screen, SaveSummaryScreen)


async def test_existing_file_kept_on_no_replaced_on_yes(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "bridge.summary.md"
    target.write_text("keep me\n", encoding="utf-8")
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me\n"
        assert not isinstance(app.screen, ConfirmScreen | SaveSummaryScreen)

        await pilot.press("s", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == _expected(app)


async def test_escape_cancels_the_dialog(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SaveSummaryScreen)
        assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("missing/folder/x.md", "the folder does not exist"),
        (".", "it is a folder"),
    ],
)
async def test_bad_paths_are_reported_not_raised(
    analyzer: Callable[..., Analysis],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        app.screen.query_one("#save-path").value = typed  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert any(reason in note for note in notifications(app)), notifications(app)


async def test_unwritable_folder_is_reported(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, content: str, *, replace: bool = True) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("byline.tui.saving.write_atomic", refuse)
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "enter")
        await pilot.pause()
        assert any("permission denied" in note for note in notifications(app))


async def test_tilde_expands_to_home(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        app.screen.query_one("#save-path").value = "~/notes.md"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "notes.md").read_text(encoding="utf-8") == _expected(app)


async def test_save_before_analysis_only_notifies(tmp_path: Path) -> None:
    import threading

    gate = threading.Event()

    def waiting(text: str, **options: object) -> Analysis:
        gate.wait(10)
        raise RuntimeError("stopped")

    app = make_reader(waiting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert not isinstance(app.screen, SaveSummaryScreen)
        assert any("Still analysing" in note for note in notifications(app))
        gate.set()
        await settle(app, pilot)
