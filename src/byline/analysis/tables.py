"""The analysis's entities and quotes as CSV tables, for a spreadsheet or a script.

One row per entity (name, type, how often it is mentioned, where first) and per quote (its
words, who said it, the verb that cues it, where it is). Text is squeezed onto one line and
stripped of control characters; offsets index the article's text as the JSON contract's
do.
"""

from __future__ import annotations

import csv
import io
import re

from byline.analysis.model import Analysis

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

ENTITY_COLUMNS = ("name", "type", "mentions", "first_start", "first_end")
QUOTE_COLUMNS = ("number", "speaker", "quote", "cue", "start", "end")


def _cell(text: str | None) -> str:
    return "" if text is None else _CONTROLS.sub("", " ".join(text.split()))


def _table(columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def entities_csv(analysis: Analysis) -> str:
    """Every entity, most mentioned first (ties in order of first mention)."""
    ordered = sorted(
        analysis.entities,
        key=lambda e: (-len(e.mentions), e.mentions[0].start if e.mentions else 0),
    )
    rows: list[tuple[object, ...]] = []
    for entity in ordered:
        first = entity.mentions[0] if entity.mentions else None
        rows.append(
            (
                _cell(entity.name),
                entity.type,
                len(entity.mentions),
                first.start if first else "",
                first.end if first else "",
            )
        )
    return _table(ENTITY_COLUMNS, rows)


def quotes_csv(analysis: Analysis) -> str:
    """Every quote in article order, with its speaker ("" when unattributed)."""
    rows: list[tuple[object, ...]] = [
        (
            number,
            _cell(quote.speaker),
            _cell(analysis.text[quote.start : quote.end]),
            _cell(quote.cue),
            quote.start,
            quote.end,
        )
        for number, quote in enumerate(analysis.quotes, 1)
    ]
    return _table(QUOTE_COLUMNS, rows)
