"""NL101's shortcuts answer as what they replace: the search for a comma-cut piece before a word
asked only after a comma, semicolon or line break, the remembered swap test, the headline's
capitals read once a story, the not-English-copy limit summed only past its floor, the
rare-slip test asked of no capital candidate nor known name, no company tag sought before a
story's first "<", an acronym's uses looked up as it is written, a token's opening read from the
opening test's selection, a short capitalised word inside a sentence left alone before the
story's counts, the counts summed for lowercase words only, no capital test asked of a word
not of letters alone, and where a story lost its capitals read from its token index."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.document import LetterTest, Shape
from newslint.rules.typos import _acronyms, _capitals, unknown_word
from newslint.rules.typos._words import english, known_names, misspellings
from newslint.segment import parse
from newslint.span import Span
from tests.depth import examples


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


@settings(max_examples=examples(1500), deadline=None)
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


@settings(max_examples=examples(300), deadline=None)
@given(st.text("abeinorstw", min_size=1, max_size=12))
def test_the_remembered_swap_test_answers_as_the_test(word):
    assert _capitals.may_be_swapped_slip(word) == _capitals.may_be_swapped_slip.__wrapped__(word)


def test_the_headline_in_capitals_is_read_once_a_story():
    doc = parse("BHP MINTERALS <BRKNY> MELDS UTAH INTERNATIONAL\n\nThe miner said on Monday.\n")
    assert _capitals.all_caps_headline(doc) and _capitals._all_caps_headline(doc)
    assert doc.derived(_capitals._all_caps_headline) is True  # kept for the story
    mixed = parse("BHP Minerals melds Utah International\n\nThe miner said on Monday.\n")
    assert not _capitals.all_caps_headline(mixed) and not _capitals._all_caps_headline(mixed)


@settings(max_examples=examples(1000), deadline=None)
@given(st.text(st.sampled_from("BHMaz <>-1Éé'"), max_size=24))
@example("A")
@example("A B")
@example("<A> B")
@example("AB <c> D")
@example("BHP MINTERALS <BRKNY> MELDS UTAH")
def test_the_headline_in_capitals_is_its_plain_definition(headline):
    """Two or more runs of ASCII letters, tags aside, none with a lowercase letter: the searches
    for a lowercase letter and for two runs answer as the list of runs did."""
    doc = parse(headline.replace("\n", " ") + "\n\nThe miner said on Monday.\n")
    if doc.headline is None:
        assert not _capitals._all_caps_headline(doc)
        return
    runs = re.findall(r"[A-Za-z]+", re.sub(r"<[^<>\n]*>", " ", doc.slice(doc.headline)))
    assert _capitals._all_caps_headline(doc) == (len(runs) >= 2 and all(w == w.upper() for w in runs))


# words, capitals, the words that name a word, hyphens at line ends, spaces, tabs, marks
SURROUNDINGS = st.lists(
    st.sampled_from(
        ["Floiran", "Woest", "the", "word", "words", "term", "called", "spelt", "known as", "orga", "nise"]
        + [" ", "  ", "\t", "\n", "-", "-\n", ",", '"', "“", ":", "—", "a", "B", "É"]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=examples(2000), deadline=None)
@given(SURROUNDINGS, st.integers(0, 90))
def test_the_searches_before_a_word_find_what_they_found_from_its_whole_reach(text, start):
    """The capitalised word beside a word, a word named as a word and a word hyphenated at a
    line end, each searched for only where it can be, against the search over the whole reach."""
    start = min(start, len(text))
    reach = max(0, start - _capitals.LEFT_REACH)
    left = _capitals._LEFT.search(text, reach, start)
    found = _capitals._left_capital(text, start)
    assert (found and (found.span(), found.group(1))) == (left and (left.span(), left.group(1))), (
        text,
        start,
    )
    span = Span(start, start)
    named = unknown_word._MENTION.search(text, max(0, start - unknown_word.MENTION_REACH), start)
    assert unknown_word.mentioned(text, span) == (named is not None), (text, start)
    apart = unknown_word._AFTER_LINE_BREAK.search(text, max(0, start - 30), start)
    for part in ("nise", "ganise"):
        expected = apart is not None and apart.group(1) + part in english().words
        if (
            text[start : start + 1] not in ("'", "’")
            and unknown_word._BEFORE_LINE_BREAK.match(text, start) is None
        ):
            assert unknown_word._whole_word_written_apart(text, span, part, english().words) == expected


def test_the_searches_still_find_a_name_a_mention_and_a_line_break_hyphen():
    text = "said Floiran Woest, the word energie and orga-\nnise"
    woest = text.index("Woest")
    assert _capitals._left_capital(text, woest).group(1) == "Floiran"
    assert _capitals._left_capital("Floiran\nWoest", 8) is None  # no space before the line break
    assert _capitals._left_capital("(Woest", 1) is None
    assert unknown_word.mentioned(text, Span(text.index("energie"), text.index("energie") + 7))
    assert not unknown_word.mentioned(text, Span(woest, woest + 5))
    nise = text.index("nise")
    assert unknown_word._whole_word_written_apart(text, Span(nise, nise + 4), "nise", english().words)


STORIES = [
    "BHP MINTERALS MELDS UTAH\n\nThe miner said its minerals unit would merge. Reigme forces fought.\n",
    "The talks in Bangaldesh ended. The Finanace Committee met TIM HENMAN and Floiran Woest.\n",
    "Shares of Enron fell. Enron said the Activison deal with Activision stood. <BSV Bank AG> said.\n",
]


def _capitals_weighed(texts, wanted):
    """(NL101's rule, the story, the token, its counts, its ties) for each capitalised token of
    the stories `texts` that `wanted(doc, tok)` picks."""
    from newslint.config import Settings
    from newslint.lint import Linter
    from newslint.rules.typos._ties import OnceWrittenNames

    rule = Linter(Settings()).by_code["NL101"]
    for text in texts:
        doc = parse(text)
        counts = unknown_word.story_counts(doc)
        ties = OnceWrittenNames(doc, frozenset(doc.word_counts), counts)
        for tok in doc.words():
            if tok.text[:1].isupper() and wanted(doc, tok):
                yield rule, doc, tok, counts, ties


def test_a_token_looked_at_once_is_weighed_as_one_looked_at_twice():
    """`check` asks `_weighed_capital` (`_capitalised_word` less its first test) of a token
    `_plainly_a_name` found no name by its look: the same answer as asking the test again."""
    asked = 0
    for rule, doc, tok, counts, ties in _capitals_weighed(
        STORIES, lambda doc, tok: not unknown_word._plainly_a_name(doc, tok)
    ):
        asked += 1
        assert rule._weighed_capital(doc, tok, counts, ties, True) == rule._capitalised_word(
            doc, tok, counts, ties
        ), tok.text
    assert asked > 10


def test_the_listed_words_are_kept_once_built():
    from newslint.config import Settings
    from newslint.lint import Linter

    rule = Linter(Settings()).by_code["NL101"]
    english()._words.frozen()
    assert rule._listed_words() is english().words and rule._listed is english().words
    assert not rule._may_be_unknown("regime") and rule._may_be_unknown("reigme")


_POSSESSIVE = re.compile(r"['’]s$")  # what `swapped_acronyms` cut from a word, as a pattern
_LAST = ("s", "\n")  # how a word `_POSSESSIVE` matches in ends


def _without_possessive(word: str) -> str:
    """`_POSSESSIVE.sub("", word)` read from the word's end, as `swapped_acronyms` read it."""
    body = word[:-1] if word.endswith("\n") else word
    if body.endswith(("'s", "’s")):
        return body[:-2] + word[len(body) :]
    return word


def _swapped_as_walked(doc) -> list:
    """`swapped_acronyms` as it read before: the uses of every run of capitals gathered from a
    walk over every word of the story, each less its possessive."""
    defined = _acronyms.spelled_out(doc.text)
    if not defined:
        return []
    uses: dict[str, int] = {}
    forms: dict[str, str] = {}
    for word, n in doc.word_counts.items():
        base = _without_possessive(word) if word.endswith(_LAST) else word
        if base.isupper() and base.isalpha():
            uses[base] = uses.get(base, 0) + n
            forms[word] = base
    meant: dict[str, str] = {}
    for acronym in defined:
        if uses.get(acronym, 0) < _acronyms.MIN_USES:
            continue
        for slip in _acronyms._swaps(acronym):
            if uses.get(slip, 0) == 1 and slip not in defined:
                meant[slip] = acronym
    if not meant:
        return []
    written = {w for w, base in forms.items() if base in meant}
    return [(tok, forms[tok.text], meant[forms[tok.text]]) for tok in doc.words_among(written)]


@settings(max_examples=examples(3000), deadline=None)
@given(st.text(st.sampled_from(["'", "’", "s", "S", "\n", "A", "é", " "]), max_size=8))
def test_an_acronym_s_possessive_is_cut_as_the_pattern_cut_it(word):
    """The walk `swapped_acronyms` replaced cut a possessive from a story's words read from their
    ends, and only from those that end as the pattern's matches do: the word `_POSSESSIVE.sub`
    left. What it left is capitals alone only for capitals written as `_acronyms._WRITTEN` has
    them (ADB, ADB's, ADB’s): the words whose uses the lookups add up."""
    cut = _without_possessive(word) if word.endswith(_LAST) else word
    assert cut == _without_possessive(word) == _POSSESSIVE.sub("", word)
    if cut.isupper() and cut.isalpha():
        assert any(word == cut + end for end in _acronyms._WRITTEN), word


# stories that spell acronyms out and write them, swapped, with possessives, in both quotes
def _story_of(words: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    """Stories of a headline and one paragraph of the words drawn, spaced."""
    return st.lists(words, max_size=max_size).map(lambda ws: "Talks\n\n" + " ".join(ws) + "\n")


ACRONYM_STORY = _story_of(
    st.sampled_from(
        ["Asian", "Development", "Bank", "(ADB)", "ADB", "ADB's", "ABD", "ABD's", "ABD’s", "DAB", "ADB\n"]
        + ["Court", "of", "Arbitration", "for", "Sport", "(CAS)", "CAS", "CSA", "ACS", "CSA's", "said", "."]
        + ["(", "(AD)", "((CAS)", "(CAS", ")"]  # brackets that open no acronym, or one later
    ),
    24,
)


@settings(max_examples=examples(800), deadline=None)
@given(ACRONYM_STORY)
@example("Talks\n\nThe Asian Development Bank (ADB) said ADB's loans grew. ABD's head said ADB lends.\n")
@example("Talks\n\nCourt of Arbitration for Sport (CAS) CAS CSA CSA's ACS\n")
@example("Talks\n\nCourt of Arbitration for Sport ((CAS) CAS CSA ( (AD)\n")
def test_swapped_acronyms_are_found_as_the_walk_found_them(text):
    """`swapped_acronyms` looks up each acronym's and swap's uses where it walked every word."""
    doc = parse(text)
    assert _acronyms.swapped_acronyms(doc) == _swapped_as_walked(doc), text


def test_an_acronym_with_a_possessive_is_still_found_swapped():
    text = (
        "The Asian Development Bank (ADB) said on Monday that ADB's loans would grow. "
        "ABD's president said the ADB would lend more.\n"
    )
    found = [(tok.text, slip, meant) for tok, slip, meant in _acronyms.swapped_acronyms(parse(text))]
    assert found == [("ABD's", "ABD", "ADB")]


# names spelled out with their initials, brackets and the words and marks around them
NAMED = st.lists(
    st.sampled_from(["Graan", "Elevator", "Mij", "of", "de", "(", ")", "GEM", "GE", " ", "\n", ",", "x"]),
    max_size=16,
).map("".join)


@settings(max_examples=examples(3000), deadline=None)
@given(NAMED, st.integers(0, 80))
@example("x Graan Elevator (GE)", 2)
def test_a_word_after_the_last_bracket_opens_no_name_spelled_out(text, start):
    """`check` asks `named_by_initials` only of a word before the story's last "(": after it
    the search finds nothing."""
    start = min(start, len(text))
    span = Span(start, len(text))
    found = unknown_word.named_by_initials(text, span)
    assert (start < text.rfind("(") and found) == found


def test_a_name_spelled_out_with_its_initials_is_still_found():
    text = "Graan Elevator Mij (GEM) said on Monday. Graan Elevator Mij sold grain."
    assert unknown_word.named_by_initials(text, Span(0, 5))
    assert not unknown_word.named_by_initials(text, Span(41, 46))
    assert text.rfind("(") < 41


# stories of a few words to a few hundred, repeated or not: the limit at the floor and above it
STORY = st.lists(
    st.sampled_from(["the", "regime", "Reigme", "zxqv", "said", "wqrt"]), min_size=0, max_size=30
).map(lambda ws: "Talks\n\n" + " ".join(ws * 12) + ".\n")


@settings(max_examples=examples(300), deadline=None)
@given(STORY, st.integers(0, 2 * unknown_word.UNKNOWN_FLOOR))
@example("Talks\n\n" + "zxqv " * 900 + ".\n", unknown_word.UNKNOWN_FLOOR + 9)
@example("Talks\n\n" + "zxqv " * 900 + ".\n", unknown_word.UNKNOWN_FLOOR + 10)
def test_the_limit_is_passed_as_the_summed_limit_is(text, unknown):
    """`_past_limit` sums the story's words only past the floor: the same answer as the limit
    summed for every story."""
    doc = parse(text)
    summed = unknown_word.UNKNOWN_FLOOR + sum(doc.word_counts.values()) // unknown_word.UNKNOWN_SHARE
    assert unknown_word._past_limit(doc, unknown) == (unknown > summed)


# capitalised words: names, rare words (Artic: the slip of a name the list knows), listed and
# unlisted words, in every case
CAPITALISED = st.one_of(
    st.sampled_from(
        ["Artic", "Elance", "Clinton", "Reigme", "Regime", "Mbeki", "Cafe", "Colour", "Norweigan"]
    ),
    st.text("aeirstnolcu", min_size=4, max_size=9).map(str.capitalize),
).flatmap(lambda w: st.sampled_from([w, w.upper(), w.lower()]))


@settings(max_examples=examples(600), deadline=None)
@given(CAPITALISED)
@example("Artic")
def test_a_capital_candidate_is_no_rare_word_s_slip(word):
    """`check` asks the rare-slip test only of the openers that are no capital candidates: a
    capital candidate passes it never."""
    if _capitals.capital_candidate(word):
        assert unknown_word.rare_capital_slip(word) is None, word
    assert unknown_word._rare_capital_slip_test(word) == (unknown_word.rare_capital_slip(word) is not None)


def test_the_artic_circle_is_still_a_rare_slip():
    assert unknown_word.rare_capital_slip("Artic") == "Arctic"
    assert not _capitals.capital_candidate("Artic")


# company tags (wrapped or not), tickers, capitalised words, marks and line breaks
TAGGED = _story_of(
    st.sampled_from(["<BSV Bank", "fuer", "Sparanlagen AG>", "<", ">", "Reigme", "Mbeki", "said"])
    | st.sampled_from(["\n", "\n\n", "."]),
    16,
)


@settings(max_examples=examples(500), deadline=None)
@given(TAGGED)
@example("Talks\n\n<BSV Bank fuer Sparanlagen AG> said Reigme\n")
@example("Talks\n\nReigme said <BSV Bank fuer Sparanlagen AG>\n")
def test_a_word_before_the_first_tag_opening_is_in_no_tag(text):
    """`check` reads where the story's first "<" is once, and `_name_by_its_look` searches for a
    company tag only after it: the same answers as the search at every word."""
    doc = parse(text)
    first = doc.text.find("<")
    for tok in doc.words():
        assert unknown_word._name_by_its_look(doc, tok, first) == unknown_word._name_by_its_look(doc, tok)
        assert unknown_word._plainly_a_name(doc, tok, first) == unknown_word._plainly_a_name(doc, tok)
        if 0 <= tok.span.start <= first or first < 0:
            assert not unknown_word.in_company_tag(doc.text, tok.span)


def test_a_word_in_a_company_tag_is_still_a_name():
    doc = parse("Talks\n\nShares of <BSV Bank fuer Sparanlagen AG> rose\n")
    word = next(t for t in doc.words() if t.text == "Sparanlagen")
    assert unknown_word._name_by_its_look(doc, word, doc.text.find("<"))


def test_every_name_in_lowercase_is_a_known_name_and_no_rare_slip():
    """The rare-slip test's `fails` table (the names by their lowercase form): a word of ASCII
    letters whose lowercase form it holds is a known name capitalised, or not capitalised at
    all, so no rare word's slip. Every key of the table, capitalised, is one."""
    table = _capitals._names_by_lowercase()
    assert _capitals.names_in_lowercase_if_built() is table
    names = known_names()
    for word in table:
        assert word.capitalize() in names, word
        assert unknown_word.rare_capital_slip(word.capitalize()) is None, word


NAMED = st.one_of(CAPITALISED, st.sampled_from(sorted(known_names())[::97])).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.lower(), w.capitalize(), w.swapcase()])
)


