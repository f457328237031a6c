"""The corpus report over hand-built records: the attribution contract (as issue 10 adds it
to ``byline analyze``) and, for records without it, the fallback to quotes."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from byline.batch.report import markdown, sources_csv, tally, write_report


def _attribution(kind: str, source: str | None, source_kind: str | None) -> dict[str, Any]:
    return {
        "kind": kind,
        "start": 0,
        "end": 5,
        "source": source,
        "source_span": [6, 9] if source else None,
        "source_kind": source_kind,
        "cue": "said",
        "cue_span": [10, 14],
    }


def _record(text: str, **fields: Any) -> dict[str, Any]:
    return {"id": text, "path": text, "text": text, "entities": [], "quotes": [], **fields}


ATTRIBUTED = [
    _record(
        "one two three",
        attributions=[
            _attribution("direct", "Jane Doe", "named"),
            _attribution("mixed", "Jane Doe", "named"),
            _attribution("indirect", "Jane Doe", "named"),
            _attribution("indirect", "a council spokesman", "described"),
            _attribution("indirect", "officials", "unnamed"),
        ],
        hedges=[{"start": 0, "end": 3, "cue": "reportedly"}],
    ),
    _record(
        "four five",
        attributions=[
            _attribution("direct", "Jane Doe", "named"),
            _attribution("direct", None, None),
            _attribution("indirect", None, "unnamed"),
        ],
    ),
    _record("six", attributions=[]),
    {"id": "x", "path": "bad.txt", "error": "bad.txt: no such file"},
    {"id": "y", "path": "worse.txt", "error": "worse.txt: no such file"},
]


def test_attributions_count_quoted_reported_and_kinds() -> None:
    result = tally(ATTRIBUTED)
    assert (result.articles, result.analysed, result.failures, result.words) == (5, 3, 2, 6)
    assert (result.with_attributions, result.from_quotes) == (3, 0)
    doe = result.sources[("Jane Doe", "named")]
    assert (doe.quoted, doe.reported, doe.direct, doe.mixed, doe.articles) == (3, 1, 2, 1, 2)
    assert result.sources[("officials", "unnamed")].reported == 1
    kinds = result.by_kind()
    assert (kinds["named"].quoted, kinds["named"].reported, kinds["named"].articles) == (3, 1, 2)
    assert (kinds["described"].reported, kinds["unnamed"].reported) == (1, 2)
    assert kinds["unnamed"].articles == 2  # "officials", and a source with a kind, no name
    assert (kinds[None].quoted, kinds[None].articles) == (1, 1)
    assert result.reasons == {"no such file": 2}
    assert [key for key, _ in result.ranked()][0] == ("Jane Doe", "named")


def test_without_attributions_quotes_are_counted_and_the_header_says_so() -> None:
    record = _record(
        "a b c d",
        entities=[{"name": "John Smith", "type": "PER", "mentions": []}],
        quotes=[
            {"start": 0, "end": 1, "speaker": "John Smith", "speaker_span": [2, 3], "cue": "said"},
            {"start": 0, "end": 1, "speaker": "an aide", "speaker_span": [2, 3], "cue": "said"},
            {"start": 0, "end": 1, "speaker": None, "speaker_span": None, "cue": None},
        ],
    )
    result = tally([record, ATTRIBUTED[0]])
    assert (result.with_attributions, result.from_quotes) == (1, 1)
    assert result.sources[("John Smith", "named")].quoted == 1
    assert result.sources[("an aide", "described")].quoted == 1
    assert result.sources[(None, None)].quoted == 1
    fallback = [("John Smith", "named"), ("an aide", "described"), (None, None)]
    assert all(result.sources[key].reported == 0 for key in fallback)
    text = markdown(result, Path("out"), [])
    assert "1 of 2 analysed articles have no `attributions` field" in text
    assert "a speaker is named when it is one of the article's entity names" in text
    assert "have no `attributions`" not in markdown(tally(ATTRIBUTED), Path("out"), [])


def test_report_files_keep_article_data_inert(tmp_path: Path) -> None:
    hostile = _record(
        "text", attributions=[_attribution("direct", "=HYPERLINK(1) | *x*\x1b[31m", "named")]
    )
    write_report(tmp_path, [hostile, *ATTRIBUTED], [{"engine": "local", "workers": 2}])
    rows = list(csv.DictReader(io.StringIO((tmp_path / "sources.csv").read_text("utf-8"))))
    assert rows[0] == {
        "source": "Jane Doe",
        "source_kind": "named",
        "quoted": "3",
        "reported": "1",
        "direct": "2",
        "mixed": "1",
        "indirect": "1",
        "articles": "2",
    }
    cell = next(r["source"] for r in rows if "HYPERLINK" in r["source"])
    assert cell.startswith("'=") and "\x1b" not in cell
    report = (tmp_path / "report.md").read_text("utf-8")
    assert "| \\=HYPERLINK\\(1\\) \\| \\*x\\*\\[31m | named | 1 | 0 | 1 |" in report
    assert "\x1b" not in report
    assert "| Jane Doe | named | 3 | 1 | 2 |" in report
    assert "| no such file | 2 |" in report


def test_csv_lists_every_source_even_past_the_markdown_top() -> None:
    records = [
        _record(f"t{n}", attributions=[_attribution("direct", f"Source {n}", "named")])
        for n in range(60)
    ]
    result = tally(records)
    assert len(sources_csv(result).splitlines()) == 61
    assert "## Sources (top 50 of 60; all in sources.csv)" in markdown(result, Path("o"), [])
