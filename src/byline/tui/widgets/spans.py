"""SpanLayer: sorted character spans, and which of them touch a range of the text.

One highlight layer of the article view (or its links). Pure Python, no Textual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

Span = tuple[int, int]


class SpanLayer:
    """Sorted character spans with a fast "which ones touch this range" query."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = sorted((s, e) for s, e in spans if e > s)
        self._starts = [s for s, _ in self.spans]
        self._max_ends: list[int] = []
        running = -1
        for _, end in self.spans:
            running = max(running, end)
            self._max_ends.append(running)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that share at least one character with ``[start, end)``."""
        first = bisect_right(self._max_ends, start)
        last = bisect_left(self._starts, end)
        return [(s, e) for s, e in self.spans[first:last] if e > start]

    def __bool__(self) -> bool:
        return bool(self.spans)
