"""The learned cue detector: which verbs report a claim, a belief or an intention.

Reporting verbs are a long tail ("said" is a fifth of them; "floated", "dismissed",
"signalled" are not in any short list), so a small logistic model, trained on PolNeAR's
annotated cues by ``scripts/train_attribution.py``, scores each verb from its word, its
stem, its tags and the shape around it (a "that" or a colon after it, a subject before
it, a quote nearby). The weights ship in ``byline/models/attribution``. A candidate is a
token tagged as a verb, a known cue word, "according", or a colon with words on both
sides in its sentence ("Trump: Cruz has a long way to go", PolNeAR's commonest cue with
no verb); words inside a quote never are. The trainer imports :func:`features` from
here, so training and run time cannot disagree.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from byline.analysis.document import Document
from byline.analysis.quotes.cues import CUE_WORDS

AUXILIARIES: frozenset[str] = frozenset(
    "is are was were be been being am 's 're 'm ’s ’re ’m ’ve ’d n’t has have had having 've 'd "
    "do does did "
    "will would can could may might must should shall to also not n't never".split()
)
"""Words of a verb chain that are never its head ("has said": "said" is)."""

_IRREGULAR_STEMS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "felt": "feel",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "began": "begin",
    "begun": "begin",
    "sought": "seek",
    "brought": "bring",
    "spoke": "speak",
    "spoken": "speak",
    "went": "go",
    "gone": "go",
    "meant": "mean",
    "held": "hold",
    "found": "find",
    "led": "lead",
    "left": "leave",
    "kept": "keep",
    "put": "put",
}
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "„", "‚", "«", "»", "‹", "›"})
_PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "it", "who"})


def stem(word: str) -> str:
    """A crude stem shared by a verb's forms ("claims", "claimed", "claiming": "claim")."""
    word = word.lower()
    if word in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[word]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] in "bdgmnprt":
                base = base[:-1]  # "planned", "admitting"
            if suffix == "es" and not base.endswith(("s", "sh", "ch", "x", "z")):
                base = word[:-1]  # "notes" is "note", not "not"
            return base.rstrip("e")
    return word.rstrip("e") if len(word) > 3 else word


def is_candidate(doc: Document, quoted: Sequence[bool], i: int) -> bool:
    """Whether token ``i`` may be a cue the model scores."""
    if quoted[i]:
        return False
    token = doc.tokens[i]
    word = token.text.lower()
    if word == "according":
        return i + 1 < len(doc.tokens) and doc.tokens[i + 1].text.lower() == "to"
    if word == ":":
        sentence = doc.token_sentence[i]
        return (
            0 < i < len(doc.tokens) - 1
            and doc.token_sentence[i - 1] == sentence == doc.token_sentence[i + 1]
        )
    if word in AUXILIARIES:
        return False
    return token.pos.startswith("VB") or word in CUE_WORDS


