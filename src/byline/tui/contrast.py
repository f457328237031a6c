"""Readable highlights: WCAG contrast between what a style paints, and a guard that keeps
it at AA (4.5:1) or above.

The article's highlights come from the theme (``styles/app.tcss``), and a theme's colours
can put blue text on a blue background. :func:`readable` looks at the colours a style
really paints (after ``reverse``) and, below :data:`MINIMUM_CONTRAST`, swaps the text for
whichever of white or black reads best on that background, as Textual's ``auto`` colour
does. Colours the terminal owns (its default and its 16 ANSI colours) are left alone:
their values are the terminal's. Plain Rich, no Textual widgets.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorTriplet, ColorType
from rich.style import Style

MINIMUM_CONTRAST = 4.5
"""WCAG 2 AA for body text."""

WHITE = ColorTriplet(255, 255, 255)
BLACK = ColorTriplet(0, 0, 0)


def _channel(value: int) -> float:
    value_01 = value / 255
    return value_01 / 12.92 if value_01 <= 0.04045 else ((value_01 + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: ColorTriplet) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black .. 1 white)."""
    red, green, blue = colour
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: ColorTriplet, second: ColorTriplet) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def _own_colour(colour: Color | None) -> ColorTriplet | None:
    """The RGB of a colour byline chose (true or 256 colour); None for the terminal's."""
    if colour is None or colour.type in (ColorType.DEFAULT, ColorType.STANDARD):
        return None
    return colour.get_truecolor()


def painted_colours(style: Style) -> tuple[ColorTriplet, ColorTriplet] | None:
    """``(text, background)`` as the terminal paints ``style`` (``reverse`` applied), or
    None when either is the terminal's own colour."""
    text, background = _own_colour(style.color), _own_colour(style.bgcolor)
    if text is None or background is None:
        return None
    return (background, text) if style.reverse else (text, background)


def best_text_on(background: ColorTriplet) -> ColorTriplet:
    """White or black, whichever contrasts more with ``background`` (at least 4.58:1)."""
    return max((WHITE, BLACK), key=lambda text: contrast_ratio(text, background))


@lru_cache(maxsize=512)
def readable(style: Style, minimum: float = MINIMUM_CONTRAST) -> Style:
    """``style`` with its text colour replaced when it paints below ``minimum`` contrast.

    The style's other attributes (bold, underline, reverse, links, meta) are kept; under
    ``reverse`` the painted text colour is the style's background, so that is the one
    replaced.
    """
    colours = painted_colours(style)
    if colours is None or contrast_ratio(*colours) >= minimum:
        return style
    text = Color.from_triplet(best_text_on(colours[1]))
    return style + (Style(bgcolor=text) if style.reverse else Style(color=text))
