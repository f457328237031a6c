"""Reading the library's rows back: which are sound, and how they become entries.

Another program, a bad disk or a hand edit can leave a row whose columns do not hold what
byline writes; the condition :data:`SOUND_ROW` keeps every query to the rows it can trust,
so a damaged row is skipped (and counted) rather than fatal. Apart from ``store.py`` so
that the SQL that checks what is read stands in one place, beside nothing else.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from byline.library.records import LibraryEntry

ENTRY_COLUMNS = (
    "id, source, title, author, site, date, read_at, first_read_at, content_hash, position"
)
# A row as byline writes it; any other is damaged (another program, a bad disk, an edit).
SOUND_ROW = (
    "(typeof(id) = 'integer' AND typeof(source) = 'text' AND typeof(read_at) = 'text'"
    " AND typeof(content_hash) = 'text' AND typeof(position) = 'integer' AND position >= 0"
    " AND typeof(title) IN ('text', 'null') AND typeof(author) IN ('text', 'null')"
    " AND typeof(site) IN ('text', 'null') AND typeof(date) IN ('text', 'null')"
    " AND typeof(first_read_at) IN ('text', 'null'))"
)


def read_entries(
    connection: sqlite3.Connection, where: str, params: tuple[Any, ...], limit: int
) -> list[LibraryEntry]:
    """The sound entries that meet the SQL condition ``where`` ("" for all), newest first,
    each with the summaries saved from it (oldest first)."""
    condition = f"WHERE {SOUND_ROW}" + (f" AND ({where})" if where else "")
    rows = connection.execute(
        f"SELECT {ENTRY_COLUMNS} FROM articles {condition}"
        f" ORDER BY read_at DESC, id DESC LIMIT {max(0, int(limit))}",
        params,
    ).fetchall()
    summaries: dict[int, list[str]] = {}
    if rows:
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        for article_id, path in connection.execute(
            f"SELECT article_id, path FROM saved_summaries WHERE article_id IN ({marks})"
            " AND typeof(path) = 'text' ORDER BY saved_at, id",
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
            position=row[9],
            saved_summaries=tuple(summaries.get(row[0], ())),
        )
        for row in rows
    ]


def count_damaged(connection: sqlite3.Connection) -> int:
    """How many rows do not hold what byline writes (they are skipped when read)."""
    row = connection.execute(f"SELECT count(*) FROM articles WHERE NOT {SOUND_ROW}").fetchone()
    return int(row[0]) if row else 0


def escape_like(text: str) -> str:
    """``text`` matched as itself in ``LIKE ... ESCAPE '\\'`` (no ``%`` or ``_`` wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
