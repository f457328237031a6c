"""Reading the web: fetching from a local server, extraction, metadata and one-line errors."""

from __future__ import annotations

import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from web_fixtures import (
    ARTICLE_HTML,
    AUTHOR,
    BOILERPLATE,
    DATE,
    LEGACY_HTML,
    NO_ARTICLE_HTML,
    PARAGRAPHS,
    QUOTE,
    SITE,
    TITLE,
)

from byline.analysis.layout import layout
from byline.library import Library
from byline.sources import Article, ArticleError, json_fields, with_headline
from byline.web import load_source, open_article, read_url
from byline.web.extract import decode_page, extract_article, looks_like_html
from byline.web.fetch import fetch
from byline.web.urls import is_web_url, url_scheme

# Every test here talks to the local server directly.
pytestmark = pytest.mark.usefixtures("no_proxies")


def _error(call: object, *args: object, **kwargs: object) -> str:
    """The message of the ArticleError ``call`` raises, checked to be one line."""
    with pytest.raises(ArticleError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message
    assert len(message) < 400
    return message


# -- extraction -----------------------------------------------------------------------------


def test_article_text_paragraphs_and_quote(server: str) -> None:
    page = read_url(f"{server}/story")
    assert page.body == "\n\n".join(PARAGRAPHS)
    assert QUOTE in page.text


def test_boilerplate_is_left_out(server: str) -> None:
    text = read_url(f"{server}/story").text
    for furniture in BOILERPLATE:
        assert furniture not in text, furniture


def test_metadata(server: str) -> None:
    page = read_url(f"{server}/story")
    assert (page.title, page.author, page.date, page.site) == (TITLE, AUTHOR, DATE, SITE)
    assert page.key == f"{server}/story" and page.url == page.key and page.path is None
    assert page.web and not page.cached
    assert page.name.startswith("127.0.0.1:") and page.name.endswith("/story")


def test_metadata_from_json_ld_alone(server: str) -> None:
    page = read_url(f"{server}/story-ld")
    assert (page.title, page.author, page.date, page.site) == (TITLE, AUTHOR, DATE, SITE)


def test_article_text_puts_the_headline_first_for_the_layout(server: str) -> None:
    page = read_url(f"{server}/story")
    text = page.text
    assert text.startswith(f"{TITLE}\n\n{PARAGRAPHS[0]}")
    found = layout(text)
    assert found.title == TITLE
    assert [text[p.start : p.end] for p in found.paragraphs] == list(PARAGRAPHS)
    assert with_headline(page.title, page.body) == text


def test_headline_repeated_in_the_body_is_not_doubled() -> None:
    extracted = extract_article(ARTICLE_HTML)
    assert extracted.title == TITLE
    assert TITLE not in extracted.text


def test_subheads_lists_and_line_breaks_stay_apart() -> None:
    html = ARTICLE_HTML.replace(
        f"<p>{PARAGRAPHS[2]}</p>",
        "<h2>What happens next</h2><ul><li>Surveys in May.</li><li>Building in June.</li>"
        f"</ul><p>Line one<br>line two of the same paragraph.</p><p>{PARAGRAPHS[2]}</p>",
    )
    text = extract_article(html).text
    assert "\n\nWhat happens next\n\n" in text
    assert "\n\n• Surveys in May.\n\n• Building in June.\n\n" in text
    assert "\n\nLine one\nline two of the same paragraph.\n\n" in text


def test_redirect_then_article(server: str) -> None:
    page = read_url(f"{server}/redirect-twice")
    assert page.title == TITLE and QUOTE in page.text
    assert page.key == f"{server}/redirect-twice"  # the library keys what the user typed


def test_charsets(server: str) -> None:
    legacy = read_url(f"{server}/legacy")  # meta charset only
    assert "café-loving" in legacy.text and QUOTE in legacy.text
    header = read_url(f"{server}/legacy-header")  # HTTP charset beats the page's meta tag
    assert QUOTE in header.text
    assert decode_page(b"caf\xc3\xa9 \xff") == "café \ufffd"  # UTF-8, else replacement


def test_gzip_and_missing_content_type(server: str) -> None:
    assert read_url(f"{server}/gzip").body == "\n\n".join(PARAGRAPHS)
    assert read_url(f"{server}/no-type").body == "\n\n".join(PARAGRAPHS)


def test_plain_text_url_is_read_as_text(server: str) -> None:
    page = read_url(f"{server}/plain")
    assert page.text.startswith(TITLE) and QUOTE in page.text and page.title is None


# -- one-line errors ------------------------------------------------------------------------


def test_redirect_loop(server: str) -> None:
    message = _error(read_url, f"{server}/loop")
    assert message.startswith(f"{server}/loop: ") and "too many redirects" in message


def test_redirect_limit(server: str) -> None:
    assert read_url(f"{server}/chain/5").title == TITLE
    assert "too many redirects" in _error(read_url, f"{server}/chain/6")


@pytest.mark.parametrize("route", ["/to-file", "/to-ftp"])
def test_redirect_to_another_scheme_refused(server: str, route: str) -> None:
    assert "redirected to a non-http(s) address" in _error(read_url, f"{server}{route}")


def test_http_errors(server: str) -> None:
    assert _error(read_url, f"{server}/missing") == f"{server}/missing: HTTP 404 Not Found"
    assert "HTTP 500" in _error(read_url, f"{server}/broken")


def test_not_html(server: str) -> None:
    assert _error(read_url, f"{server}/pdf").endswith("not an HTML page (application/pdf)")


@pytest.mark.parametrize("route", ["/huge", "/huge-declared", "/gzip-bomb"])
def test_size_cap(server: str, route: str) -> None:
    assert "larger than the 2 MiB limit" in _error(read_url, f"{server}{route}")


def test_slow_answer_times_out(server: str) -> None:
    # The server answers after 3 s: an error that says "timed out" came from the 0.5 s one.
    message = _error(read_url, f"{server}/slow", timeout=0.5)
    assert "timed out" in message


def test_trickling_download_hits_the_deadline(server: str) -> None:
    # Every byte comes well within the 2 s read timeout, the whole body takes 10 s: only
    # the 0.6 s deadline for the whole download can have stopped it.
    message = _error(read_url, f"{server}/trickle", timeout=2, deadline=0.6)
    assert "timed out" in message and "0.6 s" in message


def test_page_without_article(server: str) -> None:
    message = _error(read_url, f"{server}/empty")
    assert message == f"{server}/empty: no article text found on the page"


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = _error(read_url, f"http://127.0.0.1:{port}/story", timeout=2)
    assert message == f"http://127.0.0.1:{port}/story: connection refused"


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*_: object, **__: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    message = _error(read_url, "https://news.example.invalid/story")
    assert message.startswith("https://news.example.invalid/story: ")
    assert "DNS lookup failed" in message


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "data:text/html,<p>hi</p>",
        "ftp://127.0.0.1/story.html",
        "javascript:alert(1)",
    ],
)
def test_other_schemes_refused(url: str) -> None:
    message = _error(load_source, url)
    assert "unsupported URL scheme" in message and "only http and https" in message
    assert "unsupported URL scheme" in _error(fetch, url)


