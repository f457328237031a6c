"""The reader's commands in the command palette (ctrl+p).

They call the app's actions, so the palette and the keys do the same thing. Must not
import the analysis pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from byline.tui.app import BylineApp


def reader_commands(app: BylineApp) -> Iterable[SystemCommand]:
    """The commands byline adds to Textual's own."""
    yield SystemCommand(
        "Save summary",
        "Save the summary and key quotes as a Markdown file",
        app.action_save_summary,
    )
    yield SystemCommand(
        "Toggle side panel",
        "Hide or show the entities, quotes and summary",
        app.action_toggle_side_panel,
    )
    yield SystemCommand(
        "Reload sample article",
        "Open the sample article that ships with byline",
        app.action_reload_sample,
    )
    yield SystemCommand("Next quote", "Jump to the next quote", app.action_next_quote)
    yield SystemCommand("Search article", "Find text in the article", app.action_search)
    yield SystemCommand(
        "Open library",
        "Articles read before: reopen one where you stopped, search, delete",
        app.action_library,
    )
