"""Score byline's quote finder on PolNeAR (political news attribution relations).

Gold quotes are the quoted stretches (the text between matching double quotation marks,
marks included; the New York Times' doubled apostrophes ''...'' count as marks unless
``--plain-marks`` asks for the scoring of 2026-11-28) of four or more words that lie inside
an annotated attribution's content span; the gold speaker is that attribution's source.
A predicted quote matches a gold one when their character overlap is at least half their
union (one-to-one). Detection is
scored with precision, recall and F1 over matched quotes; attribution accuracy is the
fraction of all gold quotes that are matched *and* attributed right, which holds when
the predicted ``speaker_span`` overlaps the gold source span or the predicted
``speaker`` shares a capitalised word with the gold source text.

Run ``python -m byline.evaluate.polnear --data /work/shared/data [--split dev]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from byline.analysis.model import Quote

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_NAME = re.compile(r"\b[A-Z][\w’'.-]*")
# Words a capitalised-name comparison must not count (sentence-initial function words).
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "That",
    "This",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "But",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
}
_TOLERANCE = 2  # characters a stretch's marks may stand outside a content span


@dataclass(frozen=True)
class GoldQuote:
    """A gold quoted stretch with the source of the attribution it belongs to."""

    start: int
    end: int
    source: tuple[tuple[int, int], ...]
    source_text: str


def quoted_stretches(text: str, *, doubled: bool = True) -> list[tuple[int, int]]:
    """Spans between matching double quotation marks, marks included.

    Straight marks (and doubled apostrophes, '') alternate open/close within a
    paragraph; curly marks open and close by shape. A paragraph left open continues into
    the next one when that paragraph opens with a mark (the news convention); otherwise
    the stretch ends with its paragraph. Kept apart from :mod:`byline.analysis.quotes` on
    purpose: the gold side must not inherit the detector's own guesses (which mark
    closes, label paragraphs), or the detector would be scored by its own rules.

    Args:
        text: the article.
        doubled: count doubled apostrophes ('') as double quotation marks.

    Returns:
        ``(start, end)`` offsets in text order.
    """
    marks = re.compile("''|[\"“”]" if doubled else '["“”]')
    stretches: list[tuple[int, int]] = []
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    open_at: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        lead = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        for match in marks.finditer(text[p_start:p_end]):
            at, ch = p_start + match.start(), match.group()
            if open_at is None:
                if ch != "”":
                    open_at = at
            elif at == lead and open_at < p_start:
                continue  # a continuation paragraph reopens the quote
            elif ch == "“":
                stretches.append((open_at, at))
                open_at = at
            else:
                stretches.append((open_at, at + len(ch)))
                open_at = None
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is None or not (
                text[following[0]] in '"“' or doubled and text.startswith("''", following[0])
            ):
                stretches.append((open_at, p_end))
                open_at = None
    return stretches


def word_count(text: str) -> int:
    """Number of words (runs of letters or digits) in ``text``."""
    return len(_WORD.findall(text))


def _inside(stretch: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    start, end = stretch
    for s, e in spans:
        if s - _TOLERANCE <= start and end <= e + _TOLERANCE:
            return True
    # A stretch continued over several paragraphs may be annotated piecewise.
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered >= 0.9 * (end - start)


def gold_quotes(
    text: str, attributions: Sequence[dict], *, doubled: bool = True
) -> list[GoldQuote]:
    """Gold quotes of one article from its attribution records.

    Args:
        text: the article.
        attributions: records from ``derived/<split>.attributions.jsonl``.

    Returns:
        Quoted stretches of four or more words inside a content span, in text order.
    """
    gold: list[GoldQuote] = []
    for start, end in quoted_stretches(text, doubled=doubled):
        if word_count(text[start:end]) < 4:
            continue
        for record in attributions:
            spans = [
                tuple(s)
                for key in ("content", "content2")
                if record.get(key)
                for s in record[key]["spans"]
            ]
            if _inside((start, end), spans):
                source = record.get("source") or {"spans": [], "text": ""}
                gold.append(
                    GoldQuote(start, end, tuple(tuple(s) for s in source["spans"]), source["text"])
                )
                break
    return gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(predicted: Sequence[Quote], gold: Sequence[GoldQuote]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(predicted index, gold index)`` overlapping by half their union."""
    candidates = []
    for i, quote in enumerate(predicted):
        for j, g in enumerate(gold):
            inter = _overlap((quote.start, quote.end), (g.start, g.end))
            if not inter:
                continue
            union = max(quote.end, g.end) - min(quote.start, g.start)
            if inter >= union / 2:
                candidates.append((inter / union, i, j))
    return one_to_one(candidates)


def _names(text: str) -> set[str]:
    return {w.rstrip(".’'s") for w in _NAME.findall(text) if w not in _NOT_NAMES} - {""}


def shares_name(predicted: str, gold: str) -> bool:
    """Whether a predicted speaker and a gold source share a capitalised name."""
    return bool(_names(predicted) & _names(gold))


