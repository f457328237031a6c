"""What a worker does with a batch of articles: the ``byline analyze`` record of each, plus
its ``id``, as one JSON line. Both engines run this very function, so their output is the
same by construction.

A file goes through ``analyze_to_json_line``, the function behind ``byline analyze``
itself; a JSON Lines article through the same export. Any exception an article raises
becomes its error record: one article never stops a batch.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from byline.batch.inputs import Item, Key


@dataclass(frozen=True, slots=True)
class Result:
    """One article's output line, and what the manifest counts of it."""

    id: Key
    line: str
    failed: bool
    words: int


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A batch's results, and the worker process that made them, with its peak memory."""

    results: list[Result]
    pid: int
    peak_rss: int


PRELOAD = "byline.batch.warm"
"""The module the fork server imports: byline's models, loaded once for all workers."""


def worker_context(*modules: str) -> multiprocessing.context.ForkServerContext:
    """Worker processes forked from a server that has the models (and ``modules``) loaded.

    A fork server, not a fork of the running command, whose progress bar and Dask client
    run threads (forking a process with threads can deadlock the child); and not a fresh
    interpreter per worker, which would import and load everything again. The preload
    takes effect when the server starts: on first use, or :func:`start_fork_server`.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*modules, PRELOAD])
    return context


def start_fork_server(*modules: str) -> None:
    """Start the workers' fork server now, loading ``modules`` and the models in it while
    this process goes on: Dask's engine starts it before importing Dask, so the two
    imports (0.7 s and 1.2 s) overlap on two cores instead of running one after the other.
    """
    from multiprocessing import forkserver

    worker_context(*modules)
    forkserver.ensure_running()


def warm_up() -> None:
    """Load every model now, once per worker process, before its first batch."""
    from byline.analysis.pipeline import load_models

    load_models()


def analyze_batch(items: Sequence[Item]) -> BatchResult:
    """The results of ``items``, in their order."""
    return BatchResult([analyze_item(item) for item in items], os.getpid(), peak_rss())


def analyze_item(item: Item) -> Result:
    """One article's result; an error record when it cannot be read or analysed."""
    try:
        record = _record(item)
    except Exception as error:  # noqa: BLE001 - one article must never stop the run
        reason = " ".join(str(error).split()) or type(error).__name__
        record = {"path": item.path, "error": f"{item.path}: analysis failed: {reason}"}
    failed = "error" in record
    words = words_in(record)
    line = json.dumps({"id": item.id, **record}, ensure_ascii=False)
    return Result(item.id, line, failed, words)


def words_in(record: dict[str, Any]) -> int:
    """An analysed record's words (none for a failure)."""
    return 0 if "error" in record else len(str(record.get("text", "")).split())


def peak_rss() -> int:
    """This process's peak resident memory in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _record(item: Item) -> dict[str, Any]:
    if item.error is not None:
        return {"path": item.path, "error": item.error}
    if item.text is not None:
        return _text_record(item)
    from byline.json_lines import analyze_to_json_line

    assert item.location is not None
    _, line = analyze_to_json_line(item.location)
    record: dict[str, Any] = json.loads(line)
    # Opened by absolute path (a worker's folder may differ); reported as given.
    record["path"] = item.path
    error = record.get("error")
    if isinstance(error, str) and error.startswith(f"{item.location}: "):
        record["error"] = f"{item.path}: {error[len(item.location) + 2 :]}"
    return record


def _text_record(item: Item) -> dict[str, Any]:
    from byline.analysis.export import to_json
    from byline.analysis.pipeline import analyze
    from byline.sources import Article, json_fields

    assert item.text is not None
    metadata = dict(item.metadata)
    url = metadata.get("url")
    article = Article(
        item.text,
        item.path,
        url,
        url=url,
        site=metadata.get("site"),
        author=metadata.get("author"),
        date=metadata.get("date"),
    )
    record = to_json(analyze(article.text), item.path)
    record.update(json_fields(article))
    return record
