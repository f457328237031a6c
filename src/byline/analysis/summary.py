"""Extractive summary ranking: every sentence gets a rank, 1 = the first to take.

The shape follows sumy's summarizers (rate every sentence, keep the best N, show them in
document order), with two changes. The rating is a small logistic model over a dozen
features, and the order in which sentences are taken removes redundancy as it goes, so
the top ``n`` ranks make a good ``n``-sentence summary for every ``n``.

Features (see :func:`sentence_features`), each cheap and computed in one pass:

* centrality: TextRank-style degree and centroid cosine over content-word stems
  (:mod:`byline.analysis.centrality`), both scaled to the document's best sentence;
* position: first sentence, inverse index, relative index, paragraph opener;
* length: log word count, word count relative to the longest sentence;
* headline overlap: share of the headline's content stems in the sentence (the
  headline itself is never a candidate: the pipeline has already removed it);
* names: share of the sentence's words that name an entity mentioned twice or more
  (entity mentions when the tagger found any, else proper-noun tags), and numbers;
* quotes: share of the sentence inside direct quotes.

Weights are fitted by ``scripts/train_summary.py`` on BBC News Summary and shipped as
JSON in ``byline/models/summary/``; hand-set defaults apply when the file is missing.

Ordering is MMR-like: among the best-rated ``_CANDIDATES`` sentences, repeatedly take
the one maximising ``score - redundancy * max cosine to those taken``, deferring any
whose cosine with a taken sentence reaches 0.8 to the end; the rest follow by score,
with exact duplicates (same stems) last. Every step is linear in the number
of sentences except the bounded candidate pool, so a long text costs little more.

Must not import Textual.
"""

from __future__ import annotations

import bisect
import heapq
import json
import math
from collections import Counter
from collections.abc import Sequence
from functools import cache

from byline.analysis import centrality
from byline.analysis.document import Document
from byline.analysis.model import Span
from byline.resources import models_dir

WEIGHTS_FILE = "weights.json"
FEATURES = (
    "degree",
    "degree_rank",
    "centroid",
    "first",
    "inverse_position",
    "relative_position",
    "paragraph_start",
    "log_length",
    "relative_length",
    "short",
    "title",
    "names",
    "numbers",
    "quoted",
)
_CANDIDATES = 120  # MMR pool: bounded, so ordering stays linear in the text's length
_NEAR_DUPLICATE = 0.8  # cosine with a sentence already taken: defer to the very end
_DEFAULT = {
    "weights": {
        "degree": 2.0,
        "degree_rank": 1.0,
        "centroid": 1.0,
        "first": 1.0,
        "inverse_position": 1.0,
        "relative_position": -0.5,
        "paragraph_start": 0.3,
        "log_length": 0.5,
        "short": -1.0,
        "title": 1.0,
        "names": 0.5,
        "quoted": -0.3,
    },
    "bias": -3.0,
    "redundancy": 0.5,
}


def default_summary_size(sentence_count: int) -> int:
    """How many sentences a reader sees by default.

    About a fifth of the article (rounded), never fewer than 3 nor more than 7, and
    never more than the article has.
    """
    if sentence_count <= 0:
        return 0
    return min(sentence_count, max(3, min(7, round(sentence_count * 0.2))))


@cache
def load_model() -> dict:
    """The shipped weights, or the hand-set defaults when none ship."""
    path = models_dir() / "summary" / WEIGHTS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _DEFAULT
    return data


def _paragraph_starts(doc: Document) -> list[bool]:
    """Whether a line break comes before each sentence (a soft wrap counts too)."""
    starts = []
    previous_end = None
    for span in doc.sentences:
        gap = doc.text[previous_end : span.start] if previous_end is not None else "\n"
        starts.append("\n" in gap)
        previous_end = span.end
    return starts


def _covered(sentences: Sequence[Span], ranges: Sequence[tuple[int, int]]) -> list[float]:
    """Characters of each sentence inside any of the ranges (sorted by start)."""
    covered = [0.0] * len(sentences)
    starts = [s.start for s in sentences]
    for start, end in ranges:
        i = max(0, bisect.bisect_right(starts, start) - 1)
        while i < len(sentences) and sentences[i].start < end:
            lo, hi = max(start, sentences[i].start), min(end, sentences[i].end)
            if hi > lo:
                covered[i] += hi - lo
            i += 1
    return covered


def _name_shares(doc: Document) -> list[float]:
    """Share of each sentence's words naming something mentioned at least twice."""
    sentences, tokens, entities = doc.sentences, doc.sentence_tokens, doc.entities
    words = [max(1, sum(1 for t in sent if t.text[:1].isalnum())) for sent in tokens]
    mentioned = [e for e in entities if len(e.mentions) >= 2]
    if entities:
        ranges = sorted((m.start, m.end) for e in mentioned for m in e.mentions)
        chars = _covered(sentences, ranges)
        # characters to words: assume the sentence's average word length
        return [
            min(1.0, chars[i] / max(1.0, len(sentences[i]) / words[i]) / words[i])
            for i in range(len(sentences))
        ]
    proper = Counter(t.text.lower() for sent in tokens for t in sent if t.pos.startswith("NNP"))
    return [
        sum(1 for t in sent if t.pos.startswith("NNP") and proper[t.text.lower()] >= 2) / words[i]
        for i, sent in enumerate(tokens)
    ]


