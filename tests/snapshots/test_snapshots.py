"""Snapshot tests: one class per screen or feature, on the sample article at 120x36.

The entity model is replaced by the deterministic capitalised-word tagger so pictures do
not depend on trained weights; the rest is the real pipeline. Regenerate with
``pytest tests/snapshots --snapshot-update`` after reading ``snapshot_report.html``
whenever the analysis core changes its results.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from byline.analysis.model import Analysis
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


def web_reader() -> BylineApp:
    """A web page (headline, author, site, date) with the sample article's text."""
    from byline.sources import Article, with_headline

    body = read_article(str(sample_article())).text.split("\n\n", 1)[1]
    title = "Alibaba says it will keep investing in its US business"
    article = Article(
        with_headline(title, body),
        "example.com/news/alibaba",
        url="https://example.com/news/alibaba",
        title=title,
        author="Jane Reporter",
        site="The Example Times",
        date="2026-03-03",
        web=True,
    )
    return BylineApp(article, analyzer=pipeline_with(capitalised_tagger))


class TestByline:
    def test_byline_under_the_headline(self, snap_compare: Compare) -> None:
        assert snap_compare(web_reader(), terminal_size=SIZE, run_before=analysed)


class TestMeasure:
    def test_wide_terminal_keeps_a_readable_measure(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=(200, 36), run_before=analysed)

    def test_narrow_terminal_footer(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=(60, 24), run_before=analysed)


class TestFocus:
    def test_panel_list_has_the_focus(self, snap_compare: Compare) -> None:
        assert snap_compare(
            reader(), terminal_size=SIZE, run_before=analysed, press=["tab", "down"]
        )


class TestSearchSteps:
    def test_next_match_after_enter(self, snap_compare: Compare) -> None:
        assert snap_compare(
            reader(),
            terminal_size=SIZE,
            run_before=analysed,
            press=["slash", *"alibaba", "enter", "n"],
        )


class TestHelpScreen:
    def test_help(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["f1"])


def staged_reader(stages: tuple[str, ...]) -> BylineApp:
    """The sample, its analysis held after ``stages`` (until the app closes)."""
    analyse = pipeline_with(capitalised_tagger)

    def staged(text: str, **options: Any) -> Analysis:
        for stage in stages:
            options["progress"](stage)
        while not options["should_stop"]():
            time.sleep(0.02)
        return analyse(text)

    app = BylineApp(read_article(str(sample_article())), analyzer=staged)
    app.busy.clock = lambda: 42.0  # the elapsed time shown is 0 s
    return app


class TestProgress:
    def test_analysis_progress(
        self, snap_compare: Compare, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr("byline.tui.busy.SHOW_AFTER", 0.0)

        async def progressed(pilot: Pilot[None]) -> None:
            app = pilot.app
            assert isinstance(app, BylineApp)
            for _ in range(600):
                await pilot.pause(0.05)
                if app.busy.shown and app.busy.progress.done == ("layout", "sentences"):
                    break
            await pilot.pause()

        app = staged_reader(("layout", "sentences"))
        assert snap_compare(app, terminal_size=SIZE, run_before=progressed)


class TestOpenDialog:
    def test_completion(
        self, snap_compare: Compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        for name in ("ferry.txt", "ferries-old.txt", "notes.md"):
            (tmp_path / name).write_text("x", encoding="utf-8")
        monkeypatch.chdir(tmp_path)

        async def completed(pilot: Pilot[None]) -> None:
            await analysed(pilot)
            await pilot.press("ctrl+o", "f", "tab")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

        assert snap_compare(reader(), terminal_size=SIZE, run_before=completed)


class TestExport:
    def test_choice(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["x"])

    def test_save_dialog(self, snap_compare: Compare, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(
            "byline.tui.exporting.default_export_path",
            lambda source, export: Path("/home/reader") / f"iacc-alibaba{export.suffix}",
        )
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["x", "2"])


class TestFileCommand:
    def test_prompt(self, snap_compare: Compare) -> None:
        assert snap_compare(reader(), terminal_size=SIZE, run_before=analysed, press=["colon"])
