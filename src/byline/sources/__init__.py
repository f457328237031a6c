"""Where articles come from: the :class:`Article` record, read from a file or standard input.

Input, not analysis: the core (``byline.analysis``) takes text and never reads files. Web
pages and HTML files are read into the same record by ``byline.web``, which builds on this
package (never the other way round).
"""

from byline.sources.article import Article, ArticleError, json_fields, with_headline
from byline.sources.files import MAX_BYTES, decode, file_key, read_article

__all__ = [
    "MAX_BYTES",
    "Article",
    "ArticleError",
    "decode",
    "file_key",
    "json_fields",
    "read_article",
    "with_headline",
]
