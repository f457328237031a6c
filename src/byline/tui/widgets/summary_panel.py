"""SummaryPanel: the summary sentences, as many as the reader asked for."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from byline.analysis.model import Analysis
from byline.tui.text import one_line
from byline.tui.widgets.panel_base import PanelBase, PanelState


class SummaryPanel(PanelBase):
    """The summary's sentences in article order; choosing one jumps to it."""

    @dataclass
    class SentenceChosen(Message):
        """The reader chose a summary sentence."""

        index: int
        """Index into ``Analysis.sentences``."""

    def changed(self, old: PanelState, new: PanelState) -> bool:
        return old.summary != new.summary

    def show_analysis(self, analysis: Analysis, indices: tuple[int, ...] = ()) -> None:
        """Show the summary's sentences, ``indices`` (already in article order)."""
        options: list[Option | None] = []
        for i in indices:
            if options:
                options.append(None)
            options.append(Option(Text(one_line(analysis.sentence_text(i))), id=f"sentence-{i}"))
        option_list = self.option_list
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(options)
        if indices and highlighted is not None:
            option_list.highlighted = min(highlighted, option_list.option_count - 1)
        total = len(analysis.sentences)
        if total:
            status = f"{len(indices)} of {total} sentences · + longer, - shorter"
        else:
            status = "No sentences to summarise."
        self.show_ready(status)

    def select(self, index: int) -> None:
        """Put the list's cursor on sentence ``index`` (when the summary has it)."""
        self.highlight_option(f"sentence-{index}")

    @on(OptionList.OptionSelected, ".panel-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("sentence-"):
            self.post_message(self.SentenceChosen(int(option_id.removeprefix("sentence-"))))
