"""Extractive summary ranking: every sentence gets a rank, 1 = the first to take.

The shape follows sumy's summarizers (rate every sentence, keep the best N, show them in
document order), with two changes. The rating is a small linear model over the features
of :mod:`byline.analysis.summary_features` (position in the story and its paragraph,
what kind of opening the lede is, centrality, headline overlap, names, numbers, quotes,
length, and a few products of position with the others), and the order in which
sentences are taken removes redundancy as it goes, so the top ``n`` ranks make a good
``n``-sentence summary for every ``n``. Page furniture (captions, "Scroll down for
video", bylines: :mod:`byline.analysis.furniture`) always ranks last.

Weights are fitted by ``scripts/train_summary.py`` and shipped as JSON in
``byline/models/summary/``, one model a regime: stories without a headline line get
weights fitted against summaries people wrote (CNN/DailyMail highlights, Inshorts),
stories with one get weights fitted on BBC News Summary, the only headlined set with
reference summaries here (see :func:`load_model`). Hand-set defaults apply when the
file is missing. A weight named ``"a*b"`` applies to the product of features ``a``
and ``b``.

Ordering is MMR-like: among the best-rated ``_CANDIDATES`` sentences, repeatedly take
the one maximising ``score - redundancy * max cosine to those taken``, deferring any
whose cosine with a taken sentence reaches 0.8 to the end; the rest follow by score,
with exact duplicates (same stems) and then furniture last. Every step is linear in the
number of sentences except the bounded candidate pool, so a long text costs little more.

"""

from __future__ import annotations

import heapq
import json
from collections.abc import Sequence
from functools import cache

from byline.analysis import centrality, summary_features
from byline.analysis.document import Document
from byline.resources import models_dir

WEIGHTS_FILE = "weights.json"
FEATURES = summary_features.FEATURES
_CANDIDATES = 120  # MMR pool: bounded, so ordering stays linear in the text's length
_NEAR_DUPLICATE = 0.8  # cosine with a sentence already taken: defer to the very end
# Hand-set fallback: the inverted pyramid with a little centrality.
_DEFAULT = {
    "weights": {
        "p0": 1.5,
        "p1": 1.0,
        "p2": 0.6,
        "inverse_position": 1.0,
        "log_position": -2.0,
        "degree": 1.0,
        "centroid": 0.5,
        "title": 0.5,
        "teaser": -1.0,
        "short": -0.5,
    },
    "redundancy": 1.0,
}
# What editors write: highlights and short summaries run to 3-4 sentences.
_TYPICAL_SUMMARY = 3
_LONG_STORY = 25  # from this many sentences on, a story gets a fourth


def default_summary_size(sentence_count: int) -> int:
    """How many sentences a reader sees by default: what editors write.

    Editors' highlights run to about 3 sentences for a story under 25 sentences and 4
    for a longer one (CNN/DailyMail: mean 3.4 at 10-14 sentences, 3.8 at 25-29, 4.1 at
    40-44; Inshorts keeps to 3 whatever the length). Never more than the story has.
    """
    if sentence_count <= 0:
        return 0
    size = _TYPICAL_SUMMARY + 1 if sentence_count >= _LONG_STORY else _TYPICAL_SUMMARY
    return min(sentence_count, size)


@cache
def load_models() -> dict:
    """The shipped file: one model a regime (``headline``, ``no_headline``), or defaults."""
    path = models_dir() / "summary" / WEIGHTS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"regimes": {"no_headline": _DEFAULT}}
    if not isinstance(data, dict) or "regimes" not in data:
        return {"regimes": {"no_headline": _DEFAULT}}
    return data


def load_model(headline: bool = False) -> dict:
    """The model for a story with or without a headline.

    Summaries people wrote exist here only for stories without a headline line
    (CNN/DailyMail, Inshorts) and reference summaries for stories with one only from
    BBC News Summary, so each regime is fitted on its own data; a regime the file
    lacks falls back to the other.
    """
    regimes = load_models()["regimes"]
    wanted = "headline" if headline else "no_headline"
    return regimes.get(wanted) or regimes.get("no_headline") or next(iter(regimes.values()))


def sentence_features(doc: Document) -> tuple[list[dict[str, float]], list[list[str]]]:
    """The features of every sentence (see :mod:`byline.analysis.summary_features`)."""
    return summary_features.sentence_features(doc)


def rate(rows: Sequence[dict[str, float]], model: dict | None = None) -> list[float]:
    """Each sentence's score: higher is more worth taking (a linear model's logit)."""
    model = model or load_model()
    terms = [
        (name.split("*"), float(weight)) for name, weight in model["weights"].items() if weight
    ]
    bias = float(model.get("bias", 0.0))
    scores = []
    for row in rows:
        z = bias
        for names, weight in terms:
            value = row.get(names[0], 0.0)
            for other in names[1:]:
                value *= row.get(other, 0.0)
            z += weight * value
        scores.append(z)
    return scores


def order(
    scores: Sequence[float],
    terms: Sequence[Sequence[str]],
    redundancy: float,
    furniture: Sequence[bool] = (),
) -> list[int]:
    """Sentence indices in the order to take them (MMR over a bounded pool).

    Args:
        scores: each sentence's rating (:func:`rate`).
        terms: each sentence's content stems.
        redundancy: how much similarity to a sentence already taken costs.
        furniture: sentences that go last whatever their score.
    """
    n = len(scores)
    by_score = sorted(range(n), key=lambda i: (-scores[i], i))
    seen: set[tuple[str, ...]] = set()
    unique, duplicates, last = [], [], []
    for i in by_score:
        if furniture and furniture[i]:
            last.append(i)
            continue
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
    return taken + rest + near + duplicates + last


def rank_sentences(doc: Document) -> list[int]:
    """Rank of each sentence (1 = first to take), a permutation of 1..len(sentences).

    Args:
        doc: the article with its entities (may be none: the ranking then uses proper
            nouns) and quotes; its sentences exclude the headline, which only lends its
            words to the ``title`` feature and chooses the model (:func:`load_model`).

    Returns:
        ``ranks[i]`` for sentence ``i``; the ``n`` lowest ranks, shown in article
        order, are the ``n``-sentence summary.
    """
    if not doc.sentences:
        return []
    model = load_model(headline=bool(doc.title))
    rows, terms = sentence_features(doc)
    junk = [row.get("furniture", 0.0) > 0 for row in rows]
    taken = order(rate(rows, model), terms, float(model.get("redundancy", 0.0)), junk)
    ranks = [0] * len(doc.sentences)
    for place, i in enumerate(taken, 1):
        ranks[i] = place
    return ranks
