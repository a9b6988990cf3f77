"""The compiled helpers (`newslint._native`) and their pure-Python twins give the same answers.

`newslint.native` chooses the compiled module at import when it is built (setup.py builds it
where a C compiler is) and the twins otherwise or with NEWSLINT_PURE_PYTHON=1. Each helper is
checked here against its twin and against the plain definition it stands for (the token regex,
the full edit distance, the loop of `LetterTest.select`); then whole checks and fixes of the
golden stories and of stories made from them are compared both ways, and, in the slow test,
every story of the dev corpora and the eval set, each in a process of its own choosing.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import json
import math
import operator
import os
import shutil
import string
import subprocess
import sys
import tempfile
import uuid
import zipfile
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import product
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import document, figures, tokens
from newslint import native as chooser
from newslint.rules.naming import compound_spacing
from newslint.rules.numbers import _common as number_rules
from newslint.rules.numbers import european_number_format, thousands_separator_mix
from newslint.rules.structure import _text, boilerplate_line
from newslint.rules.typography import double_space
from newslint.rules.typos import _context, _pairs, _split, _words, doubled_word
from newslint.rules.typos._context import _osa
from newslint.segment import parse
from newslint.span import Span
from tests.conftest import SHARED
from tests.depth import examples
from tests.test_engine_equivalence import INPUTS, made_stories, outputs

compiled = chooser.native
needs_compiled = pytest.mark.skipif(
    compiled is None, reason="newslint._native is not built here (no C compiler?)"
)

# letters, digits (ASCII and others), the token's inner marks, spaces and a few look-alikes
CHARS = "aZé_5٣²'’-.,: \n\tßIı" + "\u0301"


def test_the_module_is_built_where_a_compiler_is():
    """A checkout installed where `cc` works has the compiled module (unless it is switched off):
    an extension that silently stopped building would leave only the twins tested."""
    if os.environ.get("NEWSLINT_PURE_PYTHON", "") not in ("", "0"):
        assert compiled is None
        pytest.skip("NEWSLINT_PURE_PYTHON is set: the twins are in use, as asked")
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler here")
    assert compiled is not None, "newslint._native did not build: see the warnings of `pip install`"


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(st.text(CHARS, max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=4))
def test_the_scan_counts_the_tokens_the_regex_finds(text, ranges):
    ranges = [(0, len(text))] + [(min(a, b), max(a, b)) for a, b in ranges]
    expected: Counter[str] = Counter()
    for start, end in ranges:
        expected.update(tokens.TOKEN.findall(text, start, end))
    counts: Counter[str] = Counter()
    compiled.scan_words(text, [s for s, _ in ranges], [e for _, e in ranges], counts)
    assert counts == expected
    assert list(counts) == list(expected)  # the same first-use order


@needs_compiled
def test_the_scan_reads_story_text_as_the_regex_does():
    story = (INPUTS[0].read_text(encoding="utf-8") + " U.S.-led 450.000 5:50 e.g. F-16s x--y a''b 2,5,\n") * 3
    counts: Counter[str] = Counter()
    compiled.scan_words(story, [0, 10], [len(story), 400], counts)
    assert counts == Counter(tokens.TOKEN.findall(story)) + Counter(tokens.TOKEN.findall(story, 10, 400))


def _index_by_regex(text, sentences, blocked):
    """The token index as its definition reads: TOKEN.finditer in each sentence, blocked tokens
    left out."""
    rows, counts = [], Counter()
    for i, (start, end) in enumerate(sentences):
        for m in tokens.TOKEN.finditer(text, start, end):
            if not blocked.touches_range(*m.span()):
                rows.append((m.group(), *m.span(), i))
                counts[m.group()] += 1
    return rows, counts


def _rows(index):
    """The index's tokens as (text, start, end, sentence): the end is not kept but follows from
    the start and the text, and the sentence from where each sentence opens, as the engine reads
    them (`Prose._indexed_tokens`). The openings ascend and end at the number of tokens."""
    openings = list(index.openings)
    assert openings == sorted(openings) and openings[-1] == len(index.ids)
    return [
        (index.words[k], s, s + len(index.words[k]), bisect_right(openings, i) - 1)
        for i, (k, s) in enumerate(zip(index.ids, index.starts, strict=True))
    ]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(CHARS, max_size=80),
    st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)), max_size=5),
    st.lists(st.tuples(st.integers(0, 90), st.integers(1, 8)), max_size=3),
)
def test_the_token_index_holds_what_the_regex_finds_both_ways(text, ranges, regions):
    """`index_tokens`, compiled and twin: each sentence's tokens (those touching a blocked span
    left out) in order, the counts of the WORD tokens (no number or other kind) in the order of
    first use (and those words as a list, `counted`), the first token of each sentence, and
    `tokens_among` picks the tokens of the wanted words, as int32s."""
    sentences = sorted(document.Span(min(a, b), max(a, b)) for a, b in ranges)
    blocked = document.SpanSet([document.Span(a, a + n) for a, n in regions])
    expected, expected_counts = _index_by_regex(text, sentences, blocked)
    wanted = {row[0] for row in expected[::2]}
    for use in [None, compiled] if compiled is not None else [None]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(tokens, "native", use)
            counts: Counter[str] = Counter()
            odd: list[str] = []
            counted: list[list[str]] = []
            index = tokens.index_tokens(text, sentences, blocked, counts, odd, counted)
            assert _rows(index) == expected
            assert counted == [list(counts)]  # (the words counted, as a list: `StoryBits.read`'s)
            assert len(index.openings) == len(sentences) + 1
            assert list(counts.items()) == [
                (w, n) for w, n in expected_counts.items() if tokens.kind_of(w) is tokens.WORD_KIND
            ]
            assert index.words == list(expected_counts)
            assert odd == [w for w in expected_counts if not w.isalpha()]
            opening = [i for i, row in enumerate(expected) if i == 0 or expected[i - 1][3] != row[3]]
            assert list(index.firsts) == opening
            chosen = [i for i, row in enumerate(expected) if row[0] in wanted]
            among = tokens.tokens_among(index, wanted)
            assert list(among) == chosen
            assert memoryview(among).itemsize == 4  # int32s, not a list: a big file picks many
            made: list[object] = []  # no dict given: the words and their counts, made with the index
            assert _rows(tokens.index_tokens(text, sentences, blocked, None, None, made)) == expected
            assert made[0] == counted[0] and made[1] == counts
            assert list(made[1].items()) == list(counts.items())  # type: ignore[attr-defined]


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(st.text("abcdé", min_size=1, max_size=3), unique=True, min_size=1, max_size=40),
    st.data(),
)
def test_among_picks_the_tokens_of_the_wanted_words_by_identity_or_not(texts, data):
    """`among(words, ids, wanted)` by its definition, whichever way it finds the wanted words:
    by identity (the words' own objects, sixteen or fewer), or by a look-up of each word (an
    equal copy among the keys, a key that is no word, more than sixteen, or another container)."""
    words = [w.upper().lower() for w in texts]  # new str objects, as an index's own
    ids = array("i", data.draw(st.lists(st.integers(0, len(words) - 1), max_size=60)))
    own = data.draw(st.lists(st.sampled_from(words), unique=True, max_size=20))
    copies = data.draw(st.lists(st.sampled_from(words), max_size=3))
    others = data.draw(st.lists(st.sampled_from(["zz", "b", "x"]), max_size=2))
    keys = own + ["".join(list(w)) for w in copies] + others
    shape = data.draw(st.sampled_from([set, frozenset, dict.fromkeys, list]))
    wanted = shape(keys)
    expected = [i for i, k in enumerate(ids) if words[k] in wanted]
    assert list(compiled.among(words, ids, wanted)) == expected


@needs_compiled
@pytest.mark.parametrize("nwords", [3, 2048, 2049, 9000])
def test_among_past_its_kept_room(nwords):
    """`among` marks a story's words in room on the stack and reads its tokens into room kept
    from call to call: more words than the stack room holds (marked in allocated memory) and
    more chosen tokens than the kept room holds (4096: they go on in a bytearray) give the same
    tokens, and a call after a big one is not given the big one's."""
    words = [f"w{i}" for i in range(nwords)]
    ids = array("i", [i % nwords for i in range(3 * nwords + 5000)])
    wanted = set(words[::2]) | {"zz"}  # more than sixteen: each word looked up
    expected = [i for i, k in enumerate(ids) if words[k] in wanted]
    assert list(compiled.among(words, ids, wanted)) == expected
    assert list(compiled.among(words[:2], array("i", [1, 0, 1]), {words[1]})) == [0, 2]


LATIN_1 = "aZé_5²¼ª'-.,: \n\tß\xa0µ"


@settings(max_examples=200, deadline=None)
@given(st.text(LATIN_1, max_size=80), st.data())
def test_the_token_index_of_a_one_byte_text_holds_what_the_regex_finds(text, data):
    """A text of one-byte characters alone (most stories) takes `index_tokens`'s own scan: the
    same tokens the regex finds, Latin-1 letters, digits and spaces among them."""
    ranges = data.draw(st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)), max_size=5))
    regions = data.draw(st.lists(st.tuples(st.integers(0, 90), st.integers(1, 8)), max_size=3))
    test_the_token_index_holds_what_the_regex_finds_both_ways.hypothesis.inner_test(text, ranges, regions)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text("aZe_5'-.é²", min_size=1, max_size=20), min_size=1, max_size=12),
    st.lists(st.sampled_from([" ", "  ", ", ", ".", "\n", "-", "'", "é"]), min_size=1, max_size=12),
    st.data(),
)
def test_the_token_index_of_words_long_and_short_holds_what_the_regex_finds(words, gaps, data):
    """One-byte texts of words of fewer and more than eight bytes, each met twice (the compiled
    table tells a word of eight or fewer from its hash alone, and compares the bytes of a longer
    one), their last eight bytes read whole or, at the text's end, one by one, a joiner, a U.S.,
    a digit, a Latin-1 letter or a sentence's end after them."""
    text = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words * 2))
    n = len(text) + 2
    ranges = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=4))
    if data.draw(st.booleans()):
        ranges.append((0, len(text)))
    regions = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(1, 8)), max_size=2))
    test_the_token_index_holds_what_the_regex_finds_both_ways.hypothesis.inner_test(text, ranges, regions)


class _Str(str):
    """A str subclass: CPython keeps its characters apart from the object."""


@pytest.mark.parametrize("text", ["x", "a word at the end", "U.S.A", "state-of-the-art", "5.5.5", "9:30 a.m"])
def test_the_token_index_of_a_text_ending_in_a_word_holds_what_the_regex_finds(text):
    """The compiled `index_tokens` reads a one-byte text's last sentence up to the NUL that ends
    a str's characters, as it reads any other sentence up to the non-word after it: the same
    tokens for a str and a str subclass, a sentence ending at the text's end or inside a word."""
    spans = [(0, len(text)), (1, len(text)), (0, len(text) - 1)]
    for each in (text, _Str(text)):
        test_the_token_index_holds_what_the_regex_finds_both_ways.hypothesis.inner_test(each, spans, [])


@pytest.mark.parametrize("count", [1, 4095, 4096, 4097, 9001])
def test_the_token_index_past_the_room_lent_to_its_arrays_holds_what_the_regex_finds(count):
    """The compiled `index_tokens` reads a story's arrays into room it keeps (4,096 values each)
    and copies them out; a text of more tokens, sentences and sentence openings than that goes
    on in arrays of its own. Both give the index the regex finds, about the bound and past it."""
    words = [f"w{i}" if i % 3 else "x" for i in range(count)]
    text = " ".join(words)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == " "]
    sentences = [document.Span(a, a + len(w)) for a, w in zip(starts, words, strict=True)]
    for spans in (sentences, [document.Span(0, len(text))]):
        blocked = document.SpanSet([])
        expected, expected_counts = _index_by_regex(text, spans, blocked)
        counts: Counter[str] = Counter()
        index = tokens.index_tokens(text, spans, blocked, counts)
        assert _rows(index) == expected
        opening = [i for i, row in enumerate(expected) if i == 0 or expected[i - 1][3] != row[3]]
        assert list(index.firsts) == opening
        assert list(counts.items()) == [(w, n) for w, n in expected_counts.items() if w.isalpha()]


@pytest.mark.parametrize("dense_first", [True, False])
def test_the_token_index_of_a_text_whose_density_changes_holds_what_the_regex_finds(dense_first):
    """The compiled `index_tokens` grows its arrays past the lent room to what the text's rate of
    tokens so far foretells: a text denser or sparser later than at first (the guess short, or
    long) gives the index the regex finds."""
    dense = " ".join("x" for _ in range(6000))
    sparse = " ".join(f"word{'q' * (i % 40)}" for i in range(3000))
    text = f"{dense} {sparse}" if dense_first else f"{sparse} {dense}"
    spans, blocked = [document.Span(0, len(text))], document.SpanSet([])
    expected, _ = _index_by_regex(text, spans, blocked)
    assert _rows(tokens.index_tokens(text, spans, blocked, Counter())) == expected


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.lists(st.text("ab'é", min_size=1, max_size=10), max_size=12), min_size=2, max_size=4))
def test_short_words_kept_from_text_to_text_are_the_words_of_each(texts):
    """Words of eight bytes or fewer are told apart in the compiled `index_tokens`' kept words by
    their hash and length alone: over texts of short, alike words (each one's words met again in
    the next), each index is the twin's, and so is which words are letters only."""
    for words in texts:
        text = " ".join(words)
        sentences = [document.Span(0, len(text))]
        built = []
        for use in [compiled, None] if compiled is not None else [None]:
            odd: list[str] = []
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(tokens, "native", use)
                index = tokens.index_tokens(text, sentences, document.SpanSet([]), Counter(), odd)
            built.append((index.words, list(index.ids), odd))
        assert built[0] == built[-1]


@pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")
def test_a_word_met_in_an_earlier_text_is_the_str_already_made():
    """The compiled `index_tokens` keeps the words of texts of one-byte characters: a word an
    earlier text held is the same str (its hash already computed), equal to what the regex finds;
    words of other texts, and a word's other writings, are their own."""

    def index(text: str) -> tokens.TokenIndex:
        return tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), {})

    first = index("Regime change in Zürich")
    again = index("Zürich's regime changed. Regime")
    wide = index("Regime ’s Zürich")
    assert first.words == ["Regime", "change", "in", "Zürich"]
    assert again.words == ["Zürich's", "regime", "changed", "Regime"]
    assert again.words[3] is first.words[0]
    assert wide.words == ["Regime", "s", "Zürich"]  # a text of two-byte characters: new strs
    assert wide.words[0] is not first.words[0] and wide.words[2] == first.words[3]


@pytest.mark.skipif(
    compiled is None or sys.version_info >= (3, 13), reason="compiled, and a str's hash its bytes' (to 3.12)"
)
def test_a_new_word_that_read_bits_holds_is_the_str_it_holds():
    """A word the compiled `index_tokens` has not kept (after its words were let go) that the
    table of `read_bits` holds is that table's str, not a new equal one: the memories hold the
    first, and a lookup of the same str compares addresses, not characters. Whether it is letters
    only is its own."""
    tag = "".join(chr(97 + int(d, 16) % 26) for d in uuid.uuid4().hex)  # met by no text before
    words = [f"Zq{tag}", f"Zü{tag}", f"x-{tag}"]
    memory = dict.fromkeys(words, 1)
    compiled.read_bits(words, memory)
    text = " ".join(words) + " and more"
    odd: list[str] = []
    index = tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), {}, odd)
    assert index.words == [*words, "and", "more"]
    assert all(got is held for got, held in zip(index.words[:3], words, strict=True))
    assert odd == [f"x-{tag}"]


@needs_compiled
def test_a_new_word_has_the_hash_python_gives_it():
    """A word the compiled `index_tokens` makes anew, once read_bits's table was looked in for it
    (by the hash of its bytes), keeps that hash: the one Python gives an equal str."""
    tag = "".join(chr(97 + int(d, 16) % 26) for d in uuid.uuid4().hex)  # met by no text before
    compiled.read_bits([f"Kept{tag}"], {f"Kept{tag}": 1})  # (the table holds a word: it is looked in)
    text = f"Fresh{tag} é{tag} x-{tag} q{tag[:3]} z and Kept{tag}"
    words = tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), {}).words
    assert words == text.split()
    assert all(hash(word) == hash("".join(list(word))) for word in words)


@pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")
def test_kept_words_met_again_outlive_the_table_filling_up():
    """The compiled `index_tokens` keeps up to 32,768 words; when they fill its table, those met
    again since it was last thinned stay kept (the same str, whether it is letters only kept with
    it, found where they were moved to), the others are let go. Every index, before and after,
    is the twin's."""
    tag = "".join(chr(97 + int(d, 16) % 26) for d in uuid.uuid4().hex)  # met by no text before

    def letters(n: int) -> str:
        return "".join(chr(97 + int(d)) for d in str(n))

    common = [f"Kc{tag}{letters(i)}" for i in range(40)] + [f"k-{tag}{letters(i)}" for i in range(10)]
    first = None
    for round_ in range(12):  # 48,000 new words: the table thinned at least once
        fresh = [f"f{tag}{letters(round_ * 4000 + i)}" for i in range(4000)] + [f"f-{letters(round_)}"]
        text = " ".join(common + fresh)
        sentences = [document.Span(0, len(text))]
        built = []
        for use in (compiled, None):
            counts: Counter[str] = Counter()
            odd: list[str] = []
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(tokens, "native", use)
                index = tokens.index_tokens(text, sentences, document.SpanSet([]), counts, odd)
            built.append((index.words, list(index.ids), counts, odd))
        assert built[0] == built[1]
        assert built[0][3] == [w for w in built[0][0] if not w.isalpha()]
        if first is None:
            first = built[0][0][: len(common)]
    last = built[0][0][: len(common)]
    assert last == common and all(a is b for a, b in zip(last, first, strict=True))


@pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")
def test_a_kept_word_is_listed_as_odd_as_when_it_was_first_met():
    """Whether a kept word is letters only is kept with it: a text that meets it again lists it
    among the tokens that are not letters only (`odd`) exactly when str.isalpha says so."""
    text = "Zürich's F-16 flew at 5pm over Zürich and ßtraße"
    for _ in range(2):  # the second time every word is one kept
        odd: list[str] = []
        words = tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), {}, odd).words
        assert odd == [w for w in words if not w.isalpha()] == ["Zürich's", "F-16", "5pm"]


@pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")
@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 3000), max_size=2500), min_size=1, max_size=4),
    st.dictionaries(st.sampled_from(["wb", "wc", "x"]), st.integers(1, 9), max_size=2),
)
def test_the_compiled_index_of_many_words_counts_as_the_twin_does(texts, before):
    """Texts of many distinct words, one after another (the compiled scan keeps its word table
    from one text to the next, and lets a big one go): each index and its counts are the twin's,
    into an empty dict (taken whole from one made to size) or one that holds counts already
    (overwritten in place, as the twin does)."""
    for numbers in texts:
        text = " ".join("w" + "".join(chr(97 + int(d)) for d in str(n)) for n in numbers) + " x-1 5pm"
        sentences = [document.Span(0, len(text))]
        built = []
        for use in (compiled, None):
            counts, odd = Counter(before), []
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(tokens, "native", use)
                index = tokens.index_tokens(text, sentences, document.SpanSet([]), counts, odd)
            built.append((index.words, list(index.ids), list(index.starts), list(index.firsts), counts, odd))
        assert built[0] == built[1] and built[0][-1] == ["x-1", "5pm"]
        assert list(built[0][4].items()) == list(built[1][4].items()) and type(built[0][4]) is Counter
        assert "x-1" not in built[0][4] and "5pm" not in built[0][4]  # no WORDs: not counted


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.text(CHARS + "Ⅻ½x", min_size=1, max_size=6), max_size=12))
@example(["5pm", "F-16", "1,234", "²", "٣a", "a_b", "Ⅻ", "½5", "x'y", "5"])
def test_the_index_counts_the_tokens_the_classifier_calls_words(words):
    """The compiled `not_a_word` (through what uses it: `index_tokens`' counts) and the twin: the
    counts hold each distinct token whose `_classify` kind is WORD, in the order of first use,
    with its number of uses, and leave out the others (numbers, letters with digits or '_'): what
    `Prose.word_counts` drops. The words are written apart, so each of their tokens is met."""
    text = " ".join(words)
    found = [m.group() for m in tokens.TOKEN.finditer(text)]
    expected = Counter(w for w in found if tokens._classify(w) is tokens.TokenKind.WORD)
    for use in (compiled, None) if compiled is not None else (None,):
        counts: dict[str, int] = {}
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(tokens, "native", use)
            index = tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), counts)
        assert index.words == list(dict.fromkeys(found)), use
        assert list(counts.items()) == list(expected.items()), use


class _Everything(set):
    """A set subclass whose `in` is its own: the compiled `among` may not read its keys."""

    def __contains__(self, item: object) -> bool:
        return True


@given(
    st.text(CHARS, max_size=120),
    st.lists(st.text(CHARS, max_size=70), max_size=8),
    st.integers(0, 5),
)
@example("a " + "b" * 70 + " cc", ["b" * 64, "b" * 70], 0)
def test_among_rules_words_out_by_length_only_where_it_may(text, extra, form):
    """`tokens_among`, compiled, picks the tokens of the wanted words whatever the container
    (a few in a set, frozenset or dict have their lengths read first; a list, a large set, or a
    subclass with its own `in`, are asked of each word): what the twin picks."""
    index = tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), Counter())
    words = index.words[::2] + extra
    wanted = [
        set(words),
        frozenset(words),
        dict.fromkeys(words),
        list(words),
        set(words) | {f"w{i}" for i in range(70)},
        _Everything(words),
    ][form]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "native", None)
        expected = list(tokens.tokens_among(index, wanted))
    assert list(tokens.tokens_among(index, wanted)) == expected


@given(
    st.text(CHARS, max_size=120),
    st.lists(st.integers(0, 30), max_size=20),
    st.lists(st.text(CHARS, max_size=6), max_size=3),
    st.integers(0, 2),
)
def test_among_finds_the_index_s_own_words_by_identity_as_the_twin_does(text, picks, copies, form):
    """`tokens_among`, compiled, finds a few wanted words that are the index's own str objects
    (a rule's, nearly always) by their pointers: the twin's tokens, whether every key is found
    so or some are equal copies, absent words, or more than the few it reads so."""
    index = tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), Counter())
    own = [index.words[k % len(index.words)] for k in picks] if index.words else []
    words = own + ["".join(list(w)) for w in copies]  # (copies: equal, and not the same object)
    wanted = [set(words), frozenset(words), dict.fromkeys(words)][form]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "native", None)
        expected = list(tokens.tokens_among(index, wanted))
        expected_tokens = document.Document(text).words_among(wanted)
    assert list(tokens.tokens_among(index, wanted)) == expected
    assert document.Document(text).words_among(wanted) == expected_tokens


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(st.integers(0, 6), max_size=40),
    st.lists(st.booleans(), max_size=40),
    st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=12),
    st.booleans(),
)
@example([1, 2, 1, 2], [True] * 4, {(1, 2)}, True)
@example([1, 2, 1, 2], [True] * 4, {(0, 1)}, False)
def test_joined_at_picks_the_places_its_twin_picks(ids, picked, pairs, as_array):
    """NL203's compiled `joined_at` gives the places (in order) whose word and the next token's
    make one of the joined pairs, the last token never: what its twin gives, for the index's
    int32s and for arrays of type "i"."""
    at = [i for i, pick in zip(range(len(ids)), picked, strict=False) if pick]
    joins = {first * 7 + second for first, second in pairs}
    if as_array:
        at_buf, ids_buf = array("i", at), array("i", ids)
    else:
        text = " ".join("w" * (k + 1) for k in ids)
        index = tokens.index_tokens(text, [document.Span(0, len(text))], document.SpanSet([]), Counter())
        at_buf, ids_buf = tokens.tokens_among(index, {"w" * (k + 1) for k in set(ids)}), index.ids
        ids = list(ids_buf)
        at = list(at_buf)
    expected = list(compound_spacing._joined_at(at, ids, joins, 7))
    assert expected == [i for i in at if i + 1 < len(ids) and ids[i] * 7 + ids[i + 1] in joins]
    assert chooser.native.joined_at(at_buf, ids_buf, joins, 7) == expected


