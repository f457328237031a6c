"""Train the Punkt sentence model and the perceptron POS tagger that ship in byline.

Both are trained with NLTK's own trainers from the corpora in ``../shared/nltk_data``
and written in NLTK 3.10's pickle-free formats into ``src/byline/models`` laid out as an
NLTK data tree (``tokenizers/punkt_tab/english``, ``taggers/averaged_perceptron_tagger_eng``).

    python scripts/train_nltk_models.py --nltk-data ../shared/nltk_data

Deterministic: the tagger is trained with a fixed random seed.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODELS = REPO / "src" / "byline" / "models"

# Abbreviations news copy uses that the training text is too small to learn reliably.
# Punkt stores them lower-case and without the final period.
NEWS_ABBREVIATIONS = """
mr mrs ms dr prof sen rep gov lt col gen maj capt sgt adm cmdr gen rev st mt ft
jr sr co corp inc ltd llc bros dept univ assn ave blvd rd
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
u.s u.k u.n e.u u.s.a d.c n.y l.a a.m p.m i.e e.g etc vs no nos approx est
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
mont neb nev n.h n.j n.m n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash wis wyo
""".split()

# Tagger weights below this magnitude are not shipped (see prune_weights): a third fewer
# weights, so a third less JSON to parse at start-up; held-out accuracy 0.9749 unpruned,
# 0.9752 pruned (--sweep: 0.9754 at 0.5, 0.9727 at 1.0).
PRUNE_BELOW = 0.75

PUNKT_CORPORA = ("treebank/raw", "abc", "state_union", "inaugural", "webtext")


def _raw_text(nltk_data: Path) -> str:
    """Raw running text for Punkt: Treebank's WSJ files plus ABC and speeches."""
    parts: list[str] = []
    for name in PUNKT_CORPORA:
        folder = nltk_data / "corpora" / name
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in ("", ".txt") and path.name != "README":
                text = path.read_text(encoding="latin-1")
                parts.append(text.replace(".START", ""))
    return "\n\n".join(parts)


def train_punkt(nltk_data: Path) -> None:
    from nltk.tokenize.punkt import PunktTrainer, save_punkt_params

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train(_raw_text(nltk_data), finalize=True)
    params = trainer.get_params()
    params.abbrev_types.update(NEWS_ABBREVIATIONS)
    out = MODELS / "tokenizers" / "punkt_tab" / "english"
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_punkt_params(params, dir=str(out))
    print(
        f"punkt: {len(params.abbrev_types)} abbreviations, "
        f"{len(params.collocations)} collocations, {len(params.sent_starters)} starters"
    )


def _tagged_sentences(nltk_data: Path) -> list[list[tuple[str, str]]]:
    from nltk.corpus.reader import BracketParseCorpusReader, ConllChunkCorpusReader

    treebank = BracketParseCorpusReader(
        str(nltk_data / "corpora" / "treebank" / "combined"), r"wsj_.*\.mrg"
    )
    conll = ConllChunkCorpusReader(
        str(nltk_data / "corpora" / "conll2000"), ["train.txt", "test.txt"], ("NP", "VP", "PP")
    )
    sentences: list[list[tuple[str, str]]] = []
    for sentence in treebank.tagged_sents():
        kept = [(word, tag) for word, tag in sentence if tag != "-NONE-"]
        if kept:
            sentences.append(kept)
    sentences.extend(list(s) for s in conll.tagged_sents())
    return sentences


def prune_weights(tagger, threshold: float) -> tuple[int, int]:
    """Drop averaged weights smaller than ``threshold`` in magnitude, then empty features.

    The shipped JSON is parsed at every start-up, and its cost grows with the number of
    weights; small ones rarely change the best tag. Returns (features, weights) kept.
    """
    weights = tagger.model.weights
    for feature in list(weights):
        kept = {tag: w for tag, w in weights[feature].items() if abs(w) >= threshold}
        if kept:
            weights[feature] = kept
        else:
            del weights[feature]
    return len(weights), sum(len(row) for row in weights.values())


