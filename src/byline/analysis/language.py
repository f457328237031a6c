"""Which language an article is written in, from its function words; offline and pure.

byline's entity tagger and quote attribution are trained on English. Run on German they
still answer, confidently and wrongly ("Montag" a place), so the analysis says what the
text looks like and the reader warns once. The check is deliberately simple: the share of
the words that are a language's stopwords (NLTK's lists, shipped in
``models/language/stopwords.json``; built by ``scripts/build_language_profiles.py``), the
highest share winning; text in the Chinese, Japanese, Korean or Thai script is told by
script.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache

from byline.resources import models_dir

ENGLISH = "en"

SAMPLE_CHARACTERS = 20_000
"""Only this much of the text is looked at: enough words to tell, cheap for 1 MB."""
MIN_WORDS = 20
"""Fewer words than this (a headline, a caption) are too few to tell."""
MIN_SHARE = 0.12
"""Running text is a third to a half stopwords; below this share no list fits it."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_SCRIPTS = {"HANGUL": "ko", "THAI": "th"}
"""Scripts that name their language (looked up in the characters' Unicode names)."""
_SCRIPT_NAMES = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean", "th": "Thai"}


@cache
def _profiles() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Which languages list each stopword, and each language's English name, by ISO
    639-1 code."""
    path = models_dir() / "language" / "stopwords.json"
    languages = json.loads(path.read_text(encoding="utf-8"))["languages"]
    listing: dict[str, list[str]] = {}
    for code, entry in languages.items():
        for word in entry["words"].split():
            listing.setdefault(word, []).append(code)
    names = {code: entry["name"] for code, entry in languages.items()}
    return {word: tuple(codes) for word, codes in listing.items()}, {**names, **_SCRIPT_NAMES}


def language_name(code: str) -> str:
    """The English name of language ``code`` ("de" -> "German"); the code if unknown."""
    return _profiles()[1].get(code, code)


def _script_language(text: str) -> str | None:
    """ "zh", "ja", "ko" or "th" when most letters of ``text`` are in that script."""
    # Only letters outside ASCII can be in these scripts: most text never reaches the
    # per-character name lookups (they cost 6% of an English article's analysis).
    wide = [ch for ch in _NON_ASCII.findall(text) if ch.isalpha()]
    total = len(wide) + len(_ASCII_LETTERS.findall(text))
    if len(wide) * 2 <= total:
        return None
    counts: dict[str, int] = {}
    for ch in wide:
        name = unicodedata.name(ch, "")
        if name.startswith("CJK UNIFIED IDEOGRAPH"):
            key = "zh"
        elif name.startswith(("HIRAGANA", "KATAKANA")):
            key = "ja"
        else:
            key = next((code for script, code in _SCRIPTS.items() if name.startswith(script)), "")
        counts[key] = counts.get(key, 0) + 1
    east_asian = counts.get("zh", 0) + counts.get("ja", 0)
    if east_asian * 2 > total:
        # Japanese mixes kanji with kana; Chinese has no kana at all.
        return "ja" if counts.get("ja", 0) * 10 > east_asian else "zh"
    for code in ("ko", "th"):
        if counts.get(code, 0) * 2 > total:
            return code
    return None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` looks written in ("en", "de"…), or
    None when it is too short to tell or fits no language byline knows."""
    sample = text[:SAMPLE_CHARACTERS]
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script
    words = [word.lower().replace("’", "'") for word in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    listing, _ = _profiles()
    hits = Counter(code for word in words for code in listing.get(word, ()))
    if not hits:
        return None
    # Ties go to English: the reader then says nothing.
    best = max(hits, key=lambda code: (hits[code], code == ENGLISH))
    return best if hits[best] >= MIN_SHARE * len(words) else None
