"""Section 5 (and section 4's analyze time and peak memory): ``byline analyze`` on one
ordinary article (the fixed cost: start-up, model loading) and on BBC articles joined to
growing sizes, with ``/usr/bin/time -v`` for peak memory; time per KB, and net of the
fixed cost, should stay flat as the text grows."""

from __future__ import annotations

import re
from pathlib import Path

from .articles import KB, bbc_articles, joined_article
from .options import Options, rotations
from .programs import BYLINE, analyze_fails, last_line, timed
from .table import Table, median, met, progress, secs

GNU_TIME = Path("/usr/bin/time")


def peak_memory(stderr: str) -> int | None:
    """Bytes, from ``/usr/bin/time -v``'s report."""
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return int(match.group(1)) * 1024 if match else None


def run(options: Options, table: Table) -> None:
    """4 (analyze time, memory) and 5: byline analyze at growing sizes."""
    articles = bbc_articles(options.data)
    if not articles:
        table.note("section 5 skipped: no BBC articles under --data")
        return
    failure = analyze_fails()
    if failure:
        table.note(f"sections 4 (analyze, memory) and 5 skipped: {failure}")
        return
    if not GNU_TIME.exists():
        table.note("peak memory not measured: /usr/bin/time is missing (apt-get install time)")
    sizes = options.growth_sizes
    files = {
        size: joined_article(articles, size, options.work / f"grow-{size // KB}k.txt")
        for size in sizes
    }
    files[0] = articles[0]  # one ordinary article: the fixed cost (start-up, model loading)
    progress(
        f"[4/5] analyze at {', '.join(f'{s // KB} KB' for s in sizes)}: "
        f"{options.growth_rounds} rounds"
    )
    times: dict[int, list[float]] = {size: [] for size in files}
    memory: dict[int, list[int]] = {size: [] for size in files}
    for order in rotations(sorted(files), options.growth_rounds):
        for size in order:
            command = [*BYLINE, "analyze", str(files[size])]
            stats = options.work / "time.txt"
            if GNU_TIME.exists():
                command = [str(GNU_TIME), "-v", "-o", str(stats), *command]
            seconds, code, err = timed(command)
            if code:
                table.note(f"analyze of {files[size].name} exited {code}: {last_line(err)}")
                return
            times[size].append(seconds)
            peak = peak_memory(stats.read_text()) if GNU_TIME.exists() else None
            if peak:
                memory[size].append(peak)
    fixed = median(times[0])
    fixed_kb = files[0].stat().st_size / KB
    table.add("5", f"analyze one article ({fixed_kb:.1f} KB): fixed cost", secs(fixed))
    net_per_kb: dict[int, float] = {}
    for size in sizes:
        kb = files[size].stat().st_size / KB
        t = median(times[size])
        net = (t - fixed) / (kb - fixed_kb) if kb > fixed_kb else float("nan")
        net_per_kb[size] = net
        mem = f", peak {median(memory[size]) / 2**20:.0f} MB" if memory[size] else ""
        table.add(
            "5",
            f"analyze {kb:.0f} KB",
            secs(t),
            f"{t / kb * 1000:.1f} ms/KB; {net * 1000:.1f} ms/KB net of fixed{mem}",
        )
    big = sizes[-1]
    t = median(times[big])
    table.add(
        "4",
        f"analyze {options.big_label} article (whole process)",
        secs(t),
        target="<= 30 s",
        met=met(t <= 30),
    )
    if memory[big]:
        peak_mb = median(memory[big]) / 2**20
        table.add(
            "4",
            f"peak memory, {options.big_label} article",
            f"{peak_mb:.0f} MB",
            target="<= 400 MB",
            met=met(peak_mb <= 400),
        )
    if len(sizes) >= 3:
        middle = sizes[-2]
        growth = net_per_kb[big] / net_per_kb[middle]
        quick = " (quick: one noisy run)" if options.quick else ""
        table.add(
            "5",
            f"linear growth: net ms/KB at {big // KB} KB vs {middle // KB} KB{quick}",
            f"{growth:.2f}x",
            target="~1x (<= 1.3x)",
            met=met(growth <= 1.3),
        )
