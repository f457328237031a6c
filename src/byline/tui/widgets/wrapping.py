"""Wrapping the article into screen lines: paragraphs, greedy word wrap, and a layout
that wraps from the top on demand.

A megabyte of text takes about a tenth of a second to wrap, so :class:`LineLayout` wraps
only as far as it is asked (the first screens, for the first frame) and the view wraps the
rest in short steps afterwards, with keys handled in between. Pure Python, no Textual.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right

from rich.cells import cell_len, get_character_cell_size

Span = tuple[int, int]

# Paragraphs are separated by blank lines; a text without any has one per line.
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_WORD = re.compile(r"\S+")
_NOT_PLAIN = re.compile(
    "[^ \n\u0021-\u007e\u00a1-\u00ac\u00ae-\u024f\u0370-\u0377\u037a-\u037f\u0384-\u038a"
    "\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]"
)
"""Outside a space, a newline and the printable characters of one cell each (ASCII, Latin,
Greek, Cyrillic, punctuation such as ’ “ — …, currency), checked one by one against
Rich's cell widths: such a paragraph takes the general wrap."""
_PLAIN_WORD = re.compile(r"[^ \n]")

FAR_DOWN = 32_768
"""Characters above the top line past which a new width is laid out from a few screens
above the top line first, and the text above that in background steps: a resize or
``t`` near the end of a 2 MiB article would otherwise wrap all of it first (0.1 s)."""


def paragraph_ranges(text: str) -> list[Span]:
    """Where the paragraphs are, as the screen shows them (leading/trailing space cut)."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    ranges: list[Span] = []
    position = 0
    for match in [*separator.finditer(text), None]:
        stop = len(text) if match is None else match.start()
        start, end = position, stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            ranges.append((start, end))
        if match is not None:
            position = match.end()
    return ranges


def _split_long_word(text: str, start: int, end: int, width: int) -> list[Span]:
    pieces: list[Span] = []
    piece_start, used = start, 0
    for index in range(start, end):
        cells = get_character_cell_size(text[index])
        if used + cells > width and index > piece_start:
            pieces.append((piece_start, index))
            piece_start, used = index, 0
        used += cells
    pieces.append((piece_start, end))
    return pieces


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[Span]:
    """Greedy word wrap of ``text[start:end]`` into lines at most ``width`` cells wide.

    Returns:
        ``(start, end)`` of each line; ``end`` excludes the spaces where the line breaks.
    """
    width = max(1, width)
    if not _NOT_PLAIN.search(text, start, end):
        return _wrap_plain(text, start, end, width)
    return _wrap_words(text, start, end, width)


def _wrap_words(text: str, start: int, end: int, width: int) -> list[Span]:
    """:func:`wrap_paragraph` for any text: word by word, measuring each word's cells."""
    lines: list[Span] = []
    line_start = line_end = -1
    used = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word = match.group()
        cells = len(word) if word.isascii() else cell_len(word)
        if line_start >= 0:
            gap = word_start - line_end
            if used + gap + cells <= width:
                used += gap + cells
                line_end = word_end
                continue
            lines.append((line_start, line_end))
        if cells > width:
            *full, (last_start, last_end) = _split_long_word(text, word_start, word_end, width)
            lines.extend(full)
            line_start, line_end = last_start, last_end
            used = cell_len(text[last_start:last_end])
        else:
            line_start, line_end, used = word_start, word_end, cells
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines


