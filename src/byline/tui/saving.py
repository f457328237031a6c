"""SummarySaver: the "save summary" flow, from the file-name dialog to the notification.

Ask for a path (prefilled with ``<stem>.summary.md`` in the working folder), confirm
before replacing a file, write atomically, and report success or failure with
``notify``: a bad path never crashes the reader. Must not import the analysis pipeline.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from byline.analysis.export import summary_markdown, write_atomic
from byline.analysis.model import Analysis
from byline.analysis.source import ArticleSource
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.screens.save_summary import SaveSummaryScreen


def default_summary_path(source: ArticleSource) -> Path:
    """``<article stem>.summary.md`` in the current working folder."""
    stem = Path(source.name).stem or "article"
    return Path.cwd() / f"{stem}.summary.md"


def _reason(error: OSError) -> str:
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    if isinstance(error, FileNotFoundError):
        return "the folder does not exist"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


class SummarySaver:
    """Runs the save flow for one app; ``ask`` starts it."""

    def __init__(self, app: App[None]) -> None:
        self.app = app

    def ask(self, analysis: Analysis, source: ArticleSource, size: int) -> None:
        """Open the dialog for saving ``size`` summary sentences of ``analysis``."""
        content = summary_markdown(analysis, source.name, size)

        def chosen(answer: str | None) -> None:
            if answer:
                self.save(Path(answer), content)

        self.app.push_screen(SaveSummaryScreen(str(default_summary_path(source)), size), chosen)

    def save(self, path: Path, content: str) -> None:
        """Write ``content`` to ``path`` (``~`` expanded), asking before replacing a file."""
        path = path.expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.is_dir():
            self._failed(path, "it is a folder")
            return
        if path.exists():

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write(path, content)
                else:
                    self.app.notify(f"Not saved: {path} left as it was.", markup=False)

            self.app.push_screen(
                ConfirmScreen(f"{path} already exists. Replace it?", "Replace"), confirmed
            )
            return
        self.write(path, content)

    def write(self, path: Path, content: str) -> None:
        """Write now and say how it went."""
        try:
            write_atomic(path, content)
        except OSError as error:
            self._failed(path, _reason(error))
            return
        self.app.notify(f"Saved the summary to {path}", title="Saved", markup=False)

    def _failed(self, path: Path, reason: str) -> None:
        self.app.notify(
            f"Could not save to {path}: {reason}.",
            title="Not saved",
            severity="error",
            markup=False,
        )
