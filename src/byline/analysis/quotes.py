"""Direct quotes: the quoted stretches of an article and who said each.

A quoted stretch runs from an opening double quotation mark (straight or curly) to its
closing mark; single quotes inside it are nested quotes and stay part of it. A paragraph
left open continues into the next when that paragraph opens with a mark (the news
convention for quotes over several paragraphs). Scare quotes of one or two words are not
quotes, nor are titles in quotation marks (even with a cue, after "of" or a possessive);
three words are a quote only when a cue stands right by them. A closing-shaped mark never
opens a quote, and a transcript turn ("PENCE: Well, ...") left open is not one. A quote
with no cue of its own is said by the subject of the sentence before it (when that
sentence holds no quote), else continues the last speaker. Speakers come from
:mod:`byline.analysis.speakers`. Must not import Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from byline.analysis.model import Entity, Quote, Span, Token
from byline.analysis.referents import clause_subject, describe, resolve_pronoun
from byline.analysis.speakers import Attribution, Document, find_attribution, find_name_end

_MARKS = re.compile('["“”]')
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_TERMINAL = {".", "!", "?", "...", "…"}
_SMALL = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "is",
    "with",
    "by",
    "from",
    "vs",
    "as",
    "but",
    "it",
    "be",
    "not",
    "no",
    "s",
    "’s",
    "'s",
}
_LABEL = re.compile(r"[\"“]\s*([A-Z][A-Z.'’ -]{1,40}):")
_AFTER_WINDOW = 32
_DASHES = {"―", "—", "–", "-", "--"}
_BEFORE_WINDOW = 45


def quoted_stretches(text: str, paragraphs: Sequence[Span]) -> list[tuple[int, int]]:
    """Spans from each opening double quotation mark to its closing one, marks included.

    Args:
        text: the article.
        paragraphs: the body's paragraphs in order.

    Returns:
        ``(start, end)`` offsets in text order; a quote continued over paragraphs is one
        stretch, and one left open at a paragraph's end stops with that paragraph.
    """
    stretches: list[tuple[int, int]] = []
    open_at: int | None = None
    for index, paragraph in enumerate(paragraphs):
        body = text[paragraph.start : paragraph.end]
        lead = paragraph.start + len(body) - len(body.lstrip())
        for match in _MARKS.finditer(text, paragraph.start, paragraph.end):
            at, mark = match.start(), match.group()
            if open_at is None:
                if mark != "”":  # a closing-shaped mark never opens a quote
                    open_at = at
            elif at == lead and open_at < paragraph.start:
                continue  # a continuation paragraph reopens the quote left open
            elif mark == "“" and not _closes(text, at):
                stretches.append((open_at, _trim(text, open_at, at)))
                open_at = at
            else:
                stretches.append((open_at, at + 1))
                open_at = None
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if (
                following is None
                or text[following.start] not in '"“'
                or _LABEL.match(text, following.start, following.end)
            ):
                stretches.append((open_at, _trim(text, open_at, paragraph.end)))
                open_at = None
    return stretches


def _closes(text: str, at: int) -> bool:
    after = text[at + 1] if at + 1 < len(text) else " "
    return not text[at - 1].isspace() and (after.isspace() or after in ",.;:")


def _trim(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def word_count(text: str) -> int:
    """Number of words (runs of letters or digits) in ``text``."""
    return len(_WORD.findall(text))


def _title_like(words: Sequence[str]) -> bool:
    """Whether quoted words read as a title or a slogan rather than speech."""
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _after_window(doc: Document, first: int, paragraph: int) -> int:
    """End (exclusive) of the tokens that may attribute a quote ending before ``first``."""
    i = first
    limit = min(len(doc.tokens), first + _AFTER_WINDOW)
    while i < limit and not doc.quoted[i] and doc.paragraph[i] == paragraph:
        if _ends_sentence(doc, i):
            break
        i += 1
    return i


def _before_window(doc: Document, last: int) -> int:
    """First token that may attribute a quote starting after token ``last``."""
    i = last
    while (
        i >= 0
        and last - i < _BEFORE_WINDOW
        and not doc.quoted[i]
        and doc.paragraph[i] == doc.paragraph[last]
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


def _attribution(doc: Document, found: tuple[int, int, int, int], at: int) -> Attribution:
    """Resolve a found cue and speaker to names."""
    cue_first, cue_last, first, last = found
    cue_span = doc.span(cue_first, cue_last) if cue_first >= 0 else None
    cue = cue_span.text(doc.text) if cue_span is not None else None
    if first < 0:
        return Attribution(None, None, cue, cue_span)
    span = doc.span(first, last)
    words = span.text(doc.text)
    if first == last and doc.tokens[first].pos == "PRP":
        speaker = resolve_pronoun(doc, words, span.start) or words
        kind = {"she": "f", "he": "m", "it": "thing"}.get(words.lower(), "plural")
    else:
        speaker, kind = describe(doc, first, last)
    doc.history.append((span.start, speaker, kind))
    return Attribution(speaker, span, cue, cue_span)


def _attribute(doc: Document, start: int, end: int) -> tuple[Attribution | None, bool]:
    """The attribution of the quote at ``[start, end)`` and whether its cue is adjacent."""
    first = doc.index_at(start)
    after = doc.index_at(end)
    text = doc.text
    inner = text[start:end].rstrip('"”').rstrip()
    after_high = _after_window(doc, after, doc.paragraph[max(0, after - 1)])
    next_word = doc.tokens[after].text if after < after_high else ""
    ends_sentence = inner[-1:] in ".!?…" and next_word[:1].isupper()
    byline = _dash_byline(doc, after, after_high)
    if byline is not None:
        return _attribution(doc, (-1, -1, *byline), start), True
    if after_high > after and not ends_sentence:
        found = find_attribution(doc, after, after_high, after=True)
        if found is not None:
            return _attribution(doc, found, start), min(
                found[0], found[2] if found[2] >= 0 else found[0]
            ) - after <= 2
    low = _before_window(doc, first - 1) if first > 0 else 0
    if low < first and doc.paragraph[first - 1] == doc.paragraph[min(first, len(doc.tokens) - 1)]:
        found = find_attribution(doc, low, first, after=False)
        if found is not None:
            return _attribution(doc, found, start), False
    if after_high > after and ends_sentence:
        found = find_attribution(doc, after, min(after_high, after + 8), after=True)
        if found is not None:
            return _attribution(doc, found, start), False
    if first - low >= 2:
        # Quoted words inside a sentence with no cue: the sentence's subject said them.
        subject = clause_subject(doc, first - 1)
        if subject is not None and subject[0] >= low:
            return _attribution(doc, (-1, -1, *subject), start), False
    return None, False


def _named_work(doc: Document, start: int) -> bool:
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
    last = find_name_end(doc, first, high)
    if last is None:
        return None
    rest = doc.text[doc.tokens[last].end : doc.tokens[last].end + 3].lstrip(" \xa0.")
    return (first, last) if not rest or rest[0] in '\n“"' else None


def _introduced(doc: Document, start: int) -> Attribution | None:
    """The subject of the sentence before a quote that opens a sentence with no cue.

    "Smith, 45, is a farmer. “…”" and "Trump told the crowd on Monday. “…”": the person
    the previous sentence (holding no quote of its own) is about says the words.

    Args:
        doc: the article.
        start: where the quote opens.

    Returns:
        The attribution, or None when that sentence has no person as its subject.
    """
    i = doc.index_at(start) - 1
    if i < 0 or doc.tokens[i].text not in _TERMINAL:
        return None
    first = i
    while first > 0 and doc.sentence[first - 1] == doc.sentence[i]:
        first -= 1
    if any(doc.quoted[first : i + 1]):
        return None
    subject = clause_subject(doc, i)
    if subject is None or doc.tokens[subject[0]].pos not in ("NNP", "PRP", "DT"):
        return None
    if subject[0] == subject[1] and doc.tokens[subject[0]].pos == "PRP":
        if doc.tokens[subject[0]].text.lower() not in ("he", "she"):
            return None
    elif describe(doc, *subject)[1] not in ("m", "f", "person"):
        return None
    return _attribution(doc, (-1, -1, *subject), start)


def _label(doc: Document, start: int, end: int) -> Attribution | None:
    """A transcript speaker label opening the quote ("PENCE: Well, ...")."""
    match = _LABEL.match(doc.text, start, end)
    if match is None:
        return None
    name = match.group(1).strip()
    return Attribution(name.title(), Span(match.start(1), match.start(1) + len(name)), None, None)


def _lead_in(doc: Document, paragraph_index: int, paragraphs: Sequence[Span]) -> Attribution | None:
    """A cue ending the previous paragraph with a colon ("Smith said:")."""
    if paragraph_index == 0:
        return None
    previous = paragraphs[paragraph_index - 1]
    if not doc.text[previous.start : previous.end].rstrip().endswith(":"):
        return None
    last = doc.index_at(previous.end) - 1
    if last < 0 or doc.quoted[last]:
        return None
    low = _before_window(doc, last - 1)
    found = find_attribution(doc, low, last, after=False)
    return _attribution(doc, found, previous.end) if found is not None else None


def find_quotes(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[Span],
    tokens: Sequence[Sequence[Token]],
    entities: Sequence[Entity],
) -> tuple[Quote, ...]:
    """Direct quotes with their speakers, in article order.

    Args:
        text: the article.
        paragraphs: the body's paragraphs.
        sentences: the body's sentences (``tokens`` is aligned with them).
        tokens: each sentence's tokens with Penn Treebank tags.
        entities: named entities, used to name speakers fully and resolve pronouns.

    Returns:
        One :class:`Quote` per quoted stretch of speech; a quote broken by its
        attribution gives two with the same speaker.
    """
    del sentences  # the tokens carry their sentence; kept for the pipeline's signature
    doc = Document.build(text, paragraphs, tokens, entities)
    starts = [p.start for p in paragraphs]
    candidates = []
    for start, end in quoted_stretches(text, paragraphs):
        words = _WORD.findall(text[start:end])
        if len(words) >= 2:
            candidates.append((start, end, words))
        if len(words) >= 3:
            doc.mark_quoted(start, end)
    found: list[Quote] = []
    last: tuple[int, Attribution] | None = None  # paragraph and attribution of the last quote
    for start, end, words in candidates:
        paragraph = _paragraph_of(starts, start)
        attribution, adjacent = _attribute(doc, start, end)
        if (
            attribution is not None
            and attribution.speaker is None
            and last is not None
            and last[0] >= paragraph - 1
        ):
            previous = last[1]
            attribution = Attribution(
                previous.speaker, previous.speaker_span, attribution.cue, attribution.cue_span
            )
        spoken = adjacent and text[start:end].rstrip('"” ')[-1:] in ",?!"
        if len(words) < 3 or len(words) == 3 and not spoken:
            if adjacent and attribution is not None and attribution.speaker is not None:
                last = (paragraph, attribution)  # "“They’re worried,” Carson said."
            continue
        if _title_like(words) and (not adjacent or _named_work(doc, start)):
            continue
        if _LABEL.match(text, start, end) and text[end - 1] not in '"”':
            continue  # a transcript turn ("PENCE: Well, ...") left open is no quote
        if attribution is None:
            attribution = _label(doc, start, end)
        if attribution is None:
            attribution = _introduced(doc, start)
        if attribution is None and last is not None and last[0] >= paragraph - 1:
            previous = last[1]
            attribution = Attribution(previous.speaker, previous.speaker_span, None, None)
        if attribution is None:
            attribution = _lead_in(doc, paragraph, paragraphs)
        if attribution is None:
            attribution = Attribution(None, None, None, None)
        if attribution.speaker is not None:
            last = (_paragraph_of(starts, end - 1), attribution)
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


def _paragraph_of(starts: Sequence[int], offset: int) -> int:
    from bisect import bisect_right

    return max(0, bisect_right(starts, offset) - 1)
