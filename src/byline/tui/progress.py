"""How far the analysis (or the fetch) got: what the progress line says, without Textual.

The analysis child reports each stage as it ends (``analysis.pipeline.STAGES``); the bar
moves by each stage's usual share of the time, so it does not sit at a third for most of a
long article and then leap.
"""

from __future__ import annotations

from dataclasses import dataclass

STAGE_WORK: dict[str, tuple[str, float]] = {
    "layout": ("finding the headline and paragraphs", 1.0),
    "sentences": ("splitting sentences", 12.0),
    "tags": ("tagging words", 47.0),
    "entities": ("finding names", 36.0),
    "quotes": ("finding quotes and speakers", 1.5),
    "attributions": ("finding who said what", 27.0),
    "ranking": ("ranking the summary", 2.5),
}
"""Each stage, in the pipeline's order: what it is doing, and its share of the work (per
cent of the time, measured on a 320 KB article: ``Analysis.timings``; "attributions",
issue 10's stage, on the sample article twenty times over, 108 KB: 27.4 per cent)."""

UNKNOWN_STAGE_WORK = 1.0
"""The share given to a stage this table does not know yet (a new pipeline stage)."""


@dataclass(frozen=True, slots=True)
class Progress:
    """How far one analysis got."""

    done: tuple[str, ...] = ()
    """The stages finished, in order."""

    def finished(self, stage: str) -> Progress:
        """This progress with ``stage`` finished too."""
        return Progress((*self.done, stage))

    @property
    def fraction(self) -> float:
        """The share of the work done, 0 to 1 (never 1 before the last stage ends)."""
        known = [stage for stage in STAGE_WORK if stage not in self.done]
        done = sum(_work(stage) for stage in self.done)
        total = done + sum(_work(stage) for stage in known)
        return done / total if total else 1.0

    @property
    def running(self) -> str:
        """What the analysis is doing now ("tagging words")."""
        for stage, (label, _) in STAGE_WORK.items():
            if stage not in self.done:
                return label
        return "finishing"


def _work(stage: str) -> float:
    return STAGE_WORK.get(stage, ("", UNKNOWN_STAGE_WORK))[1]


def elapsed_text(seconds: float) -> str:
    """ "4 s", "1 min 05 s": how long it has been going."""
    whole = int(seconds)
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60:02d} s"
