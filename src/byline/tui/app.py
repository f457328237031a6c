"""BylineApp: the article reader, and the one mediator between its parts.

The article is on screen in the first frame; after it, a thread worker asks the analysis
child (``tui/analyzer.py``) for the analysis and the side panel fills when its
:class:`AnalysisReady` arrives. Attributes go down, messages come up: workers, widgets and
the save flow post messages (``tui/messages.py``, and each widget's own); the handlers
set reactives and the ``watch_*`` methods show what the plain functions of
``navigation.py`` and ``search.py`` decide, through
:class:`~byline.tui.app_base.ReaderBase`. The mediator is one class split by subject:
copying and opening pages are :class:`~byline.tui.reader_actions.CopyOpenActions`, the
commands on other articles, exports and settings
:class:`~byline.tui.app_actions.ReaderActions`, stepping through quotes, claims, mentions
and the summary's length (``quote_index``, ``summary_size``…)
:class:`~byline.tui.focus_actions.FocusActions`; this module opens and analyses articles.
No helper holds this app. The TUI only shows what the core returns: the pipeline (and
NLTK) is imported only where it runs.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.worker import get_current_worker

from byline.sources import ArticleError
from byline.tui import fetching
from byline.tui.analyzer import (
    Analyzer,
    default_analyzer,
    prepare_child_process,
    stop_child_process,
)
from byline.tui.focus_actions import FocusActions
from byline.tui.history import ReadingHistory
from byline.tui.messages import (
    AnalysisFailed,
    AnalysisProgressed,
    AnalysisReady,
    SourceFailed,
    SourceOpened,
    SummarySaved,
)
from byline.tui.text import one_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from byline.analysis.model import Analysis
    from byline.config import Config
    from byline.library import Library
    from byline.sources import Article

PAINT_WAIT = 1.0
"""Longest the analysis waits for the article to paint first (seconds)."""


class BylineApp(FocusActions):
    """Read one article, with its entities, quotes and summary beside it."""

    handle_signals = False
    """SIGTERM, SIGHUP and SIGINT close the reader as ``q`` does (the terminal restored,
    the child stopped), with the exit status 128 + the signal's number. Set by the
    command line; tests leave their process's signals alone."""

    def __init__(
        self,
        article: Article,
        *,
        analyzer: Analyzer | None = None,
        library: Library | None = None,
        fetch: str | None = None,
        refresh: bool = False,
        config: Config | None = None,
        files: Sequence[str] = (),
        text_width: int | None = None,
    ) -> None:
        """The reader for ``article``.

        Args:
            article: the article, recorded in ``library`` under its key (a stand-in such
                as ``fetching_article(fetch)`` when ``fetch`` is given).
            analyzer: the analysis to run (default: the real pipeline).
            library: the reading library; None remembers nothing (as in most tests).
            fetch: a URL (or file) to open in the background once the app is up.
            refresh: download ``fetch`` again even when the library has a copy.
            config: the settings file's contents (None: defaults, nothing remembered).
            files: every article named on the command line, the first on screen (``:n``
                and ``:p`` step through them).
            text_width: the article's longest line in cells (0: the view's width); None
                takes the settings file's ``text_width``, else about 88.
        """
        super().__init__(config=config, files=files)
        if text_width is None and config is not None:
            text_width = config.text_width
        if text_width is not None:
            self.text_width = text_width
        self.source = article
        self.library = library
        self.analyzer: Analyzer = analyzer or default_analyzer
        self.analysis = None
        self.analysis_error: str | None = None
        self.fetching: str | None = None
        """The URL or path being opened now, or None."""
        self.history = ReadingHistory(self, library)
        self._first_fetch = fetch
        self._refresh = refresh
        self._generation = 0
        self._ticket = 0
        self._keep_current = False

    def on_mount(self) -> None:
        if self.handle_signals:
            self._end_on_signals()
        self.article.focus()
        self.attach_busy_line()
        self.apply_settings()
        self.history.start(self.article)
        if self._first_fetch is not None:
            self.open_source(self._first_fetch, refresh=self._refresh, keep_current=False)
        else:
            self.load_article(self.source)

    def on_unmount(self) -> None:
        self.history.save(flush=True)
        stop_child_process()

    def _end_on_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            loop.add_signal_handler(signum, self.exit, None, 128 + signum)

    # -- opening articles ----------------------------------------------------------

    def load_article(self, article: Article, *, analyse: bool = True) -> None:
        """Show ``article`` now, record it under its key, and analyse it in the background
        (``analyse`` False: a stand-in text such as "Fetching…", only shown)."""
        self.history.leave()
        self.busy.stop()
        self._generation += 1
        self.source = article
        self.analysis = None
        self.analysis_error = None
        self.set_reactive(FocusActions.quote_index, None)
        self.set_reactive(FocusActions.attribution_index, None)
        self.set_reactive(FocusActions.entity_index, None)
        self.set_reactive(FocusActions.summary_size, 0)
        self.copy_choice = None
        self.clear_matches()
        self.show_article(article)
        self.history.arrive(article)
        self.title = one_line(article.name, 80)
        if not analyse:
            return
        self.show_waiting("analysing…")
        self.status.say(("Analysing the article…", "italic"))
        self.busy.analysing()
        # The worker starts now (so ``workers.wait_for_complete()`` sees it) but waits for
        # the first paint: once running, it holds the GIL for long stretches.
        painted = threading.Event()
        self.call_after_refresh(self._after_paint, painted)
        self.run_analysis(article.text, self._generation, painted)

    def open_source(
        self, argument: str, *, refresh: bool = False, keep_current: bool = True
    ) -> None:
        """Open ``argument`` (a URL or a file, such as a library entry's source) in the
        background; ``refresh`` downloads a URL again even when the library has a copy.
        ``keep_current`` leaves the article on screen until the new one arrives (and
        keeps it if that fails); otherwise the "Fetching…" state shows at once."""
        self._ticket += 1
        self.fetching = argument
        self._keep_current = keep_current
        if not keep_current:
            self.load_article(fetching.fetching_article(argument), analyse=False)
            self.show_waiting("fetching…", "Fetching the article…")
        self.status.say((fetching.fetching_text(argument), "italic"))
        self.busy.fetching(fetching.shown_argument(argument), keep_status=keep_current)
        self.run_fetch(argument, refresh, self._ticket)

    @work(thread=True, exclusive=True, exit_on_error=False, group="fetch", description="Fetching")
    def run_fetch(self, argument: str, refresh: bool, ticket: int) -> None:
        """Read ``argument`` and post what came of it; never touches widgets."""
        worker = get_current_worker()
        read = partial(fetching.download, argument, library=self.library, refresh=refresh)
        try:
            article = fetching.in_daemon_thread(read, should_stop=lambda: worker.is_cancelled)
        except ArticleError as error:
            if not worker.is_cancelled:
                self.post_message(SourceFailed(argument, str(error), ticket))
            return
        if article is not None and not worker.is_cancelled:
            self.post_message(SourceOpened(argument, article, ticket))

    @on(SourceOpened)
    def _source_opened(self, message: SourceOpened) -> None:
        if message.ticket != self._ticket or not self.is_laid_out:
            return
        self.fetching = None
        self.load_article(message.article)
        if message.article.cached and not self._keep_current:
            self.notify(
                "Opened the copy in your library (byline --refresh downloads it again).",
                markup=False,
            )

    @on(SourceFailed)
    def _source_failed(self, message: SourceFailed) -> None:
        """Say why the article could not be opened; the reader keeps running."""
        if message.ticket != self._ticket or not self.is_laid_out:
            return
        self.fetching = None
        self.busy.stop()
        reason = message.reason
        if not self._keep_current:
            self.load_article(fetching.failure_article(reason), analyse=False)
            self.analysis_error = reason
            self.show_failure("could not open", reason, f"Could not open the article: {reason}")
        self.status.say(("Could not open: ", "bold"), reason)
        self.notify(reason, title="Could not open the article", severity="error", markup=False)
        if fetching.is_missing_file(message.argument):
            self.offer_library_copy(message.argument)

    # -- analysis ----------------------------------------------------------------

    def _after_paint(self, painted: threading.Event) -> None:
        """The article is on screen: let the analysis start (and its child process's
        helper, which would otherwise compete with the first frame for the CPU)."""
        if self.analyzer is default_analyzer:
            prepare_child_process()
        painted.set()

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="analysis", description="Analysing"
    )
    def run_analysis(
        self, text: str, generation: int, painted: threading.Event | None = None
    ) -> None:
        """Call the core and post its result; never touches widgets."""
        worker = get_current_worker()
        if painted is not None:
            painted.wait(PAINT_WAIT)
        progress = partial(self._stage_finished, generation)
        try:
            analysis = self.analyzer(
                text, should_stop=lambda: worker.is_cancelled, progress=progress
            )
        except Exception as error:  # noqa: BLE001 - any failure becomes a visible state
            if not worker.is_cancelled:
                reason = one_line(f"{type(error).__name__}: {error}", 200)
                self.post_message(AnalysisFailed(reason, generation))
            return
        if not worker.is_cancelled:
            self.post_message(AnalysisReady(analysis, generation))

    def _stage_finished(self, generation: int, stage: str) -> None:
        self.post_message(AnalysisProgressed(stage, generation))  # from the worker's thread

    @on(AnalysisProgressed)
    def _analysis_progressed(self, message: AnalysisProgressed) -> None:
        if message.generation == self._generation and self.analysis is None:
            self.busy.stage_finished(message.stage)

    @on(AnalysisReady)
    async def _analysis_ready(self, message: AnalysisReady) -> None:
        if not self.is_laid_out:
            return  # the reader is closing: nothing left to show it on
        await self.side_panel.wait_until_built()
        # The reader may have begun closing meanwhile (tests close it from outside the
        # app's own loop, while this handler waits).
        if message.generation != self._generation or not self.is_laid_out:
            return
        self.busy.stop()
        analysis = self.analysis = message.analysis
        if analysis.title:
            self.title = one_line(analysis.title, 100)
        self.history.analysed(analysis.title)
        self.set_reactive(FocusActions.summary_size, len(analysis.summary))
        self.show_analysis(analysis)
        self._mark_summary()
        self.warn_if_not_english(analysis)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        if message.generation != self._generation or not self.is_laid_out:
            return
        self.busy.stop()
        self.analysis_error = message.reason
        self.show_failure("analysis failed", message.reason)
        self.status.say(("Analysis failed: ", "bold"), message.reason)
        self.notify(f"Analysis failed: {message.reason}", severity="error", markup=False)

    def require_analysis(self) -> Analysis | None:
        """The analysis, or None after telling the reader why there is none yet."""
        if self.analysis is None:
            if self.fetching is not None:
                self.notify("Still fetching the article…", markup=False)
            elif self.analysis_error:
                self.notify("No analysis: it failed.", severity="error", markup=False)
            else:
                self.notify("Still analysing the article…", markup=False)
        return self.analysis

    # -- save --------------------------------------------------------------------

    def action_save_summary(self) -> None:
        analysis = self.require_analysis()
        if analysis is not None:
            self.saver.ask(analysis, self.source, self.summary_size or len(analysis.summary))

    @on(SummarySaved)
    def _summary_saved(self, message: SummarySaved) -> None:
        self.history.summary_saved(message.path)
