"""PanelBase: the shared states of a side-panel tab (analysing, failed, ready).

Must not import the analysis pipeline (only its data model).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static


class PanelBase(Vertical):
    """A status line over an option list; subclasses fill the list from an analysis."""

    ANALYSING = "Analysing…"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, classes="side-tab")
        self.add_class("-analysing")

    def compose(self) -> ComposeResult:
        yield Static(Text(self.ANALYSING), classes="panel-status")
        yield OptionList(classes="panel-list")

    @property
    def option_list(self) -> OptionList:
        return self.query_one(".panel-list", OptionList)

    @property
    def status(self) -> Static:
        return self.query_one(".panel-status", Static)

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
