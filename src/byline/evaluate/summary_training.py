"""Fit the summary ranker against reference summaries: targets, design matrix, model.

Shared by ``scripts/train_summary.py`` (fit on every tuning article, write the shipped
weights) and :mod:`byline.evaluate.human` (k-fold cross-validation), so the figures
reported are those of the recipe that made the shipped model.

* Targets: for a human summary, the greedy oracle (add the sentence that most raises
  the mean of ROUGE-1 and ROUGE-2 F1 against the reference, stop when none does, at
  most 3: the usual labels of extractive summarisers since SummaRuNNer); for BBC News
  Summary, the sentences its extractive reference contains. Each article's positives
  share a probability mass of 1.
* Model: a listwise softmax over each article's sentences (the score of a sentence
  against the others of its story, not against every sentence ever seen), fitted by
  Newton's method with an L2 penalty; a weight named ``"a*b"`` applies to the product
  of two features, as :func:`byline.analysis.summary.rate` reads it.
* Selection uses the runtime's own :func:`~byline.analysis.summary.rate` and
  :func:`~byline.analysis.summary.order`, so what is scored is what a reader gets.

Needs numpy (it comes with the ``eval`` dependency group); never imported at run time.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from byline.analysis import summary
from byline.analysis.document import Document

ORACLE_SIZE = 3


@dataclass
class Example:
    """One article prepared for fitting and scoring.

    Attributes:
        key: a stable name ("cnndm-tune/000123.txt"), which also decides its fold.
        corpus: the set it comes from ("cnndm-tune", "inshorts-tune", "bbc").
        rows: each sentence's features.
        terms: each sentence's content stems (for redundancy).
        sentences: each sentence's text.
        reference: the reference summary, one sentence a line.
        target: each sentence's share of the training mass (sums to 1, or all 0).
        size: how many sentences the reference has (BBC: its extracted sentences).
    """

    key: str
    corpus: str
    rows: list[dict[str, float]]
    terms: list[list[str]]
    sentences: list[str]
    reference: list[str]
    target: np.ndarray = field(repr=False)
    size: int = ORACLE_SIZE


@cache
def _tokenizer():  # noqa: ANN202 - rouge_score has no type hints
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


@cache
def _tokens(text: str) -> tuple[str, ...]:
    """``rouge_score``'s stemmed tokens of a text (cached: CV scores each many times)."""
    return tuple(_tokenizer().tokenize(text))


def _grams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle(
    sentences: Sequence[str], reference: Sequence[str], size: int = ORACLE_SIZE
) -> list[int]:
    """Greedy oracle: sentences that together best match the reference (ROUGE-1+2 F1)."""
    tokens = [_tokens(s) for s in sentences]
    ref = [t for line in reference for t in _tokens(line)]
    ref1, ref2 = _grams(ref, 1), _grams(ref, 2)
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < size:
        pick = None
        for i in range(len(tokens)):
            if i in chosen:
                continue
            joined = [t for j in sorted([*chosen, i]) for t in tokens[j]]
            value = (_f1(_grams(joined, 1), ref1) + _f1(_grams(joined, 2), ref2)) / 2
            if value > best:
                best, pick = value, i
        if pick is None:
            break
        chosen.append(pick)
    return sorted(chosen)


def prepare(
    key: str,
    corpus: str,
    doc: Document,
    reference: Sequence[str],
    positives: Iterable[int] | None = None,
) -> Example:
    """An article's features and target; ``positives`` overrides the oracle (BBC)."""
    rows, terms = summary.sentence_features(doc)
    texts = [span.text(doc.text) for span in doc.sentences]
    chosen = list(positives) if positives is not None else oracle(texts, reference)
    target = np.zeros(len(texts))
    if chosen:
        target[chosen] = 1.0 / len(chosen)
    size = max(1, len(chosen)) if positives is not None else ORACLE_SIZE
    return Example(key, corpus, rows, terms, texts, list(reference), target, size)


def read_all(texts: Sequence[str], jobs: int) -> list[Document]:
    """Every text as the ranking stage reads it, in order, over ``jobs`` processes.

    Each is :func:`byline.evaluate.bbc.read_findings`: the pipeline's document with the
    shipped entity tagger's entities and the quotes.
    """
    from byline.evaluate.bbc import read_findings

    if jobs <= 1:
        return [read_findings(text) for text in texts]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(read_findings, texts, chunksize=16))


def bbc_examples(data_dir: Path, split: str, jobs: int) -> list[Example]:
    """BBC News Summary articles of a split, their reference's sentences the positives."""
    from byline.evaluate import bbc

    items = bbc.load_items(data_dir, split)
    examples = []
    for item, doc in zip(items, read_all([i.article for i in items], jobs), strict=True):
        body = [span.text(doc.text) for span in doc.sentences]
        marked = bbc.labels(item.reference, body)
        positives = [i for i, inside in enumerate(marked) if inside]
        reference = bbc.reference_sentences(item.reference, body)
        examples.append(prepare(f"bbc/{item.key}", "bbc", doc, reference, positives))
    return examples


def fold_of(key: str, folds: int) -> int:
    """The fold an article belongs to (a CRC-32 of its key, stable across runs)."""
    return zlib.crc32(key.encode("utf-8")) % folds


