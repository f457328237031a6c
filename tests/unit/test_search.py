"""Find-in-article: ``tui/search.py``'s plain functions, no terminal."""

from __future__ import annotations

from byline.tui.search import MAX_SEARCH_MATCHES, Matches, find_matches

TEXT = "Lopez said. LOPEZ said again (twice). lopez? Not lopezian... a.b a+b"


def test_matches_ignore_case_and_are_offsets_into_the_text() -> None:
    spans = find_matches(TEXT, "lopez")
    assert [TEXT[s:e] for s, e in spans] == ["Lopez", "LOPEZ", "lopez", "lopez"]
    assert spans == sorted(spans)


def test_the_query_is_literal_text_not_a_pattern() -> None:
    assert [TEXT[s:e] for s, e in find_matches(TEXT, "a.b")] == ["a.b"]
    assert [TEXT[s:e] for s, e in find_matches(TEXT, "(twice)")] == ["(twice)"]
    assert [TEXT[s:e] for s, e in find_matches(TEXT, "a+b")] == ["a+b"]
    dots = TEXT.index("...")
    assert find_matches(TEXT, "...") == [(dots, dots + 3)]  # not "any three characters"


def test_blank_queries_find_nothing() -> None:
    assert find_matches(TEXT, "") == []
    assert find_matches(TEXT, "   ") == []


def test_at_most_limit_matches() -> None:
    many = "a" * (MAX_SEARCH_MATCHES + 50)
    assert len(find_matches(many, "a")) == MAX_SEARCH_MATCHES
    assert find_matches("xxxx", "x", limit=2) == [(0, 1), (1, 2)]


def test_the_first_match_is_the_first_below_the_top_of_the_view() -> None:
    spans = [(0, 5), (12, 17), (40, 45)]
    assert Matches.starting_at(spans, 0).current == 0
    assert Matches.starting_at(spans, 1).current == 1
    assert Matches.starting_at(spans, 12).current == 1  # a match at the top line counts
    assert Matches.starting_at(spans, 41).current == 0  # none below: the first of all
    on = Matches.starting_at(spans, 13)
    assert on.spans == tuple(spans) and on.current_span == (40, 45)


def test_next_match_wraps_and_no_match_stays_put() -> None:
    matches = Matches(((0, 1), (5, 6)), 0)
    assert matches.following().current == 1
    assert matches.following().following() == matches
    nothing = Matches.starting_at([], 10)
    assert (nothing.current, nothing.current_span) == (-1, None)
    assert nothing.following() == nothing
