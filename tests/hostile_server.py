"""A loopback HTTP server (127.0.0.1 only) for hostile answers: any routes a test gives.

``web_fixtures.serve`` serves the well-behaved site; this one serves what a test builds
(a lying charset, a dripping header, a body shorter than it says), on a free port.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from web_fixtures import _Handler, _QuietServer

Route = Callable[[_Handler], None]


@contextmanager
def serve_routes(routes: Mapping[str, Route]) -> Iterator[str]:
    """Serve ``routes`` on 127.0.0.1; yields the base URL. The server stops on exit."""
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
