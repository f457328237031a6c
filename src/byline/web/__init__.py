"""Reading the web: http(s) URLs and saved HTML pages become articles.

Each is read into the one :class:`~byline.sources.Article` record, as plain text is by
``byline.sources``, which this package builds on (never the other way round).

``open.py`` opens any argument (URL, HTML file, or plain text through ``byline.sources``),
``urls.py`` says what counts as a URL, ``fetch.py`` downloads (the HTTP client is imported
only for a URL) and ``extract.py`` finds the main text and metadata (trafilatura, imported
on first use).
"""

from byline.web.open import (
    HTML_SUFFIXES,
    cached_article,
    load_source,
    open_article,
    read_html_file,
    read_url,
)
from byline.web.urls import is_web_url

__all__ = [
    "HTML_SUFFIXES",
    "cached_article",
    "is_web_url",
    "load_source",
    "open_article",
    "read_html_file",
    "read_url",
]
