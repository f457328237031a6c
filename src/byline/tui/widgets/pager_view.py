"""PagerView: a scroll view that answers less's keys (``bindings.ARTICLE_BINDINGS``).

``j``/``k``, ``space``/``b`` (and ``shift+space``), ``ctrl+d``/``ctrl+u``,
``ctrl+f``/``ctrl+b``, ``g``/``G`` and Home/End, beside the arrows and PgUp/PgDn. Every
move is immediate: an animated jump to the end of a long article takes most of a second.
"""

from __future__ import annotations

from textual.scroll_view import ScrollView

from byline.tui.bindings import ARTICLE_BINDINGS


class PagerView(ScrollView):
    """A scroll view with the pager keys; ``line_count`` is the content's height."""

    BINDINGS = ARTICLE_BINDINGS

    @property
    def line_count(self) -> int:
        """How many lines the content takes (a subclass may lay out the rest first)."""
        return self.virtual_size.height

    def _scroll_by(self, lines: int) -> None:
        self.scroll_to(y=max(0, self.scroll_offset.y + lines), animate=False, force=True)

    def action_scroll_lines(self, lines: int) -> None:
        self._scroll_by(lines)

    def action_scroll_pages(self, pages: int) -> None:
        self._scroll_by(pages * max(1, self.scrollable_content_region.height))

    def action_scroll_half(self, halves: int) -> None:
        self._scroll_by(halves * max(1, self.scrollable_content_region.height // 2))

    def action_scroll_edge(self, end: int) -> None:
        """The top (``end`` < 0) or the bottom of the article."""
        # ``line_count`` wraps the rest first, so the bottom is the real one.
        self.scroll_to(y=0 if end < 0 else self.line_count, animate=False, force=True)
