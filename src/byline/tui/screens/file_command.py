"""FileCommandScreen: after ``:``, one more key says what to do, as in less and vim.

``:n`` next file, ``:p`` previous file, ``:e`` open another article. The prompt sits on
the bottom line over the reader; any other key closes it. Dismisses with the action to
run, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Label

FILE_COMMANDS: dict[str, tuple[str, str]] = {
    "n": ("next_file", "next file"),
    "p": ("previous_file", "previous file"),
    "e": ("open_article", "open"),
}
"""The key typed after ``:``: the action it runs and what it is called (kept short so the
prompt fits a 60-column terminal)."""


def prompt_text() -> str:
    """What the prompt line says."""
    choices = " · ".join(f"{key} {name}" for key, (_, name) in FILE_COMMANDS.items())
    return f":  {choices} · Escape cancels"


class FileCommandScreen(ModalScreen[str | None]):
    """A one-line prompt; the next key picks a command from :data:`FILE_COMMANDS`."""

    def compose(self) -> ComposeResult:
        yield Label(Text(prompt_text()), id="file-command")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        command = FILE_COMMANDS.get(event.character or "")
        self.dismiss(command[0] if command else None)

    def on_click(self) -> None:
        self.dismiss(None)
