"""The settings file: read without fuss, and only the theme line ever written back."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from byline.config import (
    Config,
    ConfigNotSavedError,
    config_path,
    load_config,
    remember_theme,
    shown_path,
    with_theme,
)

HAND_WRITTEN = """\
# My byline setup. Do not lose this comment.
theme = "nord"   # the blue one
text_width = 80

[keymap]
# quotes on j/k too
"reader.next_quote" = "right_square_bracket,ctrl+n"
"""


def test_the_file_lives_in_the_xdg_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BYLINE_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "byline" / "config.toml"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/ignored")  # the spec ignores it
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert config_path() == tmp_path / "home" / ".config" / "byline" / "config.toml"
    assert shown_path(config_path()) == "~/.config/byline/config.toml"
    monkeypatch.setenv("BYLINE_CONFIG_DIR", str(tmp_path / "mine"))
    assert config_path() == tmp_path / "mine" / "config.toml"


def test_a_missing_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config(tmp_path / "none.toml")


def test_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("panel_width = 40\n" + HAND_WRITTEN, encoding="utf-8")
    config = load_config(path)
    assert config.problems == ()
    assert (config.theme, config.text_width, config.panel_width) == ("nord", 80, 40)
    assert config.keymap == {"reader.next_quote": "right_square_bracket,ctrl+n"}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("theme = 3\n", "theme must be a name in quotes"),
        ("text_width = 5\n", "text_width must be a whole number of columns, at least 20"),
        ("panel_width = true\n", "panel_width must be a whole number"),
        ("text_width = 88.5\n", "text_width must be a whole number"),
        ("thme = 'nord'\n", "unknown setting 'thme'"),
        ("keymap = 'j'\n", "keymap must be a table"),
        ("[keymap]\n'reader.help' = 1\n", "keymap: 'reader.help' must be keys in quotes"),
    ],
)
def test_a_wrong_setting_is_named_and_left_out(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content + 'theme = "gruvbox"\n' * ("theme" not in content), encoding="utf-8")
    config = load_config(path)
    assert any(p.startswith(problem) for p in config.problems), config.problems
    assert config.text_width is None and config.panel_width is None


def test_a_file_that_does_not_parse_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme is None
    assert len(config.problems) == 1 and "not valid TOML" in config.problems[0]


def test_a_new_file_is_made_with_the_theme(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "byline" / "config.toml"
    assert remember_theme("dracula", path) == path
    assert load_config(path).theme == "dracula"
    assert path.read_text(encoding="utf-8").startswith("# byline's settings")


def test_only_the_theme_line_changes(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    remember_theme("gruvbox", path)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN.replace('"nord"', '"gruvbox"')


def test_a_theme_is_added_above_the_tables(tmp_path: Path) -> None:
    text = HAND_WRITTEN.replace('theme = "nord"   # the blue one\n', "")
    new = with_theme(text, "monokai")
    data = tomllib.loads(new)
    assert data["theme"] == "monokai"
    assert data["keymap"] == tomllib.loads(text)["keymap"]
    assert new.count("\n") == text.count("\n") + 1
    assert "# quotes on j/k too" in new and "# My byline setup" in new
    assert with_theme("text_width = 90", "nord") == 'text_width = 90\ntheme = "nord"\n'


def test_a_theme_line_that_cannot_be_changed_safely_is_left(tmp_path: Path) -> None:
    # The only "theme =" line at the top is inside a multi-line string: changing it would
    # change another setting, so nothing is written.
    tricky = 'notes = """\ntheme = "x"\n"""\n'
    with pytest.raises(ConfigNotSavedError):
        with_theme(tricky, "nord")


def test_a_file_that_does_not_parse_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    broken = 'theme = "nord\n# half-typed\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigNotSavedError, match="not valid TOML"):
        remember_theme("gruvbox", path)
    assert path.read_text(encoding="utf-8") == broken


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    in_the_way = tmp_path / "byline"
    in_the_way.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(ConfigNotSavedError, match="cannot read .*config.toml: Not a directory"):
        remember_theme("nord", in_the_way / "config.toml")
    if Path("/proc/self").is_dir():  # a folder that takes no new folders, even for root
        with pytest.raises(ConfigNotSavedError, match="cannot write .*config.toml: "):
            remember_theme("nord", Path("/proc/byline-test/config.toml"))
    assert in_the_way.read_text(encoding="utf-8").startswith("a file")


def test_a_theme_name_is_quoted_safely() -> None:
    new = with_theme("", 'odd"name\\with\x07bell')
    assert tomllib.loads(new)["theme"] == 'odd"name\\with\x07bell'
