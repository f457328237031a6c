"""ArticleView: the article text, wrapped to the view and painted one line at a time.

A Line API widget (``ScrollView`` + ``render_line``): the text is wrapped into
``(start, end)`` character ranges once per width, and only the visible lines are turned
into strips, so a megabyte-long article paints as fast as a short one. Highlights are
layers of character spans (summary, mentions, quote, search) styled by component classes
from ``styles/``, and every highlighted segment is kept readable (``tui/contrast.py``).
The text keeps a readable measure (at most ``measure`` cells a line, centred), a byline
may stand under the headline, web addresses in the text are links, and a mouse selection
copies the article's own text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from byline.tui.links import find_links
from byline.tui.text import display_text, shown_with_breaks
from byline.tui.widgets.article_paint import component_style, paint_line, paint_message
from byline.tui.widgets.pager_view import PagerView
from byline.tui.widgets.spans import SpanLayer
from byline.tui.widgets.wrapping import LineLayout, Span, paragraph_ranges, wrap_paragraph

if TYPE_CHECKING:
    from textual.selection import Selection

__all__ = ["ArticleView", "SpanLayer", "paragraph_ranges", "wrap_paragraph"]

WRAP_STEP_SECONDS = 0.008
"""How long each background wrapping step may take before keys get their turn."""


LAYERS = ("title", "summary", "hedge", "mention", "claim", "quote", "source", "search", "current")
"""Highlight layers, painted in this order (later ones win where they overlap).

``hedge`` quietly marks every "reportedly"; ``claim`` is the attribution the reader is on
and ``source`` its source and cue.

