"""ProgressLine: one line under the article while it is fetched or analysed.

What is happening, a bar (by stage for the analysis, moving to and fro while a page
downloads) and the time it has taken. Built after the first frame, when the first news
of progress arrives, and shown in the status line's place. Plain text only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from byline.tui.progress import Progress, elapsed_text

if TYPE_CHECKING:
    from textual.app import ComposeResult

BAR_STEPS = 1000
"""The bar's resolution: a fraction of the work is shown as this many steps."""


class ProgressLine(Horizontal):
    """ "Analysing · tagging words  ━━━━━━╸━━━━━  42%  3 s"."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.what = ""
        """The words on the line now ("Analysing · tagging words…")."""
        self.elapsed = ""
        """How long it has taken ("3 s")."""
        self.fraction: float | None = None
        """How far the bar is (0 to 1), or None when it cannot know (a download)."""

    def compose(self) -> ComposeResult:
        yield Label(Text(self.what), id="progress-what")
        yield ProgressBar(total=BAR_STEPS, show_eta=False, id="progress-bar")
        yield Label(Text(self.elapsed), id="progress-time")

    def on_mount(self) -> None:
        self._show()

    def on_resize(self) -> None:
        # Textual's bar rounds its share to half cells of the width it has when the share is
        # set; set before the bar had a width, it stays unrounded. Set it again once laid
        # out, so the same progress always paints the same bar.
        self.call_after_refresh(self._round_to_width)

    def _round_to_width(self) -> None:
        # The timer and resizes can reach here while the bar's parts are not mounted yet
        # or already removed (the reader closing): then there is nothing to round.
        bar = self._present_bar()
        if self.fraction is not None and bar is not None:
            for inner in bar.query("#bar"):
                inner.percentage = bar.percentage  # type: ignore[attr-defined]

    @property
    def bar(self) -> ProgressBar:
        return self.query_one(ProgressBar)

    def _present_bar(self) -> ProgressBar | None:
        """The bar, or None while the line is being removed."""
        bars = self.query(ProgressBar)
        return bars.first() if bars else None

    def show_fetching(self, name: str, seconds: float) -> None:
        """Say ``name`` is being downloaded (the bar cannot know how far it got)."""
        self._set(f"Fetching {name}…", seconds, None)

    def show_analysis(self, progress: Progress, seconds: float) -> None:
        """Say how far the analysis got."""
        self._set(f"Analysing · {progress.running}…", seconds, progress.fraction)

    def _set(self, what: str, seconds: float, fraction: float | None) -> None:
        self.what, self.elapsed, self.fraction = what, elapsed_text(seconds), fraction
        if self.is_mounted:
            self._show()

    def _show(self) -> None:
        if not self.query("#progress-what"):
            return  # not composed yet: on_mount shows it
        self.query_one("#progress-what", Label).update(Text(self.what))
        self.query_one("#progress-time", Label).update(Text(self.elapsed))
        bar = self._present_bar()
        if bar is None:
            return  # being removed
        # A class, not the bar's #percentage (absent while the bar composes): no "--%".
        self.set_class(self.fraction is None, "-unmeasured")
        if self.fraction is None:
            bar.update(total=None)
        else:
            bar.update(total=BAR_STEPS, progress=round(self.fraction * BAR_STEPS))