def _accuracy(tagger, sentences: list[list[tuple[str, str]]]) -> float:
    correct = total = 0
    for sentence in sentences:
        predicted = tagger.tag([word for word, _ in sentence])
        correct += sum(p == g for (_, p), (_, g) in zip(predicted, sentence, strict=True))
        total += len(sentence)
    return correct / total


def _size(tagger) -> str:
    weights = tagger.model.weights
    return f"{len(weights)} features, {sum(len(row) for row in weights.values())} weights"


def train_tagger(nltk_data: Path, iterations: int, prune: float, sweep: bool) -> None:
    import copy

    from nltk.tag.perceptron import PerceptronTagger

    sentences = _tagged_sentences(nltk_data)
    random.seed(13)
    held_out = sentences[-1000:]
    training = sentences[:-1000]
    tagger = PerceptronTagger(load=False)
    started = time.perf_counter()
    tagger.train(training, nr_iter=iterations)
    tokens = sum(len(sentence) for sentence in held_out)
    print(
        f"tagger: {len(training)} sentences, {time.perf_counter() - started:.0f}s, "
        f"held-out accuracy {_accuracy(tagger, held_out):.4f} on {tokens} tokens "
        f"({_size(tagger)})"
    )
    for threshold in (0.1, 0.25, 0.5, 0.75, 1.0) if sweep else (prune,) if prune else ():
        pruned = copy.deepcopy(tagger)
        prune_weights(pruned, threshold)
        print(
            f"tagger pruned below {threshold}: held-out accuracy "
            f"{_accuracy(pruned, held_out):.4f} ({_size(pruned)})"
        )
    if sweep:
        return
    # Retrain on everything for the shipped model.
    random.seed(13)
    tagger = PerceptronTagger(load=False)
    tagger.train(sentences, nr_iter=iterations)
    if prune:
        prune_weights(tagger, prune)
    print(f"tagger shipped: {_size(tagger)}")
    out = MODELS / "taggers" / "averaged_perceptron_tagger_eng"
    if out.exists():
        shutil.rmtree(out)
    tagger.save_to_json(lang="eng", loc=str(out))


def make_readable(folder: Path) -> None:
    """NLTK saves models owner-only (0700/0600); an installed package must be readable by
    every user, and NLTK only refuses files that others can *write*."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def sort_outputs(folder: Path) -> None:
    """Write the sets NLTK saves in hash order (Punkt's tables, the tagger's classes) in
    sorted order, so that a rerun rewrites byte-identical files whatever PYTHONHASHSEED is.
    Loading does not depend on the order."""
    punkt = folder / "tokenizers" / "punkt_tab" / "english"
    for path in punkt.glob("*"):
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")
    classes = folder / "taggers" / "averaged_perceptron_tagger_eng"
    for path in classes.glob("*.classes.json"):
        path.write_text(json.dumps(sorted(json.loads(path.read_text()))), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nltk-data", type=Path, default=REPO.parent / "shared" / "nltk_data")
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument(
        "--prune",
        type=float,
        default=PRUNE_BELOW,
        help="drop tagger weights smaller than this in magnitude (0 keeps all; "
        f"default {PRUNE_BELOW})",
    )
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="only report held-out tagging accuracy at several pruning thresholds",
    )
    args = parser.parse_args()
    import nltk

    # NLTK writes and reads models only inside its data roots.
    nltk.data.path[:0] = [str(MODELS), str(args.nltk_data)]
    MODELS.mkdir(parents=True, exist_ok=True)
    if not args.sweep:
        train_punkt(args.nltk_data)
    train_tagger(args.nltk_data, args.iterations, args.prune, args.sweep)
    sort_outputs(MODELS)
    make_readable(MODELS)


if __name__ == "__main__":
    main()
