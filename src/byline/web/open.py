"""Opening any argument as an :class:`~byline.sources.Article`: URLs and HTML files here,
plain text and standard input through ``byline.sources``.

:func:`open_article` is the entry point for every caller (the command line, the reader's
fetch worker); :func:`load_source` reads only what is web (a URL or an HTML file) and
returns None for the rest. Errors are :class:`~byline.sources.ArticleError`, one line.

Offsets: a web article's ``text`` is its headline, a blank line, then the extracted text
(:func:`~byline.sources.with_headline`), so every analysis offset and every saved reading
position indexes *that* string; the reading library caches ``Article.body`` (without the
headline) and the headline as the title, and :func:`cached_article` puts them together
again exactly.
"""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from byline.sources import Article, ArticleError, decode, read_article, with_headline
from byline.sources.files import read_file_bytes, refuse_binary, text_article
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
    one_line,
    url_scheme,
)

if TYPE_CHECKING:
    from byline.library import Library

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def load_source(
    argument: str,
    *,
    library: Library | None = None,
    refresh: bool = False,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
) -> Article | None:
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
    if scheme is not None and not os.path.exists(argument):
        check_url(argument)  # raises for file:, data:, ftp:...
        if library is not None and not refresh:
            cached = cached_article(library, argument)
            if cached is not None:
                return cached
        return read_url(argument, timeout=timeout, deadline=deadline)
    try:
        article = _read_file(argument)
    except ArticleError:
        if _html_name(argument):
            raise
        return None  # read_article says why, in its own words
    return article if article.web else None


def open_article(
    argument: str,
    *,
    library: Library | None = None,
    refresh: bool = False,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
) -> Article:
    """The article any argument names: a URL, an HTML file, a text file or "-" (stdin).

    Its text is the headline and the extracted text for a web page (see the module's
    docstring), else the file's decoded content exactly as ``read_article`` gives it.

    Raises:
        ArticleError: one line, whatever the kind of argument.
    """
    if argument == "-":
        return read_article(argument)
    if url_scheme(argument) is not None and not os.path.exists(argument):
        web = load_source(
            argument, library=library, refresh=refresh, timeout=timeout, deadline=deadline
        )
        assert web is not None  # a URL is always web (or refused)
        return web
    return _read_file(argument)


def read_url(
    url: str,
    *,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Article:
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
        try:
            text = refuse_binary(decode_page(page.data, page.charset)).strip()
        except ArticleError as error:
            raise ArticleError(f"{shown}: {error}") from None
        if not text:
            raise ArticleError(f"{shown}: no article text found on the page")
        host = urllib.parse.urlsplit(page.url).hostname
        return Article(text, name, url, url=url, site=host, web=True)
    html = decode_page(page.data, page.charset)
    try:
        extracted = extract_article(html, page.url)
    except ArticleError as error:
        raise ArticleError(f"{shown}: {error}") from None
    return _page_article(extracted, name, url, url=url)


def read_html_file(argument: str) -> Article | None:
    """Extract the article of an HTML file; None when the file is not HTML.

    A missing or unreadable file named ``*.html`` is an error; any other name that is
    missing or unreadable gives None, so ``read_article`` reports it in its own words.

    Raises:
        ArticleError: "<file>: <reason>" on one line.
    """
    return load_source(argument) if url_scheme(argument) is None else None


def _html_name(argument: str) -> bool:
    return Path(argument).suffix.lower() in HTML_SUFFIXES


def _read_file(argument: str) -> Article:
    """The article in a file, read once (with a bound): its page when it is named or looks
    like HTML, else its plain text.

    Raises:
        ArticleError: "<file>: <reason>" on one line.
    """
    data = read_file_bytes(argument)
    if not (_html_name(argument) or looks_like_html(data)):
        return text_article(argument, data)
    path = Path(argument).expanduser()
    try:
        html = _decode_file(data)
        extracted = extract_article(html, None)
    except ArticleError as error:
        raise ArticleError(f"{argument}: {error}") from None
    absolute = path.resolve()
    return _page_article(extracted, path.name, str(absolute), path=absolute)


def cached_article(library: Library, url: str) -> Article | None:
    """``url``'s article from the reading library (works offline), or None.

    The library keeps the page's text without its headline and the headline as the title;
    put together again they give the very text first read, so saved positions still fit.
    """
    body = library.cached_text(url)
    entry = library.entry(url)
    if body is None or entry is None:
        return None
    return Article(
        with_headline(entry.title, body),
        _url_name(url),
        url,
        url=url,
        title=entry.title or None,
        author=entry.author,
        site=entry.site,
        date=entry.date,
        web=True,
        cached=True,
    )


def _decode_file(data: bytes) -> str:
    """A saved page: its BOM or meta charset, else what ``decode`` makes of plain text."""
    charset = declared_charset(data)
    if charset is not None or data.startswith(b"\xef\xbb\xbf"):
        return decode_page(data)
    return decode(data)


def _page_article(
    extracted: Extracted, name: str, key: str, *, url: str | None = None, path: Path | None = None
) -> Article:
    return Article(
        with_headline(extracted.title, extracted.text),
        name,
        key,
        path=path,
        url=url,
        title=extracted.title or None,
        author=extracted.author,
        site=extracted.site,
        date=extracted.date,
        web=True,
    )


def _url_name(url: str) -> str:
    """A short on-screen name: host and path, without scheme, query or fragment."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    path = urllib.parse.unquote(parts.path).rstrip("/")
    return one_line(f"{host}{path}", 120) or one_line(url, 120)
