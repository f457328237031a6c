"""Who said what: an analysis's attributions grouped by source, most prominent first.

One grouping for every view of the attributions (the reader's Sources tab, the saved
summary's "Who said what" section): attributions with the same source (compared without
case) form one group, groups with more claims come first (then the one named first),
and the claims no source is given for come last.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from byline.analysis.model import Analysis, Attribution, SourceKind


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """Everything one source is credited with.

    Attributes:
        source: the source as resolved ("Alibaba"), or None for claims with no source.
        kind: "named", "described" or "unnamed" (the kind most of its claims give it),
            None for the group of claims with no source.
        attributions: its claims in article order.
    """

    source: str | None
    kind: SourceKind | None
    attributions: tuple[Attribution, ...]

    @property
    def quoted(self) -> int:
        """How many of its claims quote it: direct, or mixed (some of its own words in
        quotation marks), as ``byline batch``'s report counts them."""
        return sum(1 for a in self.attributions if a.kind != "indirect")

    @property
    def reported(self) -> int:
        """How many are reported with no quotation marks (indirect)."""
        return len(self.attributions) - self.quoted

    def counts(self) -> str:
        """ "3 quoted · 3 reported" (the parts that are not zero)."""
        parts = []
        if self.quoted:
            parts.append(f"{self.quoted} quoted")
        if self.reported:
            parts.append(f"{self.reported} reported")
        return " · ".join(parts)


def group_by_source(analysis: Analysis) -> list[SourceGroup]:
    """The analysis's attributions by source, most claims first, no source last."""
    groups: dict[str, list[Attribution]] = {}
    names: dict[str, str] = {}
    unsourced: list[Attribution] = []
    for attribution in analysis.attributions:
        if attribution.source is None:
            unsourced.append(attribution)
            continue
        key = " ".join(attribution.source.lower().split())
        names.setdefault(key, attribution.source)
        groups.setdefault(key, []).append(attribution)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[1][0].start))
    found = [SourceGroup(names[key], _kind(items), tuple(items)) for key, items in ranked]
    if unsourced:
        found.append(SourceGroup(None, None, tuple(unsourced)))
    return found


def _kind(items: list[Attribution]) -> SourceKind | None:
    kinds = Counter(a.source_kind for a in items if a.source_kind is not None)
    return kinds.most_common(1)[0][0] if kinds else None


def tally(analysis: Analysis) -> str:
    """The one-line account: "5 sources · 14 quotes · 4 reported · 1 unnamed · 3 hedges"."""
    groups = group_by_source(analysis)
    sources = [g for g in groups if g.source is not None]
    quotes = sum(1 for a in analysis.attributions if a.kind != "indirect")  # as the groups
    reported = len(analysis.attributions) - quotes
    unnamed = sum(1 for g in sources if g.kind == "unnamed")
    parts = [
        _plural(len(sources), "source"),
        _plural(quotes, "quote"),
        f"{reported} reported",
        f"{unnamed} unnamed",
        _plural(len(analysis.hedges), "hedge"),
    ]
    return " · ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
