"""SaveSummaryScreen: asks where to save the summary, and whether with who said what.

It dismisses with a :class:`SaveChoice` (the path typed, and whether the "Who said what"
section goes in), or None.

It only asks: checking, confirming a replacement and writing are the app's job. Must not
import the analysis pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label


@dataclass(frozen=True, slots=True)
class SaveChoice:
    """What the reader chose in the dialog."""

    path: str
    """The file name as typed (``~`` not yet expanded)."""
    sources: bool = False
    """Whether the summary carries the "Who said what" section (every claim by source)."""


WHO_SAID_WHAT = "Add “Who said what”: every claim by its source, and the hedges"


class SaveSummaryScreen(ModalScreen[SaveChoice | None]):
    """A file name input and a "Who said what" choice; Enter (or Save) returns them,
    Escape (or Cancel) returns None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="save.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, default_path: str, sentences: int, *, attributions: bool = True) -> None:
        """Ask for a file name for ``sentences`` summary sentences; offer the "Who said
        what" section when the article has ``attributions`` (or hedges) to list."""
        super().__init__()
        self.default_path = default_path
        self.sentences = sentences
        self.attributions = attributions

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog", classes="dialog"):
            yield Label(Text("Save summary as Markdown"), classes="dialog-title")
            count = f"{self.sentences} sentence{'' if self.sentences == 1 else 's'}"
            yield Label(Text(f"The summary ({count}) and key quotes go to:"))
            yield Input(value=self.default_path, id="save-path", select_on_focus=False)
            if self.attributions:
                yield Checkbox(Text(WHO_SAID_WHAT), id="save-sources")
            yield Label(
                Text("Enter saves · Escape cancels · ~ is your home folder"), classes="dialog-hint"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save-path", Input).focus()

    def _submit(self) -> None:
        value = self.query_one("#save-path", Input).value.strip()
        if not value:
            self.notify("Type a file name first.", severity="warning", markup=False)
            return
        sources = self.query("#save-sources")
        with_sources = bool(sources) and sources.first(Checkbox).value
        self.dismiss(SaveChoice(value, sources=with_sources))

    @on(Input.Submitted, "#save-path")
    def _entered(self) -> None:
        self._submit()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self._submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
