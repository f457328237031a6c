"""An article's layout: headline, paragraphs and where the story ends.

Works on raw offsets only (no NLP), so it is cheap and safe on any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from byline.analysis.model import Span

# Line ends may be LF, CRLF or a lone CR; the atomic group stops one CRLF counting twice.
_BLANK_LINE = re.compile(r"(?>\r\n|\r|\n)[ \t\f\v\u00a0]*(?>\r\n|\r|\n)")
_LINE = re.compile(r"[^\r\n]+")

# Short trailing paragraphs that belong to the web page, not the story.
_FURNITURE = re.compile(
    r"""^(?:
        (?:load|show|view|hide|read|see)\s+(?:\d+\s+)?comments?
        | (?:blog\s+)?comments?\s+powered\s+by\b.*
        | comments?
        | advertisement | sponsored(?:\s+content)?
        | (?:share|tweet|email|print)(?:\s+(?:this|on)\b.*)?
        | (?:related|recommended|more)\s+(?:articles?|stories|coverage|from\b.*)
        | (?:follow|like)\s+us\b.*
        | sign\s+up\b.* | subscribe\b.*
        | click\s+here\b.* | read\s+more\b.*
        | (?:copyright|\(c\)|©)\b.* | all\s+rights\s+reserved\.?
        | tags?:.* | filed\s+under\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_FURNITURE_WORDS = 12
_MAX_TITLE_CHARS = 160
# A story's opening sentence, not a headline: it names its source ("(CNN)",
# "London (Reuters) -"), or ends a sentence inside a quote ("… a 'constitutional right.'").
_SOURCE_TAG = re.compile(r"^.{0,60}?\((?:CNN|Reuters|AP|AFP|PTI|IANS|ANI|UPI)\)")
_CLOSED_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]+$")
_TIME_STAMP = re.compile(r"^\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)
# A question headline is short ("Will the IACC survive?"); a longer one, or one with a
# comma and no label ("Ferrari, who are Ferrari?"), opens the story.
_MAX_QUESTION_WORDS = 8


@dataclass(frozen=True, slots=True)
class Layout:
    """The parts of an article before any language processing."""

    title: str | None
    title_span: Span | None
    body: Span
    paragraphs: tuple[Span, ...]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Paragraphs of ``text[start:end]``.

    Blank lines separate paragraphs when the text has any (single newlines are then
    soft wraps); otherwise every non-empty line is a paragraph.
    """
    end = len(text) if end is None else end
    region = text[start:end]
    spans: list[Span] = []
    if _BLANK_LINE.search(region):
        cursor = start
        for match in _BLANK_LINE.finditer(text, start, end):
            spans.append(Span(*_strip(text, cursor, match.start())))
            cursor = match.end()
        spans.append(Span(*_strip(text, cursor, end)))
    else:
        for match in _LINE.finditer(text, start, end):
            spans.append(Span(*_strip(text, match.start(), match.end())))
    return [span for span in spans if span.end > span.start]


def looks_like_headline(line: str) -> bool:
    """A short line without a sentence's final period, not a dateline lead.

    A line naming its source ("(CNN) ..."), ending in "!" or in a sentence closed inside
    quotes, or ending in "?" or "..." after more than a few words is the story's first
    sentence (1.5% of CNN/DailyMail stories open so); so is a bare time stamp.
    """
    line = line.strip()
    if not line or len(line) > _MAX_TITLE_CHARS or _LINE.fullmatch(line) is None:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if line[0] in "“\"‘'(" and line.count(" ") > 12:
        return False
    if _SOURCE_TAG.match(line) or _CLOSED_SENTENCE.search(line) or _TIME_STAMP.match(line):
        return False
    words = line.split()
    if line.endswith("!"):
        return False
    if line.endswith(("?", "...")) and (
        len(words) > _MAX_QUESTION_WORDS or ("," in line and ":" not in line)
    ):
        return False
    return 1 <= len(words) <= 25 and any(ch.isalpha() for ch in line)


def is_furniture(paragraph: str) -> bool:
    """True for page furniture such as "load comments" or "Share this"."""
    lines = [" ".join(line.split()) for line in paragraph.splitlines() if line.strip()]
    return bool(lines) and all(
        len(line.split()) <= _MAX_FURNITURE_WORDS and _FURNITURE.match(line) for line in lines
    )


def layout(text: str) -> Layout:
    """Find the headline, the story body and its paragraphs."""
    paragraphs = split_paragraphs(text)
    title: str | None = None
    title_span: Span | None = None
    if len(paragraphs) > 1:
        first = paragraphs[0]
        if looks_like_headline(first.text(text)):
            title_span = first
            title = first.text(text).strip()
            paragraphs = paragraphs[1:]
    while paragraphs and is_furniture(paragraphs[-1].text(text)):
        paragraphs.pop()
    if paragraphs:
        body = Span(paragraphs[0].start, paragraphs[-1].end)
    else:
        cursor = title_span.end if title_span else 0
        body = Span(cursor, cursor)
    return Layout(title=title, title_span=title_span, body=body, paragraphs=tuple(paragraphs))
