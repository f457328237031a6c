"""The analysis child can be started from inside a running app, after the first frame.

Runs in a fresh interpreter: multiprocessing's resource tracker must not already be
running (in the test process an earlier test may have started it with a real stderr).
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from textual.app import App
from byline.analysis import worker_process


class Probe(App[str]):
    def on_mount(self) -> None:
        # Textual's stand-in for stderr has no descriptor to hand a child process.
        assert sys.stderr.fileno() == -1
        worker_process.prepare()
        self.run_worker(self.analyse, thread=True)

    def analyse(self) -> None:
        try:
            analysis = worker_process.analyze_in_child("“We will stay,” she said.")
            result = f"ok {len(analysis.quotes)}"
        except Exception as error:
            result = f"failed {type(error).__name__}: {error}"
        self.call_from_thread(self.exit, result)


print(Probe().run(headless=True))
worker_process.shutdown()
"""


def test_child_process_starts_from_inside_a_running_app() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().splitlines()[-1] == "ok 1", result.stderr[-2000:]
