"""The one place byline touches NLTK: sentence splitting, word spans and POS tags.

Models load from the NLTK data tree shipped in ``byline/models`` (never downloaded), and
NLTK itself is imported lazily, on first use, so importing this module costs nothing on
the reader's start-up path. Swap this module to change the NLP backend.
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from byline.resources import models_dir

if TYPE_CHECKING:
    from nltk.tag.perceptron import PerceptronTagger
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_LOAD_LOCK = threading.Lock()

# Word-level tokens in Penn Treebank style, with character offsets: clitics ('s, n't)
# split off, dotted initialisms (U.S.) and numbers (5,000 / 3.5%) kept whole, every
# other punctuation mark a token of its own.
_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?![A-Za-z])              # U.S.  N.Y.
    | [A-Z]\.(?=\s+[A-Z])                        # M. Smith (an initial)
    | \d+(?:[-.,:/]\d+)*(?:%|-?[A-Za-z]\w*(?:-\w+)*)?   # 5,000  3.5%  1996-08-30  10-year-old
    | \w+(?=n['’]t\b)                             # do|n't
    | n['’]t\b
    | ['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)\b     # 's 're (also "Alibaba 's")
    | \w+(?:[-‐–]\w+|['’](?!(?:s|re|ve|ll|d|m|t)\b)\w+|\.(?=\w))*   # e-commerce  L’Oréal
    | \.{2,} | -{2,} | [!?]+
    | \S
    """,
    re.VERBOSE,
)

# How the tagger's training data (Penn Treebank) writes what news copy types differently.
_PTB_FORMS = {
    "“": "``",
    "”": "''",
    "‘": "`",
    "„": "``",
    "‚": "`",
    "«": "``",
    "»": "''",
    "‹": "`",
    "›": "'",
    "’": "'",
    '"': "''",
    "—": "--",
    "–": "--",
    "…": "...",
    "’s": "'s",
    "’S": "'S",
    "n’t": "n't",
    "’re": "'re",
    "’ve": "'ve",
    "’ll": "'ll",
    "’d": "'d",
    "’m": "'m",
    "(": "-LRB-",
    ")": "-RRB-",
}


def _ensure_data_path() -> None:
    import nltk

    root = str(models_dir())
    if root not in nltk.data.path:
        # First, so a user's own NLTK data can never shadow the shipped models.
        nltk.data.path.insert(0, root)


def _model_folder(resource: str) -> str:
    """The shipped model folder for an NLTK resource name (found as NLTK would)."""
    from nltk.data import find

    return str(find(resource, paths=[str(models_dir())]))


def _lines(path: Path) -> list[str]:
    """The file's lines without their line ends, as iterating over it and dropping one
    trailing newline per line (NLTK's ``rm_nl``) would give them."""
    with open(path, encoding="utf-8") as file:
        lines = file.read().split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _int_table(lines: list[str]) -> defaultdict[str, int]:
    """``word<TAB>int`` lines as NLTK's ``PunktDecoder.tab2intdict`` reads them."""
    fields = "\t".join(lines).split("\t")
    if len(fields) != 2 * len(lines):  # not two fields a line: parse line by line
        return defaultdict(int, {word: int(n) for word, n in (x.split("\t") for x in lines)})
    return defaultdict(int, zip(fields[0::2], map(int, fields[1::2]), strict=True))


@cache
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    with _LOAD_LOCK:
        _ensure_data_path()
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

        # What nltk.tokenize.punkt.load_punkt_params builds, from the same files, but
        # parsed here in bulk: NLTK's seekable stream reader and per-line decoder calls
        # over ortho_context.tab's 47,000 lines take about 2.5 times as long.
        folder = Path(_model_folder("tokenizers/punkt_tab/english/"))
        params = PunktParameters()
        params.collocations = {
            tuple(line.split("\t")) for line in _lines(folder / "collocations.tab")
        }
        params.sent_starters = set(_lines(folder / "sent_starters.txt"))
        params.abbrev_types = set(_lines(folder / "abbrev_types.txt"))
        params.ortho_context = _int_table(_lines(folder / "ortho_context.tab"))
        return PunktSentenceTokenizer(params)


@cache
def _tagger() -> PerceptronTagger:
    with _LOAD_LOCK:
        _ensure_data_path()
        from nltk.tag.perceptron import PerceptronTagger

        # What PerceptronTagger.load_from_json does, minus NLTK's guards for untrusted
        # JSON (pure-Python walks over every weight that cost as much as parsing it):
        # these are our own shipped files, so the C decoder alone reads them.
        folder = Path(_model_folder("taggers/averaged_perceptron_tagger_eng/"))
        tagger = PerceptronTagger(load=False)
        tagger.decode_json_params(
            json.loads((folder / name).read_bytes()) for name in tagger.param_files("eng")
        )
        return tagger


def load_models() -> None:
    """Load every model now (to take the cost off the first analysis)."""
    _sentence_tokenizer()
    _tagger()


def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations (no final period) the sentence model knows."""
    return frozenset(_sentence_tokenizer()._params.abbrev_types)


PUNKT_WINDOW = 50_000
"""Most characters handed to Punkt at once. NLTK runs each of its regular expressions
under a 5 s wall-clock guard (``nltk.redos``) that a multi-megabyte paragraph trips on a
busy machine; a longer paragraph is read a window at a time, each taking milliseconds."""
_LAST_SPACE = re.compile(r"\s+(?=\S*\Z)")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute ``(start, end)`` offsets.

    Past :data:`PUNKT_WINDOW` characters, a window's sentences are kept but its last one
    (which may go on past the window), and the next window starts there; a sentence
    longer than a window is cut at the window's last space.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    while end - start > PUNKT_WINDOW:
        window = _spans(text, start, start + PUNKT_WINDOW)
        if len(window) > 1:
            spans.extend(window[:-1])
            start = window[-1][0]
            continue
        space = _LAST_SPACE.search(text, start + PUNKT_WINDOW // 2, start + PUNKT_WINDOW)
        cut = space.end() if space else start + PUNKT_WINDOW
        spans.extend(_spans(text, start, cut))
        start = cut
    spans.extend(_spans(text, start, end))
    return spans


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    if not chunk.strip():
        return []
    return [(start + s, start + e) for s, e in _sentence_tokenizer().span_tokenize(chunk)]


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word and punctuation tokens of ``text[start:end]`` as absolute offsets.

    A period after a known abbreviation ("Mr.", "Inc.") stays on the word.
    """
    end = len(text) if end is None else end
    known = abbreviations()
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        if (
            spans
            and text[s] == "."
            and e == s + 1
            and spans[-1][1] == s
            and text[spans[-1][0] : s].lower() in known
        ):
            spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    return spans


def ptb_form(word: str) -> str:
    """The Penn Treebank spelling of a token, as the tagger was trained on."""
    return _PTB_FORMS.get(word, word)


def pos_tags(words: Sequence[str]) -> list[str]:
    """Penn Treebank POS tags for one sentence's words."""
    if not words:
        return []
    tagged: list[Any] = _tagger().tag([ptb_form(word) for word in words])
    return [tag for _, tag in tagged]
