"""Build the entity tagger's word lists (``byline.analysis.gazetteers.Lexicons``).

Used by ``scripts/train_ner.py``. Sources, all read label-free:

* the gazetteers in ``ner-extra/gazetteers`` (GeoNames, ISO 3166, countryinfo demonyms,
  US Census names, listed companies, cleanco legal suffixes, Freebase lists), each file
  mapped to one of ``GAZETTEER_CLASSES`` below, plus NLTK's ``gazetteers`` and ``names``;
* plain text for case statistics and neighbour signatures: the words of the training
  corpora, NLTK Brown, ABC, CoNLL-2000 and State-of-the-Union, and the BBC articles.

Only hashes of the lowercased phrases are shipped (see ``Lexicons``), never the lists.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from byline.analysis.gazetteers import Lexicons
from byline.analysis.nlp import word_spans

# Each gazetteer file (under ner-extra/gazetteers) -> the class its names get.
GAZETTEER_FILES = {
    "geonames_cities15000.tsv": "CITY",
    "geonames_countries_capitals_continents_us.tsv": "CTRY",
    "pycountry_countries_subdivisions.tsv": "REGION",
    "countryinfo_demonyms_places.tsv": {"LOC": "CTRY", "MISC": "NAT"},
    "census1990_first_names.tsv": "FN",
    "census1990_last_names.tsv": "LN",
    "companies_major_indices_pytickersymbols.tsv": "CO",
    "companies_us_listed_datahub.tsv": "CO",
    "org_legal_suffixes_cleanco.tsv": "SUF",
    "freebase_twitter_nlp/business.brand.tsv": "BRAND",
    "freebase_twitter_nlp/business.consumer_company.tsv": "BRAND",
    "freebase_twitter_nlp/venture_capital.venture_funded_company.tsv": "BRAND",
    "freebase_twitter_nlp/business.sponsor.tsv": "BRAND",
    "freebase_twitter_nlp/cvg.cvg_developer.tsv": "BRAND",
    "freebase_twitter_nlp/automotive.make.tsv": "BRAND",
    "freebase_twitter_nlp/government.government_agency.tsv": "INST",
    "freebase_twitter_nlp/education.university.tsv": "INST",
    "freebase_twitter_nlp/architecture.museum.tsv": "INST",
    "freebase_twitter_nlp/sports.sports_team.tsv": "TEAM",
    "freebase_twitter_nlp/sports.sports_league.tsv": "TEAM",
    "freebase_twitter_nlp/book.newspaper.tsv": "MEDIA",
    "freebase_twitter_nlp/tv.tv_network.tsv": "MEDIA",
    "freebase_twitter_nlp/broadcast.tv_channel.tsv": "MEDIA",
    "freebase_twitter_nlp/location.country.tsv": "CTRY",
    "freebase_twitter_nlp/transportation.road.tsv": "PLACE",
    "freebase_twitter_nlp/venues.tsv": "PLACE",
    "freebase_twitter_nlp/automotive.model.tsv": "PROD",
    "freebase_twitter_nlp/business.consumer_product.tsv": "PROD",
    "freebase_twitter_nlp/cvg.computer_videogame.tsv": "PROD",
    "freebase_twitter_nlp/tv.tv_program.tsv": "SHOW",
    "freebase_twitter_nlp/award.award.tsv": "EVENT",
    "freebase_twitter_nlp/base.events.festival_series.tsv": "EVENT",
    "freebase_twitter_nlp/time.holiday.tsv": "EVENT",
    "freebase_twitter_nlp/time.recurring_event.tsv": "EVENT",
    "freebase_twitter_nlp/firstname.5k.tsv": "FN",
    "freebase_twitter_nlp/lastname.5000.tsv": "LN",
    "freebase_twitter_nlp/people.family_name.tsv": "LN",
}
NLTK_GAZETTEERS = {
    "countries.txt": "CTRY",
    "isocountries.txt": "CTRY",
    "usstates.txt": "REGION",
    "caprovinces.txt": "REGION",
    "mexstates.txt": "REGION",
    "usstateabbrev.txt": "REGION",
    "uscities.txt": "CITY",
    "nationalities.txt": "NAT",
}
MAX_PHRASE = 6


def read_lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return [line.strip() for line in text.splitlines() if line.strip()]


def phrase(name: str) -> str:
    """A name as the tagger's tokens see it: tokenised as byline does, lowercased."""
    text = " ".join(name.split())
    words = [text[s:e] for s, e in word_spans(text)]
    return " ".join(w.replace("’", "'") for w in words).lower()


# Two-letter legal forms common enough in news to keep; other two-letter ones ("as",
# "at", "uk", "ok") are mostly words.
_SHORT_SUFFIXES = frozenset(
    {"ag", "sa", "nv", "bv", "ab", "as", "oy", "kk", "co", "lp", "kg", "se"}
)
_NOT_SUFFIXES = frozenset({"private", "unlimited", "and company", "& company"})


def _real_suffix(key: str) -> bool:
    """A legal-form word worth a feature: not a common word in disguise."""
    if key in _NOT_SUFFIXES:
        return False
    return len(key) > 2 or "." in key or key in _SHORT_SUFFIXES


