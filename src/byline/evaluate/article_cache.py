"""An on-disk cache of prepared summary-training articles, so reruns skip the analysis.

Cross-validating the summary ranker reads thousands of tuning articles through the
whole pipeline (tokens, entities, quotes, sentence features), which takes tens of
minutes; the fit and scoring after it take seconds. Each prepared
:class:`~byline.evaluate.summary_training.Example` is kept under a key that hashes
the article, its reference and the *analysis version*: a digest of every source file
of ``byline.analysis`` and every shipped model file except the summary ranker's own
folder and documentation (which the features do not depend on: editing the model card
must not throw the cache away). Change the analysis or a model and the
old entries are simply never read again.

Entries are pickles written by this process (never shared with others): put the cache
somewhere private such as ``/tmp``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from byline.evaluate.summary_training import Example

_PACKAGE = Path(__file__).resolve().parents[1]
# The ranker's own folder (its weights are what is being fitted, its card is prose) and
# documentation anywhere: features never read them.
_IGNORED_FOLDER = Path("models") / "summary"
_IGNORED_SUFFIXES = {".md"}


@cache
def analysis_version(root: Path = _PACKAGE) -> str:
    """A digest of the analysis code and models the prepared features depend on."""
    digest = hashlib.sha256()
    files = [*(root / "analysis").rglob("*.py"), *(root / "models").rglob("*")]
    for path in sorted(p for p in files if p.is_file()):
        relative = path.relative_to(root)
        if (
            relative.is_relative_to(_IGNORED_FOLDER)
            or relative.suffix in _IGNORED_SUFFIXES
            or "__pycache__" in relative.parts
        ):
            continue
        digest.update(str(relative).encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def entry_key(key: str, article: str, reference: Sequence[str], version: str) -> str:
    """The cache name of one prepared article: its name, text, reference and version."""
    digest = hashlib.sha256()
    for part in (version, key, article, "\n".join(reference)):
        digest.update(part.encode("utf-8", errors="surrogatepass") + b"\0")
    return digest.hexdigest()


class ArticleCache:
    """Prepared articles on disk, one pickle an article, written atomically."""

    def __init__(self, directory: Path, version: str | None = None) -> None:
        self.directory = Path(directory)
        self.version = version or analysis_version()

    def _path(self, key: str, article: str, reference: Sequence[str]) -> Path:
        return self.directory / f"{entry_key(key, article, reference, self.version)}.pkl"

    def get(self, key: str, article: str, reference: Sequence[str]) -> Example | None:
        """The cached article, or None when absent or unreadable."""
        path = self._path(key, article, reference)
        try:
            found = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None
        return found if getattr(found, "key", None) == key else None

    def put(self, example: Example, article: str, reference: Sequence[str]) -> None:
        """Store one prepared article (a temporary file renamed into place)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(example.key, article, reference)
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(example, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
