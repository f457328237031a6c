"""ReaderFooter: Textual's footer, which on a narrow terminal keeps the keys that matter.

At 60 columns the full footer is cut on the right, losing ``q Quit`` and ``? Help``
first. Below :data:`NARROW_WIDTH` this footer shows only :data:`NARROW_ACTIONS`, plus the
side panel's key (``t``), which the narrow layout hides; while a search is on, ``n``/``N``
take the place of ``/`` (the search is open) and of ``}``, under short names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual import events
    from textual.app import ComposeResult

NARROW_WIDTH = 80
"""Below this many columns (the reader's ``-narrow`` breakpoint) the footer is cut down."""
NARROW_ACTIONS = frozenset(
    {"next_attribution", "search_step(1)", "search_step(-1)", "search", "help", "quit"}
)
"""The keys a narrow footer keeps (the side panel's key is added after them)."""
PANEL_ACTION = "toggle_side_panel"
SEARCH_STEPS = {"search_step(1)": "Next", "search_step(-1)": "Prev"}
"""The narrow footer's names for ``n`` and ``N`` (60 columns hold them and ``t``)."""
SHORT_NAMES = {**SEARCH_STEPS, "next_attribution": "Claim", "search": "Find"}
"""The narrow footer's short names, so that 60 columns hold every key it keeps."""
GIVE_WAY = frozenset({"search", "next_attribution"})
"""What a narrow footer leaves out while a search is on, to make room for ``n`` and ``N``."""


class ReaderFooter(Footer):
    """The footer; narrow, it names the essential keys and the hidden side panel's."""

    narrow: reactive[bool] = reactive(False, recompose=True)
    """Whether the footer is narrower than :data:`NARROW_WIDTH` (it sets this itself)."""
    panel_shown: reactive[bool] = reactive(False)
    """Whether the side panel is on screen (the app keeps this current)."""

    def watch_panel_shown(self) -> None:
        # Only the narrow footer names the panel's key: a wide one is not rebuilt (its
        # keys are mounted anew, which cost most of what ``t`` took).
        if self.narrow:
            self.refresh(recompose=True)

    def on_resize(self, event: events.Resize) -> None:
        self.narrow = event.size.width < NARROW_WIDTH

    def compose(self) -> ComposeResult:
        if not self.narrow:
            yield from super().compose()
            return
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        searching = any(key.action in SEARCH_STEPS for key in keys)
        for widget in widgets:
            if not isinstance(widget, FooterKey) or widget.has_class("-command-palette"):
                yield widget
            elif widget.action in NARROW_ACTIONS and not (searching and widget.action in GIVE_WAY):
                widget.description = SHORT_NAMES.get(widget.action, widget.description)
                yield widget
        panel = self._panel_key()
        if panel is not None:
            yield panel

    def _panel_key(self) -> FooterKey | None:
        """``t Show panel`` (or ``Hide panel``), under whatever key the keymap gives it."""
        if not self._bindings_ready:
            return None
        for _namespace, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action == PANEL_ACTION:
                return FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    "Hide panel" if self.panel_shown else "Show panel",
                    binding.action,
                    disabled=not enabled,
                    tooltip=binding.tooltip,
                ).data_bind(compact=Footer.compact)
        return None
