"""Section 7: byline at its size limit (``byline.sources.MAX_BYTES``, 2 MiB).

An article of BBC articles joined up to the limit, ending in a marker line, is opened in
the reader in tmux: ``End`` is timed until the marker is on screen, then ``t`` until the
side panel's tabs are gone, then ``q`` until the process has ended, all while the analysis
runs. ``byline analyze`` then runs on it and on an article a quarter of its size, with
``/usr/bin/time -v``: its time per KB net of one ordinary article's (the fixed cost) must
not grow with the size, and its peak memory must stay under 1 GB.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from byline.sources import MAX_BYTES

from .articles import KB, article_within, bbc_articles
from .growth import GNU_TIME, peak_memory
from .options import Options
from .programs import BYLINE, PANEL_TABS, REPO, analysis_over, last_line, timed
from .table import Table, met, ms, progress, secs
from .terminal import Terminal

MARKER = "END OF THE ARTICLE AT THE LIMIT"
"""The article's last line: on screen once ``End`` has taken the reader there."""
PAINT_TIMEOUT = 120.0
KEY_TIMEOUT = 60.0
KEY_TARGET = 0.2
QUIT_TARGET = 1.0
MEMORY_TARGET = 2**30
SMALL = 10 * KB
"""The baseline article's size: the same keys on it say how loaded the machine is."""


def limit_article(options: Options, size: int = MAX_BYTES) -> Path | None:
    """BBC articles joined to at most ``size`` bytes, then :data:`MARKER` (made once)."""
    path = options.work / f"limit-{size // KB}k.txt"
    if path.exists():
        return path
    articles = bbc_articles(options.data)
    if not articles:
        return None
    ending = f"\n{MARKER}\n"
    article_within(articles, size - len(ending), path)
    path.write_text(path.read_text(encoding="utf-8") + ending, encoding="utf-8")
    assert path.stat().st_size <= size
    return path


def reader_keys(article: Path) -> dict[str, float] | str:
    """Seconds for End, then t, then q (see the module's docstring), or why not."""
    terminal = Terminal(REPO, poll=0.01)
    try:
        started = terminal.start([*BYLINE, str(article)])
        first, screen = terminal.seconds_until_screen(
            lambda s: PANEL_TABS in s, PAINT_TIMEOUT, since=started, flat=True
        )
        if first is None:
            return f"the reader never showed its side panel: {screen[:160]!r}"
        terminal.remember_pids()
        times = {"paint": first}
        pressed = time.perf_counter()
        terminal.keys("End")
        seconds, screen = terminal.seconds_until_screen(
            lambda s: MARKER in s, KEY_TIMEOUT, since=pressed
        )
        if seconds is None:
            return f"End did not reach the article's end within {KEY_TIMEOUT:.0f} s"
        times["end"] = seconds
        time.sleep(0.2)
        pressed = time.perf_counter()
        terminal.keys("t")
        seconds, screen = terminal.seconds_until_screen(
            lambda s: PANEL_TABS not in s, KEY_TIMEOUT, since=pressed, flat=True
        )
        if seconds is None:
            return f"t did not hide the side panel within {KEY_TIMEOUT:.0f} s"
        times["key"] = seconds
        times["busy"] = float(not analysis_over(screen))
        pressed = time.perf_counter()
        terminal.keys("q")
        gone = terminal.seconds_until(lambda: not terminal.alive(), KEY_TIMEOUT, since=pressed)
        if gone is None:
            return f"q did not end the reader within {KEY_TIMEOUT:.0f} s"
        times["quit"] = gone
        return times
    except subprocess.CalledProcessError:
        return "the reader ended before its keys were pressed"
    finally:
        terminal.close()


def _key_rows(table: Table, label: str, keys: dict[str, float], baseline: dict[str, float]) -> None:
    during = " (analysing)" if keys["busy"] else " (analysis over)"
    rows = (
        ("paint", f"first paint, {label} article", "", None),
        ("end", f"End shows the end of the {label} article", "<= 200 ms", KEY_TARGET),
        ("key", f"then t hides the panel{during}", "<= 200 ms", KEY_TARGET),
        ("quit", "then q to process gone", "<= 1 s", QUIT_TARGET),
    )
    for name, measure, target, limit in rows:
        table.add(
            "7",
            measure,
            ms(keys[name]),
            f"10 KB article {ms(baseline[name])}",
            f"{keys[name] / baseline[name]:.2f}x",
            target,
            "" if limit is None else met(keys[name] <= limit),
        )


def analyze(path: Path, options: Options) -> tuple[float, int | None] | str:
    """Wall seconds and peak memory (bytes, if ``/usr/bin/time`` is there) of
    ``byline analyze path``, or why it failed."""
    command = [*BYLINE, "analyze", str(path)]
    stats = options.work / "limit-time.txt"
    if GNU_TIME.exists():
        command = [str(GNU_TIME), "-v", "-o", str(stats), *command]
    seconds, code, err = timed(command)
    if code:
        return f"analyze of {path.name} exited {code}: {last_line(err)}"
    return seconds, peak_memory(stats.read_text()) if GNU_TIME.exists() else None


def run(options: Options, table: Table) -> None:
    """7: the reader's keys and the analysis at the size limit."""
    if options.quick:
        table.note("section 7 runs in a full run only: its analyses take minutes")
        return
    article = limit_article(options)
    quarter = limit_article(options, MAX_BYTES // 4)
    if article is None or quarter is None:
        table.note("section 7 skipped: no BBC articles under --data")
        return
    label = f"{MAX_BYTES / 2**20:g} MiB"
    small = limit_article(options, SMALL)
    if shutil.which("tmux") is None or small is None:
        table.note("section 7's keys skipped: tmux is missing")
    else:
        progress(f"[7] End, t and q in the reader on a {label} article, and on a 10 KB one")
        keys, baseline = reader_keys(article), reader_keys(small)
        if isinstance(keys, str) or isinstance(baseline, str):
            table.note(f"section 7 keys: {keys if isinstance(keys, str) else baseline}")
        else:
            _key_rows(table, label, keys, baseline)
    articles = bbc_articles(options.data)
    progress(f"[7] analyze: one article, {MAX_BYTES // 4 // KB} KB, {label} (one run each)")
    results: dict[Path, tuple[float, int | None]] = {}
    for path in (articles[0], quarter, article):
        outcome = analyze(path, options)
        if isinstance(outcome, str):
            table.note(f"section 7 analyze: {outcome}")
            return
        results[path] = outcome
    fixed, _ = results[articles[0]]
    fixed_kb = articles[0].stat().st_size / KB
    net: dict[Path, float] = {}
    for path in (quarter, article):
        kb = path.stat().st_size / KB
        seconds, peak = results[path]
        net[path] = (seconds - fixed) / (kb - fixed_kb)
        memory = f", peak {peak / 2**20:.0f} MB" if peak else ""
        table.add(
            "7",
            f"analyze {kb:.0f} KB",
            secs(seconds),
            f"{net[path] * 1000:.1f} ms/KB net of fixed{memory}",
        )
    growth = net[article] / net[quarter]
    table.add(
        "7",
        f"linear growth: net ms/KB at {label} vs a quarter of it",
        f"{growth:.2f}x",
        target="~1x (<= 1.3x)",
        met=met(growth <= 1.3),
    )
    _, peak = results[article]
    if peak:
        table.add(
            "7",
            f"peak memory, analyze {label}",
            f"{peak / 2**20:.0f} MB",
            target="<= 1 GB",
            met=met(peak <= MEMORY_TARGET),
        )
