"""What the words naming a speaker refer to: descriptions, names and pronouns.

"Ma" is Jack Ma when the entity list says so; "the spokeswoman" is the earlier "an
Alibaba spokeswoman"; "she" is the nearest earlier female (or unknown) person, "it" the
nearest body or document, "they" the nearest group. Look-backs are bounded to a few
sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from byline.analysis.constants import FEMALE_WORDS, MALE_WORDS, NOUN_TAGS, PERSON_HEADS
from byline.analysis.document import Document
from byline.analysis.model import Entity
from byline.analysis.quotes.scan import QuoteScan
from byline.analysis.quotes.speakers import sentence_subject

_CLOSING_MARKS = frozenset({"”", '"', "’", "''"})


def gender_of(words: Sequence[str]) -> str:
    """ "f", "m" or "" from titles, first names and person nouns."""
    for word in words:
        low = word.lower()
        if low in FEMALE_WORDS:
            return "f"
        if low in MALE_WORDS:
            return "m"
    return ""


def describe(
    scan: QuoteScan, first: int, last: int, head_at: int | None = None, *, reach: int = 12
) -> tuple[str, str]:
    """Resolved name and kind ("f", "m", "person", "plural", "thing") of a phrase.

    Args:
        scan: the quote stage's run over the article (earlier speakers in its history).
        first: first token of the phrase.
        last: last token of the phrase.
        head_at: the phrase's head noun when it is not the last token.
        reach: how many earlier speakers a description ("the spokeswoman") may refer to.
    """
    doc = scan.doc
    words = [t.text for t in doc.tokens[first : last + 1]]
    if head_at is None:
        head_at = last
        for k in range(first + 1, last):
            if doc.tokens[k].pos != "IN":
                continue
            before = k - 1
            if doc.tokens[before].text in _CLOSING_MARKS and before > first:
                before -= 1  # "The “brand members” behind the letter" are brand members
            if doc.tokens[before].pos in NOUN_TAGS:
                head_at = before  # "a spokeswoman for Acme" is a spokeswoman
                break
    head = doc.tokens[head_at]
    entity = _entity_at(doc, head.start, head.end)
    name = doc.text[doc.tokens[first].start : doc.tokens[last].end]
    fuller = (
        all(w[:1].isupper() for w in words) and len(name) > len(entity.name) if entity else False
    )
    # "The IACC board" is the board, not the IACC: a lower-case head word describes a part
    # or a role of the named thing, so the words stand as written.
    described = entity is not None and entity.type != "PER" and head.text[:1].islower()
    if (
        entity is not None
        and not described
        and (entity.type == "PER" or len(words) <= len(entity.name.split()) + 1)
    ):
        name = name if fuller else entity.name
        kind = "person" if entity.type == "PER" else "thing"
        gender = gender_of(words) or gender_of(entity.name.split()[:1])
        return name, gender or kind
    low = head.text.lower()
    gender = gender_of(words)
    if gender:
        kind = gender
    elif head.pos in ("NNS", "NNPS"):
        kind = "plural"
    elif low in PERSON_HEADS:
        kind = "person"
    else:
        kind = "thing"
    if words[0].lower() == "the":
        for _, earlier, _kind in reversed(scan.history[-reach:]):
            if (
                _kind == kind
                and earlier.lower().endswith(" " + low)
                and earlier.lower() != name.lower()
            ):
                return earlier, _kind
    return name, kind


def _entity_at(doc: Document, start: int, end: int) -> Entity | None:
    i = bisect_right(doc.mentions, (start, 1 << 62)) - 1
    while i >= 0 and start - doc.mentions[i][0] < 80:
        s, e, entity = doc.mentions[i]
        if s < end and start < e:
            return entity
        i -= 1
    return None


_EXACT_REACH = 200  # characters

# What each pronoun may refer to; the first kind in sort order fits it best.
_PRONOUN_KINDS = {
    "he": {"m", "person"},
    "she": {"f", "person"},
    "him": {"m", "person"},
    "her": {"f", "person"},
    "it": {"thing"},
    "they": {"plural", "thing"},
    "we": {"plural", "thing"},
}


def resolve_pronoun(scan: QuoteScan, pronoun: str, before: int) -> str | None:
    """The nearest earlier speaker, subject or entity a pronoun at ``before`` fits."""
    doc = scan.doc
    fits = _PRONOUN_KINDS.get(pronoun.lower())
    if fits is None:
        return None
    candidates: list[tuple[int, str, str]] = [c for c in scan.history[-8:] if c[0] < before]
    i = doc.index_at(before) - 1
    seen_sentences = 0
    while i >= 0 and seen_sentences < 6:
        sentence = doc.token_sentence[i]
        first = i
        while first > 0 and doc.token_sentence[first - 1] == sentence:
            first -= 1
        subject = sentence_subject(scan, first, i)
        inside_subject = range(0)
        if subject is not None:
            name, kind = describe(scan, *subject)
            candidates.append((doc.tokens[subject[0]].start, name, kind))
            # "The IACC board": the subject stands for the names inside it.
            inside_subject = range(subject[0], subject[1] + 1)
        for j in range(first, i + 1):
            if j in inside_subject:
                continue
            entity = (
                None if scan.quoted[j] else _entity_at(doc, doc.tokens[j].start, doc.tokens[j].end)
            )
            if entity is not None and entity.type in ("PER", "ORG"):
                kind = (
                    gender_of(entity.name.split()[:1]) or "person"
                    if entity.type == "PER"
                    else "thing"
                )
                candidates.append((doc.tokens[j].start, entity.name, kind))
        i = first - 1
        seen_sentences += 1
    # Nearest first, but the best-fitting kind ("she": a woman, "they": a group) may stand
    # a little further back than a merely possible one.
    exact = min(fits)
    ranked = sorted(candidates, key=lambda c: -c[0] - (_EXACT_REACH if c[2] == exact else 0))
    for _, name, kind in ranked:
        if kind in fits:
            return name
    return None
