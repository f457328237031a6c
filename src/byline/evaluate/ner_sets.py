"""The entity-tagged data sets byline is scored (and trained) on, and their type mappings.

Every set is read from ``../shared/data`` in CoNLL column format (word first, tag last).
The staged files already carry CoNLL-2003's four types (each folder's PROVENANCE.md gives
the mapping from the source's own labels). A set that does not annotate a type (FiNER-ORD
and UNER have no MISC) cannot say whether a prediction of that type is right, so those
predictions are set to ``O`` before scoring, as the sets' own papers score PER/ORG/LOC.

Only train and dev splits are listed: test splits are held out and never read here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from byline.evaluate.conll import Document, read_conll

ALL_TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})
WITHOUT_MISC = frozenset({"PER", "ORG", "LOC"})


@dataclass(frozen=True)
class NerSet:
    """One data set: where its splits are and which types it annotates.

    Attributes:
        key: short name used on command lines (``conll2003``, ``worldwide`` ...).
        title: the name printed in tables.
        files: split -> path relative to the shared data folder.
        types: the entity types the set annotates.
    """

    key: str
    title: str
    files: dict[str, str]
    types: frozenset[str] = ALL_TYPES

    def path(self, data: Path, split: str) -> Path:
        """The file of ``split`` under ``data``.

        Raises:
            KeyError: if the set has no such split here (test splits are never listed).
        """
        return data / self.files[split]

    def read(self, data: Path, split: str) -> list[Document]:
        """The documents of ``split``, with tags of unannotated types already ``O``."""
        documents = read_conll(self.path(data, split))
        if self.types != ALL_TYPES:
            for document in documents:
                document.tags = [restrict(tags, self.types) for tags in document.tags]
        return documents


SETS: dict[str, NerSet] = {
    s.key: s
    for s in (
        NerSet(
            "conll2003", "CoNLL-2003", {"train": "conll2003/train.txt", "dev": "conll2003/dev.txt"}
        ),
        NerSet(
            "worldwide",
            "Worldwide Newswire",
            {
                "train": "ner-extra/worldwide_newswire/worldwide.train.conll",
                "dev": "ner-extra/worldwide_newswire/worldwide.dev.conll",
            },
        ),
        NerSet(
            "finer_ord",
            "FiNER-ORD",
            {
                "train": "ner-extra/finer_ord/finer_ord.train.conll",
                "dev": "ner-extra/finer_ord/finer_ord.dev.conll",
            },
            WITHOUT_MISC,
        ),
        NerSet(
            "uner",
            "UNER English-EWT",
            {
                "train": "ner-extra/uner_en_ewt/uner_en_ewt.train.conll",
                "dev": "ner-extra/uner_en_ewt/uner_en_ewt.dev.conll",
            },
            WITHOUT_MISC,
        ),
    )
}
"""The sets scored by ``python -m byline.evaluate``, in table order."""

DEV_SETS = tuple(SETS)


def restrict(tags: Sequence[str], types: frozenset[str]) -> list[str]:
    """``tags`` with every tag of a type outside ``types`` set to ``O``."""
    return [tag if tag == "O" or tag.partition("-")[2] in types else "O" for tag in tags]


def parse_sets(names: str) -> list[NerSet]:
    """The sets named in a comma-separated list (``all`` for every set).

    Raises:
        ValueError: naming an unknown set.
    """
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    if wanted == ["all"]:
        return list(SETS.values())
    unknown = [n for n in wanted if n not in SETS]
    if unknown:
        raise ValueError(f"unknown data set(s): {', '.join(unknown)}; known: {', '.join(SETS)}")
    return [SETS[n] for n in wanted]