def attributed_right(quote: Quote, gold: GoldQuote) -> bool:
    """Whether ``quote`` names the gold quote's source."""
    if quote.speaker_span is not None:
        span = (quote.speaker_span.start, quote.speaker_span.end)
        if any(_overlap(span, s) for s in gold.source):
            return True
    if quote.speaker:
        return shares_name(quote.speaker, gold.source_text)
    return False


def load_records(data_dir: Path, split: str) -> tuple[Path, dict[str, list[dict]]]:
    """The split's text folder and its attribution records by article name."""
    root = data_dir / "polnear" if (data_dir / "polnear").is_dir() else data_dir
    records: dict[str, list[dict]] = defaultdict(list)
    with open(root / "derived" / f"{split}.attributions.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            records[record["article"]].append(record)
    return root / split / "text", records


def _stand_in_tagger(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Capitalised non-initial words as names: used only when no trained tagger ships."""
    return [
        ["B-PER" if w[:1].isupper() and i > 0 else "O" for i, w in enumerate(s)] for s in sentences
    ]


def _analyzer() -> Callable[[str], tuple[Quote, ...]]:
    from byline.analysis.pipeline import analyze

    try:
        analyze("Test sentence. “It works well enough,” she said.")
    except Exception as error:  # noqa: BLE001 - the trained entity model may not ship yet
        print(
            f"warning: shipped pipeline failed ({error!r}); using a stand-in entity tagger",
            file=sys.stderr,
        )
        return lambda text: analyze(text, entity_tagger=_stand_in_tagger).quotes
    return lambda text: analyze(text).quotes


def evaluate_polnear(
    data_dir: Path, split: str = "dev", *, verbose: bool = False, doubled: bool = True
) -> dict[str, float]:
    """Score the pipeline's quotes on one PolNeAR split.

    Args:
        data_dir: the shared data folder (holding ``polnear/``) or PolNeAR's own root.
        split: ``train`` or ``dev``.
        verbose: print every missed, spurious and misattributed quote.
        doubled: count doubled apostrophes ('') as quotation marks in the gold (False
            scores as on 2026-11-28, before byline read them as marks).

    Returns:
        precision, recall, f1, attribution (accuracy over all gold quotes) and counts.
    """
    text_dir, records = load_records(Path(data_dir), split)
    run = _analyzer()
    gold_total = predicted_total = matched = right = 0
    clock = time.perf_counter()
    for path in sorted(text_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = gold_quotes(text, records.get(path.stem, []), doubled=doubled)
        predicted = run(text)
        pairs = match(predicted, gold)
        gold_total += len(gold)
        predicted_total += len(predicted)
        matched += len(pairs)
        good = {j for i, j in pairs if attributed_right(predicted[i], gold[j])}
        right += len(good)
        if verbose:
            _report(path.stem, text, predicted, gold, pairs, good)
    precision = matched / predicted_total if predicted_total else 0.0
    recall = matched / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "attribution": right / gold_total if gold_total else 0.0,
        "gold": float(gold_total),
        "predicted": float(predicted_total),
        "matched": float(matched),
        "attributed": float(right),
        "seconds": time.perf_counter() - clock,
    }


def _report(
    name: str,
    text: str,
    predicted: Sequence[Quote],
    gold: Sequence[GoldQuote],
    pairs: Sequence[tuple[int, int]],
    good: set[int],
) -> None:
    def clip(s: int, e: int) -> str:
        body = text[s:e].replace("\n", " ")
        return body if len(body) < 90 else body[:60] + " … " + body[-25:]

    hit_p = {i for i, _ in pairs}
    hit_g = {j: i for i, j in pairs}
    for j, g in enumerate(gold):
        if j not in hit_g:
            print(f"MISS {name} {g.start}: {clip(g.start, g.end)}  [{g.source_text}]")
        elif j not in good:
            q = predicted[hit_g[j]]
            said = q.speaker_span.text(text) if q.speaker_span else None
            print(
                f"WHO  {name} {g.start}: {clip(g.start, g.end)}  gold=[{g.source_text}] "
                f"got=[{said} -> {q.speaker}] cue={q.cue}"
            )
    for i, q in enumerate(predicted):
        if i not in hit_p:
            print(f"SPUR {name} {q.start}: {clip(q.start, q.end)}  [{q.speaker}]")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--verbose", action="store_true", help="list every error")
    parser.add_argument(
        "--plain-marks",
        action="store_true",
        help="gold quotes between double marks only, not doubled apostrophes (as 2026-11-28)",
    )
    args = parser.parse_args(argv)
    scores = evaluate_polnear(
        args.data, args.split, verbose=args.verbose, doubled=not args.plain_marks
    )
    print(
        f"PolNeAR {args.split}: {int(scores['gold'])} gold quotes, "
        f"{int(scores['predicted'])} predicted, {int(scores['matched'])} matched, "
        f"{int(scores['attributed'])} attributed right ({scores['seconds']:.1f}s)"
    )
    print(
        f"detection  P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}"
    )
    print(f"attribution accuracy {scores['attribution']:.3f} (of all gold quotes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def one_to_one(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """(prediction, gold) pairs, best overlap first, each side used at most once."""
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs
