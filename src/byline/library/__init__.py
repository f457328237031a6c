"""The reading library: every article read, its cached text, where the reader stopped.

A small SQLite database (``library.sqlite3``) in byline's data folder: ``$BYLINE_DATA_DIR``
when set, else ``$XDG_DATA_HOME/byline``, else ``~/.local/share/byline`` (on macOS
``~/Library/Application Support/byline``, on Windows ``%LOCALAPPDATA%\\byline``).

Articles are keyed by ``Article.key``: the URL as given, or the file's absolute path. The
cached text is the text as byline got it from the source (for a web page the extracted
text without the headline line, ``Article.body``, the headline being the title); the
reading position is a character offset into the text byline analyses (``Article.text``).
It resets to 0 when the article's text changes.

The library never stands in the way of reading: :meth:`Library.open` does not raise; a
corrupt, locked, unreadable or too-new database gives a disabled library whose methods do
nothing and return empty results, with the reason in ``problem`` (one line). A database
error later on is caught the same way (the call returns its empty result and ``problem``
says why).

``paths.py`` says where it lives, ``schema.py`` holds the versioned schema and its
migrations, ``records.py`` what it returns, ``rows.py`` how rows are read back and checked,
and ``store.py`` the :class:`Library` itself.
"""

from byline.library.paths import DATA_DIR_VARIABLE, FILE_NAME, data_dir, default_path
from byline.library.records import LibraryEntry, content_hash
from byline.library.schema import MIGRATIONS, SCHEMA_VERSION, LibraryTooNewError
from byline.library.store import BUSY_TIMEOUT_MS, Library

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DATA_DIR_VARIABLE",
    "FILE_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Library",
    "LibraryEntry",
    "LibraryTooNewError",
    "content_hash",
    "data_dir",
    "default_path",
]
