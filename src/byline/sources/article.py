"""The one record of an article that byline reads: its text and where it came from.

A file, standard input, a web page and the reading library's copy of a page all give an
:class:`Article`; the reader, the library and ``byline analyze`` take nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ArticleError(Exception):
    """An article that cannot be read; ``str(error)`` is a one-line reason."""


def with_headline(title: str | None, body: str) -> str:
    """The headline on the first line, a blank line, then ``body`` (just ``body`` when there
    is no headline): byline's layout then finds the title and the paragraphs."""
    if not title:
        return body
    return f"{title}\n\n{body}"


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text and where it came from.

    Attributes:
        text: what byline shows and analyses; every analysis offset and reading position
            indexes it. For a web page it is :func:`with_headline` of the headline and the
            page's extracted text.
        name: what to call it on screen ("story.txt", "example.com/news/sea-wall", "stdin").
        key: where it came from, as the reading library keys it and ``byline analyze``
            reports it (``source``): the URL as given, or the file's absolute path. None for
            standard input, and for an article the reader keeps out of the library.
        path: the file, or None (standard input, a URL).
        url: the URL, or None for a file.
        title: the page's headline; author, site (the publication, else the host name) and
            date (ISO "YYYY-MM-DD") as the page tells them. None when it does not, and
            always None for plain text (whose title the analysis finds).
        web: read by ``byline.web`` (a URL or an HTML file), not as a plain-text file.
        cached: the text came from the reading library, not the network.
    """

    text: str
    name: str
    key: str | None = None
    path: Path | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    date: str | None = None
    web: bool = False
    cached: bool = False

    def __post_init__(self) -> None:
        if self.title and not self.text.startswith(f"{self.title}\n\n"):
            raise ValueError("an article's headline must head its text (see with_headline)")

    @property
    def body(self) -> str:
        """``text`` without the headline: what the reading library caches of a page (it keeps
        the headline apart, as the title)."""
        if not self.title:
            return self.text
        return self.text[len(self.title) + 2 :]


def json_fields(article: Article) -> dict[str, str | None]:
    """The fields ``byline analyze`` adds to its JSON record: ``source`` (the URL or the
    file's absolute path; None for standard input), ``url``, ``site``, ``author`` and
    ``date`` (None where unknown)."""
    return {
        "source": article.key,
        "url": article.url,
        "site": article.site,
        "author": article.author,
        "date": article.date,
    }
