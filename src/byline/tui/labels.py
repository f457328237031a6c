"""What the reader calls things: entity types and a quote's speaker, on one line.

Shared by the side panel's tabs and the status line. Textual-free, and imports the data
model only when typing, so the first frame does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.analysis.model import Quote

TYPE_HEADINGS = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MISC": "Other names"}
"""The Entities tab's heading for each entity type."""
TYPE_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "other"}
"""An entity type as the status line names it."""
UNATTRIBUTED = "unattributed"


def speaker_label(quote: Quote) -> str:
    """Who said ``quote``, on one line ("unattributed" when nobody is named)."""
    return one_line(quote.speaker, 60) if quote.speaker else UNATTRIBUTED


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 quote", "3 quotes", "1 entity", "2 entities"."""
    if count == 1:
        return f"1 {singular}"
    return f"{count:,} {plural or singular + 's'}"
