"""Quoted stretches: where quotation marks open and close, and what they hold.

A stretch runs from an opening quotation mark to its closing one, as
:mod:`byline.analysis.quotes.pairing` pairs them: double marks first (single quotes
inside them are nested quotes and stay part of them), then single marks outside them.
Whether a stretch is speech is for :mod:`byline.analysis.quotes.finder` to say.
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
_OTHER_OPENERS = "„‚«»‹›"
"""Opening marks of other languages' quotes (German „…“, French « … », German »…«)."""
_OTHER_CLOSING = CLOSING + "“‘«»‹›\xa0\u202f\u2009"

__all__ = [
    "CLOSING",
    "SPEAKER_LABEL",
    "comma_after",
    "quoted_stretches",
    "title_like",
    "unclosed",
    "words_in",
]


def unclosed(text: str, start: int, end: int) -> str:
    """The stretch ``text[start:end]`` without its closing marks and the spaces by them.

    A quote opened the German or French way closes with “, ‘ or a guillemet, and French
    sets a no-break space inside the marks ("gagner »"); those go too.
    """
    closing = _OTHER_CLOSING if text[start] in _OTHER_OPENERS else CLOSING
    return text[start:end].rstrip(closing)


def comma_after(text: str, start: int, end: int) -> bool:
    """Whether a German or French quote's comma (or ? !) follows its closing mark.

    Those languages set the comma outside the marks ("„Wir schaffen das“, sagte
    Merkel"), where English sets it inside.
    """
    return text[start] in _OTHER_OPENERS and text[end : end + 2].lstrip()[:1] in (",", "?", "!")


def words_in(text: str) -> list[str]:
    """The words (runs of letters or digits) of ``text``."""
    return _WORD.findall(text)


def title_like(words: Sequence[str]) -> bool:
    """Whether quoted words read as a title or a slogan rather than speech."""
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)
