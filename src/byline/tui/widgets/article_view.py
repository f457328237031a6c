"""ArticleView: the article text, wrapped to the view and painted one line at a time.

A Line API widget (``ScrollView`` + ``render_line``): the text is wrapped into
``(start, end)`` character ranges once per width, and only the visible lines are turned
into strips, so a megabyte-long article paints as fast as a short one. Highlights are
layers of character spans (summary, mentions, quote, search) styled by component classes
from ``styles/``. Must not import the analysis pipeline: it shows text, it never analyses it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from byline.tui.text import display_text
from byline.tui.widgets.wrapping import LineLayout, Span, paragraph_ranges, wrap_paragraph

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


class SpanLayer:
    """Sorted character spans with a fast "which ones touch this range" query."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = sorted((s, e) for s, e in spans if e > s)
        self._starts = [s for s, _ in self.spans]
        self._max_ends: list[int] = []
        running = -1
        for _, end in self.spans:
            running = max(running, end)
            self._max_ends.append(running)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that share at least one character with ``[start, end)``."""
        first = bisect_right(self._max_ends, start)
        last = bisect_left(self._starts, end)
        return [(s, e) for s, e in self.spans[first:last] if e > start]

    def __bool__(self) -> bool:
        return bool(self.spans)


class ArticleView(ScrollView, can_focus=True):
    """The article text with highlighted spans; scrolls a character offset into view."""

    COMPONENT_CLASSES = {f"article-view--{layer}" for layer in LAYERS} | {"article-view--empty"}

    def __init__(
        self,
        text: str = "",
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._text = text
        self._shown = display_text(text)
        """The text as painted: controls replaced one for one, so offsets still match."""
        self._paragraphs: list[Span] = paragraph_ranges(text)
        self._layout: LineLayout | None = None
        """The screen lines at the current width (None until the view has a width)."""
        self._layers: dict[str, SpanLayer] = {layer: SpanLayer() for layer in LAYERS}
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)

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
            self._sync_virtual_size()
        return len(layout.lines)

    @property
    def is_wrapped_to_width(self) -> bool:
        """Whether the lines are wrapped for the view's present width (not before the
        first layout, nor between a resize and the next paint)."""
        width = self._content_width()
        return width > 0 and self._layout is not None and self._layout.width == width

    def set_text(self, text: str) -> None:
        """Show another article from its top, with no highlights."""
        self._text = text
        self._shown = display_text(text)
        self._paragraphs = paragraph_ranges(text)
        self._layers = {layer: SpanLayer() for layer in LAYERS}
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

    def _content_width(self) -> int:
        # Wrap as if the vertical scrollbar were always there, so its coming and going
        # never leaves lines wider than the view.
        gutter = 0 if self.styles.overflow_y == "hidden" else self.styles.scrollbar_size_vertical
        return self.content_region.width - gutter

    def _rewrap(self) -> None:
        """Lay the text out again when the width changed, keeping the top line's text at
        the top; only the screens around it are wrapped now, the rest in later steps."""
        width = self._content_width()
        if width <= 0 or (self._layout is not None and width == self._layout.width):
            return
        anchor = self.first_visible_offset() if self._layout is not None else 0
        layout = self._layout = LineLayout(self._shown, self._paragraphs, width)
        layout.wrap_through_offset(anchor, extra_lines=2 * max(24, self.size.height))
        self._cache.clear()
        self._sync_virtual_size()
        if anchor:
            self.scroll_to(y=layout.line_of(anchor), animate=False, force=True)
        self.refresh()
        if not layout.complete:
            self.call_later(self._wrap_more, layout)

    def _wrap_more(self, layout: LineLayout) -> None:
        if layout is not self._layout or layout.complete:
            return  # the width or the text changed meanwhile, or a caller finished it
        layout.wrap_for(WRAP_STEP_SECONDS)
        self._sync_virtual_size()
        if not layout.complete:
            self.call_later(self._wrap_more, layout)

    def _sync_virtual_size(self) -> None:
        layout = self._layout
        if layout is not None:
            size = Size(layout.width, layout.height())
            if size != self.virtual_size:
                self.virtual_size = size

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
            self._sync_virtual_size()
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
        if span_height >= height:
            target = first
        else:
            target = first - max(0, (height - span_height) // 3)
        self.scroll_to(y=max(0, target), animate=False, force=True)

    def first_visible_offset(self) -> int:
        """The character offset at the top of the view."""
        layout = self._layout
        if layout is None:
            return 0
        top = self.scroll_offset.y
        layout.wrap_through_line(top)
        if not layout.lines:
            return 0
        return layout.starts[min(top, len(layout.lines) - 1)]

    # -- painting ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

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
            layout.wrap_through_line(index)  # scrolled ahead of the background wrapping
        if layout is None or index >= len(layout.lines):
            if index == 0 and self.is_empty:
                return self._empty_line(base).crop_extend(0, width, base)
            return Strip.blank(width, base)
        key = (index, layout.width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_screen_line(layout.lines[index], base)
            self._cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def article_line(self, index: int) -> Strip:
        """Line ``index`` of the whole article (not of the view) as painted, unscrolled."""
        layout = self._layout
        if layout is None:
            return Strip.blank(0)
        layout.wrap_through_line(index)
        return self._render_screen_line(layout.lines[index], self.rich_style)

    def _empty_line(self, base: Style) -> Strip:
        style = base + self.get_component_rich_style("article-view--empty", partial=True)
        line = Text(EMPTY_MESSAGE, style=style, no_wrap=True, end="")
        segments = Segment.apply_style(line.render(self.app.console), style)
        return Strip(list(segments), line.cell_len)

    def _render_screen_line(self, line_span: Span, base: Style) -> Strip:
        start, end = line_span
        shown = self._shown[start:end]
        line = Text(shown, style=base, no_wrap=True, end="")
        highlighted = False
        for layer in LAYERS:
            spans = self._layers[layer]
            if not spans:
                continue
            style = self.get_component_rich_style(f"article-view--{layer}", partial=True)
            for span_start, span_end in spans.overlapping(start, max(end, start + 1)):
                line.stylize(style, max(0, span_start - start), min(end, span_end) - start)
                highlighted = True
        if not highlighted:
            # Most lines (all of them before the analysis lands): one plain segment, the
            # same as what Text.render gives, without its cost on the first frame.
            return Strip([Segment(shown, base)], line.cell_len)
        # Text.render leaves the Text's own style off its segments: put the base (the
        # view's colours) under every segment, or the words lose the view's background.
        segments: Sequence[Segment] = list(Segment.apply_style(line.render(self.app.console), base))
        return Strip(segments, line.cell_len)
