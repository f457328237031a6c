"""Smoke test: the reader ended by a signal leaves a working terminal and no processes.

The reader runs in tmux (the ``terminal`` fixture) under a shell that, once the reader has
gone, prints its exit status and waits: the pane then still tells the state the reader
left the terminal in (the alternate screen, mouse reporting, the cursor). Its analysis
child and multiprocessing's resource tracker are noted while it runs (its child
processes, read from ``/proc``), and must be gone soon after it. Every wait is bounded.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import time
from pathlib import Path

import pytest

from bench.terminal import MAIN, Terminal
from tests.smoke.conftest import BYLINE

pytestmark = pytest.mark.smoke

STORY = (
    "Harbour Bridge Reopens After Repairs\n\n"
    "The Harbour Bridge reopened on Monday after six months of repairs, the city said.\n\n"
    '"We are proud of the crews who worked through the winter," said Mayor Ana Lopez.\n\n'
    "Commuters were relieved. Lopez said the tolls will stay the same this year.\n"
)
GONE_WITHIN = 15.0
"""Seconds the processes a killed reader started may take to follow it."""


def _state(pid: int) -> str | None:
    """The process's state letter ("R", "S", "Z"...), None once it no longer exists."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return stat_line.rsplit(")", 1)[1].split()[0]


def _alive(pid: int) -> bool:
    return _state(pid) not in (None, "Z", "X")


def _parents() -> dict[int, int]:
    """Every process now, and its parent."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                after = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(after[1])
    return parents


def _children(pid: int) -> list[int]:
    return [child for child, parent in _parents().items() if parent == pid and _alive(child)]


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` now."""
    parents = _parents()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _pane(terminal: Terminal, field: str) -> str:
    return terminal.tmux("display", "-p", "-t", MAIN, f"#{{{field}}}").stdout.strip()


def _start_and_analyse(terminal: Terminal, tmp_path: Path, *prefix: str) -> tuple[int, set[int]]:
    """Start the reader (behind ``prefix``, such as ``timeout``) and wait for its analysis;
    its process id and the processes it started (the analysis child, the tracker)."""
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    command = shlex.join([*prefix, BYLINE, "story.txt"])
    terminal.start(["sh", "-c", f'{command}; echo "byline exited with $?"; exec sleep 600'])
    terminal.wait_for(lambda s: "entities ·" in s, "the analysis", timeout=90)
    (reader,) = _children(int(_pane(terminal, "pane_pid")))  # the shell's one child
    if prefix:  # that is the prefix (timeout), whose child is the reader
        (reader,) = _children(reader)
    helpers = _descendants(reader)
    assert helpers, "the reader has no analysis child to check"
    return reader, helpers


def _exit_status(terminal: Terminal) -> int:
    """The reader's exit status, once the shell has printed it."""
    screen = terminal.wait_for(lambda s: "byline exited with" in s, "the reader to end", timeout=60)
    found = re.search(r"byline exited with (\d+)", screen)
    assert found is not None
    return int(found.group(1))


def _assert_gone(helpers: set[int]) -> None:
    deadline = time.monotonic() + GONE_WITHIN
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = {pid: Path(f"/proc/{pid}/cmdline").read_bytes()[:120] for pid in helpers if _alive(pid)}
    assert not left, f"still running {GONE_WITHIN:g} s after the reader: {left}"


def _assert_terminal_restored(terminal: Terminal) -> None:
    assert _pane(terminal, "alternate_on") == "0", "left in the alternate screen"
    assert _pane(terminal, "cursor_flag") == "1", "left with the cursor hidden"
    for flag in ("mouse_any_flag", "mouse_button_flag", "mouse_standard_flag", "mouse_sgr_flag"):
        assert _pane(terminal, flag) == "0", f"left with mouse reporting on ({flag})"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_restores_the_terminal_and_stops_the_child(
    terminal: Terminal, tmp_path: Path, signum: int
) -> None:
    reader, helpers = _start_and_analyse(terminal, tmp_path)
    os.kill(reader, signum)
    assert _exit_status(terminal) == 128 + signum
    _assert_terminal_restored(terminal)
    _assert_gone(helpers)


def test_sigkill_leaves_no_process_behind(terminal: Terminal, tmp_path: Path) -> None:
    reader, helpers = _start_and_analyse(terminal, tmp_path)
    os.kill(reader, signal.SIGKILL)
    assert _exit_status(terminal) == 128 + signal.SIGKILL
    _assert_gone(helpers)


def test_timeout_ends_the_reader_cleanly(terminal: Terminal, tmp_path: Path) -> None:
    _, helpers = _start_and_analyse(terminal, tmp_path, "timeout", "--foreground", "30")
    assert _exit_status(terminal) == 124  # timeout's own status, once it sent SIGTERM
    _assert_terminal_restored(terminal)
    _assert_gone(helpers)


def test_in_the_background_the_reader_refuses_at_once(terminal: Terminal, tmp_path: Path) -> None:
    # timeout without --foreground puts the reader in a process group of its own, which
    # the terminal stops at its first frame: for ever, as no shell can bring it back.
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    command = shlex.join(["timeout", "120", BYLINE, "story.txt"])
    terminal.start(["sh", "-c", f'{command}; echo "byline exited with $?"; exec sleep 600'])
    assert _exit_status(terminal) == 1
    screen = terminal.tmux("capture-pane", "-p", "-J", "-t", MAIN).stdout  # lines unwrapped
    assert "byline: the reader needs the foreground of its terminal" in screen
    assert "timeout --foreground" in screen
