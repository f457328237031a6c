"""Score byline's extractive summaries against the BBC News Summary references.

The data set pairs ``articles/<category>/NNN.txt`` (headline, blank line, paragraphs)
with ``summaries/<category>/NNN.txt``, an extractive reference whose sentences are run
together with no space between them. For every article:

* ``n`` (the summary length, the same for every system) is the number of reference
  sentences, counted by locating byline's body sentences in the reference text: a body
  sentence counts when its text occurs in the reference verbatim. When none does (the
  splitters disagree), ``n`` falls back to byline's sentence splitter run on the
  spaced reference.
* the reference is scored with a space inserted wherever one sentence runs into the
  next ("$10.9bn.For" becomes "$10.9bn. For"); the same spaced reference for every system.
* byline's summary is ``analysis.summary_of(n)`` from the real pipeline on the full
  file (headline included: the pipeline strips it), joined with spaces.
* Lead-N takes the first ``n`` body sentences. Peers (``--peers``: sumy TextRank, LexRank
  and Luhn, newspaper4k) get the body text without the headline (newspaper4k also gets
  the headline as its title argument), and must be installed separately; they are
  never byline dependencies. sumy needs Punkt data: set ``NLTK_DATA``.

The short check scores every system's ``SHORT`` (3) best sentences against the
reference's first 3 sentences (:func:`reference_sentences`), what a reader sees by
default.

Scores are Google's ``rouge_score`` F-measures (stemmed ROUGE-1/2/L), averaged over
articles. The split is deterministic: a CRC-32 of ``category/NNN.txt`` puts a fifth of
the articles in ``dev`` and the rest in ``tune``; report on ``dev`` and tune on ``tune``.

Run ``python -m byline.evaluate.bbc --data /work/shared/data [--limit N] [--peers]``.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from byline.analysis.document import Document
    from byline.analysis.entities import Tagger
    from byline.analysis.model import Analysis

SUBDIR = "bbc-news-summary"
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
SHORT = 3  # the short check: this many sentences against the reference's first ones
# One sentence running into the next: final punctuation (and closing quote) directly
# followed by a capital letter or an opening quote.
_RUN_TOGETHER = re.compile(r"(?<=[a-z0-9%)\]][.!?])(?=[\"“‘'A-Z])|(?<=[.!?][\"”’'])(?=[A-Z\"“])")

Summarizer = Callable[["Item", "Analysis", int], list[str]]


@dataclass(frozen=True)
class Item:
    """One article and its reference summary."""

    category: str
    name: str
    article: str
    reference: str

    @property
    def key(self) -> str:
        return f"{self.category}/{self.name}"


def split_of(key: str) -> str:
    """``dev`` for a fifth of the articles (stable CRC-32 of the key), else ``tune``."""
    return "dev" if zlib.crc32(key.encode("utf-8")) % 5 == 0 else "tune"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def load_items(data_dir: Path, split: str | None = "dev") -> list[Item]:
    """Articles with references, sorted by key; ``split`` is ``dev``, ``tune`` or None (all)."""
    root = Path(data_dir)
    if (root / SUBDIR).is_dir():
        root = root / SUBDIR
    items = []
    for article in sorted((root / "articles").glob("*/*.txt")):
        category, name = article.parent.name, article.name
        summary = root / "summaries" / category / name
        if not summary.is_file():
            continue
        if split is not None and split_of(f"{category}/{name}") != split:
            continue
        items.append(Item(category, name, _read(article), _read(summary).strip()))
    return items


def spaced_reference(reference: str) -> str:
    """The reference with a space between sentences that run together."""
    return _RUN_TOGETHER.sub(" ", reference.strip())


def reference_size(reference: str, body_sentences: Sequence[str]) -> int:
    """How many sentences the reference has (see the module docstring)."""
    flat = " ".join(reference.split())
    found = sum(1 for s in body_sentences if s.strip() and " ".join(s.split()) in flat)
    if found:
        return found
    from byline.analysis import nlp

    return max(1, len(nlp.sentence_spans(spaced_reference(reference))))


def reference_sentences(reference: str, body_sentences: Sequence[str]) -> list[str]:
    """The reference's sentences in its own order.

    Body sentences found in the reference verbatim, ordered by where they stand in it;
    when none is found, byline's splitter on the spaced reference.
    """
    flat = " ".join(reference.split())
    found = []
    for sentence in body_sentences:
        key = " ".join(sentence.split())
        at = flat.find(key) if key else -1
        if at >= 0:
            found.append((at, sentence))
    if found:
        return [sentence for _, sentence in sorted(found)]
    from byline.analysis import nlp

    spaced = spaced_reference(reference)
    return [spaced[start:end] for start, end in nlp.sentence_spans(spaced)]


def labels(reference: str, body_sentences: Sequence[str]) -> list[bool]:
    """Which body sentences the reference contains (the training target)."""
    flat = " ".join(reference.split())
    return [bool(s.strip()) and " ".join(s.split()) in flat for s in body_sentences]


def _no_entities(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    return [["O"] * len(words) for words in sentences]


def entity_tagger_or_none() -> tuple[Tagger, str]:
    """The shipped entity tagger, or a no-entity stand-in when no model is there yet."""
    try:
        from byline.analysis.ner import load_entity_tagger

        return load_entity_tagger().tag_document, "shipped NER model"
    except Exception as error:  # noqa: BLE001 - any failure means "no model yet"
        return _no_entities, f"no entities (NER model unavailable: {type(error).__name__})"


def read_findings(text: str, entity_tagger: Tagger | None = None) -> Document:
    """The article as the ranking stage reads it, for fitting and scoring the summary.

    The pipeline's document with its entities (the headline tagged too, as the pipeline
    tags it; ``entity_tagger`` defaults to the shipped tagger) and its quotes.
    """
    from byline.analysis import entities, quotes
    from byline.analysis.pipeline import read_document, tokenize

    tagger = entity_tagger or entity_tagger_or_none()[0]
    doc = read_document(text)
    headline = tokenize(text, [doc.title_span]) if doc.title_span else []
    found = entities.find_entities(text, [*headline, *doc.sentence_tokens], tagger)
    doc = doc.with_entities(found)
    return doc.with_quotes(quotes.find_quotes(doc))


# -- systems ---------------------------------------------------------------------------


def _body(item: Item, analysis: Analysis) -> str:
    return analysis.text[analysis.body.start : analysis.body.end]


def byline_summary(item: Item, analysis: Analysis, n: int) -> list[str]:
    return [analysis.sentence_text(i) for i in analysis.summary_of(n)]


def lead_summary(item: Item, analysis: Analysis, n: int) -> list[str]:
    return [analysis.sentence_text(i) for i in range(min(n, len(analysis.sentences)))]


def _sumy_system(kind: str) -> Summarizer:
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = {"textrank": TextRankSummarizer, "lexrank": LexRankSummarizer, "luhn": LuhnSummarizer}
    summarizer = cls[kind](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")

    def run(item: Item, analysis: Analysis, n: int) -> list[str]:
        parser = PlaintextParser.from_string(_body(item, analysis), tokenizer)
        return [str(s) for s in summarizer(parser.document, n)]

    return run


def _newspaper_system() -> Summarizer:
    from newspaper import nlp as np_nlp
    from newspaper.text import StopWords

    stopwords = StopWords("en")

    def run(item: Item, analysis: Analysis, n: int) -> list[str]:
        title = analysis.title or ""
        return list(np_nlp.summarize(title, _body(item, analysis), stopwords, max_sents=n))

    return run


def peer_systems() -> dict[str, Summarizer]:
    """The peers that are installed, by name."""
    peers: dict[str, Summarizer] = {}
    for name, kind in (
        ("sumy-textrank", "textrank"),
        ("sumy-lexrank", "lexrank"),
        ("sumy-luhn", "luhn"),
    ):
        with contextlib.suppress(ImportError):
            peers[name] = _sumy_system(kind)
    with contextlib.suppress(ImportError):
        peers["newspaper4k"] = _newspaper_system()
    return peers


# -- evaluation ------------------------------------------------------------------------


def _analyses(
    items: Sequence[Item], tagger: Callable | None
) -> Iterator[tuple[Item, Analysis, float]]:
    from byline.analysis.pipeline import analyze

    for item in items:
        start = time.perf_counter()
        analysis = analyze(item.article, entity_tagger=tagger)
        yield item, analysis, time.perf_counter() - start


def evaluate_bbc(
    data_dir: Path,
    *,
    split: str | None = "dev",
    limit: int | None = None,
    peers: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """ROUGE F-measures of byline (and Lead-N, and installed peers) on BBC News Summary.

    Args:
        data_dir: the folder holding ``bbc-news-summary/`` (or that folder itself).
        split: ``dev`` (default), ``tune`` or None for every article.
        limit: score only the first ``limit`` articles of the split (by key).
        peers: also run sumy TextRank/LexRank/Luhn and newspaper4k when installed.
        progress: called with ``(done, total)`` after each article.

    Returns:
        ``{"articles", "split", "entities", "seconds_per_article", "systems": {name:
        {"rouge1", "rouge2", "rougeL", "articles", "failures"}}}`` with mean F-measures.
    """
    from rouge_score import rouge_scorer

    items = load_items(Path(data_dir), split)[: limit if limit else None]
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    systems: dict[str, Summarizer] = {"byline": byline_summary, "lead-n": lead_summary}
    if peers:
        systems.update(peer_systems())
    totals = {name: dict.fromkeys(ROUGE_TYPES, 0.0) for name in systems}
    short = {name: dict.fromkeys(ROUGE_TYPES, 0.0) for name in systems}
    failures = dict.fromkeys(systems, 0)
    tagger, entity_note = entity_tagger_or_none()
    seconds = 0.0
    for done, (item, analysis, elapsed) in enumerate(_analyses(items, tagger), 1):
        seconds += elapsed
        body = [analysis.sentence_text(i) for i in range(len(analysis.sentences))]
        n = reference_size(item.reference, body)
        target = spaced_reference(item.reference)
        first = " ".join(reference_sentences(item.reference, body)[:SHORT])
        for name, system in systems.items():
            for size, reference, sums in ((n, target, totals), (SHORT, first, short)):
                try:
                    chosen = system(item, analysis, size)
                except Exception:  # noqa: BLE001 - a peer failing scores zero, counted
                    failures[name] += 1
                    chosen = []
                scores = scorer.score(reference, " ".join(chosen))
                for kind in ROUGE_TYPES:
                    sums[name][kind] += scores[kind].fmeasure
        if progress is not None:
            progress(done, len(items))
    count = max(1, len(items))
    return {
        "articles": len(items),
        "split": split or "all",
        "entities": entity_note,
        "seconds_per_article": seconds / count,
        "systems": {
            name: {
                **{k: v / count for k, v in totals[name].items()},
                "articles": len(items),
                "failures": failures[name],
            }
            for name in systems
        },
        "short": {name: {k: v / count for k, v in short[name].items()} for name in systems},
    }


def format_table(result: dict) -> str:
    """The result as plain-text tables, best ROUGE-2 first."""
    lines = [
        f"BBC News Summary, split={result['split']}, articles={result['articles']}, "
        f"entities: {result['entities']}",
        f"byline pipeline: {1000 * result['seconds_per_article']:.1f} ms per article",
        "At the reference's length:",
        f"{'system':<16}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}",
    ]
    ordered = sorted(result["systems"].items(), key=lambda kv: -kv[1]["rouge2"])
    for name, row in ordered:
        note = f"  ({row['failures']} failed)" if row["failures"] else ""
        lines.append(
            f"{name:<16}{row['rouge1']:>9.4f}{row['rouge2']:>9.4f}{row['rougeL']:>9.4f}{note}"
        )
    if result.get("short"):
        lines.append(f"Short check: {SHORT} sentences against the reference's first {SHORT}:")
        lines.append(f"{'system':<16}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}")
        for name, row in sorted(result["short"].items(), key=lambda kv: -kv[1]["rouge2"]):
            lines.append(
                f"{name:<16}{row['rouge1']:>9.4f}{row['rouge2']:>9.4f}{row['rougeL']:>9.4f}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with bbc-news-summary/")
    parser.add_argument("--split", choices=("dev", "tune", "all"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--peers", action="store_true", help="also run sumy and newspaper4k")
    args = parser.parse_args(argv)

    def progress(done: int, total: int) -> None:
        if done % 50 == 0 or done == total:
            print(f"  {done}/{total}", file=sys.stderr, flush=True)

    result = evaluate_bbc(
        args.data,
        split=None if args.split == "all" else args.split,
        limit=args.limit,
        peers=args.peers,
        progress=progress,
    )
    print(format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
