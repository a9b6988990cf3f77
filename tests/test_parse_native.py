"""The compiled loops of parsing against their pure-Python twins: a story's paragraphs
(`paragraph_spans`, newslint.segment._paragraphs' loop over `_INDENTED_LINE` and `_trim`) and
its line starts (`line_starts`, newslint.span._line_starts), on the cases that decide a cut
(indented lines, white space of every kind at a piece's edges, a break at a block's end, texts
of one, two and four bytes a character) and on random texts."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import native as chooser
from newslint import quotations, segment, span
from newslint.document import SpanSet
from newslint.reading import Reading
from newslint.repairs import entities
from newslint.span import Span
from tests.depth import examples

compiled = chooser.native
needs_compiled = pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")
T = TypeVar("T")

PIECES = st.sampled_from([*"\n \t\r\x0b\x0c\u00a0\u2003\u2028aZ.é𝄞", "\n ", "\n\t", "\n\n", "Word"])


def _compiled_and_twin(find: Callable[..., T], *args: object) -> tuple[T, T]:
    """What `find` (a function of newslint.segment) answers with the compiled loops, and without."""
    found = find(*args)
    saved = segment.native
    segment.native = None
    try:
        return found, find(*args)
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
        found, expected = _compiled_and_twin(segment._paragraphs, text, blocks)
        assert found == expected
        assert all(type(p) is Span for p in found)


@needs_compiled
@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.data())
def test_the_compiled_paragraphs_are_the_twins(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    blocks = [Span(cuts[0], cuts[1]), Span(cuts[2], cuts[3]), *segment._blocks(text, [])]
    found, expected = _compiled_and_twin(segment._paragraphs, text, blocks)
    assert found == expected


@needs_compiled
def test_the_compiled_paragraphs_refuse_a_block_outside_the_text():
    with pytest.raises(ValueError):
        compiled.paragraph_spans("abc", Span, [Span(0, 4)])


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
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


@needs_compiled
@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.data())
def test_the_compiled_blocks_are_the_twins(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    skip = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    found, expected = _compiled_and_twin(segment._blocks, text, skip)
    assert found == expected
    assert all(type(b) is Span for b in found)


@needs_compiled
@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(PIECES | st.sampled_from(["  ", "\t", " \t ", "x  y", "a\tb"]), max_size=30).map("".join))
def test_the_compiled_column_gap_is_the_patterns_search(text):
    assert compiled.column_gap(text) is (segment._COLUMN_GAP.search(text) is not None)


GAP_ROWS = st.lists(
    st.sampled_from(
        ["    Indented paragraph", "Prose line", "ONE  1.5  2.5", "a\tb", "  x  ", "04/09/87  03/09/87"]
    ),
    max_size=8,
).map("\n".join)


@settings(max_examples=examples(500), deadline=None)
@given(GAP_ROWS | st.lists(PIECES, max_size=30).map("".join))
def test_a_text_without_a_column_gap_has_no_table_line(text):
    """`_tables` returns early when `_COLUMN_GAP` matches nowhere: no line can then be a table
    line, as its line-by-line reading finds."""
    if segment._COLUMN_GAP.search(text) is None:
        assert not any(segment._table_strength(row) for row in text.split("\n"))
        assert list(segment._tables(text, span.LineIndex(text))) == []


DATELINE_PIECES = st.sampled_from(
    [
        "WASHINGTON",
        "KYIV",
        ", Ukraine",
        " (Reuters)",
        " (AP)",
        " - ",
        " — ",
        " – ",
        "--",
        " ",
        "Feb 26",
        "x",
        "The",
    ]
)


def _plain_dateline(text: str) -> Span | None:
    head = text[:120]
    m = segment._AGENCY_DATELINE.match(head) or segment._DATELINE.match(head)
    if not m:
        return None
    found = m.group(0).rstrip()
    if not any(c in found for c in ",(") and sum(c.isalpha() for c in found) < 3:
        return None
    return Span(0, len(found))


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(DATELINE_PIECES, max_size=10).map("".join))
def test_the_dateline_found_after_its_early_exit_is_the_patterns(text):
    assert segment.dateline_at(text, 0) == _plain_dateline(text)


SIC_PIECES = st.sampled_from(
    ["word", " ", "[sic]", "(sic)", "[SIC]", "(Sic)", "sic", "c)", "C]", "ſic)", "\u0130", '"']
)


def _plain_sic(text: str) -> list[Span]:
    found = []
    for mark in segment._SIC_HINT.finditer(text):
        start = mark.start()
        while start > 0 and segment._BEFORE_SIC.match(text, start - 1):
            start -= 1
        found.extend(Span(m.start(1), m.end()) for m in segment._SIC.finditer(text, start, mark.end()))
    return found


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(SIC_PIECES, max_size=12).map("".join))
def test_the_sic_marks_found_after_the_early_exits_are_the_patterns(text):
    assert list(segment._sic_spans(text)) == _plain_sic(text)


# The hints' marks and letters, in every case and in the letters that fold to ASCII ones (İ and ı
# for i, ſ for s, the Kelvin sign for k), beside word characters of one, two and four bytes.
HINT_PIECES = st.sampled_from(
    [*"./:([)]_ xé٣𝄞", "://", "www", "WwW", "com", "CoM", "int", "İnt", "ınfo", "io", "biz", "u\u212a", "uk"]
    + ["sic", "SIC", "ſic", "sİc", "sıc", "net", "org", "gov", "edu", "mil", "info", "in", "s", "c"]
)


@needs_compiled
@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(HINT_PIECES, max_size=16).map("".join))
def test_the_compiled_hints_are_the_patterns_searches(text):
    """`url_hint` and `sic_hint` answer as `_URL_HINT`'s and `_SIC_HINT`'s searches, and the
    twins' substring tests are true wherever they are."""
    assert compiled.url_hint(text) is (segment._URL_HINT.search(text) is not None)
    assert compiled.sic_hint(text) is (segment._SIC_HINT.search(text) is not None)
    saved = segment.native
    segment.native = None
    try:
        assert segment._may_hold_url(text) or not compiled.url_hint(text)
        assert segment._may_hold_sic(text) or not compiled.sic_hint(text)
    finally:
        segment.native = saved