SPANS = st.lists(st.tuples(st.integers(0, 90), st.integers(0, 12)), max_size=4).map(
    lambda pairs: document.SpanSet([document.Span(a, a + n) for a, n in pairs])
)


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(CHARS, max_size=80),
    st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)), max_size=5),
    SPANS,
    SPANS,
    st.one_of(st.none(), st.tuples(st.integers(0, 40), st.integers(0, 60))),
    st.data(),
)
def test_the_tokens_built_from_the_index_are_the_twins(text, ranges, blocked, quoted, head, data):
    """`built_tokens`, compiled and twin: the same Tokens (span, text, kind, sentence start,
    headline and quotation flags) of the chosen tokens, the words only or all, a part of the
    chosen or all the index's tokens, and the same shared places kept for the sentences read."""
    sentences = sorted(document.Span(min(a, b), max(a, b)) for a, b in ranges)
    headline = None if head is None else document.Span(min(head), max(head))
    index = tokens.index_tokens(text, sentences, blocked, Counter())
    total = len(index.ids)
    picked = data.draw(st.lists(st.integers(0, max(total - 1, 0)), unique=True)) if total else []
    chosen = [None, array("i", sorted(picked)), index.firsts][data.draw(st.integers(0, 2))]
    size = total if chosen is None else len(chosen)
    lo = data.draw(st.integers(0, size))
    hi = data.draw(st.integers(lo, size))
    words_only = data.draw(st.booleans())
    built = []
    for use in [None, compiled]:
        places = tokens.Places([None] * len(sentences), sentences, headline, quoted)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(tokens, "native", use)
            built.append((tokens.built_tokens(index, chosen, lo, hi, places, words_only), places.known))
    (twin, twin_known), (fast, fast_known) = built
    assert fast == twin
    assert [type(t) for t in fast] == [tokens.Token] * len(fast)
    assert all(type(t.span) is document.Span for t in fast)
    assert [p is None for p in fast_known] == [p is None for p in twin_known]
    assert all(a is b for a, b in zip(fast_known, twin_known, strict=True))  # the shared tuples


@needs_compiled
@pytest.mark.parametrize("wide", ["", "é", "ŝ", "\U00010437"])
def test_the_compiled_index_knows_each_word_by_its_characters_in_any_width(wide):
    """The compiled index finds a repeated word by its characters in the text, whatever the
    text's width (one, two or four bytes a character): over 1,000 distinct words, each written
    three times (the table grows past its first size), it agrees with the twin on every row."""
    vocabulary = [f"w{i}{wide}x" if i % 3 else f"w{i}x" for i in range(1200)]
    text = " ".join(vocabulary + vocabulary[::-1] + vocabulary) + f" {wide}"
    sentences = [document.Span(0, len(text) // 2), document.Span(len(text) // 2, len(text))]
    blocked = document.SpanSet([document.Span(5, 30)])
    expected, expected_counts = _index_by_regex(text, sentences, blocked)
    counts: Counter[str] = Counter()
    odd: list[str] = []
    index = tokens.index_tokens(text, sentences, blocked, counts, odd)
    assert _rows(index) == expected
    assert index.words == list(expected_counts)
    assert list(counts.items()) == [
        (w, n) for w, n in expected_counts.items() if tokens.kind_of(w) is tokens.WORD_KIND
    ]
    assert odd == [w for w in expected_counts if not w.isalpha()] != []
    assert max(expected_counts.values()) == 3


@needs_compiled
def test_the_compiled_index_hands_over_its_arrays_at_their_size():
    """The compiled index gives its arrays as the bytearrays it grew (an eighth at a time), cut
    to their size, not copied: a big file's index took twice its size while it was built. Each
    is handed over as an `Int32s` (made in C: no memoryview cast a story), a read-only buffer of
    format "i" over that bytearray's bytes, no bigger than the object that holds them."""
    text = " ".join(f"w{i % 700}" for i in range(5000)) + ". Next one."
    sentences = [document.Span(0, len(text) - 10), document.Span(len(text) - 9, len(text))]
    index = tokens.index_tokens(text, sentences, document.SpanSet([]), Counter(), [])
    for values in (index.ids, index.starts, index.openings, index.firsts):
        assert type(values) is compiled.Int32s and sys.getsizeof(values) < 64
        view = memoryview(values)
        assert (view.format, view.itemsize, view.readonly, view.nbytes) == ("i", 4, True, 4 * len(values))
        assert view.obj is values and view.tolist() == list(values)
    assert (len(index.ids), list(index.firsts), len(index.words)) == (5002, [0, 5000], 702)
    assert list(index.openings) == [0, 5000, 5002]  # a sentence each, then the number of tokens


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "bc", "a1", "dé", "x"]), max_size=30),
    st.lists(st.integers(-40, 40), max_size=8),
    st.lists(st.tuples(st.none() | st.integers(-40, 40), st.none() | st.integers(-40, 40)), max_size=4),
)
def test_the_compiled_index_arrays_read_as_the_twins_arrays(words, indices, slices):
    """The compiled index's `Int32s` read as the twin's int32 arrays: the same length, items (from
    either end; an IndexError out of range), slices, iteration and bisection, and
    `tokens_among`'s picks are the same kind of array."""
    text = " ".join(words)
    sentences = [document.Span(0, len(text) // 2), document.Span(len(text) // 2, len(text))]
    arrays = []
    for use in [None, compiled]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(tokens, "native", use)
            index = tokens.index_tokens(text, sentences, document.SpanSet([]), Counter(), [])
            arrays.append([*index[1:], tokens.tokens_among(index, {"a", "x"})])
    for twin, fast in zip(*arrays, strict=True):
        assert type(fast) is compiled.Int32s and len(fast) == len(twin) and list(fast) == list(twin)
        for i in indices:
            if -len(twin) <= i < len(twin):
                assert fast[i] == fast.__getitem__(i) == twin[i]
            else:
                with pytest.raises(IndexError):
                    fast[i]
        for lo, hi in slices:
            assert list(fast[lo:hi]) == list(twin[lo:hi])
        for i in indices:
            assert bisect_right(fast, i) == bisect_right(twin, i)
        with pytest.raises(TypeError):
            fast["0"]


WORDS = ["".join(p) for n in range(5) for p in product("abc", repeat=n)]
LONGER = ["".join(p) for n in (5, 6) for p in product("abc", repeat=n)]


def test_the_bounded_distance_agrees_with_the_full_one_on_every_short_pair():
    """`osa_within_two` (opening and ending stripped, a band, a cap, an early stop) answers
    `_osa(a, b) <= 2` for every pair of strings of up to four letters from three, and for each
    of those against every string of five and six."""
    for a in WORDS:
        for b in WORDS + LONGER:
            assert chooser.osa_within_two(a, b) == (_osa(a, b) <= 2), (a, b)


@needs_compiled
def test_the_compiled_neighbours_agree_on_every_short_pair():
    for a in WORDS:
        assert compiled.near_words(a, WORDS + LONGER) == [
            b for b in WORDS + LONGER if b != a and _osa(a, b) <= 2
        ]


SLIP = st.tuples(st.integers(0, 3), st.integers(0, 40), st.sampled_from("abcdeé’-"))


def _slipped(word: str, slips: list[tuple[int, int, str]]) -> str:
    other = list(word)
    for op, at, letter in slips:
        if op == 0 and other:
            other.pop(at % len(other))
        elif op == 1:
            other.insert(at % (len(other) + 1), letter)
        elif op == 2 and other:
            other[at % len(other)] = letter
        elif op == 3 and len(other) > 1:
            i = at % (len(other) - 1)
            other[i], other[i + 1] = other[i + 1], other[i]
    return "".join(other)


@settings(max_examples=examples(400), deadline=None)
@given(st.text("abcdeé’-", max_size=40), st.lists(st.lists(SLIP, max_size=4), min_size=1, max_size=6))
def test_the_neighbours_agree_with_the_full_distance_after_slips(word, slip_lists):
    """Words a few slips from `word` (long ones too: the compiled code keeps small rows on the
    stack and larger ones on the heap), both ways, against the definition."""
    others = [_slipped(word, slips) for slips in slip_lists] + [word, word + "x" * 70]
    expected = [w for w in others if w != word and _osa(word, w) <= 2]
    assert chooser._near_words(word, others) == expected
    if compiled is not None:
        assert compiled.near_words(word, others) == expected


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(
    st.integers(58, 70),
    st.text("abé", min_size=70, max_size=70),
    st.lists(st.lists(SLIP, max_size=3), min_size=1, max_size=6),
)
def test_the_neighbours_of_a_typo_near_the_width_of_a_machine_word(size, letters, slip_lists):
    """The compiled walk holds a one-byte typo's column of the distance as the bits of one
    machine word (64 characters; a longer typo is read by the banded table): typos either side
    of that width, one-byte or not after their slips, against the definition."""
    word = letters[:size]
    others = [_slipped(word, slips) for slips in slip_lists] + [word[1:], word + "ab", "b" + word[2:]]
    expected = [w for w in others if w != word and _osa(word, w) <= 2]
    assert compiled.near_words(word, others) == expected
    line = " ".join(others)
    assert compiled.near_words_in_line(word, line) == expected
    assert compiled.near_words_in_index(word, line, compiled.line_index(line)) == expected


# Letters that share a bit of the compiled walk's letter masks and counts (code point % 64): a and
# "!", b and '"', é and ")", ā and "\x01" (a two-byte str).
COLLIDING = 'ab!"é)ā\x01'
COLLIDING_SLIP = st.tuples(st.integers(0, 3), st.integers(0, 20), st.sampled_from(COLLIDING))


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(
    st.text(COLLIDING, max_size=12), st.lists(st.lists(COLLIDING_SLIP, max_size=3), min_size=1, max_size=8)
)
def test_the_letter_counts_pass_every_neighbour(word, slip_lists):
    """The compiled walk rules a word out by its letters' counts (on the mask's bits) before
    it fills the distance's table: no word within two edits is ruled out, letters that share a
    bit and words one or two letters longer or shorter included."""
    others = [_slipped(word, slips) for slips in slip_lists] + [word[1:], word[2:], word + "ab", "b" + word]
    expected = [w for w in others if w != word and _osa(word, w) <= 2]
    assert compiled.near_words(word, others) == expected
    line = " ".join(others)  # (no letter of COLLIDING is a space of str.split() or ':')
    in_line = [w for w in line.split() if w != word and _osa(word, w) <= 2]
    assert compiled.near_words_in_line(word, line) == in_line
    assert compiled.near_words_in_index(word, line, compiled.line_index(line)) == in_line


LINE_TEXT = "abcdé’-: \t\x85\xa0\u2003"  # letters, the entry mark, spaces of str.split() of each width


@settings(max_examples=examples(500), deadline=None)
@given(st.text("abcdé’-", max_size=8), st.text(LINE_TEXT, max_size=60))
def test_the_neighbours_in_a_line_are_those_of_its_entries_words(typo, line):
    """`near_words_in_line` reads the words of a pair-table line (entries split at whitespace,
    each up to its first ':') as `near_words` reads a list of them: the twin against that
    definition, the compiled helper against both, on lines of one-byte and wider characters."""
    words = [entry.partition(":")[0] for entry in line.split()]
    expected = [w for w in words if w != typo and _osa(typo, w) <= 2]
    assert chooser._near_words_in_line(typo, line) == expected
    if compiled is not None:
        assert compiled.near_words_in_line(typo, line) == expected


@needs_compiled
def test_the_compiled_neighbours_in_the_shipped_pair_lines_are_the_twins():
    from newslint.rules.typos import _pairs

    for head in ("the", "of", "news", "agency", "zzqx"):
        for line in (_pairs.after(head), _pairs.before(head)):
            for typo in ("agcny", "teh", "goverment", "sanctons", "nws", "a"):
                assert compiled.near_words_in_line(typo, line) == chooser._near_words_in_line(typo, line)
    assert compiled.near_words_in_line("agcny", _pairs.after("news")) == ["agency"]
    with pytest.raises(TypeError):
        compiled.near_words_in_line("abc", b" abd:1")


@settings(max_examples=examples(500), deadline=None)
@given(st.text(LINE_TEXT, max_size=60))
@example(" a:1 b:2 a:3")
@example(": ::x a:")
def test_a_pair_lines_words_are_its_entries_up_to_their_mark(line):
    """`line_words`: the words of a pair-table line (entries split at whitespace, each up to
    its first ':') as a frozenset, the twin against that definition and the compiled helper
    against both, on lines of one-byte and wider characters."""
    expected = frozenset(entry.partition(":")[0] for entry in line.split())
    assert chooser._line_words(line) == expected
    if compiled is not None:
        found = compiled.line_words(line)
        assert type(found) is frozenset and found == expected


@needs_compiled
def test_the_shipped_pair_lines_words_are_the_twins():
    """`line_words` of the shipped tables' lines (the before table's entries hold no ':')."""
    for head in ("the", "from", "their", "zzqx"):
        for line in (_pairs.after(head), _pairs.before(head)):
            assert compiled.line_words(line) == chooser._line_words(line)
    assert compiled.line_words(_pairs.before("agency")) == frozenset(_pairs.before("agency").split())
    with pytest.raises(TypeError):
        compiled.line_words(b" abd:1")


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.text("aBzZ@[`{é\u03a3\u0130", max_size=6), max_size=12))
def test_words_are_keyed_by_their_lowercase_as_the_twin_keys_them(words):
    """`lower_keys`: {w.lower(): w for w in words}, in their order, for ASCII words (capitals
    and the characters either side of A-Z's codes) and others (`İ` lowercases to two)."""
    expected = {w.lower(): w for w in words}
    assert chooser._lower_keys(words) == expected
    if compiled is not None:
        found = compiled.lower_keys(words)
        assert found == expected and list(found.items()) == list(expected.items())
        assert compiled.lower_keys(iter(words)) == expected
        assert compiled.lower_keys(frozenset(words)) == {w.lower(): w for w in frozenset(words)}


@settings(max_examples=examples(500), deadline=None)
@given(st.text("abcdé’-", max_size=8), st.text(LINE_TEXT, max_size=60))
def test_the_neighbours_read_from_a_line_index_are_those_read_from_the_line(typo, line):
    """`near_words_in_index` over `line_index(line)` finds what `near_words_in_line` finds in the
    line's text, in the line's order, both ways, from an index ordered by the words' length (and
    the line's order for one length); the compiled index is the twin's, byte for byte."""
    expected = chooser._near_words_in_line(typo, line)
    index = chooser._line_index(line)
    records = chooser._line_records(index)
    assert records == sorted(records, key=lambda r: (r[1], r[0]))  # by length, then the line's order
    assert chooser._near_words_in_index(typo, line, index) == expected
    if compiled is not None:
        assert compiled.line_index(line) == index
        assert compiled.near_words_in_index(typo, line, index) == expected


ASCII_SLIP = st.tuples(st.integers(0, 3), st.integers(0, 70), st.sampled_from("abcde"))


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.text("abcde", min_size=1, max_size=66),
    st.lists(st.lists(ASCII_SLIP, max_size=3), min_size=1, max_size=12),
)
def test_an_indexed_lines_words_of_one_length_are_tested_two_at_a_time_as_one(typo, slip_lists):
    """The compiled `near_words_in_index` tests the words of a one-byte line that pass their
    bits two at a time (each in a lane of one register) and the last of a run alone: many
    slips of the typo of each length around it, the typo itself among them, typos either side
    of a machine word's 64 characters, found as the definition finds them, in the line's order."""
    others = [_slipped(typo, slips) for slips in slip_lists] + [typo, typo[::-1], typo[1:] + "a"]
    line = " ".join(f"{w}:1" for w in others if w)
    words = [entry.partition(":")[0] for entry in line.split()]
    expected = [w for w in words if w != typo and _osa(typo, w) <= 2]
    assert compiled.near_words_in_index(typo, line, compiled.line_index(line)) == expected


def test_a_common_words_line_is_read_from_its_index_as_from_its_text():
    """`_pairs.near_after` and `near_before` answer `near_words_in_line` over the line, a long
    one (indexed, and asked again) or a short one; an index is refused with another's text."""
    for head in ("the", "of", "said", "news", "agency", "zzqx"):
        for typo in ("agcny", "teh", "goverment", "sanctons", "nws", "a", "tthe"):
            for _ in range(2):
                assert _pairs.near_after(typo, head) == chooser.near_words_in_line(typo, _pairs.after(head))
                assert _pairs.near_before(typo, head) == chooser.near_words_in_line(typo, _pairs.before(head))
    assert len(_pairs.after("the")) >= _pairs.INDEXED_LINE > len(_pairs.after("news"))
    index = chooser.line_index(" abd:1 abcdef:2")
    for near_words_in_index in (chooser._near_words_in_index, chooser.near_words_in_index):
        with pytest.raises(ValueError):
            near_words_in_index("abc", " abd:1", index[:-1])
        with pytest.raises(ValueError):
            near_words_in_index("abcde", " abd:1", index)  # "abcdef" would be read past its end


PAIR_KEYS = st.text("abé:’ ", max_size=4)


@st.composite
def pair_lines(draw):
    """A pair-table line as the tables write it (' word:k word:k', entries sorted by word), or
    any text of its characters and a few more (the search's steps on a line out of order, with
    no ':' or spaces doubled, are the twin's too)."""
    if draw(st.booleans()):
        return draw(st.text(LINE_TEXT + "0", max_size=40))
    words = sorted(set(draw(st.lists(st.text("abcé’", min_size=1, max_size=5), max_size=12))))
    return "".join(f" {w}:{draw(st.integers(0, 9))}" for w in words)


@settings(max_examples=examples(1000), deadline=None)
@given(pair_lines(), PAIR_KEYS)
@example(" a:1 b:2", "b")
@example("a b", "a")
@example(" ab", "a")
@example(":", "")
def test_a_pair_entry_is_found_in_a_line_by_binary_search(line, second):
    """`_entry_of`, the search `pair_steps` and its twin make in a long line, on any line; on a
    sorted line, it gives what the line holds after the word's ':' (None when no entry has the
    word)."""
    expected = chooser._entry_of(line, second, " ", ":")
    entries = [entry.partition(":") for entry in line.split(" ") if entry]
    if line[:1] == " " and all(e[1] for e in entries) and ":" not in second and " " not in second:
        keys = [e[0] for e in entries]
        if keys == sorted(set(keys)) and second:
            assert expected == dict((e[0], e[2]) for e in entries).get(second)


@functools.cache
def _pair_table_writer() -> Callable[[Path, dict[str, list[str]]], None]:
    """scripts/build_context_data.py's `write`, which writes the shipped pair tables."""
    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    sys.path.insert(0, scripts)  # (the script imports its helpers from its own folder)
    try:
        import build_context_data
    finally:
        sys.path.remove(scripts)
    return build_context_data.write


PAIR_WORDS = st.text("abcé’z", min_size=1, max_size=6)


@st.composite
def pair_tables(draw):
    """(head -> {word: k}) and the pairs-after table the writer makes of it: some lines long
    enough to be searched by halves (`PAIR_LONG_LINE` bytes), entries sorted by word."""
    heads = draw(st.lists(PAIR_WORDS, max_size=6, unique=True))
    pairs = {}
    for head in heads:
        long_line = draw(st.booleans())
        words = draw(st.lists(PAIR_WORDS, min_size=200 if long_line else 0, max_size=300 if long_line else 8))
        pairs[head] = {w: draw(st.integers(0, 40)) for w in sorted(set(words))}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pairs-after.txt"
        lines = {head: [f"{w}:{k}" for w, k in entries.items()] for head, entries in pairs.items()}
        _pair_table_writer()(path, lines)
        return pairs, path.read_bytes()


@settings(max_examples=examples(300), deadline=None)
@given(pair_tables(), st.data())
def test_a_pairs_count_is_read_in_the_tables_bytes_as_the_twin_reads_it(table, data):
    """`pair_steps`, compiled, answers as its twin on any table the writer makes, for any words,
    its first word's line found by halving the table's lines (`table_line_starts`) or without them: the
    pair's k, or None when the table does not hold the pair (and for a first word it has no line
    of); both read each line's entries by halves past `PAIR_LONG_LINE` bytes, by a scan below it
    (a word with ' ' or ':' is scanned for, as `_pairs.count` always scanned)."""
    pairs, text = table
    heads = [*pairs, data.draw(PAIR_WORDS)]
    first = data.draw(st.sampled_from(heads))
    known = list(pairs.get(first, ()))
    second = data.draw(st.sampled_from(known) if known and data.draw(st.booleans()) else PAIR_KEYS)
    lines = chooser._table_line_starts(text)
    if compiled is not None:
        assert compiled.table_line_starts(text) == lines
    expected = chooser._pair_steps(text, lines, first.encode(), second.encode())
    for index in (lines, b""):
        args = (text, index, first.encode(), second.encode())
        assert chooser._pair_steps(*args) == expected
        if compiled is not None:
            assert compiled.pair_steps(*args) == expected
    if " " not in second and ":" not in second:
        assert expected == pairs.get(first, {}).get(second)


@settings(max_examples=examples(300), deadline=None)
@given(pair_tables(), st.data())
def test_a_words_line_is_read_by_its_lines_as_the_sorted_search_reads_it(table, data):
    """`table_rest`, compiled and twin, with the table's lines (`table_line_starts`) or without
    them, gives `sorted_rest`'s answer on any table the writer makes: the rest of the word's line
    after its tab, decoded, or None for a word no line has."""
    pairs, text = table
    key = data.draw(st.sampled_from([*pairs, data.draw(PAIR_WORDS)])).encode()
    expected = chooser._sorted_rest(text, key, ord("\t"))
    assert (expected is None) == (key.decode() not in pairs)
    lines = chooser._table_line_starts(text)
    for index in (lines, b""):
        assert chooser._table_rest(text, index, key) == expected
        if compiled is not None:
            assert compiled.table_rest(text, index, key) == expected


@needs_compiled
def test_the_shipped_pair_lines_are_read_by_their_lines_as_by_the_sorted_search():
    """`_pairs.before` and `after` (`table_rest` over each table's lines) against `sorted_rest`,
    for common words, rare ones and words no line has; lines not the table's are refused."""
    tables = (("pairs-before.txt", _pairs.before_lines()), ("pairs-after.txt", _pairs.after_lines()))
    for name, lines in tables:
        data = _pairs._table(name).data
        assert lines == chooser._table_line_starts(data)
        for word in ("the", "of", "said", "news", "agency", "zzzz", "a", "zoo", "aaa", "", "é", "a b"):
            key = word.encode()
            expected = compiled.sorted_rest(data, key, ord("\t"))
            assert compiled.table_rest(data, lines, key) == expected == chooser._table_rest(data, lines, key)
    before = _pairs._table("pairs-before.txt").data
    assert _pairs.before("agency") == compiled.sorted_rest(before, b"agency", ord("\t"))
    assert "news" in _pairs.before("agency").split()
    for odd in (array("I", [10**6]).tobytes(), b"\x00"):
        for table_rest in (compiled.table_rest, chooser._table_rest):
            with pytest.raises(ValueError):
                table_rest(b"a\tb\n", odd, b"a")


@settings(max_examples=examples(300), deadline=None)
@given(st.binary(max_size=40).map(lambda b: b.replace(b"\x00", b"\n")))
def test_a_tables_lines_are_found_as_the_twin_finds_them(text):
    """`table_line_starts`: every line's start (0, and each byte after a newline but the end), compiled
    and twin; lines not the table's (a start past its end, a part of a uint32) are refused."""
    starts = [0, *(i + 1 for i, b in enumerate(text) if b == 10 and i + 1 < len(text))] if text else []
    assert chooser._table_line_starts(text) == array("I", starts).tobytes()
    if compiled is not None:
        assert compiled.table_line_starts(text) == chooser._table_line_starts(text)
        for odd in (array("I", [len(text) + 1]).tobytes(), b"\x00"):
            with pytest.raises(ValueError):
                compiled.pair_steps(text, odd, b"a", b"b")
            with pytest.raises(ValueError):
                chooser._pair_steps(text, odd, b"a", b"b")


