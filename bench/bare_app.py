"""The baseline for first paint: a bare Textual app showing a file's text.

    python bench/bare_app.py FILE

Header, the file's text in a Static inside a VerticalScroll, Footer; q quits. It does
nothing else, so its first paint is what Textual itself costs for the same text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(self.text, markup=False)
        yield Footer()


if __name__ == "__main__":
    BareApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
