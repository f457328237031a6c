"""Hostile input: charsets that are not text encodings, reads past the size limit, binary
behind a byte-order mark. Each gives a one-line error (or a decoded article), never a
traceback, a hang or a runaway read.

Every test is bounded in time: waits are joins with a timeout, subprocesses have one.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from web_fixtures import ARTICLE_HTML, QUOTE, _Handler, raw, serve_routes

import byline.sources.files as files
from byline.sources import MAX_BYTES, ArticleError, decode, read_article
from byline.web import open_article, read_url
from byline.web.extract import decode_page

pytestmark = pytest.mark.usefixtures("no_proxies")

NOT_TEXT_ENCODINGS = (
    *("base64", "rot13", "hex", "zlib", "idna", "undefined", "unicode_escape"),
    *("punycode", "utf-7", "bz2", "uu", "quopri", "no-such-codec"),
)


def _byline(
    *args: str, cwd: Path | None = None, memory: int | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "byline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        preexec_fn=limit,
    )


def _in_thread(call: Callable[[], object], timeout: float = 30) -> object:
    """``call()``'s result or exception, or a test failure when it is still running after
    ``timeout`` seconds (the thread is a daemon: a hang cannot outlive the test run)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"still reading after {timeout} s"
    return outcome[0]


# -- 1. a charset that is not a text encoding ----------------------------------------------


@pytest.mark.parametrize("charset", NOT_TEXT_ENCODINGS)
def test_a_charset_that_is_no_text_encoding_falls_back(charset: str) -> None:
    page = ARTICLE_HTML.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    data = page.encode("utf-8")
    assert QUOTE in decode_page(data, charset)
    assert QUOTE in decode_page(data)


@pytest.mark.parametrize("charset", ("base64", "rot13", "idna", "undefined", "utf-7"))
def test_a_page_served_with_a_bogus_charset_is_read(charset: str) -> None:
    body = ARTICLE_HTML.encode()

    def page(h: _Handler) -> None:
        h.send_page(200, body, f"text/html; charset={charset}")

    def plain(h: _Handler) -> None:
        h.send_page(
            200, b"A plain story.\n\nIt has two paragraphs.\n", f"text/plain; charset={charset}"
        )

    with serve_routes({"/page": page, "/plain": plain}) as base:
        assert QUOTE in read_url(f"{base}/page").text
        assert read_url(f"{base}/plain").text.startswith("A plain story.")


@pytest.mark.parametrize("charset", ("base64", "hex", "zlib", "undefined"))
def test_a_saved_page_with_a_bogus_meta_charset_is_read(tmp_path: Path, charset: str) -> None:
    saved = tmp_path / "bad.html"
    saved.write_text(ARTICLE_HTML.replace("utf-8", charset), encoding="utf-8")
    assert QUOTE in open_article(str(saved)).text


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_analyze_prints_a_line_for_every_file_around_a_bad_page(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "ok.txt").write_text("Nike grew. Apple fell.\n", encoding="utf-8")
    (tmp_path / "bad.html").write_text(ARTICLE_HTML.replace("utf-8", "base64"), encoding="utf-8")
    (tmp_path / "ok2.txt").write_text("Acme said it would grow.\n", encoding="utf-8")
    names = ["ok.txt", "bad.html", "ok2.txt"]
    result = _byline("analyze", "--jobs", jobs, *names, cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == names
    assert QUOTE in records[1]["text"]
    assert result.returncode == 0


def test_an_unexpected_failure_in_one_file_is_that_files_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import byline.web as web
    from byline.headless import run_analyze

    real = web.open_article

    def flaky(argument: str, **options: object) -> object:
        if argument.endswith("bad.txt"):
            raise LookupError("unknown encoding: something new")
        return real(argument)

    monkeypatch.setattr(web, "open_article", flaky)
    for name in ("ok.txt", "bad.txt", "ok2.txt"):
        (tmp_path / name).write_text("Nike grew. Apple fell.\n", encoding="utf-8")
    paths = [str(tmp_path / name) for name in ("ok.txt", "bad.txt", "ok2.txt")]
    assert run_analyze(paths) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in records] == paths
    assert "LookupError" in records[1]["error"] and "\n" not in records[1]["error"]
    assert "error" not in records[0] and "error" not in records[2]


