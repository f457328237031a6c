"""LibraryScreen: the articles read before, newest first; reopen one where you stopped.

A search box filters by title, site or address (``Library.recent(query=...)``); Enter
dismisses with the chosen article's source (the app opens it); ``d`` forgets an entry
after a yes. Also the reader's ``L`` binding and its command-palette entry.
"""

from __future__ import annotations

import urllib.parse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option

from byline.library import Library, LibraryEntry
from byline.tui.screens.confirm import ConfirmScreen
from byline.tui.text import one_line

LIMIT = 200
"""Most entries listed at once (the search reaches the rest)."""


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def where_from(entry: LibraryEntry) -> str:
    """Where the article is from: the site (else the host) of a URL; for a file, its site
    if the page named one, then the file's path (``~`` for the home folder)."""
    if _is_url(entry.source):
        return entry.site or urllib.parse.urlsplit(entry.source).hostname or entry.source
    path = entry.source
    home = str(Path.home())
    if home not in ("", "/") and path.startswith(home + "/"):
        path = "~" + path[len(home) :]
    if len(path) > 60:
        path = "…" + path[-59:]  # a path's end says most
    return f"{entry.site} · {path}" if entry.site else path


def when_read(read_at: str, now: datetime | None = None) -> str:
    """When an article was read, in local time: "today 14:02", "yesterday 09:15", "2024-03-05"."""
    try:
        moment = datetime.fromisoformat(read_at).astimezone()
    except ValueError:
        return read_at[:10]
    today = (now or datetime.now(UTC)).astimezone().date()
    if moment.date() == today:
        return f"today {moment:%H:%M}"
    if moment.date() == today - timedelta(days=1):
        return f"yesterday {moment:%H:%M}"
    return f"{moment:%Y-%m-%d}"


def entry_prompt(entry: LibraryEntry, current: bool = False) -> Text:
    """Two lines: the title, then where it is from, its date and when it was read."""
    title = Text(one_line(entry.display_name, 90), style="bold")
    if current:
        title.append("  (open now)", style="italic")
    details = [one_line(where_from(entry), 80)]
    if entry.date:
        details.append(entry.date)
    details.append(f"read {when_read(entry.read_at)}")
    if entry.saved_summaries:
        count = len(entry.saved_summaries)
        details.append(f"{count} summar{'y' if count == 1 else 'ies'} saved")
    return Text.assemble(title, "\n", (" · ".join(details), "dim"))


class LibraryScreen(ModalScreen[str | None]):
    """Recent articles; dismisses with the chosen one's source, or None."""

    # This screen's own layout, kept here (screen-scoped, above the shared ``.dialog``
    # rules) while styles/app.tcss is being reworked; it can move there unchanged.
    CSS = """
    #library-dialog {
        width: 100;
        height: 80%;
    }
    #library-list {
        height: 1fr;
        margin-top: 1;
    }
    #library-empty {
        height: auto;
        color: $text-muted;
        margin: 1 0 0 0;
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="library.close", tooltip="Back to the article"),
        Binding(
            "d,delete",
            "delete",
            "Delete",
            id="library.delete",
            tooltip="Forget the chosen article (asks first; saved summaries stay)",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="library.search",
            tooltip="Filter by title, site or address",
        ),
    ]

    def __init__(self, library: Library, current: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.current = current
        self.entries: list[LibraryEntry] = []
        """What the list shows, in order."""

    def compose(self) -> ComposeResult:
        with Vertical(id="library-dialog", classes="dialog"):
            yield Label(Text("Library: articles you have read"), classes="dialog-title")
            yield Input(placeholder="Search titles, sites and addresses", id="library-search")
            yield Label("", id="library-empty")
            yield OptionList(id="library-list")
            yield Label(
                Text("Enter opens where you stopped · d deletes · / searches · Escape closes"),
                classes="dialog-hint",
            )
        yield Footer()  # this screen's keys, not the reader's underneath

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#library-list", OptionList)

    @property
    def search(self) -> Input:
        return self.query_one("#library-search", Input)

    def on_mount(self) -> None:
        self.reload()
        self.option_list.focus()

    def reload(self, keep: int | None = None) -> None:
        """Fill the list from the library, filtered by the search box."""
        query = self.search.value.strip()
        self.entries = self.library.recent(LIMIT, query=query or None)
        options = self.option_list
        options.clear_options()
        options.add_options(
            Option(entry_prompt(entry, entry.source == self.current), id=f"entry-{index}")
            for index, entry in enumerate(self.entries)
        )
        empty = self.query_one("#library-empty", Label)
        if self.entries:
            options.highlighted = min(keep or 0, len(self.entries) - 1)
            empty.display = False
        else:
            empty.update(Text(self._empty_reason(query)))
            empty.display = True
        options.display = bool(self.entries)

    def _empty_reason(self, query: str) -> str:
        if not self.library.enabled:
            return f"The reading library is unavailable: {self.library.problem or 'unknown'}."
        if query:
            return f"No article matches “{one_line(query, 60)}”."
        return "No articles yet. Open one with 'byline FILE' or 'byline URL'."

    @property
    def chosen(self) -> LibraryEntry | None:
        """The highlighted entry."""
        index = self.option_list.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    @on(Input.Changed, "#library-search")
    def _search_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#library-search")
    def _search_submitted(self) -> None:
        if self.entries:
            self.option_list.focus()
            self._open(self.chosen)

    def on_key(self, event: events.Key) -> None:
        # Down from the search box goes to the list.
        if event.key == "down" and self.focused is self.search and self.entries:
            self.option_list.focus()
            event.stop()

    @on(OptionList.OptionSelected, "#library-list")
    def _selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self._open(self.chosen)

    def _open(self, entry: LibraryEntry | None) -> None:
        if entry is not None:
            self.dismiss(entry.source)

    def action_search(self) -> None:
        self.search.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        entry = self.chosen
        if entry is None:
            self.notify("Nothing to delete.", markup=False)
            return
        index = self.option_list.highlighted
        name = one_line(entry.display_name, 80)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if self.library.delete(entry.source):
                self.notify(f"Removed “{name}” from the library.", markup=False)
            else:
                reason = self.library.problem or "it was not in the library"
                self.notify(f"Not removed: {reason}.", severity="error", markup=False)
            self.reload(keep=index)

        self.app.push_screen(
            ConfirmScreen(
                f"Remove “{name}” from the library? Its cached copy and reading position "
                "are forgotten; saved summaries stay on disk.",
                "Delete",
            ),
            answered,
        )
