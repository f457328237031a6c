"""Sentences that belong to the page, not the story: prompts, bylines, captions, stamps.

A news page mixes the story with furniture: "Scroll down for video", "ALSO READ: …",
"By . Daily Mail Reporter . PUBLISHED: …", photo captions ("Caught on camera: …", "Kim
(left) and her mother"), product captions ("Chestnut honey."), live-blog time stamps
("3.00pm BST"). A summary never takes them. This module also tells a real lede's opening
marks (a dateline such as "(CNN) --" or "Islamabad, Jul 31 (PTI)"), which are evidence
*for* the lede rather than against it.

Works on a sentence's text and, when given, its POS tags; no NLTK.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from byline.analysis.model import Token

# Prompts to the reader and links to other stories.
_PROMPT = re.compile(
    r"""^[\s'"‘“(\[]*(?:
        scroll\s+(?:down|up)\b
        | (?:also|read|see)\s+(?:read|more|also)\b\s*[:|\-–—]
        | (?:also\s+read|read\s+more|related|recommended|more\s+on\s+this)\s*[:|\-–—]
        | (?:watch|video|videos|photos?|pictures?|gallery|listen|audio|live)\s*[:|\-–—]
        | (?:click|tap)\s+(?:here|to|on|the)\b
        | watch\s+(?:the\s+)?(?:video|clip)\b
        | follow\s+(?:us|@\w+|\w+\s+on\s+twitter)\b
        | (?:share|e-?mail)\s+this\b
        | (?:sign\s+up|subscribe)\b.{0,40}\b(?:newsletter|here)\b
        | advertisement\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Daily Mail page heads: "By . Daily Mail Reporter . PUBLISHED: 12:01 EST, 3 May 2013 |".
_BYLINE = re.compile(
    r"""^[\s'"‘“]*(?:
        by\s*\.?\s*$
        | by\s+\.\s
        | (?:published|updated|last\s+updated)\s*:
        | (?:daily\s+mail|mailonline|associated\s+press|press\s+association)\s+reporters?\b
    )|\b(?:published|updated)\s*:\s*\d{1,2}:\d\d\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption points at a picture: "(pictured)", "(left)", "(above, in 2012)".
_PICTURE = re.compile(
    r"\((?:[^()]{0,30}\b)?(?:pictured|picture[sd]?|left|right|centre|center|above|below|"
    r"inset|top|bottom|file\s+photo|main\s+image)\b[^()]{0,30}\)",
    re.IGNORECASE,
)
# Labels Daily Mail and others put before a caption: "Caught on camera: The moment …".
_CAPTION_LABEL = re.compile(
    r"^[\s'‘“]*(?:caught\s+on\s+(?:camera|film|video)|pictured|picture|photo(?:graph)?|"
    r"in\s+pictures|above|below|inset|main\s+picture|file\s+photo|screengrab|still)\s*:",
    re.IGNORECASE,
)
# A bare time stamp of a live blog: "3.00pm BST", "7.12am GMT", "12:45 IST".
_STAMP = re.compile(
    r"^\s*\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*$",
    re.IGNORECASE,
)
# Where a real lede opens with its source: "(CNN)", "London (Reuters) -", "Jul 31 (PTI)".
_DATELINE = re.compile(
    r"^[\s\"'“‘]*(?:by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+)?"
    r"(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z0-9][\w.'’-]*){0,5}\s*)?"
    r"\((?:CNN|Reuters|AP|AFP|PTI|IANS|ANI|UPI|Bloomberg|CNN\s+Money|EW\.com|"
    r"Mashable|Rolling\s+Stone|Variety)\)\s*(?:--|—|–|-|:)?",
)
_COLON_DATELINE = re.compile(r"^[\s\"“]*[A-Z][A-Z .'’-]{2,30}\s*:\s+\S")
_FRAGMENT_WORDS = 5


def is_dateline_lede(sentence: str) -> bool:
    """True when the sentence opens with a news agency's dateline ("(CNN) --")."""
    return bool(_DATELINE.match(sentence) or _COLON_DATELINE.match(sentence))


def mentions_picture(sentence: str) -> bool:
    """True when the sentence points at a picture ("(pictured)", "(left)").

    Not furniture by itself: Daily Mail puts these marks in story sentences too.
    """
    return bool(_PICTURE.search(sentence))


def _words(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if t.text[:1].isalnum()]


def _is_fragment(sentence: str, tokens: Sequence[Token]) -> bool:
    """A short verbless noun phrase standing alone: a product caption ("Chestnut honey.")."""
    words = _words(tokens)
    if not words or len(words) > _FRAGMENT_WORDS or not tokens:
        return False
    if sentence.rstrip().endswith(("?", "!", ":", '"', "”", "'", "’")):
        return False
    return not any(t.pos.startswith(("VB", "MD")) for t in tokens) and all(
        t.pos.startswith(("NN", "JJ", "DT", "CD", "IN", "CC", "POS", ",", "."))
        for t in tokens
        if t.pos
    )


def kind(sentence: str, tokens: Sequence[Token] = ()) -> str | None:
    """What piece of furniture the sentence is, or None for a story sentence.

    Args:
        sentence: the sentence's text.
        tokens: its tokens with POS tags; without them short verbless captions go
            unnoticed.

    Returns:
        ``"prompt"``, ``"byline"``, ``"caption"``, ``"stamp"`` or ``"fragment"``, or None.
    """
    text = sentence.strip()
    if not text:
        return None
    if _PROMPT.match(text):
        return "prompt"
    if _BYLINE.search(text):
        return "byline"
    if _STAMP.match(text):
        return "stamp"
    if _CAPTION_LABEL.match(text):
        return "caption"
    if _is_fragment(text, tokens):
        return "fragment"
    return None


def is_furniture(sentence: str, tokens: Sequence[Token] = ()) -> bool:
    """True when the sentence is furniture (see :func:`kind`)."""
    return kind(sentence, tokens) is not None
