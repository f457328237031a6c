"""Opening an article inside the reader: ``tui/fetching.py`` without a terminal."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from byline.sources import ArticleError
from byline.tui.fetching import (
    download,
    failure_article,
    fetching_article,
    in_daemon_thread,
    sample,
)


def test_download_reads_a_file_as_an_article(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("“Hi,” she said.\n", encoding="utf-8")
    article = download(str(story))
    assert (article.text, article.key, article.web) == ("“Hi,” she said.\n", str(story), False)


def test_download_failures_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        download(str(tmp_path / "missing.txt"))

    def explode(argument: str, **options: object) -> None:
        raise RuntimeError("the parser\nfell over")

    monkeypatch.setattr("byline.web.open_article", explode)
    with pytest.raises(ArticleError) as caught:
        download("https://example.com/story")
    reason = str(caught.value)
    assert reason == "https://example.com/story: RuntimeError: the parser fell over"


def test_stand_ins_are_never_recorded() -> None:
    fetching = fetching_article("https://example.com/a\x1b]0;x\x07")
    assert (
        fetching.text.startswith("Fetching https://example.com/a") and "\x1b" not in fetching.text
    )
    assert fetching.key is None
    failed = failure_article("https://example.com/a: HTTP 404 Not Found")
    assert failed.text == "Could not open the article.\n\nhttps://example.com/a: HTTP 404 Not Found"
    assert failed.key is None
    shipped = sample()
    assert shipped.name == "iacc-alibaba.txt" and shipped.key is None and shipped.text


def test_in_daemon_thread_returns_the_result_or_raises_its_error() -> None:
    assert in_daemon_thread(lambda: 42, should_stop=lambda: False) == 42

    def fail() -> int:
        raise ArticleError("nope")

    with pytest.raises(ArticleError, match="nope"):
        in_daemon_thread(fail, should_stop=lambda: False)


def test_in_daemon_thread_gives_up_at_once_when_told_to_stop() -> None:
    release = threading.Event()
    stop = threading.Event()
    finished = threading.Event()

    def slow() -> str:
        release.wait(60)  # until the test is done with it (a minute at most)
        finished.set()
        return "late"

    threading.Timer(0.1, stop.set).start()
    assert in_daemon_thread(slow, should_stop=stop.is_set, poll=0.01) is None
    assert not finished.is_set()  # it gave up while the call was still running
    release.set()
