"""Learning's compiled helpers (`newslint._native`: story_parts, story_words, tally_words, add_counts,
joined_pairs and its sketch, pair_filter) give what their pure-Python twins in newslint.learn and
newslint.profile give, and what they stand for (the token regex, `Counter.update`, joined
neighbours); and a profile learned either way is the same file, byte for byte (in the slow test:
the dev corpora)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import learn, profile
from newslint.native import native as compiled
from newslint.span import Span
from newslint.tokens import TOKEN, LetterTest, Prose, TokenKind, kind_of
from tests.conftest import SHARED
from tests.depth import examples
from tests.test_engine_equivalence import INPUTS, made_stories

needs_compiled = pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")
# letters (one a capital, one a title case), digits (ASCII and others), the token's inner marks,
# spaces and an underscore
CHARS = "abZé_5٣²'’-.,: \n\tßǅI" + "\u0301"


def _plain_words(text: str) -> tuple[list[str], Counter[str]]:
    tokens = TOKEN.findall(text)
    counts = Counter(w for w in tokens if w.isalpha() or kind_of(w) is TokenKind.WORD)
    return tokens, counts


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(st.text(CHARS, max_size=80))
def test_story_words_are_the_regex_tokens_and_their_word_counts(text):
    counts: Counter[str] = Counter()
    tokens = compiled.story_words(text, counts, kind_of, TokenKind.WORD)
    twin: Counter[str] = Counter()
    assert tokens == learn._story_words(text, twin) == _plain_words(text)[0]
    assert counts == twin == _plain_words(text)[1]
    assert list(counts) == list(twin)  # in the order of first use, as Counter(tokens) keeps them


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(
    st.dictionaries(st.text("abc", max_size=3), st.integers(1, 1 << 40), max_size=8),
    st.dictionaries(st.text("abc", max_size=3), st.integers(1, 1 << 40), max_size=8),
    st.booleans(),
)
def test_add_counts_is_counter_update(total, counts, ones):
    expected = Counter(total)
    expected.update(counts.keys() if ones else counts)
    got = Counter(total)
    compiled.add_counts(got, counts, ones)
    twin = Counter(total)
    profile._add_counts(twin, counts, ones)
    assert got == twin == expected


@needs_compiled
def test_add_counts_refuses_to_add_a_table_to_itself():
    table = Counter({"a": 1})
    with pytest.raises(ValueError):
        compiled.add_counts(table, table, False)
    profile.add_counts(table, table)  # the twin's answer: Counter.update doubles it
    assert table == {"a": 2}


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.text("abé", max_size=3), st.integers(1, 1 << 33), max_size=6), max_size=6))
def test_tallies_sum_uses_and_stories_both_ways(stories):
    compiled_tally = learn.WordTally()
    for counts in stories:
        compiled_tally.add(counts)
    uses, with_word = Counter(), Counter()
    for counts in stories:
        uses.update(counts)
        with_word.update(counts.keys())
    assert compiled_tally.counters() == (uses, with_word)
    saved, learn.native = learn.native, None
    try:
        twin = learn.WordTally()
        for counts in stories:
            twin.add(counts)
    finally:
        learn.native = saved
    assert not twin.compiled and compiled_tally.compiled
    assert twin.counters() == (uses, with_word)
    assert list(twin.counters()[0]) == list(compiled_tally.counters()[0])


# Letter tests the tally answers for (each counts its runs): any word's letters, read alone.
TALLY_TESTS = [
    lambda w: w.startswith("a"),
    lambda w: "é" in w,
    lambda w: len(w) % 2 == 1,
    lambda w: w.isupper(),
]


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.dictionaries(st.text("abéA", max_size=3), st.integers(1, 9), max_size=6), max_size=6),
    st.integers(1, 4),
)
def test_a_tally_selects_what_each_letter_test_selects_testing_each_word_once(stories, n):
    """Each story's words that pass each test, as `LetterTest.select` picks them, both ways;
    a test is run once a word (the tally remembers it), and the sums are the tally's without
    tests."""
    runs: Counter[tuple[int, str]] = Counter()

    def counted(t):
        def test(word):
            runs[t, word] += 1
            return TALLY_TESTS[t](word)

        return test

    tests = [LetterTest(counted(t)) for t in range(n)]
    results = []
    for native in (compiled, None):
        saved, learn.native = learn.native, native
        try:
            tally, plain = learn.WordTally(tests), learn.WordTally()
            picked = []
            for counts in stories:
                picked.append(tally.add(counts))
                plain.add(counts)
        finally:
            learn.native = saved
        for counts, selected in zip(stories, picked, strict=True):
            assert selected == {t: {w for w in counts if TALLY_TESTS[i](w)} for i, t in enumerate(tests)}
        assert tally.counters() == plain.counters()
        results.append(picked)
        assert all(k == 1 for k in runs.values())
        runs.clear()
    assert results[0] == results[1]


@needs_compiled
def test_tallies_refuse_arrays_that_do_not_match_their_index():
    with pytest.raises(ValueError):  # a record of three 64-bit integers a word of the index
        compiled.tally_words({"a": 1}, {"a": 0}, bytearray(), ())
    with pytest.raises(ValueError):
        compiled.tally_words({"a": 1}, {"a": 0}, bytearray(16), ())
    with pytest.raises(ValueError):  # two bits a test in a 64-bit integer
        compiled.tally_words({"a": 1}, {}, bytearray(), (str.isupper,) * (learn.TALLIED_TESTS + 1))
    with pytest.raises(ValueError):
        learn.WordTally([LetterTest(str.isupper) for _ in range(learn.TALLIED_TESTS + 1)])


@needs_compiled
def test_a_tally_passes_on_a_failing_test_and_tests_the_word_again():
    """A test's exception reaches the caller; the word it was asked of is left untested, so the
    next story that writes it asks again."""
    asked: list[str] = []

    def test(word: str) -> bool:
        asked.append(word)
        if len(asked) == 1:
            raise RuntimeError("no answer")
        return word.isupper()

    tally = learn.WordTally([LetterTest(test)])
    with pytest.raises(RuntimeError):
        tally.add({"AB": 1})
    assert list(tally.add({"AB": 1}).values()) == [{"AB"}]
    assert asked == ["AB", "AB"]


# stops, closing and opening marks, capitals and figures, white space of every kind the patterns
# treat apart (a line break, indentation, a carriage return, others \s matches), a colon
SPLIT_CHARS = "aZ5.!?\"”’'()[]“‘:\n\n\t\r \x0b\x1c\u2028\u00a0"


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(st.text(SPLIT_CHARS, max_size=60), st.integers(0, 8))
def test_story_parts_are_the_patterns_parts(text, longest):
    """The compiled reading of a story (blocks, headline, paragraphs, sentences) cuts where the
    twin's three patterns match, and builds the same spans, of the same type."""
    parts = compiled.story_parts(text, Span, learn.MAX_HEADLINE_CHARS)
    assert parts == learn._story_parts(text)
    assert all(type(s) is Span for s in parts[1] + parts[2])
    headline = compiled.story_parts(text, Span, longest)[0]  # a first line of more characters is no headline
    assert headline is None or len(text[headline.start : headline.end].strip()) <= longest


