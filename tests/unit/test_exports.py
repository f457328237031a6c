"""What the reader exports: entities and quotes as CSV, the analysis as byline analyze's line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from web_fixtures import ARTICLE_HTML, PARAGRAPHS

from byline.analysis.tables import ENTITY_COLUMNS, QUOTE_COLUMNS, entities_csv, quotes_csv
from byline.json_lines import analyze_to_json_line
from byline.sources import Article, read_article
from byline.tui.exporting import EXPORTS, analysis_json, analyze_path, default_export_path
from byline.web import open_article
from tests.fakes import capitalised_tagger, pipeline_with
from tests.tui.helpers import BRIDGE

analyse = pipeline_with(capitalised_tagger)


@pytest.fixture
def bridge(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    return path


def _rows(table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(table)))


def test_entities_csv_most_mentioned_first() -> None:
    analysis = analyse(BRIDGE)
    table = entities_csv(analysis)
    assert table.splitlines()[0] == ",".join(ENTITY_COLUMNS)
    rows = _rows(table)
    assert len(rows) == len(analysis.entities)
    counts = [int(row["mentions"]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    top = max(analysis.entities, key=lambda e: len(e.mentions))
    assert rows[0]["name"] == top.name and rows[0]["type"] == top.type
    assert int(rows[0]["first_start"]) == top.mentions[0].start


def test_quotes_csv_in_article_order_with_speakers() -> None:
    analysis = analyse(BRIDGE)
    rows = _rows(quotes_csv(analysis))
    assert list(rows[0]) == list(QUOTE_COLUMNS)
    assert [row["number"] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    for row, quote in zip(rows, analysis.quotes, strict=True):
        assert row["quote"] == " ".join(BRIDGE[quote.start : quote.end].split())
        assert row["speaker"] == (quote.speaker or "")
        assert (int(row["start"]), int(row["end"])) == (quote.start, quote.end)


def test_text_is_one_clean_line_per_cell() -> None:
    text = 'Vote\n\n"We \x1b[31mwill\nstay," said Ana\u202e Lopez, the mayor.\n'
    rows = _rows(quotes_csv(analyse(text)))
    assert rows and "\n" not in rows[0]["quote"] and "\x1b" not in rows[0]["quote"]
    assert "\u202e" not in rows[0]["speaker"]


def test_the_analysis_export_is_byline_analyzes_line(
    bridge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("byline.analysis.pipeline.analyze", analyse)
    monkeypatch.chdir(bridge.parent)
    for argument in (str(bridge), bridge.name):  # the path as typed, absolute or not
        ok, line = analyze_to_json_line(argument)
        assert ok
        article = read_article(argument)
        assert analysis_json(analyse(article.text), article) == line + "\n"


def test_a_web_page_export_carries_its_source_fields(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    article = open_article(str(page))
    record = json.loads(analysis_json(analyse(article.text), article))
    assert record["path"] == str(page) and record["source"] == str(page.resolve())
    assert record["site"] == article.site and record["author"] == article.author
    assert PARAGRAPHS[0] in record["text"]


def test_the_path_reported_for_each_kind_of_article() -> None:
    assert analyze_path(Article("x", "stdin")) == "-"
    url = "https://example.com/a"
    assert analyze_path(Article("x", "example.com/a", url, url=url, web=True)) == url
    assert analyze_path(Article("x", "a.txt", "/abs/a.txt", Path("a.txt"))) == "a.txt"


def test_export_file_names() -> None:
    source = Article("x", "sea wall.txt", path=Path("sea wall.txt"))
    names = [default_export_path(source, export).name for export in EXPORTS]
    assert names == [
        "sea wall.summary.md",
        "sea wall.entities.csv",
        "sea wall.quotes.csv",
        "sea wall.analysis.json",
    ]
