"""Features of a word in its sentence and document, shared by the NER trainer and the tagger.

``scripts/train_ner.py`` and :mod:`byline.analysis.ner` both go through
:func:`byline.analysis.ner_decode.decode_document`, so the features seen in training and
at run time cannot disagree. Nothing here uses part-of-speech or chunk tags: byline has
no gold POS at run time.

A word's features come in two parts: *static groups*, which depend on one word alone (its
forms, shape, affixes and word-list memberships, and the same for its neighbours), and
the rest. The tagger caches the summed weights of each static group per word, so a
word seen before costs one lookup instead of twenty.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from byline.analysis.gazetteers import (
    CASE_BUCKETS,
    ORG_CUES,
    PER_CUES,
    USUALLY_LOWER,
    Lexicons,
    class_names,
)
from byline.analysis.ner_tags import BOUNDARY

_NORMALISE = {"``": '"', "''": '"', "“": '"', "”": '"', "-LRB-": "(", "-RRB-": ")"}
_CUE_WINDOW = 3
# Lowercase words that may sit inside a name ("Bank of America", "Tiffany & Co.").
_NAME_GLUE = frozenset({"of", "the", "and", "&", "de", "du", "la", "von", "van", "der", "for"})

Group = tuple[str, str]
"""A static feature group: ``("w", word)`` for the word itself, ``("-1", word)``,
``("-2", word)``, ``("+1", word)`` and ``("+2", word)`` for its neighbours' forms, shapes
and word lists (``BOUNDARY`` past the sentence's edges)."""


def normalise(word: str) -> str:
    """The form the features see: PTB brackets and curly quotes written plainly."""
    word = _NORMALISE.get(word, word)
    return word.replace("’", "'") if "’" in word else word


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


def is_cap(word: str) -> bool:
    """The word starts with a capital letter."""
    return word[:1].isupper()


def is_headline(words: Sequence[str]) -> bool:
    """An all-capitals line (a headline or dateline): capitals say nothing there."""
    joined = " ".join(words)
    return joined.upper() == joined and sum(map(str.isupper, words)) >= 2


class FeatureExtractor:
    """Turns words in their document into perceptron feature strings."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons
        self._groups: dict[Group, tuple[str, ...]] = {}
        self._classes: dict[str, tuple[str, ...]] = {}

    def group_features(self, group: Group) -> tuple[str, ...]:
        """The features of one static group (cached: the trainer asks for them again on
        every pass)."""
        cached = self._groups.get(group)
        if cached is not None:
            return cached
        result = self.new_group_features(group)
        if len(self._groups) < 300_000:
            self._groups[group] = result
        return result

    def new_group_features(self, group: Group) -> tuple[str, ...]:
        """The features of one static group, made afresh (the tagger caches their summed
        weights instead, which take a third of the memory)."""
        kind, word = group
        if kind == "w":
            feats = self._word_features(word)
        elif word == BOUNDARY:
            feats = [f"l{kind}={word}", f"s{kind}={word}"]
            if kind in ("-1", "+1"):
                feats.append(f"x3{kind}={word}")
        else:
            lower = word.lower()
            feats = [f"l{kind}={lower}", f"s{kind}={short_shape(word)}"]
            if kind in ("-1", "+1"):
                feats.append(f"x3{kind}={lower[-3:]}")
                feats += [m[:2] + kind + m[2:] for m in self.lexical_class(word)]
        return tuple(feats)

    def _word_features(self, word: str) -> list[str]:
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
        if is_cap(word):
            if self.lexicons.case.get(lower) & USUALLY_LOWER:
                feats.append("ulc")
            feats += ["gw=" + name for name in self.gazetteer_classes(lower)]
            feats += self.lexical_class(word)
        return feats

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one extractor per model, kept for good
    def gazetteer_classes(self, phrase: str) -> tuple[str, ...]:
        """The word lists a lowercased phrase is in."""
        return class_names(self.lexicons.gazetteer.get(phrase))

    def case_bucket(self, lower: str) -> str:
        """The word's case bucket (see :data:`CASE_BUCKETS`)."""
        return CASE_BUCKETS[self.lexicons.case.get(lower) & 7]

    def lexical_class(self, word: str) -> tuple[str, ...]:
        """Case bucket and neighbour signature of a capitalised word (cached)."""
        cached = self._classes.get(word)
        if cached is not None:
            return cached
        feats: list[str] = []
        if is_cap(word):
            lower = word.lower()
            feats.append("cb=" + self.case_bucket(lower))
            signature = self.lexicons.signatures.get(lower)
            if signature:
                left, _, right = signature.partition("|")
                feats += ["dl=" + w for w in left.split(",") if w]
                feats += ["dr=" + w for w in right.split(",") if w]
        result = tuple(feats)
        if len(self._classes) < 200_000:
            self._classes[word] = result
        return result

    def gazetteer_marks(
        self, words: Sequence[str], lowers: Sequence[str], caps: Sequence[bool]
    ) -> list[list[str]]:
        """B/I/U marks of the longest word-list phrase starting at each capitalised word."""
        marks: list[list[str]] = [[] for _ in words]
        longest = self.lexicons.gaz_max
        n = len(words)
        for i in range(n):
            if not caps[i]:
                continue
            # A phrase runs over capitalised words and the glue inside names only.
            reach = i + 1
            while reach < n and reach - i < longest:
                nxt = words[reach]
                if not (caps[reach] or lowers[reach] in _NAME_GLUE or nxt in (".", "-")):
                    break
                reach += 1
            for end in range(reach, i, -1):
                if not caps[end - 1] and end - 1 > i and words[end - 1] != ".":
                    continue
                kinds = self.gazetteer_classes(" ".join(lowers[i:end]))
                if not kinds:
                    continue
                if end - i == 1:
                    marks[i] += ["g=U" + kind for kind in kinds]
                else:
                    marks[i] += ["g=B" + kind for kind in kinds]
                    for j in range(i + 1, end):
                        marks[j] += ["g=I" + kind for kind in kinds]
                break
        return marks

    def sentence_features(
        self, words: Sequence[str], doc: DocumentFacts
    ) -> list[tuple[tuple[Group, ...], list[str]]]:
        """For each word: its static groups, and the features that do not depend on tags."""
        words = [normalise(w) for w in words]
        lowers = [w.lower() for w in words]
        shapes = [short_shape(w) for w in words]
        n = len(words)
        pad_w = [BOUNDARY, BOUNDARY, *words, BOUNDARY, BOUNDARY]
        pad_l = [BOUNDARY, BOUNDARY, *lowers, BOUNDARY, BOUNDARY]
        pad_s = [BOUNDARY, BOUNDARY, *shapes, BOUNDARY, BOUNDARY]
        caps = [w[:1].isupper() for w in words]
        gaz = self.gazetteer_marks(words, lowers, caps)
        headline = is_headline(words)
        runs = [""] * n
        runs_ext: list[tuple[str, ...]] = [()] * n
        if not headline:
            i = 0
            while i < n:
                if not caps[i]:
                    i += 1
                    continue
                end = i + 1
                while end < n and caps[end]:
                    end += 1
                size = min(end - i, 4)
                # The run ends in a legal-form word ("Yara ASA") or is followed by one
                # after a comma ("Nike, Inc.").
                suffix = end - i > 1 and "SUF" in self.gazetteer_classes(lowers[end - 1])
                if not suffix and end + 1 < n and words[end] == "," and caps[end + 1]:
                    suffix = "SUF" in self.gazetteer_classes(lowers[end + 1])
                for k in range(i, end):
                    pos = "U" if end - i == 1 else "B" if k == i else "L" if k == end - 1 else "I"
                    runs[k] = f"cr={size}{pos}"
                    ext = ("crf=" + lowers[i], "crl=" + lowers[end - 1]) if end - i > 1 else ()
                    runs_ext[k] = (*ext, "crsuf") if suffix else ext
                i = end
        out: list[tuple[tuple[Group, ...], list[str]]] = []
        for i in range(n):
            j = i + 2
            word, lower, sh = words[i], lowers[i], shapes[i]
            # The neighbours' own features (forms, shapes, word lists) are static groups.
            groups: tuple[Group, ...] = (
                ("w", word),
                ("-1", pad_w[j - 1]),
                ("-2", pad_w[j - 2]),
                ("+1", pad_w[j + 1]),
                ("+2", pad_w[j + 2]),
            )
            feats = [
                f"l-1|l={pad_l[j - 1]}|{lower}",
                f"l|l+1={lower}|{pad_l[j + 1]}",
                f"s3={pad_s[j - 1]}|{sh}|{pad_s[j + 1]}",
                f"l-1|s={pad_l[j - 1]}|{sh}",
                f"s|l+1={sh}|{pad_l[j + 1]}",
            ]
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
                feats += [m[:2] + "-1" + m[2:] for m in gaz[i - 1]]
                if caps[i - 1] and "FN" in self.gazetteer_classes(lowers[i - 1]):
                    feats.append("fn-1")
            if caps[i]:
                feats += cue_features(lowers, i)
                if lower in doc.capital_inside:
                    feats.append("dcap")
                if lower in doc.lowercase:
                    feats.append("dlow")
                if i == 0 or headline:
                    feats.append(f"i0|dcap={lower in doc.capital_inside}|{lower in doc.lowercase}")
                    feats.append("i0|cb=" + self.case_bucket(lower))
                feats += doc.contexts.get(lower, ())
                feats += doc.evidence.get(lower, ())
            out.append((groups, feats))
        return out


def cue_features(lowers: Sequence[str], i: int) -> list[str]:
    """Organisation and person cue words within three words before or after word ``i``."""
    feats = []
    before = lowers[max(0, i - _CUE_WINDOW) : i]
    after = lowers[i + 1 : i + 1 + _CUE_WINDOW]
    if not ORG_CUES.isdisjoint(before):
        feats.append("oc-")
    if not ORG_CUES.isdisjoint(after):
        feats.append("oc+")
    if not PER_CUES.isdisjoint(before):
        feats.append("pc-")
    if not PER_CUES.isdisjoint(after):
        feats.append("pc+")
    return feats


class DocumentFacts:
    """What the whole document says about each capitalised word, before any tagging.

    Attributes:
        capital_inside: lowercased words written capitalised somewhere other than a
            sentence start or an all-caps headline.
        lowercase: words written all in lowercase somewhere in the document.
        contexts: lowercased capitalised word -> features naming the words next to
            its mentions across the document (context aggregation).
        evidence: lowercased capitalised word -> the cue features (organisation or
            person cue words nearby, a legal suffix after its name, a given name before
            it) seen at any of its mentions, as ``d``-prefixed features.
    """

    MAX_CONTEXTS = 12

    def __init__(self, sentences: Sequence[Sequence[str]], extractor: FeatureExtractor) -> None:
        self.capital_inside: set[str] = set()
        self.lowercase: set[str] = set()
        contexts: dict[str, dict[str, None]] = {}
        evidence: dict[str, dict[str, None]] = {}
        for raw in sentences:
            words = [normalise(w) for w in raw]
            if is_headline(words):
                continue
            lowers = [w.lower() for w in words]
            for i, word in enumerate(words):
                if word.islower():
                    self.lowercase.add(word)
                    continue
                if not is_cap(word):
                    continue
                lower = lowers[i]
                if i > 0:
                    self.capital_inside.add(lower)
                seen = contexts.setdefault(lower, {})
                seen["ca-1=" + (lowers[i - 1] if i > 0 else BOUNDARY)] = None
                seen["ca+1=" + (lowers[i + 1] if i + 1 < len(words) else BOUNDARY)] = None
                facts = evidence.setdefault(lower, {})
                for feat in cue_features(lowers, i):
                    facts["d" + feat] = None
                if (
                    i > 0
                    and is_cap(words[i - 1])
                    and "FN" in extractor.gazetteer_classes(lowers[i - 1])
                ):
                    facts["dfn-1"] = None
                if (
                    i + 1 < len(words)
                    and words[i + 1][:1].isupper()
                    and "SUF" in extractor.gazetteer_classes(lowers[i + 1])
                ):
                    facts["dsuf+1"] = None
        self.contexts = {k: list(v)[: self.MAX_CONTEXTS] for k, v in contexts.items()}
        self.evidence = {k: list(v) for k, v in evidence.items() if v}
