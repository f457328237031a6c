"""Smoke test: other articles (ctrl+o, :n, :p), exporting and the settings, in tmux.

The ``terminal`` fixture (``conftest.py``) runs the installed command in its own tmux
server, with the reading library and the settings file in the test's folder.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.terminal import Terminal
from byline.resources import models_dir
from tests.smoke.conftest import BYLINE

pytestmark = pytest.mark.smoke

NER_MODEL = models_dir() / "ner" / "model.json.gz"

HARBOUR = (
    "Harbour Bridge Reopens\n\n"
    "The Harbour Bridge reopened on Monday after six months of repairs, the city said.\n\n"
    "\u201cWe are proud of the crews,\u201d said Mayor Ana Lopez.\n"
)
FERRY = (
    "Ferry Timetable Changes\n\n"
    "The ferry will run every ten minutes from May, the company said on Tuesday.\n\n"
    "\u201cCommuters asked for it,\u201d said Tom Reed, who runs the line.\n"
)


def _write(folder: Path) -> None:
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")


def _analysed(screen: str) -> bool:
    return "sentences · ? for keys" in screen


def test_colon_n_colon_p_and_ctrl_o(terminal: Terminal, tmp_path: Path) -> None:
    _write(tmp_path)
    terminal.start([BYLINE, "harbour.txt", "ferry.txt"], size=(100, 30))
    terminal.wait_for(lambda s: "on Monday" in s and _analysed(s), "harbour")
    terminal.tmux("send-keys", "-t", "main", "-l", ":n")  # typed as fast as a paste
    terminal.wait_for(lambda s: "on Tuesday" in s and _analysed(s), "the next file")
    terminal.tmux("send-keys", "-t", "main", "-l", ":p")
    terminal.wait_for(lambda s: "on Monday" in s, "the previous file")
    terminal.keys("C-o")
    terminal.wait_for(lambda s: "Open an article" in s, "the open dialog")
    terminal.tmux("send-keys", "-t", "main", "-l", "fe")
    terminal.keys("Tab")
    terminal.wait_for(lambda s: "ferry.txt" in s, "the completed name")
    terminal.keys("Enter")
    terminal.wait_for(lambda s: "on Tuesday" in s and "Open an" not in s, "ferry")
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")


@pytest.mark.skipif(not NER_MODEL.exists(), reason="the trained entity model is not built yet")
def test_export_the_analysis_as_byline_analyze_prints_it(
    terminal: Terminal, tmp_path: Path
) -> None:
    _write(tmp_path)
    terminal.start([BYLINE, "ferry.txt"])
    terminal.wait_for(_analysed, "the analysis")
    terminal.keys("x")
    terminal.wait_for(lambda s: "The whole analysis" in s, "the export choice")
    terminal.keys("4")
    terminal.wait_for(lambda s: "Export analysis as JSON" in s, "the save dialog")
    terminal.keys("Enter")
    exported = tmp_path / "ferry.analysis.json"
    terminal.wait_until(exported.exists, f"{exported} to be written")
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
    printed = subprocess.run(
        [BYLINE, "analyze", "ferry.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=terminal.env,
        timeout=120,
        check=True,
    ).stdout
    assert exported.read_text(encoding="utf-8") == printed


def test_a_theme_chosen_in_the_palette_is_remembered(terminal: Terminal, tmp_path: Path) -> None:
    _write(tmp_path)
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text("# my settings\npanel_width = 40\n", encoding="utf-8")
    terminal.start([BYLINE, "harbour.txt"])
    terminal.wait_for(_analysed, "the analysis")
    terminal.keys("C-p")
    terminal.wait_for(lambda s: "Search for commands" in s, "the palette")
    terminal.tmux("send-keys", "-t", "main", "-l", "theme")
    terminal.wait_for(lambda s: "Change the current theme" in s, "the Theme command")
    terminal.keys("Enter")
    terminal.wait_for(lambda s: "Search for themes" in s, "the themes")
    terminal.tmux("send-keys", "-t", "main", "-l", "nord")
    terminal.keys("Enter")
    terminal.wait_until(lambda: "nord" in config.read_text(encoding="utf-8"), "the theme saved")
    assert config.read_text(encoding="utf-8") == '# my settings\npanel_width = 40\ntheme = "nord"\n'
    terminal.keys("q")
    terminal.wait_until(lambda: not terminal.alive(), "byline to quit")
