"""Smoke test: ``byline URL`` in a real terminal, then ``byline --resume`` where it stopped.

A local HTTP server (127.0.0.1, started here) serves a long story; the reading library
lives in ``tmp_path`` (``BYLINE_DATA_DIR``, set by the ``terminal`` fixture, which also
drops proxy settings). Polls ``capture-pane`` instead of sleeping and always kills its
tmux server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from web_fixtures import ARTICLE_HTML, PARAGRAPHS, ROUTES, TITLE, serve

from bench.terminal import Terminal
from tests.smoke.conftest import BYLINE

pytestmark = pytest.mark.smoke

LAST = "The last paragraph: that is the end of the story."
LONG_HTML = ARTICLE_HTML.replace(
    "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
    "".join(f"<p>Paragraph {n}. {PARAGRAPHS[n % 4]}</p>\n" for n in range(1, 41))
    + f"<p>{LAST}</p>",
)


@pytest.fixture
def story_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    page = LONG_HTML.encode()
    monkeypatch.setitem(
        ROUTES, "/story.html", lambda h: h.send_page(200, page, "text/html; charset=utf-8")
    )
    with serve() as base:
        yield f"{base}/story.html"


def _row_of(screen: str, text: str) -> int:
    rows = [index for index, line in enumerate(screen.splitlines()) if text in line]
    assert rows, f"{text!r} is not on the screen:\n{screen}"
    return rows[0]


def test_read_a_url_then_resume_where_it_stopped(
    terminal: Terminal, story_url: str, tmp_path: Path
) -> None:
    terminal.start([BYLINE, story_url])
    terminal.wait_for(lambda s: TITLE in s and "Paragraph 1." in s, "the headline")
    terminal.wait_for(lambda s: "min read" in s, "the analysis")
    terminal.keys("End")
    before = terminal.wait_for(lambda s: LAST in s, "the end of the story")
    assert "Paragraph 1." not in before
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
    assert (tmp_path / "data" / "library.sqlite3").exists()

    terminal.start([BYLINE, "--resume"])
    after = terminal.wait_for(lambda s: LAST in s and "min read" in s, "the same place")
    assert _row_of(after, LAST) == _row_of(before, LAST)
    assert "Paragraph 1." not in after
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit again")