@needs_compiled
@pytest.mark.parametrize(
    "around", ["x.{}om", "{}ww.x", "x.u{}", "x.uk{}", "x:{}/", "({}ic)", "[si{}]", "(sic{}"]
)
def test_the_compiled_hints_are_the_patterns_for_every_character_of_two_bytes(around):
    """Each character up to U+FFFF where a hint reads a letter (folded or not), a boundary or a
    mark, in a text of one byte a character where it fits in one and of two where it does not."""
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue  # surrogates
        text = around.format(chr(code))
        assert compiled.url_hint(text) is (segment._URL_HINT.search(text) is not None), hex(code)
        assert compiled.sic_hint(text) is (segment._SIC_HINT.search(text) is not None), hex(code)


STORY_HINT_PIECES = st.one_of(
    HINT_PIECES,
    st.sampled_from(["<!--", "<!-", "<", "!", "-", "@", "#", "  ", "\t", "\n", "a", "é"]),
    st.sampled_from([";", "\\", "/", "<p", "<P", "</", "<z", "<{", "<`", "ā"]),  # damage's marks
)


@needs_compiled
@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(STORY_HINT_PIECES, max_size=20).map("".join))
def test_the_compiled_story_hints_are_the_twins(text):
    """`story_hints` finds the six hints and the repairs' test in one call as its twin does, each
    bit the search it stands for."""
    bits = compiled.story_hints(text)
    assert bits == segment.story_hints(text)
    searches = [
        "<!--" in text,
        "@" in text,
        "#" in text,
        segment._URL_HINT.search(text) is not None,
        segment._COLUMN_GAP.search(text) is not None,
        segment._SIC_HINT.search(text) is not None,
        not text.isascii() or ";" in text or "\\" in text or re.search(r"<[/a-z]", text) is not None,
    ]
    assert bits == sum(1 << i for i, found in enumerate(searches) if found)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(STORY_HINT_PIECES, min_size=10, max_size=80).map("".join))
def test_the_compiled_story_hints_of_longer_texts_are_the_twins(text):
    """Texts long enough that the one-byte pass reads most of them sixteen bytes a step."""
    assert compiled.story_hints(text) == segment.story_hints(text)


