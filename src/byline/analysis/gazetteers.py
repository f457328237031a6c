"""Word lists the entity tagger consults, stored as hashed sets that load without parsing.

The training script derives them (``scripts/ner_lexicons.py``) from the gazetteers in
``../shared/data/ner-extra/gazetteers`` and NLTK's word lists, and from label-free text;
the package ships only 64-bit hashes of the lowercased phrases with a bit mask of the
lists each is in, never the lists themselves. A lookup is a binary search in a sorted
``array``, so loading costs a copy of bytes and no set or dict is built. Membership is a
feature for the tagger, never a label: "Chanel" is on the first-name list too.

"""

from __future__ import annotations

import bisect
import zlib
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

GAZETTEER_CLASSES = (
    "CITY",  # cities (GeoNames > 15,000 people, NLTK US cities)
    "CTRY",  # countries, capitals, continents, US states (GeoNames, NLTK, countryinfo)
    "REGION",  # ISO 3166-2 subdivisions, provinces, states
    "NAT",  # demonyms and nationalities
    "FN",  # given names (US Census, NLTK names, Freebase)
    "LN",  # family names (US Census, Freebase)
    "CO",  # listed companies (stock indices, US listings)
    "BRAND",  # brands, consumer companies, car makes, sponsors, funded start-ups
    "INST",  # government agencies, universities, museums
    "TEAM",  # sports teams and leagues
    "MEDIA",  # newspapers, TV networks and channels
    "SUF",  # legal-form words: Inc, Ltd, GmbH, ASA
    "PLACE",  # roads, venues (Freebase)
    "PROD",  # products, car models, video games (Freebase)
    "SHOW",  # TV programmes (Freebase)
    "EVENT",  # awards, festivals, holidays, recurring events (Freebase)
)
"""The lists a phrase can be in; bit ``k`` of a mask is ``GAZETTEER_CLASSES[k]``."""

CASE_BUCKETS = ("?", "L", "l", "c", "C")
"""How often unlabelled text writes a word in lowercase rather than capitalised
mid-sentence: unknown, >= 90%, >= 50%, >= 10%, below."""

USUALLY_LOWER = 8
"""Bit set in a word's case entry when the training words write it lowercase more often."""


def phrase_key(phrase: str) -> int:
    """The stable 64-bit key of a lowercased, space-joined phrase (CRC-32 and Adler-32)."""
    raw = phrase.encode("utf-8")
    return zlib.crc32(raw) << 32 | zlib.adler32(raw)


class HashedTable:
    """A read-only map from phrases to small integers, as sorted 64-bit keys.

    Args:
        keys: sorted keys (:func:`phrase_key` of each phrase).
        values: the value of each key.
    """

    def __init__(self, keys: array, values: array) -> None:
        if len(keys) != len(values):
            raise ValueError("keys and values differ in length")
        self.keys = keys
        self.values = values

    @classmethod
    def build(cls, items: Mapping[str, int], value_type: str = "H") -> HashedTable:
        """Hash and sort ``items`` (OR-ing the values of phrases whose keys collide)."""
        merged: dict[int, int] = {}
        for phrase, value in items.items():
            key = phrase_key(phrase)
            merged[key] = merged.get(key, 0) | value
        keys = array("Q", sorted(merged))
        return cls(keys, array(value_type, (merged[k] for k in keys)))

    def __len__(self) -> int:
        return len(self.keys)

    def get(self, phrase: str) -> int:
        """The value stored for ``phrase``, 0 when it is not in the table."""
        key = phrase_key(phrase)
        at = bisect.bisect_left(self.keys, key)
        if at < len(self.keys) and self.keys[at] == key:
            return int(self.values[at])
        return 0


def class_names(mask: int) -> tuple[str, ...]:
    """The gazetteer classes in a bit mask."""
    return tuple(name for k, name in enumerate(GAZETTEER_CLASSES) if mask >> k & 1)


