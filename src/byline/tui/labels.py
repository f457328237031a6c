"""What the reader calls things: entity types, a quote's speaker, an article's byline.

Shared by the side panel's tabs, the status line and the article view. Textual-free, and
imports the data model only when typing, so the first frame does not pay for it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from byline.tui.text import one_line

if TYPE_CHECKING:
    from byline.analysis.model import Analysis, Quote
    from byline.sources import Article

TYPE_HEADINGS = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MISC": "Other names"}
"""The Entities tab's heading for each entity type."""
TYPE_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "other"}
"""An entity type as the status line names it."""
UNATTRIBUTED = "unattributed"
KIND_LABELS = {"direct": "quote", "mixed": "partly quoted", "indirect": "reported"}
"""An attribution's kind as the Sources tab and the status line name it."""
NO_SOURCE = "no source"
"""What stands for the source of a claim the text credits to nobody."""


def speaker_label(quote: Quote) -> str:
    """Who said ``quote``, on one line ("unattributed" when nobody is named)."""
    return one_line(quote.speaker, 60) if quote.speaker else UNATTRIBUTED


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 quote", "3 quotes", "1 entity", "2 entities"."""
    if count == 1:
        return f"1 {singular}"
    return f"{count:,} {plural or singular + 's'}"


def language_caution(analysis: Analysis) -> str | None:
    """A line for the Entities and Quotes tabs when the text does not look English (the
    models behind them are English), else None."""
    if analysis.language in (None, "en"):
        return None
    from byline.analysis.language import language_name

    return f"Looks like {language_name(analysis.language)}: trained on English, may be wrong."


MONTHS = (
    "January February March April May June July August September October November December"
).split()
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BY = re.compile(r"^by\s+", re.IGNORECASE)


def shown_date(date: str) -> str:
    """An ISO date as a reader writes it ("2026-03-03" -> "3 March 2026"); anything else
    as it is."""
    match = _ISO_DATE.fullmatch(date.strip())
    if match is None:
        return date.strip()
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return date.strip()
    return f"{day} {MONTHS[month - 1]} {year}"


def byline_text(article: Article) -> str | None:
    """The line under a web page's headline: "By <author> · <site> · <date>", with what
    the page told (None when it told none of them)."""
    parts: list[str] = []
    author = _BY.sub("", one_line(article.author or "", 120), count=1) if article.author else ""
    if author:
        parts.append(f"By {author}")
    site = one_line(article.site or "", 80)
    if site and site.casefold() != author.casefold():
        parts.append(site)
    if article.date:
        parts.append(shown_date(one_line(article.date, 40)))
    return " · ".join(parts) or None
