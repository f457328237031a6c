"""Where the reader goes in the analysis: plain decisions over an ``Analysis``.

Jumping to a quote, to an entity's mentions or one of them, or to a summary sentence is
decided here as a :class:`Focus`: which highlight layer marks what, where the article
scrolls, which side-panel entry is selected and what the status line says. The app
applies a focus with one method (``BylineApp.apply_focus``). Stepping through quotes and
mentions (wrapping both ways) and the summary's length are plain functions too, so all of
this is tested without a terminal. No Textual; the data model only when typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from byline.tui.labels import TYPE_NAMES, speaker_label
from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.analysis.model import Analysis

Span = tuple[int, int]
"""``(start, end)`` character offsets into the article text."""
StatusPart = str | tuple[str, str]
"""Plain text, or ``(text, rich_style)``: what ``StatusLine.say`` takes."""

NO_QUOTES = "This article has no direct quotes."
NO_ENTITIES = "No named entities in this article."


@dataclass(frozen=True, slots=True)
class Focus:
    """One move of the reader's attention, for the app to show everywhere at once."""

    layer: str
    """The article view's highlight layer to fill (one of ``article_view.LAYERS``)."""
    spans: tuple[Span, ...]
    """What that layer marks now (replacing what it marked)."""
    scroll: Span | None = None
    """The span to bring into view, or None to leave the scroll where it is."""
    tab: str | None = None
    """The side-panel tab to bring forward (unless the reader hid the panel)."""
    item: int | None = None
    """The entry of that tab's list to put the cursor on (an index into the analysis)."""
    status: tuple[StatusPart, ...] = ()
    """What the status line says now (empty: it keeps what it says)."""


def step_index(current: int | None, step: int, count: int) -> int:
    """The next (``step`` > 0) or previous index among ``count``, wrapping around; from
    None, the first or the last. ``count`` must be positive."""
    if current is None:
        return 0 if step > 0 else count - 1
    return (current + step) % count


def quote_focus(analysis: Analysis, index: int) -> Focus:
    """Go to quote ``index``: mark it, select it in the Quotes tab, name its speaker."""
    quote = analysis.quotes[index]
    span = (quote.start, quote.end)
    return Focus(
        "quote",
        (span,),
        scroll=span,
        tab="tab-quotes",
        item=index,
        status=(
            (f"Quote {index + 1} of {len(analysis.quotes)}", "bold"),
            " · speaker: ",
            (speaker_label(quote), "bold" if quote.speaker else "italic"),
        ),
    )


def entity_focus(analysis: Analysis, index: int) -> Focus:
    """Choose entity ``index``: mark all its mentions and select it in the Entities tab
    (the current mention is :func:`mention_focus`'s)."""
    entity = analysis.entities[index]
    spans = tuple((m.start, m.end) for m in entity.mentions)
    return Focus("mention", spans, tab="tab-entities", item=index)


def mention_count(analysis: Analysis, entity: int) -> int:
    """How many mentions entity ``entity`` has, at least 1 (a modulus for stepping)."""
    return max(1, len(analysis.entities[entity].mentions))


def mention_focus(analysis: Analysis, entity: int, position: int) -> Focus | None:
    """Go to mention ``position`` (wrapping) of entity ``entity``; None when it has none."""
    chosen = analysis.entities[entity]
    if not chosen.mentions:
        return None
    number = position % len(chosen.mentions)
    mention = chosen.mentions[number]
    span = (mention.start, mention.end)
    return Focus(
        "current",
        (span,),
        scroll=span,
        status=(
            (one_line(chosen.name, 60), "bold"),
            f" ({TYPE_NAMES[chosen.type]}) · mention {number + 1}"
            f" of {len(chosen.mentions)} · e next, E previous",
        ),
    )


def sentence_focus(analysis: Analysis, index: int) -> Focus:
    """Go to sentence ``index`` (chosen in the Summary tab)."""
    sentence = analysis.sentences[index]
    span = (sentence.start, sentence.end)
    return Focus("current", (span,), scroll=span)


def resized_summary(analysis: Analysis, size: int, step: int) -> int:
    """The summary's length after ``step`` more (or fewer) sentences, within 1..all."""
    return max(1, min(len(analysis.sentences), size + step))


def summary_limit_notice(size: int, step: int) -> str:
    """What to say when the summary cannot get any shorter (``step`` < 0) or longer."""
    limit = "shortest" if step < 0 else "longest"
    return f"The summary is already at its {limit} ({size})."


def summary_spans(analysis: Analysis, size: int) -> list[Span]:
    """The spans of the ``size``-sentence summary, in article order."""
    return [
        (analysis.sentences[i].start, analysis.sentences[i].end) for i in analysis.summary_of(size)
    ]
