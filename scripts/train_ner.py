"""Train byline's named-entity tagger on CoNLL-2003 and write ``src/byline/models/ner/``.

An averaged perceptron (``nltk.tag.perceptron.AveragedPerceptron`` keeps the weights,
does the updates and the averaging; only the dot product used to pick each guess is
written out here, to apply the BILOU transition constraints) with greedy
left-to-right decoding over whole documents. Features live in
``byline.analysis.ner_features`` and are shared with the runtime tagger. Gold POS
and chunk columns are never read.

Besides ``train.txt`` the script reads, label-free, the NLTK gazetteers and names
corpora (word lists) and plain text from the NLTK Brown, ABC, CoNLL-2000 and
State-of-the-Union corpora plus the BBC news articles, from which it derives
per-word case statistics and neighbour signatures (see ``Lexicons``).

Usage (from the repository root)::

    PYTHONPATH=src python scripts/train_ner.py --data /work/shared/data \\
        --nltk-data /work/shared/nltk_data

The dev split is only tagged after each epoch to report scores and to keep the best
epoch; the weights are learnt from ``train.txt`` alone. Documents are shuffled
with a fixed seed, so a rerun writes the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from nltk.tag.perceptron import AveragedPerceptron

from byline.analysis.ner import EntityTagger, PackedWeights, write_model
from byline.analysis.ner_features import (
    FeatureExtractor,
    Lexicons,
    allowed_transitions,
    bilou_classes,
    bio_to_bilou,
    decode_document,
)
from byline.evaluate.conll import Document, format_table, read_conll, score
from byline.resources import models_dir

GAZETTEER_FILES = {
    "countries.txt": "CTRY",
    "isocountries.txt": "CTRY",
    "usstates.txt": "STATE",
    "caprovinces.txt": "STATE",
    "mexstates.txt": "STATE",
    "usstateabbrev.txt": "STATE",
    "uscities.txt": "CITY",
    "nationalities.txt": "NAT",
}


def _read_lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return [line.strip() for line in text.splitlines() if line.strip()]


_TOKEN = re.compile(r"\w+(?:[-'.&]\w+)*\.?|\S")
_ENDERS = frozenset({".", "!", "?", ":", '"', "``", "''", "(", "-", "--"})


def unlabelled_sentences(nltk_data: Path, data: Path, train: list[Document]) -> list[list[str]]:
    """Plain tokenised text for case and neighbour statistics: no labels are read.

    Sources: the CoNLL training words, the NLTK Brown, ABC, CoNLL-2000 and
    State-of-the-Union corpora, and the BBC news articles (not their summaries).
    Never the dev split.
    """
    sentences = [words for doc in train for words in doc.sentences]
    corpora = nltk_data / "corpora"
    for path in sorted((corpora / "brown").glob("c[a-r][0-9][0-9]")):
        for line in path.read_text(encoding="utf-8").splitlines():
            tokens = [tok.rsplit("/", 1)[0] for tok in line.split()]
            if tokens:
                sentences.append(tokens)
    words: list[str] = []
    for line in (corpora / "conll2000" / "train.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
        elif words:
            sentences.append(words)
            words = []
    texts = [corpora / "abc" / "rural.txt", corpora / "abc" / "science.txt"]
    texts += sorted((corpora / "state_union").glob("*.txt"))
    texts += sorted((data / "bbc-news-summary" / "articles").glob("*/*.txt"))
    for path in texts:
        lines = path.read_bytes().decode("utf-8", "replace").splitlines()
        if "bbc-news-summary" in str(path):
            lines = lines[1:]  # the title-cased headline
        for line in lines:
            sentence: list[str] = []
            for token in _TOKEN.findall(line):
                sentence.append(token)
                if token in (".", "!", "?"):
                    sentences.append(sentence)
                    sentence = []
            if sentence:
                sentences.append(sentence)
    return sentences


def case_and_context(
    sentences: list[list[str]], top_contexts: int, min_count: int
) -> tuple[dict[str, str], dict[str, str]]:
    """Case buckets and neighbour signatures (see ``Lexicons``) from plain text."""
    lower_n: Counter[str] = Counter()
    cap_n: Counter[str] = Counter()
    left: dict[str, Counter[str]] = defaultdict(Counter)
    right: dict[str, Counter[str]] = defaultdict(Counter)
    context_n: Counter[str] = Counter()
    for words in sentences:
        letters = [w for w in words if w[:1].isalpha()]
        if letters and all(w.upper() == w for w in letters):
            continue
        for i, word in enumerate(words):
            if word.islower():
                lower_n[word] += 1
            elif word[:1].isupper() and i > 0 and words[i - 1] not in _ENDERS:
                lower = word.lower()
                cap_n[lower] += 1
                prev = words[i - 1].lower()
                nxt = words[i + 1].lower() if i + 1 < len(words) else "</s>"
                left[lower][prev] += 1
                right[lower][nxt] += 1
                context_n[prev] += 1
                context_n[nxt] += 1
    buckets = {}
    for word in set(lower_n) | set(cap_n):
        total = lower_n[word] + cap_n[word]
        if total < 2:
            continue
        share = lower_n[word] / total
        bucket = "L" if share >= 0.9 else "l" if share >= 0.5 else "c"
        buckets[word] = bucket if share >= 0.1 else "C"
    common = {w for w, _ in context_n.most_common(top_contexts) if any(c.isalnum() for c in w)}
    signatures = {}
    for word, n in cap_n.items():
        if n < min_count:
            continue
        lefts = [w for w, c in left[word].most_common() if w in common and c >= 2][:3]
        rights = [w for w, c in right[word].most_common() if w in common and c >= 2][:3]
        if lefts or rights:
            signatures[word] = ",".join(lefts) + "|" + ",".join(rights)
    return buckets, signatures


def build_lexicons(nltk_data: Path, data: Path, train: list[Document], min_lower: int) -> Lexicons:
    """Derive the word lists from the NLTK gazetteers/names corpora and the training words."""
    gaz: dict[str, set[str]] = defaultdict(set)
    for name, kind in GAZETTEER_FILES.items():
        for line in _read_lines(nltk_data / "corpora" / "gazetteers" / name):
            gaz[" ".join(line.lower().split())].add(kind)
    first: set[str] = set()
    for name in ("male.txt", "female.txt"):
        first.update(line.lower() for line in _read_lines(nltk_data / "corpora" / "names" / name))
    lower_n: Counter[str] = Counter()
    cap_n: Counter[str] = Counter()
    for doc in train:
        for words in doc.sentences:
            if all(w.upper() == w for w in words):
                continue
            for i, word in enumerate(words):
                if word.islower():
                    lower_n[word] += 1
                elif i > 0 and word[:1].isupper():
                    cap_n[word.lower()] += 1
    usually = {w for w, n in lower_n.items() if n >= min_lower and n > cap_n[w]}
    buckets, signatures = case_and_context(unlabelled_sentences(nltk_data, data, train), 300, 3)
    print(f"{len(buckets)} case buckets, {len(signatures)} neighbour signatures", flush=True)
    return Lexicons(
        case_bucket=buckets,
        signatures=signatures,
        gazetteer={k: "|".join(sorted(v)) for k, v in gaz.items()},
        first_names=frozenset(first),
        usually_lower=frozenset(usually),
        gaz_max=max(k.count(" ") + 1 for k in gaz),
    )


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
        kept = tuple(sorted((index[c], w) for c, w in row.items() if abs(w) >= prune))
        if kept:
            rows[feat] = kept
    return rows


def evaluate(tagger: EntityTagger, docs: list[Document]) -> dict[str, dict[str, float]]:
    gold, pred = [], []
    for doc in docs:
        gold.extend(doc.tags)
        pred.extend(tagger.tag_document(doc.sentences))
    return score(gold, pred)


def train(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    train_docs = read_conll(args.data / "conll2003" / "train.txt")
    dev_docs = read_conll(args.data / "conll2003" / "dev.txt")
    lexicons = build_lexicons(args.nltk_data, args.data, train_docs, args.min_lower)
    extractor = FeatureExtractor(lexicons)
    classes = bilou_classes()
    allowed = allowed_transitions(classes, not args.unconstrained)
    gold = [[bio_to_bilou(tags) for tags in doc.tags] for doc in train_docs]
    model = AveragedPerceptron()
    model.classes = set(classes)
    rng = random.Random(args.seed)
    order = list(range(len(train_docs)))
    best: tuple[float, int, dict] = (-1.0, 0, {})
    print(f"{len(train_docs)} train docs, {len(dev_docs)} dev docs; lexicons ready", flush=True)
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(order)
        correct = total = 0
        for d in order:
            doc_gold = gold[d]
            mweights = model.weights

            def step(
                si: int,
                wi: int,
                feats: list[str],
                allowed_idx: list[int],
                doc_gold: list[list[str]] = doc_gold,
                mweights: dict[str, dict[str, float]] = mweights,
            ) -> str:
                nonlocal correct, total
                scores: dict[str, float] = defaultdict(float)
                for feat in feats:
                    row = mweights.get(feat)
                    if row:
                        for label, weight in row.items():
                            scores[label] += weight
                guess = max((classes[k] for k in allowed_idx), key=lambda c: (scores[c], c))
                truth = doc_gold[si][wi]
                model.update(truth, guess, feats)
                correct += guess == truth
                total += 1
                return guess

            decode_document(train_docs[d].sentences, extractor, allowed, step)
        rows = to_rows(averaged(model), classes, args.prune)
        tagger = EntityTagger(
            classes, lexicons, PackedWeights.from_rows(len(classes), rows), not args.unconstrained
        )
        result = evaluate(tagger, dev_docs)
        f1 = result["overall"]["f1"]
        print(
            f"epoch {epoch}: train acc {correct / total:.4f}, dev F1 {f1:.4f}, "
            f"{len(rows)} features, {time.perf_counter() - started:.0f}s",
            flush=True,
        )
        if f1 > best[0]:
            best = (f1, epoch, rows)
        if args.save_last:
            best = (f1, epoch, rows)
    f1, epoch, rows = best
    print(f"keeping epoch {epoch} (dev F1 {f1:.4f})")
    tagger = EntityTagger(
        classes, lexicons, PackedWeights.from_rows(len(classes), rows), not args.unconstrained
    )
    print(format_table(evaluate(tagger, dev_docs)))
    write_model(args.out, tagger, {"epoch": epoch, "seed": args.seed, "dev_f1": round(f1, 4)})
    size = sum(f.stat().st_size for f in args.out.iterdir() if f.is_file()) / 1e6
    print(f"wrote {args.out} ({size:.2f} MB) in {time.perf_counter() - started:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--nltk-data", type=Path, default=Path("/work/shared/nltk_data"))
    parser.add_argument("--epochs", type=int, default=11)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--prune", type=float, default=0.01, help="drop averaged weights below this"
    )
    parser.add_argument("--min-lower", type=int, default=2)
    parser.add_argument("--unconstrained", action="store_true", help="let any tag follow any tag")
    parser.add_argument(
        "--save-last", action="store_true", help="ship the last epoch, not the best on dev"
    )
    parser.add_argument(
        "--out", type=Path, default=models_dir() / "ner", help="model folder to write"
    )
    train(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
