"""Smoke test: a hostile article in a real terminal (tmux) changes nothing but the screen.

The article is full of Rich markup and escape sequences: OSC 52 clipboard writes (ended
by BEL and by ST), an OSC 0 title change, a CSI screen clear, OSC 8 hyperlinks, a bidi
override. The tmux server runs with ``set-clipboard on``, so an OSC 52 that reached the
terminal would create a paste buffer; a canary pane first proves that it does, so the
test can fail.
Same conventions as ``test_tmux.py``: own ``-L`` socket, COLUMNS/LINES removed, polling
``capture-pane`` instead of sleeping, and ``kill-server`` at the end, always.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.smoke

TMUX = shutil.which("tmux")
BYLINE = shutil.which("byline") or (
    str(Path(sys.executable).with_name("byline"))
    if Path(sys.executable).with_name("byline").exists()
    else None
)
TIMEOUT = 30.0

needs_terminal = pytest.mark.skipif(
    TMUX is None or BYLINE is None, reason="needs tmux and the installed byline command"
)

HOSTILE = (
    "[bold red]LOUD[/] Headline \x1b]0;pwned\x07 Here\n\n"
    "The mayor posted [link=https://evil.example]click[/link] on Monday."
    "\x1b]52;c;SGVsbG8=\x07 Then \x1b]52;c;U1Q=\x1b\\ \x1b[2J the screen "
    "\x1b]8;;https://evil.example\x07went"
    "\x1b]8;;\x07 dark and \u202edesrever\u202c words.\n\n"
    '"We will [bold]never[/bold] stop," said Mayor Ana Lopez.\n\n'
    "Acme Corp said the bridge opens in May.\n"
)


class Terminal:
    """One tmux server (``set-clipboard on``) for the reader and a canary pane."""

    def __init__(self, cwd: Path) -> None:
        assert TMUX is not None and BYLINE is not None
        self.socket = f"byline-hostile-{uuid.uuid4().hex[:10]}"
        self.env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        self.env.setdefault("TERM", "xterm-256color")
        self.cwd = cwd
        self.config = cwd / "tmux.conf"
        self.config.write_text("set -g set-clipboard on\n", encoding="utf-8")

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        return subprocess.run(
            [TMUX, "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.cwd,
            check=check,
        )

    def start(self, session: str, command: str, size: tuple[int, int] = (120, 36)) -> None:
        width, height = size
        self.tmux(
            "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height),
            "-c", str(self.cwd), command,
        )  # fmt: skip

    def capture(self, session: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", session, check=False).stdout

    def title(self, session: str) -> str:
        return self.tmux("display", "-p", "-t", session, "#{pane_title}").stdout.strip()

    def buffers(self) -> str:
        return self.tmux("list-buffers", check=False).stdout.strip()

    def keys(self, session: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", session, *keys)

    def alive(self, session: str) -> bool:
        return self.tmux("has-session", "-t", session, check=False).returncode == 0

    def wait_for(self, session: str, found: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture(session)
            if found(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")

    def kill(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.kill()


def _prove_the_terminal_would_notice(terminal: Terminal) -> None:
    """A raw OSC 52 and OSC 0 *do* create a buffer and retitle a pane in this server."""
    # Both terminators: BEL, and ST (ESC \), which Rich would not strip from text.
    raw = r"printf '\033]52;c;Y2FuYXJ5\033\\\033]0;canary-title\007'; sleep 60"
    terminal.start("canary", f"sh -c {shlex.quote(raw)}")
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


@needs_terminal
def test_markup_and_escape_codes_stay_on_the_page(terminal: Terminal, tmp_path: Path) -> None:
    _prove_the_terminal_would_notice(terminal)
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    terminal.start("reader", f"{shlex.quote(str(BYLINE))} hostile.txt")
    title_before = terminal.title("reader")

    screen = terminal.wait_for(
        "reader",
        lambda s: ("words ·" in s and "min read" in s) or terminal.buffers() != "",
        "the analysis",
    )
    assert terminal.buffers() == "", "the article wrote to the clipboard"
    assert "pwned" not in terminal.title("reader"), "the article changed the pane title"
    assert "[bold red]LOUD[/] Headline" in screen  # markup shows literally
    assert "[link=https://evil.example]click[/link]" in screen
    assert "␛]52;c;SGVsbG8=" in screen  # the clipboard write, as a placeholder
    assert "␛]0;pwned" in screen and "␛[2J" in screen
    assert "desrever" in screen  # not reversed by a bidi override
    assert "Quit" in screen  # the footer survived the "clear screen"

    terminal.keys("reader", "]")
    screen = terminal.wait_for("reader", lambda s: "Quote 1 of" in s, "the first quote")
    assert "[bold]never[/bold]" in screen
    terminal.keys("reader", "s")
    terminal.wait_for("reader", lambda s: "Save summary as Markdown" in s, "the save dialog")
    terminal.keys("reader", "Enter")
    saved = tmp_path / "hostile.summary.md"
    terminal.wait_until(saved.exists, f"{saved} to be written")
    markdown = saved.read_text(encoding="utf-8")
    assert "\x1b" not in markdown and "\x07" not in markdown and "\u202e" not in markdown
    assert "\\[bold red\\]LOUD" in markdown

    assert terminal.buffers() == "", "the article wrote to the clipboard"
    assert terminal.title("reader") == title_before, "the article changed the pane title"
    assert "pwned" not in terminal.title("reader")
    terminal.keys("reader", "q")
    terminal.wait_until(lambda: not terminal.alive("reader"), "byline to quit")
    assert terminal.buffers() == ""


@needs_terminal
def test_small_colourless_terminal_then_a_big_one(terminal: Terminal, tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    terminal.env.update({"NO_COLOR": "1", "TEXTUAL_COLOR_SYSTEM": "standard"})
    terminal.start("reader", f"{shlex.quote(str(BYLINE))} hostile.txt", size=(40, 12))
    terminal.wait_for("reader", lambda s: "LOUD" in s, "the article at 40x12")
    terminal.wait_for("reader", lambda s: "entities ·" in s, "the analysis")
    assert "Entities" not in terminal.capture("reader")  # the side panel hid itself
    terminal.keys("reader", "]")
    terminal.wait_for("reader", lambda s: "Quote 1 of" in s, "the first quote")
    terminal.tmux("resize-window", "-t", "reader", "-x", "120", "-y", "36")
    screen = terminal.wait_for("reader", lambda s: "Entities" in s, "the side panel back")
    assert "[bold red]LOUD[/] Headline" in screen
    terminal.keys("reader", "t")
    terminal.wait_for("reader", lambda s: "Entities" not in s, "the panel hidden by t")
    terminal.keys("reader", "q")
    terminal.wait_until(lambda: not terminal.alive("reader"), "byline to quit")
