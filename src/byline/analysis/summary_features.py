"""The features the summary ranker rates a sentence by, all computed in one linear pass.

News is written as an inverted pyramid, so position carries most of the signal; the rest
tells a real lede from a teaser and a key sentence from a caption. Positions count story
sentences only: furniture (:mod:`byline.analysis.furniture`) is flagged, ranked last by
the caller, and does not push the lede down.

* position: one-hot for the first five story sentences, inverse, relative and log
  index; first in its paragraph, index inside it, first paragraph; the lede zone of a
  long story and of a story opening with an agency dateline ("(CNN) --");
* the opening: a short teaser lede, a question, a quote, "you", a Daily Mail caption
  ("Tragic: …"), a picture reference ("(pictured)"), an agency dateline;
* centrality: TextRank-style degree, its rank, centroid cosine
  (:mod:`byline.analysis.centrality`), and overlap with the lede;
* headline overlap, when there is a headline;
* names (share of words naming an entity mentioned twice or more) and entity count,
  numbers;
* quotes: share of the sentence quoted, and whether it attributes a quote to someone;
* length: log words, relative to the longest, short and long flags; a sentence opening
  on a pronoun or a connective ("But", "He") leans on what came before it.

"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence

from byline.analysis import centrality, furniture
from byline.analysis.document import Document
from byline.analysis.model import Span, Token

FEATURES = (
    "p0",
    "p1",
    "p2",
    "p3",
    "p4",
    "inverse_position",
    "relative_position",
    "log_position",
    "paragraph_start",
    "in_paragraph",
    "first_paragraph",
    "lead_long",
    "lead_dateline",
    "dateline",
    "teaser",
    "question",
    "opens_quote",
    "second_person",
    "label",
    "picture",
    "leans_back",
    "degree",
    "degree_rank",
    "centroid",
    "lede_overlap",
    "title",
    "names",
    "entities",
    "numbers",
    "quoted",
    "attributed",
    "first_quote",
    "main_speaker",
    "top_entity",
    "log_length",
    "relative_length",
    "short",
    "long",
)
# Daily Mail caption: a short label, a colon, then the caption in lower case.
_LABEL = re.compile(r"^[\s'‘“]*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*:\s+[‘'\"“]?[a-z]")
_SAYS = re.compile(
    r"\b(?:said|says|say|added|adds|told|tells|continued|wrote|writes|explained|tweeted|"
    r"posted|reads?|stated|insisted|admitted|revealed|warned|claimed|asked|replied|noted)\s*:",
    re.IGNORECASE,
)
_LEANS_BACK = frozenset(
    "he she it they this that these those his her its their him them but and so yet "
    "however also meanwhile still instead then there such".split()
)
_YOU = frozenset(("you", "your", "you're", "yours", "you'll", "you've"))
_OPEN_QUOTES = ('"', "“", "'", "‘")
_TEASER_WORDS = 10
_SHORT_WORDS = 8
_LONG_WORDS = 40


def _line_starts(doc: Document) -> list[bool]:
    """Whether a line break comes before each sentence (a soft wrap counts too)."""
    starts = []
    previous_end = None
    for span in doc.sentences:
        gap = doc.text[previous_end : span.start] if previous_end is not None else "\n"
        starts.append("\n" in gap or "\r" in gap)
        previous_end = span.end
    return starts


def covered(sentences: Sequence[Span], ranges: Sequence[tuple[int, int]]) -> list[float]:
    """Characters of each sentence inside any of the ranges (sorted by start)."""
    out = [0.0] * len(sentences)
    starts = [s.start for s in sentences]
    for start, end in ranges:
        i = max(0, bisect.bisect_right(starts, start) - 1)
        while i < len(sentences) and sentences[i].start < end:
            lo, hi = max(start, sentences[i].start), min(end, sentences[i].end)
            if hi > lo:
                out[i] += hi - lo
            i += 1
    return out


def _names(doc: Document, words: Sequence[int]) -> tuple[list[float], list[float]]:
    """Share of each sentence's words naming something mentioned twice, and mentions."""
    sentences, tokens = doc.sentences, doc.sentence_tokens
    n = len(sentences)
    if doc.entities:
        mentioned = [(start, end) for start, end, e in doc.mentions if len(e.mentions) >= 2]
        chars = covered(sentences, mentioned)
        counts = [0.0] * n
        starts = [s.start for s in sentences]
        for start, _, _ in doc.mentions:
            i = bisect.bisect_right(starts, start) - 1
            if 0 <= i < n and start < sentences[i].end:
                counts[i] += 1
        shares = [
            min(1.0, chars[i] / max(1.0, len(sentences[i]) / max(1, words[i])) / max(1, words[i]))
            for i in range(n)
        ]
        return shares, [min(c, 5.0) / 5 for c in counts]
    proper = Counter(t.text.lower() for sent in tokens for t in sent if t.pos.startswith("NNP"))
    shares = [
        sum(1 for t in sent if t.pos.startswith("NNP") and proper[t.text.lower()] >= 2)
        / max(1, words[i])
        for i, sent in enumerate(tokens)
    ]
    counts = [min(5.0, sum(1 for t in sent if t.pos.startswith("NNP"))) / 5 for sent in tokens]
    return shares, counts


