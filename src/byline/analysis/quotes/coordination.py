"""Where a reported content after its cue ends before a clause joined to the cue's.

"She has vowed to keep abortion legal and celebrated the ruling": a content after its cue
with no finite verb of its own (a noun phrase, an infinitive) has no verb for a later
finite one to be joined to, so "and celebrated" is the cue's own second verb, something
the source did, not part of what was claimed; so is "and he didn't provide …". A
semicolon joins clauses of their own ("… my vote to mean something; I didn't want …",
and a headline's "Sanders calls Clinton unqualified;  Senator sharpens attacks …").
From the error analysis on the held-out fifth of PolNeAR train, where the tagger ran
such contents on over the second clause.
"""

from __future__ import annotations

from collections.abc import Sequence

from byline.analysis.document import Document
from byline.analysis.quotes.bounds import FINITE, Reported, last_word

_CONJUNCTIONS = frozenset({"and", "but", "or"})
_CLAUSE_WORDS = frozenset("that whether if how why what who when where which".split())
"""Words opening a content that is a clause, whose verb the tagger may have missed."""
_BETWEEN = frozenset({"RB", "PRP"})  # "and then said", "and he didn't"


def before_joined_clause(doc: Document, quoted: Sequence[bool], claim: Reported) -> Reported:
    """``claim`` with its content after the cue ending before a clause joined to the
    cue's (see the module)."""
    if claim.content[0] <= claim.cue[1]:
        return claim
    return _before_joined_verb(doc, quoted, _before_semicolon(doc, quoted, claim))


def _before_semicolon(doc: Document, quoted: Sequence[bool], claim: Reported) -> Reported:
    """The content ending before its first semicolon, unless it is a list the semicolons
    set off ("…; helped marshal protesters …; and put together …")."""
    first, last = claim.content
    tokens = doc.tokens
    stop = first
    while stop + 1 < len(tokens) and doc.token_sentence[stop + 1] == doc.token_sentence[first]:
        stop += 1
    marks = [k for k in range(first + 1, stop + 1) if tokens[k].text == ";"]
    if not marks or marks[0] >= last or any(quoted[first : marks[0]]):
        return claim
    if any(k < stop and tokens[k + 1].text.lower() in ("and", "or") for k in marks):
        return claim
    return _ending_before(doc, claim, marks[0])


def _before_joined_verb(doc: Document, quoted: Sequence[bool], claim: Reported) -> Reported:
    """The content ending before "and"/"but"/"or" and a finite verb when it has no finite
    verb before them and does not open like a clause."""
    first, last = claim.content
    tokens = doc.tokens
    if tokens[first].text.lower() in _CLAUSE_WORDS:
        return claim
    for k in range(first + 1, last):
        if tokens[k].pos in FINITE or quoted[k]:
            return claim
        if tokens[k].text.lower() not in _CONJUNCTIONS:
            continue
        verb = k + 1
        while verb <= last and verb - k <= 2 and tokens[verb].pos in _BETWEEN:
            verb += 1
        if verb <= last and tokens[verb].pos in FINITE:
            return _ending_before(doc, claim, k)
    return claim


def _ending_before(doc: Document, claim: Reported, at: int) -> Reported:
    first = claim.content[0]
    return Reported(claim.anchor, claim.cue, (first, last_word(doc, at - 1, first)), claim.source)
