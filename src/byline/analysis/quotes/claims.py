"""Every claim with its source: direct quotes, partly quoted and reported speech.

The quote stage's quotes are the direct attributions. Reported claims
(:mod:`.reported`) are then laid over them: one whose content holds a quote and words of
its own around it is **mixed** ("said that Alibaba applauds the “IACC’s approach …”")
and takes the quote's place; one whose content is no more than quotes adds nothing (the
quotes already say it); the rest are **indirect**. A quote that continues the one before
with no cue of its own ("“…,” she said. “…”") shares that quote's cue, so both read as
one claim. Sources are resolved in article order, so "the spokeswoman" and "she" find
whoever spoke before, quoted or reported.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from byline.analysis.document import Document
from byline.analysis.model import Attribution, AttributionKind, Hedge, Quote, Span
from byline.analysis.quotes.cuemodel import CueModel, load_cue_model, stem
from byline.analysis.quotes.hedges import find_hedges, unsourced_claims
from byline.analysis.quotes.reported import Reported, find_reported
from byline.analysis.quotes.roles import RoleTagger, load_role_tagger
from byline.analysis.quotes.scan import QuoteScan
from byline.analysis.quotes.sources import PRONOUN_KINDS, resolve, source_kind
from byline.analysis.quotes.speakers import clause_subject
from byline.analysis.quotes.stretches import words_in

_MIXED_WORDS = 2  # words of its own a content needs beside its quotes to be mixed
_EVIDENTIAL = frozenset({"seem", "appear"})  # stems


def find_attributions(
    doc: Document, cues: CueModel | None = None, roles: RoleTagger | None = None
) -> tuple[tuple[Attribution, ...], tuple[Hedge, ...]]:
    """Every claim of ``doc`` with its source, and the hedges, each in text order.

    Args:
        doc: the article, after the quote stage (its quotes are the direct claims).
        cues: overrides the shipped cue model (training, evaluation).
        roles: overrides the shipped role tagger.

    Returns:
        Direct, mixed and indirect attributions (hedged claims no source covers among
        them, with no source), and the hedges.
    """
    scan = QuoteScan.over_stretches(doc)
    reported = find_reported(
        doc, scan.quoted, cues or load_cue_model(), roles or load_role_tagger()
    )
    claims = merge(scan, doc.quotes, reported)
    hedges = find_hedges(doc, scan.quoted)
    unsourced = unsourced_claims(doc, hedges, claims)
    ordered = sorted((*claims, *unsourced), key=lambda a: (a.start, a.end))
    return tuple(ordered), tuple(hedges)


class _SpanIndex:
    """Spans found by the offsets they overlap, by bisection over their starts: a pass
    over every quote for each claim would grow with the square of the article's length."""

    def __init__(self, spans: Sequence[tuple[int, int] | None]) -> None:
        self._spans = sorted((s[0], s[1], i) for i, s in enumerate(spans) if s is not None)
        self._starts = [span[0] for span in self._spans]
        self._longest = max((end - start for start, end, _ in self._spans), default=0)

    def overlapping(self, start: int, end: int) -> list[int]:
        """The indices, ascending, of the spans ``(s, e)`` with ``s < end`` and ``start < e``."""
        low = bisect_right(self._starts, start - self._longest)  # e <= s + longest
        high = bisect_left(self._starts, end)
        return sorted(i for s, e, i in self._spans[low:high] if start < e)


