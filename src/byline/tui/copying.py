"""What ``y`` and ``Y`` copy: a quote or a claim with its source, a summary sentence, the
summary.

Plain functions over an ``Analysis``; the app sends the result through the terminal's
clipboard (OSC 52). Copied text is article text, so it is made harmless first: control
characters that a shell or an editor would act on when pasted become placeholders; only
line breaks are kept. No Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.analysis.model import Analysis

NOTHING_CHOSEN = (
    "Nothing to copy yet: go to a quote (] or [) or a claim (} or {), or choose a summary "
    "sentence; "
    "Y copies the whole summary."
)


def clipboard_text(text: str) -> str:
    """``text`` ready to paste: each line squeezed and free of controls, its line breaks
    (and blank lines between paragraphs) kept."""
    return "\n".join(one_line(line) for line in text.strip().splitlines())


def quote_text(analysis: Analysis, index: int) -> str:
    """Quote ``index`` as it stands in the article, then its speaker ("— Ana Lopez")."""
    quote = analysis.quotes[index]
    words = one_line(analysis.text[quote.start : quote.end])
    return f"{words} — {one_line(quote.speaker)}" if quote.speaker else words


def claim_text(analysis: Analysis, index: int) -> str:
    """Claim ``index`` (an attribution) as it stands in the article, then its source
    ("— Alibaba Group"); a claim with no source is copied alone."""
    claim = analysis.attributions[index]
    words = one_line(analysis.text[claim.start : claim.end])
    return f"{words} — {one_line(claim.source)}" if claim.source else words


def sentence_text(analysis: Analysis, index: int) -> str:
    """Sentence ``index`` of the article, on one line."""
    return one_line(analysis.sentence_text(index))


def summary_text(analysis: Analysis, size: int) -> str:
    """The ``size``-sentence summary, a sentence a line, in article order."""
    return "\n".join(sentence_text(analysis, i) for i in analysis.summary_of(size))
