"""The reader's key bindings, each with an id (for keymaps), a short label and a tooltip.

The footer shows about six; the rest are ``show=False`` and appear in the key panel and
the help screen.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

Row = tuple[str, str, str, str, str]
"""One binding kept out of the footer: keys, action, label, id and tooltip."""


def hidden(*rows: Row) -> list[BindingType]:
    """The bindings of a table of rows, all ``show=False`` (the key panel and the help
    screen list them): each group below is a table, not a ``Binding`` call per key."""
    return [
        Binding(keys, action, label, id=binding_id, show=False, tooltip=tooltip)
        for keys, action, label, binding_id, tooltip in rows
    ]


READER_BINDINGS: list[BindingType] = [
    Binding(
        "right_square_bracket",
        "next_quote",
        "Next quote",
        id="reader.next_quote",
        tooltip="Jump to the next quote (wraps to the first)",
    ),
    Binding(
        "left_square_bracket",
        "previous_quote",
        "Prev quote",
        id="reader.previous_quote",
        tooltip="Jump to the previous quote (wraps to the last)",
    ),
    Binding(
        "right_curly_bracket",
        "next_attribution",
        "Next claim",
        id="reader.next_attribution",
        tooltip="Next claim, quoted or reported, with its source (wraps to the first)",
    ),
    Binding(
        "left_curly_bracket",
        "previous_attribution",
        "Prev claim",
        id="reader.previous_attribution",
        show=False,
        tooltip="Previous claim, quoted or reported, with its source (wraps to the last)",
    ),
    Binding(
        "s,ctrl+s",
        "save_summary",
        "Save",
        id="reader.save_summary",
        tooltip="Save the summary and key quotes as Markdown",
    ),
    # A priority binding runs in the app's own queue, before the keys typed after it
    # are forwarded: so they reach the search input. ``action_search`` hands "/" back
    # to a focused input and to dialogs.
    Binding(
        "slash",
        "search",
        "Search",
        id="reader.search",
        tooltip="Find text in the article; Enter goes to the next match",
        priority=True,
    ),
    Binding(
        "question_mark,f1",
        "help",
        "Help",
        id="reader.help",
        tooltip="Show the keys and what the panels mean",
    ),
    Binding("q", "quit", "Quit", id="reader.quit", tooltip="Leave byline"),
    Binding(
        "e",
        "next_mention",
        "Next mention",
        id="reader.next_mention",
        show=False,
        tooltip="Next mention of the chosen entity (the most mentioned one at first)",
    ),
    Binding(
        "E",
        "previous_mention",
        "Prev mention",
        id="reader.previous_mention",
        show=False,
        tooltip="Previous mention of the chosen entity",
    ),
    Binding(
        "plus,equals_sign",
        "summary_size(1)",
        "Longer summary",
        id="reader.summary_longer",
        show=False,
        tooltip="Add a sentence to the summary",
    ),
    Binding(
        "minus",
        "summary_size(-1)",
        "Shorter summary",
        id="reader.summary_shorter",
        show=False,
        tooltip="Take a sentence out of the summary",
    ),
    Binding(
        "t",
        "toggle_side_panel",
        "Panel",
        id="reader.toggle_panel",
        show=False,
        tooltip="Hide or show the side panel",
    ),
    Binding(
        "ctrl+o",
        "open_article",
        "Open",
        id="reader.open_article",
        show=False,
        tooltip="Open another article: a file (Tab completes) or a URL",
    ),
    # Priority, as "/" is: the key typed right after ":" must reach the prompt, not the
    # article (``action_file_command`` hands ":" back to inputs and dialogs).
    Binding(
        "colon",
        "file_command",
        "Files",
        id="reader.file_command",
        show=False,
        tooltip="Then n: next file, p: previous file, e: open another article",
        priority=True,
    ),
    Binding(
        "x",
        "export",
        "Export",
        id="reader.export",
        show=False,
        tooltip="Export the entities, the quotes or the whole analysis",
    ),
    Binding(
        "L",
        "library",
        "Library",
        id="reader.library",
        show=False,
        tooltip="Articles read before: search, reopen where you stopped, delete",
    ),
]

# -- issue 15: the reader's own keys (pager, search like less, copy, open) ---------------

ARTICLE_BINDINGS: list[BindingType] = hidden(
    ("j", "scroll_lines(1)", "Line down", "article.line_down", "Scroll down a line"),
    ("k", "scroll_lines(-1)", "Line up", "article.line_up", "Scroll up a line"),
    ("space,ctrl+f,pagedown", "scroll_pages(1)", "Page down", "article.page_down",
     "Scroll down a screen"),
    ("b,shift+space,ctrl+b,pageup", "scroll_pages(-1)", "Page up", "article.page_up",
     "Scroll up a screen"),
    ("ctrl+d", "scroll_half(1)", "Half page down", "article.half_down",
     "Scroll down half a screen"),
    ("ctrl+u", "scroll_half(-1)", "Half page up", "article.half_up", "Scroll up half a screen"),
    ("g,home", "scroll_edge(-1)", "Top", "article.top", "Go to the top of the article"),
    ("G,end", "scroll_edge(1)", "Bottom", "article.bottom", "Go to the end of the article"),
)  # fmt: skip
"""The pager keys of the article view (less's, alongside the arrows): they move at once,
without an animation."""

SEARCH_BINDINGS: list[BindingType] = [
    Binding("n", "search_step(1)", "Next match", id="reader.next_match",
            tooltip="Go to the next match of the search (wraps to the first)"),
    Binding("N", "search_step(-1)", "Prev match", id="reader.previous_match",
            tooltip="Go to the previous match of the search (wraps to the last)"),
    Binding("escape", "close_search", "Close search", id="reader.close_search", show=False,
            tooltip="Close the search and clear its highlights"),
]  # fmt: skip
"""While a search is on (``check_action``), ``n``/``N`` walk its matches, as in less and
vim; otherwise they are the next and previous quote (:data:`QUOTE_LETTER_BINDINGS`,
listed after these so that these are tried first)."""

QUOTE_LETTER_BINDINGS: list[BindingType] = hidden(
    ("n", "next_quote", "Next quote", "reader.next_quote_letter",
     "Jump to the next quote (when no search is on)"),
    ("p,N", "previous_quote", "Prev quote", "reader.previous_quote_letter",
     "Jump to the previous quote (N: when no search is on)"),
)  # fmt: skip
"""The letters for the quotes beside ``]``/``[`` (their ids apart, for keymaps)."""

COPY_OPEN_BINDINGS: list[BindingType] = hidden(
    ("y", "copy", "Copy", "reader.copy",
     "Copy the selection, the current quote with its speaker, or the chosen summary sentence"),
    ("Y", "copy_summary", "Copy summary", "reader.copy_summary", "Copy the whole summary"),
    ("o", "open_in_browser", "Open in browser", "reader.open_in_browser",
     "Open the web article in your browser"),
)  # fmt: skip
"""Copy through the terminal's clipboard (OSC 52) and open the page in a browser."""

APP_BINDINGS: list[BindingType] = [
    *READER_BINDINGS,
    *SEARCH_BINDINGS,
    *QUOTE_LETTER_BINDINGS,
    *COPY_OPEN_BINDINGS,
]
"""Every binding of the reader app, in the order the keys are tried."""

PANEL_LIST_BINDINGS: list[BindingType] = hidden(
    ("j", "cursor_down", "Down", "panel.down", "The next entry of the list"),
    ("k", "cursor_up", "Up", "panel.up", "The previous entry of the list"),
    ("g", "first", "First", "panel.first", "The first entry of the list"),
    ("G", "last", "Last", "panel.last", "The last entry of the list"),
)  # fmt: skip
"""The side panel's lists move with the pager's keys too (and the arrows, Home, End)."""

SIDE_PANEL_BINDINGS: list[BindingType] = hidden(
    ("down", "enter_list", "Into the list", "panel.enter_list",
     "From the tab names into the tab's list"),
)  # fmt: skip
"""``↓`` on the tab names goes into the list below them (their own keys are ← and →)."""
