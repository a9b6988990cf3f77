"""The compiled loops of parsing against their pure-Python twins: a story's paragraphs
(`paragraph_spans`, newslint.segment._paragraphs' loop over `_INDENTED_LINE` and `_trim`) and
its line starts (`line_starts`, newslint.span._line_starts), on the cases that decide a cut
(indented lines, white space of every kind at a piece's edges, a break at a block's end, texts
of one, two and four bytes a character) and on random texts."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import native as chooser
from newslint import segment, span
from newslint.span import Span

compiled = chooser.native
needs_compiled = pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")

PIECES = st.sampled_from([*"\n \t\r\x0b\x0c\u00a0\u2003\u2028aZ.é𝄞", "\n ", "\n\t", "\n\n", "Word"])


def _paragraphs_both(text: str, blocks: list[Span]) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    found = segment._paragraphs(text, blocks)
    saved = segment.native
    segment.native = None
    try:
        return found, segment._paragraphs(text, blocks)
    finally:
        segment.native = saved


@needs_compiled
@pytest.mark.parametrize(
    "text",
    [
        "HEADLINE\n\n    First paragraph\nwraps here.\n    Second one\n\tThird, tabbed.  \n",
        "One block\n \n  \t\nA line\n\u00a0not a cut: no-break space\n \u2003spaces inside \n ",
        "Ends on a break\n",
        "Zürich\n  𝄞 music\n  end",
    ],
)
def test_the_compiled_paragraphs_are_the_twins_on_the_cases_that_decide_a_cut(text):
    for blocks in (segment._blocks(text, []), [Span(0, len(text))], [Span(1, len(text) - 1)]):
        found, expected = _paragraphs_both(text, blocks)
        assert found == expected
        assert all(type(p) is Span for p in found)


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.data())
def test_the_compiled_paragraphs_are_the_twins(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    blocks = [Span(cuts[0], cuts[1]), Span(cuts[2], cuts[3]), *segment._blocks(text, [])]
    found, expected = _paragraphs_both(text, blocks)
    assert found == expected


@needs_compiled
def test_the_compiled_paragraphs_refuse_a_block_outside_the_text():
    with pytest.raises(ValueError):
        compiled.paragraph_spans("abc", Span, [0], [4])


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_compiled_line_starts_are_the_twins(text):
    expected = list(span._line_starts(text))
    assert list(span.line_offsets(text)) == expected
    assert span.line_offsets(text).typecode == span.offsets((), len(text)).typecode
    wide = array("q")
    wide.frombytes(compiled.line_starts(text, wide.itemsize))
    assert list(wide) == expected
    assert span.LineIndex(text).starts == span.offsets(expected, len(text))


def test_line_starts_without_the_compiled_loop(monkeypatch):
    monkeypatch.setattr(span, "native", None)
    assert list(span.line_offsets("a\n\nb\n")) == [0, 2, 3, 5]
    assert list(span.line_offsets("")) == [0]
