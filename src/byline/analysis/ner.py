"""Named-entity tagging (PER, ORG, LOC, MISC) with a shipped averaged-perceptron model.

The model is trained by ``scripts/train_ner.py`` and stored in ``byline/models/ner/``:
``model.json.gz`` (feature vocabulary, classes, small word lists) and ``weights.bin``,
raw little-endian arrays read with :mod:`array` (the weights and the hashed word lists of
:mod:`byline.analysis.gazetteers`): no pickle and no numpy. Features come from
:mod:`byline.analysis.ner_features` and decoding from :mod:`byline.analysis.ner_decode`,
the same code the trainer uses; :mod:`byline.analysis.ner_document` then makes the tags
of one document agree with each other.

Example:
    >>> tagger = load_entity_tagger()
    >>> tagger.tag("Jack Ma founded Alibaba Group in Hangzhou .".split())
    ['B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O']

"""

from __future__ import annotations

import functools
import gzip
import json
import sys
from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path

from byline.analysis.gazetteers import Lexicons
from byline.analysis.ner_decode import decode_document
from byline.analysis.ner_document import settle_document
from byline.analysis.ner_features import FeatureExtractor, Group
from byline.analysis.ner_tags import allowed_transitions, bilou_to_bio
from byline.resources import models_dir

MODEL_FILE = "model.json.gz"
WEIGHTS_FILE = "weights.bin"
FORMAT_VERSION = 3

SparseRow = tuple[tuple[int, float], ...]
"""The non-zero weights of one feature as ``(class_index, weight)`` pairs."""

Vector = tuple[float, ...]

_CACHE_LIMIT = 400_000
_MISSING = object()


class PackedWeights:
    """Feature -> dense weight row over packed arrays, unpacked lazily and cached.

    Args:
        n_classes: the number of classes (the length of a dense row).
        features: the feature strings, in row order.
        offsets: ``offsets[k]:offsets[k + 1]`` slices row ``k`` out of the two arrays.
        labels: class index of each stored weight.
        weights: the weights themselves.
    """

    def __init__(
        self, n_classes: int, features: list[str], offsets: array, labels: array, weights: array
    ) -> None:
        self.n_classes = n_classes
        self.cache: dict[str, Vector | None] = {}
        self._index = dict(zip(features, range(len(features)), strict=False))
        self._offsets = offsets
        self._labels = labels
        self._weights = weights

    @classmethod
    def from_rows(cls, n_classes: int, rows: Mapping[str, SparseRow]) -> PackedWeights:
        """Pack sparse rows, as the trainer does before writing them."""
        features = sorted(rows)
        offsets, labels, weights = array("I", [0]), array("B"), array("f")
        for feat in features:
            for label, weight in rows[feat]:
                labels.append(label)
                weights.append(weight)
            offsets.append(len(labels))
        return cls(n_classes, features, offsets, labels, weights)

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, feature: str) -> Vector | None:
        """The dense weights of ``feature`` (None if the model never kept it), cached.

        Only kept features are cached: most features of a long article are word pairs the
        model never saw, and looking them up in the index costs no more than in the cache
        (caching them took 60 MB on a 1 MB article)."""
        k = self._index.get(feature)
        if k is None:
            return None
        dense = [0.0] * self.n_classes
        a, b = self._offsets[k], self._offsets[k + 1]
        for label, weight in zip(self._labels[a:b], self._weights[a:b], strict=False):
            dense[label] = weight
        row = tuple(dense)
        if len(self.cache) >= _CACHE_LIMIT:
            self.cache.clear()
        self.cache[feature] = row
        return row

    def total(self, features: Sequence[str]) -> Vector | None:
        """The summed rows of ``features`` (None when none has weights)."""
        cached = self.cache.get
        rows = []
        for feat in features:
            row = cached(feat, _MISSING)
            if row is _MISSING:
                row = self.lookup(feat)
            if row:
                rows.append(row)
        if not rows:
            return None
        if len(rows) == 1:
            return rows[0]  # type: ignore[return-value]
        return tuple(map(sum, zip(*rows, strict=False)))  # type: ignore[arg-type]

    def arrays(self) -> tuple[list[str], array, array, array]:
        """The features in row order and the offsets, labels and weights arrays."""
        features = [""] * len(self._index)
        for feat, k in self._index.items():
            features[k] = feat
        return features, self._offsets, self._labels, self._weights


