"""BylineApp: the article reader.

The article is on screen in the first frame; after it, a thread worker asks the analysis
child (``tui/analyzer.py``) for the analysis and the side panel fills when its
:class:`AnalysisReady` arrives. Handlers set reactives (``quote_index``, ``summary_size``…)
and ``watch_*`` methods have :class:`AnalysisNavigator` show them. The TUI only shows what
the core returns: it never analyses text itself, and the pipeline (and NLTK) is imported
only where it runs, off the start-up path.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from byline.analysis.source import ArticleSource
from byline.resources import styles_dir
from byline.tui.analyzer import (
    Analyzer,
    default_analyzer,
    prepare_child_process,
    stop_child_process,
)
from byline.tui.bindings import READER_BINDINGS
from byline.tui.commands import reader_commands
from byline.tui.history import ReadingHistory, SummarySaved
from byline.tui.loading import SourceFailed, SourceLoader, SourceOpened
from byline.tui.messages import AnalysisFailed, AnalysisReady
from byline.tui.navigation import AnalysisNavigator
from byline.tui.search import ArticleSearch
from byline.tui.text import one_line
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.search_bar import SearchBar
from byline.tui.widgets.side_panel import SidePanel
from byline.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from byline.analysis.model import Analysis
    from byline.library import Library
    from byline.tui.saving import SummarySaver
    from byline.tui.widgets.entity_panel import EntityPanel
    from byline.tui.widgets.quote_panel import QuotePanel
    from byline.tui.widgets.summary_panel import SummaryPanel
    from byline.web import WebSource

WORDS_PER_MINUTE = 230
PAINT_WAIT = 1.0
"""Longest the analysis waits for the article to paint first (seconds)."""


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at about 230 words a minute (at least one)."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class BylineApp(App[None]):
    """Read one article, with its entities, quotes and summary beside it."""

    CSS_PATH = styles_dir() / "app.tcss"
    TITLE = "byline"

    BINDINGS = READER_BINDINGS

    quote_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The quote the reader jumped to (index into ``Analysis.quotes``), or None."""
    entity_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The entity whose mentions are highlighted, or None."""
    mention_index: reactive[int] = reactive(0, always_update=True, init=False)
    """Which mention of the chosen entity is current."""
    summary_size: reactive[int] = reactive(0, init=False)
    """How many sentences the summary keeps (1..number of sentences once analysed)."""
    show_side_panel: reactive[bool] = reactive(True, always_update=True, init=False)
    """Whether the side panel is visible, once the reader has toggled it with ``t``.

    Until then ``styles/app.tcss`` decides: hidden on a narrow screen (``-narrow``)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    """The screen gets ``-narrow`` below 80 columns, where the side panel hides itself."""

    def __init__(
        self,
        source: ArticleSource,
        *,
        analyzer: Analyzer | None = None,
        library: Library | None = None,
        web: WebSource | None = None,
        key: str | None = None,
        fetch: str | None = None,
        refresh: bool = False,
    ) -> None:
        """The reader for ``source``.

        Args:
            source: the article (a stand-in "Fetching…" text when ``fetch`` is given).
            analyzer: the analysis to run (default: the real pipeline).
            library: the reading library; None remembers nothing (as in most tests).
            web: the web page or HTML file ``source`` was read from.
            key: ``source``'s library key; None keeps it out of the library (standard
                input, the sample article).
            fetch: a URL (or file) to open in the background once the app is up.
            refresh: download ``fetch`` again even when the library has a copy.
        """
        super().__init__()
        self.library = library
        self.web = web
        """Where the article on screen came from, when it is a web page or an HTML file."""
        self._first_key = key
        self._first_fetch = fetch
        self._refresh = refresh
        self.history = ReadingHistory(self, library)
        self.loader = SourceLoader(self, library)
        self.source = source
        self.analyzer: Analyzer = analyzer or default_analyzer
        self.analysis: Analysis | None = None
        """The analysis of the article on screen, once ready."""
        self.analysis_error: str | None = None
        self._generation = 0
        self._saver: SummarySaver | None = None
        self.search = ArticleSearch(self)
        self.navigator = AnalysisNavigator(self)

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                yield ArticleView(self.source.text, id="article")
                search = SearchBar(id="search-bar")
                search.display = False
                yield search
                yield StatusLine(id="status")
            yield SidePanel(id="side-panel")
        yield Footer()

    @property
    def saver(self) -> SummarySaver:
        """Asks where to save the summary and writes it (built on first use)."""
        if self._saver is None:
            from byline.tui.saving import SummarySaver

            self._saver = SummarySaver(self)
        return self._saver

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def side_panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.article.focus()
        self.history.start()
        if self._first_fetch is not None:
            self.loader.open(self._first_fetch, refresh=self._refresh)
        else:
            self.load_source(self.source, web=self.web, key=self._first_key)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from reader_commands(self)

    # -- reading library and the web ---------------------------------------------

    def open_source(self, argument: str, *, refresh: bool = False) -> None:
        """Replace the article with ``argument`` (a URL or a file, such as a library
        entry's source), read in the background; the current one stays until it arrives."""
        self.loader.open(argument, refresh=refresh, keep_current=True)

    @on(SourceOpened)
    def _source_opened(self, message: SourceOpened) -> None:
        self.loader.opened(message)

    @on(SourceFailed)
    def _source_failed(self, message: SourceFailed) -> None:
        self.loader.failed(message)

    @on(SummarySaved)
    def _summary_saved(self, message: SummarySaved) -> None:
        self.history.summary_saved(message.path)

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

        self.history.save()
        self.push_screen(LibraryScreen(self.library, current=self.history.key), chosen)

    def on_unmount(self) -> None:
        self.history.save()
        stop_child_process()

    # -- loading and analysis ----------------------------------------------------

    def load_source(
        self,
        source: ArticleSource,
        *,
        web: WebSource | None = None,
        key: str | None = None,
        analyse: bool = True,
    ) -> None:
        """Show ``source`` now and start analysing it in the background.

        Args:
            source: the article.
            web: the web page or HTML file it was read from.
            key: record it in the reading library under this key (None: don't).
            analyse: False for a stand-in text ("Fetching…"), which is only shown.
        """
        self.history.leave()
        self._generation += 1
        self.source = source
        self.web = web
        self.analysis = None
        self.analysis_error = None
        self.set_reactive(BylineApp.quote_index, None)
        self.set_reactive(BylineApp.entity_index, None)
        self.set_reactive(BylineApp.summary_size, 0)
        self.search.clear()
        if self.article.text is not source.text:
            self.article.set_text(source.text)
        self.history.arrive(key, web or source)
        self.title = one_line(source.name, 80)
        if not analyse:
            return
        self.sub_title = "analysing…"
        self.side_panel.show_analysing()
        self.status.say(("Analysing the article…", "italic"))
        # The worker starts now (so ``workers.wait_for_complete()`` sees it) but waits for
        # the first paint: once running, it holds the GIL for long stretches.
        painted = threading.Event()
        self.call_after_refresh(self._after_paint, painted)
        self.run_analysis(source.text, self._generation, painted)

    def _after_paint(self, painted: threading.Event) -> None:
        """The article is on screen: let the analysis start (and its child process's
        helper, which would otherwise compete with the first frame for the CPU)."""
        if self.analyzer is default_analyzer:
            prepare_child_process()
        painted.set()

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="analysis",
        description="Analysing article",
    )
    def run_analysis(
        self, text: str, generation: int, painted: threading.Event | None = None
    ) -> None:
        """Call the core and post its result; never touches widgets."""
        worker = get_current_worker()
        if painted is not None:
            painted.wait(PAINT_WAIT)
        try:
            analysis = self.analyzer(text, should_stop=lambda: worker.is_cancelled)
        except Exception as error:  # noqa: BLE001 - any failure becomes a visible state
            if not worker.is_cancelled:
                reason = one_line(f"{type(error).__name__}: {error}", 200)
                self.post_message(AnalysisFailed(reason, generation))
            return
        if not worker.is_cancelled:
            self.post_message(AnalysisReady(analysis, generation))

    @on(AnalysisReady)
    async def _analysis_ready(self, message: AnalysisReady) -> None:
        await self.side_panel.wait_until_built()
        if message.generation != self._generation:
            return
        analysis = message.analysis
        self.analysis = analysis
        if analysis.title:
            self.title = one_line(analysis.title, 100)
        self.history.analysed(analysis.title)
        words = analysis.word_count
        self.sub_title = f"{words:,} words · {reading_minutes(words)} min read"
        if analysis.title_span is not None:
            self.article.set_highlights(
                "title", [(analysis.title_span.start, analysis.title_span.end)]
            )
        self.set_reactive(BylineApp.summary_size, len(analysis.summary))
        self.side_panel.show_analysis(analysis, analysis.summary)
        self.navigator.refresh_summary_layer()
        self.status.say(
            f"{len(analysis.entities)} entities · {len(analysis.quotes)} quotes · "
            f"{len(analysis.sentences)} sentences · ? for keys"
        )
        if self.article.is_empty:
            self.sub_title = "empty article"
            self.status.say(("The article is empty: nothing to analyse.", "italic"))

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        if message.generation != self._generation:
            return
        self.analysis_error = message.reason
        self.sub_title = "analysis failed"
        self.side_panel.show_failed(message.reason)
        self.status.say(("Analysis failed: ", "bold"), message.reason)
        self.notify(f"Analysis failed: {message.reason}", severity="error", markup=False)

    def require_analysis(self) -> Analysis | None:
        """The analysis, or None after telling the reader why there is none yet."""
        if self.analysis is None:
            if self.loader.busy:
                self.notify("Still fetching the article…", markup=False)
            elif self.analysis_error:
                self.notify("No analysis: it failed.", severity="error", markup=False)
            else:
                self.notify("Still analysing the article…", markup=False)
        return self.analysis

    # -- quotes, entities, summary (shown by AnalysisNavigator) --------------------

    def action_next_quote(self) -> None:
        self.navigator.step_quote(+1)

    def action_previous_quote(self) -> None:
        self.navigator.step_quote(-1)

    def watch_quote_index(self, index: int | None) -> None:
        self.navigator.show_quote(index)

    def on_quote_panel_quote_chosen(self, message: QuotePanel.QuoteChosen) -> None:
        self.quote_index = message.index

    def action_next_mention(self) -> None:
        self.navigator.step_mention(+1)

    def action_previous_mention(self) -> None:
        self.navigator.step_mention(-1)

    def choose_entity(self, index: int) -> None:
        """Highlight every mention of entity ``index`` and go to its first."""
        self.set_reactive(BylineApp.mention_index, 0)
        self.entity_index = index

    def watch_entity_index(self, index: int | None) -> None:
        self.navigator.show_entity(index)

    def watch_mention_index(self, position: int) -> None:
        self.navigator.show_mention(position)

    def on_entity_panel_entity_chosen(self, message: EntityPanel.EntityChosen) -> None:
        self.choose_entity(message.index)

    def action_summary_size(self, step: int) -> None:
        self.navigator.change_summary_size(step)

    def watch_summary_size(self, size: int) -> None:
        self.navigator.show_summary(size)

    def on_tabbed_content_tab_activated(self) -> None:
        self.navigator.refresh_summary_layer()

    def on_summary_panel_sentence_chosen(self, message: SummaryPanel.SentenceChosen) -> None:
        self.navigator.show_sentence(message.index)

    # -- search ------------------------------------------------------------------

    async def action_search(self) -> None:
        # "/" is a priority binding (see bindings.py): hand it back where it is text or
        # where there is no article to search (a dialog or the library on top).
        focused = self.focused
        if focused is not None and focused.check_consume_key("slash", "/"):
            raise SkipAction()
        bars = self.screen.query(SearchBar)
        if not bars:
            raise SkipAction()
        await bars.first().open()

    @on(SearchBar.QueryChanged)
    def _search_changed(self, message: SearchBar.QueryChanged) -> None:
        self.search.find(message.query)

    @on(SearchBar.NextMatch)
    def _search_next(self) -> None:
        self.search.next()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.search.clear()
        self.article.focus()

    # -- panel, help, save, reload -----------------------------------------------

    def action_toggle_side_panel(self) -> None:
        # Toggle what is on screen: a narrow terminal hides the panel without the reactive.
        self.show_side_panel = not self.side_panel.display

    def watch_show_side_panel(self, show: bool) -> None:
        panel = self.side_panel
        if not show and self.focused is not None and panel in self.focused.ancestors:
            self.article.focus()
        panel.display = show

    def action_help(self) -> None:
        from byline.tui.screens.help import HelpScreen  # Markdown is slow to import

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_save_summary(self) -> None:
        analysis = self.require_analysis()
        if analysis is not None:
            self.saver.ask(analysis, self.source, self.summary_size or len(analysis.summary))

    def action_reload_sample(self) -> None:
        """Open the sample article that ships with byline."""
        from byline.analysis.source import ArticleError, read_article
        from byline.resources import sample_article

        try:
            source = read_article(str(sample_article()))
        except ArticleError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.load_source(source)
        self.notify(f"Opened {source.name}", markup=False)
