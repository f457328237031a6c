"""Train the attribution models (cue detector and role tagger) on PolNeAR train.

Every PolNeAR train article runs through byline's layout, sentence splitter and tagger
(no entity tagger: neither model reads entities). Each annotated attribution gives:

* a **cue head**: the first word of its cue that is a candidate
  (:func:`byline.analysis.quotes.cuemodel.is_candidate`) and not an auxiliary ("has
  said": "said"). Every candidate is an example for the cue model, positive when it
  is a cue head; the other words of a cue are left out. The model is a logistic
  regression (AdaGrad, six passes, every feature kept).
* a **role sequence**: the cue head's sentence labelled S, C, Q or O from the
  annotation's source, cue and content spans. Candidates the trained cue model scores
  above 0.3 that are no cue of any annotation add all-O sequences, so the tagger learns
  to give no content to a verb that reports nothing. The tagger is a greedy averaged
  perceptron (five passes).

``--cv`` first trains on four fifths of train (by a CRC-32 of the article name) and
scores the held-out fifth with :mod:`byline.evaluate.attributions` (entities from the
shipped tagger, as in use). PolNeAR dev and test are never read. Output:
``src/byline/models/attribution/{cues,roles}.json.gz``.

Run: ``python scripts/train_attribution.py --data ../shared/data [--cv]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
import time
import zlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from byline.analysis.document import Document
from byline.analysis.pipeline import read_document
from byline.analysis.quotes.cuemodel import AUXILIARIES, CueModel, features, is_candidate
from byline.analysis.quotes.roles import (
    LABELS,
    CueContext,
    RoleTagger,
    between_links,
    sentence_features,
    token_features,
)
from byline.analysis.quotes.scan import QuoteScan
from byline.evaluate.polnear import load_records

OUT = Path(__file__).resolve().parents[1] / "src" / "byline" / "models" / "attribution"
THRESHOLD = 0.5  # cue probability; content-and-source F1 is flat from 0.45 to 0.55 on dev
NEGATIVE_THRESHOLD = 0.3
MIN_COUNT = 1  # every feature seen in train is kept
CUE_PASSES = 6
ROLE_PASSES = 5
SEED = 7

Sequence_ = tuple[list[tuple], CueContext, list[tuple[bool, bool, bool]], list[str]]


def held_out(name: str) -> bool:
    """The fifth of train ``--cv`` scores (a CRC-32 of the article name)."""
    return zlib.crc32(name.encode("utf-8")) % 5 == 0


def read_articles(data: Path) -> list[tuple[str, Document, list[dict]]]:
    """PolNeAR train articles as documents, with their attribution records."""
    text_dir, records = load_records(data, "train")
    found = []
    for path in sorted(text_dir.glob("*.txt")):
        doc = read_document(path.read_text(encoding="utf-8"))
        found.append((path.stem, doc, records.get(path.stem, [])))
    return found


def _tokens_of(doc: Document, spans: Iterable[Sequence[int]]) -> list[int]:
    out = []
    for start, end in spans:
        i = bisect_left(doc.token_starts, start)
        while i < len(doc.tokens) and doc.tokens[i].start < end:
            out.append(i)
            i += 1
    return out


def relations(doc: Document, records: Sequence[dict], quoted: Sequence[bool]) -> list[tuple]:
    """``(cue head, {token: label}, cue tokens)`` for each annotation with a cue head."""
    found = []
    for record in records:
        if not record.get("cue"):
            continue
        labels: dict[int, str] = {}
        for role, label in (("source", "S"), ("cue", "C"), ("content", "Q"), ("content2", "Q")):
            if record.get(role):
                for i in _tokens_of(doc, record[role]["spans"]):
                    labels[i] = label
        cue = sorted(i for i, label in labels.items() if label == "C")
        candidates = [i for i in cue if is_candidate(doc, quoted, i)]
        heads = [i for i in candidates if doc.tokens[i].text.lower() not in AUXILIARIES]
        head = heads[0] if heads else candidates[0] if candidates else None
        if head is not None:
            found.append((head, labels, cue))
    return found


def cue_examples(articles: Sequence[tuple]) -> list[tuple[list[str], int]]:
    """Every candidate word with its features and whether it heads a cue."""
    examples = []
    for _, doc, records in articles:
        quoted = QuoteScan.over_stretches(doc).quoted
        found = relations(doc, records, quoted)
        heads = {head for head, _, _ in found}
        other_cue = {i for _, _, cue in found for i in cue} - heads
        for i in range(len(doc.tokens)):
            if i not in other_cue and is_candidate(doc, quoted, i):
                examples.append((features(doc, quoted, i), int(i in heads)))
    return examples


def train_cues(examples: Sequence[tuple[list[str], int]]) -> dict[str, float]:
    """Logistic regression by AdaGrad over binary features."""
    counts = Counter(f for feats, _ in examples for f in feats)
    data = [([f for f in feats if counts[f] >= MIN_COUNT], y) for feats, y in examples]
    weights: defaultdict[str, float] = defaultdict(float)
    squares: defaultdict[str, float] = defaultdict(lambda: 1e-8)
    rng = random.Random(SEED)
    for _ in range(CUE_PASSES):
        rng.shuffle(data)
        for feats, y in data:
            z = max(-30.0, min(30.0, sum(weights[f] for f in feats)))
            gradient = 1.0 / (1.0 + math.exp(-z)) - y
            for f in feats:
                squares[f] += gradient * gradient
                weights[f] -= 0.2 * gradient / math.sqrt(squares[f])
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}


def _sequence(doc: Document, quoted: Sequence[bool], head: int, labels: dict) -> Sequence_:
    cue = CueContext.of(doc, head)
    rows = sentence_features(doc, quoted, cue.first, cue.last)
    gold = [labels.get(cue.first + k, "O") for k in range(len(rows))]
    gold[head - cue.first] = "C"
    return rows, cue, between_links(doc, cue), gold


def role_sequences(articles: Sequence[tuple], cues: CueModel | None) -> list[Sequence_]:
    """One labelled sentence per annotation, and all-O ones for likely non-cues."""
    sequences = []
    for _, doc, records in articles:
        quoted = QuoteScan.over_stretches(doc).quoted
        found = relations(doc, records, quoted)
        for head, labels, _ in found:
            sequences.append(_sequence(doc, quoted, head, labels))
        if cues is None:
            continue
        annotated = {i for _, labels, _ in found for i, label in labels.items() if label != "Q"}
        for i, _ in cues.cues(doc, quoted):
            if i not in annotated:
                sequences.append(_sequence(doc, quoted, i, {}))
    return sequences


def train_roles(sequences: Sequence[Sequence_]) -> dict[str, list[float]]:
    """Greedy averaged perceptron over :func:`token_features`."""
    index = {label: k for k, label in enumerate(LABELS)}
    weights: dict[str, list[float]] = {}
    totals: dict[str, list[float]] = {}
    stamps: dict[str, list[int]] = {}
    step = 0
    data = list(sequences)
    rng = random.Random(SEED)
    for _ in range(ROLE_PASSES):
        rng.shuffle(data)
        for rows, cue, links, gold in data:
            prev = prev2 = "<"
            head = cue.anchor - cue.first
            for k in range(len(rows)):
                if k == head:
                    guess = "C"
                else:
                    feats = token_features(rows, cue, k, links[k], prev, prev2)
                    scores = [0.0] * len(LABELS)
                    for f in feats:
                        row = weights.get(f)
                        if row is not None:
                            for c in range(len(LABELS)):
                                scores[c] += row[c]
                    guess = LABELS[scores.index(max(scores))]
                    step += 1
                    if guess != gold[k]:
                        for f in feats:
                            row = weights.setdefault(f, [0.0] * len(LABELS))
                            total = totals.setdefault(f, [0.0] * len(LABELS))
                            stamp = stamps.setdefault(f, [0] * len(LABELS))
                            for c, delta in ((index[gold[k]], 1.0), (index[guess], -1.0)):
                                total[c] += (step - stamp[c]) * row[c]
                                stamp[c] = step
                                row[c] += delta
                prev2, prev = prev, guess
    averaged = {}
    for f, row in sorted(weights.items()):
        mean = [(totals[f][c] + (step - stamps[f][c]) * row[c]) / step for c in range(len(row))]
        if max(abs(v) for v in mean) >= 0.01:
            averaged[f] = [round(v, 3) for v in mean]
    return averaged


def train(articles: Sequence[tuple]) -> tuple[CueModel, RoleTagger, dict[str, int]]:
    """Both models trained on ``articles``, with the training facts."""
    examples = cue_examples(articles)
    cues = CueModel(train_cues(examples), THRESHOLD)
    sequences = role_sequences(articles, CueModel(cues.weights, NEGATIVE_THRESHOLD))
    roles = RoleTagger(train_roles(sequences))
    facts = {
        "articles": len(articles),
        "cue_examples": len(examples),
        "cue_heads": sum(y for _, y in examples),
        "role_sequences": len(sequences),
        "cue_features": len(cues.weights),
        "role_features": len(roles.weights),
    }
    return cues, roles, facts


def as_in_use(doc: Document) -> Document:
    """``doc`` with the entities and quotes the pipeline finds (the shipped tagger's)."""
    from byline.analysis import entities
    from byline.analysis.pipeline import _entity_tagger, tokenize
    from byline.analysis.quotes import find_quotes

    headline = tokenize(doc.text, [doc.title_span]) if doc.title_span else []
    found = entities.find_entities(doc.text, [*headline, *doc.sentence_tokens], _entity_tagger())
    full = doc.with_entities(found)
    return full.with_quotes(find_quotes(full))


def cross_validate(data: Path, articles: Sequence[tuple]) -> dict[str, float]:
    """Train on four fifths of train and score the held-out fifth."""
    from byline.analysis.quotes import find_attributions
    from byline.evaluate import attributions as scoring

    cues, roles, _ = train([a for a in articles if not held_out(a[0])])
    tally = scoring.Tally.empty()
    for name, doc, records in articles:
        if not held_out(name):
            continue
        full = as_in_use(doc)
        predicted = scoring.relations(find_attributions(full, cues, roles)[0])
        gold = scoring.gold_attributions(doc.text, records)
        count = scoring.NonSpace(doc.text)
        pairs = scoring.match(count, predicted, gold)
        good = {j for i, j in pairs if scoring.source_right(predicted[i], gold[j])}
        tally.add(predicted, gold, pairs, good)
    scores = tally.scores()
    print("held-out fifth of PolNeAR train:\n" + scoring.format_scores(scores))
    return scores


def write(out: Path, cues: CueModel, roles: RoleTagger, facts: dict[str, int]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    trained = {"data": "PolNeAR train (840 articles)", **facts}
    for name, payload in (
        ("cues.json.gz", {"threshold": cues.threshold, "weights": cues.weights}),
        ("roles.json.gz", {"labels": list(LABELS), "weights": roles.weights}),
    ):
        body = json.dumps({"format": 1, "trained": trained, **payload}, sort_keys=True)
        with gzip.GzipFile(out / name, "wb", mtime=0) as handle:
            handle.write(body.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cv", action="store_true", help="score a held-out fifth first")
    args = parser.parse_args(argv)
    clock = time.perf_counter()
    articles = read_articles(args.data)
    print(f"read {len(articles)} articles ({time.perf_counter() - clock:.0f}s)", file=sys.stderr)
    if args.cv:
        cross_validate(args.data, articles)
    cues, roles, facts = train(articles)
    write(args.out, cues, roles, facts)
    print(json.dumps(facts), f"({time.perf_counter() - clock:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
