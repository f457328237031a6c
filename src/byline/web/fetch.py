"""Fetching a web page with the standard library: http(s) only, bounded in time and size.

Every failure is an :class:`~byline.sources.ArticleError` whose message is one
line, ``"<url>: <short reason>"`` (DNS failure, refused connection, timeout, HTTP status,
too many redirects, a redirect to another scheme, too large, not a web page).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException, HTTPMessage, HTTPResponse
from typing import IO, Any

from byline import __version__
from byline.sources.article import ArticleError
from byline.web.urls import (
    DEADLINE,
    MAX_BYTES,
    MAX_REDIRECTS,
    SCHEMES,
    TIMEOUT,
    check_url,
    one_line,
)

USER_AGENT = f"Mozilla/5.0 (compatible; byline/{__version__}; terminal news reader)"
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Page:
    """A downloaded page.

    Attributes:
        url: the address the page finally came from (after redirects).
        media_type: the Content-Type without parameters, lowercased ("" when missing).
        charset: the Content-Type's charset parameter, or None.
        data: the body, decompressed, at most ``MAX_BYTES``.
    """

    url: str
    media_type: str
    charset: str | None
    data: bytes


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows at most ``limit`` redirects, and only to http(s) addresses."""

    # Our own count below must be what stops a loop, with our message.
    max_repeats = 100
    max_redirections = 100

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        count = getattr(req, "byline_redirects", 0) + 1
        if urllib.parse.urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise ArticleError(f"redirected to a non-http(s) address ({one_line(newurl, 120)})")
        if count > self.limit:
            raise ArticleError(f"too many redirects (more than {self.limit})")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.byline_redirects = count  # type: ignore[attr-defined]
        return new


class _Deadline:
    """The sockets of one download, shut down once its deadline passes.

    A per-read timeout never fires on a server that drips its status line or headers a
    byte at a time; shutting the socket down ends any read, wherever http.client is.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.watch(self.sock)


class _HTTPSConnection(_HTTPConnection, http.client.HTTPSConnection):
    """The same watch over TLS: HTTPSConnection's ``connect`` wraps the socket first."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> HTTPResponse:
        connection = functools.partial(_HTTPConnection, deadline=self._deadline)
        return self.do_open(connection, req)  # type: ignore[arg-type]


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        self._context = ssl.create_default_context()
        super().__init__(context=self._context)
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> HTTPResponse:
        connection = functools.partial(_HTTPSConnection, deadline=self._deadline)
        return self.do_open(connection, req, context=self._context)  # type: ignore[arg-type]


def _opener(max_redirects: int, deadline: _Deadline) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        _RedirectHandler(max_redirects), _HTTPHandler(deadline), _HTTPSHandler(deadline)
    )


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Page:
    """Download ``url``.

    Args:
        timeout: seconds for the connection and for each read.
        deadline: seconds for the whole request: redirects, status line, headers, body.
        max_bytes: largest body accepted (decompressed).
        max_redirects: redirects followed before giving up.

    Raises:
        ArticleError: one line, "<url>: <reason>".
    """
    check_url(url)
    shown = one_line(url, 200)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en;q=1.0, *;q=0.5",
        },
    )
    watch = _Deadline(deadline)
    try:
        return _fetch(request, shown, watch, timeout, max_bytes, max_redirects)
    finally:
        watch.cancel()


def _fetch(
    request: urllib.request.Request,
    shown: str,
    watch: _Deadline,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
) -> Page:
    late = f"{shown}: timed out (the download took over {watch.seconds:g} s)"
    try:
        response = _opener(max_redirects, watch).open(request, timeout=timeout)
    except ArticleError as error:
        raise ArticleError(f"{shown}: {error}") from None
    except urllib.error.HTTPError as error:
        error.close()
        raise ArticleError(f"{shown}: {_http_error_reason(error)}") from None
    except urllib.error.URLError as error:
        if watch.expired:
            raise ArticleError(late) from None
        raise ArticleError(f"{shown}: {_network_reason(error.reason, timeout)}") from None
    except (OSError, HTTPException, ValueError) as error:
        if watch.expired:
            raise ArticleError(late) from None
        raise ArticleError(f"{shown}: {_network_reason(error, timeout)}") from None
    with response:
        try:
            page = _read_page(response, watch, max_bytes)
        except ArticleError as error:
            raise ArticleError(f"{shown}: {error}") from None
        except (OSError, HTTPException, ValueError, zlib.error) as error:
            if watch.expired:
                raise ArticleError(late) from None
            raise ArticleError(f"{shown}: {_network_reason(error, timeout)}") from None
    if watch.expired:  # the shut socket read as the end of the page
        raise ArticleError(late)
    return page


