"""What the Sources tab lists: every claim under its source, then the hedges, as plain rows.

The grouping and counting are the core's (``byline.analysis.whosaid``: most prominent
source first, claims with no source last); this turns them into the tab's rows, a
heading per source ("Alibaba · named · 3 quoted · 3 reported") with its claims in article
order, each marked as a quote or as reported. Textual-free, so it is tested without a
terminal; imported only once the side panel is built, never on the first frame.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from byline.analysis.model import Analysis
from byline.analysis.whosaid import group_by_source, tally
from byline.tui.labels import KIND_LABELS, NO_SOURCE
from byline.tui.text import one_line

CONTENT_LIMIT = 140
"""A claim or a hedge's sentence is cut to this many characters in the list."""
_SLICE = 4 * CONTENT_LIMIT
"""Characters of the text read for one entry: enough to fill it, however long the span."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A source (or "no source", or the hedges) above its entries; not selectable."""

    option_id: str
    title: str
    """The source as resolved ("Alibaba"), "no source" or "hedges"."""
    detail: str
    """Its kind and counts: "named · 3 quoted · 3 reported"."""
    named: bool = True
    """False for the rows that stand for nobody ("no source", the hedges)."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One attribution under its source."""

    index: int
    """Index into ``Analysis.attributions``."""
    label: str
    """"quote", "partly quoted" or "reported"."""
    cue: str | None
    text: str
    """The content on one line, cut to :data:`CONTENT_LIMIT`."""

    @property
    def option_id(self) -> str:
        return f"attribution-{self.index}"


@dataclass(frozen=True, slots=True)
class HedgeRow:
    """One hedge: its marker and the sentence it stands in."""

    index: int
    """Index into ``Analysis.hedges``."""
    cue: str
    text: str

    @property
    def option_id(self) -> str:
        return f"hedge-{self.index}"


Row = Heading | Claim | HedgeRow


def header(analysis: Analysis) -> str:
    """The tab's first line: "5 sources · 14 quotes · 4 reported · 1 unnamed · 3 hedges"."""
    return tally(analysis)


def _snippet(text: str, start: int, end: int) -> str:
    return one_line(text[start : min(end, start + _SLICE)], CONTENT_LIMIT)


def source_rows(analysis: Analysis) -> list[Row]:
    """Every source with its claims (most prominent first, "no source" last), then the
    hedges, each with the sentence it hedges."""
    text = analysis.text
    rows: list[Row] = []
    numbers = {id(a): i for i, a in enumerate(analysis.attributions)}
    for number, group in enumerate(group_by_source(analysis)):
        if group.source is None:
            rows.append(Heading("no-source", NO_SOURCE, group.counts(), named=False))
        else:
            detail = " · ".join(part for part in (group.kind, group.counts()) if part)
            rows.append(Heading(f"source-{number}", one_line(group.source, 60), detail))
        for attribution in group.attributions:
            rows.append(
                Claim(
                    numbers[id(attribution)],
                    KIND_LABELS[attribution.kind],
                    one_line(attribution.cue, 40) if attribution.cue else None,
                    _snippet(text, attribution.start, attribution.end),
                )
            )
    if analysis.hedges:
        count = len(analysis.hedges)
        rows.append(Heading("hedges", "hedges", f"{count} without a source", named=False))
        starts = [s.start for s in analysis.sentences]
        for index, hedge in enumerate(analysis.hedges):
            at = bisect_right(starts, hedge.start) - 1
            sentence = analysis.sentences[at] if at >= 0 else None
            if sentence is not None and sentence.start <= hedge.start < sentence.end:
                words = _snippet(text, sentence.start, sentence.end)
            else:
                words = _snippet(text, hedge.start, hedge.end)
            rows.append(HedgeRow(index, one_line(hedge.cue, 40), words))
    return rows
