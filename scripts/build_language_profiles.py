"""Build the stopword profiles byline's language check uses, from NLTK's stopwords corpus.

NLTK's stopword lists (from the Snowball project, BSD licence; see the corpus README) are
the function words of each language; byline says an article looks German when German's
function words fill its text. This writes one list per language, keyed by its ISO 639-1
code, to ``src/byline/models/language/stopwords.json`` (sorted, so rerunning it rewrites
the same file). Chinese is left out (its list needs a word segmenter; byline tells
Chinese, Japanese, Korean and Thai text by script) and so is Hinglish (romanised Hindi
mixed with English: it would claim English text); so are the few phrases in some lists.

Run: ``python scripts/build_language_profiles.py --nltk-data ../shared/nltk_data``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "byline" / "models" / "language"

LANGUAGES = {
    "arabic": ("ar", "Arabic"),
    "azerbaijani": ("az", "Azerbaijani"),
    "basque": ("eu", "Basque"),
    "bengali": ("bn", "Bengali"),
    "catalan": ("ca", "Catalan"),
    "danish": ("da", "Danish"),
    "dutch": ("nl", "Dutch"),
    "english": ("en", "English"),
    "finnish": ("fi", "Finnish"),
    "french": ("fr", "French"),
    "german": ("de", "German"),
    "greek": ("el", "Greek"),
    "hebrew": ("he", "Hebrew"),
    "hungarian": ("hu", "Hungarian"),
    "indonesian": ("id", "Indonesian"),
    "italian": ("it", "Italian"),
    "kazakh": ("kk", "Kazakh"),
    "nepali": ("ne", "Nepali"),
    "norwegian": ("no", "Norwegian"),
    "portuguese": ("pt", "Portuguese"),
    "romanian": ("ro", "Romanian"),
    "russian": ("ru", "Russian"),
    "slovene": ("sl", "Slovene"),
    "spanish": ("es", "Spanish"),
    "swedish": ("sv", "Swedish"),
    "tajik": ("tg", "Tajik"),
    "turkish": ("tr", "Turkish"),
}
"""NLTK's file name -> (ISO 639-1 code, English name)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nltk-data", type=Path, required=True)
    args = parser.parse_args()
    folder = args.nltk_data / "corpora" / "stopwords"
    profiles = {}
    for file_name, (code, name) in sorted(LANGUAGES.items(), key=lambda item: item[1][0]):
        lines = (folder / file_name).read_text(encoding="utf-8").splitlines()
        # Phrases ("lo que", "لا سيما") never match one word of the text: left out.
        words = sorted(
            {word for line in lines if (word := line.strip().lower()) and " " not in word}
        )
        profiles[code] = {"name": name, "words": " ".join(words)}
    OUT.mkdir(parents=True, exist_ok=True)
    document = {
        "source": "NLTK stopwords corpus (Snowball stopword lists, BSD licence)",
        "languages": profiles,
    }
    # One line per language (its words space-separated): small, and a diff stays legible.
    lines = [
        f"  {json.dumps(code)}: {json.dumps(profile, ensure_ascii=False, sort_keys=True)}"
        for code, profile in profiles.items()
    ]
    text = (
        "{\n"
        f' "source": {json.dumps(document["source"])},\n'
        ' "languages": {\n' + ",\n".join(lines) + "\n }\n}\n"
    )
    json.loads(text)
    (OUT / "stopwords.json").write_text(text, encoding="utf-8")
    total = sum(len(p["words"].split()) for p in profiles.values())
    print(f"{len(profiles)} languages, {total} words -> {OUT / 'stopwords.json'}")


if __name__ == "__main__":
    main()
