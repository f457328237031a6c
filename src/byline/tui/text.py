"""Article text made safe to show: one visible character per source character.

Article text is data. It is never parsed as Rich markup (callers wrap it in
``rich.text.Text``), and control characters that would move the cursor, change colours or
reorder text are replaced by visible placeholders *one for one*, so character offsets
from the analysis still index the displayed string.
"""

from __future__ import annotations

import re

_REPLACEMENT = "\ufffd"
_ESCAPE = "\u241b"  # ␛

# What each replaced character is drawn as (every other character is drawn as itself).
DISPLAY_TABLE: dict[int, str] = {code: _REPLACEMENT for code in range(0x20)}
DISPLAY_TABLE.update({code: _REPLACEMENT for code in range(0x7F, 0xA0)})
DISPLAY_TABLE.update({code: _REPLACEMENT for code in range(0x202A, 0x202F)})  # bidi embeddings
DISPLAY_TABLE.update({code: _REPLACEMENT for code in range(0x2066, 0x206A)})  # bidi isolates
DISPLAY_TABLE.update({code: _REPLACEMENT for code in range(0xD800, 0xE000)})  # lone surrogates
DISPLAY_TABLE[0x1B] = _ESCAPE
# Layout whitespace shows as a plain space; line breaks are the view's business.
for _code in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x2028, 0x2029):
    DISPLAY_TABLE[_code] = " "


# Every character the table replaces, as ranges: a substitution visits only those, which
# is an order of magnitude faster than ``str.translate`` over a whole article.
def _character_class(codes: list[int]) -> str:
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in runs) + "]"


_REPLACED = re.compile(_character_class(sorted(DISPLAY_TABLE)))


def _replacement(match: re.Match[str]) -> str:
    return DISPLAY_TABLE[ord(match.group())]


def display_text(text: str) -> str:
    """``text`` with every control character replaced one for one (same length)."""
    return _REPLACED.sub(_replacement, text)


def one_line(text: str, limit: int = 0) -> str:
    """``text`` squeezed onto one line for a list or a notification (offsets not kept).

    Args:
        text: any text from the article.
        limit: cut to this many characters with an ellipsis (0: no limit).
    """
    squeezed = " ".join(display_text(text).split())
    if limit and len(squeezed) > limit:
        return squeezed[: limit - 1].rstrip() + "…"
    return squeezed


def safe_file_name(text: str, limit: int = 100) -> str:
    """``text`` made into one harmless file-name part: controls, bidi and slashes become ``_``.

    Args:
        text: a name taken from the article or its source (a file stem, a title).
        limit: keep at most this many characters, so ``<name>.summary.md`` stays a legal
            file name.
    """
    cleaned = display_text(text).replace(_REPLACEMENT, "_").replace(_ESCAPE, "_")
    cleaned = cleaned.replace("/", "_").replace("\\", "_")
    return " ".join(cleaned.split())[:limit].strip()


def shown_with_breaks(text: str, shown: str, start: int, end: int) -> str:
    """``shown[start:end]`` (the text as painted: every control a placeholder) with the
    line breaks of ``text``, the text as read: what a mouse selection copies."""
    pieces, position = [], start
    for part in text[start:end].split("\n"):
        pieces.append(shown[position : position + len(part)])
        position += len(part) + 1
    return "\n".join(pieces)
