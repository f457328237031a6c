"""The learned role tagger: given a cue, which words of its sentence are source and content.

Reported speech takes many shapes ("X said CLAUSE", "CLAUSE, X said", "X told Y that
CLAUSE", "according to X, CLAUSE", ", saying CLAUSE") and PolNeAR's annotators drew
its bounds by conventions no short rule list keeps ("that" stays out, "told reporters"
is cue, a trailing "on Monday" is not content). So, as semantic-role labellers do for a
predicate, a greedy averaged-perceptron tagger labels each word of the cue's sentence
S (source), C (cue), Q (content) or O, left to right, from the word, its tags, its
distance and direction from the cue, what stands between them (a comma, "that", another
verb) and the labels just given. ``scripts/train_attribution.py`` trains it on PolNeAR
train; the weights ship in ``byline/models/attribution``. The trainer imports
:func:`token_features` from here, so training and run time cannot disagree.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from byline.analysis.document import Document
from byline.analysis.quotes.cuemodel import AUXILIARIES, model_path, stem

LABELS: tuple[str, ...] = ("O", "S", "C", "Q")
"""Outside, source, cue, content."""

_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "'", "„", "‚", "«", "»", "‹", "›"})
_TERMINAL = frozenset({".", "!", "?"})


def _bucket(d: int) -> str:
    if -4 <= d <= 4:
        return str(d)
    size = abs(d)
    band = "5" if size <= 8 else "9" if size <= 15 else "16"
    return ("L" if d < 0 else "R") + band


def _shape(word: str) -> str:
    if word[:1].isupper():
        return "X"
    if word[:1].islower():
        return "x"
    if word[:1].isdigit():
        return "d"
    return word[:1]


@dataclass(frozen=True)
class CueContext:
    """What the tagger knows about the cue: its place, stem, tag and what follows it."""

    anchor: int
    first: int
    last: int
    stem: str
    pos: str
    after: str
    before: str

    @classmethod
    def of(cls, doc: Document, anchor: int) -> CueContext:
        sentence = doc.token_sentence[anchor]
        first = last = anchor
        while first > 0 and doc.token_sentence[first - 1] == sentence:
            first -= 1
        while last + 1 < len(doc.tokens) and doc.token_sentence[last + 1] == sentence:
            last += 1
        token = doc.tokens[anchor]
        nxt = anchor + 1
        while (
            nxt <= last and doc.tokens[nxt].text.lower() in ("on", "to", "out") and nxt - anchor < 2
        ):
            nxt += 1
        after = doc.tokens[nxt].text.lower() if nxt <= last else "</s>"
        if after not in ("that", ",", ":", "to", ".", "</s>") and nxt <= last:
            after = doc.tokens[nxt].pos
        back = anchor - 1
        while back >= first and (
            doc.tokens[back].pos in ("RB", "MD") or doc.tokens[back].text.lower() in AUXILIARIES
        ):
            back -= 1
        before = doc.tokens[back].pos if back >= first else "<s>"
        if back >= first and doc.tokens[back].text in (",", "“", "”", '"'):
            before = doc.tokens[back].text
        word = token.text.lower()
        return cls(anchor, first, last, stem(word), token.pos, after, before)


def sentence_features(doc: Document, quoted: Sequence[bool], first: int, last: int) -> list[tuple]:
    """Per-token facts of one sentence that do not depend on the cue.

    Each row: word, tag, shape, the tags around it, the word before it, whether it is
    quoted and whether it is a quotation mark.
    """
    tokens = doc.tokens
    rows = []
    for k in range(first, last + 1):
        token = tokens[k]
        word = token.text.lower()
        prev = tokens[k - 1] if k > first else None
        nxt = tokens[k + 1] if k < last else None
        rows.append(
            (
                word,
                token.pos,
                _shape(token.text),
                prev.pos if prev else "<s>",
                nxt.pos if nxt else "</s>",
                prev.text.lower() if prev else "<s>",
                "q" if quoted[k] else "-",
                token.text in _MARKS,
            )
        )
    return rows


def token_features(
    rows: Sequence[tuple],
    cue: CueContext,
    k: int,
    between: tuple[bool, bool, bool],
    prev: str,
    prev2: str,
) -> list[str]:
    """The features of word ``k`` (a sentence index) of the cue's sentence."""
    word, pos, shape, ppos, npos, pword, inq, mark = rows[k]
    d = k - (cue.anchor - cue.first)
    side = "A" if d == 0 else "L" if d < 0 else "R"
    bucket = _bucket(d)
    comma, that, verb = between
    link = ("c" if comma else "-") + ("t" if that else "-") + ("v" if verb else "-")
    return [
        "b",
        "d=" + bucket,
        "w=" + word,
        "p=" + pos,
        "sh=" + shape,
        "pp=" + ppos,
        "np=" + npos,
        "pw=" + pword,
        "q=" + inq,
        "y=" + prev,
        "yy=" + prev + prev2,
        "d|p=" + bucket + pos,
        "s|p=" + side + pos,
        "s|w=" + side + word,
        "s|y=" + side + prev,
        "s|y|p=" + side + prev + pos,
        "s|link=" + side + link,
        "s|link|y=" + side + link + prev,
        "s|link|p=" + side + link + pos,
        "st|s=" + cue.stem + side,
        "st|s|y=" + cue.stem + side + prev,
        "cp|s=" + cue.pos + side,
        "af|s=" + cue.after + side,
        "af|s|y=" + cue.after + side + prev,
        "bf|s=" + cue.before + side,
        "bf|s|y=" + cue.before + side + prev,
        "bf|af|s=" + cue.before + cue.after + side,
        "m|y=" + ("m" if mark else "-") + prev,
        "q|s|y=" + inq + side + prev,
    ]


