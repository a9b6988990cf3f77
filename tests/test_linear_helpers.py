"""Helpers rewritten to stay linear in one big file, and candidate filters, agree with their
plain definitions.

A file of thousands of stories is one document: a test that compares every name with every
other, searches the whole text once per name or reads the text before each match grows with
the square of the file. Each helper below replaces such a plain form (kept here, as the
definition) with an index or a local search; these tests check the two agree. Candidate
filters (NL101, NL203, NL204) decide from a story's distinct words what its tokens or matches are
worth reading; the rule with the filter must report what it reports without it.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections import Counter
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import document, lint, segment, suppress, tokens
from newslint import native as native_chooser
from newslint.config import Settings
from newslint.document import SpanSet
from newslint.figures import matches_at
from newslint.lint import Linter
from newslint.native import Lookup, one_edit_away
from newslint.repairs import entities
from newslint.rules.naming import (
    _entities,
    _senses,
    abbreviation_style,
    compound_spacing,
    english_variety_mix,
    name_variant,
)
from newslint.rules.numbers import european_number_format as european_number
from newslint.rules.structure import (
    boilerplate_line,
    duplicated_dateline,
    duplicated_sentence,
    truncated_ending,
)
from newslint.rules.structure._text import repeated_starts_in
from newslint.rules.typos import doubled_word
from newslint.rules.typos._capitals import names_lookup
from newslint.rules.typos._words import known_names
from newslint.rules.typos.unknown_word import PREFIXES, UnknownWord
from newslint.span import Span
from newslint.violation import Violation
from tests.depth import examples

LETTERS = "aAbBdeéİ"


@st.composite
def near_names(draw):
    """A name and names one edit from it (and others): the pairs the index must not miss."""
    name = draw(st.text(alphabet=LETTERS, min_size=1, max_size=9))
    others = draw(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=9), max_size=10))
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(name)))
        c = draw(st.sampled_from(LETTERS))
        op = draw(st.sampled_from(["substitute", "insert", "delete", "transpose", "double"]))
        if op == "substitute" and i < len(name):
            others.append(name[:i] + c + name[i + 1 :])
        elif op == "insert":
            others.append(name[:i] + c + name[i:])
        elif op == "delete" and i < len(name):
            others.append(name[:i] + name[i + 1 :])
        elif op == "transpose" and i + 1 < len(name):
            others.append(name[:i] + name[i + 1] + name[i] + name[i + 2 :])
        elif op == "double":  # Gaddafi / Gadaffi: the doubling moved to a later letter
            a, b, c = (draw(st.text(alphabet=LETTERS, max_size=3)) for _ in range(3))
            x, y = draw(st.sampled_from(LETTERS)), draw(st.sampled_from(LETTERS))
            name = a + x + x + b + y + c
            others.append(a + x + b + y + y + c)
    return name, draw(
        st.permutations(list(dict.fromkeys(other for other in others if other)))
    )  # distinct, as counted


@settings(max_examples=examples(500), deadline=None)
@given(near_names(), st.sampled_from([0, 1, 24]))
def test_near_names_find_every_name_one_edit_away(case, few):
    """`NearNames` offers (a superset of) the names that `one_edit_pair` accepts, whether it
    compares a shape's names one by one or looks them up by key."""
    name, names = case
    near = list(name_variant.NearNames(names, few=few).of(name))
    assert len(near) == len(set(near))
    assert {other for other in names if name_variant.one_edit_pair(name, other)} <= set(near)


@settings(max_examples=examples(300), deadline=None)
@given(near_names(), near_names(), st.sampled_from([0, 1, 24]))
def test_near_names_asked_in_shape_order_forget_what_no_later_name_reads(case, more, few):
    """Names asked in `shape_order`, each after `forget_before` it, meet the names they meet
    without it, in the same order; at most the three shapes a name reads stay keyed."""
    names = list(dict.fromkeys([case[0], *case[1], more[0], *more[1]]))
    near, fresh = name_variant.NearNames(names, few=few), name_variant.NearNames(names, few=few)
    for name in sorted(names, key=name_variant.NearNames.shape_order):
        near.forget_before(name)
        assert list(near.of(name)) == list(fresh.of(name))
        assert len(near._keyed) <= 3


@settings(max_examples=examples(500), deadline=None)
@given(near_names(), near_names(), st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=9), max_size=30))
@example(("Rinaldi", ["Rinaldi", "Ronaldo"]), ("Rinladi", ["Rinaldi"]), [])  # the name itself, no pair
@example(("Qaeda", ["Qaida"]), ("Gaddafi", ["Gadaffi"]), ["Q" + "x" * n for n in range(1, 24)])  # 25: keyed
@example(("Qaeda", ["Qaida"]), ("Gaddafi", ["Gadaffi"]), ["Q" + "x" * n for n in range(1, 23)])  # 24: unkeyed
@example(("Regan", ["Reagan", "Reaganite", "Reg"]), ("Abcd", []), [])  # lengths one away and two
def test_a_pair_among_few_names_is_found_as_by_their_index_and_by_definition(case, more, extra):
    """`_one_edit_pair_among` compares up to `NearNames.FEW` names directly, more by their
    index: either way what comparing every name with every other finds."""
    names = {case[0], more[0]}
    others = list(dict.fromkeys([*case[1], *more[1], *extra]))
    expected = any(name_variant.one_edit_pair(name, other) for name in names for other in others)
    assert name_variant._one_edit_pair_among(names, others) == expected
    near = name_variant.NearNames(others)
    assert expected == any(name_variant.one_edit_pair(n, o) for n in names for o in near.of(n))


def test_the_word_at_a_place_is_the_first_of_the_rest_split_at_every_space():
    """NL204's `_word_at` reads a word where `str.split` does, without copying the rest of the
    text: every character in turn after a capital, and stories of spaces of every kind."""
    for c in map(chr, range(0x110000)):
        text = f"U{c}K x"
        assert abbreviation_style._word_at(text, 0) == text.split(None, 1)[0], hex(ord(c))
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    for text in (f"Air{s}UK{s}Ltd said" for s in spaces):
        assert abbreviation_style._word_at(text, 4) == text[4:].split(None, 1)[0] == "UK"


def test_near_names_examples():
    near = name_variant.NearNames(
        ["Rinaldi", "Gaddafi", "Qaeda", "Reagan", "Ronaldo", "Gadaffy", "Qatar"], few=0
    )
    assert "Rinaldi" in set(near.of("Rinladi"))  # transposition
    assert "Gaddafi" in set(near.of("Gadaffi"))  # a doubling moved
    assert "Qaeda" in set(near.of("Qaida")) and "Qaeda" in set(near.of("Qaeeda"))  # substitution, insertion
    assert "Reagan" in set(near.of("Regan"))  # deletion
    assert "Rinaldi" not in set(near.of("Gaddafi")) and "Ronaldo" not in set(near.of("Rinladi"))


def test_near_names_of_a_shared_start_are_only_the_near_ones():
    """625 names that share their first letters ('Rin' and four vowels, each one of 16 others one
    letter away): each meets its neighbours, not the whole shape (keys that halve a name all
    agreed on 'rin', so every name was compared with all 625: NL202 took 0.8 s a check)."""
    names = ["Rin" + a + b + c + d for a in "aeiou" for b in "aeiou" for c in "aeiou" for d in "aeiou"]
    near = name_variant.NearNames(names)
    for name in names:
        found = set(near.of(name))
        assert {other for other in names if name_variant.one_edit_pair(name, other)} <= found
        assert len(found) <= 64, (name, len(found))


def test_near_names_do_not_follow_a_crowded_key():
    """Names that differ only in one letter at one place (a list of codes: 'Abxcd' for 300
    letters x) all share one key; it is no evidence, and following it would compare each name
    with all the others."""
    letters = [chr(c) for c in range(0x100, 0x500) if chr(c).isalpha() and chr(c).islower()][:300]
    names = ["Ab" + x + "cd" for x in letters]
    near = name_variant.NearNames([*names, "Abelard", "Ablelard"])
    assert all(len(set(near.of(name))) <= 8 for name in names)
    assert "Abelard" in set(near.of("Ablelard"))  # names beside the crowd still meet


