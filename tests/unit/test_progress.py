"""How far the analysis got: the pipeline's stages, as the child reports them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from byline.analysis import worker_process
from byline.analysis.pipeline import STAGES, analyze
from byline.resources import sample_article
from byline.tui.progress import STAGE_WORK, Progress, elapsed_text
from tests.fakes import capitalised_tagger


def test_the_pipeline_reports_each_stage_in_order() -> None:
    heard: list[str] = []
    analysis = analyze(
        "“We are here to stay,” she said. Alibaba agreed.",
        entity_tagger=capitalised_tagger,
        progress=heard.append,
    )
    assert tuple(heard) == STAGES == tuple(analysis.timings)


def test_the_progress_table_knows_every_stage_in_order() -> None:
    assert tuple(STAGE_WORK) == STAGES


def test_progress_grows_to_one_and_says_what_runs() -> None:
    progress = Progress()
    assert progress.fraction == 0 and progress.running == STAGE_WORK["layout"][0]
    fractions = []
    for stage in STAGES:
        progress = progress.finished(stage)
        fractions.append(progress.fraction)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert fractions[-2] < 1.0
    assert Progress(("layout", "sentences")).running == "tagging words"
    assert progress.running == "finishing"


def test_a_stage_the_table_does_not_know_still_counts() -> None:
    progress = Progress(("layout", "attribution"))
    assert Progress(("layout",)).fraction < progress.fraction < 1.0
    assert progress.running == STAGE_WORK["sentences"][0]


def test_elapsed_text() -> None:
    assert [elapsed_text(s) for s in (0.4, 5.9, 60, 125.2)] == [
        "0 s",
        "5 s",
        "1 min 00 s",
        "2 min 05 s",
    ]


@pytest.fixture
def child() -> Iterator[None]:
    yield
    worker_process.shutdown()


def test_the_child_reports_its_stages_to_the_caller(child: None) -> None:
    text = sample_article().read_text(encoding="utf-8")
    heard: list[str] = []
    worker_process.analyze_in_child(text, progress=heard.append)
    assert tuple(heard) == STAGES
    again: list[str] = []  # a second job hears only its own stages
    worker_process.analyze_in_child(text[:400], progress=again.append)
    assert tuple(again) == STAGES
