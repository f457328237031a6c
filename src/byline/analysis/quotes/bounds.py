"""Where a reported claim's content and source begin and end, past what the tagger says.

The role tagger (:mod:`.roles`) labels words one by one and sometimes stops short or runs
on; these rules put the bounds where PolNeAR's annotators do, each for one shape found in
the error analysis on PolNeAR dev (and kept when it also helps on a held-out part of
train): "CLAUSE, it said on Monday" claims the opening clause, not the day; "told the
BBC the plant …" was told the BBC, it did not claim it; "said they're convinced …" is
one clause, though "convinced" might be a cue of its own; "The “brand members” behind the
letter" are the source, not the letter; "in response to the letter" answers, it claims
nothing. A report may also go on over an aside or into the next sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from byline.analysis.constants import NOUN_TAGS
from byline.analysis.document import Document
from byline.analysis.quotes.roles import CueContext

JOINERS = frozenset({"and", "but", "or", "while", "as", "before", "after", "then"})
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "’s", "'s", "get", "got"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
EDGE_PUNCT = frozenset({",", ".", ":", ";", "!", "?", "--", "-", "—", "–", "(", ")"})
_CONTINUING = frozenset({"he", "she", "it", "they", "this", "that"})
_BACKSHIFT = frozenset({"would", "could", "might", "should"})
_AUXILIARY_ENDS = frozenset(
    "is are was were be been am ’s 's ’re 're ’ve 've ’d 'd ’m 'm has have had "
    "will would can could may might must should do does did".split()
)
_HEAD_LINKS = frozenset({"behind", "of", "for", "at", "from", "with", "in", "on", "within"})
_HEAD_TAGS = NOUN_TAGS | {"DT", "JJ", "JJS", "JJR", "PRP$", "POS", "CD", "HYPH"}
MARK_WORDS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})
_CLAUSE_OPENING_WORDS = frozenset({"that", "he", "she", "they", "we", "i", "it", "there"})
_CLAUSE_CUES = frozenset(
    "say says said saying tell tells told telling note notes noted noting add adds added "
    "claim claims claimed argue argues argued insist insists insisted warn warns warned "
    "explain explains explained believe believes believed think thinks thought suggest "
    "suggests suggested write writes wrote report reports reported contend contends "
    "contended maintain maintains maintained assert asserts asserted stress stressed "
    "acknowledged admitted conceded confirmed predicted announced recalled".split()
)
"""Cues that report a clause ("said they're convinced …"), not a thing ("praised the deal")."""
_ANSWERS = frozenset({"response", "reply", "reaction", "answer"})
_SUBJECT_TAGS = frozenset({"PRP", "NNP", "NNPS", "DT", "EX"})
_TELL = frozenset({"told", "tell", "tells", "telling"})
_HEARERS = frozenset(
    {"him", "her", "them", "us", "me", "you", "reporters", "journalists", "lawmakers"}
)
_CLAUSE_OPENERS = frozenset({"DT", "PRP", "PRP$", "NNP", "NNPS", "NN", "NNS", "IN", "EX", "CD"})
_WHEN = frozenset(
    "on in at during late early earlier later last this next today yesterday tonight "
    "monday tuesday wednesday thursday friday saturday sunday week weekend month year "
    "morning afternoon evening night a an the statement interview email e-mail".split()
)
"""Words of a time or a medium trailing a cue ("said on Monday", "said in a statement")."""


@dataclass(frozen=True, slots=True)
class Reported:
    """A claim around one cue, as token bounds (inclusive).

    Attributes:
        anchor: the cue's head word.
        cue: first and last word of the cue.
        content: first and last word of what is claimed.
        source: first and last word naming the source, or None.
    """

    anchor: int
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None


def last_word(doc: Document, end: int, floor: int) -> int:
    """``end`` moved back over punctuation, to no earlier than ``floor``: where a content
    cut at a mark ends."""
    while end > floor and doc.tokens[end].text in EDGE_PUNCT:
        end -= 1
    return end


def _sentence_end(doc: Document, token: int) -> int:
    """The last token of the sentence that holds ``token``."""
    sentence = doc.token_sentence[token]
    stop = token
    while stop + 1 < len(doc.tokens) and doc.token_sentence[stop + 1] == sentence:
        stop += 1
    return stop


def in_response(doc: Document, claim: Reported) -> bool:
    """Whether the "content" is what a statement answers: "in response to the letter"."""
    at = claim.content[0]
    return (
        at >= 2
        and doc.tokens[at].text.lower() == "to"
        and doc.tokens[at - 1].text.lower() in _ANSWERS
        and doc.tokens[at - 2].text.lower() == "in"
    )


def whole_clause(doc: Document, claim: Reported, claims: Sequence[Reported]) -> Reported:
    """A reported clause the tagger stopped at its subject, grown to the sentence's end.

    "said they're increasingly convinced …", "says Machado promised …": a content after
    its cue that opens like a clause ("that", a pronoun, a name) but holds no verb, with
    a finite verb close after it, is the whole clause.
    """
    first, last = claim.content
    tokens = doc.tokens
    if not verbless_clause(doc, claim):
        return claim
    stop = _sentence_end(doc, last)
    near = range(last + 1, min(stop, last + 6) + 1)
    if not any(tokens[k].pos in FINITE for k in near):
        return claim
    if _claimed_between(claims, last, stop):
        return claim
    return Reported(claim.anchor, claim.cue, (first, _clause_end(doc, last, stop)), claim.source)


def _claimed_between(claims: Sequence[Reported], last: int, stop: int) -> bool:
    """Whether another claim's cue or content starts after ``last`` and by ``stop``."""
    return any(last < c.cue[0] <= stop or last < c.content[0] <= stop for c in claims)