PHRASE_TEXT = st.lists(
    st.sampled_from(
        [
            "Islamic",
            "State",
            "state",
            "Pacific",
            "coast",
            "İstanbul",
            "istanbul",
            " ",
            " ",
            "\n",
            "-",
            "_",
            "x",
            "é",
            ".",
            "Islamic state",
            "Pacific coast",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(PHRASE_TEXT)
def test_phrase_starts_find_what_a_search_per_phrase_finds(text):
    phrases = {"Islamic state", "Pacific coast", "Islamic state state", "İstanbul istanbul"}
    found = name_variant._phrase_starts(text, phrases)
    for phrase in phrases:
        plain = [m.start() for m in re.finditer(rf"\b{re.escape(phrase)}\b", text)]
        assert found.get(phrase, []) == plain, phrase


def _slip_itself_by_definition(name, canonical, known):
    """NL202's `_slip_itself` as it read before: every edit of the lowercase name made."""
    if canonical in known:
        return False
    low = canonical.lower()
    near = {
        canonical[0] + c[1:]
        for c in one_edit_away(low)
        if c[:1] == low[0] and (len(c) != len(low) or sum(x != y for x, y in zip(c, low, strict=True)) > 1)
    }
    return any(name_variant.one_edit_pair(name, k) for k in near & known)


SLIP_LETTERS = "aabbdde-'Bé"
SLIPPED_IN = "aabbde"  # edits put lowercase ASCII letters


@st.composite
def slipped_names(draw):
    """A name, a known name near it and two forms one or two edits from both."""
    first = draw(st.sampled_from("AABÉİa"))
    known = first + draw(st.text(alphabet=SLIP_LETTERS, min_size=2, max_size=5))

    def slip(word):
        i = draw(st.integers(0, len(word)))
        c = draw(st.sampled_from(SLIPPED_IN))
        return draw(
            st.sampled_from([word[:i] + word[i + 1 :], word[:i] + c + word[i + 1 :], word[:i] + c + word[i:]])
        )

    canonical = draw(st.sampled_from([slip(known), slip(slip(known)), known.lower().capitalize()]))
    name = draw(st.sampled_from([slip(known), slip(canonical), canonical]))
    others = draw(st.lists(st.sampled_from([slip(known), slip(canonical), slip(name)]), max_size=4))
    return name, canonical, frozenset([known, *others])


@settings(max_examples=examples(800), deadline=None)
@given(slipped_names())
@example(("Aabce", "Aabcd", frozenset(["Aabcf"])))
@example(("Aaabd", "Aabd", frozenset(["Abd", "Aabbd"])))
@example(("Portuguse", "Portugues", frozenset(["Portuguese"])))
@example(("BB", "B", frozenset(["", "ABB"])))  # a one-letter name: its deletion is ""
def test_a_majority_one_slip_from_a_known_name_is_found_as_by_every_edit(case):
    """NL202's `_slip_itself` looks the known names up among the edits of the name that keep its
    capital (the lowercase names' keys one edit from the lowercase name, by `edits_among`),
    where it made every edit of the lowercase name."""
    name, canonical, known = case
    if not name or not canonical:
        return
    lowered = Lookup(frozenset(k.lower() for k in known))
    assert name_variant._slip_itself(name, canonical, known, lowered) == _slip_itself_by_definition(
        name, canonical, known
    )


@pytest.mark.parametrize(
    ("name", "canonical", "slip"),
    [
        ("Portuguse", "Portugues", True),
        ("Allegheney", "Alleghney", True),
        ("Britian", "Brtain", True),
        ("Jonse", "Jonees", True),
        ("Smiht", "Smihtt", False),  # no listed name one edit from both
        ("Smiht", "Smyth", False),  # a listed name
    ],
)
def test_a_majority_slip_of_a_listed_name_is_found_through_the_names_lookup(name, canonical, slip):
    """With the shipped names and their lowercase lookup (as NL202 asks it), `_slip_itself`
    finds what every edit finds: a majority form one edit from a listed name the rarer form
    is also one edit from."""
    known = known_names()
    found = name_variant._slip_itself(name, canonical, known, names_lookup())
    assert found is _slip_itself_by_definition(name, canonical, known) is slip


DOTTED_TEXT = st.lists(
    st.sampled_from(
        [
            "U.S.",
            "U.K.",
            "US",
            "U.S",
            "AU.S.",
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            "\u2028",
            "Open",
            "Op",
            "Open's",
            "Opens",
            "Open.",
            "(",
            ")",
            "_",
            "é",
            "x",
            "1",
            "Sprint-Nextel",
            "Sprint",
            ".",
        ]
    ),
    max_size=20,
).map("".join)
DOTTED_WORDS = [
    "Open",
    "Op",
    "Open's",
    "Open.",
    "Sprint",
    "Sprint-Nextel",
    "Sprint-",
    "(",
    "é",
    "x",
    "_",
    "U.K.",
]


@settings(max_examples=examples(500), deadline=None)
@given(DOTTED_TEXT)
@example("U.S.  Open's U.K.\nSprint-Nextel")
@example("AU.S. Opens U.S.\u00a0(")
def test_a_dotted_form_before_a_word_is_found_as_a_search_of_the_text_finds_it(text):
    """NL204's `_dotted_before` reads the runs after U.S. and U.K. found once a story, where it
    searched the whole text for each name (a hundred times in a big file)."""
    doc = segment.parse(text)
    for dotted, word in itertools.product(["U.S.", "U.K."], DOTTED_WORDS):
        plain = re.search(rf"{re.escape(dotted)}\s+{re.escape(word)}\b", text) is not None
        assert abbreviation_style._dotted_before(doc, dotted, word) == plain, (dotted, word)


SIC_TEXT = st.lists(
    st.sampled_from(
        [
            "word",
            "Word's",
            "re-do",
            "x",
            " ",
            "  ",
            "\n",
            '"',
            "”",
            "'",
            "’",
            "-",
            ".",
            "[sic]",
            "(sic)",
            "[SIC]",
            "(sic]",
            "[sic)",
            "(",
            "]",
            "é",
            "_",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(SIC_TEXT)
def test_sic_marks_are_found_as_the_whole_text_scan_finds_them(text):
    plain = [Span(m.start(1), m.end()) for m in segment._SIC.finditer(text)]
    assert list(segment._sic_spans(text)) == plain


LOWER_TEXT = st.lists(
    st.sampled_from(["sic", "SIC", "]", ")", ":/", "/", "WWW", ".", "Com", "NewsLint", "İ", "Σ", "é", " "]),
    max_size=40,
).map("".join)


def _plain_may_hold_url(text: str) -> bool:
    if segment._folds_apart(text):
        return segment._URL_HINT.search(text) is not None
    low = text.lower()
    return "://" in low or "www." in low or segment._URL_DOT_MARK.search(low) is not None


@settings(max_examples=examples(400), deadline=None)
@given(LOWER_TEXT, st.sampled_from(["sic]", "sic)", "://", "www.", ".com", "newslint"]), st.integers(8, 12))
def test_the_lowered_stretches_find_what_the_lowered_text_holds(text, wanted, stretch):
    """A big file is lowered a stretch at a time (`str.lower` of a whole 10 MB text took 120 MB
    while it worked): an ASCII string of up to reach + 1 characters is in one of the stretches
    exactly when it is in the whole lowered text, and the URL, [sic] and suppression tests that
    read them answer as on the whole. (Read without the compiled module: where it is, the URL
    and [sic] tests are its scans, tests/test_parse_native.py.)"""
    with mock.patch.object(segment, "LOWERED_STRETCH", stretch), mock.patch.object(segment, "native", None):
        found = any(wanted in low for low in segment.lowered(text, len(wanted) - 1))
        assert found == (wanted in text.lower())
        assert segment._may_hold_url(text) == _plain_may_hold_url(text)
        plain_sic = [Span(m.start(1), m.end()) for m in segment._SIC.finditer(text)]
        assert list(segment._sic_spans(text)) == plain_sic
        doc = segment.parse("<!-- " + text)
        assert suppress.mentions_newslint(doc) == ("newslint" in doc.text.lower())


HINTED_TEXT = st.lists(
    st.sampled_from(
        "a@b.com x@ @ www. http://a.b/c?d .com .co.uk .Com İ #39; #x27; quot; amp; & &#39; AT doesn é ; ( "
        "- / the The . .. had ſ s (sic) [SIC] sic] [ſic) (sİc) ; nbsp; hellip; #xFFFFF;".split()
        + [" ", " ", "\n", "\n\n", "\u2028", "\r\n"]
    ),
    max_size=40,
).map("".join)
_HINTED = [
    (segment._EMAIL, segment._holds_at, "\n"),
    (segment._URL, segment._may_hold_url, "\n"),
    (entities._BROKEN, entities._may_hold_broken, "\n"),
    (segment._SIC_HINT, segment._may_hold_sic, "\n"),
]
if native_chooser.native is not None:  # NL103 asks the compiled test only
    _HINTED.append((doubled_word._DOUBLE, native_chooser.native.may_double, "."))
# The scans that try a pattern only where its hint is, in a finer grain than `hinted_matches`:
# each with its pattern and its hint.
_SCANS = [
    (segment._URL, segment._may_hold_url, segment._url_matches),
    (entities._BROKEN, entities._may_hold_broken, entities._broken_matches),
]


@settings(max_examples=examples(600), deadline=None)
@given(HINTED_TEXT, st.integers(1, 12))
@example("a@b.com\nwww.x.com\n#39;s x quot;\nAT amp;T", 1)
@example("x.com\u2028y.com\r\nz\nhttp://a.b/c?d", 2)
@example("the the.the\n\nthe. had\u2028had .The the", 3)
@example("see\nwww.a.com\n\nno hint here\nb.org/x, and c.co.uk.\n", 1)
@example("İ.com x\nſ.uk\n.İnt \n", 3)
@example("it#39;s noquot;x ;amp; &#39;s #x27;;hellip; #xFFFFF; #123456;", 4)
@example("a\n#39;\nquot;\ncamp; doesn#x27;t", 1)
def test_a_scan_of_the_hinted_blocks_finds_what_the_whole_text_scan_finds(text, block):
    """A long text's slow scans read only the blocks, cut at line breaks, that hold a hint (and
    some, only the places in them where a match can be)."""
    with mock.patch.object(segment, "HINT_BLOCK", block):
        for pattern, hinted, cut in _HINTED:
            if hinted(text):
                found = [m.span() for m in segment.hinted_matches(pattern, text, hinted, cut)]
                assert found == [m.span() for m in pattern.finditer(text)], pattern
        for pattern, hinted, scan in _SCANS:
            if hinted(text):
                assert [m.span() for m in scan(text)] == [m.span() for m in pattern.finditer(text)], pattern


LINE_TEXT = st.lists(
    st.sampled_from(["ABC", "abc", "Ⓐ", "Ⅰ", "ß", "É", "1", " ", "\n", "-"]), max_size=30
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(LINE_TEXT, st.data())
def test_line_case_counts_the_letters_and_capitals_of_the_line(text, data):
    offset = data.draw(st.integers(0, len(text)))
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    assert segment.parse(text).line_case(offset) == (len(letters), sum(c.isupper() for c in letters))


def _line_case_by_hand(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return (len(letters), sum(c.isupper() for c in letters))


@settings(max_examples=200, deadline=None)
@given(LINE_TEXT, st.lists(st.integers(-3, 35), max_size=8), st.booleans())
def test_line_case_by_searched_breaks_is_line_case_by_the_line_index(text, offsets, searched):
    """A story's line is found by searching for its line breaks, a long text's from its line
    index: the same counts, asked of many offsets of one document (each path's memory)."""
    with mock.patch.object(document, "LINE_SEARCHED", len(text) if searched else len(text) - 1):
        doc = segment.parse(text)
        for offset in offsets:
            expected = _line_case_by_hand(text, max(0, min(offset, len(text))))
            assert doc.line_case(offset) == expected


CONTINUED = st.lists(
    st.sampled_from(["Read more", "said", ".", ":", " ", "\t", "\n", "\n\n", "”"]), max_size=12
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(CONTINUED, st.data())
def test_a_line_continues_the_one_above_as_the_plain_test_says(text, data):
    start = data.draw(st.integers(0, len(text)))
    before = text[:start].rstrip(" \t")
    if not before.endswith("\n") or before.endswith("\n\n"):
        plain = False
    else:
        previous = before[:-1].rstrip()
        plain = bool(previous) and not previous.endswith(tuple(".!?:\"”’')]"))
    assert boilerplate_line._continues(text, Span(start, len(text))) is plain


FIGURES = st.lists(
    st.tuples(
        st.sampled_from(["1,000", "1,455", "1,482", "4,000", "4,500", "9,000", "20,000", "1,000.5"]),
        st.sampled_from([" mln", " dlrs", "", ";"]),
        st.sampled_from([" tonnes", " dlrs", "", "."]),
    ),
    max_size=12,
).map(lambda figures: " ".join("".join(f) for f in figures))


@settings(max_examples=examples(300), deadline=None)
@given(
    FIGURES,
    st.integers(1000, 20000),
    st.sampled_from(["mln", "dlrs", ""]),
    st.sampled_from(["tonnes", "dlrs", ""]),
)
def test_grouped_figures_back_a_reading_as_the_pairwise_test_does(text, value, word, second):
    plain = any(g.backs(value, word, second) for g in european_number._grouped_figures(text))
    assert european_number._GroupedFigures(text).back(value, word, second) is plain


MARKUP_TEXT = st.lists(
    st.sampled_from(
        [
            "`code`",
            "<!-- note -->",
            "[link](http://x.com)",
            "teh",
            "the the",
            " ",
            "  ",
            "\n",
            "\n\n",
            "recieve",
            "x",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(MARKUP_TEXT)
def test_violations_in_markup_are_dropped_as_the_pairwise_test_drops_them(text):
    linter = Linter(Settings(), "story.md")
    doc = segment.parse(text, "story.md", "markdown")
    markup = [r.span for r in doc.regions if r.kind in lint._MARKUP]
    spans = [Span(a, b) for a in range(len(text) + 1) for b in (a, min(a + 2, len(text)))]
    for span in spans:
        v = Violation("NL101", span, "x")
        plain = not any(s.overlaps(span) or s.contains(span) for s in markup)
        assert linter._reportable(doc, v, SpanSet(markup)) is plain


WORDS_TEXT = st.lists(
    st.sampled_from(
        [
            "Mr",
            "Smith",
            "said",
            "the",
            "U.S.",
            "1,234",
            "F-16s",
            "@handle",
            "http://x.com",
            " ",
            " ",
            "\n",
            "\n\n",
            ". ",
            '"',
            "'",
            "é",
            "Élan",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(WORDS_TEXT, st.sampled_from([1, 4, 64]))
def test_word_before_is_the_word_token_before_in_the_story(text, stretch):
    doc = segment.parse(text)
    words = list(doc.words())
    fresh = segment.parse(text)  # without its tokens built, as a rule meets it
    with mock.patch.object(tokens, "FIRST_STRETCH", stretch):  # read back a little, then more
        for at, tok in enumerate(words):
            assert fresh.word_before(tok) == (words[at - 1] if at else None)
    assert "tokens" not in vars(fresh)


COMPOUND_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "air",
                "Air",
                "AIR",
                "strikes",
                "airstrikes",
                "Airstrikes",
                "air-strikes",
                "Air-strikes",
                "cease",
                "fire",
                "ceasefire",
                "Ceasefire",
                "cease-fire",
                "set",
                "up",
                "setup",
                "caféteria",
                "café",
                "teria",
                "Σαα",
                "σσσ",
                "Σαασσσ",
                "İkea",
                "stores",
                "İkeastores",
                "newsman",
                "news",
                "man",
                "coowner",
                "co",
                "owner",
                "the",
                "x",
            ]
        ),
        st.sampled_from([" ", " ", " ", "\n", "  ", ". ", "-"]),
    ),
    max_size=16,
).map(lambda ws: "".join(w + s for w, s in ws))


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _every_token(doc):
    """Every word's token and every pair: NL203's check without its candidates is its definition."""
    return {t.text for t in doc.words()}, _Everything()


@settings(max_examples=examples(600), deadline=None)
@given(COMPOUND_TEXT)
@example("Airstrikes. Air strikes and airstrikes, air-strikes")
@example("Ceasefire cease fire ceasefire. Set up setup")
@example("café teria caféteria caféteria")
@example("newsman news man newsman coowner co owner")
@example("İkeastores. İkea stores")
@example("Σαασσσ. Σαα σσσ")
def test_compound_spacing_on_its_candidate_tokens_reports_as_on_all_tokens(text):
    rule = Linter(Settings()).by_code["NL203"]
    candidates = list(rule.check(segment.parse(text)))
    with mock.patch.object(compound_spacing, "_candidates", _every_token):
        every = list(rule.check(segment.parse(text)))
    assert candidates == every


class _EveryString:
    def __contains__(self, item: object) -> bool:
        return isinstance(item, str)  # not `_open_pair`'s None for no pair


def _filed(found):
    """NL203's forms and open pairs, in the order they were filed (its reports follow it)."""
    forms, opened = found
    return [(key, list(by_kind.items())) for key, by_kind in forms.items()], list(opened.items())


@settings(max_examples=examples(600), deadline=None)
@given(COMPOUND_TEXT, st.booleans())
@example("Airstrikes. Air strikes and airstrikes, air-strikes", False)
@example("Air strikes. x Air strikes\nAir strikes. Air-strikes air strikes", True)
@example("cease  fire. Cease\nfire cease-fire Cease-fire x Ceasefire", True)
@example("İkeastores. İkea stores", False)
@example("Σαασσσ. Σαα σσσ", True)
@example("airstrikes air\tstrikes air\u00a0strikes air strikes", False)  # one character, not a space
@example("Air-strikes. x Air-strikes airstrikes. Airstrikes", True)  # a name inside a sentence
@example("Airstrikes. x Airstrikes air strikes. air-strikes", False)
@example("Air Strikes x Airstrikes\n\nAirstrikes. air strikes", False)  # a headline's capitals
def test_compound_spacing_forms_read_from_the_index_are_those_of_its_tokens(text, every):
    doc = segment.parse(text)  # without its tokens built: the index is read
    wanted, keys = compound_spacing._candidates(doc)
    if every:  # every word and every pair, not only the story's candidates
        wanted, keys = {w for w in doc.word_counts}, _EveryString()
    indexed = compound_spacing._indexed_forms(doc, wanted, keys)
    assert indexed is not None and "tokens" not in vars(doc)
    assert _filed(indexed) == _filed(compound_spacing._token_forms(doc, wanted, keys))


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.text("abc-", max_size=3), unique=True), st.sets(st.text("abc-", max_size=3), max_size=12))
def test_compound_spacing_ids_of_its_wanted_words_are_those_a_walk_finds(words, wanted):
    # a search per word for a few (`FEW_WANTED`), the walk for more: the same ids, ascending
    assert compound_spacing._ids_of(words, wanted) == [k for k, w in enumerate(words) if w in wanted]


def test_compound_spacing_keeps_the_places_of_the_compounds_it_can_report_alone():
    # a closed form beside another form is kept; one written one way (or only open) is not
    doc = segment.parse("Airstrikes hit. The airstrikes, air strikes. A ceasefire; the ceasefire. Long term")
    wanted, keys = {w for w in doc.word_counts}, _EveryString()
    forms, opened = compound_spacing._indexed_forms(doc, wanted, keys)
    assert list(forms) == ["airstrikes"] and list(opened) == ["airstrikes"]
    assert [list(by_kind) for by_kind in forms.values()] == [["closed"]]
    assert _filed((forms, opened)) == _filed(compound_spacing._token_forms(doc, wanted, keys))


def test_compound_spacing_reads_built_tokens_rather_than_the_index():
    doc = segment.parse("Airstrikes. Air strikes and airstrikes")
    doc.words()  # built: no index is built as well
    assert compound_spacing._indexed_forms(doc, {"airstrikes"}, {"airstrikes"}) is None


NAME_WORDS = "Rinaldi Rinaldi's Rinladi Rinladi’s Islamic State state The the İstanbul Zürich McRae UN x 3"
NAME_GAPS = [" ", " ", " ", "\n", "\n\n", "  ", ". ", "-", ', "', '." ']
NAME_TEXT = st.lists(st.tuples(st.sampled_from(NAME_WORDS.split()), st.sampled_from(NAME_GAPS)), max_size=24)
NAME_TEXT = NAME_TEXT.map(lambda ws: "".join(w + s for w, s in ws))


def _uses_in_order(found):
    """`_uses`' answer with its first uses as the order they give (their numbers may differ)."""
    counts, first_use, mid_sentence = found
    return list(counts.items()), sorted(first_use, key=first_use.__getitem__), mid_sentence


@settings(max_examples=examples(600), deadline=None)
@given(NAME_TEXT, NAME_TEXT)
@example("Rinaldi Rinladi", "Rinladi said. Rinaldi's Rinaldi\n\nThe Rinladi’s")
@example("", "Islamic State. Islamic State 3 Islamic state")
def test_name_variant_uses_and_runs_read_from_the_index_are_those_of_its_tokens(headline, body):
    text = f"{headline}\n\n{body}" if headline else body
    doc = segment.parse(text)  # without its tokens built: the index is read
    written = doc.selected(name_variant._NAMES)
    titled = {w for w in written if w.isalpha() and w[1:].islower()}
    indexed = name_variant._indexed_uses(doc, written), name_variant._indexed_runs(doc, titled)
    assert indexed[0] is not None and indexed[1] is not None and "tokens" not in vars(doc)
    assert _uses_in_order(indexed[0]) == _uses_in_order(name_variant._uses(doc, written))
    assert type(indexed[0][0]) is Counter  # made without `Counter.__init__`, a Counter still
    places = (tok.span for tok, _ in name_variant._name_tokens(doc, titled))
    assert list(indexed[1].items()) == list(name_variant._title_runs(text, places).items())


def test_name_variant_reads_built_tokens_rather_than_the_index():
    doc = segment.parse("Islamic State. Islamic State and Islamic state")
    doc.words()  # built: no index is built as well
    assert name_variant._indexed_uses(doc, {"Islamic", "State"}) is None
    assert name_variant._indexed_runs(doc, {"Islamic", "State"}) is None


ABBREVIATION_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "U.S.",
                "US",
                "Us",
                "U.N.",
                "UN",
                "NATO",
                "Nato",
                "Unesco",
                "UNESCO",
                "Rice",
                "RICE",
                "Air",
                "Esso",
                "Corp",
                "officials",
                "said",
                "The",
                "the",
                "U.K.",
                "UK",
                "Ltd",
            ]
        ),
        st.sampled_from([" ", " ", "\n", ". ", "\n\n", ", "]),
    ),
    max_size=20,
).map(lambda ws: "".join(w + s for w, s in ws))


@settings(max_examples=examples(400), deadline=None)
@given(ABBREVIATION_TEXT)
@example("Head\n\nU.S. jets struck. US officials said US Air Corp and Air UK Ltd and NATO, Nato.\n")
def test_abbreviation_style_with_its_filter_reports_as_without_it(text):
    rule = Linter(Settings()).by_code["NL204"]
    filtered = list(rule.check(segment.parse(text)))
    with mock.patch.object(abbreviation_style, "_mixed_forms", _every_form):
        assert filtered == list(rule.check(segment.parse(text)))


@settings(max_examples=examples(400), deadline=None)
@given(ABBREVIATION_TEXT, ABBREVIATION_TEXT)
@example("NATO SAYS US", "NATO and Nato said. US officials\n")  # each group has one form outside
@example("US JETS", "U.S. jets struck. US officials said\n")
@example("Nato talks", "NATO said. Nato and NATO\n")
@example("US", "US\n")
@example("NAKASONE SAYS", "Nakasone said it.\n")  # the exit: one form outside
@example("UNESCO US", "Unesco and U.S. said. Nato and UN\n")
def test_abbreviation_style_reports_as_without_its_headline_exit(headline, body):
    """NL204 leaves a story whose letters are each written in one form outside its headline
    (`_two_outside`) before looking for any place: it reports what it reports without that exit."""
    rule = Linter(Settings()).by_code["NL204"]
    text = f"{headline.strip()}\n\n{body}"
    found = list(rule.check(segment.parse(text)))
    with mock.patch.object(abbreviation_style, "_two_outside", lambda text, forms, headline: True):
        assert found == list(rule.check(segment.parse(text)))


@settings(max_examples=examples(400), deadline=None)
@given(ABBREVIATION_TEXT)
@example("NATO talks\n\nNATO said. Nato and U.N. officials, UN\n")
@example("NATO talks\n\nNATO said NATO and Nato\n")
@example("Head\n\nUS jets. US said US Air Corp and U.S. officials\n")
def test_abbreviation_style_keeps_a_form_as_its_whole_filter(text):
    """`_kept` (a form's places looked at until its answer is known) is the filter `check`
    applies to every place: some place counts, and the form is no lead-in."""
    rule = Linter(Settings()).by_code["NL204"]
    doc = segment.parse(text)
    by_form: dict[str, list[Span]] = {}
    for m in abbreviation_style._FORMS.finditer(doc.text):
        by_form.setdefault(m.group(), []).append(Span(*m.span()))
    for form, spans in by_form.items():
        kept = [span for span in spans if rule._counts(doc, span)]
        whole = bool(kept) and not abbreviation_style._lead_in(doc, form, kept)
        assert rule._kept(doc, form, spans) == whole


def _every_form(text):
    """Every form `_compared` keeps: NL204 without its filter."""
    return {form for form in abbreviation_style._FORMS.findall(text) if abbreviation_style._compared(form)}


UNKNOWN_WORD_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "regime",
                "reigme",
                "Reigme",
                "Regime",
                "the",
                "The",
                "goverment",
                "Goverment",
                "government",
                "dont",
                "forthe",
                "Assad",
                "assad",
                "gil",
                "Parra",
                "co-operate",
                "cooperate",
                "reigme's",
                "reigme’s",
                "pre-emptt",
                "harbur",
                "harbour",
                "Harbur",
                "café",
                "ISIS",
                "alot",
            ]
        ),
        st.sampled_from([" ", " ", " ", "\n", ". ", "\n\n", ", ", "-", '. "', '" ']),
    ),
    max_size=18,
).map(lambda ws: "".join(w + s for w, s in ws))


def _all_word_tokens(self, doc, selected, capitals, rare_slips, openers, others, desk_capitals):
    """Every word token, in order: NL101's check without its candidate filter is its definition
    (no known names selected with them: `check` selects its own)."""
    return list(doc.words()), None


# Reported by NL101 (a typo with its word in the story, typos without, a missing apostrophe); a word
# written twice ("Reigme forces. The reigme fell") is taken for jargon and is not.
UNKNOWN_WORD_REPORTED = (
    "Regime falls\n\nThe regime said the reigme fell. The regime held the harbour and the harbur. "
    "They said whaever they liked; dont go. Assad’s goverment fell.\n"
)


def test_unknown_word_reports_the_example_it_is_held_to():
    found = Linter(Settings()).by_code["NL101"].check(segment.parse(UNKNOWN_WORD_REPORTED))
    words = {UNKNOWN_WORD_REPORTED[v.span.start : v.span.end] for v in found}
    assert words >= {"reigme", "harbur", "whaever", "dont"}


@settings(max_examples=examples(400), deadline=None)
@given(UNKNOWN_WORD_TEXT)
@example(UNKNOWN_WORD_REPORTED)
@example("Regime falls\n\nReigme forces. The reigme fell, the regime said. Goverment goverment government.\n")
@example("harbur. Harbur harbour harbour. dont forthe alot gil Parra gil. reigme’s co-operate pre-emptt\n")
def test_unknown_word_on_its_candidate_tokens_reports_as_on_all_tokens(text):
    rule = Linter(Settings()).by_code["NL101"]
    candidates = list(rule.check(segment.parse(text)))
    fresh = Linter(Settings()).by_code["NL101"]  # its letter tests remember words across stories
    with mock.patch.object(UnknownWord, "_candidate_tokens", _all_word_tokens):
        every = list(fresh.check(segment.parse(text)))
    assert candidates == every


CAPITAL_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            ["Norweigan", "norweigan", "Norwegian", "Reigme", "REIGME", "regime", "Bangaldesh", "Mbeki"]
            + ["Mbeki's", "pro-Mbeki", "Finanace", "finance", "Committee", "Genemation", "the", "said"]
            + ["ABCDEFGHIJ" * 3, "Robert", "Kronberg", "Ltd", "MINISTER", "SIGNES", "ACCORD"]
        ),
        st.sampled_from([" ", " ", ". ", "\n", "\n\n"]),
    ),
    max_size=20,
).map(lambda ws: "".join(w + s for w, s in ws))


