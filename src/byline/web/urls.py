"""What counts as a web address, and the download limits, without the network stack.

Split from :mod:`byline.web.fetch` so that opening a text file never imports ``urllib``,
``http`` and ``ssl`` on the reader's start-up path.
"""

from __future__ import annotations

import re

from byline.sources.article import ArticleError
from byline.sources.files import MAX_BYTES as ARTICLE_MAX_BYTES

TIMEOUT = 15.0
"""Seconds to wait for the connection and for each read."""
DEADLINE = 60.0
"""Seconds the whole download may take, however steadily the bytes trickle in."""
MAX_BYTES = ARTICLE_MAX_BYTES
"""Largest page byline downloads (after decompression): the article limit, 2 MiB, so no
page yields an article bigger than a file may be."""
MAX_REDIRECTS = 5

SCHEMES = ("http", "https")

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Schemes that mark an argument as a URL even without "//" ("data:text/html,...").
_URL_ONLY_SCHEMES = frozenset(
    {
        "file",
        "ftp",
        "ftps",
        "sftp",
        "data",
        "javascript",
        "mailto",
        "gopher",
        "ws",
        "wss",
        "about",
        "blob",
        "chrome",
        "view-source",
    }
)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str, limit: int = 300) -> str:
    """``text`` squeezed onto one line (controls and line breaks become spaces), shortened."""
    text = " ".join(_UNPRINTABLE.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def url_scheme(argument: str) -> str | None:
    """The scheme when ``argument`` is written as a URL ("https", "file"), else None.

    A Windows drive ("C:\\story.txt") or a file name with a colon is not a URL: the
    argument needs "://" after the scheme, or a scheme that only URLs use ("data:").
    """
    match = _SCHEME.match(argument)
    if not match or len(match.group(1)) == 1:
        return None
    scheme = match.group(1).lower()
    if argument[match.end() : match.end() + 2] == "//" or scheme in _URL_ONLY_SCHEMES:
        return scheme
    return None


def is_web_url(argument: str) -> bool:
    """Whether ``argument`` is an http or https URL."""
    return url_scheme(argument) in SCHEMES


def check_url(url: str) -> None:
    """Refuse anything but an http(s) URL with a host.

    Raises:
        ArticleError: another scheme ("file:", "data:", "ftp:") or no host.
    """
    scheme = url_scheme(url)
    if scheme not in SCHEMES:
        shown = f"'{scheme}'" if scheme else "none"
        raise ArticleError(
            f"{one_line(url, 120)}: unsupported URL scheme {shown} (only http and https)"
        )
    import urllib.parse

    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError as error:
        reason = one_line(str(error))
        raise ArticleError(f"{one_line(url, 120)}: not a valid URL ({reason})") from None
    if not host:
        raise ArticleError(f"{one_line(url, 120)}: not a valid URL (no host)")
