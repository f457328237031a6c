"""Smoke test: the installed ``byline`` command in a real terminal (tmux).

Polls ``capture-pane`` for text instead of sleeping. Runs in its own tmux server
(``-L``), with COLUMNS and LINES removed from the environment (pytest exports them as
80x24) and the working folder in ``tmp_path``, and always kills that server at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from byline.resources import models_dir, sample_article

pytestmark = pytest.mark.smoke

TMUX = shutil.which("tmux")
BYLINE = shutil.which("byline") or (
    str(Path(sys.executable).with_name("byline"))
    if Path(sys.executable).with_name("byline").exists()
    else None
)
NER_MODEL = models_dir() / "ner" / "model.json.gz"
TIMEOUT = 30.0

needs_terminal = pytest.mark.skipif(
    TMUX is None or BYLINE is None, reason="needs tmux and the installed byline command"
)


class Terminal:
    """One tmux server running one session of byline."""

    def __init__(self, cwd: Path) -> None:
        assert TMUX is not None and BYLINE is not None
        self.socket = f"byline-smoke-{uuid.uuid4().hex[:10]}"
        self.session = "reader"
        self.env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        self.env.setdefault("TERM", "xterm-256color")
        self.cwd = cwd

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        return subprocess.run(
            [TMUX, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.cwd,
            check=check,
        )

    def start(self, *command: str) -> None:
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            "120",
            "-y",
            "36",
            "-c",
            str(self.cwd),
            " ".join(command),
        )

    def capture(self) -> str:
        result = self.tmux("capture-pane", "-p", "-t", self.session, check=False)
        return result.stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", self.session, check=False).returncode == 0

    def wait_for(self, found: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
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


def _pairs(text: str) -> list[str]:
    words = text.strip("“”\"' ").split()
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


@needs_terminal
def test_opens_the_sample_and_quits(terminal: Terminal) -> None:
    terminal.start(str(BYLINE))
    terminal.wait_for(lambda s: "WASHINGTON" in s, "the article text")
    terminal.wait_for(lambda s: "Quit" in s, "the footer")
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")


@needs_terminal
@pytest.mark.skipif(not NER_MODEL.exists(), reason="the trained entity model is not built yet")
def test_quote_jump_and_save_summary(terminal: Terminal, tmp_path: Path) -> None:
    from byline.analysis.pipeline import analyze

    analysis = analyze(sample_article().read_text(encoding="utf-8"))
    assert analysis.quotes, "the sample article should have quotes"
    count = len(analysis.quotes)
    last = analysis.quotes[-1]
    last_pairs = _pairs(analysis.text[last.start : last.end])

    terminal.start(str(BYLINE))
    terminal.wait_for(lambda s: "words ·" in s and "min read" in s, "the analysis")
    terminal.keys("[")
    screen = terminal.wait_for(lambda s: f"Quote {count} of {count}" in s, "the last quote")
    assert any(pair in screen for pair in last_pairs), screen
    terminal.keys("]")
    terminal.wait_for(lambda s: f"Quote 1 of {count}" in s, "the first quote again")

    terminal.keys("s")
    terminal.wait_for(lambda s: "Save summary as Markdown" in s, "the save dialog")
    terminal.keys("Enter")
    saved = tmp_path / f"{sample_article().stem}.summary.md"
    terminal.wait_until(saved.exists, f"{saved} to be written")
    content = saved.read_text(encoding="utf-8")
    assert content.startswith("# ")
    assert "## Summary" in content
    assert analysis.sentence_text(analysis.summary[0]).split()[0] in content

    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
