"""Settings that stay: ``config.toml`` in byline's config folder.

``$XDG_CONFIG_HOME/byline/config.toml`` (default ``~/.config/byline/config.toml``)::

    theme = "nord"          # a Textual theme (the palette's "Theme" lists them)
    text_width = 88         # widest the article's lines run, in columns
    panel_width = 44        # the side panel's width, in columns

    [keymap]                # binding id = keys, comma-separated
    "reader.next_quote" = "right_square_bracket,ctrl+n"

The file is the user's: byline reads it with the standard library's ``tomllib`` (cheap,
before the first frame) and writes only one thing, the theme chosen in the palette, by
changing that one line (other keys, comments and order stay), atomically, and only after
checking that the new file reads back with every other setting unchanged. A file that
does not parse is never rewritten.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_DIR_VARIABLE = "BYLINE_CONFIG_DIR"
"""Overrides the config folder (tests, or keeping several setups apart)."""
FILE_NAME = "config.toml"
MIN_WIDTH = 20
"""Narrowest text or panel width accepted, in columns."""

_KNOWN = ("theme", "text_width", "panel_width", "keymap")
_THEME_LINE = re.compile(
    r"""^(?P<key>[ \t]*theme[ \t]*=[ \t]*)"""
    r"""(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
    r"""(?P<rest>[ \t]*(?:\#.*)?)$"""
)
_ANY_THEME_LINE = re.compile(r"^[ \t]*(?:theme|\"theme\"|'theme')[ \t]*=")
_TABLE_HEADER = re.compile(r"^[ \t]*\[")


def config_dir() -> Path:
    """byline's config folder (not created here)."""
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and Path(xdg).is_absolute():  # the XDG spec says relative values are ignored
        return Path(xdg) / "byline"
    return Path.home() / ".config" / "byline"


def config_path() -> Path:
    """Where the settings file is (it need not exist)."""
    return config_dir() / FILE_NAME


def shown_path(path: Path) -> str:
    """``path`` with the home folder as ``~``, as --help and messages name it."""
    home = str(Path.home())
    text = str(path)
    if home not in ("", "/") and text.startswith(home + os.sep):
        return "~" + text[len(home) :]
    return text


@dataclass(frozen=True)
class Config:
    """The settings, each None (or empty) when the file does not set it."""

    path: Path
    """The file they were read from."""
    theme: str | None = None
    text_width: int | None = None
    panel_width: int | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    """Binding id to keys ("right_square_bracket,ctrl+n"), for ``App.set_keymap``."""
    problems: tuple[str, ...] = ()
    """What was wrong with the file, one line each; those settings were left out."""


def load_config(path: Path | None = None) -> Config:
    """Read the settings (defaults when the file is missing); never raises."""
    path = config_path() if path is None else path
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return Config(path, problems=(f"cannot read it: {reason}",))
    except tomllib.TOMLDecodeError as error:
        return Config(path, problems=(f"not valid TOML ({error}); settings ignored",))
    problems: list[str] = []
    problems += [f"unknown setting {key!r}" for key in data if key not in _KNOWN]
    theme = _string(data, "theme", problems)
    text_width = _width(data, "text_width", problems)
    panel_width = _width(data, "panel_width", problems)
    keymap = _keymap(data.get("keymap", {}), problems)
    return Config(path, theme, text_width, panel_width, keymap, tuple(problems))


def _string(data: Mapping[str, Any], key: str, problems: list[str]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{key} must be a name in quotes")
        return None
    return value.strip()


def _width(data: Mapping[str, Any], key: str, problems: list[str]) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_WIDTH:
        problems.append(f"{key} must be a whole number of columns, at least {MIN_WIDTH}")
        return None
    return value


def _keymap(table: Any, problems: list[str]) -> dict[str, str]:
    if not isinstance(table, dict):
        problems.append('keymap must be a table: [keymap] then "binding.id" = "keys"')
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.strip()
        else:
            problems.append(f"keymap: {binding_id!r} must be keys in quotes")
    return keymap


class ConfigNotSavedError(Exception):
    """The setting could not be written; ``str(error)`` says why, in one line."""


def remember_theme(theme: str, path: Path | None = None) -> Path:
    """Write ``theme = "<theme>"`` into the settings file, changing nothing else in it.

    Returns:
        The file written.

    Raises:
        ConfigNotSavedError: the file does not parse, or could not be written.
    """
    path = config_path() if path is None else path
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigNotSavedError(f"cannot read {shown_path(path)}: {_reason(error)}") from None
    if old is None:
        new = f"# byline's settings: see 'byline --help'.\ntheme = {_toml_string(theme)}\n"
    else:
        new = with_theme(old, theme)
    if new == old:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from byline.analysis.export import write_atomic

        write_atomic(path, new, replace=old is not None)
    except OSError as error:
        raise ConfigNotSavedError(f"cannot write {shown_path(path)}: {_reason(error)}") from None
    return path


def with_theme(text: str, theme: str) -> str:
    """``text`` (a settings file) with its top-level ``theme`` set to ``theme``.

    Raises:
        ConfigNotSavedError: ``text`` does not parse, or the change could not be made safely.
    """
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigNotSavedError(f"the settings file is not valid TOML ({error})") from None
    lines = text.splitlines(keepends=True)
    value = _toml_string(theme)
    top_level = _top_level_end(lines)
    for index in range(top_level):
        line = lines[index]
        if not _ANY_THEME_LINE.match(line):
            continue
        ending = line[len(line.rstrip("\r\n")) :]
        match = _THEME_LINE.match(line.rstrip("\r\n"))
        if match:
            lines[index] = f"{match['key']}{value}{match['rest']}{ending}"
        else:
            lines[index] = f"theme = {value}{ending or chr(10)}"
        break
    else:
        if lines and not lines[-1].endswith("\n") and top_level == len(lines):
            lines[-1] += "\n"
        lines.insert(top_level, f"theme = {value}\n")
    new = "".join(lines)
    try:
        after = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        raise ConfigNotSavedError("the theme line could not be changed safely") from None
    unchanged = {k: v for k, v in before.items() if k != "theme"}
    if after.get("theme") != theme or {k: v for k, v in after.items() if k != "theme"} != (
        unchanged
    ):
        raise ConfigNotSavedError("the theme line could not be changed safely")
    return new


def _top_level_end(lines: list[str]) -> int:
    """The index of the first table header (where top-level keys end)."""
    for index, line in enumerate(lines):
        if _TABLE_HEADER.match(line):
            return index
    return len(lines)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch >= " " and ch != "\x7f" else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


def _reason(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or str(error)
    return " ".join(str(text).split())
