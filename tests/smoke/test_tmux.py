"""Smoke test: the installed ``byline`` command in a real terminal (tmux).

The ``terminal`` fixture (``conftest.py``) polls ``capture-pane`` for text instead of
sleeping, runs its own tmux server (``-L``) without COLUMNS and LINES, with the working
folder in ``tmp_path``, and always kills that server at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.terminal import Terminal
from byline.resources import models_dir, sample_article
from tests.smoke.conftest import BYLINE

pytestmark = pytest.mark.smoke

NER_MODEL = models_dir() / "ner" / "model.json.gz"


def _pairs(text: str) -> list[str]:
    words = text.strip("“”\"' ").split()
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def test_opens_the_sample_and_quits(terminal: Terminal) -> None:
    terminal.start([BYLINE])
    terminal.wait_for(lambda s: "WASHINGTON" in s, "the article text")
    terminal.wait_for(lambda s: "Quit" in s, "the footer")
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")


@pytest.mark.skipif(not NER_MODEL.exists(), reason="the trained entity model is not built yet")
def test_quote_jump_and_save_summary(terminal: Terminal, tmp_path: Path) -> None:
    from byline.analysis.pipeline import analyze

    analysis = analyze(sample_article().read_text(encoding="utf-8"))
    assert analysis.quotes, "the sample article should have quotes"
    count = len(analysis.quotes)
    last = analysis.quotes[-1]
    last_pairs = _pairs(analysis.text[last.start : last.end])

    terminal.start([BYLINE])
    terminal.wait_for(lambda s: "words ·" in s and "min read" in s, "the analysis")
    terminal.keys("[")
    screen = terminal.wait_for(lambda s: f"Quote {count} of {count}" in s, "the last quote")
    assert any(pair in screen for pair in last_pairs), screen
    terminal.keys("]")
    terminal.wait_for(lambda s: f"Quote 1 of {count}" in s, "the first quote again")

    terminal.keys("s")
    terminal.wait_for(lambda s: "Save summary as Markdown" in s, "the save dialog")
    terminal.keys("Enter")
    saved = tmp_path / f"{sample_article().stem}.summary.md"
    terminal.wait_until(saved.exists, f"{saved} to be written")
    content = saved.read_text(encoding="utf-8")
    assert content.startswith("# ")
    assert "## Summary" in content
    assert analysis.sentence_text(analysis.summary[0]).split()[0] in content

    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")


@pytest.mark.skipif(not NER_MODEL.exists(), reason="the trained entity model is not built yet")
def test_walk_an_attribution_to_its_source(terminal: Terminal) -> None:
    from byline.analysis.pipeline import analyze
    from byline.tui.labels import KIND_LABELS

    analysis = analyze(sample_article().read_text(encoding="utf-8"))
    claims = analysis.attributions
    count = len(claims)
    # The last claim with a named source that is not a direct quote: reached with `{`.
    back = next(n for n in range(1, count + 1) if claims[-n].kind != "direct" and claims[-n].source)
    claim = claims[-back]
    said = f"{KIND_LABELS[claim.kind]} · {claim.source} ({claim.cue})"

    terminal.start([BYLINE])
    terminal.wait_for(lambda s: "words ·" in s and "min read" in s, "the analysis")
    terminal.wait_for(lambda s: "Sources" in s, "the Sources tab's name")
    terminal.keys("}")
    terminal.wait_for(lambda s: f"Claim 1 of {count}" in s, "the first claim")
    terminal.wait_for(lambda s: "sources ·" in s and "hedges" in s, "the Sources tab's header")
    for _ in range(back):
        terminal.keys("{")
    screen = terminal.wait_for(lambda s: f"Claim {count - back + 1} of {count}" in s, "the claim")
    assert said in screen, screen
    assert any(pair in screen for pair in _pairs(analysis.text[claim.start : claim.end])), screen
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
