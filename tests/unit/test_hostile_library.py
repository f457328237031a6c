"""A hostile reading library: damaged rows are skipped, and a database byline must not
use (a newer schema, a device, a pipe) is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from byline.library import SCHEMA_VERSION, Library

URL = "https://news.example/sea-wall"
TEXT = "The council voted for a sea wall.\n\nWork begins in spring."


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


def _damage(path: Path, sql: str, *params: object) -> None:
    with sqlite3.connect(path) as db:
        db.execute(sql, params)
    db.close()


def _library_with(path: Path, *sources: str) -> None:
    with Library.open(path) as library:
        for number, source in enumerate(sources):
            library.record_read(source, f"{TEXT} {number}", f"Title {number}")
            library.set_position(source, 5)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("position", "abc"),
        ("position", -3),
        ("position", 2.5),
        ("position", b"\x00\x01"),
        ("title", b"\x00title"),  # a TEXT column keeps a blob a blob (a number turns to text)
        ("read_at", b"20240101"),
        ("first_read_at", b"when"),
        ("source", b"https://news.example/bytes"),
    ],
)
def test_a_damaged_row_is_skipped_and_counted(path: Path, column: str, value: object) -> None:
    _library_with(path, "https://news.example/older", URL)
    _damage(path, f"UPDATE articles SET {column} = ? WHERE source = ?", value, URL)
    with Library.open(path) as library:
        assert library.enabled and library.damaged == 1
        assert [e.source for e in library.recent()] == ["https://news.example/older"]
        last = library.last_read()  # --resume goes to the newest sound entry
        assert last is not None and last.source == "https://news.example/older"
        assert library.entry(URL) is None
        assert isinstance(library.position(URL), int)
        assert library.problem is None


def test_reading_a_damaged_article_again_repairs_its_row(path: Path) -> None:
    _library_with(path, URL)
    _damage(path, "UPDATE articles SET position = 'abc', first_read_at = 7")
    with Library.open(path) as library:
        assert library.position(URL) == 0
        library.record_read(URL, f"{TEXT} 0", "Title 0")
        entry = library.entry(URL)
        assert entry is not None and entry.position == 0 and entry.first_read_at
    with Library.open(path) as again:
        assert again.damaged == 0


def test_a_damaged_text_is_no_cached_copy(path: Path) -> None:
    _library_with(path, URL)
    _damage(path, "UPDATE articles SET text = ? WHERE source = ?", b"\xff\xfe", URL)
    with Library.open(path) as library:
        assert library.cached_text(URL) is None


def test_a_damaged_summary_path_is_skipped(path: Path, tmp_path: Path) -> None:
    _library_with(path, URL)
    with Library.open(path) as library:
        assert library.add_saved_summary(URL, tmp_path / "a.md")
    _damage(path, "UPDATE saved_summaries SET path = ?", b"\x00")
    with Library.open(path) as library:
        assert library.saved_summaries(URL) == []
        entry = library.entry(URL)
        assert entry is not None and entry.saved_summaries == ()


# -- 15. nothing written where byline must not write -----------------------------------------


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "special"
        for p in sorted(folder.iterdir())
    }


def test_a_newer_schema_is_not_even_switched_to_wal(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, future TEXT)")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    before = _fingerprint(path.parent)
    library = Library.open(path)
    assert not library.enabled and library.problem and "newer byline" in library.problem
    library.close()
    assert _fingerprint(path.parent) == before  # no -wal, no -shm, not a byte changed
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    db.close()


def test_a_library_linked_to_a_device_is_refused(tmp_path: Path) -> None:
    devices = tmp_path / "devices"
    devices.mkdir()
    node = devices / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # our own /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root")
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").symlink_to(node)
    library = Library.open(data / "library.sqlite3")
    assert not library.enabled and library.problem and "not a regular file" in library.problem
    library.close()
    assert sorted(p.name for p in devices.iterdir()) == ["null"]  # no journal beside it
    assert sorted(p.name for p in data.iterdir()) == ["library.sqlite3"]


def test_a_library_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "library.sqlite3"
    os.mkfifo(fifo)
    opened: list[Library] = []
    thread = threading.Thread(target=lambda: opened.append(Library.open(fifo)), daemon=True)
    thread.start()
    thread.join(30)
    if thread.is_alive():  # unblock it, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("opening a pipe as the library blocked")
    (library,) = opened
    assert not library.enabled and library.problem and "not a regular file" in library.problem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]


@contextmanager
def write_locked(path: Path) -> Iterator[None]:
    """Another process writing to the library: it holds the write lock till the end."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute(
        "INSERT INTO articles (source, read_at, content_hash, text) VALUES ('x', 'y', 'z', 't')"
    )
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _held_by_another_thread(lock: threading.RLock) -> bool:
    if lock.acquire(blocking=False):
        lock.release()
        return False
    return True


def test_a_write_waiting_for_the_lock_does_not_hold_up_reads(path: Path) -> None:
    # The write waits for as long as the other process holds its lock: till the reads are
    # done. Reads that waited for it would not end before then.
    library = Library.open(path, busy_timeout_ms=600_000)
    writing = threading.Thread(target=library.record_read, args=(URL, TEXT), daemon=True)
    reads = threading.Thread(
        target=lambda: (library.recent(), library.position(URL), len(library)), daemon=True
    )
    with write_locked(path):
        writing.start()
        for _ in range(3000):  # until the write is in SQLite's hands (30 s at most)
            if _held_by_another_thread(library._lock):
                break
            threading.Event().wait(0.01)
        reads.start()
        reads.join(60)
        read, still_writing = not reads.is_alive(), writing.is_alive()
    writing.join(60)
    library.close()
    assert read and still_writing, "a read waited for the blocked write"


class _App:
    """What :class:`ReadingHistory` asks of the reader, without a terminal."""

    def __init__(self) -> None:
        self.posted: list[object] = []

    def notify(self, *_: object, **__: object) -> None: ...

    def post_message(self, message: object) -> bool:
        self.posted.append(message)
        return True

    def call_after_refresh(self, *_: object) -> None: ...


def test_the_readers_writes_never_wait_on_its_own_thread(path: Path) -> None:
    # Another process holds the write lock for as long as SQLite would wait (10 min):
    # had arrive() or save() written on the calling thread, they would not return.
    from byline.sources import Article
    from byline.tui.history import ReadingHistory

    library = Library.open(path, busy_timeout_ms=600_000)
    history = ReadingHistory(_App(), library)  # type: ignore[arg-type]
    article = Article(text=TEXT, name="sea-wall", key=URL, url=URL)
    done = threading.Event()

    def read_and_move() -> None:
        history.arrive(article)
        history.save()
        history.summary_saved(path.with_name("summary.md"))
        done.set()

    with write_locked(path):
        caller = threading.Thread(target=read_and_move, daemon=True)
        caller.start()
        returned = done.wait(60)
        recorded_while_locked = library.entry(URL) is not None
    history.save(flush=True)
    for _ in range(3000):  # the queued writes land once the lock is free (30 s at most)
        if library.entry(URL) is not None:
            break
        threading.Event().wait(0.01)
    entry = library.entry(URL)
    library.close()
    assert returned, "the reader's thread waited for the library's lock"
    assert not recorded_while_locked and entry is not None
