"""The tmux driver the bench and the smoke tests share (``bench/terminal.py``) keeps its
promises: no COLUMNS/LINES, a timeout that fails, and nothing left behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench.terminal import Terminal

pytestmark = [
    pytest.mark.smoke,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_programs_see_the_pane_not_the_callers_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    terminal = Terminal(tmp_path)
    try:
        terminal.start(["sh", "-c", 'echo "cols=${COLUMNS:-none} $(tput cols)"; sleep 30'])
        screen = terminal.wait_for(lambda s: "cols=" in s, "the program's output")
        assert "cols=none 120" in screen, screen
    finally:
        terminal.close()


def test_a_screen_that_never_comes_fails_and_close_leaves_nothing(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    try:
        terminal.start(["sh", "-c", "echo ready; sleep 60"])
        terminal.wait_for(lambda s: "ready" in s, "the program's output")
        terminal.remember_pids()
        pids = set(terminal.pids)
        assert pids
        with pytest.raises(TimeoutError, match="never shown"):
            terminal.wait_for(lambda s: "never shown" in s, "never shown", timeout=0.5)
    finally:
        terminal.close()
    assert not terminal.alive()
    assert not any(_running(pid) for pid in pids)
    assert not terminal.socket_path.exists()


def test_a_program_that_ended_is_reported(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    try:
        terminal.start(["true"])
        assert terminal.seconds_until(lambda: not terminal.alive(), 10) is not None
        assert terminal.capture() is None
        with pytest.raises(TimeoutError, match="the session ended"):
            terminal.wait_for(lambda s: "anything" in s, "anything")
    finally:
        terminal.close()
