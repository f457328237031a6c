"""ArticleView's wrapping, offset mapping and speed, without an analysis."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from byline.tui.text import DISPLAY_TABLE, display_text, one_line
from byline.tui.widgets.article_view import (
    ArticleView,
    SpanLayer,
    paragraph_ranges,
    wrap_paragraph,
)
from byline.tui.widgets.wrapping import FAR_DOWN
from tests.tui.helpers import until


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One\nstill one.\n\n\n  Two.  ", ["One\nstill one.", "Two."]),
        ("A\nB\nC", ["A", "B", "C"]),  # no blank lines: one paragraph per line
        ("A\r\n\r\nB\r\n", ["A", "B"]),
        ("", []),
    ],
)
def test_paragraph_ranges(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in paragraph_ranges(text)] == expected


def test_wrap_paragraph_fits_width_and_keeps_every_word() -> None:
    text = "the quick brown fox jumps over the lazy dog " * 5
    lines = wrap_paragraph(text, 0, len(text.rstrip()), 20)
    assert all(len(text[s:e]) <= 20 for s, e in lines)
    assert " ".join(text[s:e] for s, e in lines) == text.rstrip()


def test_wrap_paragraph_splits_long_words_and_counts_wide_cells() -> None:
    text = "x" * 25
    assert [e - s for s, e in wrap_paragraph(text, 0, 25, 10)] == [10, 10, 5]
    wide = "漢字漢字漢字"  # two cells each
    assert [wide[s:e] for s, e in wrap_paragraph(wide, 0, len(wide), 4)] == ["漢字", "漢字", "漢字"]


def test_span_layer_finds_overlaps() -> None:
    layer = SpanLayer([(0, 5), (10, 30), (12, 14), (40, 41)])
    assert layer.overlapping(5, 10) == []
    assert layer.overlapping(4, 11) == [(0, 5), (10, 30)]
    assert layer.overlapping(20, 45) == [(10, 30), (40, 41)]


def test_display_text_keeps_length() -> None:
    raw = "a\x1bb\x00c\x9bd\u202ee\tf\ng"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert shown == "a␛b\ufffdc\ufffdd\ufffde f g"
    assert one_line("  a\n\n b  ", 0) == "a b"
    assert one_line("abcdefghij", 5) == "abcd…"


class _ViewApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield ArticleView(self.text)


async def test_scroll_to_offset_brings_text_into_view() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "words " * 30 for i in range(200))
    app = _ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        target = text.index("Paragraph 150 ")
        view.scroll_to_offset(target, target + 13)
        await pilot.pause()
        line = view.line_of(target)
        top = view.scroll_offset.y
        assert top <= line < top + view.scrollable_content_region.height


async def test_rewrap_on_resize_keeps_the_top_paragraph() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "words " * 30 for i in range(100))
    app = _ViewApp(text)
    async with app.run_test(size=(100, 24)) as pilot:
        view = app.query_one(ArticleView)
        target = text.index("Paragraph 60 ")
        view.scroll_to_offset(target, center=False)
        await pilot.pause()
        lines_wide = view.line_count
        top_before = view.first_visible_offset()
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert view.line_count > lines_wide
        top = view.first_visible_offset()
        assert text.rfind("Paragraph", 0, top + 1) == text.rfind("Paragraph", 0, top_before + 1)
        assert top <= top_before


def _top_paragraph(view: ArticleView) -> str:
    text = view.text
    start = text.rfind("Paragraph", 0, view.first_visible_offset() + len("Paragraph"))
    return text[start : text.index(" ", start + 10)]


async def test_resize_far_down_a_long_article_keeps_the_top_paragraph() -> None:
    # Far enough down (FAR_DOWN) that the new width is laid out from near the top line
    # first and the text above in background steps: the top stays put when it comes in.
    text = "\n\n".join(f"Paragraph {i} " + "words " * 30 for i in range(1200))
    assert text.index("Paragraph 1100 ") > 4 * FAR_DOWN
    app = _ViewApp(text)
    async with app.run_test(size=(100, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.scroll_to_offset(text.index("Paragraph 1100 "))
        await pilot.pause()
        top = _top_paragraph(view)
        assert top in ("Paragraph 1098", "Paragraph 1099")  # a third of the way down
        for width in (60, 100, 73):
            await pilot.resize_terminal(width, 24)
            await until(pilot, lambda: view.is_wrapped_to_width, "the new width laid out")
            assert _top_paragraph(view) == top
            await until(pilot, lambda: view.wrapped_all, "the text above wrapped")
            assert _top_paragraph(view) == top


async def test_going_to_the_top_right_after_a_resize_far_down_shows_the_top() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "words " * 30 for i in range(1200))
    app = _ViewApp(text)
    async with app.run_test(size=(100, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("end")
        await pilot.pause()
        await pilot.resize_terminal(70, 24)
        await pilot.press("home")  # before the text above is all wrapped, as like as not
        await until(pilot, lambda: view.scroll_offset.y == 0, "at the top")
        await pilot.pause()
        assert screen_text_of(view).startswith("Paragraph 0 words")
        await pilot.press("end")
        await until(pilot, lambda: "Paragraph 1199" in screen_text_of(view), "at the end")


def screen_text_of(view: ArticleView) -> str:
    return "\n".join(
        "".join(segment.text for segment in view.render_line(y)).strip()
        for y in range(view.scrollable_content_region.height)
    ).strip()


async def test_megabyte_article_is_wrapped_and_painted() -> None:
    # How fast is the bench's business (``python -m bench``); this checks it works.
    paragraph = "Officials said the new bridge would open in May, according to a statement. "
    text = "\n\n".join(paragraph * 6 for _ in range(2300))
    assert len(text) > 1_000_000
    app = _ViewApp(text)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.line_count > 10_000
        assert "Officials said" in "".join(s.text for s in view.render_line(0))


async def test_first_frame_shows_the_text_before_any_resize_event(monkeypatch) -> None:
    # The first layout paints before the view's Resize event is handled: the view must
    # wrap when it is first rendered, not only on mount (no size yet) or on Resize.
    monkeypatch.setattr(ArticleView, "on_resize", lambda self: None)
    app = _ViewApp("First words of the story.\n\nSecond paragraph.")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert "First words of the story." in "".join(s.text for s in view.render_line(0))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xE100, exclude_categories=())))
def test_display_text_replaces_exactly_what_the_table_names(raw: str) -> None:
    # The fast substitution must agree with the plain table lookup it replaced.
    assert display_text(raw) == raw.translate(DISPLAY_TABLE)


async def test_words_carry_the_views_colours() -> None:
    # Text.render drops a Text's own style: without the base under every segment the
    # words were drawn on the terminal's default background, not the view's.
    app = _ViewApp("Plain words on the page.\n\nMore words here.")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        expected = view.rich_style.bgcolor
        segments = [seg for seg in view.render_line(0) if seg.text.strip()]
        assert segments and all(seg.style and seg.style.bgcolor == expected for seg in segments)


async def test_long_article_wraps_the_rest_after_the_first_frame() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "words " * 40 for i in range(3000))
    app = _ViewApp("A short one.")
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.set_text(text)
        layout = view._layout
        assert layout is not None and not layout.complete  # only the first screens
        assert "Paragraph 0" in "".join(s.text for s in view.render_line(0))
        # Jumping far ahead does not wait for the background wrapping.
        target = text.index("Paragraph 2990 ")
        view.scroll_to_offset(target, target + 14, center=False)
        await pilot.pause()
        assert "Paragraph 2990" in "".join(
            "".join(s.text for s in view.render_line(y)) for y in range(24)
        )
        for _ in range(300):
            if layout.complete:
                break
            await pilot.pause(0.01)
        assert layout.complete and view._layout is layout
        assert view.virtual_size.height == len(layout.lines)
        line = view.line_of(target)
        top = view.scroll_offset.y
        assert top <= line < top + view.scrollable_content_region.height
