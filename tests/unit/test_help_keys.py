"""Every key the reader binds is in its help (``tui/help.md``), in backticks as typed."""

from __future__ import annotations

import re

from textual.binding import Binding, BindingType

from byline.tui.bindings import (
    APP_BINDINGS,
    ARTICLE_BINDINGS,
    PANEL_LIST_BINDINGS,
    SIDE_PANEL_BINDINGS,
)
from byline.tui.screens.help import help_markdown
from byline.tui.widgets.search_bar import SearchBar

# Textual's names for the keys that are punctuation, as a reader types them.
TYPED = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "question_mark": "?",
    "plus": "+",
    "equals_sign": "=",
    "minus": "-",
    "f1": "F1",
}


def _keys(bindings: list[BindingType]) -> list[tuple[str, str]]:
    pairs = []
    for binding in bindings:
        assert isinstance(binding, Binding)
        assert binding.id, f"{binding.action} has no id (keymaps need one)"
        pairs += [(binding.id, key) for key in binding.key.split(",")]
    return pairs


def test_every_binding_is_in_the_help() -> None:
    documented = set(re.findall(r"`([^`]+)`", help_markdown()))
    bindings = [
        *APP_BINDINGS,
        *ARTICLE_BINDINGS,
        *PANEL_LIST_BINDINGS,
        *SIDE_PANEL_BINDINGS,
        *SearchBar.BINDINGS,
    ]
    missing = [
        (binding_id, key)
        for binding_id, key in _keys(bindings)
        if TYPED.get(key, key) not in documented
    ]
    assert missing == []


def test_the_check_notices_a_key_left_out() -> None:
    # The test above can fail: a binding the help does not name is reported.
    documented = set(re.findall(r"`([^`]+)`", help_markdown()))
    extra = Binding("ctrl+z", "nothing", id="test.nothing")
    assert [key for _, key in _keys([extra]) if key not in documented] == ["ctrl+z"]
