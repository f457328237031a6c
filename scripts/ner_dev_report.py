"""Score an entity model folder on the dev sets, tagger alone on the gold tokens.

    python scripts/ner_dev_report.py --model /tmp/ner-try [--raw] [--errors N]

For quick comparisons between trained models (``scripts/train_ner.py --out DIR``) and of
the document-level passes (``--raw`` scores the tags before them). ``--errors N`` prints
N mistaken spans per dev set, for error analysis on dev only. The end-to-end figures are
``python -m byline.evaluate.entities``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from byline.analysis import ner_document
from byline.analysis.ner import EntityTagger, PackedWeights, read_model, write_model
from byline.analysis.ner_tags import bilou_to_bio
from byline.evaluate.conll import format_table, score, spans_from_tags
from byline.evaluate.ner_sets import SETS, parse_sets, restrict
from byline.resources import models_dir


def pruned(tagger: EntityTagger, prune: float) -> EntityTagger:
    """The tagger without weights below ``prune`` (as ``train_ner.py --ship-prune`` does)."""
    features, offsets, labels, weights = tagger.weights.arrays()
    rows = {}
    for k, feat in enumerate(features):
        a, b = offsets[k], offsets[k + 1]
        kept = tuple((labels[j], weights[j]) for j in range(a, b) if abs(weights[j]) >= prune)
        if kept:
            rows[feat] = kept
    packed = PackedWeights.from_rows(len(tagger.classes), rows)
    return EntityTagger(tagger.classes, tagger.extractor.lexicons, packed, tagger.constrained)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, default=models_dir() / "ner")
    parser.add_argument("--sets", default="all", help=", ".join(SETS))
    parser.add_argument("--raw", action="store_true", help="before the document-level passes")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per set")
    parser.add_argument("--without", default="", help="document passes to leave out")
    parser.add_argument("--prune", type=float, help="drop weights below this first")
    parser.add_argument("--write", type=Path, help="save the (pruned) model here")
    parser.add_argument("--table", action="store_true", help="per-type tables")
    args = parser.parse_args(argv)
    tagger = read_model(args.model)
    if args.prune:
        tagger = pruned(tagger, args.prune)
        print(f"{len(tagger.weights)} features after pruning at {args.prune}")
    if args.write:
        write_model(args.write, tagger, {"pruned_from": str(args.model), "prune": args.prune})
    ner_document.PASSES = ner_document.PASSES - set(args.without.split(","))
    for dataset in parse_sets(args.sets):
        gold, pred, words = [], [], []
        for doc in dataset.read(args.data, "dev"):
            if args.raw:
                tags = [bilou_to_bio(t) for t in tagger.tag_scored(doc.sentences)[0]]
            else:
                tags = tagger.tag_document(doc.sentences)
            gold.extend(doc.tags)
            pred.extend(restrict(t, dataset.types) for t in tags)
            words.extend(doc.sentences)
        result = score(gold, pred)
        print(f"{dataset.key:<10} F1 {result['overall']['f1']:.4f}")
        if args.table:
            print(format_table(result))
        shown = 0
        for sentence, g, p in zip(words, gold, pred, strict=True):
            if shown >= args.errors:
                break
            gs, ps = spans_from_tags(g), spans_from_tags(p)
            if gs != ps:
                shown += 1
                text = " ".join(sentence)
                missed = [(" ".join(sentence[s:e]), k) for s, e, k in sorted(gs - ps)]
                wrong = [(" ".join(sentence[s:e]), k) for s, e, k in sorted(ps - gs)]
                print(f"  {text[:160]}\n    gold only {missed}\n    pred only {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