@settings(max_examples=examples(600), deadline=None)
@given(st.sets(NAMED, max_size=12))
@example({"Artic", "Clinton", "CLINTON", "Elance"})
def test_the_rare_slip_test_selects_as_it_did_without_its_fails_table(words):
    """The rare-slip test, its known names failed by its table, selects the words the test
    asked of each selects: a word of ASCII letters the table holds is no rare word's slip."""
    _capitals._names_by_lowercase()  # (built by a story's first slip test)
    table = _capitals.names_in_lowercase_if_built()
    assert table is not None
    for word in words:
        if word.isascii() and word.isalpha() and word.lower() in table:
            assert unknown_word.rare_capital_slip(word) is None, word
    declared = LetterTest(unknown_word._rare_capital_slip_test, fails=_capitals.names_in_lowercase_if_built)
    plain = LetterTest(unknown_word._rare_capital_slip_test)
    assert declared.select(words) == plain.select(words)


# misspellings (NL102's list) in their cases: the `_unknown` test's second `fails` table
MISSPELT = st.sampled_from(sorted(misspellings().keys())[::53]).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.capitalize()])
)


@settings(max_examples=examples(600), deadline=None)
@given(
    st.sets(
        NAMED | MISSPELT | st.sampled_from(["Zürich", "Reigme's", "Al-Reigme", "Reigm", "Reig"]), max_size=12
    )
)
@example({"Reigme", "REIGME", "Regime", "Reig", "Agreeement", "AGREEEMENT", "agreeement", "Clinton"})
def test_the_unknown_word_test_selects_as_it_would_asked_of_every_word(words):
    """NL101's `_unknown` letter test, its listed and misspelt words failed by its `fails`
    tables and a capitalised word of neither passed by its declared shape and length, selects
    the words `_may_be_unknown` asked of each selects."""
    from newslint.config import Settings
    from newslint.lint import Linter

    rule = Linter(Settings()).by_code["NL101"]
    assert unknown_word._built_lists() is not None  # (the list's set built: the declarations read)
    plain = LetterTest(rule._may_be_unknown)
    assert rule._unknown.select(words) == plain.select(words)


