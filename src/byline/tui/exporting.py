"""Exporting from the reader: the summary, the entities, the quotes or the whole analysis.

Each :class:`Export` names what goes to the file, its format and its file name's ending;
the flow asks which (``ExportChoiceScreen``), then where, with the summary's save dialog
and its replace check (``SummarySaver``). The whole analysis is the very line ``byline
analyze`` prints for the article.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from byline.analysis.export import to_json
from byline.analysis.model import Analysis
from byline.analysis.tables import entities_csv, quotes_csv
from byline.sources import Article, json_fields
from byline.tui.saving import SummarySaver
from byline.tui.screens.save_summary import SaveChoice, SaveFileScreen
from byline.tui.text import safe_file_name


@dataclass(frozen=True, slots=True)
class Export:
    """One thing the reader can export."""

    kind: str
    """Its name in actions ("entities": ``export('entities')``)."""
    label: str
    """What the file holds, as the choice lists it."""
    format: str
    """"CSV", "JSON", "Markdown"."""
    suffix: str
    """The default file name's ending, after the article's stem."""
    what: str
    """What the messages call it ("the entities")."""


PROMPTS = {"analysis": "The whole analysis (the line byline analyze prints) goes to:"}
"""The save dialog's line where "<label> go to:" does not read well."""

EXPORTS: tuple[Export, ...] = (
    Export("summary", "Summary and key quotes", "Markdown", ".summary.md", "the summary"),
    Export(
        "entities", "Entities with their mention counts", "CSV", ".entities.csv", "the entities"
    ),
    Export("quotes", "Quotes with their speakers", "CSV", ".quotes.csv", "the quotes"),
    Export(
        "analysis",
        "The whole analysis, as byline analyze prints it",
        "JSON",
        ".analysis.json",
        "the analysis",
    ),
)
"""What the export choice offers, in order (``summary`` is the save flow's own)."""

EXPORT_KINDS = {export.kind: export for export in EXPORTS}


def analyze_path(source: Article) -> str:
    """The ``path`` ``byline analyze`` reports: the file as named, the URL, or "-"."""
    if source.path is not None:
        return str(source.path)
    return source.url or source.key or "-"


def analysis_json(analysis: Analysis, source: Article) -> str:
    """The article's ``byline analyze`` line (one JSON object and a line end)."""
    record: dict[str, Any] = to_json(analysis, analyze_path(source))
    record.update(json_fields(source))
    return json.dumps(record, ensure_ascii=False) + "\n"


CONTENT: dict[str, Callable[[Analysis, Article], str]] = {
    "entities": lambda analysis, _source: entities_csv(analysis),
    "quotes": lambda analysis, _source: quotes_csv(analysis),
    "analysis": analysis_json,
}
"""How each export but the summary is written."""


def default_export_path(source: Article, export: Export) -> Path:
    """``<article stem><suffix>`` in the current working folder."""
    stem = safe_file_name(Path(source.name).stem) or "article"
    return Path.cwd() / f"{stem}{export.suffix}"


def ask_where(saver: SummarySaver, analysis: Analysis, source: Article, kind: str) -> None:
    """Ask where to write export ``kind`` (not the summary: ``SummarySaver.ask``), then
    write it, asking before replacing a file."""
    export = EXPORT_KINDS[kind]
    if kind == "entities" and not analysis.entities:
        saver.app.notify("Nothing to export: no named entities were found.", markup=False)
        return
    if kind == "quotes" and not analysis.quotes:
        saver.app.notify("Nothing to export: no direct quotes were found.", markup=False)
        return
    content = CONTENT[kind](analysis, source)

    def chosen(answer: SaveChoice | None) -> None:
        if answer:
            saver.save(Path(answer.path), content, export.what)

    screen = SaveFileScreen(
        str(default_export_path(source, export)),
        f"Export {export.what.removeprefix('the ')} as {export.format}",
        PROMPTS.get(kind, f"{export.label} go to:"),
    )
    saver.app.push_screen(screen, chosen)
