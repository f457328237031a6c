"""Hardening: any article, any terminal; never a crash, never markup or a control sent.

Pilot tests for empty and huge articles, hostile text (Rich markup, escape sequences,
bidi overrides) in the article *and* in what the analysis names, narrow terminals and
colourless ones. Saving to bad places is ``test_save_summary.py``'s.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.style import Style

from byline.analysis.model import Analysis, Attribution, Entity, Quote, Span
from byline.tui.app import BylineApp
from byline.tui.screens.save_summary import SaveSummaryScreen
from byline.tui.text import display_text, one_line, safe_file_name
from byline.tui.widgets.article_view import EMPTY_MESSAGE, LAYERS
from byline.tui.widgets.panel_base import EMPTY_ARTICLE
from byline.tui.widgets.side_panel import SidePanel
from tests.fakes import capitalised_tagger, pipeline_with
from tests.tui.helpers import (
    SIZE,
    make_reader,
    notifications,
    screen_text,
    set_save_path,
    settle,
    unsafe_characters,
    until,
)

# -- helpers -------------------------------------------------------------------------


def _whole_screen(app: BylineApp) -> str:
    """Every character the compositor would send to the terminal, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


# -- display helpers (no app) ----------------------------------------------------------


def test_display_text_covers_every_terminal_control() -> None:
    hostile = "a\x00b\x07c\x1b]52;c;SGVsbG8=\x07d\x9b31m\x85\u202e\u2066\u2069\ud800e\x7f"
    shown = display_text(hostile)
    assert len(shown) == len(hostile)
    assert unsafe_characters(shown) == []
    assert "\ud800" not in shown  # a lone surrogate could not even be encoded
    assert "␛]52;c;SGVsbG8=" in shown
    assert unsafe_characters(one_line(hostile)) == []


def test_safe_file_name_keeps_one_harmless_name() -> None:
    name = safe_file_name("evil\x1b]0;pwned\x07/../x\u202e" + "y" * 300)
    assert unsafe_characters(name) == []
    assert "/" not in name and "\x1b" not in name
    assert len(name) <= 100


# -- empty and huge articles -----------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n\t \r\n  \n"], ids=["empty", "blank"])
async def test_empty_article_has_an_empty_state_and_keys_do_no_harm(
    analyzer: Callable[..., Analysis],
    text: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_reader(analyzer, text, "empty.txt")
    async with app.run_test(size=SIZE) as pilot:
        assert EMPTY_MESSAGE in screen_text(app)  # before the analysis, too
        await settle(app, pilot)
        assert app.article.is_empty
        assert EMPTY_MESSAGE in screen_text(app)
        panel = app.query_one(SidePanel)
        for tab in (panel.entities, panel.sources, panel.summary):
            assert EMPTY_ARTICLE in str(tab.status.render())
        assert "empty" in app.status.plain
        assert app.sub_title == "empty article"
        await pilot.press("right_square_bracket", "left_square_bracket", "e", "E", "plus", "minus")
        await pilot.press("right_curly_bracket", "left_curly_bracket")
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, SaveSummaryScreen)
        assert any("Nothing to save" in note for note in notifications(app)), notifications(app)
        await pilot.press("slash", *"word", "enter", "escape", "t", "t")
        await pilot.pause()
        assert app.is_running
        assert list(tmp_path.iterdir()) == []


