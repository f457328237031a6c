"""ReadingHistory: the reader's side of the reading library.

Records each article opened under its ``Article.key`` (a file or a URL; standard input,
the sample and the reader's stand-ins have none), puts the view back where the reader
stopped, and remembers the reading position: the character offset of the top line of the
article view, written at most every :data:`SAVE_EVERY` seconds while it changes, whenever
another article replaces it, and on quit. A library that cannot be used is reported once,
as a warning, and the reader carries on without history; so are damaged entries, which
the library skips.

Every write to the library runs on one background thread, in order: while another
process holds the database's write lock, SQLite waits there, never on the thread that
draws the reader and answers keys. What the reader needs at once (where it stopped) is a
read, which does not wait for writers. :meth:`ReadingHistory.save` with ``flush`` waits a
moment for the writes to land (before the library screen lists them, and on quit).

It needs only what any Textual app offers (notifications, timers, refresh callbacks,
``post_message`` from a thread) and the article view it is given, never the reader app
itself.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events

from byline.library import content_hash

if TYPE_CHECKING:
    from textual.app import App

    from byline.library import Library
    from byline.sources import Article
    from byline.tui.widgets.article_view import ArticleView

SAVE_EVERY = 2.0
"""Seconds between checks of the reading position (written only when it moved)."""
RESTORE_TRIES = 10
"""Refreshes to wait for the article view to be laid out before restoring a position."""
FLUSH_WAIT = 1.0
"""Longest ``save(flush=True)`` waits for the library's writes (seconds)."""


class _Writes:
    """The library's writes, run in order on one daemon thread (started on first use)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Callable[[], object]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def submit(self, write: Callable[[], object]) -> None:
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="byline-library", daemon=True
                )
                self._thread.start()
        self._queue.put(write)

    def flush(self, timeout: float) -> bool:
        """Wait until what was submitted so far has run; False after ``timeout``."""
        if self._thread is None:
            return True
        done = threading.Event()
        self._queue.put(done.set)
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            write = self._queue.get()
            with contextlib.suppress(Exception):  # the library reports its own errors
                write()


class ReadingHistory:
    """Records articles and reading positions in ``library`` (None: remembers nothing)."""

    def __init__(self, app: App[Any], library: Library | None) -> None:
        self.app = app
        self.library = library
        self.key: str | None = None
        """The library key of the article on screen (None: not recorded)."""
        self._view: ArticleView | None = None
        self._article: Article | None = None
        self._saved = 0
        self._restored = True
        self._warned = False
        self._warned_damage = False
        self._writes = _Writes()

    @property
    def enabled(self) -> bool:
        return self.library is not None and self.library.enabled

    def start(self, view: ArticleView) -> None:
        """Begin watching the position in ``view`` (call once the app is mounted)."""
        self._view = view
        self.check_problem()
        if self.library is not None:
            self.app.set_interval(SAVE_EVERY, self.save, name="save reading position")

    def check_problem(self) -> None:
        """Warn, once, that the library is not working; once, that it skips damaged
        entries."""
        library = self.library
        if library is None:
            return
        if library.damaged and not self._warned_damage:
            self._warned_damage = True
            self.app.notify(
                f"The reading library has {library.damaged} damaged "
                f"{'entry' if library.damaged == 1 else 'entries'}: skipped.",
                title="Reading library",
                severity="warning",
                markup=False,
            )
        if self._warned or not library.problem:
            return
        self._warned = True
        self.app.notify(
            f"{library.problem}. Reading history is off for now.",
            title="Reading library",
            severity="warning",
            markup=False,
        )

    def _write(self, write: Callable[[], object]) -> None:
        """Run ``write`` on the writing thread, then check the library on the app's."""
        app = self.app

        def run() -> None:
            write()
            app.post_message(events.Callback(callback=self.check_problem))

        self._writes.submit(run)

    def leave(self) -> None:
        """The article on screen is about to be replaced: remember where the reader is."""
        self.save()
        self.key = None

    def arrive(self, article: Article) -> None:
        """``article`` is on screen now: record it under its key (if it has one) and go
        back to where the reader stopped in it."""
        key = article.key
        self.key = key
        self._article = article
        self._restored = True
        library = self.library
        if key is None or library is None or not self.enabled:
            return
        # Where the reader stopped, read now (reads never wait for a writer); recording
        # it again keeps that place unless the text changed, as read here.
        entry = library.entry(key)
        same = entry is not None and entry.content_hash == content_hash(article.body)
        position = min(entry.position, len(article.text)) if entry is not None and same else 0
        self._write(lambda: library.record(article))
        self.check_problem()
        self._saved = position
        if position > 0:
            self._restored = False
            self.app.call_after_refresh(self._restore, key, position, 0)

    def analysed(self, title: str | None) -> None:
        """The analysis found ``title``: a file's entry takes it as its title (a web page's
        comes from the page).

        Not a URL's: the library reads a URL's copy back as its title, a blank line and
        its cached text (``web.cached_article``), so a title found in that text would
        come back twice and move every saved position.
        """
        article, key, library = self._article, self.key, self.library
        if key is None or library is None or not title or article is None:
            return
        if article.title is not None or article.url is not None:
            return

        def name_it() -> None:  # after the record of ``arrive``, on the writing thread
            entry = library.entry(key)
            if entry is None or entry.title:
                return
            library.record_read(
                key, article.text, title, article.author, article.site, article.date
            )

        self._write(name_it)

    def _restore(self, key: str, position: int, tries: int) -> None:
        view = self._view
        if key != self.key or view is None:
            return
        if (view.line_count == 0 or view.size.height == 0) and tries < RESTORE_TRIES:
            self.app.call_after_refresh(self._restore, key, position, tries + 1)
            return
        view.scroll_to(y=view.line_of(position), animate=False, force=True)
        self._restored = True

    def position(self) -> int:
        """The reading position now (the offset at the top of the article view)."""
        view = self._view
        return view.first_visible_offset() if view is not None else 0

    def save(self, *, flush: bool = False) -> None:
        """Write the reading position if it moved since it was last written; ``flush``:
        then wait (at most :data:`FLUSH_WAIT`) for every write so far to land."""
        key, library = self.key, self.library
        if key is not None and library is not None and self._restored:
            offset = self.position()
            if offset != self._saved:
                self._write(lambda: library.set_position(key, offset))
                self._saved = offset
        if flush:
            self._writes.flush(FLUSH_WAIT)

    def summary_saved(self, path: Path) -> None:
        """Remember a summary written from the article on screen."""
        key, library = self.key, self.library
        if key is not None and library is not None:
            self._write(lambda: library.add_saved_summary(key, path))
