"""What ``byline batch`` reads: files, folders (recursively) and JSON Lines, as items.

An :class:`Item` is one article to analyse, named by its ``id``: a file's path as given
(or joined under its folder), or the ``id`` of a JSON Lines object. Items are produced
lazily, so a JSON Lines corpus of a million articles is never held in memory; JSON Lines
travel with their text (a Dask worker on another machine needs no shared disk for them),
files travel as paths (open there, so the workers must see the same files).

A line that cannot be read (not JSON, no id, no text) becomes an item that already holds
its error: it is written as an error record like any other failure, never stops the run.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from byline.sources import MAX_BYTES

Key = str | int
"""An article's id: a string or an integer, as JSON Lines give it (a path for a file)."""

FOLDER_SUFFIXES = (".txt", ".html", ".htm")
"""Files taken from a folder (searched recursively; hidden names are left out)."""

JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""Files read as JSON Lines of ``{"id": ..., "text": ...}``; ``-`` (stdin) is one too."""

METADATA = ("url", "site", "author", "date")
"""Optional string fields of a JSON Lines article, passed through to its record."""


class InputError(Exception):
    """An INPUT argument that cannot be used at all (missing, unreadable): one line."""


@dataclass(frozen=True, slots=True)
class Item:
    """One article to analyse.

    Attributes:
        id: the record's ``id`` (unique in the output).
        path: the record's ``path``: the file as given (as ``byline analyze`` reports it),
            or ``NAME:LINE`` for a JSON Lines article.
        location: the file to open (absolute, so a worker's working folder does not
            matter); None for a JSON Lines article.
        text: a JSON Lines article's text; None for a file.
        metadata: a JSON Lines article's ``url``, ``site``, ``author`` and ``date``.
        error: why a JSON Lines line could not be read; the item is then only a failure.
    """

    id: Key
    path: str
    location: str | None = None
    text: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    error: str | None = None


def check_inputs(arguments: Sequence[str]) -> None:
    """Refuse, before any work, an INPUT that does not exist.

    Raises:
        InputError: one line naming the argument.
    """
    for argument in arguments:
        if argument == "-":
            continue
        path = Path(argument).expanduser()
        if not path.exists():
            raise InputError(f"{argument}: no such file or folder")
        if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
            raise InputError(f"{argument}: permission denied")
    if list(arguments).count("-") > 1:
        raise InputError("- (standard input) can be given once")


def iter_items(arguments: Sequence[str]) -> Iterator[Item]:
    """Every article the arguments name, in order: folders sorted, JSON Lines line by line."""
    for argument in arguments:
        if argument == "-":
            yield from _json_lines(sys.stdin.buffer, "stdin")
            continue
        path = Path(argument).expanduser()
        if path.is_dir():
            for file in folder_files(path):
                name = str(Path(argument) / file.relative_to(path))
                yield _file_item(name, file)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _json_lines(handle, argument)
        else:
            yield _file_item(argument, path)


def count_items(arguments: Sequence[str]) -> int | None:
    """How many items ``iter_items`` will give (None with stdin, which is read only once).

    JSON Lines files are counted by their non-blank lines, without parsing them.
    """
    if "-" in arguments:
        return None
    total = 0
    for argument in arguments:
        path = Path(argument).expanduser()
        if path.is_dir():
            total += sum(1 for _ in folder_files(path))
        elif path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def folder_files(folder: Path) -> Iterator[Path]:
    """The articles under ``folder``: its own files by name, then each subfolder's the same
    way, without following links to other folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(FOLDER_SUFFIXES):
                yield Path(root) / name


def _file_item(name: str, path: Path) -> Item:
    return Item(id=name, path=name, location=str(path.absolute()))


def _json_lines(handle: BinaryIO, name: str) -> Iterator[Item]:
    for number, raw in enumerate(handle, start=1):
        if raw.strip():
            yield parse_line(raw, f"{name}:{number}")


def parse_line(raw: bytes, where: str) -> Item:
    """One JSON Lines article, or an item holding why it cannot be read.

    Args:
        raw: the line's bytes.
        where: ``NAME:LINE``, the record's ``path`` (and its ``id`` when it has none).
    """
    if len(raw) > MAX_BYTES:
        return Item(where, where, error=f"{where}: larger than the {MAX_BYTES // 2**20} MiB limit")
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        return Item(where, where, error=f"{where}: not a JSON object")
    if not isinstance(value, dict):
        return Item(where, where, error=f"{where}: not a JSON object")
    key = value.get("id")
    if isinstance(key, bool) or not isinstance(key, str | int):
        return Item(where, where, error=f'{where}: no "id" (a string or an integer)')
    text = value.get("text")
    if not isinstance(text, str):
        return Item(key, where, error=f'{where}: no "text" (a string)')
    metadata = tuple((k, value[k]) for k in METADATA if isinstance(value.get(k), str))
    return Item(key, where, text=text, metadata=metadata)
