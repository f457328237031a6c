"""Fitting the summary ranker: corpus weights in the loss, and how the recipe is chosen."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")  # the evaluation group (pip install --group eval)
pytest.importorskip("rouge_score")

from byline.analysis import summary  # noqa: E402
from byline.evaluate import human, summary_training  # noqa: E402

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_summary.py"


def _example(key: str, corpus: str, target: list[float]) -> summary_training.Example:
    """Two sentences told apart only by ``p0``; the target says which one to take."""
    rows = [{"p0": 1.0}, {"p0": 0.0}]
    sentences = ["The lede sentence here.", "A later sentence there."]
    return summary_training.Example(
        key, corpus, rows, [["lede"], ["later"]], sentences, [sentences[0]], np.array(target)
    )


def test_corpus_weight_moves_the_fit_towards_that_corpus() -> None:
    # CNN/DM articles want the lede, Inshorts ones the second sentence.
    examples = [_example(f"c{i}", "cnndm-tune", [1.0, 0.0]) for i in range(4)]
    examples += [_example(f"i{i}", "inshorts-tune", [0.0, 1.0]) for i in range(2)]
    even = summary_training.fit(examples, ["p0"], 1e-3)
    heavy = summary_training.fit(examples, ["p0"], 1e-3, {"inshorts-tune": 3.0})
    assert even["p0"] > 0  # four against two: the lede wins
    assert heavy["p0"] < 0  # Inshorts weighed three times: six against four


def _train_script():
    spec = importlib.util.spec_from_file_location("train_summary", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recipe_is_chosen_by_the_smaller_gain(monkeypatch: pytest.MonkeyPatch) -> None:
    """A recipe that wins CNN/DM big and loses Inshorts must lose to one that wins both."""
    script = _train_script()
    prepared = {
        "cnndm-tune": [_example(f"cnndm-tune/{i}", "cnndm-tune", [1.0, 0.0]) for i in range(3)],
        "inshorts-tune": [
            _example(f"inshorts-tune/{i}", "inshorts-tune", [1.0, 0.0]) for i in range(3)
        ],
    }
    monkeypatch.setattr(
        script, "HUMAN_GRID", {"l2": (1e-3,), "inshorts_weight": (1.0,), "redundancy": (0.0, 1.0)}
    )
    monkeypatch.setattr(summary_training, "fold_weights", lambda *args, **kwargs: [{}])

    # Every reference is the lede (index 0), Lead-3 takes both sentences (ROUGE-2 0.6).
    # Redundancy 0.0: CNN/DM takes the lede alone (+0.4), one Inshorts article the wrong
    # sentence (-0.6 there, -0.2 for the set): the mean of the gains (+0.1) would take it.
    # Redundancy 1.0: every article takes what Lead-3 takes, no loss anywhere.
    def held_out(examples, weights, redundancy, size):
        if redundancy == 1.0:
            return {e.key: [0, 1] for e in examples}
        wrong = {"cnndm-tune": [0], "inshorts-tune": [0, 1]}
        return {e.key: [1] if e.key == "inshorts-tune/0" else wrong[e.corpus] for e in examples}

    monkeypatch.setattr(summary_training, "held_out", held_out)
    recipe, _ = script.choose_human(prepared)
    assert recipe["redundancy"] == 1.0
    assert recipe["corpus_weight"] == {"inshorts-tune": 1.0}


def test_cross_validation_uses_the_shipped_corpus_weight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The figure reported is that of the recipe that made the shipped model."""
    for corpus in human.CORPORA:
        (tmp_path / corpus / "articles").mkdir(parents=True)
        (tmp_path / corpus / "references").mkdir(parents=True)
        (tmp_path / corpus / "articles" / "a.txt").write_text(
            "A storm hit the coast overnight. Thousands lost power. Crews worked until dawn.\n"
        )
        (tmp_path / corpus / "references" / "a.txt").write_text("A storm cut power.\n")
    seen: list[object] = []
    real = summary_training.cross_validate

    def spy(*args, corpus_weight=None, **kwargs):
        seen.append(corpus_weight)
        return real(*args, corpus_weight=corpus_weight, **kwargs)

    monkeypatch.setattr(summary_training, "cross_validate", spy)
    shipped = summary.load_model(headline=False)
    human.evaluate_human(tmp_path, folds=2, jobs=1)
    assert seen == [shipped.get("corpus_weight")]
    assert seen[0] is not None  # the shipped recipe weights Inshorts