# -- 2. reads are bounded, whatever the kind of file -----------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    # A runaway read would hit the 1 GB address-space limit and die with MemoryError.
    result = _byline("analyze", device, memory=1 << 30, timeout=60)
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert json.loads(line) == {"path": device, "error": f"{device}: is a device, not a file"}


def test_a_named_pipe_nobody_writes_to_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    monkeypatch.setattr(files, "PIPE_WAIT", 0.5, raising=False)
    try:
        outcome = _in_thread(lambda: read_article(str(fifo)))
    finally:
        # Unblock a reader stuck opening the pipe, so its thread can end.
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert isinstance(outcome, ArticleError), outcome
    assert str(outcome) == f"{fifo}: a named pipe that nothing writes to"


def test_a_named_pipe_is_read_once_a_writer_comes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(files, "PIPE_WAIT", 20.0, raising=False)

    def write_later() -> None:
        with open(fifo, "wb") as pipe:  # blocks until byline opens the pipe
            threading.Event().wait(0.3)
            pipe.write(b"A story through a pipe.\n")

    threading.Thread(target=write_later, daemon=True).start()
    outcome = _in_thread(lambda: read_article(str(fifo)))
    assert not isinstance(outcome, BaseException), outcome
    assert outcome.text == "A story through a pipe.\n"  # type: ignore[attr-defined]


@pytest.fixture
def big_pipe() -> Iterator[str]:
    """``/dev/fd/N`` of a pipe a thread fills with more than the limit (as ``<(cat big)``)."""
    read_end, write_end = os.pipe()

    def fill() -> None:
        line = b"The council met again on Tuesday and talked for hours.\n"
        try:
            with open(write_end, "wb") as pipe:
                for _ in range((MAX_BYTES + 2**20) // len(line)):
                    pipe.write(line)
        except OSError:
            pass  # the reader stopped reading: as it should

    writer = threading.Thread(target=fill, daemon=True)
    writer.start()
    try:
        yield f"/dev/fd/{read_end}"
    finally:
        os.close(read_end)
        writer.join(timeout=10)


def test_a_pipe_is_read_with_the_limit(big_pipe: str) -> None:
    outcome = _in_thread(lambda: read_article(big_pipe))
    assert isinstance(outcome, ArticleError), outcome
    assert str(outcome) == f"{big_pipe}: larger than the {MAX_BYTES // 2**20} MiB limit"


def test_a_pipe_is_read_with_the_limit_as_a_page_too(big_pipe: str) -> None:
    outcome = _in_thread(lambda: open_article(big_pipe))
    assert isinstance(outcome, ArticleError), outcome
    assert "larger than the" in str(outcome)


# -- 12. binary behind a byte-order mark ---------------------------------------------------------


def _binary() -> bytes:
    """The start of a real executable (this Python)."""
    with open(sys.executable, "rb") as handle:
        return handle.read(64 * 1024)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8])
def test_binary_behind_a_byte_order_mark_is_refused(bom: bytes) -> None:
    with pytest.raises(ArticleError, match="binary"):
        decode(bom + _binary())


def test_random_bytes_behind_a_utf16_mark_are_refused() -> None:
    noise = random.Random(12).randbytes(32 * 1024).replace(b"\x00", b"\x01")
    with pytest.raises(ArticleError, match="binary"):
        decode(codecs.BOM_UTF16_LE + noise)


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_mark_is_decoded_as_utf32(encoding: str) -> None:
    text = "“Hi,” she said. Ça va?"
    data = text.encode(encoding)
    if not encoding.endswith("32"):
        data = (codecs.BOM_UTF32_LE if encoding.endswith("le") else codecs.BOM_UTF32_BE) + data
    assert decode(data) == text


