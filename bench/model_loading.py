"""Section 2: model loading stage by stage, then the pipeline's stages on the sample.

Each run is a fresh process (``bench/probe.py``). NLTK imports numpy when it finds it, and
here only spaCy (section 3's baseline) brings it: when numpy is present, each run is also
taken with numpy hidden, which is how byline loads as installed.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess

from .options import Options
from .programs import BENCH, PYTHON, REPO, SAMPLE, last_line
from .table import Table, median, met, ms, progress

LOADS = ("import_nltk", "punkt", "pos_tagger", "ner")
STAGES = ("layout", "sentences", "tags", "entities", "quotes", "attributions", "ranking")
ANALYSES = 7
"""Analyses of the sample per fresh process, after its warm-up."""


def run(options: Options, table: Table) -> None:
    """2: model loading stage by stage (fresh processes) and the stages on the sample."""
    progress(f"[2] model loading and stages: {options.probe_runs} fresh processes")
    results: list[dict] = []
    installed: list[dict] = []
    variants = [("", results)]
    if importlib.util.find_spec("numpy") is not None:
        variants.append(("numpy", installed))
    for _ in range(options.probe_runs):
        for hidden, into in variants:
            out = subprocess.run(
                [PYTHON, str(BENCH / "probe.py"), str(SAMPLE), str(ANALYSES), hidden],
                capture_output=True,
                text=True,
                cwd=REPO,
                check=False,
            )
            if out.returncode:
                table.note(f"probe failed: {last_line(out.stderr)}")
                return
            into.append(json.loads(out.stdout))
    if "ner_error" in results[0]:
        table.note(
            f"entity model not loaded ({results[0]['ner_error'][:120]}); stage "
            "timings use a stand-in tagger (every token O), so 'entities' is a floor"
        )
    for name in LOADS:
        table.add("2", f"load: {name.replace('_', ' ')}", ms(median([r[name] for r in results])))
    total = _load_total(results)
    as_installed = _load_total(installed) if installed else total
    table.add(
        "2",
        "load: total (import nltk + Punkt + POS + NER)",
        ms(as_installed),
        "with numpy (bench venv) " + ms(total) if installed else "",
        target="<= 500 ms",
        met=met(as_installed <= 0.5),
    )
    table.add(
        "2", "other pipeline imports and models", ms(median([r["other_imports"] for r in results]))
    )
    runs = [run for r in results for run in r["runs"]]
    for stage in STAGES:
        if all(stage in run for run in runs):
            table.add("2", f"stage: {stage}", ms(median([run[stage] for run in runs])))
    if all("attributions" in run for run in runs):
        share = median([run["attributions"] / sum(run[s] for s in STAGES) for run in runs])
        table.add(
            "2",
            "attribution stage, share of the pipeline",
            f"{share:.0%}",
            target="<= 33%",
            met=met(share <= 1 / 3),
        )
    analysed = median([run["total"] for run in runs])
    table.add(
        "2",
        f"sample analysed after loading ({len(runs)} runs)",
        ms(analysed),
        target="<= 150 ms",
        met=met(analysed <= 0.15),
    )


def _load_total(results: list[dict]) -> float:
    """Median over processes of the four loading stages added up."""
    return median([sum(r[name] for name in LOADS) for r in results])
