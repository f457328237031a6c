"""Smoke test: a hostile article in a real terminal (tmux) changes nothing but the screen.

The article is full of Rich markup and escape sequences: OSC 52 clipboard writes (ended
by BEL and by ST), an OSC 0 title change, a CSI screen clear, OSC 8 hyperlinks, a bidi
override. The tmux server runs with ``set-clipboard on``, so an OSC 52 that reached the
terminal would create a paste buffer; a canary pane first proves that it does, so the
test can fail.
Same ``terminal`` fixture as every smoke test (``conftest.py``): own ``-L`` socket,
COLUMNS/LINES removed, polling ``capture-pane`` instead of sleeping, and ``kill-server`` at
the end, always.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.terminal import MAIN, Terminal
from tests.smoke.conftest import BYLINE

pytestmark = pytest.mark.smoke

HOSTILE = (
    "[bold red]LOUD[/] Headline \x1b]0;pwned\x07 Here\n\n"
    "The mayor posted [link=https://evil.example]click[/link] on Monday."
    "\x1b]52;c;SGVsbG8=\x07 Then \x1b]52;c;U1Q=\x1b\\ \x1b[2J the screen "
    "\x1b]8;;https://evil.example\x07went"
    "\x1b]8;;\x07 dark and \u202edesrever\u202c words.\n\n"
    '"We will [bold]never[/bold] stop," said Mayor Ana Lopez.\n\n'
    "Acme Corp said the bridge opens in May.\n"
)


def _prove_the_terminal_would_notice(terminal: Terminal) -> None:
    """A raw OSC 52 and OSC 0 *do* create a buffer and retitle a pane in this server."""
    # Both terminators: BEL, and ST (ESC \), which Rich would not strip from text.
    raw = r"printf '\033]52;c;Y2FuYXJ5\033\\\033]0;canary-title\007'; sleep 60"
    terminal.start(["sh", "-c", raw], session="canary")
    terminal.wait_until(
        lambda: "canary" in terminal.tmux("show-buffer", check=False).stdout,
        "the canary's OSC 52 to fill a tmux buffer",
    )
    terminal.wait_until(
        lambda: terminal.title("canary") == "canary-title", "the canary's OSC 0 title"
    )
    terminal.tmux("delete-buffer")
    terminal.tmux("kill-session", "-t", "canary")
    assert terminal.buffers() == ""


def test_markup_and_escape_codes_stay_on_the_page(terminal: Terminal, tmp_path: Path) -> None:
    _prove_the_terminal_would_notice(terminal)
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    terminal.start([BYLINE, "hostile.txt"])
    title_before = terminal.title()

    screen = terminal.wait_for(
        lambda s: ("words ·" in s and "min read" in s) or terminal.buffers() != "",
        "the analysis",
    )
    assert terminal.buffers() == "", "the article wrote to the clipboard"
    assert "pwned" not in terminal.title(), "the article changed the pane title"
    assert "[bold red]LOUD[/] Headline" in screen  # markup shows literally
    assert "[link=https://evil.example]click[/link]" in screen
    assert "␛]52;c;SGVsbG8=" in screen  # the clipboard write, as a placeholder
    assert "␛]0;pwned" in screen and "␛[2J" in screen
    assert "desrever" in screen  # not reversed by a bidi override
    assert "Quit" in screen  # the footer survived the "clear screen"

    terminal.keys("]")
    screen = terminal.wait_for(lambda s: "Quote 1 of" in s, "the first quote")
    assert "[bold]never[/bold]" in screen
    terminal.keys("s")
    terminal.wait_for(lambda s: "Save summary as Markdown" in s, "the save dialog")
    terminal.keys("Enter")
    saved = tmp_path / "hostile.summary.md"
    terminal.wait_until(saved.exists, f"{saved} to be written")
    markdown = saved.read_text(encoding="utf-8")
    assert "\x1b" not in markdown and "\x07" not in markdown and "\u202e" not in markdown
    assert "\\[bold red\\]LOUD" in markdown

    assert terminal.buffers() == "", "the article wrote to the clipboard"
    assert terminal.title() == title_before, "the article changed the pane title"
    assert "pwned" not in terminal.title()
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
    assert terminal.buffers() == ""


def test_small_colourless_terminal_then_a_big_one(terminal: Terminal, tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    terminal.env.update({"NO_COLOR": "1", "TEXTUAL_COLOR_SYSTEM": "standard"})
    terminal.start([BYLINE, "hostile.txt"], size=(40, 12))
    terminal.wait_for(lambda s: "LOUD" in s, "the article at 40x12")
    terminal.wait_for(lambda s: "entities ·" in s, "the analysis")
    screen = terminal.capture()
    assert screen is not None and "Entities" not in screen  # the side panel hid itself
    terminal.keys("]")
    terminal.wait_for(lambda s: "Quote 1 of" in s, "the first quote")
    terminal.tmux("resize-window", "-t", MAIN, "-x", "120", "-y", "36")
    screen = terminal.wait_for(lambda s: "Entities" in s, "the side panel back")
    assert "[bold red]LOUD[/] Headline" in screen
    terminal.keys("t")
    terminal.wait_for(lambda s: "Entities" not in s, "the panel hidden by t")
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
