"""NL101's shortcuts answer as what they replace: the search for a comma-cut piece before a word
asked only after a comma, semicolon or line break, the remembered swap test, and the headline's
capitals read once a story."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.typos import _capitals, unknown_word
from newslint.rules.typos._words import english
from newslint.segment import parse
from newslint.span import Span


def _cut_as_searched(text: str, span: Span) -> bool:
    """`_cut_by_punctuation` as it read before: the piece before the word always searched for."""
    if unknown_word._STRAY_STOP.match(text, span.end):
        return True
    word, words = text[span.start : span.end].lower(), english().words
    after = unknown_word._PIECE_AFTER.match(text, span.end)
    if after is not None and word + after.group(1) in words:
        return True
    reach = max(0, span.start - unknown_word.NEIGHBOUR_REACH)
    before = unknown_word._PIECE_BEFORE.search(text, reach, span.start)
    return before is not None and before.group(1).lower() + word in words


# pieces that make words when joined ("settlem,ent", "re;port"), marks, line breaks and stops
TEXT = st.lists(
    st.sampled_from(["settlem", "ent", "re", "port", "smal", "l", ",", ";", "\n", " ", ".", "0", "a", "B"]),
    max_size=14,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXT, st.integers(0, 60), st.integers(0, 12))
def test_the_piece_before_a_word_is_found_as_the_search_found_it(text, start, width):
    start = min(start, len(text))
    span = Span(start, min(len(text), start + width))
    assert unknown_word._cut_by_punctuation(text, span) == _cut_as_searched(text, span), (text, span)


def test_a_comma_cut_word_is_still_found_either_side():
    text = "a settlem,ent with the smal,l firm"
    assert unknown_word._cut_by_punctuation(text, Span(2, 9))  # settlem before ",ent"
    assert unknown_word._cut_by_punctuation(text, Span(10, 13))  # ent after "settlem,"
    assert unknown_word._cut_by_punctuation("re;\nport", Span(4, 8))  # the mark before a line break
    assert not unknown_word._cut_by_punctuation("a settlement with", Span(2, 12))


@settings(max_examples=300, deadline=None)
@given(st.text("abeinorstw", min_size=1, max_size=12))
def test_the_remembered_swap_test_answers_as_the_test(word):
    assert _capitals.may_be_swapped_slip(word) == _capitals.may_be_swapped_slip.__wrapped__(word)


def test_the_headline_in_capitals_is_read_once_a_story():
    doc = parse("BHP MINTERALS <BRKNY> MELDS UTAH INTERNATIONAL\n\nThe miner said on Monday.\n")
    assert _capitals.all_caps_headline(doc) and _capitals._all_caps_headline(doc)
    assert doc.derived(_capitals._all_caps_headline) is True  # kept for the story
    mixed = parse("BHP Minerals melds Utah International\n\nThe miner said on Monday.\n")
    assert not _capitals.all_caps_headline(mixed) and not _capitals._all_caps_headline(mixed)
