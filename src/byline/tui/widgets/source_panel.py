"""SourcePanel: who said what, every claim under its source, then the hedges.

What it lists, and in which order, is decided by ``tui/sources.py`` over the core's
grouping; this only draws it: a heading per source with its kind and counts, each claim
marked as a quote or as reported, the claims with no source, and the hedges. The list is
an ``OptionList``, which lays out only the entries it shows, so a long article's hundreds
of claims stay quick to scroll. Article text is data: every prompt is a ``Text``, never
markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from byline.analysis.model import Analysis
from byline.tui.labels import language_caution
from byline.tui.sources import Claim, Heading, Row, header, source_rows
from byline.tui.widgets.panel_base import PanelBase

KEYS_HINT = "} next  { prev · ] quote  [ prev quote"


def _option(row: Row) -> Option:
    prompt = Text()
    if isinstance(row, Heading):
        prompt.append(row.title, style="bold" if row.named else "bold italic")
        if row.detail:
            prompt.append(f" · {row.detail}", style="dim")
        return Option(prompt, id=row.option_id, disabled=True)
    if isinstance(row, Claim):
        prompt.append(row.label, style="bold" if row.label == "quote" else "italic")
        if row.cue:
            prompt.append(f" · {row.cue}", style="dim")
    else:
        prompt.append("hedge", style="italic")
        prompt.append(f" · {row.cue}", style="dim")
    prompt.append("\n")
    prompt.append(row.text)
    return Option(prompt, id=row.option_id)


class SourcePanel(PanelBase):
    """Claims by source, most prominent first; choosing one jumps to it."""

    @dataclass
    class AttributionChosen(Message):
        """The reader chose a claim in the list."""

        index: int
        """Index into ``Analysis.attributions``."""

    @dataclass
    class HedgeChosen(Message):
        """The reader chose a hedge in the list."""

        index: int
        """Index into ``Analysis.hedges``."""

    def show_analysis(self, analysis: Analysis, summary: tuple[int, ...] = ()) -> None:
        """Fill the list from ``analysis`` (the summary is not this tab's)."""
        options: list[Option | None] = []
        for row in source_rows(analysis):
            if isinstance(row, Heading) and options:
                options.append(None)
            options.append(_option(row))
        option_list = self.option_list
        option_list.clear_options()
        option_list.add_options(options)
        if analysis.attributions or analysis.hedges:
            status = f"{header(analysis)}\n{KEYS_HINT}"
        else:
            status = "No one is quoted or reported."
        caution = language_caution(analysis)
        self.show_ready(f"{caution}\n{status}" if caution else status)

    def select(self, index: int) -> None:
        """Put the list's cursor on attribution ``index``."""
        self.highlight_option(f"attribution-{index}")

    @on(OptionList.OptionSelected, ".panel-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("attribution-"):
            self.post_message(self.AttributionChosen(int(option_id.removeprefix("attribution-"))))
        elif option_id.startswith("hedge-"):
            self.post_message(self.HedgeChosen(int(option_id.removeprefix("hedge-"))))
