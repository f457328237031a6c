"""Pilot tests: ``byline URL`` opens at once, fetches in a worker, and fails gracefully."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from web_fixtures import ARTICLE_HTML, HELD, HELD_ANSWERED, TITLE, holding, serve

from byline.__main__ import main, make_app
from byline.analysis.model import Analysis
from byline.library import Library
from byline.sources import Article
from byline.tui.app import BylineApp
from byline.tui.screens.library import LibraryScreen
from byline.tui.widgets.side_panel import SidePanel
from tests.tui.helpers import SIZE, notifications, screen_text, settle, until

# Every test here talks to the local server directly.
pytestmark = pytest.mark.usefixtures("no_proxies")


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "data"))
    opened = Library.open()
    assert opened.enabled
    yield opened
    opened.close()


async def wait_for_article(app: BylineApp, pilot: Pilot[None]) -> None:
    """The fetch worker, then the analysis worker it starts."""
    await settle(app, pilot)
    await settle(app, pilot)


async def test_url_shows_fetching_then_the_article(
    server: str, library: Library, analyzer: Callable[..., Analysis]
) -> None:
    url = f"{server}/held"  # answers once the checks of the "Fetching" state are done
    app = make_app(url=url, library=library, analyzer=analyzer)
    with holding():
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: f"Fetching {url}" in screen_text(app), "Fetching…")
            assert f"Fetching {url}" in app.status.plain
            assert app.sub_title == "fetching…"
            panel = app.query_one(SidePanel)
            # The tabs are built after the first frame; until they have mounted, a tab's
            # status line is what it was composed with.
            await panel.wait_until_built()
            await until(
                pilot,
                lambda: "Fetching" in str(panel.entities.status.render()),
                "the tabs say what they wait for",
            )
            await pilot.press("n")  # nothing to jump to yet: a note, not a crash
            await until(
                pilot,
                lambda: "Still fetching the article…" in notifications(app),
                "a note that the article is still on its way",
            )
            assert not HELD_ANSWERED.is_set()
            HELD.set()
            await until(pilot, lambda: app.fetching is None, "the page arrived")
            await wait_for_article(app, pilot)
            assert app.source.web and app.source.title == TITLE and not app.source.cached
            assert TITLE in screen_text(app)
            assert app.analysis is not None and app.analysis.title == TITLE
            assert app.title == TITLE
    entry = library.entry(url)
    assert entry is not None and entry.title == TITLE


async def test_missing_page_shows_the_error_without_crashing(
    server: str, library: Library, analyzer: Callable[..., Analysis]
) -> None:
    url = f"{server}/missing"
    app = make_app(url=url, library=library, analyzer=analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_article(app, pilot)
        assert app.is_running
        assert "404" in app.status.plain and "Could not open" in app.status.plain
        assert "\n" not in app.status.plain
        panel = app.query_one(SidePanel)
        assert panel.sources.has_class("-failed")
        assert "404" in str(panel.sources.status.render())
        assert "404" in screen_text(app)
        assert any("404" in message for message in notifications(app))
        assert app.sub_title == "could not open"
        await pilot.press("n", "e", "s", "plus", "slash", "escape")
        assert app.is_running
    assert library.entry(url) is None


async def test_q_quits_at_once_while_fetching(
    server: str, library: Library, analyzer: Callable[..., Analysis]
) -> None:
    app = make_app(url=f"{server}/held", library=library, analyzer=analyzer)
    with holding():  # the page never comes while the reader runs
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.fetching is not None, "the fetch started")
            await pilot.press("q")
            await until(pilot, lambda: not app.is_running, "the reader closed")
        # It closed without waiting for the page, which the server still holds.
        assert not HELD_ANSWERED.is_set()
    assert len(library) == 0


async def test_cached_url_opens_from_the_library_offline(
    library: Library, analyzer: Callable[..., Analysis]
) -> None:
    with serve() as base:
        url = f"{base}/story"
        first = make_app(url=url, library=library, analyzer=analyzer)
        async with first.run_test(size=SIZE) as pilot:
            await wait_for_article(first, pilot)
            assert first.source.web and not first.source.cached
    # The server is gone: the library's copy still opens, by URL or from the library.
    again = make_app(url=url, library=library, analyzer=analyzer)
    async with again.run_test(size=SIZE) as pilot:
        await wait_for_article(again, pilot)
        assert again.source.web and again.source.cached
        assert TITLE in screen_text(again)
        assert any("copy in your library" in message for message in notifications(again))
        again.load_article(Article("Something else entirely.", "else.txt"))
        await settle(again, pilot)
        assert TITLE not in screen_text(again)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(again.screen, LibraryScreen)
        assert [entry.source for entry in again.screen.entries] == [url]
        await pilot.press("enter")
        await wait_for_article(again, pilot)
        assert again.source.web and again.source.cached and again.source.key == url
        assert TITLE in screen_text(again)


@pytest.mark.parametrize("route", ["/long", "/long-plain"], ids=["page", "plain-text"])
async def test_position_survives_a_reopen_from_the_library_copy(
    library: Library, analyzer: Callable[..., Analysis], route: str
) -> None:
    # The library keeps a page's text without its headline (and the headline as the
    # title); positions index the text with it. A page without a headline (plain text)
    # must not come back with the analysis's title put in front of it.
    with serve() as base:
        url = f"{base}{route}"
        first = make_app(url=url, library=library, analyzer=analyzer)
        async with first.run_test(size=SIZE) as pilot:
            await wait_for_article(first, pilot)
            assert not first.source.cached
            text = first.source.text
            await pilot.press("pagedown", "pagedown")
            await pilot.pause()
            where = first.article.first_visible_offset()
            assert where > 0
            await pilot.press("q")
    assert library.position(url) == where
    again = make_app(url=url, library=library, analyzer=analyzer)  # the server is gone
    async with again.run_test(size=SIZE) as pilot:
        await wait_for_article(again, pilot)
        await pilot.pause()
        assert again.source.cached and again.source.text == text
        assert again.analysis is not None and again.analysis.text == text
        assert again.article.first_visible_offset() == where
        # The words at the top are the words at ``where`` (a paragraph break among them is
        # a blank line on screen, and the centred text has a margin: compare words).
        shown, expected = screen_text(again).split(), text[where : where + 20].split()
        assert " ".join(shown).startswith(" ".join(expected))


async def test_refresh_downloads_again(
    server: str, library: Library, analyzer: Callable[..., Analysis]
) -> None:
    url = f"{server}/story"
    library.record_read(url, "An old copy of the story.", "Old headline")
    app = make_app(url=url, refresh=True, library=library, analyzer=analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_article(app, pilot)
        assert app.source.web and not app.source.cached and app.source.title == TITLE
    entry = library.entry(url)
    assert entry is not None and entry.title == TITLE


async def test_html_file_opens_and_is_recorded(
    tmp_path: Path, library: Library, analyzer: Callable[..., Analysis]
) -> None:
    from byline.web import open_article

    page = tmp_path / "story.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    app = make_app(open_article(str(page)), library=library, analyzer=analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert TITLE in screen_text(app)
    entry = library.entry(str(page.resolve()))
    assert entry is not None and entry.title == TITLE


# -- the command line refuses before the reader starts ---------------------------------------


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("byline: ") and err.count("\n") == 1, err
    return err


def test_resume_with_an_empty_library_is_a_one_line_error(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--resume"]) == 1
    assert "nothing to resume" in _one_line_error(capsys)


def test_resume_takes_no_file(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--resume", "story.txt"]) == 1
    assert "--resume" in _one_line_error(capsys)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.html", None, "no such file"),
        ("missing.txt", None, "missing.txt"),
        ("picture.png", b"\x89PNG\x00\x00\x00", "picture.png"),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>", "empty.html"),
    ],
)
def test_bad_files_are_refused_before_the_reader_starts(
    tmp_path: Path,
    library: Library,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    expected: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main([str(path)]) == 1
    assert expected in _one_line_error(capsys)
    assert len(library) == 0


def test_other_url_schemes_are_refused(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ftp://example.com/story"]) == 1
    assert "unsupported URL scheme" in _one_line_error(capsys)
