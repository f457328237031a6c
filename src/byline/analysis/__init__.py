"""byline's analysis core: article layout, sentences, entities, quotes and summaries.

Pure Python over NLTK; must never import Textual (a test checks ``sys.modules``).
"""

from byline.analysis.model import Analysis, Entity, Quote, Sentence, Span, Token

__all__ = ["Analysis", "Entity", "Quote", "Sentence", "Span", "Token", "analyze"]


def analyze(text: str) -> Analysis:
    """Analyse one article's text (see :func:`byline.analysis.pipeline.analyze`)."""
    from byline.analysis.pipeline import analyze as run

    return run(text)
