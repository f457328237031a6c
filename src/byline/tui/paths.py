"""Completing a file name as a shell does: the longest common start of what matches.

The open dialog (``ctrl+o``) calls :func:`complete_path` in a thread, since it lists a
folder. ``~`` stays as typed; a URL is never completed. No Textual.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MAX_ENTRIES = 5000
"""Most entries of one folder looked at (a huge folder is not listed to its end)."""


@dataclass(frozen=True, slots=True)
class Completion:
    """What Tab makes of the typed text."""

    text: str
    """The typed text, completed as far as every match agrees."""
    matches: tuple[str, ...] = ()
    """The names that match (folders end with ``/``), sorted."""


def is_url_like(typed: str) -> bool:
    """Whether ``typed`` looks like a URL ("https://…", "http:"), which is not completed."""
    head = typed.split("/", 1)[0]
    return head.endswith(":") and head[:-1].isalpha() and len(head) > 2


def complete_path(typed: str, cwd: Path) -> Completion:
    """Complete ``typed`` (a path, relative to ``cwd`` unless absolute or ``~``).

    Hidden names are offered only once a ``.`` is typed.
    """
    if not typed or is_url_like(typed):
        return Completion(typed)
    folder_part, _, prefix = typed.rpartition("/")
    folder_part = folder_part + "/" if "/" in typed else ""
    folder = Path(os.path.expanduser(folder_part or "."))
    if not folder.is_absolute():
        folder = cwd / folder
    names = _names(folder, prefix)
    if not names:
        return Completion(typed)
    common = os.path.commonprefix(names)
    return Completion(folder_part + common, tuple(names))


def _names(folder: Path, prefix: str) -> list[str]:
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES:
                    break
                name = entry.name
                if not name.startswith(prefix) or (name.startswith(".") and not prefix):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                names.append(name + "/" if is_dir else name)
    except (OSError, ValueError):
        return []
    return sorted(names)
