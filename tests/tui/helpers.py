"""Small articles and helpers for the Pilot tests."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from byline.analysis.model import Analysis
from byline.sources import Article, read_article
from byline.sources.article import with_headline
from byline.tui.app import BylineApp

SIZE = (120, 36)

BRIDGE = """Harbour Bridge Reopens After Repairs

The Harbour Bridge reopened on Monday after six months of repairs, the city said. \
Lopez thanked the crews and the engineers who kept traffic moving on the ferries.

"We are proud of the crews who worked through the winter," said Mayor Ana Lopez.

Commuters were relieved. "It cut my trip in half," said Tom Reed, a nurse who \
crosses the bridge twice a day. Lopez said the tolls will stay the same this year.

"The bridge will need another inspection next year," the engineer added.

Lopez will open the new cycle lane in May.
"""


def source(text: str = BRIDGE, name: str = "bridge.txt") -> Article:
    """An article as if read from ``name`` (kept out of any library: it has no key)."""
    return Article(text, name, path=Path(name))


WEB_TITLE = "Harbour Bridge Reopens After Repairs"
WEB_URL = "http://127.0.0.1:8765/news/bridge.html"


def web_article(body: str = BRIDGE.split("\n\n", 1)[1], **fields: str | None) -> Article:
    """A web page as ``byline.web`` gives it: the headline heads the text, with author,
    site and date (``fields`` replace them), at :data:`WEB_URL`."""
    meta: dict[str, str | None] = {
        "author": "Ana Reporter",
        "site": "The Harbour Times",
        "date": "2026-03-03",
    }
    meta.update(fields)
    return Article(
        with_headline(WEB_TITLE, body),
        "127.0.0.1:8765/news/bridge.html",
        url=WEB_URL,
        title=WEB_TITLE,
        author=meta["author"],
        site=meta["site"],
        date=meta["date"],
        web=True,
    )


def make_reader(
    analyzer: Callable[..., Analysis], text: str = BRIDGE, name: str = "bridge.txt"
) -> BylineApp:
    return BylineApp(source(text, name), analyzer=analyzer)


def file_reader(analyzer: Callable[..., Analysis], path: Path | str, **options: Any) -> BylineApp:
    """The reader on the file at ``path``, read as the command line reads it (``options``
    go to :class:`BylineApp`: ``files``, ``library``…)."""
    return BylineApp(read_article(str(path)), analyzer=analyzer, **options)


async def settle(app: BylineApp, pilot: Pilot[None]) -> None:
    """Wait for the analysis worker and the messages it posted."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def screen_mounted(app: BylineApp, pilot: Pilot[None], pauses: int = 500) -> None:
    """Wait until the screen on top has mounted: a pushed screen is current at once, but
    its bindings and focus work only once its own messages have run."""
    for _ in range(pauses):
        if app.screen.is_mounted:
            return
        await pilot.pause()


UNTIL_LIMIT = 60.0
"""Longest :func:`until` waits (seconds): a bound that keeps a broken test from hanging,
far above what a loaded machine needs; never a claim about speed."""


async def until(pilot: Pilot[None], condition: Callable[[], object], what: str = "") -> None:
    """Let the app run until ``condition()`` holds: what a test asserts on next (the view
    laid out, the tabs built, a line on screen), never a count of pauses that a loaded
    machine outruns. Fails, saying ``what``, if it never holds."""
    deadline = time.monotonic() + UNTIL_LIMIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what or condition}")
        await pilot.pause()


@asynccontextmanager
async def reading(app: BylineApp) -> AsyncIterator[Pilot[None]]:
    """Run ``app`` at :data:`SIZE` and wait for its analysis; yields the pilot."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        yield pilot


def highlighted_id(app: BylineApp, panel_id: str) -> str | None:
    option_list = app.query_one(f"#{panel_id} OptionList", OptionList)
    if option_list.highlighted is None:
        return None
    return option_list.get_option_at_index(option_list.highlighted).id


def screen_text(app: BylineApp) -> str:
    """The article view's visible lines as plain text."""
    view = app.article
    return "\n".join(
        "".join(segment.text for segment in view.render_line(y))
        for y in range(view.scrollable_content_region.height)
    )


def notifications(app: BylineApp) -> list[str]:
    """The messages of the notifications the app has shown."""
    return [n.message for n in app._notifications]


def unsafe_characters(text: str) -> list[str]:
    """Characters a terminal would act on: C0/C1 controls, DEL, bidi overrides/isolates."""
    return [
        repr(ch)
        for ch in text
        if (ord(ch) < 0x20 and ch != "\n")
        or 0x7F <= ord(ch) < 0xA0
        or 0x202A <= ord(ch) <= 0x202E
        or 0x2066 <= ord(ch) <= 0x2069
    ]


def set_save_path(app: BylineApp, value: str) -> None:
    """Type ``value`` into the save dialog's file name (replacing what it holds)."""
    app.screen.query_one("#save-path").value = value  # type: ignore[attr-defined]
