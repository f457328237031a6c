"""Who said what: direct quotes with their speakers, then every claim with its source.

Found over one :class:`~byline.analysis.document.Document`. The quote modules, each
feeding the next:

* :mod:`.pairing`: quotation marks, by shape and by the way they face, and how they pair;
* :mod:`.stretches`: the quoted stretches and what they hold;
* :mod:`.cues`: the reporting verbs ("said", "went on", "according to");
* :mod:`.speakers`: the noun phrase naming a speaker around a cue, a sentence's subject;
* :mod:`.referents`: what those words refer to (names, descriptions, pronouns);
* :mod:`.attribution`: the cue and speaker of one quote, resolved to names;
* :mod:`.finder`: which stretches are speech, and the speaker carried between quotes;
* :mod:`.scan`: the working state of one run (quoted tokens, speakers named so far).

Then the attributions (:func:`find_attributions`), over the quotes found:

* :mod:`.cuemodel`: the learned cue detector (which verbs report a claim);
* :mod:`.roles`: the learned role tagger (which words are the cue's source and content);
* :mod:`.reported`: reported claims, one per cue, nested ones dropped;
* :mod:`.sources`: who a source stands for, and its kind (named, described, unnamed);
* :mod:`.hedges`: "reportedly", "is said to" and agentless reports;
* :mod:`.claims`: direct, mixed and indirect attributions laid together.

"""

from __future__ import annotations

from byline.analysis.quotes.claims import find_attributions
from byline.analysis.quotes.finder import find_quotes
from byline.analysis.quotes.stretches import quoted_stretches

__all__ = ["find_attributions", "find_quotes", "quoted_stretches"]
