"""One file's line of ``byline analyze``: its JSON record, or its error, never an exception.

A module of its own (not ``__main__``) so that the processes of ``--jobs`` can import it:
a spawned child finds a function by its module's name, and ``byline.__main__`` is the one
module multiprocessing never imports in a child.
"""

from __future__ import annotations

import json

from byline.console import json_safe, shown
from byline.sources import ArticleError


def internal_error(error: BaseException) -> str:
    """A failure byline did not foresee, in one line (the command goes on or ends cleanly)."""
    return shown(f"internal error ({type(error).__name__}: {error})")


def analyze_to_json_line(argument: str) -> tuple[bool, str]:
    """One file's ``byline analyze`` line, and whether it was analysed (not an error).

    Whatever goes wrong with this file (it cannot be read, or byline fails on it) is this
    file's error line: the other files are analysed all the same.
    """
    from byline.analysis.export import to_json
    from byline.analysis.pipeline import analyze
    from byline.sources import json_fields
    from byline.web import open_article

    def failure(reason: str) -> tuple[bool, str]:
        line = json.dumps({"path": argument, "error": reason}, ensure_ascii=False)
        return False, json_safe(line)

    try:
        article = open_article(argument)
        record = to_json(analyze(article.text), argument)
    except ArticleError as error:
        return failure(str(error))
    except Exception as error:  # noqa: BLE001 - any failure is this file's error line
        return failure(internal_error(error))
    record.update(json_fields(article))
    return True, json_safe(json.dumps(record, ensure_ascii=False))
