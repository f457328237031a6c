"""``byline batch --engine dask``: on a LocalCluster of two worker processes that the test
starts (loopback only), and on the engine's own LocalCluster; the same records as
``byline analyze``. Dask is in the test group, so these tests never skip."""

from __future__ import annotations

import copy
import json
import logging
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import LocalCluster

from byline.batch import engines
from byline.batch.engines import EngineError
from byline.batch.engines.dask import QUIET_LOCAL_CLUSTER, DaskEngine
from tests.batch_helpers import analyze_lines, byline, records_by_id, write_corpus


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    ) as running:
        yield running


def _same_as_analyze(tmp_path: Path, out: str) -> None:
    records = records_by_id(tmp_path / out)
    expected = analyze_lines(sorted(records), tmp_path)
    assert len(expected) == len(records) > 0
    for want in expected:
        got = dict(records[want["path"]])
        assert got.pop("id") == want["path"]
        assert got == want


def test_existing_cluster_gives_byline_analyze_records(
    tmp_path: Path, cluster: LocalCluster
) -> None:
    write_corpus(tmp_path / "corpus", 7)
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    result = byline(
        "batch", "corpus", "--out", "out", "--scheduler", address, "--batch-size", "2",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "8 articles in out: 8 analysed, 0 failed" in result.stdout
    assert "dask engine, 2 workers" in result.stdout
    _same_as_analyze(tmp_path, "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    (run,) = manifest["runs"]
    assert run["engine"] == "dask" and run["scheduler"] == address
    assert len(run["peak_worker_mb"]) == 2  # both workers took batches, and said their memory


def test_own_local_cluster_gives_byline_analyze_records(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", 3)
    result = byline(
        "batch", "corpus", "--out", "out", "--engine", "dask", "--workers", "1", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "dask engine, 1 workers" in result.stdout
    _same_as_analyze(tmp_path, "out")


def test_json_lines_travel_with_their_text(tmp_path: Path, cluster: LocalCluster) -> None:
    lines = "".join(
        json.dumps({"id": n, "text": f"Story {n} about Nike in Leeds."}) + "\n" for n in range(4)
    )
    result = byline(
        "batch", "-", "--out", "out", "--scheduler", cluster.scheduler_address,
        "--batch-size", "1", cwd=tmp_path, stdin=lines,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    records = records_by_id(tmp_path / "out")
    assert sorted(records) == [0, 1, 2, 3]
    assert not [r for r in records.values() if "error" in r]
    assert all(r["text"] == f"Story {n} about Nike in Leeds." for n, r in records.items())


def test_a_scheduler_that_cannot_be_reached_is_one_line() -> None:
    with pytest.raises(EngineError, match="cannot start on the Dask scheduler"):
        DaskEngine(1, "tcp://127.0.0.1:9", connect_timeout=2)


@pytest.fixture
def dask_config_restored() -> Iterator[None]:
    """The engine sets Dask's config for the whole process (as ``byline batch`` wants);
    a test that starts it in-process puts the config back afterwards."""
    saved = copy.deepcopy(dask.config.config)
    yield
    dask.config.config.clear()
    dask.config.config.update(saved)


@pytest.mark.usefixtures("dask_config_restored")
def test_own_local_cluster_workers_run_with_monitoring_slowed() -> None:
    engine = DaskEngine(1, None)
    try:
        for key, want in QUIET_LOCAL_CLUSTER.items():
            assert set(engine.client.run(dask.config.get, key).values()) == {want}, key
    finally:
        engine.close()


class _ImportWatch(types.ModuleType):
    """Stands in for ``byline.batch.engines.dask``: notes when its engine is imported."""

    def __init__(self, events: list[str]) -> None:
        super().__init__("byline.batch.engines.dask")
        self._events = events

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # what the import system asks of any module
            raise AttributeError(name)
        self._events.append(f"import {name}")
        return lambda workers, scheduler: "engine"


@pytest.mark.parametrize(
    ("scheduler", "expected"),
    [
        (None, ["fork server (distributed)", "import DaskEngine"]),
        ("tcp://127.0.0.1:9", ["import DaskEngine"]),  # a cluster's workers are not ours
    ],
)
def test_own_cluster_fork_server_starts_before_dask_is_imported(
    monkeypatch: pytest.MonkeyPatch, scheduler: str | None, expected: list[str]
) -> None:
    # Dask's import (0.7 s) and the server's preload (Dask and the models, 1.2 s) overlap.
    events: list[str] = []
    monkeypatch.setitem(sys.modules, "byline.batch.engines.dask", _ImportWatch(events))
    monkeypatch.setattr(
        engines, "start_fork_server", lambda *m: events.append(f"fork server ({', '.join(m)})")
    )
    assert engines.open_engine("dask", 1, scheduler) == "engine"
    assert events == expected
