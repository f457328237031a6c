"""Hardening of the core: empty and huge articles, hostile text in Markdown, safe writes.

No terminal here: the reader's side of the same cases is in ``tests/tui/test_hardening.py``.
"""

from __future__ import annotations

import dataclasses
import errno
import itertools
import os
import re
import stat
from pathlib import Path

import pytest

from byline.analysis.export import markdown_text, summary_markdown, write_atomic
from byline.analysis.model import Analysis, Entity, Quote, Span
from byline.analysis.pipeline import analyze
from tests.fakes import capitalised_tagger, pipeline_with

_UNSAFE = {*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _unsafe(text: str) -> list[str]:
    return [repr(ch) for ch in text if ord(ch) in _UNSAFE and ch != "\n"]


# -- empty and huge articles ---------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n\u00a0\n "])
def test_empty_and_blank_articles_analyse_to_nothing(text: str) -> None:
    analysis = analyze(text)
    assert analysis.sentences == () and analysis.summary == ()
    assert analysis.entities == () and analysis.quotes == ()
    assert "(empty)" in summary_markdown(analysis, "empty.txt")


def test_a_megabyte_word_without_spaces_or_newlines_is_analysed() -> None:
    # How long it takes, and a long line's linear cost, are measured by python -m bench.
    analysis = analyze("x" * 1_000_000)
    sentences = analysis.sentences
    assert sentences[0].start == 0 and sentences[-1].end == 1_000_000
    assert all(a.end == b.start for a, b in itertools.pairwise(sentences))


# -- hostile text in the Markdown summary ------------------------------------------


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("\x1b]52;c;SGVsbG8=\x07copied", "\\]52;c;SGVsbG8=copied", "\x1b"),
        ("\x1b]0;pwned\x07title", "\\]0;pwned", "\x07"),
        ("\x1b[2Jclear", "\\[2Jclear", "\x1b"),
        ("\u202ereversed\u202c and \u2066isolated\u2069", "reversed and isolated", "\u202e"),
        ("c1 \x9b31m csi", "c1 31m csi", "\x9b"),
        ("[link=https://evil.example]click[/link]", "\\[link=https://evil.example\\]", "]("),
        ("[click](https://evil.example)", "\\[click\\]\\(https://evil.example\\)", "]("),
        ("# Heading", "\\# Heading", None),
        ("line\n## Heading\n- item\n1. one", "line \\#\\# Heading", "\n"),
        ("<script>alert(1)</script>", "\\<script\\>", "<script>"),
        ("**bold** and _em_ `code`", "\\*\\*bold\\*\\*", "**"),
        ("| a | b |", "\\| a \\| b \\|", None),
    ],
)
def test_markdown_text_is_inert(text: str, present: str, absent: str | None) -> None:
    made = markdown_text(text)
    assert present in made
    if absent is not None:
        assert absent not in made
    assert _unsafe(made) == []
    assert "\n" not in made


@pytest.mark.parametrize("start", ["-", "=", ">", "1.", "2)", "+", "#"])
def test_markdown_text_never_opens_a_block(start: str) -> None:
    made = markdown_text(f"{start} not structure")
    # CommonMark opens a list, quote, heading or setext underline only with the bare mark.
    assert re.match(r"\s*([-+*>=#]|\d+[.)])(\s|$)", made) is None, made


EVIL = "[b]Evil[/b] \x1b]52;c;SGVsbG8=\x07\u202e# not a heading\x1b[2J"

HOSTILE = (
    "# Big News \x1b]0;pwned\x07\n\n"
    "The town posted [link=https://evil.example]click[/link] today.\n\n"
    '"We will never stop," said Lopez. Lopez said the bridge would open.\n'
)


def test_summary_markdown_of_a_hostile_article_has_only_its_own_structure() -> None:
    base = pipeline_with(capitalised_tagger)(HOSTILE)
    start = HOSTILE.index('"We')
    end = HOSTILE.index('stop,"') + len('stop,"')
    lopez = HOSTILE.index("Lopez")
    analysis: Analysis = dataclasses.replace(
        base,
        title=f"# {EVIL}",
        entities=(Entity(EVIL, "PER", (Span(lopez, lopez + 5),)),),
        quotes=(Quote(start, end, EVIL, Span(lopez, lopez + 5), "said"),),
    )
    markdown = summary_markdown(analysis, "evil\x1b]0;x\x07.txt")
    lines = markdown.splitlines()
    assert _unsafe(markdown) == []
    assert [line for line in lines if line.startswith("#")] == [
        lines[0],
        "## Summary",
        "## Key quotes",
    ]
    assert lines[0].startswith("# \\# ")
    assert "\\[b\\]Evil\\[/b\\]" in markdown
    assert not any(line.startswith(("- -", "- #", "- >")) for line in lines)
    assert "](" not in markdown


# -- atomic writes ---------------------------------------------------------------------


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_keeps_the_original_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import byline.analysis.export as export

    target = tmp_path / "summary.md"
    target.write_text("original\n", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export.os, failing, full)
    with pytest.raises(OSError) as raised:
        write_atomic(target, "new\n")
    assert raised.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "original\n"
    assert _names(tmp_path) == ["summary.md"]


@pytest.mark.parametrize(
    ("relative", "error"),
    [
        ("missing/x.md", FileNotFoundError),
        ("a_file/x.md", NotADirectoryError),
        ("a_folder", IsADirectoryError),
    ],
)
def test_bad_targets_raise_and_write_nothing(
    tmp_path: Path, relative: str, error: type[OSError]
) -> None:
    (tmp_path / "a_file").write_text("precious\n", encoding="utf-8")
    (tmp_path / "a_folder").mkdir()
    with pytest.raises(error):
        write_atomic(tmp_path / relative, "new\n")
    assert _names(tmp_path) == ["a_file", "a_folder"]
    assert list((tmp_path / "a_folder").iterdir()) == []
    assert (tmp_path / "a_file").read_text(encoding="utf-8") == "precious\n"


def test_replacing_writes_the_whole_new_content(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("x" * 10_000, encoding="utf-8")
    write_atomic(target, "short\n")
    assert target.read_text(encoding="utf-8") == "short\n"
    assert _names(tmp_path) == ["summary.md"]


def test_replacing_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    write_atomic(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
