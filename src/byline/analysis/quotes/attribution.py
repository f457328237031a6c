"""Attribution: the cue and speaker around a quote, resolved to names.

A quote's cue stands after it in the same paragraph ("“…,” she said") or before it
("Smith said: “…”"); a dash may sign it instead ("“…” ― Jane Doe"). With no cue, the
subject of the sentence holding the quoted words said them, or the subject of the
sentence before a quote that opens a sentence ("Smith is a farmer. “…”"), or a
transcript label ("PENCE: …"), or a cue ending the paragraph before with a colon. The
words found are resolved by :mod:`byline.analysis.quotes.referents`.
"""

from __future__ import annotations

from dataclasses import dataclass

from byline.analysis.document import Document
from byline.analysis.model import Span
from byline.analysis.quotes.cues import GO_ON, INVERTIBLE_CUES, cue_end, is_cue
from byline.analysis.quotes.referents import describe, resolve_pronoun
from byline.analysis.quotes.scan import QuoteScan
from byline.analysis.quotes.speakers import clause_subject, phrase_end, subject_before
from byline.analysis.quotes.stretches import SPEAKER_LABEL, unclosed

_TERMINAL = {".", "!", "?", "...", "…"}
_AFTER_WINDOW = 32
_DASHES = {"―", "—", "–", "-", "--"}
_BEFORE_WINDOW = 45


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as an attribution names it.

    Attributes:
        speaker: who it is, resolved as far as the text allows.
        speaker_span: the words that name the speaker.
        cue: the cue word(s) as written.
        cue_span: where the cue stands.
    """

    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None


def find_attribution(
    scan: QuoteScan, low: int, high: int, *, after: bool
) -> tuple[int, int, int, int] | None:
    """A cue with its speaker among tokens ``[low, high)``.

    Args:
        scan: the quote stage's run over the article.
        low: first token of the window (outside any quote).
        high: end of the window.
        after: the window follows the quote (take the first cue) rather than leads to it
            (take the last).

    Returns:
        ``(cue_first, cue_last, speaker_first, speaker_last)`` token indices, or None.
    """
    doc = scan.doc
    order = range(low, high) if after else range(high - 1, low - 1, -1)
    for i in order:
        if after and i - low > 26:
            return None
        if scan.quoted[i] or not is_cue(doc, i):
            continue
        end = cue_end(doc, i)
        word = doc.tokens[i].text.lower()
        participle = doc.tokens[i].pos == "VBG" or word.endswith("ing")
        subject = None
        if word != "according" and not participle:
            subject = subject_before(doc, i, low)
            if after and subject is not None and subject[0] - low > 2:
                subject = None
        if (
            subject is None
            and (word in INVERTIBLE_CUES or word == "according")
            and (not after or i - low <= 2)
        ):
            first = end + 1
            last = phrase_end(doc, first, high)
            # Before a quote the inverted speaker ends the lead-in: "said Smith: “…”".
            if last is not None and (after or high - last <= 3):
                subject = (first, last)
        if subject is None and doc.tokens[max(low, i - 1)].text.lower() == "to":
            continue  # "went on to say": the chain's first verb is the cue
        if subject is None and after:
            continue
        if subject is None:
            subject = clause_subject(scan, i)
        first_cue = i
        if subject is not None and i - subject[1] > 2:
            # A verb chain between subject and cue: "went on to say" reads as "went on".
            for k in range(subject[1] + 1, i):
                if doc.tokens[k].text.lower() in GO_ON and doc.tokens[k + 1].text.lower() == "on":
                    first_cue, end = k, k + 1
                    break
        return (first_cue, end, *(subject or (-1, -1)))
    return None


def _after_window(scan: QuoteScan, first: int, paragraph: int) -> int:
    """End (exclusive) of the tokens that may attribute a quote ending before ``first``."""
    doc = scan.doc
    i = first
    limit = min(len(doc.tokens), first + _AFTER_WINDOW)
    while i < limit and not scan.quoted[i] and doc.token_paragraph[i] == paragraph:
        if _ends_sentence(doc, i):
            break
        i += 1
    return i


def _before_window(scan: QuoteScan, last: int) -> int:
    """First token that may attribute a quote starting after token ``last``."""
    doc = scan.doc
    i = last
    while (
        i >= 0
        and last - i < _BEFORE_WINDOW
        and not scan.quoted[i]
        and doc.token_paragraph[i] == doc.token_paragraph[last]
        and not _ends_sentence(doc, i)
    ):
        i -= 1
    return i + 1


def _ends_sentence(doc: Document, i: int) -> bool:
    """Whether token ``i`` ends a sentence (not the point of "R-Ky., said")."""
    if doc.tokens[i].text not in _TERMINAL:
        return False
    if doc.tokens[i].text != "." or i + 1 >= len(doc.tokens) or i == 0:
        return True
    attached = doc.tokens[i - 1].end == doc.tokens[i].start
    nxt = doc.tokens[i + 1].text
    return not (attached and (nxt in (",", ")") or nxt[:1].islower()))


def _attribution(scan: QuoteScan, found: tuple[int, int, int, int], at: int) -> Speaker:
    """Resolve a found cue and speaker to names."""
    doc = scan.doc
    cue_first, cue_last, first, last = found
    cue_span = doc.span(cue_first, cue_last) if cue_first >= 0 else None
    cue = cue_span.text(doc.text) if cue_span is not None else None
    if first < 0:
        return Speaker(None, None, cue, cue_span)
    span = doc.span(first, last)
    words = span.text(doc.text)
    if first == last and doc.tokens[first].pos == "PRP":
        speaker = resolve_pronoun(scan, words, span.start) or words
        kind = {"she": "f", "he": "m", "it": "thing"}.get(words.lower(), "plural")
    else:
        speaker, kind = describe(scan, first, last)
    scan.history.append((span.start, speaker, kind))
    return Speaker(speaker, span, cue, cue_span)


def attribute(scan: QuoteScan, start: int, end: int) -> tuple[Speaker | None, bool]:
    """The attribution of the quote at ``[start, end)`` and whether its cue is adjacent."""
    doc = scan.doc
    first = doc.index_at(start)
    after = doc.index_at(end)
    text = doc.text
    inner = unclosed(text, start, end)
    after_high = _after_window(scan, after, doc.token_paragraph[max(0, after - 1)])
    next_word = doc.tokens[after].text if after < after_high else ""
    ends_sentence = inner[-1:] in ".!?…" and next_word[:1].isupper()
    byline = _dash_byline(doc, after, after_high)
    if byline is not None:
        return _attribution(scan, (-1, -1, *byline), start), True
    if after_high > after and not ends_sentence:
        found = find_attribution(scan, after, after_high, after=True)
        if found is not None:
            return _attribution(scan, found, start), min(
                found[0], found[2] if found[2] >= 0 else found[0]
            ) - after <= 2
    low = _before_window(scan, first - 1) if first > 0 else 0
    if (
        low < first
        and doc.token_paragraph[first - 1] == doc.token_paragraph[min(first, len(doc.tokens) - 1)]
    ):
        found = find_attribution(scan, low, first, after=False)
        if found is not None:
            return _attribution(scan, found, start), False
    if after_high > after and ends_sentence:
        found = find_attribution(scan, after, min(after_high, after + 8), after=True)
        if found is not None:
            return _attribution(scan, found, start), False
    if first - low >= 2:
        # Quoted words inside a sentence with no cue: the sentence's subject said them.
        subject = clause_subject(scan, first - 1)
        if subject is not None and subject[0] >= low:
            return _attribution(scan, (-1, -1, *subject), start), False
    return None, False


def is_named_work(doc: Document, start: int) -> bool:
    """Whether the quote at ``start`` follows "of", "on" or a possessive, as a title does."""
    i = doc.index_at(start) - 1
    if i < 0 or doc.text[doc.tokens[i].end : start].strip():
        return False
    return doc.tokens[i].pos in ("IN", "POS") or doc.tokens[i].text in ("’s", "'s")


def _dash_byline(doc: Document, after: int, high: int) -> tuple[int, int] | None:
    """A name signing the quote after a dash, ending its line ("“…” ― Jane Doe")."""
    if high - after < 2 or doc.tokens[after].text not in _DASHES:
        return None
    first = after + 1
    if not doc.tokens[first].text[:1].isupper():
        return None
    last = phrase_end(doc, first, high)
    if last is None:
        return None
    rest = doc.text[doc.tokens[last].end : doc.tokens[last].end + 3].lstrip(" \xa0.")
    return (first, last) if not rest or rest[0] in '\n“"' else None


def introduced_speaker(scan: QuoteScan, start: int) -> Speaker | None:
    """The subject of the sentence before a quote that opens a sentence with no cue.

    "Smith, 45, is a farmer. “…”" and "Trump told the crowd on Monday. “…”": the person
    the previous sentence (holding no quote of its own) is about says the words.

    Args:
        scan: the quote stage's run over the article.
        start: where the quote opens.

    Returns:
        The attribution, or None when that sentence has no person as its subject.
    """
    doc = scan.doc
    i = doc.index_at(start) - 1
    if i < 0 or doc.tokens[i].text not in _TERMINAL:
        return None
    first = i
    while first > 0 and doc.token_sentence[first - 1] == doc.token_sentence[i]:
        first -= 1
    if any(scan.quoted[first : i + 1]):
        return None
    subject = clause_subject(scan, i)
    if subject is None or doc.tokens[subject[0]].pos not in ("NNP", "PRP", "DT"):
        return None
    if subject[0] == subject[1] and doc.tokens[subject[0]].pos == "PRP":
        if doc.tokens[subject[0]].text.lower() not in ("he", "she"):
            return None
    elif describe(scan, *subject)[1] not in ("m", "f", "person"):
        return None
    return _attribution(scan, (-1, -1, *subject), start)


def label_speaker(doc: Document, start: int, end: int) -> Speaker | None:
    """A transcript speaker label opening the quote ("PENCE: Well, ...")."""
    match = SPEAKER_LABEL.match(doc.text, start, end)
    if match is None:
        return None
    name = match.group(1).strip()
    return Speaker(name.title(), Span(match.start(1), match.start(1) + len(name)), None, None)


def lead_in_speaker(scan: QuoteScan, paragraph_index: int) -> Speaker | None:
    """A cue ending the previous paragraph with a colon ("Smith said:")."""
    doc = scan.doc
    if paragraph_index == 0:
        return None
    previous = doc.paragraphs[paragraph_index - 1]
    if not doc.text[previous.start : previous.end].rstrip().endswith(":"):
        return None
    last = doc.index_at(previous.end) - 1
    if last < 0 or scan.quoted[last]:
        return None
    low = _before_window(scan, last - 1)
    found = find_attribution(scan, low, last, after=False)
    return _attribution(scan, found, previous.end) if found is not None else None
