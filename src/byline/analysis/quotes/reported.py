"""Reported speech: the cues the cue model finds, and the source and content around each.

For each cue (:mod:`.cuemodel`), the role tagger (:mod:`.roles`) labels the words of its
sentence; the content runs from the first content word to the last (so a content broken
by its source, "The plan, she said, is dead", is one span), the source is the run of
source words nearest the cue, and the cue grows over the words tagged with it ("told
reporters", "said in a statement"). A cue whose sentence gets no content word reports
nothing, nor does one in a picture's caption ("Pictured: …") or in a relative clause
hanging on the "content" ("the words she said"). A report goes on into the next
sentence when that one plainly continues it ("It would also cut 200 jobs."). Words
are resolved to names by :mod:`.sources`, as quotes' speakers are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from byline.analysis.document import Document
from byline.analysis.model import Span
from byline.analysis.quotes.bounds import (
    BE,
    EDGE_PUNCT,
    FINITE,
    JOINERS,
    Reported,
    clause_before,
    continued,
    coordinated,
    from_that,
    grown,
    hearer_end,
    in_response,
    listed,
    verbless_clause,
    whole_clause,
    with_head,
)
from byline.analysis.quotes.coordination import before_joined_clause
from byline.analysis.quotes.cuemodel import CueModel, stem
from byline.analysis.quotes.overrun import around_cue
from byline.analysis.quotes.roles import CueContext, RoleTagger, sentence_features
from byline.analysis.quotes.scan import QuoteScan
from byline.analysis.quotes.source_bounds import (
    according_opening,
    inverted_source,
    source_after_comma,
    whole_source,
)
from byline.analysis.quotes.speakers import phrase_start

_CAPTION = re.compile(
    r"\s*(?:pictured|photo|photograph|image|picture|caption|credit|above|below|inset|video)"
    r"\s*(?:[:(—–-]|\b(?:left|right|top|centre|center)\b)",
    re.IGNORECASE,
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_WH = frozenset({"WDT", "WP", "IN"})  # "that" is tagged IN or WDT
_NOTHING = frozenset({"nothing", "little", "anything"})
_HEDGED = frozenset({"said", "believed", "thought", "reported", "alleged", "rumored", "rumoured"})
_DASHES = frozenset({"—", "–", "--", "-", "―"})
_DANGLING = frozenset({"IN", "DT", "CC", "TO"})  # tags a content never ends on
_PARTICLES = frozenset({"up", "down", "out", "off", "over", "back", "around", "away", "aside"})
_SPEAKING = frozenset({"say", "tell", "accord"})  # stems of "said", "told", "according"


def find_reported(
    doc: Document, quoted: Sequence[bool], cues: CueModel, roles: RoleTagger
) -> list[Reported]:
    """Every cue the model finds with the source and content its tagger labels.

    Args:
        doc: the article.
        quoted: whether each token lies inside a quote (cues never do).
        cues: the cue model.
        roles: the role tagger.

    Returns:
        The claims in text order, at most one per cue.
    """
    found: list[Reported] = []
    taken: set[int] = set()
    rows_of: dict[int, list[tuple]] = {}
    captions = {i for i, p in enumerate(doc.paragraphs) if _CAPTION.match(doc.text, p.start)}
    for anchor, _ in cues.cues(doc, quoted):
        if anchor in taken or captions and doc.token_paragraph[anchor] in captions:
            continue  # already part of an earlier claim, or a picture's caption
        sentence = doc.token_sentence[anchor]
        context = CueContext.of(doc, anchor)
        rows = rows_of.get(sentence)
        if rows is None:
            rows = sentence_features(doc, quoted, context.first, context.last)
            rows_of[sentence] = rows
        labels = roles.tag(doc, quoted, anchor, rows)
        claim = _decode(doc, context, labels)
        if claim is None or _relative_object(doc, claim) or _reports_nothing(doc, anchor):
            continue
        found.append(claim)
        taken.update(range(claim.cue[0], claim.cue[1] + 1))
        if claim.source is not None:
            taken.update(range(claim.source[0], claim.source[1] + 1))
    found = [_untrailed(doc, c) for c in found]
    kept = [c for c in _untangle(doc, found) if not in_response(doc, c)]
    kept = [grown(doc, c, kept) for c in kept]
    kept = [whole_clause(doc, c, kept) for c in kept]
    kept = [listed(doc, c, kept) for c in kept]
    kept = [from_that(doc, c) for c in kept]
    kept = [continued(doc, quoted, c, kept) for c in kept if not _bare_object(doc, c)]
    kept = [before_joined_clause(doc, quoted, c) for c in kept]
    return [whole_source(doc, around_cue(doc, quoted, c, kept)) for c in kept]


def _relative_object(doc: Document, claim: Reported) -> bool:
    """Whether the cue is a relative clause hanging on a noun ("the words she said were")."""
    if claim.source is None or claim.source[1] >= claim.anchor:
        return False
    first, after = claim.source[0], claim.cue[1] + 1
    noun_before = first > 0 and doc.tokens[first - 1].pos in ("NN", "NNS")
    if noun_before and after < len(doc.tokens) and doc.tokens[after].pos in FINITE:
        return True  # "The words she said were lost": the noun is the subject, not a claim
    if claim.content[1] >= claim.source[0]:
        return False
    return claim.content[1] + 1 == claim.source[0]


def _untrailed(doc: Document, claim: Reported) -> Reported:
    """The content without the preposition or article the tagger left at its end
    ("leveled against it on | Thursday": PolNeAR leaves the time out, so the "on" too)."""
    first, last = claim.content
    while last > first and doc.tokens[last].pos in _DANGLING and not _particle(doc, last):
        last -= 1
    if last == claim.content[1]:
        return claim
    return Reported(claim.anchor, claim.cue, (first, last), claim.source)


def _particle(doc: Document, k: int) -> bool:
    """Whether word ``k`` is a verb's particle ("not giving up", "backed down"): part of
    the verb, so not a preposition the tagger left dangling."""
    return doc.tokens[k].text.lower() in _PARTICLES and doc.tokens[k - 1].pos.startswith("VB")


def _bare_object(doc: Document, claim: Reported) -> bool:
    """Whether the content is one word after a verb that is not one of speaking
    ("endorsed him", "thanked Clinton"): an object, not a claim. On the held-out fifth
    of PolNeAR train such contents were right one time in nine; after "said" or "told"
    ("said so", "told them") one in two."""
    first, last = claim.content
    if len(doc.text[doc.tokens[first].start : doc.tokens[last].end].split()) > 1:
        return False
    return stem(doc.tokens[claim.anchor].text) not in _SPEAKING


def _reports_nothing(doc: Document, anchor: int) -> bool:
    """Whether the cue reports no claim: "said to be" (a hedge), "said nothing"."""
    k = anchor + 1
    if k >= len(doc.tokens):
        return False
    word = doc.tokens[k].text.lower()
    if word in _NOTHING:
        return True
    cue = doc.tokens[anchor].text.lower()
    if cue in _HEDGED and word == "to" and k + 1 < len(doc.tokens):
        return doc.tokens[k + 1].text.lower() in ("be", "have", "been")
    return False


def _untangle(doc: Document, claims: list[Reported]) -> list[Reported]:
    """One claim per word, as in PolNeAR: nested cues drop, coordinated ones cut.

    A cue inside another claim's content with its source there too ("He says Congress
    will track …"), or with none after a word of that content ("said it was wrong for
    Ginsburg to criticize …"), is part of what is claimed, not a claim of its own. A cue
    inside another's content with its source outside, or with none after "and", "but"
    or a comma ("…, saying that …", "… and said that …"), starts a claim of its own, so
    the first content ends before it.
    """
    claims = list(claims)
    weak = [c.source is None and passive(doc, c.anchor) for c in claims]
    # Only claims of one sentence meet, so each is checked against its sentence's alone:
    # over the whole article this loop would grow with the square of its length.
    by_sentence: dict[int, list[int]] = {}
    for k, claim in enumerate(claims):
        by_sentence.setdefault(doc.token_sentence[claim.anchor], []).append(k)
    dropped: set[int] = set()
    for i, outer in enumerate(claims):
        if i in dropped:
            continue
        for j in by_sentence[doc.token_sentence[outer.anchor]]:
            inner = claims[j]
            if j == i or j in dropped or not _inside(inner.anchor, outer.content):
                continue
            if weak[i] and not weak[j]:
                continue  # an agentless passive never takes a sourced claim in
            if weak[j]:
                dropped.add(j)  # "said the deal would be announced": part of the claim
                continue
            if inner.source is None:
                apart = coordinated(doc, inner)  # "…, saying …", "… and said …"
            else:
                apart = not _inside(inner.source[0], outer.content)
            if (apart or _joined(doc, inner.source, outer)) and inner.anchor > outer.anchor:
                cut = _cut(doc, outer, inner)
                if verbless_clause(doc, cut) and not coordinated(doc, inner):
                    dropped.add(j)  # "said they're convinced …": the clause's own verb
                    continue
                claims[i] = outer = cut
                continue
            dropped.add(j)
    return [c for k, c in enumerate(claims) if k not in dropped and c.content[1] >= c.content[0]]


def _joined(doc: Document, source: tuple[int, int] | None, outer: Reported) -> bool:
    """Whether a source inside another claim follows "and" or "but" after a verb of that
    claim's own ("said Obama lied and Democrats accused …"): a claim beside it."""
    if source is None or source[0] - 1 <= outer.content[0]:
        return False
    if doc.tokens[source[0] - 1].text.lower() not in ("and", "but"):
        return False
    return any(doc.tokens[k].pos in FINITE for k in range(outer.content[0], source[0] - 1))


