"""Quotation marks and how they pair, by their shape and by which way they face.

A mark faces forward (it opens) when a space, the paragraph's start or an opening
bracket stands before it and a word after it; it faces back (it closes) when a word or
punctuation stands before it and a space or punctuation after it. Curly marks also open
or close by their shape. Pairing walks the marks in order: a mark that clearly opens
while a quote is still open closes that quote where it stands, for a quote over several
paragraphs that lost its paragraph breaks leaves its mark open and the next paragraph
opens a new one ("... 26 weeks. "We are going ..."). A paragraph left open continues into
the next when that one opens with a mark (the news convention), unless it opens with a
transcript speaker label ("PENCE: Well, ...").

Double marks (" “ ” and the doubled apostrophe '' some papers print) pair first; single
marks (' ‘ ’), which British papers quote with, pair only outside double-quoted text, and
never where they are apostrophes: inside a word (it's, L’Oréal), before a year or an
elided word ('90s, 'em, rock 'n' roll) or after a plural possessive ("Jones' car").

Other languages' marks pair the same way. The low marks „ and ‚ (German, Polish …) only
open, and the quote they open closes at “ or ” (‘ or ’), so German „…“ is not read
inverted. Guillemets « » and ‹ › face by their shape (« opens, French and Swiss) unless
glued to a word the other way round, as German and Danish print them (»Wir …«); the
no-break spaces French sets inside them (« Nous … ») belong to the marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from byline.analysis.model import Span

_DOUBLE = re.compile("''|[\"“”„«»]")
_SINGLE = re.compile("[‘’'‚‹›]")
_LOW_CLOSERS = {"„": "“”", "‚": "‘’"}
"""What closes a quote a low mark opens, whatever way the closing mark faces."""
_GUILLEMETS = {"«": True, "»": False, "‹": True, "›": False}
"""Each guillemet and whether its shape opens (French, Swiss) when nothing says otherwise."""
_OPEN_BEFORE = frozenset("([{—–-/“‘\"'")
_CLOSE_AFTER = frozenset(",.;:!?)]}—–-…”’\"'")
_ELISION = re.compile(r"['’](?:\d\d|em\b|n['’]|tis\b|twas\b|cause\b|til\b|bout\b|round\b)", re.I)
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor so yet for of in on at to by with from into onto as than "
    "is are was were be been am has have had do does did will would can could may might "
    "must should shall he she it they we i you him her them us me his its their our my "
    "that this these those which who whom what when where while if because after before "
    "since until about over under up down out off again not no also then there here".split()
)
SPEAKER_LABEL = re.compile(r"(?:[\"“‘]|'')\s*([A-Z][A-Z.'’ -]{1,40}):")
"""A transcript speaker label opening a quote ("“PENCE: Well, ..."); group 1 is the name."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark: where it stands, its width, and which ways it may face."""

    at: int
    size: int
    opens: bool
    closes: bool
    shape: str = '"'

    @property
    def end(self) -> int:
        return self.at + self.size

    @property
    def clearly_opens(self) -> bool:
        return self.opens and not self.closes


MarkFinder = Callable[[str, int, int], list[Mark]]
"""Finds the marks of one kind in ``text[start:end]``."""