def _http_error_reason(error: urllib.error.HTTPError) -> str:
    if 300 <= error.code < 400:
        location = error.headers.get("Location", "") if error.headers else ""
        if "not allowed" in str(error.reason) or location:
            return f"redirected to a non-http(s) address ({one_line(location, 120)})"
        return f"HTTP {error.code} redirect without a usable address"
    reason = one_line(str(error.reason or ""), 80)
    return f"HTTP {error.code} {reason}".rstrip()


def _network_reason(reason: Any, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return "cannot find the server (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out (no answer within {timeout:g} s)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        detail = one_line(reason.verify_message or "not trusted", 80)
        return f"secure connection failed (certificate: {detail})"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({one_line(reason.reason or str(reason), 80)})"
    if isinstance(reason, HTTPException):
        return f"the server broke off the answer ({type(reason).__name__})"
    if isinstance(reason, zlib.error):
        return "the page's compressed data is damaged"
    if isinstance(reason, OSError) and reason.strerror:
        return one_line(reason.strerror.lower(), 120)
    return one_line(str(reason) or type(reason).__name__, 120)


def _read_page(response: HTTPResponse, watch: _Deadline, max_bytes: int) -> Page:
    limit = f"larger than the {max_bytes / 2**20:g} MiB limit"
    length = response.headers.get("Content-Length", "").strip()
    declared = int(length) if length.isdigit() else None
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding in ("", "identity") and declared is not None and declared > max_bytes:
        raise ArticleError(limit)
    decompress = _decompressor(encoding)
    media_type, charset = _content_type(response.headers.get("Content-Type", ""))
    if media_type and not _acceptable(media_type):
        raise ArticleError(f"not an HTML page ({one_line(media_type, 60)})")
    parts: list[bytes] = []
    size = received = 0
    while True:
        if watch.expired:
            raise ArticleError(f"timed out (the download took over {watch.seconds:g} s)")
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if decompress is not None:
            # Never inflate more than one byte past the limit (a "zip bomb" stops here).
            chunk = decompress.decompress(chunk, max_bytes + 1 - size)
        size += len(chunk)
        if size > max_bytes:
            raise ArticleError(limit)
        parts.append(chunk)
    if declared is not None and received < declared and not watch.expired:
        # http.client reads a connection closed early as the end of the body.
        raise ArticleError(f"the download was cut short ({received} of {declared} bytes)")
    if decompress is not None:
        tail = decompress.flush()
        size += len(tail)
        if size > max_bytes:
            raise ArticleError(limit)
        parts.append(tail)
    return Page(response.geturl(), media_type, charset, b"".join(parts))


def _decompressor(encoding: str) -> Any:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _Inflater()
    raise ArticleError(f"unsupported content encoding ({one_line(encoding, 40)})")


class _Inflater:
    """gzip, zlib or raw deflate, whichever the server really sent."""

    def __init__(self) -> None:
        self._inner: Any = None

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._inner is None:
            self._inner = zlib.decompressobj(47)  # a gzip or zlib header, detected
            try:
                out = self._inner.decompress(data, max_length)
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self._inner.decompress(data, max_length)
        else:
            out = self._inner.decompress(data, max_length)
        return bytes(out)

    def flush(self) -> bytes:
        return bytes(self._inner.flush()) if self._inner is not None else b""


def _content_type(value: str) -> tuple[str, str | None]:
    message = Message()
    message["Content-Type"] = value or "application/octet-stream"
    media_type = message.get_content_type().lower() if value else ""
    charset = message.get_param("charset")
    if isinstance(charset, tuple):  # RFC 2231 form
        charset = charset[2]
    return media_type, (str(charset).strip().strip("\"'") or None) if charset else None


def _acceptable(media_type: str) -> bool:
    return media_type in ("text/html", "application/xhtml+xml", "text/plain")