async def test_megabyte_line_paints_and_keys_work_while_analysing() -> None:
    words = "officials said the bridge would open in may according to a statement "
    text = (words * (1_000_000 // len(words) + 1))[:1_000_000] + " THE END"
    assert "\n" not in text
    gate = threading.Event()

    def slow(text: str, **options: object) -> Analysis:
        gate.wait(30)  # an analysis that takes its time (the real one: about 30 s)
        raise RuntimeError("stopped")

    app = make_reader(slow, text, "long.txt")
    async with app.run_test(size=SIZE) as pilot:
        view = app.article
        await until(pilot, lambda: "officials said" in screen_text(app), "the first lines")
        assert view.line_count > 10_000
        await pilot.press("end")
        await until(pilot, lambda: "THE END" in screen_text(app), "the last line on screen")
        await pilot.press("right_square_bracket", "t", "t")
        await until(
            pilot,
            lambda: any("Still analysing" in note for note in notifications(app)),
            "a note that the analysis is still running",
        )
        await pilot.resize_terminal(40, 12)
        await until(pilot, lambda: view.is_wrapped_to_width, "the line wrapped to 40 columns")
        await pilot.press("home")
        await until(
            pilot,
            lambda: view.scroll_offset.y == 0 and "officials" in screen_text(app),
            "the top of the article on screen",
        )
        gate.set()
        await settle(app, pilot)
        assert app.analysis_error is not None


async def test_controls_are_measured_as_their_placeholders_when_wrapping() -> None:
    # A control is 0 cells wide, its placeholder 1: wrapping must count what is painted,
    # or lines overflow the view and their last letters are cut off.
    word = "ab\x9b\x1b\u202ecd\x07"
    text = " ".join([word] * 200)
    app = make_reader(pipeline_with(capitalised_tagger), text, "controls.txt")
    async with app.run_test(size=(40, 12)) as pilot:
        view = app.article
        await until(pilot, lambda: view.is_wrapped_to_width, "the article laid out")
        # Read at once (no await in between): the width the lines were wrapped for.
        width = view.scrollable_content_region.width
        painted = ["".join(s.text for s in view.article_line(i)) for i in range(view.line_count)]
        assert 0 < width <= 40
        assert all(len(line) <= width for line in painted), (width, painted[:3])
        assert " ".join(painted).split() == display_text(text).split()


# -- hostile text in the article and in the analysis ----------------------------------

EVIL = "[bold red]Evil[/] \x1b]52;c;SGVsbG8=\x07[@click=app.quit]x[/]\u202eeman\x1b[2J\x9b"
"""A name the analysis might return: markup, an OSC 52 clipboard write, a bidi override."""

HOSTILE_TEXT = (
    "[bold]Big[/bold] News \x1b]0;pwned\x07\n\n"
    "# Heading\n\n"
    "The town posted [link=https://evil.example]click[/link] and "
    "\x1b]8;;https://evil.example\x07a link\x1b]8;;\x07 and \u202edesrever\u202c words.\n\n"
    '"We will [blink]never[/blink] stop," said Lopez. '
    "Lopez said the bridge would open.\n"
)


def _hostile_analyzer(text: str, **options: object) -> Analysis:
    base = pipeline_with(capitalised_tagger)(text, **options)
    quote_start = text.index('"We')
    quote_end = text.index('stop,"') + len('stop,"')
    lopez = text.index("Lopez")
    return dataclasses.replace(
        base,
        title=f"[bold]Big[/bold] {EVIL}",
        entities=(Entity(EVIL, "PER", (Span(lopez, lopez + 5),)),),
        quotes=(Quote(quote_start, quote_end, EVIL, Span(lopez, lopez + 5), "said"),),
        attributions=(
            Attribution(
                "direct", quote_start, quote_end, EVIL, Span(lopez, lopez + 5), "named", EVIL, None
            ),
        ),
    )


async def test_hostile_names_never_reach_the_screen_as_markup_or_controls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "evil\x1b]0;pwned\x07[b]x[/b]\u202e.txt"
    app = make_reader(_hostile_analyzer, HOSTILE_TEXT, name)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert unsafe_characters(app.title) == [] and "[bold]Big[/bold]" in app.title
        entities = app.side_panel.entities.option_list
        prompts = " ".join(
            str(entities.get_option_at_index(i).prompt) for i in range(entities.option_count)
        )
        assert "[bold red]Evil[/]" in prompts and unsafe_characters(prompts) == []

        await pilot.press("e")
        await pilot.pause()
        assert "[bold red]Evil[/]" in app.status.plain
        assert unsafe_characters(app.status.plain) == []
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "[bold red]Evil[/]" in app.status.plain
        sources = app.side_panel.sources.option_list
        source_prompt = str(sources.get_option("source-0").prompt)  # the source's heading
        claim_prompt = str(sources.get_option("attribution-0").prompt)  # its cue
        for prompt in (source_prompt, claim_prompt):
            assert "[bold red]Evil[/]" in prompt and unsafe_characters(prompt) == []
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert "[bold red]Evil[/]" in app.status.plain
        assert unsafe_characters(app.status.plain) == []

        screen = _whole_screen(app)
        assert unsafe_characters(screen) == []
        for literal in ("[bold red]Evil[/]", "[link=https://evil.example]click[/link]", "␛]0;"):
            assert literal in screen

        await pilot.press("s")
        assert isinstance(app.screen, SaveSummaryScreen)
        default = app.screen.query_one("#save-path").value  # type: ignore[attr-defined]
        assert unsafe_characters(default) == [] and Path(default).parent == tmp_path
        assert unsafe_characters(_whole_screen(app)) == []
        await pilot.press("enter")
        await pilot.pause()
        saved = list(tmp_path.iterdir())
        assert len(saved) == 1 and unsafe_characters(saved[0].name) == []
        markdown = saved[0].read_text(encoding="utf-8")
        assert unsafe_characters(markdown.replace("\n", "")) == []
        assert "\\[bold red\\]Evil\\[/\\]" in markdown
        headings = [line for line in markdown.splitlines() if line.startswith("#")]
        assert headings == [headings[0], "## Summary", "## Key quotes"], headings
        assert not any("](" in line for line in markdown.splitlines())
        assert all(unsafe_characters(note) == [] for note in notifications(app))
        assert any("Saved the summary" in note for note in notifications(app))
        await pilot.pause()
        assert "Saved the summary" in _whole_screen(app)  # the toast is on screen
        assert unsafe_characters(_whole_screen(app)) == []


async def test_markup_in_a_notification_is_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_reader(_hostile_analyzer, HOSTILE_TEXT, "x.txt")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        set_save_path(app, "[b]m[/b]/\x1b]0;t\x07.md")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        note = notifications(app)[-1]
        assert "[b]m[/b]" in note and unsafe_characters(note) == []
        assert "[b]m[/b]/␛]0;t" in _whole_screen(app)
        assert unsafe_characters(_whole_screen(app)) == []


# -- terminal size and colours -----------------------------------------------------------


async def test_side_panel_hides_when_narrow_and_returns_when_wide(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = app.side_panel
        assert panel.display and app.screen.has_class("-wide")
        panel.entities.option_list.focus()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        assert not panel.display
        assert app.focused is app.article  # focus never stays in a hidden panel
        assert app.article.size.width > 30
        await pilot.press("right_square_bracket", "e", "plus", "minus")
        await pilot.press("slash", *"Lopez", "enter", "escape")
        await pilot.pause()
        assert app.quote_index == 0
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert panel.display
        assert app.focused is app.article
        await pilot.press("right_square_bracket")
        assert app.quote_index == 1


async def test_t_wins_over_the_automatic_layout(analyzer: Callable[..., Analysis]) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        panel = app.side_panel
        assert not panel.display
        await pilot.press("t")  # narrow, but asked for: shown
        await pilot.pause()
        assert panel.display and app.article.size.width >= 20
        await pilot.press("t")
        await pilot.pause()
        assert not panel.display
        await pilot.resize_terminal(120, 36)  # hidden by hand: stays hidden when wide
        await pilot.pause()
        assert not panel.display
        await pilot.press("t")
        await pilot.pause()
        assert panel.display


def _non_colour(style: Style) -> set[str]:
    return {
        name for name in ("bold", "italic", "underline", "reverse") if getattr(style, name) is True
    }


@pytest.mark.parametrize("setting", ["no-color", "standard"])
async def test_highlights_survive_without_colour(
    analyzer: Callable[..., Analysis], monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    import textual.constants

    if setting == "no-color":
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        if setting == "no-color":
            assert app.no_color
        else:
            assert app.console.color_system == "standard"
        view = app.article
        marks = {
            layer: _non_colour(
                view.get_component_rich_style(f"article-view--{layer}", partial=True)
            )
            for layer in LAYERS
            if layer != "summary"  # marked only while its tab shows, by background
        }
        assert all(marks.values()), marks
        assert len({frozenset(m) for m in marks.values()}) == len(marks), marks
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.analysis is not None
        quote = app.analysis.quotes[0]
        line = view.line_of(quote.start) - view.scroll_offset.y
        segments = list(view.render_line(line))
        styled = [s for s in segments if s.style and s.style.italic and s.style.bold]
        assert styled, segments
        assert unsafe_characters(_whole_screen(app)) == []
