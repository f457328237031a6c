"""ExportChoiceScreen: which part of the analysis to export; dismisses with its kind.

The choices are ``exporting.EXPORTS``; a number key picks one at once. It only asks:
the app asks where and writes.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.exporting import EXPORTS


class ExportChoiceScreen(ModalScreen[str | None]):
    """The exports as a list; Enter or a number picks one, Escape returns None."""

    BINDINGS = [
        Binding(
            "escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without exporting"
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(Text("Export"), classes="dialog-title")
            yield OptionList(
                *(
                    Option(
                        Text.assemble(
                            (f"{number}  ", "dim"), export.label, (f"  {export.format}", "dim")
                        ),
                        id=export.kind,
                    )
                    for number, export in enumerate(EXPORTS, 1)
                ),
                id="export-list",
            )
            yield Label(
                Text(f"Enter or 1-{len(EXPORTS)} chooses, then where it goes · Escape cancels"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        options = self.query_one("#export-list", OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#export-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(EXPORTS):
                event.stop()
                self.dismiss(EXPORTS[index].kind)

    def action_cancel(self) -> None:
        self.dismiss(None)
