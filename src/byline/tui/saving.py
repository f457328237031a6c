"""SummarySaver: the "save summary" flow, from the file-name dialog to the notification.

Ask for a path (prefilled with ``<stem>.summary.md`` in the working folder), confirm
before replacing a file, write atomically, and report success or failure with
``notify``: a bad path never crashes the reader.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from byline.analysis.export import summary_markdown, write_atomic
from byline.analysis.model import Analysis
from byline.sources import Article
from byline.tui.messages import SummarySaved
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.screens.save_summary import SaveChoice, SaveSummaryScreen
from byline.tui.text import one_line, safe_file_name

SUMMARY = "the summary"
"""What a saved summary is called in messages (and how :meth:`SummarySaver.save` knows
to note it in the reading library)."""


def default_summary_path(source: Article) -> Path:
    """``<article stem>.summary.md`` in the current working folder."""
    stem = safe_file_name(Path(source.name).stem) or "article"
    return Path.cwd() / f"{stem}.summary.md"


def summary_source(source: Article) -> str:
    """What the saved summary names as its source: the page's URL (a link in the
    Markdown), else the file's path, else the article's name ("stdin")."""
    if source.url:
        return source.url
    if source.key:
        return source.key
    return str(source.path) if source.path is not None else source.name


def _shown(path: Path) -> str:
    # A typed or pasted path may hold control characters: never send them to the screen.
    return one_line(str(path))


def _reason(error: OSError, path: Path | None = None) -> str:
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    if isinstance(error, FileNotFoundError):
        # /proc and friends exist but take no new files, and say ENOENT.
        if path is not None and path.parent.is_dir():
            return "no file can be created in that folder"
        return "the folder does not exist"
    if isinstance(error, PermissionError):
        return "permission denied"
    return one_line(error.strerror or str(error))


class SummarySaver:
    """Runs the save flow for one app; ``ask`` starts it."""

    def __init__(self, app: App[None]) -> None:
        self.app = app

    def ask(self, analysis: Analysis, source: Article, size: int) -> None:
        """Open the dialog for saving ``size`` summary sentences of ``analysis``."""
        if not analysis.sentences:
            self.app.notify(
                "Nothing to save: the article has no sentences to summarise.", markup=False
            )
            return

        def chosen(answer: SaveChoice | None) -> None:
            if answer:
                content = summary_markdown(
                    analysis, summary_source(source), size, sources=answer.sources
                )
                self.save(Path(answer.path), content)

        offer = bool(analysis.attributions or analysis.hedges)
        dialog = SaveSummaryScreen(str(default_summary_path(source)), size, attributions=offer)
        self.app.push_screen(dialog, chosen)

    def save(self, path: Path, content: str, what: str = SUMMARY) -> None:
        """Write ``content`` to ``path`` (``~`` expanded), asking before replacing a file.

        ``what`` names the content in the messages ("the entities"); only the summary
        is noted in the reading library."""
        try:
            path = path.expanduser()
            if not path.is_absolute():
                path = Path.cwd() / path
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, RuntimeError, ValueError) as error:
            # A name too long, a NUL byte, "~nobody": say so rather than crash.
            reason = _reason(error) if isinstance(error, OSError) else one_line(str(error))
            self._failed(path, reason)
            return
        if is_dir:
            self._failed(path, "it is a folder")
            return
        if exists:

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write(path, content, replace=True, what=what)
                else:
                    self.app.notify(f"Not saved: {_shown(path)} left as it was.", markup=False)

            self.app.push_screen(
                ConfirmScreen(f"{_shown(path)} already exists. Replace it?", "Replace"), confirmed
            )
            return
        self.write(path, content, replace=False, what=what)

    def write(self, path: Path, content: str, *, replace: bool, what: str = SUMMARY) -> None:
        """Write now and say how it went (``replace``: the user said yes to replacing)."""
        try:
            write_atomic(path, content, replace=replace)
        except OSError as error:
            self._failed(path, _reason(error, path))
            return
        except ValueError as error:  # a NUL byte in the name
            self._failed(path, one_line(str(error)))
            return
        self.app.notify(f"Saved {what} to {_shown(path)}", title="Saved", markup=False)
        if what == SUMMARY:
            self.app.post_message(SummarySaved(path))  # the reading library notes it

    def _failed(self, path: Path, reason: str) -> None:
        self.app.notify(
            f"Could not save to {_shown(path)}: {reason}.",
            title="Not saved",
            severity="error",
            markup=False,
        )
