"""Named entities: tag mentions, then merge the mentions of one thing into one entity.

"Jack Ma" and a later "Ma" are one person; "Alibaba Group", "Alibaba" and "Alibaba’s"
one organisation; an acronym joins the organisation it abbreviates. The entity's name is
its fullest mention and its type the one most of its mentions carry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from byline.analysis.model import ENTITY_TYPES, Entity, EntityType, Span, Token

# Mentions are tagged per sentence: words in, BIO tags out.
Tagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]

_POSSESSIVE = ("’s", "'s", "’", "'")
_CONNECTORS = {"of", "the", "and", "&", "for", "de", "du", "la", "von", "van", "der"}
_JUNK_WORDS = frozenset(
    """i you he she it we they me him her us them my your his its our their this that these
    those there here what who which when where why how a an the and or but if so not no yes
    all any some every each did do does let rather while since however also just mr mrs ms
    dr monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december today yesterday tomorrow""".split()
)
# Last words of a programme's name; the words before them name it alone too.
_PROGRAMME_HEADS = {"program", "programme", "scheme", "initiative", "project", "campaign"}
_PROGRAMME_TYPES = {"ORG", "MISC"}
# Prefixes after which a word's second part may give an acronym a letter.
_PREFIXES = (
    "anti",
    "counter",
    "inter",
    "intra",
    "multi",
    "trans",
    "tele",
    "micro",
    "bio",
    "geo",
    "euro",
    "agri",
    "aero",
    "petro",
    "electro",
    "hydro",
    "super",
    "ultra",
    "pan",
)
_HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "sen",
    "rep",
    "gov",
    "president",
    "judge",
}


@dataclass
class _Group:
    type_votes: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    mentions: list[Span] = field(default_factory=list)

    def best_name(self) -> str:
        # Fullest form: most words, then most often used, then first seen.
        order = {name: position for position, name in enumerate(self.names)}
        return max(order, key=lambda n: (len(n.split()), self.names[n], -order[n]))


def mention_spans(
    tokens: Sequence[Sequence[Token]], tags: Sequence[Sequence[str]]
) -> list[tuple[Span, str]]:
    """Character spans and types of the BIO chunks in ``tags``."""
    found: list[tuple[Span, str]] = []
    for sentence, sentence_tags in zip(tokens, tags, strict=True):
        start: int | None = None
        end = 0
        kind = ""
        for token, tag in zip(sentence, sentence_tags, strict=True):
            inside = tag.startswith("I-") and start is not None and tag[2:] == kind
            if inside:
                end = token.end
                continue
            if start is not None:
                found.append((Span(start, end), kind))
                start = None
            if tag != "O":
                start, end, kind = token.start, token.end, tag[2:]
        if start is not None:
            found.append((Span(start, end), kind))
    return found


def _clean(name: str) -> str:
    for suffix in _POSSESSIVE:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    words = name.split()
    # "The IACC" and "IACC" name one thing; the article is not part of the name.
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _headline_capitals(name: str) -> bool:
    """A name in a headline's or dateline's capitals ("NEW YORK"), not an acronym ("IBM")."""
    return name.isupper() and (len(name.split()) > 1 or len(name) > 4)


def is_junk(name: str) -> bool:
    """Names no reader wants listed: pronouns, function words, bare dates and numbers.

    Case counts: "us" and "Us" are the pronoun, "US" is the United States.
    """
    words = name.split()
    if not any(ch.isalpha() for ch in name) or len(name) < 2:
        return True
    if len(words) != 1:
        return False
    word = words[0].strip(".")
    return word.lower() in _JUNK_WORDS and not (len(word) > 1 and word.isupper())


def is_acronym_of(acronym: str, name: str) -> bool:
    """True when the words of ``name`` give every letter of the acronym, in order.

    Every word (but connectors such as "of" and "and") gives its initial. A word may give
    more letters only where a part of it starts: after a hyphen, at an inner capital
    ("AntiCounterfeiting") or after a prefix such as "anti" ("Anticounterfeiting"), so
    "International Anticounterfeiting Coalition" is IACC but "Benjamin Netanyahu" is not
    BNA.
    """
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _CONNECTORS]
    if len(words) < 2 or not acronym.isupper() or not acronym.isalpha():
        return False
    letters = acronym.lower()
    starts = [_part_initials(word) for word in words]

    def match(at: int, index: int) -> bool:
        if index == len(words):
            return at == len(letters)
        parts = starts[index]
        # The initial, then optionally the initials of the word's later parts, in order.
        for taken in range(1, len(parts) + 1):
            if letters[at : at + taken] == parts[:taken] and match(at + taken, index + 1):
                return True
        return False

    return match(0, 0)


def _part_initials(word: str) -> str:
    """The initials of the parts of one word: "AntiCounterfeiting" and "Anticounterfeiting"
    give "ac"; "Netanyahu" gives "n"."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return ""
    initials = [letters[0].lower()]
    for prev, cur in zip(letters, letters[1:], strict=False):
        if cur.isupper() and prev.islower():
            initials.append(cur.lower())
    lower = "".join(letters).lower()
    for prefix in _PREFIXES:
        if lower.startswith(prefix) and len(lower) > len(prefix) + 2 and len(initials) == 1:
            initials.append(lower[len(prefix)])
            break
    return "".join(initials)


