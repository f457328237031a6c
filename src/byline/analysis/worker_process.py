"""Run the analysis in a separate process, so the caller's threads stay responsive.

Pure-Python tagging holds the interpreter lock for seconds on a long article; in a thread
of the reader's process that delays every key press. A child process has its own
interpreter, loads the models once, and can be stopped at once when the reader quits.

A child dies with its parent, however the parent ends (SIGKILL included): it watches the
pipe multiprocessing keeps open to it from the parent (``parent_process().sentinel``),
which the kernel closes when the parent dies, and exits then. Once parent and children
are gone, multiprocessing's resource tracker sees its last writer close and exits too.
Children are spawned, never forked: a forked child would inherit its siblings' ends of
those pipes and keep them from closing.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: the reader imports this module before it paints
    from concurrent.futures import Future, ProcessPoolExecutor

    from byline.analysis.model import Analysis

_POLL_SECONDS = 0.05
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_stages: Any = None
"""The pipe the child reports finished stages on, as ``(job, stage)``: the parent's end
beside ``_pool``; in the child, the end it writes to (set by :func:`_start_child`)."""
_jobs = itertools.count(1)


def _start_child(stages: Any) -> None:
    """A pool's initializer: die with the parent, and keep the pipe stages go to."""
    global _stages
    _stages = stages
    die_with_parent()
    from byline.analysis.pipeline import load_models_for_life

    load_models_for_life()  # this process lives to analyse


def _analyze(text: str, job: int = 0) -> Analysis:
    from byline.analysis.pipeline import analyze

    stages = _stages
    if stages is None or not job:
        return analyze(text)
    return analyze(text, progress=lambda stage: stages.put((job, stage)))


class ChildUnavailableError(Exception):
    """No child process can be started here; analyse in this process instead."""


def die_with_parent() -> None:
    """In a child: exit as soon as the parent process is gone; ignore Ctrl-C (the parent
    decides when its children stop). The initializer of every pool made here."""
    import multiprocessing
    import os
    import signal
    from multiprocessing.connection import wait

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])  # ready once the parent's end is closed: it died
        os._exit(1)

    threading.Thread(target=watch, name="byline-parent-watch", daemon=True).start()


def new_pool(workers: int, stages: Any = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned children that die with this process (and report
    finished stages on ``stages``, a spawn-context ``SimpleQueue``, when given)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": forking a process that runs threads (the reader's) is unsafe, and forked
    # siblings would hold each other's parent pipes open (see the module's docstring).
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_child, initargs=(stages,)
    )


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool``'s children at once, whatever they are doing (at most a second)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + 1.0
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()


def _get_pool() -> ProcessPoolExecutor:
    import multiprocessing

    global _pool, _stages
    with _lock:
        if _pool is None:
            _stages = multiprocessing.get_context("spawn").SimpleQueue()
            _pool = new_pool(1, _stages)
        return _pool


def prepare() -> None:
    """Start multiprocessing's resource tracker, the helper every spawned child needs.

    The tracker is handed ``sys.stderr``'s descriptor. A full-screen app swaps
    ``sys.stderr`` for an object without one (Textual's capture says -1, and spawning then
    fails with "bad value(s) in fds_to_keep"), so the process's own stderr is lent for the
    call. Call it on the thread that owns ``sys.stderr`` (the app's), before the first
    child; once the tracker runs, children can be spawned from any thread.
    """
    from multiprocessing import resource_tracker

    real = sys.__stderr__
    lent = contextlib.nullcontext() if real is None else contextlib.redirect_stderr(real)
    with lent:
        resource_tracker.ensure_running()


def analyze_in_child(
    text: str,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Analyse ``text`` in the child process.

    Args:
        text: the article.
        should_stop: polled while waiting; when it returns True the child is stopped
            and :class:`AnalysisCancelledError` raised.
        progress: called here, in the caller's thread, with each stage the child has
            finished (the pipeline's ``progress``).

    Raises:
        AnalysisCancelledError: the caller asked to stop.
        ChildUnavailableError: no child process could be started or it died.
    """
    from concurrent.futures.process import BrokenProcessPool

    from byline.analysis.pipeline import AnalysisCancelledError

    job = next(_jobs) if progress is not None else 0
    try:
        future: Future[Analysis] = _get_pool().submit(_analyze, text, job)
    except (BrokenProcessPool, RuntimeError, OSError, ValueError) as error:
        # ValueError: spawning needs real file descriptors for stdio, which a full-screen
        # app may have swapped out.
        shutdown()
        raise ChildUnavailableError(str(error)) from error
    while True:
        try:
            analysis = future.result(timeout=_POLL_SECONDS)
        except TimeoutError:
            if progress is not None:
                _report_stages(job, progress)
            if should_stop is not None and should_stop():
                future.cancel()
                shutdown()
                raise AnalysisCancelledError("stopped") from None
        except BrokenProcessPool as error:
            shutdown()
            raise ChildUnavailableError(str(error)) from error
        else:
            if progress is not None:
                _report_stages(job, progress)
            return analysis


def _report_stages(job: int, progress: Callable[[str], None]) -> None:
    """Hand ``progress`` the stages the child finished for ``job`` (others are stale)."""
    stages = _stages
    try:
        while stages is not None and not stages.empty():
            done, stage = stages.get()
            if done == job:
                progress(stage)
    except (OSError, EOFError, ValueError):
        pass  # the child went away: its result (or its failure) says the rest


def shutdown() -> None:
    """Stop the child at once, whatever it is doing."""
    global _pool, _stages
    with _lock:
        pool, _pool = _pool, None
        _stages = None
    if pool is not None:
        stop_pool(pool)