def _sentence_at(starts: Sequence[int], sentences: Sequence[Span], offset: int) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    return i if 0 <= i < len(sentences) and offset < sentences[i].end else None


def _quote_features(doc: Document) -> tuple[list[float], list[float], list[float]]:
    """Per sentence: attributes a quote to a named speaker; opens the story's first
    quote; quotes the most-mentioned person."""
    sentences = doc.sentences
    n = len(sentences)
    attributed, first, main = [0.0] * n, [0.0] * n, [0.0] * n
    starts = [s.start for s in sentences]
    people = [e for e in doc.entities if e.type == "PER"]
    top = max(people, key=lambda e: len(e.mentions), default=None)
    top_words = set(top.name.lower().split()) if top is not None else set()
    for k, quote in enumerate(doc.quotes):
        i = _sentence_at(starts, sentences, quote.start)
        if i is not None and k == 0:
            first[i] = 1.0
        if quote.speaker is None:
            continue
        cue = quote.cue_span.start if quote.cue_span is not None else quote.start
        at = _sentence_at(starts, sentences, cue)
        if at is not None:
            attributed[at] = 1.0
        if i is not None and top_words & set(quote.speaker.lower().split()):
            main[i] = 1.0
    return attributed, first, main


def _top_entity(doc: Document) -> list[float]:
    """1.0 where a sentence names the story's most-mentioned entity."""
    sentences = doc.sentences
    out = [0.0] * len(sentences)
    if not doc.entities:
        return out
    top = max(doc.entities, key=lambda e: len(e.mentions))
    starts = [s.start for s in sentences]
    for mention in top.mentions:
        i = _sentence_at(starts, sentences, mention.start)
        if i is not None:
            out[i] = 1.0
    return out


def _first_word(tokens: Sequence[Token]) -> str:
    for token in tokens:
        if token.text[:1].isalnum():
            return token.text.lower()
    return ""


