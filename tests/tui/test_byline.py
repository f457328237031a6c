"""The page as a reader expects it: the byline under the headline, a readable measure,
the saved summary's source, and a word when the text is not English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from byline.analysis.export import summary_markdown
from byline.analysis.model import Analysis
from byline.sources import Article
from byline.tui.app import BylineApp
from byline.tui.saving import summary_source
from byline.tui.widgets.article_view import DEFAULT_MEASURE
from tests.tui.helpers import (
    WEB_TITLE,
    WEB_URL,
    make_reader,
    notifications,
    screen_text,
    settle,
    web_article,
)

LONG = "\n\n".join(
    f"Paragraph {i} of the story goes on for a while, " + "with many more words " * 12
    for i in range(8)
)


def _rows(app: BylineApp) -> list[str]:
    return [line.rstrip() for line in screen_text(app).splitlines()]


async def test_a_web_page_shows_its_byline_under_the_headline(
    analyzer: Callable[..., Analysis],
) -> None:
    app = BylineApp(web_article(), analyzer=analyzer)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        rows = [row.strip() for row in _rows(app)]
        assert rows[0] == WEB_TITLE
        assert rows[1] == "By Ana Reporter · The Harbour Times · 3 March 2026"
        assert rows[2] == ""
        assert rows[3].startswith("The Harbour Bridge reopened")
        # The byline is not article text: offsets still land on the right words.
        await pilot.press("slash", *"lopez", "enter")
        start, end = app.article.highlights("current")[0]
        assert app.source.text[start:end].lower() == "lopez"
        byline = app.article.byline
        assert byline is not None and byline not in app.source.text


async def test_what_the_page_did_not_tell_is_left_out(analyzer: Callable[..., Analysis]) -> None:
    app = BylineApp(
        web_article(author="By Ana Reporter", site=None, date="March 3"), analyzer=analyzer
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert [row.strip() for row in _rows(app)][1] == "By Ana Reporter · March 3"
    plain = make_reader(analyzer)
    async with plain.run_test(size=(120, 36)) as pilot:
        await settle(plain, pilot)
        assert plain.article.byline is None
        assert _rows(plain)[1].strip() == ""  # headline, blank line, story


async def test_a_byline_without_a_headline_stands_above_the_text(
    analyzer: Callable[..., Analysis],
) -> None:
    article = Article(
        "The bridge reopened on Monday.", "x", url=WEB_URL, author="Ana Reporter", web=True
    )
    app = BylineApp(article, analyzer=analyzer)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        rows = [row.strip() for row in _rows(app)]
        assert rows[:3] == ["By Ana Reporter", "", "The bridge reopened on Monday."]


@pytest.mark.parametrize("width", [60, 120, 200])
async def test_the_text_keeps_a_readable_measure_centred(
    analyzer: Callable[..., Analysis], width: int
) -> None:
    app = make_reader(analyzer, LONG, "long.txt")
    async with app.run_test(size=(width, 36)) as pilot:
        await settle(app, pilot)
        view = app.article
        room = view.content_region.width - 1  # the scrollbar's column
        rows = [row for row in _rows(app) if row.strip()]
        longest = max(len(row.strip()) for row in rows)
        assert longest <= DEFAULT_MEASURE
        if room > DEFAULT_MEASURE + 4:
            assert longest > DEFAULT_MEASURE - 12  # the measure is used, not wasted
            indent = min(len(row) - len(row.lstrip()) for row in rows)
            assert indent == view.margin == (room - DEFAULT_MEASURE) // 2
        else:
            assert view.margin == 0 and longest <= room


async def test_the_measure_is_a_setting(analyzer: Callable[..., Analysis]) -> None:
    narrow = BylineApp(make_reader(analyzer, LONG).source, analyzer=analyzer, text_width=50)
    async with narrow.run_test(size=(200, 36)) as pilot:
        await settle(narrow, pilot)
        assert max(len(row.strip()) for row in _rows(narrow)) <= 50
    full = BylineApp(make_reader(analyzer, LONG).source, analyzer=analyzer, text_width=0)
    async with full.run_test(size=(200, 36)) as pilot:
        await settle(full, pilot)
        assert max(len(row.strip()) for row in _rows(full)) > DEFAULT_MEASURE + 20
        assert full.article.margin == 0
        full.article.measure = 60  # and it can change while reading
        await pilot.pause()
        assert max(len(row.strip()) for row in _rows(full)) <= 60


def test_the_saved_summary_names_a_page_by_its_link_and_a_file_by_its_path(
    analyzer: Callable[..., Analysis], tmp_path: Path
) -> None:
    page = web_article()
    analysis = analyzer(page.text)
    markdown = summary_markdown(analysis, summary_source(page))
    assert f"Source: <{WEB_URL}>" in markdown.splitlines()
    story = tmp_path / "1. story.txt"
    file_article = Article("Title\n\nBody.", story.name, key=str(story), path=story)
    markdown = summary_markdown(analyzer(file_article.text), summary_source(file_article))
    assert f"Source: {tmp_path}/1. story.txt".replace("_", "\\_") in markdown.splitlines()
    stdin = Article("Title\n\nBody.", "stdin")
    assert "Source: stdin" in summary_markdown(analyzer(stdin.text), summary_source(stdin))


GERMAN = (
    "Brücke nach Reparatur wieder offen\n\n"
    "Die Brücke im Hafen ist am Montag nach sechs Monaten Reparatur wieder geöffnet worden, "
    "teilte die Stadt mit. „Wir sind stolz auf die Arbeiter, die den ganzen Winter "
    "gearbeitet haben“, sagte die Bürgermeisterin. Kritik kam von den Anwohnern, die sich "
    "über den Lärm beschwert hatten, und von der Opposition, die die Kosten für zu hoch hält.\n"
)


async def test_a_german_article_is_named_once(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer, GERMAN, "brücke.txt")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None and app.analysis.language == "de"
        notices = [n for n in notifications(app) if "trained on English" in n]
        assert notices == [
            "byline's entities and speakers are trained on English; this text looks like "
            "German. Names, places and speakers may be wrong."
        ]
        status = str(app.side_panel.entities.status.render())
        assert "Looks like German" in status
        await pilot.press("right_square_bracket", "e", "plus")
        assert len([n for n in notifications(app) if "trained on English" in n]) == 1


async def test_an_english_article_says_nothing(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.analysis is not None and app.analysis.language == "en"
        assert not [n for n in notifications(app) if "English" in n]
        assert "Looks like" not in str(app.side_panel.entities.status.render())
