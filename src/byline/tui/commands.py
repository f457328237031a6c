"""The reader's commands in the command palette (ctrl+p): every action, as a table.

Each command names an action, as a binding does (``bindings.py``), so the palette and the
keys run the same thing; a test checks that every action named here exists. A binding
this table does not name is offered too, under its own label and tooltip, so a key added
to ``bindings.py`` is in the palette at once. Each command's help line ends with its key,
as the keymap has it now.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from byline.tui.bindings import APP_BINDINGS


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
    Command("Next quote", "Jump to the next quote", "next_quote"),
    Command("Previous quote", "Jump to the previous quote", "previous_quote"),
    Command("Next mention", "Next mention of the chosen entity", "next_mention"),
    Command("Previous mention", "Previous mention of the chosen entity", "previous_mention"),
    Command("Longer summary", "Add a sentence to the summary", "summary_size(1)"),
    Command("Shorter summary", "Take a sentence out of the summary", "summary_size(-1)"),
    Command("Save summary", "Save the summary and key quotes as a Markdown file", "save_summary"),
    Command("Export…", "Save the entities, the quotes or the whole analysis to a file", "export"),
    Command(
        "Export entities", "The entities and their mention counts, as CSV", "export('entities')"
    ),
    Command("Export quotes", "The quotes with their speakers, as CSV", "export('quotes')"),
    Command(
        "Export analysis",
        "The whole analysis as JSON, as byline analyze prints it",
        "export('analysis')",
    ),
    Command(
        "Next claim (who said what)",
        "Jump to the next claim, quoted or reported, and say its source",
        "next_attribution",
    ),
    Command(
        "Previous claim (who said what)",
        "Jump to the previous claim, quoted or reported",
        "previous_attribution",
    ),
    Command("Search article", "Find text in the article", "search"),
    Command("Open article…", "Open a file or a URL (Tab completes file names)", "open_article"),
    Command("Next file", "The next of the files named on the command line", "next_file"),
    Command(
        "Previous file", "The previous of the files named on the command line", "previous_file"
    ),
    Command(
        "Open library",
        "Articles read before: reopen one where you stopped, search, delete",
        "library",
    ),
    Command(
        "Reload sample article", "Open the sample article that ships with byline", "reload_sample"
    ),
    Command(
        "Toggle side panel", "Hide or show the entities, sources and summary", "toggle_side_panel"
    ),
    Command("Help", "The keys and what the panels mean", "help"),
    Command(
        "Screenshot", "Save an SVG picture of the screen (the message says where)", "screenshot"
    ),
    Command(
        "Copy quote or sentence",
        "Copy the selection, the current quote or claim with its speaker, or the chosen summary "
        "sentence",
        "copy",
    ),
    Command("Copy summary", "Copy the whole summary, a sentence a line", "copy_summary"),
    Command("Open in browser", "Open the web article's page in your browser", "open_in_browser"),
)
"""Listed first, in this order (Textual's Theme, Quit and Keys come before them)."""


TEXTUALS_OWN = frozenset({"quit"})
"""Actions Textual's palette already offers (its "Quit"): not listed twice."""


def all_commands(
    commands: Sequence[Command] = READER_COMMANDS,
    bindings: Sequence[BindingType] = APP_BINDINGS,
) -> list[Command]:
    """``commands``, then a command for each binding whose action they do not name."""
    named = {command.action for command in commands} | TEXTUALS_OWN
    extra = [
        Command(binding.description, binding.tooltip or binding.description, binding.action)
        for binding in bindings
        if isinstance(binding, Binding) and binding.action not in named
    ]
    return [*commands, *extra]


def key_for(app: App[Any], screen: Screen[Any], action: str) -> str | None:
    """The key that runs ``action`` on ``screen`` now (after the keymap), or None."""
    for key, active in screen.active_bindings.items():
        if active.binding.action == action:
            return app.get_key_display(active.binding) if key else None
    return None


def system_commands(
    app: App[Any], screen: Screen[Any] | None = None, commands: Sequence[Command] | None = None
) -> Iterator[SystemCommand]:
    """The commands as the palette takes them, each running its action on ``app`` (the
    keys named are those of ``screen``, where the palette was opened)."""
    if screen is None and app.screen_stack:
        screen = app.screen
    for command in all_commands() if commands is None else commands:
        key = key_for(app, screen, command.action) if screen is not None else None
        help_text = f"{command.help} · key {key}" if key else command.help
        yield SystemCommand(command.title, help_text, partial(app.run_action, command.action))
