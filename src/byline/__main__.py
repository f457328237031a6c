"""Command line: ``byline [FILE | URL | --resume]`` opens the reader; ``analyze``,
``summary`` and ``batch`` (``byline.batch``) run headless.

Only the reader imports Textual, and only once it is sure to start.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from byline import __version__
from byline.sources import Article, ArticleError

if TYPE_CHECKING:
    from byline.library import Library
    from byline.tui.analyzer import Analyzer
    from byline.tui.app import BylineApp

COMMANDS = ("analyze", "summary", "batch")


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        description="Read a news article in the terminal: entities, quotes with their "
        "speakers, and an extractive summary.",
        epilog="Other commands: 'byline analyze FILE...' prints the analysis as JSON Lines; "
        "'byline summary FILE' prints or saves the Markdown summary; "
        "'byline batch INPUT... --out DIR' analyses a corpus into resumable shards. "
        "Run 'byline COMMAND --help' for their options.",
    )
    parser.add_argument(
        "file",
        nargs="?",
        help="a text or HTML file, an http(s) URL, or - for standard input "
        "(default: the sample article)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="reopen the article read last, where you stopped",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="download a URL again instead of opening the copy in the reading library",
    )
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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


def _summary_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline summary",
        description="Print the article's Markdown summary, or save it with -o.",
    )
    parser.add_argument(
        "file", metavar="FILE", help="a text or HTML file, an http(s) URL, or - for stdin"
    )
    parser.add_argument("-n", "--sentences", type=int, help="number of summary sentences")
    parser.add_argument("-o", "--output", type=Path, help="write the summary to this file")
    parser.add_argument("-f", "--force", action="store_true", help="replace OUTPUT without asking")
    return parser


def _fail(message: str) -> int:
    print(f"byline: {message}", file=sys.stderr)
    return 1


def analyze_to_json_line(argument: str) -> tuple[bool, str]:
    """One file's ``byline analyze`` line, and whether it was analysed (not an error)."""
    import json

    from byline.analysis.export import to_json
    from byline.analysis.pipeline import analyze
    from byline.sources import json_fields
    from byline.web import open_article

    try:
        article = open_article(argument)
        record = to_json(analyze(article.text), argument)
    except ArticleError as error:
        return False, json.dumps({"path": argument, "error": str(error)}, ensure_ascii=False)
    record.update(json_fields(article))
    return True, json.dumps(record, ensure_ascii=False)


def run_analyze(files: Sequence[str], jobs: int = 1) -> int:
    """Analyse each file and print its JSON line, in input order; 1 when any failed."""
    if jobs < 1:
        return _fail("--jobs must be at least 1")
    if jobs == 1 or "-" in files:  # stdin belongs to this process
        return _print_lines(map(analyze_to_json_line, files))
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return _print_lines(pool.map(analyze_to_json_line, files, chunksize=4))


def _print_lines(results: Iterable[tuple[bool, str]]) -> int:
    failed = False
    for ok, line in results:
        failed |= not ok
        print(line, flush=True)
    return 1 if failed else 0


def _confirm_replace(path: Path) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"{path} exists. Replace it? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def run_summary(argument: str, sentences: int | None, output: Path | None, force: bool) -> int:
    """Print or save the Markdown summary of one article."""
    from byline.analysis.export import summary_markdown, write_atomic
    from byline.analysis.pipeline import analyze
    from byline.web import open_article

    if sentences is not None and sentences < 1:
        return _fail("-n must be at least 1")
    try:
        article = open_article(argument)
    except ArticleError as error:
        return _fail(str(error))
    # A page is named by its URL (or the HTML file's path), a text file by its name.
    origin = (article.key if article.web else None) or article.name
    markdown = summary_markdown(analyze(article.text), origin, sentences)
    if output is None:
        sys.stdout.write(markdown)
        return 0
    output = output.expanduser()
    exists = output.exists() and not output.is_dir()
    if exists and not force and not _confirm_replace(output):
        return _fail(f"{output} exists; not replaced (use --force to replace it)")
    try:
        write_atomic(output, markdown, replace=exists or force)
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    print(f"saved {output}", file=sys.stderr)
    return 0


def _reattach_terminal() -> None:
    """After reading the article from a pipe, take keys from the terminal instead."""
    import os

    if sys.stdin.isatty():
        return
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 outlives this function


def make_app(
    article: Article | None = None,
    *,
    url: str | None = None,
    refresh: bool = False,
    library: Library | None = None,
    analyzer: Analyzer | None = None,
) -> BylineApp:
    """The reader app.

    Args:
        article: the article (the sample article when None and no ``url``; the sample is
            never recorded in the reading library). It is recorded under ``article.key``.
        url: a URL to fetch once the app is up (it shows "Fetching…" until then).
        refresh: download ``url`` again even when the library has a copy.
        library: the reading library (None: remember nothing).
        analyzer: the analysis to run (default: the real pipeline; tests pass a stand-in).
    """
    from byline.tui.app import BylineApp
    from byline.tui.fetching import fetching_article, sample

    if url is not None:
        return BylineApp(
            fetching_article(url), analyzer=analyzer, library=library, fetch=url, refresh=refresh
        )
    return BylineApp(article or sample(), analyzer=analyzer, library=library)


def run_reader(argument: str | None, resume: bool, refresh: bool) -> int:
    """``byline [FILE | URL | --resume]``: open the reader (errors before it starts)."""
    from byline.library import Library
    from byline.web import is_web_url

    if resume and argument is not None:
        return _fail("--resume opens the article read last: give no FILE or URL with it")
    library = Library.open()
    try:
        if resume:
            entry = library.last_read()
            if entry is None:
                why = library.problem or "the reading library is empty"
                return _fail(f"nothing to resume: {why}")
            argument = entry.source
        if argument is not None and is_web_url(argument) and not Path(argument).exists():
            app = make_app(url=argument, refresh=refresh, library=library)
        elif argument is None:
            app = make_app(library=library)
        else:
            from byline.web import open_article

            try:
                article = open_article(argument)
            except ArticleError as error:
                return _fail(str(error))
            if argument == "-":
                _reattach_terminal()
            app = make_app(article, library=library)
        app.run()
        return app.return_code or 0
    finally:
        library.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "analyze":
            options = _analyze_parser().parse_args(args[1:])
            return run_analyze(options.files, options.jobs)
        if args and args[0] == "batch":
            from byline.batch.cli import main as batch_main

            return batch_main(args[1:])
        if args and args[0] == "summary":
            options = _summary_parser().parse_args(args[1:])
            return run_summary(options.file, options.sentences, options.output, options.force)
        options = _reader_parser().parse_args(args)
        return run_reader(options.file, options.resume, options.refresh)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 141


if __name__ == "__main__":
    sys.exit(main())