@pytest.mark.parametrize("built", [True, False], ids=["compiled", "twin"])
def test_a_story_is_read_into_its_headline_paragraphs_and_sentences(built, monkeypatch):
    if not built:
        monkeypatch.setattr(learn, "native", None)
    text = (
        'Regime forces\n\nThe regime said. It "won" 5-1! Then...\n  A wire paragraph.\n\n'
        'More (here). "Quoted."'
    )
    doc = learn.read_story(text)
    assert doc.headline is not None and doc.slice(doc.headline) == "Regime forces"
    assert [doc.slice(p) for p in doc.paragraphs] == [
        'The regime said. It "won" 5-1! Then...',
        "  A wire paragraph.",
        'More (here). "Quoted."',
    ]
    assert [doc.slice(s) for s in doc.sentences] == [
        "Regime forces",
        "The regime said.",
        'It "won" 5-1!',
        "Then...",
        "  A wire paragraph.",
        "More (here).",
        '"Quoted."',
    ]


WORDS = frozenset({"airstrikes", "ceasefire", "éclairage", "abab", "ababab"})


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["air", "strikes", "Air", "cease", "fire", "FIRE", "éclair", "age", "ab", "a-b", "5"]
        ),
        max_size=12,
    )
)
def test_joined_pairs_are_the_neighbours_that_join_into_a_word(tokens):
    expected = {a + b for a, b in zip(tokens, tokens[1:], strict=False) if a + b in WORDS and len(a + b) >= 6}
    assert (
        compiled.joined_pairs(tokens, WORDS, 6, 40)
        == compiled.joined_pairs(tokens, WORDS, 6, 40, compiled.pair_filter(WORDS))
        == learn.joined_pairs(tokens, WORDS, 6, 40)  # with the sketch
        == learn._joined_pairs(tokens, WORDS, 6, 40)
        == expected
    )


