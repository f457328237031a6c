"""The progress bar of ``byline batch``: articles done, articles per second and the time
left, on standard error when it is a terminal; nothing at all in a pipe or a log file.

Article names never reach the bar (they are data, not markup).
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second (over the last half minute, rich's speed window)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        shown = "-" if speed is None else f"{speed:,.1f}"
        return Text(f"{shown} articles/s", style="progress.data.speed")


class Progress:
    """A bar that counts articles; silent unless ``stream`` is a terminal (or ``force``)."""

    def __init__(self, stream: TextIO, total: int | None, *, force: bool = False) -> None:
        self._bar: RichProgress | None = None
        self._task = TaskID(0)
        if not (force or stream.isatty()):
            return
        self._bar = RichProgress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream, force_terminal=True if force else None),
        )
        self._task = self._bar.add_task("batch", total=total)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, articles: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, articles)
