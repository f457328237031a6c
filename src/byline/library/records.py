"""What the reading library hands back: one :class:`LibraryEntry` per article read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's text: SHA-256 of its UTF-8, in hex."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


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
