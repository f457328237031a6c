"""One fresh process: time model loading stage by stage, then the pipeline's stages.

    python bench/probe.py ARTICLE RUNS [HIDDEN_MODULE,...]

Prints one JSON object: seconds for ``import nltk``, Punkt, the POS tagger, the entity
tagger (or the error that stopped it), the rest of the pipeline's imports and models,
loaded as byline's own processes load them (collector paused, then frozen), and then, for
each of RUNS analyses of ARTICLE after one warm-up, ``Analysis.timings`` and the total.
When the entity model cannot load, a stand-in tagger (every token "O") is used for the
stage timings and ``ner_error`` says why. Modules named in HIDDEN_MODULE cannot be imported
(as if not installed): NLTK imports numpy when it finds it, and only the bench's spaCy
brings numpy into this environment; byline does not depend on it.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path


def main(article: str, runs: int, hidden: list[str]) -> int:
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import name" now fails
    result: dict = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result[name] = now - clock
        clock = now

    from byline.collector import for_life

    # Loaded as the analysis child and ``byline analyze`` load them
    # (``pipeline.load_models_for_life``): collector paused, then frozen.
    with for_life():
        import nltk  # noqa: F401 - timed on its own

        lap("import_nltk")
        from byline.analysis import nlp

        nlp._sentence_tokenizer()
        lap("punkt")
        nlp._tagger()
        lap("pos_tagger")
        tagger = None
        try:
            from byline.analysis.ner import load_entity_tagger

            tagger = load_entity_tagger().tag_document
        except Exception as error:  # noqa: BLE001 - reported, not fatal
            result["ner_error"] = f"{type(error).__name__}: {error}"
        lap("ner")
        from byline.analysis.pipeline import analyze, load_models

        with contextlib.suppress(Exception):  # the entity model's error is reported above
            load_models()  # the rest: cue and role models, summary weights, language names
        lap("other_imports")
    if tagger is None:

        def tagger(sentences):  # the Tagger shape
            return [["O"] * len(sentence) for sentence in sentences]

    text = Path(article).read_text(encoding="utf-8")
    analyze(text, entity_tagger=tagger)  # warm-up: first-use caches
    lap("warm_up")
    result["runs"] = []
    for _ in range(runs):
        started = time.perf_counter()
        analysis = analyze(text, entity_tagger=tagger)
        timings = dict(analysis.timings)
        timings["total"] = time.perf_counter() - started
        result["runs"].append(timings)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    hidden = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else []
    sys.exit(main(sys.argv[1], int(sys.argv[2]), hidden))
