"""Searches made cheaper find what the plain searches they replace find.

Each shortcut here (a pattern tried only at the first letter of a word, a literal the engine can
jump to, `str`'s own search before a pattern's scan, a split for a `findall`) is checked against
the plain form it replaced, on text built of the pieces where the two could part.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.repairs import invisible, mojibake
from newslint.rules.naming import english_variety_mix as variety_mix
from newslint.rules.typos import unknown_word
from tests.depth import examples

WORD_PIECES = st.lists(
    st.sampled_from(
        ["a", "bc", "Reuter", "REUTER", "xReuter", "1", "_", "é", "'", "’", " ", "  ", ",", ";", "."]
        + ["\n", "-", "(", "\t"]
    ),
    max_size=30,
).map("".join)
TEXTS = st.one_of(WORD_PIECES, st.text(max_size=50))


def _found(m: re.Match[str] | None) -> tuple[str, ...] | None:
    return None if m is None else (m.group(), *m.groups())


@settings(max_examples=examples(500), deadline=None)
@given(TEXTS)
@example("the news.\n REUTER\n")
@example("xReuter Reuter")
def test_the_sign_off_is_found_where_the_word_boundary_first_found_it(text):
    plain = re.compile(r"\b(Reuter|REUTER)\s*\Z")
    for tail in (text, text[-40:]):
        fast, slow = variety_mix._SIGN_OFF.search(tail), plain.search(tail)
        assert _found(fast) == _found(slow)
        assert (fast and fast.span()) == (slow and slow.span())


@settings(max_examples=examples(500), deadline=None)
@given(TEXTS, st.integers(0, 80))
@example("don't  it", 9)
@example("abcdefghijklmnopqrstuvwxyz0123456789 word, next", 45)
def test_the_word_before_a_token_is_the_plain_searchs(text, at):
    start = min(at, len(text))
    plain = re.compile(r"(\w[\w'’]*)\W{1,3}$").search(text, max(0, start - 30), start)
    assert _found(variety_mix._word_before(text, start)) == _found(plain)


@settings(max_examples=examples(500), deadline=None)
@given(TEXTS, st.integers(0, 80))
@example("ab,cd", 3)
@example("x" * 50 + "ab;\nword", 54)
def test_the_piece_before_a_comma_is_the_plain_searchs(text, at):
    start = min(at, len(text))
    reach = unknown_word.NEIGHBOUR_REACH
    plain = re.compile(r"([a-z]+)[,;]$").search(text, max(0, start - reach), start)
    assert _found(unknown_word._piece_before(text, start)) == _found(plain)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(st.from_regex(r"[a-z]{1,12}", fullmatch=True), WORD_PIECES, st.text(max_size=20)))
@example("year's")
@example("zürich")
def test_a_lowercase_words_parts_are_the_scans(text):
    assert list(unknown_word._text_parts(text)) == list(unknown_word._scanned_parts(text))


REPAIR_MARKS = "aé ’\u00ad\u200b\u200d\u2069\ufeffÃ\u00a9\u0153\u2122\u20ac€Ж"
REPAIR_TEXTS = st.one_of(
    st.text(alphabet=st.sampled_from(REPAIR_MARKS), max_size=20),
    st.text(max_size=30),
)


@settings(max_examples=examples(500), deadline=None)
@given(REPAIR_TEXTS)
@example("Ã©")
@example("é\u2019")
def test_the_looks_for_characters_answer_as_the_scans(text):
    assert set(invisible._INVISIBLES) == invisible._ANY_INVISIBLE
    held = any(map(text.__contains__, invisible._INVISIBLES))
    assert held == (invisible._INVISIBLE.search(text) is not None)
    assert mojibake._suspect(text) == (mojibake._SUSPECT.search(text) is not None)
