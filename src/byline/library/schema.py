"""The reading library's schema and its forward-only migrations.

The schema is versioned with ``PRAGMA user_version``: ``MIGRATIONS[n]`` takes a database
from version n to n + 1, each step in its own transaction, and steps are only ever
appended (adding things), so an upgrade loses nothing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

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


class LibraryTooNewError(Exception):
    """The database was written by a newer byline."""


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (then re-raised)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        # sqlite3.Error here: SQLite already rolled back (a full disk, an I/O error).
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def check_version(connection: sqlite3.Connection) -> int:
    """The database's schema version, read without writing anything.

    Raises:
        LibraryTooNewError: the database is of a later version than this byline knows.
    """
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise LibraryTooNewError(
            f"written by a newer byline (schema {version}; this one knows {SCHEMA_VERSION})"
        )
    return version


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema to ``SCHEMA_VERSION``, one step per transaction.

    Raises:
        LibraryTooNewError: the database is of a later version than this byline knows.
    """
    version = check_version(connection)
    while version < SCHEMA_VERSION:
        with transaction(connection):
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
