"""Web addresses written in an article's text, found so the reader can open them.

Plain functions over the text, no Textual. Only ``http`` and ``https`` addresses are
links; the punctuation that ends a sentence or closes a bracket around an address is not
part of it.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

# Not in an address: white space, quotation marks and brackets around it, and the
# placeholders ``display_text`` puts for control characters.
_URL = re.compile(
    r"\bhttps?://[^\s<>\"'`\u00a0\u201c\u201d\u2018\u2019\u00ab\u00bb\[\]{}|\\^\ufffd\u241b]+"
)
_TRAILING = ".,;:!?…"


def _trimmed(url: str) -> str:
    """``url`` without sentence punctuation or an unbalanced closing bracket at its end."""
    while url:
        last = url[-1]
        if last in _TRAILING or (last == ")" and url.count("(") < url.count(")")):
            url = url[:-1]
        else:
            break
    return url


def find_links(text: str) -> list[tuple[Span, str]]:
    """Each web address in ``text``: its span and the address, in order."""
    links: list[tuple[Span, str]] = []
    for match in _URL.finditer(text):
        url = _trimmed(match.group())
        if len(url) > len("https://"):
            links.append(((match.start(), match.start() + len(url)), url))
    return links
