"""The output folder of ``byline batch``: JSON Lines shards, a manifest, and what is done.

A shard (``shard-00000.jsonl``) is written whole and atomically (temp file, fsync,
rename), so a shard that exists is complete: after a crash, a kill or Ctrl-C, the ids in
the shards are exactly the articles done, and a rerun skips them. Nothing is lost (an
article not in a shard is analysed again) or duplicated (an article in one is skipped).
The manifest lists the shards with their counts and the runs with their speeds; it is
rewritten atomically after each shard, and rebuilt from the shards when it lags behind.

One run at a time holds the folder (an advisory lock on ``.lock``); a folder holding
other files than these is refused, so nothing the user wrote is overwritten.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import re
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from byline import __version__
from byline.analysis.export import write_atomic
from byline.batch.inputs import Key
from byline.batch.work import Result, words_in

FORMAT = "byline-batch/1"
MANIFEST = "manifest.json"
LOCK = ".lock"
REPORT_FILES = ("report.md", "sources.csv")
SHARD = re.compile(r"shard-(\d{5,})\.jsonl")
FLUSH_SECONDS = 60.0
"""A shard is written at least this often while results come in, so a crash loses little."""


class OutputError(Exception):
    """The output folder cannot be used: one line."""


@dataclass
class Shard:
    """One shard file, as the manifest lists it."""

    file: str
    records: int
    failures: int
    words: int


@dataclass
class Manifest:
    """What the output folder holds: its shards and the runs that wrote them."""

    shards: list[Shard] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        totals = {
            "records": sum(s.records for s in self.shards),
            "failures": sum(s.failures for s in self.shards),
            "words": sum(s.words for s in self.shards),
        }
        body = {"format": FORMAT, "byline": __version__, **totals}
        body |= {"shards": [asdict(s) for s in self.shards], "runs": self.runs}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def shard_files(folder: Path) -> list[Path]:
    """The folder's shards, in the order they were written."""
    return sorted((p for p in folder.iterdir() if SHARD.fullmatch(p.name)), key=_number)


def _number(path: Path | str) -> int:
    match = SHARD.fullmatch(Path(path).name)
    return int(match.group(1)) if match else -1


def read_records(folder: Path) -> Iterator[dict[str, Any]]:
    """Every record in the folder's shards."""
    for path in shard_files(folder):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)


