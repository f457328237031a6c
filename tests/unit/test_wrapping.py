"""LineLayout wraps on demand and ends with exactly the lines of an eager wrap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.widgets.wrapping import (
    _NOT_PLAIN,
    LineLayout,
    _wrap_plain,
    _wrap_words,
    paragraph_ranges,
    wrap_paragraph,
)

WORDS = st.text(alphabet="abcdefghij漢", min_size=1, max_size=14)
PARAGRAPHS = st.lists(st.lists(WORDS, min_size=1, max_size=30), min_size=1, max_size=25)


def _eager(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(paragraph_ranges(text)):
        if index:
            lines.append((start, start))
        lines.extend(wrap_paragraph(text, start, end, width))
    return lines


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.integers(min_value=1, max_value=60), st.data())
def test_wrapping_in_steps_gives_the_eager_lines(paragraphs, width, data) -> None:
    text = "\n\n".join(" ".join(words) for words in paragraphs)
    layout = LineLayout(text, paragraph_ranges(text), width)
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    layout.wrap_through_offset(offset, extra_lines=data.draw(st.integers(0, 5)))
    assert layout.lines == _eager(text, width)[: len(layout.lines)]
    assert layout.line_of(offset) == LineLayout.line_of(_full(text, width), offset)
    layout.wrap_through_line(data.draw(st.integers(0, 200)))
    layout.wrap_for(0.0)
    layout.wrap_all()
    assert layout.complete
    assert layout.lines == _eager(text, width)
    assert layout.starts == [start for start, _ in layout.lines]
    assert layout.height() == len(layout.lines)


def _full(text: str, width: int) -> LineLayout:
    layout = LineLayout(text, paragraph_ranges(text), width)
    layout.wrap_all()
    return layout


def test_height_is_estimated_before_the_end_is_wrapped() -> None:
    text = "\n\n".join("word " * 40 for _ in range(1000))
    layout = LineLayout(text, paragraph_ranges(text), 40)
    layout.wrap_through_line(100)
    assert not layout.complete
    exact = len(_full(text, 40).lines)
    assert abs(layout.height() - exact) < exact * 0.05


PLAIN_PIECES = st.sampled_from(
    ["a", "bc", "word", "x" * 12, "é", "’", "—", "Ж", "€", " ", " ", "  ", "\n", " \n "]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PLAIN_PIECES, max_size=40), st.integers(min_value=1, max_value=30))
def test_the_quick_wrap_of_one_cell_text_gives_the_word_by_word_lines(pieces, width) -> None:
    text = "".join(pieces).strip()
    assert not _NOT_PLAIN.search(text)  # the quick path's text
    assert _wrap_plain(text, 0, len(text), width) == _wrap_words(text, 0, len(text), width)


def test_text_that_is_not_one_cell_a_character_takes_the_word_by_word_wrap() -> None:
    for text in ("漢字 and more", "tab\there", "no\u00a0break", "soft\u00adhyphen", "e\u0301"):
        assert _NOT_PLAIN.search(text), text


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.integers(min_value=1, max_value=60), st.data())
def test_a_layout_started_further_down_ends_with_the_eager_lines(paragraphs, width, data) -> None:
    text = "\n\n".join(" ".join(words) for words in paragraphs)
    ranges = paragraph_ranges(text)
    eager = _eager(text, width)
    layout = LineLayout(text, ranges, width)
    first = data.draw(st.integers(min_value=0, max_value=len(ranges)))
    guess = data.draw(st.integers(min_value=0, max_value=400))
    layout.start_from(first, guess)
    stand_ins = layout.stand_ins
    assert stand_ins == (max(1, guess) if 0 < first < len(ranges) else 0)
    # Below the stand-ins, the lines are the eager ones from that paragraph on.
    layout.wrap_through_line(stand_ins + data.draw(st.integers(0, 30)))
    real_above = _eager(text[: ranges[first - 1][1]], width) if stand_ins else []
    below = layout.lines[stand_ins:]
    assert below == eager[len(real_above) : len(real_above) + len(below)]
    assert layout.take_moved() is None
    if data.draw(st.booleans()):
        layout.wrap_through_line(data.draw(st.integers(0, stand_ins + 5)))  # may reach above
    else:
        while not layout.complete:
            layout.wrap_for(0.0)
    layout.wrap_all()
    moved = layout.take_moved()
    assert moved == ((stand_ins, len(real_above) - stand_ins) if stand_ins else None)
    assert layout.take_moved() is None  # said once
    assert layout.lines == eager
    assert layout.starts == [start for start, _ in layout.lines]
    assert layout.stand_ins == 0


def test_what_is_asked_for_above_a_layout_started_further_down_is_wrapped_first() -> None:
    text = "\n\n".join(f"paragraph {n} " + "word " * 30 for n in range(200))
    ranges = paragraph_ranges(text)
    layout = LineLayout(text, ranges, 40)
    layout.start_from(150, 500)
    layout.wrap_through_offset(ranges[160][0])
    assert layout.stand_ins == 500 and not layout.complete
    assert text[slice(*layout.lines[layout.line_of(ranges[160][0])])].startswith("paragraph 160")
    layout.wrap_through_offset(ranges[10][0])  # above where it started: all of that first
    assert layout.stand_ins == 0
    line, by = layout.take_moved() or (0, 0)
    assert line == 500 and by == len(_eager(text[: ranges[149][1]], 40)) - 500
    assert text[slice(*layout.lines[layout.line_of(ranges[10][0])])].startswith("paragraph 10 ")


def test_a_note_keeps_its_lines_when_the_layout_started_further_down() -> None:
    text = "\n\n".join(f"paragraph {n} " + "word " * 30 for n in range(50))
    ranges = paragraph_ranges(text)
    full = LineLayout(text, ranges, 40, note="By Ana Reporter, The Times", note_after=0)
    full.wrap_all()
    later = LineLayout(text, ranges, 40, note="By Ana Reporter, The Times", note_after=0)
    later.start_from(30, 100)
    later.wrap_all()
    assert later.lines == full.lines and later.note_lines == full.note_lines
    note_below = LineLayout(text, ranges, 40, note="A note further down", note_after=40)
    note_below.start_from(30, 7)
    note_below.wrap_all()
    eager_below = LineLayout(text, ranges, 40, note="A note further down", note_after=40)
    eager_below.wrap_all()
    assert note_below.lines == eager_below.lines
    assert note_below.note_lines == eager_below.note_lines
