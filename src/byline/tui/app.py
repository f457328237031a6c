"""BylineApp: the article reader, and the one mediator between its parts.

The article is on screen in the first frame; after it, a thread worker asks the analysis
child (``tui/analyzer.py``) for the analysis and the side panel fills when its
:class:`AnalysisReady` arrives. Attributes go down, messages come up: workers, widgets and
the save flow post messages (``tui/messages.py``, and each widget's own); the handlers
here set reactives (``quote_index``, ``summary_size``…) and the ``watch_*`` methods show
what the plain functions of ``navigation.py`` and ``search.py`` decide, through
:class:`~byline.tui.app_base.ReaderBase`; copying and opening pages are
:class:`~byline.tui.reader_actions.CopyOpenActions`, the commands on other articles,
exports and settings :class:`~byline.tui.app_actions.ReaderActions`. No helper holds this
app. The TUI only shows what the core returns: the pipeline (and NLTK) is imported only
where it runs.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.reactive import reactive
from textual.worker import get_current_worker

from byline.sources import ArticleError
from byline.tui import fetching, navigation
from byline.tui.analyzer import (
    Analyzer,
    default_analyzer,
    prepare_child_process,
    stop_child_process,
)
from byline.tui.app_actions import ReaderActions
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
from byline.tui.widgets.panel_base import PanelState

if TYPE_CHECKING:
    from collections.abc import Sequence

    from byline.analysis.model import Analysis
    from byline.config import Config
    from byline.library import Library
    from byline.sources import Article
    from byline.tui.widgets.entity_panel import EntityPanel
    from byline.tui.widgets.source_panel import SourcePanel
    from byline.tui.widgets.summary_panel import SummaryPanel

PAINT_WAIT = 1.0
"""Longest the analysis waits for the article to paint first (seconds)."""


class BylineApp(ReaderActions):
    """Read one article, with its entities, quotes and summary beside it."""

    quote_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The quote the reader jumped to (index into ``Analysis.quotes``), or None."""
    attribution_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The claim the reader jumped to (index into ``Analysis.attributions``), or None."""
    entity_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The entity whose mentions are highlighted, or None."""
    mention_index: reactive[int] = reactive(0, always_update=True, init=False)
    """Which mention of the chosen entity is current."""
    summary_size: reactive[int] = reactive(0, init=False)
    """How many sentences the summary keeps (1..number of sentences once analysed)."""

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
        self.set_reactive(BylineApp.quote_index, None)
        self.set_reactive(BylineApp.attribution_index, None)
        self.set_reactive(BylineApp.entity_index, None)
        self.set_reactive(BylineApp.summary_size, 0)
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
        self.set_reactive(BylineApp.summary_size, len(analysis.summary))
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

    # -- quotes, entities, summary: decided by navigation.py ----------------------------

    def _step_quote(self, step: int) -> None:
        analysis = self.require_analysis()
        if analysis is None:
            return
        if not analysis.quotes:
            self.notify(navigation.NO_QUOTES, markup=False)
            return
        self.quote_index = navigation.step_index(self.quote_index, step, len(analysis.quotes))

    def action_next_quote(self) -> None:
        self._step_quote(+1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def watch_quote_index(self, index: int | None) -> None:
        if self.analysis is None or index is None:
            self.article.set_highlights("quote", [])
        else:
            self.copy_choice = ("quote", index)
            self.apply_focus(navigation.quote_focus(self.analysis, index))

    def _step_attribution(self, step: int) -> None:
        analysis = self.require_analysis()
        if analysis is None:
            return
        if not analysis.attributions:
            self.notify(navigation.NO_ATTRIBUTIONS, markup=False)
            return
        count = len(analysis.attributions)
        self.attribution_index = navigation.step_index(self.attribution_index, step, count)

    def action_next_attribution(self) -> None:
        self._step_attribution(+1)

    def action_previous_attribution(self) -> None:
        self._step_attribution(-1)

    def watch_attribution_index(self, index: int | None) -> None:
        if self.analysis is None or index is None:
            for layer in navigation.CLAIM_LAYERS:
                self.article.set_highlights(layer, [])
        else:
            self.copy_choice = ("claim", index)
            self.apply_focus(navigation.attribution_focus(self.analysis, index))

    def on_source_panel_attribution_chosen(self, message: SourcePanel.AttributionChosen) -> None:
        self.attribution_index = message.index

    def on_source_panel_hedge_chosen(self, message: SourcePanel.HedgeChosen) -> None:
        if self.analysis is not None:
            self.apply_focus(navigation.hedge_focus(self.analysis, message.index))

    def _step_mention(self, step: int) -> None:
        """The next or previous mention of the chosen entity (the first entity's first or
        last mention when none is chosen)."""
        analysis = self.require_analysis()
        if analysis is None:
            return
        if not analysis.entities:
            self.notify(navigation.NO_ENTITIES, markup=False)
        elif self.entity_index is None:
            self.set_reactive(BylineApp.mention_index, 0 if step > 0 else -1)
            self.entity_index = 0
        else:
            count = navigation.mention_count(analysis, self.entity_index)
            self.mention_index = (self.mention_index + step) % count

    def action_next_mention(self) -> None:
        self._step_mention(+1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def choose_entity(self, index: int) -> None:
        """Highlight every mention of entity ``index`` and go to its first."""
        self.set_reactive(BylineApp.mention_index, 0)
        self.entity_index = index

    def watch_entity_index(self, index: int | None) -> None:
        if self.analysis is None or index is None:
            self.article.set_highlights("mention", [])
            return
        self.apply_focus(navigation.entity_focus(self.analysis, index))
        self.mention_index %= navigation.mention_count(self.analysis, index)

    def watch_mention_index(self, position: int) -> None:
        if self.analysis is not None and self.entity_index is not None:
            focus = navigation.mention_focus(self.analysis, self.entity_index, position)
            if focus is not None:
                self.apply_focus(focus)

    def on_entity_panel_entity_chosen(self, message: EntityPanel.EntityChosen) -> None:
        self.choose_entity(message.index)

    def action_summary_size(self, step: int) -> None:
        """Make the summary a sentence longer (``+1``) or shorter (``-1``)."""
        analysis = self.require_analysis()
        if analysis is None or not analysis.sentences:
            return
        size = navigation.resized_summary(analysis, self.summary_size, step)
        if size == self.summary_size:
            self.notify(navigation.summary_limit_notice(size, step), markup=False)
            return
        self.summary_size = size
        self.bring_forward("tab-summary")

    def watch_summary_size(self, size: int) -> None:
        if self.analysis is not None:
            self.side_panel.state = PanelState(self.analysis, self.analysis.summary_of(size))
            self._mark_summary()

    def _mark_summary(self) -> None:
        showing = self.analysis is not None and self.side_panel.active_tab == "tab-summary"
        analysis = self.analysis
        self.mark_summary(
            navigation.summary_spans(analysis, self.summary_size) if analysis and showing else []
        )

    def on_tabbed_content_tab_activated(self) -> None:
        if self.is_laid_out:  # the tabs may say so late, while the reader closes
            self._mark_summary()

    def on_summary_panel_sentence_chosen(self, message: SummaryPanel.SentenceChosen) -> None:
        if self.analysis is not None:
            self.copy_choice = ("sentence", message.index)
            self.apply_focus(navigation.sentence_focus(self.analysis, message.index))

    # -- save --------------------------------------------------------------------

    def action_save_summary(self) -> None:
        analysis = self.require_analysis()
        if analysis is not None:
            self.saver.ask(analysis, self.source, self.summary_size or len(analysis.summary))

    @on(SummarySaved)
    def _summary_saved(self, message: SummarySaved) -> None:
        self.history.summary_saved(message.path)
