"""Where a reported content ends before a verb joined to its cue by "and", "but" or "or".

"She has vowed to keep abortion legal and celebrated the ruling": a content after its cue
with no finite verb of its own (a noun phrase, an infinitive) has no verb for a later
finite one to be joined to, so "and celebrated" is the cue's own second verb, something
the source did, not part of what was claimed; so is "and he didn't provide …". From the
error analysis on the held-out fifth of PolNeAR train, where the tagger ran such contents
on over the second verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from byline.analysis.document import Document
from byline.analysis.quotes.bounds import EDGE_PUNCT, FINITE, Reported

_CONJUNCTIONS = frozenset({"and", "but", "or"})
_CLAUSE_OPENERS = frozenset("that whether if how why what who when where which".split())
"""Words opening a content that is a clause, whose verb the tagger may have missed."""
_BETWEEN = frozenset({"RB", "PRP"})  # "and then said", "and he didn't"


def before_joined_verb(doc: Document, quoted: Sequence[bool], claim: Reported) -> Reported:
    """``claim`` with its content ending before "and"/"but"/"or" and a finite verb, when
    the content follows its cue and has no finite verb before them (see the module)."""
    first, last = claim.content
    tokens = doc.tokens
    if first <= claim.cue[1] or tokens[first].text.lower() in _CLAUSE_OPENERS:
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
            end = k - 1
            while end > first and tokens[end].text in EDGE_PUNCT:
                end -= 1
            return Reported(claim.anchor, claim.cue, (first, end), claim.source)
    return claim
