"""The attribution stage's span index finds exactly what a pass over every span finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from byline.analysis.quotes.claims import _SpanIndex

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 15)).map(lambda p: (p[0], p[0] + p[1]))


@given(
    st.lists(st.one_of(st.none(), _SPAN), max_size=12),
    st.integers(-5, 80),
    st.integers(0, 20),
)
def test_overlapping_equals_a_scan_of_every_span(
    spans: list[tuple[int, int] | None], start: int, length: int
) -> None:
    end = start + length
    expected = [i for i, s in enumerate(spans) if s is not None and s[0] < end and start < s[1]]
    assert _SpanIndex(spans).overlapping(start, end) == expected
