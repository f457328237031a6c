"""What the bench runs (byline, its baselines, the sample) and how a run is timed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SAMPLE = REPO / "seeds" / "iacc-alibaba.txt"
PYTHON = sys.executable
BYLINE = (
    [str(Path(PYTHON).parent / "byline")]
    if (Path(PYTHON).parent / "byline").exists()
    else [PYTHON, "-m", "byline"]
)

# What is on screen once the side panel is filled (the status line under the article),
# and what shows when the analysis failed instead.
PANEL_READY = re.compile(r"\d+ entities · \d+ quotes")
PANEL_FAILED = "Analysis failed"
# The side panel's tab row: gone from the screen while the panel is hidden.
PANEL_TABS = "Entities Sources Summary"


def analysis_over(screen: str) -> bool:
    """Whether the reader's screen shows the analysis landed, or failed."""
    return PANEL_READY.search(screen) is not None or PANEL_FAILED in screen


def timed(command: Sequence[str], stdout: Path | None = None) -> tuple[float, int, str]:
    """Wall seconds, exit code and stderr tail of ``command``."""
    started = time.perf_counter()
    with open(stdout or os.devnull, "w") as out:
        result = subprocess.run(
            command, stdout=out, stderr=subprocess.PIPE, text=True, cwd=REPO, check=False
        )
    return time.perf_counter() - started, result.returncode, result.stderr[-400:]


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def analyze_fails() -> str | None:
    """Why ``byline analyze`` cannot analyse the sample, or None when it can."""
    seconds, code, err = timed([*BYLINE, "analyze", str(SAMPLE)])
    return f"byline analyze fails on the sample: {last_line(err)}" if code else None
