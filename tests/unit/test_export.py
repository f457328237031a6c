"""The JSON contract, the Markdown summary and atomic writes."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from byline.analysis.export import markdown_text, summary_markdown, to_json, write_atomic
from byline.analysis.model import Analysis, Attribution, Entity, Hedge, Quote, Sentence, Span


def _analysis() -> Analysis:
    text = "Big news\n\nAlibaba grew. “We are glad to grow,” she said. Nike fell."
    first = text.index("Alibaba")
    second = text.index("“")
    third = text.index("Nike")
    sentences = (
        Sentence(first, first + 13, 0, 2),
        Sentence(second, third - 1, 0, 1),
        Sentence(third, len(text), 0, 3),
    )
    quote = Quote(
        second,
        text.index("she") - 1,
        "an Alibaba spokeswoman",
        Span(text.index("she"), text.index("she") + 3),
        "said",
    )
    return Analysis(
        text=text,
        title="Big news",
        title_span=Span(0, 8),
        body=Span(first, len(text)),
        paragraphs=(Span(first, len(text)),),
        sentences=sentences,
        tokens=(),
        entities=(Entity("Alibaba", "ORG", (Span(first, first + 7),)),),
        quotes=(quote,),
        summary=(0, 1),
    )


def test_json_has_the_contract_fields() -> None:
    record = to_json(_analysis(), "story.txt")
    assert set(record) >= {"path", "title", "text", "sentences", "entities", "quotes", "summary"}
    assert record["sentences"][0] | {"paragraph": 0} == {
        "start": 10,
        "end": 23,
        "rank": 2,
        "paragraph": 0,
    }
    assert record["entities"][0] == {
        "name": "Alibaba",
        "type": "ORG",
        "mentions": [{"start": 10, "end": 17}],
    }
    quote = record["quotes"][0]
    assert set(quote) >= {"start", "end", "speaker", "speaker_span", "cue"}
    assert quote["speaker_span"] == [record["text"].index("she"), record["text"].index("she") + 3]
    assert record["summary"] == [0, 1]


def test_summary_markdown_lists_sentences_and_quotes() -> None:
    markdown = summary_markdown(_analysis(), "story.txt")
    assert markdown.startswith("# Big news\n")
    assert "Source: story.txt" in markdown
    assert "- Alibaba grew." in markdown
    assert "an Alibaba spokeswoman" in markdown
    assert "Nike fell" not in markdown
    assert "Nike fell" in summary_markdown(_analysis(), "story.txt", size=3)


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("# Heading", "\n# "),
        ("[link](http://x)", "](http"),
        ("<script>", "<script>"),
        ("\x1b]52;c;SGVsbG8=\x07", "\x1b"),
    ],
)
def test_markdown_text_cannot_inject_structure(text: str, forbidden: str) -> None:
    assert forbidden not in "\n" + markdown_text(text)


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["out.md"]


def test_write_atomic_failure_keeps_original(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomic(tmp_path / "missing" / "out.md", "x")
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, "x")
    assert os.listdir(tmp_path) == []


def test_new_file_gets_umask_mode_and_is_never_clobbered(tmp_path: Path) -> None:
    import stat

    target = tmp_path / "new.md"
    old = os.umask(0o027)
    try:
        write_atomic(target, "one", replace=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(FileExistsError):
        write_atomic(target, "two", replace=False)
    assert target.read_text() == "one"
    assert os.listdir(tmp_path) == ["new.md"]


def _attributed() -> Analysis:
    """The analysis above with its quote as a direct claim, one reported and one hedged."""
    base = _analysis()
    text = base.text + " Nike said sales fell. Sales have reportedly slumped."
    quote = base.quotes[0]
    nike = text.index("Nike said")
    hedge = text.index("reportedly")
    claims = (
        Attribution(
            "direct",
            quote.start,
            quote.end,
            quote.speaker,
            quote.speaker_span,
            "described",
            "said",
            Span(quote.end + 5, quote.end + 9),
        ),
        Attribution(
            "indirect",
            nike + 10,
            nike + 20,
            "Nike",
            Span(nike, nike + 4),
            "named",
            "said",
            Span(nike + 5, nike + 9),
        ),
        Attribution(
            "indirect",
            hedge - 11,
            text.index("slumped") + 7,
            None,
            None,
            None,
            "reportedly",
            Span(hedge, hedge + 10),
        ),
    )
    return replace(
        base, text=text, attributions=claims, hedges=(Hedge(hedge, hedge + 10, "reportedly"),)
    )


def test_json_has_attributions_and_hedges_as_the_contract_says() -> None:
    analysis = _attributed()
    record = to_json(analysis, "story.txt")
    text = record["text"]
    direct, reported, hedged = record["attributions"]
    assert set(direct) == {
        "kind",
        "start",
        "end",
        "source",
        "source_span",
        "source_kind",
        "cue",
        "cue_span",
    }
    assert (direct["kind"], direct["start"], direct["end"]) == (
        "direct",
        record["quotes"][0]["start"],
        record["quotes"][0]["end"],
    )
    assert direct["source_span"] == record["quotes"][0]["speaker_span"]
    assert reported == {
        "kind": "indirect",
        "start": text.index("sales fell"),
        "end": text.index("sales fell") + 10,
        "source": "Nike",
        "source_span": [text.index("Nike said"), text.index("Nike said") + 4],
        "source_kind": "named",
        "cue": "said",
        "cue_span": [text.index("Nike said") + 5, text.index("Nike said") + 9],
    }
    assert (hedged["source"], hedged["source_span"], hedged["source_kind"]) == (None, None, None)
    assert record["hedges"] == [
        {
            "start": text.index("reportedly"),
            "end": text.index("reportedly") + 10,
            "cue": "reportedly",
        }
    ]
    assert json.loads(json.dumps(record)) == record


def test_the_sources_section_groups_claims_by_source() -> None:
    plain = summary_markdown(_attributed(), "story.txt")
    assert "Who said what" not in plain
    markdown = summary_markdown(_attributed(), "story.txt", sources=True)
    section = markdown[markdown.index("## Who said what") :]
    assert "2 sources · 1 quote · 2 reported · 0 unnamed · 1 hedge" in section
    assert "### an Alibaba spokeswoman (described) · 1 quoted" in section
    assert "### Nike (named) · 1 reported" in section
    assert "- sales fell (reported, said)" in section
    assert section.index("### No source") > section.index("### Nike")
    assert "### Hedges" in section
