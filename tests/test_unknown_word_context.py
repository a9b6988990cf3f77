"""NL101's and NL107's neighbouring words (`context_of`): the word before a span, read back by
hand, is the word the regex search it replaced finds, on texts of spaces, tabs, line breaks,
letters, digits, joining marks and other spaces, longer than the stretch searched."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.typos import unknown_word
from newslint.rules.typos.unknown_word import NEIGHBOUR_REACH, _word_left

LEFT_WORD = re.compile(r"([A-Za-z]+)[ \t]*\n?[ \t]*$")


def searched(text: str, start: int) -> str | None:
    """The definition: the search `_word_left` stands for."""
    if start == 0 or not text[start - 1].isspace():
        return None
    m = LEFT_WORD.search(text, max(0, start - NEIGHBOUR_REACH), start)
    if m is None or m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-"):
        return None
    return m.group(1).lower()


@settings(max_examples=600, deadline=None)
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