def design(examples: Sequence[Example], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The feature matrix (one row a sentence) and each article's first row (and the end)."""
    parts = [name.split("*") for name in names]
    rows = []
    bounds = [0]
    for example in examples:
        for row in example.rows:
            values = []
            for factors in parts:
                value = row.get(factors[0], 0.0)
                for other in factors[1:]:
                    value *= row.get(other, 0.0)
                values.append(value)
            rows.append(values)
        bounds.append(len(rows))
    return np.array(rows, dtype=float).reshape(len(rows), len(names)), np.array(bounds)


def fit_listwise(
    x: np.ndarray,
    bounds: np.ndarray,
    target: np.ndarray,
    l2: float,
    article_weight: np.ndarray | None = None,
    iterations: int = 30,
) -> np.ndarray:
    """Weights of a softmax over each article's sentences, by Newton's method.

    Articles whose target is all zero add nothing; ``article_weight`` scales each
    article's share of the loss (to balance corpora).
    """
    count = len(bounds) - 1
    lengths = np.diff(bounds)
    keep = lengths > 0
    starts = bounds[:-1][keep]
    segment = np.repeat(np.arange(count)[keep], lengths[keep])
    weight = np.ones(count) if article_weight is None else np.asarray(article_weight, float)
    row_weight = weight[segment]
    total = weight[keep].sum() or 1.0
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        z = x @ w
        top = np.maximum.reduceat(z, starts)
        e = np.exp(z - np.repeat(top, lengths[keep]))
        p = e / np.repeat(np.add.reduceat(e, starts), lengths[keep])
        gradient = x.T @ (row_weight * (p - target)) / total + l2 * w
        means = np.add.reduceat(p[:, None] * x, starts)
        hessian = (x.T * (row_weight * p)) @ x - (means.T * weight[keep]) @ means
        hessian = hessian / total + l2 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def fit(
    examples: Sequence[Example],
    names: Sequence[str],
    l2: float,
    corpus_weight: dict[str, float] | None = None,
) -> dict[str, float]:
    """Fitted weights by feature name (rounded, zeros dropped) for ``summary.rate``."""
    x, bounds = design(examples, names)
    target = np.concatenate([e.target for e in examples]) if examples else np.zeros(0)
    weights = np.array([(corpus_weight or {}).get(e.corpus, 1.0) for e in examples])
    w = fit_listwise(x, bounds, target, l2, weights)
    return {name: round(float(v), 5) for name, v in zip(names, w, strict=True) if round(v, 5)}


def select(example: Example, model: dict, size: int) -> list[int]:
    """The ``size`` sentences the runtime would show, in article order."""
    junk = [row.get("furniture", 0.0) > 0 for row in example.rows]
    taken = summary.order(
        summary.rate(example.rows, model), example.terms, float(model["redundancy"]), junk
    )
    return sorted(taken[:size])


def fold_weights(
    examples: Sequence[Example],
    features: Sequence[str],
    l2: float,
    folds: int,
    train_only: Sequence[Example] = (),
    corpus_weight: dict[str, float] | None = None,
) -> list[dict[str, float]]:
    """One fitted model a fold, each without that fold's articles."""
    fitted = []
    for fold in range(folds):
        training = [e for e in examples if fold_of(e.key, folds) != fold] + list(train_only)
        fitted.append(fit(training, features, l2, corpus_weight))
    return fitted


def held_out(
    examples: Sequence[Example],
    weights: Sequence[dict[str, float]],
    redundancy: float,
    size: int | None = 3,
) -> dict[str, list[int]]:
    """Each article's selection by the model of its own fold (``size`` None: its own)."""
    folds = len(weights)
    chosen = {}
    for example in examples:
        model = {"weights": weights[fold_of(example.key, folds)], "redundancy": redundancy}
        chosen[example.key] = select(example, model, size or example.size)
    return chosen


def cross_validate(
    examples: Sequence[Example],
    recipe: dict,
    folds: int,
    size: int | None = 3,
    train_only: Sequence[Example] = (),
    corpus_weight: dict[str, float] | None = None,
) -> dict[str, list[int]]:
    """Each article's selection by a model fitted without its fold.

    Args:
        examples: the articles to score; each fold is held out in turn.
        recipe: ``features`` (names), ``l2`` and ``redundancy``.
        folds: how many folds (:func:`fold_of`).
        size: sentences to select (None: each reference's own length).
        train_only: articles always in training, never scored.
        corpus_weight: each corpus's weight in the loss.

    Returns:
        ``{key: sentence indices}`` for every example.
    """
    weights = fold_weights(
        examples, recipe["features"], recipe["l2"], folds, train_only, corpus_weight
    )
    return held_out(examples, weights, recipe["redundancy"], size)


def rouge2(example: Example, chosen: Sequence[int]) -> float:
    """ROUGE-2 F1 (stemmed, as ``rouge_score``) of a selection against the reference."""
    candidate = [t for i in chosen for t in _tokens(example.sentences[i])]
    reference = [t for line in example.reference for t in _tokens(line)]
    return _f1(_grams(candidate, 2), _grams(reference, 2))
