"""SidePanel: the Entities, Sources and Summary tabs beside the article.

The tabs are built just after the first frame: until then the panel shows only
"Analysing…", so the article paints without waiting for the tabs' widgets, styles and
imports. What the tabs show is one reactive, :attr:`SidePanel.state`, which the app sets
and every tab binds to (``data_bind``): a state set before the tabs exist is the one they
show once built.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from byline.tui.bindings import SIDE_PANEL_BINDINGS
from byline.tui.widgets.panel_base import ANALYSING, WAITING, PanelBase, PanelState

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from byline.tui.widgets.entity_panel import EntityPanel
    from byline.tui.widgets.source_panel import SourcePanel
    from byline.tui.widgets.summary_panel import SummaryPanel


class SidePanel(Vertical):
    """Tabs over the analysis; every tab says "Analysing…" until the analysis lands."""

    BINDINGS = SIDE_PANEL_BINDINGS

    class VisibilityChanged(Message):
        """The panel came into view or left it: by ``t``, or by the screen narrowing past
        the breakpoint where the style sheet hides it, which nothing else reports."""

    state: reactive[PanelState] = reactive(WAITING, always_update=True, init=False)
    """What every tab shows: waiting (with a line saying for what), failed, or an analysis
    with the summary's sentences."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._built = asyncio.Event()
        self._settled = asyncio.Event()
        """Set once the tabs are built, or once the panel is gone without them."""
        self._waiting = ANALYSING
        self._active = "tab-entities"
        self._building = False

    def compose(self) -> ComposeResult:
        if not self._building:
            yield Static(Text(self._waiting), id="side-placeholder")
            return
        from textual.widgets import TabbedContent, TabPane

        from byline.tui.widgets.entity_panel import EntityPanel
        from byline.tui.widgets.source_panel import SourcePanel
        from byline.tui.widgets.summary_panel import SummaryPanel

        # No ``initial``: the tab bar would look that tab up in its own mount handler,
        # which on a loaded machine can run before its buttons are in the DOM ("No Tab
        # with id …", issue 12). The tab asked for is brought forward once built.
        with TabbedContent(id="side-tabs"):
            with TabPane("Entities", id="tab-entities"):
                yield EntityPanel(id="entity-panel", state=self.state).data_bind(SidePanel.state)
            with TabPane("Sources", id="tab-sources"):
                yield SourcePanel(id="source-panel", state=self.state).data_bind(SidePanel.state)
            with TabPane("Summary", id="tab-summary"):
                yield SummaryPanel(id="summary-panel", state=self.state).data_bind(SidePanel.state)

    def on_mount(self) -> None:
        self.call_after_refresh(self._build)

    def on_show(self) -> None:
        self.post_message(self.VisibilityChanged())

    def on_hide(self) -> None:
        self.post_message(self.VisibilityChanged())

    def on_unmount(self) -> None:
        self._settled.set()  # whoever waits for the tabs stops waiting

    async def _build(self) -> None:
        self._building = True
        await self.recompose()
        if not self.query("#side-tabs"):
            self._settled.set()
            return  # the app is closing: nothing was mounted
        self._built.set()
        self._settled.set()
        self.show_tab(self._active)

    async def wait_until_built(self) -> None:
        """Return once the tabs exist (right after the first frame), or at once if the
        panel went away before they did (the reader closing): never wait for ever."""
        await self._settled.wait()

    @property
    def is_built(self) -> bool:
        return self._built.is_set()

    @property
    def entities(self) -> EntityPanel:
        from byline.tui.widgets.entity_panel import EntityPanel

        return self.query_one(EntityPanel)

    @property
    def sources(self) -> SourcePanel:
        from byline.tui.widgets.source_panel import SourcePanel

        return self.query_one(SourcePanel)

    @property
    def summary(self) -> SummaryPanel:
        from byline.tui.widgets.summary_panel import SummaryPanel

        return self.query_one(SummaryPanel)

    def tab(self, tab_id: str) -> PanelBase:
        """The panel in tab ``tab_id`` ("tab-sources", …)."""
        return self.query_one(f"#{tab_id} .side-tab", PanelBase)

    def show_tab(self, tab_id: str) -> None:
        """Bring ``tab_id`` ("tab-sources", …) to the front."""
        self._active = tab_id
        if not self.is_built:
            return
        from textual.css.query import NoMatches
        from textual.widgets import TabbedContent

        tabs = self.query_one(TabbedContent)
        try:
            tabs.get_tab(tab_id)
        except NoMatches:  # its button is not mounted yet: ask again after the next frame
            self.call_after_refresh(self._show_pending_tab)
        else:
            tabs.active = tab_id

    def _show_pending_tab(self) -> None:
        if self.is_attached:
            self.show_tab(self._active)

    def action_enter_list(self) -> None:
        """Focus the list of the tab on show (its cursor then shows on its first entry)."""
        if self.is_built:
            self.tab(self.active_tab).option_list.focus()

    @property
    def active_tab(self) -> str:
        if not self.is_built:
            return self._active
        from textual.widgets import TabbedContent

        return self.query_one(TabbedContent).active

    def watch_state(self, state: PanelState) -> None:
        # Until the tabs exist, the placeholder says what the panel is waiting for. (It is
        # gone already while they are being mounted; they show the state once bound.)
        if state.analysis is not None or state.failure is not None or self.is_built:
            return
        self._waiting = state.note or ANALYSING
        for placeholder in self.query("#side-placeholder").results(Static):
            placeholder.update(Text(self._waiting))