class RoleTagger:
    """Averaged-perceptron weights over :func:`token_features`, one score per label."""

    def __init__(self, weights: dict[str, list[float]]) -> None:
        self.weights = weights

    def best(self, feats: Sequence[str]) -> str:
        scores = [0.0, 0.0, 0.0, 0.0]
        get = self.weights.get
        for feat in feats:
            row = get(feat)
            if row is not None:
                scores[0] += row[0]
                scores[1] += row[1]
                scores[2] += row[2]
                scores[3] += row[3]
        return LABELS[scores.index(max(scores))]

    def tag(
        self,
        doc: Document,
        quoted: Sequence[bool],
        anchor: int,
        rows: Sequence[tuple] | None = None,
    ) -> list[str]:
        """Labels of every word of the anchor's sentence, in order."""
        cue = CueContext.of(doc, anchor)
        if rows is None:
            rows = sentence_features(doc, quoted, cue.first, cue.last)
        links = between_links(doc, cue)
        labels: list[str] = []
        prev = prev2 = "<"
        for k in range(len(rows)):
            label = (
                "C"
                if k == cue.anchor - cue.first
                else self.best(token_features(rows, cue, k, links[k], prev, prev2))
            )
            labels.append(label)
            prev2, prev = prev, label
        return labels


def between_links(doc: Document, cue: CueContext) -> list[tuple[bool, bool, bool]]:
    """For each word of the sentence: a comma, a "that", another verb between it and the cue."""
    n = cue.last - cue.first + 1
    a = cue.anchor - cue.first
    out: list[tuple[bool, bool, bool]] = [(False, False, False)] * n
    comma = that = verb = False
    for k in range(a - 1, -1, -1):
        out[k] = (comma, that, verb)
        token = doc.tokens[cue.first + k]
        comma = comma or token.text == ","
        that = that or token.text.lower() == "that"
        verb = verb or token.pos.startswith("VB") and token.text.lower() not in AUXILIARIES
    comma = that = verb = False
    for k in range(a + 1, n):
        out[k] = (comma, that, verb)
        token = doc.tokens[cue.first + k]
        comma = comma or token.text == ","
        that = that or token.text.lower() == "that"
        verb = verb or token.pos.startswith("VB") and token.text.lower() not in AUXILIARIES
    return out


def read_role_tagger(path_name: str = "roles.json.gz") -> RoleTagger:
    """A role tagger from its JSON file (``weights``: feature -> four label scores)."""
    path = model_path().parent / path_name
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return RoleTagger({f: list(v) for f, v in data["weights"].items()})


@cache
def load_role_tagger() -> RoleTagger:
    """The shipped role tagger, loaded once per process."""
    return read_role_tagger()


def terminal(word: str) -> bool:
    """Whether a token ends a sentence."""
    return word in _TERMINAL
