"""Direct quotes: which quoted stretches are speech, and who said each.

Scare quotes of one or two words are not quotes, nor are titles in quotation marks
(even with a cue, after "of" or a possessive), nor single marks holding a lead-in that
ends with a colon (marks printed the wrong way round); three words are a quote only
when a cue stands right by them, or a comma right after the closing mark of a German or
French quote ("„Wir schaffen das“, sagte Merkel"). A transcript turn ("PENCE: Well,
...") left open is not one. A quote with no cue of its own is said by a transcript label
opening it, else by the subject of the sentence before it (when that sentence holds no
quote), else continues the last speaker, else by a lead-in ending the paragraph before
("Smith said:"). Cues and speakers are found by :mod:`byline.analysis.quotes.attribution`.
"""

from __future__ import annotations

from byline.analysis.document import Document
from byline.analysis.model import Quote
from byline.analysis.quotes.attribution import (
    Speaker,
    attribute,
    introduced_speaker,
    is_named_work,
    label_speaker,
    lead_in_speaker,
)
from byline.analysis.quotes.scan import QuoteScan
from byline.analysis.quotes.stretches import (
    CLOSING,
    SPEAKER_LABEL,
    comma_after,
    quoted_stretches,
    title_like,
    unclosed,
    words_in,
)


def find_quotes(doc: Document) -> tuple[Quote, ...]:
    """Direct quotes with their speakers, in article order.

    Args:
        doc: the article; its entities (if the entity stage has run) name speakers
            fully and resolve pronouns.

    Returns:
        One :class:`Quote` per quoted stretch of speech; a quote broken by its
        attribution gives two with the same speaker.
    """
    scan = QuoteScan.of(doc)
    text = doc.text
    candidates = []
    for start, end in quoted_stretches(text, doc.paragraphs):
        words = words_in(text[start:end])
        if len(words) >= 2:
            candidates.append((start, end, words))
        if len(words) >= 3:
            scan.mark_quoted(start, end)
    found: list[Quote] = []
    last: tuple[int, Speaker] | None = None  # paragraph and attribution of the last quote
    for start, end, words in candidates:
        paragraph = doc.paragraph_at(start)
        attribution, adjacent = attribute(scan, start, end)
        if (
            attribution is not None
            and attribution.speaker is None
            and last is not None
            and last[0] >= paragraph - 1
        ):
            previous = last[1]
            attribution = Speaker(
                previous.speaker, previous.speaker_span, attribution.cue, attribution.cue_span
            )
        # German and French set the comma after the closing mark, and their cues are not
        # in the English lexicon: the comma alone says an attribution follows.
        spoken = adjacent and unclosed(text, start, end)[-1:] in ",?!"
        spoken = spoken or comma_after(text, start, end)
        if len(words) < 3 or len(words) == 3 and not spoken:
            if adjacent and attribution is not None and attribution.speaker is not None:
                last = (paragraph, attribution)  # "“They’re worried,” Carson said."
            continue
        if title_like(words) and (not adjacent or is_named_work(doc, start)):
            continue
        if text[start] in "'‘" and unclosed(text, start, end).endswith(":"):
            continue  # single marks the wrong way round hold a lead-in ("Kane said:'")
        if SPEAKER_LABEL.match(text, start, end) and text[end - 1] not in CLOSING:
            continue  # a transcript turn ("PENCE: Well, ...") left open is no quote
        if attribution is None:
            attribution = label_speaker(doc, start, end)
        if attribution is None:
            attribution = introduced_speaker(scan, start)
        if attribution is None and last is not None and last[0] >= paragraph - 1:
            previous = last[1]
            attribution = Speaker(previous.speaker, previous.speaker_span, None, None)
        if attribution is None:
            attribution = lead_in_speaker(scan, paragraph)
        if attribution is None:
            attribution = Speaker(None, None, None, None)
        if attribution.speaker is not None:
            last = (doc.paragraph_at(end - 1), attribution)
        found.append(
            Quote(
                start,
                end,
                attribution.speaker,
                attribution.speaker_span,
                attribution.cue,
                attribution.cue_span,
            )
        )
    return tuple(found)
