"""Every highlight reads at WCAG AA (4.5:1) in every built-in theme.

Measured on what the article view paints: for each theme and each combination of
highlight layers on one word (a search match inside a quote, the current mention over
the summary…), the colours of the painted segment, ``reverse`` applied. ANSI themes use
the terminal's palette; they are measured through the palette Textual itself converts
ANSI colours with (``App.ansi_theme``).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from rich.color import ColorTriplet
from rich.style import Style
from rich.terminal_theme import TerminalTheme

from byline.analysis.model import Analysis
from byline.tui.app import BylineApp
from byline.tui.contrast import (
    BLACK,
    MINIMUM_CONTRAST,
    WHITE,
    contrast_ratio,
    painted_colours,
    readable,
)
from byline.tui.widgets.article_view import LAYERS
from tests.tui.helpers import make_reader, settle, web_article

STACKS = [c for n in range(1, len(LAYERS) + 1) for c in combinations(LAYERS, n)]
"""Every combination of layers (the later ones win where they overlap, as painted)."""


def test_every_highlight_layer_is_measured() -> None:
    # Who said what's layers (the claim, its source and cue, the hedges) are highlights
    # too: the stacks below must paint them, alone and under the others.
    assert {"hedge", "claim", "source", "quote", "search", "current"} <= set(LAYERS)
    assert {("claim",), ("hedge",), ("source",), ("claim", "source", "search")} <= set(STACKS)


def test_contrast_ratio_is_wcag() -> None:
    assert round(contrast_ratio(WHITE, BLACK), 2) == 21.0
    assert contrast_ratio(WHITE, WHITE) == 1.0
    # textual-dark's old "current": its $text-primary on its $primary, 1.70:1.
    old = contrast_ratio(ColorTriplet(0x3D, 0x98, 0xDB), ColorTriplet(0x01, 0x78, 0xD4))
    assert 1.2 < old < 2.0


def test_readable_fixes_only_what_is_too_faint() -> None:
    blue_on_blue = Style.parse("#3d98db on #0178d4")
    fixed = painted_colours(readable(blue_on_blue))
    assert fixed is not None and contrast_ratio(*fixed) >= MINIMUM_CONTRAST
    fine = Style.parse("bold #e0e0e0 on #121212")
    assert readable(fine) is fine
    # Reversed, the background is what shows as text: that is the colour replaced.
    reversed_style = Style.parse("reverse #0178d4 on #3d98db")
    text, background = painted_colours(readable(reversed_style)) or (
        ColorTriplet(0, 0, 0),
        ColorTriplet(0, 0, 0),
    )
    assert background == (0x01, 0x78, 0xD4) and contrast_ratio(text, background) >= 4.5
    # The terminal's own colours are left to the terminal.
    assert readable(Style.parse("blue on default")) == Style.parse("blue on default")


def _painted(style: Style, palette: TerminalTheme) -> tuple[ColorTriplet, ColorTriplet]:
    assert style.color is not None
    text = style.color.get_truecolor(palette, foreground=True)
    background = (
        style.bgcolor.get_truecolor(palette, foreground=False)
        if style.bgcolor is not None
        else palette.background_color
    )
    return (background, text) if style.reverse else (text, background)


async def test_every_highlight_reads_in_every_theme(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = app.article
        word = app.source.text.index("Harbour")
        span = (word, word + len("Harbour"))
        line = view.line_of(word)
        themes = sorted(app.available_themes)
        assert {"textual-dark", "textual-light", "nord", "gruvbox", "solarized-light"} <= set(
            themes
        )
        worst: dict[str, tuple[float, str]] = {}
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            for stack in STACKS:
                for layer in LAYERS:
                    view.set_highlights(layer, [span] if layer in stack else [])
                painted = [s for s in view.article_line(line) if s.text.startswith("Harbour")]
                assert painted and painted[0].style is not None, (theme, stack)
                ratio = contrast_ratio(*_painted(painted[0].style, app.ansi_theme))
                if theme not in worst or ratio < worst[theme][0]:
                    worst[theme] = (ratio, "+".join(stack))
        too_faint = {t: w for t, w in worst.items() if w[0] < MINIMUM_CONTRAST}
        assert too_faint == {}, worst


async def test_the_byline_and_links_read_in_every_theme(
    analyzer: Callable[..., Analysis],
) -> None:
    app = BylineApp(web_article("See https://example.com/plans for the plans."), analyzer=analyzer)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = app.article
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            found = {
                segment.text.split()[0]: contrast_ratio(*_painted(segment.style, app.ansi_theme))
                for index in range(view.line_count)
                for segment in view.article_line(index)
                if segment.style is not None and segment.text.startswith(("By ", "https://"))
            }
            assert set(found) == {"By", "https://example.com/plans"}, (theme, found)
            assert min(found.values()) >= MINIMUM_CONTRAST, (theme, found)
