"""Where a reported claim's source begins and ends when the tagger took part of it for
the content: "CLAUSE, legal experts say", "CLAUSE, said Wilcox, an Orlando Republican",
"CLAUSE, said a former spokesman.", and "According to LONG SOURCE, CLAUSE.". The content's
bounds, and "The “brand members” behind the letter", are :mod:`.bounds`'s rules."""

from __future__ import annotations

from byline.analysis.document import Document
from byline.analysis.quotes.bounds import EDGE_PUNCT, FINITE, Reported, opening_clause
from byline.analysis.quotes.roles import CueContext

_RELATIVE_OPENERS = frozenset({"who", "whom", "whose", "which", "where", "when", "that"})
_SPEECH = frozenset({"say", "add", "tell", "write", "explain", "not", "warn", "argu", "insist"})
"""Stems of the verbs that put their speaker after them ("…, said a spokesman")."""
_CLOSERS = frozenset({")", "]", "”", "’", '"', "'", "''"})
_TRAILING = EDGE_PUNCT | _CLOSERS
_NAME_OPENERS = frozenset({"DT", "JJ", "NNP", "NNPS", "NN", "NNS", "CD", "PRP$"})
_NOMINAL = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD", "POS"})
_FIRST_WORDS = frozenset({"DT", "PRP$"})
_TITLES = frozenset({"mr.", "mrs.", "ms.", "dr.", "sen.", "gov.", "rep.", "gen.", "prof."})
_NAME_WORDS = _NOMINAL - _FIRST_WORDS


def source_after_comma(
    doc: Document,
    first: int,
    source: tuple[int, int],
    content: list[int],
    cue: tuple[int, int],
) -> tuple[tuple[int, int], list[int]]:
    """The source grown over the words the content took from it after a comma.

    "CLAUSE, legal experts say" and "CLAUSE, said Wilcox, an Orlando Republican": the
    tagger may label "legal" or "Wilcox" content, running the content into the source
    (or over the cue), so the claim reads as a relative clause or quotes its own cue.
    """
    start, end = source
    held = set(content)
    if end < cue[0] and start - 1 in held:
        commas = [k for k in range(content[0] + 1, start) if doc.tokens[first + k].text == ","]
        words = range(commas[-1] + 1, start) if commas else range(0)
    elif start > cue[1] and cue[1] + 1 in held and doc.tokens[first + start - 1].text == ",":
        words = range(cue[1] + 1, start - 1)
    else:
        return source, content
    if not 0 < len(words) <= 4 or not all(
        k in held and doc.tokens[first + k].pos in _NOMINAL for k in words
    ):
        return source, content
    kept = [k for k in content if k < min(words[0], cue[0])]
    while kept and doc.tokens[first + kept[-1]].text in EDGE_PUNCT:
        kept.pop()
    if not kept:
        return source, content
    return (min(words[0], start), max(end, words[-1])), kept


def inverted_source(
    doc: Document, context: CueContext, content: list[int], cue: tuple[int, int], dateline: int
) -> tuple[tuple[int, int], list[int]] | None:
    """Source and content of "CLAUSE, said a former spokesman for the president." when
    the tagger took the noun phrase after the cue for the content (else None).

    The phrase after a cue that follows a comma, with no verb and running to the end
    of the sentence or to a comma, is who spoke; the clause before the comma is what
    was claimed.
    """
    first, tokens = context.first, doc.tokens
    if not content or content[0] != cue[1] + 1 or cue[0] < 2:
        return None
    if context.stem not in _SPEECH or tokens[context.anchor].pos not in FINITE:
        return None  # "…, decrying the influence of money": a verb with its object
    comma = cue[0] - 1
    if tokens[first + comma].text != "," or tokens[first + content[0]].pos not in _NAME_OPENERS:
        return None
    end = content[0]
    last = context.last - first
    while end + 1 <= last and tokens[first + end + 1].text not in EDGE_PUNCT:
        end += 1
    phrase = range(content[0], end + 1)
    if any(tokens[first + k].pos.startswith("VB") or tokens[first + k].pos == "MD" for k in phrase):
        return None
    claim = opening_clause(doc, first, first + comma, dateline)
    return ((content[0], end), claim) if claim else None


def according_opening(
    doc: Document, context: CueContext, cue: tuple[int, int], dateline: int
) -> tuple[tuple[int, int], list[int]] | None:
    """Source and content of a sentence that opens "According to X, CLAUSE." (else None).

    The tagger loses its way over a long source ("According to early results of the exit
    poll conducted by Edison Research for …, Clinton led"). The source runs to the first
    comma after which a clause with a verb of its own begins, and that clause, to the
    sentence's end, is what is claimed.
    """
    first, tokens = context.first, doc.tokens
    last = context.last - first
    if tokens[context.anchor].text.lower() != "according" or cue[1] + 1 > last:
        return None
    if tokens[first + cue[1]].text.lower() != "to":
        return None
    start = max(0, dateline + 1 - first)
    if any(tokens[first + k].text.isalnum() for k in range(start, cue[0])):
        return None  # not the sentence's opening words
    end = last
    while end > cue[1] and tokens[first + end].text in _TRAILING:
        end -= 1
    commas = [k for k in range(cue[1] + 2, end) if tokens[first + k].text == ","]
    for n, comma in enumerate(commas):
        stop = commas[n + 1] if n + 1 < len(commas) else end + 1
        stretch = range(comma + 1, stop)
        if tokens[first + comma + 1].text.lower() in _RELATIVE_OPENERS:
            continue
        if any(tokens[first + k].pos in FINITE for k in stretch):
            return (cue[1] + 1, comma - 1), list(range(comma + 1, end + 1))
    return None


def whole_source(doc: Document, claim: Reported) -> Reported:
    """A source the tagger cut to its first word, an article, a possessive or a title
    ("the | fact-checker knows", "his | campaign was still hoping", "Mr. | Manafort"),
    grown over the noun phrase's words after it, up to the cue or the content: the
    reader lists "the fact-checker", not "the"."""
    if claim.source is None or claim.source[0] != claim.source[1]:
        return claim
    start = claim.source[0]
    tokens = doc.tokens
    if tokens[start].pos not in _FIRST_WORDS and tokens[start].text.lower() not in _TITLES:
        return claim
    end = start
    taken = (claim.cue, claim.content)
    while (
        end + 1 < len(tokens)
        and doc.token_sentence[end + 1] == doc.token_sentence[start]
        and tokens[end + 1].pos in _NAME_WORDS
        and not any(a <= end + 1 <= b for a, b in taken)
    ):
        end += 1
    if end == start:
        return claim
    return Reported(claim.anchor, claim.cue, claim.content, (start, end))
