"""What the command line writes and how it ends: shown names, UTF-8 output, signals.

- Every message goes through :func:`shown` (a failure through :func:`fail`, an argument
  error through :class:`CommandParser`), the reader's control-character escaping
  (``byline.tui.text``, which imports no Textual) squeezed onto one line: a file name can
  never send an escape sequence to the terminal.
- Standard output is written as UTF-8 whatever the locale (JSON Lines and Markdown are
  UTF-8, as the files byline saves are), and a failure to write it (a full disk, a closed
  descriptor) is an :class:`OutputError`, which the command reports in one line.
- SIGTERM and SIGHUP end a headless command as Ctrl-C does, by an exception
  (:class:`Terminated`), so that ``finally`` blocks run: temporary files are removed and
  worker processes stopped. The reader handles them in its own event loop instead.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import sys
from types import FrameType
from typing import NoReturn

from byline.tui.text import one_line

ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
"""The signals that end byline cleanly, as Ctrl-C (SIGINT) does."""

# What JSON leaves as it is but a terminal could act on, and lone surrogates (a file name
# that is not UTF-8): written as \\u escapes, which decode to the very same string.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class OutputError(Exception):
    """Standard output cannot be written; ``str(error)`` is a one-line reason."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived (a BaseException, as KeyboardInterrupt is)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def shown(text: object) -> str:
    """``text`` as it may be printed: controls made visible, on one line."""
    return one_line(str(text))


def say(message: str) -> None:
    """Print ``byline: message`` on standard error (when there is one)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"byline: {shown(message)}\n")
        stream.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it; the exit status still tells


def fail(message: str) -> int:
    """Say ``message`` (see :func:`say`) and give the exit status of a failed command."""
    say(message)
    return 1


class CommandParser(argparse.ArgumentParser):
    """argparse, whose error messages quote what was typed: shown safely."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {shown(message)}\n")


def json_safe(line: str) -> str:
    """A JSON text with what a terminal would act on escaped (the same JSON value)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def check_stdout() -> None:
    """Raise :class:`OutputError` now when standard output is closed (``>&-``)."""
    if sys.stdout is None:
        raise OutputError("standard output is closed")
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, io.UnsupportedOperation):
        return  # not a file at all (a test's capture): nothing to check
    except ValueError:
        raise OutputError("standard output is closed") from None
    try:
        os.fstat(fd)
    except OSError:
        raise OutputError("standard output is closed") from None


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output as UTF-8, now.

    Raises:
        BrokenPipeError: the reader of a pipe went away (the command ends quietly).
        OutputError: anything else that stops the write.
    """
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    data = text.encode("utf-8", errors="surrogateescape")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # replaced by a test or an embedding program: text only
            stream.write(text)
        else:
            stream.flush()
            buffer.write(data)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = " ".join((error.strerror or str(error)).split()).lower()
        raise OutputError(f"cannot write to standard output ({reason})") from None
    except ValueError:
        raise OutputError("standard output is closed") from None


def silence_stdout() -> None:
    """Point standard output at nothing, so that the interpreter's last flush of what
    could not be written does not print a traceback of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    sys.stdout = None  # type: ignore[assignment]


def _terminate(signum: int, frame: FrameType | None) -> None:
    for ending in ENDING_SIGNALS:  # a second signal now ends byline at once
        signal.signal(ending, signal.SIG_DFL)
    raise Terminated(signum)


def end_on_signals() -> None:
    """Make SIGTERM and SIGHUP raise :class:`Terminated` in the main thread."""
    for signum in ENDING_SIGNALS:
        signal.signal(signum, _terminate)