``current`` marks the one place the reader just jumped to (a mention, a match, a sentence).
"""

EMPTY_MESSAGE = "(This article is empty.)"
"""What the view shows instead of an article that is empty or only white space."""

DEFAULT_MEASURE = 88
"""The longest line of text, in cells, unless the reader chose another (glow and frogmouth
keep about this much; 0 or None: as wide as the view)."""


class ArticleView(PagerView, can_focus=True):
    """The article text with highlighted spans; scrolls a character offset into view."""

    COMPONENT_CLASSES = {f"article-view--{layer}" for layer in LAYERS} | {
        "article-view--empty",
        "article-view--byline",
        "article-view--link",
    }

    @dataclass
    class LinkChosen(Message):
        """The reader clicked a web address in the text."""

        url: str

    def __init__(
        self,
        text: str = "",
        *,
        byline: str | None = None,
        byline_after: int = 0,
        measure: int | None = DEFAULT_MEASURE,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name
        classes: str | None = None,
    ) -> None:
        """The view of ``text``.

        Args:
            text: the article exactly as read.
            byline: a line (author, publication, date) shown after paragraph
                ``byline_after`` (-1: above the text); it is not part of the text.
            measure: the longest line in cells (0 or None: the view's width).
        """
        super().__init__(name=name, id=id, classes=classes)
        self._measure = measure or 0
        self._layout: LineLayout | None = None
        """The screen lines at the current width (None until the view has a width)."""
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._load(text, byline, byline_after)

    def _load(self, text: str, byline: str | None, byline_after: int) -> None:
        self._text = text
        self._shown = display_text(text)
        """The text as painted: controls replaced one for one, so offsets still match."""
        self._paragraphs: list[Span] = paragraph_ranges(text)
        self._byline = display_text(" ".join(byline.split())) if byline else None
        self._byline_after = byline_after
        self._layers: dict[str, SpanLayer] = {layer: SpanLayer() for layer in LAYERS}
        links = find_links(self._shown)
        self._links = SpanLayer(span for span, _ in links)
        self._urls = {span[0]: url for span, url in links}

    # -- content -----------------------------------------------------------------

    @property
    def text(self) -> str:
        """The article text exactly as read."""
        return self._text

    @property
    def is_empty(self) -> bool:
        """True when the article has nothing to show (empty, or only white space)."""
        return not self._paragraphs

    @property
    def line_count(self) -> int:
        """How many screen lines the wrapped article takes (wrapping all of it)."""
        layout = self._layout
        if layout is None:
            return 0
        if not layout.complete:
            layout.wrap_all()
            self._settle()
        return len(layout.lines)

    @property
    def is_wrapped_to_width(self) -> bool:
        """Whether the lines are wrapped for the view's present width (not before the
        first layout, nor between a resize and the next paint)."""
        width = self._content_width()
        return width > 0 and self._layout is not None and self._layout.width == width

    @property
    def wrapped_all(self) -> bool:
        """Whether every line is laid out (nothing left for the background steps)."""
        return self._layout is not None and self._layout.complete

    @property
    def byline(self) -> str | None:
        """The line shown under the headline (as painted), or None."""
        return self._byline

    @property
    def measure(self) -> int:
        """The longest line of text in cells (0: as wide as the view)."""
        return self._measure

    @measure.setter
    def measure(self, cells: int | None) -> None:
        self._measure = cells or 0
        self._rewrap()

    def set_text(self, text: str, *, byline: str | None = None, byline_after: int = 0) -> None:
        """Show another article from its top, with no highlights (``byline``: as for the
        constructor)."""
        self._load(text, byline, byline_after)
        self._layout = None
        self._rewrap()
        self.scroll_to(0, 0, animate=False, force=True)

    def set_highlights(self, layer: str, spans: Iterable[Span]) -> None:
        """Replace the spans of one highlight layer (see :data:`LAYERS`)."""
        self._layers[layer] = SpanLayer(spans)
        self._cache.clear()
        self.refresh()

    def highlights(self, layer: str) -> list[Span]:
        """The spans currently in ``layer``."""
        return list(self._layers[layer].spans)

    # -- layout ------------------------------------------------------------------

    def _room(self) -> int:
        # Wrap as if the vertical scrollbar were always there, so its coming and going
        # never leaves lines wider than the view.
        gutter = 0 if self.styles.overflow_y == "hidden" else self.styles.scrollbar_size_vertical
        return self.content_region.width - gutter

    def _content_width(self) -> int:
        room = self._room()
        return min(room, self._measure) if self._measure else room

    @property
    def margin(self) -> int:
        """Blank cells left of the text, which centre a measure narrower than the view."""
        return max(0, (self._room() - self._content_width()) // 2)

    def _rewrap(self) -> None:
        """Lay the text out again when the width changed, keeping the top line's text at
        the top; only the screens around it are wrapped now, the rest in later steps."""
        width = self._content_width()
        old = self._layout
        if width <= 0 or (old is not None and width == old.width):
            return
        anchor = self.first_visible_offset() if old is not None else 0
        layout = self._layout = LineLayout(
            self._shown, self._paragraphs, width, self._byline, self._byline_after
        )
        screen = max(24, self.size.height)
        if old is not None:
            layout.start_near(anchor, old, lines_before=3 * screen)
        layout.wrap_through_offset(anchor, extra_lines=2 * screen)
        self._cache.clear()
        self._settle()
        if anchor:
            self.scroll_to(y=layout.line_of(anchor), animate=False, force=True)
        self.refresh()
        if not layout.complete:
            self.call_later(self._wrap_more, layout)

    def _wrap_more(self, layout: LineLayout) -> None:
        if layout is not self._layout:
            return  # the width or the text changed meanwhile
        if not layout.complete:  # a caller may have finished it
            layout.wrap_for(WRAP_STEP_SECONDS)
        self._settle()
        if not layout.complete:
            self.call_later(self._wrap_more, layout)

    def _settle(self) -> None:
        """After wrapping: the scroll range, and, once the text above a layout started
        further down is in, the same text kept at the top of the view."""
        layout = self._layout
        if layout is None:
            return
        moved = layout.take_moved()
        size = Size(layout.width, layout.height())
        if size != self.virtual_size:
            self.virtual_size = size
        if moved is not None:
            self._cache.clear()
            line, by = moved
            top = self.scroll_offset.y
            if by and top >= line:
                self.scroll_to(y=top + by, animate=False, force=True)
            self.refresh()

    def on_resize(self) -> None:
        self._rewrap()
        self.call_after_refresh(self._take_lost_focus)

    def _take_lost_focus(self) -> None:
        # A narrow screen hides the side panel, and the focus with it: the keyboard
        # comes back to the article rather than to nothing.
        try:
            screen = self.screen
        except Exception:  # noqa: BLE001 - unmounted meanwhile
            return
        if screen.focused is None and self.display and screen.is_current:
            self.focus()

    def line_of(self, offset: int) -> int:
        """The screen line showing character ``offset`` (the nearest one in a gap)."""
        layout = self._layout
        if layout is None:
            return 0
        if not layout.complete:
            layout.wrap_through_offset(offset)
            self._settle()
        return layout.line_of(offset)

    def scroll_to_offset(self, start: int, end: int | None = None, *, center: bool = True) -> None:
        """Bring the text at ``[start, end)`` into view, about a third of the way down."""
        self._rewrap()
        first = self.line_of(start)
        last = self.line_of(max(start, (end or start + 1) - 1))
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if not center and top <= first and last < top + height:
            return
        span_height = last - first + 1
        above = 0 if span_height >= height else max(0, (height - span_height) // 3)
        self.scroll_to(y=max(0, first - above), animate=False, force=True)

    def first_visible_offset(self) -> int:
        """The character offset at the top of the view."""
        layout = self._layout
        if layout is None:
            return 0
        top = self.scroll_offset.y
        layout.wrap_through_line(top)
        self._settle()
        if not layout.lines:
            return 0
        return layout.starts[min(top, len(layout.lines) - 1)]

    # -- selection and links -------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The article's own text under a mouse selection (as shown: controls replaced),
        with its paragraph breaks rather than the screen's line ends."""
        layout = self._layout
        if layout is None or not layout.lines:
            return None
        start = layout.offset_at(*selection.start.transpose) if selection.start else 0
        end = layout.offset_at(*selection.end.transpose) if selection.end else len(self._shown)
        self._settle()
        return shown_with_breaks(self._text, self._shown, start, end), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    def action_open_link(self, start: int) -> None:
        """Say that the link starting at ``start`` was clicked (the app opens it)."""
        url = self._urls.get(start)
        if url is not None:
            self.post_message(self.LinkChosen(url))

    # -- painting ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._styles.clear()

    def _style(self, component: str) -> Style:
        """A component class's style (``auto`` text colour resolved), cached per theme."""
        style = self._styles.get(component)
        if style is None:
            style = self._styles[component] = component_style(self, f"article-view--{component}")
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first layout paints before the Resize event arrives: wrapping here puts the
        # text in the very first frame instead of one frame (and ~60 ms) later.
        self._rewrap()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self._layout
        if layout is not None and not layout.complete:
            stand_ins = layout.stand_ins
            layout.wrap_through_line(index)  # scrolled ahead of the background wrapping
            if stand_ins and not layout.stand_ins:  # or above where it started
                self._settle()
        if layout is None or index >= len(layout.lines):
            if index == 0 and self.is_empty:
                return self._empty_line(base).crop_extend(0, width, base)
            return Strip.blank(width, base)
        selection = self.text_selection
        key = (index, layout.width)
        strip = self._cache.get(key) if selection is None else None
        if strip is None:
            strip = self._render_screen_line(index, base, selection)
            if selection is None:
                self._cache[key] = strip
        margin = self.margin
        if margin:
            strip = Strip.join([Strip.blank(margin, base), strip])
        strip = strip.crop_extend(scroll_x, scroll_x + width, base)
        return strip.apply_offsets(scroll_x - margin, index)

    def article_line(self, index: int) -> Strip:
        """Line ``index`` of the whole article (not of the view) as painted, unscrolled."""
        layout = self._layout
        if layout is None:
            return Strip.blank(0)
        layout.wrap_through_line(index)
        self._settle()
        return self._render_screen_line(index, self.rich_style)

    def _empty_line(self, base: Style) -> Strip:
        style = base + self.get_component_rich_style("article-view--empty", partial=True)
        return paint_message(EMPTY_MESSAGE, style, self.app.console)

    def _render_screen_line(
        self, index: int, base: Style, selection: Selection | None = None
    ) -> Strip:
        layout = self._layout
        assert layout is not None
        selected = None
        if selection is not None and (columns := selection.get_span(index)) is not None:
            selected = (columns, self.screen.get_component_rich_style("screen--selection"))
        return paint_line(
            layout,
            index,
            self._shown,
            links=self._links,
            layers=self._layers,
            style_of=self._style,
            base=base,
            console=self.app.console,
            selected=selected,
        )