class EntityTagger:
    """Greedy averaged-perceptron tagger returning BIO tags.

    Args:
        classes: the internal (BILOU) tags, indexed as in the weight rows.
        lexicons: gazetteers and word lists the features consult.
        weights: the packed feature weights.
        constrained: only allow BILOU-valid tag sequences when decoding.
    """

    def __init__(
        self,
        classes: Sequence[str],
        lexicons: Lexicons,
        weights: PackedWeights,
        constrained: bool = True,
    ) -> None:
        self.classes = list(classes)
        self.extractor = FeatureExtractor(lexicons)
        self.weights = weights
        self.constrained = constrained
        self._allowed = allowed_transitions(self.classes, constrained)
        self._group_totals: dict[Group, Vector | None] = {}
        self._zero = (0.0,) * len(self.classes)

    def score(self, groups: Sequence[Group], feats: list[str]) -> Vector:
        """The score of every class for one word's static groups and other features."""
        totals = self._group_totals
        rows = []
        for group in groups:
            row = totals.get(group, _MISSING)
            if row is _MISSING:
                row = self.weights.total(self.extractor.new_group_features(group))
                if len(totals) >= _CACHE_LIMIT:
                    totals.clear()
                totals[group] = row  # type: ignore[assignment]
            if row:
                rows.append(row)
        cached = self.weights.cache.get
        lookup = self.weights.lookup
        for feat in feats:
            row = cached(feat, _MISSING)
            if row is _MISSING:
                row = lookup(feat)
            if row:
                rows.append(row)
        if not rows:
            return self._zero
        return tuple(map(sum, zip(*rows, strict=False)))  # type: ignore[arg-type]

    def tag_scored(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[list[list[str]], list[list[array]]]:
        """Internal BILOU tags of a document and each word's class scores.

        A tag that says a person's name goes on (``B-PER``, ``I-PER``) is not chosen when
        the next word is a lowercase word that names do not hold ("Jack Ma founded" ends
        at "Ma"): greedy decoding could not take it back.
        """
        scores: list[list[array]] = [[] for _ in sentences]
        classes = self.classes

        def step(
            si: int, wi: int, groups: tuple[Group, ...], feats: list[str], ok: list[int]
        ) -> str:
            row = self.score(groups, feats)
            scores[si].append(array("d", row))  # a fifth of a tuple's memory: kept per word
            words = sentences[si]
            if wi + 1 < len(words) and words[wi][-1:].isalpha() and _ends_names(words[wi + 1]):
                ok = [k for k in ok if classes[k] not in _GOES_ON] or ok
            return classes[max(ok, key=row.__getitem__)]

        return decode_document(sentences, self.extractor, self._allowed, step), scores

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag every sentence of one document.

        Tagging a whole document at once lets document-level features work (how a word
        is capitalised elsewhere, what earlier mentions were tagged) and lets the tags
        be made consistent across the story afterwards.

        Args:
            sentences: the tokens of each sentence, in reading order.

        Returns:
            One list of BIO tags (``"B-PER"``, ``"I-PER"``, ``"O"`` ...) per sentence,
            each as long as its sentence.
        """
        sentences = [list(words) for words in sentences]
        tags, scores = self.tag_scored(sentences)
        bio = [bilou_to_bio(sentence_tags) for sentence_tags in tags]
        return settle_document(sentences, bio, scores, self.classes, self.extractor)

    def tag(self, words: Sequence[str]) -> list[str]:
        """Tag one sentence.

        Args:
            words: the sentence's tokens.

        Returns:
            One BIO tag per token; an empty list for no tokens.
        """
        if not words:
            return []
        return self.tag_document([words])[0]


# Lowercase words found inside names ("Bank of America", "Charles de Gaulle", "Mohammed
# bin Salman"); any other lowercase word after a person's name ends it there.
_INSIDE_NAMES = frozenset(
    """of and the de for in bin on al del to van la los der du y da di von des e el le a
    upon at am an und et zu ibn dos das do della degli den ter ten van't""".split()
)