def _programme_stem(words: Sequence[str]) -> tuple[str, ...]:
    """The distinctive words of a programme's name, lowercased: "IACC MarketSafe Program"
    gives ("marketsafe",); () for a name that is not a programme's."""
    if len(words) < 2 or words[-1].lower() not in _PROGRAMME_HEADS:
        return ()
    stem = list(words[:-1])
    if len(stem) > 1 and stem[0].isupper():  # the owner's acronym
        stem = stem[1:]
    return tuple(w.lower() for w in stem)


def _key_words(name: str) -> list[str]:
    return [w for w in name.split() if w.lower().rstrip(".") not in _HONORIFICS]


def merge_mentions(text: str, mentions: Sequence[tuple[Span, str]]) -> tuple[Entity, ...]:
    """Group typed mentions into entities, most mentioned first."""
    merger = _Merger()
    ordered = sorted(mentions, key=lambda m: m[0].start)
    # Fullest names first, so a short form ("Ma") finds the full one ("Jack Ma").
    for span, kind in sorted(ordered, key=lambda m: -len(_clean(m[0].text(text)).split())):
        name = _clean(span.text(text))
        if name:
            merger.add(name, kind, span)
    entities = []
    for group in merger.merged_groups():
        if is_junk(group.best_name()):
            continue
        kind = max(ENTITY_TYPES, key=lambda t: group.type_votes[t])
        spans = tuple(sorted(group.mentions, key=lambda s: s.start))
        entities.append(Entity(name=group.best_name(), type=_as_type(kind), mentions=spans))
    entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
    return tuple(entities)


def _as_type(kind: str) -> EntityType:
    for known in ENTITY_TYPES:
        if kind == known:
            return known
    return "MISC"


