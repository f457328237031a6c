"""Score entities the way a user gets them: each data set's text rebuilt, run through ``analyze``.

Each document becomes a text (words joined by spaces, one sentence a line), the full
pipeline analyses it, and every entity mention, with its entity's settled type, is mapped
back onto the gold tokens; spans that do not line up with token boundaries count as
wrong. Predictions of a type the set does not annotate (MISC in FiNER-ORD and UNER) are
dropped first (see :mod:`byline.evaluate.ner_sets`). Scores are exact-span P/R/F1
(conlleval), per type and micro-averaged.

    python -m byline.evaluate.entities --data ../shared/data [--sets all] [--split dev]
        [--peers | --peers-only]

``--peers`` scores spaCy's English pipelines on the same texts when they are installed
(:mod:`byline.evaluate.spacy_peer`; never a dependency of byline).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from byline.evaluate.conll import Document, format_table, score
from byline.evaluate.ner_sets import SETS, NerSet, parse_sets, restrict

TokenSpans = list[list[tuple[int, int]]]
Mentions = Iterable[tuple[int, int, str]]
"""Predicted mentions as ``(start, end, type)`` character offsets into the rebuilt text."""


def rebuild_text(document: Document) -> tuple[str, TokenSpans]:
    """The document as plain text, and each gold token's character span."""
    parts: list[str] = []
    spans: TokenSpans = []
    cursor = 0
    for words in document.sentences:
        sentence_spans = []
        for index, word in enumerate(words):
            if index:
                parts.append(" ")
                cursor += 1
            sentence_spans.append((cursor, cursor + len(word)))
            parts.append(word)
            cursor += len(word)
        parts.append("\n")
        cursor += 1
        spans.append(sentence_spans)
    return "".join(parts), spans


def tags_from_mentions(
    mentions: Mentions, spans: Sequence[Sequence[tuple[int, int]]]
) -> list[list[str]]:
    """BIO tags on the gold tokens from character-offset mentions.

    A mention whose start or end falls inside a gold token tags nothing.
    """
    starts: dict[int, tuple[int, str]] = {}
    for start, end, kind in mentions:
        starts[start] = (end, kind)
    tags: list[list[str]] = []
    for sentence in spans:
        sentence_tags = ["O"] * len(sentence)
        index = 0
        while index < len(sentence):
            start, _ = sentence[index]
            if start in starts:
                end, kind = starts[start]
                last = next((j for j in range(index, len(sentence)) if sentence[j][1] == end), -1)
                if last >= 0:
                    sentence_tags[index] = f"B-{kind}"
                    for j in range(index + 1, last + 1):
                        sentence_tags[j] = f"I-{kind}"
                    index = last + 1
                    continue
            index += 1
        tags.append(sentence_tags)
    return tags


def predicted_tags(analysis: Any, spans: Sequence[Sequence[tuple[int, int]]]) -> list[list[str]]:
    """BIO tags on the gold tokens from the analysis's entity mentions."""
    mentions = [(m.start, m.end, e.type) for e in analysis.entities for m in e.mentions]
    return tags_from_mentions(mentions, spans)


def byline_mentions(text: str) -> list[tuple[int, int, str]]:
    """The mentions ``byline analyze`` reports for ``text``, each with its entity's type."""
    from byline.analysis.pipeline import analyze

    analysis = analyze(text)
    return [(m.start, m.end, e.type) for e in analysis.entities for m in e.mentions]


def score_set(
    data_dir: Path,
    dataset: NerSet,
    split: str = "dev",
    system: Callable[[Sequence[str]], Sequence[Mentions]] | None = None,
) -> dict[str, dict[str, float]]:
    """Exact-span scores of ``system`` (default: ``byline analyze``) on one split of one set.

    Args:
        data_dir: the shared data folder.
        dataset: which set.
        split: ``dev`` (or ``train``; test splits are never listed).
        system: texts in, each text's mentions out; ``None`` is byline itself.
    """
    documents = dataset.read(data_dir, split)
    rebuilt = [rebuild_text(document) for document in documents]
    if system is None:
        found: Sequence[Mentions] = [byline_mentions(text) for text, _ in rebuilt]
    else:
        found = system([text for text, _ in rebuilt])
    gold: list[list[str]] = []
    predicted: list[list[str]] = []
    for document, (_, spans), mentions in zip(documents, rebuilt, found, strict=True):
        predicted.extend(
            restrict(tags, dataset.types) for tags in tags_from_mentions(mentions, spans)
        )
        gold.extend(document.tags)
    return score(gold, predicted)


def evaluate_entities(
    data_dir: Path, split: str = "dev", dataset: str = "conll2003"
) -> dict[str, dict[str, float]]:
    """Exact-span scores of ``analyze`` on a split of one set (CoNLL-2003 by default)."""
    return score_set(data_dir, SETS[dataset], split)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m byline.evaluate.entities", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument(
        "--sets", default="all", help=f"comma-separated, from: {', '.join(SETS)} (default: all)"
    )
    parser.add_argument(
        "--peers", action="store_true", help="also score spaCy's pipelines when installed"
    )
    parser.add_argument("--peers-only", action="store_true", help="score only spaCy's pipelines")
    args = parser.parse_args(argv)
    try:
        wanted = parse_sets(args.sets)
    except ValueError as error:
        parser.error(str(error))
    systems: list[tuple[str, Callable[[Sequence[str]], Sequence[Mentions]] | None]] = [
        ("byline", None)
    ]
    if args.peers or args.peers_only:
        from byline.evaluate.spacy_peer import installed_pipelines

        systems = systems[args.peers_only :]
        systems += installed_pipelines()
    for dataset in wanted:
        for name, system in systems:
            started = time.perf_counter()
            scores = score_set(args.data, dataset, args.split, system)
            seconds = time.perf_counter() - started
            print(f"== {dataset.title} {args.split}, {name}, exact spans ({seconds:.1f}s)")
            print(format_table(scores) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
