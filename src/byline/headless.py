"""``byline analyze`` and ``byline summary``: the analysis printed instead of shown.

The two commands that run without a terminal, apart from the reader's start-up in
``__main__`` so that each module holds one kind of command (``byline batch`` has its own,
``byline.batch.cli``). ``analyze`` writes one JSON line per article, in input order, from
one process or a pool; ``summary`` prints the Markdown summary or saves it atomically,
asking before it replaces a file. The pipeline is imported only when a command runs.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from byline.console import CommandParser, check_stdout, fail, say, shown, write_stdout
from byline.json_lines import analyze_to_json_line
from byline.sources import ArticleError


def analyze_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="byline analyze",
        description="Print one JSON object per article, one per line, in input order. "
        "Exits 1 when any file failed (its line then holds 'path' and 'error').",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="text or HTML files, http(s) URLs, or - for stdin"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        help="analyse files in N processes (output stays in input order; default 1)",
    )
    return parser


def summary_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="byline summary",
        description="Print the article's Markdown summary, or save it with -o.",
    )
    parser.add_argument(
        "file", metavar="FILE", help="a text or HTML file, an http(s) URL, or - for stdin"
    )
    parser.add_argument("-n", "--sentences", type=int, help="number of summary sentences")
    parser.add_argument("-o", "--output", type=Path, help="write the summary to this file")
    parser.add_argument("-f", "--force", action="store_true", help="replace OUTPUT without asking")
    parser.add_argument(
        "--sources", action="store_true", help='add a "Who said what" section: claims by source'
    )
    return parser


def run_analyze(files: Sequence[str], jobs: int = 1, *, for_life: bool = False) -> int:
    """Analyse each file and print its JSON line, in input order; 1 when any failed.

    ``for_life``: this is the command line's own process, which lives to analyse: its
    models are loaded first and frozen (``load_models_for_life``; a pool's children
    always do so)."""
    if jobs < 1:
        return fail("--jobs must be at least 1")
    check_stdout()
    if jobs == 1 or "-" in files:  # stdin belongs to this process
        if for_life:
            from byline.analysis.pipeline import load_models_for_life

            load_models_for_life()
        return _print_lines(map(analyze_to_json_line, files))
    from concurrent.futures.process import BrokenProcessPool

    from byline.analysis.worker_process import new_pool, stop_pool

    pool = new_pool(jobs)
    try:
        return _print_lines(pool.map(analyze_to_json_line, files, chunksize=4))
    except BrokenProcessPool as error:  # a worker was killed (out of memory, a signal)
        return fail(f"an analysis process died ({error})")
    finally:
        stop_pool(pool)


def _print_lines(results: Iterable[tuple[bool, str]]) -> int:
    failed = False
    for ok, line in results:
        failed |= not ok
        write_stdout(line + "\n")
    return 1 if failed else 0


def _confirm_replace(path: Path) -> bool:
    """Ask on the terminal (no terminal: no)."""
    stdin, stderr = sys.stdin, sys.stderr
    try:
        if stdin is None or stderr is None or not stdin.isatty():
            return False
        stderr.write(f"{shown(path)} exists. Replace it? [y/N] ")
        stderr.flush()
        answer = stdin.readline()
    except (OSError, ValueError):
        return False
    return answer.strip().lower() in ("y", "yes")


def _output_state(output: Path) -> bool:
    """Whether ``output`` names something that exists (a link to nothing does not).

    Raises:
        OSError: the name cannot even be looked up (too long, a folder not searchable).
    """
    try:
        info = os.stat(output)
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not stat.S_ISDIR(info.st_mode)  # a folder: writing says why it cannot


def run_summary(
    argument: str,
    sentences: int | None,
    output: Path | None,
    force: bool,
    *,
    sources: bool = False,
) -> int:
    """Print or save the Markdown summary of one article."""
    from byline.analysis.export import summary_markdown, write_atomic
    from byline.analysis.pipeline import analyze
    from byline.web import open_article

    if sentences is not None and sentences < 1:
        return fail("-n must be at least 1")
    if output is None:
        check_stdout()
    else:
        output = output.expanduser()
    try:
        article = open_article(argument)
    except ArticleError as error:
        return fail(str(error))
    # A page is named by its URL (or the HTML file's path), a text file by its name.
    origin = (article.key if article.web else None) or article.name
    markdown = summary_markdown(analyze(article.text), origin, sentences, sources=sources)
    if output is None:
        write_stdout(markdown)
        return 0
    try:
        exists = _output_state(output)
        if exists and not force and not _confirm_replace(output):
            return fail(f"{output} exists; not replaced (use --force to replace it)")
        written = write_atomic(output, markdown, replace=exists or force)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        return fail(f"cannot write {output}: {reason}")
    if written != output:
        say(f"saved {written} (through the symbolic link {output})")
    else:
        say(f"saved {output}")
    return 0
