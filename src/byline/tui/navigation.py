"""Where the reader goes in the analysis: plain decisions over an ``Analysis``.

Jumping to a quote, to any attribution (who said what, quoted or reported) or a hedge, to
an entity's mentions or one of them, or to a summary sentence is decided here as a
:class:`Focus`: which highlight layers mark what, where the article scrolls, which
side-panel entry is selected and what the status line says. The app
applies a focus with one method (``BylineApp.apply_focus``). Stepping through quotes and
mentions (wrapping both ways) and the summary's length are plain functions too, so all of
this is tested without a terminal. No Textual; the data model only when typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from byline.tui.labels import KIND_LABELS, NO_SOURCE, TYPE_NAMES, speaker_label
from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.analysis.model import Analysis, Attribution

Span = tuple[int, int]
"""``(start, end)`` character offsets into the article text."""
StatusPart = str | tuple[str, str]
"""Plain text, or ``(text, rich_style)``: what ``StatusLine.say`` takes."""

NO_QUOTES = "This article has no direct quotes."
NO_ENTITIES = "No named entities in this article."
NO_ATTRIBUTIONS = "This article attributes nothing to anyone."
SOURCES_TAB = "tab-sources"
CLAIM_LAYERS = ("claim", "source")
"""The layers an attribution's marks take: its content, and its source and cue."""


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
    also: tuple[tuple[str, tuple[Span, ...]], ...] = ()
    """Other layers to fill at the same time, ``(layer, spans)`` each (no spans: clear
    it), such as an attribution's source and cue beside its content."""


def step_index(current: int | None, step: int, count: int) -> int:
    """The next (``step`` > 0) or previous index among ``count``, wrapping around; from
    None, the first or the last. ``count`` must be positive."""
    if current is None:
        return 0 if step > 0 else count - 1
    return (current + step) % count


def quote_attribution(analysis: Analysis, index: int) -> int | None:
    """The attribution of quote ``index`` (a direct one, on the same span), or None."""
    quote = analysis.quotes[index]
    for number, attribution in enumerate(analysis.attributions):
        if (attribution.start, attribution.end) == (quote.start, quote.end):
            return number
    return None


def quote_focus(analysis: Analysis, index: int) -> Focus:
    """Go to quote ``index``: mark it (and take an attribution's marks off), select it in
    the Sources tab, name its speaker."""
    quote = analysis.quotes[index]
    span = (quote.start, quote.end)
    return Focus(
        "quote",
        (span,),
        scroll=span,
        tab=SOURCES_TAB,
        item=quote_attribution(analysis, index),
        status=(
            (f"Quote {index + 1} of {len(analysis.quotes)}", "bold"),
            " · speaker: ",
            (speaker_label(quote), "bold" if quote.speaker else "italic"),
        ),
        also=tuple((layer, ()) for layer in CLAIM_LAYERS),
    )


def source_and_cue(attribution: Attribution) -> tuple[Span, ...]:
    """Where the text names an attribution's source and its cue, in article order."""
    spans = (attribution.source_span, attribution.cue_span)
    return tuple(sorted((s.start, s.end) for s in spans if s is not None))


def attribution_status(attribution: Attribution) -> tuple[StatusPart, ...]:
    """The status line's account of a claim: "reported · Alibaba (said)"."""
    parts: list[StatusPart] = [(KIND_LABELS[attribution.kind], "bold"), " · "]
    if attribution.source:
        parts.append((one_line(attribution.source, 60), "bold"))
    else:
        parts.append((NO_SOURCE, "italic"))
    if attribution.cue:
        parts.append(f" ({one_line(attribution.cue, 40)})")
    return tuple(parts)


def attribution_focus(analysis: Analysis, index: int) -> Focus:
    """Go to attribution ``index``: mark its content, its source and its cue (and take a
    quote's mark off), select it in the Sources tab, say its kind and source."""
    attribution = analysis.attributions[index]
    span = (attribution.start, attribution.end)
    marks = source_and_cue(attribution)
    around = (span, *marks)
    return Focus(
        "claim",
        (span,),
        scroll=(min(s for s, _ in around), max(e for _, e in around)),
        tab=SOURCES_TAB,
        item=index,
        status=(
            (f"Claim {index + 1} of {len(analysis.attributions)}", "bold"),
            " · ",
            *attribution_status(attribution),
        ),
        also=(("source", marks), ("quote", ())),
    )


def hedge_focus(analysis: Analysis, index: int) -> Focus:
    """Go to hedge ``index`` (chosen in the Sources tab): its marker is the current place."""
    hedge = analysis.hedges[index]
    span = (hedge.start, hedge.end)
    return Focus(
        "current",
        (span,),
        scroll=span,
        status=(("hedge", "bold"), " · ", (one_line(hedge.cue, 60), "italic"), " · no source"),
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
