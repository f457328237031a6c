"""Web pages and a local HTTP server (127.0.0.1 only) for the web-reading tests.

Every page is written here; nothing goes to the network.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPHS = (
    "The harbour council voted on Tuesday to build a new sea wall along the northern quay, "
    "ending two years of debate over how to protect the town from winter storms.",
    "“This wall will keep our families safe for the next fifty years,” said Jane Doe, the "
    "council's chair, after the vote. She added that work would begin in the spring and "
    "last about eighteen months.",
    "Opponents had argued that the project was too expensive and would spoil the view from "
    "the promenade. A petition against it gathered more than three thousand signatures "
    "last autumn.",
    "The wall will cost an estimated twelve million pounds, most of it paid by a national "
    "flood defence grant. Local businesses will contribute the rest through a small levy "
    "on harbour moorings.",
)
TITLE = "Harbour council approves new sea wall"
AUTHOR = "Sam Writer"
DATE = "2024-03-05"
SITE = "The Coastal Times"
QUOTE = "“This wall will keep our families safe for the next fifty years,” said Jane Doe"

# Words that only the page furniture contains: none may reach the article text.
BOILERPLATE = (
    "Subscribe today",
    "Sport",
    "CHEAP WIDGETS",
    "Celebrity chef",
    "Most read",
    "harbourfan42",
    "waste of taxpayers",
    "Comments",
    "All rights reserved",
    "Privacy policy",
    "Cookie",
)

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{TITLE} | {SITE}</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="{SITE}">
<meta property="og:type" content="article">
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{DATE}T09:30:00Z">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{TITLE}",
 "author": {{"@type": "Person", "name": "{AUTHOR}"}},
 "datePublished": "{DATE}T09:30:00Z",
 "publisher": {{"@type": "Organization", "name": "{SITE}"}}}}
</script>
</head>
<body>
<div class="cookie-banner">Cookie notice: we use cookies. <button>Accept</button></div>
<header><nav class="menu"><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe today for unlimited access</a></li></ul></nav></header>
<div class="ad advertisement">BUY CHEAP WIDGETS NOW - LIMITED OFFER</div>
<main>
<article>
<h1>{TITLE}</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
</main>
<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/a">Celebrity chef opens cafe</a></li><li><a href="/b">Weather warning issued</a></li>
</ul></aside>
<section id="comments" class="comments">
<h3>Comments</h3>
<div class="comment"><p>Great news, about time they did something! Posted by harbourfan42</p></div>
<div class="comment"><p>What a waste of taxpayers money, I will never vote for them again.
Posted by grumpy_old_man</p></div>
</section>
<footer><p>Copyright 2024 {SITE}. All rights reserved.</p><a href="/privacy">Privacy policy</a>
</footer>
</body>
</html>
"""

# The same story, its metadata given only as JSON-LD (no meta tags, a bare <title>).
JSON_LD_HTML = (
    ARTICLE_HTML.replace(f'<meta property="og:title" content="{TITLE}">', "")
    .replace(f'<meta property="og:site_name" content="{SITE}">', "")
    .replace(f'<meta name="author" content="{AUTHOR}">', "")
    .replace(f'<meta property="article:published_time" content="{DATE}T09:30:00Z">', "")
)

NO_ARTICLE_HTML = """<!doctype html>
<html><head><title>Shop</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="grid"><a href="/x">Product one</a> <a href="/y">Product two</a></div>
<footer>Copyright 2024</footer>
</body></html>
"""

# Smart quotes and an e-acute in Windows-1252, declared in a meta tag only.
LEGACY_HTML = ARTICLE_HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
LEGACY_HTML = LEGACY_HTML.replace("council's chair", "council's café-loving chair")

PLAIN_TEXT = f"{TITLE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"

# A story several screens long (for reading positions), as a page and as plain text.
LONG_PARAGRAPHS = PARAGRAPHS + tuple(
    f"Paragraph {n}. The council said the ferry would keep running every {n % 7 + 10} "
    "minutes while the wall is built, and harbour traders welcomed the promise."
    for n in range(1, 41)
)
LONG_HTML = ARTICLE_HTML.replace(
    "".join(f"<p>{p}</p>" for p in PARAGRAPHS), "".join(f"<p>{p}</p>" for p in LONG_PARAGRAPHS)
)
LONG_PLAIN_TEXT = f"{TITLE}\n\n" + "\n\n".join(LONG_PARAGRAPHS) + "\n"