def test_url_with_a_newline_still_gives_one_line() -> None:
    assert "unsupported URL scheme" in _error(load_source, "file:///etc/\npasswd")


def test_what_counts_as_a_url() -> None:
    assert is_web_url("https://example.com/a") and is_web_url("HTTP://example.com")
    assert not is_web_url("story.html") and not is_web_url("C:\\news\\story.html")
    assert url_scheme("notes:today.txt") is None
    assert url_scheme("data:text/plain,hi") == "data"


# -- files and load_source ------------------------------------------------------------------


def test_saved_page_gives_the_same_article_as_the_url(server: str, tmp_path: Path) -> None:
    saved = tmp_path / "story.html"
    saved.write_text(ARTICLE_HTML, encoding="utf-8")
    from_file = load_source(str(saved))
    from_url = load_source(f"{server}/story")
    assert from_file is not None and from_url is not None
    assert from_file.text == from_url.text
    assert (from_file.title, from_file.author, from_file.date, from_file.site) == (
        from_url.title,
        from_url.author,
        from_url.date,
        from_url.site,
    )
    assert from_file.path == saved.resolve() and from_file.key == str(saved.resolve())
    assert from_file.name == "story.html" and from_file.url is None


def test_html_sniffed_whatever_the_name(tmp_path: Path) -> None:
    page = tmp_path / "download"
    page.write_bytes(b"\xef\xbb\xbf  \n" + ARTICLE_HTML.encode())
    found = load_source(str(page))
    assert found is not None and QUOTE in found.text
    assert looks_like_html(b"\n <HTML lang=en><body>")
    assert not looks_like_html(b"<p>An article fragment</p>")
    assert not looks_like_html("“Hello,” she said.".encode())


