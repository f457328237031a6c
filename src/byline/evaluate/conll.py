"""Read CoNLL-2003 files and score named-entity tags with exact-span P/R/F1.

The scoring follows ``conlleval``: entities are maximal chunks read from IOB1,
BIO or BILOU tags, a prediction counts only when its start, end and type all match
a gold entity, and the overall figure is micro-averaged over all entities.

Run ``python -m byline.evaluate.conll --data /work/shared/data`` to tag the dev set
with the shipped model and print the table.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int, str]
"""An entity as ``(start, end, type)``: token indices, ``end`` exclusive."""


@dataclass
class Document:
    """One ``-DOCSTART-`` block of a CoNLL file.

    Attributes:
        sentences: the words of each sentence.
        tags: the gold NER tag of each word, as written in the file (IOB1 for CoNLL-2003).
    """

    sentences: list[list[str]] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)


def read_conll(path: str | Path) -> list[Document]:
    """Read a CoNLL file (``WORD ... NER`` per line) into documents.

    ``-DOCSTART-`` lines separate documents and blank lines separate sentences; the
    word is the first column and the NER tag the last.

    Args:
        path: the file to read.

    Returns:
        The documents, each with at least one sentence.
    """
    documents: list[Document] = []
    doc = Document()
    words: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        nonlocal words, tags
        if words:
            doc.sentences.append(words)
            doc.tags.append(tags)
        words, tags = [], []

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                end_sentence()
            elif parts[0] == "-DOCSTART-":
                end_sentence()
                if doc.sentences:
                    documents.append(doc)
                doc = Document()
            else:
                words.append(parts[0])
                tags.append(parts[-1])
    end_sentence()
    if doc.sentences:
        documents.append(doc)
    return documents


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or not tag:
        return "O", ""
    prefix, _, kind = tag.partition("-")
    return (prefix, kind) if kind else ("I", prefix)


def _ends(prev: str, prev_kind: str, cur: str, kind: str) -> bool:
    if prev in ("E", "L", "S", "U"):
        return True
    if prev in ("B", "I") and cur in ("B", "S", "U", "O"):
        return True
    return prev != "O" and prev_kind != kind


def _starts(prev: str, prev_kind: str, cur: str, kind: str) -> bool:
    if cur in ("B", "S", "U"):
        return True
    if prev in ("E", "L", "S", "U", "O") and cur in ("E", "L", "I"):
        return True
    return cur != "O" and prev_kind != kind


def spans_from_tags(tags: Sequence[str]) -> set[Span]:
    """The entities in one tag sequence, read as ``conlleval`` reads chunks.

    Works for IOB1, BIO (IOB2) and BILOU/IOBES tags.

    Args:
        tags: one tag per token, e.g. ``["B-PER", "I-PER", "O"]``.

    Returns:
        The set of ``(start, end, type)`` spans with ``end`` exclusive.
    """
    spans: set[Span] = set()
    prev, prev_kind, start = "O", "", -1
    for index, tag in enumerate(tags):
        cur, kind = _split(tag)
        if start >= 0 and _ends(prev, prev_kind, cur, kind):
            spans.add((start, index, prev_kind))
            start = -1
        if _starts(prev, prev_kind, cur, kind):
            start = index
        prev, prev_kind = cur, kind
    if start >= 0:
        spans.add((start, len(tags), prev_kind))
    return spans


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score(
    gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]
) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per entity type and micro-averaged overall.

    Args:
        gold: the gold tag sequences, one per sentence.
        pred: the predicted tag sequences, aligned with ``gold``.

    Returns:
        ``{type: {"precision", "recall", "f1", "tp", "fp", "fn"}}`` for every type
        seen in either side, plus the key ``"overall"``.

    Raises:
        ValueError: if the two sides differ in the number of sentences or tokens.
    """
    gold_spans: set[tuple[int, int, int, str]] = set()
    pred_spans: set[tuple[int, int, int, str]] = set()
    gold_list, pred_list = list(gold), list(pred)
    if len(gold_list) != len(pred_list):
        raise ValueError(f"{len(gold_list)} gold sentences but {len(pred_list)} predicted")
    for index, (gold_tags, pred_tags) in enumerate(zip(gold_list, pred_list, strict=False)):
        if len(gold_tags) != len(pred_tags):
            raise ValueError(
                f"sentence {index}: {len(gold_tags)} gold tags, {len(pred_tags)} predicted"
            )
        gold_spans.update((index, *span) for span in spans_from_tags(gold_tags))
        pred_spans.update((index, *span) for span in spans_from_tags(pred_tags))
    kinds = sorted({span[3] for span in gold_spans | pred_spans})
    result: dict[str, dict[str, float]] = {}
    for kind in kinds:
        g = {s for s in gold_spans if s[3] == kind}
        p = {s for s in pred_spans if s[3] == kind}
        result[kind] = _prf(len(g & p), len(p - g), len(g - p))
    result["overall"] = _prf(
        len(gold_spans & pred_spans), len(pred_spans - gold_spans), len(gold_spans - pred_spans)
    )
    return result


def format_table(scores: dict[str, dict[str, float]]) -> str:
    """Render :func:`score` output as a fixed-width text table."""
    lines = [f"{'type':<8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for kind, row in scores.items():
        gold_n = int(row["tp"] + row["fn"])
        pred_n = int(row["tp"] + row["fp"])
        lines.append(
            f"{kind:<8} {row['precision']:7.4f} {row['recall']:7.4f} {row['f1']:7.4f}"
            f" {gold_n:>6} {pred_n:>6}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Tag a CoNLL split with the shipped entity tagger and print the scores."""
    parser = argparse.ArgumentParser(prog="python -m byline.evaluate.conll", description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="folder holding conll2003/")
    parser.add_argument("--split", default="dev", help="file stem inside conll2003/ (default: dev)")
    args = parser.parse_args(argv)

    from byline.analysis.ner import load_entity_tagger

    documents = read_conll(args.data / "conll2003" / f"{args.split}.txt")
    started = time.perf_counter()
    tagger = load_entity_tagger()
    loaded = time.perf_counter()
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    for doc in documents:
        gold.extend(doc.tags)
        pred.extend(tagger.tag_document(doc.sentences))
    tagged = time.perf_counter()
    words = sum(len(tags) for tags in gold)
    print(format_table(score(gold, pred)))
    print(
        f"\n{len(documents)} documents, {words} words; load {loaded - started:.3f}s,"
        f" tagging {words / max(tagged - loaded, 1e-9):,.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
