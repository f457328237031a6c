"""Quoted stretches: where double quotation marks open and close, and what they hold.

A stretch runs from an opening double quotation mark (straight or curly) to its closing
mark; single quotes inside it are nested quotes and stay part of it. A paragraph left
open continues into the next when that paragraph opens with a mark (the news convention
for quotes over several paragraphs), unless it opens with a transcript speaker label
("PENCE: Well, ..."). A closing-shaped mark never opens a stretch. Whether a stretch is
speech is for :mod:`byline.analysis.quotes.finder` to say. Must not import Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from byline.analysis.model import Span

_MARKS = re.compile('["“”]')
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SMALL = frozenset(
    "a an the of and or in on at to for is with by from vs as but it be not no s ’s 's".split()
)
SPEAKER_LABEL = re.compile(r"[\"“]\s*([A-Z][A-Z.'’ -]{1,40}):")
"""A transcript speaker label opening a quote ("“PENCE: Well, ..."); group 1 is the name."""


def quoted_stretches(text: str, paragraphs: Sequence[Span]) -> list[tuple[int, int]]:
    """Spans from each opening double quotation mark to its closing one, marks included.

    Args:
        text: the article.
        paragraphs: the body's paragraphs in order.

    Returns:
        ``(start, end)`` offsets in text order; a quote continued over paragraphs is one
        stretch, and one left open at a paragraph's end stops with that paragraph.
    """
    stretches: list[tuple[int, int]] = []
    open_at: int | None = None
    for index, paragraph in enumerate(paragraphs):
        body = text[paragraph.start : paragraph.end]
        lead = paragraph.start + len(body) - len(body.lstrip())
        for match in _MARKS.finditer(text, paragraph.start, paragraph.end):
            at, mark = match.start(), match.group()
            if open_at is None:
                if mark != "”":  # a closing-shaped mark never opens a quote
                    open_at = at
            elif at == lead and open_at < paragraph.start:
                continue  # a continuation paragraph reopens the quote left open
            elif mark == "“" and not _closes(text, at):
                stretches.append((open_at, _trim(text, open_at, at)))
                open_at = at
            else:
                stretches.append((open_at, at + 1))
                open_at = None
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if (
                following is None
                or text[following.start] not in '"“'
                or SPEAKER_LABEL.match(text, following.start, following.end)
            ):
                stretches.append((open_at, _trim(text, open_at, paragraph.end)))
                open_at = None
    return stretches


def _closes(text: str, at: int) -> bool:
    after = text[at + 1] if at + 1 < len(text) else " "
    return not text[at - 1].isspace() and (after.isspace() or after in ",.;:")


def _trim(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def words_in(text: str) -> list[str]:
    """The words (runs of letters or digits) of ``text``."""
    return _WORD.findall(text)


def title_like(words: Sequence[str]) -> bool:
    """Whether quoted words read as a title or a slogan rather than speech."""
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)