@settings(max_examples=examples(300), deadline=None)
@given(CAPITAL_TEXT)
@example("NORWEIGAN TALKS\n\nNorweigan forces. Norweigan ships. The Norwegian said.\n")
@example("Talks\n\nMbeki said. Mbeki left, Mbeki's aide said. Reigme forces. The regime fell.\n")
def test_a_capitalised_word_plainly_a_name_is_one_nl101_leaves_alone(text):
    """`_plainly_a_name` decides, without the story's counts, only what `_capitalised_word`
    decides by its first tests: no word it clears is reported."""
    from newslint.rules.typos import unknown_word
    from newslint.rules.typos._ties import OnceWrittenNames

    rule = Linter(Settings()).by_code["NL101"]
    doc = segment.parse(text)
    counts = unknown_word.story_counts(doc)
    ties = OnceWrittenNames(doc, frozenset(doc.word_counts), counts)
    for tok in doc.words():
        if tok.text[:1].isupper() and tok.text.isalpha() and unknown_word._plainly_a_name(doc, tok):
            assert rule._capitalised_word(doc, tok, counts, ties) is None, tok.text


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(UNKNOWN_WORD_TEXT, CAPITAL_TEXT))
@example("Clinton said so. Reigme forces. Mbeki left, the Finanace Committee said. Clinton left.\n")
def test_unknown_word_reads_the_known_names_it_selected_with_its_candidates(text):
    """The known names `_candidate_tokens` selects (to leave their uses out) are those `check`
    reads: with them dropped, so that `check` selects its own as it did, nothing changes."""
    original = UnknownWord._candidate_tokens

    def without_known(self, *args):
        tokens, known = original(self, *args)
        if known is not None:
            _, capitals, _, openers, _, _ = args[1:]
            assert known == {w for w in capitals | openers if self._known_text(w)}
        return tokens, None

    found = list(Linter(Settings()).by_code["NL101"].check(segment.parse(text)))
    fresh = Linter(Settings()).by_code["NL101"]
    with mock.patch.object(UnknownWord, "_candidate_tokens", without_known):
        assert list(fresh.check(segment.parse(text))) == found


@settings(max_examples=examples(300), deadline=None)
@given(CAPITAL_TEXT)
@example("ZORBLATT TALKS\n\nZorblatt said. Zorblatt left, the Zorblatt group said. Reigme forces.\n")
@example("Talks\n\nNorweigan forces. Norweigan ships. The norweigan said. Zorblatt Zorblatt.\n")
def test_unknown_word_on_its_candidate_tokens_reports_capitals_as_on_all_tokens(text):
    """The uses `_candidate_tokens` leaves out (known names, names by their letters) are uses
    `check` would clear: what it reports is what it reports from every word token."""
    rule = Linter(Settings()).by_code["NL101"]
    candidates = list(rule.check(segment.parse(text)))
    fresh = Linter(Settings()).by_code["NL101"]
    with mock.patch.object(UnknownWord, "_candidate_tokens", _all_word_tokens):
        every = list(fresh.check(segment.parse(text)))
    assert candidates == every


