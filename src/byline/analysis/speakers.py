"""Who said a quote: cue words, the speaker's words around them, and what they refer to.

Works on a :class:`Document`, the article's tokens laid out flat with their sentence and
paragraph, so every look-up is a bounded walk from one token. Cues are reporting verbs
in any form ("said", "tells", "went on", "according to"); the speaker is the noun phrase
before the cue ("an Alibaba spokeswoman said") or after it ("said Jane Doe"); a pronoun
is resolved to the nearest fitting earlier speaker, subject or named entity. Must not
import Textual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from byline.analysis.constants import NOUN_TAGS
from byline.analysis.model import Entity, Span, Token

_VERBS = (
    "say tell add state write ask explain note continue claim insist argue declare announce "
    "respond reply answer recall remark comment observe warn predict acknowledge admit concede "
    "confirm deny suggest contend maintain assert boast complain joke quip tweet post testify "
    "report emphasize emphasise stress vow promise pledge urge shout yell exclaim whisper "
    "mutter scoff laugh sigh recount reiterate repeat conclude charge allege lament muse "
    "wonder demand plead advise caution counter retort rebut interject offer summarize "
    "describe call read begin open agree disagree criticize criticise praise mock accuse "
    "proclaim tout thunder snap fume hint concur estimate reason theorize marvel"
)
_IRREGULAR = {
    "say": "said",
    "tell": "told",
    "write": "wrote written",
    "read": "read",
    "begin": "began begun",
    "thunder": "thundered",
    "offer": "offered",
    "answer": "answered",
    "counter": "countered",
    "wonder": "wondered",
    "whisper": "whispered",
    "mutter": "muttered",
    "open": "opened",
}


def _forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2] not in "aeiou":
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
        past = stem + "ed"
    if verb in ("quip", "snap", "plan", "admit", "rebut", "scoff") and verb[-1] in "pt":
        past, gerund = (
            (verb + verb[-1] + "ed", verb + verb[-1] + "ing")
            if verb != "scoff"
            else (past, verb + "ing")
        )
    else:
        gerund = stem + "ing" if not verb.endswith("ee") else verb + "ing"
    forms = {verb, third, gerund}
    forms.update(_IRREGULAR.get(verb, past).split())
    return forms


CUE_WORDS: frozenset[str] = frozenset(form for verb in _VERBS.split() for form in _forms(verb))
"""Every form of the reporting verbs byline recognises as cues."""

_STRONG = frozenset(_forms("say") | _forms("tell") | _forms("add") | _forms("write"))
_GO_ON = {"go", "goes", "went", "going", "gone"}
# Cues that may come before their speaker: "said Jane Doe", "according to the letter".
_INVERTIBLE = frozenset(
    "said says say added adds asked asks wrote writes continued continues explained explains "
    "noted notes replied replies tweeted declared argued insisted recalled responded "
    "answered stated states warned concluded".split()
)
_HEARER_CUES = frozenset(_forms("tell") | {"asked"})
_NP_TAGS = NOUN_TAGS | {"DT", "JJ", "JJR", "JJS", "PRP$", "POS", "VBN", "HYPH", "FW"}
_LINKS = {"of", "for", "at", "from", "with", "in", "&", "and", "de", "to"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who"}
_QUOTE_MARKS = {'"', "“", "”", "''", "``"}
_SKIP_BEFORE_CUE = {"RB", "MD", "VBD", "VBZ", "VBP", "VB", "VBN", "TO", "RP"}


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker as an attribution names it.

    Attributes:
        speaker: who it is, resolved as far as the text allows.
        speaker_span: the words that name the speaker.
        cue: the cue word(s) as written.
        cue_span: where the cue stands.
    """

    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None


