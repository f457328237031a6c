"""A real terminal for smoke tests: one private tmux server running byline.

Every test gets its own ``-L`` socket, an environment without COLUMNS and LINES (pytest
exports them as 80x24), and polling of ``capture-pane`` instead of fixed sleeps; the
server is always killed at the end (see the ``terminal`` fixture in ``conftest.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
BYLINE = shutil.which("byline") or (
    str(Path(sys.executable).with_name("byline"))
    if Path(sys.executable).with_name("byline").exists()
    else None
)
TIMEOUT = 30.0
READER = "reader"

needs_terminal = pytest.mark.skipif(
    TMUX is None or BYLINE is None, reason="needs tmux and the installed byline command"
)


class Terminal:
    """One tmux server; sessions are named, the reader's by default.

    Args:
        cwd: the folder byline runs in.
        clipboard: run the server with ``set-clipboard on``, so an OSC 52 reaching the
            terminal creates a paste buffer (see :meth:`buffers`).
    """

    def __init__(self, cwd: Path, *, clipboard: bool = False) -> None:
        assert TMUX is not None and BYLINE is not None
        self.socket = f"byline-smoke-{uuid.uuid4().hex[:10]}"
        self.env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        self.env.setdefault("TERM", "xterm-256color")
        # The reading library goes in the test's folder, never the user's.
        self.env["BYLINE_DATA_DIR"] = str(cwd / "data")
        self.cwd = cwd
        self.config: Path | None = None
        if clipboard:
            self.config = cwd / "tmux.conf"
            self.config.write_text("set -g set-clipboard on\n", encoding="utf-8")

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        config = ["-f", str(self.config)] if self.config else []
        return subprocess.run(
            [TMUX, "-L", self.socket, *config, *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.cwd,
            check=check,
        )

    def start(self, command: str, session: str = READER, size: tuple[int, int] = (120, 36)) -> None:
        width, height = size
        self.tmux(
            "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height),
            "-c", str(self.cwd), command,
        )  # fmt: skip

    def capture(self, session: str = READER) -> str:
        return self.tmux("capture-pane", "-p", "-t", session, check=False).stdout

    def title(self, session: str = READER) -> str:
        return self.tmux("display", "-p", "-t", session, "#{pane_title}").stdout.strip()

    def buffers(self) -> str:
        return self.tmux("list-buffers", check=False).stdout.strip()

    def keys(self, *keys: str, session: str = READER) -> None:
        self.tmux("send-keys", "-t", session, *keys)

    def alive(self, session: str = READER) -> bool:
        return self.tmux("has-session", "-t", session, check=False).returncode == 0

    def wait_for(self, found: Callable[[str], bool], what: str, session: str = READER) -> str:
        """Poll the screen until ``found`` accepts it; fail with the last screen."""
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