def test_unknown_word_builds_no_use_of_a_name_by_its_letters():
    """A capital candidate the story repeats and never writes in lowercase (`_named_by_its_letters`)
    is a name at every use: `_candidate_tokens` leaves its uses out, and a slip written once
    is still among them."""
    text = (
        "Talks\n\nThe Zorblatt group said. Zorblatt left, and Zorblatt came back. The Finanace Committee.\n"
    )
    built, _ = _candidates_built(text)
    assert "Finanace" in built
    assert "Zorblatt" not in built


def _candidates_built(text: str) -> tuple[list[str], list[str]]:
    """The texts of the tokens NL101's `_candidate_tokens` builds for `text`, and what it reports."""
    original, built = UnknownWord._candidate_tokens, []

    def recorded(self, *args):
        tokens, known = original(self, *args)
        built.extend(t.text for t in tokens)
        return tokens, known

    with mock.patch.object(UnknownWord, "_candidate_tokens", recorded):
        found = list(Linter(Settings()).by_code["NL101"].check(segment.parse(text)))
    return built, [text[v.span.start : v.span.end] for v in found]


def test_unknown_word_builds_no_use_of_a_name_no_slip_can_make():
    """A capital candidate `_no_slip_uncounted` clears (no word or name one edit away, nor a
    once-written name to tie with: Zorblatt) or one in capitals outside an all-capital headline
    (ZORBLATT) is cleared at every use: `_candidate_tokens` leaves its uses out, and a word one
    slip from a word the story writes (Finanace beside "finance") is still among them."""
    built, found = _candidates_built(
        "Talks\n\nThe Zorblatt group said the ZORBLATT unit met the Finanace Committee on finance.\n"
    )
    assert "Finanace" in built
    assert "Zorblatt" not in built and "ZORBLATT" not in built
    assert found == ["Finanace"]


@pytest.mark.parametrize(
    ("text", "built", "reported"),
    [
        ("The regime said the harbour fell inthe night. Reigme forces left.\n", False, ["Reigme"]),  # NL104's
        ("The regime said the harbour fell. The harbur was his.\n", True, ["harbur"]),  # a report
        ("The regime said the harbour fell. He saw gil there.\n", True, []),  # a short word
        ("The regime said the harbour fell. Talks with ecuador went on.\n", False, []),  # a known name
        ("The regime said the harbour fell. The harbur of ecuador was his.\n", True, ["harbur"]),
    ],
)
def test_unknown_word_reads_where_capitals_are_lost_only_where_a_word_needs_it(text, built, reported):
    """`lost_capitals` is built for a short word's test or a report, not for a lowercase word
    another rule takes (NL104's "inthe") nor for a known name in lowercase (weighed on the
    story's evidence alone), and what NL101 reports is what it was."""
    from newslint.rules.typos import unknown_word

    with mock.patch.object(unknown_word, "lost_capitals", wraps=unknown_word.lost_capitals) as lost:
        found = list(Linter(Settings()).by_code["NL101"].check(segment.parse(text)))
    assert lost.called == built
    assert [text[v.span.start : v.span.end] for v in found] == reported


def test_unknown_word_counts_a_known_name_opening_a_sentence_towards_its_limit():
    """A known name opening a sentence (Clinton) counts towards the not-English-copy limit, though
    NL101 builds its tokens only when counting them could pass that limit: 200 unknown letter runs
    stay under it, five sentences opening with a name take the story past it."""
    runs = ("".join(p) for p in itertools.product("bcdfghjklmnpqrstvwxz", repeat=5))
    text = (
        "Regime falls\n\nThe regime said the reigme fell. "
        + " ".join(itertools.islice(runs, 0, 7400, 37))
        + ".\n"
    )
    named = text + "Clinton said so. Clinton said no. Clinton said yes. Clinton left. Clinton came.\n"
    found = list(Linter(Settings()).by_code["NL101"].check(segment.parse(text)))
    assert "reigme" in {text[v.span.start : v.span.end] for v in found}
    assert list(Linter(Settings()).by_code["NL101"].check(segment.parse(named))) == []


def test_a_long_word_is_not_cut_at_each_of_its_letters():
    """NL104's splits cut a word at every letter, each cut a copy of the rest: a 1 MB word took
    minutes. No split is longer than the longest very common word and the longest common word
    together, so a longer word is not cut at all."""
    from newslint.rules.typos import _run_together

    class Counted(str):
        cuts = 0

        def __getitem__(self, key):
            Counted.cuts += 1
            return str.__getitem__(self, key)

    assert _run_together.splits(Counted("ab" * 10_000)) == []
    assert Counted.cuts == 0
    assert _run_together.splits("inthe") == ["in the"]


def test_the_story_size_is_summed_once_a_check():
    """NL104, NL106 and NL101 summed the story's word counts (`Counter.total`, a pass over every
    distinct word) once per candidate word, and NL102 built them once per misspelling: letters
    and punctuation without spaces (thousands of unknown words) cost the square of the text,
    8 s of NL104 for 800 KB."""
    from newslint.rules.typos import known_misspelling, run_together_words, short_slip, unknown_word

    summed = []

    class Counted(Counter):
        def total(self):
            summed.append(1)
            return super().total()

    story_counts = unknown_word.story_counts

    def counted(doc):
        return Counted(story_counts(doc))

    text = (
        "Talks resume\n\n"
        + " ".join(f"{a}{b}thex hte{a}{b} ot prices relected" for a in "bcdfg" for b in "klmnp")
        + ".\n"
    )
    for module in (run_together_words, short_slip, unknown_word, known_misspelling):
        with mock.patch.object(module, "story_counts", counted):
            linter = Linter(Settings(), "story.txt", select=["NL104", "NL106", "NL101", "NL102"])
            summed.clear()
            linter.violations(text)
            assert len(summed) <= 3, (module.__name__, len(summed))


def test_no_word_longer_than_any_listed_word_has_its_edits_made():
    """NL101 made every string one edit from a capitalised word of any length (Abab... of 1 MB:
    out of memory; 8,000 letters took over 3 GB). A word longer than the longest listed word
    and a letter has no listed word one edit away, and its edits are not made. Each place
    NL101 makes a word's edits is watched: a capitalised word's names and words one edit away
    (`edits_among_each`) and a lowercase word's listed candidates (`edits_among`; the story's
    other names are compared with the word, `_one_edit_from`, no edits made); the short slips
    beside the long strings show that the text reaches them."""
    from newslint.rules.typos import _capitals, _words, unknown_word

    made = []

    def watched(module, name):
        real = getattr(module, name)

        def counted(word, *rest):
            made.append(len(word))
            return real(word, *rest)

        return mock.patch.object(module, name, counted)

    text = (
        "Hi\n\nA" + "ba" * 2_000 + " said. ABAB" + "AB" * 2_000 + " TALKS\n\nAbc" + "d" * 3_000 + " left.\n\n"
        "The Finanace Committee met in Bangaldesh. Its reigme fell. A " + "qr" * 1_500 + " went.\n"
    )
    # the capitalised words' edits are remembered across stories: made afresh here
    _capitals.known_one_edit_away.cache_clear()
    _capitals.clear_slip.cache_clear()
    with (
        watched(_capitals, "edits_among_each"),
        watched(_words, "edits_among"),
    ):
        found = Linter(Settings(), "story.txt", select=["NL101"]).violations(text)
    assert {"Finanace", "Bangaldesh", "reigme"} <= {text[v.span.start : v.span.end] for v in found}
    assert {len("Finanace"), len("Bangaldesh"), len("reigme")} <= set(made)  # edits are made
    assert all(n <= unknown_word._longest_word() + 1 for n in made), max(made)


@settings(max_examples=examples(600), deadline=None)
@given(
    st.sampled_from(["", "", "e", "r", "m", "s", "x", *PREFIXES]),
    st.sampled_from(["insure", "went", "ment", "market", "clunky", "lessen", "rialto", "abcd", "pay", ""]),
    st.text("aeinrstmoy-", max_size=6),
)
@example("re", "insure", "")
@example("counter", "act", "s")
@example("de", "ment", "")
def test_a_word_is_tried_with_the_prefixes_it_may_begin_with_as_with_all(prefix, word, tail):
    """`derivation` tries a word with the prefixes of its first letter (`_PREFIXES_BY_LETTER`):
    the prefixes it begins with, in PREFIXES' order, are those it tried going through all."""
    from newslint.rules.typos import unknown_word

    text = prefix + word + tail
    tried = unknown_word._PREFIXES_BY_LETTER.get(text[:1], ())
    assert [p for p in tried if text.startswith(p)] == [p for p in PREFIXES if text.startswith(p)]
    # the last of the prefixes, and the first, still parse a word
    assert unknown_word.derivation.__wrapped__("deinsure") == "prefix" == unknown_word.derivation("preinsure")


@settings(max_examples=examples(500), deadline=None)
@given(st.text("abcdeAZ'’-5é", min_size=1, max_size=9))
@example("regime")
@example("regime's")
@example("al-qaeda")
@example("5pm")
def test_a_word_with_no_capital_passes_neither_capital_test(text):
    """`UnknownWord._may_be_unknown` asks the capitalised-word tests only of a word that is not
    lowercase (`str.islower`): no lowercase word passes either."""
    from newslint.rules.typos import _capitals, unknown_word

    if text.islower():
        assert not _capitals.capital_candidate(text)
        assert not unknown_word._opening_capital(text, unknown_word.english().words)


@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(
        st.sampled_from(["regime", "regimes", "reign", "sanctions", "sections", "agency", "agcny"]),
        max_size=8,
    ),
    st.lists(st.text("aegimnrs", min_size=1, max_size=9), max_size=12),
    st.sampled_from(["reigme", "regme", "sanctons", "agncy", "regimes", "sectoins"]),
)
def test_the_story_words_near_a_typo_are_read_as_its_words_of_about_its_length(listed, others, typo):
    """`_story_words_near` picks the story's words with `near_words` before the list: the
    weighing's search (`near_words` over them) finds what it found over the story's listed
    words of about the typo's length, in the same order."""
    from newslint.native import near_words
    from newslint.rules.typos import unknown_word
    from newslint.rules.typos._words import english

    counts = Counter(listed + others)
    plain = [w for w in counts if abs(len(w) - len(typo)) <= 2 and w in english().words and w != typo]
    assert near_words(typo, unknown_word._story_words_near(typo, counts)) == near_words(typo, plain)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(["regime", "regimes", "reign", "sanctions", "sections", "agency", "café", "naïve"]),
        max_size=8,
    ),
    st.lists(st.text("aegimnrsé", min_size=1, max_size=9), max_size=12),
    st.sampled_from(["reigme", "regme", "sanctons", "agncy", "regimes", "sectoins", "cafés"]),
    st.lists(st.sampled_from(["regimen", "agenda", "sanction", "rime"]), max_size=3),
)
def test_a_big_storys_words_near_a_typo_are_read_from_its_indexed_line(listed, others, typo, added):
    """`_story_words_near` over a big story's counts (indexed: `_english_line`) gives the words
    `near_words` finds among its listed words in the story's order, and then among the words an
    amended copy adds; and `_story_size` is the counts' total, an amended copy's too."""
    from newslint.native import near_words
    from newslint.rules.typos import unknown_word
    from newslint.rules.typos._words import english

    counts = Counter(listed + others)
    words = english().words
    plain = [w for w in counts if w in words]
    old = unknown_word.INDEX_WORDS_FROM
    unknown_word.INDEX_WORDS_FROM = 0
    try:
        found = unknown_word._story_words_near(typo, counts)
        assert found == (near_words(typo, plain) if len(typo) >= unknown_word.LONG_WORD - 3 else [])
        amended = unknown_word._Amended(counts)
        forms = dict.fromkeys(added, 1)
        amended.base, amended.added = counts, (typo, *forms)
        amended[typo] -= 1
        amended.update(forms)
        amended.size = unknown_word._story_size(counts) - 1 + sum(forms.values())
        assert unknown_word._story_size(counts) == counts.total()
        assert unknown_word._story_size(amended) == amended.total()
        if len(typo) >= unknown_word.LONG_WORD - 3:
            more = near_words(typo, [w for w in amended.added if w in words and w not in counts])
            assert unknown_word._story_words_near(typo, amended) == found + more
    finally:
        unknown_word.INDEX_WORDS_FROM = old


def _written_as_another_name_plainly(doc, text):
    """`_written_as_another_name`'s definition: each string one edit from the word, written in
    the word's case, looked up in the story's counts."""
    from newslint.native import one_edit_away
    from newslint.rules.typos._words import english

    cased = text.upper() if text.isupper() else None
    for other in one_edit_away(text.lower()):
        written = cased and other.upper() or other[:1].upper() + other[1:]
        if written != text and doc.word_counts.get(written) and other not in english().words:
            return True
    return False


CAPITALISED = st.sampled_from(
    ["Reagan", "Regaan", "Reagn", "REAGAN", "REGAAN", "Manufacturng", "Manufacturing", "Wednesday"]
    + ["Wedndsday", "Qaida", "Qaeda", "Qaed", "QAEDA", "Rinaldi", "Rinladi", "Rinaldis", "Rinald", "Ab"]
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(CAPITALISED, st.sampled_from([" ", ". ", "\n"])), max_size=12), CAPITALISED)
@example([("Reagan", " "), ("Regaan", " ")], "Regaan")
@example([("REAGAN", " "), ("Reagan", " ")], "REGAAN")
@example([("Manufacturing", " ")], "Manufacturng")
def test_a_name_written_two_ways_is_found_as_among_every_edit(words, text):
    from newslint.rules.typos import unknown_word

    doc = segment.parse("".join(w + s for w, s in words) + text + ".\n")
    plain = _written_as_another_name_plainly(doc, text)
    assert unknown_word._written_as_another_name(doc, text) == plain


