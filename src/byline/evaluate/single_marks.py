"""How many quotes byline finds in Daily Mail stories, which quote with single marks.

The CNN/Daily Mail tuning stories in ``../shared/data/cnndm-tune`` keep their quotation
marks as published: the Daily Mail's are single (' or ‘ ’), CNN's double. A story without
CNN's "(CNN)" dateline is counted as a Daily Mail one. There is no gold, so beside the
quotes byline finds the check counts the story's **openings**: single marks with a space,
a colon or the paragraph's start before them and a word after (an apostrophe never
stands so, but the start of a scare quote or a title does), an upper bound on the quotes
the text holds. ``--sample`` prints random detected quotes to read and label by hand.

Run ``python -m byline.evaluate.single_marks --data ../shared/data [--limit N]
[--sample 50 --seed 1]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

_OPENING = re.compile(
    r"(?:^|(?<=[\s:(]))['‘] ?(?!(?:\d\d|em|n['’]|tis|twas|cause|til)\b)\w", re.MULTILINE
)


def stories(data_dir: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """Daily Mail stories (no "(CNN)" dateline) as ``(name, text)``, in name order."""
    root = Path(data_dir)
    folder = root / "cnndm-tune" / "articles" if (root / "cnndm-tune").is_dir() else root
    found = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "(CNN)" not in text[:400]:
            found.append((path.stem, text))
            if limit and len(found) >= limit:
                break
    return found


def openings(text: str) -> int:
    """Single marks that stand where a quotation would open."""
    return len(_OPENING.findall(text))


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    from byline.analysis.pipeline import analyze

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--limit", type=int, help="only the first N stories")
    parser.add_argument("--sample", type=int, default=0, help="print N random quotes to label")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    found: list[tuple[str, str]] = []
    single = opened = 0
    chosen = stories(args.data, args.limit)
    for name, text in chosen:
        analysis = analyze(text)
        opened += openings(text)
        for quote in analysis.quotes:
            words = text[quote.start : quote.end]
            found.append((name, words))
            single += words[:1] in "'‘"
    n = len(chosen) or 1
    print(
        f"Daily Mail stories: {len(chosen)}; quotes found {len(found)} ({len(found) / n:.2f} "
        f"a story), {single} with single marks ({single / n:.2f} a story); single-mark "
        f"openings in the text {opened} ({opened / n:.2f} a story)"
    )
    if args.sample:
        rng = random.Random(args.seed)
        for k, (name, words) in enumerate(rng.sample(found, min(args.sample, len(found))), 1):
            body = " ".join(words.split())
            print(f"{k:3d} {name}: {body if len(body) < 240 else body[:200] + ' … ' + body[-30:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
