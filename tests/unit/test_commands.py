"""The reader's palette commands and key bindings name actions that exist, and the palette
offers every binding."""

from __future__ import annotations

from textual.actions import parse
from textual.binding import Binding

from byline.tui.app import BylineApp
from byline.tui.bindings import APP_BINDINGS
from byline.tui.commands import READER_COMMANDS, Command, all_commands, system_commands
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
    commands = all_commands()
    assert [c.title for c in offered] == [c.title for c in commands]
    assert [c.help for c in offered] == [c.help for c in commands]  # no screen: no keys
    assert [c.title for c in commands[: len(READER_COMMANDS)]] == [c.title for c in READER_COMMANDS]
    assert len({c.title for c in commands}) == len(commands)


def test_every_binding_is_in_the_palette() -> None:
    offered = {command.action for command in all_commands()}
    actions = {b.action for b in APP_BINDINGS if isinstance(b, Binding)}
    assert actions - {"quit"} <= offered
    assert "quit" not in offered  # Textual's palette has its own Quit: not listed twice


def test_a_binding_the_table_does_not_name_is_offered_under_its_label() -> None:
    extra = Binding("y", "copy_quote", "Copy quote", id="reader.copy", tooltip="Copy it")
    commands = all_commands((Command("Next quote", "…", "next_quote"),), [extra])
    assert commands[-1] == Command("Copy quote", "Copy it", "copy_quote")
