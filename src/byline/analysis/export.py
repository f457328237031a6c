"""Turn an :class:`Analysis` into the JSON contract and the Markdown summary; write files safely.

The JSON shape is a public contract (``byline analyze``): fields may be added, never
changed. Must not import Textual.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

from byline.analysis.model import Analysis, Quote

# Characters that would start Markdown structure if they opened a line or sat in text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_LINE_START_MARKERS = re.compile(r"^(\s*)([-=>]|\d+(?=[.)]))", re.MULTILINE)
_WEB_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)
# What a URL may keep as it is inside <…>: its own punctuation; spaces, <, > and
# non-ASCII are percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
_UMASK_LOCK = threading.Lock()
# C0/C1 controls (but tab/newline), and bidi overrides.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def to_json(analysis: Analysis, path: str) -> dict[str, Any]:
    """The ``byline analyze`` record for one article."""
    return {
        "path": path,
        "title": analysis.title,
        "text": analysis.text,
        "sentences": [
            {"start": s.start, "end": s.end, "rank": s.rank, "paragraph": s.paragraph}
            for s in analysis.sentences
        ],
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "mentions": [{"start": m.start, "end": m.end} for m in e.mentions],
            }
            for e in analysis.entities
        ],
        "quotes": [_quote_json(q) for q in analysis.quotes],
        "summary": list(analysis.summary),
        "language": analysis.language,
    }


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "start": quote.start,
        "end": quote.end,
        "speaker": quote.speaker,
        "speaker_span": [quote.speaker_span.start, quote.speaker_span.end]
        if quote.speaker_span
        else None,
        "cue": quote.cue,
    }


def plain_text(text: str) -> str:
    """Article text on one line with no control characters (for a table or a terminal)."""
    return _CONTROLS.sub("", " ".join(text.split()))


def markdown_text(text: str) -> str:
    """Article text made safe to place inside Markdown: no structure, no controls."""
    text = _inline_text(text)
    # "- x" and "1. x" would start a list: escape the dash, or the dot after the number.
    return _LINE_START_MARKERS.sub(
        lambda m: f"{m[1]}{m[2]}\\" if m[2][0].isdigit() else f"{m[1]}\\{m[2]}", text
    )


def _inline_text(text: str) -> str:
    """Text made safe inside a Markdown line that it does not start."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain_text(text))


def markdown_source(source: str) -> str:
    """Where an article came from, for the summary's "Source:" line: a web address as a
    link (``<https://…>``), a file's path as text."""
    clean = _CONTROLS.sub("", source.strip())
    if _WEB_ADDRESS.fullmatch(clean):
        return f"<{quote(clean, safe=_URL_SAFE)}>"
    return _inline_text(source)


def summary_markdown(analysis: Analysis, source: str, size: int | None = None) -> str:
    """The saved summary: title, source, the summary sentences and the key quotes."""
    indices = analysis.summary if size is None else analysis.summary_of(size)
    title = analysis.title or Path(source).stem
    lines = [f"# {markdown_text(title)}", "", f"Source: {markdown_source(source)}", ""]
    lines += ["## Summary", ""]
    lines += [f"- {markdown_text(analysis.sentence_text(i))}" for i in indices] or ["(empty)"]
    quotes = key_quotes(analysis)
    if quotes:
        lines += ["", "## Key quotes", ""]
        for quote in quotes:
            words = markdown_text(analysis.text[quote.start : quote.end])
            speaker = markdown_text(quote.speaker) if quote.speaker else "unattributed"
            lines.append(f"- {words} — {speaker}")
    return "\n".join(lines) + "\n"


def key_quotes(analysis: Analysis, limit: int = 5) -> list[Quote]:
    """The quotes worth keeping in a summary: the longest attributed ones, in article order."""
    attributed = [q for q in analysis.quotes if q.speaker] or list(analysis.quotes)
    best = sorted(attributed, key=lambda q: q.end - q.start, reverse=True)[:limit]
    return sorted(best, key=lambda q: q.start)


def write_atomic(path: Path, content: str, *, replace: bool = True) -> None:
    """Write ``content`` to ``path`` atomically: temp file beside it, fsync, rename.

    A replaced file keeps its permissions; a new one gets the usual ones (0666 less the
    umask), not the temp file's 0600.

    Args:
        path: where to write.
        content: the text, written as UTF-8 with LF line ends.
        replace: False when the caller checked that ``path`` did not exist and has no
            permission to replace it: a file that appears there meanwhile is then kept
            and :class:`FileExistsError` raised.

    Raises:
        OSError: the folder is missing or unwritable, the disk is full, ``path`` is a
            directory, or (``replace=False``) it exists. The original file, if any, is
            then untouched and no temp file is left behind.
    """
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a directory")
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if replace:
            os.replace(temp_name, path)
        else:
            os.link(temp_name, path)  # fails, keeping the other file, if one appeared
            os.unlink(temp_name)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _umask() -> int:
    with _UMASK_LOCK:
        current = os.umask(0o022)
        os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
