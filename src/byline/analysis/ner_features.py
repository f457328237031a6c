"""Features and greedy decoding shared by the NER trainer and the runtime tagger.

``scripts/train_ner.py`` and :mod:`byline.analysis.ner` both go through
:func:`decode_document`, so the features seen in training and at run time cannot
disagree. Nothing here uses part-of-speech or chunk tags: byline has no gold POS
at run time. Must not import Textual.

Internally the tagger predicts BILOU tags (``B-``, ``I-``, ``L-``, ``U-``, ``O``);
:func:`bilou_to_bio` turns them into the BIO tags the public API returns.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
OUTSIDE = "O"
BOUNDARY = "<S>"
_MAX_CONTEXTS = 12
_NORMALISE = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}


def bilou_classes() -> list[str]:
    """All internal tags, ``O`` first."""
    return [OUTSIDE] + [f"{p}-{t}" for t in ENTITY_TYPES for p in "BILU"]


def bio_to_bilou(tags: Sequence[str]) -> list[str]:
    """Convert IOB1 or BIO tags to BILOU (chunks read as ``conlleval`` reads them)."""
    out = [OUTSIDE] * len(tags)
    kinds = [t.partition("-")[2] if t != OUTSIDE else "" for t in tags]
    index = 0
    while index < len(tags):
        kind = kinds[index]
        if not kind:
            index += 1
            continue
        end = index + 1
        while end < len(tags) and kinds[end] == kind and not tags[end].startswith("B-"):
            end += 1
        if end - index == 1:
            out[index] = f"U-{kind}"
        else:
            out[index] = f"B-{kind}"
            out[index + 1 : end - 1] = [f"I-{kind}"] * (end - index - 2)
            out[end - 1] = f"L-{kind}"
        index = end
    return out


def bilou_to_bio(tags: Sequence[str]) -> list[str]:
    """Convert BILOU tags to valid BIO, opening a chunk wherever ``I-`` cannot continue one."""
    out: list[str] = []
    prev_kind = ""
    for tag in tags:
        if tag == OUTSIDE:
            out.append(OUTSIDE)
            prev_kind = ""
            continue
        prefix, kind = tag[0], tag[2:]
        if prefix in "IL" and prev_kind == kind:
            out.append(f"I-{kind}")
        else:
            out.append(f"B-{kind}")
        prev_kind = kind if prefix in "BI" else ""
    return out


def allowed_transitions(classes: Sequence[str], constrained: bool = True) -> dict[str, list[int]]:
    """For each previous tag, the indices of the tags that may follow it in BILOU.

    With ``constrained=False`` every tag may follow every tag.
    """
    if not constrained:
        every = list(range(len(classes)))
        return {tag: every for tag in [BOUNDARY, *classes]}
    opening = [i for i, c in enumerate(classes) if c == OUTSIDE or c[0] in "BU"]
    table = {OUTSIDE: opening, BOUNDARY: opening}
    for tag in classes:
        if tag != OUTSIDE:
            if tag[0] in "BI":
                table[tag] = [i for i, c in enumerate(classes) if c[0] in "IL" and c[2:] == tag[2:]]
            else:
                table[tag] = opening
    return table


@functools.lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Word shape with runs longer than three collapsed: ``Xxxx``, ``XX``, ``dd-dd``."""
    out: list[str] = []
    last, run = "", 0
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c == last:
            run += 1
            if run > 3:
                continue
        else:
            last, run = c, 1
        out.append(c)
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def short_shape(word: str) -> str:
    """Word shape with every run collapsed to one character: ``Xx``, ``X``, ``d.d``."""
    full = shape(word)
    out = [full[0]] if full else []
    for ch in full[1:]:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_headline(words: Sequence[str]) -> bool:
    letters = [w for w in words if any(c.isalpha() for c in w)]
    return len(letters) >= 2 and all(w.upper() == w for w in letters)