# Each hint, and near misses of each, that the one-byte pass meets in its sixteen-byte steps
STORY_HINTS_PLACED = ["<!--", "<!-", "@", "#", "://", ":/", "www.", "x.com", "x.cox", "x.uk", "a  b", "a \tb"]
STORY_HINTS_PLACED += ["a \n b", "a  ", "(sic)", "[SIC]", "(sic", "ſic)", "a\tb", " a"]
STORY_HINTS_PLACED += [";", "\\", "<p", "</", "<P", "<", "é", "ā"]


@needs_compiled
@pytest.mark.parametrize("piece", STORY_HINTS_PLACED)
def test_the_compiled_story_hints_find_a_hint_at_every_place_of_a_long_text(piece):
    """The one pass over a one-byte text reads sixteen bytes a step and the rest byte by byte:
    a hint (or a near miss) at every offset of texts of several lengths, alone or after another
    hint, gives the twin's bits."""
    for length in (16, 17, 31, 33, 48, 70):
        for at in range(length + 1):
            for filler in ("x" * length, "ab. " * length):
                placed = filler[:at] + piece + filler[at:length]
                for text in (placed, "@" + placed + "#"):
                    assert compiled.story_hints(text) == segment.story_hints(text), (text, piece, at)


@needs_compiled
def test_the_compiled_story_hints_refuse_what_is_not_a_str():
    with pytest.raises(TypeError):
        compiled.story_hints(b"www.x")


@needs_compiled
def test_the_compiled_hints_refuse_what_is_not_a_str():
    for hint in (compiled.url_hint, compiled.sic_hint):
        with pytest.raises(TypeError):
            hint(b"www.x")


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(["<!--", "-->", "<", "!", "-", ">", "x", " "]), max_size=20).map("".join))
def test_the_comments_found_behind_the_bracket_test_are_the_patterns(text):
    """`_regions` looks for HTML comments only in a text that holds a `<!--`."""
    found = [r.span for r in segment._regions(text, "text", span.LineIndex(text)) if r.kind.name == "COMMENT"]
    assert found == [Span(*m.span()) for m in segment._HTML_COMMENT.finditer(text)]


def _plain_looks_like_headline(line: str) -> bool:
    if "\n" in line or len(line) > segment.MAX_HEADLINE_CHARS or len(line.split()) < 2 and not line.isupper():
        return False
    if not any(c.isalpha() for c in line):
        return False
    if line.isupper():
        return True
    return not line.endswith(".") and not line.endswith(":")


@settings(max_examples=examples(1000), deadline=None)
@given(st.text(st.sampled_from("Ab1 .:\n\t\u00a0\u00e9\u0660\u01c5"), max_size=16) | st.text(max_size=12))
def test_the_headline_test_is_its_plain_form(line):
    """`_looks_like_headline` splits at most once and reads the capitals last: the same answers
    as the plain form, which splits every word and reads the capitals first."""
    assert segment._looks_like_headline(line) == _plain_looks_like_headline(line)
    long = "A b " * 60 + line
    assert segment._looks_like_headline(long) == _plain_looks_like_headline(long)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(st.sampled_from("Ab1 .:\n\u00e9\u0660"), max_size=12))
def test_a_headline_needs_a_letter(line):
    if not any(c.isalpha() for c in line):
        assert not segment._looks_like_headline(line)


QUOTE_PIECES = st.sampled_from(
    [
        '"',
        "'",
        "`",
        "``",
        "''",
        "word",
        "Iraq's",
        "farmers'",
        " ",
        "\n",
        ".",
        ",",
        ":",
        "=",
        "'90s",
        "x",
        "'n'",
    ]
)


def _plain_quotations(text: str, paragraphs: list[Span]) -> list[Span]:
    found: list[Span] = []
    for i, part in enumerate(paragraphs):
        if quotations._MARK.search(text, part.start, part.end):
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            marks = [m.start() for m in quotations._MARK.finditer(text, part.start, part.end)]
            found.extend(quotations._in_part(text, part, following, False, None, marks))
    return sorted(found)