LOWERCASE = (
    st.text("aeirstnoh", min_size=1, max_size=7)
    | MISSPELT.map(str.lower)
    | st.sampled_from(["hte", "ot", "the", "a", "anda", "inthe", "regime", "zürich", "tothe", "thier"])
)


@settings(max_examples=examples(600), deadline=None)
@given(st.sets(LOWERCASE | NAMED, max_size=12))
@example({"hte", "ot", "the", "a", "anda", "inthe", "tothe", "thier", "zürich", "Hte", "venezuela", "carlos"})
def test_the_short_and_run_together_candidates_select_as_their_tests_would(words):
    """NL106's and NL104's candidate tests, their listed and misspelt words failed by their
    `fails` tables (NL106's others passed by their length alone), and NL101's names-in-lowercase
    test, a word no known name's lowercase failed by its `only` table, select the words their
    tests asked of each select."""
    from newslint.rules.typos import run_together_words, short_slip

    english().prepare()  # (as `Rule.prepare` does: the list's set built)
    assert unknown_word._built_lists() is not None  # (the list's set built: the declarations read)
    _capitals._names_by_lowercase()  # (built by a story's first slip test)
    assert unknown_word._names_by_lowercase_if_built() is not None
    for declared in (short_slip._CANDIDATE, run_together_words._CANDIDATE, unknown_word._NAME_IN_LOWERCASE):
        plain = LetterTest(declared._test)
        assert declared.select(words) == plain.select(words)


