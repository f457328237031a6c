"""Section 4's keys: how long a key press takes to show, and ``q`` to end the process,
while byline analyses the long article, against the same keys on the sample once its
analysis is over. (Section 4's first paint is in :mod:`bench.first_paint`; its analyze
time and memory in :mod:`bench.growth`.)"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .options import Options, rotations
from .programs import BYLINE, PANEL_TABS, REPO, SAMPLE, analysis_over
from .table import Table, median, met, ms, progress
from .terminal import Terminal

START_TIMEOUT = 120.0
"""Seconds for the side panel to show (and, idle, for the analysis to end)."""
KEY_TIMEOUT = 30.0
"""Seconds for a key press to show, or ``q`` to end the process."""


@dataclass
class KeyTrial:
    presses: list[float] = field(default_factory=list)
    busy_presses: int = 0
    quit: float | None = None
    quit_busy: bool = False


def key_trial(article: Path, presses: int, idle: bool) -> KeyTrial | str:
    """Toggle the side panel with ``t`` ``presses`` times, then press ``q``.

    With ``idle`` the keys wait until the analysis is over (the baseline); otherwise they
    are pressed while it runs. Each press is timed until the panel's tab row is gone from
    (or back on) the screen; ``q`` until the tmux session, so the process, has ended.
    Returns why the trial stopped when it could not finish.
    """
    terminal = Terminal(REPO, poll=0.01)
    try:
        return _press_keys(terminal, article, presses, idle)
    except subprocess.CalledProcessError:
        return "byline ended before its keys were pressed"
    finally:
        terminal.close()


def _press_keys(terminal: Terminal, article: Path, presses: int, idle: bool) -> KeyTrial | str:
    trial = KeyTrial()
    started = terminal.start([*BYLINE, str(article)])
    first, screen = terminal.seconds_until_screen(
        lambda s: PANEL_TABS in s, START_TIMEOUT, since=started, flat=True
    )
    if first is None:
        return f"the side panel never showed: {screen[:160]!r}"
    terminal.remember_pids()
    if idle:
        done, screen = terminal.seconds_until_screen(
            analysis_over, START_TIMEOUT, since=started, flat=True
        )
        if done is None:
            return f"the analysis of the sample did not end in {START_TIMEOUT:.0f} s"
        time.sleep(0.3)
    for press in range(presses):
        shown = press % 2 == 1  # even presses hide the panel, odd ones show it
        pressed = time.perf_counter()
        terminal.keys("t")
        seconds, screen = terminal.seconds_until_screen(
            (lambda s: PANEL_TABS in s) if shown else (lambda s: PANEL_TABS not in s),
            KEY_TIMEOUT,
            since=pressed,
            flat=True,
        )
        if seconds is None:
            return f"t did not toggle the panel within {KEY_TIMEOUT:.0f} s"
        trial.presses.append(seconds)
        trial.busy_presses += not analysis_over(screen)
        time.sleep(0.2)
    trial.quit_busy = not analysis_over(terminal.capture(flat=True) or "")
    pressed = time.perf_counter()
    terminal.keys("q")
    gone = terminal.seconds_until(lambda: not terminal.alive(), KEY_TIMEOUT, since=pressed)
    trial.quit = time.perf_counter() - pressed if gone is None else gone
    return trial


def run(options: Options, table: Table) -> None:
    """4: a key press's response and q's exit while the big article is being analysed,
    against the same keys on the sample once its analysis is over."""
    if shutil.which("tmux") is None:
        return
    big = options.big_article()
    if big is None:
        return
    trials = 1 if options.quick else 3
    presses = 4 if options.quick else 6
    progress(
        f"[4] keys and quit while analysing the {options.big_label} article "
        f"vs idle sample: {trials} rounds"
    )
    results: dict[str, list[KeyTrial]] = {"busy": [], "idle": []}
    for order in rotations(["busy", "idle"], trials):
        for name in order:
            trial = key_trial(big if name == "busy" else SAMPLE, presses, name == "idle")
            if isinstance(trial, str):
                table.note(f"section 4 keys ({name}): {trial}")
                return
            results[name].append(trial)
    busy = [p for t in results["busy"] for p in t.presses]
    idle = [p for t in results["idle"] for p in t.presses]
    during = sum(t.busy_presses for t in results["busy"])
    _add_busy_row(
        table,
        f"key t shows, while analysing ({len(busy)} presses, {during} during analysis)",
        busy,
        idle,
        "< 100 ms",
        lambda press, _: press < 0.1,
    )
    quits = [t.quit for t in results["busy"] if t.quit is not None]
    idle_quits = [t.quit for t in results["idle"] if t.quit is not None]
    during = sum(t.quit_busy for t in results["busy"])
    _add_busy_row(
        table,
        f"q to process gone, while analysing ({len(quits)} runs, {during} during analysis)",
        quits,
        idle_quits,
        "at once: <= 1.5x idle quit",
        lambda busy, idle: busy <= 1.5 * idle and max(quits) < KEY_TIMEOUT,
    )


def _add_busy_row(
    table: Table,
    measure: str,
    busy: list[float],
    idle: list[float],
    target: str,
    ok: Callable[[float, float], bool],
) -> None:
    """One row: the median (and max) while analysing against the idle median; ``ok`` judges
    the two medians."""
    value, baseline = median(busy), median(idle)
    table.add(
        "4",
        measure,
        f"{ms(value)} (max {ms(max(busy))})",
        f"idle sample {ms(baseline)}",
        f"{value / baseline:.2f}x",
        target,
        met(ok(value, baseline)),
    )
