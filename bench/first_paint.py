"""Section 1, and the first paints of sections 2 and 4, in a real terminal.

``byline SAMPLE`` against a bare Textual app (``bench/bare_app.py``) showing the same
file, and ``byline`` on section 4's long article, in rotating order round by round. Each
run is timed from launch until the article's first words are on screen; byline's runs on
the sample go on until the side panel is filled (section 2's "from launch" row).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass

from .articles import first_words
from .options import Options, rotations
from .programs import BENCH, BYLINE, PANEL_FAILED, PYTHON, REPO, SAMPLE, analysis_over
from .table import Table, median, met, ms, progress, ratio_of
from .terminal import Terminal

TIMEOUT = 120.0
"""Seconds a run may take to paint (and to fill the panel) before it counts as failed."""


@dataclass
class PaintRun:
    first_paint: float | None
    panel: float | None = None
    failed: str = ""


def paint_run(command: Sequence[str], words: str, panel: bool) -> PaintRun:
    """Launch ``command`` in tmux; time its first paint (and the side panel, if asked)."""
    terminal = Terminal(REPO, poll=0.01)
    try:
        started = terminal.start(command)
        first, screen = terminal.seconds_until_screen(
            lambda s: words in s, TIMEOUT, since=started, flat=True
        )
        if first is None:
            return PaintRun(None, failed=f"no first paint in {TIMEOUT:.0f} s: {screen[:200]!r}")
        terminal.remember_pids()
        if not panel:
            return PaintRun(first)
        ready, screen = terminal.seconds_until_screen(
            analysis_over, TIMEOUT, since=started, flat=True
        )
        if ready is not None and PANEL_FAILED in screen:
            at = screen.index(PANEL_FAILED)
            return PaintRun(first, None, screen[at : at + 160])
        return PaintRun(first, ready, "" if ready else "panel not filled in time")
    finally:
        terminal.close()


def run(options: Options, table: Table) -> None:
    """1 (and 4's first paint): byline vs bare Textual vs byline on the big article."""
    if shutil.which("tmux") is None:
        table.note("sections 1, 2 (panel) and 4 (terminal) skipped: tmux is not installed")
        return
    words = first_words(SAMPLE)
    big = options.big_article()
    commands: dict[str, tuple[list[str], str, bool]] = {
        "bare": ([PYTHON, str(BENCH / "bare_app.py"), str(SAMPLE)], words, False),
        "byline": ([*BYLINE, str(SAMPLE)], words, True),
    }
    if big is not None:
        commands["big"] = ([*BYLINE, str(big)], first_words(big), False)
    else:
        table.note("1 MB first paint skipped: no BBC articles under --data")
    results: dict[str, list[PaintRun]] = {name: [] for name in commands}
    rounds = rotations(list(commands), options.paint_rounds)
    progress(f"[1/2/4] first paint: {len(rounds)} rounds of {', '.join(commands)}")
    for order in rounds:
        for name in order:
            command, marker, panel = commands[name]
            results[name].append(paint_run(command, marker, panel))
    for name, runs in results.items():
        failed = [run.failed for run in runs if run.failed]
        if failed:
            table.note(f"{name}: {len(failed)} of {len(runs)} runs: {failed[0][:160]}")
    byline_paint = _paints(results["byline"])
    paired = _paired(results["byline"], results["bare"])
    _add_ratio_row(
        table,
        "1",
        f"first paint, sample ({len(paired)} runs each)",
        results["byline"],
        "bare Textual",
        results["bare"],
        limit=1.25,
    )
    panel_times = [run.panel for run in results["byline"] if run.panel]
    if panel_times:
        table.add(
            "2",
            "side panel filled, sample (from launch)",
            ms(median(panel_times)),
            f"first paint {ms(median(byline_paint))}",
            "",
            "",
            "",
        )
    if "big" in results:
        _add_ratio_row(
            table,
            "4",
            f"first paint, {options.big_label} article",
            results["big"],
            "sample",
            results["byline"],
            limit=1.5,
        )


def _add_ratio_row(
    table: Table,
    section: str,
    measure: str,
    runs: Sequence[PaintRun],
    baseline: str,
    baselines: Sequence[PaintRun],
    limit: float,
) -> None:
    """One row: the median first paint against the baseline's, with the median ratio of
    the rounds in which both painted held to ``limit``; no row when no round did."""
    pairs = _paired(runs, baselines)
    if not pairs:
        return
    r = ratio_of(pairs)
    table.add(
        section,
        measure,
        ms(median(_paints(runs))),
        f"{baseline} {ms(median(_paints(baselines)))}",
        f"{r:.2f}x",
        f"<= {limit:g}x",
        met(r <= limit),
    )


def _paints(runs: Sequence[PaintRun]) -> list[float]:
    return [run.first_paint for run in runs if run.first_paint]


def _paired(runs: Sequence[PaintRun], baselines: Sequence[PaintRun]) -> list[tuple[float, float]]:
    """(run, baseline) first paints of the rounds in which both painted."""
    return [
        (run.first_paint, base.first_paint)
        for run, base in zip(runs, baselines, strict=True)
        if run.first_paint and base.first_paint
    ]
