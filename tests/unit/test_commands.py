"""The reader's palette commands and key bindings name actions that exist."""

from __future__ import annotations

from textual.actions import parse
from textual.binding import Binding

from byline.tui.app import BylineApp
from byline.tui.bindings import APP_BINDINGS
from byline.tui.commands import READER_COMMANDS, system_commands
from byline.tui.fetching import fetching_article


def _has_action(action: str) -> bool:
    _, name, _ = parse(action)
    return callable(getattr(BylineApp, f"action_{name}", None))


def test_every_command_and_binding_runs_an_action_of_the_app() -> None:
    actions = [command.action for command in READER_COMMANDS]
    actions += [b.action for b in APP_BINDINGS if isinstance(b, Binding)]
    assert len(actions) == len(READER_COMMANDS) + len(APP_BINDINGS)
    missing = [action for action in actions if not _has_action(action)]
    assert missing == []


def test_commands_are_offered_in_table_order() -> None:
    app = BylineApp(fetching_article("x"))
    offered = list(system_commands(app))
    assert [c.title for c in offered] == [c.title for c in READER_COMMANDS]
    assert [c.help for c in offered] == [c.help for c in READER_COMMANDS]
    assert len({c.title for c in READER_COMMANDS}) == len(READER_COMMANDS)
