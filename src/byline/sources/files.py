"""Reading a plain-text article from a file or standard input, with one-line errors.

Decoding keeps the text exactly as the file holds it (offsets index the decoded content):
UTF-8 with or without BOM, UTF-16 with BOM, otherwise a legacy 8-bit code page detected
by charset-normalizer (Windows-1252 preferred whenever it fits, as English news exported
from Windows tools mostly is). Web pages and HTML files are ``byline.web``'s. Must not
import Textual.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from byline.sources.article import Article, ArticleError

MAX_BYTES = 20 * 1024 * 1024
"""Largest article byline opens (20 MiB): bigger files are refused, not truncated."""

_DETECT_BYTES = 64 * 1024


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
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise ArticleError("looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode(_legacy_encoding(data), errors="replace")
    if _mostly_control(text):
        raise ArticleError("looks like a binary file (mostly control characters)")
    return text


def _legacy_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:_DETECT_BYTES])
    if any(match.encoding == "cp1252" for match in matches):
        return "cp1252"
    best = matches.best()
    if best is None:
        raise ArticleError("looks like a binary file (no text encoding fits it)")
    return str(best.encoding)


def _mostly_control(text: str) -> bool:
    sample = text[:_DETECT_BYTES]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\x1b")
    return controls > len(sample) * 0.1


def read_article(argument: str) -> Article:
    """Read the article named on the command line ("-" is standard input).

    Raises:
        ArticleError: missing, a directory, unreadable, binary or too large.
    """
    if argument == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ArticleError(f"stdin: larger than the {MAX_BYTES // 2**20} MiB limit")
        try:
            return Article(decode(data), "stdin")
        except ArticleError as error:
            raise ArticleError(f"stdin: {error}") from None
    path = Path(argument).expanduser()
    try:
        if path.is_dir():
            raise ArticleError(f"{argument}: is a directory, not an article")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{argument}: larger than the {MAX_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{argument}: no such file") from None
    except PermissionError:
        raise ArticleError(f"{argument}: permission denied") from None
    except OSError as error:
        raise ArticleError(f"{argument}: {error.strerror or error}") from None
    try:
        text = decode(data)
    except ArticleError as error:
        raise ArticleError(f"{argument}: {error}") from None
    return Article(text, path.name, file_key(path), path)
