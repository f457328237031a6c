"""The Dask engine: batches as tasks on Dask's distributed scheduler.

With ``--scheduler ADDRESS`` it joins an existing cluster, whose workers must have the
same byline installed (checked before any work) and, for file inputs, see the files at
the same paths (JSON Lines carry their text with the task). Without, it starts a
``LocalCluster`` on this machine, loopback only, one single-threaded worker process per
``--workers`` (the analysis is pure Python: threads in one process would share one
core). A worker plugin loads the models once per worker process; a batch whose workers
keep dying (Dask retries it elsewhere first) becomes error records, never a stopped run.

The only module of byline that imports Dask (an optional extra: ``byline[dask]``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin, wait

from byline import __version__
from byline.batch.engines import IN_FLIGHT_PER_WORKER, EngineError, in_flight
from byline.batch.inputs import Item
from byline.batch.work import BatchResult, Result, analyze_batch, warm_up

CONNECT_TIMEOUT = 20.0
"""Seconds to reach a scheduler, and to wait for its first worker."""

QUIET_LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Dask settings for the LocalCluster we start: its monitoring slowed to what a batch run
needs. By default each worker samples its task's stack every 10 ms for the dashboard's
profile and every process wakes every 20 ms to check its event loop: on two cores that
is CPU taken from the analysis (an idle two-worker cluster used 14% of a core, 1.5% with
these). An existing cluster (``--scheduler``) keeps its own settings."""


class LoadModels(WorkerPlugin):
    """Loads byline's models when a worker joins, so no task pays for them."""

    name = "byline-models"

    def setup(self, worker: Any) -> None:
        warm_up()


def worker_version() -> str:
    """The byline a worker runs (compared with ours before any work)."""
    return __version__


class DaskEngine:
    """Batches on a Dask cluster: an existing one, or a LocalCluster of ``workers``."""

    def __init__(
        self, workers: int, scheduler: str | None, connect_timeout: float = CONNECT_TIMEOUT
    ) -> None:
        self._cluster: LocalCluster | None = None
        try:
            if scheduler is None:
                _fork_workers_warm()
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    scheduler_kwargs={
                        "dashboard_address": "127.0.0.1:0"
                    },  # any free port, not 8787
                    silence_logs=logging.CRITICAL,  # failures come back as results
                )
                self.client = Client(self._cluster)
            else:
                self.client = Client(scheduler, timeout=connect_timeout)
        except Exception as error:  # noqa: BLE001 - OSError, TimeoutError, RuntimeError...
            self.close()
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a Dask LocalCluster"
            raise EngineError(f"cannot start on {where}: {_one_line(error)}") from None
        try:
            self._check_workers(connect_timeout)
            self.client.register_plugin(LoadModels(), name=LoadModels.name)
        except EngineError:
            self.close()
            raise
        except Exception as error:  # noqa: BLE001 - whatever the workers raise, one line
            self.close()
            raise EngineError(f"the Dask workers cannot run byline: {_one_line(error)}") from None
        threads = self.client.nthreads()
        self.workers = max(1, sum(threads.values()))

    def _check_workers(self, timeout: float) -> None:
        if not self.client.nthreads():
            self.client.wait_for_workers(1, timeout=timeout)
        versions = self.client.run(worker_version)
        wrong = {address: v for address, v in versions.items() if v != __version__}
        if wrong:
            address, version = next(iter(wrong.items()))
            raise EngineError(
                f"Dask worker {address} runs byline {version}, this is {__version__}: "
                "install the same byline on every worker"
            )

    def results(self, batches: Iterable[list[Item]]) -> Iterator[BatchResult]:
        def submit(batch: list[Item]) -> Future:
            return self.client.submit(analyze_batch, batch, pure=False)

        def first_done(futures: list[Future]) -> Iterable[Future]:
            return wait(futures, return_when="FIRST_COMPLETED").done

        window = self.workers * IN_FLIGHT_PER_WORKER
        for batch, future in in_flight(batches, submit, first_done, window):
            try:
                result: BatchResult = future.result()
            except Exception as error:  # noqa: BLE001 - KilledWorker and the like
                result = _failed(batch, error)
            future.release()
            yield result

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _fork_workers_warm() -> None:
    """Our LocalCluster's workers: forked from a server with distributed and the models
    loaded (started in about a second), not each a fresh interpreter importing them, and
    with :data:`QUIET_LOCAL_CLUSTER`'s settings.

    Dask sets the fork server's preload list the first time it asks for the context
    (to ``distributed`` and its packages); asking first and then naming ours keeps both.
    When :func:`~byline.batch.engines.open_engine` has started the server already (it
    does, before importing Dask), the list no longer matters: that server has both.
    """
    import dask
    from distributed.utils import get_mp_context

    from byline.batch.work import worker_context

    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
    dask.config.set(QUIET_LOCAL_CLUSTER)  # the nannies hand our config to their workers
    get_mp_context()
    worker_context("distributed")


def _failed(batch: list[Item], error: BaseException) -> BatchResult:
    """Error records for a batch that Dask could not run (its workers died each time)."""
    import json

    reason = f"the Dask task failed: {_one_line(error)}"
    results = []
    for item in batch:
        record = {"id": item.id, "path": item.path, "error": f"{item.path}: {reason}"}
        results.append(Result(item.id, json.dumps(record, ensure_ascii=False), True, 0))
    return BatchResult(results, 0, 0)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__
