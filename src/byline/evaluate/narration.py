"""How often byline takes narration for a quote, on BBC articles that lost paragraph breaks.

The BBC News Summary articles run several paragraphs together, so a quote over several
paragraphs leaves its mark open and a new one opens ("... 26 weeks. "We are going ...").
Pairing those marks wrongly makes a "quote" of the narration between two quotes. There
is no gold for this, so the check flags detected quotes two independent ways:

* **opens backwards**: the quote opens with a mark that faces back (a word or punctuation
  before it, a space after: ``2007." She said ...`` read as the start of a quote), so
  it starts in narration;
* **narration inside**: outside any nested quote, its words hold a report in the third
  person ("She said", "Mr Blair told"), which speech quoted in news rarely does.

A quote flagged either way is a narration suspect. Quotes that close with a mark facing
forward (``26 weeks. "We``: the mark opens the next quote) are counted too: their words
are speech, but their end is wrong. ``--sample`` prints a random sample of all
detected quotes to read and label by hand, which is what the figures in the README rest
on. Run ``python -m byline.evaluate.narration --data ../shared/data [--category politics]
[--split tune] [--sample 100 --seed 1] [--list]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from byline.evaluate.bbc import load_items

_REPORT = re.compile(
    r"(?:^|[.!?]\s+|,\s+)(?:[A-Z][a-z]+\s+)?(?:He|She|They|It|Mr|Mrs|Ms|Dr|Lord|Lady|Sir|"
    r"[A-Z][a-z]+ (?:[A-Z][a-z]+ )?(?:spokesman|spokeswoman)|[A-Z][a-z]+)"
    r"(?: [A-Z][a-z]+)?(?: also| later| then| has| have)? (?:said|says|told|added|stressed|"
    r"warned|argued|insisted|claimed|accused|denied)\b"
)
_NESTED = re.compile(r"'[^']*'|‘[^’]*’|“[^”]*”")


@dataclass(frozen=True)
class Checked:
    """One detected quote and what the check found in it."""

    key: str
    start: int
    end: int
    text: str
    speaker: str | None
    opens_back: bool
    closes_forward: bool
    narration: bool

    @property
    def suspect(self) -> bool:
        return self.opens_back or self.narration


def opens_backwards(text: str, start: int) -> bool:
    """Whether the quote's opening mark faces back (a word before it, a space after)."""
    before = text[start - 1] if start > 0 else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    return not before.isspace() and before not in "([{—–-/:" and after.isspace()


def closes_forwards(text: str, end: int) -> bool:
    """Whether the quote's closing mark faces forward (a space before it, a word after)."""
    if text[end - 1] not in "\"”’'":
        return False  # left open: no closing mark to judge
    before = text[end - 2] if end >= 2 else " "
    after = text[end] if end < len(text) else " "
    return before.isspace() and after.isalnum()


def narration_inside(quoted: str) -> bool:
    """Whether the quoted words, nested quotes left out, report someone in the third person."""
    body = _NESTED.sub(" ", quoted[1:-1] if len(quoted) > 2 else quoted)
    return bool(_REPORT.search(body))


def check(data_dir: Path, split: str = "tune", category: str | None = None) -> list[Checked]:
    """Every quote byline detects in the chosen BBC articles, checked."""
    from byline.analysis.pipeline import analyze

    found = []
    for item in load_items(data_dir, split):
        if category and item.category != category:
            continue
        analysis = analyze(item.article)
        for quote in analysis.quotes:
            words = analysis.text[quote.start : quote.end]
            found.append(
                Checked(
                    item.key,
                    quote.start,
                    quote.end,
                    words,
                    quote.speaker,
                    opens_backwards(analysis.text, quote.start),
                    closes_forwards(analysis.text, quote.end),
                    narration_inside(words),
                )
            )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--split", default="tune", choices=("tune", "dev"))
    parser.add_argument("--category", help="one BBC category (politics, business, ...)")
    parser.add_argument("--sample", type=int, default=0, help="print N random quotes to label")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--list", action="store_true", help="print every suspect")
    args = parser.parse_args(argv)
    checked = check(args.data, args.split, args.category)
    total = len(checked)
    flagged = [c for c in checked if c.suspect]
    print(
        f"BBC {args.split} {args.category or 'all categories'}: {total} quotes detected; "
        f"opening backwards {sum(c.opens_back for c in checked)}, narration inside "
        f"{sum(c.narration for c in checked)}: narration suspects {len(flagged)} "
        f"({len(flagged) / total if total else 0:.1%}); closing forwards "
        f"{sum(c.closes_forward for c in checked)}"
    )
    if args.list:
        for c in flagged:
            tag = ("O" if c.opens_back else "-") + ("N" if c.narration else "-")
            print(f"{tag} {c.key} {c.start}: {_clip(c.text)}  [{c.speaker}]")
    if args.sample:
        rng = random.Random(args.seed)
        for n, c in enumerate(rng.sample(checked, min(args.sample, total)), 1):
            print(f"{n:3d} {c.key} {c.start}: {_clip(c.text, 400)}  [{c.speaker}]")
    return 0


def _clip(text: str, size: int = 160) -> str:
    body = " ".join(text.split())
    return body if len(body) <= size else body[: size - 30] + " … " + body[-25:]


if __name__ == "__main__":
    sys.exit(main())
