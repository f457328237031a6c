"""Command line: ``byline [FILE | URL | --resume]`` opens the reader; ``analyze`` and
``summary`` (``byline.headless``) and ``batch`` (``byline.batch``) run headless.

Only the reader imports Textual, and only once it is sure to start (and it needs a
terminal). Whatever goes wrong ends in one line on standard error and a non-zero exit,
never a traceback; what is printed goes through ``byline.console``.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from byline import __version__, headless
from byline.collector import for_life
from byline.console import (
    CommandParser,
    OutputError,
    Terminated,
    end_on_signals,
    fail,
    silence_stdout,
)
from byline.json_lines import internal_error
from byline.sources import Article, ArticleError

if TYPE_CHECKING:
    from byline.config import Config
    from byline.library import Library
    from byline.tui.analyzer import Analyzer
    from byline.tui.app import BylineApp

COMMANDS = ("analyze", "summary", "batch")
ALIASES = {"analyse": "analyze"}
"""Other spellings of the commands."""


def _reader_parser() -> argparse.ArgumentParser:
    from byline.config import config_path, shown_path

    parser = CommandParser(
        prog="byline",
        description="Read a news article in the terminal: entities, quotes with their "
        "speakers, and an extractive summary.",
        epilog="Other commands: 'byline analyze FILE...' prints the analysis as JSON Lines; "
        "'byline summary FILE' prints or saves the Markdown summary; "
        "'byline batch INPUT... --out DIR' analyses a corpus into resumable shards. "
        "Run 'byline COMMAND --help' for their options. "
        f"Settings (theme, text_width, panel_width, [keymap]): {shown_path(config_path())}.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a text or HTML file, an http(s) URL, or - for standard input "
        "(default: the sample article); with several, ':n' and ':p' step through them",
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


def _reattach_terminal() -> None:
    """After reading the article from a pipe, take keys from the terminal instead."""
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
    config: Config | None = None,
    files: Sequence[str] = (),
) -> BylineApp:
    """The reader app.

    Args:
        article: the article (the sample article when None and no ``url``; the sample is
            never recorded in the reading library). It is recorded under ``article.key``.
        url: a URL to fetch once the app is up (it shows "Fetching…" until then).
        refresh: download ``url`` again even when the library has a copy.
        library: the reading library (None: remember nothing).
        analyzer: the analysis to run (default: the real pipeline; tests pass a stand-in).
        config: the settings file's contents (None: defaults, nothing remembered).
        files: every article named on the command line (``:n`` and ``:p`` step through
            them); the first is ``article`` or ``url``.
    """
    from byline.tui.app import BylineApp
    from byline.tui.fetching import fetching_article, sample

    if url is not None:
        return BylineApp(
            fetching_article(url),
            analyzer=analyzer,
            library=library,
            fetch=url,
            refresh=refresh,
            config=config,
            files=files,
        )
    return BylineApp(
        article or sample(), analyzer=analyzer, library=library, config=config, files=files
    )


def _reader_arguments_problem(files: Sequence[str], resume: bool, refresh: bool) -> str | None:
    """What is wrong with the reader's arguments, before anything is opened (or None)."""
    from byline.web import is_web_url

    if resume and files:
        return "--resume opens the article read last: give no FILE or URL with it"
    if "-" in files and len(files) > 1:
        return "- (standard input) can only be read alone"
    if list(files) == ["-"] and sys.stdin.isatty():
        return "nothing on standard input: pipe an article in (cat story.txt | byline -)"
    if refresh and not resume and not any(is_web_url(name) for name in files):
        return "--refresh downloads a URL again: give the URL with it"
    return None


NO_TERMINAL = (
    "the reader needs a terminal (standard input and error are not one); "
    "for the analysis as JSON use 'byline analyze FILE'"
)
IN_BACKGROUND = (
    "the reader needs the foreground of its terminal, and runs in the background "
    "(under timeout, use 'timeout --foreground')"
)


def _terminal_problem() -> str | None:
    """Why the reader cannot run here, or None. It takes keys from standard input and
    draws on standard error: both must be a terminal, and this process in its foreground
    (in the background the terminal stops it at its first frame, for ever)."""
    try:
        if not (os.isatty(0) and os.isatty(2)):
            return NO_TERMINAL
        if os.tcgetpgrp(2) != os.getpgrp():
            return IN_BACKGROUND
    except OSError:
        return NO_TERMINAL
    return None


def run_reader(files: Sequence[str] | str | None, resume: bool, refresh: bool) -> int:
    """``byline [FILE... | URL | --resume]``: open the reader (errors before it starts)."""
    from byline.config import load_config
    from byline.library import Library
    from byline.tui.fetching import is_missing_file
    from byline.web import is_web_url

    files = [files] if isinstance(files, str) else list(files or [])
    problem = _reader_arguments_problem(files, resume, refresh)
    if problem is not None:
        return fail(problem)
    argument = files[0] if files else None
    config = load_config()
    library = Library.open()
    try:
        if resume:
            entry = library.last_read()
            if entry is None:
                why = library.problem or "the reading library is empty"
                return fail(f"nothing to resume: {why}")
            argument = entry.source
            if refresh and not is_web_url(argument):
                return fail("--refresh downloads a URL again: the article read last is a file")
        start: Callable[[], BylineApp]
        if resume and argument is not None and is_missing_file(argument):
            # Opened in the reader, which says the file is gone and offers the library's copy.
            start = partial(make_app, url=argument, library=library, config=config)
        elif argument is not None and is_web_url(argument) and not Path(argument).exists():
            start = partial(
                make_app, url=argument, refresh=refresh, library=library, config=config, files=files
            )
        elif argument is None:
            start = partial(make_app, library=library, config=config)
        else:
            from byline.web import open_article

            try:
                article = open_article(argument)
            except ArticleError as error:
                return fail(str(error))
            if argument == "-":
                _reattach_terminal()
            if article.web:
                gc.collect()  # what extracting the page left behind, so it is not frozen
            start = partial(make_app, article, library=library, config=config, files=files)
        # The reader's objects (Textual, the app, its widgets) live as long as it does:
        # made for life (``byline.collector``), so no collection scans them. A page's
        # extraction is collected first (above), so its garbage is not frozen with them.
        with for_life():
            app = start()
            problem = _terminal_problem()
            if problem is not None:
                return fail(problem)
            app.handle_signals = True
        app.run()
        return app.return_code or 0
    finally:
        library.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ALIASES:
        args[0] = ALIASES[args[0]]
    if argv is None:
        end_on_signals()  # the command line's own process: SIGTERM and SIGHUP end it cleanly
    try:
        if args and args[0] == "analyze":
            options = headless.analyze_parser().parse_args(args[1:])
            return headless.run_analyze(options.files, options.jobs, for_life=argv is None)
        if args and args[0] == "batch":
            from byline.batch.cli import main as batch_main

            return batch_main(args[1:])
        if args and args[0] == "summary":
            options = headless.summary_parser().parse_args(args[1:])
            return headless.run_summary(
                options.file,
                options.sentences,
                options.output,
                options.force,
                sources=options.sources,
            )
        options = _reader_parser().parse_args(args)
        return run_reader(options.files, options.resume, options.refresh)
    except KeyboardInterrupt:
        return 130
    except Terminated as signalled:
        return signalled.exit_code
    except BrokenPipeError:
        silence_stdout()
        return 141
    except OutputError as error:
        silence_stdout()
        return fail(str(error))
    except Exception as error:  # noqa: BLE001 - never a traceback: one line instead
        return fail(internal_error(error))


if __name__ == "__main__":
    sys.exit(main())