@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(QUOTE_PIECES, max_size=30).map("".join), st.data())
def test_the_quotations_of_an_ascii_text_are_those_the_full_pattern_finds(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    paragraphs = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    assert [m.span() for m in quotations._ASCII_MARK.finditer(text)] == [
        m.span() for m in quotations._MARK.finditer(text)
    ]
    assert quotations.quotations(text, None, paragraphs) == _plain_quotations(text, paragraphs)


# The ASCII pieces and marks of every other kind, apostrophes in words, and characters of two
# and four bytes (a word character `٣`, a symbol `𝄞`) beside them.
MARK_PIECES = QUOTE_PIECES | st.sampled_from(
    [*"“”„‟«»‹›‚‛‘’", "don’t", "5'11", "’05", "’Tis", "‘x’", "_", "é", "٣", "𝄞"]
)


def _marks_twin(text: str, parts: list[Span]) -> tuple[list, list]:
    """What `quotations.quotations` finds in `parts` (the first one read as the headline) with
    the compiled mark scan and with its twin, when the text's marks are first found either way."""
    found = quotations.quotations(text, parts[0] if parts else None, parts[1:])
    saved = quotations.native
    quotations.native = None
    try:
        return found, quotations.quotations(text, parts[0] if parts else None, parts[1:])
    finally:
        quotations.native = saved


@needs_compiled
@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(MARK_PIECES, max_size=30).map("".join), st.data())
def test_the_compiled_quotation_marks_are_the_patterns_matches(text, data):
    """`quote_marks` finds `_MARK`'s matches in each paragraph (its look-behind reading before the
    paragraph, its look-ahead stopping at its end), over marks of every kind, straight, curly,
    angled, TeX, apostrophes in words, in texts of one, two and four bytes a character; and the
    quotations found from them are those the twin's marks make."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    parts = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    expected = [
        (k, [m.start() for m in quotations._MARK.finditer(text, a, b)])
        for k, (a, b) in enumerate(parts)
        if quotations._MARK.search(text, a, b)
    ]
    assert compiled.quote_marks(text, parts) == expected
    assert compiled.quote_marks(text, tuple(parts)) == expected
    assert quotations._marks(text, parts) == expected
    found, twins = _marks_twin(text, parts)
    assert found == twins
    if parts:  # the headline read alone, the paragraphs each with the next one
        head = [m.start() for m in quotations._MARK.finditer(text, *parts[0])]
        alone = quotations._in_part(text, parts[0], None, False, None, head)
        assert found == sorted([*alone, *_plain_quotations(text, parts[1:])])


@needs_compiled
@pytest.mark.parametrize("around", [" {} ", "a{}b", "a{}", "{}b", "\u0101{}\u0101"])
def test_the_compiled_quotation_marks_are_the_patterns_for_every_character_of_two_bytes(around):
    """Each character up to U+FFFF, in a text of one byte a character where it fits in one
    (the compiled scan reads those by a table) and of two bytes where it does not."""
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue  # surrogates
        text = around.format(chr(code))
        whole = [Span(0, len(text))]
        expected = [m.start() for m in quotations._MARK.finditer(text)]
        assert compiled.quote_marks(text, whole) == ([(0, expected)] if expected else []), hex(code)


@needs_compiled
def test_the_compiled_quotation_marks_refuse_what_is_not_a_paragraph():
    with pytest.raises(ValueError):
        compiled.quote_marks("a'", [Span(0, 3)])
    for bad in ([(1,)], [1], None, [("a", 1)]):
        with pytest.raises(TypeError):
            compiled.quote_marks("a'", bad)


# MARK_PIECES and what the pairing reads around a mark: sentence ends, brackets, dashes, the `=`
# of markup, possessive `s`, figures that are digits but not decimals (`²`) or numerals only (`Ⅻ`),
# spaces of two bytes, and doubled marks of each kind (nesting deeper than MAX_DEPTH).
PAIRING_PIECES = MARK_PIECES | st.sampled_from(
    [". ", "! ", "? ", "… ", ": ", ";", "(", ")", "]", "—", "/", "s", "S", "²", "Ⅻ", "\u00a0", "’s"]
    + ['"' * 4, "“ “", "‘ ‘", "« »", "» «", "›‹", '. "', '."', ",'", ".’ “", "('", "‚x‘", "‛x’"]
)


@needs_compiled
@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(PAIRING_PIECES, max_size=40).map("".join), st.data())
def test_the_compiled_quotations_are_the_pairing_loops(text, data):
    """`quotation_spans` pairs the marks of each part as `quotations._in_part` does, span for span
    and in the same order: over marks of every kind (straight, curly, angled, single, double, TeX,
    apostrophes in words, elisions, nesting, marks left open), in texts of one, two and four bytes
    a character, with or without a headline, Markdown's code marks, and marks in blocked spans."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    parts = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    first = data.draw(st.integers(0, 1)) if parts else 0
    markdown = data.draw(st.booleans())
    edges = data.draw(st.lists(st.integers(0, len(text)), max_size=6))
    blocked = SpanSet([Span(min(a, b), max(a, b)) for a, b in zip(edges[::2], edges[1::2], strict=False)])
    twin = quotations._quotations(text, parts, first, markdown, blocked if blocked else None)
    assert compiled.quotation_spans(text, Span, parts, first, markdown, blocked.spans) == twin
    assert compiled.quotation_spans(text, Span, tuple(parts), first, markdown, list(blocked.spans)) == twin
    headline = parts[0] if first and parts else None
    found = quotations.quotations(text, headline, parts[first:], markdown, blocked)
    assert found == sorted(twin)
    assert all(type(q) is Span for q in found)


