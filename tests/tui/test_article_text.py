"""Article text is data: markup shows literally, controls become visible placeholders."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.widgets import Input

from byline.analysis.model import Analysis
from byline.tui.widgets.search_bar import SearchBar
from tests.fakes import dictionary_tagger, pipeline_with
from tests.tui.helpers import SIZE, make_reader, screen_text, settle

MARKUP = """Markup Is Just Text

The site printed [bold]x[/bold] and [link=http://x]y[/link] in its story about [red]Acme[/red].

"Do not [blink]panic[/blink]," said Acme.
"""


async def test_rich_markup_in_the_article_is_shown_literally(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer, MARKUP, "markup.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert "[bold]x[/bold]" in shown
        assert "[link=http://x]y[/link]" in shown
        await pilot.press("right_square_bracket")
        assert app.analysis is not None and app.analysis.quotes
        assert "[blink]panic[/blink]" in screen_text(app)


async def test_markup_in_entity_names_is_shown_literally() -> None:
    tagger = dictionary_tagger({"[red]Acme[/red]": "ORG"})
    app = make_reader(pipeline_with(tagger), MARKUP, "markup.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        option_list = app.side_panel.entities.option_list
        prompts = [
            option_list.get_option_at_index(i).prompt for i in range(option_list.option_count)
        ]
        assert all(isinstance(p, Text) for p in prompts)
        names = " ".join(str(p) for p in prompts)
        if app.analysis is not None and app.analysis.entities:
            assert any("[red]" in e.name for e in app.analysis.entities) == ("[red]" in names)


async def test_control_characters_show_as_placeholders_and_keep_offsets(
    analyzer: Callable[..., Analysis],
) -> None:
    text = "Escape Test\n\nBefore \x1b[31mred\x1b[0m after \x07 bell and \u202etxt.\n"
    app = make_reader(analyzer, text, "controls.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "␛[31mred␛[0m" in shown
        # Offsets still line up: searching highlights the right characters.
        await pilot.press("slash", *"red")
        await pilot.pause()
        start, end = app.article.highlights("current")[0]
        assert text[start:end] == "red"


async def test_search_highlights_and_steps_through_matches(
    analyzer: Callable[..., Analysis],
) -> None:
    # As in less and vim: type the words, Enter (stays on the match found while typing
    # and gives the keys back to the article), then n and N walk the matches.
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"lopez")
        await pilot.pause()
        matches = app.article.highlights("search")
        text = app.source.text
        assert len(matches) == text.lower().count("lopez")
        assert all(text[s:e].lower() == "lopez" for s, e in matches)
        assert app.article.highlights("current") == [matches[0]]
        await pilot.press("enter")
        assert app.focused is app.article
        assert app.article.highlights("current") == [matches[0]]
        await pilot.press("n")
        assert app.article.highlights("current") == [matches[1]]
        assert app.quote_index is None  # n is the search's while it is on
        for _ in range(len(matches) - 1):
            await pilot.press("n")
        assert app.article.highlights("current") == [matches[0]]  # wrapped
        await pilot.press("N")
        assert app.article.highlights("current") == [matches[-1]]  # and back
        await pilot.press("escape")
        await pilot.pause()
        assert app.article.highlights("search") == []
        assert app.focused is app.article
        # Keys work again once the search is closed: n is the next quote again.
        await pilot.press("right_square_bracket")
        assert app.quote_index == 0
        await pilot.press("n")
        assert app.quote_index == 1


async def test_keys_typed_in_one_burst_after_slash_reach_the_search(
    analyzer: Callable[..., Analysis],
) -> None:
    # A paste or a fast typist: the keys after "/" are queued before "/" is handled.
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key, character in (("slash", "/"), ("L", "L"), ("o", "o"), ("p", "p")):
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(SearchBar).input.value == "Lop"
        assert app.article.highlights("current")


async def test_slash_types_into_inputs_and_is_ignored_on_dialogs(
    analyzer: Callable[..., Analysis],
) -> None:
    app = make_reader(analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"a/b")
        assert app.query_one(SearchBar).input.value == "a/b"
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        help_screen = app.screen
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen is help_screen and app.is_running
        await pilot.press("escape", "s")
        await pilot.pause()
        path_input = app.screen.query_one(Input)
        before = path_input.value
        await pilot.press("end", "slash")
        assert path_input.value == before + "/"
