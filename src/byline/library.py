"""The reading library: every article read, its cached text, where the reader stopped.

A small SQLite database (``library.sqlite3``) in byline's data folder: ``$BYLINE_DATA_DIR``
when set, else ``$XDG_DATA_HOME/byline``, else ``~/.local/share/byline`` (on macOS
``~/Library/Application Support/byline``, on Windows ``%LOCALAPPDATA%\\byline``).

Articles are keyed by their source: the URL as given, or the file's absolute path. The
cached text is the text as byline got it from the source (for a web page the extracted
text without the headline line, ``WebSource.text``); the reading position is a character
offset into the text byline analyses (for a web page ``as_article_text``). It resets to 0
when the article's text changes.

The library never stands in the way of reading: :meth:`Library.open` does not raise; a
corrupt, locked, unreadable or too-new database gives a disabled library whose methods do
nothing and return empty results, with the reason in ``problem`` (one line). A database
error later on is caught the same way (the call returns its empty result and ``problem``
says why). Writes are transactions; the schema is versioned with ``PRAGMA user_version``
and only ever migrated forward by adding things, so an upgrade loses nothing.

Must not import Textual.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

DATA_DIR_VARIABLE = "BYLINE_DATA_DIR"
FILE_NAME = "library.sqlite3"
BUSY_TIMEOUT_MS = 3000

T = TypeVar("T")


def data_dir() -> Path:
    """byline's data folder (not created here)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "byline"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "byline"
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and Path(xdg).is_absolute():  # the XDG spec says relative values are ignored
        return Path(xdg) / "byline"
    return Path.home() / ".local" / "share" / "byline"


def default_path() -> Path:
    """Where the library lives unless told otherwise."""
    return data_dir() / FILE_NAME


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's text: SHA-256 of its UTF-8, in hex."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def source_key(source: Any) -> str | None:
    """The library key of an ``ArticleSource`` or ``WebSource``; None for standard input."""
    key = getattr(source, "source", None)
    if isinstance(key, str) and key:
        return key
    path = getattr(source, "path", None)
    if path is None:
        return None
    try:
        return str(Path(path).expanduser().resolve())
    except OSError:
        return str(Path(path).absolute())


# ---------------------------------------------------------------------------------------
# Schema: MIGRATIONS[n] takes a database from version n to n + 1. Only ever append.

_V1 = """
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL UNIQUE,
    title        TEXT,
    author       TEXT,
    site         TEXT,
    date         TEXT,
    read_at      TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX articles_read_at ON articles (read_at);
"""

_V2 = """
ALTER TABLE articles ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN first_read_at TEXT;
UPDATE articles SET first_read_at = read_at WHERE first_read_at IS NULL;
CREATE TABLE saved_summaries (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    UNIQUE (article_id, path)
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One article in the library (without its text: see :meth:`Library.cached_text`).

    Attributes:
        source: the URL or the file's absolute path.
        read_at: when it was last opened, UTC ISO 8601; first_read_at: the first time.
        content_hash: SHA-256 (hex) of the cached text.
        position: the reading position (character offset of the top of the view).
        saved_summaries: paths of the summaries saved from it, oldest first.
    """

    id: int
    source: str
    title: str | None
    author: str | None
    site: str | None
    date: str | None
    read_at: str
    first_read_at: str | None
    content_hash: str
    position: int
    saved_summaries: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        return self.title or Path(self.source).name or self.source


_ENTRY_COLUMNS = (
    "id, source, title, author, site, date, read_at, first_read_at, content_hash, position"
)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:200]


