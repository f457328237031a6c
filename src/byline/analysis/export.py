"""Turn an :class:`Analysis` into the JSON contract and the Markdown summary; write files safely.

The JSON shape is a public contract (``byline analyze``): fields may be added, never
changed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

try:
    import fcntl
except ImportError:  # not POSIX: no locks, so no sweeping of what a killed save left
    fcntl = None  # type: ignore[assignment]

from byline.analysis.model import Analysis, Attribution, Hedge, Quote, Span

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
_TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 10.0
"""Age after which a temporary file nobody holds counts as left behind by a killed save."""


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
        "attributions": [attribution_json(a) for a in analysis.attributions],
        "hedges": [hedge_json(h) for h in analysis.hedges],
    }


def _span_json(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def attribution_json(attribution: Attribution) -> dict[str, Any]:
    """One attribution as the contract writes it."""
    return {
        "kind": attribution.kind,
        "start": attribution.start,
        "end": attribution.end,
        "source": attribution.source,
        "source_span": _span_json(attribution.source_span),
        "source_kind": attribution.source_kind,
        "cue": attribution.cue,
        "cue_span": _span_json(attribution.cue_span),
    }


def hedge_json(hedge: Hedge) -> dict[str, Any]:
    """One hedge as the contract writes it."""
    return {"start": hedge.start, "end": hedge.end, "cue": hedge.cue}


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


def summary_markdown(
    analysis: Analysis, source: str, size: int | None = None, *, sources: bool = False
) -> str:
    """The saved summary: title, source, the summary sentences and the key quotes.

    Args:
        analysis: the article's analysis.
        source: where the article came from (a path or URL), shown under the title.
        size: how many summary sentences (the default summary when None).
        sources: add the "Who said what" section (:func:`sources_markdown`).
    """
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
    section = sources_markdown(analysis) if sources else ""
    if section:
        lines += ["", section.rstrip("\n")]
    return "\n".join(lines) + "\n"


def sources_markdown(analysis: Analysis) -> str:
    """The "Who said what" section: every claim by source, then the hedges.

    Sources come most prominent first, each with its kind and counts ("Alibaba (named)
    · 3 quoted · 3 reported"); direct quotes are given as quoted, the rest as reported;
    claims with no source come under "No source". Ends with a newline; empty when the
    article attributes nothing.
    """
    from byline.analysis.whosaid import group_by_source, tally

    if not analysis.attributions and not analysis.hedges:
        return ""
    text = analysis.text
    lines = ["## Who said what", "", markdown_text(tally(analysis))]
    for group in group_by_source(analysis):
        if group.source is None:
            heading = f"### No source · {group.counts()}"
        else:
            kind = f" ({group.kind})" if group.kind else ""
            heading = f"### {markdown_text(group.source)}{kind} · {group.counts()}"
        lines += ["", heading, ""]
        for item in group.attributions:
            words = markdown_text(text[item.start : item.end])
            how = (
                "quoted"
                if item.kind == "direct"
                else "partly quoted"
                if item.kind == "mixed"
                else "reported"
            )
            cue = f", {markdown_text(item.cue)}" if item.cue else ""
            lines.append(f"- {words} ({how}{cue})")
    if analysis.hedges:
        lines += ["", "### Hedges", ""]
        for hedge in analysis.hedges:
            sentence = markdown_text(_sentence_at(analysis, hedge.start))
            lines.append(f"- {markdown_text(hedge.cue)}: {sentence}")
    return "\n".join(lines) + "\n"


def _sentence_at(analysis: Analysis, offset: int) -> str:
    for sentence in analysis.sentences:
        if sentence.start <= offset < sentence.end:
            return analysis.text[sentence.start : sentence.end]
    return analysis.text[offset : offset + 80]


def key_quotes(analysis: Analysis, limit: int = 5) -> list[Quote]:
    """The quotes worth keeping in a summary: the longest attributed ones, in article order."""
    attributed = [q for q in analysis.quotes if q.speaker] or list(analysis.quotes)
    best = sorted(attributed, key=lambda q: q.end - q.start, reverse=True)[:limit]
    return sorted(best, key=lambda q: q.start)


class NotReplaceableError(OSError):
    """A file byline will not replace, whatever it was told: a device, a pipe or a socket;
    a file with other hard links (replacing would detach them) or of another owner
    (replacing would make it the writer's). ``strerror`` says which, in words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))


def write_atomic(path: Path, content: str, *, replace: bool = True) -> Path:
    """Write ``content`` to ``path`` atomically: temp file beside it, fsync, rename.

    A symbolic link is written through: the file it points to is replaced (atomically, in
    its own folder) and the link stays. A replaced file keeps its permissions and owner; a
    new one gets the usual permissions (0666 less the umask), not the temp file's 0600.
    Temporary files an earlier save into the same name left behind (it was killed) are
    removed first.

    Args:
        path: where to write.
        content: the text, written as UTF-8 with LF line ends.
        replace: False when the caller checked that ``path`` did not exist and has no
            permission to replace it: a file that appears there meanwhile is then kept
            and :class:`FileExistsError` raised.

    Returns:
        The file written: ``path``, or the file its symbolic link points to.

    Raises:
        NotReplaceableError: ``path`` is a device, a pipe or a socket, or a file with other hard
            links or of an owner the writer cannot keep.
        OSError: the folder is missing or unwritable, the disk is full, ``path`` is a
            directory, or (``replace=False``) it exists. The original file, if any, is
            then untouched and no temp file is left behind.
    """
    target = _through_links(path)
    existing = _existing(target)
    if existing is not None:
        _check_replaceable(target, existing)
        mode = stat.S_IMODE(existing.st_mode)
    else:
        mode = 0o666 & ~_umask()
    folder = target.parent
    sweep_temporaries(target)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TEMP_SUFFIX, dir=folder)
    try:
        _hold(fd)  # a save still running: never swept as left behind
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            if existing is not None:
                _keep_owner(handle.fileno(), target, existing)
            os.fchmod(handle.fileno(), mode)  # after the owner: chown may clear set-id bits
            os.fsync(handle.fileno())
            # Renamed while still open (and held), so no sweep can take it meanwhile.
            if replace:
                os.replace(temp_name, target)
            else:
                os.link(temp_name, target)  # fails, keeping the other file, if one appeared
                os.unlink(temp_name)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)
    return target