def gazetteer(gazetteers: Path, nltk_data: Path, freebase: bool = True) -> dict[str, set[str]]:
    """Lowercased phrase -> the classes of the lists that name it.

    ``freebase=False`` leaves out the Freebase lists (they come from a GPL-3.0 repository).
    """
    out: dict[str, set[str]] = defaultdict(set)

    def add(name: str, kind: str) -> None:
        key = phrase(name)
        if kind == "SUF" and not _real_suffix(key):
            return
        if key and key.count(" ") < MAX_PHRASE and any(c.isalpha() for c in key):
            out[key].add(kind)
            if kind == "SUF":
                out[key.rstrip(".")].add(kind)

    for name, kind in GAZETTEER_FILES.items():
        if not freebase and name.startswith("freebase_"):
            continue
        for line in read_lines(gazetteers / name):
            entry, _, given = line.partition("\t")
            chosen = kind if isinstance(kind, str) else kind.get(given)
            if chosen:
                add(entry, chosen)
    for name, kind in NLTK_GAZETTEERS.items():
        for line in read_lines(nltk_data / "corpora" / "gazetteers" / name):
            add(line, kind)
    for name in ("male.txt", "female.txt"):
        for line in read_lines(nltk_data / "corpora" / "names" / name):
            add(line, "FN")
    return out


_TOKEN = re.compile(r"\w+(?:[-'.&]\w+)*\.?|\S")
_ENDERS = frozenset({".", "!", "?", ":", '"', "``", "''", "(", "-", "--"})


def unlabelled_sentences(
    nltk_data: Path, data: Path, train_words: Iterable[list[str]]
) -> list[list[str]]:
    """Plain tokenised text for case and neighbour statistics: no labels are read.

    Sources: the training corpora's words, the NLTK Brown, ABC, CoNLL-2000 and
    State-of-the-Union corpora, and the BBC news articles (not their summaries).
    Never a dev split.
    """
    sentences = list(train_words)
    corpora = nltk_data / "corpora"
    for path in sorted((corpora / "brown").glob("c[a-r][0-9][0-9]")):
        for line in path.read_text(encoding="utf-8").splitlines():
            tokens = [tok.rsplit("/", 1)[0] for tok in line.split()]
            if tokens:
                sentences.append(tokens)
    words: list[str] = []
    for line in (corpora / "conll2000" / "train.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
        elif words:
            sentences.append(words)
            words = []
    texts = [corpora / "abc" / "rural.txt", corpora / "abc" / "science.txt"]
    texts += sorted((corpora / "state_union").glob("*.txt"))
    texts += sorted((data / "bbc-news-summary" / "articles").glob("*/*.txt"))
    for path in texts:
        lines = path.read_bytes().decode("utf-8", "replace").splitlines()
        if "bbc-news-summary" in str(path):
            lines = lines[1:]  # the title-cased headline
        for line in lines:
            sentence: list[str] = []
            for token in _TOKEN.findall(line):
                sentence.append(token)
                if token in (".", "!", "?"):
                    sentences.append(sentence)
                    sentence = []
            if sentence:
                sentences.append(sentence)
    return sentences


def case_and_context(
    sentences: list[list[str]], top_contexts: int, min_count: int
) -> tuple[dict[str, str], dict[str, str]]:
    """Case buckets and neighbour signatures (see ``Lexicons``) from plain text."""
    lower_n: Counter[str] = Counter()
    cap_n: Counter[str] = Counter()
    left: dict[str, Counter[str]] = defaultdict(Counter)
    right: dict[str, Counter[str]] = defaultdict(Counter)
    context_n: Counter[str] = Counter()
    for words in sentences:
        letters = [w for w in words if w[:1].isalpha()]
        if letters and all(w.upper() == w for w in letters):
            continue
        for i, word in enumerate(words):
            if word.islower():
                lower_n[word] += 1
            elif word[:1].isupper() and i > 0 and words[i - 1] not in _ENDERS:
                lower = word.lower()
                cap_n[lower] += 1
                prev = words[i - 1].lower()
                nxt = words[i + 1].lower() if i + 1 < len(words) else "</s>"
                left[lower][prev] += 1
                right[lower][nxt] += 1
                context_n[prev] += 1
                context_n[nxt] += 1
    buckets = {}
    for word in set(lower_n) | set(cap_n):
        total = lower_n[word] + cap_n[word]
        if total < 2:
            continue
        share = lower_n[word] / total
        bucket = "L" if share >= 0.9 else "l" if share >= 0.5 else "c"
        buckets[word] = bucket if share >= 0.1 else "C"
    common = {w for w, _ in context_n.most_common(top_contexts) if any(c.isalnum() for c in w)}
    signatures = {}
    for word, n in cap_n.items():
        if n < min_count:
            continue
        lefts = [w for w, c in left[word].most_common() if w in common and c >= 2][:3]
        rights = [w for w, c in right[word].most_common() if w in common and c >= 2][:3]
        if lefts or rights:
            signatures[word] = ",".join(lefts) + "|" + ",".join(rights)
    return buckets, signatures


def usually_lower(train_words: Iterable[list[str]], min_lower: int) -> set[str]:
    """Words the training text writes in lowercase more often than capitalised mid-sentence."""
    lower_n: Counter[str] = Counter()
    cap_n: Counter[str] = Counter()
    for words in train_words:
        if all(w.upper() == w for w in words):
            continue
        for i, word in enumerate(words):
            if word.islower():
                lower_n[word] += 1
            elif i > 0 and word[:1].isupper():
                cap_n[word.lower()] += 1
    return {w for w, n in lower_n.items() if n >= min_lower and n > cap_n[w]}


def build_lexicons(
    nltk_data: Path, data: Path, train_words: list[list[str]], min_lower: int, freebase: bool = True
) -> Lexicons:
    """All the word lists, hashed as the model ships them."""
    gaz = gazetteer(data / "ner-extra" / "gazetteers", nltk_data, freebase)
    buckets, signatures = case_and_context(
        unlabelled_sentences(nltk_data, data, train_words), 300, 3
    )
    print(
        f"{len(gaz)} gazetteer phrases, {len(buckets)} case buckets, "
        f"{len(signatures)} neighbour signatures",
        flush=True,
    )
    return Lexicons.build(
        gaz, buckets, usually_lower(train_words, min_lower), signatures, MAX_PHRASE
    )
