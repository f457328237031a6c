"""byline's analysis core: article layout, sentences, entities, quotes and summaries.

Pure Python over NLTK; must never import Textual (a test checks ``sys.modules``).
The data model is imported on first use, so reading a file (``byline.sources``)
does not build its classes on the reader's start-up path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from byline.analysis.model import (
        Analysis,
        Attribution,
        Entity,
        Hedge,
        Quote,
        Sentence,
        Span,
        Token,
    )

__all__ = [
    "Analysis",
    "Attribution",
    "Entity",
    "Hedge",
    "Quote",
    "Sentence",
    "Span",
    "Token",
    "analyze",
]

_MODEL_NAMES = frozenset(
    {"Analysis", "Attribution", "Entity", "Hedge", "Quote", "Sentence", "Span", "Token"}
)


def __getattr__(name: str) -> Any:
    if name in _MODEL_NAMES:
        from byline.analysis import model

        return getattr(model, name)
    raise AttributeError(f"module 'byline.analysis' has no attribute {name!r}")


def analyze(text: str) -> Analysis:
    """Analyse one article's text (see :func:`byline.analysis.pipeline.analyze`)."""
    from byline.analysis.pipeline import analyze as run

    return run(text)
