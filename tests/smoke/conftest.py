"""The smoke tests' terminal: the installed ``byline`` command in a private tmux server.

The driver is :class:`bench.terminal.Terminal` (shared with the bench): its own ``-L``
socket, no COLUMNS or LINES, polling ``capture-pane`` instead of fixed sleeps. Each test's
server records clipboard writes (``set-clipboard on``), keeps the reading library and the
settings file in the test's folder and no proxy settings (the web test's server is on
loopback), and is always killed at the end.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.terminal import Terminal

BYLINE = shutil.which("byline") or (
    str(Path(sys.executable).with_name("byline"))
    if Path(sys.executable).with_name("byline").exists()
    else ""
)
"""The installed command under test ("" when it is not installed)."""

PROXIES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None or not BYLINE:
        pytest.skip("needs tmux and the installed byline command")
    # The reading library and the settings go in the test's folder, never the user's.
    env = {"BYLINE_DATA_DIR": str(tmp_path / "data"), "BYLINE_CONFIG_DIR": str(tmp_path / "config")}
    term = Terminal(tmp_path, env=env, clipboard=True)
    for name in PROXIES:
        term.env.pop(name, None)
    try:
        yield term
    finally:
        term.close()
