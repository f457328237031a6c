"""The words that name a speaker: noun phrases around a cue, a sentence's subject.

Every look-up is a bounded walk from one token of the
:class:`~byline.analysis.document.Document`: the speaker is the noun phrase before the
cue ("an Alibaba spokeswoman said") or after it ("said Jane Doe"), or else the subject
of the cue's sentence (the phrase before its first verb). What those words refer to is
for :mod:`byline.analysis.quotes.referents`.
"""

from __future__ import annotations

from byline.analysis.constants import NOUN_TAGS
from byline.analysis.document import Document
from byline.analysis.quotes.scan import QuoteScan

_NP_TAGS = NOUN_TAGS | {"DT", "JJ", "JJR", "JJS", "PRP$", "POS", "VBN", "HYPH", "FW"}
_LINKS = {"of", "for", "at", "from", "with", "in", "&", "and", "de", "to"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who"}
_QUOTE_MARKS = {'"', "“", "”", "''", "``", "„", "«", "»"}
_SKIP_BEFORE_CUE = {"RB", "MD", "VBD", "VBZ", "VBP", "VB", "VBN", "TO", "RP"}


def phrase_start(doc: Document, last: int, low: int) -> int | None:
    """First token of the noun phrase ending at token ``last`` (None if none)."""
    i, first, seen_noun = last, None, False
    while i >= low and last - i < 12:
        token = doc.tokens[i]
        word, pos = token.text, token.pos
        if word == ")" and i > low:
            j = i
            while j > low and doc.tokens[j].text != "(" and i - j < 8:
                j -= 1
            if doc.tokens[j].text == "(":
                i = j - 1
                continue
            break
        if pos == "PRP":
            if word.lower() in _SUBJECT_PRONOUNS and not seen_noun:
                return i
            break
        if word.lower() in _LINKS and seen_noun and i > low and doc.tokens[i - 1].pos in NOUN_TAGS:
            i -= 1
            continue
        if pos in _NP_TAGS or word in _QUOTE_MARKS and seen_noun or word in ("’s", "'s"):
            if pos in NOUN_TAGS:
                seen_noun = True
            if pos == "VBN" and not seen_noun:
                break
            first = i
            i -= 1
            continue
        break
    if first is None or not seen_noun:
        return None
    while first <= last and doc.tokens[first].text in _QUOTE_MARKS:
        first += 1
    return first if first <= last else None


def phrase_end(doc: Document, first: int, high: int) -> int | None:
    """Last token of the noun phrase starting at token ``first`` (None if none)."""
    i, last, seen_noun = first, None, False
    while i < high and i - first < 12:
        token = doc.tokens[i]
        if token.pos == "PRP":
            return i if not seen_noun and token.text.lower() in _SUBJECT_PRONOUNS else last
        if (
            token.text.lower() in _LINKS
            and seen_noun
            and i + 1 < high
            and doc.tokens[i + 1].pos in _NP_TAGS
        ):
            i += 1
            continue
        if token.pos in _NP_TAGS and token.text not in _QUOTE_MARKS:
            seen_noun = seen_noun or token.pos in NOUN_TAGS
            last = i
            i += 1
            continue
        break
    while last is not None and doc.tokens[last].pos not in NOUN_TAGS and last > first:
        last -= 1
    return last if seen_noun else None


def subject_before(doc: Document, cue: int, low: int) -> tuple[int, int] | None:
    """The subject noun phrase of the cue at token ``cue`` as token bounds."""
    i = cue - 1
    # Skip adverbs and verb chains: "she later said", "has said", "went on to say".
    while (
        i >= low
        and cue - i <= 5
        and (
            doc.tokens[i].pos in _SKIP_BEFORE_CUE
            or doc.tokens[i].text.lower() in ("not", "also", "on")
        )
    ):
        i -= 1
    if i < low:
        return None
    if doc.tokens[i].text == ",":
        # "Jack Ma, Alibaba's founder, said": prefer the phrase before the parenthesis.
        j = i - 1
        while j >= low and i - j < 20 and doc.tokens[j].text != ",":
            j -= 1
        if j > low and doc.tokens[j].text == ",":
            first = phrase_start(doc, j - 1, low)
            if first is not None and (
                first == low or doc.tokens[first - 1].pos not in ("IN", "VB", "VBD", "VBZ", "VBP")
            ):
                return first, j - 1
        first = phrase_start(doc, i - 1, max(low, j + 1))
        return (first, i - 1) if first is not None else None
    first = phrase_start(doc, i, low)
    return (first, i) if first is not None else None


def clause_subject(scan: QuoteScan, at: int) -> tuple[int, int] | None:
    """The subject of the sentence holding token ``at`` (before its first verb)."""
    doc = scan.doc
    first = at
    while first > 0 and doc.token_sentence[first - 1] == doc.token_sentence[at] and at - first < 60:
        first -= 1
    found = sentence_subject(scan, first, at)
    return (found[0], found[1]) if found is not None else None


def sentence_subject(scan: QuoteScan, first: int, last: int) -> tuple[int, int, int] | None:
    """The phrase before a sentence's first verb, when it is a noun phrase.

    Returns:
        ``(first, last, head)`` token indices; the head is the noun before any
        preposition ("The “brand members” behind the letter" has head "members").
    """
    doc = scan.doc
    if scan.quoted[first]:
        return None
    starts = [first]
    for i in range(first, min(last + 1, first + 30)):
        token = doc.tokens[i]
        if scan.quoted[i] and token.text not in _QUOTE_MARKS:
            return None
        if token.text == ",":
            starts.append(i + 1)  # "On Wednesday, Alibaba said": the subject follows
            continue
        if not token.pos.startswith(("VB", "MD")):
            continue
        for begin in reversed(starts):
            found = _noun_phrase(doc, begin, i)
            if found is not None:
                return found
        return None
    return None


def _noun_phrase(doc: Document, first: int, stop: int) -> tuple[int, int, int] | None:
    """``[first, stop)`` as ``(first, last, head)`` when it reads as a noun phrase."""
    end = stop - 1
    while end >= first and doc.tokens[end].pos not in NOUN_TAGS:
        if (
            doc.tokens[end].pos not in ("RB", ",", "DT", "JJ")
            and doc.tokens[end].text not in _QUOTE_MARKS
        ):
            return None
        end -= 1
    if end < first or stop - first > 14:
        return None
    head = end
    for k in range(first + 1, end):
        if doc.tokens[k].pos == "IN":
            head = k - 1
            while head > first and doc.tokens[head].pos not in NOUN_TAGS:
                head -= 1
            break
    tags = {doc.tokens[k].pos for k in range(first, head + 1)}
    if (
        doc.tokens[head].pos not in NOUN_TAGS
        or tags & {"VBG", "WDT", "WP", "CC"}
        and head - first > 3
    ):
        return None
    if doc.tokens[head].pos == "PRP" and doc.tokens[head].text.lower() not in _SUBJECT_PRONOUNS:
        return None
    return first, end, head