_NAME_LETTERS = st.text("aeirgnRAGEN\u0130\u0131\u00df\u1e9e1'", min_size=1, max_size=8)


@settings(max_examples=examples(400), deadline=None)
@given(st.dictionaries(_NAME_LETTERS, st.integers(0, 2), max_size=14), _NAME_LETTERS)
@example({"Reagan": 3, "REAGAN": 1}, "Regaan")
@example({"SS": 1}, "\u1e9ea")  # SS is no capital sharp s written back in lowercase
@example({"I\u0307I\u0307I": 1}, "\u0130\u0130\u0130")  # two letters longer: not one edit from it
def test_a_name_looked_up_by_its_edits_is_the_one_the_walk_finds(counts, text):
    """A long text's words are not walked for each word asked: the word's edits, written in its
    case, are looked up in the counts. Both answer alike, in any case and outside ASCII (dotted
    I, sharp s), the word itself and words of no uses left out."""
    from newslint.rules.typos import unknown_word

    for asked in (text, text.capitalize(), text.upper()):
        story = counts | {asked: 1}
        walked = unknown_word._name_one_edit_away_walked(story, asked)
        assert unknown_word._name_one_edit_away_looked_up(story, asked) is walked


_EDIT_LETTERS = st.text("aabrz'1\u0131\u00e9", max_size=6)


@settings(max_examples=examples(500), deadline=None)
@given(_EDIT_LETTERS, st.data())
@example("aab", None)  # the word itself: a swap of its two a's makes it
@example("ab", None)
def test_one_edit_from_is_among_the_words_edits(word, data):
    """`_one_edit_from` tells what `one_edit_away` makes: over other strings drawn at random and
    over the word's own edits (each of which it must find), with letters outside a-z that no
    substitution or insertion puts in but a deletion or swap keeps."""
    from newslint.native import one_edit_away
    from newslint.rules.typos import unknown_word

    edits = one_edit_away(word)
    others = [word, data.draw(_EDIT_LETTERS)] if data is not None else [word]
    if edits and data is not None:
        others.append(data.draw(st.sampled_from(sorted(edits))))
    for other in others:
        assert unknown_word._one_edit_from(word, other) is (other in edits)


@settings(max_examples=examples(300), deadline=None)
@given(st.sampled_from(["bangaldesh", "britian", "norweigan", "exhcange", "serivces", "ceasars"]), st.data())
def test_a_swapped_slip_is_never_ruled_out_by_its_precheck(word, data):
    """`clear_slip` finds a swap of two neighbouring letters only where `may_be_swapped_slip`
    says one may be found: over listed words and names with two of their letters swapped."""
    from newslint.rules.typos import _capitals
    from newslint.rules.typos._words import english

    listed = data.draw(st.sampled_from(english().ordered[:20000] + sorted(_capitals._names_by_lowercase())))
    i = data.draw(st.integers(0, max(0, len(listed) - 2)))
    swapped = listed[:i] + listed[i + 1 : i + 2] + listed[i : i + 1] + listed[i + 2 :]
    for typo in (word, swapped):
        meant = _capitals.clear_slip.__wrapped__(typo)
        if meant is not None and _capitals.habit_slip(typo, meant):
            assert _capitals.may_be_swapped_slip(typo), (typo, meant)
    assert _capitals.may_be_swapped_slip(word)


NAME_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            ["Islamic", "State", "state", "States", "The", "the", "Rinaldi", "Rinladi", "Rinaldi's", "Qaeda"]
            + ["Qaida", "al", "said", "White", "House", "house", "an", "Human", "rights", "Rights", "Ltd"]
        ),
        st.sampled_from([" ", " ", " ", "\n", ". ", "\n\n", ", "]),
    ),
    max_size=24,
).map(lambda ws: "".join(w + s for w, s in ws))


def _case_pair_written_twice(doc, written):
    """The case-variant prefilter's definition: two capitalised names of the story, each written
    twice, written twice as a pair and once with the second in lowercase."""
    twice = [w for w in written if w.isalpha() and w[1:].islower() and doc.word_counts[w] >= 2]
    if len(twice) > name_variant.MAX_PREFILTER_NAMES:
        return True
    text = doc.text
    return any(f"{a} {b.lower()}" in text and text.count(f"{a} {b}") >= 2 for a in twice for b in twice)


def _any_name_may_vary(self, doc, written):
    return True  # every story's names compared pair by pair


def _a_name_one_edit_from_another(rule, written):
    """The one-letter prefilter's definition: a name of the story that may vary (a possessive cut
    off) one edit from another of its names, capitalised and otherwise lowercase."""
    names = {name_variant._bare(text) for text in written}
    queries = {name for name in names if rule._may_vary_name(name)}
    others = [other for other in names if other[1:].islower()]
    return any(name_variant.one_edit_pair(name, other) for name in queries for other in others)


def _a_name_by_definition(text):
    """`_is_name`'s definition, with `_bare` called."""
    text = name_variant._bare(text)
    return (
        len(text) <= name_variant.MAX_NAME_LETTERS
        and text[:1].isupper()
        and not (text.isupper() and sum(1 for c in text if c.isalpha()) > 1)
        and not text[1:].isupper()
    )


@settings(max_examples=examples(500), deadline=None)
@given(st.text("aAbBQrR'’s-é", max_size=8))
@example("A")  # a lone capital: its letters counted
@example("A.")
@example("A's")
@example("U.S.")  # capitals after the first: no count needed
@example("UN")
@example("É.")
def test_a_name_is_a_name_by_definition(text):
    assert name_variant._is_name(text) == _a_name_by_definition(text)


@settings(max_examples=examples(500), deadline=None)
@given(NAME_TEXT)
@example("Islamic State said. Islamic State fighters. An Islamic state. The the The")
@example("Rinaldi said. Rinaldi's office. Rinladi added. Qaeda, Qaeda, Qaida")
@example("White House. White House. White house. The House. The House")
@example("Islamic State said. Islamic State. 1Islamic state, (Islamic state). The State, XIslamic state")
def test_name_variant_with_its_prefilters_reports_as_with_their_definitions(text):
    rule = Linter(Settings()).by_code["NL202"]
    doc = segment.parse(text)
    written = doc.selected(name_variant._NAMES)
    assert name_variant._case_variant_possible(doc, written) == _case_pair_written_twice(doc, written)
    assert rule._variant_pair_possible(doc, written) == _a_name_one_edit_from_another(rule, written)
    filtered = list(rule.check(segment.parse(text)))
    with (
        mock.patch.object(name_variant, "_case_variant_possible", lambda doc, written: True),
        mock.patch.object(name_variant.NameVariant, "_variant_pair_possible", _any_name_may_vary),
    ):
        assert filtered == list(rule.check(segment.parse(text)))


def _words_text(
    words: list[str], most: int, gaps: tuple[str, ...] = (" ", " ", ". ", "\n", ", ")
) -> st.SearchStrategy[str]:
    """Texts of up to `most` of `words`, each followed by one of `gaps` (by default a space, a
    stop, a line break or a comma)."""
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(gaps)), max_size=most).map(
        lambda ws: "".join(w + s for w, s in ws)
    )


PAIRED_NAME_TEXT = _words_text(
    ["Rinaldi", "Rinladi", "Rinaldi's", "Rinaldo", "Rinald", "Rinaldis", "Ronaldo", "Rinaldii"]
    + ["Qaeda", "Qaida", "Qaedas", "QAEDA", "Hamad", "Hamid", "Hamadi", "Gaddafi", "Gadaffi", "Regan"]
    + ["Reagan", "Donald", "President", "Hitech", "Hi-tech", "Life", "Liffe", "said", "the", "M"],
    24,
    (" ", " ", ". ", "\n", ", ", "\n\n"),
)


@settings(max_examples=examples(500), deadline=None)
@given(PAIRED_NAME_TEXT)
@example("Rinaldi said. Rinaldi's office. Rinladi added. Ronaldo, Rinaldo and Rinald said.")
@example("Qaeda, Qaeda, Qaida. Qaedas and Hamad, Hamid, Hamadi. Gaddafi, Gaddafi, Gadaffi.")
@example("President Reagan said. Donald Regan said. Reagan, Reagan. Regan's Reagan")
def test_name_variant_weighs_the_names_it_can_pair_as_it_weighs_all(text):
    """NL202 weighs the one-letter variants of a story's names among those `_pairable` keeps (the
    names that may vary and those of their shapes): it reports what it reports among all."""
    rule = Linter(Settings()).by_code["NL202"]
    found = list(rule.check(segment.parse(text)))
    with mock.patch.object(name_variant.NameVariant, "_pairable", lambda self, doc, written: written):
        assert found == list(rule.check(segment.parse(text)))


def test_english_variety_mix_counts_a_storys_spellings_once():
    """NL201 counts a story's spellings (asking each name whether the story writes it the other
    way) once, for its majority, its lean, whether it spells both ways and each report's reason."""
    rule = Linter(Settings()).by_code["NL201"]
    text = "The colour of the centre and the theatre. The color of the center, they said.\n"
    counted = english_variety_mix._spelling_counts
    calls = []
    with mock.patch.object(
        english_variety_mix,
        "_spelling_counts",
        lambda found, other_way: calls.append(1) or counted(found, other_way),
    ):
        found = list(rule.check(segment.parse(text)))
    assert [v.message.split(";")[1].split(" (")[0] for v in found] == [
        " the story spells both ways, and more of it is British"
    ] * 2
    assert len(calls) == 1


# `_SOFTWARE`'s words in their cases, the words that hold a space or a hyphen, words that only
# open or hold one, and characters outside ASCII (among them those its case-blind matching folds
# into ASCII letters: the long s and the Kelvin sign).
SOFTWARE_PIECES = st.sampled_from(
    ["software", "Computer", "computers", "MICROSOFT", "Windows", "Browsers", "PC", "PCs", "virus"]
    + ["app", "Apps", "code", "installing", "phone", "forum", "users", "email", "E-mails", "e-mail"]
    + ["open source", "Open  source", "emailx", "xapp", "apply", "1pc", "_app", "é", "ſoftware", "\u212a"]
    + [" ", " ", ".", "-", "\n", "9", "_", "a"]
)


@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(SOFTWARE_PIECES, max_size=12).map("".join), st.integers(0, 80), st.integers(0, 90))
@example("xcode app", 1, 9)  # a word cut at the window's start is none
@example("xcode code", 1, 9)  # ... but the same word written again is one
@example("codes", 0, 4)  # a word cut at the window's end is one
@example("apply", 0, 3)  # a word cut at its end is one
@example("the e-mail", 0, 10)
@example("ſoftware", 0, 8)
def test_english_variety_mix_finds_software_words_as_its_pattern(text, start, size):
    start = min(start, len(text))
    found = english_variety_mix._SOFTWARE.search(text, start, start + size) is not None
    assert english_variety_mix._about_software(text, start, start + size) == found


def test_english_variety_mix_asks_no_desk_questions_without_a_profile():
    """Without a desk profile NL201 counts no evidence for the desk's questions (`_evidence`),
    for a story that spells both ways without a majority (the desk's spelling question) and one
    that writes a lone -ize (its endings question), and reports them as before."""
    rule = Linter(Settings()).by_code["NL201"]
    texts = [
        "The colour of the centre and the theatre. The color of the center, they said.\n",
        "Mr Brown said prices rose 5 per cent, to £4m, on 25 February. They will organize it.\n",
    ]
    with mock.patch.object(english_variety_mix, "_evidence", side_effect=AssertionError("counted")):
        found = [list(rule.check(segment.parse(text))) for text in texts]
    assert [len(f) for f in found] == [2, 1]


VARIETY_TEXT = _words_text(
    ["colour", "color", "Colour", "centre", "center", "Defence", "defense", "theatre", "labour"]
    + ["organise", "organize", "modernise", "apologize", "program", "programme", "the", "said"]
    + ["Mr Brown", "Mr. Brown", "Dr. Jones", "percent", "per cent", "£4m", "25 February", "4.5bn"]
    + ["the US", "UK", "BBC", "towards", 'said: "We', "Inc", "Corp", "Washington", "Ltd", "Tokyo"],
    20,
)
VARIETY_ENDINGS = st.sampled_from(["", "\nReuter\n", "\nREUTER\n"])