def _through_links(path: Path) -> Path:
    """``path``, or the file it names through symbolic links."""
    try:
        if not stat.S_ISLNK(os.lstat(path).st_mode):
            return path
    except FileNotFoundError:
        return path
    return Path(os.path.realpath(path))


def _existing(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _check_replaceable(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        kind = "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else None
        kind = kind or ("a named pipe" if stat.S_ISFIFO(info.st_mode) else "not a regular file")
        raise NotReplaceableError(path, f"is {kind}, not a regular file: not replaced")
    if info.st_nlink > 1:
        raise NotReplaceableError(
            path, f"has {info.st_nlink - 1} other hard link(s), which replacing would detach"
        )


def _keep_owner(fd: int, path: Path, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group (or refuse to replace it)."""
    uid = info.st_uid if info.st_uid != os.geteuid() else -1
    gid = info.st_gid if info.st_gid != os.getegid() else -1
    if uid == -1 and gid == -1:
        return
    try:
        os.fchown(fd, uid, gid)
    except PermissionError:
        raise NotReplaceableError(
            path, "belongs to another user or group, which replacing would change"
        ) from None


def _hold(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def sweep_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files that saves into ``target`` left when they were killed.

    Only byline's own pattern (``.NAME.XXXXXXXX.tmp`` beside ``target``), only regular files
    of this user, untouched for :data:`STALE_SECONDS` and held by no save still running.
    Returns what was removed.
    """
    if fcntl is None:
        return []
    folder = target.parent
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}{re.escape(_TEMP_SUFFIX)}")
    try:
        names = [name for name in os.listdir(folder) if pattern.fullmatch(name)]
    except OSError:
        return []
    removed: list[Path] = []
    for name in names:
        temp = folder / name
        try:
            fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if (
                not stat.S_ISREG(info.st_mode)
                or info.st_uid != os.geteuid()
                or time.time() - info.st_mtime < STALE_SECONDS
            ):
                continue
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # OSError: a save holds it
            if os.stat(temp, follow_symlinks=False).st_ino == info.st_ino:
                os.unlink(temp)
                removed.append(temp)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


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
