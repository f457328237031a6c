"""Messages shared across the reader: the analysis worker's results.

A widget's own messages live nested in its class (``QuotePanel.QuoteChosen``). Must not
import the analysis pipeline (only its data model).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from byline.analysis.model import Analysis


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