# Only a person's name: places and organisations take lowercase words in some sets
# ("Shandong province"), and allowing them there cost Worldwide dev 0.007 F1.
_GOES_ON = frozenset({"B-PER", "I-PER"})


def _ends_names(word: str) -> bool:
    return word.isalpha() and word.islower() and word not in _INSIDE_NAMES


def _read_arrays(blob: bytes, manifest: Sequence[tuple[str, str, int]]) -> dict[str, array]:
    out: dict[str, array] = {}
    at = 0
    for name, typecode, count in manifest:
        values = array(typecode)
        end = at + values.itemsize * count
        values.frombytes(blob[at:end])
        if sys.byteorder != "little":
            values.byteswap()
        out[name] = values
        at = end
    if at != len(blob):
        raise ValueError(f"{WEIGHTS_FILE}: {len(blob) - at} bytes more than its manifest says")
    return out


def read_model(directory: Path) -> EntityTagger:
    """Load an :class:`EntityTagger` from a model folder written by :func:`write_model`.

    Args:
        directory: the folder holding ``model.json.gz`` and ``weights.bin``.

    Returns:
        The tagger.

    Raises:
        ValueError: if the files have an unknown format version or the wrong size.
    """
    with gzip.open(directory / MODEL_FILE, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"{directory}: unsupported NER model version {data.get('version')!r}")
    features = data["features"].split("\n")
    arrays = _read_arrays((directory / WEIGHTS_FILE).read_bytes(), data["arrays"])
    offsets = arrays["offsets"]
    if len(offsets) != len(features) + 1 or offsets[-1] != len(arrays["weights"]):
        raise ValueError(f"{directory / WEIGHTS_FILE}: does not match {MODEL_FILE}")
    packed = PackedWeights(
        len(data["classes"]), features, offsets, arrays["labels"], arrays["weights"]
    )
    lexicons = Lexicons.load(data["lexicons"], arrays)
    return EntityTagger(data["classes"], lexicons, packed, data["constrained"])


def write_model(directory: Path, tagger: EntityTagger, meta: Mapping[str, object]) -> None:
    """Save a tagger as ``model.json.gz`` (vocabulary, small lists) plus ``weights.bin``.

    ``weights.bin`` holds little-endian arrays back to back, named with their type and
    length in ``model.json.gz``: the uint32 row offsets, the uint8 class index and the
    float32 value of every kept weight, then the hashed word lists.

    Args:
        directory: the folder to write (created if missing).
        tagger: the tagger to save.
        meta: free-form facts about training, stored as they are.
    """
    features, offsets, labels, weights = tagger.weights.arrays()
    lexicons = tagger.extractor.lexicons
    arrays = {"offsets": offsets, "labels": labels, "weights": weights, **lexicons.arrays()}
    data = {
        "version": FORMAT_VERSION,
        "meta": dict(meta),
        "classes": tagger.classes,
        "constrained": tagger.constrained,
        "lexicons": lexicons.to_json(),
        "arrays": [[name, values.typecode, len(values)] for name, values in arrays.items()],
        "features": "\n".join(features),
    }
    directory.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(directory / MODEL_FILE, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    with open(directory / WEIGHTS_FILE, "wb") as handle:
        for values in arrays.values():
            copy = array(values.typecode, values)
            if sys.byteorder != "little":
                copy.byteswap()
            handle.write(copy.tobytes())


@functools.cache
def load_entity_tagger() -> EntityTagger:
    """The shipped entity tagger, loaded once per process from ``models/ner``."""
    return read_model(models_dir() / "ner")
