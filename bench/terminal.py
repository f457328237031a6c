"""A real terminal for the bench and the smoke tests: one private tmux server, detached.

Every ``Terminal`` has its own ``-L`` socket and reads no tmux configuration but its own,
runs its programs without COLUMNS and LINES (pytest exports them as 80x24, and Textual
would believe them over the pane's size), finds text on the screen by polling
``capture-pane -p`` instead of sleeping, and on :meth:`Terminal.close` kills its server,
makes sure the programs it ran are gone and removes its socket file.

It lives in ``bench`` rather than ``tests`` because it is plain tooling: the bench runs
without pytest, and a test importing a driver reads better than a benchmark importing
test code.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

MAIN = "main"
"""The session a program runs in unless another is named."""

STRIPPED = ("COLUMNS", "LINES", "TMUX", "NO_COLOR")
"""Variables a program in the terminal must not inherit: a fixed size, a parent tmux, and
a colour preference of whoever runs the bench or the tests."""


def terminal_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment without :data:`STRIPPED`, as a 256-colour xterm."""
    env = {k: v for k, v in os.environ.items() if k not in STRIPPED}
    env["TERM"] = "xterm-256color"
    env.update(extra or {})
    return env


class Terminal:
    """One tmux server for programs started in ``cwd``.

    Args:
        cwd: the folder the programs run in.
        env: variables added to :func:`terminal_env`'s; ``self.env`` may be changed
            further before a program starts.
        clipboard: run the server with ``set-clipboard on`` (a ``tmux.conf`` written to
            ``cwd``), so an OSC 52 reaching the terminal creates a paste buffer
            (see :meth:`buffers`).
        poll: seconds between two looks at the screen.
    """

    def __init__(
        self,
        cwd: Path,
        *,
        env: Mapping[str, str] | None = None,
        clipboard: bool = False,
        poll: float = 0.1,
    ) -> None:
        self.socket = f"byline-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.cwd = cwd
        self.env = terminal_env(env)
        self.poll = poll
        self.config = Path(os.devnull)
        if clipboard:
            self.config = cwd / "tmux.conf"
            self.config.write_text("set -g set-clipboard on\n", encoding="utf-8")
        self.pids: set[int] = set()

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.cwd,
            check=check,
        )

    def start(
        self, command: Sequence[str], session: str = MAIN, size: tuple[int, int] = (120, 36)
    ) -> float:
        """Run ``command`` (exec'd, so it is the pane's process); returns the clock
        (``time.perf_counter``) just before."""
        width, height = size
        started = time.perf_counter()
        self.tmux(
            "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height),
            "-c", str(self.cwd), f"exec {shlex.join(command)}",
        )  # fmt: skip
        return started

    def capture(self, session: str = MAIN, *, flat: bool = False) -> str | None:
        """The visible screen, or None once the session has ended; ``flat`` squeezes
        every run of whitespace, line ends too, into one space."""
        result = self.tmux("capture-pane", "-p", "-t", session, check=False)
        if result.returncode:
            return None
        return " ".join(result.stdout.split()) if flat else result.stdout

    def title(self, session: str = MAIN) -> str:
        return self.tmux("display", "-p", "-t", session, "#{pane_title}").stdout.strip()

    def buffers(self) -> str:
        return self.tmux("list-buffers", check=False).stdout.strip()

    def keys(self, *keys: str, session: str = MAIN) -> None:
        self.tmux("send-keys", "-t", session, *keys)

    def alive(self, session: str = MAIN) -> bool:
        return self.tmux("has-session", "-t", session, check=False).returncode == 0

    def remember_pids(self) -> None:
        """Note the processes in every pane, so :meth:`close` can see them gone."""
        panes = self.tmux("list-panes", "-a", "-F", "#{pane_pid}", check=False).stdout
        self.pids.update(int(pid) for pid in panes.split() if pid.isdigit())

    def seconds_until_screen(
        self,
        found: Callable[[str], bool],
        timeout: float,
        *,
        since: float | None = None,
        session: str = MAIN,
        flat: bool = False,
    ) -> tuple[float | None, str]:
        """Seconds from ``since`` (default: now) until ``found`` accepts the screen, and
        that screen; None and the last screen seen on timeout or once the session ended."""
        since = time.perf_counter() if since is None else since
        last = ""
        while time.perf_counter() - since < timeout:
            screen = self.capture(session, flat=flat)
            now = time.perf_counter()
            if screen is None:
                return None, last
            last = screen
            if found(screen):
                return now - since, screen
            time.sleep(self.poll)
        return None, last

    def seconds_until(
        self, condition: Callable[[], bool], timeout: float, *, since: float | None = None
    ) -> float | None:
        """Seconds from ``since`` (default: now) until ``condition()``; None on timeout."""
        since = time.perf_counter() if since is None else since
        while time.perf_counter() - since < timeout:
            if condition():
                return time.perf_counter() - since
            time.sleep(self.poll)
        return None

    def wait_for(
        self, found: Callable[[str], bool], what: str, session: str = MAIN, timeout: float = 30
    ) -> str:
        """The screen once ``found`` accepts it; TimeoutError, with the last screen, if not."""
        seconds, screen = self.seconds_until_screen(found, timeout, session=session)
        if seconds is None:
            ended = "" if self.alive(session) else " (the session ended)"
            raise TimeoutError(f"timed out waiting for {what}{ended}; the screen was:\n{screen}")
        return screen

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
        if self.seconds_until(condition, timeout) is None:
            raise TimeoutError(f"timed out waiting for {what}")

    @property
    def socket_path(self) -> Path:
        """Where tmux puts the server's socket (it leaves the file there when it exits)."""
        folder = Path(self.env.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        return folder / self.socket

    def close(self) -> None:
        """Kill the server, then make sure its programs are gone (no stray CPU use)."""
        self.remember_pids()
        self.tmux("kill-server", check=False)
        self.socket_path.unlink(missing_ok=True)
        deadline = time.perf_counter() + 5
        for pid in self.pids:
            while _running(pid) and time.perf_counter() < deadline:
                time.sleep(0.02)
            if _running(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
