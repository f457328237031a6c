"""SidePanel: the Entities, Quotes and Summary tabs beside the article.

The tabs are built just after the first frame: until then the panel shows only
"Analysing…", so the article paints without waiting for the tabs' widgets, styles and
imports. Calls made before that are remembered and replayed. Must not import the analysis
pipeline (only its data model, and only when typing).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from byline.tui.widgets.panel_base import PanelBase

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from byline.analysis.model import Analysis
    from byline.tui.widgets.entity_panel import EntityPanel
    from byline.tui.widgets.quote_panel import QuotePanel
    from byline.tui.widgets.summary_panel import SummaryPanel

EMPTY_ARTICLE = "The article is empty: nothing to analyse."


class SidePanel(Vertical):
    """Tabs over the analysis; every tab says "Analysing…" until the analysis lands."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._built = asyncio.Event()
        self._analysis: tuple[Analysis, tuple[int, ...]] | None = None
        self._failure: tuple[str, str | None] | None = None
        self._waiting = PanelBase.ANALYSING
        self._active = "tab-entities"
        self._building = False

    def compose(self) -> ComposeResult:
        if not self._building:
            yield Static(Text(self._waiting), id="side-placeholder")
            return
        from textual.widgets import TabbedContent, TabPane

        from byline.tui.widgets.entity_panel import EntityPanel
        from byline.tui.widgets.quote_panel import QuotePanel
        from byline.tui.widgets.summary_panel import SummaryPanel

        with TabbedContent(id="side-tabs", initial=self._active):
            with TabPane("Entities", id="tab-entities"):
                yield EntityPanel(id="entity-panel")
            with TabPane("Quotes", id="tab-quotes"):
                yield QuotePanel(id="quote-panel")
            with TabPane("Summary", id="tab-summary"):
                yield SummaryPanel(id="summary-panel")

    def on_mount(self) -> None:
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        self._building = True
        await self.recompose()
        if not self.query("#side-tabs"):
            return  # the app is closing: nothing was mounted
        self._built.set()
        self._replay()

    async def wait_until_built(self) -> None:
        """Return once the tabs exist (right after the first frame)."""
        await self._built.wait()

    @property
    def is_built(self) -> bool:
        return self._built.is_set()

    @property
    def entities(self) -> EntityPanel:
        from byline.tui.widgets.entity_panel import EntityPanel

        return self.query_one(EntityPanel)

    @property
    def quotes(self) -> QuotePanel:
        from byline.tui.widgets.quote_panel import QuotePanel

        return self.query_one(QuotePanel)

    @property
    def summary(self) -> SummaryPanel:
        from byline.tui.widgets.summary_panel import SummaryPanel

        return self.query_one(SummaryPanel)

    def _panels(self) -> tuple[PanelBase, ...]:
        return (self.entities, self.quotes, self.summary)

    def show_tab(self, tab_id: str) -> None:
        """Bring ``tab_id`` ("tab-quotes", …) to the front."""
        self._active = tab_id
        if self.is_built:
            from textual.widgets import TabbedContent

            self.query_one(TabbedContent).active = tab_id

    @property
    def active_tab(self) -> str:
        if not self.is_built:
            return self._active
        from textual.widgets import TabbedContent

        return self.query_one(TabbedContent).active

    def show_analysing(self, status: str = PanelBase.ANALYSING) -> None:
        """Say the analysis (or, with another ``status``, the fetch) is under way."""
        self._analysis, self._failure, self._waiting = None, None, status
        self._replay()

    def show_failed(self, reason: str, status: str | None = None) -> None:
        """Say the analysis failed for ``reason``; ``status`` replaces the whole line."""
        self._analysis, self._failure = None, (reason, status)
        self._replay()

    def show_analysis(self, analysis: Analysis, summary: tuple[int, ...]) -> None:
        self._analysis, self._failure = (analysis, summary), None
        self._replay()

    def show_summary(self, analysis: Analysis, summary: tuple[int, ...]) -> None:
        """Show ``summary`` (sentence indexes) after the reader changed its length."""
        self._analysis = (analysis, summary)
        if self.is_built:
            self.summary.show_summary(analysis, summary)

    def _replay(self) -> None:
        """Show the remembered state in the tabs (only the waiting line before they exist)."""
        if not self.is_built:
            # (Gone already while the tabs are being mounted; they replay this once built.)
            for placeholder in self.query("#side-placeholder").results(Static):
                placeholder.update(Text(self._waiting))
            return
        if self._analysis is not None:
            analysis, summary = self._analysis
            self.entities.show_analysis(analysis)
            self.quotes.show_analysis(analysis)
            self.summary.show_summary(analysis, summary)
            if not analysis.text.strip():
                for panel in self._panels():
                    panel.show_ready(EMPTY_ARTICLE)
        elif self._failure is not None:
            reason, status = self._failure
            for panel in self._panels():
                panel.show_failed(reason)
                if status is not None:
                    panel.status.update(Text(status))
        else:
            for panel in self._panels():
                panel.show_analysing()
                panel.status.update(Text(self._waiting))