@needs_compiled
def test_the_shipped_pairs_are_read_in_place_as_the_twin_reads_them():
    data, lines = _pairs.after_table(), _pairs.after_lines()
    assert lines == chooser._table_line_starts(data)
    for head in ("the", "of", "said", "news", "zzzz", "a", "zoo", "aaa"):
        words = [entry.partition(":")[0] for entry in _pairs.after(head).split()]
        for second in ("agency", "the", "zzzz", "", "é", "a b", "of:3", *words[::97], *words[-1:]):
            for index in (lines, b""):
                args = (data, index, head.encode(), second.encode())
                assert compiled.pair_steps(*args) == chooser._pair_steps(*args), (head, second)
    assert compiled.pair_steps(data, lines, b"news", b"agency") is not None
    assert compiled.pair_steps(b"a\t :1 b:x\n", b"", b"a", b"") == 1  # a count found as it was read
    with pytest.raises(ValueError):
        compiled.pair_steps(b"a\t b:x\n", b"", b"a", b"b")  # int(b"x"), as the twin raises


@needs_compiled
def test_every_one_byte_character_is_read_in_a_line_as_the_twin_reads_it():
    """The compiled reading of a one-byte line classes its characters by a table (str.split()'s
    whitespace, the entry mark ':', the rest): each of the 256, between entries, inside a word,
    after its mark and alone, against the twin; and the words within two letters of the typo's
    length only (the test asked before the distance), near or not."""
    for code in range(256):
        c = chr(code)
        for line in (f" abd{c}abe:1 abc:2", f"ab{c}d:{c}1{c}abcd", c, f"{c}a{c}abcdef{c}abcdefg:{c}"):
            for typo in ("abc", f"ab{c}", "abde", "abcdefgh"):
                expected = chooser._near_words_in_line(typo, line)
                assert compiled.near_words_in_line(typo, line) == expected, (code, line, typo)
                index = compiled.line_index(line)
                assert index == chooser._line_index(line), (code, line)
                assert compiled.near_words_in_index(typo, line, index) == expected, (code, line, typo)


@needs_compiled
def test_the_compiled_walk_reads_the_bits_as_the_loop_does():
    memory = {"a": 0b01, "b": 0b11, "c": 0b100, "d": 0b1100, "e": 1 << 80 | 0b11}
    keys = ["a", "b", "c", "d", "e", "f"]
    assert compiled.select_bits(keys, memory, 0b01, 0b10) == ({"b", "e"}, ["c", "d", "f"])
    assert compiled.select_bits(keys, memory, 0b0100, 0b1000) == ({"d"}, ["a", "b", "e", "f"])
    big = 1 << 80
    assert compiled.select_bits(keys, {"e": big | big << 1}, big, big << 1) == (
        {"e"},
        ["a", "b", "c", "d", "f"],
    )
    with pytest.raises(TypeError):
        compiled.near_words("abc", ["abd", 3])


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(st.text("aAé1-", max_size=3), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 40)), max_size=12),
    st.data(),
    st.integers(-1, 41),
)
def test_the_compiled_body_openers_are_their_twin(words, tokens_, data, head_end):
    """`body_openers` counts NL101's sentence openers of a token index as its twin does: the
    words `counts` holds that open with a letter, those before `head_end` handed back, the
    lowercase ones' spans flat; and refuses an index out of range."""
    ids = array("i", [i % len(words) for i, _ in tokens_])
    starts = array("i", sorted(s for _, s in tokens_))
    picked = data.draw(st.sets(st.integers(0, len(ids) - 1), max_size=6)) if ids else set()
    firsts = array("i", sorted(picked))
    counts = dict.fromkeys(data.draw(st.sets(st.sampled_from(words))), 1)
    expected = chooser._body_openers_walk(words, ids, starts, firsts, counts, head_end)
    assert compiled.body_openers(words, ids, starts, firsts, counts, head_end) == expected
    made = compiled.word_counts(list(counts), [1] * len(counts))  # the index's `WordCounts`
    assert compiled.body_openers(words, ids, starts, firsts, made, head_end) == expected
    with pytest.raises(IndexError):
        compiled.body_openers(words, ids, starts, array("i", [len(ids)]), counts, head_end)
    with pytest.raises(ValueError):
        compiled.body_openers(words, ids, array("i", [*starts, 0]), firsts, counts, head_end)


# texts of brackets and capitals: acronyms of every length about the pattern's, cut short, run
# together, glued to letters, in texts of one, two and four bytes a character
BRACKETED_TEXT = st.lists(
    st.sampled_from(["(", ")", "A", "B", "Z", "a", "@", "[", "AB", "ADB", "ABCDEF", "ABCDEFG", " "])
    | st.sampled_from(["é", "ŀ", "😀"]),
    max_size=24,
).map("".join)


@needs_compiled
@settings(max_examples=examples(3000), deadline=None)
@given(BRACKETED_TEXT)
@example("(ADB) (AD) (ABCDEF) (ABCDEFG) ((CAS)(CAS)")
@example("é (ADB) ((ABD)")
@example("😀(ADB)(ABC")
def test_the_compiled_bracketed_acronyms_are_their_twin(text):
    """`bracketed_acronyms` finds the acronyms in brackets the pattern's `finditer` finds, in
    order, in a text of any width; and refuses what is no str."""
    expected = [m.group(1) for m in chooser.BRACKETED_ACRONYM.finditer(text)]
    assert chooser._bracketed_acronyms(text) == expected
    assert compiled.bracketed_acronyms(text) == expected, text


@needs_compiled
def test_the_compiled_bracketed_acronyms_read_a_story_and_refuse_bytes():
    assert compiled.bracketed_acronyms("the Asian Development Bank (ADB) said") == ["ADB"]
    with pytest.raises(TypeError):
        compiled.bracketed_acronyms(b"(ADB)")


# the values a word's bits take, with the edges of an int's one and two digits and a machine word
EDGES = [(1 << 30) - 1, 1 << 30, (1 << 60) - 1, 1 << 60, (1 << 63) - 1, 1 << 63]
BITS = st.integers(0, 1 << 70) | st.integers(0, 15) | st.sampled_from(EDGES)
# a letter test's `only` tables: none declared, none at all, a set, a set and a dict
ONLY = [None, (), (frozenset({"ab", "a"}),), (frozenset({"b"}), {"ab": 1, "é": 2})]
# a letter test's `fails`: a table, or a tuple of them
FAILS = [None, frozenset({"a", "ab"}), (frozenset({"a"}), frozenset({"ab"})), ()]
# a letter test's `decided` lengths, one a shape in bit order (-1: the test is asked; -1 - n: asked
# of words of n characters or more; a pair (floor, longest): passed from the one to the other)
DECIDED = [None, (-1,) * 6, (1, 2, -1, 0, -1, 2), (0,) * 6, (-3, -2, 1, -4, -3, -2)]
DECIDED += [((1, 2), -1, (0, 0), (2, -1), (0, 3), (2, 2))]


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.sets(st.text("aAbBé'", max_size=3), max_size=12) | st.lists(st.text("aAé-", max_size=3), max_size=8),
    st.dictionaries(st.text("aAbBé'", max_size=3), BITS, max_size=12),
    st.sampled_from([(1, 2), (4, 8), (1 << 66, 1 << 67), (1 << 62, 1 << 63)]),
    st.integers(-70, 70),
)
def test_the_compiled_walk_reads_shapes_as_its_twin(keys, memory, masks, shapes):
    """`select_bits` with `shapes` answers what `tokens._select_bits` does: the same selection as
    without (a set's keys read in place, a list's by its iterator), and the keys of those shapes."""
    found, new, shaped = compiled.select_bits(keys, memory, *masks, shapes)
    assert (found, new, shaped) == tokens._select_bits(keys, memory, *masks, shapes)
    assert (
        (found, new)
        == compiled.select_bits(keys, memory, *masks)
        == tokens._select_bits(keys, memory, *masks)
    )
    assert shaped == {w for w in keys if tokens.word_shape(w) & shapes}
    with pytest.raises(TypeError):
        compiled.select_bits([*keys, 3], memory, *masks, shapes)


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text("abé", max_size=3), unique=True, max_size=12),
    st.dictionaries(st.text("abé", max_size=3), BITS, max_size=12),
    st.sampled_from([(1, 2), (4, 8), (1 << 66, 1 << 67), (1 << 62, 1 << 63)]),
)
def test_the_story_bits_read_once_select_as_the_walk_does(keys, memory, masks):
    """`read_bits` then `split_bits` (a story's bits read once, split test by test) answer what
    `select_bits` answers from the memory, compiled and twin, machine words or not."""
    bits, union = compiled.read_bits(keys, memory)
    values = [memory.get(k, 0) for k in keys]
    assert tokens._read_bits(keys, memory) == (values, union)
    fits = all(v < 1 << 63 for v in values)
    assert bits == (array("q", values).tobytes() if fits else values)  # packed where they fit
    assert union == functools.reduce(operator.or_, values, 0)
    split = compiled.split_bits(keys, bits, *masks)
    assert split == compiled.select_bits(keys, memory, *masks)
    assert split == tokens._split_bits(keys, bits, *masks) == tokens._split_bits(keys, values, *masks)
    assert split == compiled.split_bits(keys, values, *masks)  # ints, whether they fit or not
    with pytest.raises(ValueError):
        compiled.split_bits(keys, [*values, 0], *masks)
    with pytest.raises(ValueError):
        compiled.split_bits(keys, array("q", [*values, 0] if fits else [0]).tobytes()[1:], *masks)
    with pytest.raises(TypeError):
        compiled.read_bits(tuple(keys), memory)
    with pytest.raises(TypeError):
        compiled.read_bits([*keys, b"bytes"], memory)
    with pytest.raises(TypeError):
        compiled.split_bits([*keys, 3], [*values, 0], *masks)


class _OwnStr(str):
    """A str subclass: a word the compiled read cannot keep by its characters alone."""


def _read_as_ints(keys: list[str], memory: dict[str, int]) -> tuple[list[int], int]:
    bits, union = compiled.read_bits(keys, memory)
    return (array("q", bits).tolist() if isinstance(bits, bytes) else bits), union


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("abcé", max_size=3), min_size=9, max_size=40),
    st.dictionaries(st.text("abcé", max_size=3), BITS, max_size=20),
    st.integers(0, 39),
)
def test_read_bits_fetching_ahead_reads_what_the_twin_reads(keys, memory, odd):
    """`read_bits` fetches the table slot of a word further on before it reads the one at hand:
    over a story longer than that distance, with repeated words, it reads what the twin reads,
    and a key that is no exact str anywhere along (ahead of the word read, or at it) is refused."""
    assert _read_as_ints(keys, memory) == tokens._read_bits(keys, memory)
    assert _read_as_ints(keys[::-1], memory) == tokens._read_bits(keys[::-1], memory)
    at = odd % len(keys)
    for odd_key in (b"bytes", _OwnStr(keys[at]), 3):
        with pytest.raises(TypeError):
            compiled.read_bits([*keys[:at], odd_key, *keys[at + 1 :]], memory)
    assert _read_as_ints(keys, memory) == tokens._read_bits(keys, memory)


STEPS = st.sampled_from(["read", "flush", "test", "own", "copy", "python"])
STORY_WORD = st.text("aBé-'", max_size=3)
STORY_WORDS = st.lists(STORY_WORD, unique=True, max_size=12)  # a story's distinct words
MEMORIES = st.dictionaries(STORY_WORD, st.integers(0, 1 << 40), max_size=12)  # a letter-test memory
KEPT_WORDS = st.lists(st.sampled_from(["ab", "ba", "é", "a-b", "zz"]), max_size=5)


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(STEPS, KEPT_WORDS, BITS)))
def test_the_bits_read_kept_by_word_are_the_memorys(steps):
    """The compiled `read_bits` keeps the bits it read by word: whatever wrote the memory since
    (`flush_bits`, `test_words`, with words equal but not the same str, or a str subclass), a
    new memory, or a write of its own followed by `forget_bits`, it reads what the twin reads."""
    memory: dict[str, int] = {}
    for step, words, value in steps:
        keys = list(dict.fromkeys("".join(list(w)) for w in words))  # new strs: equal, not the same
        if step == "read":
            assert _read_as_ints(keys, memory) == tokens._read_bits(keys, memory)
        memory = _written(step, keys, value, memory)
        assert _read_as_ints(keys, memory) == tokens._read_bits(keys, memory)


def _written(step: str, keys: list[str], value: int, memory: dict[str, int]) -> dict[str, int]:
    """The memory after one of STEPS' writes (`read`: none): by `flush_bits`, `test_words` (with
    the keys or str subclasses of them), into a new memory (`copy`), or from Python followed by
    `forget_bits`."""
    if step == "flush" and value < 1 << 63:
        compiled.flush_bits(keys, bytearray(array("q", [value] * len(keys)).tobytes()), memory, 99)
    elif step in ("test", "own"):
        tested = 1 << value % 70
        words_of = [_OwnStr(k) for k in keys] if step == "own" else keys
        test = str.isascii if value % 3 else str.isalpha
        both = tested << 1 | tested
        compiled.test_words(test, None, None, None, 63, None, words_of, set(), memory, tested, both)
    elif step == "copy":
        memory = dict(memory)
        memory.update(dict.fromkeys(keys, value))  # a new memory, written before it is read
    elif step == "python":
        memory.update(dict.fromkeys(keys, value))
        compiled.forget_bits()
    return memory


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    STORY_WORDS,
    MEMORIES,
    st.lists(st.sampled_from([0, 0, 1, 2, 3, 12, 1 << 40, 1 << 62]), max_size=12),
    st.integers(0, 13),
    st.booleans(),
)
def test_pending_bits_flushed_into_the_memory_read_as_the_twin_does(keys, memory, adds, room, again):
    """`flush_bits` into the memory `read_bits` read last (the story's words' bits read from its
    table, not the memory) writes what its twin writes, in the same order; a word whose bits hold
    its pending ones already (`again`: flushed twice) is left as it is; and a read after it reads
    what the twin reads."""
    compiled.read_bits(keys, memory)  # its table: the memory's bits of the keys
    theirs = dict(memory)
    held = [adds[i] if i < len(adds) else 0 for i in range(len(keys))]
    for _ in range(2 if again else 1):
        pending = bytearray(array("q", held).tobytes())
        count = compiled.flush_bits(keys, pending, memory, room)
        assert count == tokens._flush_bits(keys, list(held), theirs, room) == sum(map(bool, held))
        assert list(memory.items()) == list(theirs.items())
        assert not any(memoryview(pending).cast("q")) or count > room
        assert _read_as_ints(keys, memory) == tokens._read_bits(keys, theirs)


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(STEPS, KEPT_WORDS, BITS)), st.sampled_from([set, frozenset, list, dict]))
def test_the_bits_selected_through_the_kept_table_are_the_memorys(steps, kind):
    """`select_bits` reads a key's bits from `read_bits`' table where that table is the memory's
    (and a set's keys in place): whatever wrote the memory since (as in the test above), it
    answers what the loop answers from the memory, in the same order, for a set, a frozenset, a
    list or a dict of keys."""
    memory: dict[str, int] = {}
    for step, words, value in steps:
        keys = list(dict.fromkeys("".join(list(w)) for w in words))
        if step == "read":
            compiled.read_bits(keys, memory)
        memory = _written(step, keys, value, memory)
        wanted = kind(dict.fromkeys(keys, 1)) if kind is dict else kind(keys)
        order = list(wanted)  # (the order the loop of `LetterTest.select` reads them in)
        for tested, passed in ((1, 2), (4, 8), (1 << 62, 1 << 61), (1 << 66, 1 << 67)):
            values = [memory.get(k, 0) for k in order]
            assert compiled.select_bits(wanted, memory, tested, passed) == tokens._split_bits(
                order, values, tested, passed
            )


@needs_compiled
def test_a_set_changed_while_its_bits_are_selected_is_refused_as_its_iterator_refuses():
    """A key whose __eq__ changes the set being read: the RuntimeError iterating the set raises."""
    words: set[object] = set()

    class Meddling(str):
        def __eq__(self, other: object) -> bool:
            words.add(f"more{len(words)}")
            return str.__eq__(self, other)

        __hash__ = str.__hash__

    words.update({Meddling("ab"), "cd"})
    with pytest.raises(RuntimeError, match="changed size"):
        compiled.select_bits(words, {"ab": 1, "cd": 3}, 1, 2)


def _story_steps(words: object, memory: dict[str, int]) -> tuple[object, ...]:
    """`StoryBits.read`'s steps after its flush, as Python takes them (the compiled read)."""
    keys = list(words)  # type: ignore[call-overload]
    bits, union = compiled.read_bits(keys, memory)
    pending = bytearray(len(bits)) if isinstance(bits, bytes) else [0] * len(keys)
    return (keys, bits, union, pending, bytearray(len(keys)))


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text("abé", max_size=3), unique=True, max_size=12),
    st.dictionaries(st.text("abé", max_size=3), BITS, max_size=12),
    st.sampled_from([dict, Counter, set, list]),
)
def test_a_story_s_bits_read_in_one_call_are_the_python_steps(keys, memory, kind):
    """`story_bits` (`StoryBits.read` in one call) makes the story its Python steps make, from a
    story's counts (a Counter), a dict, a set or a list of its words: its keys in their order (a
    list itself), the bits read, a pending and a known bytearray of their size; None where the
    bits are not packed (the Python steps then)."""
    words = kind(dict.fromkeys(keys, 1)) if kind in (dict, Counter) else kind(keys)
    expected = _story_steps(words, memory)
    story = compiled.story_bits(tokens.StoryBits, words, memory)
    if not isinstance(expected[1], bytes):
        assert story is None
        return
    assert type(story) is tokens.StoryBits
    assert tuple(story) == expected
    assert [type(part) for part in story] == [type(part) for part in expected]
    # a list of the words is kept as given (a token index's own list of them), the rest read out
    assert (story.words is words) == (kind is list) and story.pending is not story.shapes
    with pytest.raises(TypeError):
        compiled.story_bits(int, words, memory)  # no tuple
    with pytest.raises(TypeError):
        compiled.story_bits(tokens.StoryBits, [*keys, 3], memory)  # a key that is no str


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.text("aBé", max_size=2), unique=True, max_size=8),
            st.lists(st.sampled_from([0, 0, 1, 2, 12, 1 << 40, 1 << 62]), max_size=8),
        ),
        max_size=4,
    ),
    st.dictionaries(st.text("aBé", max_size=2), st.integers(0, 1 << 40), max_size=10),
    st.integers(0, 24),
    st.booleans(),
)
def test_the_unflushed_stories_flushed_in_one_call_are_the_loops(stories, memory, limit, ints):
    """`flush_stories` (`_WordBits.flush`'s loop in one call) writes what the loop writes, story
    by story in the dict's order, and empties the dict, when every story's bits are packed and
    their words with pending bits fit below the limit together; otherwise it does nothing and
    says so (the loop then), and a story whose bits are ints (`ints`) is never written by it."""
    unflushed: dict[int, tokens.StoryBits] = {}
    theirs = dict(memory)
    expected_words = dict(memory)
    made = []
    for i, (keys, adds) in enumerate(stories):
        held = [adds[k] if k < len(adds) else 0 for k in range(len(keys))]
        bits, union = compiled.read_bits(keys, memory)
        packed = not (ints and i == 0)
        pending: bytearray | list[int] = bytearray(array("q", held).tobytes()) if packed else list(held)
        story = tokens.StoryBits(keys, bits if packed else array("q", bits).tolist(), union, pending, None)
        unflushed[id(story)] = story
        made.append((story, held))
    fits = sum(bool(v) for _, held in made for v in held) <= limit - len(memory)
    for story, held in made:  # the loop, on copies: what a flush that fits writes
        tokens._flush_bits(story.words, list(held), expected_words, limit - len(expected_words))
    done = compiled.flush_stories(unflushed, memory, limit)
    if not (fits and not (ints and made)):
        assert done is False
        assert len(unflushed) == len(made)
        assert memory == theirs
        return
    assert done is True
    assert not unflushed
    assert list(memory.items()) == list(expected_words.items())
    assert all(not any(memoryview(story.pending).cast("q")) for story, _ in made)


@needs_compiled
def test_the_bits_read_kept_by_word_are_kept_past_their_limit():
    """More words than the compiled read keeps (it empties its table and fills it again): every
    read is the memory's."""
    memory = {f"w{i}": i for i in range(0, 140_000, 2)}
    keys = [f"w{i}" for i in range(140_000)]
    for _ in range(2):
        assert _read_as_ints(keys, memory) == tokens._read_bits(keys, memory)
        assert _read_as_ints(keys[::-1], memory) == tokens._read_bits(keys[::-1], memory)


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    STORY_WORDS,
    st.dictionaries(STORY_WORD, BITS, max_size=12),
    st.sampled_from([(1, 2), (4, 8), (1 << 66, 1 << 67), (1 << 62, 1 << 63)]),
    st.sampled_from([63, 1 | 2, 32]),
    st.sampled_from([None, frozenset({"a", "aB", "é", "a-a"})]),
    st.sampled_from(FAILS),
    st.sampled_from(ONLY),
    st.sampled_from(DECIDED),
    st.integers(0, 13),
    st.integers(0, 30),
)
def test_select_story_splits_and_tests_as_the_twin_does(
    keys, memory, masks, shapes, table, fails, only, decided, own, limit
):
    """`select_story` (a story's words split by their bits and the new ones tested, in one call)
    finds, asks and remembers what `split_bits` then `test_words` do (the twins'), or answers
    None, having run and written nothing, when the new words would take the memory past `limit`."""
    tested, passed = masks
    bits = compiled.read_bits(keys, memory)[0]
    asked: list[list[str]] = [[], []]

    def test_of(log: list[str]):
        return lambda w: log.append(w) or w.startswith("a")

    mine, twin = dict(memory), dict(memory)
    test = test_of(asked[0])
    got = compiled.select_story(
        test, table, fails, only, shapes, decided, keys, bits, mine, tested, passed, own, limit
    )
    found, new = tokens._split_bits(keys, [memory.get(k, 0) for k in keys], tested, passed)
    kept = twin if len(new) <= own else None
    if new and kept is not None and len(kept) + len(new) > limit:
        assert got is None and mine == memory and asked[0] == []
        return
    both = tested | passed
    tokens._test_words(test_of(asked[1]), table, fails, only, shapes, decided, new, found, kept, tested, both)
    assert got == found and mine == twin and asked[0] == asked[1]


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    STORY_WORDS,
    MEMORIES,
    st.lists(st.sampled_from([(1, 2), (4, 8), (1 << 40, 1 << 41)]), min_size=1, max_size=3),
    st.sampled_from([63, 1 | 2, 32]),
    st.sampled_from([None, frozenset({"a", "aB", "é", "a-a"})]),
    st.sampled_from(FAILS),
    st.sampled_from(ONLY),
    st.sampled_from(DECIDED),
    st.integers(0, 13),
    st.integers(0, 13),
    st.booleans(),
)
def test_pending_bits_select_and_flush_as_the_twin_does(
    keys, memory, masks, shapes, table, fails, only, decided, own, room, keep
):
    """`select_pending` (a story's tests run on the words their bits and pending bits say they have
    not met, the results kept pending) and `flush_bits` (the pending bits written into the memory,
    where there is room) find, ask, keep and write what their twins do; with `keep`, the words'
    shapes are kept for the tests after (`StoryBits.shapes`): the same answers, and each kept
    shape is the word's."""
    bits = compiled.read_bits(keys, memory)[0]
    values = [memory.get(k, 0) for k in keys]
    pending, twin_pending = bytearray(len(bits)), [0] * len(keys)
    known, twin_known = (bytearray(len(keys)), bytearray(len(keys))) if keep else (None, None)
    asked: list[list[str]] = [[], []]

    def test_of(log: list[str]):
        return lambda w: log.append(w) or w.startswith("a")

    for tested, passed in [*masks, *masks]:  # each test twice: the second finds its pending bits
        mine, theirs = test_of(asked[0]), test_of(asked[1])
        found = compiled.select_pending(
            mine, table, fails, only, shapes, decided, keys, bits, pending, tested, passed, own, known
        )
        twin = tokens._select_pending(
            theirs,
            table,
            fails,
            only,
            shapes,
            decided,
            keys,
            values,
            twin_pending,
            tested,
            passed,
            own,
            twin_known,
        )
        assert found == twin and asked[0] == asked[1]
        assert list(memoryview(pending).cast("q")) == twin_pending
        assert known == twin_known
        assert all(not b or b == tokens.word_shape(k) for k, b in zip(keys, known or (), strict=False))
    mine, theirs, held = dict(memory), dict(memory), list(twin_pending)
    count = compiled.flush_bits(keys, pending, mine, room)
    assert count == tokens._flush_bits(keys, twin_pending, theirs, room) == sum(map(bool, held))
    assert mine == theirs and list(memoryview(pending).cast("q")) == twin_pending
    if count > room:  # no room: nothing written, the bits still pending
        assert mine == memory and twin_pending == held
    else:
        assert not any(twin_pending)
        assert all(mine.get(k, 0) == memory.get(k, 0) | b for k, b in zip(keys, held, strict=True))


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.data(),
    st.integers(0, 80),  # past 64: the new words' places in a buffer of their own
    st.sampled_from([(1, 2), (4, 8), (1 << 40, 1 << 41), (1 << 61, 1 << 62), (2, 1), (3, 12), (4, 4)]),
    st.integers(0, 30),
)
def test_select_pending_groups_of_met_words_as_the_twin_does(data, n, masks, own):
    """`select_pending` skips a group of four words at once where each one's bits say it was met
    and failed (its two bits "tested" alone, when both masks are one bit each): with long runs of
    such words, words among them that passed or are new, at any place in a group, pending bits
    that complete a word's, masks of more than one bit or one bit twice, and more words than the
    places kept on the stack, it finds, asks and keeps what the twin does."""
    tested, passed = masks
    other = 1 << 20  # a bit of another test
    choices = [tested, tested, tested | other, tested | passed, 0, other, passed]
    keys = [f"w{i}" for i in range(n)]
    mixed = data.draw(st.booleans())  # else every word new: more than the places kept on the stack
    values = [data.draw(st.sampled_from(choices)) if mixed else 0 for _ in keys]
    pends = [data.draw(st.sampled_from([0, 0, 0, tested, tested | passed, other])) for _ in keys]
    bits = array("q", values).tobytes()
    pending = bytearray(array("q", pends).tobytes())
    twin_pending = list(pends)
    asked: list[list[str]] = [[], []]

    def test_of(log: list[str]):
        return lambda w: log.append(w) or w.endswith(("1", "4"))

    for _ in range(2):  # the second time reads the first's pending bits
        found = compiled.select_pending(
            test_of(asked[0]), None, None, None, 63, None, keys, bits, pending, tested, passed, own
        )
        twin = tokens._select_pending(
            test_of(asked[1]), None, None, None, 63, None, keys, values, twin_pending, tested, passed, own
        )
        assert found == twin and asked[0] == asked[1]
        assert list(memoryview(pending).cast("q")) == twin_pending


