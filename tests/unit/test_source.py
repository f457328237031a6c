"""Reading articles: decoding, one-line refusals, and the Article record."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from byline.sources import Article, ArticleError, decode, json_fields, read_article, with_headline


def test_utf8_with_and_without_bom() -> None:
    assert decode("“Hi,” she said".encode()) == "“Hi,” she said"
    assert decode(codecs.BOM_UTF8 + "“Hi”".encode()) == "“Hi”"


def test_utf16_with_bom() -> None:
    assert decode("“Hi,” she said".encode("utf-16")) == "“Hi,” she said"


def test_cp1252_smart_quotes() -> None:
    assert decode(b"\x93Hi,\x94 she said") == "“Hi,” she said"


def test_binary_refused() -> None:
    with pytest.raises(ArticleError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))
    with pytest.raises(ArticleError, match="directory"):
        read_article(str(tmp_path))


def test_reads_file_name(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Text.", encoding="utf-8")
    source = read_article(str(path))
    assert (source.text, source.name, source.path) == ("Text.", "story.txt", path)
    assert source.key == str(path.resolve()) and source.url is None and not source.web


def test_error_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(str(tmp_path / "missing"))
    assert "\n" not in str(caught.value)


def test_latin1_accents_are_detected() -> None:
    text = "François said the déjà vu was réel, naïve as it sounds."
    assert decode(text.encode("latin-1")) == text


def test_cyrillic_code_page_is_detected() -> None:
    text = "Привет, мир: это статья о новостях и политике в городе."
    assert decode(text.encode("cp1251")) == text


def test_mostly_control_bytes_are_binary() -> None:
    with pytest.raises(ArticleError, match="binary"):
        decode(bytes(range(1, 32)) * 20)


def test_crlf_text_is_kept_as_decoded() -> None:
    assert decode(b"One.\r\n\r\nTwo.\r\n") == "One.\r\n\r\nTwo.\r\n"


def test_a_page_keeps_its_headline_at_the_head_of_its_text() -> None:
    page = Article(with_headline("Sea wall", "Body.\n\nMore."), "x", "https://x/", title="Sea wall")
    assert page.text == "Sea wall\n\nBody.\n\nMore."
    assert page.body == "Body.\n\nMore."  # what the reading library caches
    assert with_headline(None, "Body.") == Article("Body.", "x").body == "Body."
    with pytest.raises(ValueError, match="headline"):
        Article("Body without it.", "x", title="Sea wall")


def test_json_fields_come_from_the_article() -> None:
    assert json_fields(Article("Text.", "stdin")) == dict.fromkeys(
        ("source", "url", "site", "author", "date")
    )
    page = Article(
        "Text.", "x", "https://x/a", url="https://x/a", site="X", author="A", date="2024-01-02"
    )
    assert json_fields(page) == {
        "source": "https://x/a",
        "url": "https://x/a",
        "site": "X",
        "author": "A",
        "date": "2024-01-02",
    }