def _facing(text: str, at: int, size: int) -> tuple[bool, bool]:
    """Whether a straight mark at ``at`` may open and may close, from what is around it."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + size] if at + size < len(text) else " "
    opens = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
    if not opens and not closes and before.isspace() and after.isspace():
        opens = closes = True  # a mark standing alone (" word "): either
    return opens, closes


def _guillemet_facing(text: str, at: int) -> tuple[bool, bool]:
    """Whether a guillemet opens and closes: by its shape, unless glued the other way.

    « closes only after a word and before a space or punctuation ("das«,"); » opens only
    after a space and before a word ("»Wir"); a space French sets inside the marks never
    counts as glue ("« Nous", "gagner »").
    """
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if _GUILLEMETS[text[at]]:
        reversed_ = not before.isspace() and before not in _OPEN_BEFORE
        reversed_ = reversed_ and (after.isspace() or after in _CLOSE_AFTER)
        return not reversed_, reversed_
    reversed_ = (before.isspace() or before in _OPEN_BEFORE) and after.isalnum()
    return reversed_, not reversed_


def _shape_faced(text: str, at: int, mark: str) -> Mark | None:
    """The mark at ``at`` if its shape says which way it faces: a guillemet (unless glued
    the other way round, German »…«) or a low mark „ ‚, which only opens. None for the
    marks whose facing their neighbours decide."""
    if mark in _GUILLEMETS:
        return Mark(at, 1, *_guillemet_facing(text, at), mark)
    if mark in _LOW_CLOSERS:
        return Mark(at, 1, True, False, mark)
    return None


def double_marks(text: str, start: int, end: int) -> list[Mark]:
    """The double quotation marks of ``text[start:end]`` in order."""
    found = []
    for match in _DOUBLE.finditer(text, start, end):
        at, mark = match.start(), match.group()
        if (fixed := _shape_faced(text, at, mark)) is not None:
            found.append(fixed)
            continue
        opens, closes = _facing(text, at, len(mark))
        if mark == "”":
            opens, closes = False, True
        elif mark == "“":
            opens = True  # curly opening marks also close in careless copy ("word“ ")
        elif not opens and not closes:
            opens = closes = True  # a mark between two words: either way
        found.append(Mark(at, len(mark), opens, closes, mark))
    return found


def single_marks(text: str, start: int, end: int) -> list[Mark]:
    """The single quotation marks of ``text[start:end]``, apostrophes left out."""
    found = []
    for match in _SINGLE.finditer(text, start, end):
        at, mark = match.start(), match.group()
        if (fixed := _shape_faced(text, at, mark)) is not None:
            found.append(fixed)
            continue
        before = text[at - 1] if at > 0 else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if mark == "'" and "'" in (before, after):
            continue  # half of a doubled apostrophe, a double mark
        if before.isalnum() and after.isalnum():
            continue  # it's, L’Oréal, rock'n'roll
        if _ELISION.match(text, at) and (before.isspace() or before in _OPEN_BEFORE):
            continue  # '90s, 'em, rock 'n' roll
        if before in "nN" and at >= 2 and text[at - 2] in "'’" and _ELISION.match(text, at - 2):
            continue  # the closing half of 'n'
        if before.isspace() and after.isspace() and mark != "‘":
            continue  # a lone mark between spaces: the closing half of " 'n' " or noise
        if mark == "‘":
            found.append(Mark(at, 1, True, False, mark))
            continue
        opens, closes = _facing(text, at, 1)
        if mark == "’":
            opens = False
        if closes and before in "sS" and _possessive_follows(text, at + 1):
            continue  # the Joneses' car, the residents’ association
        if opens or closes:
            found.append(Mark(at, 1, opens, closes, mark))
    return found


def _possessive_follows(text: str, at: int) -> bool:
    """Whether a noun-like word follows ``at`` after one space ("s' car", not "s' in")."""
    if at + 1 >= len(text) or text[at] != " " or not text[at + 1].islower():
        return False
    word = _NEXT_WORD.match(text, at + 1)
    return word is not None and word.group().lower() not in _FUNCTION_WORDS


def pair(
    text: str,
    paragraphs: Sequence[Span],
    find: MarkFinder,
    *,
    inside: Sequence[tuple[int, int]] = (),
    closed_only: bool = False,
) -> list[tuple[int, int]]:
    """Stretches from each opening mark to its closing one, marks included.

    Args:
        text: the article.
        paragraphs: the body's paragraphs in order.
        find: :func:`double_marks` or :func:`single_marks`.
        inside: stretches already found; marks within them are skipped.
        closed_only: keep only stretches that end with a closing mark (or continue into
            a paragraph that reopens them); single marks are too often apostrophes to
            trust one left open.

    Returns:
        ``(start, end)`` offsets in text order; a quote continued over paragraphs is one
        stretch, and one left open at a paragraph's end stops with that paragraph.
    """
    stretches: list[tuple[int, int]] = []
    open_at: int | None = None
    closers = ""  # what closes the open quote whatever way it faces (after „ or ‚)
    taken = sorted(inside)
    for index, paragraph in enumerate(paragraphs):
        body = text[paragraph.start : paragraph.end]
        lead = paragraph.start + len(body) - len(body.lstrip())
        for mark in find(text, paragraph.start, paragraph.end):
            if taken and _within(taken, mark.at):
                continue
            if open_at is None:
                if mark.opens:
                    open_at, closers = mark.at, _LOW_CLOSERS.get(mark.shape, "")
            elif mark.at == lead and open_at < paragraph.start:
                continue  # a continuation paragraph reopens the quote left open
            elif mark.shape in closers:
                stretches.append((open_at, mark.end))
                open_at = None
            elif mark.clearly_opens:
                if not closed_only:
                    stretches.append((open_at, _trim(text, open_at, mark.at)))
                open_at, closers = mark.at, _LOW_CLOSERS.get(mark.shape, "")
            elif mark.closes:
                stretches.append((open_at, mark.end))
                open_at = None
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if (
                following is None
                or not _opens_paragraph(text, following, find)
                or SPEAKER_LABEL.match(text, following.start, following.end)
            ):
                if not closed_only or open_at < paragraph.start:
                    stretches.append((open_at, _trim(text, open_at, paragraph.end)))
                open_at = None
    return stretches


def _opens_paragraph(text: str, paragraph: Span, find: MarkFinder) -> bool:
    marks = find(text, paragraph.start, min(paragraph.end, paragraph.start + 2))
    return bool(marks) and marks[0].at == paragraph.start and marks[0].opens


def _within(stretches: Sequence[tuple[int, int]], at: int) -> bool:
    for start, end in stretches:
        if start <= at < end:
            return True
        if start > at:
            return False
    return False


def _trim(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def quoted_stretches(text: str, paragraphs: Sequence[Span]) -> list[tuple[int, int]]:
    """Double-quoted stretches, then single-quoted ones outside them, in text order."""
    doubles = pair(text, paragraphs, double_marks)
    singles = pair(text, paragraphs, single_marks, inside=doubles, closed_only=True)
    return sorted(doubles + singles)
