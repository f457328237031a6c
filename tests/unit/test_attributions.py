"""Attributions and hedges: each pattern of reported speech, and what is not one.

Through the whole pipeline with the shipped models (cue detector, role tagger, entity
tagger), as ``byline analyze`` runs them.
"""

from __future__ import annotations

from functools import cache

import pytest

from byline.analysis.model import Analysis, Attribution
from byline.analysis.pipeline import analyze


@cache
def _analysis(text: str) -> Analysis:
    return analyze(text)


def _claims(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """Each attribution as (kind, content, source words, cue)."""
    found: list[tuple[str, str, str | None, str | None]] = []
    for a in _analysis(text).attributions:
        said = a.source_span.text(text) if a.source_span else None
        found.append((a.kind, text[a.start : a.end], said, a.cue))
    return found


# (name, text, expected attributions as (kind, content, source words, cue)).
REPORTED = [
    (
        "X said that CLAUSE",
        "The company said that it would close the plant in March.",
        [("indirect", "that it would close the plant in March", "The company", "said")],
    ),
    (
        "X said CLAUSE",
        "The company said it would close the plant in March.",
        [("indirect", "it would close the plant in March", "The company", "said")],
    ),
    (
        "CLAUSE, X said",
        "The plant will close in March, the company said.",
        [("indirect", "The plant will close in March", "the company", "said")],
    ),
    (
        "X said CLAUSE, continued in the next sentence",
        "The company said it would close the plant. It would also cut 200 jobs.",
        [
            (
                "indirect",
                "it would close the plant. It would also cut 200 jobs",
                "The company",
                "said",
            )
        ],
    ),
    (
        "according to X, CLAUSE",
        "According to the company, the plant will close in March.",
        [("indirect", "the plant will close in March", "the company", "According to")],
    ),
    (
        "CLAUSE, according to X",
        "The plant will close in March, according to the company.",
        [("indirect", "The plant will close in March", "the company", "according to")],
    ),
    (
        "X told Y that CLAUSE",
        "Mr Smith told reporters that the plant would close in March.",
        [("indirect", "that the plant would close in March", "Mr Smith", "told")],
    ),
    (
        "warned",
        "The minister warned that prices would rise next year.",
        [("indirect", "that prices would rise next year", "The minister", "warned")],
    ),
    (
        "added",
        "The minister added that prices would rise next year.",
        [("indirect", "that prices would rise next year", "The minister", "added")],
    ),
    (
        "argued",
        "The union argued that the deal was unfair to workers.",
        [("indirect", "that the deal was unfair to workers", "The union", "argued")],
    ),
    (
        "claimed",
        "The firm claimed that its products were safe.",
        [("indirect", "that its products were safe", "The firm", "claimed")],
    ),
    (
        "insisted",
        "The minister insisted that the plan would work.",
        [("indirect", "that the plan would work", "The minister", "insisted")],
    ),
    (
        "denied",
        "The spokesman denied that the company had broken the law.",
        [("indirect", "that the company had broken the law", "The spokesman", "denied")],
    ),
    (
        "announced",
        "The company announced that it would cut 200 jobs.",
        [("indirect", "that it would cut 200 jobs", "The company", "announced")],
    ),
    (
        "confirmed",
        "The ministry confirmed that two soldiers had been killed.",
        [("indirect", "that two soldiers had been killed", "The ministry", "confirmed")],
    ),
    (
        "in a statement, X said",
        "In a statement, the company said it would appeal the ruling.",
        [("indirect", "it would appeal the ruling", "the company", "said")],
    ),
    (
        "X's statement said",
        "The company's statement said the plant would close in March.",
        [("indirect", "the plant would close in March", "The company's statement", "said")],
    ),
    (
        "the report found",
        "The report found that emissions had risen by a tenth.",
        [("indirect", "that emissions had risen by a tenth", "The report", "found")],
    ),
    (
        "content broken by its source",
        "The plan, she said, is dead.",
        [("indirect", "The plan, she said, is dead", "she", "said")],
    ),
    (
        "a passive report inside the content stays in it",
        "People familiar with the matter said the deal would be announced on Monday.",
        [
            (
                "indirect",
                "the deal would be announced on Monday",
                "People familiar with the matter",
                "said",
            )
        ],
    ),
    (
        "mixed: the reported part holds a quote",
        "She went on to say that Alibaba applauds the “IACC’s approach to include market "
        "intermediaries in the fight against counterfeits.”",
        [
            (
                "mixed",
                "that Alibaba applauds the “IACC’s approach to include market intermediaries "
                "in the fight against counterfeits.”",
                "She",
                "went on to say",
            )
        ],
    ),
    (
        "CLAUSE, X said on DAY: the opening clause, not the day",
        "The company closed the plant in March.\n\nThe plant will not reopen, it said on Monday.",
        [("indirect", "The plant will not reopen", "it", "said")],
    ),
    (
        "CLAUSE, X said DAY",
        "Prices will rise next year, officials said Tuesday.",
        [("indirect", "Prices will rise next year", "officials", "said")],
    ),
    (
        "CLAUSE, X said in a statement on DAY",
        "The factory will shut in May, the company said in a statement on Monday.",
        [("indirect", "The factory will shut in May", "the company", "said")],
    ),
    (
        "a source cut to its first word grows over the noun phrase after it",
        "But his campaign was still hoping to pick up delegates in states that award delegates.",
        [
            (
                "indirect",
                "to pick up delegates in states that award delegates",
                "his campaign",
                "was still hoping",
            )
        ],
    ),
    (
        "X told NAME CLAUSE: who was told is not what was said",
        "A spokesman told the BBC the plant would close next year.",
        [("indirect", "the plant would close next year", "A spokesman", "told")],
    ),
    (
        "X told them CLAUSE",
        "He told them he would win the vote.",
        [("indirect", "he would win the vote", "He", "told")],
    ),
    (
        "X said CLAUSE whose verb is another candidate cue",
        "Republicans said they're increasingly convinced the Justice Department mishandled "
        "the case.",
        [
            (
                "indirect",
                "they're increasingly convinced the Justice Department mishandled the case",
                "Republicans",
                "said",
            )
        ],
    ),
    (
        "two claims joined by and: the second cue is no part of the first claim",
        "Republicans said they're increasingly convinced the Justice Department mishandled "
        "the case and Democrats accused the GOP of stoking the issue.",
        [
            (
                "indirect",
                "they're increasingly convinced the Justice Department mishandled the case",
                "Republicans",
                "said",
            ),
            ("indirect", "the GOP of stoking the issue", "Democrats", "accused"),
        ],
    ),
    (
        "X noted that NAME VERB …: the clause is whole",
        "He noted that Ronald Reagan appeared unsteady in his first debate.",
        [("indirect", "that Ronald Reagan appeared unsteady in his first debate", "He", "noted")],
    ),
    (
        "a source hanging on a preposition is the phrase, not its last noun",
        "The “brand members” behind the letter called on the IACC board to address the concerns.",
        [
            (
                "indirect",
                "the IACC board to address the concerns",
                "The “brand members” behind the letter",
                "called on",
            )
        ],
    ),
    (
        "Source: claim, a round-up's line",
        "Headline here\n\nTrump: Cruz Has A Long Way To Go On Ethanol\n\nThe senator spoke.",
        [("indirect", "Cruz Has A Long Way To Go On Ethanol", "Trump", ":")],
    ),
    (
        "seems: the writer's inference, with no source",
        "Headline here\n\nThe senator appears to have changed his mind on the tax bill.",
        [
            (
                "indirect",
                "The senator appears to have changed his mind on the tax bill",
                None,
                "appears",
            )
        ],
    ),
    (
        "X said CLAUSE, a list the tagger stopped at its first comma",
        "Sanders said he and Trump differ on Israel, the Iranian nuclear deal and the Supreme "
        "Court.",
        [
            (
                "indirect",
                "he and Trump differ on Israel, the Iranian nuclear deal and the Supreme Court",
                "Sanders",
                "said",
            )
        ],
    ),
    (
        "X showed CLAUSE, followed by …",
        "The poll showed Trump leading the field with 31 percent, followed by Ted Cruz at 18 "
        "percent.",
        [
            (
                "indirect",
                "Trump leading the field with 31 percent, followed by Ted Cruz at 18 percent",
                "The poll",
                "showed",
            )
        ],
    ),
    (
        "X said CLAUSE, and a verb of the same subject",
        "Clinton said Obama had a super PAC when he ran for president, and took millions of "
        "dollars from donors.",
        [
            (
                "indirect",
                "Obama had a super PAC when he ran for president, and took millions of dollars "
                "from donors",
                "Clinton",
                "said",
            )
        ],
    ),
    (
        "X said WHERE, that CLAUSE: the content starts at its that",
        "Sanders said during a taping of a town hall meeting in Buffalo, New York, that the "
        "state is wrong to ban fracking.",
        [("indirect", "that the state is wrong to ban fracking", "Sanders", "said")],
    ),
    (
        "X said CLAUSE holding a relative that",
        "The union said the company that makes the shoes is closing two plants.",
        [
            (
                "indirect",
                "the company that makes the shoes is closing two plants",
                "The union",
                "said",
            )
        ],
    ),
    (
        "a verb's particle ends the content: not giving up",
        "Rubio told supporters in Miami that he's not giving up, despite trailing behind.",
        [("indirect", "that he's not giving up", "Rubio", "told")],
    ),
    (
        "a cue with no source inside the content is part of it, not a cut",
        "The official said it was totally inappropriate for Ginsburg to criticize Trump.",
        [
            (
                "indirect",
                "it was totally inappropriate for Ginsburg to criticize Trump",
                "The official",
                "said",
            )
        ],
    ),
    (
        "CLAUSE, X say: the source keeps the word before its noun",
        "Many agreements never get tested in court because they scare employees who "
        "signed them into silence, legal experts say.",
        [
            (
                "indirect",
                "Many agreements never get tested in court because they scare employees who "
                "signed them into silence",
                "legal experts",
                "say",
            )
        ],
    ),
    (
        "CLAUSE, said X, APPOSITION: the name after the cue is the source",
        "Federal mandates are a burden that distract from teaching and learning in "
        "schools, said Wilcox, an Orlando Republican who sponsored the bill.",
        [
            (
                "indirect",
                "Federal mandates are a burden that distract from teaching and learning in schools",
                "Wilcox, an Orlando Republican",
                "said",
            )
        ],
    ),
    (
        "CLAUSE, X told HEARER: the hearer is not what was claimed",
        "He had been completing his second year, a school spokesman told The Wall Street Journal.",
        [("indirect", "He had been completing his second year", "a school spokesman", "told")],
    ),
    (
        "CLAUSE, X told HEARER: the content does not run over the source",
        "Shoukair was kind and responsible, a Cairo airport official told The New York Times.",
        [("indirect", "Shoukair was kind and responsible", "a Cairo airport official", "told")],
    ),
    (
        "X said CLAUSE, believing CLAUSE: the shared source does not cut the first away",
        "Allies say that he does not see any need to fully engage either man, believing "
        "that Mrs. Clinton can handle both of them.",
        [
            (
                "indirect",
                "that he does not see any need to fully engage either man",
                "Allies",
                "say",
            ),
            ("indirect", "that Mrs. Clinton can handle both of them", "Allies", "believing"),
        ],
    ),
    (
        "CLAUSE, said X: the phrase after the cue is who spoke",
        "He also had a voice in decisions about major American investments in Ukraine, said "
        "a former spokesman for the president.",
        [
            (
                "indirect",
                "He also had a voice in decisions about major American investments in Ukraine",
                "a former spokesman for the president",
                "said",
            )
        ],
    ),
    (
        "According to LONG SOURCE, CLAUSE: the source runs to the comma before the clause",
        "According to early results of the exit poll conducted by Edison Research for the "
        "Associated Press and Television Networks, Clinton led in both Virginia and Georgia "
        "among both men and women.",
        [
            (
                "indirect",
                "Clinton led in both Virginia and Georgia among both men and women",
                "early results of the exit poll conducted by Edison Research for the "
                "Associated Press and Television Networks",
                "According to",
            )
        ],
    ),
    (
        "According to X, APPOSITION, CLAUSE: the apposition is the source's",
        "According to John Smith, a spokesman for the city, the bridge will reopen in May.",
        [
            (
                "indirect",
                "the bridge will reopen in May",
                "John Smith, a spokesman for the city",
                "According to",
            )
        ],
    ),
    (
        "According to X, RELATIVE, CLAUSE: the relative clause is the source's",
        "According to the report, which was published on Monday, the bridge will reopen in May.",
        [
            (
                "indirect",
                "the bridge will reopen in May",
                "the report, which was published on Monday",
                "According to",
            )
        ],
    ),
    (
        "CLAUSE, according to X, RELATIVE: the content ends before its cue",
        "The company will close the plant in March, according to a report published by the "
        "union, which represents most of the workers.",
        [
            (
                "indirect",
                "The company will close the plant in March",
                "a report published by the union",
                "according to",
            )
        ],
    ),
    (
        "CLAUSE, said X, APPOSITION WHOSE …: the content ends before its cue",
        "That will be true up to a point, said Sherman, a George Washington University "
        "graduate whose aggressiveness has driven other reporters off the beat.",
        [("indirect", "That will be true up to a point", "Sherman", "said")],
    ),
    (
        "SUBJECT, according to X, VERB …: the content broken by its cue stays whole",
        "One of the decisions they have made, according to a person close to the process, "
        "is to turn any attacks into a counterattack.",
        [
            (
                "indirect",
                "One of the decisions they have made, according to a person close to the "
                "process, is to turn any attacks into a counterattack",
                "a person close to the process",
                "according to",
            )
        ],
    ),
    (
        "NOUN which X VERB CLAUSE: the relative pronoun is no part of the source's words",
        "The case is about a law which Beijing has vowed to ignore.",
        [("indirect", "to ignore", "Beijing", "has vowed")],
    ),
    (
        "NOUN that X said CLAUSE: what was claimed starts after the cue",
        "The board withheld some information that government officials said would "
        "compromise national security.",
        [
            (
                "indirect",
                "would compromise national security",
                "government officials",
                "said",
            )
        ],
    ),
    (
        "PRE, X said, CLAUSE - and CLAUSE: the content broken by its cue runs to the end",
        "In a merger, he said, the HP brand would survive - and Fiorina would stay on top.",
        [
            (
                "indirect",
                "In a merger, he said, the HP brand would survive - and Fiorina would stay on top",
                "he",
                "said",
            )
        ],
    ),
    (
        "PRE, X said, CLAUSE, PARTICIPLE: the content broken by its cue runs to the end",
        "Many days, former employees said, she would stay at the office past midnight, "
        "polishing the wording in news releases.",
        [
            (
                "indirect",
                "Many days, former employees said, she would stay at the office past midnight, "
                "polishing the wording in news releases",
                "former employees",
                "said",
            )
        ],
    ),
    (
        "X VERBED NP and VERBED …: the second verb is the source's, not the content's",
        "The governor criticized the new plan and left the room before the vote.",
        [("indirect", "the new plan", "The governor", "criticized")],
    ),
    (
        "X VERBED NP but was …: the second verb is the source's, not the content's",
        "She praised the decision but was careful not to name the judges.",
        [("indirect", "the decision", "She", "praised")],
    ),
    (
        "X called Y Z and he VERBED …: a clause of its own after and",
        "The senator called him a nice guy and he left it at that.",
        [("indirect", "him a nice guy", "The senator", "called")],
    ),
    (
        "X said CLAUSE; CLAUSE: the content ends at the semicolon",
        "The mayor said the bridge would reopen in May; the council has not yet voted on the "
        "repairs.",
        [("indirect", "the bridge would reopen in May", "The mayor", "said")],
    ),
    (
        "X said CLAUSE; VERB …; and VERB …: a list set off by semicolons stays whole",
        "They said the volunteers had spoken at hearings on rezoning plans; helped marshal "
        "protesters for rallies; and put together open-mike nights.",
        [
            (
                "indirect",
                "the volunteers had spoken at hearings on rezoning plans; helped marshal "
                "protesters for rallies; and put together open-mike nights",
                "They",
                "said",
            )
        ],
    ),
    (
        "direct quotes stay as the quote stage found them",
        "The mayor spoke on Monday.\n\n“We will rebuild the bridge this year,” Jane Doe said.",
        [("direct", "“We will rebuild the bridge this year,”", "Jane Doe", "said")],
    ),
]


def test_the_object_of_a_participle_after_a_comma_is_no_source() -> None:
    """ "…, decrying the influence of money": not "…, said a spokesman" turned round."""
    text = (
        "Sanders instead delivered his standard campaign speech, decrying the influence of "
        "big money in politics."
    )
    sources = [source for _, _, source, _ in _claims(text)]
    assert "the influence of big money in politics" not in sources


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in REPORTED], ids=[c[0] for c in REPORTED]
)
def test_reported_speech(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Officials said the storm damaged homes in three counties, and the governor "
            "declared an emergency.",
            "the storm damaged homes in three counties",
        ),
        ("The mayor said the plan was dead, which surprised the council.", "the plan was dead"),
        (
            "The senator said the bill would cut taxes, adding that it would also create jobs.",
            "the bill would cut taxes",
        ),
    ],
)
def test_a_clause_of_its_own_after_the_comma_stays_out_of_the_content(
    text: str, content: str
) -> None:
    assert _claims(text)[0] == ("indirect", content, text.split(" said")[0], "said")


