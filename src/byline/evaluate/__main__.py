"""One command for every figure byline reports, on the dev splits in ``../shared/data``.

    python -m byline.evaluate --data ../shared/data
        [--only entities,quotes,attributions,narration,summary,human] [--peers] [--limit N]
        [--cache-dir /tmp/byline-articles]

Entities: CoNLL-2003, Worldwide Newswire, FiNER-ORD and UNER English-EWT dev through
``analyze`` (with ``--peers``, spaCy's pipelines beside it when installed). Quotes:
PolNeAR dev direct-quote detection and speakers. Attributions: PolNeAR dev, every claim
(direct, mixed, indirect) with its source. Narration: how many quotes detected in BBC
News Summary's dev part are narration suspects. Summary: ROUGE on BBC News Summary's dev
part, with Lead-N and, when installed (``--peers``), sumy and newspaper4k beside it.
Human: 3-sentence summaries against the editors' summaries of ``cnndm-tune`` and
``inshorts-tune``, 5-fold cross-validated, beside Lead-3 (and sumy with ``--peers``) and
the published figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SECTIONS = ("entities", "quotes", "attributions", "narration", "summary", "human")


def run_entities(data: Path, peers: bool) -> dict[str, Any]:
    from byline.evaluate.conll import format_table
    from byline.evaluate.entities import score_set
    from byline.evaluate.ner_sets import SETS

    systems: list[tuple[str, Any]] = [("byline", None)]
    if peers:
        from byline.evaluate.spacy_peer import installed_pipelines

        systems += installed_pipelines()
    results: dict[str, Any] = {}
    for key, dataset in SETS.items():
        for name, system in systems:
            scores = score_set(data, dataset, "dev", system)
            print(f"== Entities: {dataset.title} dev, {name}, exact spans, end to end")
            print(format_table(scores))
            results[key if system is None else f"{key} {name}"] = scores
    return results


def run_quotes(data: Path) -> dict[str, Any]:
    from byline.evaluate.polnear import evaluate_polnear

    scores = evaluate_polnear(data, "dev")
    print("== Quotes: PolNeAR dev")
    for name, value in scores.items():
        print(f"{name:<28} {value:.4f}" if isinstance(value, float) else f"{name:<28} {value}")
    return dict(scores)


def run_attributions(data: Path) -> dict[str, Any]:
    from byline.evaluate.attributions import evaluate_attributions, format_scores

    scores = evaluate_attributions(data, "dev")
    print("== Attributions: PolNeAR dev, content and source")
    print(format_scores(scores))
    return dict(scores)


def run_narration(data: Path) -> dict[str, Any]:
    from byline.evaluate.narration import check

    checked = check(data, "dev")
    total = len(checked)
    suspects = sum(1 for c in checked if c.suspect)
    politics = [c for c in checked if c.key.startswith("politics/")]
    political = sum(1 for c in politics if c.suspect)
    print("== Narration taken for a quote: BBC News Summary articles, the dev part")
    print(f"all categories  {suspects} of {total} quotes ({suspects / total if total else 0:.1%})")
    print(
        f"politics        {political} of {len(politics)} quotes "
        f"({political / len(politics) if politics else 0:.1%})"
    )
    return {
        "quotes": total,
        "suspects": suspects,
        "rate": suspects / total if total else 0.0,
        "politics_quotes": len(politics),
        "politics_suspects": political,
    }


def run_summary(data: Path, peers: bool, limit: int | None) -> dict[str, Any]:
    from byline.evaluate.bbc import evaluate_bbc, format_table

    print("== Summary: BBC News Summary dev part, ROUGE F1 at the reference's length")
    scores = evaluate_bbc(data, peers=peers, limit=limit)
    print(format_table(scores))
    return dict(scores)


def run_human(
    data: Path, peers: bool, limit: int | None, cache_dir: Path | None = None
) -> dict[str, Any]:
    from byline.evaluate.human import evaluate_human, format_table

    print("== Summary against people's summaries: CNN/DailyMail and Inshorts tuning sets")
    scores = evaluate_human(data, with_peers=peers, limit=limit, cache_dir=cache_dir)
    print(format_table(scores))
    return dict(scores)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m byline.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help="comma-separated sections: " + ", ".join(SECTIONS),
    )
    parser.add_argument(
        "--peers", action="store_true", help="also score spaCy, sumy and newspaper4k when installed"
    )
    parser.add_argument(
        "--limit", type=int, help="score only the first N articles of each summary set"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument(
        "--cache-dir", type=Path, help="keep the human section's prepared articles here for reruns"
    )
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    rouge = {"summary", "human"} & set(wanted)
    if rouge and importlib.util.find_spec("rouge_score") is None:
        parser.error(
            f"{' and '.join(sorted(rouge))} need rouge-score: pip install --group eval -e ."
        )
    results: dict[str, Any] = {}
    for section in wanted:
        started = time.perf_counter()
        if section == "entities":
            results[section] = run_entities(args.data, args.peers)
        elif section == "quotes":
            results[section] = run_quotes(args.data)
        elif section == "attributions":
            results[section] = run_attributions(args.data)
        elif section == "narration":
            results[section] = run_narration(args.data)
        elif section == "summary":
            results[section] = run_summary(args.data, args.peers, args.limit)
        else:
            results[section] = run_human(args.data, args.peers, args.limit, args.cache_dir)
        print(f"({section}: {time.perf_counter() - started:.1f}s)\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
