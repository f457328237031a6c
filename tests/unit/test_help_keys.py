"""Every key of the reader is in the help screen (``tui/help.md``, in backticks as typed)
and the README's key table; no key runs two actions by accident."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from textual.binding import Binding, BindingType
from textual.keys import key_to_character

from byline.resources import REPO_DIR
from byline.tui.bindings import (
    APP_BINDINGS,
    ARTICLE_BINDINGS,
    PANEL_LIST_BINDINGS,
    SEARCH_BINDINGS,
    SIDE_PANEL_BINDINGS,
)
from byline.tui.screens.help import help_markdown
from byline.tui.widgets.entity_panel import EntityPanel
from byline.tui.widgets.search_bar import SearchBar

BINDINGS = [b for b in [*APP_BINDINGS, *EntityPanel.BINDINGS] if isinstance(b, Binding)]

NAMED = {"slash": "/", "plus": "+", "minus": "-"}
"""Keys Textual names that ``key_to_character`` does not turn back into characters."""


def _shown(key: str) -> str:
    """How the help writes ``key``: "]" for right_square_bracket, "ctrl+o", "F1"."""
    character = NAMED.get(key) or key_to_character(key)
    if character is not None and character.isprintable() and len(key) > 1:
        return character
    return key.upper() if re.fullmatch(r"f\d+", key) else key


def _documented(text: str) -> set[str]:
    """Everything written as code: `x`, and each key of `:n` / `ctrl+o`."""
    spans = re.findall(r"`([^`]+)`", text)
    keys = set(spans)
    keys.update(span[0] for span in spans if span.startswith(":"))
    return keys


@pytest.mark.parametrize("binding", BINDINGS, ids=lambda b: b.id or b.action)
def test_every_binding_is_in_the_help_and_the_readme(binding: Binding) -> None:
    first = _shown(binding.key.split(",")[0])
    assert first in _documented(help_markdown()), f"{first} ({binding.action}) not in help.md"
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Using the reader") : readme.index("## Settings")]
    assert first in _documented(table), f"{first} ({binding.action}) not in the README table"


# Textual's names for the keys that are punctuation, as a reader types them.
TYPED = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "slash": "/",
    "question_mark": "?",
    "plus": "+",
    "equals_sign": "=",
    "minus": "-",
    "f1": "F1",
    "colon": ":",
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
        *EntityPanel.BINDINGS,
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


def test_no_key_runs_two_app_actions() -> None:
    # n and N are the search's while one is on (``check_action``), else the quotes'.
    gated = {b.key for b in SEARCH_BINDINGS if isinstance(b, Binding)}
    actions: dict[str, set[str]] = defaultdict(set)
    for binding in APP_BINDINGS:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            actions[key].add(binding.action)
    clashes = {k: a for k, a in actions.items() if len(a) > 1 and k not in gated}
    assert clashes == {}
    assert len(actions["n"]) == 2  # the test can fail: a key bound twice is seen


def test_the_pager_keys_are_not_app_keys() -> None:
    # The article view's pager keys (j, ctrl+f, b...) must not shadow a reader command.
    app_keys = {k for b in APP_BINDINGS if isinstance(b, Binding) for k in b.key.split(",")}
    pager = {k for b in ARTICLE_BINDINGS if isinstance(b, Binding) for k in b.key.split(",")}
    assert app_keys & pager == set()