HUGE_BYTES = 2 * 1024 * 1024 + 256 * 1024  # just past the 2 MiB cap
SLOW_SECONDS = 3.0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: dict[str, Callable[[_Handler], None]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_page(404, b"<html><body>Not here</body></html>", "text/html")
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)  # a broken connection: the client gave up, as the tests mean it to

    def send_page(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_page(status, b"", "text/html", {"Location": location})

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server names it
        pass


def _html(body: str, charset: str = "utf-8") -> Callable[[_Handler], None]:
    data = body.encode(charset)
    return lambda h: h.send_page(200, data, f"text/html; charset={charset}")


def _huge(h: _Handler) -> None:
    """An endless-looking page without Content-Length, streamed in chunks."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"filler " * 9360 + b"</p>\n"  # about 64 KiB
    sent = 0
    while sent < HUGE_BYTES:
        h.wfile.write(chunk)
        sent += len(chunk)
    h.close_connection = True


def _huge_declared(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(HUGE_BYTES))
    h.end_headers()
    h.wfile.write(b"<html>")
    h.close_connection = True


def _slow(h: _Handler) -> None:
    time.sleep(SLOW_SECONDS)
    _html(ARTICLE_HTML)(h)


HELD = threading.Event()
"""``/held`` answers only once a test sets this (or after a minute, so nothing hangs):
a test then knows, without a clock, that the page had not arrived yet."""
HELD_ANSWERED = threading.Event()
"""Set once ``/held`` has sent its page."""


def _held(h: _Handler) -> None:
    HELD.wait(60)
    _html(ARTICLE_HTML)(h)
    HELD_ANSWERED.set()


@contextmanager
def holding() -> Iterator[None]:
    """Hold ``/held``'s answer until the block ends."""
    HELD.clear()
    HELD_ANSWERED.clear()
    try:
        yield
    finally:
        HELD.set()


def _trickle(h: _Handler) -> None:
    """Headers at once, then a byte every 0.1 s: each read is quick, the whole is not."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(0.1)
    h.close_connection = True


def _gzip(h: _Handler) -> None:
    h.send_page(
        200,
        gzip.compress(ARTICLE_HTML.encode()),
        "text/html; charset=utf-8",
        {"Content-Encoding": "gzip"},
    )


def _gzip_bomb(h: _Handler) -> None:
    h.send_page(
        200,
        gzip.compress(b"<html>" + b" " * HUGE_BYTES),
        "text/html",
        {"Content-Encoding": "gzip"},
    )


ROUTES: dict[str, Callable[[_Handler], None]] = {
    "/story": _html(ARTICLE_HTML),
    "/story-ld": _html(JSON_LD_HTML),
    "/legacy": lambda h: h.send_page(200, LEGACY_HTML.encode("cp1252"), "text/html"),
    "/legacy-header": lambda h: h.send_page(
        200, ARTICLE_HTML.encode("cp1252"), "text/html; charset=windows-1252"
    ),
    "/no-type": lambda h: h.send_page(200, ARTICLE_HTML.encode(), None),
    "/gzip": _gzip,
    "/gzip-bomb": _gzip_bomb,
    "/plain": lambda h: h.send_page(200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8"),
    "/long": _html(LONG_HTML),
    "/long-plain": lambda h: h.send_page(
        200, LONG_PLAIN_TEXT.encode(), "text/plain; charset=utf-8"
    ),
    "/redirect": lambda h: h.redirect("/story"),
    "/redirect-twice": lambda h: h.redirect("/redirect", 301),
    "/loop": lambda h: h.redirect("/loop"),
    "/to-file": lambda h: h.redirect("file:///etc/passwd"),
    "/to-ftp": lambda h: h.redirect("ftp://127.0.0.1/story"),
    "/missing": lambda h: h.send_page(404, b"<html><body>Gone</body></html>", "text/html"),
    "/broken": lambda h: h.send_page(500, b"oops", "text/plain"),
    "/pdf": lambda h: h.send_page(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
    "/huge": _huge,
    "/huge-declared": _huge_declared,
    "/slow": _slow,
    "/held": _held,
    "/trickle": _trickle,
    "/empty": _html(NO_ARTICLE_HTML),
}


def _chain(hops: int) -> Callable[[_Handler], None]:
    """A route that redirects ``hops`` times, then serves the story."""
    return lambda handler: handler.redirect(f"/chain/{hops - 1}" if hops > 1 else "/story")


for _hops in range(1, 8):  # /chain/N redirects N times, then serves the story
    ROUTES[f"/chain/{_hops}"] = _chain(_hops)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


Route = Callable[["_Handler"], None]
"""What serves one path: it writes the whole answer through the handler."""


@contextmanager
def serve_routes(routes: Mapping[str, Route]) -> Iterator[str]:
    """Serve ``routes`` on 127.0.0.1 (a free port); yields the base URL,
    "http://127.0.0.1:N". The server stops on exit. The one loopback server of the tests:
    :func:`serve` runs it over the well-behaved site, the hostile-input tests over what
    they build (a lying charset, a dripping header, a body shorter than it says)."""
    handler = type("Handler", (_Handler,), {"routes": dict(routes)})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def serve() -> contextlib.AbstractContextManager[str]:
    """Serve :data:`ROUTES` (as they are when it starts); yields the base URL."""
    return serve_routes(ROUTES)


def raw(response: bytes, *, then: Callable[[_Handler], None] | None = None) -> Route:
    """A route that writes ``response`` as it is (status line, headers, body), then calls
    ``then`` (to drip, stall or close)."""

    def route(h: _Handler) -> None:
        h.wfile.write(response)
        h.wfile.flush()
        if then is not None:
            then(h)
        h.close_connection = True

    return route