@settings(max_examples=examples(600), deadline=None)
@given(
    st.sets(NAMED | st.sampled_from(["Zürich", "Éclair", "McReigme", "Reigme's", "Al-Reigme"]), max_size=12)
)
@example({"Reigme", "REIGME", "Regime", "Zürich", "Clinton"})
def test_a_word_opens_as_a_candidate_where_the_opening_test_selects_it(words):
    """`check` reads whether a token's word may open a sentence as a candidate from the
    capitalised words among the candidates (`openers`, read with the capital candidates by
    `_capital.select_shaped`), not by asking `_opening_capital` of each token: among the
    candidates (`_unknown`'s words, the only words it is asked of) those are exactly the words
    `_opening_capital` passes, `_opening_capital` passes no other, and the capital candidates
    read with them are those `_capital` selects."""
    from newslint.config import Settings
    from newslint.lint import Linter

    rule = Linter(Settings()).by_code["NL101"]
    listed = english().words
    candidates = rule._unknown.select(words)
    opening = {w for w in candidates if unknown_word._opening_capital(w, listed)}
    openers, capitals = rule._capital.select_shaped(candidates, Shape.CAPITAL)
    assert openers == opening
    assert capitals == rule._capital.select(candidates) == LetterTest(rule._capital._test).select(candidates)
    assert {w for w in words if unknown_word._opening_capital(w, listed)} == opening