@settings(max_examples=examples(400), deadline=None)
@given(VARIETY_TEXT, VARIETY_ENDINGS)
@example("The colour was 5 percent, 6 percent and 7 percent. Mr. Brown and Dr. Jones said.\n", "")
@example("The colour and the centre, Mr. Brown said of Washington and Corp, 5 percent.", "\nReuter\n")
@example("The colour. Mr. Brown and Mr. Smith said 5 percent and 6 percent.", "\nReuter\n")
@example("They organise it. The color of the center.", "")
@example("The Colour Company said.", "")
@example("The colour of it, Mr Brown said.\n", "")  # unopposed: no report
@example("The color. Mr Brown said on 25 February it was £4m, 5 per cent.\n", "")
@example("The color of the center, the US said.", "\nREUTER\n")  # unopposed: no report
@example("The program. The color, the center, said.", "")  # weak "program": unopposed
@example("The program. Mr Brown said on 25 February it was £4m, 5 per cent. UK, towards.", "")
@example("They organize the center. The color.", "")  # a lone -ize in American copy: unopposed
@example("They organize it. Mr Brown said on 25 February it was £4m, 5 per cent, towards.", "")
@example("They organize it. The colour of it, Mr Brown said on 25 February.", "\nREUTER\n")
def test_english_variety_mix_reports_as_without_its_unopposed_test(text, ending):
    """NL201 returns early from a story of one variety that its signs cannot turn (`_unopposed`):
    it reports what it reports without that test."""
    rule = Linter(Settings()).by_code["NL201"]
    found = list(rule.check(segment.parse(text + ending)))
    with mock.patch.object(english_variety_mix, "_unopposed", lambda found, other_way, evidence: False):
        assert found == list(rule.check(segment.parse(text + ending)))


LONE_VARIETY_TEXT = _words_text(
    ["colour", "Colour", "COLOUR", "centre", "Defence", "defence", "theatre", "labour-intensive"]
    + ["color", "center", "Defense", "organise", "Organised", "organize", "realized", "tyre"]
    + ["program", "programme", "licence", "meters", "the", "said", "Ministry", "Ltd", "Inc"]
    + ["Mr Brown", "Mr. Brown", "percent", "per cent", "£4m", "25 February", "the US", "towards"]
    + ["Program", "programs", "400 meters", "Newsnight program", "program director", "software"],
    16,
)


@settings(max_examples=examples(400), deadline=None)
@given(LONE_VARIETY_TEXT, VARIETY_ENDINGS)
@example("The colour of it, Mr Brown said.\n", "")  # one variety, no sign against it: no tokens
@example("They organise the centre. The Defence Ministry said.", "")  # -ise is British too
@example("The colour and the centre, Mr. Brown said of 5 percent.", "\nReuter\n")  # signs: the full path
@example("The COLOUR of the color.", "")
@example("Colour Ltd said the color of it.", "")  # a company's spelling is no entry
@example("The labour-intensive centre.", "")  # a hyphenated word's parts: the full path
@example("They organise it and organize it. The colour.", "")
@example("They organize it and realized it. The color.", "")  # -ize twice, no spelling: no tokens
@example("They organize it. The color.", "")  # a lone -ize: no British sign, no tokens
@example("They organize it. Mr Brown said on 25 February it was £4m, 5 per cent, towards.", "")
@example("They organize it and organize it. The color, Mr Brown said of £4m.", "")
@example("Organized, it said. The color, Mr Brown said of £4m.", "")  # a capital: no name, or one
@example("The program. The color of 400 meters.", "")  # American in context, or weak: no tokens
@example("The program. Mr Brown said on 25 February it was £4m, 5 per cent. UK, towards.", "")
@example("The Newsnight program and the program, Mr Brown said of £4m.", "")
def test_english_variety_mix_reports_as_without_its_lone_variety_exit(text, ending):
    """NL201 returns before building any token from a story whose candidate words are each a
    plain spelling of one variety (or no entry) when the other variety's signs are too few for
    any majority (`_lone_variety`): it reports what it reports when every story takes the full
    path."""
    rule = Linter(Settings()).by_code["NL201"]
    found = list(rule.check(segment.parse(text + ending)))
    with mock.patch.object(english_variety_mix, "_lone_variety", lambda words: None):
        assert found == list(rule.check(segment.parse(text + ending)))


def test_english_variety_mix_lone_variety_reads_each_word_once():
    """`_lone_variety`: "" with no entry, the variety of plain spellings and -ise endings of one
    variety or a word its context makes American (or nothing), "ize" for American with an -ize
    ending, None for two varieties, a word whose sense its context reads or a hyphenated one;
    `_ize_uses`: the -ize endings' uses in lowercase, and whether a spelling is there too."""
    lone = english_variety_mix._lone_variety
    assert lone({"said"}) == ""
    assert lone({"colour", "Centre", "organised"}) == "gb"
    assert lone({"color", "center"}) == "us"
    assert lone({"colour", "color"}) is None
    assert lone({"organized"}) == lone({"organized", "color"}) == "ize"  # American, -ize to weigh
    assert lone({"organized", "colour"}) is None
    words = {"organized", "Realized", "color"}
    assert lone(words) == "ize"  # (which reads each word's answer for `_ize_uses`)
    assert english_variety_mix._ize_uses(words, {"organized": 2, "Realized": 1}) == (2, True)
    assert lone({"program"}) == lone({"meters", "color"}) == "us"  # American, or nothing, in context
    assert lone({"program", "colour"}) is None
    assert lone({"centre-left"}) is None


def _unopposed_plainly(found, other_way, evidence):
    """`english_variety_mix._unopposed` as first written (every name asked, then the signs), with
    weak "program" and a lone -ize passed where the copy is not British enough to report them."""
    mix = english_variety_mix
    if not found:
        return False
    variety = found[0][1].variety
    ise = ize = plain = 0
    names = []
    weak = False
    for tok, e in found:
        if e.variety != variety:
            return False
        if e.kind == "weak":
            weak = True
            continue
        if mix._proper(tok):
            if e.kind != "ize":
                names.append((tok, e))
        elif e.kind == "ize":
            ize += 1
        else:
            plain += 1
            ise += e.kind == "ise"
    if ise and ize:
        return False
    if ize == 1 and not ise and evidence.british_house(found):
        return False  # a lone -ize `_ize_minority` may report
    if weak and _plainly_british_plainly(evidence, found):
        return False  # "program" made a spelling
    spellings = plain + sum(1 for tok, e in names if other_way(tok, e))
    if not spellings:
        return True
    needed = max(mix.MIN_EVIDENCE, mix.MARGIN * spellings)
    if variety == "gb":
        return mix._most_american_signs(evidence.text) < needed
    return variety == "us" and evidence.house().get("gb", 0) + mix._british_desk(evidence.text) < needed


def _plainly_british_plainly(evidence, found):
    """`_Evidence.plainly_british` as first written: every count read, then weighed."""
    mix = english_variety_mix
    gb_spellings = sum(
        1 for tok, e in found if e.variety == "gb" and e.kind != "ize" and not mix._proper(tok)
    )
    us_spellings = any(
        e.variety == "us" and e.kind == "spelling" and not mix._proper(tok) for tok, e in found
    )
    house = evidence.house()
    return (
        not us_spellings
        and not evidence.signs().get("us")
        and house.get("gb", 0) * 2 >= mix.BRITISH_STYLE
        and house.get("gb", 0) + gb_spellings >= mix.BRITISH_STYLE
    )


@settings(max_examples=examples(300), deadline=None)
@given(
    LONE_VARIETY_TEXT, VARIETY_ENDINGS, st.lists(st.sampled_from(["gb", "us", ""]), min_size=1, max_size=4)
)
@example("The color. Mr Brown said on 25 February it was £4m, 5 per cent.\n", "", ["us", "us"])
@example("The colour and the centre, Mr. Brown said of 5 percent.", "\nReuter\n", ["gb", "gb"])
@example("The colour of it, 5 percent.", "\nREUTER\n", ["gb", "us", "gb"])
def test_the_other_varietys_signs_are_counted_once_as_each_time(text, ending, asked):
    """`_other_signs`, remembered on the story's evidence, answers every question as the
    count itself does, in whatever order the varieties are asked."""
    mix = english_variety_mix
    evidence = mix._Evidence(text + ending)
    for variety in asked:
        if variety == "gb":
            fresh = mix._most_american_signs(evidence.text)
        elif variety == "us":
            fresh = mix._Evidence(text + ending).house().get("gb", 0) + mix._british_desk(evidence.text)
        else:
            fresh = None
        assert mix._other_signs(variety, evidence) == fresh
        assert evidence.other_signs == (variety, fresh)


NAMED_VARIETY_TEXT = _words_text(
    ["colour", "Colour", "centre", "Centre", "Defence", "defence", "Theatre", "labour", "Labour"]
    + ["color", "Color", "Center", "Defense", "organise", "organize", "the", "said", "Ministry"]
    + ["Mr Brown", "Mr. Brown", "percent", "per cent", "£4m", "25 February", "the US", "UK"]
    + ["BBC", "towards", "Inc", "Corp", "Washington", "Ltd", "program", "programme"],
    20,
)


@settings(max_examples=examples(400), deadline=None)
@given(NAMED_VARIETY_TEXT, VARIETY_ENDINGS)
@example("The colour, Defence Ministry said. The centre and the Theatre.", "")
@example("The Colour Ministry. Mr. Brown said 5 percent and 6 percent.", "\nReuter\n")
@example("The Color Center of Washington Inc.", "\nReuter\n")
def test_unopposed_and_plainly_british_answer_as_their_plain_forms(text, ending):
    """`_unopposed` asks the signs before the names (the names only when the signs leave a
    question) and `plainly_british` reads signs only when the spellings leave a question: each
    answers as its plain form, which reads everything first."""
    doc = segment.parse(text + ending)
    found = english_variety_mix.EnglishVarietyMix._spellings(doc)
    found = [(tok, e) for tok, e in found if e.kind != "sense"]
    expected = _unopposed_plainly(found, english_variety_mix._spelled_other_way(found, doc.text), _fresh(doc))
    other_way = english_variety_mix._spelled_other_way(found, doc.text)
    assert english_variety_mix._unopposed(found, other_way, _fresh(doc)) == expected
    assert _fresh(doc).plainly_british(found) == _plainly_british_plainly(_fresh(doc), found)


def _fresh(doc):
    dateline = doc.text[doc.dateline.start : doc.dateline.end] if doc.dateline else ""
    return english_variety_mix._Evidence(doc.text, dateline, doc)


SPELLING_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            ["colour", "Colour", "COLOUR", "color", "centre-left", "labour-intensive", "Theatres", "tyre"]
            + ["meters", "5 meters", "program", "programs", "TV programme", "software program", "practise"]
            + ["trade practises", "licence", "import licenses", "dependant", "heavily dependant on", "kerb"]
            + ["Alcan Aluminium Ltd", "organise", "organize", "axe", "ax", "the", "said", "’s"]
        ),
        st.sampled_from([" ", " ", ". ", "\n", ", "]),
    ).map("".join),
    max_size=25,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(SPELLING_TEXT)
@example("The colour and the COLOUR. 5 meters of colour, the program. Colour")
def test_english_variety_mix_remembers_the_entries_context_never_changes(text):
    """NL201 looks a word whose context never matters up once a process (`_PLAIN`): the
    spellings it finds are those it finds when every use is looked up in its context."""
    remembered = english_variety_mix.EnglishVarietyMix._spellings(segment.parse(text))
    again = english_variety_mix.EnglishVarietyMix._spellings(segment.parse(text))
    with (
        mock.patch.object(english_variety_mix, "_PLAIN", {}),
        mock.patch.object(english_variety_mix, "_contextual", lambda word: True),
    ):
        in_context = english_variety_mix.EnglishVarietyMix._spellings(segment.parse(text))
    assert remembered == again == in_context


@settings(max_examples=examples(300), deadline=None)
@given(VARIETY_TEXT, VARIETY_ENDINGS)
@example("Mr. Brown said 5 percent, Mr. Smith 6 percent.", "\nReuter\n")
def test_the_signs_of_one_variety_are_its_share_of_all_and_bound_the_american(text, ending):
    """Each variety's house-style signs are counted alike alone and with the other's,
    `_most_american_signs` is at least the American evidence the check counts, and the British
    house signs and `_british_desk` are the British evidence it counts."""
    text += ending
    mix = english_variety_mix.EnglishVarietyMix
    both = mix._house_signs(text)
    for variety in ("us", "gb"):
        assert mix._house_signs(text, varieties=(variety,))[variety] == both[variety]
    evidence = english_variety_mix._Evidence(text)
    assert english_variety_mix._most_american_signs(text) >= evidence.signs()["us"]
    assert evidence.house()["gb"] + english_variety_mix._british_desk(text) == evidence.signs()["gb"]