def test_legacy_encoded_file(tmp_path: Path) -> None:
    page = tmp_path / "old.htm"
    page.write_bytes(LEGACY_HTML.encode("cp1252"))
    found = load_source(str(page))
    assert found is not None and "café-loving" in found.text and QUOTE in found.text


def test_plain_text_is_left_to_read_article(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("“Hi,” she said.\n", encoding="utf-8")
    assert load_source(str(story)) is None
    assert load_source("-") is None
    assert load_source(str(tmp_path / "missing.txt")) is None
    assert load_source(str(tmp_path)) is None


def test_html_file_errors(tmp_path: Path) -> None:
    assert _error(load_source, str(tmp_path / "gone.html")).endswith("gone.html: no such file")
    empty = tmp_path / "shop.html"
    empty.write_text(NO_ARTICLE_HTML, encoding="utf-8")
    assert _error(load_source, str(empty)) == f"{empty}: no article text found on the page"


def test_cached_copy_opens_offline(server: str, tmp_path: Path) -> None:
    fresh = load_source(f"{server}/story")
    assert fresh is not None and not fresh.cached
    with socket.socket() as probe:  # a port nobody listens on: only the cache can answer
        probe.bind(("127.0.0.1", 0))
        offline = f"http://127.0.0.1:{probe.getsockname()[1]}/story"
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.record(replace(fresh, key=offline, url=offline))
        assert library.cached_text(offline) == fresh.body  # the headline is kept as the title
        cached = load_source(offline, library=library)
        assert cached is not None and cached.cached and cached.key == offline
        assert (cached.text, cached.title, cached.author, cached.date, cached.site) == (
            fresh.text,
            fresh.title,
            fresh.author,
            fresh.date,
            fresh.site,
        )
        assert cached.body == fresh.body
        assert "connection refused" in _error(load_source, offline, library=library, refresh=True)


def test_json_fields(server: str) -> None:
    page = read_url(f"{server}/story")
    assert json_fields(page) == {
        "source": f"{server}/story",
        "url": f"{server}/story",
        "site": SITE,
        "author": AUTHOR,
        "date": DATE,
    }
    assert json_fields(Article("A.", "a.txt", "/news/a.txt", Path("/news/a.txt"))) == {
        "source": "/news/a.txt",
        "url": None,
        "site": None,
        "author": None,
        "date": None,
    }


def test_open_article_for_any_argument(server: str, tmp_path: Path) -> None:
    page = open_article(f"{server}/story")
    assert page.web and page.text == with_headline(page.title, page.body)
    assert page.name == read_url(f"{server}/story").name and page.path is None
    story = tmp_path / "story.txt"
    story.write_text("“Hi,” she said.\n", encoding="utf-8")
    plain = open_article(str(story))
    assert not plain.web and plain.text == "“Hi,” she said.\n" and plain.path == story
    assert plain.title is None and plain.body == plain.text
    assert "no such file" in _error(open_article, str(tmp_path / "missing.txt"))
    assert "unsupported URL scheme" in _error(open_article, "file:///etc/passwd")


def test_web_reading_imports_neither_textual_nor_trafilatura_up_front() -> None:
    code = "import sys, byline.web, byline.library\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich", "trafilatura", "nltk")}


def test_list_items_keep_their_lines_with_a_marker() -> None:
    html = ARTICLE_HTML.replace(
        f"<p>{PARAGRAPHS[2]}</p>",
        "<ul><li>New sea wall<ul><li>north quay first</li><li>then the south</li></ul>"
        " in two stages</li><li>A cycle lane</li></ul>"
        f"<ol><li>Surveys in May.</li><li>Building in June.</li></ol><p>{PARAGRAPHS[2]}</p>",
    )
    text = extract_article(html).text
    assert (
        "\n\n• New sea wall in two stages\n\n◦ north quay first\n\n◦ then the south"
        "\n\n• A cycle lane\n\n1. Surveys in May.\n\n2. Building in June.\n\n"
    ) in text