def test_a_story_s_slips_in_lowercase_are_weighed_with_its_total_after_its_names():
    """`check` sums the story's counts only when a lowercase word needs them (NL106's and NL104's
    readings, which weigh against the story's size), after its capitalised words have built
    the counts: "hte" and "inthe" are still left to those rules, and reported without them."""
    import newslint

    text = "Talks\n\nThe Reigme forces said hte deal stood. The Finanace firm said inthe end it held.\n"
    doc = parse(text)
    found = {d.code for d in newslint.lint_text(text)}
    alone = [d.message for d in newslint.lint_text(text, select=["NL101"])]
    assert {"NL106", "NL104"} <= found, found
    assert any("'hte'" in m for m in alone) and any("'inthe'" in m for m in alone), alone
    assert unknown_word.story_counts(doc).total() == sum(unknown_word.story_counts(doc).values())


@settings(max_examples=examples(1500), deadline=None)
@given(
    st.text(
        st.sampled_from(["R", "e", "i", "g", "m", "E", "'", "’", "-", "1", "6", ".", "s", "F", "é"]),
        max_size=9,
    )
    | NAMED.map(lambda w: w + "'s")
)
def test_a_word_not_of_letters_alone_is_no_capital_candidate(word):
    """`_may_be_unknown` asks neither capital test of a word that is not letters alone (Reuters',
    F-16, Clinton's): both need ASCII letters only, so neither passes it. Nor does the rare-slip
    test, not asked of no word, select one."""
    if not word.isalpha():
        assert not _capitals.capital_candidate(word) and not unknown_word._opening_candidate(word), word
    assert not LetterTest(unknown_word._rare_capital_slip_test).select(set())


def test_a_short_capitalised_word_in_a_sentence_is_weighed_a_name():
    """`check` leaves a capitalised word shorter than six letters inside a sentence alone
    before it builds the story's counts (`_short_in_sentence`): `_weighed_capital` finds no
    slip in one however the story reads (each of its tests before that one finds only names)."""
    short = [
        "Talks\n\nThe Reigm forces and the Regme troops met Linde. Reigm said regime regime.\n",
        "Talks\n\nShares of Herre fell; Herre's deal with Here and here stood. Acme and Acne rose.\n",
        *STORIES,
    ]
    asked = 0
    for rule, doc, tok, counts, ties in _capitals_weighed(
        short, lambda doc, tok: tok.text.isascii() and unknown_word._short_in_sentence(tok)
    ):
        asked += 1
        assert rule._weighed_capital(doc, tok, counts, ties, True) is None, tok.text
    assert asked > 5


def test_a_capitalised_word_beside_a_name_is_left_alone_before_the_counts():
    """`check` leaves a capitalised word beside a name with no typist's clear slip in it alone
    before it builds the story's counts (`_beside_a_name_unslipped`): `_weighed_capital` finds
    no slip in it however the story's counts read (the story's, or every word written twice:
    a repeated word takes its other exits, each a name's), while a clear slip beside a name
    (Prime Minsiter Yasuhiro) is still weighed."""
    from collections import Counter

    beside = [
        "Talks\n\nThe Reigme forces met Floiran Woest and Caisse Nationale. Annette Bening said regime.\n",
        "Talks\n\nPrime Minsiter Yasuhiro Nakasone met the minister. Robert Kronberg and Genemation said.\n",
        *STORIES,
    ]
    asked = slips = 0
    for rule, doc, tok, counts, ties in _capitals_weighed(beside, lambda doc, tok: True):
        if not unknown_word._beside_a_name_unslipped(doc, tok):
            slips += tok.text == "Minsiter"
            continue
        asked += 1
        twice = Counter(dict.fromkeys(counts, 2))
        for story in (counts, twice):
            assert rule._weighed_capital(doc, tok, story, ties, True) is None, tok.text
    assert asked > 5 and slips == 1


def test_a_capitalised_word_no_slip_can_make_is_left_alone_before_the_counts():
    """`check` leaves a capitalised word alone before it builds the story's counts where
    `_no_slip_uncounted` says so (no listed word or name one edit away, and no once-written
    capital one edit away to make a tie): `_weighed_capital` answers None for each such word,
    while a tie (Activison beside one Activision, Hamermill beside Hammermill) is still weighed."""
    texts = [
        *STORIES,
        "Talks\n\nThe Hamermill plant and the Hammermill mill. Nakasone and Nakasone met Kornbreg.\n",
        "NAZARBAYEV VISITS\n\nQwertzuiop said Qwertzuiopp and Zyxwvutsr met Zyxwvutsr's aide.\n",
        "Talks\n\nThe Grumblefax deal. Grumblefax-Holdings and Grumblefaxx and Grumblefex met.\n",
    ]
    asked = ties = 0
    for rule, doc, tok, counts, found in _capitals_weighed(texts, lambda doc, tok: True):
        once = unknown_word._written_once_by_shape(doc, frozenset(doc.word_counts))
        weighed = rule._weighed_capital(doc, tok, counts, found, True)
        if unknown_word._no_slip_uncounted(doc, tok.text, once):
            asked += 1
            assert weighed is None, tok.text
        else:
            ties += tok.text in ("Activison", "Hamermill")
    assert asked > 8 and ties == 2


# capitalised words one edit from a listed word or name (Mirtel: mortal; Gorman: German, Norman;
# Jonsen: Jensen), slips and ties among them, and the words that may be their evidence
NEAR_WORDS_STORY = _story_of(
    st.sampled_from(
        ["Mirtel", "mortal", "Gorman", "German", "german", "Jonsen", "Johnson", "Reigme", "regime"]
        + ["REIGME", "FINANACE", "finance", "Finanace", "Bangaldesh", "Activison", "Activision"]
        + ["Hamermill", "Hammermill", "Mirtel's", "Gorman-Jonsen", "Minsiter", "minister", "Prime"]
        + ["Genemation", "generation", "regime's", "Regime-led", "REGIME", "mortal’s", "said", "the", "."]
    ),
    24,
)