# a letter test's declarations as the tests of `select_gates` draw them: shapes, table, fails,
# only, decided
DECLARED = (
    st.sampled_from([63, 1 | 2, 32]),
    st.sampled_from([None, frozenset({"a", "aB", "é", "a-a"})]),
    st.sampled_from(FAILS),
    st.sampled_from(ONLY),
    st.sampled_from(DECIDED),
)


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    STORY_WORDS,
    MEMORIES,
    st.lists(
        st.tuples(
            st.sampled_from([0, 2, 8, 2 | 8, 1 << 41]),
            st.text("aé€x", max_size=3),
            st.lists(st.integers(0, 5), max_size=3),
        ),
        max_size=5,
    ),
    st.lists(
        st.tuples(st.sampled_from([(1, 2), (4, 8), (1 << 40, 1 << 41)]), *DECLARED, st.integers(0, 13)),
        min_size=6,
        max_size=6,
    ),
    st.text("abé€x ", max_size=8),
    st.sets(st.integers(0, 5), max_size=3),
    st.booleans(),
)
def test_gates_fire_as_the_twin_says(keys, memory, gates, specs, text, chosen, keep):
    """`select_gates` (every gate of a story at once: fired by the remembered bits, by a
    character of the text, or by the first of its tests that selects a word, each test run as
    `select_pending` runs it unless `selected` holds its words) fires, runs, asks, keeps and
    leaves pending what its twin does, gate by gate and test by test."""
    bits, union = compiled.read_bits(keys, memory)
    values = [memory.get(k, 0) for k in keys]
    pending, twin_pending = bytearray(len(bits)), [0] * len(keys)
    known, twin_known = (bytearray(len(keys)), bytearray(len(keys))) if keep else (None, None)
    asked: list[list[str]] = [[], []]

    def test_of(log: list[str], key: int):
        return lambda w: log.append(f"{key}:{w}") or w.startswith("a")

    def program(log: list[str]):
        tests = [
            (key, test_of(log, key), table, fails, only, shapes, decided, tested, passed, own)
            for key, ((tested, passed), shapes, table, fails, only, decided, own) in enumerate(specs)
        ]
        return tuple((passed, chars, tuple(tests[i] for i in among)) for passed, chars, among in gates)

    before = {key: {keys[0]} if keys and key % 2 else set() for key in chosen}
    mine, theirs = dict(before), dict(before)
    got = compiled.select_gates(program(asked[0]), text, mine, keys, bits, pending, known, union)
    twin = tokens._select_gates(
        program(asked[1]), text, theirs, keys, values, twin_pending, twin_known, union
    )
    assert got == twin and asked[0] == asked[1]
    assert mine == theirs and list(memoryview(pending).cast("q")) == twin_pending
    assert known == twin_known
    fired, ran = got
    assert len(fired) == len(gates)
    assert all(mine[k] == before[k] for k in before)  # what `selected` held is read, not run again


def _pended(bits: int) -> bytearray:
    """A box of kept pending bits (`_WordBits.kept`) holding `bits`."""
    box = bytearray(8)
    memoryview(box).cast("q")[0] = bits
    return box


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    STORY_WORDS,
    MEMORIES,
    st.lists(st.tuples(st.sampled_from([(1, 2), (4, 8), (1 << 40, 1 << 41)]), *DECLARED, st.integers(0, 13)),
             min_size=1, max_size=4),
    st.sampled_from([0, 16, 1 << 50]),
    st.booleans(),
)  # fmt: skip
def test_kept_select_as_the_twin_does(keys, memory, specs, held, keep):
    """`select_kept` (one test on a story, as `Document.selected` asks it) finds, asks, leaves
    pending and marks its tested bits pended as its twin does; each test asked twice (the second
    finds its pending bits); None, and nothing done, for no spec or a story whose bits are not
    packed."""
    bits, union = compiled.read_bits(keys, memory)
    values = [memory.get(k, 0) for k in keys]
    known, twin_known = (bytearray(len(keys)), bytearray(len(keys))) if keep else (None, None)
    story = tokens.StoryBits(keys, bits, union, bytearray(len(bits)), known)
    twin_story = tokens.StoryBits(keys, values, union, [0] * len(keys), twin_known)
    mine, theirs = _pended(held), _pended(held)
    asked: list[list[str]] = [[], []]

    def test_of(log: list[str]):
        return lambda w: log.append(w) or w.startswith("a")

    assert compiled.select_kept(None, story, mine) is None
    ran = held
    for (tested, passed), shapes, table, fails, only, decided, own in [*specs, *specs]:
        rest = (shapes, decided, tested, passed, own)
        found = compiled.select_kept((test_of(asked[0]), table, fails, only, *rest), story, mine)
        twin = tokens._select_kept((test_of(asked[1]), table, fails, only, *rest), twin_story, theirs)
        assert compiled.select_kept((test_of([]), table, fails, only, *rest), twin_story, mine) is None
        assert found == twin and asked[0] == asked[1]
        assert list(memoryview(story.pending).cast("q")) == twin_story.pending
        ran |= tested
        assert known == twin_known and mine == theirs == _pended(ran)
    with pytest.raises(TypeError):
        compiled.select_kept((test_of([]), table, fails, only, *rest), story, bytearray(4))


def test_a_read_story_is_flushed_after_select_kept():
    """A story's bits read (`StoryBits.read`) mark it unflushed, so that the results `select_kept`
    leaves pending in it (marking only the memory's box of kept bits) are written by the next
    flush and asked of no word again, and a test that walks the memory itself flushes first."""
    test = tokens.LetterTest(lambda w: w.startswith("q"))
    test._tables()  # settled: `Document.selected` asks `select_kept`
    memory = tokens._WORD_BITS
    doc = parse("Quick quiet quills quote queens.")
    story = doc.word_bits
    assert memory.unflushed.get(id(story)) is story
    assert doc.selected(test) == {"quiet", "quills", "quote", "queens"}
    # (a test of a late slot, past a machine word, writes the memory itself: no box)
    kept = test.kept_spec is not None and type(story.pending) is bytearray
    if kept:
        assert memory.kept_view[0] & test._tested  # pending, in the box
        assert memory.words.get("quiet", 0) & test._tested == 0  # not yet written
    # the test's own walk of the memory flushes the story first: its words are not asked again
    asked: list[str] = []
    again = tokens.LetterTest.select.__get__(test)
    test._test = test._asked = lambda w: asked.append(w) or w.startswith("q")
    assert again({"quiet", "queens", "Quick"}) == {"quiet", "queens"}
    assert asked == []
    assert memory.words["quiet"] & test._passed
    if kept:
        assert not memory.unflushed and memory.kept_view[0] == 0


def test_a_document_selects_as_the_test_does():
    """`Document.selected` (through `select_kept` once a test's tables are settled) answers what
    the test's own `select` finds, for a test first asked and one asked again."""
    test = tokens.LetterTest(lambda w: w.startswith("s"))
    text = "Some stories say so, some sell stock; Sam stays."
    first = parse(text).selected(test)
    # a spec once its tables are settled, unless its bits are past a machine word (a late slot)
    assert (test.kept_spec is not None) == (test._passed < 1 << 63)
    again = parse(text + " sixty").selected(test)
    assert first == {"stories", "say", "so", "some", "sell", "stock", "stays"}, first
    assert again == first | {"sixty"}
    assert test.select(parse(text + " sixty").word_counts) == again


EDIT_LETTERS = "abcxyz'-"
EDIT_LETTERS = "abcxyz'-"
EDIT_LETTERS = "abcxyz'-"


SHAPES = {
    "regime": "LOWER",
    "a": "LOWER",
    "Regime": "CAPITAL",
    "UN": "UPPER",
    "A": "UPPER",
    "McReigme": "MIXED",
    "iPhone": "MIXED",
    "reGime": "MIXED",
    "Zürich": "LETTERS",
    "ß": "LETTERS",
    "İstanbul": "LETTERS",
    "regime's": "OTHER",
    "al-Qaeda": "OTHER",
    "F-16": "OTHER",
    "5pm": "OTHER",
    "x_y": "OTHER",
    "Ⅻ": "OTHER",  # a Roman numeral: not a letter to str.isalpha
    "": "OTHER",
}


def test_a_word_has_the_shape_its_letters_give_both_ways():
    for word, name in SHAPES.items():
        assert tokens.word_shape(word) == tokens.Shape[name], word
        if compiled is not None:
            assert compiled.word_shape(word) == tokens.Shape[name], word


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(st.text(CHARS + "AbcÄ", max_size=8))
def test_the_compiled_shape_is_the_twins(word):
    assert compiled.word_shape(word) == tokens.word_shape(word)


WORD = st.text("aAbB-'é5", max_size=5)


def _sets_or_tables(alphabet: str) -> st.SearchStrategy:
    """Tables of words of `alphabet`: frozensets, and WordTables of the same keys (a table that is
    no set, looked up through its own `in`)."""
    sets = st.frozensets(st.text(alphabet, max_size=5), max_size=12)
    return sets | sets.map(lambda keys: compiled.WordTable("\n".join(sorted(keys)).encode(), "\n"))


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(WORD, unique=True, max_size=25),
    st.integers(1, 63),
    st.none() | st.frozensets(WORD, max_size=12),
    # `fails`: a table, or a tuple of them (none of which may hold the word)
    st.none() | _sets_or_tables("ab-é5") | st.lists(_sets_or_tables("ab-é5"), max_size=3).map(tuple),
    st.none() | st.lists(_sets_or_tables("ab-'é5"), max_size=3).map(tuple),
    st.none() | st.tuples(*[st.integers(-5, 4) | st.tuples(st.integers(0, 4), st.integers(-1, 4))] * 6),
    st.dictionaries(WORD, st.integers(0, 1 << 70), max_size=10),
    st.booleans(),
    st.sampled_from([(1, 3), (1 << 8, 3 << 8), (1 << 66, 3 << 66)]),
)
def test_the_compiled_test_of_new_words_is_the_twins(
    words, shapes, table, fails, only, decided, known, remember, masks
):
    asked: list[str] = []

    def test(word):  # any object: its truth is what counts
        asked.append(word)
        return len(word) % 2 or None

    runs = []
    for run in (compiled.test_words, tokens._test_words):
        asked.clear()
        found, memory = {"kept"}, dict(known)
        run(test, table, fails, only, shapes, decided, words, found, memory if remember else None, *masks)
        runs.append((found, memory, list(asked)))
    assert runs[0] == runs[1]
    found, memory, asked = runs[0]
    tested, both = masks
    for w in words:  # the definition, word by word
        shape = tokens.word_shape(w)
        ascii_letters = w.isascii() and w.isalpha()
        fails_tables = fails if isinstance(fails, tuple) else (fails,)
        listed = fails is not None and ascii_letters and any(w.lower() in t for t in fails_tables)
        # ASCII letters joined by hyphens and apostrophes: its lowercase parts between hyphens too
        joined = not ascii_letters and w.isascii() and w.replace("-", "").replace("'", "").isalpha()
        forms = [w.lower(), *w.lower().split("-")] if joined else [w.lower()]
        read = ascii_letters or joined
        unlisted = only is not None and read and not any(f in t for f in forms for t in only)
        screened = bool(shape & shapes and (table is None or w in table) and not listed and not unlisted)
        value = -1 if decided is None else decided[shape.bit_length() - 1]
        # an int: the longest, or -1 - n, a floor of n (-1: none); a pair: (floor, longest)
        floor, longest = value if isinstance(value, tuple) else (0, value) if value >= 0 else (-value - 1, -1)
        ask = screened and longest < 0 and len(w) >= floor
        passes = bool(ask and len(w) % 2 or screened and floor <= len(w) <= longest)
        assert (w in found) == passes
        assert (w in asked) == ask
        if remember:
            assert memory[w] == known.get(w, 0) | (both if passes else tested)
    assert remember or memory == known
    with pytest.raises(TypeError):
        compiled.test_words(test, None, None, None, 63, None, [b"bytes"], set(), None, 1, 3)
    with pytest.raises(ZeroDivisionError):
        compiled.test_words(lambda w: 1 / 0, None, None, None, 63, None, ["a"], set(), None, 1, 3)
    with pytest.raises(ZeroDivisionError):  # an error in the lookup
        compiled.test_words(test, None, _Raising(), None, 63, None, ["Ab"], set(), None, 1, 3)
    with pytest.raises(ZeroDivisionError):  # in an `only` table's
        compiled.test_words(test, None, None, (frozenset(), _Raising()), 63, None, ["Ab"], set(), None, 1, 3)
    with pytest.raises(TypeError):  # `only` is a tuple of tables
        compiled.test_words(test, None, None, frozenset({"ab"}), 63, None, ["Ab"], set(), None, 1, 3)
    with pytest.raises(TypeError):  # `decided` is six ints or pairs
        compiled.test_words(test, None, None, None, 63, (1, 2), ["Ab"], set(), None, 1, 3)
    with pytest.raises(TypeError):  # a pair is (floor, longest)
        compiled.test_words(test, None, None, None, 63, ((1, 2, 3),) * 6, ["ab"], set(), None, 1, 3)


@needs_compiled
def test_a_word_s_lowercase_form_asked_again_is_the_same():
    """The lowercase form of a word of capitals that the compiled `fails` and `only` checks look up
    is kept for the word (`ascii_looked_up`) and given again when the same word is asked again,
    by any test of any tables: each asks for the word's own lowercase form."""
    words = ["Regime", "UN", "McCain", "Regime" + "s" * 70]  # (the last: one str object, every time)
    for _ in range(3):  # the second and third time from the kept forms
        for table, out in (
            (frozenset({"regime", "mccain"}), {"UN", words[3]}),
            (frozenset({"un"}), set(words) - {"UN"}),
        ):
            found: set[str] = set()
            compiled.test_words(lambda w: True, None, table, None, 63, None, words, found, None, 1, 3)
            assert found == out
            found = set()
            compiled.test_words(lambda w: True, None, None, (table,), 63, None, words, found, None, 1, 3)
            assert found == set(words) - out


class _Raising:
    """A table whose lookup raises: `test_words` passes the error on."""

    def __contains__(self, word: object) -> bool:
        raise ZeroDivisionError


def test_a_table_of_failing_words_is_asked_for_until_there_is_one():
    """`LetterTest(fails=...)`: while the function gives None the test is asked of every word;
    then a word of ASCII letters whose lowercase the table holds fails without it."""
    tables: list[frozenset[str] | None] = [None]
    asked: list[str] = []
    test = tokens.LetterTest(lambda w: asked.append(w) or True, fails=lambda: tables[0])
    assert test.select({"regime": 1, "reigme": 1}) == {"regime", "reigme"}
    tables[0] = frozenset({"regime", "signs"})
    words = {"Regime": 1, "REIGME": 1, "SIGNS": 1, "signs": 1, "signs'": 1}
    assert test.select(words) == {"REIGME", "signs'"}
    assert asked == ["regime", "reigme", "REIGME", "signs'"]


def test_a_tuple_of_failing_tables_fails_a_word_any_of_them_holds():
    """`LetterTest(fails=...)` giving a tuple of tables: a word of ASCII letters whose lowercase
    one of them holds fails without the test; the others are asked."""
    asked: list[str] = []
    tables = (frozenset({"regime"}), frozenset({"signs"}))
    test = tokens.LetterTest(lambda w: asked.append(w) or True, fails=lambda: tables)
    words = {"Regime": 1, "REIGME": 1, "SIGNS": 1, "signs": 1, "signs'": 1, "Zürich": 1}
    assert test.select(words) == {"REIGME", "signs'", "Zürich"}
    assert sorted(asked) == sorted(["REIGME", "signs'", "Zürich"])


def test_decided_lengths_are_read_once_the_failing_table_is_there():
    """`decided` is read after `fails`: while `fails` gives None, a word of a decided shape is
    asked (its floor still holds); once there is a table, a word it does not hold passes by
    its length, unasked, and one it holds fails."""
    tables: list[frozenset[str] | None] = [None]
    asked: list[str] = []
    test = tokens.LetterTest(
        lambda w: asked.append(w) or w == "Reigme",
        fails=lambda: tables[0],
        decided={tokens.Shape.CAPITAL: 10},
        shortest={tokens.Shape.CAPITAL: 3},
    )
    assert test.select({"Regime": 1, "Reigme": 1, "Re": 1}) == {"Reigme"}
    assert asked == ["Regime", "Reigme"]
    tables[0] = frozenset({"signs"})
    assert test.select({"Signs": 1, "Seigns": 1, "Si": 1, "Longer-than": 1, "Muchlongerthan": 1}) == {
        "Seigns"
    }
    assert asked == ["Regime", "Reigme", "Longer-than"]


def test_the_tables_a_word_must_be_in_are_asked_for_until_there_are_some():
    """`LetterTest(only=...)`: while the function gives None the test is asked of every word;
    then a word of ASCII letters whose lowercase none of the tables holds fails without it, and
    so does one of ASCII letters, hyphens and apostrophes none of whose lowercase parts between
    hyphens (nor itself) a table holds; the test is asked of the others (listed, a part listed,
    or of other characters)."""
    tables: list[tuple[frozenset[str], ...] | None] = [None]
    asked: list[str] = []
    test = tokens.LetterTest(lambda w: asked.append(w) or w != "colour", only=lambda: tables[0])
    assert test.select({"regime": 1, "reigme": 1, "colour's": 1}) == {"regime", "reigme", "colour's"}
    tables[0] = (frozenset({"color"}), frozenset({"colour", "colour's"}))
    words = dict.fromkeys(["Color", "COLOUR", "colour", "Colors", "Zürich", "Colour-blind", "re-gime"], 1)
    words |= dict.fromkeys(["U.S.", "Colour's", "colors'"], 1)
    assert test.select(words) == {"Color", "COLOUR", "Zürich", "Colour-blind", "U.S.", "Colour's"}
    second = ["Color", "COLOUR", "colour", "Zürich", "Colour-blind", "U.S.", "Colour's"]
    assert sorted(asked) == sorted(["regime", "reigme", "colour's", *second])


def _asking_for_tables(calls: list[str], tables: list[frozenset[str] | None]) -> tokens.LetterTest:
    """A test of every word, its `table` and `fails` noting in `calls` when they are asked for
    (`fails` gives `tables[0]`)."""
    return tokens.LetterTest(
        lambda w: True,
        table=lambda: calls.append("table") or frozenset({"regime", "signs", "Regime"}),
        fails=lambda: calls.append("fails") or tables[0],
    )


def test_the_tables_are_asked_for_until_both_are_there_and_then_never_again():
    """`LetterTest._tables`: `table` is asked for once, `fails` while it gives None; once both
    are there the pair is kept, and neither function is called for the stories after."""
    calls: list[str] = []
    tables: list[frozenset[str] | None] = [None]
    test = _asking_for_tables(calls, tables)
    assert test.select({"regime": 1, "reigme": 1}) == {"regime"}
    assert calls == ["table", "fails"]
    tables[0] = frozenset({"signs"})
    assert test.select({"signs": 1, "Regime": 1}) == {"Regime"}
    assert calls == ["table", "fails", "fails"]
    for i in range(3):  # a new word each time: the test is run, with its tables
        assert test.select({"signs": 1, "regime": 1, f"new{i}": 1}) == {"regime"}
    assert calls == ["table", "fails", "fails"]


