"""NL101's letter tests read as they were written: `_may_be_unknown`'s first test (a word whose
lowercase is listed is cleared in any case) against the tests it stands for, the whole test
against its form before its listed words were looked up as they stand and the shapes it declares,
the word list as its table of words that fail (no call for them) against the test, the remembered
capital tests against the plain ones, the capital tests' compiled first tests (`unlisted_capital`)
against the tests as they were written, and `_without_possessive` against the pattern it replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.config import Settings
from newslint.lint import Linter
from newslint.rules.typos import unknown_word
from newslint.rules.typos._capitals import CAPITAL_MIN_LENGTH, capital_candidate
from newslint.rules.typos._context import unaccented_words
from newslint.rules.typos._words import english, is_rare, known_names, misspellings, rare_words
from newslint.rules.typos.unknown_word import (
    _MAY_BE_UNKNOWN,
    _POSSESSIVE,
    MIN_LENGTH,
    OPENING_MIN_LENGTH,
    _opening_candidate,
    _opening_capital,
    _without_possessive,
)
from newslint.segment import parse
from newslint.tokens import LetterTest, Shape, word_shape
from tests.depth import examples

LISTED = ["regime", "minister", "the", "of", "finance", "cafe", "café", "signs", "committee"]
# listed words in every case, slips of them, names, accents, hyphens, apostrophes and stray letters
WORDS = st.one_of(
    st.sampled_from(LISTED).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.capitalize(), w[::-1], w + "s", w[1:], w + "-" + w])
    ),
    st.text("aeinrsgmtOMRSÉé’'-x", min_size=1, max_size=12),
    st.sampled_from(["McReigme", "iPhone", "THe", "Zürich", "communiqué", "don't", "co-operate", "ab", "Ab"]),
)


def _rule() -> unknown_word.UnknownWord:
    rules = Linter(Settings(), path="story.txt").rules
    return next(r for r in rules if isinstance(r, unknown_word.UnknownWord))


RULE = _rule()


def _may_be_unknown_as_written(text: str) -> bool:
    """The definition: `_may_be_unknown` as it read before its first test cleared every listed
    word in any case, each capital test asked in full. A word that passes these first tests
    goes on to its parts' tests, which the change left as they were (asked of the rule)."""
    words = english().words
    if text.isalpha() and text.islower() and (len(text) < MIN_LENGTH or text in words):
        return False
    if _opening_capital(text, words) or capital_candidate(text):
        return True
    if not text.islower() or not text.isascii() and "’" not in text:
        return False
    return RULE._may_be_unknown(text)


def _may_be_unknown_before(text: str) -> bool:
    """`_may_be_unknown` as it read before a listed word was looked up as written (without a
    lowercase copy), its parts' test since moved to a method of its own, each capital test asked
    in full, and each part found by the scan."""
    words = english().words
    if text.isalpha() and (text.lower() in words or text.islower() and len(text) < MIN_LENGTH):
        return False
    if capital_candidate(text) or _opening_candidate(text):
        return True
    if not text.islower() or not text.isascii() and "’" not in text:
        return False
    if "-" in text and (text.lower().replace("-", "") in words or text.lower() in words):
        return False
    return _unknown_part_as_scanned(text, words)


def _unknown_part_as_scanned(text: str, words) -> bool:
    """`UnknownWord._unknown_part` as it read before its plain words were read with a split
    (`_plain_parts_listed`): every part found by the scan (`_text_parts`)."""
    known_wrong = misspellings().keys()
    return any(
        not (
            len(part) < MIN_LENGTH
            or part in words
            or part in known_wrong
            or RULE.context.accepts(part)
            or is_rare(part)
            and RULE.context.profile is None
            or part in unaccented_words()
        )
        for part, _ in unknown_word._text_parts(text)
    )


