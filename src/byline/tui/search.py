"""ArticleSearch: find-in-article for the reader (``/``), case-insensitive, plain text.

Matches are offsets into the article text, shown through the article view's ``search``
and ``current`` highlight layers. Searching is not analysis: it is a literal, escaped
pattern. Must not import the analysis pipeline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from byline.tui.app import BylineApp

MAX_SEARCH_MATCHES = 10_000
"""More matches than this are not highlighted (a one-letter query on a huge article)."""


class ArticleSearch:
    """The current query's matches and which one the reader is on."""

    def __init__(self, app: BylineApp) -> None:
        self.app = app
        self.matches: list[tuple[int, int]] = []
        self.index = -1

    @property
    def _article(self) -> ArticleView:
        return self.app.query_one(ArticleView)

    def find(self, query: str) -> None:
        """Highlight every match of ``query`` and go to the first one below the top line."""
        self.matches, self.index = [], -1
        if query.strip():
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for count, match in enumerate(pattern.finditer(self.app.source.text)):
                if count >= MAX_SEARCH_MATCHES:
                    break
                self.matches.append(match.span())
        article = self._article
        article.set_highlights("search", self.matches)
        top = article.first_visible_offset()
        following = [i for i, (start, _) in enumerate(self.matches) if start >= top]
        self.go_to(following[0] if following else 0)

    def next(self) -> None:
        """Go to the next match, wrapping to the first."""
        if self.matches:
            self.go_to((self.index + 1) % len(self.matches))

    def go_to(self, index: int) -> None:
        """Make match ``index`` current and scroll it into view."""
        bar = self.app.query_one(SearchBar)
        query = bar.input.value
        article = self._article
        if not self.matches:
            self.index = -1
            article.set_highlights("current", [])
            bar.set_count(0, 0, query)
            return
        self.index = index
        start, end = self.matches[index]
        article.set_highlights("current", [(start, end)])
        article.scroll_to_offset(start, end, center=False)
        bar.set_count(index + 1, len(self.matches), query)

    def clear(self) -> None:
        """Forget the matches and their highlights."""
        self.matches, self.index = [], -1
        article = self._article
        article.set_highlights("search", [])
        article.set_highlights("current", [])
