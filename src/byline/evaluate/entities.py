"""Score entities the way a user gets them: CoNLL text rebuilt, run through ``analyze``.

Each CoNLL document becomes a text (words joined by spaces, one sentence a line), the
full pipeline analyses it, and every entity mention, with its entity's settled type, is
mapped back onto the gold tokens; spans that do not line up with token boundaries count
as wrong. Scores are exact-span P/R/F1 (conlleval).

    python -m byline.evaluate.entities --data ../shared/data [--split dev]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from byline.evaluate.conll import Document, format_table, read_conll, score


def rebuild_text(document: Document) -> tuple[str, list[list[tuple[int, int]]]]:
    """The document as plain text, and each gold token's character span."""
    parts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
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


def predicted_tags(analysis: Any, spans: Sequence[Sequence[tuple[int, int]]]) -> list[list[str]]:
    """BIO tags on the gold tokens from the analysis's entity mentions."""
    starts: dict[int, tuple[int, str]] = {}
    for entity in analysis.entities:
        for mention in entity.mentions:
            starts[mention.start] = (mention.end, entity.type)
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


def evaluate_entities(data_dir: Path, split: str = "dev") -> dict[str, dict[str, float]]:
    """Exact-span scores of ``analyze`` on a CoNLL-2003 split."""
    from byline.analysis.pipeline import analyze

    gold: list[list[str]] = []
    predicted: list[list[str]] = []
    for document in read_conll(data_dir / "conll2003" / f"{split}.txt"):
        text, spans = rebuild_text(document)
        predicted.extend(predicted_tags(analyze(text), spans))
        gold.extend(document.tags)
    return score(gold, predicted)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m byline.evaluate.entities", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--data", type=Path, required=True, help="folder holding conll2003/")
    parser.add_argument("--split", default="dev")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scores = evaluate_entities(args.data, args.split)
    print(f"CoNLL-2003 {args.split}, through byline analyze ({time.perf_counter() - started:.1f}s)")
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
