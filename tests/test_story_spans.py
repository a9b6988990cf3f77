"""A plain story's parts from the one compiled call `story_spans` (and `plain_story`, with its hints
and tickers) (headline, dateline, paragraphs,
sentences and quotations, as newslint.segment.parse reads a plain-text story with nothing to
skip): the same spans as its pure-Python twin, `segment.story_spans` with the compiled loops
off, on the cases that decide a part (a headline's length, lines, words, letters and case; a
dateline's capital and dash; indented lines; quotation marks across paragraphs; blocked spans)
and on random stories."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import native as chooser
from newslint import quotations, segment
from newslint.document import SpanSet
from newslint.span import Span
from tests.depth import examples

compiled = chooser.native
needs_compiled = pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")

Parts = tuple[Span | None, Span | None, tuple[Span, ...], tuple[Span, ...], tuple[Span, ...]]


def _compiled(text: str, blocked: SpanSet | None = None, dateline_at=segment.dateline_at) -> Parts:
    spans = blocked.spans if blocked else ()
    found: Parts = compiled.story_spans(
        text, Span, spans, segment._ABBREVIATIONS, dateline_at, segment.MAX_HEADLINE_CHARS
    )
    return found


def _twin(text: str, blocked: SpanSet | None = None) -> Parts:
    """`segment.story_spans` with every compiled loop off (the quotations' too)."""
    saved = segment.native, quotations.native
    segment.native = quotations.native = None
    try:
        return segment.story_spans(text, blocked)
    finally:
        segment.native, quotations.native = saved


# Headlines: one word or two, in capitals or not (one letter of each case, a title-case letter, a
# capital of two bytes), ending in a full stop or colon or not, no letter at all, too long.
HEADLINES = [
    "Markets rally",
    "MARKETS",
    "Markets",
    "A",
    "a",
    "ǅ",
    "É",
    "1",
    "OIL FALLS.",
    "Oil falls.",
    "Oil falls:",
    "ÉTÉ CHAUD:",
    "ǅUNGLA KING.",
    "12 34",
    "x" * 200 + " y",
    "Word " + "x" * 195,
    "Two\nlines",
    "Tab\theaded",
    "Zürich wins",
    "ⒶⒷ Ⓒ",  # capitals (str.isupper) that are no letters (str.isalpha)
    "Ⅻ",
    "x\u0345 y.",  # a lowercase mark (str.islower) that is no letter
]


@needs_compiled
@pytest.mark.parametrize("headline", HEADLINES)
@pytest.mark.parametrize(
    "body",
    [
        'WASHINGTON (Reuters) - Shares rose. "We are done," he said.\n\nMr. Smith left. It rained!',
        "KYIV, Ukraine — The talks “ended.”\n    An indented paragraph.\n    Another 'one'.",
        "US - China talks. Nothing more",
        "NATO - the alliance met.",
        "lowercase - dash first",
        "",
    ],
)
def test_the_compiled_parts_are_the_twins_on_the_cases_that_decide_them(headline, body):
    text = f"{headline}\n\n{body}\n"
    assert _compiled(text) == _twin(text)


def test_the_cases_decide_something():
    """A headline taken and one refused, a dateline found: the cases above are not all alike."""
    assert segment.story_spans("Markets rally\n\nBody text.", None)[0] == Span(0, 13)
    assert segment.story_spans("Oil falls.\n\nBody text.", None)[0] is None
    found = segment.story_spans("Oil prices\n\nWASHINGTON (Reuters) - Shares rose.", None)
    assert found[0] == Span(0, 10)
    assert found[1] == Span(12, 34)


STORY_PIECES = st.sampled_from(
    [*"\n \t.!?\"”“’‘'«»()[]:—–-aZxÉéǅ1\u00a0\u2003𝄞", "\n\n", "\n    ", "\n\t", "Mr", "U.S", "The", "said"]
    + ["WASHINGTON", " (Reuters) - ", "KYIV, Ukraine — ", "HEADLINE", "Head line", ". ", '."', "don't"]
)


@needs_compiled
@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(STORY_PIECES, max_size=40).map("".join), st.data())
def test_the_compiled_parts_are_the_twins(text, data):
    """Blocks, headline, paragraphs, dateline, sentences and quotations of random stories, in texts
    of one, two and four bytes a character, with blocked spans (tickers, URLs) or none."""
    edges = data.draw(st.lists(st.integers(0, len(text)), max_size=6))
    blocked = SpanSet([Span(min(a, b), max(a, b)) for a, b in zip(edges[::2], edges[1::2], strict=False)])
    found = _compiled(text, blocked if blocked else None)
    assert found == _twin(text, blocked if blocked else None)
    assert all(type(s) is Span for part in found[2:] for s in part)


