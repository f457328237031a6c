"""Train byline's named-entity tagger and write ``src/byline/models/ner/``.

An averaged perceptron (``nltk.tag.perceptron.AveragedPerceptron`` keeps the weights and
their running totals and averages them; only the weighted update and the dot product used
to pick each guess are written out here, to weight corpora and to apply the BILOU
transition constraints) with greedy left-to-right decoding over whole documents.
Features live in ``byline.analysis.ner_features`` and are shared with the runtime tagger.
Gold POS and chunk columns are never read.

Training text is a mix of corpora from ``--data`` (see ``CORPORA``), each with a weight:
an update on a word of that corpus moves the weights by that much. Corpora that do not
annotate MISC (FiNER-ORD, UNER, BTC) mark nationalities, events and products ``O``; on
their words a guess of MISC where the gold says ``O`` is not counted as an error (the
MISC is masked), so they cannot teach that such names are not names. The word lists are
built by ``scripts/ner_lexicons.py``.

Usage (from the repository root, the one command that rebuilds the shipped model)::

    python scripts/train_ner.py --data ../shared/data --nltk-data ../shared/nltk_data

The dev splits of CoNLL-2003, Worldwide Newswire, FiNER-ORD and UNER are tagged after
each epoch to report scores and to keep the best epoch by their mean F1; no weight is
learnt from them. Documents are shuffled with a fixed seed, so a rerun writes the same
files. ``--sample`` trains on a fraction of each corpus for quick experiments.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from ner_lexicons import build_lexicons
from nltk.tag.perceptron import AveragedPerceptron

from byline.analysis.ner import EntityTagger, PackedWeights, write_model
from byline.analysis.ner_decode import decode_document
from byline.analysis.ner_features import FeatureExtractor
from byline.analysis.ner_tags import allowed_transitions, bilou_classes, bio_to_bilou
from byline.evaluate.conll import Document, read_conll, score
from byline.evaluate.ner_sets import SETS, restrict
from byline.resources import models_dir

# name -> (file under --data, annotates MISC, has document boundaries)
CORPORA = {
    "conll2003": ("conll2003/train.txt", True, True),
    "worldwide": ("ner-extra/worldwide_newswire/worldwide.train.conll", True, True),
    "finer_ord": ("ner-extra/finer_ord/finer_ord.train.conll", False, True),
    "uner": ("ner-extra/uner_en_ewt/uner_en_ewt.train.conll", False, True),
    "wikigold": ("ner-extra/wikigold/wikigold.train.conll", True, True),
    "gmb": ("ner-extra/gmb_voa_news/gmb.train.conll", True, False),
    "btc": ("ner-extra/btc/btc.train.conll", False, False),
    "wnut17": ("ner-extra/wnut17/wnut17.train.conll", True, False),
    "wikineural": ("ner-extra/wikineural_en_dev/wikineural_en.dev.conll", True, False),
}
DEFAULT_MIX = "conll2003=2,worldwide=1,finer_ord=0.5,wikigold=0.5,gmb=0.3@0.3"
SELECT_ON = ("conll2003", "worldwide", "finer_ord", "uner")
MISC_TAGS = frozenset(f"{p}-MISC" for p in "BILU")


class WeightedPerceptron(AveragedPerceptron):
    """NLTK's averaged perceptron with an update of any size (NLTK's is always 1)."""

    def weighted_update(self, truth: str, guess: str, features: list[str], size: float) -> None:
        self.i += 1
        if truth == guess or not size:
            return
        totals, stamps, i = self._totals, self._tstamps, self.i
        for f in features:
            weights = self.weights.setdefault(f, {})
            for clas, change in ((truth, size), (guess, -size)):
                param = (f, clas)
                w = weights.get(clas, 0.0)
                totals[param] += (i - stamps[param]) * w
                stamps[param] = i
                weights[clas] = w + change


class Corpus:
    """The documents of one training corpus and how to learn from them."""

    def __init__(self, name: str, docs: list[Document], weight: float, has_misc: bool) -> None:
        self.name, self.docs, self.weight, self.has_misc = name, docs, weight, has_misc
        self.gold = [[bio_to_bilou(tags) for tags in doc.tags] for doc in docs]


def load_corpus(data: Path, name: str, weight: float, share: float, seed: int) -> Corpus:
    """One corpus, keeping a ``share`` of its documents (drawn with a fixed seed)."""
    path, has_misc, has_docs = CORPORA[name]
    docs = read_conll(data / path)
    if not has_docs:  # no boundaries: each sentence is its own document
        docs = [
            Document([s], [t]) for doc in docs for s, t in zip(doc.sentences, doc.tags, strict=True)
        ]
    if share < 1:
        rng = random.Random(seed)
        docs = [doc for doc in docs if rng.random() < share]
    return Corpus(name, docs, weight, has_misc)


def parse_mix(text: str) -> dict[str, tuple[float, float]]:
    """``name=weight[@share],...`` -> name -> (update weight, share of documents kept)."""
    mix = {}
    for part in text.split(","):
        name, _, rest = part.strip().partition("=")
        if name not in CORPORA:
            raise SystemExit(f"unknown corpus {name!r}; known: {', '.join(CORPORA)}")
        weight, _, share = (rest or "1").partition("@")
        mix[name] = (float(weight), float(share or 1))
    return mix


def averaged(model: AveragedPerceptron) -> dict[str, dict[str, float]]:
    """The averaged weights, computed as ``average_weights`` does but without mutating."""
    out: dict[str, dict[str, float]] = {}
    i = model.i
    for feat, weights in model.weights.items():
        row = {}
        for clas, weight in weights.items():
            param = (feat, clas)
            total = model._totals[param] + (i - model._tstamps[param]) * weight
            value = round(total / i, 3)
            if value:
                row[clas] = value
        if row:
            out[feat] = row
    return out


def to_rows(
    weights: dict[str, dict[str, float]], classes: list[str], prune: float
) -> dict[str, tuple[tuple[int, float], ...]]:
    """Index class names and drop weights with ``|w| < prune``."""
    index = {c: k for k, c in enumerate(classes)}
    rows = {}
    for feat, row in weights.items():
        # Weights are multiples of 0.001 (see ``averaged``); rounding again makes the
        # cut the same for float32 weights read back from a model file.
        kept = tuple(sorted((index[c], w) for c, w in row.items() if round(abs(w), 3) >= prune))
        if kept:
            rows[feat] = kept
    return rows


def strongest(
    rows: dict[str, tuple[tuple[int, float], ...]], classes: list[str], prune: float, keep: int
) -> dict[str, tuple[tuple[int, float], ...]]:
    """The ``keep`` features whose weights spread widest, without weights below ``prune``.

    What keeps the model small and quick to load: most features are rare words and
    word pairs whose few weights are small next to the rest.
    """
    pruned = to_rows({f: {classes[k]: w for k, w in r} for f, r in rows.items()}, classes, prune)

    def spread(feat: str) -> float:
        values = [w for _, w in pruned[feat]]
        return round(max(max(values), 0.0) - min(min(values), 0.0), 3)

    kept = sorted(pruned, key=lambda f: (-spread(f), f))[:keep]
    return {f: pruned[f] for f in kept}


def evaluate(tagger: EntityTagger, dev: dict[str, list[Document]]) -> dict[str, dict]:
    """Scores of the tagger alone (gold tokens) on each dev set."""
    out = {}
    for key, docs in dev.items():
        types = SETS[key].types
        gold, pred = [], []
        for doc in docs:
            gold.extend(doc.tags)
            pred.extend(restrict(tags, types) for tags in tagger.tag_document(doc.sentences))
        out[key] = score(gold, pred)
    return out


def summary(scores: dict[str, dict]) -> str:
    return ", ".join(f"{k} {v['overall']['f1']:.4f}" for k, v in scores.items())


def train(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    mix = parse_mix(args.mix)
    corpora = [
        load_corpus(args.data, name, weight, share * args.sample, args.seed)
        for name, (weight, share) in mix.items()
    ]
    dev = {key: SETS[key].read(args.data, "dev") for key in SELECT_ON}
    words = [s for c in corpora for d in c.docs for s in d.sentences]
    lexicons = build_lexicons(
        args.nltk_data, args.data, words, args.min_lower, not args.no_freebase
    )
    extractor = FeatureExtractor(lexicons)
    classes = bilou_classes()
    allowed = allowed_transitions(classes, not args.unconstrained)
    model = WeightedPerceptron()
    model.classes = set(classes)
    rng = random.Random(args.seed)
    order = [(c, d) for c, corpus in enumerate(corpora) for d in range(len(corpus.docs))]
    sizes = ", ".join(
        f"{c.name} {sum(map(len, (s for d in c.docs for s in d.sentences)))}" for c in corpora
    )
    print(
        f"training words: {sizes}; lexicons ready in {time.perf_counter() - started:.0f}s",
        flush=True,
    )
    best: tuple[float, int, dict, dict] = (-1.0, 0, {}, {})
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(order)
        errors = total = 0
        for ci, d in order:
            corpus = corpora[ci]
            doc_gold = corpus.gold[d]
            mweights = model.weights
            size = corpus.weight
            mask_misc = not corpus.has_misc

            def step(
                si: int,
                wi: int,
                groups: tuple,
                feats: list[str],
                allowed_idx: list[int],
                doc_gold: list[list[str]] = doc_gold,
                mweights: dict[str, dict[str, float]] = mweights,
                size: float = size,
                mask_misc: bool = mask_misc,
            ) -> str:
                nonlocal errors, total
                for group in groups:
                    feats += extractor.group_features(group)
                scores: dict[str, float] = defaultdict(float)
                for feat in feats:
                    row = mweights.get(feat)
                    if row:
                        for label, weight in row.items():
                            scores[label] += weight
                guess = max((classes[k] for k in allowed_idx), key=lambda c: (scores[c], c))
                truth = doc_gold[si][wi]
                if mask_misc and truth == "O" and guess in MISC_TAGS:
                    truth = guess
                model.weighted_update(truth, guess, feats, size)
                errors += guess != truth
                total += 1
                return guess

            decode_document(corpus.docs[d].sentences, extractor, allowed, step)
        rows = to_rows(averaged(model), classes, args.prune)
        tagger = EntityTagger(
            classes, lexicons, PackedWeights.from_rows(len(classes), rows), not args.unconstrained
        )
        result = evaluate(tagger, dev)
        mean = sum(result[k]["overall"]["f1"] for k in SELECT_ON) / len(SELECT_ON)
        print(
            f"epoch {epoch}: train err {errors / total:.4f}, dev mean F1 {mean:.4f} "
            f"({summary(result)}), {len(rows)} features, {time.perf_counter() - started:.0f}s",
            flush=True,
        )
        if mean > best[0]:
            best = (mean, epoch, rows, result)
    mean, epoch, rows, result = best
    print(f"keeping epoch {epoch} (dev mean F1 {mean:.4f}: {summary(result)})")
    rows = strongest(rows, classes, args.ship_prune, args.ship_features)
    tagger = EntityTagger(
        classes, lexicons, PackedWeights.from_rows(len(classes), rows), not args.unconstrained
    )
    print(f"shipped: {len(rows)} features, {summary(evaluate(tagger, dev))}")
    meta = {
        "epoch": epoch,
        "seed": args.seed,
        "mix": args.mix,
        "sample": args.sample,
        "prune": args.prune,
        "ship_prune": args.ship_prune,
        "ship_features": args.ship_features,
        "freebase": not args.no_freebase,
        "dev_f1": {k: round(v["overall"]["f1"], 4) for k, v in result.items()},
    }
    write_model(args.out, tagger, meta)
    size_mb = sum(f.stat().st_size for f in args.out.iterdir() if f.is_file()) / 1e6
    print(f"wrote {args.out} ({size_mb:.2f} MB) in {time.perf_counter() - started:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--nltk-data", type=Path, default=Path("../shared/nltk_data"))
    parser.add_argument(
        "--mix", default=DEFAULT_MIX, help="corpus=weight[@share],... (see CORPORA)"
    )
    parser.add_argument("--sample", type=float, default=1.0, help="train on this share of docs")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--prune", type=float, default=0.02, help="drop averaged weights below this"
    )
    parser.add_argument(
        "--ship-prune",
        type=float,
        default=0.02,
        help="drop weights below this in the shipped model (after choosing the epoch)",
    )
    parser.add_argument(
        "--ship-features",
        type=int,
        default=150_000,
        help="ship only this many features, those whose weights spread widest",
    )
    parser.add_argument("--min-lower", type=int, default=2)
    parser.add_argument(
        "--no-freebase",
        action="store_true",
        help="leave the Freebase gazetteers (from a GPL-3.0 repository) out of the model",
    )
    parser.add_argument("--unconstrained", action="store_true", help="let any tag follow any tag")
    parser.add_argument(
        "--out", type=Path, default=models_dir() / "ner", help="model folder to write"
    )
    train(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
