"""byline: a terminal reader for news articles.

Holds the version only; importing the package must not pull in Textual or NLTK.
"""

__version__ = "0.1.0"
