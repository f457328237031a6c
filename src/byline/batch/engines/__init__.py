"""Where batches run: ``local`` (a process pool on this machine) or ``dask`` (Dask's
distributed scheduler, on a ``LocalCluster`` or an existing cluster).

Both run :func:`byline.batch.work.analyze_batch` in worker processes that load the models
once, keep a few batches per worker in flight (a corpus is never submitted at once), and
give each batch's results as soon as it is done, whatever its place in the input. Only
``dask.py`` imports Dask, and only when that engine is chosen.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from byline.batch.inputs import Item
from byline.batch.work import BatchResult, start_fork_server

F = TypeVar("F")

IN_FLIGHT_PER_WORKER = 2
"""Batches queued per worker: one running, one ready, so no worker waits for the next."""


class EngineError(Exception):
    """The engine cannot start or go on (no scheduler, a dead pool): one line."""


class Engine(Protocol):
    """Runs batches of articles, giving results as batches finish."""

    workers: int
    """Worker processes (for a cluster, worker threads) the batches are spread over."""

    def results(self, batches: Iterable[list[Item]]) -> Iterator[BatchResult]: ...

    def close(self) -> None: ...


def in_flight(
    batches: Iterable[list[Item]],
    submit: Callable[[list[Item]], F],
    first_done: Callable[[list[F]], Iterable[F]],
    window: int,
) -> Iterator[tuple[list[Item], F]]:
    """Each batch with its finished future, as they finish, with at most ``window`` queued.

    Args:
        batches: the work, read only as room frees up.
        submit: queue one batch, returning its future.
        first_done: wait until at least one of the futures is done; those that are.
        window: batches queued at once.
    """
    source = iter(batches)
    pending: dict[F, list[Item]] = {}

    def top_up() -> None:
        while len(pending) < window:
            batch = next(source, None)
            if batch is None:
                return
            pending[submit(batch)] = batch

    top_up()
    while pending:
        finished = [(pending.pop(f), f) for f in first_done(list(pending))]
        top_up()  # before handing results over, so the workers keep busy meanwhile
        yield from finished


def open_engine(name: str, workers: int, scheduler: str | None) -> Engine:
    """The engine ``--engine`` names.

    Raises:
        EngineError: Dask is not installed, or its scheduler cannot be reached.
    """
    if name == "dask":
        if scheduler is None and importlib.util.find_spec("distributed") is not None:
            start_fork_server("distributed")  # the LocalCluster's workers: warm meanwhile
        try:
            from byline.batch.engines.dask import DaskEngine
        except ImportError:
            raise EngineError("--engine dask needs Dask: pip install 'byline[dask]'") from None
        return DaskEngine(workers, scheduler)
    from byline.batch.engines.local import LocalEngine

    return LocalEngine(workers)