@needs_compiled
@settings(max_examples=examples(300), deadline=None)
@given(st.sets(st.text("abzéßĳ\U0001d4b6", min_size=1, max_size=12), max_size=30), st.data())
def test_a_sketch_passes_every_pair_that_joins_into_one_of_its_words(words, data):
    """The sketch only skips pairs: every split of every word in lowercase letters (of any
    length, and of one, two and four bytes a character) still joins into it."""
    sketch = compiled.pair_filter(words)
    word = data.draw(st.sampled_from(sorted(words))) if words else "ab"
    at = data.draw(st.integers(0, len(word)))
    tokens = [word[:at], word[at:]]
    found = compiled.joined_pairs(tokens, words, 0, 100, sketch)
    assert found == compiled.joined_pairs(tokens, words, 0, 100) == ({word} & words)


@needs_compiled
def test_a_sketch_of_another_size_is_refused():
    with pytest.raises(ValueError):
        compiled.joined_pairs(["air", "strikes"], WORDS, 6, 40, b"\xff" * 16)


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in INPUTS] + made_stories(150, seed=29)


@needs_compiled
def test_a_profile_is_the_same_file_learned_either_way(monkeypatch):
    texts = _texts()
    compiled_profile = learn.learn_texts(texts).dumps()
    monkeypatch.setattr(learn, "native", None)
    monkeypatch.setattr(profile, "native", None)
    assert learn.learn_texts(texts).dumps() == compiled_profile


LEARN = """
import sys
from pathlib import Path
from newslint.learn import learn_archive
from tests.fix_ledger import stories
texts = [text for _, text in stories(Path(sys.argv[1]))]
sys.stdout.buffer.write(learn_archive(iter(texts), jobs=1).dumps())
"""


@pytest.mark.slow
@pytest.mark.long
@needs_compiled
def test_the_dev_corpora_learn_the_same_profile_both_ways():
    """Every story of the dev corpora, learned with the compiled helpers and with the twins (in
    processes of their own: NEWSLINT_PURE_PYTHON=1 chooses at import): the same bytes."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared/corpora is not here")
    root = Path(__file__).resolve().parent.parent
    outputs = []
    for pure in ("", "1"):
        env = {**os.environ, "NEWSLINT_PURE_PYTHON": pure}
        proc = subprocess.run(
            [sys.executable, "-c", LEARN, str(SHARED)], capture_output=True, env=env, cwd=root, check=True
        )
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 100_000


# story-shaped pieces for the sentences that hold a few strings: words, their parts, stops and
# blank lines that split stories into headline, paragraphs and sentences
STORY_PIECES = st.sampled_from(
    [
        "The",
        "the",
        "regime",
        "reg",
        "ime",
        "said",
        "Air",
        "strikes",
        " ",
        "  ",
        ". ",
        "! ",
        ".\n",
        "\n\n",
        "\n  ",
    ]
)


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(STORY_PIECES, max_size=40).map("".join), st.sets(STORY_PIECES, min_size=1, max_size=4))
def test_a_learned_storys_sentences_holding_strings_are_the_proses(text, few):
    """`learn._Unindexed` finds the sentences that hold one of a few strings from each string's
    places; `Prose._sentences_holding` from one compiled pattern of them: the same sentences, in
    order (strings across a sentence's end, inside another, or in no sentence included)."""
    doc = learn.read_story(text)
    parts = (text, doc.sentences, doc.headline, doc._not_prose, doc._quoted)
    few = {w for w in few if w}
    expected = list(Prose(*parts)._sentences_holding(few))
    assert list(learn._Unindexed(*parts)._sentences_holding(few)) == expected
    assert expected == [s for s in doc.sentences if any(w in text[s.start : s.end] for w in few)]
