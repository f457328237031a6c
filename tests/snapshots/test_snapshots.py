"""Snapshot tests: one class per screen or feature, on the sample article at 120x36.

The entity model is replaced by the deterministic capitalised-word tagger so pictures do
not depend on trained weights; the rest is the real pipeline. Regenerate with
``pytest tests/snapshots --snapshot-update`` after reading ``snapshot_report.html``
whenever the analysis core changes its results.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from byline.resources import sample_article
from byline.sources import read_article
from byline.tui.app import BylineApp
from tests.fakes import capitalised_tagger, pipeline_with

SIZE = (120, 36)
Compare = Callable[..., bool]


def reader() -> BylineApp:
    source = read_article(str(sample_article()))
    return BylineApp(source, analyzer=pipeline_with(capitalised_tagger))


async def analysed(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture(autouse=True)
def _steady(no_cursor_blink: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # The save dialog shows the working folder; pin it so the picture is the same anywhere.
    monkeypatch.setattr(
        "byline.tui.saving.default_summary_path",
        lambda source: Path("/home/reader") / f"{Path(source.name).stem}.summary.md",
    )


class TestMainScreen:
    def test_after_analysis(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed)

    def test_narrow_terminal(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=(80, 24), run_before=analysed)

    def test_side_panel_hidden(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["t"])


class TestQuotes:
    def test_next_quote(self, snap_compare: Compare) -> None:
        assert snap_compare(
            reader(), terminal_size=SIZE, run_before=analysed, press=["right_square_bracket"]
        )

    def test_last_quote(self, snap_compare: Compare) -> None:
        assert snap_compare(
            reader(), terminal_size=SIZE, run_before=analysed, press=["left_square_bracket"]
        )


class TestSources:
    def test_sources_tab_on_a_reported_claim(self, snap_compare: Compare) -> None:
        # Four claims back from the end: "The e-commerce giant said it will no longer
        # charge…" (reported, Alibaba Group's), its content, source and cue marked, with
        # the Sources tab listing claims by source and the hedges underlined quietly.
        assert snap_compare(
            reader(), terminal_size=SIZE, run_before=analysed, press=["left_curly_bracket"] * 4
        )


class TestEntities:
    def test_walk_mentions(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["e", "e"])


class TestSummary:
    def test_summary_tab(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["minus"])


class TestSaveDialog:
    def test_dialog(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["s"])


class TestSearch:
    def test_matches(self, snap_compare: Compare) -> None:
        assert snap_compare(
            reader(), terminal_size=SIZE, run_before=analysed, press=["slash", *"alibaba"]
        )


class TestHelpScreen:
    def test_help(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["f1"])
