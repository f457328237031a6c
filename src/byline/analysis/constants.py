"""Word lists and tag sets the analysis core shares, under public names.

One home for the constants several modules read (as textacy's ``constants``): the
words that give a speaker a kind ("f", "m", "person") for pronouns to match, and the
Penn Treebank tags and token forms the noun-phrase walks test. A list one module alone
reads stays in that module.
"""

from __future__ import annotations

FEMALE_WORDS: frozenset[str] = frozenset(
    "mrs mrs. ms ms. miss spokeswoman chairwoman congresswoman woman mother wife daughter "
    "sister businesswoman queen lady hillary nancy elizabeth kellyanne sarah huma chelsea "
    "melania ivanka carly jennifer mary susan karen lisa michelle donna jill amy maria anna "
    "emily jane hope megyn kirsten debbie barbara laura linda patricia katie heidi kelly "
    "jessica rachel ann anne claire joanna tammy kamala nikki".split()
)
"""Titles, nouns and first names that make a speaker female ("f")."""

MALE_WORDS: frozenset[str] = frozenset(
    "mr mr. sir spokesman chairman congressman man father husband son brother businessman "
    "king donald bernie ted marco jeb john mike paul barack bill joe tim chris ben rand jack "
    "james robert michael david richard thomas mark steve stephen george newt rudy reince "
    "jason mitch harry chuck eric corey jeff kevin scott lindsey rick tom peter william "
    "charles daniel matthew andrew brian".split()
)
"""Titles, nouns and first names that make a speaker male ("m")."""

PERSON_HEADS: frozenset[str] = frozenset(
    "spokeswoman spokesman spokesperson official aide source adviser advisor president "
    "director chairman chairwoman executive founder candidate senator lawyer attorney manager "
    "secretary governor leader member analyst expert professor voter supporter critic "
    "strategist woman man officer representative chief nominee ceo worker resident".split()
)
"""Head nouns that name a person of unknown gender ("an Alibaba spokesperson")."""

NOUN_TAGS: frozenset[str] = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})
"""Penn Treebank tags that can head a noun phrase naming a speaker."""