@needs_compiled
def test_the_compiled_quotations_refuse_what_is_not_a_story():
    with pytest.raises(ValueError):
        compiled.quotation_spans("a'", Span, [Span(0, 3)], 0, False, ())
    with pytest.raises(TypeError):
        compiled.quotation_spans("a'", int, [Span(0, 2)], 0, False, ())
    for bad in ([(1,)], [1], None, [("a", 1)]):
        with pytest.raises(TypeError):
            compiled.quotation_spans("a'", Span, bad, 0, False, ())
        with pytest.raises(TypeError):
            compiled.quotation_spans("a'", Span, [Span(0, 2)], 0, False, bad)


BROKEN_PIECES = st.sampled_from(
    [
        "#39;",
        "#x27;",
        "quot;",
        "amp;",
        "nbsp;",
        "hellip;",
        "camp;",
        "salt;",
        ";",
        "#",
        "&",
        " ",
        "x",
        "AT",
        "doesn",
    ]
)


@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(BROKEN_PIECES, max_size=12).map("".join) | st.text(max_size=40))
def test_a_broken_entity_is_looked_for_wherever_the_pattern_can_match(text):
    """`entities._broken` skips its pattern's scan only where the pattern matches nowhere."""
    if entities._BROKEN.search(text) is not None:
        assert entities._may_hold_broken(text)


@given(st.text(max_size=30))
def test_a_reading_without_repairs_is_the_original(text):
    reading = Reading(text)
    assert reading.text is text and not reading.changed
    for whole in (Span(0, len(text)), Span(len(text), len(text))):
        assert reading.span_to_original(whole) == whole == reading.span_to_reading(whole)


@needs_compiled
def test_the_compiled_index_reads_the_spans_as_they_are():
    """`index_tokens` takes the sentences and blocked spans themselves (any sequence of spans),
    not lists of their offsets, and refuses what is not a span."""
    text = "ab cd ef"
    words, *_ = compiled.index_tokens(text, (Span(0, 8),), [Span(3, 5)], {}, [])
    assert words == ["ab", "ef"]
    assert compiled.index_tokens(text, [Span(0, 5)], (), {})[0] == ["ab", "cd"]
    for bad in ([(1,)], [1], None):
        with pytest.raises(TypeError):
            compiled.index_tokens(text, bad, (), {})


