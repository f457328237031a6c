"""ReaderActions: the reader's commands beyond the article on screen.

Opening another article (``ctrl+o``, ``:e``), the files named on the command line (``:n``,
``:p``), exporting, the screenshot that says where it went, the library, and the settings
that stay (``byline.config``). Between :class:`~byline.tui.reader_actions.CopyOpenActions`
(copy, open in a browser; over :class:`~byline.tui.app_base.ReaderBase`, layout and
showing) and :class:`~byline.tui.focus_actions.FocusActions` (then ``BylineApp``: state,
workers, handlers): still the one mediator, split by subject so each module stays short.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.actions import SkipAction
from textual.screen import ModalScreen

from byline.sources import ArticleError
from byline.tui import fetching
from byline.tui.busy import BusyLine
from byline.tui.reader_actions import CopyOpenActions

if TYPE_CHECKING:
    from byline.config import Config
    from byline.library import Library
    from byline.sources import Article
    from byline.tui.history import ReadingHistory

KEYMAP_SCOPES = ("reader", "search", "save", "confirm", "library", "help", "open", "export")
"""The first part of every binding id byline has ("reader.next_quote")."""


class ReaderActions(CopyOpenActions):
    """Actions on articles and settings; ``BylineApp`` holds the state they use."""

    library: Library | None
    history: ReadingHistory

    if TYPE_CHECKING:  # defined by BylineApp

        def open_source(
            self, argument: str, *, refresh: bool = False, keep_current: bool = True
        ) -> None: ...

        def load_article(self, article: Article, *, analyse: bool = True) -> None: ...

        def action_save_summary(self) -> None: ...

    def __init__(self, *, config: Config | None = None, files: Sequence[str] = ()) -> None:
        super().__init__()
        self.config = config
        """The settings file's contents (None: no settings, nothing remembered)."""
        self.files = tuple(files)
        """The articles named on the command line, for ``:n`` and ``:p``."""
        self.file_index = 0
        """Which of ``files`` was asked for last."""
        self.busy = BusyLine(self)
        """The progress line of the fetch or analysis running now."""
        self._remembered_theme: str | None = None

    # -- settings -------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Apply the settings file (once mounted) and say, once, what in it was wrong.

        Its ``text_width`` is the article view's measure from the start (``BylineApp``)."""
        config = self.config
        if config is None:
            return
        problems = list(config.problems)
        if config.theme is not None:
            if config.theme in self.available_themes:
                self.theme = config.theme
            else:
                problems.append(f"theme {config.theme!r} is not one of the themes")
        self._remembered_theme = self.theme
        if config.keymap:
            unknown = [i for i in config.keymap if i.split(".")[0] not in KEYMAP_SCOPES]
            problems += [f"keymap: no binding has the id {binding_id!r}" for binding_id in unknown]
            self.set_keymap({k: v for k, v in config.keymap.items() if k not in unknown})
        if config.panel_width is not None:
            self.side_panel.styles.width = config.panel_width
            self.side_panel.styles.max_width = "60%"
        if problems:
            from byline.config import shown_path

            self.notify(
                "; ".join(problems) + ".",
                title=f"Settings in {shown_path(config.path)}",
                severity="warning",
                markup=False,
            )

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the palette is remembered in the settings file."""
        if self.config is None or self._remembered_theme in (None, theme):
            return
        self._remembered_theme = theme
        self.remember_theme(theme)

    @work(thread=True, exclusive=True, exit_on_error=False, group="settings")
    def remember_theme(self, theme: str) -> None:
        """Write the theme into the settings file (in a thread: it is disk I/O)."""
        from byline.config import ConfigNotSavedError, remember_theme, shown_path

        assert self.config is not None
        try:
            path = remember_theme(theme, self.config.path)
        except ConfigNotSavedError as error:
            self.call_from_thread(
                self.notify,
                f"Theme not remembered: {error}",
                title="Settings",
                severity="warning",
                markup=False,
            )
            return
        self.call_from_thread(
            self.notify, f"Theme {theme} saved in {shown_path(path)}", markup=False
        )

    # -- other articles ---------------------------------------------------------------

    def action_open_article(self) -> None:
        """Ask for a file or URL and open it (the article on screen stays until it came)."""
        from byline.tui.screens.open_article import OpenArticleScreen

        if isinstance(self.screen, OpenArticleScreen):
            return

        def chosen(argument: str | None) -> None:
            if argument:
                self.open_source(argument)

        self.push_screen(OpenArticleScreen(), chosen)

    def action_file_command(self) -> None:
        """``:`` then one key: ``n`` next file, ``p`` previous, ``e`` open."""
        from byline.tui.screens.file_command import FileCommandScreen

        focused = self.focused
        if isinstance(self.screen, ModalScreen) or (
            focused is not None and focused.check_consume_key("colon", ":")
        ):
            raise SkipAction()  # a priority binding: ":" is text there, or a dialog's

        def chosen(action: str | None) -> None:
            if action:
                self.call_later(self.run_action, action)

        self.push_screen(FileCommandScreen(), chosen)

    def action_next_file(self) -> None:
        self._step_file(+1)

    def action_previous_file(self) -> None:
        self._step_file(-1)

    def _step_file(self, step: int) -> None:
        count = len(self.files)
        if count < 2:
            self.notify(
                "Only one article was named: give several to step through them "
                "(byline a.txt b.txt).",
                markup=False,
            )
            return
        index = self.file_index + step
        if not 0 <= index < count:
            where = "last" if step > 0 else "first"
            self.notify(f"This is the {where} file ({self.file_index + 1} of {count}).")
            return
        self.file_index = index
        self.notify(f"File {index + 1} of {count}: {fetching.shown_argument(self.files[index])}")
        self.open_source(self.files[index])

    def offer_library_copy(self, argument: str) -> bool:
        """``argument`` is a file that is gone: offer the library's copy of its text.

        Returns:
            Whether the library has a copy (and the question was asked).
        """
        if self.library is None:
            return False
        copy = fetching.library_copy(self.library, argument)
        if copy is None:
            return False
        from byline.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.load_article(copy)
                self.notify(
                    "This is the library's copy of the text (the file was moved or deleted).",
                    markup=False,
                )

        shown = fetching.shown_argument(argument)
        self.push_screen(
            ConfirmScreen(
                f"{shown} is gone (moved or deleted). Open the copy of its text in your library?",
                "Open the copy",
            ),
            answered,
        )
        return True

    def action_library(self) -> None:
        """Show the articles read before; the chosen one opens where the reader stopped."""
        from byline.tui.screens.library import LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            return
        if self.library is None:
            self.notify("No reading library in this session.", markup=False)
            return

        def chosen(source: str | None) -> None:
            if source:
                self.open_source(source)

        self.history.save(flush=True)  # the list then shows the article on screen
        self.push_screen(LibraryScreen(self.library, current=self.history.key), chosen)

    def action_reload_sample(self) -> None:
        """Open the sample article that ships with byline."""
        try:
            article = fetching.sample()
        except ArticleError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.load_article(article)
        self.notify(f"Opened {article.name}", markup=False)

    # -- exports ------------------------------------------------------------------------

    def action_export(self, kind: str | None = None) -> None:
        """Export ``kind`` ("entities", "quotes", "analysis", "summary"), or ask which."""
        analysis = self.require_analysis()
        if analysis is None:
            return
        if kind is None:
            from byline.tui.screens.export_choice import ExportChoiceScreen

            def chosen(answer: str | None) -> None:
                if answer:
                    self.action_export(answer)

            self.push_screen(ExportChoiceScreen(), chosen)
            return
        if kind == "summary":
            self.action_save_summary()
            return
        from byline.tui.exporting import ask_where

        ask_where(self.saver, analysis, self.source, kind)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG picture of the screen where it can, and say where (or why not).

        Textual's signature: ``path`` is a folder to try first; byline names the file
        itself (``filename`` is not used), so that it never replaces one."""
        from byline.tui.screenshot import ScreenshotNotSavedError, save_screenshot

        folders = [Path(path).expanduser()] if path else None
        try:
            saved = save_screenshot(self.export_screenshot(), folders)
        except ScreenshotNotSavedError as error:
            self.notify(str(error), title="Screenshot", severity="error", markup=False)
            return
        self.notify(f"Saved the screenshot to {saved}", title="Screenshot", markup=False)

    def attach_busy_line(self) -> None:
        """Put the progress line under the article (once mounted)."""
        self.busy.attach(self.query_one("#reading"), self.status)
