"""How the reader runs the analysis: in a child process, else in a thread.

Tagging is pure Python and would hold the reader's interpreter lock for seconds on a long
article, delaying every key press; a child process has its own. The app imports this
before its first frame, so the pipeline (and NLTK) is only imported where it is called.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from byline.analysis.model import Analysis

Analyzer = Callable[..., "Analysis"]
"""Called as ``analyzer(text, should_stop=..., progress=...)`` (``progress`` hears each
finished stage's name); the default is the real pipeline."""


def default_analyzer(text: str, **options: Any) -> Analysis:
    """The real pipeline, in the child process (in this thread if no child can run)."""
    from byline.analysis.worker_process import ChildUnavailableError, analyze_in_child

    try:
        return analyze_in_child(text, **options)
    except ChildUnavailableError:
        from byline.analysis.pipeline import analyze

        return analyze(text, **options)


def prepare_child_process() -> None:
    """Start what the analysis child needs, on the app's thread (see ``prepare``)."""
    from byline.analysis.worker_process import prepare

    # No child on OSError or ValueError: the analysis then runs in a thread of this process.
    with contextlib.suppress(OSError, ValueError):
        prepare()


def stop_child_process() -> None:
    """Stop a running analysis child at once (it was started only if it is imported)."""
    module = sys.modules.get("byline.analysis.worker_process")
    if module is not None:
        module.shutdown()
