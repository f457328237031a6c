"""Where the reading library lives: byline's data folder and the database file in it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_VARIABLE = "BYLINE_DATA_DIR"
FILE_NAME = "library.sqlite3"


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