@settings(max_examples=examples(500), deadline=None)
@given(
    st.sampled_from(["colour", "program", "meter", "practise", "kerb", "organise", "the", "x", "dependant"]),
    st.sampled_from(["", "s", "'s", "’s", "-left", "ed"]),
    st.sampled_from([str.lower, str.upper, str.title]),
)
def test_a_candidate_of_english_variety_mix_is_listed_by_its_definition(word, ending, case):
    """NL201's letter test of a word without a hyphen (`_listed`, inline) is its definition."""
    word = case(word + ending)
    if "-" not in word:
        low = word.lower().replace("’", "'")
        expected = english_variety_mix._listed(low, english_variety_mix.variants().keys())
        assert english_variety_mix._lists(word) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Rinladi", "Chicago", "Market", "Abc", "Zzyzx", "Qaida", "rinladi", "zzyzx", "QAIDA"]),
    st.sampled_from(["", "'s", "’s"]),
)
def test_a_name_as_written_may_vary_as_the_name_does(name, ending):
    """`_may_vary_written` is `_may_vary_name` of a name (`_is_name`) with its possessive cut
    off; a word that is no name (lowercase, in capitals) does not vary."""
    rule = Linter(Settings()).by_code["NL202"]
    word = name + ending
    expected = name_variant._is_name(word) and rule._may_vary_name(name_variant._bare(word))
    assert rule._may_vary_written(word) == expected


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="AaBbQqZzÉé.'’s-1 ", max_size=70))
def test_the_inline_may_vary_written_is_the_two_tests(word):
    """`_may_vary_written` (the two tests inline) on any short text: capitals, possessives,
    marks, digits, lone capitals, names longer than MAX_NAME_LETTERS."""
    rule = Linter(Settings()).by_code["NL202"]
    expected = name_variant._is_name(word) and rule._may_vary_name(name_variant._bare(word))
    assert rule._may_vary_written(word) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Market", "Table", "However", "Rinaldi", "Rinladi", "Chicago", "Zzyzx", "Qaida"])
        | st.sampled_from(["Abc", "MARKET", "market", "Market's", "TaBle", "Tokyo", "Zürich", "Qaeda"]),
        max_size=8,
    )
)
def test_the_may_vary_tests_select_with_their_fails_table_as_by_their_calls(words):
    """NL202's may-vary tests fail a word of ASCII letters whose lowercase is an English word
    without asking it (`fails`, once the word list's set is built): they select what their
    calls select, and every such word fails the call too."""
    from newslint.rules.typos._words import english

    english()._words.frozen()  # the set built, as a corpus run builds it: the table in use
    rule = Linter(Settings()).by_code["NL202"]
    words = set(words)
    assert rule._may_vary.select(words) == {w for w in words if rule._may_vary_name(w)}
    assert rule._may_vary_as_written.select(words) == {w for w in words if rule._may_vary_written(w)}
    for word in words:
        if word.isascii() and word.isalpha() and word.lower() in english().words:
            assert not rule._may_vary_name(word)


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"[A-Z]{1,70}", fullmatch=True),
    st.sampled_from([(), ("NATO",), ("Rinladi", "RINLADI")]),
)
def test_no_word_of_capitals_may_vary(word, vocabulary):
    """NL202's `_may_vary_as_written` passes a word of ASCII capitals over without asking it
    (`Shape.UPPER` left out of its shapes): the call fails every such word, a lone capital too
    short to vary, longer ones no name (`_is_name`), whatever the vocabulary holds."""
    rule = Linter(Settings(vocabulary=frozenset(vocabulary))).by_code["NL202"]
    assert not rule._may_vary_written(word)
    assert not rule._may_vary_as_written.select({word})


@pytest.mark.parametrize(
    "name", ["Rinladi", "Rinaldi", "Chicago", "Smith", "Market", "Table", "Qaida", "Abc", "Zzyzx"]
)
def test_a_name_may_vary_by_its_definition(name):
    """`_may_vary_name` (the known names asked first) is its definition: four letters or more,
    not in the vocabulary, no English word and no known name."""
    from newslint.rules.typos._words import english, is_rare, known_names

    rule = Linter(Settings()).by_code["NL202"]
    word = name.lower()
    english_word = word in english() or is_rare(word)
    expected = not (len(name) < 4 or rule.context.accepts(name) or english_word or name in known_names())
    assert rule._may_vary_name(name) == expected


# digits (ASCII and others), the separators, letters and the marks around figures
FIGURE_CHARS = "0159٣.,'’\u202f\u2009 a-/\n%p"
SEPARATOR_BETWEEN = re.compile(r"\d([.,'’\u202f\u2009 ])(?=\d)")  # the scan the digit runs replace


@settings(max_examples=examples(800), deadline=None)
@given(st.text(FIGURE_CHARS, max_size=40))
@example("1.000.000 and 3,5% of 450 000 people, 2'000")
@example("3,5% and 12,25 pct, 1234,5%, x7,5 bln, 1,5,3%")
def test_the_separators_read_after_digit_runs_are_the_scans(text):
    lasts = segment.parse(text).digit_runs[1]
    assert european_number.separators_between_digits(text, lasts) == set(SEPARATOR_BETWEEN.findall(text))
    if not european_number._dot_groups(text, lasts):
        assert european_number._MULTI_DOT.search(text) is None
        assert european_number._ONE_DOT.search(text) is None
    # the decimal commas found at the comma figures alone (compiled and twin) are the scan's
    scan = [(m.span(), m.groups()) for m in european_number._DECIMAL_COMMA.finditer(text)]
    for joints in (european_number.digit_joints, european_number._digit_joints):
        separators, dot_groups, commas = joints(text, lasts)
        assert separators == european_number.separators_between_digits(text, lasts)
        assert dot_groups == european_number._dot_groups(text, lasts)
        found = matches_at(european_number._DECIMAL_COMMA, text, commas)
        assert [(m.span(), m.groups()) for m in found] == scan


@settings(max_examples=examples(800), deadline=None)
@given(st.text(FIGURE_CHARS + "x٣.m", max_size=40))
@example("x1.000.000 and 12.345 vs 1,234,567 mln tonnes, 46.40 or 1.2345 and 10 000 people")
@example("a12.500, 1234.567 9,999.5 dlrs 7.000. 3.250/875 ٣٣.٣٣٣ 1.000.000,5")
def test_nl401s_figure_patterns_tried_at_the_runs_alone_are_the_scans(text):
    """NL401 tries its figure patterns at the first digits of runs alone (`run_starts`, the dot
    groups among them, `Document.digit_runs`' starts for space groups): what the scans find."""
    doc = segment.parse(text)
    starts, lasts = doc.digit_runs
    runs = european_number.run_starts(text, lasts)
    assert runs.tolist() == [m.start() for m in re.finditer(r"(?<!\d)\d", text)]
    by_twin = array(runs.typecode, lasts)  # the compiled walk back and its twin alike
    european_number._run_starts_into(text, by_twin)
    assert by_twin == runs
    decimals = european_number.decimal_starts(text, runs)
    assert decimals == european_number._decimal_starts(text, runs)
    dotted = european_number.group_starts(text, runs, ".")
    for mark, at in ((".", runs), (" ", starts), (",", runs)):  # compiled and twin alike
        assert european_number.group_starts(text, at, mark) == european_number._group_starts(text, at, mark)

    def spans(found):
        return [(m.span(), m.groups()) for m in found]

    for pattern in (european_number._MULTI_DOT, european_number._ONE_DOT):
        assert spans(matches_at(pattern, text, dotted)) == spans(pattern.finditer(text))
    for pattern in (european_number._ENGLISH_THOUSANDS, european_number._ENGLISH_GROUPED):
        assert spans(matches_at(pattern, text, runs)) == spans(pattern.finditer(text))
        assert spans(european_number._lazy_matches_at(pattern, text, runs)) == spans(pattern.finditer(text))
    found_fine = any(european_number._FINE_DECIMAL.match(text, start) for start in runs)
    assert found_fine == bool(european_number._FINE_DECIMAL.search(text))
    fine_at = [m.start() for start in decimals if (m := european_number._FINE_DECIMAL.match(text, start))]
    assert fine_at == [m.start() for m in european_number._FINE_DECIMAL.finditer(text)]
    space = european_number._SPACE_GROUPS
    assert spans(matches_at(space, text, starts)) == spans(space.finditer(text))
    spaced = european_number.group_starts(text, starts, " ")
    assert spans(matches_at(space, text, spaced)) == spans(space.finditer(text))
    grouped = european_number.group_starts(text, runs, ",")  # where `_grouped_figures` tries it
    assert european_number._grouped_figures(text, grouped) == european_number._grouped_figures(text)
    for pattern in (european_number._ENGLISH_THOUSANDS, european_number._ENGLISH_GROUPED):
        assert spans(matches_at(pattern, text, grouped)) == spans(pattern.finditer(text))
        assert spans(european_number._lazy_matches_at(pattern, text, grouped)) == spans(
            pattern.finditer(text)
        )


def test_only_the_sign_off_words_letters_fold_to_them():
    """`truncated_ending._may_sign_off` looks for "reuter" and "afp" in the lowercased text: every
    character the pattern's IGNORECASE matches for one of their letters lowercases to it."""
    every = "".join(map(chr, range(0x110000)))  # lone surrogates too: a str may hold them
    for c in re.findall(r"[reutafp]", every, re.IGNORECASE):
        assert c.lower() in "reutafp" and len(c.lower()) == 1, repr(c)


@settings(max_examples=examples(500), deadline=None)
@given(st.text("reutsRsafpAFP .…^M\n\tſKİ", max_size=30))
@example("the end.  REUTERS...\n")
@example("ends here (afp) ^M ")
def test_a_sign_off_tail_is_found_where_its_words_are(text):
    if truncated_ending._SIGN_OFF_TAIL.search(text) is not None:
        assert truncated_ending._may_sign_off(text)


def test_the_sign_off_words_are_sign_off_lines():
    """NL303 takes a last paragraph that is one of `_SIGN_OFF_WORDS` for a sign-off line without
    the pattern: each is one."""
    assert truncated_ending._SIGN_OFF_WORDS
    for word in truncated_ending._SIGN_OFF_WORDS:
        assert truncated_ending._SIGN_OFF_LINE.match(word), word


def plain_truncated_ending(doc):
    """NL303's check as first written: the sign-off paragraphs taken out first, every story."""
    te = truncated_ending
    paragraphs = [p for p in doc.paragraphs if not te._SIGN_OFF_LINE.match(doc.slice(p).strip())]
    if len(paragraphs) < 2:
        return
    last = paragraphs[-1]
    text = doc.slice(last)
    tail = te._SIGN_OFF_TAIL.search(text) if te._may_sign_off(text) else None
    lines = text[: tail.start() if tail else len(text)].rstrip().split("\n")
    while len(lines) > 1 and te._SIGN_OFF_LINE.match(lines[-1].strip()):
        lines.pop()
    text = "\n".join(lines).rstrip()
    signed_off = tail is not None or len(paragraphs) < len(doc.paragraphs) or text != doc.slice(last).rstrip()
    if signed_off or te._TAGLINE.match(text):
        return
    end = last.start + len(text)
    if not text or doc.in_table(Span(end - 1, end)) or not doc.is_prose(Span(end - 1, end)):
        return
    if text.endswith(te._ENDS_WELL) or not text[-1].isalpha():
        return
    ends = list(te._SENTENCE_END.finditer(text))
    fragment = text[ends[-1].end() :] if ends else text
    if any(c.isdigit() for c in fragment) or fragment.strip().casefold() in te._INTERJECTIONS:
        return
    if ends and len(fragment.split()) <= te.MAX_STRAY_WORDS:
        yield Span(last.start + ends[-1].end(), end)
    elif text.split()[-1].casefold() in te._OPEN_WORDS and len(fragment.split()) >= te.MIN_CUT_WORDS:
        yield Span(end - len(text.split()[-1]), end)


ENDING_PIECES = (
    *("The talks went on. ", "He said the deal was agreed by the board of the ", "Syria", "and the"),
    *("Reuter", "REUTER...", "(Reporting by Jane Doe)", "AFP", "--", "Ends", "^M", "lol", "12 mths"),
    *("Clark Boyd is a writer", " afp", "more", "it was ", "\n", "\n\n", "\n  ", " ", ".", "é"),
)


@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(st.sampled_from(ENDING_PIECES), max_size=14).map("".join))
@example("The talks went on.\n\nReuter\n\nHe said the deal was agreed by the board of the and the")
@example("The talks went on.\n\nHe said it was agreed by Syria\n\nREUTER...")
@example("The talks went on.\n\nThe talks went on. Syria and the")
def test_truncated_ending_looks_for_sign_off_paragraphs_last(text):
    """NL303 asks whether a paragraph is a sign-off line only of a story it would report, and
    stops at once where the last paragraph ends well: it reports what the plain check does."""
    rule = Linter(Settings()).by_code["NL303"]
    doc = segment.parse(text)
    assert [v.span for v in rule.check(doc)] == list(plain_truncated_ending(doc))


def plain_body_sentences(doc):
    """NL305's body sentences and paragraph indexes as first written: a walk along the paragraphs."""
    body, paragraph_of, p, paragraphs = [], [], 0, doc.paragraphs
    for s in doc.sentences:
        if doc.headline is not None and s == doc.headline:
            continue
        while p < len(paragraphs) and paragraphs[p].end < s.end:
            p += 1
        if p == len(paragraphs):
            break
        body.append(s)
        paragraph_of.append(p)
    return body, paragraph_of


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(["Rain fell.", "HEADLINE", "It rained again", "“Yes.”", "\n\n", "\n", " "]),
        max_size=14,
    )
)
@example(["HEADLINE", "\n\n", "Rain fell.", " ", "It rained again", "\n\n", "Rain fell."])
def test_the_body_sentences_found_by_bisection_are_the_walks(parts):
    doc = segment.parse("".join(parts))
    body, paragraph_of = duplicated_sentence._body_sentences(doc)
    assert (body, [paragraph_of(k) for k in range(len(body))]) == plain_body_sentences(doc)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Rain fell.", "HEADLINE", "Rain fell", "It rained again", "“Yes.”", "\n\n", "\n", " "]
        ),
        max_size=14,
    )
)
@example(["HEADLINE", "\n\n", "Rain fell.", " ", "It rained again", "\n\n", "Rain fell."])
def test_body_sentences_repeat_a_start_only_where_the_stories_sentences_do(parts):
    """NL305 looks no further in a story none of whose sentences shares its start with another:
    its body sentences are some of them, so every start repeated among those is repeated among
    all the story's sentences."""
    doc = segment.parse("".join(parts))
    body, _ = duplicated_sentence._body_sentences(doc)
    among_all = {doc.sentences[i] for i in repeated_starts_in(doc.text, doc.sentences)}
    assert {body[i] for i in repeated_starts_in(doc.text, body)} <= among_all


