"""QuotePanel: the article's direct quotes, each under its speaker.

Must not import the analysis pipeline (only its data model).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from byline.analysis.model import Analysis
from byline.tui.labels import language_caution, speaker_label
from byline.tui.text import one_line
from byline.tui.widgets.panel_base import PanelBase


class QuotePanel(PanelBase):
    """Quotes in article order; choosing one jumps to it."""

    @dataclass
    class QuoteChosen(Message):
        """The reader chose a quote in the list."""

        index: int
        """Index into ``Analysis.quotes``."""

    def show_analysis(self, analysis: Analysis, summary: tuple[int, ...] = ()) -> None:
        """Fill the list from ``analysis`` (the summary is not this tab's)."""
        options: list[Option | None] = []
        for index, quote in enumerate(analysis.quotes):
            prompt = Text()
            prompt.append(f"{index + 1}. ", style="dim")
            prompt.append(speaker_label(quote), style="bold" if quote.speaker else "italic")
            prompt.append("\n")
            prompt.append(one_line(analysis.text[quote.start : quote.end], 140))
            if index:
                options.append(None)
            options.append(Option(prompt, id=f"quote-{index}"))
        option_list = self.option_list
        option_list.clear_options()
        option_list.add_options(options)
        count = len(analysis.quotes)
        status = (
            f"{count} quote{'' if count == 1 else 's'} · ] next  [ prev"
            if count
            else "No direct quotes found."
        )
        caution = language_caution(analysis)
        self.show_ready(f"{caution}\n{status}" if caution else status)

    def select(self, index: int) -> None:
        """Put the list's cursor on quote ``index``."""
        self.highlight_option(f"quote-{index}")

    @on(OptionList.OptionSelected, ".panel-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("quote-"):
            self.post_message(self.QuoteChosen(int(option_id.removeprefix("quote-"))))
