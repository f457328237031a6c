"""ReaderBase: the reader's frame, the widgets and how a decision is shown on them.

Split from ``app.py`` as harlequin splits ``app_base.py`` from its app: this half lays the
reader out and applies what was decided (a :class:`~byline.tui.navigation.Focus`, search
:class:`~byline.tui.search.Matches`, the summary's marks, the side panel's visibility);
``BylineApp`` holds the state and the handlers that decide. Together they are the one
mediator: no widget or helper holds the app.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.actions import SkipAction
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header

from byline.resources import styles_dir
from byline.tui.bindings import APP_BINDINGS
from byline.tui.commands import system_commands
from byline.tui.labels import byline_text, counted
from byline.tui.search import Matches, find_matches
from byline.tui.widgets.article_view import DEFAULT_MEASURE, ArticleView
from byline.tui.widgets.footer import ReaderFooter
from byline.tui.widgets.panel_base import WAITING, PanelState
from byline.tui.widgets.search_bar import SearchBar
from byline.tui.widgets.side_panel import SidePanel
from byline.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from byline.analysis.model import Analysis
    from byline.sources import Article
    from byline.tui.navigation import Focus, Span
    from byline.tui.saving import SummarySaver

WORDS_PER_MINUTE = 230


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at about 230 words a minute (at least one)."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ReaderBase(App[None]):
    """The article beside its side panel, with a status line and a search bar under it."""

    CSS_PATH = styles_dir() / "app.tcss"
    TITLE = "byline"

    BINDINGS = APP_BINDINGS

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    """The screen gets ``-narrow`` below 80 columns, where the side panel hides itself."""

    show_side_panel: reactive[bool] = reactive(True, always_update=True, init=False)
    """Whether the side panel is visible, once the reader has toggled it with ``t``.

    Until then ``styles/app.tcss`` decides: hidden on a narrow screen (``-narrow``)."""

    source: Article
    """The article on screen (the app sets it, before composing)."""
    text_width: int = DEFAULT_MEASURE
    """The article's longest line in cells, centred on a wider screen (0: no limit). The
    app takes it as a setting (``BylineApp(text_width=...)``)."""
    _saver: SummarySaver | None = None
    _matches = Matches()
    """The search's matches and the one the reader is on."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                yield ArticleView(
                    self.source.text,
                    byline=byline_text(self.source),
                    byline_after=0 if self.source.title else -1,
                    measure=self.text_width,
                    id="article",
                )
                search = SearchBar(id="search-bar")
                search.display = False
                yield search
                yield StatusLine(id="status")
            yield SidePanel(id="side-panel")
        yield ReaderFooter()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def side_panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def is_laid_out(self) -> bool:
        """Whether the article view and the side panel are there (not while closing)."""
        return bool(self.query(ArticleView)) and bool(self.query(SidePanel))

    @property
    def saver(self) -> SummarySaver:
        """Asks where to save the summary and writes it (built on first use)."""
        if self._saver is None:
            from byline.tui.saving import SummarySaver

            self._saver = SummarySaver(self)
        return self._saver

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's Screenshot goes to ~/Downloads and fails quietly where there is none:
        # byline's own (``commands.py``) says where the picture went.
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command
        yield from system_commands(self, screen)

    # -- showing what was decided -------------------------------------------------

    def show_article(self, article: Article) -> None:
        """Put ``article``'s text on screen from its top, with its byline under the
        headline (unless that text is already there)."""
        view = self.article
        if view.text is not article.text:
            after = 0 if article.title else -1
            view.set_text(article.text, byline=byline_text(article), byline_after=after)

    def show_waiting(self, sub_title: str, note: str | None = None) -> None:
        """Say the article is being analysed (or, with a ``note``, fetched)."""
        self.sub_title = sub_title
        self.side_panel.state = WAITING if note is None else PanelState(note=note)

    def show_failure(self, sub_title: str, reason: str, note: str | None = None) -> None:
        """Say in every tab that the analysis failed (``note``: in other words)."""
        self.sub_title = sub_title
        self.side_panel.state = PanelState(failure=reason, note=note)

    def show_analysis(self, analysis: Analysis) -> None:
        """The analysis landed: its length, its headline's mark, the tabs, a status line."""
        words = analysis.word_count
        self.sub_title = f"{words:,} words · {reading_minutes(words)} min read"
        if analysis.title_span is not None:
            title = analysis.title_span
            self.article.set_highlights("title", [(title.start, title.end)])
        self.article.set_highlights("hedge", [(h.start, h.end) for h in analysis.hedges])
        self.side_panel.state = PanelState(analysis, analysis.summary)
        self.status.say(
            f"{counted(len(analysis.entities), 'entity', 'entities')} · "
            f"{counted(len(analysis.quotes), 'quote')} · "
            f"{counted(len(analysis.sentences), 'sentence')} · ? for keys"
        )
        if self.article.is_empty:
            self.sub_title = "empty article"
            self.status.say(("The article is empty: nothing to analyse.", "italic"))

    def apply_focus(self, focus: Focus) -> None:
        """Show ``focus`` everywhere at once: marks and scroll in the article, the side
        panel's tab and entry, the status line."""
        self.article.set_highlights(focus.layer, focus.spans)
        for layer, spans in focus.also:
            self.article.set_highlights(layer, spans)
        if focus.scroll is not None:
            self.article.scroll_to_offset(*focus.scroll)
        if focus.tab is not None:
            self.bring_forward(focus.tab)
            if focus.item is not None:
                self.side_panel.tab(focus.tab).select(focus.item)
        if focus.status:
            self.status.say(*focus.status)

    def bring_forward(self, tab_id: str) -> None:
        """Show ``tab_id`` in the side panel, unless the reader hid the panel."""
        if self.show_side_panel:
            self.side_panel.show_tab(tab_id)

    def mark_summary(self, spans: list[Span]) -> None:
        """Mark the summary's sentences in the article (none unless its tab is showing)."""
        self.article.set_highlights("summary", spans)

    def show_matches(self, matches: Matches, *, all_of_them: bool = False) -> None:
        """Go to the current match and count it in the search bar (``all_of_them``: mark
        every match too, for a new query)."""
        self._matches = matches
        article = self.article
        if all_of_them:
            article.set_highlights("search", matches.spans)
        span = matches.current_span
        article.set_highlights("current", [span] if span is not None else [])
        if span is not None:
            article.scroll_to_offset(*span, center=False)
        self.search_bar.set_count(matches.current + 1, len(matches.spans), matches.query)

    def clear_matches(self) -> None:
        """Forget the search's matches and take their marks off the article."""
        self._matches = Matches()
        self.hide_matches()

    def hide_matches(self) -> None:
        """Take the search's marks off the article (the matches are kept for ``/``)."""
        self.article.set_highlights("search", [])
        self.article.set_highlights("current", [])

    # -- search: matches found by search.py -----------------------------------------

    @property
    def searching(self) -> bool:
        """Whether a search is on: its bar is open on this screen with a query in it
        (``n``/``N`` then walk its matches)."""
        bars = self.screen.query(SearchBar)
        return bool(bars) and bars.first().display and bool(bars.first().text)

    def _find(self, query: str) -> None:
        """Search for ``query`` from the top of the view, marking every match."""
        spans = find_matches(self.source.text, query)
        matches = Matches.starting_at(spans, self.article.first_visible_offset(), query)
        self.show_matches(matches, all_of_them=True)

    @on(SearchBar.QueryChanged)
    def _search_changed(self, message: SearchBar.QueryChanged) -> None:
        self._find(message.query)

    @on(SearchBar.NextMatch)
    def _search_accepted(self, message: SearchBar.NextMatch) -> None:
        """Enter: stay on the match found while typing and give the keys back to the
        article, where ``n``/``N`` go on (as in less and vim)."""
        if message.query != self._matches.query:
            self._find(message.query)
        self.article.focus()
        self.refresh_bindings()

    def action_search_step(self, steps: int) -> None:
        """The next (``steps`` > 0) or previous match of the search that is on."""
        query = self.search_bar.text
        if not query:  # run from the palette with no search on
            self.notify("No search yet: / searches the article.")
            return
        if query != self._matches.query:
            self._find(query)
        if not self._matches.spans:
            self.notify(f"No matches for “{query}”.", markup=False)
            return
        self.show_matches(self._matches.step(steps))

    def action_close_search(self) -> None:
        self.search_bar.action_close()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.hide_matches()
        self.article.focus()
        self.refresh_bindings()

    # -- panel, help, search bar ---------------------------------------------------

    def action_toggle_side_panel(self) -> None:
        # Toggle what is on screen: a narrow terminal hides the panel without the reactive.
        self.show_side_panel = not self.side_panel.display

    def watch_show_side_panel(self, show: bool) -> None:
        panel = self.side_panel
        if not show and self.focused is not None and panel in self.focused.ancestors:
            self.article.focus()
        panel.display = show  # the panel's VisibilityChanged then updates the footer

    @on(SidePanel.VisibilityChanged)
    def _side_panel_visibility(self) -> None:
        # By t, or by a narrow screen hiding it through CSS, which no reactive here sees.
        self._tell_footer()

    def _tell_footer(self) -> None:
        for footer in self.query(ReaderFooter).results():
            footer.panel_shown = self.is_laid_out and self.side_panel.display

    def action_help(self) -> None:
        from byline.tui.screens.help import HelpScreen  # Markdown is slow to import

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search_step", "close_search"):
            return self.searching  # n/N and Escape walk and close a search that is on
        # In a focused list the footer shows the list's own "/ Filter", and "/" goes there.
        return action != "search" or not self._slash_is_the_focused_lists()

    def _slash_is_the_focused_lists(self) -> bool:
        focused = self.focused
        return focused is not None and any(
            getattr(node, "HANDLES_SLASH", False) for node in focused.ancestors_with_self
        )

    async def action_search(self) -> None:
        # "/" is a priority binding (see bindings.py): hand it back where it is text or
        # where there is no article to search (a dialog or the library on top).
        focused = self.focused
        if focused is not None and (
            focused.check_consume_key("slash", "/") or self._slash_is_the_focused_lists()
        ):
            raise SkipAction()  # a text input, or a list that filters itself (entities)
        bars = self.screen.query(SearchBar)
        if not bars:
            raise SkipAction()
        bar = bars.first()
        await bar.open()
        # Reopened on the same words: mark them again, on the match it was on.
        if bar.text and bar.text == self._matches.query:
            self.show_matches(self._matches, all_of_them=True)
        elif bar.text:
            self._find(bar.text)
