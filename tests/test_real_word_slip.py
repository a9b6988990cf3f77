"""NL107's shortcuts against the definitions they stand for: the neighbours of a word of the
confusion table, read from the pair table once, are the words `_pairs.count` finds a pair with;
and the slip `_reads_better` finds is the one the plain weighing finds (the best other word by
lift, reported when it reads with both neighbours and reads 3,000 times better)."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import segment
from newslint.config import Settings
from newslint.lint import Linter
from newslint.rules.typos import _pairs
from newslint.rules.typos._confusions import confusions, lift
from newslint.rules.typos._context import Context
from newslint.rules.typos.real_word_slip import (
    _APOSTROPHE_LOST,
    _CONFUSABLE,
    REPORT_LIFT,
    _neighbours,
    _reads_better,
    apostrophe_lost,
)
from tests.depth import examples

WORDS = sorted({w for word, others in confusions().items() for w in (word, *others)})
# Neighbours to weigh them between: words that pair with many of them, words that pair with few,
# and words the table does not hold.
NEIGHBOURS = ["the", "a", "of", "to", "and", "is", "was", "more", "less", "said", "much", "life"]
NEIGHBOURS += ["loan", "rather", "weather", "nation", "rome", "zzzz", "their", "form", "its", "be"]


def test_the_neighbours_are_the_pairs_the_table_counts():
    for word in WORDS:
        before, after = _neighbours(word)
        assert all(_pairs.count(x, word) is not None for x in before), word
        assert all(_pairs.count(word, x) is not None for x in after), word
        others = {x for w in WORDS[:12] for x in itertools.chain(*_neighbours(w))} | set(NEIGHBOURS)
        assert {x for x in others if _pairs.count(x, word) is not None} == others & before, word
        assert {x for x in others if _pairs.count(word, x) is not None} == others & after, word


def reads(word: str, context: Context) -> bool:
    assert context.before is not None and context.after is not None
    return _pairs.count(context.before, word) is not None and _pairs.count(word, context.after) is not None


def weighed(word: str, before: str, after: str) -> str | None:
    """The definition: the other word of best lift, when it reads and reads far better."""
    context = Context(before, after)
    if reads(word, context):
        return None
    best = max(confusions()[word], key=lambda m: lift(word, m, context))
    if lift(word, best, context) < REPORT_LIFT or not reads(best, context):
        return None
    return best


def test_the_slip_found_is_the_one_the_weighing_finds():
    found = 0
    for word in confusions():
        for before, after in itertools.product(NEIGHBOURS, repeat=2):
            expected = weighed(word, before, after)
            assert _reads_better(word, before, after) == expected, (word, before, after)
            found += expected is not None
    assert found >= 10  # the shortcut is tested where it reports, not only where it does not


STORY_WORDS = ["form", "From", "from", "there", "THEIR", "their", "cant", "Cant", "wont", "can't", "then"]
STORY_WORDS += ["than", "the", "loan", "said", "It", "its", "affect", "Effect", "effect-", "quiet", "zzzz"]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(STORY_WORDS), st.sampled_from([" ", ". ", "\n\n", ", "])), max_size=25)
)
@example([("Form", "\n\n"), ("proceeds", " "), ("form", " "), ("the", " "), ("loan", ". "), ("cant", " ")])
def test_the_tables_words_are_the_ones_their_tests_select(pieces):
    """`_tokens` looks the table's few words up among the story's words: the tokens of the words
    the table's test selects (`doc.selected`), for the confusions and the lost apostrophes."""
    doc = segment.parse("".join(w + s for w, s in pieces))
    rule = Linter(Settings()).by_code["NL107"]
    for table, test in ((confusions(), _CONFUSABLE), (apostrophe_lost(), _APOSTROPHE_LOST)):
        assert rule._tokens(doc, table) == doc.words_among(doc.selected(test))


SLIP_WORDS = ["form", "From", "then", "than", "there", "their", "less", "four", "years", "proceeds", "the"]
SLIP_WORDS += ["loan", "much", "of", "life", "were", "said", "it", "is", "its", "cant", "see", "Proceeds"]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(SLIP_WORDS), st.sampled_from([" ", " ", ". ", "\n\n", "\n"])), max_size=30
    )
)
@example([("proceeds", " "), ("form", " "), ("the", " "), ("loan", "\n\n"), ("proceeds", " "), ("form", " ")])
@example([("less", " "), ("then", " "), ("four", " "), ("years", ". "), ("much", " "), ("of", " ")])
def test_the_index_reads_the_slips_the_tokens_read(pieces):
    """`_confused` reads the table's words from the token index, no token built: it reports what
    it reports from the story's tokens (`_confused_tokens`, where the tokens are built), the
    headline's words left out alike."""
    text = "".join(w + s for w, s in pieces)
    rule = Linter(Settings()).by_code["NL107"]
    built = segment.parse(text)
    assert built.tokens is not None  # built: `word_positions` answers None, the tokens are read
    assert built.word_positions(()) is None
    indexed = segment.parse(text)
    assert list(rule.check(indexed)) == list(rule.check(built))


