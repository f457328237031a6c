"""FocusActions: where the reader is in the analysis, and the keys and clicks that move it.

The quote, claim and entity mention the reader went to, and how long the summary is, are
reactives here; the ``n``/``N``-style actions and the side panel's "chosen" messages set
them, and each ``watch_*`` applies the :class:`~byline.tui.navigation.Focus` that the
plain functions of ``navigation.py`` decide. Between
:class:`~byline.tui.app_actions.ReaderActions` (other articles, exports, settings) and
``BylineApp`` (opening and analysing articles): still the one mediator, split by subject
so each module stays short. The widgets only post messages; nothing here holds the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive

from byline.tui import navigation
from byline.tui.app_actions import ReaderActions
from byline.tui.widgets.panel_base import PanelState

if TYPE_CHECKING:
    from byline.tui.widgets.entity_panel import EntityPanel
    from byline.tui.widgets.source_panel import SourcePanel
    from byline.tui.widgets.summary_panel import SummaryPanel


class FocusActions(ReaderActions):
    """Step through quotes, claims and mentions, and lengthen or shorten the summary."""

    quote_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The quote the reader jumped to (index into ``Analysis.quotes``), or None."""
    attribution_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The claim the reader jumped to (index into ``Analysis.attributions``), or None."""
    entity_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The entity whose mentions are highlighted, or None."""
    mention_index: reactive[int] = reactive(0, always_update=True, init=False)
    """Which mention of the chosen entity is current."""
    summary_size: reactive[int] = reactive(0, init=False)
    """How many sentences the summary keeps (1..number of sentences once analysed)."""

    def _step_quote(self, step: int) -> None:
        analysis = self.require_analysis()
        if analysis is None:
            return
        if not analysis.quotes:
            self.notify(navigation.NO_QUOTES, markup=False)
            return
        self.quote_index = navigation.step_index(self.quote_index, step, len(analysis.quotes))

    def action_next_quote(self) -> None:
        self._step_quote(+1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def watch_quote_index(self, index: int | None) -> None:
        if self.analysis is None or index is None:
            self.article.set_highlights("quote", [])
        else:
            self.copy_choice = ("quote", index)
            self.apply_focus(navigation.quote_focus(self.analysis, index))

    def _step_attribution(self, step: int) -> None:
        analysis = self.require_analysis()
        if analysis is None:
            return
        if not analysis.attributions:
            self.notify(navigation.NO_ATTRIBUTIONS, markup=False)
            return
        count = len(analysis.attributions)
        self.attribution_index = navigation.step_index(self.attribution_index, step, count)

    def action_next_attribution(self) -> None:
        self._step_attribution(+1)

    def action_previous_attribution(self) -> None:
        self._step_attribution(-1)

    def watch_attribution_index(self, index: int | None) -> None:
        if self.analysis is None or index is None:
            for layer in navigation.CLAIM_LAYERS:
                self.article.set_highlights(layer, [])
        else:
            self.copy_choice = ("claim", index)
            self.apply_focus(navigation.attribution_focus(self.analysis, index))

    def on_source_panel_attribution_chosen(self, message: SourcePanel.AttributionChosen) -> None:
        self.attribution_index = message.index

    def on_source_panel_hedge_chosen(self, message: SourcePanel.HedgeChosen) -> None:
        if self.analysis is not None:
            self.apply_focus(navigation.hedge_focus(self.analysis, message.index))

    def _step_mention(self, step: int) -> None:
        """The next or previous mention of the chosen entity (the first entity's first or
        last mention when none is chosen)."""
        analysis = self.require_analysis()
        if analysis is None:
            return
        if not analysis.entities:
            self.notify(navigation.NO_ENTITIES, markup=False)
        elif self.entity_index is None:
            self.set_reactive(FocusActions.mention_index, 0 if step > 0 else -1)
            self.entity_index = 0
        else:
            count = navigation.mention_count(analysis, self.entity_index)
            self.mention_index = (self.mention_index + step) % count

    def action_next_mention(self) -> None:
        self._step_mention(+1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def choose_entity(self, index: int) -> None:
        """Highlight every mention of entity ``index`` and go to its first."""
        self.set_reactive(FocusActions.mention_index, 0)
        self.entity_index = index

    def watch_entity_index(self, index: int | None) -> None:
        if self.analysis is None or index is None:
            self.article.set_highlights("mention", [])
            return
        self.apply_focus(navigation.entity_focus(self.analysis, index))
        self.mention_index %= navigation.mention_count(self.analysis, index)

    def watch_mention_index(self, position: int) -> None:
        if self.analysis is not None and self.entity_index is not None:
            focus = navigation.mention_focus(self.analysis, self.entity_index, position)
            if focus is not None:
                self.apply_focus(focus)

    def on_entity_panel_entity_chosen(self, message: EntityPanel.EntityChosen) -> None:
        self.choose_entity(message.index)

    def action_summary_size(self, step: int) -> None:
        """Make the summary a sentence longer (``+1``) or shorter (``-1``)."""
        analysis = self.require_analysis()
        if analysis is None or not analysis.sentences:
            return
        size = navigation.resized_summary(analysis, self.summary_size, step)
        if size == self.summary_size:
            self.notify(navigation.summary_limit_notice(size, step), markup=False)
            return
        self.summary_size = size
        self.bring_forward("tab-summary")

    def watch_summary_size(self, size: int) -> None:
        if self.analysis is not None:
            self.side_panel.state = PanelState(self.analysis, self.analysis.summary_of(size))
            self._mark_summary()

    def _mark_summary(self) -> None:
        showing = self.analysis is not None and self.side_panel.active_tab == "tab-summary"
        analysis = self.analysis
        self.mark_summary(
            navigation.summary_spans(analysis, self.summary_size) if analysis and showing else []
        )

    def on_tabbed_content_tab_activated(self) -> None:
        if self.is_laid_out:  # the tabs may say so late, while the reader closes
            self._mark_summary()

    def on_summary_panel_sentence_chosen(self, message: SummaryPanel.SentenceChosen) -> None:
        if self.analysis is not None:
            self.copy_choice = ("sentence", message.index)
            self.apply_focus(navigation.sentence_focus(self.analysis, message.index))
