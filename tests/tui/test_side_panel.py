"""The side panel builds its tabs after the first frame; they show the state it was given."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from byline.analysis.model import Analysis
from byline.tui.widgets.panel_base import PanelState
from byline.tui.widgets.side_panel import SidePanel

from .helpers import BRIDGE


class _PanelApp(App[None]):
    """A side panel told things in ``on_mount``, before its tabs exist."""

    def __init__(self, before_tabs: Callable[[SidePanel], None]) -> None:
        super().__init__()
        self.before_tabs = before_tabs

    def compose(self) -> ComposeResult:
        yield SidePanel(id="side-panel")

    def on_mount(self) -> None:
        panel = self.query_one(SidePanel)
        assert not panel.is_built
        self.before_tabs(panel)


FAILED = PanelState(failure="boom", note="Could not open the article: boom")


def _status(panel: SidePanel, which: str) -> str:
    widget = panel.query_one(f"#{which} .panel-status", Static)
    return str(widget.render())


async def test_first_frame_has_no_tabs_then_they_are_built() -> None:
    app = _PanelApp(lambda panel: None)
    async with app.run_test(size=(60, 20)) as pilot:
        panel = app.query_one(SidePanel)
        await asyncio.wait_for(panel.wait_until_built(), timeout=30)
        await pilot.pause()
        assert not panel.query("#side-placeholder")
        assert panel.active_tab == "tab-entities"
        assert _status(panel, "entity-panel") == "Analysing…"


async def test_failure_told_before_the_tabs_is_shown_in_every_tab() -> None:
    app = _PanelApp(lambda panel: setattr(panel, "state", FAILED))
    async with app.run_test(size=(60, 20)) as pilot:
        panel = app.query_one(SidePanel)
        await asyncio.wait_for(panel.wait_until_built(), timeout=30)
        await pilot.pause()
        for which in ("entity-panel", "source-panel", "summary-panel"):
            assert _status(panel, which) == "Could not open the article: boom"


async def test_analysis_and_tab_told_before_the_tabs_are_shown(
    analyzer: Callable[..., Analysis],
) -> None:
    analysis = analyzer(BRIDGE)

    def before_tabs(panel: SidePanel) -> None:
        panel.state = PanelState(analysis, analysis.summary)
        panel.show_tab("tab-sources")

    app = _PanelApp(before_tabs)
    async with app.run_test(size=(60, 20)) as pilot:
        panel = app.query_one(SidePanel)
        await asyncio.wait_for(panel.wait_until_built(), timeout=30)
        await pilot.pause()
        assert panel.active_tab == "tab-sources"
        sources = panel.query_one("#source-panel OptionList", OptionList)
        claims = [sources.get_option_at_index(i).id for i in range(sources.option_count)]
        expected = [f"attribution-{i}" for i in range(len(analysis.attributions))]
        assert sorted(c for c in claims if c and c.startswith("attribution-")) == sorted(expected)
        assert analysis.quotes and len(analysis.attributions) >= len(analysis.quotes)
        entities = panel.query_one("#entity-panel OptionList", OptionList)
        assert entities.option_count > len(analysis.entities) > 0  # with type headings


async def test_told_while_the_tabs_are_being_mounted(monkeypatch) -> None:
    # The placeholder is gone before the tabs exist: a fetch failing in that window
    # must neither crash nor be lost.
    original = SidePanel.recompose

    async def recompose_then_fail(self: SidePanel) -> None:
        await self.query_one("#side-placeholder").remove()
        self.state = FAILED
        await original(self)

    monkeypatch.setattr(SidePanel, "recompose", recompose_then_fail)
    app = _PanelApp(lambda panel: None)
    async with app.run_test(size=(60, 20)) as pilot:
        panel = app.query_one(SidePanel)
        await asyncio.wait_for(panel.wait_until_built(), timeout=30)
        await pilot.pause()
        assert _status(panel, "source-panel") == "Could not open the article: boom"


async def test_tabs_whose_buttons_mount_late_do_not_crash(monkeypatch) -> None:
    # Issue 12's race: on a loaded machine the tab bar can run its mount handler before
    # its tab buttons are in the DOM, and asking it then for a tab by id raised
    # "No Tab with id '--content-tab-tab-entities'". Simulate that window: while the
    # tab bar's mount handler runs, its list of buttons looks empty.
    from textual.widgets import Tabs

    original_mount = Tabs._on_mount

    def mount_with_no_buttons_yet(self: Tabs, event: object) -> None:
        real_query = self.query
        self.query = lambda selector=None: real_query(  # type: ignore[method-assign,assignment]
            "#no-such-widget" if str(selector).startswith("#tabs-list") else selector
        )
        try:
            original_mount(self, event)  # type: ignore[arg-type]
        finally:
            del self.query

    monkeypatch.setattr(Tabs, "_on_mount", mount_with_no_buttons_yet)
    app = _PanelApp(lambda panel: panel.show_tab("tab-sources"))
    async with app.run_test(size=(60, 20)) as pilot:
        panel = app.query_one(SidePanel)
        await asyncio.wait_for(panel.wait_until_built(), timeout=30)
        await pilot.pause()
        assert panel.active_tab == "tab-sources"
        assert panel.query_one("#tab-sources").display
