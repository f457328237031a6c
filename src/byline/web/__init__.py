"""Reading the web: http(s) URLs and saved HTML pages become articles.

``load_source(argument)`` is the one entry point: it returns a :class:`WebSource` for a
URL or an HTML file, raises :class:`~byline.analysis.source.ArticleError` (one line) when
that fails or when the argument is a URL of another scheme, and returns None for anything
else, so the caller falls back to ``read_article`` (plain text, standard input).

Offsets: byline analyses :func:`as_article_text` of a web source (the headline, a blank
line, then the extracted text), so every analysis offset and every saved reading position
indexes *that* string, not ``WebSource.text``. Must not import Textual.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from byline.analysis.source import MAX_BYTES as MAX_FILE_BYTES
from byline.analysis.source import ArticleError, ArticleSource, decode, read_article
from byline.web.extract import (
    Extracted,
    declared_charset,
    decode_page,
    extract_article,
    looks_like_html,
)
from byline.web.urls import (
    DEADLINE,
    MAX_BYTES,
    MAX_REDIRECTS,
    TIMEOUT,
    check_url,
    is_web_url,
    one_line,
    url_scheme,
)

if TYPE_CHECKING:
    from byline.library import Library

__all__ = [
    "HTML_SUFFIXES",
    "ArticleError",
    "cached_source",
    "WebSource",
    "as_article_text",
    "is_web_url",
    "json_fields",
    "load_source",
    "open_article",
    "read_html_file",
    "read_url",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


@dataclass(frozen=True, slots=True)
class WebSource:
    """An article read from a web page or an HTML file.

    Attributes:
        text: the extracted main text, paragraphs separated by blank lines, without the
            headline (see :func:`as_article_text` for what byline analyses).
        name: what to call it on screen ("example.com/news/sea-wall", "story.html").
        source: where it came from, as the library keys it: the URL as given, or the
            file's absolute path.
        path: the HTML file, or None for a URL.
        title: the headline; author, date (ISO "YYYY-MM-DD"), site (the publication's
            name, else the host name): None when the page does not tell.
        cached: True when the text came from the reading library, not the network.
    """

    text: str
    name: str
    source: str
    path: Path | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    cached: bool = False

    @property
    def url(self) -> str | None:
        """The URL, or None for a file."""
        return None if self.path is not None else self.source

    def article_text(self) -> str:
        """The text byline analyses; see :func:`as_article_text`."""
        return as_article_text(self)

    def to_article_source(self) -> ArticleSource:
        """The :class:`ArticleSource` the reader and the pipeline take."""
        return ArticleSource(as_article_text(self), self.name, self.path)


def as_article_text(source: WebSource) -> str:
    """The headline on the first line, a blank line, then the text (just the text when
    there is no headline): the layout then finds the title and the paragraphs.

    Analysis offsets and reading positions index this string.
    """
    if not source.title:
        return source.text
    return f"{source.title}\n\n{source.text}"


def json_fields(source: WebSource | None, path: str | None = None) -> dict[str, str | None]:
    """The fields ``byline analyze`` adds to its JSON record.

    Args:
        source: the web page or HTML file the article came from, if any.
        path: for a plain-text article, the file's absolute path (None for stdin).

    Returns:
        ``source`` (the URL or the file), ``url``, ``site``, ``author`` and ``date``;
        None where unknown.
    """
    return {
        "source": source.source if source else path,
        "url": source.url if source else None,
        "site": source.site if source else None,
        "author": source.author if source else None,
        "date": source.date if source else None,
    }


def load_source(
    argument: str,
    *,
    library: Library | None = None,
    refresh: bool = False,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
) -> WebSource | None:
    """The web article ``argument`` names, or None when it is plain text for ``read_article``.

    - an http(s) URL: fetched and extracted (from ``library``'s cached copy when it has
      one, unless ``refresh``);
    - a URL of any other scheme (file:, data:, ftp:...): refused;
    - a file named ``*.html``/``*.htm`` or whose content starts like HTML: extracted;
    - anything else ("-", a text file, a missing ``.txt`` file): None.

    Raises:
        ArticleError: one line naming the URL or file and the reason.
    """
    if argument == "-":
        return None
    scheme = url_scheme(argument)
    if scheme is not None and not Path(argument).exists():
        check_url(argument)  # raises for file:, data:, ftp:...
        if library is not None and not refresh:
            cached = cached_source(library, argument)
            if cached is not None:
                return cached
        return read_url(argument, timeout=timeout, deadline=deadline)
    return read_html_file(argument)


def open_article(
    argument: str,
    *,
    library: Library | None = None,
    refresh: bool = False,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
) -> tuple[ArticleSource, WebSource | None]:
    """What the command line calls for any argument: the article to analyse, and the web
    source it came from (None for plain text and standard input).

    The :class:`ArticleSource`'s text is :func:`as_article_text` for a web page, else the
    file's decoded content, exactly as ``read_article`` gives it.

    Raises:
        ArticleError: one line, whatever the kind of argument.
    """
    web = load_source(
        argument, library=library, refresh=refresh, timeout=timeout, deadline=deadline
    )
    if web is None:
        return read_article(argument), None
    return web.to_article_source(), web


def read_url(
    url: str,
    *,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> WebSource:
    """Fetch ``url`` and extract its article.

    Raises:
        ArticleError: "<url>: <reason>" on one line.
    """
    from byline.web.fetch import fetch  # urllib, http and ssl: only for a URL

    page = fetch(
        url, timeout=timeout, deadline=deadline, max_bytes=max_bytes, max_redirects=max_redirects
    )
    shown = one_line(url, 200)
    name = _url_name(url)
    if page.media_type == "text/plain" and not looks_like_html(page.data):
        text = decode_page(page.data, page.charset).strip()
        if not text:
            raise ArticleError(f"{shown}: no article text found on the page")
        host = urllib.parse.urlsplit(page.url).hostname
        return WebSource(text, name, url, site=host)
    html = decode_page(page.data, page.charset)
    try:
        extracted = extract_article(html, page.url)
    except ArticleError as error:
        raise ArticleError(f"{shown}: {error}") from None
    return _web_source(extracted, name, url, None)


def read_html_file(argument: str) -> WebSource | None:
    """Extract the article of an HTML file; None when the file is not HTML.

    A missing or unreadable file named ``*.html`` is an error; any other name that is
    missing or unreadable gives None, so ``read_article`` reports it in its own words.

    Raises:
        ArticleError: "<file>: <reason>" on one line.
    """
    path = Path(argument).expanduser()
    by_name = path.suffix.lower() in HTML_SUFFIXES
    try:
        if path.is_dir():
            return None
        if not by_name:
            with path.open("rb") as handle:
                if not looks_like_html(handle.read(4096)):
                    return None
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ArticleError(f"{argument}: larger than the {MAX_FILE_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except FileNotFoundError:
        if by_name:
            raise ArticleError(f"{argument}: no such file") from None
        return None
    except PermissionError:
        if by_name:
            raise ArticleError(f"{argument}: permission denied") from None
        return None
    except OSError as error:
        if by_name:
            raise ArticleError(f"{argument}: {one_line(error.strerror or str(error))}") from None
        return None
    try:
        html = _decode_file(data)
        extracted = extract_article(html, None)
    except ArticleError as error:
        raise ArticleError(f"{argument}: {error}") from None
    absolute = path.resolve()
    return _web_source(extracted, path.name, str(absolute), absolute)


def cached_source(library: Library, url: str) -> WebSource | None:
    """``url``'s article from the reading library (works offline), or None."""
    text = library.cached_text(url)
    entry = library.entry(url)
    if text is None or entry is None:
        return None
    return WebSource(
        text,
        _url_name(url),
        url,
        None,
        entry.title,
        entry.author,
        entry.date,
        entry.site,
        cached=True,
    )


def _decode_file(data: bytes) -> str:
    """A saved page: its BOM or meta charset, else what ``decode`` makes of plain text."""
    charset = declared_charset(data)
    if charset is not None or data.startswith(b"\xef\xbb\xbf"):
        return decode_page(data)
    return decode(data)


def _web_source(extracted: Extracted, name: str, source: str, path: Path | None) -> WebSource:
    return WebSource(
        text=extracted.text,
        name=name,
        source=source,
        path=path,
        title=extracted.title,
        author=extracted.author,
        date=extracted.date,
        site=extracted.site,
    )


def _url_name(url: str) -> str:
    """A short on-screen name: host and path, without scheme, query or fragment."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    path = urllib.parse.unquote(parts.path).rstrip("/")
    return one_line(f"{host}{path}", 120) or one_line(url, 120)