@settings(max_examples=examples(300), deadline=None)
@given(NEAR_WORDS_STORY)
@example("Talks\n\nMirtel said Gorman and Jonsen met the Reigme. German and mortal said.\n")
@example("Talks\n\nHamermill and Hammermill said Activison and Activision met Gorman-Jonsen.\n")
def test_a_capitalised_word_no_evidence_can_make_a_slip_is_left_alone_before_the_counts(text):
    """`_no_slip_uncounted` clears a capitalised word one edit from a listed word or name where
    no such word could be the story's evidence (`_evidence_possible`: none a slip away, or none
    the story writes in any form) and no clear slip is in it: `_weighed_capital` answers None
    for it whatever the story's counts of its words read (the story's, or each written twice)."""
    from collections import Counter

    from newslint.rules.typos._ties import OnceWrittenNames

    for rule, doc, tok, counts, ties in _capitals_weighed([text], lambda doc, tok: True):
        once = unknown_word._written_once_by_shape(doc, frozenset(doc.word_counts))
        if not unknown_word._no_slip_uncounted(doc, tok.text, once):
            continue
        twice = Counter(dict.fromkeys(counts, 2))
        twice_ties = OnceWrittenNames(doc, frozenset(doc.word_counts), twice)
        for story, found in ((counts, ties), (twice, twice_ties)):
            assert rule._weighed_capital(doc, tok, story, found, True) is None, (text, tok.text)


def test_a_name_one_edit_from_words_it_cannot_be_a_slip_of_is_cleared_before_the_counts():
    """A capitalised word one edit from names alone (Mirtel: Martel), from listed words a slip
    of any kind away (Genemation: generation, an unrelated letter) or from listed words the
    story does not write (Reigme: regime) is cleared before the counts; one a slip from a word
    the story writes in some form (regime's, Regime-led) is not."""
    text = "Talks\n\nThe Mirtel deal and the Genemation talks, Reigme said.\n"
    for written in ("", " The regime's men.", " Regime-led talks.", " The REGIME fell."):
        doc = parse(text + written)
        once = unknown_word._written_once_by_shape(doc, frozenset(doc.word_counts))
        assert unknown_word._no_slip_uncounted(doc, "Mirtel", once)
        assert unknown_word._no_slip_uncounted(doc, "Genemation", once)
        assert unknown_word._no_slip_uncounted(doc, "Reigme", once) == (not written), written


def _no_slip_as_read_each_time(doc, text: str, once) -> bool:
    """`_no_slip_uncounted` as it read before its letters' part was remembered
    (`_near_evidence`): the names and words one edit away, the evidence among them and the
    clear slip read at each ask."""
    from newslint.rules.naming.name_variant import one_edit_pair
    from newslint.rules.typos._context import slip_cost

    part = text.lower()
    named, listed = _capitals.known_one_edit_away(part)
    capitals = text.isupper()
    possible = [
        c
        for c in listed
        if c[0] == part[0]
        and not _capitals.foreign_form(part, c)
        and (capitals or slip_cost(part, c) < unknown_word.ANY_SLIP)
    ]
    if capitals or not possible:
        evidence = bool(possible)
    else:
        lowered = unknown_word._lowercase_text(doc)
        evidence = lowered is None or any("'" in c or c in lowered for c in possible)
    if (named or listed) and (evidence or _capitals.clear_slip(part) is not None):
        return False
    if not (text[1:].islower() and doc.word_counts.get(text) == 1):
        return True
    near = [once.get((text[0], n), ()) for n in (len(text) - 1, len(text), len(text) + 1)]
    if sum(map(len, near)) > unknown_word.FEW_ONCE_WRITTEN:
        return False
    return not any(one_edit_pair(text, o) for names in near for o in names)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(NEAR_WORDS_STORY, min_size=1, max_size=3))
@example(["Talks\n\nMirtel said Reigme.\n", "Talks\n\nThe regime fell. Reigme and REIGME said.\n"])
def test_no_slip_uncounted_remembers_what_it_reads_of_a_word_s_letters_alone(texts):
    """`_no_slip_uncounted` answers as it did when it read the words and names one edit from a
    word at each ask, in story after story (what it remembers of a word, `_near_evidence`, is
    the same in every story: the story's own writing is read at each ask)."""
    unknown_word._NEAR_EVIDENCE.clear()
    asked = set()
    for text in texts:
        doc = parse(text)
        once = unknown_word._written_once_by_shape(doc, frozenset(doc.word_counts))
        for word in doc.word_counts:
            if word[:1].isupper() and word.isalpha() and word.isascii():
                expected = _no_slip_as_read_each_time(doc, word, once)
                assert unknown_word._no_slip_uncounted(doc, word, once) == expected, (text, word)
                asked.add(word)
    assert asked <= unknown_word._NEAR_EVIDENCE.keys()  # each remembered, asked again in a later story


def test_a_name_no_story_word_nor_clear_slip_is_near_is_left_alone_unless_a_tie():
    """`_weighed_capital` answers None for a word with no story word one slip away and no clear
    slip in it before its tests of the word's place (a foreign phrase, an inflection), unless
    the story writes it once each way (a tie): Activison beside one Activision is still
    reported, and so are clear slips (Bangaldesh; Fondation, opening a sentence) and a slip of
    a story word (Finanace); the other names are not."""
    import newslint

    text = (
        "Talks\n\nShares of Activision rose. The Activison deal stood in Bangaldesh, the Finanace "
        "Committee said. Fondation pour l'Enfance and Woest said finance was fine.\n"
    )
    reported = {d.message.split("'")[1] for d in newslint.lint_text(text, select=["NL101"])}
    assert reported == {"Activison", "Bangaldesh", "Finanace", "Fondation"}, reported