# (name, text): no attribution with a source, whatever the verb.
NOT_REPORTED = [
    ("said in an object relative clause", "The words she said were lost in the noise."),
    ("said nothing", "The man who said nothing left the room early."),
    ("a verb that reports nothing", "The firm has 500 staff and sells shoes in Leeds."),
    (
        "a cue with no one to say it and no passive to hedge it",
        "To remind voters of the plan would cost money.",
    ),
    (
        "a participle with no source of its own",
        "Asked about the vote, the minister left the room.",
    ),
    (
        "a one-word object of a verb that is not one of speaking",
        "Headline here\n\nThe senator endorsed Cruz.",
    ),
    (
        "a colon that opens a list",
        "Headline here\n\nThe plan has three parts: tax, trade and debt.",
    ),
    (
        "in response to: what a statement answers is no claim",
        "The union issued a statement in response to the letter on Tuesday.",
    ),
]


@pytest.mark.parametrize(("text",), [c[1:] for c in NOT_REPORTED], ids=[c[0] for c in NOT_REPORTED])
def test_not_an_attribution(text: str) -> None:
    assert _analysis(text).attributions == ()


def test_a_headline_is_no_attribution() -> None:
    text = "Alibaba says it will expand brand program\n\nThe firm has 500 staff in Leeds."
    assert _analysis(text).title == "Alibaba says it will expand brand program"
    assert _analysis(text).attributions == ()