@needs_compiled
@pytest.mark.parametrize("filler", ["x", "\u00e9", "x\u0101"])
def test_the_compiled_loops_find_a_mark_at_every_offset_of_a_one_byte_text(filler):
    """The compiled loops skip a one-byte text's characters four at a time up to the first that
    can matter (a sentence's end, a quotation mark, a line break, a space or tab), the column-gap
    test seven at a time where no tab or two spaces lie in the next eight: one such character,
    or two, at every offset of short texts, near both ends of the skips' steps, is found as the
    twins find it (a text of two bytes a character, for comparison)."""
    marks = [".", "!", "?", '"', "'", "\u00ab", "`", "\n", " ", "\t", "\n ", "  ", ". A", "x\n\nx"]
    for size in range(19):
        for at in range(size + 1):
            for mark in marks:
                text = (filler * size)[:at] + mark + (filler * size)[at:size]
                whole = [Span(0, len(text))]
                inner = [Span(1, max(1, len(text) - 1))] if text else []
                for blocks in (whole, inner):
                    found, expected = _compiled_and_twin(segment._paragraphs, text, blocks)
                    assert found == expected, repr(text)
                found, expected = _compiled_and_twin(segment._blocks, text, [])
                assert found == expected, repr(text)
                assert compiled.column_gap(text) is (segment._COLUMN_GAP.search(text) is not None)
                for parts in (whole, inner):
                    assert compiled.quote_marks(text, parts) == quotations._marks(text, parts), repr(text)
                found, expected = _compiled_and_twin(segment._sentences, text, None, tuple(whole), None)
                assert list(found) == list(expected), repr(text)


# A ticker's pieces: brackets, capitals and letter runs of every length a form allows and one
# more, exchanges and quote links in any case and in the letters that fold to ASCII ones (ſ for
# s, ı and İ for i, the Kelvin sign for k), the prefixes one of another (otc, otcbb), the agencies,
# and white space of every kind, beside characters of two and four bytes.
TICKER_PIECES = st.sampled_from(
    [*"()<>:.,- \t\n\u00a0\u2003aAZ9é𝄞", "IBM", ".N", "AAPL", "ABCDEF", "AB.CD", "ABCDEFGHIJ", "((", "<<"]
    + ["NYSE", "nasdaq", "OTC", "otcbb", "TSXV", "tsx", "hkex", "h\u212aex", "nſe", "euronext", "Xetra"]
    + ["news", "Quote", "PROFILE", "research", "people", "chart", "estimates", "newsy", "İ", "ı", "ſ"]
    + ["afp", "ap", "dpa", "upi", "ians", "pti", "efe", "ansa", "AFP", "(NYSE: IBM - News)", "<IBM.N>"]
)


@needs_compiled
@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(TICKER_PIECES, max_size=14).map("".join))
def test_the_compiled_tickers_are_the_patterns_matches(text):
    """`ticker_spans` finds what `_TICKER.finditer` does, and so what its twin, `_tickers`, does."""
    found = [tuple(s) for s in compiled.ticker_spans(text, Span)]
    assert found == [m.span() for m in segment._TICKER.finditer(text)]
    spans, twins = _compiled_and_twin(segment._ticker_spans, text)
    assert spans == twins and all(type(s) is Span for s in spans)


# A table line's pieces: spaces in runs of one to five, tabs, white space that is neither,
# digits (ASCII, Arabic-Indic, a superscript: str.isdigit's), words, stops and dashes.
STRENGTH_PIECES = st.sampled_from(
    [" ", "  ", "   ", "     ", "\t", " \t", "\t ", "\u00a0", "\u2003", "\r", "\x1c", "a", "Ab", "word"]
    + ["1", "12.5", "x9", "²", "٣", "é", "𝄞", ".", "-"]
)


@needs_compiled
@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(STRENGTH_PIECES, max_size=16).map("".join))
def test_the_compiled_table_strength_is_the_twins(line):
    """`table_strength` weighs a line as `_table_strength`'s Python does (its gaps, how wide, the
    figures after them and the words holding a digit)."""
    strength, twin = _compiled_and_twin(segment._table_strength, line)
    assert strength == twin


# The lines of a text a table may hold: table lines' pieces, line breaks, runs of spaces long
# enough that a one-byte text's gap search reads sixteen characters a step.
TABLE_LINE_PIECES = st.one_of(STRENGTH_PIECES, st.sampled_from(["\n", "\n  ", "\r\n", "x" * 20, " " * 20]))


