"""Reading a plain-text article from a file or standard input, with one-line errors.

Every read is bounded: at most ``MAX_BYTES + 1`` bytes are read, whatever the file says
its size is (a pipe says 0, a file may grow while it is read), so a bigger input is
refused after reading just past the limit, never loaded whole. Devices and sockets are
refused: they never end (``/dev/zero``) or wait for someone to type (a terminal). A named
pipe is read as long as something is connected to write into it; one that nothing opens
for :data:`PIPE_WAIT` seconds is refused instead of waited on for ever.

Decoding keeps the text exactly as the file holds it (offsets index the decoded content):
UTF-8 with or without BOM, UTF-16 or UTF-32 with BOM, otherwise a legacy 8-bit code page
detected by charset-normalizer (Windows-1252 preferred whenever it fits, as English news
exported from Windows tools mostly is). Whatever the decoding, text that is mostly not
text (NULs, controls, unassigned or private characters) is refused as binary. Web pages
and HTML files are ``byline.web``'s.
"""

from __future__ import annotations

import codecs
import os
import select
import stat
import sys
import time
import unicodedata
from pathlib import Path

from byline.sources.article import Article, ArticleError

MAX_BYTES = 2 * 1024 * 1024
"""Largest article byline opens (2 MiB, ten times the longest long read): bigger files are
refused, not truncated. The limit is what byline handles well (``python -m bench``
measures the reader and the analysis at it): at 5 MiB the analysis peaked at 1.4 GB, and a
20 MiB article still had not been analysed after 18 minutes."""

PIPE_WAIT = 10.0
"""Seconds a named pipe may stay without anything connected to write into it."""

_DETECT_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
# Byte-order marks, longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters no article is made of: controls (but layout and ESC, which the reader shows
# as a placeholder), unassigned and private-use code points, and undecodable bytes.
_NOT_TEXT_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
_TEXT_CONTROLS = frozenset("\t\n\r\f\x1b")


def file_key(path: Path) -> str:
    """The reading library's key of a file: its absolute path, symbolic links resolved."""
    try:
        return str(path.expanduser().resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def decode(data: bytes) -> str:
    """Decode an article's bytes.

    Raises:
        ArticleError: the bytes look binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data:
            raise ArticleError("looks like a binary file (it contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    return refuse_binary(text)


def refuse_binary(text: str) -> str:
    """``text``, unless it is binary decoded as text (NULs, or mostly not characters).

    Raises:
        ArticleError: it looks binary.
    """
    if "\x00" in text:
        raise ArticleError("looks like a binary file (it contains NUL characters)")
    if _mostly_not_text(text):
        raise ArticleError("looks like a binary file (mostly control characters)")
    return text


def _decode_legacy(data: bytes) -> str:
    encoding = guess_encoding(data)
    try:
        return data.decode(encoding, errors="replace")
    except (LookupError, UnicodeError):  # a detector's odd pick (a codec that cannot run)
        raise ArticleError("looks like a binary file (no text encoding fits it)") from None


def guess_encoding(data: bytes) -> str:
    """The legacy code page ``data`` looks written in (Windows-1252 whenever it fits).

    Raises:
        ArticleError: no text encoding fits (binary).
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:_DETECT_BYTES])
    if any(match.encoding == "cp1252" for match in matches):
        return "cp1252"
    best = matches.best()
    if best is None:
        raise ArticleError("looks like a binary file (no text encoding fits it)")
    return str(best.encoding)


def _mostly_not_text(text: str) -> bool:
    sample = text[:_DETECT_BYTES]
    if not sample:
        return False
    odd = sum(
        1
        for ch in sample
        if (ch < " " and ch not in _TEXT_CONTROLS)
        or ch == "\ufffd"
        or (ch > "\x7e" and unicodedata.category(ch) in _NOT_TEXT_CATEGORIES)
    )
    return odd > len(sample) * 0.1


def _too_large(name: str) -> ArticleError:
    return ArticleError(f"{name}: larger than the {MAX_BYTES // 2**20} MiB limit")


