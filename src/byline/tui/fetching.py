"""Opening an article while the reader runs: a plain :func:`download`, and its stand-ins.

``byline URL`` starts the app at once on :func:`fetching_article`; the library screen
reopens articles the same way (a URL the library has cached comes from its copy, at once
and offline). The app's fetch worker calls :func:`download` through
:func:`in_daemon_thread`, so ``q`` quits at once even while a slow server is answering.
No Textual: this is tested without a terminal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from byline.resources import sample_article
from byline.sources import Article, ArticleError, read_article, with_headline
from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.library import Library

T = TypeVar("T")

POLL_SECONDS = 0.05
"""How often a waiting worker checks whether it was cancelled."""


def shown_argument(argument: str) -> str:
    """A file or URL as messages name it (one line, not too long)."""
    return one_line(argument, 120)


def is_missing_file(argument: str) -> bool:
    """Whether ``argument`` names a file (not a URL, not stdin) that is not there."""
    if argument == "-" or "://" in argument:
        return False
    try:
        return not Path(argument).expanduser().exists()
    except (OSError, RuntimeError, ValueError):
        return False


def library_copy(library: Library, source: str) -> Article | None:
    """The reading library's copy of the file ``source`` (its key), or None.

    A plain-text file's copy is its text as read; an HTML file's is its extracted text
    without the headline, which the library keeps as the title: put back together
    (``with_headline``), the text is the one first read, so the saved position fits.
    """
    from byline.web.open import HTML_SUFFIXES

    body = library.cached_text(source)
    entry = library.entry(source)
    if body is None or entry is None:
        return None
    title = entry.title or None
    # A plain-text file's title is its own first line, found by the analysis.
    page = Path(source).suffix.lower() in HTML_SUFFIXES or (
        title is not None and title not in body[: len(title) + 500]
    )
    if title and page:
        text, headline = with_headline(title, body), title
    else:
        text, headline = body, None
    return Article(
        text,
        Path(source).name or source,
        source,
        path=Path(source),
        title=headline,
        author=entry.author,
        site=entry.site,
        date=entry.date,
        web=headline is not None,
        cached=True,
    )


def fetching_text(argument: str) -> str:
    """What the article area says while ``argument`` is being fetched."""
    return f"Fetching {one_line(argument, 200)}…"


def fetching_article(argument: str) -> Article:
    """A stand-in article shown until the real one arrives (never recorded)."""
    return Article(fetching_text(argument), one_line(argument, 120))


def failure_article(reason: str) -> Article:
    """What the article area shows when the article could not be opened."""
    return Article(f"Could not open the article.\n\n{reason}", "byline")


def sample() -> Article:
    """The sample article that ships with byline, kept out of the reading library.

    Raises:
        ArticleError: the installation lost it.
    """
    return replace(read_article(str(sample_article())), key=None)


def download(argument: str, *, library: Library | None = None, refresh: bool = False) -> Article:
    """The article ``argument`` names (a URL or a file), from ``library``'s copy of a URL
    unless ``refresh``.

    Raises:
        ArticleError: one line naming ``argument``, whatever went wrong.
    """
    from byline.web import open_article  # opened only here, once the reader is up

    try:
        return open_article(argument, library=library, refresh=refresh)
    except ArticleError as error:
        raise ArticleError(one_line(str(error), 300)) from None
    except Exception as error:  # noqa: BLE001 - any failure becomes a visible state
        reason = one_line(f"{argument}: {type(error).__name__}: {error}", 300)
        raise ArticleError(reason) from None


def in_daemon_thread(
    call: Callable[[], T], should_stop: Callable[[], bool], poll: float = POLL_SECONDS
) -> T | None:
    """``call()`` in a daemon thread: its result (or its exception, raised here), or None
    as soon as ``should_stop()`` says so.

    A daemon thread, not the caller's own: a server that answers slowly must not keep
    byline from quitting (the caller returns as soon as it is cancelled; the thread is
    left to finish or die with the process).
    """
    outcome: list[T] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # noqa: BLE001 - handed to the caller below
            failure.append(error)
        finally:
            done.set()

    threading.Thread(target=run, name="byline-fetch", daemon=True).start()
    while not done.wait(poll):
        if should_stop():
            return None
    if failure:
        raise failure[0]
    return outcome[0] if outcome else None