@needs_compiled
@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(TABLE_LINE_PIECES, max_size=40).map("".join))
@example("  indented prose, no gap inside\n12.5   unch\n a  b \n\t")
def test_the_compiled_table_lines_are_the_twins(text):
    """`table_lines` keeps the gap rows `_gap_row_spans` finds that have a strength or two spaces
    inside their ends, with their strengths, as the twin's slices and calls do."""
    lines, twin = _compiled_and_twin(segment._table_lines, text)
    assert lines == twin


# A sentence's end after an abbreviation's letters: the abbreviations in any case, words that
# are none, letters of two and four bytes among them (lowered by str.lower there), initials,
# stops, white space, capitals and digits after them.
ABBREVIATION_PIECES = st.sampled_from(
    ["Mr", "MR", "mR", "Jan", "SEPT", "approx", "Inc", "İnc", "ınc", "Mrs", "Word", "word", "é", "Éa", "𝄞"]
    + ["U.S", "A", "x", "Dept", "Corp", "Blvd", "St", "aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgHiJ"]
    + [". ", ".", " ", "  ", "\n", "! ", "? ", '." ', "The", "9", '"A', "(B"]
)


@needs_compiled
@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(ABBREVIATION_PIECES, max_size=20).map("".join))
def test_the_compiled_sentences_know_the_abbreviations_as_the_twin_does(text):
    """`sentence_spans` lowers an ASCII word itself and asks str.lower of any other: the stops
    after abbreviations, in any case and beside letters of every width, end what the twin ends."""
    paragraphs = (Span(0, len(text)),) if text else ()
    found, expected = _compiled_and_twin(segment._sentences, text, None, paragraphs, None)
    assert list(found) == list(expected)


@needs_compiled
@pytest.mark.parametrize("before", [0, 3, 15, 16, 17, 30, 33])
def test_the_one_byte_scans_meet_every_character_at_every_place_of_a_long_text(before):
    """The scans of a text of one-byte characters skip sixteen at a time to the next mark they
    open a test at (SSE2), then read the last few one by one: each one-byte character, where
    either reads it, in a text the patterns and twins read alike."""
    for code in range(1, 256):
        ch = chr(code)
        for around in ("x.{}om (s{}c) a{}b", "({}ic) 'a{}' x{}", "y{}\tz. {} {}Then"):
            text = "q" * before + around.format(ch, ch, ch) + "w" * (40 - before)
            assert compiled.url_hint(text) is (segment._URL_HINT.search(text) is not None), (before, code)
            assert compiled.sic_hint(text) is (segment._SIC_HINT.search(text) is not None), (before, code)
            assert compiled.column_gap(text) is (segment._COLUMN_GAP.search(text) is not None), (before, code)
            assert [tuple(s) for s in compiled.ticker_spans(text, Span)] == [
                m.span() for m in segment._TICKER.finditer(text)
            ], (before, code)
            whole = [Span(0, len(text))]
            marks = [m.start() for m in quotations._MARK.finditer(text)]
            assert compiled.quote_marks(text, whole) == ([(0, marks)] if marks else []), (before, code)
            found, expected = _compiled_and_twin(segment._sentences, text, None, tuple(whole), None)
            assert list(found) == list(expected), (before, code)


LONG_GAP_PIECES = st.sampled_from(["x" * 15, "word ", "a", " ", "  ", "\t", "\n", ". ", "é", "x  y", " \t"])


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(LONG_GAP_PIECES, max_size=40).map("".join))
def test_the_compiled_column_gap_reads_long_texts_as_the_pattern(text):
    """Texts past seventeen characters, where the compiled search reads sixteen bytes a step."""
    assert compiled.column_gap(text) is (segment._COLUMN_GAP.search(text) is not None)


@needs_compiled
@pytest.mark.parametrize("mark", ["  ", "\t", " \t", "   "])
def test_the_compiled_column_gap_finds_a_gap_at_every_place_of_its_steps(mark):
    """A gap (or a mark that is none, at an edge or beside other white space) at each place of
    a text of three steps of sixteen bytes and more."""
    for at in range(0, 52):
        for filler in ("x", " x", "x "):
            text = (filler * 60)[:at] + mark + (filler * 60)[at : 52 - len(mark)]
            assert compiled.column_gap(text) is (segment._COLUMN_GAP.search(text) is not None), (at, text)