def _read_at_most(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from a blocking descriptor (fewer at end of file)."""
    parts: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(_CHUNK, limit - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _read_pipe(fd: int, limit: int, name: str) -> bytes:
    """Up to ``limit`` bytes from a named pipe opened without blocking.

    Waits as long as a writer is connected (a read says "try again" rather than "end of
    file"); refuses the pipe when nothing connects within :data:`PIPE_WAIT` seconds.
    """
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    parts: list[bytes] = []
    size = 0
    writer_seen = False
    deadline = time.monotonic() + PIPE_WAIT
    while size < limit:
        try:
            chunk = os.read(fd, min(_CHUNK, limit - size))
        except BlockingIOError:  # a writer is there, and has not written yet
            writer_seen = True
            poller.poll()
            continue
        if chunk:
            writer_seen = True
            parts.append(chunk)
            size += len(chunk)
            continue
        if writer_seen:
            break  # the writer closed its end: the end of the article
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ArticleError(f"{name}: a named pipe that nothing writes to")
        events = poller.poll(remaining * 1000)
        if any(event & select.POLLHUP for _, event in events):
            writer_seen = True  # one came and went: read what it left, then stop
    return b"".join(parts)


def read_file_bytes(argument: str) -> bytes:
    """The content of the file ``argument`` names (not "-"), read with a bound.

    Raises:
        ArticleError: missing, a directory, a device, unreadable, or larger than
            :data:`MAX_BYTES`.
    """
    path = Path(argument).expanduser()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ArticleError(f"{argument}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{argument}: is a directory, not an article") from None
    except PermissionError:
        raise ArticleError(f"{argument}: permission denied") from None
    except OSError as error:
        raise ArticleError(f"{argument}: {_reason(error)}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ArticleError(f"{argument}: is a directory, not an article")
        if stat.S_ISREG(mode):
            os.set_blocking(fd, True)
            data = _read_at_most(fd, MAX_BYTES + 1)
        elif stat.S_ISFIFO(mode):
            data = _read_pipe(fd, MAX_BYTES + 1, argument)
        else:
            raise ArticleError(f"{argument}: {_kind(mode)}, not a file")
    except IsADirectoryError:
        raise ArticleError(f"{argument}: is a directory, not an article") from None
    except OSError as error:
        raise ArticleError(f"{argument}: {_reason(error)}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise _too_large(argument)
    return data


def read_stdin_bytes() -> bytes:
    """Standard input, read with a bound (a terminal, a pipe or a file; not a device).

    Raises:
        ArticleError: closed, a device, unreadable, or larger than :data:`MAX_BYTES`.
    """
    stream = sys.stdin
    try:
        fd = stream.fileno() if stream is not None else 0
        mode = os.fstat(fd).st_mode
    except (OSError, ValueError, AttributeError):
        raise ArticleError("stdin: standard input is closed") from None
    if stat.S_ISDIR(mode):
        raise ArticleError("stdin: is a directory, not an article")
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or os.isatty(fd)):
        raise ArticleError(f"stdin: {_kind(mode)}, not a file")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read(MAX_BYTES + 1)
        else:
            data = _read_at_most(fd, MAX_BYTES + 1)
    except OSError as error:
        raise ArticleError(f"stdin: {_reason(error)}") from None
    if len(data) > MAX_BYTES:
        raise _too_large("stdin")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is not a regular file"


def _reason(error: OSError) -> str:
    return " ".join((error.strerror or str(error) or type(error).__name__).split())


def text_article(argument: str, data: bytes) -> Article:
    """The plain-text article of ``data``, read from ``argument`` ("-": standard input).

    Raises:
        ArticleError: the bytes look binary.
    """
    name = "stdin" if argument == "-" else argument
    try:
        text = decode(data)
    except ArticleError as error:
        raise ArticleError(f"{name}: {error}") from None
    if argument == "-":
        return Article(text, "stdin")
    path = Path(argument).expanduser()
    return Article(text, path.name, file_key(path), path)


def read_article(argument: str) -> Article:
    """Read the article named on the command line ("-" is standard input).

    Raises:
        ArticleError: missing, a directory, a device, unreadable, binary or too large.
    """
    data = read_stdin_bytes() if argument == "-" else read_file_bytes(argument)
    return text_article(argument, data)