@dataclass
class Document:
    """The article's tokens laid out flat, with what each look-up needs.

    Attributes:
        text: the article.
        tokens: every token in text order.
        sentence: the sentence index of each token.
        paragraph: the paragraph index of each token.
        quoted: whether each token lies inside a quote.
        entities: entity by mention, as ``(start, end, entity)`` in text order.
    """

    text: str
    tokens: list[Token]
    sentence: list[int]
    paragraph: list[int]
    quoted: list[bool]
    entities: list[tuple[int, int, Entity]]
    starts: list[int] = field(default_factory=list)
    history: list[tuple[int, str, str]] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        text: str,
        paragraphs: Sequence[Span],
        tokens: Sequence[Sequence[Token]],
        entities: Sequence[Entity],
    ) -> Document:
        """Flatten per-sentence tokens and index the entity mentions."""
        flat: list[Token] = []
        sentence_of: list[int] = []
        for index, sentence in enumerate(tokens):
            flat.extend(sentence)
            sentence_of.extend([index] * len(sentence))
        paragraph_starts = [p.start for p in paragraphs]
        paragraph_of = [max(0, bisect_right(paragraph_starts, t.start) - 1) for t in flat]
        mentions = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        return cls(
            text,
            flat,
            sentence_of,
            paragraph_of,
            [False] * len(flat),
            mentions,
            [t.start for t in flat],
        )

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def mark_quoted(self, start: int, end: int) -> None:
        """Flag the tokens of ``[start, end)`` as quoted words."""
        for i in range(self.index_at(start), self.index_at(end)):
            self.quoted[i] = True

    def span(self, first: int, last: int) -> Span:
        """Span from token ``first`` to token ``last`` (inclusive)."""
        return Span(self.tokens[first].start, self.tokens[last].end)


def is_cue(doc: Document, i: int) -> bool:
    """Whether token ``i`` is a reporting verb (or "according", "went" of "went on")."""
    word = doc.tokens[i].text.lower()
    nxt = doc.tokens[i + 1].text.lower() if i + 1 < len(doc.tokens) else ""
    if word == "according":
        return nxt == "to"
    if word in _GO_ON:
        return nxt == "on"
    if word not in CUE_WORDS:
        return False
    return word in _STRONG or doc.tokens[i].pos.startswith("VB")


def _cue_end(doc: Document, i: int) -> int:
    word = doc.tokens[i].text.lower()
    return i + 1 if word == "according" or word in _GO_ON else i


def _np_backward(doc: Document, last: int, low: int) -> int | None:
    """First token of the noun phrase ending at token ``last`` (None if none)."""
    i, first, seen_noun = last, None, False
    while i >= low and last - i < 12:
        token = doc.tokens[i]
        word, pos = token.text, token.pos
        if word == ")" and i > low:
            j = i
            while j > low and doc.tokens[j].text != "(" and i - j < 8:
                j -= 1
            if doc.tokens[j].text == "(":
                i = j - 1
                continue
            break
        if pos == "PRP":
            if word.lower() in _SUBJECT_PRONOUNS and not seen_noun:
                return i
            break
        if word.lower() in _LINKS and seen_noun and i > low and doc.tokens[i - 1].pos in NOUN_TAGS:
            i -= 1
            continue
        if pos in _NP_TAGS or word in _QUOTE_MARKS and seen_noun or word in ("’s", "'s"):
            if pos in NOUN_TAGS:
                seen_noun = True
            if pos == "VBN" and not seen_noun:
                break
            first = i
            i -= 1
            continue
        break
    if first is None or not seen_noun:
        return None
    while first <= last and doc.tokens[first].text in _QUOTE_MARKS:
        first += 1
    return first if first <= last else None


def _np_forward(doc: Document, first: int, high: int) -> int | None:
    """Last token of the noun phrase starting at token ``first`` (None if none)."""
    i, last, seen_noun = first, None, False
    while i < high and i - first < 12:
        token = doc.tokens[i]
        if token.pos == "PRP":
            return i if not seen_noun and token.text.lower() in _SUBJECT_PRONOUNS else last
        if (
            token.text.lower() in _LINKS
            and seen_noun
            and i + 1 < high
            and doc.tokens[i + 1].pos in _NP_TAGS
        ):
            i += 1
            continue
        if token.pos in _NP_TAGS and token.text not in _QUOTE_MARKS:
            seen_noun = seen_noun or token.pos in NOUN_TAGS
            last = i
            i += 1
            continue
        break
    while last is not None and doc.tokens[last].pos not in NOUN_TAGS and last > first:
        last -= 1
    return last if seen_noun else None


