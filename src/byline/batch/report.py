"""The corpus summary of a ``byline batch`` folder: articles, words, failures, and who is
quoted and reported, as ``report.md`` and ``sources.csv`` (written atomically).

It is computed from the shards alone (``byline batch --report DIR`` redoes it at any
time), so it always says what the folder holds.

How attributions are counted: a source's *quoted* count is its ``direct`` attributions
plus its ``mixed`` ones (a mixed attribution puts some of the source's own words in
quotation marks); *reported* is its ``indirect`` ones; both are in the CSV apart too.
Named, described and unnamed come from ``source_kind``. A record without an
``attributions`` field (an analysis from before attributions) counts its ``quotes``
instead: each is direct; its speaker is named when it is one of the article's entity
names, else described; a quote with no speaker has no source. The report's header says
how many articles were counted each way.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from byline.analysis.export import markdown_text, plain_text, write_atomic
from byline.batch.work import words_in

TOP_SOURCES = 50
TOP_REASONS = 10
KINDS = ("named", "described", "unnamed", None)
CSV_COLUMNS = (
    "source",
    "source_kind",
    "quoted",
    "reported",
    "direct",
    "mixed",
    "indirect",
    "articles",
)

SourceKey = tuple[str | None, str | None]
"""A source as it is counted: its name (None: no source) and its ``source_kind``."""


@dataclass
class SourceCount:
    direct: int = 0
    mixed: int = 0
    indirect: int = 0
    articles: int = 0

    @property
    def quoted(self) -> int:
        return self.direct + self.mixed

    @property
    def reported(self) -> int:
        return self.indirect

    @property
    def total(self) -> int:
        return self.direct + self.mixed + self.indirect


@dataclass
class Tally:
    """What a corpus of records adds up to."""

    articles: int = 0
    failures: int = 0
    words: int = 0
    with_attributions: int = 0
    from_quotes: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    sources: dict[SourceKey, SourceCount] = field(default_factory=dict)
    kind_articles: Counter[str | None] = field(default_factory=Counter)

    def add(self, record: dict[str, Any]) -> None:
        self.articles += 1
        if "error" in record:
            self.failures += 1
            self.reasons[_reason(record)] += 1
            return
        self.words += words_in(record)
        attributions = record.get("attributions")
        if isinstance(attributions, list):
            self.with_attributions += 1
            counted = [_attribution(a) for a in attributions if isinstance(a, dict)]
        else:
            self.from_quotes += 1
            counted = _from_quotes(record)
        for key in {key for key, _ in counted}:
            self.sources.setdefault(key, SourceCount()).articles += 1
        for kind in {_kind(key) for key, _ in counted}:
            self.kind_articles[kind] += 1
        for key, kind in counted:
            count = self.sources[key]
            setattr(count, kind, getattr(count, kind) + 1)

    @property
    def analysed(self) -> int:
        return self.articles - self.failures

    def by_kind(self) -> dict[str | None, SourceCount]:
        """Attributions summed by source kind (named, described, unnamed, none)."""
        kinds: dict[str | None, SourceCount] = {kind: SourceCount() for kind in KINDS}
        for (_, kind), count in self.sources.items():
            into = kinds[_kind((_, kind))]
            into.direct += count.direct
            into.mixed += count.mixed
            into.indirect += count.indirect
        for kind, articles in self.kind_articles.items():
            kinds[kind].articles = articles
        return kinds

    def ranked(self) -> list[tuple[SourceKey, SourceCount]]:
        """Sources, most attributions first (no source last among equals)."""
        return sorted(
            self.sources.items(),
            key=lambda item: (-item[1].total, item[0][0] is None, *map(str, item[0])),
        )


def tally(records: Iterable[dict[str, Any]]) -> Tally:
    result = Tally()
    for record in records:
        result.add(record)
    return result


def _kind(key: SourceKey) -> str | None:
    return key[1] if key[1] in KINDS else None


def _attribution(attribution: dict[str, Any]) -> tuple[SourceKey, str]:
    kind = attribution.get("kind")
    counted = kind if kind in ("direct", "mixed", "indirect") else "direct"
    source = attribution.get("source")
    name = source if isinstance(source, str) and source.strip() else None
    source_kind = attribution.get("source_kind")
    return (name, source_kind if source_kind in KINDS else None), counted


def _from_quotes(record: dict[str, Any]) -> list[tuple[SourceKey, str]]:
    names = {e.get("name") for e in record.get("entities") or [] if isinstance(e, dict)}
    counted: list[tuple[SourceKey, str]] = []
    for quote in record.get("quotes") or []:
        speaker = quote.get("speaker") if isinstance(quote, dict) else None
        if isinstance(speaker, str) and speaker.strip():
            counted.append(((speaker, "named" if speaker in names else "described"), "direct"))
        else:
            counted.append(((None, None), "direct"))
    return counted


def _reason(record: dict[str, Any]) -> str:
    """A failure's reason without the article's name, so alike failures group together."""
    error = str(record.get("error"))
    prefix = f"{record.get('path')}: "
    return plain_text(error[len(prefix) :] if error.startswith(prefix) else error)


def markdown(result: Tally, folder: Path, runs: list[dict[str, Any]]) -> str:
    """``report.md``: the corpus in figures, sources by kind, the top sources, failures."""
    lines = ["# byline batch report", "", f"Folder: {markdown_text(str(folder))}", ""]
    lines += [
        f"- articles: {result.articles:,} ({result.analysed:,} analysed, "
        f"{result.failures:,} failed)",
        f"- words (analysed articles): {result.words:,}",
        f"- sources: {sum(1 for name, _ in result.sources if name is not None):,} distinct",
        "",
        _how_counted(result),
        "",
        "## Sources by kind",
        "",
        "| kind | quoted | reported | articles citing |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind, count in result.by_kind().items():
        label = kind or "no source (or no kind)"
        lines.append(f"| {label} | {count.quoted:,} | {count.reported:,} | {count.articles:,} |")
    ranked = result.ranked()
    shown = ranked[:TOP_SOURCES]
    lines += ["", f"## Sources (top {len(shown)} of {len(ranked)}; all in sources.csv)", ""]
    lines += ["| source | kind | quoted | reported | articles |"]
    lines += ["| --- | --- | ---: | ---: | ---: |"]
    for (name, kind), count in shown:
        label = markdown_text(name) if name is not None else "(no name)"
        lines.append(
            f"| {label} | {kind or ''} | {count.quoted:,} | {count.reported:,} | "
            f"{count.articles:,} |"
        )
    if result.reasons:
        lines += ["", "## Failures (most common reasons)", "", "| reason | articles |"]
        lines.append("| --- | ---: |")
        for reason, number in result.reasons.most_common(TOP_REASONS):
            lines.append(f"| {markdown_text(reason)} | {number:,} |")
    if runs:
        lines += ["", "## Runs", "", "| started | engine | workers | articles | seconds |"]
        lines[-1] += " articles/s | peak memory per worker |"
        lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        lines += [_run_row(run) for run in runs]
    return "\n".join(lines) + "\n"


def _how_counted(result: Tally) -> str:
    way = (
        "Quoted counts direct and mixed attributions, reported counts indirect ones; "
        "named, described and unnamed are the analysis's `source_kind`."
    )
    if result.from_quotes:
        way += (
            f" {result.from_quotes:,} of {result.analysed:,} analysed articles have no "
            "`attributions` field (an analysis from before attributions): their quotes "
            "are counted instead, each as quoted; a speaker is named when it is one of "
            "the article's entity names, else described; a quote with no speaker has no "
            "source, and nothing is counted as reported for them."
        )
    return way


def _run_row(run: dict[str, Any]) -> str:
    seconds = float(run.get("seconds") or 0)
    articles = int(run.get("articles") or 0)
    rate = f"{articles / seconds:,.1f}" if seconds > 0 else "-"
    peak = run.get("peak_worker_mb") or []
    memory = f"{max(peak):,.0f} MB" if peak else "-"
    return (
        f"| {markdown_text(str(run.get('started', '')))} | {markdown_text(str(run.get('engine')))} "
        f"| {run.get('workers')} | {articles:,} | {seconds:,.1f} | {rate} | {memory} |"
    )


def sources_csv(result: Tally) -> str:
    """``sources.csv``: every source with its counts, most attributions first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for (name, kind), count in result.ranked():
        writer.writerow(
            [
                _csv_cell(name or ""),
                kind or "",
                count.quoted,
                count.reported,
                count.direct,
                count.mixed,
                count.indirect,
                count.articles,
            ]
        )
    return out.getvalue()


def _csv_cell(text: str) -> str:
    """Article data in a spreadsheet: one line, and never read as a formula."""
    text = plain_text(text)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def write_report(
    folder: Path, records: Iterable[dict[str, Any]], runs: list[dict[str, Any]]
) -> Tally:
    """Write ``report.md`` and ``sources.csv`` into ``folder``; the tally they show."""
    result = tally(records)
    write_atomic(folder / "report.md", markdown(result, folder, runs))
    write_atomic(folder / "sources.csv", sources_csv(result))
    return result
