"""Make one document's entity tags agree with each other and with how news is laid out.

After greedy decoding each word's tag was chosen from what came before it. Seen as a
whole, a story says more: the items of one list are the same kind of thing ("member
brands include Chanel, Coach, Hugo Boss, L’Oréal, Nike and Apple"), a name keeps its
type across the story unless the tagger was sure otherwise, and a surname alone is the
person named in full before. The span rules of :mod:`byline.analysis.ner_spans` run
first. Votes use the tagger's own class scores, so a confident mention outweighs a
doubtful one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from byline.analysis.ner_features import FeatureExtractor, is_headline, normalise
from byline.analysis.ner_spans import (
    Spans,
    WordLists,
    bridge_gaps,
    drop_dates,
    drop_layout,
    join_and,
    join_particles,
    legal_forms,
    spans_of,
    split_titles,
    tags_of,
    trim_edges,
)
from byline.analysis.ner_tags import ENTITY_TYPES

Scores = Sequence[Sequence[Sequence[float]]]


def _seen(extractor: FeatureExtractor, word: str) -> bool:
    """The word is in the unlabelled text's case statistics or in a word list."""
    lower = word.lower()
    return extractor.case_bucket(lower) != "?" or bool(extractor.gazetteer_classes(lower))


Rule = Callable[[Sequence[str], Spans, FeatureExtractor], Spans]
SPAN_RULES: tuple[tuple[str, Rule], ...] = (
    ("dates", lambda words, spans, _: drop_dates(words, spans)),
    ("bridge", lambda words, spans, x: bridge_gaps(words, spans, lambda w: _seen(x, w))),
    ("layout", lambda words, spans, _: drop_layout(words, spans)),
    ("edges", lambda words, spans, _: trim_edges(words, spans)),
    ("and", lambda words, spans, x: join_and(words, spans, x.gazetteer_classes)),
    ("legal", lambda words, spans, _: legal_forms(words, spans)),
    ("particles", lambda words, spans, _: join_particles(words, spans)),
    ("titles", lambda words, spans, x: split_titles(words, spans, x.gazetteer_classes)),
)
PASSES = frozenset(name for name, _ in SPAN_RULES) | {"lists", "pairs", "names"}
"""The passes that run, in the order above then lists, pairs and names (all by default)."""

# A mention whose own margin is at least this keeps its type against the story's vote.
SURE = 6.0


class _Votes:
    """How strongly the tagger scored a span as each type, at the span's first word.

    Only the first word's ``B-`` and ``U-`` scores are comparable across types: they
    were weighed against each other when it was tagged, while a later word's scores
    depend on the tag chosen before it.
    """

    def __init__(self, classes: Sequence[str], scores: Scores) -> None:
        self.scores = scores
        self.columns = {
            kind: (classes.index("B-" + kind), classes.index("U-" + kind)) for kind in ENTITY_TYPES
        }

    def of(self, si: int, start: int, end: int) -> dict[str, float]:
        """The best opening score of each type at the span's first word."""
        row = self.scores[si][start]
        return {kind: max(row[b], row[u]) for kind, (b, u) in self.columns.items()}

    def margin(self, si: int, span: tuple[int, int, str]) -> float:
        """How much more the tagger liked the span's type than the next best type."""
        strength = self.of(si, span[0], span[1])
        others = [v for k, v in strength.items() if k != span[2]]
        return strength[span[2]] - max(others)


def settle_document(
    sentences: Sequence[Sequence[str]],
    tags: list[list[str]],
    scores: Scores,
    classes: Sequence[str],
    extractor: FeatureExtractor,
) -> list[list[str]]:
    """The BIO ``tags`` of a document after the span rules and the document-level votes.

    Args:
        sentences: the words of each sentence.
        tags: the tagger's BIO tags, one list per sentence.
        scores: the tagger's class scores for every word.
        classes: the class of each score column (BILOU tags).
        extractor: gives access to the word lists (given names, known names).

    Returns:
        New BIO tags, one list per sentence.
    """
    words = [[normalise(w) for w in sentence] for sentence in sentences]

    lists = extractor.gazetteer_classes
    spans: list[Spans] = []
    for sentence, sentence_tags in zip(words, tags, strict=True):
        found = spans_of(sentence_tags)
        for name, rule in SPAN_RULES:
            if name in PASSES:
                found = rule(sentence, found, extractor)
        spans.append(found)
    votes = _Votes(classes, scores)
    headlines = [is_headline(sentence) for sentence in words]
    if "lists" in PASSES:
        spans = share_list_types(words, spans, votes, headlines)
    if "pairs" in PASSES:
        spans = known_pairs(words, spans, headlines, lists)
    if "names" in PASSES:
        spans = one_type_per_name(words, spans, votes, headlines)
    return [tags_of(found, len(sentence)) for found, sentence in zip(spans, words, strict=True)]