def test_a_story_read_beforehand_asks_for_the_tables_as_select_does():
    """`LetterTest.select_read` takes the kept pair as `select` does: `fails` asked while it
    gives None, and neither function once both are there."""
    calls: list[str] = []
    tables: list[frozenset[str] | None] = [None]
    test = _asking_for_tables(calls, tables)
    assert test.select_read(tokens.StoryBits.read({"regime": 1, "reigme": 1})) == {"regime"}
    assert calls == ["table", "fails"]
    tables[0] = frozenset({"signs"})
    assert test.select_read(tokens.StoryBits.read({"signs": 1, "Regime": 1})) == {"Regime"}
    assert calls == ["table", "fails", "fails"]
    for i in range(3):  # a new word each time: the test is run, with its tables
        assert test.select_read(tokens.StoryBits.read({"signs": 1, f"new{i}": 1})) == set()
    assert calls == ["table", "fails", "fails"]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(EDIT_LETTERS, max_size=70),
    st.lists(st.lists(SLIP, max_size=2), max_size=8),
    st.lists(st.text("abcxyzé", max_size=6), max_size=8),
)
def test_the_edits_among_a_container_are_its_share_of_every_edit(word, slip_lists, strangers):
    """`edits_among(word, container)` is `one_edit_away(word) & container`: compiled and twin,
    with a set, a frozenset, a dict and a `Lookup` (whose compiled filter must rule out no
    edit the container holds), for words of up to 70 letters (past the compiled buffer)."""
    held = {_slipped(word, slips) for slips in slip_lists} | set(strangers) | {word}
    expected = chooser.one_edit_away(word) & held
    for container in (held, frozenset(held), dict.fromkeys(held), chooser.Lookup(frozenset(held))):
        assert chooser.edits_among(word, container) == expected
        keys = container.keys if isinstance(container, chooser.Lookup) else container
        assert chooser._edits_among(word, keys) == expected
        if compiled is not None:
            assert compiled.edits_among(word, keys) == expected


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(EDIT_LETTERS, max_size=70),
    st.lists(st.lists(st.lists(SLIP, max_size=2), max_size=6), min_size=1, max_size=3),
    st.lists(st.text("abcxyzé", max_size=6), max_size=8),
)
def test_the_edits_among_each_container_are_those_of_edits_among(word, slip_lists, strangers):
    """`edits_among_each(word, containers)` is `edits_among` of each container, in one walk:
    the same sets, their members added in the same order (a set's iteration order follows
    from it), with sets, dicts and `Lookup`s mixed, compiled and twin."""
    containers: list = []
    for i, slips in enumerate(slip_lists):
        held = {_slipped(word, s) for s in slips} | set(strangers[i:])
        containers.append((held, dict.fromkeys(held), chooser.Lookup(frozenset(held)))[i % 3])
    expected = [chooser.edits_among(word, c) for c in containers]
    found = chooser.edits_among_each(word, containers)
    assert found == expected
    assert [list(s) for s in found] == [list(s) for s in expected]
    prepared = chooser.edits_among_each(word, chooser.edit_targets(containers))  # read once, asked after
    assert [list(s) for s in prepared] == [list(s) for s in expected]
    if compiled is not None and word.isascii():
        targets = [(c.keys, c.filter) if isinstance(c, chooser.Lookup) else (c, None) for c in containers]
        each = compiled.edits_among_each(word, targets)
        assert [list(s) for s in each] == [list(compiled.edits_among(word, *t)) for t in targets]
        assert each == [chooser.one_edit_away(word) & set(k) for k, _ in targets]


def _swapped_at(word: str, i: int) -> str:
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :] if i + 1 < len(word) else word


@settings(max_examples=examples(400), deadline=None)
@given(
    st.text(EDIT_LETTERS + "é", max_size=70),
    st.lists(st.lists(st.integers(0, 70), max_size=3), min_size=1, max_size=3),
    st.lists(st.text("abcxyzé", max_size=6), max_size=8),
)
@example("abcd", [[1]], [])  # the one swap inside a word of four letters
@example("abcd", [[0, 2]], [])  # at its first letter and in its last two: none inside
@example("aabbc", [[0, 1, 2]], [])
def test_a_swap_inside_is_found_as_each_swap_made_and_looked_up(word, swap_lists, strangers):
    """`swap_inside(word, containers)` is what NL101's `may_be_swapped_slip` asked swap by swap:
    a swap of two different neighbours from the second letter, the last left alone, held by
    one of the containers (sets, dicts and `Lookup`s mixed; swaps at the first letter and of
    the last two held too, which do not count), compiled and twin, past the compiled buffer."""
    containers: list = []
    for k, swaps in enumerate(swap_lists):
        held = {_swapped_at(word, i % max(1, len(word))) for i in swaps} | set(strangers[k:])
        containers.append((held, dict.fromkeys(held), chooser.Lookup(frozenset(held)))[k % 3])
    keys = [c.keys if isinstance(c, chooser.Lookup) else c for c in containers]
    expected = False
    for i in range(1, len(word) - 2):
        if word[i] != word[i + 1]:
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            expected = expected or any(swapped in c for c in keys)
    assert chooser.swap_inside(word, containers) == expected
    assert chooser.swap_inside(word, chooser.edit_targets(containers)) == expected
    assert chooser._swap_inside(word, keys) == expected
    if compiled is not None and word.isascii():
        targets = [(c.keys, c.filter) if isinstance(c, chooser.Lookup) else (c, None) for c in containers]
        assert compiled.swap_inside(word, targets) is expected


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.text("abcdefghijklmnopqrstuvwxyz", max_size=70))
def test_every_edit_of_a_word_passes_the_filter_of_a_table_of_them(word):
    """The compiled walk hashes an edit's opening once for all the edits that share it, and its
    ending for each (deletions, swaps, substitutions, insertions at every place, past the
    compiled buffer too): every edit is found through the filter of a table that holds every
    edit, so each hash is the one the filter was built with (a wrong one misses edits)."""
    every = chooser.one_edit_away(word)
    lookup = chooser.Lookup(frozenset(every))
    assert compiled.edits_among(word, lookup.keys, lookup.filter) == every
    assert compiled.edits_among_each(word, [(lookup.keys, lookup.filter)] * 2) == [every, every]


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(EDIT_LETTERS + "AZ", max_size=70),
    st.lists(st.lists(SLIP, max_size=2), max_size=10),
    st.lists(st.text("abcxyzAé'-", max_size=8), max_size=10),
)
def test_the_affix_tables_rule_out_no_edit_a_container_holds(word, slip_lists, strangers):
    """A filter pair (edit_filter's bytes or None, affix_filter's tables) rules out no edit the
    container holds: the letters the tables leave at each place are those that follow the
    word's opening in some key and precede its ending in one (and, a letter further, the
    letter after it and the one before), a deletion or swap is kept where its opening and
    ending meet in keys, and every edit held is found, alone, beside targets without tables or
    beside another target with its own tables (each edit kept if one target's tables keep it),
    for words and keys with capitals, apostrophes, hyphens and letters outside ASCII (which no
    edit puts), past the compiled buffer."""
    held = frozenset({_slipped(word, slips) for slips in slip_lists} | set(strangers))
    expected = chooser.one_edit_away(word) & held
    affixes = compiled.affix_filter(held)
    halves = (frozenset(sorted(held)[::2]), frozenset(sorted(held)[1::2]))
    for pair in ((None, affixes), (compiled.edit_filter(held), affixes)):
        if word.isascii():
            assert compiled.edits_among(word, held, pair) == expected
            found = compiled.edits_among_each(word, [(held, pair), (set(held), None), (held, pair)])
            assert found == [expected] * 3
            each = [(h, (pair[0] and compiled.edit_filter(h), compiled.affix_filter(h))) for h in halves]
            assert compiled.edits_among_each(word, each) == [expected & h for h in halves]


@needs_compiled
@settings(max_examples=100, deadline=None)
@given(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=40), st.data())
def test_edits_among_a_word_table_find_what_its_twin_finds(word, data):
    """Through a `WordTable` (its slots fetched ahead of each edit's lookup when it has no
    filter) and through a set with the filter pair (the filter's words fetched ahead, the
    hashes of a word's edits made before its walk): what `_edits_among` finds, for words with
    more edits than the walk's room on the stack (1,024)."""
    every = sorted(chooser.one_edit_away(word))
    # (no empty key: a table leaves empty lines out)
    held = (data.draw(st.sets(st.sampled_from(every), max_size=len(every))) | {"zz" + word}) - {""}
    table = compiled.WordTable("\n".join(sorted(held)).encode(), "\n")
    expected = chooser._edits_among(word, frozenset(held))
    lookup = chooser.Lookup(frozenset(held))
    assert compiled.edits_among(word, table, None) == expected
    assert compiled.edits_among(word, lookup.keys, lookup.filter) == expected
    found = compiled.edits_among_each(word, [(table, None), (lookup.keys, lookup.filter), (set(held), None)])
    assert found == [expected] * 3


@needs_compiled
def test_the_affix_tables_are_two_of_a_power_of_two_masks():
    """affix_filter's bytes are two tables of 32-bit letter masks, a power of two of them each,
    from 64 (about three for every two keys); a pair whose second is not such bytes is refused."""
    assert len(compiled.affix_filter([])) == 2 * 64 * 4
    keys = [f"{a}{b}{c}word" for a in "abcdefgh" for b in "abcdefgh" for c in "abcdefgh"]
    slots = len(compiled.affix_filter(keys)) // 8
    assert slots & (slots - 1) == 0 and 2 * slots >= 3 * 512 > slots
    for wrong in (b"", b"\0" * 24, b"\0" * 8, "text", None):
        with pytest.raises(ValueError):
            compiled.edits_among("cafe", frozenset({"cafe"}), (None, wrong))


@needs_compiled
def test_edits_among_each_refuses_what_edits_among_refuses():
    """The same checks as `edits_among`: an ASCII word, sets or dicts, filters from
    `edit_filter`, and (container, filter) pairs in a list."""
    listed = frozenset({"cafe", "cage"})
    assert compiled.edits_among_each("cafe", []) == []
    found = compiled.edits_among_each("caje", [(listed, None), ({"cake": 1}, None)])
    assert found == [{"cafe", "cage"}, {"cake"}]
    with pytest.raises(ValueError):
        compiled.edits_among_each("café", [(listed, None)])
    with pytest.raises(TypeError):
        compiled.edits_among_each("cafe", [(["cafe"], None)])
    with pytest.raises(ValueError):
        compiled.edits_among_each("cafe", [(listed, b"odd")])
    with pytest.raises(TypeError):
        compiled.edits_among_each("cafe", [listed])
    with pytest.raises(TypeError):
        compiled.edits_among_each("cafe", ((listed, None),))
    with pytest.raises(ValueError):
        compiled.edits_among_each("cafe", [(listed, None)] * 9)


@needs_compiled
def test_the_filtered_edits_of_listed_words_are_every_listed_edit():
    """Over the shipped word list (its built set, as the rules read it through a `Lookup`):
    the compiled edits of every 40th listed ASCII word, and of those words with a letter
    doubled, are the listed words one edit away, the filter losing none."""
    from newslint.rules.typos._words import english

    listed = frozenset(english().ordered)
    lookup = chooser.Lookup(listed)
    sample = [w for w in sorted(listed) if w.isascii()][::40]
    for word in sample + [w[:1] + w for w in sample[::5]]:
        assert compiled.edits_among(word, listed, lookup.filter) == chooser.one_edit_away(word) & listed
    with pytest.raises(ValueError):
        compiled.edits_among("café", listed)
    with pytest.raises(TypeError):
        compiled.edits_among("cafe", ["cafe"])
    with pytest.raises(ValueError):
        compiled.edits_among("cafe", listed, b"odd")


SLIP_LETTERS = "aeiosdpqyck'- A"


@settings(max_examples=examples(500), deadline=None)
@given(st.text(SLIP_LETTERS, max_size=12), st.text(SLIP_LETTERS, max_size=12))
def test_the_compiled_slip_cost_is_the_python_one(typo, word):
    """`slip_cost` (the compiled `weighted_osa` over the costs' tables for ASCII words) gives the
    very doubles of `_slip_cost`, the Python definition, and so does a word past ASCII (which
    the compiled form leaves to the definition)."""
    assert _context.slip_cost(typo, word) == _context._slip_cost(typo, word)
    assert _context.slip_cost(typo + "é", word) == _context._slip_cost(typo + "é", word)


@needs_compiled
def test_the_compiled_slip_cost_agrees_on_long_words_and_every_key_pair():
    """Past the compiled form's stack rows (32 letters), and every pair of ASCII characters
    typed for another (each substitution, insertion and deletion the tables hold)."""
    long = "internationalisation" * 3
    for typo in (long, long[:-1], long[1:], long.replace("na", "an", 1), long + "s", "x" * 40):
        assert _context.slip_cost(typo, long) == _context._slip_cost(typo, long)
    chars = [chr(c) for c in range(128)]
    for a in chars:
        for b in chars:
            for typo, word in ((f"x{a}y", f"x{b}y"), (f"{a}{b}", b), (a, f"{a}{b}"), (f"{a}{b}", f"{b}{a}")):
                assert _context.slip_cost(typo, word) == _context._slip_cost(typo, word), (typo, word)
    with pytest.raises(ValueError):
        compiled.weighted_osa("é", "e", *_context._slip_tables())


TABLE_LETTERS = "abcab'-"
COSTS = st.one_of(st.floats(0, 5), st.just(float("inf")), st.sampled_from([0.0, 0.6, 1.0]))


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(st.text(TABLE_LETTERS, max_size=9), st.text(TABLE_LETTERS, max_size=9), st.data())
def test_the_compiled_slip_cost_is_its_definition_over_any_tables(typo, word, data):
    """`weighted_osa` fills its table a row at a time, each cell from the cells it is reached
    from, and reckons a letter's insertion cost once a column: the doubles of `_slip_cost`,
    which fills the table in its order, over any costs' tables (zero costs, infinite ones: a
    cell not reached), its cost functions read from the same tables."""
    letters = sorted(set(TABLE_LETTERS))
    sub, near = bytearray(128 * 128), bytearray(128 * 128)
    for a in letters:
        for b in letters:
            sub[ord(a) * 128 + ord(b)] = data.draw(st.integers(0, 4))
            near[ord(a) * 128 + ord(b)] = data.draw(st.integers(0, 1))
    values = tuple(data.draw(st.lists(COSTS, min_size=1, max_size=4)))
    costs = tuple(data.draw(st.lists(COSTS, min_size=7, max_size=7)))
    ins_same, ins_near, ins_other, del_same, del_other, swap, first = costs

    def substitution(typed, meant):
        k = sub[ord(meant) * 128 + ord(typed)]
        return values[k] if k < len(values) else 0.0  # (an index past the values reads 0)

    def insertion(extra, before, after):
        if extra in (before, after):
            return ins_same
        touch = any(c and near[ord(c) * 128 + ord(extra)] for c in (before, after))
        return ins_near if touch else ins_other

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_context, "substitution_cost", substitution)
        mp.setattr(_context, "insertion_cost", insertion)
        mp.setattr(
            _context,
            "deletion_cost",
            lambda lost, before, after: del_same if lost in (before, after) else del_other,
        )
        mp.setattr(_context, "TRANSPOSITION", swap)
        mp.setattr(_context, "FIRST_LETTER", first)
        expected = _context._slip_cost(typo, word)
    assert compiled.weighted_osa(typo, word, bytes(sub), bytes(near), values, costs) == expected


SCORED = ["agency", "agony", "angry", "the", "them", "news", "new", "regime", "sanctions", "sections", "zzxq"]


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(
    st.sampled_from(["agcny", "reigme", "sactions", "nwes", "teh", "tehe", "x"]),
    st.lists(st.sampled_from(SCORED), max_size=9, unique=True),
    st.one_of(st.none(), st.sampled_from(["the", "news", "said", "of", "qqq", "régime"])),
    st.one_of(st.none(), st.sampled_from(["the", "agency", "said", "to", "qqq", "café"])),
    st.lists(st.sampled_from(SCORED), max_size=4),
    st.dictionaries(st.sampled_from(SCORED), st.integers(-3, 40)),
    st.integers(-5, 5000),
    st.dictionaries(st.sampled_from(SCORED), st.sampled_from([1.0, 0.5, 2])),
    st.booleans(),
)
def test_the_compiled_word_scores_are_the_twins(typo, words, before, after, paired, story, size, extra, told):
    """`word_scores` gives `_word_scores`' tuples to the last bit (slip costs, fits with the
    pairs looked up or left out by `paired`, a story's lift, its use counts negative or none),
    and None, as the twin does, where a candidate is past ASCII or holds a space; the same with
    its pairs read in the pair table's bytes (`_pairs.after_table()`) as with `_pairs.count`."""
    unigram = _context.unigram
    neighbours = (
        before,
        after,
        0.0 if before is None else unigram(before),
        0.0 if after is None else unigram(after),
    )
    within = set(chooser.near_words(typo, words))
    sets = (set(paired[:2]), set(paired[2:]), within) if told else (frozenset(), frozenset(), frozenset())
    tables, ranks = _context._slip_tables(), _words.english().rank_lookup()
    args = (typo, words, tables, neighbours, sets, extra, story, size)
    found = compiled.word_scores(*args, ranks, _pairs.count, _context._WEIGHTS)
    assert found == _context._word_scores(*args)
    assert found is not None
    table = (_pairs.after_table(), _pairs.after_lines())
    assert compiled.word_scores(*args, ranks, table, _context._WEIGHTS) == found
    if words and before is not None:  # a count that is no run of digits: left to Python, which raises
        odd_table = f"{before}\t {' '.join(f'{w}:x' for w in sorted(words))}\n".encode()
        every = (*args[:4], (frozenset(), frozenset(), frozenset()), *args[5:])  # every pair looked up
        odd = (odd_table, compiled.table_line_starts(odd_table))
        assert compiled.word_scores(*every, ranks, odd, _context._WEIGHTS) is None
    for odd in ("régime", "of the"):
        assert (
            compiled.word_scores(typo, [*words, odd], *args[2:], ranks, _pairs.count, _context._WEIGHTS)
            is None
        )
        assert _context._word_scores(typo, [*words, odd], *args[2:]) is None
    if words:  # a rank int() reads but that is no plain run of digits: left to Python
        assert compiled.word_scores(*args, (lambda w: " 7", 9), _pairs.count, _context._WEIGHTS) is None


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(
    st.text("ab'é\U0001f600", min_size=0, max_size=6),
    st.lists(st.text("ab'é\U0001f600", max_size=7), max_size=12),
)
@example("dont", ["don't"])
@example("ab", ["a'b", "ab'"])  # (no place at either end)
@example("aab", ["a'ab", "aa'b"])  # two forms: none
def test_an_apostrophe_form_is_found_as_the_twin_finds_it(word, listed):
    """`apostrophe_form` finds in a `WordTable` the one form of the word with an apostrophe put in
    between two of its characters (never inside a character's bytes), as `_apostrophe_form` finds
    it in the set of the same words; NotImplemented, for the twin, for a set or a lone surrogate."""
    from newslint.rules.typos.unknown_word import _apostrophe_form

    listed = sorted({w for w in listed if w and "\n" not in w})
    table = compiled.WordTable("\n".join(listed).encode(), "\n")
    expected = _apostrophe_form(set(listed), word)
    assert compiled.apostrophe_form(table, word) == expected
    assert compiled.apostrophe_form(set(listed), word) is NotImplemented
    assert compiled.apostrophe_form(table, "a\ud800b") is NotImplemented
    long_word = "x" * 200  # (past the form's buffer on the stack)
    long_table = compiled.WordTable(f"{long_word[:99]}'{long_word[99:]}".encode(), "\n")
    assert compiled.apostrophe_form(long_table, long_word) == f"{long_word[:99]}'{long_word[99:]}"


SCORES = st.one_of(st.sampled_from([-3.0, -0.0, 0.0, 2.5]), st.floats(-800, 50), st.just(-math.inf))


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.tuples(SCORES, st.sampled_from(SCORED), st.floats(0, 9), st.booleans()), max_size=9))
@example([(-1000.0, "agency", 1.0, True), (0.0, "agony", 2.0, False)])  # a share that is 0.0
def test_the_compiled_ranking_is_the_twins(scored):
    """`ranked_shares` ranks weigh's scored candidates as `_ranked` does: the same order (ties in
    the scores' order, -0.0 tied with 0.0), the same shares to the last bit, each a `Weighed`;
    and None, left to the twin, for a score that is no float or NaN."""
    found = compiled.ranked_shares(scored, _context.Weighed)
    expected = _context._ranked(scored)
    assert repr(found) == repr(expected)  # (-inf alone: a share that is NaN, in both)
    assert all(type(w) is _context.Weighed for w in found)
    assert [math.copysign(1.0, w.share) for w in found] == [math.copysign(1.0, w.share) for w in expected]
    for odd in (math.nan, 3):
        assert compiled.ranked_shares([*scored, (odd, "the", 1.0, False)], _context.Weighed) is None
    with pytest.raises(TypeError):
        compiled.ranked_shares(scored, int)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text("aB-'’é", max_size=6), st.integers(1, 5)), max_size=12), st.integers(1, 6))
@example([("seed", 1), ("Seed", 1), ("aB", 2), ("ab", 2)], 3)  # counted forms met again: 1 + 1, 2 + 2
def test_the_forms_are_added_up_both_ways(pairs, limit):
    """`add_forms` (NL101's story counts): compiled and twin, the same counts in the same order,
    and the same memo, cleared when it reaches its limit. (A form met again is added to, though
    its count is the very object of the uses it adds: the compiled one tells a new form by the
    dict's growth.)"""
    from newslint.rules.typos.unknown_word import _counted_as

    word_counts = Counter(dict(pairs))
    runs = []
    for add in (chooser._add_forms, compiled.add_forms if compiled is not None else chooser._add_forms):
        counts: Counter[str] = Counter({"seed": 1})
        memo = {"x": ("x", "y")}
        add(counts, word_counts, memo, _counted_as, limit)
        runs.append((list(counts.items()), list(memo.items())))
    if compiled is not None:  # the counts as the index makes them (`WordCounts`): the same walk
        counts = Counter({"seed": 1})
        memo = {"x": ("x", "y")}
        made = compiled.word_counts(list(word_counts), list(word_counts.values()))
        compiled.add_forms(counts, made, memo, _counted_as, limit)
        runs.append((list(counts.items()), list(memo.items())))
    assert runs[0] == runs[-1] == runs[1]


# words and keys that are not words: equal copies, other lengths, other types, one unhashable
COUNTED_WORDS = st.lists(st.text("abé’-A", min_size=1, max_size=4), unique=True, max_size=40)


@settings(max_examples=examples(600), deadline=None)
@given(COUNTED_WORDS, st.data())
@example(["a", "b"], None)
def test_the_word_counts_read_as_the_twin_s_counter(words, data):
    """`word_counts(words, uses)` (what `index_tokens` makes for `Prose.word_counts`): compiled
    and twin (a Counter), the same words and counts in the same order, a missing key's count 0,
    `get`, `in`, `keys()`, `values()`, `items()`, `==` with either and with a dict; a key that
    is an equal copy is found, one that is unhashable refused; a word given twice is refused."""
    uses = (
        [1 + 7 * i % 300 for i in range(len(words))]
        if data is None
        else data.draw(st.lists(st.integers(1, 300), min_size=len(words), max_size=len(words)))
    )
    twin = chooser._word_counts(words, uses)
    asks = [*words, "", "zz", 5, None, 2.0, *("".join(list(w)) for w in words)]
    for made in (chooser.word_counts(list(words), uses), twin):
        assert len(made) == len(twin) and list(made) == list(twin) == words
        assert list(made.keys()) == words and list(made.values()) == uses
        assert list(made.items()) == list(twin.items())
        for key in asks:
            assert (key in made) == (key in twin) and made[key] == twin[key]
            assert made.get(key) == twin.get(key) and made.get(key, -1) == twin.get(key, -1)
        assert made == twin and twin == made and made == dict(twin) and (made != twin) is False
        assert made != Counter({**twin, "zz": 1}) and made != {} or not words
        with pytest.raises(TypeError):
            made[[]]  # type: ignore[index]
    if words and compiled is not None:
        with pytest.raises(ValueError):
            compiled.word_counts([*words, "".join(list(words[0]))], [*uses, 1])
        with pytest.raises(TypeError):
            compiled.word_counts([*words, 5], [*uses, 1])


def _made(asked: list[str]) -> Callable[[str], tuple[str, ...]]:
    """A `make` for `add_forms` that notes each word it is asked about."""

    def make(word: str) -> tuple[str, ...]:
        asked.append(word)
        return (word.lower(), "made")

    return make


def test_a_word_of_ascii_letters_is_counted_as_its_lowercase_without_the_memo():
    """`add_forms` counts a word of ASCII letters alone as its lowercase form, both ways: `make`
    is not asked and the memo neither read nor written (a stale entry for it is ignored), for
    a capitalised word or one in capitals too; a word with a hyphen, an apostrophe or a letter
    outside ASCII still goes through both."""
    for add in (chooser._add_forms, compiled.add_forms if compiled is not None else chooser._add_forms):
        asked: list[str] = []
        counts: Counter[str] = Counter()
        memo = {"plain": ("stale",), "The": ("stale",)}
        words = {"plain": 2, "The": 3, "café": 1, "co-op": 1, "the": 4, "NATO": 1, "Café": 2, "a'b": 1}
        add(counts, words, memo, _made(asked), 10)
        assert asked == ["café", "co-op", "Café", "a'b"]
        assert list(counts.items()) == [
            ("plain", 2),
            ("the", 7),
            ("café", 3),
            ("made", 5),
            ("co-op", 1),
            ("nato", 1),
            ("a'b", 1),
        ]
        assert list(memo) == ["plain", "The", "café", "co-op", "Café", "a'b"]


