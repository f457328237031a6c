"""BusyLine: says how long a fetch has taken and how far an analysis got.

The app tells it what starts, what stage ended and when it is over; it keeps the clock
and a half-second timer, and shows a :class:`~byline.tui.widgets.progress_line.
ProgressLine` in the status line's place once the work has lasted :data:`SHOW_AFTER`
seconds (quick work never flashes a bar). Like ``ReadingHistory`` it needs only what any
Textual app offers and the widgets it is given, never the reader app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from byline.tui.progress import Progress

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer
    from textual.widget import Widget

    from byline.tui.widgets.progress_line import ProgressLine

SHOW_AFTER = 0.5
"""Seconds of work before the progress line appears."""
TICK = 0.5
"""Seconds between two updates of the elapsed time."""


class BusyLine:
    """The progress of the one fetch or analysis running now (or of none)."""

    def __init__(self, app: App[Any], clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.clock = clock
        self.kind: str | None = None
        """"fetch", "analysis" or None (idle)."""
        self.progress = Progress()
        """How far the analysis got (``kind == "analysis"``)."""
        self.name = ""
        """What is being fetched, as shown."""
        self._since = 0.0
        self._keep_status = False
        self._timer: Timer | None = None
        self._parent: Widget | None = None
        self._status: Widget | None = None
        self._line: ProgressLine | None = None

    def attach(self, parent: Widget, status: Widget) -> None:
        """Show the line in ``parent``, in place of ``status`` (call once mounted)."""
        self._parent, self._status = parent, status

    @property
    def line(self) -> ProgressLine | None:
        """The progress line, once it was built."""
        return self._line

    @property
    def shown(self) -> bool:
        return self._line is not None and bool(self._line.display)

    def fetching(self, name: str, *, keep_status: bool = False) -> None:
        """A download of ``name`` starts (``keep_status``: the article on screen stays
        readable meanwhile, so the status line stays too, under the progress line)."""
        self._begin("fetch", keep_status)
        self.name = name

    def analysing(self) -> None:
        """An analysis starts."""
        self._begin("analysis", False)

    def stage_finished(self, stage: str) -> None:
        """The analysis finished ``stage``."""
        if self.kind != "analysis":
            return
        self.progress = self.progress.finished(stage)
        self._update()

    def stop(self) -> None:
        """The work is over (done, failed or given up): the status line comes back."""
        self.kind = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._line is not None:
            self._line.display = False
        if self._status is not None:
            self._status.display = True

    @property
    def seconds(self) -> float:
        return max(0.0, self.clock() - self._since)

    def _begin(self, kind: str, keep_status: bool) -> None:
        self.stop()
        self.kind = kind
        self.progress = Progress()
        self._since = self.clock()
        self._keep_status = keep_status
        self._timer = self.app.set_interval(TICK, self._update, name=f"{kind} progress")

    def _update(self) -> None:
        if self.kind is None or self._parent is None:
            return
        if not self.shown and self.seconds < SHOW_AFTER:
            return
        line = self._show()
        if line is None:
            return
        if self.kind == "fetch":
            line.show_fetching(self.name, self.seconds)
        else:
            line.show_analysis(self.progress, self.seconds)

    def _show(self) -> ProgressLine | None:
        parent, status = self._parent, self._status
        if parent is None or status is None or not parent.is_attached:
            return None
        if self._line is None:
            from byline.tui.widgets.progress_line import ProgressLine

            self._line = ProgressLine(id="progress-line")
            parent.mount(self._line, before=status)
        self._line.display = True
        status.display = self._keep_status
        return self._line