def find_name_end(doc: Document, first: int, high: int) -> int | None:
    """Last token of the noun phrase starting at token ``first`` (None if none)."""
    return _np_forward(doc, first, high)


def _subject_before(doc: Document, cue: int, low: int) -> tuple[int, int] | None:
    """The subject noun phrase of the cue at token ``cue`` as token bounds."""
    i = cue - 1
    # Skip adverbs and verb chains: "she later said", "has said", "went on to say".
    while (
        i >= low
        and cue - i <= 5
        and (
            doc.tokens[i].pos in _SKIP_BEFORE_CUE
            or doc.tokens[i].text.lower() in ("not", "also", "on")
        )
    ):
        i -= 1
    if i < low:
        return None
    if doc.tokens[i].text == ",":
        # "Jack Ma, Alibaba's founder, said": prefer the phrase before the parenthesis.
        j = i - 1
        while j >= low and i - j < 20 and doc.tokens[j].text != ",":
            j -= 1
        if j > low and doc.tokens[j].text == ",":
            first = _np_backward(doc, j - 1, low)
            if first is not None and (
                first == low or doc.tokens[first - 1].pos not in ("IN", "VB", "VBD", "VBZ", "VBP")
            ):
                return first, j - 1
        first = _np_backward(doc, i - 1, max(low, j + 1))
        return (first, i - 1) if first is not None else None
    first = _np_backward(doc, i, low)
    return (first, i) if first is not None else None


def find_attribution(
    doc: Document, low: int, high: int, *, after: bool
) -> tuple[int, int, int, int] | None:
    """A cue with its speaker among tokens ``[low, high)``.

    Args:
        doc: the article.
        low: first token of the window (outside any quote).
        high: end of the window.
        after: the window follows the quote (take the first cue) rather than leads to it
            (take the last).

    Returns:
        ``(cue_first, cue_last, speaker_first, speaker_last)`` token indices, or None.
    """
    order = range(low, high) if after else range(high - 1, low - 1, -1)
    for i in order:
        if after and i - low > 26:
            return None
        if doc.quoted[i] or not is_cue(doc, i):
            continue
        end = _cue_end(doc, i)
        word = doc.tokens[i].text.lower()
        participle = doc.tokens[i].pos == "VBG" or word.endswith("ing")
        subject = None
        if word != "according" and not participle:
            subject = _subject_before(doc, i, low)
            if after and subject is not None and subject[0] - low > 2:
                subject = None
        if (
            subject is None
            and (word in _INVERTIBLE or word == "according")
            and (not after or i - low <= 2)
        ):
            first = end + 1
            last = _np_forward(doc, first, high)
            # Before a quote the inverted speaker ends the lead-in: "said Smith: “…”".
            if last is not None and (after or high - last <= 3):
                subject = (first, last)
        if subject is None and doc.tokens[max(low, i - 1)].text.lower() == "to":
            continue  # "went on to say": the chain's first verb is the cue
        if subject is None and after:
            continue
        if subject is None:
            from byline.analysis.referents import clause_subject  # referents imports this module

            subject = clause_subject(doc, i)
        first_cue = i
        if subject is not None and i - subject[1] > 2:
            # A verb chain between subject and cue: "went on to say" reads as "went on".
            for k in range(subject[1] + 1, i):
                if doc.tokens[k].text.lower() in _GO_ON and doc.tokens[k + 1].text.lower() == "on":
                    first_cue, end = k, k + 1
                    break
        return (first_cue, end, *(subject or (-1, -1)))
    return None
