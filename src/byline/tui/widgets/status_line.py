"""StatusLine: one line under the article saying what the reader is looking at."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    """Plain text only: whatever it shows is built as ``rich.text.Text``, never markup."""

    def say(self, *parts: str | tuple[str, str]) -> None:
        """Show ``parts``: plain strings, or ``(text, rich_style)`` pairs."""
        self.text = Text.assemble(*parts)
        self.update(self.text)

    @property
    def plain(self) -> str:
        """The words on the line now."""
        return getattr(self, "text", Text()).plain
