"""OpenArticleScreen: asks for a file or a URL to open (``ctrl+o``); Tab completes paths.

Tab completes a file name as a shell does (as far as the matches agree, listing them when
there are several); the completion also shows greyed after the cursor as you type, and
``→`` takes it. The folder is listed in a thread. It only asks: opening is the app's job.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label
from textual.worker import Worker, WorkerCancelled

from byline.tui.paths import Completion, complete_path
from byline.tui.text import one_line

SHOWN_MATCHES = 12
"""Most names listed under the input when Tab finds several."""


class PathSuggester(Suggester):
    """Suggests the completion of a typed path (nothing for a URL)."""

    def __init__(self, cwd: Path) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.cwd = cwd

    async def get_suggestion(self, value: str) -> str | None:
        completion = await asyncio.to_thread(complete_path, value, self.cwd)
        return completion.text if len(completion.text) > len(value) else None


def matches_line(completion: Completion) -> str:
    """The line under the input after Tab: the names that match, or that none does."""
    count = len(completion.matches)
    if count == 0:
        return "No file or folder starts like that."
    if count == 1:
        return ""
    shown = "  ".join(one_line(name, 40) for name in completion.matches[:SHOWN_MATCHES])
    more = f"  … {count - SHOWN_MATCHES} more" if count > SHOWN_MATCHES else ""
    return f"{count} matches: {shown}{more}"


class OpenArticleScreen(ModalScreen[str | None]):
    """A path or URL input; Enter (or Open) returns it, Escape (or Cancel) returns None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="open.cancel", tooltip="Close without opening"),
        Binding(
            "tab",
            "complete",
            "Complete",
            id="open.complete",
            tooltip="Complete the file name (as far as the matches agree)",
        ),
    ]

    def __init__(self, cwd: Path | None = None) -> None:
        super().__init__()
        self.cwd = cwd or Path.cwd()
        self._completed: str | None = None
        self._completing: Worker[None] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog", classes="dialog"):
            yield Label(Text("Open an article"), classes="dialog-title")
            yield Label(Text("A text or HTML file, or an http(s) URL:"))
            yield Input(
                placeholder="story.txt, ~/news/page.html or https://…",
                id="open-path",
                suggester=PathSuggester(self.cwd),
            )
            yield Label("", id="open-matches")
            yield Label(
                Text("Tab completes · Enter opens · Escape cancels"),
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open", id="open", variant="primary")
                yield Button("Cancel", id="cancel")

    @property
    def input(self) -> Input:
        return self.query_one("#open-path", Input)

    @property
    def matches(self) -> str:
        """What the line under the input says (after Tab)."""
        return str(self.query_one("#open-matches", Label).content)

    def on_mount(self) -> None:
        self.query_one("#open-matches", Label).display = False
        self.input.focus()

    def action_complete(self) -> None:
        if self.focused is not self.input:
            self.focus_next()
            return
        self._completing = self.complete(self.input.value)

    @work(exclusive=True, group="complete")
    async def complete(self, typed: str) -> None:
        """Complete ``typed`` in the input and list the matches when there are several."""
        completion = await asyncio.to_thread(complete_path, typed, self.cwd)
        if self.input.value != typed:
            return  # typed on meanwhile
        self._completed = completion.text
        if completion.text != typed:
            self.input.value = completion.text
            self.input.cursor_position = len(completion.text)
        line = matches_line(completion) if typed else ""
        label = self.query_one("#open-matches", Label)
        label.update(Text(line))
        label.display = bool(line)

    @on(Input.Changed, "#open-path")
    def _typed(self, event: Input.Changed) -> None:
        if event.value != self._completed:  # typed on: the list is stale
            self.query_one("#open-matches", Label).display = False

    async def _submit(self) -> None:
        if self._completing is not None and self._completing.is_running:
            with suppress(WorkerCancelled):  # a later Tab's completion replaced it
                await self._completing.wait()  # Tab then Enter, typed fast, opens the completion
        value = self.input.value.strip()
        if not value:
            self.notify("Type a file name or a URL first.", severity="warning", markup=False)
            return
        self.dismiss(value)

    @on(Input.Submitted, "#open-path")
    async def _entered(self) -> None:
        await self._submit()

    @on(Button.Pressed, "#open")
    async def _open_pressed(self) -> None:
        await self._submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