@dataclass
class Lexicons:
    """Word lists the features consult; they ship inside the model file.

    Attributes:
        gazetteer: lowercased phrase -> ``|``-joined classes (``LOC``, ``NAT``, ...).
        first_names: lowercased given names.
        usually_lower: lowercased words written in lowercase more often than
            capitalised mid-sentence in the training text.
        case_bucket: lowercased word -> how often unlabelled text writes it in
            lowercase rather than capitalised mid-sentence (``L`` >= 90%, ``l`` >= 50%,
            ``c`` >= 10%, ``C`` below).
        signatures: lowercased word -> its commonest left and right neighbours when
            capitalised in unlabelled text, as ``left,left|right,right`` (a cheap
            stand-in for word clusters).
        gaz_max: the longest gazetteer phrase, in tokens.
    """

    gazetteer: dict[str, str]
    first_names: frozenset[str]
    usually_lower: frozenset[str]
    case_bucket: dict[str, str] = field(default_factory=dict)
    signatures: dict[str, str] = field(default_factory=dict)
    gaz_max: int = 1

    def to_json(self) -> dict[str, object]:
        """A JSON-serialisable form, deterministic in order.

        The big word lists are newline-joined strings rather than JSON arrays or
        objects, which makes loading several times faster.
        """
        buckets: dict[str, list[str]] = {}
        for word, bucket in sorted(self.case_bucket.items()):
            buckets.setdefault(bucket, []).append(word)
        return {
            "gazetteer": dict(sorted(self.gazetteer.items())),
            "first_names": "\n".join(sorted(self.first_names)),
            "usually_lower": "\n".join(sorted(self.usually_lower)),
            "case_bucket": {k: "\n".join(v) for k, v in sorted(buckets.items())},
            "signatures": "\n".join(f"{w}\t{s}" for w, s in sorted(self.signatures.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Lexicons:
        """Rebuild from :meth:`to_json` output."""
        gazetteer: dict[str, str] = dict(data["gazetteer"])  # type: ignore[call-overload]
        first_names: str = data["first_names"]  # type: ignore[assignment]
        usually_lower: str = data["usually_lower"]  # type: ignore[assignment]
        buckets: dict[str, str] = data["case_bucket"]  # type: ignore[assignment]
        signatures: str = data["signatures"]  # type: ignore[assignment]
        case_bucket: dict[str, str] = {}
        for bucket, words in buckets.items():
            case_bucket.update(dict.fromkeys(words.split("\n"), bucket))
        return cls(
            gazetteer=gazetteer,
            first_names=frozenset(first_names.split("\n")),
            usually_lower=frozenset(usually_lower.split("\n")),
            case_bucket=case_bucket,
            signatures=dict(line.split("\t", 1) for line in signatures.split("\n") if line),
            gaz_max=max((k.count(" ") + 1 for k in gazetteer), default=1),
        )


class FeatureExtractor:
    """Turns words in their document into perceptron feature strings."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons
        self._word_cache: dict[str, tuple[str, ...]] = {}
        self._class_cache: dict[str, tuple[str, ...]] = {}

    def word_features(self, word: str) -> tuple[str, ...]:
        """Features of the word alone (cached): forms, shape, affixes, lexicon membership."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        feats = ["b", "w=" + word, "l=" + lower, "s=" + shape(word), "ss=" + short_shape(word)]
        for k in (1, 2, 3, 4):
            if len(lower) > k:
                feats.append(f"p{k}={lower[:k]}")
                feats.append(f"x{k}={lower[-k:]}")
        if any(c.isdigit() for c in word):
            feats.append("dig")
        if "-" in word[1:]:
            feats.append("hyph")
        if _is_cap(word):
            if lower in self.lexicons.usually_lower:
                feats.append("ulc")
            if lower in self.lexicons.first_names:
                feats.append("fn")
            feats += self.lexical_class(word)
        result = tuple(feats)
        if len(self._word_cache) < 200_000:
            self._word_cache[word] = result
        return result

    def lexical_class(self, word: str) -> tuple[str, ...]:
        """Case bucket and neighbour signature of a capitalised word (cached)."""
        cached = self._class_cache.get(word)
        if cached is not None:
            return cached
        feats: list[str] = []
        if _is_cap(word):
            lower = word.lower()
            feats.append("cb=" + self.lexicons.case_bucket.get(lower, "?"))
            signature = self.lexicons.signatures.get(lower)
            if signature:
                left, _, right = signature.partition("|")
                feats += ["dl=" + w for w in left.split(",") if w]
                feats += ["dr=" + w for w in right.split(",") if w]
        result = tuple(feats)
        if len(self._class_cache) < 200_000:
            self._class_cache[word] = result
        return result

    def _gazetteer(self, words: Sequence[str], lowers: Sequence[str]) -> list[list[str]]:
        marks: list[list[str]] = [[] for _ in words]
        gaz, longest = self.lexicons.gazetteer, self.lexicons.gaz_max
        for i, word in enumerate(words):
            if not _is_cap(word):
                continue
            for n in range(min(longest, len(words) - i), 0, -1):
                kinds = gaz.get(" ".join(lowers[i : i + n]))
                if kinds is None or not _is_cap(words[i + n - 1]):
                    continue
                for kind in kinds.split("|"):
                    if n == 1:
                        marks[i].append("g=U" + kind)
                    else:
                        marks[i].append("g=B" + kind)
                        for j in range(i + 1, i + n):
                            marks[j].append("g=I" + kind)
                break
        return marks

    def sentence_features(self, words: Sequence[str], doc: DocumentContext) -> list[list[str]]:
        """Features that do not depend on predicted tags, one list per word."""
        words = [_NORMALISE.get(w, w) for w in words]
        lowers = [w.lower() for w in words]
        shapes = [short_shape(w) for w in words]
        n = len(words)
        pad_l = [BOUNDARY, BOUNDARY, *lowers, BOUNDARY, BOUNDARY]
        pad_s = [BOUNDARY, BOUNDARY, *shapes, BOUNDARY, BOUNDARY]
        gaz = self._gazetteer(words, lowers)
        headline = _is_headline(words)
        first = self.lexicons.first_names
        runs = [""] * n
        runs_ext: list[tuple[str, ...]] = [()] * n
        if not headline:
            i = 0
            while i < n:
                if not _is_cap(words[i]):
                    i += 1
                    continue
                end = i + 1
                while end < n and _is_cap(words[end]):
                    end += 1
                size = min(end - i, 4)
                for k in range(i, end):
                    pos = "U" if end - i == 1 else "B" if k == i else "L" if k == end - 1 else "I"
                    runs[k] = f"cr={size}{pos}"
                    if end - i > 1:
                        runs_ext[k] = ("crf=" + lowers[i], "crl=" + lowers[end - 1])
                i = end
        out: list[list[str]] = []
        for i in range(n):
            j = i + 2
            word, lower, sh = words[i], lowers[i], shapes[i]
            feats = list(self.word_features(word))
            feats += (
                "l-1=" + pad_l[j - 1],
                "l-2=" + pad_l[j - 2],
                "l+1=" + pad_l[j + 1],
                "l+2=" + pad_l[j + 2],
                "s-1=" + pad_s[j - 1],
                "s-2=" + pad_s[j - 2],
                "s+1=" + pad_s[j + 1],
                "s+2=" + pad_s[j + 2],
                f"l-1|l={pad_l[j - 1]}|{lower}",
                f"l|l+1={lower}|{pad_l[j + 1]}",
                f"s3={pad_s[j - 1]}|{sh}|{pad_s[j + 1]}",
                f"x3+1={pad_l[j + 1][-3:]}",
                f"x3-1={pad_l[j - 1][-3:]}",
                f"l-1|s={pad_l[j - 1]}|{sh}",
                f"s|l+1={sh}|{pad_l[j + 1]}",
            )
            if i == 0:
                feats.append("i0|" + sh)
            if runs[i]:
                feats.append(runs[i])
                feats += runs_ext[i]
            if headline:
                feats.append("hl|" + sh)
            feats += gaz[i]
            if i + 1 < n:
                feats += [m[:2] + "+1" + m[2:] for m in gaz[i + 1]]
            if i > 0:
                feats += [m[:2] + "-1" + m[2:] for m in self.lexical_class(words[i - 1])]
            if i + 1 < n:
                feats += [m[:2] + "+1" + m[2:] for m in self.lexical_class(words[i + 1])]
            if i > 0:
                feats += [m[:2] + "-1" + m[2:] for m in gaz[i - 1]]
                if _is_cap(words[i - 1]) and lowers[i - 1] in first:
                    feats.append("fn-1")
            if _is_cap(word):
                if lower in doc.capital_inside:
                    feats.append("dcap")
                if lower in doc.lowercase:
                    feats.append("dlow")
                if i == 0 or headline:
                    feats.append(f"i0|dcap={lower in doc.capital_inside}|{lower in doc.lowercase}")
                    feats.append("i0|cb=" + self.lexicons.case_bucket.get(lower, "?"))
                feats += doc.contexts.get(lower, ())
            out.append(feats)
        return out


class DocumentContext:
    """Document-wide facts about each word's capitalisation and earlier predictions.

    Attributes:
        capital_inside: lowercased words written capitalised somewhere other than a
            sentence start or an all-caps headline.
        lowercase: words written all in lowercase somewhere in the document.
        contexts: lowercased capitalised word -> features naming the words next to
            its mentions across the document (context aggregation).
        history: lowercased capitalised word -> counts of the entity types (or ``O``)
            predicted for its earlier mentions, filled during decoding.
    """

    def __init__(self, sentences: Sequence[Sequence[str]]) -> None:
        self.capital_inside: set[str] = set()
        self.lowercase: set[str] = set()
        self.history: dict[str, dict[str, int]] = {}
        contexts: dict[str, dict[str, None]] = {}
        for words in sentences:
            headline = _is_headline(words)
            for i, word in enumerate(words):
                if word.islower():
                    self.lowercase.add(word)
                elif _is_cap(word) and not headline:
                    lower = word.lower()
                    if i > 0:
                        self.capital_inside.add(lower)
                    seen = contexts.setdefault(lower, {})
                    seen["ca-1=" + (words[i - 1].lower() if i > 0 else BOUNDARY)] = None
                    seen["ca+1=" + (words[i + 1].lower() if i + 1 < len(words) else BOUNDARY)] = (
                        None
                    )
        self.contexts = {k: list(v)[:_MAX_CONTEXTS] for k, v in contexts.items()}

    def history_features(self, word: str) -> list[str]:
        """Features from the tags predicted for earlier mentions of ``word``."""
        if not _is_cap(word):
            return []
        counts = self.history.get(word.lower())
        if not counts:
            return ["h=none"]
        best = max(sorted(counts), key=counts.__getitem__)
        return ["h=" + best, *("h:" + k for k in counts)]

    def record(self, word: str, tag: str) -> None:
        """Remember the tag predicted for ``word`` for later mentions."""
        if _is_cap(word):
            kind = tag[2:] if tag != OUTSIDE else OUTSIDE
            counts = self.history.setdefault(word.lower(), {})
            counts[kind] = counts.get(kind, 0) + 1


Step = Callable[[int, int, list[str], list[int]], str]
"""``step(sentence_index, word_index, features, allowed_class_indices) -> tag``."""


def tag_features(word: str, prev1: str, prev2: str) -> list[str]:
    """Features of the two tags chosen before ``word`` in its sentence."""
    return [
        "t-1=" + prev1,
        f"t-2|t-1={prev2}|{prev1}",
        f"t-1|l={prev1}|{word.lower()}",
        f"t-1|s={prev1}|{short_shape(word)}",
    ]


def decode_document(
    sentences: Sequence[Sequence[str]],
    extractor: FeatureExtractor,
    allowed: Mapping[str, list[int]],
    step: Step,
) -> list[list[str]]:
    """Greedy left-to-right decoding of a whole document.

    ``step`` chooses each tag (the trainer also updates its weights there); the
    chosen tag feeds the next words' tag-history and document-history features.

    Args:
        sentences: the words of each sentence of one document.
        extractor: the feature extractor.
        allowed: :func:`allowed_transitions` for the model's classes.
        step: picks the tag for one word from its features.

    Returns:
        The chosen internal (BILOU) tags, one list per sentence.
    """
    doc = DocumentContext(sentences)
    result: list[list[str]] = []
    for si, words in enumerate(sentences):
        static = extractor.sentence_features(words, doc)
        tags: list[str] = []
        prev1 = prev2 = BOUNDARY
        for wi, word in enumerate(words):
            feats = static[wi]
            feats += tag_features(word, prev1, prev2)
            feats += doc.history_features(word)
            tag = step(si, wi, feats, allowed[prev1])
            tags.append(tag)
            prev2, prev1 = prev1, tag
        for word, tag in zip(words, tags, strict=False):
            doc.record(word, tag)
        result.append(tags)
    return result
