"""Where a reported claim's source begins and ends when the tagger gave its first words
to the content ("CLAUSE, legal experts say"; "CLAUSE, said Wilcox, an Orlando
Republican"). The content's bounds, and "The “brand members” behind the letter", are
:mod:`.bounds`'s rules."""

from __future__ import annotations

from byline.analysis.document import Document
from byline.analysis.quotes.bounds import EDGE_PUNCT

_NOMINAL = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD", "POS"})


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