def merge(
    scan: QuoteScan, quotes: Sequence[Quote], reported: Sequence[Reported]
) -> tuple[Attribution, ...]:
    """Quotes and reported claims as attributions, each quote once, in text order."""
    doc = scan.doc
    absorbed: set[int] = set()
    claims: list[tuple[int, Reported, AttributionKind, Span]] = []
    quote_spans = _SpanIndex([(q.start, q.end) for q in quotes])
    cue_spans = _SpanIndex(
        [(q.cue_span.start, q.cue_span.end) if q.cue_span else None for q in quotes]
    )
    for claim in reported:
        sourceless = claim.source is None and _subject_of(scan, claim) is None
        if sourceless and not evidential(doc, claim):
            # No one says it. An agentless passive ("has been criticized") is left to the
            # hedges, which give it a sourceless claim when it is one: kept here, such
            # claims were right one time in four on the held-out fifth of train.
            continue
        content = doc.span(*claim.content)
        inside = quote_spans.overlapping(content.start, content.end)
        anchor = doc.tokens[claim.anchor]
        own_cue = cue_spans.overlapping(anchor.start, anchor.start + 1)
        if own_cue and (
            not inside or not any(content.start < quotes[i].start for i in own_cue if i in inside)
        ):
            # The cue of a quote: its content mislaid, or its words after the quote
            # ("“…,” Cummings said of the committee") are cue and source, not content.
            continue
        kind: AttributionKind = "indirect"
        if inside:
            start = min(content.start, *(quotes[i].start for i in inside))
            end = max(content.end, *(quotes[i].end for i in inside))
            if _own_words(doc.text, start, end, [quotes[i] for i in inside]) < _MIXED_WORDS:
                continue
            kind = "mixed"
            absorbed.update(inside)
            content = Span(start, end)
        claims.append((content.start, claim, kind, content))
    events: list[tuple[int, int, object]] = [(q.start, 0, i) for i, q in enumerate(quotes)]
    events += [(c[0], 1, c) for c in claims]
    found: list[Attribution] = []
    previous: Attribution | None = None
    for _, order, item in sorted(events, key=lambda e: (e[0], e[1])):
        if order == 0:
            index = item
            assert isinstance(index, int)
            quote = quotes[index]
            speaker = _remember(scan, quote)
            if index in absorbed:
                continue
            attribution = _direct(scan, quote, speaker, previous)
            previous = attribution
        else:
            assert isinstance(item, tuple)
            _, claim, kind, content = item
            attribution = _reported(scan, claim, kind, content)
        found.append(attribution)
    return tuple(sorted(found, key=lambda a: (a.start, a.end)))


def _own_words(text: str, start: int, end: int, quotes: Sequence[Quote]) -> int:
    """Words of ``text[start:end]`` outside the quotes."""
    pieces, at = [], start
    for quote in sorted(quotes, key=lambda q: q.start):
        pieces.append(text[at : max(at, quote.start)])
        at = max(at, quote.end)
    pieces.append(text[at:end])
    return len(words_in(" ".join(pieces)))


def _remember(scan: QuoteScan, quote: Quote) -> str | None:
    """The quote's speaker, noted for later sources to refer back to.

    A description the quote stage left as written ("the letter") may stand for a
    source reported before it ("an anonymous e-mail letter"): it is resolved again here.
    """
    span, speaker = quote.speaker_span, quote.speaker
    if span is None or speaker is None:
        return speaker
    doc = scan.doc
    first, last = doc.index_at(span.start), doc.index_at(span.end) - 1
    words = span.text(doc.text)
    if last < first or doc.tokens[first].pos == "PRP" or speaker != words:
        kind = PRONOUN_KINDS.get(words.lower(), "person")
        scan.history.append((span.start, speaker, kind))
        return speaker
    return resolve(scan, first, last)[1]


def _direct(
    scan: QuoteScan, quote: Quote, speaker: str | None, previous: Attribution | None
) -> Attribution:
    cue, cue_span = quote.cue, quote.cue_span
    if (
        cue_span is None
        and previous is not None
        and previous.kind == "direct"
        and previous.source_span is not None
        and previous.source_span == quote.speaker_span
    ):
        cue, cue_span = previous.cue, previous.cue_span  # "“…,” she said. “…”": one claim
    return Attribution(
        "direct",
        quote.start,
        quote.end,
        speaker,
        quote.speaker_span,
        source_kind(scan, quote.speaker_span, speaker),
        cue,
        cue_span,
    )


def evidential(doc: Document, claim: Reported) -> bool:
    """Whether the cue is "seems" or "appears": the writer's inference, which PolNeAR
    gives no source (its subject is what the claim is about). Sourced, such claims were
    never right on the held-out fifth of train (0 of 18); half had the right content."""
    return stem(doc.tokens[claim.anchor].text) in _EVIDENTIAL


def _subject_of(scan: QuoteScan, claim: Reported) -> tuple[int, int] | None:
    """The subject of a coordinated or participial cue with no source of its own."""
    doc = scan.doc
    token = doc.tokens[claim.anchor]
    if token.pos not in ("VBG", "VBD", "VBZ", "VBP"):
        return None
    subject = clause_subject(scan, claim.anchor)
    if subject is None or subject[1] >= claim.content[0] and subject[0] <= claim.content[1]:
        return None
    return subject


def _reported(
    scan: QuoteScan, claim: Reported, kind: AttributionKind, content: Span
) -> Attribution:
    doc = scan.doc
    cue_span = doc.span(*claim.cue)
    source: str | None = None
    span: Span | None = None
    bounds = None if evidential(doc, claim) else claim.source or _subject_of(scan, claim)
    if bounds is not None:
        span, source = resolve(scan, *bounds)
    return Attribution(
        kind,
        content.start,
        content.end,
        source,
        span,
        source_kind(scan, span, source),
        cue_span.text(doc.text),
        cue_span,
    )
