"""The local engine: a pool of worker processes on this machine, the models loaded once in
each (``byline analyze --jobs`` uses a pool too; this one also keeps only a few batches in
flight and gives them back as they finish).

Workers are forked from a fork server that has the models loaded
(:func:`~byline.batch.work.worker_context`). They ignore Ctrl-C: the parent alone stops
the run, writing what is done.
"""

from __future__ import annotations

import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from byline.batch.engines import IN_FLIGHT_PER_WORKER, EngineError, in_flight
from byline.batch.inputs import Item
from byline.batch.work import BatchResult, analyze_batch, warm_up, worker_context


def start_worker() -> None:
    """Each worker process: leave Ctrl-C to the parent, load the models once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


class LocalEngine:
    """A process pool of ``workers`` processes."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=worker_context(),
            initializer=start_worker,
        )

    def results(self, batches: Iterable[list[Item]]) -> Iterator[BatchResult]:
        def first_done(futures: list[Future[BatchResult]]) -> set[Future[BatchResult]]:
            return wait(futures, return_when=FIRST_COMPLETED).done

        def submit(batch: list[Item]) -> Future[BatchResult]:
            return self._pool.submit(analyze_batch, batch)

        window = self.workers * IN_FLIGHT_PER_WORKER
        try:
            for _, future in in_flight(batches, submit, first_done, window):
                yield future.result()
        except BrokenProcessPool:
            raise EngineError(
                "a worker process died (killed, or out of memory); what is done is saved: "
                "run the same command again to go on"
            ) from None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