@needs_compiled
def test_the_compiled_parts_ask_the_dateline_only_where_one_may_open():
    """`dateline_at` is asked of the first paragraph where it opens with a capital and holds a
    dash with white space after it, and its answer is the dateline the sentences are read after."""
    asked = []

    def dateline_at(text: str, start: int, end: int) -> Span | None:
        asked.append((start, end))
        return Span(start, start + 4)

    assert _compiled("Head line\n\nlower - case", None, dateline_at)[1] is None
    assert _compiled("Head line\n\nNo dash here", None, dateline_at)[1] is None
    assert _compiled("Head line\n\nLarger-than-expected gains -", None, dateline_at)[1] is None
    assert asked == []  # (both patterns end in a dash and white space)
    found = _compiled("Head line\n\nABCD - Then it fell.", None, dateline_at)
    assert asked == [(11, 31)]
    assert found[1] == Span(11, 15)
    assert found[3] == (Span(0, 9), Span(16, 31))


@needs_compiled
def test_the_compiled_parts_refuse_what_is_not_a_story():
    with pytest.raises(TypeError):
        compiled.story_spans("a", int, (), segment._ABBREVIATIONS, segment.dateline_at, 200)
    with pytest.raises(TypeError):
        compiled.story_spans("a", Span, (), [], segment.dateline_at, 200)
    with pytest.raises(TypeError):
        compiled.story_spans("a", Span, (), segment._ABBREVIATIONS, None, 200)
    with pytest.raises(TypeError):
        compiled.story_spans("a", Span, [1], segment._ABBREVIATIONS, segment.dateline_at, 200)
    with pytest.raises(TypeError):  # a dateline that is no span
        compiled.story_spans("A - b", Span, (), segment._ABBREVIATIONS, lambda *a: 1, 200)
    with pytest.raises(ZeroDivisionError):  # the dateline's own error
        compiled.story_spans("A - b", Span, (), segment._ABBREVIATIONS, lambda *a: 1 / 0, 200)


# Pieces that hold the rare hints (a comment, @, #, an address, a column gap, a [sic] mark) and
# tickers, among those of a story.
PLAIN_PIECES = STORY_PIECES | st.sampled_from(
    ["<!--", "@", "#", "www.", ".com", "  ", "\t", "[sic]", "(sic)", "<IBM.N>", "(AAPL.O)", "(dpa)", "<", "("]
    + [";", "\\", "<p>", "</b>", "é"]  # damage's marks: the hint bit that leaves a story plain
)


def _plain_twin(text: str) -> segment.PlainStory | None:
    saved = segment.native, quotations.native
    segment.native = quotations.native = None
    try:
        return segment.plain_story(text)
    finally:
        segment.native, quotations.native = saved


@needs_compiled
@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(PLAIN_PIECES, max_size=30).map("".join))
def test_the_compiled_plain_story_is_the_twins(text):
    """`plain_story` answers None for a story with a rare hint but [sic]'s (the repairs' damage
    bit is no parse hint), and for any other its hints, its tickers and the parts `story_spans`
    finds with them blocked, as its twin does."""
    found = compiled.plain_story(
        text, Span, segment._ABBREVIATIONS, segment.dateline_at, segment.MAX_HEADLINE_CHARS
    )
    assert found == _plain_twin(text)
    hints = segment.story_hints(text)
    assert (found is None) is bool(hints & ~(segment.SIC_HINT | segment.DAMAGE_HINT))
    if found is not None:
        tickers = [Span(m.start(), m.end()) for m in segment._tickers(text)]
        assert found[:2] == (hints, tickers)
        assert found[2:] == _twin(text, SpanSet(tickers) if tickers else None)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ('Oil rises\n\nShares of IBM <IBM.N> rose. "Good (sic) news," he said.', True),
        ("Oil rises\n\nMail me@example.com today.", False),
        ("Oil rises\n\nTable  with a gap.", False),
    ],
)
def test_a_plain_story_is_parsed_as_before(text, plain):
    """`parse` reads a story through `plain_story` where it is plain, through the regions where it
    is not, and both give the document the spans the general path finds."""
    assert (segment.plain_story(text) is not None) is plain
    doc = segment.parse(text)
    regions = segment._regions(text, "text", doc.lines)
    kept = [r.span for r in regions if r.kind is not segment.RegionKind.TABLE]
    expected = _twin(text, SpanSet(kept) if regions else None)
    assert (doc.headline, doc.dateline, doc.paragraphs, doc.sentences, doc.quotations) == expected
    assert doc.regions == tuple(regions)
