"""Span repairs on one sentence's entity tags: where a name starts and stops.

The tagger decides word by word; these rules fix what it gets wrong about span edges in
news copy: a dateline's month is a date, not a name ("PARIS, Dec 7"); a title stays
outside the person it precedes ("Attorney General Xavier Becerra"); "and" and "&" can sit
inside an organisation's name ("Securities and Exchange Commission", "Tiffany & Co.");
lowercase particles belong to the surname ("Ursula von der Leyen"); a comma or quotation
mark after a name is not part of it ("Too Close ,"). Each rule works on
BIO tags and returns new ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

MONTHS = frozenset(
    """jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept.
    oct oct. nov nov. dec dec. january february march april may june july august
    september october november december""".split()
)
PARTICLES = frozenset(
    "von van der den de del della di da du dos das le la bin ibn al el ter ten zu".split()
)
# Words that make a title before a person's name; at least one "core" word must be there.
TITLE_WORDS = frozenset(
    """president vice prime minister secretary general attorney governor gov gov. senator
    sen sen. rep rep. representative chancellor chairman chairwoman chief executive
    officer ceo cfo director judge justice mayor king queen prince princess pope
    ambassador commissioner treasurer speaker deputy foreign finance defence defense
    interior state health economy trade labor labour lt lt. col col. gen gen. sgt sgt.
    capt capt. maj maj. brig brig. adm adm. cpl cpl. pvt pvt. major coach manager
    spokesman spokeswoman founder minister-president premier envoy emir sheikh crown""".split()
)
CORE_TITLES = frozenset(
    """president minister secretary general attorney governor gov gov. senator sen sen.
    rep rep. chancellor chairman chairwoman ceo cfo director judge mayor king queen prince
    princess pope ambassador commissioner treasurer speaker premier envoy emir sheikh
    spokesman spokeswoman founder coach manager lt lt. col col. gen gen. sgt sgt. capt
    capt. maj maj. brig brig. adm adm. cpl cpl. pvt pvt.""".split()
)
# Last words of organisation names that can hold an "and".
ORG_HEADS = frozenset(
    """commission committee company co co. corporation corp corp. bank authority agency
    association department ministry council organization organisation board institute
    university foundation service services administration bureau fund party union
    society trust group inc inc. ltd ltd. plc llc league federation office court
    alliance forum partners industries exchange""".split()
)
# Legal forms that end only a company's name, as written in news copy (case counts:
# "SE" is a company form, "se" is not).
LEGAL_FORMS = frozenset(
    """Inc Inc. Corp Corp. Ltd Ltd. LLC L.L.C. PLC Plc plc GmbH AG SA S.A. NV N.V. BV B.V.
    ASA AB Oyj SpA S.p.A. Co. Limited Incorporated Corporation LLP KGaA Bhd Pte Pty""".split()
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
# Words after which a title-shaped span is an organisation's name, not a person's title.
_NOT_PERSON_TAIL = ORG_HEADS | {"'s", "’s", "of"}

Spans = list[tuple[int, int, str]]
"""Mentions of one sentence as ``(start, end, type)`` word indices, ``end`` exclusive."""
WordLists = Callable[[str], tuple[str, ...]]
"""Lowercased phrase -> the word lists it is in (``GAZETTEER_CLASSES``)."""

_PLACES = frozenset({"CTRY", "CITY", "REGION"})
_KNOWN = frozenset({"CO", "BRAND", "CTRY", "CITY", "REGION", "INST", "TEAM", "MEDIA"})


def spans_of(tags: Sequence[str]) -> Spans:
    """The BIO chunks of one sentence."""
    spans: Spans = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and start >= 0 and tag[2:] == kind:
            continue
        if start >= 0:
            spans.append((start, i, kind))
            start = -1
        if tag != "O":
            start, kind = i, tag[2:]
    if start >= 0:
        spans.append((start, len(tags), kind))
    return spans


def tags_of(spans: Spans, length: int) -> list[str]:
    """BIO tags from non-overlapping chunks."""
    tags = ["O"] * length
    for start, end, kind in sorted(spans):
        tags[start] = "B-" + kind
        for k in range(start + 1, end):
            tags[k] = "I-" + kind
    return tags


def _cap(word: str) -> bool:
    return word[:1].isupper()


def drop_dates(words: Sequence[str], spans: Spans) -> Spans:
    """A month before a day number ("Dec 7", "May 18") is a date: no name starts with it."""
    out: Spans = []
    for start, end, kind in spans:
        while (
            start < end
            and words[start].lower() in MONTHS
            and start + 1 < len(words)
            and words[start + 1][:1].isdigit()
        ):
            start += 1
        if start < end:
            out.append((start, end, kind))
    return out


def bridge_gaps(words: Sequence[str], spans: Spans, seen: Callable[[str], bool]) -> Spans:
    """Two names of one type with only unseen capitalised words between them are one name.

    Greedy tagging can end a name before a word it has never seen and start again after
    it: "[The International] Anticounterfeiting [Coalition]", "[IACC] MarketSafe
    [Program]". Up to three such words are bridged, and only words that ``seen`` does not
    know and that are not in capitals ("ENGLAND BEAT PAKISTAN" is a headline).
    """
    out: Spans = []
    for span in sorted(spans):
        if out:
            start, end, kind = out[-1]
            gap = words[end : span[0]]
            if (
                span[2] == kind
                and 0 < len(gap) <= 3
                and all(
                    w[:1].isupper() and w.isalpha() and not w.isupper() and not seen(w) for w in gap
                )
            ):
                out[-1] = (start, span[1], kind)
                continue
        out.append(span)
    return out


# Marks that can close a name ("Yahoo !", "Canal +", "U.S .", "Corp )" after its "(")
# and so are not trimmed from its end; every other wordless token at an edge is.
_CLOSING_MARKS = frozenset({"!", "+", ".", ")", "]"})
_OPENERS = {")": "(", "]": "["}
# Lowercase words a name never ends on, seen when the tagger runs on into the sentence,
# and never starts on ("Surrey v Kent": "v Kent" is Kent; "in Kerala" is Kerala).
_TRAILING_WORDS = frozenset({"the", "a", "an", "with", "and", "or"})
_LEADING_WORDS = _TRAILING_WORDS | {"v", "vs", "vs.", "versus", "in", "at", "for", "as", "of"}


def _wordless(word: str) -> bool:
    return not any(ch.isalnum() for ch in word)


def trim_edges(words: Sequence[str], spans: Spans) -> Spans:
    """A name neither starts nor ends on punctuation or a stray lowercase word.

    The tagger sometimes runs a name on into the comma, dash or quotation mark after it
    ("Too Close ,", "Vince -", "Canal + with the"), starts it on the word before ("Surrey
    v Kent" giving "v Kent") or tags a lone mark ("…" as a person); those are trimmed,
    and a span of marks alone is dropped. Case counts at the start: "The Hague" may be a
    name, "the Hague" starts at "Hague". Marks that can end a name are kept: "Yahoo !",
    "Canal +", "U.S .", and a bracket closing one the name opened.
    """
    out: Spans = []
    for start, end, kind in spans:
        while start < end and (_wordless(words[start]) or words[start] in _LEADING_WORDS):
            start += 1
        while start < end and _loose_end(words, start, end):
            end -= 1
        if start < end:
            out.append((start, end, kind))
    return out


def _loose_end(words: Sequence[str], start: int, end: int) -> bool:
    """The span's last word is not part of the name (see ``trim_edges``)."""
    last = words[end - 1]
    if last.lower() in _TRAILING_WORDS:
        return end - 1 > start
    if not _wordless(last):
        return False
    if last in _OPENERS:
        return _OPENERS[last] not in words[start : end - 1]
    return last not in _CLOSING_MARKS or end - 1 == start


def drop_layout(words: Sequence[str], spans: Spans) -> Spans:
    """Picture furniture is not a name: "Slideshow (5 images)", "FILE PHOTO"."""
    out: Spans = []
    lowers = [w.lower() for w in words]
    for start, end, kind in spans:
        text = lowers[start:end]
        if text == ["slideshow"] and end + 1 < len(words) and words[end] == "(":
            continue
        if text in (["file", "photo"], ["file"]) and (
            end < len(words) and lowers[end] in ("photo", ":")
        ):
            continue
        out.append((start, end, kind))
    return out


def split_titles(words: Sequence[str], spans: Spans, lists: WordLists) -> Spans:
    """Take titles out of names: "Prime Minister Benjamin Netanyahu" names only the person.

    A span holding a run of title words (with at least one core title: President,
    Minister, Attorney General ...) followed by a capitalised tail is split: what comes
    before the title keeps its own span, the title is outside, the tail is a person. The
    tail must look like a person: a given name first, two words or more, or a span
    already tagged PER. "General Motors" and "Attorney General's Office" stay whole. The
    part before the title is a place when the word lists know it as one ("California").
    """
    out: Spans = []
    for start, end, kind in spans:
        lowers = [w.lower() for w in words[start:end]]
        first = next((k for k, w in enumerate(lowers) if w in TITLE_WORDS), -1)
        if first < 0:
            out.append((start, end, kind))
            continue
        last = first
        while last + 1 < len(lowers) and lowers[last + 1] in TITLE_WORDS:
            last += 1
        tail = list(range(start + last + 1, end))
        core = any(w in CORE_TITLES for w in lowers[first : last + 1])
        person_like = bool(tail) and (
            kind == "PER" or len(tail) >= 2 or "FN" in lists(words[tail[0]].lower())
        )
        after = words[end].lower() if end < len(words) else ""
        if (
            not core
            or not person_like
            or not all(_cap(words[k]) for k in tail)
            or any(words[k].lower() in ORG_HEADS for k in tail)
            or after in _NOT_PERSON_TAIL
        ):
            out.append((start, end, kind))
            continue
        if first > 0 and all(_cap(w) for w in words[start : start + first]):
            before = " ".join(words[start : start + first]).lower()
            place = _PLACES.intersection(lists(before))
            out.append((start, start + first, "LOC" if place else "ORG" if kind == "PER" else kind))
        out.append((tail[0], end, "PER"))
    return out


def join_and(words: Sequence[str], spans: Spans, lists: WordLists) -> Spans:
    """One organisation across "&", and across "and" when the name's head ends it.

    "Tiffany & Co." and "Procter & Gamble" are single names wherever capitalised words
    stand on both sides of "&"; "Securities and Exchange Commission" is one when the words
    after "and" end in an organisation head (Commission, Department, Services ...) and the
    words before it are not a known name of their own ("Sony and Samsung Group" stay two).
    """
    covered = ["O"] * len(words)
    for start, end, kind in spans:
        for k in range(start, end):
            covered[k] = kind
    joins: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word not in ("&", "and") or i == 0 or i + 1 >= len(words):
            continue
        if not (_cap(words[i - 1]) and _cap(words[i + 1])):
            continue
        left = i - 1
        while left > 0 and (_cap(words[left - 1]) or words[left - 1] in ("of", "for")):
            left -= 1
        while not _cap(words[left]) or words[left].lower() in _DETERMINERS:
            left += 1
        right = i + 1
        while right + 1 < len(words) and _cap(words[right + 1]):
            right += 1
        if word == "and":
            head = words[right].lower()
            before = " ".join(words[left:i]).lower()
            if head not in ORG_HEADS or _KNOWN.intersection(lists(before)) or covered[right] == "O":
                continue
            if _complete_name(words[i - 1]):
                continue  # "Johnson Controls Inc and Lear Corp" are two companies
        joins.append((left, right + 1))
    if not joins:
        return spans
    out = list(spans)
    for left, right in joins:
        # The joined name takes over every span it touches, and their edges.
        touched = [s for s in out if s[0] < right and s[1] > left]
        start = min([left, *(s[0] for s in touched)])
        end = max([right, *(s[1] for s in touched)])
        out = [s for s in out if s not in touched] + [(start, end, "ORG")]
    return sorted(out)


def _complete_name(word: str) -> bool:
    """The word ends an organisation's name: a head ("Trust", "Bank") or a legal form."""
    return word.lower() in ORG_HEADS or word in LEGAL_FORMS


def join_particles(words: Sequence[str], spans: Spans) -> Spans:
    """Keep lowercase particles in surnames: "Ursula von der Leyen", "von der Leyen"."""
    out: Spans = []
    consumed = -1
    ordered = sorted(spans)
    for index, (start, end, kind) in enumerate(ordered):
        if start < consumed:
            continue
        if kind == "PER":
            # Particles before the name, at a sentence start or after a non-name word.
            s = start
            while s > 0 and words[s - 1] in PARTICLES:
                s -= 1
            if s < start and (s == 0 or not _cap(words[s - 1])):
                start = s
            # Particles then a capitalised word after the name.
            e = end
            while e < len(words) and words[e] in PARTICLES:
                e += 1
            if e > end and e < len(words) and _cap(words[e]):
                e += 1
                while e < len(words) and _cap(words[e]) and words[e - 1] not in (",",):
                    nxt = ordered[index + 1] if index + 1 < len(ordered) else None
                    if nxt is not None and nxt[0] == e and nxt[2] != "PER":
                        break
                    e += 1
                end = e
                consumed = end
        out.append((start, end, kind))
    return [s for s in out if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in out)]


def legal_forms(words: Sequence[str], spans: Spans) -> Spans:
    """A name ending in a legal form is a company's: "Yara ASA", "Moncler SpA".

    A legal form right after a name joins it ("Yara" then "ASA").
    """
    out: Spans = []
    for start, end, kind in spans:
        if end < len(words) and words[end] in LEGAL_FORMS:
            end += 1
        if end - start > 1 and words[end - 1] in LEGAL_FORMS:
            kind = "ORG"
        out.append((start, end, kind))
    return [s for s in out if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in out)]
