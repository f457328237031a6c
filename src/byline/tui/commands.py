"""The reader's commands in the command palette (ctrl+p), as a table beside its bindings.

Each command names an action, as a binding does (``bindings.py``), so the palette and the
keys run the same thing; a test checks that every action named here exists. Must not
import the analysis pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import App, SystemCommand


@dataclass(frozen=True, slots=True)
class Command:
    """One palette entry."""

    title: str
    """What the palette lists (and searches)."""
    help: str
    """The line under the title."""
    action: str
    """The app action it runs, as a binding names it ("save_summary")."""


READER_COMMANDS: tuple[Command, ...] = (
    Command("Save summary", "Save the summary and key quotes as a Markdown file", "save_summary"),
    Command(
        "Toggle side panel", "Hide or show the entities, quotes and summary", "toggle_side_panel"
    ),
    Command(
        "Reload sample article", "Open the sample article that ships with byline", "reload_sample"
    ),
    Command("Next quote", "Jump to the next quote", "next_quote"),
    Command("Search article", "Find text in the article", "search"),
    Command(
        "Open library",
        "Articles read before: reopen one where you stopped, search, delete",
        "library",
    ),
    # issue 15: copy and open in a browser
    Command(
        "Copy quote or sentence",
        "Copy the selection, the current quote with its speaker, or the chosen summary sentence",
        "copy",
    ),
    Command("Copy summary", "Copy the whole summary, a sentence a line", "copy_summary"),
    Command("Open in browser", "Open the web article's page in your browser", "open_in_browser"),
)


def system_commands(
    app: App[Any], commands: tuple[Command, ...] = READER_COMMANDS
) -> Iterator[SystemCommand]:
    """``commands`` as the palette takes them, each running its action on ``app``."""
    for command in commands:
        yield SystemCommand(command.title, command.help, partial(app.run_action, command.action))
