"""The sample article reads right end to end (the acceptance checks of the reader)."""

from __future__ import annotations

from functools import cache

from byline.analysis import Analysis
from byline.analysis.pipeline import analyze
from byline.resources import sample_article


@cache
def _sample() -> Analysis:
    return analyze(sample_article().read_text(encoding="utf-8"))


def _entity_names() -> dict[str, tuple[str, int]]:
    return {e.name: (e.type, len(e.mentions)) for e in _sample().entities}


def test_alibaba_is_one_entity_with_all_mentions() -> None:
    alibabas = [e for e in _sample().entities if "Alibaba" in e.name]
    assert len(alibabas) == 1
    assert alibabas[0].type == "ORG"
    assert len(alibabas[0].mentions) >= 18


def _mentioned_as() -> dict[str, str]:
    """Each mention's words -> the name of the entity it was merged into."""
    analysis = _sample()
    return {m.text(analysis.text): e.name for e in analysis.entities for m in e.mentions}


def test_expected_entities_are_found() -> None:
    mentioned = _mentioned_as()
    for expected in (
        "IACC",
        "Jack Ma",
        "Michael Kors",
        "Gucci",
        "Chanel",
        "Hugo Boss",
        "Nike",
        "Orlando",
        "WASHINGTON",
    ):
        assert expected in mentioned, f"{expected} missing from {sorted(mentioned)}"
    assert _entity_names()["Jack Ma"][0] == "PER"


def test_acronym_and_full_name_are_one_entity() -> None:
    mentioned = _mentioned_as()
    assert mentioned["IACC"] == "International Anticounterfeiting Coalition"


def test_no_sentence_initial_words_as_names() -> None:
    names = set(_entity_names())
    assert not names & {"Did", "Let", "Rather", "The", "We", "She", "While", "Every", "Since"}


def test_page_furniture_is_not_story() -> None:
    analysis = _sample()
    body = analysis.text[analysis.body.start : analysis.body.end]
    assert "Disqus" not in body and "load comments" not in body
    assert analysis.title is None


def test_summary_is_in_article_order_and_ranks_are_a_permutation() -> None:
    analysis = _sample()
    assert sorted(s.rank for s in analysis.sentences) == list(range(1, len(analysis.sentences) + 1))
    assert list(analysis.summary) == sorted(analysis.summary) and analysis.summary
    assert analysis.summary_of(3) == tuple(sorted(analysis.summary_of(3)))


def test_quotes_and_speakers_with_the_shipped_models() -> None:
    from tests.unit.test_quotes import SAMPLE_SPEAKERS

    analysis = _sample()
    assert len(analysis.quotes) == len(SAMPLE_SPEAKERS) == 14
    for quote, (opening, speaker) in zip(analysis.quotes, SAMPLE_SPEAKERS, strict=True):
        assert analysis.text[quote.start : quote.end].startswith(opening)
        assert quote.speaker is not None and speaker in quote.speaker, (opening, quote.speaker)


def _claims() -> list[tuple[str, str, str | None, str | None, str | None]]:
    """Each attribution as (kind, content, source, source kind, cue)."""
    analysis = _sample()
    return [
        (a.kind, analysis.text[a.start : a.end], a.source, a.source_kind, a.cue)
        for a in analysis.attributions
    ]


def test_hedges_are_found() -> None:
    analysis = _sample()
    assert [h.cue for h in analysis.hedges] == [
        "is said to",
        "reportedly",
        "reportedly",
        "has been criticized",
    ]
    assert all(analysis.text[h.start : h.end] == h.cue for h in analysis.hedges)