LISTING_WORDS = st.sampled_from(
    ["colour", "Color", "COLOURS", "program", "Meters", "dependant", "centre-left", "colour's", "Zürich"]
    + ["wehn-issued", "labour-intensive", "Centre-Left", "re-organised", "accomodate's", "-colour"]
    + ["colour--", "Schering-Plough"]
) | st.text("aceilmnorstuAC'-é", min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(LISTING_WORDS, max_size=10),
    st.text("abcA", min_size=60, max_size=70).map(str.capitalize),
)
def test_the_letter_tests_that_declare_their_tables_and_shapes_select_as_their_calls(words, long_name):
    """NL201's and NL102's listed-word tests (`only`: their tables, once built) and NL202's name
    test (`decided`: a capitalised word up to the longest name, a lone capital) select what their
    calls select, unlisted words and names settled without a call."""
    from newslint.rules.naming._varieties import variants
    from newslint.rules.typos import known_misspelling

    len(variants())  # the variant table's dict built, as a corpus run builds it: its tables in use
    words = {*words, long_name, long_name[:64], "A", "UN", "McCain", "iPhone", "Regime's"}
    tests = [
        (english_variety_mix._CANDIDATES, english_variety_mix._lists),
        (known_misspelling._LISTED, known_misspelling._LISTED.passes),
        (name_variant._NAMES, name_variant._is_name),
    ]
    for test, call in tests:
        assert test._tables()[2] is not None or test is name_variant._NAMES
        assert test.select(words) == {w for w in words if call(w)}
        assert tokens.LetterTest(call).select(words) == test.select(words)


CLOSED_WORDS = st.sampled_from(
    ["airstrike", "Airstrike", "AIRSTRIKE", "airStrike", "zürichsee", "Zürichsee"]
) | (
    st.builds(
        lambda letters, n: (letters * 41)[:n], st.text("abAé-'", min_size=1, max_size=3), st.integers(0, 45)
    )
)


@settings(max_examples=200, deadline=None)
@given(st.lists(CLOSED_WORDS, max_size=12))
@example(["abcde", "abcdef", "a" * 40, "a" * 41, "Abcdef", "A" + "b" * 39, "A" + "b" * 40, "Aé" * 3])
def test_the_closed_form_test_s_declared_lengths_select_as_its_calls(words):
    """NL203's closed-form test (`_CLOSED`: shapes, a floor for three of them, and a range for a
    word of ASCII lowercase letters or a capital and then those, settled by its length alone)
    selects what its calls select, at both ends of its range and past them."""
    test = compound_spacing._CLOSED
    assert test.select(set(words)) == {w for w in words if compound_spacing._closed_form(w)}
    assert tokens.LetterTest(compound_spacing._closed_form).select(set(words)) == test.select(set(words))
    assert test._decided is not None and test._decided[0] == (6, 40)  # asked of no lowercase word


HYPHENATED_WORDS = st.sampled_from(
    ["set-up", "cut-out", "air-strike", "Air-Strike", "a-b-c-d", "x-ray", "e-mail", "co-op's", "F-16"]
    + ["al-Qaeda", "make-up", "built-in"]
) | st.text("abAé-'1.", min_size=0, max_size=9)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(HYPHENATED_WORDS, max_size=12))
@example(["ab-cd", "ab-cde", "abc-de", "a-bcd", "Ab-cd", "é-abcd", "ab'cd", "abcde-", "-abcde", "ab--cd"])
def test_the_hyphenated_compound_test_s_floor_selects_as_its_calls(words):
    """NL203's hyphenated-compound test (`_HYPHENATED`: words not of letters only, those shorter
    than SHORTEST_HYPHENATED failed by their length, unasked) selects what its calls select, at
    its floor and below it, whatever the characters."""
    test = compound_spacing._HYPHENATED
    expected = {w for w in words if compound_spacing._hyphenated_compound(w)}
    assert test.select(set(words)) == expected
    assert tokens.LetterTest(compound_spacing._hyphenated_compound).select(set(words)) == expected
    assert test._decided is not None and test._decided[5] == -1 - compound_spacing.SHORTEST_HYPHENATED


NAME_WORDS = st.sampled_from(
    [
        "Al",
        "Al's",
        "Bo",
        "Xi",
        "Kim",
        "Kim's",
        "McRae",
        "McCain's",
        "Zürich",
        "O'Neil",
        "Rinaldi",
        "Rinaldi's",
    ]
    + ["Rinaldo", "Iraq", "Eiffel", "ABBA", "abcd", "Abc’s", "Reigme", "Éo", "Éole"]
) | st.text("AaBbeé'’s-", min_size=1, max_size=7)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAME_WORDS, max_size=12))
def test_the_name_variant_tests_floors_select_as_their_calls(words):
    """NL202's tests of the names that may vary (`_may_vary`, of a name, and `_may_vary_as_written`,
    of a name as written), which declare a floor of MIN_LENGTH for every shape they ask, select
    what their calls select: a shorter word is no name that may vary, whatever its letters."""
    from newslint.rules.typos._words import english

    rule = Linter(Settings()).by_code["NL202"]
    len(english().words)  # the list's set built, as a corpus run builds it: the `fails` table in use
    for test, call in (
        (rule._may_vary, rule._may_vary_name),
        (rule._may_vary_as_written, rule._may_vary_written),
    ):
        assert test._tables()[1] is english().words
        assert test.select(set(words)) == {w for w in words if call(w)}
        assert tokens.LetterTest(call).select(set(words)) == test.select(set(words))


UNKNOWN_WORDS = st.sampled_from(
    ["inthe", "saidthe", "thegovernment", "tothe", "ot", "hte", "adn", "the", "regime", "Inthe", "in-the"]
) | st.text("adehinorst", min_size=1, max_size=9)


@settings(max_examples=200, deadline=None)
@given(st.lists(UNKNOWN_WORDS, max_size=12))
def test_the_unknown_word_tests_that_declare_the_word_list_select_as_their_calls(words):
    """NL104's and NL106's candidate tests (`fails`: the word list and the misspellings, once
    the list is built) select what their calls select, listed words settled without a call."""
    from newslint.rules.typos import run_together_words, short_slip
    from newslint.rules.typos._words import english, misspellings

    len(english().words)  # the list's set built, as a corpus run builds it: the table in use
    words = {*words, "inthe", "hte", "forthe", "thegovernment"}
    for test in (run_together_words._CANDIDATE, short_slip._CANDIDATE):
        listed, misspelt = test._tables()[1]
        assert listed is english().words and misspelt == misspellings().keys()
        assert test.select(words) == {w for w in words if test.passes(w)}
        assert tokens.LetterTest(test.passes).select(words) == test.select(words)


# A typo's letters: common openings (so that two-slip words exist), apostrophes and capitals too.
_TYPO = st.builds(
    lambda opening, rest: opening + rest,
    st.sampled_from(["co", "re", "pr", "st", "de", "in", "th", "wr", "do", "ch", "x"]),
    st.text("aeioustrnmdlcph'A", max_size=10),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_TYPO, min_size=1, max_size=8))
@example(["dont", "childrens", "dont", "thats", "companys", "writedown", "volatily", "volatily"])
def test_remembered_typo_answers_are_those_of_the_walks_they_replace(typos):
    """NL101's `_missing_apostrophe` and `two_slip_words`, remembered for a typo the corpus
    repeats, answer what their walks answer, asked in any order and again: each form with its
    apostrophe looked up in the list, and the common words of the typo's opening within two
    slips (the same members, in the same iteration order as the set it was built as)."""
    from newslint.native import near_words
    from newslint.rules.typos import _context
    from newslint.rules.typos import unknown_word as nl101
    from newslint.rules.typos._words import english

    for typo in typos:
        forms = [f for i in range(1, len(typo)) if (f := f"{typo[:i]}'{typo[i:]}") in english()]
        assert nl101._missing_apostrophe(typo) == (forms[0] if len(forms) == 1 else None)
        near = set(near_words(typo, _context._common_with_opening(typo[:2]))) if len(typo) >= 5 else set()
        found = _context.two_slip_words(typo)
        assert found == near and list(found) == list(near)
        assert _context.two_slip_words(typo) is found  # remembered, not walked again


_SENSE_WORDS = ["the", "THE", "trade", "labour", "labor", "is", "As", "as", "would", "to", "rough", "very"]
_SENSE_WORDS += ["ſuch", "Kind"]  # the long s and the Kelvin sign: s and k to a case-insensitive match
_SENSE_GLUE = ["", " ", "  ", "\n", " \n", "\n ", "\u00a0", "\x0b", ",", "'", "x", "_", "é", "1", "-"]


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.sampled_from(_SENSE_WORDS + _SENSE_GLUE), max_size=12))
def test_a_word_before_is_the_patterns_search(parts):
    """`_senses._word_before` (the search started where the last word can start) finds a match
    exactly where the pattern's search over the whole window does: whitespace of every kind at
    the end, a final line break, a word glued to a word character before it, the long s and the
    Kelvin sign that case-insensitive matching reads as s and k, a window of its words alone."""
    before = "".join(parts)
    for pattern, longest in (
        (_senses._NOUN_BEFORE, _senses._NOUN_LONGEST),
        (_senses._ADJECTIVE_BEFORE, _senses._ADJECTIVE_LONGEST),
        (_senses._AS_BEFORE, 2),
        (_senses._MODAL_BEFORE, _senses._MODAL_LONGEST),
        (_senses._DRAFTING_BEFORE, _senses._DRAFTING_LONGEST),
    ):
        assert _senses._word_before(pattern, longest, before) == bool(pattern.search(before)), pattern


def test_the_longest_words_of_the_sense_cues():
    """The bounds `_word_before` starts from: the longest word each cue names."""
    longest = (_senses._NOUN_LONGEST, _senses._ADJECTIVE_LONGEST, _senses._MODAL_LONGEST)
    assert longest == (len("broadcasting"), len("increasingly"), len("should"))
    assert len("preliminary") == _senses._DRAFTING_LONGEST


def test_truncated_ending_reads_a_good_ending_as_no_letter():
    """NL303 tests a story's last character with `isalpha` alone: every mark of `_ENDS_WELL`
    (the ends a story may stop at) is no letter, so `endswith(_ENDS_WELL)` decided nothing more."""
    ends_well = truncated_ending._ENDS_WELL
    assert ends_well and not any(c.isalpha() for c in ends_well)


@pytest.mark.parametrize("text", ["Paris -", "PARIS —", "x–", "", "-", "Paris", " - ", "Paris -\n"])
def test_duplicated_dateline_reads_a_dash_end_as_endswith(text):
    """NL306's one-character reads of a line's end agree with `str.endswith(_DASHES, ...)`."""
    dashes = duplicated_dateline._DASHES
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            last = text[end - 1 : end]
            assert (last in dashes and end > start) == text.endswith(dashes, start, end)
    assert (text[-1:] in dashes) == text.endswith(dashes)


USE_WORDS = st.sampled_from(["", "", "Mario", "J", "Bank", "National", "Smith", "Life"])
USES = st.lists(
    st.builds(_entities.Use, USE_WORDS, USE_WORDS, st.booleans(), st.booleans(), st.booleans()), max_size=6
)


@settings(max_examples=examples(1000), deadline=None)
@given(USES, USES, st.booleans())
@example([], [_entities.Use("", "Smith", False, False, False)], False)  # a lone use followed by a name
@example([_entities.Use("Mario", "", False, False, True)], [_entities.Use("J", "", False, True, True)], False)
def test_two_entities_read_as_far_as_needed_is_two_entities(mine, theirs, common_word):
    """`two_entities_read`, which reads the other name's uses one at a time and stops once the
    answer is settled, answers as `two_entities` does with all of them read."""
    body = sum(not u.in_headline for u in theirs)
    assert _entities.two_entities_read(mine, iter(theirs), body, common_word) == _entities.two_entities(
        mine, theirs, common_word
    )


VARIANT_TEXT = _words_text(
    [
        "Rinaldi",
        "Rinladi",
        "Rinaldi's",
        "Mario",
        "J",
        "Bank",
        "Inc",
        "Life",
        "Liffe",
        "Standard",
        "said",
    ]
    + ["Olympic", "Olympisc", "Briian", "Brian", "the", "Mr", "Regan", "Reagan", "Donald", "Smith"],
    30,
    (" ", " ", " ", "\n", ". ", "\n\n", ", "),
)


@settings(max_examples=examples(500), deadline=None)
@given(VARIANT_TEXT)
@example("Mario Rinaldi said. Rinaldi Bank. Rinaldi. J Rinladi said. Rinaldi")
@example("Standard Life said. Liffe. Liffe said. Life Inc")
def test_name_variant_reads_the_common_names_uses_only_as_far_as_needed(text):
    """NL202 reports as it does when every use of every name of a pair is read first."""
    rule = Linter(Settings()).by_code["NL202"]
    found = list(rule.check(segment.parse(text)))

    def every_use(mine, theirs, body, common_word):
        return _entities.two_entities(mine, list(theirs), common_word)

    with mock.patch.object(name_variant, "two_entities_read", every_use):
        assert list(rule.check(segment.parse(text))) == found
