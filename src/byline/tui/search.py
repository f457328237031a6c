"""Find-in-article (``/``): case-insensitive and literal, as plain functions.

Searching is not analysis: the query is an escaped pattern over the article text, and
matches are offsets into it. The app shows a :class:`Matches` through the article view's
``search`` and ``current`` highlight layers and the search bar's count. No Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import islice

Span = tuple[int, int]

MAX_SEARCH_MATCHES = 10_000
"""More matches than this are not highlighted (a one-letter query on a huge article)."""


def find_matches(text: str, query: str, limit: int = MAX_SEARCH_MATCHES) -> list[Span]:
    """Where ``query`` occurs in ``text``, ignoring case: at most ``limit`` spans, in order.

    A query of only white space finds nothing.
    """
    if not query.strip():
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [match.span() for match in islice(pattern.finditer(text), limit)]


@dataclass(frozen=True, slots=True)
class Matches:
    """A query's matches and which one the reader is on."""

    spans: tuple[Span, ...] = ()
    current: int = -1
    """Index into ``spans``; -1 when there is none."""
    query: str = ""
    """What was searched for (so a search reopened on the same words keeps its place)."""

    @classmethod
    def starting_at(cls, spans: list[Span], offset: int, query: str = "") -> Matches:
        """The matches, on the first one at or after ``offset`` (the top of the view), else
        on the first of all."""
        starts = [start for start, _ in spans]
        following = bisect_left(starts, offset)
        current = (following if following < len(spans) else 0) if spans else -1
        return cls(tuple(spans), current, query)

    def step(self, steps: int) -> Matches:
        """On to the next match (``steps`` > 0) or back, wrapping around both ways."""
        if not self.spans:
            return self
        return replace(self, current=(self.current + steps) % len(self.spans))

    def following(self) -> Matches:
        """On to the next match, wrapping to the first."""
        return self.step(1)

    @property
    def current_span(self) -> Span | None:
        return self.spans[self.current] if self.spans and self.current >= 0 else None
