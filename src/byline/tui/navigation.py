"""AnalysisNavigator: the reader's place in the analysis, shown everywhere at once.

Jumping to a quote, an entity's mention or a summary sentence highlights it in the
article, scrolls to it, selects it in the side panel and says where the reader is in the
status line. The app keeps the state (its ``quote_index``, ``entity_index``,
``mention_index`` and ``summary_size`` reactives) and calls this to show it. Must not
import the analysis pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.tui.app import BylineApp


class AnalysisNavigator:
    """Steps through and shows quotes, mentions and the summary for ``app``."""

    def __init__(self, app: BylineApp) -> None:
        self.app = app

    def _go_to(self, layer: str, start: int, end: int) -> None:
        """Mark ``[start, end)`` in highlight ``layer`` and scroll it into view."""
        self.app.article.set_highlights(layer, [(start, end)])
        self.app.article.scroll_to_offset(start, end)

    def _bring_forward(self, tab_id: str) -> None:
        """Show ``tab_id`` in the side panel, unless the reader hid the panel."""
        if self.app.show_side_panel:
            self.app.side_panel.show_tab(tab_id)

    # -- quotes ------------------------------------------------------------------

    def step_quote(self, step: int) -> None:
        """Go to the next (``+1``) or previous (``-1``) quote, wrapping around."""
        app = self.app
        analysis = app.require_analysis()
        if analysis is None:
            return
        if not analysis.quotes:
            app.notify("This article has no direct quotes.", markup=False)
            return
        if app.quote_index is None:
            app.quote_index = 0 if step > 0 else len(analysis.quotes) - 1
        else:
            app.quote_index = (app.quote_index + step) % len(analysis.quotes)

    def show_quote(self, index: int | None) -> None:
        app = self.app
        analysis = app.analysis
        if analysis is None or index is None:
            app.article.set_highlights("quote", [])
            return
        from byline.tui.widgets.quote_panel import speaker_label

        quote = analysis.quotes[index]
        self._go_to("quote", quote.start, quote.end)
        self._bring_forward("tab-quotes")
        app.side_panel.quotes.select_quote(index)
        app.status.say(
            (f"Quote {index + 1} of {len(analysis.quotes)}", "bold"),
            " · speaker: ",
            (speaker_label(quote), "bold" if quote.speaker else "italic"),
        )

    # -- entities ----------------------------------------------------------------

    def step_mention(self, step: int) -> None:
        """Go to the next or previous mention of the current entity (the first entity's
        first or last mention when none is chosen)."""
        app = self.app
        analysis = app.require_analysis()
        if analysis is None:
            return
        if not analysis.entities:
            app.notify("No named entities in this article.", markup=False)
            return
        if app.entity_index is None:
            app.set_reactive(type(app).mention_index, 0 if step > 0 else -1)
            app.entity_index = 0
            return
        count = len(analysis.entities[app.entity_index].mentions)
        app.mention_index = (app.mention_index + step) % max(1, count)

    def show_entity(self, index: int | None) -> None:
        app = self.app
        analysis = app.analysis
        if analysis is None or index is None:
            app.article.set_highlights("mention", [])
            return
        entity = analysis.entities[index]
        app.article.set_highlights("mention", [(m.start, m.end) for m in entity.mentions])
        self._bring_forward("tab-entities")
        app.side_panel.entities.select_entity(index)
        app.mention_index = app.mention_index % max(1, len(entity.mentions))

    def show_mention(self, position: int) -> None:
        app = self.app
        analysis = app.analysis
        if analysis is None or app.entity_index is None:
            return
        from byline.tui.widgets.entity_panel import TYPE_NAMES

        entity = analysis.entities[app.entity_index]
        if not entity.mentions:
            return
        mention = entity.mentions[position % len(entity.mentions)]
        self._go_to("current", mention.start, mention.end)
        app.status.say(
            (one_line(entity.name, 60), "bold"),
            f" ({TYPE_NAMES[entity.type]}) · mention {position % len(entity.mentions) + 1}"
            f" of {len(entity.mentions)} · e next, E previous",
        )

    # -- summary -----------------------------------------------------------------

    def change_summary_size(self, step: int) -> None:
        """Make the summary a sentence longer (``+1``) or shorter (``-1``)."""
        app = self.app
        analysis = app.require_analysis()
        if analysis is None or not analysis.sentences:
            return
        size = max(1, min(len(analysis.sentences), app.summary_size + step))
        if size == app.summary_size:
            limit = "shortest" if step < 0 else "longest"
            app.notify(f"The summary is already at its {limit} ({size}).", markup=False)
            return
        app.summary_size = size
        self._bring_forward("tab-summary")

    def show_summary(self, size: int) -> None:
        app = self.app
        analysis = app.analysis
        if analysis is None:
            return
        app.side_panel.show_summary(analysis, analysis.summary_of(size))
        self.refresh_summary_layer()

    def refresh_summary_layer(self) -> None:
        """Mark the summary in the article, only while its tab is showing."""
        app = self.app
        analysis = app.analysis
        spans: list[tuple[int, int]] = []
        if analysis is not None and app.side_panel.active_tab == "tab-summary":
            spans = [
                (analysis.sentences[i].start, analysis.sentences[i].end)
                for i in analysis.summary_of(app.summary_size)
            ]
        app.article.set_highlights("summary", spans)

    def show_sentence(self, index: int) -> None:
        app = self.app
        analysis = app.analysis
        if analysis is None:
            return
        sentence = analysis.sentences[index]
        self._go_to("current", sentence.start, sentence.end)
