"""The reading library's store: :class:`Library`, over two SQLite connections.

Writes go through one connection, each a transaction, behind a lock; reads through
another, behind their own lock, so that a write waiting for another process's lock never
holds up a read (in WAL mode readers do not wait for writers). Every method catches
database errors: it returns its empty result and ``problem`` says why, in one line.

What is read is checked (``rows.py``): a row whose columns do not hold what byline wrote
(a position that is not a whole number, a title that is not text) is skipped, never
fatal, and counted in ``damaged`` once, when the library opens. Nothing is written before the file
is known to be a regular file holding a database byline can use.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from byline.library.paths import default_path
from byline.library.records import LibraryEntry, content_hash
from byline.library.rows import count_damaged, escape_like, read_entries
from byline.library.schema import LibraryTooNewError, check_version, migrate, transaction

if TYPE_CHECKING:
    from byline.sources import Article

BUSY_TIMEOUT_MS = 3000

T = TypeVar("T")

CLOSE_WAIT = 1.0
"""Seconds :meth:`Library.close` waits for a write still running (then leaves it)."""


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
        reader: sqlite3.Connection | None = None,
    ) -> None:
        self._conn = connection
        self._reader = reader or connection
        self.path = path
        self.problem = problem
        self.damaged = 0
        """Rows skipped because they do not hold what byline writes (counted at opening)."""
        self._clock = clock
        self._lock = threading.RLock()
        self._read_lock = threading.RLock() if reader is not None else self._lock
        if connection is not None:
            self.damaged = self._read(count_damaged, 0)

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
        refused = _refusal(path)
        if refused is not None:
            return cls.disabled(f"reading library unavailable ({path}: {refused})", path)
        connections: list[sqlite3.Connection] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = _connect(path, busy_timeout_ms)
            connections.append(connection)
            # Read before writing anything: a newer byline's database stays as it is.
            check_version(connection)
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute("PRAGMA synchronous = NORMAL")
            migrate(connection)
            reader = _connect(path, busy_timeout_ms)
            connections.append(reader)
        except (sqlite3.Error, OSError, LibraryTooNewError) as error:
            for opened in connections:
                opened.close()
            return cls.disabled(f"reading library unavailable ({path}: {_one_line(error)})", path)
        return cls(connection, path, None, clock, reader)

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
        """Close the connections. A write still waiting for another process's lock is
        given :data:`CLOSE_WAIT` seconds, then left to end with the process."""
        if not self._lock.acquire(timeout=CLOSE_WAIT):
            return
        try:
            with self._read_lock:
                if self._reader is not None and self._reader is not self._conn:
                    self._reader.close()
                self._reader = None
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        finally:
            self._lock.release()

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
                                         AND typeof(articles.position) = 'integer'
                                         AND articles.position >= 0
                                    THEN articles.position ELSE 0 END,
                    first_read_at = CASE WHEN typeof(articles.first_read_at) = 'text'
                                         THEN articles.first_read_at
                                         ELSE excluded.first_read_at END,
                    content_hash = excluded.content_hash
                """,
                (source, title, author, site, date, now, now, digest, text),
            )
            row = c.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchone()
            return row[0] if isinstance(row[0], int) else 0

        return self._write(write, 0)

    def record(self, article: Article) -> int:
        """:meth:`record_read` for ``article``, keyed by ``article.key`` (an article without
        one, such as standard input, is not recorded: returns 0). A web page's text is
        cached without its headline, which is kept as the title (see ``Article.body``)."""
        if article.key is None:
            return 0
        return self.record_read(
            article.key, article.body, article.title, article.author, article.site, article.date
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
            if row is None or not isinstance(row[0], str) or content_hash(row[0]) != row[1]:
                return None
            return row[0]

        return self._read(read, None)

    def position(self, source: str) -> int:
        """Where the reader was in ``source`` (0 when unknown)."""
        row = self._read(
            lambda c: c.execute(
                "SELECT position FROM articles WHERE source = ?", (source,)
            ).fetchone(),
            None,
        )
        return row[0] if row and isinstance(row[0], int) and row[0] >= 0 else 0

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
        return [row[0] for row in rows if isinstance(row[0], str)]

    def entry(self, source: str) -> LibraryEntry | None:
        """What the library knows about ``source``."""
        entries = self._entries("source = ?", (source,), 1)
        return entries[0] if entries else None

    def recent(self, limit: int = 50, query: str | None = None) -> list[LibraryEntry]:
        """The most recently read articles first; ``query`` keeps those whose title, site or
        source contains it (case-insensitive for ASCII letters)."""
        if query and query.strip():
            pattern = "%" + escape_like(query.strip()) + "%"
            return self._entries(
                "title LIKE ?1 ESCAPE '\\' OR site LIKE ?1 ESCAPE '\\'"
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
        """The sound entries that meet the SQL condition ``where`` ("" for all), newest first."""
        return self._read(lambda c: read_entries(c, where, params, limit), [])

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="microseconds")

    def _read(self, action: Callable[[sqlite3.Connection], T], default: T) -> T:
        with self._read_lock:
            if self._reader is None:
                return default
            try:
                return action(self._reader)
            except sqlite3.Error as error:
                self.problem = f"reading library: {_one_line(error)}"
                return default

    def _write(self, action: Callable[[sqlite3.Connection], T], default: T) -> T:
        with self._lock:
            if self._conn is None:
                return default
            try:
                with transaction(self._conn):
                    return action(self._conn)
            except sqlite3.Error as error:
                self.problem = f"reading library: {_one_line(error)}"
                return default


def _connect(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path,
        timeout=busy_timeout_ms / 1000,
        isolation_level=None,  # transactions are explicit, below
        check_same_thread=False,
    )
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _refusal(path: Path) -> str | None:
    """Why ``path`` (through any symbolic link) must not be opened as a database: it is
    a device, a pipe or a folder, where SQLite would block or write journals beside it."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None  # a new library
    except OSError as error:
        return _one_line(error)
    if stat.S_ISREG(mode):
        return None
    return "not a regular file"
