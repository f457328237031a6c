"""Where byline's shipped files live: styles, seeds and trained models.

An installed wheel carries ``styles/`` and ``seeds/`` inside the package; a source
checkout or editable install keeps them at the repository's top level. Models always
live inside the package (``byline/models``).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parents[1]
SAMPLE_ARTICLE_NAME = "iacc-alibaba.txt"


def _packaged_or_repo(name: str) -> Path:
    packaged = PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return REPO_DIR / name


def styles_dir() -> Path:
    """The folder holding the Textual CSS files."""
    return _packaged_or_repo("styles")


def seeds_dir() -> Path:
    """The folder holding the sample articles."""
    return _packaged_or_repo("seeds")


def sample_article() -> Path:
    """The article ``byline`` opens when given no file."""
    return seeds_dir() / SAMPLE_ARTICLE_NAME


def models_dir() -> Path:
    """The NLTK data tree of models that ship inside the package."""
    return PACKAGE_DIR / "models"