# hyphenated and possessive words of listed, unlisted and short pieces, and stray marks
PIECES = st.lists(
    st.sampled_from(
        ["year", "little", "known", "reigme", "ab", "s", "", "it", "x", "rock'n", "f16", "é"]
    ).flatmap(lambda p: st.sampled_from([p, p + "'s", p + "'", p + "''s", p + "'s's", p.upper()])),
    min_size=1,
    max_size=4,
).map("-".join)


@settings(max_examples=examples(1500), deadline=None)
@given(st.one_of(PIECES, WORDS))
def test_the_parts_read_with_a_split_are_the_scans(text):
    words = english().words
    plain = unknown_word._plain_parts_listed(text, words)
    if plain:  # every part the scan finds is short or listed
        assert all(len(p) < MIN_LENGTH or p in words for p, _ in unknown_word._text_parts(text)), text
    assert RULE._unknown_part(text, words) == _unknown_part_as_scanned(text, words), text


@settings(max_examples=examples(1500), deadline=None)
@given(WORDS)
def test_may_be_unknown_answers_as_before_and_passes_only_its_shapes(text):
    found = RULE._may_be_unknown(text)
    assert found == _may_be_unknown_before(text), text
    assert not found or word_shape(text) & _MAY_BE_UNKNOWN, text  # the shapes it declares
    assert RULE._unknown.select({text: 1}) == ({text} if found else set()), text


def test_the_listed_words_are_their_own_lowercase():
    """`_may_be_unknown` looks a word up as written first: right only if every listed word is."""
    assert all(w.lower() == w for w in english().ordered)


def test_every_listed_word_in_any_case_fails_the_test():
    """`_unknown` declares the word list its table of failing words (`LetterTest(fails=...)`): a
    word of ASCII letters whose lowercase is listed is answered without the call. Right only if
    the test fails every such word: each listed one, in lowercase, capitalised and in capitals."""
    for w in english().ordered:
        if w.isascii() and w.isalpha():
            for form in (w, w.capitalize(), w.upper()):
                assert not RULE._may_be_unknown(form), form


@settings(max_examples=examples(800), deadline=None)
@given(WORDS)
def test_the_test_with_its_failing_words_selects_what_the_test_selects(text):
    listed = english()._words.frozen()
    fresh = LetterTest(RULE._may_be_unknown, shapes=_MAY_BE_UNKNOWN, fails=lambda: listed)
    assert fresh.select({text: 1}) == ({text} if RULE._may_be_unknown(text) else set()), text


@settings(max_examples=examples(800), deadline=None)
@given(WORDS)
def test_the_letter_tests_clear_the_words_they_cleared(text):
    assert RULE._may_be_unknown(text) == _may_be_unknown_as_written(text), text
    if RULE._may_be_unknown(text):  # the capital test is asked of its words alone
        assert (text in RULE._capital.select({text: 1})) == capital_candidate(text), text
    assert _opening_candidate(text) == _opening_capital(text, english().words)


def _capital_candidate_as_written(text: str) -> bool:
    """`capital_candidate` as it read before its first tests were compiled (`unlisted_capital`)."""
    if len(text) < CAPITAL_MIN_LENGTH or not text.isascii() or not text.isalpha():
        return False
    if not (text.isupper() or text[0].isupper() and text[1:].islower()):
        return False
    word = text.lower()
    return (
        word not in english().words
        and word not in misspellings()
        and not is_rare(word)
        and word not in unaccented_words()
        and word.capitalize() not in known_names()
    )


def _opening_capital_as_written(text: str) -> bool:
    """`_opening_capital` as it read before it was compiled (`unlisted_capital`)."""
    return (
        len(text) >= OPENING_MIN_LENGTH
        and text.isalpha()
        and text.isascii()
        and text[0].isupper()
        and text[1:].islower()
        and text.lower() not in english().words
        and text.lower() not in misspellings()
    )