def test_reported_claims_and_their_sources() -> None:
    claims = _claims()
    expected = [
        (
            "indirect",
            "The International Anticounterfeiting Coalition is said to be facing the threat "
            "of an exodus of a majority of its brand members over Alibaba Group having joined",
            "an anonymous e-mail letter",
            "unnamed",
            "according to",
        ),
        (
            "indirect",
            "The IACC has reportedly lost two major brands in the past two weeks — Michael "
            "Kors and Gucci — in protest over Alibaba’s membership",
            None,
            None,
            "reportedly",
        ),
        (
            "indirect",
            "Tiffany & Co. has reportedly withdrawn its membership\xa0as well",
            None,
            None,
            "reportedly",
        ),
        (
            "indirect",
            "the IACC board to address a long list of concerns",
            "The “brand members” behind the letter",
            "described",
            "called on",
        ),
        (
            "mixed",
            "that Alibaba applauds the “IACC’s approach to include market intermediaries in "
            "the fight against counterfeits.”",
            "an Alibaba spokeswoman",
            "described",
            "went on to say",
        ),
        (
            "indirect",
            "its IACC MarketSafe Program, an initiative it started in 2013,\xa0is being "
            "expanded so that more brands can participate",
            "Alibaba Group",
            "named",
            "said",
        ),
        (
            "indirect",
            "it will no longer charge companies a fee for the program and brands will no "
            "longer be required to provide evidence to support intellectual-property "
            "infringement complaints",
            "Alibaba Group",
            "named",
            "said",
        ),
        (
            "indirect",
            "Since the MarketSafe program’s launch, nearly 5,000 sellers’ storefronts have "
            "been closed on Alibaba’s marketplaces, while more than 180,000 infringing "
            "product listings have been removed",
            "Alibaba Group",
            "named",
            "said",
        ),
    ]
    for claim in expected:
        assert claim in claims, claim
    # "The e-commerce giant hit back at …" is the organisation named before it, not "its
    # Taobao platform" between them; the "on" of "on Thursday" is no content
    hit_back = [c for c in claims if c[4] == "hit back at"]
    assert hit_back == [
        (
            "indirect",
            "some of the criticism being leveled against it",
            "Alibaba Group",
            "named",
            "hit back at",
        )
    ]


def test_a_statement_in_response_to_the_letter_claims_nothing() -> None:
    analysis = _sample()
    at = analysis.text.index("issued a statement in response to the letter")
    sentence_end = analysis.text.index(".", at)
    assert not [a for a in analysis.attributions if at <= a.start < sentence_end]


def test_every_quote_is_a_direct_claim_but_the_one_reported_around() -> None:
    analysis = _sample()
    direct = [(a.start, a.end, a.source_span) for a in analysis.attributions if a.kind == "direct"]
    mixed = [a for a in analysis.attributions if a.kind == "mixed"]
    kept = [
        (q.start, q.end, q.speaker_span)
        for q in analysis.quotes
        if not any(m.start <= q.start and q.end <= m.end for m in mixed)
    ]
    assert direct == kept
    assert len(kept) == len(analysis.quotes) - 1
    starts = [a.start for a in analysis.attributions]
    assert starts == sorted(starts)


def _types() -> dict[str, str]:
    """Each mention's words -> the type of the entity it was merged into."""
    analysis = _sample()
    return {m.text(analysis.text): e.type for e in analysis.entities for m in e.mentions}


BRANDS = (
    "Michael Kors",
    "Gucci",
    "Tiffany & Co.",
    "Chanel",
    "Coach",
    "Hugo Boss",
    "L’Oréal",
    "Nike",
    "Apple",
)


def test_every_brand_is_an_organisation() -> None:
    types = _types()
    wrong = {brand: types.get(brand) for brand in BRANDS if types.get(brand) != "ORG"}
    assert not wrong, wrong


def test_taobao_people_and_places() -> None:
    types = _types()
    assert types.get("Taobao") in ("ORG", "MISC")
    assert types["Jack Ma"] == "PER"
    assert types["WASHINGTON"] == "LOC"
    assert types["Orlando"] == "LOC"


def test_the_marketsafe_programme_is_one_entity() -> None:
    # "IACC MarketSafe Program", "the MarketSafe program's launch", "the Marketsafe
    # program" are one programme ("the new Marketsafe Expansion program" extends it).
    mentioned = _mentioned_as()
    programme = [w for w in mentioned if "marketsafe" in w.lower() and "Expansion" not in w]
    assert len(programme) >= 3, sorted(mentioned)
    assert len({mentioned[words] for words in programme}) == 1, programme
