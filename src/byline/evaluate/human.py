"""Score 3-sentence summaries against summaries people wrote: CNN/DailyMail and Inshorts.

``../shared/data/cnndm-tune/`` holds CNN and Daily Mail stories with their editors'
highlights, ``inshorts-tune/`` news articles with the editors' 60-word summaries
(``articles/NAME.txt`` beside ``references/NAME.txt``, one reference sentence a line).
The shipped summary model is fitted on these very articles, so its figure here is
*cross-validated*: the articles are cut in ``folds`` folds (CRC-32 of the file name),
and each fold is summarised by a model fitted, with the shipped recipe
(:mod:`byline.evaluate.summary_training`), on the other folds of both sets (the
shipped model for stories without a headline is fitted on all of them, with the L2,
redundancy and corpus weights it records). The shipped model itself is scored too, marked in-sample.

Every system gives 3 sentences, newline-separated; the highlights are newline-separated
too. Scores are Google's ``rouge_score`` F1 with stemming, ROUGE-1, ROUGE-2 and
ROUGE-Lsum, averaged over articles, x100. Lead-3 is the first three of byline's own
sentences in the same run; sumy's TextRank, LexRank and Luhn join with ``--peers`` when
installed (never a byline dependency; they need Punkt data in ``NLTK_DATA``).

Run ``python -m byline.evaluate.human --data ../shared/data [--folds 5] [--peers]
[--cache-dir /tmp/byline-articles]`` (the cache makes a rerun take seconds, not minutes).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from byline.evaluate.summary_training import Example

CORPORA = ("cnndm-tune", "inshorts-tune")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
SIZE = 3
FOLDS = 5
# Published on the whole CNN/DailyMail test split (ROUGE-1 / 2 / L).
PUBLISHED = {
    "Lead-3 (See et al. 2017)": (40.3, 17.7, 36.6),
    "PacSum (Zheng & Lapata 2019)": (40.7, 17.8, 36.9),
    "BertSumExt (Liu & Lapata 2019)": (43.3, 20.2, 39.6),
}


@dataclass(frozen=True)
class Item:
    """One article and the summary its editors wrote."""

    corpus: str
    name: str
    article: str
    reference: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.name}"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def load_items(data_dir: Path, corpus: str) -> list[Item]:
    """The articles of one tuning set that have a reference, sorted by name."""
    root = Path(data_dir) / corpus
    items = []
    for article in sorted((root / "articles").glob("*.txt")):
        reference = root / "references" / article.name
        if not reference.is_file():
            continue
        lines = tuple(line.strip() for line in _read(reference).splitlines() if line.strip())
        if lines:
            items.append(Item(corpus, article.name, _read(article), lines))
    return items


def prepare_examples(
    items: Sequence[Item], jobs: int, cache_dir: Path | None = None
) -> list[Example]:
    """Features and oracle targets of every item, through byline's real pipeline.

    With ``cache_dir``, articles prepared by an earlier run of the same analysis
    version are read back instead (:mod:`byline.evaluate.article_cache`).
    """
    from byline.evaluate.article_cache import ArticleCache
    from byline.evaluate.summary_training import prepare, read_all

    store = ArticleCache(cache_dir) if cache_dir else None
    found: dict[str, Example] = {}
    for item in items:
        cached = store.get(item.key, item.article, item.reference) if store else None
        if cached is not None:
            found[item.key] = cached
    missing = [item for item in items if item.key not in found]
    documents = read_all([item.article for item in missing], jobs)
    for item, doc in zip(missing, documents, strict=True):
        example = prepare(item.key, item.corpus, doc, item.reference)
        if store:
            store.put(example, item.article, item.reference)
        found[item.key] = example
    return [found[item.key] for item in items]


def _sumy(kind: str) -> Callable[[str, int], list[str]]:
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

    def run(text: str, size: int) -> list[str]:
        document = PlaintextParser.from_string(text, tokenizer).document
        return [str(sentence) for sentence in summarizer(document, size)]

    return run


def peers() -> dict[str, Callable[[str, int], list[str]]]:
    """sumy's summarisers, when sumy is installed."""
    try:
        return {f"sumy-{kind}": _sumy(kind) for kind in ("textrank", "lexrank", "luhn")}
    except ImportError:
        return {}