@dataclass
class Lexicons:
    """Everything the features look up besides the weights.

    Attributes:
        gazetteer: lowercased phrase -> bit mask of :data:`GAZETTEER_CLASSES`.
        case: lowercased word -> index into :data:`CASE_BUCKETS`, plus
            :data:`USUALLY_LOWER` when the training words write it lowercase more often.
        signatures: lowercased word -> its commonest left and right neighbours when
            capitalised in unlabelled text, as ``left,left|right,right`` (a cheap
            stand-in for word clusters).
        gaz_max: the longest gazetteer phrase, in tokens.
    """

    gazetteer: HashedTable
    case: HashedTable
    signatures: dict[str, str] = field(default_factory=dict)
    gaz_max: int = 1

    def arrays(self) -> dict[str, array]:
        """The tables as named arrays, for the model's binary file."""
        return {
            "gaz_keys": self.gazetteer.keys,
            "gaz_values": self.gazetteer.values,
            "case_keys": self.case.keys,
            "case_values": self.case.values,
        }

    def to_json(self) -> dict[str, object]:
        """The small parts, JSON-serialisable and deterministic in order."""
        return {
            "gaz_max": self.gaz_max,
            "signatures": "\n".join(f"{w}\t{s}" for w, s in sorted(self.signatures.items())),
        }

    @classmethod
    def load(cls, data: Mapping[str, object], arrays: Mapping[str, array]) -> Lexicons:
        """Rebuild from :meth:`to_json` and :meth:`arrays` output."""
        signatures: str = data["signatures"]  # type: ignore[assignment]
        gaz_max: int = data["gaz_max"]  # type: ignore[assignment]
        return cls(
            gazetteer=HashedTable(arrays["gaz_keys"], arrays["gaz_values"]),
            case=HashedTable(arrays["case_keys"], arrays["case_values"]),
            signatures=dict(line.split("\t", 1) for line in signatures.split("\n") if line),
            gaz_max=gaz_max,
        )

    @classmethod
    def build(
        cls,
        gazetteer: Mapping[str, Iterable[str]],
        case_bucket: Mapping[str, str],
        usually_lower: Iterable[str],
        signatures: Mapping[str, str],
        gaz_max: int = 6,
    ) -> Lexicons:
        """Hash plain lists (the training script's side)."""
        bit = {name: 1 << k for k, name in enumerate(GAZETTEER_CLASSES)}
        masks: dict[str, int] = {}
        longest = 1
        for phrase, kinds in gazetteer.items():
            size = phrase.count(" ") + 1
            if size > gaz_max:
                continue
            longest = max(longest, size)
            for kind in kinds:
                masks[phrase] = masks.get(phrase, 0) | bit[kind]
        case: dict[str, int] = {w: CASE_BUCKETS.index(b) for w, b in case_bucket.items()}
        for word in usually_lower:
            case[word] = case.get(word, 0) | USUALLY_LOWER
        return cls(
            gazetteer=HashedTable.build(masks, "H"),
            case=HashedTable.build(case, "B"),
            signatures=dict(signatures),
            gaz_max=longest,
        )


# Context words that say the name beside them is an organisation, or a person. Kept
# short and general: the tagger learns how much each is worth.
ORG_CUES = frozenset(
    """maker makers brand brands retailer retailers company companies firm firms group
    giant carrier airline bank banks lender insurer producer manufacturer operator
    startup start-up conglomerate automaker carmaker chipmaker unit subsidiary rival
    rivals shares stock stake investor investors owner acquired acquire merger
    subsidiary listed exchange-listed platform network agency ministry party club
    union council university newspaper broadcaster developer supplier""".split()
)
PER_CUES = frozenset(
    """mr mrs ms dr sir president minister chancellor senator governor mayor
    spokesman spokeswoman spokesperson chairman chairwoman founder ceo chief executive
    coach striker actor actress singer director secretary judge lawyer told said says
    wife husband son daughter father mother aged""".split()
)
