"""Shared fixtures: deterministic entity taggers, a fake-free analyzer, no cursor blink.

Kept generic: a test that needs a particular article builds it itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import pytest

from byline.analysis.model import Analysis

Tagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]
"""Words of each sentence in, BIO tags out (the pipeline's ``entity_tagger``)."""


def capitalised_tagger(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """A stand-in entity tagger: runs of capitalised words (not sentence-initial) are ORG."""
    tagged: list[list[str]] = []
    for words in sentences:
        tags: list[str] = []
        inside = False
        for position, word in enumerate(words):
            if position and word[:1].isupper() and word.isalpha():
                tags.append("I-ORG" if inside else "B-ORG")
                inside = True
            else:
                tags.append("O")
                inside = False
        tagged.append(tags)
    return tagged


def dictionary_tagger(names: Mapping[str, str]) -> Tagger:
    """A stand-in entity tagger that tags exactly the one-word ``names`` (word -> type)."""

    def tag(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [[f"B-{names[w]}" if w in names else "O" for w in words] for words in sentences]

    return tag


def pipeline_with(tagger: Tagger) -> Callable[..., Analysis]:
    """The real pipeline with ``tagger`` in place of the shipped entity model."""
    from byline.analysis.pipeline import analyze

    return functools.partial(analyze, entity_tagger=tagger)


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
