"""Fit the summary ranker's weights on the BBC News Summary tune split.

Every tune article (see :func:`byline.evaluate.bbc.split_of`; dev articles are never
read for fitting) runs through byline's layout, sentence splitter and tagger. A body
sentence is a positive example when the reference summary contains it verbatim. A
logistic regression (L2, full-batch gradient descent, numpy) over the features of
:func:`byline.analysis.summary.sentence_features` predicts that label; the MMR
redundancy weight is then chosen by ROUGE-2 on the tune articles. The result is written
as tiny JSON to ``src/byline/models/summary/weights.json``.

Entities are left empty while fitting (the ranker must work without them); the
``names`` feature then comes from proper-noun tags.

Run: ``python scripts/train_summary.py --data /work/shared/data``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from byline.analysis import quotes, summary
from byline.analysis.pipeline import read_document
from byline.evaluate import bbc

OUT = Path(__file__).resolve().parents[1] / "src" / "byline" / "models" / "summary"


def _prepare(item: bbc.Item) -> dict:
    doc = read_document(item.article)
    found = quotes.find_quotes(doc)
    body = [s.text(item.article) for s in doc.sentences]
    return {
        "document": doc.with_quotes(found),
        "key": item.key,
        "labels": bbc.labels(item.reference, body),
        "n": bbc.reference_size(item.reference, body),
        "reference": bbc.spaced_reference(item.reference),
    }


def prepare(data: Path, split: str, cache: Path | None) -> list[dict]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    items = bbc.load_items(data, split)
    with ProcessPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        docs = list(pool.map(_prepare, items, chunksize=16))
    if cache:
        cache.write_bytes(pickle.dumps(docs))
    return docs


def featurize(docs: list[dict]) -> tuple[np.ndarray, np.ndarray, list[tuple[list, list]]]:
    xs, ys, per_doc = [], [], []
    for doc in docs:
        rows, terms = summary.sentence_features(doc["document"])
        per_doc.append((rows, terms))
        xs.extend([[row[f] for f in summary.FEATURES] for row in rows])
        ys.extend(doc["labels"])
    return np.array(xs, dtype=float), np.array(ys, dtype=float), per_doc


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000) -> np.ndarray:
    """Logistic regression weights (last entry the bias) by gradient descent with Adam."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def rouge2(docs: list[dict], per_doc: list, model: dict) -> float:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    total = 0.0
    for doc, (rows, terms) in zip(docs, per_doc, strict=True):
        taken = summary.order(summary.rate(rows, model), terms, model["redundancy"])
        chosen = sorted(taken[: doc["n"]])
        document = doc["document"]
        text = " ".join(document.sentences[i].text(document.text) for i in chosen)
        total += scorer.score(doc["reference"], text)["rouge2"].fmeasure
    return total / max(1, len(docs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None, help="pickle of prepared articles")
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--tune-docs", type=int, default=600, help="articles for choosing MMR")
    args = parser.parse_args(argv)

    docs = prepare(args.data, "tune", args.cache)
    x, y, per_doc = featurize(docs)
    print(
        f"{len(docs)} tune articles, {len(y)} sentences, {y.mean():.3f} positive", file=sys.stderr
    )
    w = fit(x, y, args.l2)
    model = {
        "weights": {f: round(float(v), 5) for f, v in zip(summary.FEATURES, w[:-1], strict=True)},
        "bias": round(float(w[-1]), 5),
        "redundancy": 0.0,
    }
    best = (-1.0, 0.0)
    sample, sample_feats = docs[: args.tune_docs], per_doc[: args.tune_docs]
    for redundancy in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5):
        model["redundancy"] = redundancy
        score = rouge2(sample, sample_feats, model)
        print(f"redundancy {redundancy}: tune ROUGE-2 {score:.4f}", file=sys.stderr)
        best = max(best, (score, redundancy))
    model["redundancy"] = best[1]
    model["trained_on"] = "BBC News Summary tune split (CRC-32 of category/file, 4 of 5)"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / summary.WEIGHTS_FILE).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
