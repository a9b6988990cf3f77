"""The sentence split read from the compiled `sentence_spans`: the same sentences as its
pure-Python twin (the loop over `sentence_ends` in newslint.segment._sentences), on the cases
that decide a cut (closing quotes, an opening mark before the capital, abbreviations and
initials, letters whose lowercase is another, white space of every kind, a dateline that
reaches past its paragraph) and on random paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import native as chooser
from newslint import segment
from newslint.span import Span

compiled = chooser.native
needs_compiled = pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")

PIECES = st.sampled_from(
    [*".!?\"”’')]“‘([ \n\taZ09xÉé\u00a0\u2003\u0130", "Mr", "U.S", "Jan", "approx", "\u212ag", "e.g", "The"]
)


def _both(text: str, paragraphs: tuple[Span, ...], dateline: Span | None) -> tuple[list[Span], list[Span]]:
    compiled_found = list(segment._sentences(text, None, paragraphs, dateline))
    saved = segment.native
    segment.native = None
    try:
        return compiled_found, list(segment._sentences(text, None, paragraphs, dateline))
    finally:
        segment.native = saved


@needs_compiled
@pytest.mark.parametrize(
    "text",
    [
        '"We are done." Then he left. (He was tired.) It rained!',
        "Mr. Smith met Dr. Jones on Jan. 5 in the U.S. capital. J. R. Brown, of Acme Inc., left.",
        "Shares rose 2.5 pct. to a record, said e.g. analysts. Approx. 5 left.",
        "It fell 5\u212ag. Then... “Quoted.” ‘Single.’ [Bracket.] \u2003Next?! 9 more.\u00a0End",
    ],
)
def test_the_compiled_split_is_the_twins_on_the_cases_that_decide_a_cut(text):
    whole = (Span(0, len(text)),)
    found, expected = _both(text, whole, None)
    assert found == expected
    assert len(found) >= 2  # a case that cuts nowhere would test little
    found, expected = _both(text, whole, Span(0, 4))  # a dateline's end, then the rest
    assert found == expected
    assert found[0].start >= 4


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.data())
def test_the_compiled_split_is_the_twin(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    paragraphs = (Span(cuts[0], cuts[1]), Span(cuts[2], cuts[3]))
    dateline = data.draw(st.none() | st.integers(cuts[0], len(text)).map(lambda end: Span(cuts[0], end)))
    found, expected = _both(text, paragraphs, dateline)
    assert found == expected
