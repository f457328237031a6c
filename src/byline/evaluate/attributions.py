"""Score byline's attributions (direct, mixed and reported speech) on PolNeAR.

Every annotated attribution relation is a gold one: its content (the union of its
content spans), its source (or none: PolNeAR's ``no_source``) and its kind. The kind is
read from the content's quotation marks, PolNeAR's own rule, with the New York Times'
doubled apostrophes (''...'') counted as marks too (the derived files miss them): direct
when the content is one or more quoted stretches, mixed when it holds a quoted part,
indirect otherwise.

byline's attributions that share a cue (a quote broken by its attribution, a quote
continuing the one before) are one predicted relation, their contents joined. A
predicted relation matches a gold one when their contents overlap by at least half of
their union, counted in non-space characters, one-to-one (best overlap first). Its
source is right when its ``source_span`` overlaps the gold source, or its ``source``
shares a name with the gold source's words (as :mod:`byline.evaluate.polnear` scores
quotes); with no gold source it is right when byline names none either.

Reported: precision, recall and F1 of content-and-source over all relations (and of
content alone), recall by gold kind, and precision and recall of the indirect ones
(predicted indirect against gold indirect). Direct-quote figures come from
:mod:`byline.evaluate.polnear`.

Run ``python -m byline.evaluate.attributions --data ../shared/data [--split dev]
[--quotes-only] [--verbose]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from byline.analysis.model import Analysis, Attribution, Span
from byline.evaluate.polnear import load_records, one_to_one, shares_name

_MARK_PAIR = re.compile(r"''.+?''|\"[^\"]+\"|“[^”]+”|“[^“”]+$|^[^“”]+”", re.DOTALL)
_KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution relation."""

    kind: str
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    source_text: str


@dataclass(frozen=True)
class Relation:
    """byline's attributions that share a cue, as one relation."""

    kind: str
    content: tuple[tuple[int, int], ...]
    parts: tuple[Attribution, ...]

    @property
    def source_span(self) -> Span | None:
        return self.parts[0].source_span

    @property
    def source(self) -> str | None:
        return self.parts[0].source