@settings(max_examples=examples(300), deadline=None)
@given(st.text(string.ascii_letters, min_size=1, max_size=12))
def test_nl101_counts_a_word_of_ascii_letters_as_its_lowercase(word):
    """The forms NL101's story counts give a word of ASCII letters alone are its lowercase form
    alone: what `add_forms` assumes when it skips their memo."""
    from newslint.rules.typos.unknown_word import _counted_as

    assert _counted_as(word) == (word.lower(),)


class _Held:
    """A container that is no set or dict: looked up through its `__contains__`."""

    def __init__(self, words: set[str]) -> None:
        self.words = words

    def __contains__(self, word: object) -> bool:
        return word in self.words


@settings(max_examples=examples(500), deadline=None)
@given(
    st.text("aAbBzZé1-'", max_size=8),
    st.integers(0, 6),
    st.sets(st.text("abz", max_size=6), max_size=6),
    st.sets(st.text("abz", max_size=6), max_size=6),
)
def test_an_unlisted_capital_is_found_both_ways(text, minimum, words, wrong):
    """`unlisted_capital` (NL101's capital tests): compiled and twin, the same form for any text,
    with the word tables as a frozenset, a dict's keys or a container of another kind."""
    twin = chooser._unlisted_capital(text, minimum, frozenset(words), dict.fromkeys(wrong).keys())
    if compiled is not None:
        for held in (frozenset(words), set(words), _Held(words)):
            assert compiled.unlisted_capital(text, minimum, held, dict.fromkeys(wrong).keys()) == twin
            assert compiled.unlisted_capital(text, minimum, held, _Held(wrong)) == twin
    assert twin in (0, 1, 2)
    plain = len(text) >= minimum and text.isascii() and text.isalpha() and text.lower() not in words | wrong
    assert (twin == 1) == (plain and text[0].isupper() and text[1:].islower())
    assert (twin == 2) == (plain and text.isupper())


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(0, 40), st.lists(st.one_of(st.integers(-5, 5), st.text("ab", max_size=3)), max_size=40))
@example(document.SELECTED_ROOM, list(range(15)))  # a story's kept selections, one over the room
def test_a_presized_dict_holds_what_a_display_holds(room, keys):
    """`presized_dict` (a story's `_selected`): compiled and twin, an empty dict that, filled and
    emptied again in any order, holds the same items in the same order as a dict display does;
    only the size of its table differs. A size below 0 is refused both ways."""
    makers = [chooser._presized_dict] + ([compiled.presized_dict] if compiled is not None else [])
    for make in makers:
        made, plain = make(room), {}
        assert type(made) is dict and made == {}
        for i, key in enumerate(keys):
            made[key] = plain[key] = i
            if i % 7 == 6:  # a deletion now and then: order kept through the holes
                assert made.pop(keys[i // 2], None) == plain.pop(keys[i // 2], None)
            assert list(made.items()) == list(plain.items())
        with pytest.raises(ValueError):
            make(-1)
    if compiled is not None and room:  # room for `room` keys: no growth after the first is in
        full = compiled.presized_dict(room)
        full[0] = 0
        size = sys.getsizeof(full)
        for i in range(1, room):
            full[i] = i
        assert sys.getsizeof(full) == size


_SPAN_ITEMS = st.one_of(
    st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda p: Span(p[0], p[0] + p[1])),
    st.tuples(st.integers(-3, 30), st.integers(-3, 30)),  # plain pairs, a start past its end too
    st.tuples(st.integers(0, 9)),  # not a pair
    st.tuples(st.just(2**63), st.just(2**63 + 1)),  # past a long long
    st.tuples(st.just(1.0), st.just(2)),  # not ints
)


def _pair_of(span: tuple[object, ...]) -> tuple[int, int] | None:
    """A span's two ints as a tuple's items, or None when it is no pair of ints a Span holds
    (0 <= start <= end) and a long long too."""
    if not isinstance(span, tuple) or tuple.__len__(span) != 2:
        return None
    start, end = tuple.__getitem__(span, 0), tuple.__getitem__(span, 1)
    fits = type(start) is int and type(end) is int and 0 <= start <= end < 2**63
    return (start, end) if fits else None


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(_SPAN_ITEMS, max_size=8), st.booleans())
@example([Span(0, 3), Span(4, 9)], True)  # apart, in order
@example([Span(0, 3), Span(3, 9), Span(5, 6)], True)  # touching, and inside: merged
@example([Span(4, 9), Span(0, 3)], False)  # apart, out of order
@example([Span(2, 2), Span(2, 2), Span(1, 5)], False)  # equal ones, empty ones
@example([(5, 3), (4, 6)], True)  # a start past its end
@example([], True)
def test_span_set_parts_are_the_same_both_ways(spans, as_tuple):
    """`span_set_parts` (`SpanSet`'s sorted and merged spans, its starts and ends): compiled and
    twin, the same answer of the same types for spans of any kind: None unless each is a pair of
    ints, else the spans sorted and merged where they overlap or touch (`merged_span_parts`,
    SpanSet's own steps), a sorted tuple of spans apart given back as itself (compiled)."""
    given_spans = tuple(spans) if as_tuple else list(spans)
    twin = chooser._span_set_parts(given_spans, Span)
    if compiled is not None:
        found = compiled.span_set_parts(given_spans, Span)
        assert found == twin
        if found is not None:
            assert [type(s) for s in found[0]] == [type(s) for s in twin[0]]
            ordered = sorted(given_spans)
            apart = all(a[1] < b[0] for a, b in zip(ordered, ordered[1:], strict=False))
            assert (found[0] is given_spans) == (as_tuple and apart and ordered == list(given_spans))
    if None in map(_pair_of, spans):
        assert twin is None
        return
    assert twin is not None
    merged: list[list[int]] = []
    for start, end in sorted(map(_pair_of, spans)):  # type: ignore[type-var]
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    assert [tuple(s) for s in twin[0]] == [tuple(m) for m in merged]
    assert twin[1] == [m[0] for m in merged] and twin[2] == [m[1] for m in merged]
    assert chooser._span_set_parts(set(spans), Span) is None  # neither a tuple nor a list


def test_a_story_keeps_its_selections_in_a_presized_dict():
    """A parsed story's `_selected` is an empty plain dict, its own (never shared between stories)."""
    first, second = parse("One story.\n"), parse("Another story.\n")
    assert type(first._selected) is dict and first._selected == {}
    assert first._selected is not second._selected


@settings(max_examples=examples(1000), deadline=None)
@given(st.text("aAbBzZéÉǅßΣσİﬁⅣ1-.'’s ", max_size=9), st.integers(0, 4), st.integers(0, 8))
@example("A", 0, 64)  # a lone capital
@example("A's", 0, 64)
@example("F-16", 0, 64)  # one letter among capitals and figures
@example("U.S.", 0, 64)  # capitals after the first
@example("ǅemal", 0, 64)  # a titlecase letter: no capital
@example("Élysée’s", 4, 6)
def test_a_bare_name_is_the_same_both_ways(text, shortest, longest):
    """`bare_name` (a name rule's test of each new word): compiled and twin, the same answer for
    any text, Unicode case included; the twin is its definition."""
    twin = chooser._bare_name(shortest, longest, text)
    if compiled is not None:
        assert compiled.bare_name(shortest, longest, text) == twin
    name = text[:-2] if text[-2:] in ("'s", "’s") else text
    plain = (
        shortest <= len(name) <= longest
        and name[:1].isupper()
        and not name[1:].isupper()
        and not (name.isupper() and sum(c.isalpha() for c in name) > 1)
    )
    assert twin == (name if plain else None)


PAIR_TEXT = "ab z.'’-/@_1é X\n"


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(st.text(PAIR_TEXT, max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_the_compiled_pair_scan_finds_what_the_regex_finds(text, a, b):
    """`split_pairs` with a filter that lets every join through is `_PAIR.finditer(text, start,
    end)` (NL105's pairs of lowercase words): the same places, in order, the look-behind
    reading before `start` and the look-ahead nothing from `end`."""
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    expected = [(m.start(1), m.end(1), m.end(2)) for m in _split._PAIR.finditer(text, start, end)]
    assert compiled.split_pairs(text, start, end, b"\xff" * 128, 0) == expected
    assert compiled.split_pairs(text, start, end, b"\xff" * 128, 5) == [
        (p, q, e) for p, q, e in expected if q - p + e - q - 1 >= 5
    ]


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ab", "z", " ", "  ", ".", "'", "-", "/", "@", "_", "1", "\u00e9", "X", "\n", "a" * 20]
        ),
        max_size=60,
    ),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_the_pair_scan_of_a_long_one_byte_text_finds_what_the_regex_finds(pieces, a, b):
    """`split_pairs` over a one-byte text of many blocks (sixteen bytes a time where SSE2 is):
    each pair's words bounded across the blocks either side, a word longer than a block, and
    `start` and `end` anywhere, the same places as `_PAIR.finditer(text, start, end)`."""
    text = "".join(pieces)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    expected = [(m.start(1), m.end(1), m.end(2)) for m in _split._PAIR.finditer(text, start, end)]
    assert compiled.split_pairs(text, start, end, b"\xff" * 128, 0) == expected
    assert compiled.split_pairs(text, start, end, b"\xff" * 128, 5) == [
        (p, q, e) for p, q, e in expected if q - p + e - q - 1 >= 5
    ]
    # the same pairs where the str is two bytes a character (the scan a character at a time)
    assert compiled.split_pairs(text + "\u2014", start, end, b"\xff" * 128, 0) == expected


# A character past the end of a scan that widens the str: two bytes a character, and four.
WIDER = ("\u2014", "\U0001f600")


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(
    st.text(PAIR_TEXT, max_size=30), st.lists(st.text("abz", min_size=1, max_size=8), max_size=6), st.data()
)
def test_the_pair_scan_hashes_each_join_in_place_in_every_kind_of_str(text, words, data):
    """`split_pairs` with a real filter (each join hashed where it stands, its two words one after
    the other, in a scan made for each kind of str): the same pairs in a str of one, two or four
    bytes a character; among the pairs the scan finds with no filter, and every pair whose join
    the filter was built from."""
    end = data.draw(st.integers(0, len(text)))
    every = compiled.split_pairs(text, 0, end, b"\xff" * 128, 0)
    joined = [text[p:q] + text[q + 1 : e] for p, q, e in every]
    held = set(words) | set(joined[::2])
    found = compiled.edit_filter(sorted(held))
    pairs = compiled.split_pairs(text, 0, end, found, 0)
    for wider in WIDER:
        assert compiled.split_pairs(text + wider, 0, end, found, 0) == pairs
    assert set(pairs) <= set(every)
    assert {pair for pair, join in zip(every, joined, strict=True) if join in held} <= set(pairs)


@needs_compiled
@settings(max_examples=100, deadline=None)
@given(st.lists(st.text("abcde", min_size=1, max_size=5), min_size=2, max_size=120), st.data())
def test_the_pair_scan_tests_its_joins_in_batches_in_order(words, data):
    """`split_pairs` over texts of many pairs (their filter words fetched a batch at a time, then
    tested): the pairs kept are in the order the scan meets them, among those a filter that
    lets every join through gives, and every pair whose join the filter holds is kept."""
    text = " ".join(words) + data.draw(st.sampled_from(["", ".", " x"]))
    every = compiled.split_pairs(text, 0, len(text), b"\xff" * 128, 0)
    joined = [text[p:q] + text[q + 1 : e] for p, q, e in every]
    held = set(data.draw(st.lists(st.sampled_from(joined), max_size=len(joined)))) if joined else set()
    pairs = compiled.split_pairs(text, 0, len(text), compiled.edit_filter(sorted(held) or ["q"]), 0)
    place = {pair: k for k, pair in enumerate(every)}
    assert [place[pair] for pair in pairs] == sorted(place[pair] for pair in pairs)
    assert {pair for pair, join in zip(every, joined, strict=True) if join in held} <= set(pairs)
    assert compiled.split_pairs(text, 0, len(text), b"\xff" * 8, 0) == every
    with pytest.raises(ValueError):
        compiled.split_pairs(text, 0, len(text), b"\xff" * 4, 0)


SPLIT_KEYS = st.lists(
    st.text("abcz", min_size=1, max_size=9) | st.sampled_from(["ab-c", "Abc", "\u00e9t\u00e9", "a1"])
)
SPLIT_PIECES = ["ab", "abc", "z", "zab", "cab", " ", " ", ".", "'", "-", "X", "\n", "a" * 9]


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(SPLIT_KEYS, st.integers(0, 6))
def test_the_split_marks_are_the_twins(keys, shortest):
    """`split_marks` is its pure twin's bytes: the letters about every split of the lowercase
    ASCII keys of `shortest` letters or more, in `edit_filter`'s layout, sized by the splits."""
    assert compiled.split_marks(keys, shortest) == chooser._split_marks(keys, shortest)
    assert compiled.split_marks(iter(keys), shortest) == chooser._split_marks(keys, shortest)


def test_a_split_key_is_three_letters_either_side_of_a_space():
    """`split_key` reads up to three letters either side of the split, the space between."""
    assert chooser.split_key("govern", "ment") == int.from_bytes(b"ern men", "little")
    assert chooser.split_key("a", "t") == int.from_bytes(b"\0\0a t\0\0", "little")


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(st.sampled_from(SPLIT_PIECES), max_size=40),
    st.lists(st.text("abcz", min_size=1, max_size=9), max_size=8),
    st.integers(0, 6),
    st.data(),
)
def test_the_split_marks_rule_out_no_pair_whose_join_is_held(pieces, words, shortest, data):
    """`split_pairs` with `split_marks` of the held words (each pair's letters about its space
    tested before its join is hashed, read by one load of a one-byte text away from its ends): the
    pairs kept are among those kept without them, every pair whose join is held and `shortest`
    letters or more is kept, and the same in a str of one, two or four bytes a character."""
    text = "".join(pieces)
    start, end = sorted((data.draw(st.integers(0, len(text))), data.draw(st.integers(0, len(text)))))
    every = compiled.split_pairs(text, start, end, b"\xff" * 8, shortest)
    joined = [text[p:q] + text[q + 1 : e] for p, q, e in every]
    held = set(words) | set(joined[::2])
    found, marks = compiled.edit_filter(sorted(held)), compiled.split_marks(sorted(held), shortest)
    pairs = compiled.split_pairs(text, start, end, found, shortest, marks)
    assert set(pairs) <= set(compiled.split_pairs(text, start, end, found, shortest))
    assert {pair for pair, join in zip(every, joined, strict=True) if join in held} <= set(pairs)
    assert set(compiled.split_pairs(text, start, end, b"\xff" * 8, shortest, marks)) >= set(pairs)
    for wider in WIDER:
        assert compiled.split_pairs(text + wider, start, end, found, shortest, marks) == pairs
    with pytest.raises(ValueError):
        compiled.split_pairs(text, start, end, found, shortest, b"\xff" * 4)


@needs_compiled
def test_the_commonest_words_filter_lets_every_common_join_through():
    """The filter `joins` reads is built from the word list's first `COMMON_RANK` lines: every
    word ranked below that is among them, so no join `joins` would report is filtered out."""
    words = _words.english()
    common = words.ordered[: _split.COMMON_RANK]
    assert all(words.frequency_rank(w) < _split.COMMON_RANK for w in common)
    ranked = sum(1 for w in set(words.ordered) if words.frequency_rank(w) < _split.COMMON_RANK)
    assert ranked == len(set(common))
    found = compiled.edit_filter(common)
    text = " ".join(f"{w[:2]} {w[2:]}" for w in common if w.isascii() and w.isalpha() and w.islower())
    pairs = compiled.split_pairs(text, 0, len(text), found, 0)
    joined = {text[p:q] + text[q + 1 : e] for p, q, e in pairs}
    assert joined >= {w for w in common if w.isascii() and w.isalpha() and w.islower() and len(w) > 2}


DOUBLE_TEXT = "aAbB _1é\u212a\u0130i \n\t.-"


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(st.text(DOUBLE_TEXT, max_size=24))
def test_a_text_the_doubled_word_pattern_matches_may_double(text):
    """`may_double` rules a text out only where NL103's pattern finds nothing, and lets through a
    text with a word doubled in another case."""
    if doubled_word._DOUBLE.search(text):
        assert compiled.may_double(text)
    assert compiled.may_double(text + " Ab aB ")
    assert not compiled.may_double("the cat sat on the mat, the end")
    for wider in WIDER:  # no word character: the answer of a str two or four bytes a character
        assert compiled.may_double(text + wider) == compiled.may_double(text)


# a one-byte text's pieces for may_double and double_starts: runs and gaps across blocks, a run
# longer than a block, Latin-1 letters and white space
DOUBLE_PIECES = [
    "ab",
    "Ab",
    "b",
    "_1",
    "\u00e9",
    "\u00c9",
    "\u00a0",
    "\x85",
    " ",
    "\n\t",
    "\x1c",
    ".",
    "-",
    "a" * 17,
]


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(
    st.lists(
        st.sampled_from(DOUBLE_PIECES),
        max_size=40,
    )
)
def test_may_double_of_a_long_one_byte_text_is_the_scan_of_a_character_at_a_time(pieces):
    """`may_double` over a one-byte text of many blocks (sixteen bytes at a time where SSE2 is:
    runs and gaps across blocks, a run longer than a block, Latin-1 letters and white space) gives
    what the scan of a two- or four-byte str gives, and rules out no text the pattern matches."""
    text = "".join(pieces)
    if doubled_word._DOUBLE.search(text):
        assert compiled.may_double(text)
    for wider in WIDER:
        assert compiled.may_double(text) == compiled.may_double(text + wider)
        assert compiled.may_double(text + " x") == compiled.may_double(text + " x" + wider)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(
    st.lists(
        st.sampled_from([*DOUBLE_PIECES, "aB", "\u212a", "k"]),
        max_size=40,
    ),
    st.sampled_from(("",) + WIDER),
)
def test_double_starts_is_its_twin_and_every_start_of_the_doubled_word_pattern(pieces, wider):
    """`double_starts` gives what its pure twin gives, over one-byte texts of many blocks (sixteen
    bytes at a time where SSE2 is) and wider ones; it holds every start of NL103's pattern's
    matches, and the matches tried at its starts alone are the pattern's own."""
    text = "".join(pieces) + wider
    starts = compiled.double_starts(text)
    assert starts == chooser._double_starts(text)
    assert bool(starts) == compiled.may_double(text)
    assert {m.start() for m in doubled_word._DOUBLE.finditer(text)} <= set(starts)
    spans = [(m.span(), m.groups()) for m in doubled_word._matches_at(text, starts)]
    assert spans == [(m.span(), m.groups()) for m in doubled_word._DOUBLE.finditer(text)]


@settings(max_examples=examples(500), deadline=None)
@given(st.text(DOUBLE_TEXT, max_size=24))
def test_doubled_words_tried_at_the_twins_starts_are_the_patterns_matches(text):
    """The pure twin of `double_starts` misses no match of NL103's pattern: tried at its starts
    alone, the pattern finds what its scan of the whole text finds."""
    starts = chooser._double_starts(text)
    spans = [(m.span(), m.groups()) for m in doubled_word._matches_at(text, starts)]
    assert spans == [(m.span(), m.groups()) for m in doubled_word._DOUBLE.finditer(text)]


def _pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """The twins in this process: what NEWSLINT_PURE_PYTHON=1 chooses at import."""
    monkeypatch.setattr(tokens, "native", None)
    monkeypatch.setattr(_context, "near_words", chooser._near_words)
    monkeypatch.setattr(_pairs, "near_words_in_line", chooser._near_words_in_line)
    monkeypatch.setattr(_pairs, "line_index", chooser._line_index)
    monkeypatch.setattr(_pairs, "near_words_in_index", chooser._near_words_in_index)
    monkeypatch.setattr(chooser, "native", None)  # read at each call (edits_among)
    monkeypatch.setattr(compound_spacing, "word_splits", chooser._word_splits)
    monkeypatch.setattr(compound_spacing, "native", None)  # compound_splits: the twin


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text("abé’-", max_size=12), max_size=8), st.sets(st.text("abé’-", max_size=6), max_size=12)
)
def test_the_splits_into_two_words_are_the_slices_both_ways(keys, words):
    """Each key's places where it splits into two of the words, both parts two letters or more
    and the second three or more, in order: the twin against the definition, and the compiled
    helper against both (a frozenset is a set too)."""
    expected = [
        (key, i)
        for key in keys
        for i in range(len(key) + 1)
        if 2 <= i <= len(key) - 3 and {key[:i], key[i:]} <= words
    ]
    assert chooser._word_splits(keys, words) == expected
    if compiled is not None:
        assert (
            compiled.word_splits(keys, words)
            == compiled.word_splits(iter(keys), frozenset(words))
            == expected
        )
        with pytest.raises(TypeError):
            compiled.word_splits(["abcdef"], ["ab", "cdef"])  # a list is no set
        with pytest.raises(TypeError):
            compiled.word_splits(["abcdef", 5], {"ab"})


# ASCII letters of both cases (and a hyphen, an apostrophe), and letters that are not ASCII,
# among them the Kelvin sign, whose lowercase is an ASCII k, and a capital sigma
COMPOUND_CHARS = "aAbBkK-'\u212aéΣ"


@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(st.text("abKkAßKé-", min_size=1, max_size=6), max_size=12),
    st.sets(st.text("abkßéK", min_size=2, max_size=5), max_size=4),
)
@example(words=["Ka", "KA", "Ka", "ka", "kA"], parts={"ka"})  # the Kelvin sign lowers to k
@example(words=["SS", "Ss", "ß"], parts={"ss", "ß"})  # "ß".upper() is "SS", whose lowercase is "ss"
def test_nl203_plain_words_of_parts_are_those_whose_lowercase_is_one(words, parts):
    """`_plain_of` gives the story's words of letters only whose lowercase is one of the parts,
    each once, as lowering every such word would: the forms it looks up (a part, capitalised,
    in capitals) and the odd shapes it lowers cover every word."""
    doc = document.Document(" ".join(words))
    expected = {w for w in doc.word_counts if w.isalpha() and w.lower() in parts}
    found = list(compound_spacing._plain_of(doc, parts))
    assert len(found) == len(set(found))
    assert set(found) == expected


