"""One run of the quote finder over a document: which tokens are quoted, who spoke so far.

The :class:`~byline.analysis.document.Document` is shared by every stage and never
changes; this is the quote stage's own working state, made fresh by each
:func:`~byline.analysis.quotes.find_quotes` call and dropped after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from byline.analysis.document import Document


@dataclass
class QuoteScan:
    """The quote stage's state over one document.

    Attributes:
        doc: the article.
        quoted: whether each token lies inside a quote (of three words or more).
        history: each speaker named so far as ``(offset, name, kind)``, in the order
            found, for descriptions ("the spokeswoman") and pronouns to refer back to.
    """

    doc: Document
    quoted: list[bool]
    history: list[tuple[int, str, str]] = field(default_factory=list)

    @cached_property
    def entity_names(self) -> frozenset[str]:
        """The names of the article's entities other than MISC, gathered once: each
        source's kind is looked up here, not by a pass over every entity."""
        return frozenset(e.name for e in self.doc.entities if e.type != "MISC")

    @classmethod
    def of(cls, doc: Document) -> QuoteScan:
        """A fresh scan of ``doc``: nothing quoted, nobody named yet."""
        return cls(doc, [False] * len(doc.tokens))

    @classmethod
    def over_stretches(cls, doc: Document) -> QuoteScan:
        """A fresh scan of ``doc`` with every quoted stretch of three words or more marked.

        What the attribution stage and its trainer start from: words inside quotes are
        never cues.
        """
        from byline.analysis.quotes.stretches import quoted_stretches, words_in

        scan = cls.of(doc)
        for start, end in quoted_stretches(doc.text, doc.paragraphs):
            if len(words_in(doc.text[start:end])) >= 3:
                scan.mark_quoted(start, end)
        return scan

    def mark_quoted(self, start: int, end: int) -> None:
        """Flag the tokens of ``[start, end)`` as quoted words."""
        for i in range(self.doc.index_at(start), self.doc.index_at(end)):
            self.quoted[i] = True
