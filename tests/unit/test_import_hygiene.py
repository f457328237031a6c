"""The analysis core must be usable without Textual (and without paying for NLTK at import)."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_core_does_not_import_textual() -> None:
    loaded = _modules_after(
        "from byline.analysis.pipeline import analyze\n"
        "import byline.analysis.export, byline.sources\n"
        "analyze('“We are here to stay,” she said. Alibaba agreed.')"
    )
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich")}


def test_cli_module_import_is_light() -> None:
    loaded = _modules_after("import byline.__main__")
    assert "nltk" not in loaded
    assert not {m for m in loaded if m.startswith("textual")}


def test_reader_start_up_imports_only_what_the_first_frame_needs() -> None:
    # What ``byline FILE`` imports before its first frame: no HTTP client, no NLTK,
    # no analysis data model, and none of the widgets built after the first frame.
    loaded = _modules_after(
        "import byline.__main__, byline.library, byline.web, byline.tui.app\n"
        "from byline.analysis.worker_process import prepare"
    )
    deferred = {
        "nltk",
        "http.client",
        "urllib.request",
        "concurrent.futures.process",
        "byline.web.fetch",
        "byline.analysis.model",
        "byline.analysis.pipeline",
        "byline.tui.saving",
        "byline.tui.screens.library",
        "byline.tui.widgets.entity_panel",
        "byline.tui.widgets.source_panel",
        "byline.tui.sources",
        "byline.analysis.whosaid",
        "byline.tui.widgets.summary_panel",
        "textual.widgets._tabbed_content",
        "textual.widgets._markdown",
    }
    assert not deferred & loaded
