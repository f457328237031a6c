"""SidePanel: the Entities, Quotes and Summary tabs beside the article.

Must not import the analysis pipeline (only its data model).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from byline.analysis.model import Analysis
from byline.tui.widgets.entity_panel import EntityPanel
from byline.tui.widgets.quote_panel import QuotePanel
from byline.tui.widgets.summary_panel import SummaryPanel

EMPTY_ARTICLE = "The article is empty: nothing to analyse."


class SidePanel(Vertical):
    """Tabs over the analysis; every tab says "Analysing…" until the analysis lands."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="side-tabs", initial="tab-entities"):
            with TabPane("Entities", id="tab-entities"):
                yield EntityPanel(id="entity-panel")
            with TabPane("Quotes", id="tab-quotes"):
                yield QuotePanel(id="quote-panel")
            with TabPane("Summary", id="tab-summary"):
                yield SummaryPanel(id="summary-panel")

    @property
    def entities(self) -> EntityPanel:
        return self.query_one(EntityPanel)

    @property
    def quotes(self) -> QuotePanel:
        return self.query_one(QuotePanel)

    @property
    def summary(self) -> SummaryPanel:
        return self.query_one(SummaryPanel)

    def show_tab(self, tab_id: str) -> None:
        """Bring ``tab_id`` ("tab-quotes", …) to the front."""
        self.query_one(TabbedContent).active = tab_id

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    def show_analysing(self) -> None:
        for panel in (self.entities, self.quotes, self.summary):
            panel.show_analysing()

    def show_failed(self, reason: str) -> None:
        for panel in (self.entities, self.quotes, self.summary):
            panel.show_failed(reason)

    def show_analysis(self, analysis: Analysis, summary: tuple[int, ...]) -> None:
        self.entities.show_analysis(analysis)
        self.quotes.show_analysis(analysis)
        self.summary.show_summary(analysis, summary)
        if not analysis.text.strip():
            for panel in (self.entities, self.quotes, self.summary):
                panel.show_ready(EMPTY_ARTICLE)