# capitalised and all-capital names, words, rare words, misspellings and accentless words, and
# the shapes around them
CAPITALS = st.one_of(
    WORDS,
    st.sampled_from(
        ["jones", "enron", "worldcom", "caribbean", "regime", "reigme", "accomodate", "cafe", "zymurgy", "ab"]
    ).flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize(), w[:1] + w[1:].upper(), w + "1"])),
)


@settings(max_examples=examples(1500), deadline=None)
@given(CAPITALS)
def test_the_capital_tests_answer_as_written(text):
    assert capital_candidate(text) == _capital_candidate_as_written(text), text
    assert _opening_capital(text, english().words) == _opening_capital_as_written(text), text


@settings(max_examples=examples(1500), deadline=None)
@given(CAPITALS)
def test_may_be_unknown_answers_as_before_on_names_rare_words_and_misspellings(text):
    """`_may_be_unknown` reads the capital tests' shared first test once (a capitalised word
    passing it passes `_opening_candidate`, only one in capitals is asked `capital_candidate`)
    and a lowercase word's one part without the split: the words where those readings bite."""
    assert RULE._may_be_unknown(text) == _may_be_unknown_before(text), text
    if RULE._may_be_unknown(text):  # `_capital`, asked of these words alone, answers as before
        assert (text in RULE._capital.select({text: 1})) == capital_candidate(text), text


@settings(max_examples=examples(1500), deadline=None)
@given(CAPITALS)
def test_the_openers_read_by_shape_are_what_the_opening_candidate_answers(text):
    """`check` reads its openers from the words `_unknown` passes by their shape alone
    (`Shape.CAPITAL`, read with the capital candidates by `_capital.select_shaped`): among those
    words, what `_opening_candidate` answers."""
    capitalised = word_shape(text) == Shape.CAPITAL
    if RULE._may_be_unknown(text):
        assert capitalised == _opening_candidate(text), text
        openers, _ = RULE._capital.select_shaped({text}, Shape.CAPITAL)
        assert openers == ({text} if _opening_candidate(text) else set()), text
    assert not _opening_candidate(text) or capitalised, text


def test_the_capital_tests_read_words_of_one_length():
    """`_may_be_unknown` asks `unlisted_capital` once for both capital tests: right only while
    they read words from the same length."""
    assert OPENING_MIN_LENGTH == CAPITAL_MIN_LENGTH


def test_a_listed_word_in_capitals_is_cleared_and_a_slip_is_not():
    assert not RULE._may_be_unknown("MINISTER")
    assert not RULE._may_be_unknown("Regime")
    assert RULE._may_be_unknown("Reigme")
    assert RULE._may_be_unknown("MINTERALS")


@settings(max_examples=examples(800), deadline=None)
@given(st.text("as'’\nx", max_size=8))
def test_the_possessive_is_taken_off_as_the_pattern_took_it(word):
    assert _without_possessive(word) == _POSSESSIVE.sub("", word), repr(word)


def _names_in_lowercase_as_written(doc) -> set[str]:
    """The definition: `_names_in_lowercase` as a walk over the story's words, each tested."""
    names, words, rare = known_names(), english().words, rare_words()
    return {
        w
        for w in doc.word_counts
        if w.isalpha() and w.islower() and w not in words and w.capitalize() in names and w not in rare
    }


# names in every case, words, accented and stray letters
STORY_WORDS = st.lists(
    st.sampled_from(
        ["venezuela", "february", "paris", "france", "reuters", "zürich", "the", "cafe", "said"]
    ).flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper(), w + "'s", "al-" + w]))
    | st.text("aeinrszüV", min_size=1, max_size=8),
    max_size=14,
)


@settings(max_examples=examples(300), deadline=None)
@given(STORY_WORDS)
def test_the_names_in_lowercase_are_those_the_walk_over_the_words_found(words):
    """`_names_in_lowercase`, a letter test remembered across stories, against the walk it replaced."""
    doc = parse("Headline\n\n" + " ".join(words) + ".\n")
    assert unknown_word._names_in_lowercase(doc) == _names_in_lowercase_as_written(doc)
