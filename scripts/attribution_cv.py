"""Attribution errors and cue thresholds on the held-out fifth of PolNeAR train.

``train_attribution.py --cv`` prints one line of figures; this says where the errors
are, so thresholds and rules are chosen on train and never on dev. It trains both
models on four fifths of train (or reads ones it saved before, ``--models``), then on
the held-out fifth:

* scores each cue threshold of ``--thresholds`` (content-and-source over all, and the
  indirect precision and recall the target is set on);
* sorts the wrong indirect predictions into **who** (content right, source wrong),
  **bounds** (overlaps a gold content by less than half) and **spurious** (overlaps
  none), with the cue words of the spurious ones, and the missed gold indirect ones
  into the same classes; ``--show`` prints examples of a class.

PolNeAR dev and test are never read.

Run: ``python scripts/attribution_cv.py --data ../shared/data --models /tmp/cv [--train]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from train_attribution import as_in_use, held_out, read_articles, train, write

from byline.analysis.quotes import find_attributions
from byline.analysis.quotes.cuemodel import CueModel, read_cue_model
from byline.analysis.quotes.roles import RoleTagger
from byline.evaluate import attributions as scoring


def _models(path: Path) -> tuple[CueModel, RoleTagger]:
    import gzip
    import json

    cues = read_cue_model(path / "cues.json.gz")
    with gzip.open(path / "roles.json.gz", "rt", encoding="utf-8") as handle:
        roles = RoleTagger({f: list(v) for f, v in json.load(handle)["weights"].items()})
    return cues, roles


def prepared(articles: Sequence[tuple]) -> list[tuple]:
    """The held-out articles with entities and quotes, as the pipeline has them."""
    return [
        (name, as_in_use(doc), scoring.gold_attributions(doc.text, records))
        for name, doc, records in articles
        if held_out(name)
    ]


def score(docs: Sequence[tuple], cues: CueModel, roles: RoleTagger) -> tuple[dict, list]:
    """Figures over the held-out articles, and each article's predictions and pairs."""
    tally = scoring.Tally.empty()
    kept = []
    for name, full, gold in docs:
        predicted = scoring.relations(find_attributions(full, cues, roles)[0])
        count = scoring.NonSpace(full.text)
        pairs = scoring.match(count, predicted, gold)
        good = {j for i, j in pairs if scoring.source_right(predicted[i], gold[j])}
        tally.add(predicted, gold, pairs, good)
        kept.append((name, full, gold, predicted, pairs, good, count))
    return tally.scores(), kept


def _overlaps(count: scoring.NonSpace, a: Sequence, b: Sequence) -> bool:
    return count.overlap(a, b) > 0


def classify(kept: Sequence[tuple]) -> tuple[Counter, Counter, dict[str, list[str]], Counter]:
    """Wrong indirect predictions and missed gold indirect ones, by class."""
    wrong: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    spurious_cues: Counter[str] = Counter()
    for name, full, gold, predicted, pairs, good, count in kept:
        text = full.text
        hit = dict(pairs)
        by_gold = {j: i for i, j in pairs}

        def clip(spans: Sequence[tuple[int, int]], text: str = text) -> str:
            body = " … ".join(text[s:e] for s, e in spans).replace("\n", " ")
            return body if len(body) < 140 else body[:100] + " … " + body[-30:]

        for i, r in enumerate(predicted):
            if r.kind != "indirect" or (i in hit and hit[i] in good):
                continue
            cue = r.parts[0].cue or "-"
            said = r.source_span.text(text) if r.source_span else None
            if i in hit:
                g = gold[hit[i]]
                kind = "who"
                line = (
                    f"{name}: {clip(r.content)} | cue={cue} "
                    f"got=[{said}->{r.source}] gold=[{g.source_text}]"
                )
            elif any(_overlaps(count, r.content, g.content) for g in gold):
                g = next(g for g in gold if _overlaps(count, r.content, g.content))
                kind = "bounds"
                line = f"{name}: GOT {clip(r.content)} | GOLD {clip(g.content)} | cue={cue}"
            else:
                kind = "spurious"
                spurious_cues[cue.lower()] += 1
                line = f"{name}: {clip(r.content)} | cue={cue} src=[{said}]"
            wrong[kind] += 1
            examples.setdefault("wrong-" + kind, []).append(line)
        for j, g in enumerate(gold):
            if g.kind != "indirect" or j in good:
                continue
            if j in by_gold:
                kind = "who"
            elif any(_overlaps(count, r.content, g.content) for r in predicted):
                kind = "bounds"
            else:
                kind = "none"
            missed[kind] += 1
            examples.setdefault("missed-" + kind, []).append(
                f"{name}: {clip(g.content)} [{g.source_text}]"
            )
    return wrong, missed, examples, spurious_cues


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--models", type=Path, required=True, help="four-fifths models' folder")
    parser.add_argument("--train", action="store_true", help="train them first")
    parser.add_argument("--thresholds", default="", help="comma-separated cue thresholds")
    parser.add_argument("--show", default="", help="classes to print, e.g. wrong-spurious")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    articles = read_articles(args.data)
    if args.train:
        cues, roles, facts = train([a for a in articles if not held_out(a[0])])
        write(args.models, cues, roles, facts)
    cues, roles = _models(args.models)
    docs = prepared(articles)
    for t in [float(x) for x in args.thresholds.split(",") if x]:
        s, _ = score(docs, CueModel(cues.weights, t), roles)
        print(
            f"t={t:.2f}  all P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}  "
            f"indirect P {s['indirect_precision']:.3f} R {s['indirect_recall']:.3f} "
            f"({int(s['predicted_indirect'])})  direct {s['recall_direct']:.3f} "
            f"mixed {s['recall_mixed']:.3f}"
        )
    scores, kept = score(docs, cues, roles)
    print(f"held-out fifth, t={cues.threshold}:\n" + scoring.format_scores(scores))
    wrong, missed, examples, spurious_cues = classify(kept)
    print("wrong indirect predictions:", dict(wrong))
    print("missed gold indirect:", dict(missed))
    print("spurious cues:", spurious_cues.most_common(args.top))
    for name in [x for x in args.show.split(",") if x]:
        print(f"\n== {name}")
        for line in examples.get(name, [])[: args.top]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
