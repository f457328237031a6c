"""The reading library: cached texts, positions, summaries, search, migrations, failures."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from byline.library import (
    FILE_NAME,
    SCHEMA_VERSION,
    Library,
    content_hash,
    data_dir,
    default_path,
)
from byline.sources import Article, read_article

URL = "https://news.example.com/2024/sea-wall"
TEXT = "Harbour council approves new sea wall\n\n“Safe,” said Jane Doe.\n"


class Clock:
    """A clock the test moves by hand: one second per reading."""

    def __init__(self) -> None:
        self.now = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("BYLINE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def library(data_folder: Path) -> Iterator[Library]:
    with Library.open(clock=Clock()) as opened:
        assert opened.enabled and opened.problem is None
        yield opened


def test_lives_in_the_data_folder(data_folder: Path, library: Library) -> None:
    assert data_dir() == data_folder
    assert library.path == default_path() == data_folder / FILE_NAME
    assert library.path.is_file()
    assert library.schema_version == SCHEMA_VERSION
    with sqlite3.connect(library.path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()


def test_xdg_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BYLINE_DATA_DIR", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "byline"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home" / ".local" / "share" / "byline"


def test_record_and_reopen_cached_text(data_folder: Path) -> None:
    with Library.open() as first:
        article_id = first.record_read(
            URL, TEXT, "Sea wall", "Sam Writer", "Coastal Times", "2024-03-05"
        )
        assert article_id > 0
    with Library.open() as again:
        assert again.cached_text(URL) == TEXT
        entry = again.entry(URL)
        assert entry is not None and entry.id == article_id
        assert (entry.title, entry.author, entry.site, entry.date) == (
            "Sea wall",
            "Sam Writer",
            "Coastal Times",
            "2024-03-05",
        )
        assert entry.content_hash == content_hash(TEXT)
        assert datetime.fromisoformat(entry.read_at).utcoffset() == timedelta(0)
        assert again.cached_text("https://elsewhere.example/") is None


def test_reading_again_updates_in_place(library: Library) -> None:
    first = library.record_read(URL, TEXT, "Old title")
    second = library.record_read(URL, TEXT, "New title")
    assert first == second and len(library) == 1
    entry = library.entry(URL)
    assert entry is not None and entry.title == "New title"
    assert entry.first_read_at is not None and entry.first_read_at < entry.read_at


def test_positions(library: Library) -> None:
    assert library.position(URL) == 0
    library.record_read(URL, TEXT)
    library.set_position(URL, 42)
    assert library.position(URL) == 42
    library.record_read(URL, TEXT)  # same text: the place is kept
    assert library.position(URL) == 42
    library.record_read(URL, TEXT + "Correction appended.\n")  # new text: back to the top
    assert library.position(URL) == 0
    library.set_position(URL, -5)
    assert library.position(URL) == 0
    library.set_position("https://never.read/", 10)  # ignored
    assert library.position("https://never.read/") == 0


def test_saved_summaries(library: Library, tmp_path: Path) -> None:
    library.record_read(URL, TEXT)
    assert library.add_saved_summary(URL, tmp_path / "one.md")
    assert library.add_saved_summary(URL, tmp_path / "two.md")
    assert library.add_saved_summary(URL, tmp_path / "one.md")  # saved again: listed once
    assert library.saved_summaries(URL) == [str(tmp_path / "two.md"), str(tmp_path / "one.md")]
    entry = library.entry(URL)
    assert entry is not None and set(entry.saved_summaries) == {
        str(tmp_path / "one.md"),
        str(tmp_path / "two.md"),
    }
    assert not library.add_saved_summary("https://never.read/", tmp_path / "x.md")


def test_recent_and_search(library: Library) -> None:
    library.record_read(URL, TEXT, "Harbour council approves sea wall", site="Coastal Times")
    library.record_read("/home/me/notes/budget.txt", "Budget.", "Budget day")
    library.record_read("https://sport.example.org/final", "Final.", "Cup final", site="Sport 100%")
    assert [e.title for e in library.recent()] == [
        "Cup final",
        "Budget day",
        "Harbour council approves sea wall",
    ]
    assert [e.title for e in library.recent(limit=1)] == ["Cup final"]
    assert [e.title for e in library.recent(query="HARBOUR")] == [
        "Harbour council approves sea wall"
    ]
    assert [e.title for e in library.recent(query="coastal")] == [
        "Harbour council approves sea wall"
    ]
    assert [e.title for e in library.recent(query="notes/budget")] == ["Budget day"]
    assert [e.title for e in library.recent(query="100%")] == ["Cup final"]  # % is literal
    assert library.recent(query="_") == []  # so is _
    assert library.recent(query="nothing like it") == []
    assert [e.title for e in library.recent(query="  ")] == [e.title for e in library.recent()]


def test_delete(library: Library, tmp_path: Path) -> None:
    library.record_read(URL, TEXT)
    library.add_saved_summary(URL, tmp_path / "one.md")
    assert library.delete(URL)
    assert library.cached_text(URL) is None and library.entry(URL) is None
    assert library.saved_summaries(URL) == []
    assert not library.delete(URL)
    library.record_read(URL, TEXT)  # read again: a fresh start, no stale summaries
    assert library.saved_summaries(URL) == []


def test_last_read(library: Library) -> None:
    assert library.last_read() is None
    library.record_read(URL, TEXT, "Sea wall")
    library.record_read("/tmp/other.txt", "Other.", "Other")
    library.set_position(URL, 7)  # moving through an article is not reading it again
    last = library.last_read()
    assert last is not None and last.source == "/tmp/other.txt"
    library.record_read(URL, TEXT, "Sea wall")
    last = library.last_read()
    assert last is not None and last.source == URL and last.position == 7


def test_record_keys_files_by_absolute_path(library: Library, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Text.", encoding="utf-8")
    assert library.record(read_article(str(story))) > 0
    assert library.cached_text(str(story.resolve())) == "Text."
    assert library.record(Article("From a pipe.", "stdin")) == 0
    assert len(library) == 1


def _make_v1(path: Path) -> None:
    """A version-1 database, as byline's first library release wrote it (by hand)."""
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE, title TEXT,
                author TEXT, site TEXT, date TEXT, read_at TEXT NOT NULL,
                content_hash TEXT NOT NULL, text TEXT NOT NULL);
            CREATE INDEX articles_read_at ON articles (read_at);
            PRAGMA user_version = 1;
            """
        )
        db.executemany(
            "INSERT INTO articles (source, title, author, site, date, read_at, content_hash,"
            " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    URL,
                    "Sea wall",
                    "Sam Writer",
                    "Coastal Times",
                    "2024-03-05",
                    "2024-03-05T09:30:00.000000+00:00",
                    content_hash(TEXT),
                    TEXT,
                ),
                (
                    "/home/me/old.txt",
                    "Old story",
                    None,
                    None,
                    None,
                    "2024-03-01T08:00:00.000000+00:00",
                    content_hash("Old."),
                    "Old.",
                ),
            ],
        )
    db.close()


def test_migration_from_v1_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _make_v1(path)
    with Library.open(path, clock=Clock()) as library:
        assert library.enabled, library.problem
        assert library.schema_version == SCHEMA_VERSION == 2
        assert [e.title for e in library.recent()] == ["Sea wall", "Old story"]
        assert library.cached_text(URL) == TEXT
        entry = library.entry(URL)
        assert entry is not None and entry.position == 0
        assert entry.first_read_at == entry.read_at == "2024-03-05T09:30:00.000000+00:00"
        library.set_position(URL, 12)  # the v2 additions work on the old rows
        assert library.add_saved_summary(URL, tmp_path / "sea-wall.md")
        assert library.position(URL) == 12
    with Library.open(path) as reopened:  # migrating is done once
        assert reopened.schema_version == 2 and reopened.position(URL) == 12
        assert reopened.saved_summaries(URL) == [str(tmp_path / "sea-wall.md")]


def test_database_from_a_newer_byline_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    library = Library.open(path)
    assert not library.enabled
    assert library.problem is not None and "newer byline" in library.problem


def test_concurrent_reader_and_writer(data_folder: Path) -> None:
    writer = Library.open()
    reader = Library.open()
    errors: list[BaseException] = []
    seen: list[int] = []

    def write() -> None:
        try:
            for n in range(200):
                writer.record_read(f"https://example.com/{n}", f"Text {n}.", f"Story {n}")
                writer.set_position(f"https://example.com/{n}", n)
        except BaseException as error:  # noqa: BLE001 - the main thread asserts on it
            errors.append(error)

    thread = threading.Thread(target=write)
    thread.start()
    while thread.is_alive():
        seen.append(len(reader.recent(limit=1000)))
        reader.cached_text("https://example.com/0")
    thread.join()
    assert not errors
    assert writer.problem is None and reader.problem is None
    assert seen == sorted(seen)  # the reader only ever sees committed, growing states
    assert len(reader.recent(limit=1000)) == 200
    assert reader.position("https://example.com/199") == 199
    writer.close()
    reader.close()


def test_one_library_shared_by_threads(library: Library) -> None:
    def work(n: int) -> None:
        for i in range(30):
            library.record_read(f"https://t{n}.example/{i}", "Text.")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(library) == 120 and library.problem is None


def test_corrupt_file_gives_a_disabled_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database\x00\xff" * 200)
    library = Library.open(path)
    assert not library.enabled
    assert library.problem is not None and "\n" not in library.problem
    assert "not a database" in library.problem
    # Everything is a harmless no-op.
    assert library.record_read(URL, TEXT) == 0
    library.set_position(URL, 3)
    assert library.position(URL) == 0
    assert library.cached_text(URL) is None
    assert not library.add_saved_summary(URL, tmp_path / "x.md")
    assert library.recent() == [] and library.last_read() is None
    assert not library.delete(URL) and len(library) == 0
    library.close()
    assert path.read_bytes().startswith(b"this is not a database")  # not overwritten


def test_unusable_folder_gives_a_disabled_library(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    library = Library.open(blocker / "sub" / "library.sqlite3")
    assert not library.enabled and library.problem is not None
    assert "\n" not in library.problem


def test_locked_database_does_not_hang_or_raise(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        library = Library.open(path, busy_timeout_ms=100)
        # Opening may succeed (WAL readers) or not; either way, writes fail softly.
        assert library.record_read(URL, TEXT) == 0
        assert library.problem is not None and "locked" in library.problem
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    library.close()


def test_open_reader_does_not_block_a_writer(library: Library) -> None:
    """WAL: a reader in the middle of a read keeps its snapshot; the writer goes on."""
    library.record_read(URL, TEXT, "Before")
    assert library.path is not None
    reader = sqlite3.connect(library.path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT title FROM articles").fetchall() == [("Before",)]
        library.record_read(URL, TEXT, "After")
        library.record_read("https://second.example/", "Second.")
        assert library.problem is None
        assert reader.execute("SELECT title FROM articles").fetchall() == [("Before",)]
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    finally:
        reader.close()
    entry = library.entry(URL)
    assert entry is not None and entry.title == "After"
