"""One run's settings: how many rounds and files each section takes, full or ``--quick``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .articles import KB, bbc_articles, joined_article

T = TypeVar("T")


@dataclass
class Options:
    data: Path
    quick: bool
    work: Path
    sections: set[int]

    @property
    def paint_rounds(self) -> int:
        return 2 if self.quick else 10

    @property
    def probe_runs(self) -> int:
        return 2 if self.quick else 5

    @property
    def corpus_files(self) -> int:
        return 20 if self.quick else 120

    @property
    def corpus_rounds(self) -> int:
        return 1 if self.quick else 3

    @property
    def batch_files(self) -> int:
        """Section 6: the first 600 BBC articles (sorted), or 60: 12 runs of the whole
        corpus (1,781 here) took over an hour on the shared 2-core machine."""
        return 60 if self.quick else 600

    @property
    def batch_rounds(self) -> int:
        return 1 if self.quick else 3

    @property
    def big_size(self) -> int:
        return 200 * KB if self.quick else 1024 * KB

    @property
    def growth_sizes(self) -> list[int]:
        return (
            [10 * KB, 50 * KB, 200 * KB] if self.quick else [10 * KB, 100 * KB, 300 * KB, 1024 * KB]
        )

    @property
    def growth_rounds(self) -> int:
        return 1 if self.quick else 3

    def big_article(self) -> Path | None:
        """Section 4's long article (made once per run), or None without BBC articles."""
        path = self.work / f"big-{self.big_size // KB}k.txt"
        if path.exists():
            return path
        articles = bbc_articles(self.data)
        if not articles:
            return None
        return joined_article(articles, self.big_size, path)

    @property
    def big_label(self) -> str:
        size = self.big_size
        return "1 MB" if size >= 1024 * KB else f"{size // KB} KB"


def rotations(items: Sequence[T], rounds: int) -> list[list[T]]:
    """``rounds`` orderings of ``items``, each rotated by one, so no item always goes first."""
    return [list(items[r % len(items) :]) + list(items[: r % len(items)]) for r in range(rounds)]