def _wrap_plain(text: str, start: int, end: int, width: int) -> list[Span]:
    """:func:`wrap_paragraph` for text of one-cell characters, spaces and newlines only
    (nothing ``_NOT_PLAIN`` matches), where a character is a cell: each line is found by
    looking back from ``width`` cells on, a few string searches a line instead of a step a
    word (a 2 MiB article wraps in 0.07 s instead of 0.37 s)."""
    lines: list[Span] = []
    position = start
    while position < end:
        limit = position + width
        if limit >= end:
            lines.append((position, end))
            break
        if text[limit] in " \n":
            line_end = limit  # the last word ends just at the edge
        else:
            line_end = max(text.rfind(" ", position, limit), text.rfind("\n", position, limit))
            if line_end < 0:  # one word wider than the line: split it at the edge
                lines.append((position, limit))
                position = limit
                continue
        while text[line_end - 1] in " \n":
            line_end -= 1
        lines.append((position, line_end))
        following = _PLAIN_WORD.search(text, line_end, end)
        if following is None:
            break
        position = following.start()
    return lines


class LineLayout:
    """The screen lines of one text at one width, wrapped from the top as far as needed.

    ``lines`` holds each wrapped line's ``(start, end)``, with an empty line between
    paragraphs; everything below the last wrapped paragraph is only estimated.

    A ``note`` (the byline under the headline) is shown but is not article text: its lines
    are empty spans in ``lines`` (at the next paragraph's start, as a blank line is, so
    every offset still maps to a line of the text) and ``note_lines`` says which part of
    the note each one shows.
    """

    def __init__(
        self,
        shown: str,
        paragraphs: list[Span],
        width: int,
        note: str | None = None,
        note_after: int = 0,
    ) -> None:
        """Args:
        shown: the text as painted.
        paragraphs: its paragraphs (:func:`paragraph_ranges`).
        width: cells per line.
        note: a line or two to show between paragraphs, or None.
        note_after: the paragraph the note follows (-1: before the first).
        """
        self.shown = shown
        self.paragraphs = paragraphs
        self.width = width
        self.note = note or ""
        self._note_before = note_after + 1 if note else -1
        """The paragraph the note's lines come just before (-1: no note)."""
        self.note_lines: dict[int, Span] = {}
        """Line index -> the part of ``note`` that line shows."""
        self.lines: list[Span] = []
        self.starts: list[int] = []
        self._next = 0
        """Index of the first paragraph not wrapped yet."""
        self._above: LineLayout | None = None
        """While the text above a layout started further down is wrapped: its layout."""
        self._assumed = 0
        """How many lines ``lines`` begins with that stand in for the text above."""
        self._moved: tuple[int, int] | None = None

    @property
    def complete(self) -> bool:
        return self._above is None and self._next >= len(self.paragraphs)

    def start_from(self, paragraph: int, lines_above: int) -> None:
        """Lay out from paragraph ``paragraph`` on, as if ``lines_above`` lines came
        before it; the text above is wrapped later (by :meth:`wrap_for`, or at once when
        something above is asked for). Once it is, the lines below move by what the
        guess missed: :meth:`take_moved` says how far.

        Why: after a resize near the end of a long article, wrapping everything above the
        top line first would keep a key waiting (a tenth of a second for 2 MiB).
        """
        if self.lines or not 0 < paragraph < len(self.paragraphs):
            return
        self._above = LineLayout(
            self.shown,
            self.paragraphs[:paragraph],
            self.width,
            self.note,
            self._note_before - 1 if self.note else 0,
        )
        start = self.paragraphs[paragraph][0]
        self._assumed = max(1, lines_above)
        self.lines = [(start, start)] * self._assumed
        self.starts = [start] * self._assumed
        self._next = paragraph

    def start_near(self, offset: int, old: LineLayout, lines_before: int) -> None:
        """When ``offset`` is far down (:data:`FAR_DOWN`), lay out from about
        ``lines_before`` lines above it (see :meth:`start_from`), guessing the lines above
        that from ``old``, the layout at the width before."""
        if offset <= FAR_DOWN:
            return
        before = offset - lines_before * self.width
        first = bisect_right(self.paragraphs, before, key=lambda span: span[0]) - 1
        if first > 0:
            start = self.paragraphs[first][0]
            self.start_from(first, round(old.line_of(start) * old.width / self.width))

    @property
    def stand_ins(self) -> int:
        """How many lines at the top stand in for text not wrapped yet (see
        :meth:`start_from`): empty lines, never painted as text."""
        return self._assumed if self._above is not None else 0

    def take_moved(self) -> tuple[int, int] | None:
        """``(line, by)`` once the text above has been wrapped: lines from ``line`` on (as
        numbered before) are now ``by`` lines further down. None otherwise; said once."""
        moved, self._moved = self._moved, None
        return moved

    def _join_above(self) -> None:
        above = self._above
        assert above is not None and above.complete
        shift = len(above.lines) - self._assumed
        self.lines[: self._assumed] = above.lines
        self.starts[: self._assumed] = above.starts
        notes = {index + shift: part for index, part in self.note_lines.items()}
        self.note_lines = {**above.note_lines, **notes}
        self._moved = (self._assumed, shift)
        self._above = None
        self._assumed = 0

    def _finish_above(self) -> None:
        if self._above is not None:
            self._above.wrap_all()
            self._join_above()

    def _wrap_next(self) -> None:
        start, end = self.paragraphs[self._next]
        if self._next == self._note_before:
            for part in wrap_paragraph(self.note, 0, len(self.note), self.width):
                self.note_lines[len(self.lines)] = part
                self.lines.append((start, start))
                self.starts.append(start)
            if not self._next:  # a note above the text: a blank line under it
                self.lines.append((start, start))
                self.starts.append(start)
        added = [(start, start)] if self._next else []
        # Measure what is painted: a control is 0 cells, its placeholder is 1.
        added.extend(wrap_paragraph(self.shown, start, end, self.width))
        self.lines.extend(added)
        self.starts.extend(line_start for line_start, _ in added)
        self._next += 1

    def _below_done(self) -> bool:
        return self._next >= len(self.paragraphs)

    def wrap_through_line(self, line: int) -> None:
        """Wrap until line ``line`` exists (or the text ends)."""
        if line < self.stand_ins:
            self._finish_above()
        while len(self.lines) <= line and not self._below_done():
            self._wrap_next()

    def wrap_through_offset(self, offset: int, extra_lines: int = 0) -> None:
        """Wrap until character ``offset`` and ``extra_lines`` lines below it are laid out."""
        if self._above is not None and offset < self.paragraphs[len(self._above.paragraphs)][0]:
            self._finish_above()
        while not self._below_done() and self.paragraphs[self._next][0] <= offset:
            self._wrap_next()
        self.wrap_through_line(self.line_of(offset) + extra_lines)

    def wrap_for(self, seconds: float) -> None:
        """Wrap further for about ``seconds``: the text above first, then below."""
        deadline = time.perf_counter() + seconds
        above = self._above
        if above is not None:
            above.wrap_for(seconds)
            if not above.complete:
                return
            self._join_above()
        while not self._below_done():
            for _ in range(64):
                if self._below_done():
                    return
                self._wrap_next()
            if time.perf_counter() > deadline:
                return

    def wrap_all(self) -> None:
        self._finish_above()
        while not self._below_done():
            self._wrap_next()

    def offset_at(self, line: int, column: int) -> int:
        """The text offset of character ``column`` of line ``line`` (clamped)."""
        self.wrap_through_line(line)
        if not self.lines:
            return 0
        start, end = self.lines[min(max(0, line), len(self.lines) - 1)]
        return min(end, start + max(0, column))

    def line_of(self, offset: int) -> int:
        """The line showing ``offset`` among those wrapped (the nearest one in a gap)."""
        if not self.lines:
            return 0
        return max(0, bisect_right(self.starts, offset) - 1)

    def height(self) -> int:
        """How many lines the whole text takes: exact once complete, else estimated from
        the characters per line so far."""
        if self._below_done() or not self.lines:
            return len(self.lines)
        done = self.paragraphs[self._next][0]
        remaining = len(self.shown) - done
        per_line = max(1.0, done / len(self.lines))
        return len(self.lines) + round(remaining / per_line)