def _plainly_a_name_as_it_read(doc, tok, first_tag=0):
    """`_plainly_a_name` as it read before its tests were split by what they read."""
    if unknown_word._name_by_its_look(doc, tok, first_tag):
        return True
    text = tok.text
    part = text.lower()
    words = doc.word_counts
    return words.get(text, 0) > 1 and not words.get(part) and not _capitals.may_be_swapped_slip(part)


def test_a_name_by_its_letters_once_a_word_is_a_name_as_asked_of_each_use():
    """`check` asks `_named_by_its_letters` once a word and story, `_named_by_its_place` of each
    use: together the answer `_plainly_a_name` gave each token."""
    asked = 0
    for text in STORIES:
        doc = parse(text)
        tag = doc.text.find("<")
        for tok in doc.words():
            if not tok.text[:1].isupper():
                continue
            for first_tag in (0, tag):
                asked += 1
                expected = _plainly_a_name_as_it_read(doc, tok, first_tag)
                assert unknown_word._plainly_a_name(doc, tok, first_tag) == expected, tok.text
                split = unknown_word._named_by_its_letters(doc, tok.text) or unknown_word._named_by_its_place(
                    doc, tok, first_tag
                )
                assert split == expected, tok.text
    assert asked > 40


def _not_a_word_as_matched(text, span):
    """`not_a_word` as it read before: the cut-short pattern tried after every word."""
    before = text[span.start - 1] if span.start else " "
    if before in ";&" or text[span.end : span.end + 1] == "&":
        return True
    if before == "(" and text[span.end : span.end + 1] == ":":
        return True
    if unknown_word._CUT_SHORT.match(text, span.end):
        return True
    if _cut_as_searched(text, span):
        return True
    if before == "." and (span.start < 2 or not text[span.start - 2].isalnum()):
        return True
    return before in "<(" and unknown_word._LOWER_TICKER.match(text, span.start) is not None


CUT_TEXT = st.lists(
    st.sampled_from(
        ["identit", "smal", "l", "settlem", "ent", " ", ".", "...", "…", ",", ";", "0", "(", "<", "&", ":"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=examples(1500), deadline=None)
@given(CUT_TEXT, st.integers(0, 60), st.integers(1, 12))
@example("discovered new identit ...", 15, 7)
@example("identit…", 0, 7)
def test_a_word_not_of_the_prose_is_found_as_the_patterns_found_it(text, start, width):
    start = min(start, len(text))
    span = Span(start, min(len(text), start + width))
    assert unknown_word.not_a_word(text, span) == _not_a_word_as_matched(text, span), (text, span)


def _beside_a_name_as_matched(doc, tok):
    """`beside_a_name` as it read before: the pattern after the word tried after every word."""
    text = doc.text
    before = _capitals._left_capital(text, tok.span.start)
    after = _capitals._RIGHT.match(text, tok.span.end)
    if before is not None and before.group(1) in known_names():
        return True
    return any(m is not None and _capitals._unknown_capital(m.group(1)) for m in (before, after))


NAME_TEXT = st.lists(
    st.sampled_from(
        ["Floiran", "Woest", "Annette", "Bening", "Minsiter", "BHP", "the", "Ünal", " ", "\n", ",", "."]
    ),
    min_size=1,
    max_size=10,
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(NAME_TEXT)
@example("Prime Minsiter Floiran Woest")
@example("Annette Bening")
def test_a_name_beside_a_word_is_found_as_the_patterns_found_it(text):
    doc = parse(text)
    for tok in doc.words():
        assert _capitals.beside_a_name(doc, tok) == _beside_a_name_as_matched(doc, tok), (text, tok)


def test_the_names_beside_the_stories_words_are_found_as_the_patterns_found_them():
    for text in STORIES:
        doc = parse(text)
        for tok in doc.words():
            assert _capitals.beside_a_name(doc, tok) == _beside_a_name_as_matched(doc, tok), tok.text


def _lost_capitals_as_built(doc):
    """`lost_capitals` as it read before: from each sentence's first token, built."""
    openers = [
        tok
        for tok in doc.first_tokens()
        if tok.kind is unknown_word.WORD_KIND and not tok.in_headline and tok.text[:1].isalpha()
    ]
    lower = [tok for tok in openers if tok.text[:1].islower()]
    if 2 * len(lower) >= len(openers) > 0:
        return unknown_word.LostCapitals(True, ())
    names = unknown_word._names_in_lowercase(doc)
    if not lower and not names:
        return unknown_word.LostCapitals(False, ())
    starts = [s.start for s in doc.sentences]

    def sentence(tok):
        i = bisect.bisect_right(starts, tok.span.start) - 1
        return doc.sentences[i] if i >= 0 else tok.span

    named = {}
    for tok in doc.words_among(names):
        named.setdefault(sentence(tok), set()).add(tok.text)
    found = [sentence(tok) for tok in lower]
    found += [s for s, written in named.items() if len(written) >= unknown_word.LOWERCASE_NAMES]
    return unknown_word.LostCapitals(False, tuple(dict.fromkeys(found)))


LOST_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            ["the", "The", "venezuela", "france", "Talks", "TALKS", "said", "1990", "'quoted", "F-16s"]
            + ["é", "(AP)", "reuter", "&lt;", "http://x.io", "gil", "Clinton", "<BSV Bank>", "-", "him"]
        ),
        st.sampled_from([" ", " ", ". ", "\n", "\n\n", "! ", ".\n"]),
    ),
    max_size=24,
).map(lambda ws: "".join(w + s for w, s in ws))


