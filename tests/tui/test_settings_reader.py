"""Pilot tests: the settings file applied to the reader, and a chosen theme remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from byline.analysis.model import Analysis
from byline.config import load_config
from byline.tui.app import BylineApp
from tests.tui.helpers import notifications, reading, screen_text, source


def _reader(analyzer: Callable[..., Analysis], path: Path, content: str | None) -> BylineApp:
    if content is not None:
        path.write_text(content, encoding="utf-8")
    return BylineApp(source(), analyzer=analyzer, config=load_config(path))


async def _choose_theme(app: BylineApp, pilot: Pilot[None], name: str) -> None:
    """Change the theme as the palette does, and let the worker that remembers it end."""
    app.theme = name
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_theme_widths_and_keymap_are_applied(
    analyzer: Callable[..., Analysis], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    app = _reader(
        analyzer,
        config,
        'theme = "gruvbox"\ntext_width = 50\npanel_width = 44\n'
        '[keymap]\n"reader.next_quote" = "ctrl+n"\n',
    )
    async with reading(app) as pilot:
        assert app.theme == "gruvbox"
        assert app.article.measure == 50
        assert app.side_panel.outer_size.width == 44
        widest = max(len(line.strip()) for line in screen_text(app).splitlines())
        assert 40 < widest <= 50
        await pilot.press("ctrl+n")
        assert app.quote_index == 0
        await pilot.press("right_square_bracket")  # the keymap replaced the default keys
        assert app.quote_index == 0
        assert not any("Settings" in (n.title or "") for n in app._notifications)
    assert config.read_text(encoding="utf-8").startswith('theme = "gruvbox"')  # not rewritten


async def test_what_is_wrong_in_the_file_is_said_once(
    analyzer: Callable[..., Analysis], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    app = _reader(
        analyzer,
        config,
        'theme = "no-such-theme"\nwidth = 3\n[keymap]\n"nothing.here" = "j"\n',
    )
    async with reading(app):
        warnings = [n for n in app._notifications if (n.title or "").startswith("Settings in")]
        assert len(warnings) == 1
        message = warnings[0].message
        assert "unknown setting 'width'" in message
        assert "theme 'no-such-theme' is not one of the themes" in message
        assert "no binding has the id 'nothing.here'" in message
        assert app.theme == "textual-dark"


async def test_a_theme_chosen_in_the_palette_is_remembered(
    analyzer: Callable[..., Analysis], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    mine = "# mine\ntext_width = 80  # narrow\n"
    app = _reader(analyzer, config, mine)
    async with reading(app) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause()
        await pilot.press("enter")  # Textual's "Theme" command: the list of themes
        await pilot.pause()
        await pilot.press(*"nord", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.theme == "nord"
    assert config.read_text(encoding="utf-8") == mine + 'theme = "nord"\n'
    assert any("Theme nord saved in" in n for n in notifications(app))


async def test_without_a_settings_file_nothing_is_written(
    analyzer: Callable[..., Analysis], tmp_path: Path
) -> None:
    app = BylineApp(source(), analyzer=analyzer)  # as in tests: no config at all
    async with reading(app) as pilot:
        app.theme = "nord"
        await pilot.pause()
        assert not app.workers  # no remembering worker ran
    missing = tmp_path / "new" / "config.toml"
    app = _reader(analyzer, missing, None)  # a settings file to come: made on first choice
    async with reading(app) as pilot:
        await _choose_theme(app, pilot, "dracula")
    assert load_config(missing).theme == "dracula"


async def test_a_broken_file_is_not_rewritten(
    analyzer: Callable[..., Analysis], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    broken = 'theme = "nord\n'
    app = _reader(analyzer, config, broken)
    async with reading(app) as pilot:
        await _choose_theme(app, pilot, "dracula")
        assert any(n.startswith("Theme not remembered:") for n in notifications(app))
    assert config.read_text(encoding="utf-8") == broken
