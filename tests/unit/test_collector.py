"""The models and the reader are made for life: with the collector paused, then frozen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from byline import headless
from byline.__main__ import main
from byline.analysis import language, nlp, pipeline, summary, worker_process
from byline.analysis.ner import load_entity_tagger
from byline.analysis.quotes.cuemodel import load_cue_model
from byline.analysis.quotes.roles import load_role_tagger
from byline.collector import for_life, paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()


def test_paused_turns_the_collector_off_and_back_on(collector_on: None) -> None:
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), paused():
        raise ValueError
    assert gc.isenabled()


def test_paused_leaves_a_collector_that_was_off_off(collector_on: None) -> None:
    gc.disable()
    with paused():
        pass
    assert not gc.isenabled()


LOADERS: list[Callable[..., object]] = [
    nlp._sentence_tokenizer,
    nlp._tagger,
    load_entity_tagger,
    load_cue_model,
    load_role_tagger,
    summary.load_models,
    language._profiles,
]


def test_load_models_loads_every_model() -> None:
    """One left out would be loaded after the freeze, and scanned ever after."""
    pipeline.load_models()
    assert all(loader.cache_info().currsize == 1 for loader in LOADERS)  # type: ignore[attr-defined]


def test_models_for_life_are_loaded_then_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(pipeline, "load_models", lambda: calls.append("loaded"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("froze"))
    pipeline.load_models_for_life()
    assert calls == ["loaded", "froze"]


def test_a_model_that_fails_to_load_is_left_to_the_first_analysis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> None:
        raise OSError("models/ner/weights.bin: no such file")

    frozen: list[bool] = []
    monkeypatch.setattr(pipeline, "load_models", broken)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    pipeline.load_models_for_life()  # no error here: the analysis reports it
    assert frozen == [True]


def test_made_for_life_is_frozen_before_the_collector_resumes(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: seen.append(gc.isenabled()))
    with for_life():
        assert not gc.isenabled()
    assert seen == [False] and gc.isenabled()


def test_the_analysis_child_loads_its_models_for_life(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[bool] = []
    monkeypatch.setattr(pipeline, "load_models_for_life", lambda: loaded.append(True))
    monkeypatch.setattr(worker_process, "die_with_parent", lambda: None)
    worker_process._start_child(None)
    assert loaded == [True]


def test_the_command_lines_own_analyze_loads_its_models_for_life(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loaded: list[bool] = []
    monkeypatch.setattr(pipeline, "load_models_for_life", lambda: loaded.append(True))
    monkeypatch.setattr(headless, "analyze_to_json_line", lambda name: (True, "{}"))
    story = tmp_path / "story.txt"
    story.write_text("The council met.\n", encoding="utf-8")
    assert headless.run_analyze([str(story)], for_life=True) == 0
    assert loaded == [True]
    assert main(["analyze", str(story)]) == 0  # called with arguments: not its own process
    assert loaded == [True]