class Library:
    """The reading library. Create it with :meth:`open`; usable from any thread."""

    def __init__(
        self,
        connection: sqlite3.Connection | None,
        path: Path | None,
        problem: str | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._conn = connection
        self.path = path
        self.problem = problem
        self._clock = clock
        self._lock = threading.RLock()

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Library:
        """Open (creating and migrating as needed) the library at ``path`` (default:
        :func:`default_path`). Never raises: see ``enabled`` and ``problem``."""
        try:
            path = default_path() if path is None else Path(path).expanduser()
        except (OSError, RuntimeError) as error:  # no home folder
            return cls.disabled(f"no place for the reading library ({_one_line(error)})")
        connection: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                path,
                timeout=busy_timeout_ms / 1000,
                isolation_level=None,  # transactions are explicit, below
                check_same_thread=False,
            )
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            connection.execute("PRAGMA foreign_keys = ON")
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute("PRAGMA synchronous = NORMAL")
            _migrate(connection)
        except (sqlite3.Error, OSError, LibraryTooNew) as error:
            if connection is not None:
                connection.close()
            return cls.disabled(f"reading library unavailable ({path}: {_one_line(error)})", path)
        return cls(connection, path, None, clock)

    @classmethod
    def disabled(cls, problem: str, path: Path | None = None) -> Library:
        """A library that remembers nothing, because of ``problem``."""
        return cls(None, path, problem)

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    @property
    def schema_version(self) -> int:
        return self._read(lambda c: int(c.execute("PRAGMA user_version").fetchone()[0]), 0)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def record_read(
        self,
        source: str,
        text: str,
        title: str | None = None,
        author: str | None = None,
        site: str | None = None,
        date: str | None = None,
    ) -> int:
        """Remember that ``source`` was read now, with its text; returns its id (0 when
        disabled). Reading it again updates it; the position survives unless the text
        changed."""
        now = self._now()
        digest = content_hash(text)

        def write(c: sqlite3.Connection) -> int:
            c.execute(
                """
                INSERT INTO articles (source, title, author, site, date, read_at,
                                      first_read_at, content_hash, text, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (source) DO UPDATE SET
                    title = excluded.title, author = excluded.author,
                    site = excluded.site, date = excluded.date,
                    read_at = excluded.read_at, text = excluded.text,
                    position = CASE WHEN articles.content_hash = excluded.content_hash
                                    THEN articles.position ELSE 0 END,
                    content_hash = excluded.content_hash
                """,
                (source, title, author, site, date, now, now, digest, text),
            )
            row = c.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchone()
            return int(row[0])

        return self._write(write, 0)

    def record_source(self, article: Any) -> int:
        """:meth:`record_read` for an ``ArticleSource`` or a ``WebSource`` (standard input,
        which has no source to key it, is not recorded: returns 0)."""
        key = source_key(article)
        if key is None:
            return 0
        return self.record_read(
            key,
            article.text,
            getattr(article, "title", None),
            getattr(article, "author", None),
            getattr(article, "site", None),
            getattr(article, "date", None),
        )

    def set_position(self, source: str, offset: int) -> None:
        """Remember where the reader is in ``source`` (ignored when it is not recorded)."""
        offset = max(0, int(offset))
        self._write(
            lambda c: c.execute(
                "UPDATE articles SET position = ? WHERE source = ?", (offset, source)
            ),
            None,
        )

    def add_saved_summary(self, source: str, path: Path | str) -> bool:
        """Remember a summary saved from ``source``; False when ``source`` is not recorded."""
        try:
            where = str(Path(path).expanduser().absolute())
        except (OSError, RuntimeError):
            where = str(path)
        now = self._now()

        def write(c: sqlite3.Connection) -> bool:
            cursor = c.execute(
                """
                INSERT INTO saved_summaries (article_id, path, saved_at)
                SELECT id, ?, ? FROM articles WHERE source = ?
                ON CONFLICT (article_id, path) DO UPDATE SET saved_at = excluded.saved_at
                """,
                (where, now, source),
            )
            return cursor.rowcount > 0

        return self._write(write, False)

    def delete(self, source: str) -> bool:
        """Forget ``source`` (its text, position and summary list; the files stay)."""
        return self._write(
            lambda c: c.execute("DELETE FROM articles WHERE source = ?", (source,)).rowcount > 0,
            False,
        )

    # -- reading ------------------------------------------------------------------------

    def cached_text(self, source: str) -> str | None:
        """The text last read from ``source`` (None when unknown or damaged)."""

        def read(c: sqlite3.Connection) -> str | None:
            row = c.execute(
                "SELECT text, content_hash FROM articles WHERE source = ?", (source,)
            ).fetchone()
            if row is None or content_hash(row[0]) != row[1]:
                return None
            return str(row[0])

        return self._read(read, None)

    def position(self, source: str) -> int:
        """Where the reader was in ``source`` (0 when unknown)."""
        row = self._read(
            lambda c: c.execute(
                "SELECT position FROM articles WHERE source = ?", (source,)
            ).fetchone(),
            None,
        )
        return int(row[0]) if row else 0

    def saved_summaries(self, source: str) -> list[str]:
        """Paths of the summaries saved from ``source``, oldest first."""
        rows: list[Any] = self._read(
            lambda c: c.execute(
                """
                SELECT s.path FROM saved_summaries s JOIN articles a ON a.id = s.article_id
                WHERE a.source = ? ORDER BY s.saved_at, s.id
                """,
                (source,),
            ).fetchall(),
            [],
        )
        return [str(row[0]) for row in rows]

    def entry(self, source: str) -> LibraryEntry | None:
        """What the library knows about ``source``."""
        entries = self._entries("WHERE source = ?", (source,), 1)
        return entries[0] if entries else None

    def recent(self, limit: int = 50, query: str | None = None) -> list[LibraryEntry]:
        """The most recently read articles first; ``query`` keeps those whose title, site or
        source contains it (case-insensitive for ASCII letters)."""
        if query and query.strip():
            pattern = "%" + _escape_like(query.strip()) + "%"
            return self._entries(
                "WHERE title LIKE ?1 ESCAPE '\\' OR site LIKE ?1 ESCAPE '\\'"
                " OR source LIKE ?1 ESCAPE '\\'",
                (pattern,),
                limit,
            )
        return self._entries("", (), limit)

    def last_read(self) -> LibraryEntry | None:
        """The article read most recently (for ``byline --resume``)."""
        entries = self._entries("", (), 1)
        return entries[0] if entries else None

    def __len__(self) -> int:
        return self._read(
            lambda c: int(c.execute("SELECT count(*) FROM articles").fetchone()[0]), 0
        )

    # -- plumbing -----------------------------------------------------------------------

    def _entries(self, where: str, params: tuple[Any, ...], limit: int) -> list[LibraryEntry]:
        def read(c: sqlite3.Connection) -> list[LibraryEntry]:
            rows = c.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM articles {where}"
                f" ORDER BY read_at DESC, id DESC LIMIT {max(0, int(limit))}",
                params,
            ).fetchall()
            summaries: dict[int, list[str]] = {}
            if rows:
                ids = [row[0] for row in rows]
                marks = ",".join("?" * len(ids))
                for article_id, path in c.execute(
                    f"SELECT article_id, path FROM saved_summaries WHERE article_id IN ({marks})"
                    " ORDER BY saved_at, id",
                    ids,
                ):
                    summaries.setdefault(article_id, []).append(path)
            return [
                LibraryEntry(
                    id=row[0],
                    source=row[1],
                    title=row[2],
                    author=row[3],
                    site=row[4],
                    date=row[5],
                    read_at=row[6],
                    first_read_at=row[7],
                    content_hash=row[8],
                    position=int(row[9]),
                    saved_summaries=tuple(summaries.get(row[0], ())),
                )
                for row in rows
            ]

        return self._read(read, [])

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="microseconds")

    def _read(self, action: Callable[[sqlite3.Connection], T], default: T) -> T:
        with self._lock:
            if self._conn is None:
                return default
            try:
                return action(self._conn)
            except sqlite3.Error as error:
                self.problem = f"reading library: {_one_line(error)}"
                return default

    def _write(self, action: Callable[[sqlite3.Connection], T], default: T) -> T:
        with self._lock:
            if self._conn is None:
                return default
            try:
                with _transaction(self._conn):
                    return action(self._conn)
            except sqlite3.Error as error:
                self.problem = f"reading library: {_one_line(error)}"
                return default


class LibraryTooNew(Exception):
    """The database was written by a newer byline."""


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (then re-raised)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite already rolled back (a full disk, an I/O error)
        raise
    connection.execute("COMMIT")


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema to ``SCHEMA_VERSION``, one step per transaction."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise LibraryTooNew(
            f"written by a newer byline (schema {version}; this one knows {SCHEMA_VERSION})"
        )
    while version < SCHEMA_VERSION:
        with _transaction(connection):
            # Another process may have migrated while we waited for the write lock.
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version >= SCHEMA_VERSION:
                break
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
            version += 1
            connection.execute(f"PRAGMA user_version = {version}")


def _statements(script: str) -> list[str]:
    """The statements of a migration script (they contain no semicolons in literals)."""
    return [part.strip() for part in script.split(";") if part.strip()]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