def test_a_caption_is_no_attribution() -> None:
    text = (
        "Firm to grow\n\nThe firm has 500 staff in Leeds.\n\n"
        "Pictured: Jack Ma said the firm would grow.\n\nIt sells shoes."
    )
    assert _analysis(text).attributions == ()


# (name, text, hedge cue as written, the sourceless claim's content).
HEDGES = [
    (
        "reportedly",
        "The company has reportedly lost two major clients.",
        "reportedly",
        "The company has reportedly lost two major clients",
    ),
    (
        "allegedly",
        "The actor allegedly struck a photographer outside the club.",
        "allegedly",
        "The actor allegedly struck a photographer outside the club",
    ),
    (
        "is said to: a hedge, not a claim by its subject",
        "He is said to be furious about the decision.",
        "is said to",
        "He is said to be furious about the decision",
    ),
    (
        "said to be after a noun",
        "The woman said to be the leader of the group was arrested on Monday.",
        "said to be",
        "The woman said to be the leader of the group was arrested on Monday",
    ),
    (
        "it is understood",
        "It is understood that the talks have stalled.",
        "It is understood",
        "It is understood that the talks have stalled",
    ),
    (
        "agentless report",
        "The bank has been criticized for its handling of the crisis.",
        "has been criticized",
        "The bank has been criticized for its handling of the crisis",
    ),
]