def _clause_end(doc: Document, after: int, stop: int) -> int:
    """Where a content grown from ``after`` to ``stop`` (its sentence's end) ends: before
    a semicolon or colon, and on a word, not on punctuation."""
    tokens = doc.tokens
    for k in range(after + 1, stop + 1):
        if tokens[k].text in (";", ":"):
            stop = k - 1
            break
    return last_word(doc, stop, after)


_LIST_OPENERS = frozenset({"including", "followed", "such"})
_LIST_STOPS = frozenset({"which", "who", "whom", "whose", "while", "but", "although", "though"})


def listed(doc: Document, claim: Reported, claims: Sequence[Reported]) -> Reported:
    """A content after its cue that the tagger stopped at a comma inside a list, grown to
    the list's end ("he and Trump differ on Israel, the Iranian nuclear deal and …",
    "…, including …"), or over a verb it shares its subject with (", and took …")."""
    first, last = claim.content
    tokens = doc.tokens
    comma = last + 1
    if first <= claim.cue[1] or comma + 1 >= len(tokens) or tokens[comma].text != ",":
        return claim
    stop = _clause_end(doc, comma, _sentence_end(doc, last))
    if stop <= comma or _claimed_between(claims, last, stop):
        return claim
    rest = tokens[comma + 1 : stop + 1]
    words = [t.text.lower() for t in rest]
    opens_list = words[0] in _LIST_OPENERS
    lists = "and" in words or "or" in words
    verbless = not any(
        t.pos in FINITE or t.pos == "VBG" and t.text.lower() not in _LIST_OPENERS for t in rest
    )
    shared_verb = words[0] == "and" and len(rest) > 1 and rest[1].pos in FINITE
    if _LIST_STOPS.intersection(words) or not (opens_list or lists and verbless or shared_verb):
        return claim
    return Reported(claim.anchor, claim.cue, (first, stop), claim.source)


def from_that(doc: Document, claim: Reported) -> Reported:
    """A content after its cue that opens with whom or where it was said before its
    "that" ("told a crowded banquet hall in Baltimore that he's not giving up", "said
    during a taping in Buffalo, New York, that …"), started at the "that"."""
    first, last = claim.content
    tokens = doc.tokens
    if first <= claim.cue[1]:
        return claim
    for k in range(first + 1, min(last, first + 25)):
        if tokens[k].pos in FINITE or tokens[k].text in MARK_WORDS:
            return claim
        if tokens[k].text.lower() == "that":
            break
    else:
        return claim
    if tokens[k + 1].pos.startswith("VB") or tokens[k + 1].pos == "MD":
        return claim  # "the company that makes shoes": a relative clause
    told = tokens[claim.anchor].text.lower() in _TELL
    if not (told or tokens[first].pos == "IN" or tokens[k - 1].text == ","):
        return claim
    if not any(tokens[j].pos in FINITE for j in range(k + 1, last + 1)):
        return claim
    return Reported(claim.anchor, claim.cue, (k, last), claim.source)


