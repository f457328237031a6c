"""Main text and metadata of a web page, by trafilatura (no hand-written scraping).

The text keeps the page's paragraphs (and subheadings, list items, block quotes) as
paragraphs separated by one blank line, which is what byline's layout splits on; a line
break inside a paragraph stays a single newline. A list item is a paragraph of its own,
marked "• " (or "1. " in a numbered list), so a list still reads as one. Navigation, ads,
comments and footers are left out (trafilatura with ``favor_precision`` and no comments).
The headline is returned apart, in ``title``, and removed from the text when the page
repeats it at the top.

trafilatura is imported on first use (it takes about a second).
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from typing import Any

from byline.sources.article import ArticleError

MIN_WORDS = 15
"""Fewer words than this is not an article ("Page not found", a cookie banner)."""

_SNIFF_BYTES = 4096
_HTML_START = re.compile(rb"^\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# trafilatura's element names in its extracted tree: one paragraph each.
_BLOCKS = frozenset({"p", "head", "quote", "item", "row", "cell", "code"})
_CONTAINERS = frozenset({"list", "table", "div", "body"})


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a page says, without its furniture; None for what the page does not tell."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    site: str | None


def looks_like_html(data: bytes) -> bool:
    """Whether the content starts like an HTML document (``<!doctype html`` or ``<html``)."""
    head = data[:_SNIFF_BYTES]
    for bom in (codecs.BOM_UTF8,):
        if head.startswith(bom):
            head = head[len(bom) :]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
        except UnicodeError:
            return False
    return bool(_HTML_START.match(head))


# The encodings browsers read pages in (the WHATWG Encoding Standard's), by Python's names
# for them. Anything else a page or a server names ("base64", "rot13", "idna",
# "unicode_escape", "utf-7", "undefined"...) is not a text encoding a page is written in:
# it is ignored and the encoding detected instead.
_PAGE_ENCODINGS = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "ascii", "cp866", "koi8-r"}
    | {"koi8-u", "mac-roman", "mac-cyrillic", "cp874", "gbk", "gb2312", "gb18030", "big5"}
    | {"big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949"}
    | {f"cp{n}" for n in range(1250, 1259)}
    | {f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)}
)
# A label read inside the document itself was read as ASCII: it cannot be UTF-16.
_NOT_DECLARABLE = frozenset({"utf-16", "utf-16-le", "utf-16-be"})


def declared_charset(data: bytes) -> str | None:
    """The encoding the page declares in a ``<meta>`` tag or XML prolog, when it is one a
    page can be written in (see :func:`known_codec`)."""
    head = data[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    codec = known_codec(match.group(1).decode("ascii")) if match else None
    return None if codec in _NOT_DECLARABLE else codec


def known_codec(name: str | None) -> str | None:
    """Python's name for the page encoding ``name``, or None when ``name`` is not a text
    encoding pages are written in (unknown, or a codec such as base64 or rot13)."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError, UnicodeError):
        return None
    return codec if codec in _PAGE_ENCODINGS else None


def decode_page(data: bytes, header_charset: str | None = None) -> str:
    """Decode a page: its byte-order mark, the HTTP charset, the meta charset, else UTF-8.

    A charset that is not a page encoding (see :func:`known_codec`) counts as none.

    Undecodable bytes become U+FFFD rather than failing.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    encoding = known_codec(header_charset) or declared_charset(data) or "utf-8"
    # Browsers read pages labelled Latin-1 as Windows-1252 (the smart quotes live there).
    if encoding in ("latin-1", "iso8859-1", "ascii"):
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")


def _quiet_logs() -> None:
    """trafilatura and friends log warnings; keep them off the terminal the reader draws on."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def extract_article(html: str, url: str | None = None) -> Extracted:
    """The article in ``html``: main text as blank-line-separated paragraphs, and metadata.

    Args:
        html: the decoded page.
        url: where it came from (helps metadata; the site falls back to its host name).

    Raises:
        ArticleError: "no article text found on the page".
    """
    _quiet_logs()
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
        )
    except Exception as error:  # noqa: BLE001 - a parser failure on a hostile page
        raise ArticleError(f"cannot read the page ({type(error).__name__})") from None
    if document is None:
        raise ArticleError("no article text found on the page")
    title = _clean_line(getattr(document, "title", None))
    paragraphs = _paragraphs(document)
    if paragraphs and title and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    text = "\n\n".join(paragraphs)
    if len(text.split()) < MIN_WORDS:
        raise ArticleError("no article text found on the page")
    site = _clean_line(getattr(document, "sitename", None))
    if site is None and url:
        site = _clean_line(getattr(document, "hostname", None))
    return Extracted(
        text=text,
        title=title,
        author=_clean_line(getattr(document, "author", None)),
        date=_clean_line(getattr(document, "date", None)),
        site=site,
    )


def _paragraphs(document: Any) -> list[str]:
    body = getattr(document, "body", None)
    paragraphs: list[str] = []
    if body is not None and len(body):
        _collect(body, paragraphs)
    if not paragraphs:  # no tree: trafilatura's plain text has one paragraph a line
        raw = getattr(document, "text", None) or ""
        paragraphs = [p for p in (_clean_block(line) for line in raw.splitlines()) if p]
    return paragraphs


def _collect(element: Any, out: list[str]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            _collect_list(child, out, 0)
        elif tag in _CONTAINERS or (tag not in _BLOCKS and len(child) and _has_blocks(child)):
            _collect(child, out)
        elif tag in ("graphic", "ref") and not (child.text or "").strip():
            continue
        else:
            block = _clean_block(_text_with_breaks(child))
            if block:
                out.append(block)


def _collect_list(element: Any, out: list[str], depth: int) -> None:
    """A list's items, one paragraph each, marked as the page shows them: "• " (or "1. "
    in a numbered list; "◦ " inside another list), so they read as a list and keep
    apart. A list inside an item follows it, instead of being run into its text."""
    numbered = str(element.get("rend", "")).lower() == "ol"
    number = 0
    for item in element:
        if not isinstance(item.tag, str):
            continue
        if item.tag == "list":
            _collect_list(item, out, depth + 1)
            continue
        nested = [child for child in item if isinstance(child.tag, str) and child.tag == "list"]
        text = _clean_block(_text_with_breaks(item, skip="list"))
        if text:
            number += 1
            marker = f"{number}. " if numbered else ("• " if depth == 0 else "◦ ")
            out.append(marker + text)
        for child in nested:
            _collect_list(child, out, depth + 1)


def _has_blocks(element: Any) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCKS | _CONTAINERS for c in element)


def _text_with_breaks(element: Any, skip: str = "") -> str:
    """The element's text with its line breaks (``skip``: leave out children so tagged,
    but not the text after them)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag == skip:
            parts.append(" ")
        else:
            parts.append(_text_with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean_block(text: str) -> str:
    """One paragraph: spaces squeezed, its own line breaks kept, never a blank line inside."""
    lines = (_SPACES.sub(" ", line).strip() for line in _CONTROLS.sub("", text).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean_line(value: Any) -> str | None:
    if not value:
        return None
    text = _SPACES.sub(" ", _CONTROLS.sub(" ", str(value))).strip()
    return text or None


def _same(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return "".join(ch for ch in s.casefold() if ch.isalnum())

    return key(a) == key(b)
