"""SourceLoader: open a URL or a file inside the running reader, off the UI thread.

``byline URL`` starts the app at once in a "Fetching <url>…" state; the library screen
reopens articles the same way (a URL it has cached comes from the library, so it opens
at once and offline). The download runs in a daemon thread that a thread worker waits on,
checking for cancellation, so ``q`` quits at once even while a slow server is answering.
The worker only posts :class:`SourceOpened` or :class:`SourceFailed`; the app hands them
back to the loader, which updates the screen.

Must not import the analysis pipeline.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from byline.analysis.source import ArticleError, ArticleSource
from byline.library import source_key
from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.library import Library
    from byline.tui.app import BylineApp
    from byline.web import WebSource

POLL_SECONDS = 0.05
"""How often the worker checks whether it was cancelled while the download runs."""


def fetching_text(argument: str) -> str:
    """What the article area says while ``argument`` is being fetched."""
    return f"Fetching {one_line(argument, 200)}…"


def fetching_source(argument: str) -> ArticleSource:
    """A stand-in article shown until the real one arrives."""
    return ArticleSource(fetching_text(argument), one_line(argument, 120), None)


@dataclass
class SourceOpened(Message):
    """The loader read an article; the app shows it."""

    argument: str
    """The URL or path as asked for."""
    source: ArticleSource
    """The article to show and analyse."""
    web: WebSource | None
    """Where a web article came from (None for a text file)."""
    ticket: int
    """Which request this answers (an older one's answer is dropped)."""


@dataclass
class SourceFailed(Message):
    """The loader could not read the article."""

    argument: str
    """The URL or path as asked for."""
    reason: str
    """One line, naming the URL or file and why."""
    ticket: int
    """Which request this answers."""


class SourceLoader:
    """Opens articles for one app; :meth:`open` starts, the app's handlers finish."""

    def __init__(self, app: BylineApp, library: Library | None) -> None:
        self.app = app
        self.library = library
        self._ticket = 0
        self.pending: str | None = None
        """The URL or path being opened now, or None."""
        self._keep_current = False

    @property
    def busy(self) -> bool:
        """Whether an article is being fetched."""
        return self.pending is not None

    def open(self, argument: str, *, refresh: bool = False, keep_current: bool = False) -> None:
        """Open ``argument`` (an http(s) URL or a file) in the background.

        Args:
            argument: what to open; a library entry's source works as it is.
            refresh: download a URL again even when the library has a copy.
            keep_current: leave the article on screen until the new one arrives (and keep
                it if that fails); otherwise show the "Fetching…" state at once.
        """
        self._ticket += 1
        self.pending = argument
        self._keep_current = keep_current
        app = self.app
        if keep_current:
            app.status.say((fetching_text(argument), "italic"))
        else:
            app.load_source(fetching_source(argument), analyse=False)
            app.sub_title = "fetching…"
            app.status.say((fetching_text(argument), "italic"))
            app.side_panel.show_analysing("Fetching the article…")
        app.run_worker(
            partial(self._fetch, argument, refresh, self._ticket),
            name="fetch",
            group="fetch",
            description=f"Fetching {one_line(argument, 80)}",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _fetch(self, argument: str, refresh: bool, ticket: int) -> None:
        """Runs in a thread worker; never touches widgets."""
        from byline.web import open_article  # trafilatura: off the start-up path

        worker = get_current_worker()
        outcome: list[tuple[ArticleSource, WebSource | None] | str] = []
        done = threading.Event()

        def download() -> None:
            try:
                outcome.append(open_article(argument, library=self.library, refresh=refresh))
            except ArticleError as error:
                outcome.append(str(error))
            except Exception as error:  # noqa: BLE001 - any failure becomes a visible state
                outcome.append(one_line(f"{argument}: {type(error).__name__}: {error}", 300))
            finally:
                done.set()

        # A plain daemon thread, not the worker's own: a server that answers slowly must
        # not keep byline from quitting (the worker returns as soon as it is cancelled).
        threading.Thread(target=download, name="byline-fetch", daemon=True).start()
        while not done.wait(POLL_SECONDS):
            if worker.is_cancelled:
                return
        if worker.is_cancelled or not outcome:
            return
        result = outcome[0]
        if isinstance(result, str):
            self.app.post_message(SourceFailed(argument, one_line(result, 300), ticket))
        else:
            source, web = result
            self.app.post_message(SourceOpened(argument, source, web, ticket))

    def opened(self, message: SourceOpened) -> None:
        """Show the article the worker read (the app's handler calls this)."""
        if message.ticket != self._ticket:
            return
        self.pending = None
        web = message.web
        self.app.load_source(message.source, web=web, key=source_key(web or message.source))
        if web is not None and web.cached and self._keep_current is False:
            self.app.notify(
                "Opened the copy in your library (byline --refresh downloads it again).",
                markup=False,
            )

    def failed(self, message: SourceFailed) -> None:
        """Say why the article could not be opened; the reader keeps running."""
        if message.ticket != self._ticket:
            return
        self.pending = None
        app = self.app
        reason = message.reason
        if not self._keep_current:
            failure = ArticleSource(f"Could not open the article.\n\n{reason}", "byline", None)
            app.load_source(failure, analyse=False)
            app.analysis_error = reason
            app.sub_title = "could not open"
            app.side_panel.show_failed(reason, f"Could not open the article: {reason}")
        app.status.say(("Could not open: ", "bold"), reason)
        app.notify(reason, title="Could not open the article", severity="error", markup=False)