def continued(
    doc: Document, quoted: Sequence[bool], claim: Reported, claims: Sequence[Reported]
) -> Reported:
    """The claim grown over the next sentence when that one plainly goes on reporting.

    "The company said it would close the plant. It would also cut 200 jobs.": a next
    sentence in the same paragraph that opens with a pronoun, keeps the report's
    backshifted modal ("would", "could", "might") and has no claim or quote of its own.
    """
    last = claim.content[1]
    end = _sentence_end(doc, last) + 1
    if end >= len(doc.tokens) or end - last > 2 or claim.content[1] < claim.anchor:
        return claim  # "CLAUSE, X said." ends the report where it stands
    if doc.token_paragraph[end] != doc.token_paragraph[last]:
        return claim
    stop = _sentence_end(doc, end)
    opener = doc.tokens[end].text.lower()
    modal = any(
        doc.tokens[k].text.lower() in _BACKSHIFT for k in range(end + 1, min(stop, end + 4))
    )
    if opener not in _CONTINUING or not modal or any(quoted[end : stop + 1]):
        return claim
    if any(end <= other.anchor <= stop for other in claims):
        return claim
    stop = last_word(doc, stop, end)
    return Reported(claim.anchor, claim.cue, (claim.content[0], stop), claim.source)


def verbless_clause(doc: Document, claim: Reported) -> bool:
    """Whether a content after its cue opens a clause ("that", a pronoun, a name) but
    holds no verb, or only an auxiliary ending it ("they're"): cut there, it would be a
    subject alone."""
    first, last = claim.content
    tokens = doc.tokens
    if first <= claim.cue[1] or last < first:
        return False
    opener = tokens[first].text.lower()
    if opener not in _CLAUSE_OPENING_WORDS and (
        tokens[first].pos not in _SUBJECT_TAGS
        or tokens[claim.anchor].text.lower() not in _CLAUSE_CUES
    ):
        return False  # "praised the deal": a verb that takes a noun, not a clause
    verbs = [k for k in range(first, last + 1) if tokens[k].pos[:2] in ("VB", "MD")]
    if not verbs:
        return True
    return verbs == [last] and tokens[last].text.lower() in _AUXILIARY_ENDS


def coordinated(doc: Document, claim: Reported) -> bool:
    """Whether the cue follows "and", "but" or a comma: a claim of its own beside another."""
    k = claim.cue[0] - 1
    while k > 0 and (doc.tokens[k].pos in ("RB", "MD") or doc.tokens[k].text.lower() in BE):
        k -= 1
    return k >= 0 and (doc.tokens[k].text.lower() in JOINERS or doc.tokens[k].text == ",")


def with_head(doc: Document, first: int, source: tuple[int, int]) -> tuple[int, int]:
    """The source grown back over the noun phrase it hangs on by a preposition.

    "The “brand members” behind the letter called on …": the tagger may take the
    nearest noun ("the letter"); the source is the phrase opening the sentence.
    """
    tokens = doc.tokens
    link = first + source[0] - 1
    if link <= first or tokens[link].text.lower() not in _HEAD_LINKS:
        return source
    k = link - 1
    if tokens[k].pos not in NOUN_TAGS and tokens[k].text not in MARK_WORDS:
        return source
    while k >= first and (tokens[k].pos in _HEAD_TAGS or tokens[k].text in MARK_WORDS):
        k -= 1
    if k >= first and tokens[k].text != ",":
        return source  # the phrase does not open the sentence (or a clause after a comma)
    return (k + 1 - first, source[1])


