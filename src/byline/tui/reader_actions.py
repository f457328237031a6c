"""CopyOpenActions: the reader's copy, open-in-browser and language-notice actions.

Between :class:`~byline.tui.app_base.ReaderBase` (the frame) and
:class:`~byline.tui.app_actions.ReaderActions` (then ``BylineApp``, the state and its
handlers), as the part of the one mediator that sends things out of the
reader: text to the terminal's clipboard (OSC 52) and addresses to a web browser. What
to copy is decided by ``copying.py``; which browser by ``browser.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work

from byline.tui import copying
from byline.tui.app_base import ReaderBase
from byline.tui.text import one_line
from byline.tui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from byline.analysis.model import Analysis

LANGUAGE_NOTICE = (
    "byline's entities and speakers are trained on English; this text looks like {name}. "
    "Names, places and speakers may be wrong."
)


class CopyOpenActions(ReaderBase):
    """Copy (``y``, ``Y``), open in a browser (``o``, a click on a link), and the one
    notice that an article is not in English."""

    analysis: Analysis | None = None
    """The analysis of the article on screen (the app sets it)."""
    copy_choice: tuple[str, int] | None = None
    """What ``y`` copies: ``("quote", i)``, ``("claim", i)`` or ``("sentence", i)``, the
    last one the reader went to; None before they went anywhere."""

    def require_analysis(self) -> Analysis | None:
        """The analysis, or None after saying why there is none yet (the app's)."""
        raise NotImplementedError

    # -- copy --------------------------------------------------------------------

    def _copy(self, text: str, what: str) -> None:
        self.copy_to_clipboard(copying.clipboard_text(text))
        self.notify(f"Copied {what} to the clipboard.", markup=False)

    def action_copy(self) -> None:
        """``y``: the mouse selection in the article, else the quote, claim or summary
        sentence the reader last went to."""
        selected = self.screen.get_selected_text()
        if selected:
            self._copy(selected, "the selection")
            return
        analysis = self.require_analysis()
        if analysis is None:
            return
        choice = self.copy_choice
        if choice is None:
            self.notify(copying.NOTHING_CHOSEN, markup=False)
        elif choice[0] == "quote":
            index = choice[1]
            self._copy(copying.quote_text(analysis, index), f"quote {index + 1}")
        elif choice[0] == "claim":
            index = choice[1]
            self._copy(copying.claim_text(analysis, index), f"claim {index + 1}")
        else:
            self._copy(copying.sentence_text(analysis, choice[1]), "the summary sentence")

    def action_copy_summary(self) -> None:
        """``Y``: the summary as long as the reader made it, a sentence a line."""
        analysis = self.require_analysis()
        if analysis is None:
            return
        size = len(self.side_panel.state.summary) or len(analysis.summary)
        if not size:
            self.notify("Nothing to copy: the article has no summary.", markup=False)
            return
        plural = "" if size == 1 else "s"
        self._copy(copying.summary_text(analysis, size), f"the summary ({size} sentence{plural})")

    # -- open in a browser ---------------------------------------------------------

    def action_open_in_browser(self) -> None:
        """``o``: the web article's page in the reader's browser."""
        if self.source.url is None:
            self.notify(
                "This article was not read from the web: it has no address to open.",
                markup=False,
            )
            return
        self.open_in_browser(self.source.url)

    @on(ArticleView.LinkChosen)
    def _link_chosen(self, message: ArticleView.LinkChosen) -> None:
        self.open_in_browser(message.url)

    def open_in_browser(self, url: str) -> None:
        """Open ``url``: a text browser gets the terminal until it exits, a graphical one
        starts in the background; without one, say how to get one."""
        from byline.tui.browser import NoBrowserError, find_browser, runs_in_terminal

        try:
            browser = find_browser()
        except NoBrowserError as error:
            self.notify(
                str(error), title="Could not open the page", severity="warning", markup=False
            )
            return
        if not runs_in_terminal(browser):
            self._open_in_background(browser, url)
            return
        from textual.app import SuspendNotSupported

        try:
            with self.suspend():
                opened = browser.open(url)
        except SuspendNotSupported:
            self.notify(
                "Your browser runs in the terminal, which byline cannot hand over here.",
                title="Could not open the page",
                severity="warning",
                markup=False,
            )
            return
        if not opened:
            self._not_opened(url)

    @work(thread=True, exit_on_error=False, group="browser", description="Opening a browser")
    def _open_in_background(self, browser: object, url: str) -> None:
        # ``open`` may wait for a running browser to answer: never on the UI thread.
        if not browser.open(url):  # type: ignore[attr-defined]
            self.call_from_thread(self._not_opened, url)

    def _not_opened(self, url: str) -> None:
        self.notify(
            f"The browser did not open {one_line(url, 80)}.",
            title="Could not open the page",
            severity="warning",
            markup=False,
        )

    # -- the language notice -------------------------------------------------------

    def warn_if_not_english(self, analysis: Analysis) -> None:
        """Say once, when the analysis lands, that the text does not look English."""
        if analysis.language in (None, "en"):
            return
        from byline.analysis.language import language_name

        self.notify(
            LANGUAGE_NOTICE.format(name=language_name(analysis.language)),
            title="Not English",
            severity="warning",
            timeout=12,
            markup=False,
        )
