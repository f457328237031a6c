"""SearchBar: the find-in-article input under the article (``/`` opens it)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    """An input that reports its query; Enter hands the keys back to the article (where
    ``n``/``N`` walk the matches), Escape closes."""

    BINDINGS = [
        Binding(
            "escape",
            "close",
            "Close search",
            id="search.close",
            tooltip="Close the search bar and clear the highlights",
        ),
    ]

    @dataclass
    class QueryChanged(Message):
        """The search text changed."""

        query: str

    @dataclass
    class NextMatch(Message):
        """The reader pressed Enter: done typing, on to the matches."""

        query: str

    class Closed(Message):
        """The reader closed the search bar."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._built = False

    def compose(self) -> ComposeResult:
        # Empty for the first frame (no input to build and style before the article
        # shows); built right after it, so keys typed just after "/" reach the input.
        if not self._built:
            return
        yield Label("Find:", id="search-label")
        yield Input(placeholder="search the article", id="search-input")
        yield Label("", id="search-count")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def text(self) -> str:
        """What is typed in the bar ("" before the bar is built)."""
        inputs = self.query("#search-input").results(Input)
        return next((found.value for found in inputs), "")

    def on_mount(self) -> None:
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        if not self._built:
            self._built = True
            await self.recompose()

    async def open(self) -> None:
        """Show the bar and focus its input, keeping any previous query selected."""
        self.display = True
        await self._build()
        # Focus now, not on the next turn as ``focus()`` would: keys typed right after
        # "/" are already queued and are forwarded to whatever has the focus.
        self.screen.set_focus(self.input)

    def set_count(self, current: int, total: int, query: str) -> None:
        """Say which match is current (``current`` counts from 1; 0 means none)."""
        if not query:
            text = ""
        elif total == 0:
            text = "no matches"
        else:
            text = f"{current} of {total}" if current else f"{total} matches"
        self.query_one("#search-count", Label).update(Text(text))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.NextMatch(event.value))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
