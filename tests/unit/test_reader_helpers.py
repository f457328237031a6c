"""The reader's plain helpers for issue 15: the byline, links, the browser's kind, the
summary's source line, stepping through matches, copied text. No terminal."""

from __future__ import annotations

import webbrowser

import pytest

from byline.analysis.export import markdown_source, markdown_text
from byline.sources import Article
from byline.tui.browser import runs_in_terminal
from byline.tui.copying import clipboard_text
from byline.tui.labels import byline_text, shown_date
from byline.tui.links import find_links
from byline.tui.search import Matches
from byline.tui.widgets.wrapping import LineLayout, paragraph_ranges


def _page(
    title: str | None = None,
    author: str | None = None,
    site: str | None = None,
    date: str | None = None,
) -> Article:
    return Article(
        "Body.",
        "x",
        url="https://x.org/a",
        title=title,
        author=author,
        site=site,
        date=date,
        web=True,
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"author": "Ana Reporter", "site": "The Times", "date": "2026-03-03"},
         "By Ana Reporter · The Times · 3 March 2026"),
        ({"author": "by Ana Reporter"}, "By Ana Reporter"),
        ({"site": "x.org", "date": "yesterday"}, "x.org · yesterday"),
        ({"author": "The Times", "site": "The Times"}, "By The Times"),
        ({"author": "Ana\x1b]0;x\x07 Reporter"}, "By Ana␛]0;x\ufffd Reporter"),
        ({}, None),
    ],
)  # fmt: skip
def test_byline_text(fields: dict[str, str], expected: str | None) -> None:
    assert byline_text(_page(**fields)) == expected


def test_shown_date() -> None:
    assert shown_date("2024-12-25") == "25 December 2024"
    assert shown_date(" 2024-02-01 ") == "1 February 2024"
    assert shown_date("2024-13-01") == "2024-13-01"
    assert shown_date("March 3") == "March 3"


def test_links_are_web_addresses_without_the_punctuation_around_them() -> None:
    text = (
        "See https://example.com/a_(b). And (http://x.org/y), or "
        "“https://q.io/z?x=1&y=2”! ftp://no.pe https:// www.no.pe"
    )
    assert [url for _, url in find_links(text)] == [
        "https://example.com/a_(b)",
        "http://x.org/y",
        "https://q.io/z?x=1&y=2",
    ]
    for (start, end), url in find_links(text):
        assert text[start:end] == url
    assert find_links("https://a.b/c\ufffdevil") == [((0, 13), "https://a.b/c")]


def test_a_text_browser_is_told_from_a_window_one() -> None:
    assert runs_in_terminal(webbrowser.GenericBrowser("w3m"))
    assert not runs_in_terminal(webbrowser.BackgroundBrowser("firefox"))
    assert runs_in_terminal(webbrowser.Elinks("elinks"))
    assert not runs_in_terminal(webbrowser.Mozilla("firefox"))


def test_the_source_line_links_a_page_and_names_a_file() -> None:
    assert markdown_source("http://127.0.0.1:8765/page.html") == "<http://127.0.0.1:8765/page.html>"
    assert markdown_source("https://x.org/a b") == "https://x.org/a b"  # not an address
    assert markdown_source("https://x.org/é?q=<b>") == "<https://x.org/%C3%A9?q=%3Cb%3E>"
    assert markdown_source("/home/r/1. story_x.txt") == "/home/r/1. story\\_x.txt"
    assert markdown_source("https://x.org/\x1b]0;t\x07") == "<https://x.org/]0;t>"


def test_a_number_starting_a_line_keeps_no_stray_backslash() -> None:
    # "1. x" would start a list: the dot is escaped ("1\\."), not the digit ("\\1.").
    assert markdown_text("127.0.0.1 answered") == "127\\.0.0.1 answered"
    assert markdown_text("3) three") == "3\\) three"
    assert markdown_text("- dash") == "\\- dash"


def test_matches_step_both_ways_and_keep_their_query() -> None:
    matches = Matches.starting_at([(0, 1), (5, 6), (9, 10)], 4, "x")
    assert (matches.current, matches.query) == (1, "x")
    assert matches.step(1).current == 2
    assert matches.step(2).current == 0
    assert matches.step(-2).current == 2
    assert Matches().step(1) == Matches()


def test_copied_text_keeps_its_lines_and_loses_its_controls() -> None:
    assert clipboard_text("  one\x1b[2J  two \n\nthree\x07\n") == "one␛[2J two\n\nthree\ufffd"


def test_a_note_sits_between_paragraphs_without_taking_an_offset() -> None:
    text = "Headline here\n\nThe body of the story, long enough to wrap twice or so."
    layout = LineLayout(text, paragraph_ranges(text), 20, "By Someone · The Paper", 0)
    layout.wrap_all()
    body = text.index("The body")
    note_lines = sorted(layout.note_lines)
    assert note_lines == [1, 2]  # under the headline, wrapped
    assert [layout.note[s:e] for s, e in layout.note_lines.values()] == [
        "By Someone · The",
        "Paper",
    ]
    assert layout.lines[3] == (body, body)  # then the blank line
    assert layout.line_of(body) == 4 and layout.line_of(0) == 0
    above = LineLayout(text, paragraph_ranges(text), 20, "By Someone", -1)
    above.wrap_all()
    assert sorted(above.note_lines) == [0] and above.lines[1] == (0, 0)
    assert above.line_of(0) == 2
