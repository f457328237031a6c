"""The analysis child process: same answers as in-process, and it stops at once."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from byline.analysis import worker_process
from byline.analysis.pipeline import AnalysisCancelledError, analyze
from byline.resources import sample_article


@pytest.fixture
def child() -> Iterator[None]:
    yield
    worker_process.shutdown()


def test_child_gives_the_same_analysis(child: None) -> None:
    text = sample_article().read_text(encoding="utf-8")
    remote = worker_process.analyze_in_child(text)
    local = analyze(text)
    assert remote.quotes == local.quotes
    assert remote.entities == local.entities
    assert remote.sentences == local.sentences


def test_stopping_kills_the_child_quickly(child: None) -> None:
    text = sample_article().read_text(encoding="utf-8") * 150
    started = time.monotonic()
    with pytest.raises(AnalysisCancelledError):
        worker_process.analyze_in_child(text, should_stop=lambda: time.monotonic() - started > 0.3)
    assert worker_process._pool is None
    # A later analysis starts a fresh child.
    assert worker_process.analyze_in_child("“We will stay here,” she said.").quotes
