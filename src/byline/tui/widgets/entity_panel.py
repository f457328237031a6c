"""EntityPanel: the article's named entities, grouped by type with mention counts.

Must not import the analysis pipeline (only its data model).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from byline.analysis.model import ENTITY_TYPES, Analysis
from byline.tui.labels import TYPE_HEADINGS, language_caution
from byline.tui.text import one_line
from byline.tui.widgets.panel_base import PanelBase


class EntityPanel(PanelBase):
    """Entities under a heading per type; choosing one highlights its mentions."""

    @dataclass
    class EntityChosen(Message):
        """The reader chose an entity in the list."""

        index: int
        """Index into ``Analysis.entities``."""

    def show_analysis(self, analysis: Analysis, summary: tuple[int, ...] = ()) -> None:
        """Fill the list from ``analysis`` (the summary is not this tab's)."""
        options: list[Option | None] = []
        for kind in ENTITY_TYPES:
            members = [(i, e) for i, e in enumerate(analysis.entities) if e.type == kind]
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
        caution = language_caution(analysis)
        if analysis.entities:
            self.show_ready(caution or "")
        else:
            self.show_ready("No named entities found." + (f" {caution}" if caution else ""))

    def select(self, index: int) -> None:
        """Put the list's cursor on entity ``index``."""
        self.highlight_option(f"entity-{index}")

    @on(OptionList.OptionSelected, ".panel-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("entity-"):
            self.post_message(self.EntityChosen(int(option_id.removeprefix("entity-"))))
