"""``byline batch INPUT... --out DIR``: a corpus analysed into resumable shards, and its
summary; ``byline batch --report DIR`` writes the summary again from the shards.

Failures are records (``id``, ``path``, ``error``), never a stopped run; the exit status
is 0 once every article has its record, 130 when the run was stopped (Ctrl-C or SIGTERM:
what was done is written first), 1 for a one-line error (bad options, an INPUT that does
not exist, an output folder that is not ours, an engine that cannot start).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import itertools
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from byline.batch.engines import EngineError, open_engine
from byline.batch.inputs import InputError, Item, Key, check_inputs, iter_items
from byline.batch.progress import Progress
from byline.batch.report import write_report
from byline.batch.shards import Output, OutputError, read_manifest, read_records
from byline.console import CommandParser, fail, say, shown

T = TypeVar("T")

DEFAULT_BATCH = 16
DEFAULT_SHARD = 1000


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="byline batch",
        description="Analyse a corpus into JSON Lines shards in DIR (the 'byline analyze' "
        "record of each article, plus its 'id'), then summarise it. A rerun skips the "
        "articles already done, so a stopped run goes on where it was.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="text or HTML files, folders (searched for *.txt and *.html), JSON Lines "
        'files (*.jsonl) of {"id": ..., "text": ...}, or - for JSON Lines on stdin',
    )
    parser.add_argument("-o", "--out", type=Path, metavar="DIR", help="the output folder")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="DIR",
        help="write DIR's summary (report.md, sources.csv) again from its shards, and stop",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        help="local: a process pool on this machine (default); dask: Dask's distributed "
        "scheduler (pip install 'byline[dask]')",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="an existing Dask cluster's scheduler (tcp://host:8786); implies --engine dask",
    )
    parser.add_argument(
        "-w",
        "--workers",
        type=int,
        default=_cores(),
        help="worker processes, locally or in the LocalCluster (default: the cores, %(default)s)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH,
        help="articles per task (default %(default)s)",
    )
    parser.add_argument(
        "--shard-size",
        type=int,
        default=DEFAULT_SHARD,
        help="records per shard file (default %(default)s; a shard is also written each minute)",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    options = parser().parse_args(argv)
    if options.report is not None:
        if options.inputs or options.out:
            return fail("--report DIR takes no INPUT and no --out")
        return run_report(options.report)
    if not options.inputs or options.out is None:
        return fail("give INPUT... and --out DIR (or --report DIR)")
    engine = options.engine or ("dask" if options.scheduler else "local")
    if options.scheduler and engine != "dask":
        return fail("--scheduler is for --engine dask")
    for name in ("workers", "batch_size", "shard_size"):
        if getattr(options, name) < 1:
            return fail(f"--{name.replace('_', '-')} must be at least 1")
    try:
        check_inputs(options.inputs)
        with Output(options.out.expanduser(), options.shard_size) as output, _stop_on_sigterm():
            return run_batch(options, engine, output)
    except (InputError, OutputError, EngineError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"{getattr(error, 'filename', None) or ''}: {error.strerror or error}")


def run_batch(options: argparse.Namespace, engine_name: str, output: Output) -> int:
    """Analyse what is not done yet into ``output``; the summary on stdout."""
    started = time.perf_counter()
    start_time = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    counts = {"skipped": 0, "duplicates": 0}
    first_duplicate: list[Key] = []
    todo = _new_items(iter_items(options.inputs), output.done, counts, first_duplicate)
    total = None
    if sys.stderr.isatty() and "-" not in options.inputs:  # a bar's total needs a count
        total = sum(1 for _ in _new_items(iter_items(options.inputs), output.done, {}, []))
        counts = {"skipped": 0, "duplicates": 0}
    engine = open_engine(engine_name, options.workers, options.scheduler)
    peaks: dict[int, int] = {}
    done = failed = 0
    stopped = False
    try:
        with Progress(sys.stderr, total) as bar:
            for batch in engine.results(_batches(todo, options.batch_size, engine.workers)):
                output.add(batch.results)
                if batch.pid:
                    peaks[batch.pid] = max(peaks.get(batch.pid, 0), batch.peak_rss)
                done += len(batch.results)
                failed += sum(r.failed for r in batch.results)
                bar.advance(len(batch.results))
    except KeyboardInterrupt:
        stopped = True
    finally:
        output.flush()  # what is done is kept, however the run ends
        seconds = time.perf_counter() - started
        run = {
            "started": start_time,
            "engine": engine_name,
            "scheduler": options.scheduler,
            "workers": engine.workers,
            "articles": done,
            "failures": failed,
            "seconds": round(seconds, 3),
            "peak_worker_mb": sorted(round(p / 2**20, 1) for p in peaks.values()),
            "stopped": stopped,
            **counts,
        }
        output.record_run(run)
        _close(engine)
    if counts["duplicates"]:
        say(
            f"{counts['duplicates']:,} articles skipped: their id was already in this "
            f"input (the first: {str(first_duplicate[0])[:100]})"
        )
    if stopped:
        say(
            f"stopped after {done:,} articles; they are saved in {output.folder}: "
            "run the same command again to go on"
        )
        return 130
    _summarise(output.folder, output.manifest.runs, run)
    return 0


def _close(engine: Any) -> None:
    # A second Ctrl-C while the workers stop: they are ended anyway.
    with contextlib.suppress(KeyboardInterrupt):
        engine.close()


def run_report(folder: Path) -> int:
    """``byline batch --report DIR``."""
    folder = folder.expanduser()
    if not folder.is_dir():
        return fail(f"{folder}: no such folder")
    try:
        manifest = read_manifest(folder)
        if not manifest.shards:
            return fail(f"{folder}: holds no byline batch shards")
        _summarise(folder, manifest.runs, None)
    except OutputError as error:
        return fail(str(error))
    except (ValueError, KeyError, TypeError) as error:
        return fail(f"{folder}: a shard is damaged ({error})")
    except OSError as error:
        return fail(f"{folder}: {error.strerror or error}")
    return 0


def _summarise(folder: Path, runs: list[dict[str, Any]], run: dict[str, Any] | None) -> None:
    result = write_report(folder, read_records(folder), runs)
    print(
        f"{result.articles:,} articles in {shown(folder)}: {result.analysed:,} analysed, "
        f"{result.failures:,} failed; {result.words:,} words"
    )
    if run is not None:
        seconds = run["seconds"]
        rate = run["articles"] / seconds if seconds else 0.0
        peak = max(run["peak_worker_mb"], default=0)
        print(
            f"this run: {run['articles']:,} articles in {seconds:,.1f} s ({rate:,.1f} articles/s), "
            f"{run['engine']} engine, {run['workers']} workers, peak memory per worker "
            f"{peak:,.0f} MB; {run['skipped']:,} done before, skipped"
        )
    print(f"report: {shown(folder / 'report.md')}, sources.csv")


def _new_items(
    items: Iterable[Item], done: set[Key], counts: dict[str, int], duplicates: list[Key]
) -> Iterator[Item]:
    """Items not done yet, each id once (a repeated id in the input is skipped and counted)."""
    seen: set[Key] = set()
    for item in items:
        if item.id in seen:
            counts["duplicates"] = counts.get("duplicates", 0) + 1
            if not duplicates:
                duplicates.append(item.id)
            continue
        seen.add(item.id)
        if item.id in done:
            counts["skipped"] = counts.get("skipped", 0) + 1
            continue
        yield item


def _batches(items: Iterable[T], size: int, workers: int = 1) -> Iterator[list[T]]:
    """Batches of ``size``; the last ``size * workers`` items in quarter batches, so that
    the workers finish together instead of one running a whole batch alone at the end."""
    source = iter(items)
    ahead: list[T] = []
    tail = size * workers
    while True:
        ahead.extend(itertools.islice(source, size + tail - len(ahead)))
        if len(ahead) <= tail:
            break
        yield ahead[:size]
        del ahead[:size]
    small = max(1, size // 4)
    for start in range(0, len(ahead), small):
        yield ahead[start : start + small]


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (a cluster's or a service manager's stop) stops the run as Ctrl-C does."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
