"""Term statistics for summary ranking, in time linear in the text's length.

Sentences become bags of content-word stems (Porter, lower case, no stopwords). From
those come two centrality scores, neither comparing every pair of sentences:

* :func:`degree_scores`: the weighted degree of each sentence in TextRank's sentence
  graph (edge weight = shared words / (log |s_i| + log |s_j|), self-loop included).
  For an undirected graph the random walk's stationary distribution, which TextRank's
  power method finds, is proportional to this degree, so it ranks like TextRank. It is
  summed per term over buckets of sentence length instead of over sentence pairs.
* :func:`centroid_scores`: cosine of each sentence with the document's term centroid
  (tf x inverse sentence frequency), as in centroid-based summarisers and LexRank's
  starting point.

NLTK's stemmer is imported lazily.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from byline.analysis.model import Token

# NLTK's English stopword list, embedded so nothing has to be downloaded.
STOPWORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma
    mightn mustn needn shan shouldn wasn weren won wouldn also would could said says say
    mr mrs ms
    """.split()
)

_LENGTH_BUCKET = 4.0  # buckets per unit of log(sentence length)


@cache
def _stemmer():  # noqa: ANN202 - NLTK has no type hints
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@cache
def stem(word: str) -> str:
    """The Porter stem of a lower-case word (cached: news reuses its words)."""
    return _stemmer().stem(word, to_lowercase=False)


@cache
def term(word: str) -> str | None:
    """The stem a token's text contributes, or None for stopwords and punctuation."""
    text = word.lower().replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    if not any(ch.isalnum() for ch in text):
        return None
    if text in STOPWORDS or (len(text) == 1 and not text.isdigit()):
        return None
    return stem(text)


def content_terms(tokens: Sequence[Token]) -> list[str]:
    """The stems of a sentence's content words, in order, repeats kept."""
    return [t for t in map(term, (token.text for token in tokens)) if t is not None]


def words_of(text: str) -> list[str]:
    """Content stems of a short plain string (a headline) without POS tagging."""
    out = []
    for raw in text.replace("’", "'").split():
        word = "".join(ch for ch in raw.lower().split("'")[0] if ch.isalnum())
        if word and word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            out.append(stem(word))
    return out


def sentence_frequency(terms: Sequence[Sequence[str]]) -> Counter[str]:
    """In how many sentences each term occurs."""
    df: Counter[str] = Counter()
    for sentence in terms:
        df.update(set(sentence))
    return df


def degree_scores(terms: Sequence[Sequence[str]]) -> list[float]:
    """TextRank-style weighted degree of each sentence (see the module docstring)."""
    log_len = [math.log(len(t)) if t else 0.0 for t in terms]
    # counts[term][bucket] = occurrences of term in sentences whose log-length is in bucket
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for sentence, length in zip(terms, log_len, strict=True):
        bucket = round(length * _LENGTH_BUCKET)
        for term in sentence:
            counts[term][bucket] += 1
    memo: dict[tuple[str, int], float] = {}
    scores = []
    for sentence, length in zip(terms, log_len, strict=True):
        if len(sentence) < 2:
            scores.append(0.0)
            continue
        own = round(length * _LENGTH_BUCKET)
        total = 0.0
        for term in sentence:
            key = (term, own)
            value = memo.get(key)
            if value is None:
                value = 0.0
                for bucket, count in counts[term].items():
                    norm = length + bucket / _LENGTH_BUCKET
                    value += count / norm if norm > 0 else count
                memo[key] = value
            total += value
        scores.append(total)
    return scores


def centroid_scores(terms: Sequence[Sequence[str]], df: Counter[str]) -> list[float]:
    """Cosine of each sentence's tf-isf vector with the document centroid."""
    n = max(1, len(terms))
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    centroid: Counter[str] = Counter()
    for sentence in terms:
        centroid.update(sentence)
    weight = {t: c * idf[t] for t, c in centroid.items()}
    norm_c = math.sqrt(sum(w * w for w in weight.values())) or 1.0
    scores = []
    for sentence in terms:
        tf = Counter(sentence)
        vec = {t: c * idf[t] for t, c in tf.items()}
        norm_s = math.sqrt(sum(w * w for w in vec.values()))
        dot = sum(w * weight[t] for t, w in vec.items())
        scores.append(dot / (norm_s * norm_c) if norm_s else 0.0)
    return scores


def overlap(query: Iterable[str], sentence: Sequence[str]) -> float:
    """Share of the query's distinct terms that the sentence contains."""
    wanted = set(query)
    if not wanted:
        return 0.0
    return len(wanted & set(sentence)) / len(wanted)


class Bag:
    """A sentence's term counts with their Euclidean norm, for repeated cosines."""

    __slots__ = ("counts", "norm")

    def __init__(self, terms: Iterable[str]) -> None:
        self.counts = Counter(terms)
        self.norm = math.sqrt(sum(c * c for c in self.counts.values()))

    def cosine(self, other: Bag) -> float:
        if not self.norm or not other.norm:
            return 0.0
        a, b = self.counts, other.counts
        common = a.keys() & b.keys()
        if not common:
            return 0.0
        return sum(a[t] * b[t] for t in common) / (self.norm * other.norm)


def cosine(a: Iterable[str], b: Iterable[str]) -> float:
    """Cosine of two sentences' term-count vectors."""
    return Bag(a).cosine(Bag(b))
