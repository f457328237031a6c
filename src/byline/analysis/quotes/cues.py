"""Cues: the reporting verbs that attribute a quote, in every form.

"said", "tells", "went on", "according to": a cue is a reporting verb tagged as a verb
(or one of the few strong enough alone: say, tell, add, write), "according" before
"to", or "go" before "on". Forms are made from the base verbs, with the irregular ones
listed.
"""

from __future__ import annotations

from byline.analysis.document import Document

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
GO_ON: frozenset[str] = frozenset({"go", "goes", "went", "going", "gone"})
"""Forms of "go" that make a cue with the "on" after them ("she went on")."""
INVERTIBLE_CUES: frozenset[str] = frozenset(
    "said says say added adds asked asks wrote writes continued continues explained explains "
    "noted notes replied replies tweeted declared argued insisted recalled responded "
    "answered stated states warned concluded".split()
)
"""Cues that may come before their speaker: "said Jane Doe", "according to the letter"."""


def is_cue(doc: Document, i: int) -> bool:
    """Whether token ``i`` is a reporting verb (or "according", "went" of "went on")."""
    word = doc.tokens[i].text.lower()
    nxt = doc.tokens[i + 1].text.lower() if i + 1 < len(doc.tokens) else ""
    if word == "according":
        return nxt == "to"
    if word in GO_ON:
        return nxt == "on"
    if word not in CUE_WORDS:
        return False
    return word in _STRONG or doc.tokens[i].pos.startswith("VB")


def cue_end(doc: Document, i: int) -> int:
    """Last token of the cue starting at token ``i`` ("according to", "went on")."""
    word = doc.tokens[i].text.lower()
    return i + 1 if word == "according" or word in GO_ON else i