def test_binary_served_as_plain_text_is_refused() -> None:
    binary = _binary()

    def route(h: _Handler) -> None:
        h.send_page(200, binary, "text/plain; charset=utf-8")

    with (
        serve_routes({"/binary": route}) as base,
        pytest.raises(ArticleError, match="binary") as caught,
    ):
        read_url(f"{base}/binary")
    assert str(caught.value).startswith(f"{base}/binary: ")


def test_a_text_file_behind_a_mark_still_reads(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes("“A story,” she said.\n".encode("utf-16"))
    assert read_article(str(story)).text == "“A story,” she said.\n"


# -- 5. a server that drips its headers; 16. a body shorter than it says -----------------


def _drip_headers(h: _Handler) -> None:
    """Send the status line, then a header byte every 50 ms for up to 120 s."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Drip: ")
    for _ in range(2400):
        try:
            h.wfile.write(b"a")
            h.wfile.flush()
        except OSError:
            return  # byline hung up
        threading.Event().wait(0.05)
    h.close_connection = True


def test_dripping_headers_meet_the_deadline() -> None:
    # Each byte comes well within the 5 s read timeout; only the deadline can stop it.
    with serve_routes({"/drip": _drip_headers}) as base:
        outcome = _in_thread(lambda: read_url(f"{base}/drip", timeout=5, deadline=1.0), 60)
    assert isinstance(outcome, ArticleError), outcome
    assert str(outcome) == f"{base}/drip: timed out (the download took over 1 s)"


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_a_body_shorter_than_its_length_is_a_failed_download(encoding: str | None) -> None:
    import gzip

    body = ARTICLE_HTML.encode()
    if encoding:
        body = gzip.compress(body)
    headers = f"Content-Type: text/html\r\nContent-Length: {len(body) + 500}\r\n"
    if encoding:
        headers += f"Content-Encoding: {encoding}\r\n"
    route = raw(f"HTTP/1.1 200 OK\r\n{headers}\r\n".encode() + body)
    with serve_routes({"/short": route}) as base:
        outcome = _in_thread(lambda: read_url(f"{base}/short", timeout=5))
    assert isinstance(outcome, ArticleError), outcome
    assert "cut short" in str(outcome) and f"{len(body)} of {len(body) + 500}" in str(outcome)


def test_a_body_as_long_as_its_length_is_read() -> None:
    body = ARTICLE_HTML.encode()
    route = raw(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    with serve_routes({"/exact": route}) as base:
        assert QUOTE in read_url(f"{base}/exact", timeout=5).text


# -- 6. a paragraph of megabytes never meets NLTK's wall-clock regex guard ---------------


def test_punkt_never_sees_more_than_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from byline.analysis import nlp

    tokenizer = nlp._sentence_tokenizer()
    seen: list[int] = []
    real = tokenizer.span_tokenize

    def spy(text: str) -> object:
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(tokenizer, "span_tokenize", spy)
    paragraph = "The mayor spoke again. " * 20_000 + "and on " * 30_000  # 670 kB, no newline
    spans = nlp.sentence_spans(paragraph)
    assert seen and max(seen) <= nlp.PUNKT_WINDOW
    assert spans[0] == (0, 22) and all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert paragraph[spans[-1][0] : spans[-1][1]].endswith("and on")


def test_windows_keep_every_sentence_that_fits_in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from byline.analysis import nlp

    paragraph = " ".join(
        f"Sentence {n} says Mr. Smith met the U.S. envoy (at noon)." for n in range(3000)
    )
    windowed = nlp.sentence_spans(paragraph, 0, len(paragraph))
    monkeypatch.setattr(nlp, "PUNKT_WINDOW", 10**9)
    assert windowed == nlp.sentence_spans(paragraph, 0, len(paragraph))
    assert len(windowed) == 3000