def sentence_features(doc: Document) -> tuple[list[dict[str, float]], list[list[str]]]:
    """The features of every sentence (named as in :data:`FEATURES`) and its stems."""
    sentences, tokens = doc.sentences, doc.sentence_tokens
    n = len(sentences)
    terms = [centrality.content_terms(sent) for sent in tokens]
    degree = centrality.degree_scores(terms)
    centroid = centrality.centroid_scores(terms, centrality.sentence_frequency(terms))
    top_degree = max(degree, default=0.0) or 1.0
    top_centroid = max(centroid, default=0.0) or 1.0
    degree_order = sorted(range(n), key=lambda i: (-degree[i], i))
    degree_rank = [0.0] * n
    for place, i in enumerate(degree_order):
        degree_rank[i] = 1.0 - place / max(1, n - 1)
    counts = [sum(1 for t in sent if t.text[:1].isalnum()) for sent in tokens]
    longest = max(counts, default=0) or 1
    title_terms = centrality.words_of(doc.title) if doc.title else []
    names = _name_shares(doc)
    quoted = _covered(sentences, sorted((q.start, q.end) for q in doc.quotes))
    paragraph_start = _paragraph_starts(doc)
    rows = []
    for i in range(n):
        numbers = sum(1 for t in tokens[i] if t.pos == "CD")
        rows.append(
            {
                "degree": degree[i] / top_degree,
                "degree_rank": degree_rank[i],
                "centroid": centroid[i] / top_centroid,
                "first": 1.0 if i == 0 else 0.0,
                "inverse_position": 1.0 / (1 + i),
                "relative_position": i / max(1, n - 1),
                "paragraph_start": 1.0 if paragraph_start[i] else 0.0,
                "log_length": math.log1p(counts[i]),
                "relative_length": counts[i] / longest,
                "short": 1.0 if counts[i] < 8 else 0.0,
                "title": centrality.overlap(title_terms, terms[i]),
                "names": names[i],
                "numbers": min(numbers, 3) / 3,
                "quoted": quoted[i] / max(1, len(sentences[i])),
            }
        )
    return rows, terms


def rate(rows: Sequence[dict[str, float]], model: dict | None = None) -> list[float]:
    """Probability-like score in (0, 1) of each sentence belonging to the summary."""
    model = model or load_model()
    weights: dict[str, float] = model["weights"]
    bias = float(model["bias"])
    scores = []
    for row in rows:
        z = bias + sum(w * row.get(name, 0.0) for name, w in weights.items())
        scores.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return scores


def order(scores: Sequence[float], terms: Sequence[Sequence[str]], redundancy: float) -> list[int]:
    """Sentence indices in the order to take them (MMR over a bounded pool)."""
    n = len(scores)
    by_score = sorted(range(n), key=lambda i: (-scores[i], i))
    seen: set[tuple[str, ...]] = set()
    unique, duplicates = [], []
    for i in by_score:
        key = tuple(sorted(set(terms[i])))
        if key and key in seen:
            duplicates.append(i)
        else:
            seen.add(key)
            unique.append(i)
    pool, rest = unique[:_CANDIDATES], unique[_CANDIDATES:]
    bags = {i: centrality.Bag(terms[i]) for i in pool}
    similarity = dict.fromkeys(pool, 0.0)
    # Lazy greedy MMR: a candidate's value only falls as sentences are taken, so its
    # last value is an upper bound; refresh it only when it reaches the top of the heap.
    heap = [(-scores[i], i, 0) for i in pool]
    heapq.heapify(heap)
    taken: list[int] = []
    near: list[int] = []
    while heap:
        _, i, checked = heapq.heappop(heap)
        if checked < len(taken):
            for j in taken[checked:]:
                similarity[i] = max(similarity[i], bags[j].cosine(bags[i]))
            if similarity[i] >= _NEAR_DUPLICATE:
                near.append(i)
            else:
                value = scores[i] - redundancy * similarity[i]
                heapq.heappush(heap, (-value, i, len(taken)))
            continue
        taken.append(i)
    return taken + rest + near + duplicates


def rank_sentences(doc: Document) -> list[int]:
    """Rank of each sentence (1 = first to take), a permutation of 1..len(sentences).

    Args:
        doc: the article with its entities (may be none: the ranking then uses proper
            nouns) and quotes; its sentences exclude the headline, which only lends its
            words to the ``title`` feature.

    Returns:
        ``ranks[i]`` for sentence ``i``; the ``n`` lowest ranks, shown in article
        order, are the ``n``-sentence summary.
    """
    if not doc.sentences:
        return []
    model = load_model()
    rows, terms = sentence_features(doc)
    taken = order(rate(rows, model), terms, float(model.get("redundancy", 0.0)))
    ranks = [0] * len(doc.sentences)
    for place, i in enumerate(taken, 1):
        ranks[i] = place
    return ranks
