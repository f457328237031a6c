"""ReadingHistory: the reader's side of the reading library.

Records each article opened under its ``Article.key`` (a file or a URL; standard input,
the sample and the reader's stand-ins have none), puts the view back where the reader
stopped, and remembers the reading position: the character offset of the top line of the
article view, written at most every :data:`SAVE_EVERY` seconds while it changes, whenever
another article replaces it, and on quit. A library that cannot be used is reported once,
as a warning, and the reader carries on without history.

It needs only what any Textual app offers (notifications, timers, refresh callbacks) and
the article view it is given, never the reader app itself. Must not import the analysis
pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from byline.library import Library
    from byline.sources import Article
    from byline.tui.widgets.article_view import ArticleView

SAVE_EVERY = 2.0
"""Seconds between checks of the reading position (written only when it moved)."""
RESTORE_TRIES = 10
"""Refreshes to wait for the article view to be laid out before restoring a position."""


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
        """Warn, once, that the library is not working."""
        if self._warned or self.library is None or not self.library.problem:
            return
        self._warned = True
        self.app.notify(
            f"{self.library.problem}. Reading history is off for now.",
            title="Reading library",
            severity="warning",
            markup=False,
        )

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
        if key is None or self.library is None or not self.enabled:
            return
        self.library.record(article)
        position = self.library.position(key)
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
        article = self._article
        if self.key is None or self.library is None or not title or article is None:
            return
        if article.title is not None or article.url is not None:
            return
        entry = self.library.entry(self.key)
        if entry is None or entry.title:
            return
        self.library.record_read(
            self.key, article.text, title, article.author, article.site, article.date
        )
        self.check_problem()

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

    def save(self) -> None:
        """Write the reading position if it moved since it was last written."""
        if self.key is None or self.library is None or not self._restored:
            return
        offset = self.position()
        if offset == self._saved:
            return
        self.library.set_position(self.key, offset)
        self._saved = offset
        self.check_problem()

    def summary_saved(self, path: Path) -> None:
        """Remember a summary written from the article on screen."""
        if self.key is not None and self.library is not None:
            self.library.add_saved_summary(self.key, path)
            self.check_problem()
