"""Shared fixtures: the real pipeline with a deterministic entity tagger, no cursor blink,
a local web server.

The stand-ins themselves live in ``tests/fakes.py``. Kept generic: a test that needs a
particular article builds it itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from byline.analysis.model import Analysis
from tests.fakes import capitalised_tagger, pipeline_with


@pytest.fixture
def analyzer() -> Callable[..., Analysis]:
    """The real pipeline with the deterministic capitalised-word entity tagger."""
    return pipeline_with(capitalised_tagger)


@pytest.fixture
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Inputs keep a steady cursor, so screenshots do not depend on timing."""
    from textual.widgets import Input

    original = Input.__init__

    def steady(self: Input, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.cursor_blink = False

    monkeypatch.setattr(Input, "__init__", steady)
    yield


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server (127.0.0.1) serving ``web_fixtures.ROUTES``; its base URL."""
    from web_fixtures import serve

    with serve() as base:
        yield base


@pytest.fixture
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server must be reached directly, whatever proxy the machine has."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
