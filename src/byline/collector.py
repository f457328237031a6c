"""Long-lived objects made without the cyclic garbage collector scanning them.

Loading the models, or starting the reader, makes hundreds of thousands of objects that
live as long as the process. The collector, set off by allocations, scans them again and
again while they are made, and every later full collection scans them once more. Nothing
in them is garbage, so byline's own processes (the reader, the analysis child, ``byline
analyze``) make them :func:`for_life`: with the collector paused, and frozen before it
resumes, so that no collection scans them (the batch fork server too, which loads the
models its workers share). Measured side by side with the build before (runs of
``bench.first_paint``): the sample's first paint 1.25x a bare Textual app's before, 1.07x
after; its side panel filled 1.8 s after launch before, 1.45 s after (README, Speed).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off inside; afterwards on again if it was on before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextlib.contextmanager
def for_life() -> Iterator[None]:
    """What is made inside lives as long as the process: made with the collector paused,
    then frozen (``gc.freeze``) before it resumes, so no collection ever scans it. Resumed
    first, the collector would at once scan everything made inside, all of it young.
    Only for byline's own processes: freezing pins whatever else the process holds."""
    with paused():
        try:
            yield
        finally:
            gc.freeze()