def features(doc: Document, quoted: Sequence[bool], i: int) -> list[str]:
    """The features of candidate token ``i`` (words, stems, tags and the shape around it)."""
    tokens = doc.tokens
    n = len(tokens)
    sentence = doc.token_sentence[i]

    def word(k: int) -> str:
        if 0 <= k < n and doc.token_sentence[k] == sentence:
            return tokens[k].text.lower()
        return "<s>" if k < i else "</s>"

    def tag(k: int) -> str:
        if 0 <= k < n and doc.token_sentence[k] == sentence:
            return tokens[k].pos
        return "<s>" if k < i else "</s>"

    w = tokens[i].text.lower()
    s = stem(w)
    pos = tokens[i].pos
    w1, w2, p1, p2 = word(i + 1), word(i + 2), tag(i + 1), tag(i + 2)
    back = i - 1
    while (
        back >= 0
        and doc.token_sentence[back] == sentence
        and (tokens[back].pos in ("RB", "MD") or word(back) in AUXILIARIES)
    ):
        back -= 1
    b, bp = word(back), tag(back)
    first = i
    while first > 0 and doc.token_sentence[first - 1] == sentence:
        first -= 1
    last = i
    while last + 1 < n and doc.token_sentence[last + 1] == sentence:
        last += 1
    before_marks = any(tokens[k].text in _QUOTE_MARKS for k in range(max(first, i - 4), i))
    after_marks = any(tokens[k].text in _QUOTE_MARKS for k in range(i + 1, min(last + 1, i + 4)))
    quoted_near = any(quoted[k] for k in range(max(first, i - 3), min(last + 1, i + 4)))
    chain = [word(k) for k in range(back + 1, i)]
    subject = (
        "prp"
        if b in _PERSONAL
        else "nnp"
        if bp in ("NNP", "NNPS")
        else "nn"
        if bp in ("NN", "NNS")
        else "comma"
        if b == ","
        else "quote"
        if b in _QUOTE_MARKS
        else bp
    )
    position = i - first
    feats = [
        "bias",
        "w=" + w,
        "s=" + s,
        "p=" + pos,
        "lex" if w in CUE_WORDS else "nolex",
        "w-1=" + word(i - 1),
        "p-1=" + tag(i - 1),
        "w+1=" + w1,
        "p+1=" + p1,
        "p+2=" + p2,
        "w+1w+2=" + w1 + "_" + w2,
        "s|w+1=" + s + "_" + w1,
        "s|p+1=" + s + "_" + p1,
        "s|p=" + s + "_" + pos,
        "subj=" + subject,
        "s|subj=" + s + "_" + subject,
        "b=" + b,
        "chain=" + "_".join(chain[-2:]),
        "s|chain=" + s + "_" + ("aux" if chain else "-"),
        "at=" + (str(position) if position < 3 else "mid" if i < last - 2 else "end"),
        "left=" + str(min(last - i, 6)),
    ]
    if before_marks:
        feats += ["qbefore", "s|qbefore=" + s]
    if after_marks:
        feats += ["qafter", "s|qafter=" + s]
    if quoted_near:
        feats.append("quoted_near")
    if w1 == "that" or w2 == "that":
        feats += ["that", "s|that=" + s]
    if w1 in (",", ":") or w2 in (",", ":"):
        feats.append("punct_after=" + (w1 if w1 in (",", ":") else w2))
    if w1 == "to" or w2 == "to":
        feats += ["to_after", "s|to=" + s]
    if pos == "VBN" and any(word(k) == "by" for k in range(i + 1, min(i + 4, last + 1))):
        feats.append("by_agent")
    if doc.title_span is not None and tokens[i].start < doc.title_span.end:
        feats.append("headline")
    if w == ":":
        feats += _colon_features(doc, first, i, last)
    return feats


def _colon_features(doc: Document, first: int, i: int, last: int) -> list[str]:
    """What tells "Trump: Cruz has a long way to go" (a source, then its claim) from a
    colon that opens a list or an explanation: a short capitalised name before it, no
    verb there, a title-cased line after it."""
    before = [t for t in doc.tokens[first:i] if t.text[:1].isalnum()]
    after = [t for t in doc.tokens[i + 1 : last + 1] if t.text[:1].isalpha()]
    size = len(before)
    feats = ["colon_before=" + (str(size) if size < 4 else "4-6" if size < 7 else "7+")]
    if before and all(t.text[:1].isupper() or t.pos in ("IN", "DT", "CC") for t in before):
        feats.append("colon_caps")
    if any(t.pos.startswith("VB") for t in doc.tokens[first:i]):
        feats.append("colon_verb_before")
    if after and sum(t.text[:1].isupper() for t in after) * 5 >= len(after) * 3:
        feats.append("colon_title_after")
    paragraphs = doc.paragraphs
    if paragraphs:
        paragraph = paragraphs[doc.token_paragraph[i]]
        starts = doc.tokens[first].start <= paragraph.start + 1
        if starts and doc.tokens[last].end >= paragraph.end - 1:
            feats.append("colon_whole_paragraph")
    return feats


@dataclass(frozen=True)
class CueModel:
    """A logistic model over :func:`features`; a candidate above ``threshold`` is a cue."""

    weights: dict[str, float]
    threshold: float

    def probability(self, feats: Sequence[str]) -> float:
        get = self.weights.get
        z = sum(get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def cues(self, doc: Document, quoted: Sequence[bool]) -> list[tuple[int, float]]:
        """Candidate tokens scored as cues, with their probabilities, in text order."""
        found = []
        for i in range(len(doc.tokens)):
            if is_candidate(doc, quoted, i):
                p = self.probability(features(doc, quoted, i))
                if p >= self.threshold:
                    found.append((i, p))
        return found


def model_path() -> Path:
    from byline.resources import models_dir

    return models_dir() / "attribution" / "cues.json.gz"


def read_cue_model(path: Path) -> CueModel:
    """A cue model from its JSON file (``weights``, ``threshold``)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return CueModel(dict(data["weights"]), float(data["threshold"]))


@cache
def load_cue_model() -> CueModel:
    """The shipped cue model, loaded once per process."""
    return read_cue_model(model_path())