def evaluate_human(
    data_dir: Path,
    *,
    corpora: Sequence[str] = CORPORA,
    folds: int = FOLDS,
    limit: int | None = None,
    with_peers: bool = False,
    jobs: int = 2,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """ROUGE F1 x100 of 3-sentence summaries on the human-summary tuning sets.

    Returns:
        ``{"size", "folds", "corpora": {corpus: {"articles", "systems": {name:
        {"rouge1", "rouge2", "rougeLsum"}}}}}``; systems are ``lead-3``, ``byline
        (cv)``, ``byline (in-sample)`` and, with peers, ``sumy-*``.
    """
    from rouge_score import rouge_scorer

    from byline.analysis import summary
    from byline.evaluate import summary_training

    say = progress or (lambda _message: None)
    items = {c: load_items(Path(data_dir), c)[: limit if limit else None] for c in corpora}
    examples: list[Example] = []
    for corpus in corpora:
        say(f"analysing {len(items[corpus])} articles of {corpus}")
        examples += prepare_examples(items[corpus], jobs, cache_dir)
    shipped = summary.load_model(headline=False)
    recipe = {
        "features": list(shipped.get("features") or shipped["weights"]),
        "l2": float(shipped.get("l2", 1e-3)),
        "redundancy": float(shipped["redundancy"]),
    }
    say(f"{folds}-fold cross-validation")
    held = summary_training.cross_validate(
        examples, recipe, folds, SIZE, corpus_weight=shipped.get("corpus_weight")
    )
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    others = peers() if with_peers else {}
    by_key = {e.key: e for e in examples}
    result: dict = {"size": SIZE, "folds": folds, "corpora": {}}
    for corpus in corpora:
        systems: dict[str, dict[str, float]] = {}
        for item in items[corpus]:
            example = by_key[item.key]
            reference = "\n".join(item.reference)
            n = len(example.sentences)
            picks = {
                "lead-3": list(range(min(SIZE, n))),
                "byline (cv)": held[item.key],
                "byline (in-sample)": summary_training.select(example, shipped, SIZE),
            }
            outputs = {k: [example.sentences[i] for i in v] for k, v in picks.items()}
            for name, run in others.items():
                outputs[name] = run(item.article, SIZE)
            for name, sentences in outputs.items():
                scores = scorer.score(reference, "\n".join(sentences))
                row = systems.setdefault(name, dict.fromkeys(ROUGE_TYPES, 0.0))
                for kind in ROUGE_TYPES:
                    row[kind] += scores[kind].fmeasure
        count = max(1, len(items[corpus]))
        result["corpora"][corpus] = {
            "articles": len(items[corpus]),
            "systems": {
                name: {k: 100 * v / count for k, v in row.items()} for name, row in systems.items()
            },
        }
    return result


def format_table(result: dict) -> str:
    """The result as plain-text tables, one a corpus, with the published figures."""
    lines = []
    for corpus, block in result["corpora"].items():
        lines.append(
            f"{corpus}: {block['articles']} articles, {result['size']} sentences, "
            f"byline (cv) = {result['folds']}-fold cross-validated"
        )
        lines.append(f"{'system':<32}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-Lsum':>11}")
        for name, row in sorted(block["systems"].items(), key=lambda kv: -kv[1]["rouge2"]):
            lines.append(
                f"{name:<32}{row['rouge1']:>9.2f}{row['rouge2']:>9.2f}{row['rougeLsum']:>11.2f}"
            )
        if corpus.startswith("cnndm"):
            lines.append("published, whole CNN/DM test split:")
            for name, (r1, r2, rl) in PUBLISHED.items():
                lines.append(f"  {name:<30}{r1:>9.1f}{r2:>9.1f}{rl:>11.1f}")
        lines.append("")
    return "\n".join(lines).rstrip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--limit", type=int, default=None, help="the first N articles of each")
    parser.add_argument("--peers", action="store_true", help="also run sumy when installed")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--cache-dir", type=Path, help="keep prepared articles here for reruns")
    args = parser.parse_args(argv)
    result = evaluate_human(
        args.data,
        cache_dir=args.cache_dir,
        folds=args.folds,
        limit=args.limit,
        with_peers=args.peers,
        jobs=args.jobs,
        progress=lambda message: print(message, file=sys.stderr, flush=True),
    )
    print(format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