@pytest.mark.parametrize(
    ("text", "cue", "content"), [c[1:] for c in HEDGES], ids=[c[0] for c in HEDGES]
)
def test_hedges_and_their_sourceless_claims(text: str, cue: str, content: str) -> None:
    analysis = _analysis(text)
    assert [(text[h.start : h.end], h.cue) for h in analysis.hedges] == [(cue, cue)]
    [claim] = analysis.attributions
    assert (claim.kind, text[claim.start : claim.end], claim.source, claim.source_kind) == (
        "indirect",
        content,
        None,
        None,
    )


def test_according_to_reports_is_a_hedge_with_an_unnamed_source() -> None:
    text = "The company is to close its plant, according to reports."
    analysis = _analysis(text)
    assert [h.cue for h in analysis.hedges] == ["according to reports"]
    [claim] = analysis.attributions
    assert (text[claim.start : claim.end], claim.source_kind) == (
        "The company is to close its plant",
        "unnamed",
    )


def test_a_named_agent_is_no_hedge() -> None:
    text = "The bank has been criticized by regulators for its handling of the crisis."
    assert _analysis(text).hedges == ()


def test_a_quoted_hedge_is_the_speaker_s_own() -> None:
    text = "The talks went on.\n\n“The firm has reportedly lost two clients,” Jane Doe said."
    assert _analysis(text).hedges == ()


