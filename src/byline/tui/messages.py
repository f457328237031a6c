"""Messages shared across the reader: what its workers and flows report to the app.

The app is the one mediator: workers and helpers post these, the app's handlers apply
them to the widgets. A widget's own messages live nested in its class
(``SourcePanel.AttributionChosen``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from byline.analysis.model import Analysis
    from byline.sources import Article


@dataclass
class AnalysisReady(Message):
    """The analysis worker finished; everything in ``analysis`` indexes the shown text."""

    analysis: Analysis
    """The core's result for the article on screen."""
    generation: int
    """Which article load this belongs to (stale results from a reload are dropped)."""


@dataclass
class AnalysisFailed(Message):
    """The analysis worker raised; the reader keeps showing the text without analysis."""

    reason: str
    """One line saying what went wrong."""
    generation: int
    """Which article load this belongs to."""


@dataclass
class SourceOpened(Message):
    """The fetch worker read an article; the app shows it."""

    argument: str
    """The URL or path as asked for."""
    article: Article
    """The article to show, analyse and record."""
    ticket: int
    """Which request this answers (an older one's answer is dropped)."""


@dataclass
class SourceFailed(Message):
    """The fetch worker could not read the article."""

    argument: str
    """The URL or path as asked for."""
    reason: str
    """One line, naming the URL or file and why."""
    ticket: int
    """Which request this answers."""


@dataclass
class SummarySaved(Message):
    """A summary was written to ``path``; the reading library remembers it."""

    path: Path
    """The file written."""


@dataclass
class AnalysisProgressed(Message):
    """The analysis finished one of its stages (the pipeline's ``STAGES``)."""

    stage: str
    """The stage's name ("tags")."""
    generation: int
    """Which article load this belongs to."""
