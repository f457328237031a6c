"""Hedges: the words that report a claim without saying whose it is.

"has *reportedly* lost", "*is said to* be facing", "*allegedly*", "*according to
reports*", "*it is understood* that", and agentless reports ("*has been criticized*
for …", with no "by" after it). Words inside a quote are the speaker's own and are left
alone. A hedged claim no attribution covers yet becomes one with no source: its content
is the hedge's clause, from the subject before the hedge to the clause's end (the next
hedged clause's start, or the sentence's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from byline.analysis.document import Document
from byline.analysis.model import Attribution, Hedge, Span
from byline.analysis.quotes.speakers import phrase_start

_BE = r"(?:is|are|was|were|be|been|being|has been|have been|had been|’s|'s)"
_ADVERBS = r"(?:\s+(?:also|widely|now|still|already|long|often|repeatedly|previously))?"
_REPORTS = (
    r"(?:criticized|criticised|accused|blamed|condemned|praised|described|reported|alleged|"
    r"rumou?red|claimed|suspected|regarded|tipped|linked)"
)
_HEDGE = re.compile(
    rf"\b(?:reportedly|allegedly|purportedly|supposedly|reputedly"
    rf"|{_BE}{_ADVERBS}\s+(?:said|believed|thought|understood|reported|alleged|rumou?red|"
    rf"expected|tipped)\s+to\b"
    rf"|it\s+(?:is|was|has\s+been|had\s+been)\s+(?:understood|believed|thought|reported|"
    rf"alleged|claimed|suggested|rumou?red)\b"
    rf"|it\s+(?:emerged|is\s+claimed)\b"
    rf"|according\s+to\s+(?:(?:media|press|news|local|unconfirmed|some|several|other)\s+)?"
    rf"reports\b"
    rf"|{_BE}{_ADVERBS}\s+{_REPORTS}\b"
    rf"|(?:said|believed|thought|reputed|rumou?red|alleged)\s+to\s+(?:be|have)\b)",
    re.IGNORECASE,
)
_AGENT = re.compile(r"(?:\s+\S+){0,6}?\s+by\b")  # matched at the hedge's end
_JOINERS = frozenset({"and", "but", "or", "while", "now", "then", "yet", ",", ";", "—", "–"})


def find_hedges(doc: Document, quoted: Sequence[bool]) -> list[Hedge]:
    """Every hedge of the story body outside quotes, in text order."""
    text = doc.text
    found = []
    for match in _HEDGE.finditer(text, doc.body.start, doc.body.end):
        start, end = match.span()
        words = match.group()
        i = doc.index_at(start)
        if i >= len(doc.tokens) or quoted[i]:
            continue
        if _agentless_report(words) and _AGENT.match(text, end, min(len(text), end + 60)):
            continue  # "was criticized by the union": the source is named
        found.append(Hedge(start, end, " ".join(words.split())))
    return found


def _agentless_report(words: str) -> bool:
    last = words.split()[-1].lower()
    return last not in ("to", "reportedly", "allegedly", "purportedly", "supposedly", "reputedly")


def unsourced_claims(
    doc: Document, hedges: Sequence[Hedge], covered: Sequence[Attribution]
) -> list[Attribution]:
    """A sourceless attribution for each hedged clause no attribution covers yet."""
    spans = sorted((a.start, a.end) for a in covered)
    cues = [a.cue_span for a in covered if a.cue_span is not None]
    free = [h for h in hedges if not _covered(h, spans, cues)]
    claims = []
    for index, hedge in enumerate(free):
        first = _clause_start(doc, hedge)
        sentence = doc.token_sentence[doc.index_at(hedge.start)]
        last = doc.index_at(hedge.end) - 1
        while last + 1 < len(doc.tokens) and doc.token_sentence[last + 1] == sentence:
            last += 1
        following = free[index + 1] if index + 1 < len(free) else None
        if following is not None and doc.token_sentence[doc.index_at(following.start)] == sentence:
            last = _clause_start(doc, following) - 1
        while last > first and (
            doc.tokens[last].text.lower() in _JOINERS or not doc.tokens[last].text[:1].isalnum()
        ):
            last -= 1
        if last <= first:
            continue
        content = doc.span(first, last)
        claims.append(
            Attribution(
                "indirect",
                content.start,
                content.end,
                None,
                None,
                None,
                hedge.cue,
                Span(hedge.start, hedge.end),
            )
        )
    return claims


def _covered(hedge: Hedge, spans: Sequence[tuple[int, int]], cues: Sequence[Span]) -> bool:
    if any(s <= hedge.start < e for s, e in spans):
        return True
    return any(c.start < hedge.end and hedge.start < c.end for c in cues)


def _clause_start(doc: Document, hedge: Hedge) -> int:
    """First token of the hedged clause: its subject before the hedge, else the sentence's."""
    i = doc.index_at(hedge.start)
    sentence = doc.token_sentence[i]
    first = i
    while first > 0 and doc.token_sentence[first - 1] == sentence:
        first -= 1
    before = i - 1
    while before >= first and doc.tokens[before].pos in ("MD", "RB", "VBZ", "VBP", "VBD"):
        before -= 1
    if before >= first:
        subject = phrase_start(doc, before, first)
        if subject is not None:
            return subject
    return first
