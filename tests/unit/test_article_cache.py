"""The article cache: a rerun reads prepared articles back instead of re-analysing them."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("numpy")  # the evaluation group (pip install --group eval)
pytest.importorskip("rouge_score")

from byline.evaluate import article_cache, human, summary_training

ITEMS = [
    human.Item(
        "cnndm-tune",
        "a.txt",
        "The council approved the new budget on Monday. Taxes will rise by two percent. "
        "Residents protested outside the hall.",
        ("The council approved a budget that raises taxes.",),
    ),
    human.Item(
        "inshorts-tune",
        "b.txt",
        "A storm hit the coast overnight. Thousands lost power. Crews worked until dawn.",
        ("A storm left thousands without power.",),
    ),
]


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Patch the analysis so each call records how many texts it was asked to read."""
    real = summary_training.read_all
    calls: list[int] = []

    def counting(texts: list[str], jobs: int) -> list:
        calls.append(len(texts))
        return real(texts, 1)

    monkeypatch.setattr(summary_training, "read_all", counting)
    return calls


def test_rerun_reads_every_article_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_reads(monkeypatch)
    first = human.prepare_examples(ITEMS, 1, tmp_path)
    second = human.prepare_examples(ITEMS, 1, tmp_path)
    assert calls == [2, 0]
    assert [e.key for e in second] == [i.key for i in ITEMS]
    for a, b in zip(first, second, strict=True):
        assert a.sentences == b.sentences and a.rows == b.rows
        assert list(a.target) == list(b.target)


def test_changed_article_or_version_is_analysed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_reads(monkeypatch)
    human.prepare_examples(ITEMS, 1, tmp_path)
    edited = [ITEMS[0], human.Item("inshorts-tune", "b.txt", "Other text here.", ("x",))]
    human.prepare_examples(edited, 1, tmp_path)
    assert calls == [2, 1]
    store = article_cache.ArticleCache(tmp_path, version="another analysis")
    assert store.get(ITEMS[0].key, ITEMS[0].article, ITEMS[0].reference) is None


def test_unreadable_entry_is_a_miss(tmp_path: Path) -> None:
    store = article_cache.ArticleCache(tmp_path, version="v")
    key = article_cache.entry_key(ITEMS[0].key, ITEMS[0].article, ITEMS[0].reference, "v")
    (tmp_path / f"{key}.pkl").write_bytes(b"not a pickle")
    assert store.get(ITEMS[0].key, ITEMS[0].article, ITEMS[0].reference) is None


def test_version_follows_the_analysis_code_not_the_ranker_weights(tmp_path: Path) -> None:
    (tmp_path / "analysis").mkdir()
    (tmp_path / "models" / "summary").mkdir(parents=True)
    (tmp_path / "analysis" / "summary.py").write_text("A = 1\n")
    weights = tmp_path / "models" / "summary" / "weights.json"
    weights.write_text("{}")
    before = article_cache.analysis_version.__wrapped__(tmp_path)
    weights.write_text('{"regimes": {}}')
    (tmp_path / "models" / "summary" / "MODEL_CARD.md").write_text("prose")
    (tmp_path / "models" / "README.md").write_text("prose")
    assert article_cache.analysis_version.__wrapped__(tmp_path) == before
    (tmp_path / "analysis" / "summary.py").write_text("A = 2\n")
    assert article_cache.analysis_version.__wrapped__(tmp_path) != before
