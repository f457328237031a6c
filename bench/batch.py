"""Section 6: ``byline batch`` over the first 600 BBC articles (sorted), whole process,
with 1 and 2 workers on the local engine (a process pool) and on Dask (a LocalCluster it
starts), runs alternating. Articles per second; 2 workers against 1 (target >= 1.8x);
Dask's overhead over the local engine at 2 workers (target <= 10%); each run's peak
memory per worker process (from the run's manifest: every worker reports its own).

Needs Dask for its half (``pip install 'byline[dask]'``); skipped with a note without."""

from __future__ import annotations

import importlib.util
import json
import shutil

from .articles import bbc_articles
from .options import Options, rotations
from .programs import BYLINE, last_line, timed
from .table import Table, median, met, progress, ratio_of, secs

CONFIGS = {
    "local 1": ("local", 1),
    "local 2": ("local", 2),
    "dask 1": ("dask", 1),
    "dask 2": ("dask", 2),
}


def run(options: Options, table: Table) -> None:
    """6: byline batch, 1 and 2 workers, local and Dask."""
    files = bbc_articles(options.data)[: options.batch_files]
    if not files:
        table.note("section 6 skipped: no BBC articles under --data")
        return
    configs = dict(CONFIGS)
    if importlib.util.find_spec("distributed") is None:
        table.note("section 6's Dask runs skipped: pip install 'byline[dask]'")
        configs = {k: v for k, v in configs.items() if v[0] == "local"}
    progress(
        f"[6] batch {len(files)} articles: {options.batch_rounds} rounds of {', '.join(configs)}"
    )
    times: dict[str, list[float]] = {name: [] for name in configs}
    memory: dict[str, list[float]] = {name: [] for name in configs}
    for order in rotations(list(configs), options.batch_rounds):
        for name in order:
            engine, workers = configs[name]
            out = options.work / "batch-out"
            shutil.rmtree(out, ignore_errors=True)
            command = [*BYLINE, "batch", *map(str, files), "--out", str(out)]
            command += ["--engine", engine, "--workers", str(workers)]
            seconds, code, err = timed(command)
            if code:
                table.note(f"section 6 stopped: batch ({name}) exited {code}: {last_line(err)}")
                return
            times[name].append(seconds)
            progress(f"  {name}: {seconds:.1f} s")
            (record,) = json.loads((out / "manifest.json").read_text("utf-8"))["runs"]
            memory[name].append(max(record["peak_worker_mb"], default=float("nan")))
    shutil.rmtree(options.work / "batch-out", ignore_errors=True)
    count = len(files)
    for name in configs:
        t = median(times[name])
        table.add(
            "6",
            f"batch {count} BBC articles, {name} worker(s) (whole process)",
            f"{count / t:,.1f} articles/s",
            f"{secs(t)}; peak {median(memory[name]):.0f} MB per worker",
        )
    for engine in sorted({e for e, _ in configs.values()}):
        pairs = list(zip(times[f"{engine} 1"], times[f"{engine} 2"], strict=True))
        speedup = ratio_of(pairs)  # per-round time at 1 worker over time at 2
        table.add(
            "6",
            f"{engine}: 2 workers vs 1 (speed-up)",
            f"{speedup:.2f}x",
            target=">= 1.8x",
            met=met(speedup >= 1.8),
        )
    if "dask 2" in configs:
        pairs = list(zip(times["dask 2"], times["local 2"], strict=True))
        overhead = ratio_of(pairs) - 1
        table.add(
            "6",
            "Dask's overhead over local, 2 workers (time)",
            f"{overhead * 100:+.1f}%",
            target="<= 10%",
            met=met(overhead <= 0.10),
        )
