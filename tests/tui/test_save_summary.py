"""Pilot tests: saving the summary, from the dialog to the file.

A new file, replace or keep an existing one, cancelling, bad and unwritable paths, a full
disk and ``~``: never a crash, never a lost or a clobbered file, nothing left behind.
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from byline.analysis.export import summary_markdown
from byline.analysis.model import Analysis
from byline.tui.app import BylineApp
from byline.tui.saving import summary_source
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.screens.save_summary import SaveSummaryScreen
from tests.tui.helpers import (
    SIZE,
    make_reader,
    notifications,
    reading,
    set_save_path,
    settle,
    unsafe_characters,
)


def _expected(app: BylineApp) -> str:
    assert app.analysis is not None
    return summary_markdown(app.analysis, summary_source(app.source), app.summary_size)


async def _save_as(app: BylineApp, pilot: Pilot[None], path: str) -> None:
    """Open the save dialog, type ``path`` and press Enter."""
    await pilot.press("s")
    assert isinstance(app.screen, SaveSummaryScreen)
    set_save_path(app, path)
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file the dialog proposes, already there, holding "keep me" (the working
    directory is its folder)."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "bridge.summary.md"
    target.write_text("keep me\n", encoding="utf-8")
    return target


async def _ask_to_replace(app: BylineApp, pilot: Pilot[None]) -> None:
    """Save under the proposed name, which exists: the reader asks before replacing it."""
    await pilot.press("s", "enter")
    assert isinstance(app.screen, ConfirmScreen)


# -- a new file, an existing one ---------------------------------------------------------


async def test_who_said_what_goes_in_when_ticked(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Checkbox

    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        assert app.analysis is not None and app.analysis.attributions
        await _save_as(app, pilot, "plain.md")
        plain = (tmp_path / "plain.md").read_text(encoding="utf-8")
        assert plain == _expected(app) and "Who said what" not in plain

        await pilot.press("s")
        assert isinstance(app.screen, SaveSummaryScreen)
        box = app.screen.query_one("#save-sources", Checkbox)
        assert box.value is False  # the plain summary unless asked
        box.focus()
        await pilot.press("space")
        assert box.value is True
        set_save_path(app, "sources.md")
        app.screen.query_one("#save-path").focus()
        await pilot.press("enter")
        await pilot.pause()
        saved = (tmp_path / "sources.md").read_text(encoding="utf-8")
        expected = summary_markdown(app.analysis, app.source.name, app.summary_size, sources=True)
        assert saved == expected
        assert "## Who said what" in saved and saved.startswith(plain.rstrip("\n"))


async def test_nothing_attributed_offers_no_who_said_what(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    def nothing(text: str, **options: Any) -> Analysis:
        return replace(analyzer(text, **options), attributions=(), hedges=())

    monkeypatch.chdir(tmp_path)
    app = make_reader(nothing)
    async with reading(app) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SaveSummaryScreen)
        assert not app.screen.query("#save-sources")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "bridge.summary.md").read_text(encoding="utf-8") == _expected(app)


async def test_save_new_file_in_working_folder(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with reading(app) as pilot:
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
    analyzer: Callable[..., Analysis], kept: Path, tmp_path: Path
) -> None:
    target = kept
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await _ask_to_replace(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me\n"
        assert not isinstance(app.screen, ConfirmScreen | SaveSummaryScreen)

        await _ask_to_replace(app, pilot)
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == _expected(app)


async def test_existing_file_survives_escape_and_a_cancelled_dialog(
    analyzer: Callable[..., Analysis], kept: Path, tmp_path: Path
) -> None:
    target = kept
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await _ask_to_replace(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s", "enter", "enter")  # Enter on the focused "No" button
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert target.read_text(encoding="utf-8") == "keep me\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge.summary.md"]


async def test_escape_cancels_the_dialog(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await pilot.press("s", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SaveSummaryScreen)
        assert list(tmp_path.iterdir()) == []


async def test_save_before_analysis_only_notifies(tmp_path: Path) -> None:
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


# -- bad and unwritable places -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("missing/folder/x.md", "the folder does not exist"),
        (".", "it is a folder"),
        ("existing_file/x.md", "Not a directory"),
        ("/proc/byline-test/x.md", "the folder does not exist"),
        ("/proc/byline-test.md", "no file can be created in that folder"),
        ("x" * 300 + ".md", "File name too long"),
        ("bad\x00name.md", "null"),
        ("~no-such-user-byline/x.md", "home"),
    ],
    ids=[
        "missing-folder",
        "folder",
        "file-as-folder",
        "proc-missing",
        "proc",
        "too-long",
        "nul",
        "unknown-user",
    ],
)
async def test_unwritable_paths_are_reported_and_nothing_is_left_behind(
    analyzer: Callable[..., Analysis],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing_file").write_text("precious\n", encoding="utf-8")
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await _save_as(app, pilot, typed)
        assert app.is_running
        notes = notifications(app)
        assert any("Could not save" in note and reason in note for note in notes), notes
        assert all(unsafe_characters(note) == [] for note in notes)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["existing_file"]
        assert (tmp_path / "existing_file").read_text(encoding="utf-8") == "precious\n"
        await pilot.press("right_square_bracket")  # still reading
        assert app.quote_index == 0


async def test_unwritable_folder_is_reported(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, content: str, *, replace: bool = True) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("byline.tui.saving.write_atomic", refuse)
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await pilot.press("s", "enter")
        await pilot.pause()
        assert any("permission denied" in note for note in notifications(app))


@pytest.mark.parametrize("failing", ["write", "fsync"])
async def test_full_disk_keeps_the_original_and_leaves_no_temp_file(
    analyzer: Callable[..., Analysis],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    import byline.analysis.export as export

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_fdopen = os.fdopen

    class FullFile:
        """The temp file on a full disk: opening works, writing does not."""

        def __init__(self, fd: int, *args: Any, **kwargs: Any) -> None:
            self.handle = real_fdopen(fd, *args, **kwargs)
            self.write = full

        def __enter__(self) -> FullFile:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    monkeypatch.chdir(tmp_path)
    target = tmp_path / "bridge.summary.md"
    target.write_text("the old summary\n", encoding="utf-8")
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await _ask_to_replace(app, pilot)
        with monkeypatch.context() as patch:
            if failing == "fsync":
                patch.setattr(export.os, "fsync", full)
            else:
                patch.setattr(export.os, "fdopen", FullFile)
            await pilot.press("y")
            await pilot.pause()
        assert app.is_running
        assert any("No space left on device" in note for note in notifications(app)), notifications(
            app
        )
        assert target.read_text(encoding="utf-8") == "the old summary\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge.summary.md"]


# -- the home folder ------------------------------------------------------------------------


async def test_tilde_expands_to_home_and_lands_there_only(
    analyzer: Callable[..., Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    app = make_reader(analyzer)
    async with reading(app) as pilot:
        await _save_as(app, pilot, "~/notes.md")
        assert [p.name for p in home.iterdir()] == ["notes.md"]
        assert (home / "notes.md").read_text(encoding="utf-8") == _expected(app)
        assert list(work.iterdir()) == []
        assert any(str(home / "notes.md") in note for note in notifications(app))
