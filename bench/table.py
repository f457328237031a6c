"""The bench's one table: rows as the sections measure them, and the figures' formats.

Each row is echoed to stderr as it is added, so a long run shows its progress; the table
itself goes to stdout at the end.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Row:
    section: str
    measure: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args: str, **kwargs: str) -> None:
        self.rows.append(Row(*args, **kwargs))
        row = self.rows[-1]
        print(
            f"  {row.measure}: {row.value} {row.baseline} {row.ratio} {row.met}".rstrip(),
            file=sys.stderr,
            flush=True,
        )

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", file=sys.stderr, flush=True)

    def render(self) -> str:
        headers = ("#", "measure", "byline", "baseline", "ratio", "target", "met")
        cells = [headers] + [
            (r.section, r.measure, r.value, r.baseline, r.ratio, r.target, r.met) for r in self.rows
        ]
        widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
        lines = []
        for index, row in enumerate(cells):
            lines.append(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
            if index == 0:
                lines.append("-+-".join("-" * w for w in widths))
        if self.notes:
            lines.append("")
            lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio_of(pairs: Sequence[tuple[float, float]]) -> float:
    """Median of per-round ratios a/b."""
    return median([a / b for a, b in pairs if b > 0])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"