def read_manifest(folder: Path) -> Manifest:
    """The folder's manifest, brought up to date with its shards.

    Raises:
        OutputError: the manifest is not one ``byline batch`` wrote.
    """
    manifest = Manifest()
    path = folder / MANIFEST
    if path.exists():
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
            if body.get("format") != FORMAT:
                raise ValueError(body.get("format"))
            manifest = Manifest([Shard(**s) for s in body["shards"]], list(body["runs"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise OutputError(f"{path}: not a byline batch manifest") from None
    listed = {s.file for s in manifest.shards}
    present = shard_files(folder)
    manifest.shards = [s for s in manifest.shards if (folder / s.file).exists()]
    for orphan in (p for p in present if p.name not in listed):  # written, not yet listed
        manifest.shards.append(_count(orphan))
    order = {p.name: i for i, p in enumerate(present)}
    manifest.shards.sort(key=lambda s: order[s.file])
    return manifest


def _count(path: Path) -> Shard:
    records = failures = words = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records += 1
            failures += "error" in record
            words += words_in(record)
    return Shard(path.name, records, failures, words)


def _ids(path: Path) -> Iterator[Key]:
    """A shard's ids, without parsing the rest of each record (``id`` comes first)."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith('{"id": '):
                yield decoder.raw_decode(line, 7)[0]
            else:
                yield json.loads(line)["id"]


class Output:
    """The output folder while a run writes to it: use as a context manager."""

    def __init__(self, folder: Path, shard_size: int) -> None:
        self.folder = folder
        self.shard_size = shard_size
        self.manifest = Manifest()
        self.done: set[Key] = set()
        self._buffer: list[Result] = []
        self._last_flush = time.monotonic()
        self._lock: IO[str] | None = None

    def __enter__(self) -> Output:
        self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _open(self) -> None:
        folder = self.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not folder.is_dir():
                raise OutputError(f"{folder}: not a folder")
            self._check_ours(folder)
            self._lock = (folder / LOCK).open("a")
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputError(f"{folder}: another byline batch is writing there") from None
            self._remove_temp_files(folder)
            self.manifest = read_manifest(folder)
            for shard in shard_files(folder):
                self.done.update(_ids(shard))
            write_atomic(folder / MANIFEST, self.manifest.to_json())
        except (ValueError, KeyError, TypeError) as error:  # shards are written whole...
            raise OutputError(f"{folder}: a shard is damaged ({error}); move it away") from None
        except OSError as error:
            raise OutputError(f"{folder}: {error.strerror or error}") from None

    @staticmethod
    def _check_ours(folder: Path) -> None:
        ours = {MANIFEST, LOCK, *REPORT_FILES}
        foreign = [
            p.name
            for p in folder.iterdir()
            if p.name not in ours and not SHARD.fullmatch(p.name) and not _is_temp(p.name)
        ]
        if foreign and not (folder / MANIFEST).exists():
            raise OutputError(
                f"{folder}: holds other files ({sorted(foreign)[0]}...); "
                "give a new or empty folder, or one byline batch wrote"
            )

    @staticmethod
    def _remove_temp_files(folder: Path) -> None:
        """Temp files a killed run left behind (they never became shards)."""
        for path in folder.iterdir():
            if _is_temp(path.name):
                path.unlink(missing_ok=True)

    def add(self, results: list[Result]) -> None:
        """Keep results; write a shard when enough are in, or enough time has passed."""
        self._buffer.extend(results)
        self.done.update(r.id for r in results)
        while len(self._buffer) >= self.shard_size:
            self._write(self.shard_size)
        if self._buffer and time.monotonic() - self._last_flush >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write what is kept as a shard (at the end of a run, or when it is stopped)."""
        if self._buffer:
            self._write(len(self._buffer))

    def record_run(self, run: dict[str, Any]) -> None:
        """Add a run's figures (engine, workers, speed, memory) to the manifest."""
        self.manifest.runs.append(run)
        write_atomic(self.folder / MANIFEST, self.manifest.to_json())

    def _write(self, count: int) -> None:
        """The first ``count`` kept results as the next shard, then the manifest.

        Uninterrupted: a Ctrl-C between the shard and the rest would leave the shard on disk
        and its results still kept, to be written again (twice) by the flush that follows.
        """
        results = self._buffer[:count]
        number = 1 + max((_number(s.file) for s in self.manifest.shards), default=-1)
        name = f"shard-{number:05d}.jsonl"
        failures = sum(r.failed for r in results)
        words = sum(r.words for r in results)
        with _signals_deferred():
            write_atomic(self.folder / name, "".join(r.line + "\n" for r in results), replace=False)
            del self._buffer[:count]
            self.manifest.shards.append(Shard(name, len(results), failures, words))
            write_atomic(self.folder / MANIFEST, self.manifest.to_json())
        self._last_flush = time.monotonic()


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait for the block to finish, then act as they would have.

    Their handlers are swapped, not the thread's signal mask: a signal masked in the main
    thread is taken by another (a pool's or Dask's), and Python still runs its handler in
    the main thread at once.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    kinds = (signal.SIGINT, signal.SIGTERM)
    previous = {
        kind: signal.signal(kind, lambda signum, _: caught.append(signum)) for kind in kinds
    }
    try:
        yield
    finally:
        for kind, handler in previous.items():
            signal.signal(kind, handler)
        for signum in dict.fromkeys(caught):
            signal.raise_signal(signum)


def _is_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp") and name != LOCK