@given(
    st.sets(st.text(COMPOUND_CHARS, max_size=8), max_size=16),
    st.lists(st.text("abkA-é", max_size=8), max_size=4),
    st.integers(1, 7),
    st.integers(4, 9),
)
@example(words={"B"}, joined=["b"], shortest=1, longest=4)  # a lone capital is no closed form
def test_the_compound_splits_are_the_twins_and_word_splits(words, joined, shortest, longest):
    """`compound_splits` finds the words of letters only among the words (a set, or a dict's
    keys: a story's word counts) and the closed forms among them, lowers them, and gives what
    `word_splits` gives for them (in its own order), and the joined forms that are a closed
    form's lowercase; or None when a word of letters is not ASCII, where the twin answers."""
    plain = {w for w in words if w.isalpha()}  # `_PLAIN`: what the twin is given
    closed_words = [w for w in plain if shortest <= len(w) <= longest]
    closed_words = [w for w in closed_words if w.islower() or w[1:].islower()]
    closed = {w.lower() for w in closed_words}
    lowered = {w.lower() for w in plain}
    expected = (chooser._word_splits(closed, lowered), {k for k in joined if k in closed})
    assert compound_spacing._compound_splits(closed_words, plain, joined) == expected
    if compiled is None:
        return
    found = compiled.compound_splits(words, iter(joined), shortest, longest)
    if not all(w.isascii() for w in plain):
        assert found is None
        return
    assert found is not None
    splits, keys = found
    assert sorted(splits) == sorted(expected[0]) and len(splits) == len(set(splits))
    assert keys == expected[1]
    assert compiled.compound_splits(frozenset(words), joined, shortest, longest) == found
    assert compiled.compound_splits(Counter(dict.fromkeys(words, 2)), joined, shortest, longest) == found
    # a list (the token index's distinct texts), read in place: the same words, the same order
    assert compiled.compound_splits(list(words), joined, shortest, longest) == found


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.sets(st.text(COMPOUND_CHARS, max_size=8), max_size=16),
    st.lists(st.text("abkA-é", max_size=8), max_size=4),
    st.integers(1, 7),
    st.integers(4, 9),
)
def test_the_compound_splits_of_the_ascii_words_pass_the_others_over(words, joined, shortest, longest):
    """`compound_splits` told to pass over the words of letters that are not ASCII gives what it
    gives for the other words alone (never None)."""
    ascii_words = {w for w in words if w.isascii()}
    found = compiled.compound_splits(words, joined, shortest, longest, True)
    assert found == compiled.compound_splits(ascii_words, joined, shortest, longest)
    assert compiled.compound_splits(
        list(words), joined, shortest, longest, False
    ) == compiled.compound_splits(list(words), joined, shortest, longest)


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(st.text("abkAéÉÜüΣσ\u212a", min_size=1, max_size=9), max_size=20),
    st.lists(st.integers(0, 19), max_size=6),
)
@example(["café", "teria", "caféteria", "cafétéria", "Teria"], [])
@example(["newsman", "Über", "überstadt", "stadt", "STADT"], [])
@example(["Überstadt", "über", "Stadt", "ÜBER", "sTAdt"], [1])
@example(["\u212aabcdef", "kab", "cdef", "kabcdef"], [])  # the Kelvin sign lowers to an ASCII k
def test_nl203_candidates_with_words_not_ascii_are_the_twins(words, joins):
    """NL203's candidates of a story with words of letters that are not ASCII, read from the
    compiled splits of its ASCII words and its other words weighed apart (`_with_wide_words`),
    are those of the twin, which lowers every word."""
    hyphened = [
        f"{words[i]}-{words[j]}"
        for i, j in zip(joins, joins[1:], strict=False)
        if i < len(words) and j < len(words)
    ]
    text = " ".join([*words, *hyphened])
    compiled_wanted, compiled_keys = compound_spacing._candidates(parse(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(compound_spacing, "native", None)
        wanted, keys = compound_spacing._candidates(parse(text))
    assert compiled_wanted == wanted
    assert {k: None if v is None else sorted(v) for k, v in compiled_keys.items()} == {
        k: None if v is None else sorted(v) for k, v in keys.items()
    }


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.text("abcAB-", min_size=1, max_size=9), max_size=400), st.integers(1, 7))
@example(words=["Airstrikes", "airstrikes", "AIRSTRIKES", "air", "Air", "strikes", "aIrstrikes"], shortest=6)
@example(words=["Air@", "air[", "a`ir", "ai{r", "Zz", "z", "Airzone", "zone"], shortest=1)
def test_compound_splits_over_many_words_of_both_cases(words, shortest):
    """`compound_splits` lowers a story's words in one pass that also tests them, and keeps each
    lowercase form once in a table whose slots only number the forms: over hundreds of words
    (the table grown many times, its slots shared by many hashes), spelled in both cases (a form
    closed if any of its words is), the splits and closed forms of the twin."""
    counts = Counter(words)
    plain = {w for w in counts if w.isalpha()}
    closed_words = [w for w in plain if shortest <= len(w) and (w.islower() or w[1:].islower())]
    closed = {w.lower() for w in closed_words}
    joined = [w.lower().replace("-", "") for w in words[:30]]
    expected = compound_spacing._compound_splits(closed_words, plain, joined)
    assert sorted(expected[0]) == sorted(chooser._word_splits(closed, {w.lower() for w in plain}))
    assert expected[1] == set(joined) & closed
    splits, keys = compiled.compound_splits(counts, joined, shortest, 40)
    assert sorted(splits) == sorted(expected[0]) and len(splits) == len(set(splits))
    assert keys == expected[1]
    # the words as a list with their repeats (a word twice is one form; hundreds of words and
    # thousands of letters: past the stack buffers, allocated), in the counts' order of first use
    assert compiled.compound_splits(words, joined, shortest, 40) == (splits, keys)


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text("abcdwxyz", min_size=1, max_size=7), max_size=24),
    st.lists(st.tuples(st.integers(0, 23), st.integers(0, 23), st.booleans()), max_size=12),
    st.lists(st.text("abcdwxyz'1A", max_size=9), max_size=4),
    st.integers(1, 7),
)
def test_compound_splits_rule_out_unhashed_only_what_no_form_is(words, joins, others, shortest):
    """`compound_splits` hashes a story's forms only when a closed form's split may be two of
    them, or a joined form may be one (their lengths by first and last two letters): over words
    of many letters, some of them two others joined (capitalised or not), and joined forms that
    are closed forms, other strings, or under two letters, the twin's splits and closed forms."""
    compounds = [
        (words[a] + words[b]).capitalize() if upper else words[a] + words[b]
        for a, b, upper in joins
        if a < len(words) and b < len(words)
    ]
    every = words + compounds
    plain = {w for w in every if w.isalpha()}
    closed_words = [w for w in plain if shortest <= len(w) <= 40 and (w.islower() or w[1:].islower())]
    joined = [w.lower() for w in compounds[:3]] + others
    expected = compound_spacing._compound_splits(closed_words, plain, joined)
    splits, keys = compiled.compound_splits(every, iter(joined), shortest, 40)
    assert sorted(splits) == sorted(expected[0]) and len(splits) == len(set(splits))
    assert keys == expected[1]


# parts of long words: letters of both cases at the ends of the alphabet, and the characters
# next to them ('@' and '[' below and above the capitals, '`' and '{' the lowercase letters)
LONG_PARTS = st.sampled_from(["a", "z", "A", "Z", "ab", "zy", "Az", "aZ", "@", "[", "`", "{", "abcdefgh"])


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.lists(LONG_PARTS, max_size=12).map("".join), max_size=30),
    st.integers(1, 7),
    st.integers(4, 80),
)
@example(words=["Aaaa", "aaaA", "aAaa", "AAAA", "aaaa", "aa", "aaa"], shortest=1, longest=9)
@example(words=["Abcdefgh", "abcdefgH", "aBcdefgh", "ab", "cdefgh", "abc", "defgh"], shortest=1, longest=9)
@example(words=["a" * 70, "a" * 63, "a" * 64, "a" * 7, "a" * 6, "a" * 3, "a" * 2], shortest=6, longest=80)
@example(words=["a" * 40, "a" * 31, "a" * 32, "a" * 30, "a" * 9, "a" * 8, "a" * 10], shortest=6, longest=80)
@example(
    words=["ab" + "z" * 66, "ab" + "z" * 61, "ab" + "z" * 62, "zzz", "zzzz", "zzzzz"], shortest=6, longest=80
)
def test_compound_splits_of_long_words_of_both_cases(words, shortest, longest):
    """`compound_splits` tests and lowers eight letters at a time (four to seven as two
    overlapping halves, the last eight of a longer word overlapping the eight before), a
    capital after the first letter making a word no closed form wherever it is, and passes over
    the splits whose parts' lengths no form with their first two letters has (lengths from 31 on
    sharing one bit): the twin's splits and closed forms."""
    plain = {w for w in words if w.isalpha()}
    closed_words = [w for w in plain if shortest <= len(w) <= longest and (w.islower() or w[1:].islower())]
    closed = {w.lower() for w in closed_words}
    joined = [w.lower() for w in words[:10]]
    expected = compound_spacing._compound_splits(closed_words, plain, joined)
    assert sorted(expected[0]) == sorted(chooser._word_splits(closed, {w.lower() for w in plain}))
    splits, keys = compiled.compound_splits(list(words), joined, shortest, longest)
    assert sorted(splits) == sorted(expected[0]) and len(splits) == len(set(splits))
    assert keys == expected[1]


@needs_compiled
def test_compound_splits_checks_its_arguments():
    assert compiled.compound_splits({"Airstrikes", "air", "strikes"}, ["airstrikes"], 6, 40) == (
        [("airstrikes", 3)],
        {"airstrikes"},
    )
    # a story's word counts: words that are not letters only are passed over, ASCII or not; a
    # word of letters that is not ASCII leaves the story to the twin
    counts = Counter({"Airstrikes": 1, "air": 2, "strikes": 1, "don’t": 1, "F-16": 1, "air-": 1, "": 1})
    assert compiled.compound_splits(counts, ["airstrikes"], 6, 40) == ([("airstrikes", 3)], {"airstrikes"})
    assert compiled.compound_splits({**counts, "Zürich": 1}, [], 6, 40) is None
    # a list (the token index's distinct texts) is read too, its repeats one form each
    listed = ["Airstrikes", "air", "F-16", "strikes", "air"]
    assert compiled.compound_splits(listed, ["airstrikes"], 6, 40) == ([("airstrikes", 3)], {"airstrikes"})
    with pytest.raises(TypeError):
        compiled.compound_splits(("airstrikes",), [], 6, 40)  # a tuple is no set, dict or list
    with pytest.raises(TypeError):
        compiled.compound_splits(["air", 5], [], 6, 40)
    with pytest.raises(TypeError):
        compiled.compound_splits({"air", 5}, [], 6, 40)
    with pytest.raises(TypeError):
        compiled.compound_splits({"air"}, [5], 6, 40)


@needs_compiled
def test_checks_and_fixes_are_the_same_both_ways(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in INPUTS] + made_stories(150, seed=23)
    tokens._WORD_BITS.words = {}
    compiled_outputs = outputs(texts)
    _pure(monkeypatch)
    tokens._WORD_BITS.words = {}
    assert outputs(texts) == compiled_outputs
    assert sum(fixed != text for text, (_, fixed, _) in zip(texts, compiled_outputs, strict=True)) >= 50


DIGEST = """
import hashlib, json, sys
import newslint
from newslint import native
from newslint.api import Problem
from newslint.fix import fix_until_stable
from newslint.span import LineIndex
from newslint.violation import Applicability
from tests.fix_ledger import stories
from pathlib import Path
linter = newslint.Checker()._linter("story.txt")
out = {"native": native.native is not None}
texts = list(stories(Path(sys.argv[1])))
evaluation = sorted((Path(sys.argv[1]) / "eval" / "dev" / "stories").iterdir())
texts += [(p.name, p.read_text(encoding="utf-8")) for p in evaluation]
shard, shards = int(sys.argv[2]), int(sys.argv[3])
for name, text in texts[shard::shards]:
    # What `check`, `fix` and `fix(unsafe=True)` give, each text the three read checked once:
    # the fixes' first pass reads the story the report read, and the two fixes share passes.
    read = {}
    def violations(t):
        if t not in read:
            read[t] = linter.violations(t)
        return read[t]
    position = LineIndex(text).position
    report = newslint.to_json([Problem.of(linter.diagnostic(v), position) for v in violations(text)])
    fixed = [fix_until_stable(text, violations, a, linter.fix_rank).text
             for a in (Applicability.SAFE, Applicability.UNSAFE)]
    out[name] = hashlib.sha256("\\0".join([report, *fixed]).encode()).hexdigest()
print(json.dumps(out))
"""


# The stories are read in shards, every SHARDS-th story from a different start, so that the
# test workers share the run (it is the longest of the slow tests: minutes of CPU).
SHARDS = 4


@pytest.mark.slow
@pytest.mark.long
@needs_compiled
@pytest.mark.parametrize("shard", range(SHARDS))
def test_the_dev_corpora_and_eval_set_read_the_same_both_ways(shard):
    """Every story of the dev corpora (BBC, Reuters, AG News) and of the eval set: its JSON report,
    its --fix text and its --unsafe-fixes text, from a process with the compiled module and from
    one with NEWSLINT_PURE_PYTHON=1."""
    if not (SHARED / "corpora" / "bbc.dev.jsonl").is_file():
        pytest.skip(f"the corpora are not at {SHARED / 'corpora'}")
    root = Path(__file__).resolve().parent.parent
    runs = []
    for pure in ("0", "1"):
        env = {**os.environ, "NEWSLINT_PURE_PYTHON": pure}
        done = subprocess.run(
            [sys.executable, "-c", DIGEST, str(SHARED), str(shard), str(SHARDS)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout))
    with_native, pure_python = runs
    assert with_native.pop("native") is True and pure_python.pop("native") is False
    assert len(with_native) > 15_000 // SHARDS
    differ = [name for name in with_native if with_native[name] != pure_python.get(name)]
    assert not differ, f"{len(differ)} stories read differently, e.g. {differ[:10]}"


def _wheel(source: Path, out: Path, env: dict[str, str]) -> list[str]:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-cache-dir",
            str(source),
            "-w",
            str(out),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("newslint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


@pytest.mark.slow
@pytest.mark.long
def test_a_wheel_holds_the_compiled_module_and_builds_without_a_compiler(tmp_path):
    """`pip wheel .` builds the extension into the wheel; with no working compiler (CC names
    none) the wheel still builds, without it, and newslint runs on the pure-Python twins."""
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler here")
    root = Path(__file__).resolve().parent.parent
    source = tmp_path / "source"
    shutil.copytree(
        root,
        source,
        ignore=shutil.ignore_patterns(".venv", "build", "*.egg-info", "*.so", ".git", "__pycache__"),
    )
    names = _wheel(source, tmp_path / "with", dict(os.environ))
    assert any(n.startswith("newslint/_native.") and n.endswith((".so", ".pyd")) for n in names)
    shutil.rmtree(source / "build", ignore_errors=True)
    names = _wheel(source, tmp_path / "without", {**os.environ, "CC": str(tmp_path / "no-such-compiler")})
    assert "newslint/native.py" in names
    assert not any(n.startswith("newslint/_native.") and n.endswith((".so", ".pyd")) for n in names)


def test_a_foreign_word_read_by_binary_search_is_the_table_parsed_whole():
    """`_foreign.ranks_of` finds a word's line in the sorted table text instead of parsing every
    line at start: for every word of the table, and for strings just beside them, it gives what
    the whole table gives."""
    from newslint.rules.typos import _foreign

    table = _foreign.foreign_words()
    assert len(table) > 50_000
    for word, ranks in table.items():
        assert _foreign.ranks_of(word) == ranks
        assert _foreign.ranks_of(word + "q") == table.get(word + "q")
    assert _foreign.ranks_of("") is None


def _sought_lines(keys: list[str], starts: list[int], probe: str) -> list[int]:
    """What `sorted_line` answers for `probe` in each mode, from the sorted keys and their lines'
    starts (the buffer's length last): the line of the key or -1, the first line at or after the
    probe, the first after every line the probe begins."""
    return [
        starts[keys.index(probe)] if probe in keys else -1,
        starts[next((i for i, k in enumerate(keys) if k >= probe), len(keys))],
        starts[next((i for i, k in enumerate(keys) if k > probe and not k.startswith(probe)), len(keys))],
    ]


TABLE_KEYS = st.lists(st.text("ab\té\u00ff\u4e00\U0001f600", max_size=4), unique=True, max_size=12)


@settings(max_examples=examples(300), deadline=None)
@given(
    TABLE_KEYS,
    st.lists(st.text("ab\né\u4e00\U0001f600", max_size=5), max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_a_sorted_table_is_searched_in_its_bytes_as_its_sorted_keys_say(keys, probes, tabbed, last_newline):
    """`sorted_line` over a table's bytes (and a memory map of them), both ways: the line of a
    key, and the first line at or after a prefix, against the sorted list of keys (UTF-8 bytes
    sort as their text)."""
    import mmap

    sep = "\t" if tabbed else "\n"
    keys = sorted(k for k in keys if sep not in k and "\n" not in k and (k or tabbed))
    lines = [f"{k}\t{k.upper()}!" if tabbed else k for k in keys]
    text = "".join(line + "\n" for line in lines)
    if not last_newline:
        text = text.removesuffix("\n")
    data = text.encode("utf-8")
    starts = [len("".join(line + "\n" for line in lines[:i]).encode("utf-8")) for i in range(len(lines))]
    starts.append(len(data))
    mapped = mmap.mmap(-1, len(data)) if data else None
    if mapped is not None:
        mapped.write(data)
    for probe in [*keys, *(k[:1] for k in keys), *(k + "a" for k in keys), *probes]:
        key = probe.encode("utf-8")
        expected = _sought_lines(keys, starts, probe)
        for mode in (0, 1, 2):
            found = [chooser._sorted_line(data, key, ord(sep), mode)]
            if mapped is not None:
                found.append(chooser._sorted_line(mapped, key, ord(sep), mode))
            if compiled is not None:
                found.append(compiled.sorted_line(data, key, ord(sep), mode))
                if mapped is not None:
                    found.append(compiled.sorted_line(mapped, key, ord(sep), mode))
            assert found == [expected[mode]] * len(found), (probe, mode)
    counted = [chooser._count_lines(data), *([chooser._count_lines(mapped)] if mapped is not None else [])]
    if compiled is not None:
        counted += [
            compiled.count_lines(data),
            *([compiled.count_lines(mapped)] if mapped is not None else []),
        ]
    assert counted == [len(lines)] * len(counted)


@settings(max_examples=examples(300), deadline=None)
@given(
    TABLE_KEYS,
    st.lists(st.text("abé\t\u4e00\x00", max_size=5), max_size=6),
    st.booleans(),
    st.booleans(),
    st.integers(3, 12),
)
def test_a_line_filter_never_rules_a_key_out_and_both_ways_agree(keys, probes, tabbed, last_newline, bits):
    """`line_filter` and `may_hold`, compiled and pure: the same filter bytes, the same answer for
    any word, and True for every key of the table (and for any word not of ASCII alone); a
    filter of a size that is no power of two lets every word through."""
    import mmap

    sep = "\t" if tabbed else "\n"
    keys = sorted(k for k in keys if sep not in k and "\n" not in k and (k or tabbed))
    text = "".join((f"{k}\t{k[::-1]}x" if tabbed else k) + "\n" for k in keys)
    if not last_newline:
        text = text.removesuffix("\n")
    data = text.encode("utf-8")
    made = [chooser._line_filter(data, ord(sep), bits)]
    if data:
        mapped = mmap.mmap(-1, len(data))
        mapped.write(data)
        made.append(chooser._line_filter(mapped, ord(sep), bits))
    if compiled is not None:
        made.append(compiled.line_filter(data, ord(sep), bits))
    assert all(m == made[0] for m in made) and len(made[0]) == 1 << (bits - 3)
    holds = [chooser._may_hold] + ([compiled.may_hold] if compiled is not None else [])
    for word in [*keys, *(k + "a" for k in keys), *probes, ""]:
        answers = {hold(made[0], word) for hold in holds}
        assert len(answers) == 1, word
        if word in keys or not word.isascii():
            assert answers == {True}, word
        assert all(hold(made[0] * 3, word) for hold in holds)  # no power of two: no filter


def test_a_line_filter_of_the_rare_words_rules_most_other_words_out():
    """The rare words' filter (`WordSet`'s, 2**21 bits): every rare word passes it, and a few
    per cent of other words."""
    data = _words._rare()._lines.data if _words._rare()._lines is not None else None
    if data is None:
        pytest.skip("the rare words' set is built")
    rare = bytes(data).decode("utf-8").split("\n")
    made = chooser.line_filter(data, ord("\n"), _words.WordSet.FILTER_BITS)
    assert all(chooser.may_hold(made, w) for w in rare if w.isascii())
    others = [w + "zq" for w in rare[::7]]
    assert sum(map(functools.partial(chooser.may_hold, made), others)) < len(others) // 20
    with pytest.raises(ValueError):
        chooser.line_filter(data, ord("\n"), 2)


def _rest_as_read(data: bytes, key: bytes, sep: int) -> str | None:
    """`SortedLines.rest` as it read before `sorted_rest`: the line found, then its rest cut and
    decoded in Python."""
    at = chooser._sorted_line(data, key, sep, 0)
    if at < 0:
        return None
    start = at + len(key) + 1
    end = data.find(b"\n", start)
    return data[start : len(data) if end < 0 else end].decode("utf-8")


@settings(max_examples=examples(300), deadline=None)
@given(
    TABLE_KEYS,
    st.lists(st.text("ab\té\u4e00", max_size=5), max_size=4),
    st.sampled_from(["\t", "\n", ":"]),
    st.booleans(),
)
def test_a_keys_rest_is_read_both_ways_as_it_was_read(keys, probes, sep, last_newline):
    """`sorted_rest` (a key's rest on its line), compiled and twin, over bytes and a memory map,
    against the line found by `sorted_line` and its rest cut in Python: a line with no rest, a
    key with no `sep` after it (its line is the key alone) and the last line without its newline."""
    import mmap

    keys = sorted(k for k in keys if sep not in k and "\n" not in k)
    rests = ["", "x", "é:1 b:2", "\u4e00"]
    text = "".join(f"{k}{sep}{rests[i % len(rests)]}\n" if i % 3 else f"{k}\n" for i, k in enumerate(keys))
    if not last_newline:
        text = text.removesuffix("\n")
    data = text.encode("utf-8")
    mapped = mmap.mmap(-1, len(data)) if data else None
    if mapped is not None:
        mapped.write(data)
    for probe in [*keys, *(k + "a" for k in keys), *probes]:
        key = probe.encode("utf-8")
        expected = _rest_as_read(data, key, ord(sep))
        found = [chooser._sorted_rest(data, key, ord(sep))]
        if compiled is not None:
            found.append(compiled.sorted_rest(data, key, ord(sep)))
            if mapped is not None:
                found.append(compiled.sorted_rest(mapped, key, ord(sep)))
        assert found == [expected] * len(found), probe


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("abc", min_size=1, max_size=3), unique=True, min_size=1, max_size=8),
    st.lists(st.integers(0, 3000), min_size=8, max_size=8),
    st.text("abcd", max_size=4),
)
def test_a_table_of_long_lines_is_searched_as_one_of_short_ones(keys, lengths, probe):
    """A step of `sorted_line`'s search lands inside a long line (a pair table's common word
    holds thousands of bytes) and reads back to its start (`memrchr` where the C library has
    it): the same lines found as by the twin and by the list of keys, whatever the lines' lengths."""
    keys = sorted(keys)
    lines = [f"{k}\t" + "x:1 " * (n // 4) for k, n in zip(keys, lengths, strict=False)]
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines) + 1)]
    for wanted in [*keys, probe]:
        key = wanted.encode("utf-8")
        expected = _sought_lines(keys, starts, wanted)
        for mode in (0, 1, 2):
            found = [chooser._sorted_line(data, key, ord("\t"), mode)]
            if compiled is not None:
                found.append(compiled.sorted_line(data, key, ord("\t"), mode))
            assert found == [expected[mode]] * len(found), (wanted, mode)


def _rows_both_ways(data: bytes) -> list[object]:
    """`table_rows` of the bytes (and of a memory map of them) as items in order, or the error
    it raises, and the same of the twin's: what a RowTable's dict is built from."""
    import mmap

    def rows(read: Callable[[], dict[str, str]]) -> object:
        try:
            return list(read().items())
        except UnicodeDecodeError:
            return "not UTF-8"

    found = [rows(lambda: chooser._table_rows(data)), rows(lambda: chooser.table_rows(data))]
    if data:
        mapped = mmap.mmap(-1, len(data))
        mapped.write(data)
        found.append(rows(lambda: chooser.table_rows(mapped)))
    return found


