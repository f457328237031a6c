"""Every key of the reader is in the help screen and the README's key table."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding
from textual.keys import key_to_character

from byline.resources import REPO_DIR
from byline.tui.bindings import READER_BINDINGS
from byline.tui.screens.help import help_markdown
from byline.tui.widgets.entity_panel import EntityPanel

BINDINGS = [b for b in [*READER_BINDINGS, *EntityPanel.BINDINGS] if isinstance(b, Binding)]


NAMED = {"slash": "/", "plus": "+", "minus": "-"}
"""Keys Textual names that ``key_to_character`` does not turn back into characters."""


def _shown(key: str) -> str:
    """How the help writes ``key``: "]" for right_square_bracket, "ctrl+o", "F1"."""
    character = NAMED.get(key) or key_to_character(key)
    if character is not None and len(key) > 1:
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
