"""HelpScreen: the reader's keys and panels, from the Markdown file shipped with the package."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown


def help_markdown() -> str:
    """The text of ``byline/tui/help.md``."""
    return (files("byline.tui") / "help.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Shows ``help.md``; Escape, ``q``, ``?`` or F1 close it."""

    BINDINGS = [
        Binding(
            "escape,q,question_mark,f1",
            "close",
            "Close help",
            id="help.close",
            tooltip="Back to the article",
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            with VerticalScroll(id="help-scroll"):
                yield Markdown(help_markdown(), id="help-text")
            yield Label("Escape closes · ctrl+p opens the command palette", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