def _list_items(words: Sequence[str], spans: Spans) -> list[list[tuple[int, int, str]]]:
    """Runs of three or more names joined by commas and a final "and"/"or".

    An item is a tagged span or an untagged run of capitalised words (type ``""``).
    """
    by_start = {s[0]: s for s in spans}
    items: list[tuple[int, int, str]] = []
    i, n = 0, len(words)
    while i < n:
        if i in by_start:
            items.append(by_start[i])
            i = by_start[i][1]
        elif words[i][:1].isupper() and i > 0:
            end = i + 1
            while end < n and words[end][:1].isupper() and end not in by_start:
                end += 1
            items.append((i, end, ""))
            i = end
        else:
            items.append((i, i + 1, "sep"))
            i += 1

    def is_name(k: int) -> bool:
        return k < len(items) and items[k][2] != "sep"

    def word(k: int) -> str:
        return words[items[k][0]] if k < len(items) and items[k][2] == "sep" else ""

    lists = []
    k = 0
    while k < len(items):
        if not is_name(k):
            k += 1
            continue
        names, j, closed = [items[k]], k + 1, False
        while j < len(items):
            if word(j) == "," and word(j + 1) in ("and", "or"):
                j += 1  # the serial comma
            if word(j) == "," and is_name(j + 1):
                names.append(items[j + 1])
                j += 2
                continue
            if word(j) in ("and", "or") and is_name(j + 1):
                names.append(items[j + 1])
                closed = True
            break
        if closed and len(names) >= 3:
            lists.append(names)
            k = j + 2
        else:
            k += 1
    return lists


def share_list_types(
    words: list[list[str]], spans: list[Spans], votes: _Votes, headlines: list[bool]
) -> list[Spans]:
    """Give the items of one coordinated list one type, chosen by their summed strengths.

    Only lists of three or more names: an untagged item joins the list's type. (Letting
    two names joined by "and" vote as well cost 0.0015-0.002 F1 on the dev sets: "X and
    Y" joins unlike things too often.)
    """
    out = []
    for si, (sentence, found) in enumerate(zip(words, spans, strict=True)):
        if headlines[si]:
            out.append(found)
            continue
        replace: dict[tuple[int, int], str] = {}
        for items in _list_items(sentence, found):
            tagged = [item for item in items if item[2]]
            if len(tagged) < 2:
                continue
            total = dict.fromkeys(ENTITY_TYPES, 0.0)
            for start, end, _ in items:
                for kind, value in votes.of(si, start, end).items():
                    total[kind] += value
            kind = max(ENTITY_TYPES, key=total.__getitem__)
            for start, end, _ in items:
                replace[(start, end)] = kind
        if replace:
            kept = [s for s in found if (s[0], s[1]) not in replace]
            found = sorted(kept + [(s, e, k) for (s, e), k in replace.items()])
        out.append(found)
    return out


_ORG_LISTS = frozenset({"CO", "BRAND", "INST", "TEAM", "MEDIA"})


def known_pairs(
    words: list[list[str]], spans: list[Spans], headlines: list[bool], lists: WordLists
) -> list[Spans]:
    """Two names joined by "and" that the word lists both know as organisations are
    organisations, whatever one of them was tagged ("Michael Kors and Gucci")."""
    out = []
    for si, (sentence, found) in enumerate(zip(words, spans, strict=True)):
        by_end = {s[1]: s for s in found}
        by_start = {s[0]: s for s in found}
        fixed = {s: s for s in found}
        if not headlines[si]:
            for k, word in enumerate(sentence):
                left, right = by_end.get(k), by_start.get(k + 1)
                if word != "and" or left is None or right is None or left[2] == right[2]:
                    continue
                pair = [left, right]
                if all(
                    _ORG_LISTS.intersection(lists(" ".join(sentence[a:b]).lower()))
                    for a, b, _ in pair
                ):
                    for span in pair:
                        fixed[span] = (span[0], span[1], "ORG")
        out.append(sorted(fixed.values()))
    return out


def one_type_per_name(
    words: list[list[str]], spans: list[Spans], votes: _Votes, headlines: list[bool]
) -> list[Spans]:
    """A name keeps one type across the story unless the tagger was sure of another.

    Mentions with the same words vote with their margins; a surname alone counts as the
    person named in full elsewhere. Mentions in all-capitals lines keep their own type
    (the dateline's "CHICAGO" is the city even where "Chicago" is the team).
    """
    tally: dict[tuple[str, ...], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    full_names: dict[str, int] = defaultdict(int)
    for si, found in enumerate(spans):
        if headlines[si]:
            continue
        for span in found:
            key = tuple(w.lower() for w in words[si][span[0] : span[1]])
            tally[key][span[2]] += max(votes.margin(si, span), 0.0) + 1.0
            if span[2] == "PER" and span[1] - span[0] >= 2:
                full_names[key[-1]] += 1
    out = []
    for si, found in enumerate(spans):
        if headlines[si]:
            out.append(found)
            continue
        fixed = []
        for span in found:
            key = tuple(w.lower() for w in words[si][span[0] : span[1]])
            kind = span[2]
            counts = tally[key]
            best = max(counts, key=counts.__getitem__)
            rest = sum(v for k, v in counts.items() if k != best)
            if best != kind and counts[best] >= 2 * rest and votes.margin(si, span) < SURE:
                kind = best
            if (
                len(key) == 1
                and full_names.get(key[0])
                and kind != "PER"
                and counts.get(kind, 0.0) <= 1.0 + SURE
                and votes.margin(si, span) < SURE
            ):
                kind = "PER"
            fixed.append((span[0], span[1], kind))
        out.append(fixed)
    return out