def _inside(token: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= token <= bounds[1]


def _cut(doc: Document, claim: Reported, later: Reported) -> Reported:
    """``claim`` with its content ending before ``later``'s cue or source."""
    first = claim.content[0]
    last = later.cue[0] - 1
    if later.source is not None and later.source[0] > first:  # not one they share
        last = min(last, later.source[0] - 1)
    while last > first and (
        doc.tokens[last].text in EDGE_PUNCT or doc.tokens[last].text.lower() in JOINERS
    ):
        last -= 1
    return Reported(claim.anchor, claim.cue, (first, last), claim.source)


def _decode(doc: Document, context: CueContext, labels: Sequence[str]) -> Reported | None:
    first, anchor = context.first, context.anchor - context.first
    content = [k for k, label in enumerate(labels) if label == "Q"]
    dateline = _dateline_end(doc, first, context.last)
    while content and (
        doc.tokens[first + content[0]].text in EDGE_PUNCT or first + content[0] <= dateline
    ):
        content.pop(0)
    while content and doc.tokens[first + content[-1]].text in EDGE_PUNCT:
        content.pop()
    cue_first = cue_last = anchor
    while cue_first > 0 and labels[cue_first - 1] == "C":
        cue_first -= 1
    while cue_last + 1 < len(labels) and labels[cue_last + 1] == "C":
        cue_last += 1
    if content and content[0] <= cue_last + 2:
        hearer = hearer_end(doc, first + anchor, first + cue_last + 1, first + content[-1])
        if hearer is not None:  # "told the BBC the plant would close": not what was said
            content = [k for k in content if k > hearer - first]
    source = _nearest_run(labels, "S", anchor)
    turned = inverted_source(doc, context, content, (cue_first, cue_last), dateline)
    turned = turned or according_opening(doc, context, (cue_first, cue_last), dateline)
    if turned is not None:  # "CLAUSE, said a former spokesman.", "According to X, CLAUSE."
        source, content = turned
    if source is not None and (not content or content[-1] > cue_last):
        content = clause_before(doc, context, source, cue_last, dateline) or content
    if not content:
        return None
    while source is not None and source[1] > source[0] and _opens_relative(doc, first + source[1]):
        source = (source[0], source[1] - 1)  # "a letter that": "that" opens what follows
    if source is not None:
        source, content = source_after_comma(doc, first, source, content, (cue_first, cue_last))
    if source is not None and source[1] < anchor:
        source = with_head(doc, first, source)
    if source is not None:
        content = _with_stray_sources(labels, content, source)
        source, content = _subject_in_source(doc, first, source, content)
    if source is not None and source[1] < anchor and passive(doc, first + anchor):
        source = None  # "Alibaba has been criticized": the subject is no source
    if source is not None and source[0] > anchor and content[0] < cue_first:
        after = [k for k in content if k > source[1]]
        opener = first + source[1] + 1
        if after and after[0] <= source[1] + 2 and doc.tokens[opener].pos in _WH:
            # "CLAUSE, according to a letter that has come to light": the relative
            # clause is about the source, not part of what is claimed
            content = [k for k in content if k < cue_first]
    return Reported(
        first + anchor,
        (first + cue_first, first + cue_last),
        (first + content[0], first + content[-1]),
        (first + source[0], first + source[1]) if source else None,
    )


def _subject_in_source(
    doc: Document, first: int, source: tuple[int, int], content: list[int]
) -> tuple[tuple[int, int], list[int]]:
    """The source and content with the content's subject given back to it.

    "According to the company, the plant will close": the tagger may run the source on
    over the comma to "the plant", leaving the content a verb with no subject. The words
    after the source's last comma open the content when the content starts with a verb.
    """
    start, end = source
    if not content or content[0] != end + 1:
        return source, content
    if doc.tokens[first + content[0]].pos not in FINITE:
        return source, content
    commas = [k for k in range(start + 1, end) if doc.tokens[first + k].text == ","]
    if not commas:
        return source, content
    cut = commas[-1]
    return (start, cut - 1), [*range(cut + 1, end + 1), *content]


def _opens_relative(doc: Document, at: int) -> bool:
    return doc.tokens[at].text.lower() in _RELATIVE


def _with_stray_sources(
    labels: Sequence[str], content: list[int], source: tuple[int, int]
) -> list[int]:
    """The content with source-labelled words that border it and are not the source.

    "According to the company, the plant will close": the tagger may label "the" a
    source too; it opens the content.
    """
    held = set(content)
    for k, label in enumerate(labels):
        if label == "S" and not source[0] <= k <= source[1]:
            run = k
            while run < len(labels) and labels[run] == "S":
                run += 1
            if run == content[0]:
                held.update(range(k, run))
    return sorted(held)


def passive(doc: Document, anchor: int) -> bool:
    """Whether the cue is a passive ("has been criticized", "was asked")."""
    if doc.tokens[anchor].pos != "VBN":
        return False
    k = anchor - 1
    while k >= 0 and doc.tokens[k].pos in ("RB", "MD") and anchor - k < 4:
        k -= 1
    return k >= 0 and doc.tokens[k].text.lower() in BE


def _dateline_end(doc: Document, first: int, last: int) -> int:
    """The dash ending a dateline that opens the sentence ("WASHINGTON —"), else -1."""
    for k in range(first, min(last, first + 12)):
        word = doc.tokens[k].text
        if word in _DASHES and k > first:
            return k
        if word[:1].islower():
            return -1
    return -1


def _nearest_run(labels: Sequence[str], label: str, anchor: int) -> tuple[int, int] | None:
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(labels):
        if labels[k] == label:
            start = k
            while k + 1 < len(labels) and labels[k + 1] == label:
                k += 1
            runs.append((start, k))
        k += 1
    if not runs:
        return None
    return min(runs, key=lambda r: min(abs(r[0] - anchor), abs(r[1] - anchor)))


def relative_antecedent(scan: QuoteScan, at: int) -> tuple[int, int] | None:
    """The phrase a relative pronoun at token ``at`` stands for ("Trump, who said")."""
    doc = scan.doc
    if doc.tokens[at].text.lower() not in _RELATIVE:
        return None
    last = at - 1
    if last >= 0 and doc.tokens[last].text == ",":
        last -= 1
    if last < 0 or doc.token_sentence[last] != doc.token_sentence[at]:
        return None
    first = phrase_start(doc, last, max(0, last - 12))
    return (first, last) if first is not None else None


def span_of(doc: Document, bounds: tuple[int, int]) -> Span:
    """The text span of token bounds (inclusive)."""
    return doc.span(bounds[0], bounds[1])
