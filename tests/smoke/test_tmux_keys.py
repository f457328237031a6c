"""Smoke test: the pager's keys, ``n``/``N`` in a search and ``y`` in a real terminal.

The installed ``byline`` in tmux (the shared ``terminal`` fixture: own ``-L`` server,
no COLUMNS/LINES, ``set-clipboard on`` so an OSC 52 becomes a paste buffer, polling
``capture-pane`` instead of sleeping, ``kill-server`` at the end). ``y`` is checked where
it lands: in tmux's buffer (``show-buffer``).
"""

from __future__ import annotations

import pytest

from bench.terminal import Terminal
from byline.resources import models_dir, sample_article
from tests.smoke.conftest import BYLINE

pytestmark = pytest.mark.smoke

NER_MODEL = models_dir() / "ner" / "model.json.gz"
FIRST_LINE = "The International Anticounterfeiting Coalition"
LAST_LINE = "blog comments powered by Disqus"


def _buffer(terminal: Terminal) -> str:
    return terminal.tmux("show-buffer", check=False).stdout


@pytest.mark.skipif(not NER_MODEL.exists(), reason="the trained entity model is not built yet")
def test_pager_keys_search_steps_and_copy(terminal: Terminal) -> None:
    from byline.analysis.pipeline import analyze

    text = sample_article().read_text(encoding="utf-8")
    analysis = analyze(text)
    matches = text.lower().count("alibaba")
    assert matches > 3 and analysis.quotes

    terminal.start([BYLINE])
    terminal.wait_for(lambda s: "min read" in s and FIRST_LINE in s, "the analysis")

    # The pager's keys: G to the end, g to the top, space and b a screen each way.
    terminal.keys("G")
    terminal.wait_for(lambda s: LAST_LINE in s and FIRST_LINE not in s, "the end (G)")
    terminal.keys("g")
    terminal.wait_for(lambda s: FIRST_LINE in s and LAST_LINE not in s, "the top (g)")
    terminal.keys("Space")
    terminal.wait_for(lambda s: FIRST_LINE not in s, "a screen down (space)")
    terminal.keys("b")
    terminal.wait_for(lambda s: FIRST_LINE in s, "a screen up (b)")
    terminal.keys("j", "j", "k")
    terminal.wait_for(lambda s: FIRST_LINE not in s, "a line down (j j k)")
    terminal.keys("Home")
    terminal.wait_for(lambda s: FIRST_LINE in s, "the top (Home)")

    # Search like less: type, Enter, then n and N.
    terminal.keys("/")
    terminal.wait_for(lambda s: "Find:" in s, "the search bar")
    terminal.keys("-l", "Alibaba")
    terminal.wait_for(lambda s: f"1 of {matches}" in s, "the first match")
    terminal.keys("Enter")
    terminal.wait_for(lambda s: "Next match" in s, "n and N in the footer")
    terminal.keys("n")
    terminal.wait_for(lambda s: f"2 of {matches}" in s, "the second match (n)")
    terminal.keys("n", "n")
    terminal.wait_for(lambda s: f"4 of {matches}" in s, "the fourth match (n n)")
    terminal.keys("N")
    terminal.wait_for(lambda s: f"3 of {matches}" in s, "back to the third (N)")
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "Find:" not in s and "Next match" not in s, "the search closed")

    # y copies the current quote, with its speaker, through OSC 52 into tmux's buffer.
    assert _buffer(terminal) == ""
    quote = analysis.quotes[0]
    words = " ".join(text[quote.start : quote.end].split())
    terminal.keys("]")
    terminal.wait_for(lambda s: f"Quote 1 of {len(analysis.quotes)}" in s, "the first quote")
    terminal.keys("y")
    terminal.wait_until(lambda: _buffer(terminal) != "", "y to fill a tmux buffer")
    copied = _buffer(terminal)
    assert copied.startswith(words), copied
    if quote.speaker:
        assert copied == f"{words} — {' '.join(quote.speaker.split())}"

    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