def _kind_of(text: str, source: str) -> str | None:
    found: list[Attribution] = [
        a
        for a in _analysis(text).attributions
        if a.source_span is not None and a.source_span.text(text) == source
    ]
    assert found, _claims(text)
    return found[0].source_kind


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        (
            "People familiar with the matter said the deal would be announced on Monday.",
            "People familiar with the matter",
            "unnamed",
        ),
        (
            "A source close to the talks said an agreement was near.",
            "A source close to the talks",
            "unnamed",
        ),
        ("Officials said the bridge would reopen next week.", "Officials", "described"),
        (
            "An Alibaba spokeswoman said the program was being expanded.",
            "An Alibaba spokeswoman",
            "described",
        ),
    ],
)
def test_source_kinds(text: str, source: str, kind: str) -> None:
    assert _kind_of(text, source) == kind


def test_a_name_with_an_apposition_is_a_named_source() -> None:
    text = "According to John Smith, a spokesman for the city, the bridge will reopen in May."
    (claim,) = _analysis(text).attributions
    assert (claim.source, claim.source_kind) == ("John Smith", "named")


def test_a_description_with_a_name_in_it_is_no_other_organisation() -> None:
    text = (
        "He supported a bill that protected the Minute Men, a civilian group. "
        "The Sanders campaign said the vote was about workers."
    )
    (claim,) = [a for a in _analysis(text).attributions if a.cue == "said"]
    assert claim.source == "The Sanders campaign"


def test_a_company_description_resolves_to_the_company_named_before() -> None:
    text = (
        "Alibaba Group said its program is being expanded. "
        "The e-commerce giant said it will no longer charge companies a fee."
    )
    claims = _analysis(text).attributions
    assert [(a.source, a.source_kind) for a in claims] == [
        ("Alibaba Group", "named"),
        ("Alibaba Group", "named"),
    ]
    assert claims[1].source_span is not None
    assert claims[1].source_span.text(text) == "The e-commerce giant"