def sentence_features(doc: Document) -> tuple[list[dict[str, float]], list[list[str]]]:
    """Every sentence's features (named as in :data:`FEATURES`, plus ``furniture``) and stems.

    ``doc`` carries the entity and quote stages' findings (either may be empty: names then
    come from proper-noun tags); its sentences exclude the headline, which only lends its
    words to the ``title`` feature.
    """
    text, sentences, tokens = doc.text, doc.sentences, doc.sentence_tokens
    n = len(sentences)
    texts = [s.text(text) for s in sentences]
    junk = [furniture.is_furniture(texts[i], tokens[i]) for i in range(n)]
    terms = [centrality.content_terms(sent) for sent in tokens]
    degree = centrality.degree_scores(terms)
    centroid = centrality.centroid_scores(terms, centrality.sentence_frequency(terms))
    top_degree = max(degree, default=0.0) or 1.0
    top_centroid = max(centroid, default=0.0) or 1.0
    degree_rank = [0.0] * n
    for place, i in enumerate(sorted(range(n), key=lambda i: (-degree[i], i))):
        degree_rank[i] = 1.0 - place / max(1, n - 1)
    words = [sum(1 for t in sent if t.text[:1].isalnum()) for sent in tokens]
    longest = max(words, default=0) or 1
    title_terms = centrality.words_of(doc.title) if doc.title else []
    names, mentions = _names(doc, words)
    quoted = covered(sentences, sorted((q.start, q.end) for q in doc.quotes))
    attributed, first_quote, main_speaker = _quote_features(doc)
    top_entity = _top_entity(doc)
    opens = _line_starts(doc)
    story = n - sum(junk)
    lede = next((i for i in range(n) if not junk[i]), 0)
    lede_terms = terms[lede] if n else []
    dateline_lede = 1.0 if n and furniture.is_dateline_lede(texts[lede]) else 0.0
    long_story = math.log1p(story) / 5
    rows = []
    place = 0  # index among story sentences
    in_paragraph = 0
    paragraph = 0
    for i in range(n):
        if opens[i] and i:
            paragraph += 1
        in_paragraph = 0 if opens[i] else in_paragraph + 1
        j = place
        stripped = texts[i].strip()
        lead = 1.0 if j < 3 else 0.0
        lowered = {t.text.lower() for t in tokens[i]}
        rows.append(
            {
                "furniture": 1.0 if junk[i] else 0.0,
                "p0": 1.0 if j == 0 else 0.0,
                "p1": 1.0 if j == 1 else 0.0,
                "p2": 1.0 if j == 2 else 0.0,
                "p3": 1.0 if j == 3 else 0.0,
                "p4": 1.0 if j == 4 else 0.0,
                "inverse_position": 1.0 / (1 + j),
                "relative_position": j / max(1, story - 1),
                "log_position": math.log1p(j) / 5,
                "paragraph_start": 1.0 if opens[i] else 0.0,
                "in_paragraph": min(in_paragraph, 3) / 3,
                "first_paragraph": 1.0 if paragraph == 0 else 0.0,
                "lead_long": lead * long_story,
                "lead_dateline": lead * dateline_lede,
                "dateline": 1.0 if furniture.is_dateline_lede(stripped) else 0.0,
                "teaser": 1.0 if j == 0 and words[i] < _TEASER_WORDS else 0.0,
                "question": 1.0 if stripped.rstrip("\"'”’)").endswith("?") else 0.0,
                "opens_quote": 1.0 if stripped.startswith(_OPEN_QUOTES) else 0.0,
                "second_person": 1.0 if lowered & _YOU else 0.0,
                "label": 1.0 if _LABEL.match(stripped) and not _SAYS.search(stripped) else 0.0,
                "picture": 1.0 if furniture.mentions_picture(stripped) else 0.0,
                "leans_back": 1.0 if _first_word(tokens[i]) in _LEANS_BACK else 0.0,
                "degree": degree[i] / top_degree,
                "degree_rank": degree_rank[i],
                "centroid": centroid[i] / top_centroid,
                "lede_overlap": centrality.overlap(terms[i], lede_terms) if i != lede else 1.0,
                "title": centrality.overlap(title_terms, terms[i]),
                "names": names[i],
                "entities": mentions[i],
                "numbers": min(sum(1 for t in tokens[i] if t.pos == "CD"), 3) / 3,
                "quoted": quoted[i] / max(1, len(sentences[i])),
                "attributed": attributed[i],
                "first_quote": first_quote[i],
                "main_speaker": main_speaker[i],
                "top_entity": top_entity[i],
                "log_length": math.log1p(words[i]),
                "relative_length": words[i] / longest,
                "short": 1.0 if words[i] < _SHORT_WORDS else 0.0,
                "long": 1.0 if words[i] > _LONG_WORDS else 0.0,
            }
        )
        if not junk[i]:
            place += 1
    return rows, terms
