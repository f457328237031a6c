"""The reader's key bindings, each with an id (for keymaps), a short label and a tooltip.

The footer shows about six; the rest are ``show=False`` and appear in the key panel and
the help screen. Must not import the analysis pipeline.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    Binding(
        "right_square_bracket,n",
        "next_quote",
        "Next quote",
        id="reader.next_quote",
        tooltip="Jump to the next quote (wraps to the first)",
    ),
    Binding(
        "left_square_bracket,p",
        "previous_quote",
        "Prev quote",
        id="reader.previous_quote",
        tooltip="Jump to the previous quote (wraps to the last)",
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
