"""A reported claim's content that its own cue stands inside.

The tagger labels word by word: a content may run on past the cue and the source after
it, so the claim quotes who made it, or open before a source that opens the clause, or
stop short after a cue set off by commas inside it ("In a merger, he said, the HP brand
would survive | - and …"). The shapes, each from the error analysis on the held-out fifth
of PolNeAR train, get the bounds of what was claimed; a content that holds a quote is
left to the quote stage, which lays the quote over it.
"""

from __future__ import annotations

from collections.abc import Sequence

from byline.analysis.document import Document
from byline.analysis.quotes.bounds import EDGE_PUNCT, FINITE, MARK_WORDS, Reported, last_word


def around_cue(
    doc: Document, quoted: Sequence[bool], claim: Reported, claims: Sequence[Reported]
) -> Reported:
    """``claim`` with the bounds of what was claimed when its cue stands inside its
    content (see the module); ``claims`` are all the reported claims of the article."""
    first, last = claim.content
    if not first < claim.cue[0] <= claim.cue[1] < last or any(quoted[first : last + 1]):
        return claim
    source = claim.source
    if source is None or source[1] >= claim.cue[0]:
        return _clause_before_source(doc, claim)
    if doc.tokens[source[0] - 1].text == ",":
        return _broken_to_end(doc, quoted, claim, source, claims)
    return _after_cue(doc, claim, source)


def _clause_before_source(doc: Document, claim: Reported) -> Reported:
    """ "CLAUSE, according to X, APPOSITION." and "CLAUSE, said X, RELATIVE.": the clause.

    A clause with a finite verb of its own, then a comma and the cue with its source
    after it, is what was claimed ("The three men intended to reopen the site, according
    to a lawsuit filed by Yulia Tymoshenko, a former prime minister"); what follows the
    source tells more of the source. Not when the clause goes on with a verb right after
    the source ("One of the decisions, according to a person close to it, is to …").
    """
    first, last = claim.content
    tokens = doc.tokens
    source = claim.source
    comma = claim.cue[0] - 1
    if source is None or source[0] <= claim.cue[1] or tokens[comma].text != ",":
        return claim
    if not any(tokens[k].pos in FINITE for k in range(first, comma)):
        return claim
    after = source[1] + 1
    if after + 1 <= last and tokens[after].text == "," and tokens[after + 1].pos in FINITE:
        return claim  # the content broken by its cue and source goes on
    return Reported(claim.anchor, claim.cue, (first, last_word(doc, comma - 1, first)), source)


def _after_cue(doc: Document, claim: Reported, source: tuple[int, int]) -> Reported:
    """ "which she has repeatedly said was a mistake", "some information that officials
    said would compromise security", "transgender community called for his dismissal":
    what was claimed starts after the cue.

    A content that opens before its source with nothing between them is not one broken by
    its source ("The plan, she said, is dead" has its comma): the words before the source
    are the relative pronoun or the noun the clause hangs on, or the source's own first
    words, and what the source claimed is what follows the cue. (PolNeAR marks a relative
    pronoun as content too, apart from the rest: one span cannot hold both, and what
    follows the cue is most of it.)
    """
    first, last = claim.content
    tokens = doc.tokens
    before = source[0] - 1
    if before < first or tokens[before].text in EDGE_PUNCT or tokens[before].text in MARK_WORDS:
        return claim
    start = claim.cue[1] + 1
    while start < last and tokens[start].text in EDGE_PUNCT:
        start += 1
    return Reported(claim.anchor, claim.cue, (start, last), source)


def _broken_to_end(
    doc: Document,
    quoted: Sequence[bool],
    claim: Reported,
    source: tuple[int, int],
    claims: Sequence[Reported],
) -> Reported:
    """ "At one point, she said, she was | considering supporting Trump": a content that
    its source and cue break, set off by commas, is one clause, and runs to its
    sentence's end (before a semicolon, a colon or a quote), when no other claim's cue
    stands in what it gains."""
    first, last = claim.content
    tokens = doc.tokens
    if not first < source[0] or tokens[claim.cue[1] + 1].text != ",":
        return claim
    sentence = doc.token_sentence[last]
    stop = last
    while (
        stop + 1 < len(tokens)
        and doc.token_sentence[stop + 1] == sentence
        and tokens[stop + 1].text not in (";", ":")
        and not quoted[stop + 1]
    ):
        stop += 1
    stop = last_word(doc, stop, last)
    if stop == last or any(last < other.cue[0] <= stop for other in claims):
        return claim
    return Reported(claim.anchor, claim.cue, (first, stop), source)