@settings(max_examples=examples(400), deadline=None)
@given(st.text("ab\t\t\n\né\u4e00\U0001f600\r\x0b\x0c\x1c\x1e\x85\u2028\u2029", max_size=40), st.booleans())
def test_a_tables_rows_are_read_in_its_bytes_as_the_twin_reads_its_text(text, other_lines):
    """`table_rows` (compiled where built) gives the twin's dict, keys in the same order, for
    any table: lines without a tab left out, the rest of a line after its first tab, a later
    line winning, the line ends of `str.splitlines` besides "\\n" (read by the twin)."""
    if not other_lines:
        text = "".join(c for c in text if c in "ab\té\u4e00\U0001f600\n")
    data = text.encode("utf-8")
    found = _rows_both_ways(data)
    assert found == [found[0]] * len(found)
    assert found[0] == list(dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line).items())


BYTE_PIECES = [b"a", b"\t", b"\n", b"\xc3\xa9", b"\xc3", b"\xa9", b"\xff", b"\xe2\x80"]  # UTF-8 and broken


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(BYTE_PIECES), max_size=12))
def test_a_table_that_is_no_utf8_fails_as_the_twin_does(parts):
    """Bytes that are no UTF-8 (a broken sequence in a key, a rest, or a line without a tab)
    raise the twin's error: the compiled reading gives the data back to the twin."""
    found = _rows_both_ways(b"".join(parts))
    assert found == [found[0]] * len(found)


def test_the_shipped_variety_table_is_read_as_the_twin_reads_it():
    """The table a RowTable builds from its bytes (NL201's spellings, once they are looked up
    often) is the twin's, row for row."""
    from newslint.rules._tables import data_bytes

    data = data_bytes("newslint.rules.naming", "varieties.tsv")
    rows = chooser.table_rows(data)
    assert len(rows) > 20_000
    assert list(rows.items()) == list(chooser._table_rows(data).items())
    if compiled is not None:
        assert compiled.table_rows(data) == rows


ROUGH_TEXT = st.text("aA_5 .,\n-'Zz9", max_size=120)
SPANS = st.lists(
    st.tuples(st.integers(0, 140), st.integers(0, 140)).map(lambda t: Span(*sorted(t))), max_size=14
)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(ROUGH_TEXT, st.text(max_size=80).filter(str.isascii)), SPANS)
@example("The ministry said. THE  ministry, said", [Span(0, 18), Span(19, 38), Span(5, 5), Span(0, 3)])
def test_the_compiled_repeated_starts_are_the_twins(text, spans):
    """NL302's and NL305's repeated starts of an ASCII story, compiled, are the twin's (spans
    past the text's end, empty and shared ones included); other text is the twin's no business."""
    assert compiled.repeated_starts(text, spans) == _text._ascii_repeated_starts(text, spans)
    assert compiled.repeated_starts(text, tuple(spans)) == _text._ascii_repeated_starts(text, spans)
    assert compiled.repeated_starts(text + "é", spans) is None


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.text("ab_ .\n", max_size=60),
    st.lists(st.tuples(st.integers(0, 64), st.integers(0, 64)).map(lambda t: Span(*sorted(t))), max_size=300),
)
def test_the_compiled_repeated_starts_of_many_spans_are_the_twins(text, spans):
    """Hundreds of spans of few distinct starts (the compiled function's hash table grows, its
    probes wrap and meet starts alike and unlike): the twin's indices."""
    assert compiled.repeated_starts(text, spans) == _text._ascii_repeated_starts(text, spans)


@needs_compiled
def test_repeated_starts_refuses_what_is_no_span():
    with pytest.raises(TypeError):
        compiled.repeated_starts("abc", [(1, 2, 3)])
    with pytest.raises(ValueError):
        compiled.repeated_starts("abc", [(2, 1)])
    with pytest.raises(TypeError):
        compiled.repeated_starts("é", [(0, 1)], lambda text, start, end: "é")


# mostly ASCII with letters that fold to ASCII (K, the Kelvin sign, to k; long s to s; İ to i
# and a dot), that fold longer (ß to ss), outside the BMP, curly quotes: starts of every kind,
# keys of more than 16 bytes among them
MIXED_ROUGH_TEXT = st.text("aA_5 .,\n-'Zz9sékÉßK\u212a\u017f\u2018\u2019\U0001d400\u0130", max_size=120)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(MIXED_ROUGH_TEXT, SPANS)
@example("\u212aing said. king said", [Span(0, 10), Span(11, 20)])
@example("É" * 18 + " x. " + "é" * 18 + " y", [Span(0, 21), Span(22, 42), Span(1, 21)])
@example("ß" * 9 + " " + "ss" * 8, [Span(0, 9), Span(10, 26)])
def test_the_compiled_repeated_starts_of_a_mixed_text_are_the_twins(text, spans):
    """In a text that is not all ASCII, the compiled starts are ASCII where they can be and
    `_mixed_start_at`'s elsewhere: what keying every span by `_mixed_start_at` finds."""
    twin = _text._repeated([_text._mixed_start_at(text, s.start, s.end) for s in spans])
    assert compiled.repeated_starts(text, spans, _text._mixed_start_at) == twin


FIGURE_TEXT = st.text("15٣.,:% \t\u2003pPaAmGl-x", max_size=60)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(FIGURE_TEXT, st.sampled_from([(".,", "%pP"), (":.", "aApP"), (":.", "aApPGBUCEl"), ("", "x")]))
def test_the_compiled_marked_starts_are_the_twins(text, marks):
    """The figures a mark follows, compiled, are the twin's, read from every start of a run."""
    starts = list(range(len(text)))
    assert compiled.marked_starts(text, starts, *marks) == number_rules._marked_starts(text, starts, *marks)


MARK_WORD_TEXT = st.text("15٣.,:% \t\u2003pPaAmMcCeErRtTgGlL\u212a\u0130\u017f-x", max_size=60)
MARK_WORDS = [
    (".,", ("%", "pc", "per")),
    (":.", ("am", "pm", "a.m", "p.m")),
    (":.", ("am", "pm", "a.m", "p.m", "gmt", "bst", "utc", "cet", "est", "edt", "local")),
    ("", ("x",)),
    (".", ("percent", "m", "%")),
]


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(MARK_WORD_TEXT, st.sampled_from(MARK_WORDS))
@example("at 5pm, 5 PM, 5.30 p.M. 6 people 7:30 GMT 8 local 9 Pct 10 pcs 1%", MARK_WORDS[2])
@example("5 Am 6 \u0130am 7 a\u212am 8pm", MARK_WORDS[1])
def test_the_compiled_marked_starts_by_mark_words_are_the_twins(text, marks):
    """With mark words (in any case of their ASCII letters) the figures a mark follows, compiled,
    are the twin's, from a list of starts and from a document's compact array of them alike."""
    starts = list(range(len(text)))
    twin = number_rules._marked_starts(text, starts, *marks)
    assert compiled.marked_starts(text, starts, *marks) == twin
    assert compiled.marked_starts(text, array("i", starts), *marks) == twin
    runs = figures.digit_runs(text)[0]
    assert compiled.marked_starts(text, runs, *marks) == number_rules._marked_starts(text, runs, *marks)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(MARK_WORD_TEXT, st.lists(st.sampled_from(MARK_WORDS + [(".,", "%pP")]), min_size=1, max_size=4))
@example("at 5pm, 5:30 GMT, 7.5% and 8 per cent, 9.30 a.m.", list(number_rules.SHARED_MARKS))
def test_the_compiled_marked_starts_many_are_the_twins(text, specs):
    """The figures each (joiners, marks) reads, from one walk of the starts, are the twin's, and
    each is marked_starts' for its spec alone, from a list and from a compact array alike."""
    specs = tuple(specs)
    for starts in (list(range(len(text))), array("i", range(len(text))), figures.digit_runs(text)[0]):
        twin = number_rules._marked_starts_many(text, starts, specs)
        assert compiled.marked_starts_many(text, starts, specs) == twin
        assert twin == tuple(compiled.marked_starts(text, starts, *spec) for spec in specs)


@needs_compiled
@pytest.mark.parametrize(
    "specs", [(), ((":.", ("pm",)),) * 5, ((":.",),), (":.",), [(":.", ("pm",))], ((":.", ("PM",)),)]
)
def test_marked_starts_many_refuse_specs_they_cannot_read(specs):
    for marked in (compiled.marked_starts_many, number_rules._marked_starts_many):
        with pytest.raises(ValueError):
            marked("5 pm", [0], specs)


def test_figures_marked_are_the_marked_starts_of_the_story():
    """`figures_marked`, from one walk for NL403, NL404 and NL413, is `marked_starts` for each
    spec, for an equal copy of one (not told by identity) and for a spec it does not share too;
    a story with no figure walks nothing."""
    text = "At 5pm, 5:30 GMT and 9.30 a.m. prices rose 7.5% (8 per cent; 3 pc), 1,234 people."
    doc = document.Document(text)
    copies = tuple((joiners, tuple(marks)) for joiners, marks in number_rules.SHARED_MARKS)
    assert all(c == s and c is not s for c, s in zip(copies, number_rules.SHARED_MARKS, strict=True))
    for spec in (*number_rules.SHARED_MARKS, *reversed(copies), (".,", "%")):
        assert list(number_rules.figures_marked(doc, spec)) == number_rules._marked_starts(
            text, doc.digit_runs[0], *spec
        )
    assert number_rules.figures_marked(document.Document("No figure here."), number_rules.CLOCK_MARKS) == ()


@needs_compiled
@pytest.mark.parametrize(
    "words", [("PM",), ("",), ("toolongword",), tuple("abcdefghijklmnopq"), ("p\u00e9",), ("a\0",)]
)
def test_marked_starts_refuse_mark_words_they_cannot_read(words):
    for marked in (compiled.marked_starts, number_rules._marked_starts):
        with pytest.raises(ValueError):
            marked("5 pm", [0], ":.", words)


@needs_compiled
def test_the_compiled_number_helpers_read_a_documents_arrays_as_lists():
    """marked_starts, four_digit_starts and digit_joints read the compact arrays a document keeps
    its runs of digits in ("i", or "q" for a long text) in place: the same answers as from lists."""
    text = "at 5pm, 1,500 cases, 2500 troops, 3,5% and 1.000.000 people, 12 300 men"
    starts, lasts = figures.digit_runs(text)
    for typecode in ("i", "q"):
        s, la = array(typecode, starts), array(typecode, lasts)
        for marks in (("pm",), "p"):
            from_list = compiled.marked_starts(text, list(s), ":.", marks)
            assert compiled.marked_starts(text, s, ":.", marks) == from_list
        assert compiled.marked_starts(text, s, ":.", ("pm",)) == [3]
        four = thousands_separator_mix._four_digit_starts(text, list(s))
        assert compiled.four_digit_starts(text, s) == four
        assert compiled.digit_joints(text, la) == european_number_format._digit_joints(text, list(la))


SPACE_RUN_TEXT = st.text(" \t\n\x1c\x85\xa0\u2003ab.é\u0100\U0001d400", max_size=70)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(
    st.one_of(
        SPACE_RUN_TEXT, st.lists(st.sampled_from(["  ", " ", "x", "\n   ", "é", "\x85", "ab."])).map("".join)
    )
)
@example("\n    Indented  line  \n  x  y   \nA.  B")
@example("a" * 15 + "  b" + " " * 20 + "c\x85  d  ")  # runs across and at the ends of 16-byte blocks
@example("x" * 16 + "  " + "\u0100  y")
def test_the_compiled_space_runs_are_the_twins(text):
    """NL501's runs of two or more spaces between characters that are not white space, compiled
    (by blocks in a one-byte text), are the twin's: `_SPACE_RUN`'s matches."""
    assert compiled.space_runs(text) == double_space._space_run_spans(text)


JOINT_TEXT = st.text("15٣.,'’\u202f\u2009 \t%a-", max_size=60)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(JOINT_TEXT)
@example("In 1,500 cases 3,5% and 1.000.000, 12 300 people, 2'000 and 1234,5")
@example("3,5% 3,55% 3,555% 1,23 1,2 12,345,6 7,8")
def test_the_compiled_digit_joints_are_the_twins(text):
    """NL401's separators between digits, dot groups and comma figures, compiled, are the twin's,
    read after every offset of the text as if a run of digits ended there (and after the runs')."""
    for lasts in (list(range(len(text))), list(figures.digit_runs(text)[1])):
        assert compiled.digit_joints(text, lasts) == european_number_format._digit_joints(text, lasts)
    runs = figures.digit_runs(text)[1]  # the document's compact array, read in place
    assert compiled.digit_joints(text, runs) == european_number_format._digit_joints(text, runs)


FOUR_DIGIT_TEXT = st.text("1029٣,.$£€¥ \ta-", max_size=60)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(FOUR_DIGIT_TEXT)
@example("In 1987 some 2500 and 1,200 cost $1999, £2000, 20000 or 1,2345")
def test_the_compiled_four_digit_starts_are_the_twins(text):
    """The four-digit figures NL402 reads, compiled, are the twin's, read from every offset."""
    starts = list(range(len(text)))
    twin = thousands_separator_mix._four_digit_starts
    assert compiled.four_digit_starts(text, starts) == twin(text, starts)


OPENING_TEXT = st.text("\n \t\u2003reREsShaAd©٣4 xmMinN\u0130", max_size=60)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(OPENING_TEXT, st.sampled_from([("re", "sh"), boilerplate_line._LOWER_OPENINGS, (), ("", "e", "a©")]))
@example("Share\n  Read\n\t©\nx\n4\n", ("re", "sh"))
@example("4 min\n12 MIN\n1٣ min\n123 min\n4 m\n4min\n1\u0130 min\n7", boilerplate_line._LOWER_OPENINGS)
def test_the_compiled_opening_lines_are_the_twins(text, pairs):
    """The lines that may open with NL304's furniture, compiled, are the twin's."""
    assert compiled.opening_lines(text, pairs) == boilerplate_line._opening_lines(text, pairs)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(OPENING_TEXT, st.lists(st.text("resSh©a4 ", max_size=4), max_size=8).map(tuple))
@example("Share\n  Read\n\t©\nsa\n", ("sh", "re", "s", "", "sha", "©a", "S", "rea"))
def test_the_compiled_opening_lines_are_the_twins_for_any_openings(text, openings):
    """Openings in any order, several of one first character (the compiled function compares a
    line with those alone), upper case, blank, digits or a mark first: the twin's lines."""
    assert compiled.opening_lines(text, openings) == boilerplate_line._opening_lines(text, openings)


def test_a_build_older_than_its_c_source_is_stale(tmp_path):
    source, built = tmp_path / "_native.c", tmp_path / "_native.so"
    source.write_text("/* c */")
    built.write_bytes(b"so")
    os.utime(built, (1_000, 1_000))
    os.utime(source, (2_000, 2_000))
    assert chooser.is_stale(str(source), str(built))
    os.utime(built, (3_000, 3_000))
    assert not chooser.is_stale(str(source), str(built))
    assert not chooser.is_stale(str(tmp_path / "absent.c"), str(built))  # a wheel: no source
    assert not chooser.is_stale(str(source), None)


def _twins(twin, compiled_name):
    """A pure twin and, where the extension is built, its compiled counterpart, named."""
    makers = [("twin", twin)]
    if compiled is not None:
        makers.append(("compiled", getattr(compiled, compiled_name)))
    return makers


def _getters():
    """`once`'s twin and, where it is built, its compiled getter."""
    return _twins(chooser._once, "Once")


@given(st.lists(st.booleans(), min_size=1, max_size=8), st.sampled_from([None, 0, "", (), "table", (1, 2)]))
def test_once_getters_agree(failures, answer):
    """`once(load)`, compiled (`_native.Once`) or not: load runs at each call until it first
    returns (a raise leaves nothing held), and every call after returns that very object (a
    falsy one too); the getter takes no arguments."""
    outcomes = {}
    for name, make in _getters():
        calls = []
        held = [answer]

        def load(calls=calls, held=held):
            calls.append(1)
            if len(calls) <= len(failures) and failures[len(calls) - 1]:
                raise LookupError(len(calls))
            return held[0]

        getter, seen = make(load), []
        for _ in range(len(failures) + 2):
            try:
                value = getter()
            except LookupError as e:
                seen.append(("raised", e.args[0]))
            else:
                assert value is held[0]
                seen.append(("value", len(calls)))
        with pytest.raises(TypeError):
            getter(1)
        with pytest.raises(TypeError):
            getter(key=1)
        outcomes[name] = seen
    assert len(set(map(repr, outcomes.values()))) == 1, outcomes


def _cached_properties():
    """`newslint.document.cached_property`'s twin and, where it is built, its compiled one."""
    return _twins(document._twin_cached_property, "CachedProperty")


@given(st.lists(st.booleans(), min_size=1, max_size=6), st.sampled_from([None, 0, "", (), "table", (1, 2)]))
def test_cached_properties_agree(failures, answer):
    """`cached_property`, compiled (`_native.CachedProperty`) or not: a first read on an instance
    calls build(instance) until it first returns (a raise writes nothing) and writes the answer
    into the instance's dict under the name it is set under (a frozen dataclass's too), where
    later reads find it; read on the class it is itself; it takes build's docstring."""
    outcomes = {}
    for name, make in _cached_properties():
        calls: list[object] = []

        def build(instance, calls=calls):
            """Built once."""
            calls.append(instance)
            if len(calls) <= len(failures) and failures[len(calls) - 1]:
                raise LookupError(len(calls))
            return answer

        @dataclasses.dataclass(frozen=True)
        class Held:
            field: int = 0
            value = make(build)  # set under another name than build's

        held, seen = Held(), []
        for _ in range(len(failures) + 2):
            try:
                value = held.value
            except LookupError as e:
                seen.append(("raised", e.args[0], "value" in vars(held)))
            else:
                assert value is answer and vars(held)["value"] is answer
                seen.append(("value", len(calls)))
        assert all(c is held for c in calls)
        descriptor = vars(Held)["value"]
        assert Held.value is descriptor and descriptor.__get__(None, Held) is descriptor
        assert descriptor.__doc__ == "Built once." and descriptor.build is build
        assert descriptor.name == "value"
        with pytest.raises(AttributeError):  # an instance without a dict has nowhere to keep it
            make(id).__get__(object(), object)
        outcomes[name] = seen
    assert len(set(map(repr, outcomes.values()))) == 1, outcomes


def test_documents_use_the_compiled_cached_property_where_it_is_built():
    assert document.cached_property is (
        document._twin_cached_property if compiled is None else compiled.CachedProperty
    )


def test_once_names_its_getter_and_loads_nothing_until_called():
    """`native.once` loads nothing at decoration, names the getter after its load
    (`update_wrapper`) and hands later callers the first object; a reference cycle through the
    held value is collected."""
    import weakref

    loads, getters = [], []

    class Table:
        pass

    def table() -> Table:
        """The table."""
        loads.append(1)
        t = Table()
        t.getter = getters[0]  # a cycle: the table holds its getter
        return t

    getters.append(chooser.once(table))
    get = getters[0]
    assert loads == [] and get.__name__ == "table" and get.__doc__ == "The table."
    assert get.__wrapped__ is table
    first = get()
    assert get() is first and loads == [1]
    gone = weakref.ref(first)
    del first, get, getters[:]
    gc.collect()
    assert gone() is None


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text("abé\t\n\u4e00\U0001f600", max_size=4), max_size=14),
    st.lists(st.text("abé\t\u4e00\ud800", max_size=5), max_size=8),
    st.booleans(),
    st.booleans(),
)
def test_a_word_table_holds_its_lines_keys_and_both_ways_agree(lines, probes, tabbed, mapped):
    """`WordTable` (compiled) and its twin (`_word_table_slots`, `_word_table_holds`): the same
    slots, and for any str the answer of the set of the lines' keys (what precedes `sep`, or
    the whole line; empty keys left out, repeated ones once); its length, keys in the lines'
    order, iteration, `&`, `|`, `-` and `^` either way and `rest` as that set and a dict of
    the first rests give."""
    import mmap

    sep = "\t" if tabbed else "\n"
    text = "\n".join(lines)
    data = text.encode("utf-8", "surrogatepass")
    rows = [line.partition(sep) for line in text.split("\n")] if text else []
    rests: dict[str, str | None] = {}  # each key's first line's rest (None: no `sep` on it)
    for key, mark, rest in rows:
        if key:
            rests.setdefault(key, rest if mark else None)
    keys = list(rests)
    slots = chooser._word_table_slots(data, sep)
    assert len(slots) == 8 * chooser.word_table_size(len(rows))
    words = [*keys, *(k + "a" for k in keys), *probes, "", "é\ud800"]
    for word in words:
        assert chooser._word_table_holds(data, slots, sep, word) == (word in rests), word
    if compiled is None:
        return
    assert compiled.word_table_slots(data, sep) == slots
    source: object = data
    if mapped and data:
        source = mmap.mmap(-1, len(data))
        source.write(data)  # type: ignore[attr-defined]
    tables = [compiled.WordTable(source, sep), compiled.WordTable(source, sep, slots)]
    for table in tables:
        assert len(table) == len(keys) and table.keys() == keys and sorted(table) == sorted(keys)
        assert table.longest() == max(map(len, keys), default=0)
        for word in words:
            assert (word in table) == (word in rests), word
            assert table.rest(word) == (rests.get(word) if tabbed else None), word
        assert set(words) & table == set(words) & set(keys) == table & words
        # |, - and ^ either way, with a set or a frozenset, as a frozenset of the keys gives
        for other in (set(words), frozenset(words)):
            assert table | other == frozenset(keys) | other == other | table
            assert table - other == frozenset(keys) - other and other - table == other - frozenset(keys)
            assert table ^ other == frozenset(keys) ^ other == other ^ table
        assert 3 not in table and None not in table


def test_a_word_table_answers_rest_as_the_sorted_index():
    """The word list's table (`english().words`, compiled): every listed word's rank as the
    binary search of the sorted index reads it, and None for words it lacks."""
    from newslint.rules.typos import _words

    listed = _words.english()
    if chooser.WordTable is None or not isinstance(listed.words, chooser.WordTable):
        pytest.skip("the table is the compiled module's")
    table = listed.words
    top = listed.top(3000)
    for word in [*top, *(w + "q" for w in top), "café", "naïve", "\ud800", ""]:
        assert table.rest(word) == listed._index.rest(word), word  # type: ignore[attr-defined]
    assert len(table) == listed.size == len(set(listed.ordered))
    assert listed.longest() == max(map(len, listed.ordered)) == table.longest()  # type: ignore[attr-defined]
    assert set(table) == set(listed.ordered)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abcde", min_size=1, max_size=5), max_size=30), st.text("abcdef", max_size=6))
def test_edits_among_a_word_table_are_those_among_its_frozenset(keys, word):
    """`edits_among`, `edits_among_each` and `swap_inside` read a `WordTable` by each edit's bytes:
    the same sets (in the same order) as of the frozenset of its keys."""
    if compiled is None:
        return
    table = compiled.WordTable("\n".join(keys).encode(), "\n")
    held = frozenset(keys)
    assert list(chooser.edits_among(word, table)) == list(chooser.edits_among(word, held))
    lookups = [chooser.Lookup(table), chooser.Lookup(held)]
    found = chooser.edits_among_each(word, [lookups[0], held])
    assert [list(s) for s in found] == [list(chooser.edits_among(word, held))] * 2
    assert chooser.swap_inside(word, [lookups[0]]) == chooser.swap_inside(word, [held])


@needs_compiled
def test_compiled_spans_are_out_of_the_cyclic_collectors_reach():
    """A span of a story's parts the compiled core makes holds two ints and can be in no cycle:
    it is untracked, as the collector untracks an exact tuple of ints (a subclass's never is),
    so a full collection does not walk every paragraph, sentence and quotation of a story again.
    A token and its span stay tracked: most die before any collection."""
    doc = parse('Troops enter town\n\nBEIRUT (Reuters) - "We left," he said. Rebels "fled" north.\n')
    spans = [*doc.paragraphs, *doc.sentences, *doc.quotations]
    assert len(doc.quotations) == 2 and all(type(s) is Span for s in spans)
    assert not any(gc.is_tracked(s) for s in spans)
    assert gc.is_tracked(next(iter(doc.words_among({"Rebels"}))))
