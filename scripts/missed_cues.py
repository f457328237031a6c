"""List the PolNeAR train attributions whose cue has no candidate word, grouped.

The cue model only scores candidates (:func:`byline.analysis.quotes.cuemodel.is_candidate`):
an annotation whose cue holds none is never seen in training nor found in use. This
groups those cues by their lower-cased text and by the tags of their words ("NN",
"IN NN" ...), so the missing cue kinds (nominal cues, verbs the tagger calls nouns,
cues inside quotation marks) can be added where they matter most. Reads PolNeAR train
only; dev and test are never read.

Run: ``python scripts/missed_cues.py --data ../shared/data [--limit N] [--top K]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from train_attribution import _tokens_of

from byline.analysis.pipeline import read_document
from byline.analysis.quotes.cuemodel import is_candidate
from byline.analysis.quotes.scan import QuoteScan
from byline.evaluate.polnear import load_records


def missed(data: Path, limit: int | None) -> tuple[int, Counter[str], Counter[str]]:
    """Gold cues with no candidate word: (all cues, by cue text, by cue tags)."""
    text_dir, records = load_records(data, "train")
    total = 0
    by_text: Counter[str] = Counter()
    by_tags: Counter[str] = Counter()
    for path in sorted(text_dir.glob("*.txt"))[:limit]:
        doc = read_document(path.read_text(encoding="utf-8"))
        quoted = QuoteScan.over_stretches(doc).quoted
        for record in records.get(path.stem, []):
            if not record.get("cue"):
                continue
            total += 1
            cue = _tokens_of(doc, record["cue"]["spans"])
            if any(is_candidate(doc, quoted, i) for i in cue):
                continue
            words = " ".join(doc.tokens[i].text.lower() for i in cue) or "<no token>"
            tags = " ".join(("q:" if quoted[i] else "") + doc.tokens[i].pos for i in cue)
            by_text[words] += 1
            by_tags[tags or "<no token>"] += 1
    return total, by_text, by_tags


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="first N train articles")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    total, by_text, by_tags = missed(args.data, args.limit)
    print(f"{sum(by_text.values())} of {total} gold cues have no candidate word")
    for title, counts in (("by cue text", by_text), ("by cue tags", by_tags)):
        print(f"\n{title}:")
        for key, n in counts.most_common(args.top):
            print(f"{n:5d}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