@settings(max_examples=examples(400), deadline=None)
@given(LOST_TEXT)
@example("TALKS FAIL\n\nthe talks failed. venezuela and france said so. The end.\n")
@example("Talks fail\n\nThe talks failed. the rest said so. The end. More here.\n")
@example("the talks\n\nThe talks failed. The rest said so.\n")
def test_lost_capitals_read_from_the_index_as_from_built_openers(text):
    """`lost_capitals` reads the sentences' openers from the token index: the answer it gave
    from their built tokens, with the index and with the story's tokens built."""
    doc = parse(text)
    expected = _lost_capitals_as_built(parse(text))
    assert unknown_word._lost_capitals(doc) == expected
    assert unknown_word.lost_capitals(doc) == expected
    built = parse(text)
    built.tokens  # noqa: B018 (built: no index read)
    assert built.token_index() is None
    assert unknown_word._lost_capitals(built) == expected


def test_a_split_reading_remembered_for_the_story_is_the_one_read_again():
    """`reading_at` (asked by NL101, then by NL104 of the same tokens) answers what
    `split_reading` answers of the token in its context, asked once or twice; and NL104 reports
    the same with NL101 run before it or not."""
    import newslint
    from newslint.rules.typos._run_together import split_reading

    text = "Talks\n\nThe minister said inthe morning thegovernment would meet, saidthe aide. Inthe end.\n"
    doc = parse(text)
    counts = unknown_word.story_counts(doc)
    total = counts.total()
    asked = 0
    for tok in doc.words():
        expected = split_reading(tok.text, unknown_word.context_of(doc.text, tok.span), counts, total)
        for keep in (True, True, False, False):  # remembered, read again, taken out, read anew
            found = unknown_word.reading_at(doc, tok, split_reading, counts, total, keep)
            assert found == expected, tok.text
        asked += expected is not None
    assert asked >= 2
    alone = newslint.lint_text(text, select=["NL104"])
    both = [d for d in newslint.lint_text(text, select=["NL101", "NL104"]) if d.code == "NL104"]
    assert alone == both and alone


def test_a_short_slip_read_by_nl101_first_is_reported_by_nl106_as_alone():
    """NL106 reads the short slips NL101 asked about first (`reading_at`): the same reports."""
    import newslint

    text = "Talks\n\nHe went ot hte meeting adn the talks failed, nad hte aide said.\n"
    alone = newslint.lint_text(text, select=["NL106"])
    both = [d for d in newslint.lint_text(text, select=["NL101", "NL106"]) if d.code == "NL106"]
    assert alone == both and alone


def _worth_reporting_derivation_first(part, evidence, others, counts, evidence_only):
    """`_worth_reporting` as it read before: the word's derivation asked before its count and
    whether it has any candidate."""
    if evidence or evidence_only:
        return bool(evidence)
    if not unknown_word._obvious_slip(others) and not unknown_word._sole_long_slip(part, others):
        derived = unknown_word.derivation(part)
        if (
            derived in unknown_word.INFLECTIONS
            or derived is not None
            and not unknown_word._common_candidate(others)
        ):
            return False
    if counts[part] >= 2:
        return False
    return bool(others)


SLIPS = st.sampled_from(["prewent", "reigme", "adverserial", "stockmarket", "collateralised", "sunseed"])
CANDIDATES = st.lists(st.sampled_from(["present", "regime", "adversarial", "went", "of the", "sunseeds"]))


@settings(max_examples=examples(300), deadline=None)
@given(SLIPS, CANDIDATES, CANDIDATES, st.integers(0, 3), st.booleans())
def test_a_word_is_worth_reporting_as_with_its_derivation_asked_first(part, evidence, others, uses, only):
    """`_worth_reporting` tests the candidates and the word's count before its derivation: the
    same answers."""
    counts = Counter({part: uses})
    found = unknown_word._worth_reporting(part, evidence, others, counts, only)
    assert found == _worth_reporting_derivation_first(part, evidence, others, counts, only)


@settings(max_examples=examples(300), deadline=None)
@given(st.text("adnot'rs", min_size=1, max_size=10))
@example("aren'ta")
@example("arenta")
def test_a_word_without_an_apostrophe_is_no_glued_contraction(word):
    """`_glued_contraction` returns at once for a word without an apostrophe: its pattern, every
    clitic of which has one, matches no such word."""
    if "'" not in word:
        assert unknown_word._GLUED.fullmatch(word) is None
        assert unknown_word._glued_contraction(word) is None


def test_a_glued_contraction_is_still_found():
    assert unknown_word._glued_contraction("aren'ta") == "aren't a"


@settings(max_examples=examples(300), deadline=None)
@given(
    st.sampled_from(["reigme", "regime", "govenment", "ecuadr", "adn", "thier"]),
    st.dictionaries(
        st.sampled_from(["regime", "reigme", "government", "ecuador", "and", "their", "the"]),
        st.integers(0, 3),
    ),
)
def test_no_word_used_more_often_leaves_no_evidence(word, uses):
    """`_report` drops a word only evidence can report where the story uses none of the listed
    words one edit from it more often (`_more_used`): `suggestions` then finds no evidence."""
    from newslint.rules.typos._words import listed_edits

    counts = Counter(uses)
    evidence, _ = unknown_word.suggestions(word, counts)
    assert bool(evidence) <= unknown_word._more_used(listed_edits(word), word, counts)
    assert unknown_word.suggestions(word, counts, listed_edits(word)) == (evidence, _)
