"""Painting one screen line of the article: its text with links, highlight layers and a
mouse selection styled on it, every segment kept readable.

Kept apart from :mod:`byline.tui.widgets.article_view` (which scrolls, lays out and
caches) so that what a line looks like is one piece of code. The view passes in what
the line needs; nothing here holds state.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget

from byline.tui.contrast import readable
from byline.tui.widgets.spans import SpanLayer
from byline.tui.widgets.wrapping import LineLayout, Span

StyleOf = Callable[[str], Style]
"""A component's style by its short name ("quote", "link", "byline", …)."""


def component_style(widget: Widget, name: str) -> Style:
    """Component class ``name``'s style, its ``auto`` text colour resolved against its own
    background, else the widget's (a partial style leaves it unresolved)."""
    style = widget.get_component_rich_style(name, partial=True)
    styles = widget.get_component_styles(name)
    if styles.auto_color:
        background = (
            Color.from_rich_color(style.bgcolor)
            if style.bgcolor is not None
            else widget.background_colors[1]
        )
        text = background + background.get_contrast_text(styles.color.a)
        style += Style(color=text.rich_color)
    return style


def paint_line(
    layout: LineLayout,
    index: int,
    shown: str,
    *,
    links: SpanLayer,
    layers: Mapping[str, SpanLayer],
    style_of: StyleOf,
    base: Style,
    console: Console,
    selected: tuple[Span, Style] | None = None,
) -> Strip:
    """Screen line ``index`` of ``layout`` as painted (unscrolled, without the margin).

    Args:
        shown: the text as painted (controls replaced one for one).
        links: the spans of web addresses (clickable).
        layers: highlight layers, painted in their order (later ones win).
        style_of: the style of a component by its short name.
        base: the view's own style, under every segment.
        selected: the selected columns of this line (end -1: to its end) and their style.
    """
    note = layout.note_lines.get(index)
    if note is not None:
        line = Text(layout.note[note[0] : note[1]], style=base, no_wrap=True, end="")
        line.stylize(style_of("byline"))
        return _strip(line, base, console)
    start, end = layout.lines[index]
    text = shown[start:end]
    line = Text(text, style=base, no_wrap=True, end="")
    highlighted = False
    for link_start, link_end in links.overlapping(start, max(end, start + 1)):
        click = Style.from_meta({"@click": f"open_link({link_start})"})
        line.stylize(style_of("link") + click, max(0, link_start - start), link_end - start)
        highlighted = True
    for layer, spans in layers.items():
        if not spans:
            continue
        style = style_of(layer)
        for span_start, span_end in spans.overlapping(start, max(end, start + 1)):
            line.stylize(style, max(0, span_start - start), min(end, span_end) - start)
            highlighted = True
    if selected is not None:
        (first, last), selection_style = selected
        last = len(text) if last == -1 else last
        line.stylize(selection_style, max(0, first), max(0, last))
        highlighted = True
    if not highlighted:
        # Most lines (all of them before the analysis lands): one plain segment, the
        # same as what Text.render gives, without its cost on the first frame.
        return Strip([Segment(text, base)], line.cell_len)
    return _strip(line, base, console)


def paint_message(message: str, style: Style, console: Console) -> Strip:
    """A line that is not article text (the empty article's note), in ``style``."""
    line = Text(message, style=style, no_wrap=True, end="")
    segments = Segment.apply_style(line.render(console), style)
    return Strip(list(segments), line.cell_len)


def _strip(line: Text, base: Style, console: Console) -> Strip:
    # Text.render leaves the Text's own style off its segments: put the base (the
    # view's colours) under every segment, or the words lose the view's background.
    # Then keep each segment readable, whatever the theme made of its colours.
    segments: Sequence[Segment] = [
        Segment(text, readable(style) if style is not None else style, control)
        for text, style, control in Segment.apply_style(line.render(console), base)
    ]
    return Strip(segments, line.cell_len)