def test_the_index_finds_the_slips_outside_the_headline():
    text = "Proceeds form the loan\n\nThe proceeds form the loan came after less then four years.\n"
    rule = Linter(Settings()).by_code["NL107"]
    found = [text[v.span.start : v.span.end] for v in rule.check(segment.parse(text))]
    assert found == ["form", "then"]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(SLIP_WORDS), st.sampled_from([" ", "  ", ". ", "\n\n", "\n", " \t", "-"])),
        max_size=30,
    )
)
@example([("proceeds", " "), ("form", " "), ("the", " "), ("loan", "\n\n"), ("less", " "), ("then", " ")])
def test_the_compiled_slip_candidates_are_the_twins(pieces):
    """`slip_candidates` finds the tokens its pure twin finds, with the same neighbours."""
    from newslint.native import native
    from newslint.rules.typos import real_word_slip

    if native is None:
        return
    doc = segment.parse("".join(w + s for w, s in pieces))
    selected = confusions().keys() & doc.word_counts.keys()
    found = doc.word_positions(selected)
    if found is None:
        return
    (words, ids, starts, _, _), at = found
    table = {word: real_word_slip._pair_sets(word) for word in selected}
    args = (doc.text, at, words, ids, starts, table)
    assert native.slip_candidates(*args) == real_word_slip._slip_candidates_twin(*args)


def test_the_whole_pair_table_reads_as_the_storys_own():
    """`_confused` hands `slip_candidates` the table of every confusable word (`_pair_table`),
    built once: each word's entry is its `_pair_sets`, so a story's candidates are those a
    table of its own words finds."""
    from newslint.rules.typos import real_word_slip

    whole = real_word_slip._pair_table()
    assert whole.keys() == confusions().keys()
    assert all(whole[word] == real_word_slip._pair_sets(word) for word in whole)
    doc = segment.parse("The proceeds form the loan came after less then four years, there life.\n")
    selected = confusions().keys() & doc.word_counts.keys()
    found = doc.word_positions(selected)
    assert found is not None
    (words, ids, starts, _, _), at = found
    own = {word: real_word_slip._pair_sets(word) for word in selected}
    assert real_word_slip._slip_candidates(doc.text, at, words, ids, starts, whole) == (
        real_word_slip._slip_candidates(doc.text, at, words, ids, starts, own)
    )
    assert real_word_slip._slip_candidates_twin(doc.text, at, words, ids, starts, whole) == (
        real_word_slip._slip_candidates_twin(doc.text, at, words, ids, starts, own)
    )


def test_a_lost_apostrophe_is_read_beside_the_confused_words():
    """`check` adds `_lost_apostrophes` only where a story holds "cant" or "wont": the reports of
    both, in order, where it does; none of the lost apostrophe where it does not."""
    rule = Linter(Settings()).by_code["NL107"]
    text = "Headline here\n\nThe proceeds form the loan were late. I cant see why, he said.\n"
    found = [text[v.span.start : v.span.end] for v in rule.check(segment.parse(text))]
    assert found == ["form", "cant"]
    plain = "Headline here\n\nThe proceeds form the loan were late. I cannot see why, he said.\n"
    assert [plain[v.span.start : v.span.end] for v in rule.check(segment.parse(plain))] == ["form"]


CONFUSABLE_PIECES = [*WORDS[:30], *NEIGHBOURS, "Their", "FROM", "then", "than", ".", ",", "\n\n"]
CONFUSABLE_STORY = st.lists(st.sampled_from(CONFUSABLE_PIECES), max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(CONFUSABLE_STORY)
def test_the_confusable_words_read_are_the_storys_own(text):
    """`_confused` reads the story's words of the table from `doc.selected(_CONFUSABLE)`: the
    words `confusions().keys() & doc.word_counts.keys()` holds, as the story's own str objects
    (those of its token index), which `among` finds by identity (the table's keys, which the
    intersection holds, it looked up word by word)."""
    doc = segment.parse(text)
    selected = doc.selected(_CONFUSABLE)
    assert selected == confusions().keys() & doc.word_counts.keys()
    indexed = doc.indexed_words()
    if indexed is not None:
        assert all(any(word is w for w in indexed) for word in selected)
