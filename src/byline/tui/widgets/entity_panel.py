"""EntityPanel: the article's named entities, grouped by type with mention counts.

``/`` in the tab opens a filter: typing keeps the entities whose name contains what is
typed (any case); Enter or ↓ goes to the list, Escape clears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from byline.analysis.model import ENTITY_TYPES, Analysis
from byline.tui.labels import TYPE_HEADINGS, language_caution
from byline.tui.text import one_line
from byline.tui.widgets.panel_base import PanelBase, PanelList

if TYPE_CHECKING:
    from textual.app import ComposeResult

LONG_LIST = 20
"""More entities than this and the tab says that ``/`` filters them."""


def matching(analysis: Analysis, query: str) -> list[int]:
    """The entities whose name contains ``query`` (any case), as indexes; all for ""."""
    needle = " ".join(query.split()).casefold()
    return [
        index
        for index, entity in enumerate(analysis.entities)
        if needle in " ".join(entity.name.split()).casefold()
    ]


class EntityPanel(PanelBase):
    """Entities under a heading per type; choosing one highlights its mentions."""

    HANDLES_SLASH = True
    """``/`` here filters the list (the reader's search hands the key back)."""

    _analysis: Analysis | None = None

    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter",
            id="reader.filter_entities",
            tooltip="Filter the entities by name",
        ),
    ]

    @dataclass
    class EntityChosen(Message):
        """The reader chose an entity in the list."""

        index: int
        """Index into ``Analysis.entities``."""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.ANALYSING), classes="panel-status")
        yield Input(placeholder="filter by name · Escape clears", id="entity-filter")
        yield PanelList(classes="panel-list")

    def on_mount(self) -> None:
        self.filter_input.display = False
        super().on_mount()

    @property
    def filter_input(self) -> Input:
        return self.query_one("#entity-filter", Input)

    @property
    def query_text(self) -> str:
        """What the filter holds ("" when the list is not filtered)."""
        return self.filter_input.value if self.filter_input.display else ""

    def show_analysis(self, analysis: Analysis, summary: tuple[int, ...] = ()) -> None:
        """Fill the list from ``analysis`` (the summary is not this tab's)."""
        self._analysis = analysis
        if self.filter_input.display:  # another article: its list starts whole
            self.filter_input.value = ""
            self.filter_input.display = False
        self._fill(analysis, "")

    def _fill(self, analysis: Analysis, query: str) -> None:
        """The list, with only the entities matching ``query`` (all when it is "")."""
        shown = set(matching(analysis, query))
        options: list[Option | None] = []
        for kind in ENTITY_TYPES:
            members = [
                (i, e) for i, e in enumerate(analysis.entities) if e.type == kind and i in shown
            ]
            if not members:
                continue
            if options:
                options.append(None)
            heading = Text(f"{TYPE_HEADINGS[kind]} · {len(members)}")
            options.append(Option(heading, id=f"heading-{kind}", disabled=True))
            for index, entity in members:
                prompt = Text(one_line(entity.name, 60))
                prompt.append(f"  ×{len(entity.mentions)}", style="dim")
                options.append(Option(prompt, id=f"entity-{index}"))
        option_list = self.option_list
        option_list.clear_options()
        option_list.add_options(options)
        self.show_ready(self._count_line(analysis, query, len(shown)))

    @staticmethod
    def _count_line(analysis: Analysis, query: str, found: int) -> str:
        """The line above the list: how many match the filter, or that ``/`` filters a
        long list; then, for a text that does not look English, the caution."""
        total = len(analysis.entities)
        caution = language_caution(analysis)
        if not total:
            line = "No named entities found."
        elif query.strip():
            words = one_line(query, 30)
            line = f"{found} of {total} match “{words}”" if found else f"None matches “{words}”."
        elif total > LONG_LIST:
            line = f"{total} entities · / filters them"
        else:
            return caution or ""
        return f"{line} {caution}" if caution else line

    def action_filter(self) -> None:
        """Show the filter and put the cursor in it."""
        if self._analysis is None:
            return
        self.filter_input.display = True
        self.filter_input.focus()

    @on(Input.Changed, "#entity-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        analysis = self._analysis
        if analysis is not None:
            self._fill(analysis, event.value)
            self._highlight_first()

    @on(Input.Submitted, "#entity-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.option_list.focus()
        self._highlight_first()

    def _highlight_first(self) -> None:
        option_list = self.option_list
        for index in range(option_list.option_count):
            if not option_list.get_option_at_index(index).disabled:
                option_list.highlighted = index
                return

    def on_key(self, event: events.Key) -> None:
        if self.focused_filter and event.key == "down":
            event.stop()
            self.option_list.focus()
            self._highlight_first()
        elif self.focused_filter and event.key == "escape":
            event.stop()
            self.clear_filter()

    @property
    def focused_filter(self) -> bool:
        return self.screen.focused is self.filter_input

    def clear_filter(self) -> None:
        """Show every entity again and go back to the list."""
        self.filter_input.value = ""
        self.filter_input.display = False
        self.option_list.focus()
        analysis = self._analysis
        if analysis is not None:
            self._fill(analysis, "")

    def select(self, index: int) -> None:
        """Put the list's cursor on entity ``index``."""
        self.highlight_option(f"entity-{index}")

    @on(OptionList.OptionSelected, ".panel-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("entity-"):
            self.post_message(self.EntityChosen(int(option_id.removeprefix("entity-"))))