def hearer_end(doc: Document, anchor: int, start: int, last: int) -> int | None:
    """The last word of whom a "told" cue speaks to, when its content begins with them.

    "told the BBC the plant would close", "told reporters he would stay": a name, an
    object pronoun or "reporters" before a clause with a verb of its own is who was told,
    not part of what was claimed.
    """
    tokens = doc.tokens
    if tokens[anchor].text.lower() not in _TELL:
        return None
    end = _hearer_last(doc, start, last)
    if end is None:
        return None
    rest = end + 1
    if rest > last or tokens[rest].pos not in _CLAUSE_OPENERS:
        return None
    if tokens[rest].text.lower() == "that":
        rest += 1
    if not any(tokens[j].pos in FINITE for j in range(rest, last + 1)):
        return None
    return end


def clause_before(
    doc: Document, context: CueContext, source: tuple[int, int], cue_last: int, dateline: int
) -> list[int]:
    """The clause a sentence opens with when it ends ", X said [when]." or ", X told
    HEARER [when]." (else nothing).

    "The plant will not reopen, it said on Monday.": the tagger may give the trailing
    "on Monday" (or "The Wall Street Journal") as content, or nothing at all, or run the
    content on over the source; what is claimed is the opening clause.
    """
    first = context.first
    comma = first + source[0] - 1
    if source[1] >= cue_last or comma <= first or doc.tokens[comma].text != ",":
        return []
    after = first + cue_last + 1
    if doc.tokens[context.anchor].text.lower() in _TELL:
        hearer = _hearer_last(doc, after, context.last)
        after = after if hearer is None else hearer + 1
    for k in range(after, context.last + 1):
        token = doc.tokens[k]
        if token.text not in EDGE_PUNCT and token.pos != "CD" and token.text.lower() not in _WHEN:
            return []
    return opening_clause(doc, first, comma, dateline)


def opening_clause(doc: Document, first: int, comma: int, dateline: int) -> list[int]:
    """The words (sentence indices) from the sentence's start, past a dateline, to the
    comma at ``comma`` when they hold a clause of three words or more with a finite verb;
    else nothing."""
    start = max(first, dateline + 1)
    while start < comma and doc.tokens[start].text in EDGE_PUNCT:
        start += 1
    end = last_word(doc, comma - 1, start)
    if end - start < 2 or not any(doc.tokens[k].pos in FINITE for k in range(start, end + 1)):
        return []
    return list(range(start - first, end - first + 1))


def _hearer_last(doc: Document, start: int, last: int) -> int | None:
    """The last word of whom a "told" speaks to when they open at ``start`` ("reporters",
    "the BBC", "The New York Times"), or None."""
    tokens = doc.tokens
    if start > last:
        return None
    if tokens[start].text.lower() in _HEARERS:
        return start
    k = start + 1 if tokens[start].pos == "DT" else start
    names = k
    while k <= last and tokens[k].pos in ("NNP", "NNPS"):
        k += 1
    return k - 1 if k > names else None


def grown(doc: Document, claim: Reported, claims: Sequence[Reported]) -> Reported:
    """A content after its cue, grown over a clause the tagger cut short.

    "said its program, an initiative it started in 2013, is being expanded": a content
    with no finite verb of its own, stopped at an aside (or inside it) that closes with
    a comma before a finite verb and holds no other claim, runs to the sentence's end.
    """
    first, last = claim.content
    if first < claim.anchor:
        return claim
    stop = _sentence_end(doc, last)
    tokens = doc.tokens
    if last + 1 > stop or any(tokens[k].pos in FINITE for k in range(first, last + 1)):
        return claim  # a content with a verb of its own is a whole clause
    if tokens[last + 1].text == ",":
        at = last + 1  # "its program | , an initiative it started in 2013, is being …"
    elif tokens[last].pos in ("PRP", "WDT", "WP") and tokens[last + 1].pos[:2] == "VB":
        at = last + 2  # "an initiative it | started in 2013, is being …"
    else:
        return claim
    closing = [k for k in range(at + 1, stop) if tokens[k].text == ","]
    if not closing or tokens[closing[-1] + 1].pos not in FINITE:
        return claim
    if any(last < other.cue[0] <= stop for other in claims):
        return claim
    return Reported(claim.anchor, claim.cue, (first, last_word(doc, stop, last)), claim.source)