class NonSpace:
    """Counts of non-space characters over spans of one text, by prefix sums."""

    def __init__(self, text: str) -> None:
        self._prefix = [0, *accumulate(0 if ch.isspace() else 1 for ch in text)]

    def count(self, spans: Sequence[tuple[int, int]]) -> int:
        return sum(self._prefix[e] - self._prefix[s] for s, e in spans if e > s)

    def overlap(self, a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
        common = [(max(s, t), min(e, u)) for s, e in a for t, u in b if max(s, t) < min(e, u)]
        return self.count(common)


def merge(spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, disjoint spans covering the same characters."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def gold_kind(text: str) -> str:
    """direct, mixed or indirect from a content's quotation marks."""
    body = text.strip()
    stretches = [m.span() for m in _MARK_PAIR.finditer(body)]
    if not stretches:
        return "indirect"
    outside = re.sub(r"[\W_]", "", "".join(_outside(body, stretches)))
    return "mixed" if outside else "direct"


def _outside(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    pieces, at = [], 0
    for s, e in spans:
        pieces.append(text[at:s])
        at = e
    pieces.append(text[at:])
    return pieces


def gold_attributions(text: str, records: Sequence[dict]) -> list[GoldAttribution]:
    """The gold relations of one article, in text order."""
    gold = []
    for record in records:
        spans = [
            (s, e)
            for key in ("content", "content2")
            if record.get(key)
            for s, e in record[key]["spans"]
        ]
        if not spans:
            continue
        content = merge(spans)
        source = record.get("source") or {"spans": [], "text": ""}
        kind = gold_kind(" ".join(text[s:e] for s, e in content))
        gold.append(
            GoldAttribution(kind, content, tuple(tuple(s) for s in source["spans"]), source["text"])
        )
    return sorted(gold, key=lambda g: g.content)


def relations(attributions: Sequence[Attribution]) -> list[Relation]:
    """byline's attributions grouped by the cue they share, in text order."""
    groups: dict[object, list[Attribution]] = {}
    for index, item in enumerate(attributions):
        key = (item.cue_span, item.source_span) if item.cue_span is not None else index
        groups.setdefault(key, []).append(item)
    found = []
    for parts in groups.values():
        kinds = {p.kind for p in parts}
        kind = kinds.pop() if len(kinds) == 1 else "mixed"
        found.append(Relation(kind, merge([(p.start, p.end) for p in parts]), tuple(parts)))
    return sorted(found, key=lambda r: r.content)


def match(
    count: NonSpace, predicted: Sequence[Relation], gold: Sequence[GoldAttribution]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(predicted, gold)`` whose contents overlap by half their union."""
    starts = [g.content[0][0] for g in gold]
    reach = max((g.content[-1][1] - g.content[0][0] for g in gold), default=0)
    sizes = [count.count(g.content) for g in gold]
    candidates = []
    for i, relation in enumerate(predicted):
        size = count.count(relation.content)
        low = bisect_left(starts, relation.content[0][0] - reach)
        for j in range(low, len(gold)):
            if gold[j].content[0][0] >= relation.content[-1][1]:
                break
            inter = count.overlap(relation.content, gold[j].content)
            union = size + sizes[j] - inter
            if inter and inter * 2 >= union:
                candidates.append((inter / union, i, j))
    return one_to_one(candidates)


def source_right(relation: Relation, gold: GoldAttribution) -> bool:
    """Whether the relation names the gold source (or, like the gold, none)."""
    span = relation.source_span
    if not gold.source:
        return span is None and relation.source is None
    if span is not None and any(s < span.end and span.start < e for s, e in gold.source):
        return True
    return bool(relation.source) and shares_name(relation.source or "", gold.source_text)


def quotes_as_attributions(analysis: Analysis) -> tuple[Attribution, ...]:
    """byline's direct quotes alone, as attributions (what it found before issue 10)."""
    return tuple(
        Attribution("direct", q.start, q.end, q.speaker, q.speaker_span, None, q.cue, q.cue_span)
        for q in analysis.quotes
    )


@dataclass
class Tally:
    """Counts over a split, turned into figures by :meth:`scores`."""

    gold: Counter[str]
    predicted: Counter[str]
    matched: Counter[str]
    right: Counter[str]
    right_predicted: Counter[str]

    @classmethod
    def empty(cls) -> Tally:
        return cls(Counter(), Counter(), Counter(), Counter(), Counter())

    def add(
        self,
        predicted: Sequence[Relation],
        gold: Sequence[GoldAttribution],
        pairs: Sequence[tuple[int, int]],
        good: set[int],
    ) -> None:
        self.gold.update(g.kind for g in gold)
        self.predicted.update(r.kind for r in predicted)
        self.matched.update(gold[j].kind for _, j in pairs)
        self.right.update(gold[j].kind for _, j in pairs if j in good)
        self.right_predicted.update(predicted[i].kind for i, j in pairs if j in good)

    def scores(self) -> dict[str, float]:
        gold, predicted = sum(self.gold.values()), sum(self.predicted.values())
        right, matched = sum(self.right.values()), sum(self.matched.values())
        result = {
            **_prf("", right, predicted, gold),
            **_prf("content_", matched, predicted, gold),
            **{f"recall_{k}": _ratio(self.right[k], self.gold[k]) for k in _KINDS},
            "indirect_precision": _ratio(
                self.right_predicted["indirect"], self.predicted["indirect"]
            ),
            "indirect_recall": _ratio(self.right["indirect"], self.gold["indirect"]),
            "gold": float(gold),
            "predicted": float(predicted),
            "right": float(right),
        }
        for kind in _KINDS:
            result[f"gold_{kind}"] = float(self.gold[kind])
            result[f"predicted_{kind}"] = float(self.predicted[kind])
        return result


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _prf(prefix: str, hits: int, predicted: int, gold: int) -> dict[str, float]:
    p, r = _ratio(hits, predicted), _ratio(hits, gold)
    return {
        f"{prefix}precision": p,
        f"{prefix}recall": r,
        f"{prefix}f1": _ratio(2 * p * r, p + r),
    }


def evaluate_attributions(
    data_dir: Path,
    split: str = "dev",
    *,
    extract: Callable[[Analysis], Sequence[Attribution]] | None = None,
    verbose: bool = False,
) -> dict[str, float]:
    """Score the pipeline's attributions on one PolNeAR split.

    Args:
        data_dir: the shared data folder (holding ``polnear/``) or PolNeAR's own root.
        split: ``train`` or ``dev``.
        extract: the attributions to score from each analysis (default: all of them).
        verbose: print every missed, spurious and misattributed relation.
    """
    from byline.analysis.pipeline import analyze

    text_dir, records = load_records(Path(data_dir), split)
    pick = extract or (lambda analysis: analysis.attributions)
    tally = Tally.empty()
    clock = time.perf_counter()
    for path in sorted(text_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = gold_attributions(text, records.get(path.stem, []))
        predicted = relations(pick(analyze(text)))
        count = NonSpace(text)
        pairs = match(count, predicted, gold)
        good = {j for i, j in pairs if source_right(predicted[i], gold[j])}
        tally.add(predicted, gold, pairs, good)
        if verbose:
            _report(path.stem, text, predicted, gold, pairs, good)
    scores = tally.scores()
    scores["seconds"] = time.perf_counter() - clock
    return scores


def _report(
    name: str,
    text: str,
    predicted: Sequence[Relation],
    gold: Sequence[GoldAttribution],
    pairs: Sequence[tuple[int, int]],
    good: set[int],
) -> None:
    def clip(spans: Sequence[tuple[int, int]]) -> str:
        body = " … ".join(text[s:e] for s, e in spans).replace("\n", " ")
        return body if len(body) < 100 else body[:70] + " … " + body[-25:]

    hit = {j: i for i, j in pairs}
    for j, g in enumerate(gold):
        if j not in hit:
            where = f"{g.kind[:3]} {name} {g.content[0][0]}"
            print(f"MISS {where}: {clip(g.content)}  [{g.source_text}]")
        elif j not in good:
            r = predicted[hit[j]]
            said = r.source_span.text(text) if r.source_span else None
            print(
                f"WHO  {g.kind[:3]} {name} {g.content[0][0]}: {clip(g.content)}  "
                f"gold=[{g.source_text}] got=[{said} -> {r.source}]"
            )
    used = {i for i, _ in pairs}
    for i, r in enumerate(predicted):
        if i not in used:
            print(f"SPUR {r.kind[:3]} {name} {r.content[0][0]}: {clip(r.content)}  [{r.source}]")


def format_scores(scores: dict[str, float]) -> str:
    """The figures as the README reports them."""
    lines = [
        f"{int(scores['gold'])} gold relations, {int(scores['predicted'])} predicted, "
        f"{int(scores['right'])} with content and source right",
        f"content and source  P {scores['precision']:.3f}  R {scores['recall']:.3f}  "
        f"F1 {scores['f1']:.3f}",
        f"content alone       P {scores['content_precision']:.3f}  "
        f"R {scores['content_recall']:.3f}  F1 {scores['content_f1']:.3f}",
        "recall by kind      "
        + "  ".join(
            f"{k} {scores[f'recall_{k}']:.3f} (of {int(scores[f'gold_{k}'])})" for k in _KINDS
        ),
        f"indirect            P {scores['indirect_precision']:.3f}  "
        f"R {scores['indirect_recall']:.3f}  ({int(scores['predicted_indirect'])} predicted)",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument(
        "--quotes-only", action="store_true", help="score the direct quotes alone, as before"
    )
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    extract = quotes_as_attributions if args.quotes_only else None
    scores = evaluate_attributions(args.data, args.split, extract=extract, verbose=args.verbose)
    print(f"PolNeAR {args.split} attributions ({scores['seconds']:.1f}s)")
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
