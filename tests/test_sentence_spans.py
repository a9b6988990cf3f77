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
from tests.depth import examples

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
@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.data())
def test_the_compiled_split_is_the_twin(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    paragraphs = (Span(cuts[0], cuts[1]), Span(cuts[2], cuts[3]))
    dateline = data.draw(st.none() | st.integers(cuts[0], len(text)).map(lambda end: Span(cuts[0], end)))
    found, expected = _both(text, paragraphs, dateline)
    assert found == expected


@needs_compiled
def test_the_compiled_split_reads_the_paragraphs_and_dateline_as_spans():
    text = "ROME (Reuters) - It rained. Then it stopped.\n\nNext one. Done."
    paragraphs = (Span(0, 44), Span(46, len(text)))
    expected = [Span(17, 27), Span(28, 44), Span(46, 55), Span(56, len(text))]
    for given_paragraphs in (paragraphs, list(paragraphs)):
        found = compiled.sentence_spans(text, Span, given_paragraphs, Span(0, 16), segment._ABBREVIATIONS)
        assert found == expected
        assert all(type(s) is Span for s in found)
    # a dateline that opens no paragraph changes nothing
    found = compiled.sentence_spans(text, Span, paragraphs, Span(1, 16), segment._ABBREVIATIONS)
    assert found[0] == Span(0, 27)
    for dateline in ((1,), "ab", 5):
        with pytest.raises(TypeError):
            compiled.sentence_spans(text, Span, paragraphs, dateline, segment._ABBREVIATIONS)
    with pytest.raises(ValueError):
        compiled.sentence_spans(text, Span, [Span(0, len(text) + 1)], None, segment._ABBREVIATIONS)


FILLER = "Filler. " * 40  # offsets past the small ints Python shares anyway


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.data())
def test_a_sentence_that_is_its_whole_paragraph_is_the_paragraphs_own_span(story, data):
    """A big file's one-sentence paragraphs hold one span each, not two: a sentence equal to its
    paragraph is the paragraph's span object (compiled and twin), and a compiled sentence that
    starts or ends where its paragraph does shares that offset's int."""
    text = FILLER + story
    cuts = sorted(data.draw(st.lists(st.integers(len(FILLER), len(text)), min_size=4, max_size=4)))
    paragraphs = (Span(cuts[0], cuts[1]), Span(cuts[2], cuts[3]))
    compiled_found, twin_found = _both(text, paragraphs, None)
    for found in (compiled_found, twin_found):
        for s in found:
            assert all(s is p for p in paragraphs if s == p)
    for s in compiled_found:
        p = next(p for p in paragraphs if p.start <= s.start and s.end <= p.end)
        assert (s.start is p.start) is (s.start == p.start)
        assert (s.end is p.end) is (s.end == p.end)


@needs_compiled
def test_one_sentence_paragraphs_share_their_spans_when_parsed():
    doc = segment.parse(FILLER + "\n\nIt rained.\n\nThen it stopped. The sun came out.\n")
    shared = [s for s in doc.sentences if any(s is p for p in doc.paragraphs)]
    assert [doc.slice(s) for s in shared] == ["It rained."]
