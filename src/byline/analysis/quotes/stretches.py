"""Quoted stretches: where quotation marks open and close, and what they hold.

A stretch runs from an opening quotation mark to its closing one, as
:mod:`byline.analysis.quotes.pairing` pairs them: double marks first (single quotes
inside them are nested quotes and stay part of them), then single marks outside them.
Whether a stretch is speech is for :mod:`byline.analysis.quotes.finder` to say. Must not
import Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from byline.analysis.quotes.pairing import SPEAKER_LABEL, quoted_stretches

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SMALL = frozenset(
    "a an the of and or in on at to for is with by from vs as but it be not no s ’s 's".split()
)
CLOSING = "\"”’' "
"""Characters a stretch's end may carry after its words: closing marks and spaces."""

__all__ = ["CLOSING", "SPEAKER_LABEL", "quoted_stretches", "title_like", "words_in"]


def words_in(text: str) -> list[str]:
    """The words (runs of letters or digits) of ``text``."""
    return _WORD.findall(text)


def title_like(words: Sequence[str]) -> bool:
    """Whether quoted words read as a title or a slogan rather than speech."""
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)
