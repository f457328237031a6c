"""PanelBase: the shared states of a side-panel tab (analysing, failed, ready).

Every tab shows one :class:`PanelState`, its ``state`` reactive, which it binds to the
side panel's (``data_bind``): the app sets the side panel's state and every tab follows,
whether it is built yet or not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import OptionList, Static

from byline.tui.bindings import PANEL_LIST_BINDINGS

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from byline.analysis.model import Analysis

ANALYSING = "Analysing…"
EMPTY_ARTICLE = "The article is empty: nothing to analyse."


@dataclass(frozen=True, eq=False)
class PanelState:
    """What the side panel's tabs show: an analysis, a failure, or else a waiting line.

    Compared by identity (``eq=False``): a new state is always news, and two analyses are
    never compared field by field.
    """

    analysis: Analysis | None = None
    """The analysis to list (None while waiting or after a failure)."""
    summary: tuple[int, ...] = ()
    """The summary's sentences (indexes into ``analysis.sentences``), in article order."""
    failure: str | None = None
    """Why the analysis failed (or the article could not be opened), plain text."""
    note: str | None = None
    """A line in place of each tab's own status line (the fetch's progress or failure)."""

    def with_summary(self, summary: tuple[int, ...]) -> PanelState:
        """The same state with another summary length."""
        return replace(self, summary=summary)


WAITING = PanelState()
"""Analysing, with no other news."""


class PanelList(OptionList):
    """A tab's list: its cursor shows as soon as it has the focus (on the first entry),
    so the first Enter picks what the reader sees; ``j``/``k``/``g``/``G`` move it."""

    BINDINGS = PANEL_LIST_BINDINGS

    def on_focus(self) -> None:
        self.show_cursor()

    def show_cursor(self) -> None:
        """Put the cursor on the first entry if it is on none (and the list has one)."""
        if self.highlighted is None and self.option_count:
            self.action_first()


class PanelBase(Vertical):
    """A status line over an option list; subclasses fill the list from an analysis."""

    ANALYSING = ANALYSING

    state: reactive[PanelState] = reactive(WAITING, always_update=True, init=False)
    """What this tab shows; bound to ``SidePanel.state``."""

    def __init__(
        self,
        *,
        id: str | None = None,  # noqa: A002 - Textual's name
        state: PanelState = WAITING,
    ) -> None:
        """A tab showing ``state`` from its first frame (the binding keeps it current)."""
        super().__init__(id=id, classes="side-tab")
        self.add_class("-analysing")
        self.set_reactive(PanelBase.state, state)

    def compose(self) -> ComposeResult:
        yield Static(Text(self.ANALYSING), classes="panel-status")
        yield PanelList(classes="panel-list")

    def on_mount(self) -> None:
        # The binding starts a turn after mounting: show the state it was built with now,
        # so a tab never says "Analysing…" for a moment while the article is fetched.
        self.watch_state(WAITING, self.state)

    @property
    def option_list(self) -> PanelList:
        return self.query_one(".panel-list", PanelList)

    @property
    def status(self) -> Static:
        return self.query_one(".panel-status", Static)

    def watch_state(self, old: PanelState, new: PanelState) -> None:
        if new.analysis is not None:
            if old.analysis is new.analysis and not self.changed(old, new):
                return  # the summary's length changed, which this tab does not show
            self.show_analysis(new.analysis, new.summary)
            if not new.analysis.text.strip():
                self.show_ready(EMPTY_ARTICLE)
            if self.option_list.has_focus:  # filled while the reader was in the list
                self.option_list.show_cursor()
        elif new.failure is not None:
            self.show_failed(new.failure)
            if new.note is not None:
                self.status.update(Text(new.note))
        else:
            self.show_analysing()
            self.status.update(Text(new.note or self.ANALYSING))

    def changed(self, old: PanelState, new: PanelState) -> bool:
        """Whether ``new`` shows differently here than ``old`` with the same analysis."""
        return False

    def show_analysis(self, analysis: Analysis, summary: tuple[int, ...] = ()) -> None:
        """Fill the list from ``analysis`` and the ``summary`` sentences (each tab its own
        way)."""
        raise NotImplementedError

    def show_analysing(self) -> None:
        """Empty the list and say the analysis is running."""
        self.option_list.clear_options()
        self.status.update(Text(self.ANALYSING))
        self.set_class(True, "-analysing")
        self.set_class(False, "-failed")

    def show_failed(self, reason: str) -> None:
        """Say that the analysis failed (``reason`` is plain text, never markup)."""
        self.option_list.clear_options()
        self.status.update(Text(f"Analysis failed: {reason}"))
        self.set_class(False, "-analysing")
        self.set_class(True, "-failed")

    def show_ready(self, status: str | Text = "") -> None:
        """Leave the analysing state, with an optional line above the list."""
        self.status.update(Text(status) if isinstance(status, str) else status)
        self.set_class(False, "-analysing")
        self.set_class(False, "-failed")
        self.set_class(not status, "-no-status")

    def highlight_option(self, option_id: str) -> None:
        """Move the list's cursor to ``option_id`` (no selection message is sent)."""
        try:
            self.option_list.highlighted = self.option_list.get_option_index(option_id)
        except Exception:  # noqa: BLE001 - an unknown id just leaves the cursor alone
            return

    def select(self, index: int) -> None:
        """Put the list's cursor on entry ``index`` of what this tab lists (each tab its
        own way)."""
        raise NotImplementedError