class _Merger:
    """Groups names as they come, fullest first, with indexes so that finding the entity a
    short name or acronym refers to costs the same on a 1 MB text as on a short story.

    A shorter name joins the earliest entity one of whose names ends with it (people are
    named again by surname) or, for a non-person, starts with it (organisations by their
    head words); an all-capitals name joins the earliest whose name it abbreviates.
    """

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self._by_name: dict[tuple[str, str], int] = {}
        self._by_suffix: dict[tuple[str, ...], int] = {}
        self._by_prefix: dict[tuple[str, ...], int] = {}
        self._by_initial: dict[str, list[tuple[int, str]]] = {}
        self._by_stem: dict[tuple[str, ...], int] = {}

    def add(self, name: str, kind: str, span: Span) -> None:
        index = self._by_name.get((name.lower(), kind))
        if index is None:
            index = self._find_partner(name, kind)
        if index is None:
            index = len(self.groups)
            self.groups.append(_Group())
        group = self.groups[index]
        if name not in group.names:
            self._index_name(name, index)
        self._by_name.setdefault((name.lower(), kind), index)
        group.names[name] += 1
        group.type_votes[kind] += 1
        group.mentions.append(span)

    def _index_name(self, name: str, index: int) -> None:
        words = tuple(_key_words(name))
        for size in range(1, len(words)):
            self._by_suffix.setdefault(words[-size:], index)
            self._by_prefix.setdefault(words[:size], index)
        if len(name.split()) > 1:
            self._by_initial.setdefault(name[0].lower(), []).append((index, name))
        stem = _programme_stem(words)
        if stem:
            self._by_stem.setdefault(stem, index)

    def merged_groups(self) -> list[_Group]:
        """The groups, after the tagger's stray types are folded in.

        The same name tagged with two types is two entities when both are well used (the
        city and the team), but a name tagged the other way only now and then
        ("Alibaba" as a person twice, as an organisation eighteen times) is tagging
        noise and joins the entity that uses it at least twice as often.
        """
        home = list(range(len(self.groups)))
        for index, group in enumerate(self.groups):
            size = len(group.mentions)
            best = None
            for name in group.names:
                if _headline_capitals(name):
                    continue
                for kind in ENTITY_TYPES:
                    other = self._by_name.get((name.lower(), kind))
                    if other is None or other == index:
                        continue
                    other_size = len(self.groups[other].mentions)
                    if other_size >= 2 * size and (best is None or other_size > best[1]):
                        best = (other, other_size)
            if best is not None:
                home[index] = best[0]
        for index in range(len(home)):
            root = home[index]
            while home[root] != root:
                root = home[root]
            if root != index:
                target = self.groups[root]
                target.names.update(self.groups[index].names)
                target.type_votes.update(self.groups[index].type_votes)
                target.mentions.extend(self.groups[index].mentions)
        return [group for index, group in enumerate(self.groups) if home[index] == index]

    def _dominant(self, index: int) -> str:
        return self.groups[index].type_votes.most_common(1)[0][0]

    def _is_person(self, index: int) -> bool:
        votes = self.groups[index].type_votes
        return votes["PER"] > votes.total() / 2

    def _find_partner(self, name: str, kind: str) -> int | None:
        words = tuple(_key_words(name))
        if not words:
            return None
        found: list[int] = []
        if len(name) > 1 and name.isupper() and name.isalpha():
            # Only an entity of the acronym's own type: "BNA" (an agency) is never the
            # initials of a person.
            for index, full in self._by_initial.get(name[0].lower(), []):
                if self._dominant(index) == kind and is_acronym_of(name, full):
                    found.append(index)
                    break
        # A short form must agree with the entity's type: "Japan" (a place) is not
        # "Japan Airlines", though it starts its name.
        suffix = self._by_suffix.get(words)
        if suffix is not None and kind == "PER" and self._is_person(suffix):
            found.append(suffix)
        prefix = self._by_prefix.get(words)
        if prefix is not None and kind != "PER" and self._dominant(prefix) == kind:
            found.append(prefix)
        # "MarketSafe" is the "IACC MarketSafe Program", be either tagged ORG or MISC.
        stem = self._by_stem.get(tuple(w.lower() for w in words))
        if stem is not None and {kind, self._dominant(stem)} <= _PROGRAMME_TYPES:
            found.append(stem)
        return min(found) if found else None


def find_entities(
    text: str, tokens: Sequence[Sequence[Token]], tagger: Tagger
) -> tuple[Entity, ...]:
    """Tag every sentence's words with ``tagger`` and merge the mentions."""
    tags = tagger([[token.text for token in sentence] for sentence in tokens])
    return merge_mentions(text, mention_spans(tokens, tags))
