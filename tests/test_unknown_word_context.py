"""NL101's and NL107's neighbouring words (`context_of`): the word before a span, read back by
hand, is the word the regex search it replaced finds, on texts of spaces, tabs, line breaks,
letters, digits, joining marks and other spaces, longer than the stretch searched; and the
compiled pair of neighbours (`_native.neighbours`) is the twins' on such texts in any width."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.native import native
from newslint.rules.typos import unknown_word
from newslint.rules.typos.unknown_word import NEIGHBOUR_REACH, _neighbours, _word_left
from tests.depth import examples

LEFT_WORD = re.compile(r"([A-Za-z]+)[ \t]*\n?[ \t]*$")


def searched(text: str, start: int) -> str | None:
    """The definition: the search `_word_left` stands for."""
    if start == 0 or not text[start - 1].isspace():
        return None
    m = LEFT_WORD.search(text, max(0, start - NEIGHBOUR_REACH), start)
    if m is None or m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-"):
        return None
    return m.group(1).lower()


@settings(max_examples=examples(600), deadline=None)
@given(st.text("abZ \t\n.'’-é5\r\xa0", max_size=70))
def test_the_word_before_is_the_one_the_search_finds(text):
    for start in range(len(text) + 1):
        assert _word_left(text, start) == searched(text, start), (text, start)


def test_the_word_before_in_plain_cases():
    assert _word_left("news  agency", 6) == "news"
    assert _word_left("News\nagency", 5) == "news"
    assert _word_left("news\n\nagency", 6) == "news"  # the search's `$` before a last break
    assert _word_left("news\n\n\nagency", 7) is None
    assert _word_left("news. agency", 6) is None
    assert _word_left("co-news agency", 8) is None
    assert _word_left("x" * 60 + " agency", 61) is None  # the word begins before the stretch
    assert unknown_word.context_of("the news agcny said", unknown_word.Span(9, 14)).before == "news"


# The characters `_word_left` and `_word_right` tell apart, and wider ones (a text's width is its
# widest character's: the compiled reading is tested in all three).
NEIGHBOUR_CHARS = "abZ \t\n.'’-é5\r\xa0\u2028٣²\U0001d400"


@pytest.mark.skipif(native is None, reason="newslint._native is not built (or switched off)")
@settings(max_examples=examples(600), deadline=None)
@given(st.text(NEIGHBOUR_CHARS, max_size=70))
@example("the news agcny said")
@example("x" * 45 + " \n\n word")
def test_the_compiled_neighbours_are_the_twins(text):
    # the word before depends on the start alone, the word after on the end alone
    assert native is not None
    for i in range(len(text) + 1):
        assert native.neighbours(text, i, i) == _neighbours(text, i, i), (text, i)
    assert native.neighbours(text, 0, len(text)) == _neighbours(text, 0, len(text))


@pytest.mark.skipif(native is None, reason="newslint._native is not built (or switched off)")
def test_the_compiled_neighbours_refuse_a_span_outside_the_text():
    assert native is not None
    for start, end in ((-1, 0), (2, 1), (0, 4)):
        with pytest.raises(IndexError):
            native.neighbours("abc", start, end)
