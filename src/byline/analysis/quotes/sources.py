"""Sources: who the words naming a source stand for, and what kind of source that is.

A source is **named** when it is an entity ("Alibaba", or "it", "the e-commerce giant"
standing for Alibaba), **unnamed** when the text withholds who it is ("an anonymous
e-mail letter", "people familiar with the matter", "a source close to the talks"), and
**described** otherwise ("an Alibaba spokeswoman", "officials", "the report"). Words
resolve as quotes' speakers do (:mod:`.referents`), and a definite description with a
company-like head ("the e-commerce giant", "the firm") stands for the organisation the
text last named.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from byline.analysis.document import Document
from byline.analysis.model import SourceKind, Span
from byline.analysis.quotes.referents import describe, resolve_pronoun
from byline.analysis.quotes.reported import relative_antecedent
from byline.analysis.quotes.scan import QuoteScan

_UNNAMED = re.compile(
    r"\b(?:anonymous|anonymously|unnamed|unidentified|undisclosed|sources?|insiders?|"
    r"familiar with|close to|speaking on (?:the )?condition|declined to be (?:named|identified)|"
    r"not authori[sz]ed|who asked not to be|a person|people (?:who|with|briefed|involved)|"
    r"reports|rumou?rs|it is (?:understood|believed|thought))\b",
    re.IGNORECASE,
)
ORGANISATION_HEADS: frozenset[str] = frozenset(
    "company giant firm group retailer maker manufacturer carrier airline bank lender insurer "
    "conglomerate startup start-up platform operator chain network agency ministry department "
    "organisation organization coalition association union party campaign brand website site "
    "broadcaster publisher newspaper channel studio outlet developer supplier producer "
    "automaker carmaker distributor marketplace exchange fund charity council".split()
)
"""Head nouns of descriptions that stand for an organisation ("the e-commerce giant")."""
_REACH = 40  # earlier sources a description may refer back to (claims are many)
PRONOUN_KINDS: dict[str, str] = {"she": "f", "he": "m", "it": "thing", "i": "person"}
"""The kind of speaker each pronoun names, for later pronouns to match ("they": plural)."""


def source_kind(scan: QuoteScan, span: Span | None, name: str | None) -> SourceKind | None:
    """The kind of a source named by the words at ``span``, resolved to ``name``."""
    if span is None or name is None:
        return None
    words = span.text(scan.doc.text)
    if _UNNAMED.search(words) or _UNNAMED.search(name):
        return "unnamed"
    if name in scan.entity_names:
        return "named"
    if _head_is_entity(scan, span):
        return "named"
    return "described"


def _head_is_entity(scan: QuoteScan, span: Span) -> bool:
    """Whether the phrase's last word belongs to a name ("Jack Ma", not "an Alibaba aide")."""
    doc = scan.doc
    last = doc.index_at(span.end) - 1
    if last < 0:
        return False
    head = doc.tokens[last]
    i = bisect_left(doc.mentions, (head.start + 1, -1)) - 1
    while i >= 0 and head.start - doc.mentions[i][0] < 80:
        start, end, entity = doc.mentions[i]
        if start <= head.start < end:
            return entity.type != "MISC"
        i -= 1
    return False


def resolve(scan: QuoteScan, first: int, last: int) -> tuple[Span, str]:
    """The words naming a source (token bounds) and who they stand for; remembered."""
    doc = scan.doc
    span = doc.span(first, last)
    words = span.text(doc.text)
    low = words.lower()
    kind = "thing"
    if first == last and doc.tokens[first].pos in ("PRP", "WP", "WDT"):
        antecedent = relative_antecedent(scan, first)
        if antecedent is not None:
            name, kind = describe(scan, *antecedent, reach=_REACH)
        else:
            name = resolve_pronoun(scan, words, span.start) or words
            kind = PRONOUN_KINDS.get(low, "plural")
    else:
        name, kind = describe(scan, first, _before_apposition(doc, first, last), reach=_REACH)
        if name == words and low.split(None, 1)[0] == "the":  # "The\xa0firm" too
            name = _organisation(scan, first, last) or name
    scan.history.append((span.start, name, kind))
    return span, name


def _before_apposition(doc: Document, first: int, last: int) -> int:
    """The last word of a name an apposition follows ("Wilcox, an Orlando Republican";
    "John Smith, a spokesman for the city"): the source is the one named, else ``last``."""
    for k in range(first + 1, last):
        if doc.tokens[k].text == ",":
            return k - 1 if doc.tokens[k - 1].pos in ("NNP", "NNPS") else last
    return last


def _organisation(scan: QuoteScan, first: int, last: int) -> str | None:
    """The organisation a definite description with a company-like head stands for.

    A description with a name in it ("The Sanders campaign", "the Alibaba group") stands
    only for an organisation of that name, never for the last one mentioned.
    """
    doc = scan.doc
    head = doc.tokens[last].text.lower()
    if head not in ORGANISATION_HEADS or last - first > 4:
        return None
    names = [t.text for t in doc.tokens[first + 1 : last] if t.pos in ("NNP", "NNPS")]
    at = doc.tokens[first].start
    i = bisect_left(doc.mentions, (at, -1)) - 1
    while i >= 0 and at - doc.mentions[i][0] < 1500:
        start, _, entity = doc.mentions[i]
        named = all(name in entity.name for name in names)
        if entity.type == "ORG" and named and not _owned(doc.text, start):
            return entity.name
        i -= 1
    return None


def _owned(text: str, start: int) -> bool:
    """Whether a name follows a possessive ("its Taobao platform"): a part of another."""
    before = text[max(0, start - 7) : start].split()
    return bool(before) and before[-1].lower() in ("its", "their", "his", "her")
