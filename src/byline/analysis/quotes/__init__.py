"""Direct quotes and their speakers, found over one :class:`~byline.analysis.document.Document`.

The modules, each feeding the next:

* :mod:`.stretches`: where double quotation marks open and close;
* :mod:`.cues`: the reporting verbs ("said", "went on", "according to");
* :mod:`.speakers`: the noun phrase naming a speaker around a cue, a sentence's subject;
* :mod:`.referents`: what those words refer to (names, descriptions, pronouns);
* :mod:`.attribution`: the cue and speaker of one quote, resolved to names;
* :mod:`.finder`: which stretches are speech, and the speaker carried between quotes;
* :mod:`.scan`: the working state of one run (quoted tokens, speakers named so far).

Must not import Textual.
"""

from __future__ import annotations

from byline.analysis.quotes.finder import find_quotes
from byline.analysis.quotes.stretches import quoted_stretches

__all__ = ["find_quotes", "quoted_stretches"]
