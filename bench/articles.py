"""The texts the bench reads: the BBC News articles in ``--data``, and longer ones made by
joining them."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

KB = 1024


def bbc_articles(data: Path) -> list[Path]:
    root = data / "bbc-news-summary" / "articles"
    return sorted(root.glob("*/*.txt"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def joined_article(sources: Sequence[Path], size: int, out: Path) -> Path:
    """BBC articles joined by blank lines until the text is at least ``size`` characters."""
    parts: list[str] = []
    length = 0
    for path in itertools.cycle(sources):
        text = read(path).strip()
        parts.append(text)
        length += len(text) + 2
        if length >= size:
            break
    out.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return out


def article_within(sources: Sequence[Path], limit: int, out: Path) -> Path:
    """BBC articles joined by blank lines, as many as fit in ``limit`` bytes of UTF-8: an
    article at byline's size limit (``byline.sources.MAX_BYTES``) that it still opens."""
    parts: list[str] = []
    size = 1  # the final newline
    for path in itertools.cycle(sources):
        text = read(path).strip()
        grown = size + len(text.encode("utf-8")) + (2 if parts else 0)
        if grown > limit:
            break
        parts.append(text)
        size = grown
    out.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return out


def first_words(path: Path, count: int = 3) -> str:
    for line in read(path).splitlines():
        if line.strip():
            return " ".join(line.split()[:count])
    raise ValueError(f"{path} is empty")
