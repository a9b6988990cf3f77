"""The structure rules' compare helpers: the fast rough key and NL301's shortcut agree with their
definitions; NL305's repeated paragraphs found from hashes are those found keeping each."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import segment
from newslint.rules.structure import _text, duplicated_headline, duplicated_sentence
from newslint.rules.structure._text import (
    ROUGH_START,
    normalise,
    repeated_starts,
    repeated_starts_in,
    rough_key,
    rough_start,
)
from newslint.rules.structure.duplicated_headline import DuplicatedHeadline
from newslint.span import Span
from tests.depth import examples

_NON_WORD = re.compile(r"\W+")


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(st.text(max_size=80), st.text(alphabet=st.characters(max_codepoint=127), max_size=80)))
def test_rough_key_is_the_word_characters_case_folded(text):
    """Of any text, and of ASCII text (which the byte tables key) with every mark and control."""
    assert rough_key(text) == _NON_WORD.sub("", text).casefold()


def test_rough_key_folds_case_and_drops_punctuation_and_space():
    assert rough_key("He said, “Straße!”  ΑΣ") == "hesaidstrasseασ"


# texts whose letters and digits thin out, or swell under case folding, after their first ones
SPARSE = st.lists(
    st.sampled_from(["a", "B", "7", "ß", "ﬁ", "İ", " ", "...", " — ", "\n", "'"]), max_size=80
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(st.text(max_size=120), SPARSE))
@example("ß" * 10 + "." * 60 + "abc")
@example("." * 47 + "a" * 20)
def test_rough_start_is_the_start_of_the_rough_key(text):
    assert rough_start(text) == rough_key(text)[:ROUGH_START]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.one_of(SPARSE, st.sampled_from(["Syria said.", "SYRIA  said", "syria, said!"])), max_size=12)
)
def test_repeated_starts_keeps_every_text_whose_key_another_shares(texts):
    kept = repeated_starts(texts)
    assert kept == sorted(kept)
    keys = [rough_key(text) for text in texts]
    assert {i for i, key in enumerate(keys) if keys.count(key) > 1} <= set(kept)


# ASCII stories (keyed as bytes) and others, whose parts repeat in case and punctuation
STORY = st.one_of(
    st.lists(
        st.sampled_from(["Syria said.", "SYRIA  said", "syria, said!", "a_b", "...", "\n", " "]), max_size=30
    ),
    st.lists(st.one_of(SPARSE, st.text(max_size=30)), max_size=12),
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(STORY, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=12))
@example("x" * 30 + "." * 60 + "y" * 30, [(0, 120), (30, 120), (1, 120)])
@example("Syria said. " * 8 + "SYRIA, said" * 8, [(0, 96), (96, 184), (0, 40)])
def test_repeated_starts_in_a_text_is_repeated_starts_of_its_slices(text, bounds):
    spans = [Span(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds]
    assert repeated_starts_in(text, spans) == repeated_starts([text[s.start : s.end] for s in spans])


# stories mostly ASCII with a curly quote or accent here and there, whose parts' keys agree
# across the two (a quote is no word character): ASCII spans and others in one story
MIXED = st.lists(
    st.sampled_from(
        ["Syria said.", "SYRIA  said", "‘Syria’ said", "Zoë said", "zoë, said!", "ß", ".", "\n", " "]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(MIXED, st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=12))
@example("‘Syria’ said Syria said", [(0, 12), (12, 23)])
@example("é" + "." * 60 + "Syria said" + "." * 60 + "Syria said", [(0, 71), (71, 141)])
def test_repeated_starts_in_a_mixed_text_is_repeated_starts_of_its_slices(text, bounds):
    spans = [Span(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds]
    assert repeated_starts_in(text, spans) == repeated_starts([text[s.start : s.end] for s in spans])


def test_repeated_starts_in_a_mixed_text_pairs_ascii_and_curly_spans():
    text = "‘Syria’ said on Monday. Syria said on Monday. Rebels said."
    spans = [Span(0, 23), Span(24, 45), Span(46, 58)]
    assert repeated_starts_in(text, spans) == [0, 1]


def test_repeated_starts_drops_texts_of_their_own_start():
    texts = ["Syria said on Monday that", "SYRIA said, on Monday, that it", "Rebels said"]
    assert repeated_starts(texts) == [0, 1]
    assert repeated_starts(["Syria", "Rebels"]) == []


OPENING = st.lists(
    st.sampled_from(
        [
            "Syria",
            "syria",
            "U.S.-led",
            "airstrikes",
            "kill",
            "dozens",
            "of",
            "soldiers",
            " ",
            " ",
            "  ",
            "\n",
            ":",
            ".",
            ",",
            "'",
            "’",
            "“",
            "—",
            "-",
            "ﬁ",
            "é",
            "\u00a0",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(OPENING, OPENING)
@example("Syria: airstrikes kill dozens of soldiers", "Syria: airstrikes kill dozens of soldiers. Syria said")
@example("Syria: airstrikes kill dozens of soldiers", "SYRIA:  airstrikes kill dozens of soldiers: Dozens")
def test_repeated_headline_opening_is_found_as_without_the_ascii_shortcut(head, rest):
    body = head + rest if len(rest) % 2 else rest + head  # half of them open with the headline
    key = normalise(head)
    found = DuplicatedHeadline._repeated_prefix(head, key, body)
    with mock.patch.object(duplicated_headline, "_may_open_with", lambda opening, key: True):
        assert found == DuplicatedHeadline._repeated_prefix(head, key, body)


@settings(max_examples=examples(500), deadline=None)
@given(OPENING)
@example("“Syria’s  war”\u00a0— ﬁne…")
def test_normalise_takes_its_ascii_shortcut_only_where_the_long_way_agrees(text):
    long_way = (
        unicodedata.normalize("NFKC", _text._INVISIBLE.sub("", text))
        .translate(_text._QUOTES)
        .translate(_text._DASHES)
    )
    assert normalise(text) == _text._SPACE.sub(" ", long_way).strip().casefold().rstrip(".!?:;,'\" ")


# a lede against a headline: the same words in other case, spacing or end punctuation, or others
LEDE = st.tuples(OPENING, st.sampled_from(["", ".", " .", "  ", "\n", ":", "!'"]), st.booleans()).map(
    lambda t: (t[0].upper() if t[2] else t[0]) + t[1]
)


@settings(max_examples=examples(1000), deadline=None)
@given(OPENING, LEDE, st.sampled_from([0, 1, 2]))
@example("Syria said", "  SYRIA   said.", 0)
@example("a" * 40, "  " + "A" * 40 + "\n\n.", 0)
@example("Syria said", "Syria" + " " * 30 + "said", 0)
def test_may_equal_is_false_only_where_the_normal_forms_differ(head, lede, pick):
    text = [lede, head + lede, "   " * 10 + lede][pick]
    key = normalise(head)
    if not duplicated_headline._may_equal(text, key):
        assert normalise(text) != key


@settings(max_examples=examples(1000), deadline=None)
@given(OPENING, LEDE, st.booleans())
@example("Syria said", "Syria\tsaid", False)
@example("Syria said", "Syr", False)
@example("Syria said", " \n SYRIA", False)
def test_an_opening_unlike_the_key_neither_begins_with_it_nor_begins_it(head, lede, spaced):
    """NL301's first-word test rules an ASCII opening out only where its folded start (the
    pattern's way) neither begins with the headline's key nor begins it."""
    key = normalise(head)
    opening = (" \t\n " if spaced else "") + lede
    if key and opening.isascii() and duplicated_headline._opens_unlike(opening, key):
        start = duplicated_headline._GAP.sub(" ", opening).lstrip().lower()
        assert not start.startswith(key) and not key.startswith(start)


# a lede's characters, with those `normalise` changes: a combining mark NFKC joins to the letter
# before it, an invisible character, a ligature, curly quotes, dashes, no-break space
LEDE_CHARS = st.lists(
    st.sampled_from(["Syria", "syria", "Sy", "s", "said", " ", "  ", "\n", ".", ":", "'", "’", "“", "—"])
    | st.sampled_from(["\u0301", "\u0327", "\u200b", "\u00ad", "ﬁ", "é", "\u00a0", "\u2003", "Ｓ"]),
    max_size=12,
).map("".join)


def _stretches_unlike(text, key):
    """No stretch of `text` from its start normalises to `key`."""
    return all(normalise(text[:i]) != key for i in range(len(text) + 1))


@settings(max_examples=examples(3000), deadline=None)
@given(OPENING, LEDE_CHARS, st.sampled_from([0, 1, 2, 3]))
@example("Syria said", "Syrians said", 0)
@example("Syria said", " Iran said", 0)
@example("Syria", "Syri\u0301a", 0)
@example("Syria", "Syria\u0301", 0)
@example("syria", "Syri", 0)
@example("Syria said", "Syria  said\u200b", 0)
@example("syrié", " " * 16 + "Syrie\u0301", 0)  # the mark after the opening joins its last letter
@example("Syria said", "Iran said", 0)
@example(" ...", "Syria", 0)
@example("  Syria", "syria", 0)
@example("Syria", "\u0301yria", 3)
@example("Syria", "\uff33yria", 0)  # a full-width letter NFKC makes ASCII
def test_unlike_tests_rule_a_lede_out_only_where_no_stretch_of_it_is_the_key(head, lede, pick):
    """NL301's first-character test (`_first_unlike`) and first-word test (`_unlike`) rule a
    lede out only where no opening of it, nor the whole, normalises to the headline's key (or
    the key is empty)."""
    text = [lede, head + lede, "Syria" + lede, "S" + lede][pick]
    key = normalise(head)
    if key and duplicated_headline._unlike(text, key):
        assert _stretches_unlike(text, key)
    if duplicated_headline._first_unlike(head, text):
        assert not key or _stretches_unlike(text, key)


# white space of every kind `\s` reads (ASCII, the separators, a no-break space), and not
FOLDED_CHARS = "aB. \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2028\u3000\u200bé"


@settings(max_examples=examples(1000), deadline=None)
@given(st.text(FOLDED_CHARS, max_size=24))
@example("  Syria  said \n")
@example(" \t\n ")
def test_folded_is_the_white_space_pattern_folded_and_left_stripped(text):
    """NL301's `_folded` (str.split) folds and strips the white space its `_GAP` pattern reads,
    Unicode's (`\\s`): the start `_may_equal` and `_may_open_with` compare with the key."""
    assert duplicated_headline._folded(text) == duplicated_headline._GAP.sub(" ", text).lstrip()


def _repeated_paragraphs_every_one_kept(doc):
    """NL305's repeated paragraphs as first written: every paragraph normalised and kept."""
    seen = {normalise(doc.slice(doc.headline))} if doc.headline else set()
    out = set()
    for i, p in enumerate(doc.paragraphs):
        key = normalise(doc.slice(p))
        if key in seen:
            out.add(i)
        seen.add(key)
    return out


# paragraphs that repeat exactly, or under `normalise` only (case, spacing, quotes, NFKC's
# full-width letters, end punctuation), or not at all
PARAGRAPH = st.sampled_from(
    [
        "Talks resume on Monday.",
        "talks  resume on MONDAY",
        "Ｔalks resume on Monday!",
        "“We will win,” he said.",
        '"We will win," he said.',
        "Officials declined to comment. Officials declined to comment.",
        "Prices rose.",
        "",
    ]
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=8))
def test_repeated_paragraphs_are_those_every_paragraph_kept_finds(paragraphs):
    """NL305's paragraphs that repeat one before them (or the headline), found from the hashes
    of their normal forms, are those found by keeping every paragraph's normal form; its body
    sentences and their paragraphs, kept apart, are the pairs they were."""
    doc = segment.parse("\n\n".join(paragraphs))
    assert duplicated_sentence._repeated_paragraphs(doc) == _repeated_paragraphs_every_one_kept(doc)
    body, paragraph_of = duplicated_sentence._body_sentences(doc)
    pairs, p = [], 0
    for s in doc.sentences:
        if s == doc.headline:
            continue
        while p < len(doc.paragraphs) and doc.paragraphs[p].end < s.end:
            p += 1
        if p == len(doc.paragraphs):
            break
        pairs.append((s, p))
    assert [(s, paragraph_of(k)) for k, s in enumerate(body)] == pairs


# paragraphs of the characters `normalise` changes; a combining mark right after the 16th
# letter of an ASCII start, which NFKC joins to it (the compiled keys' one blind spot)
MIXED_PARAGRAPH = st.one_of(
    PARAGRAPH,
    LEDE_CHARS,
    st.sampled_from(["Talks resume on Mae\u0301 said.", "Talks resume on Maé said.", "Talks resume on Mae."]),
)


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(MIXED_PARAGRAPH, min_size=1, max_size=8))
@example(["Head", "Talks resume on Mae\u0301 said.", "Talks resume on Maé said."])
@example(["Head", "Talks resume on Maé said.", "Talks resume on Mae\u0301 said."])
@example(["Talks resume on Mae\u0301 said.", "“Talks” resume on Maé said.", "Ｔalks resume on Mae said"])
def test_the_normal_starts_hold_every_paragraph_whose_normal_form_another_shares(paragraphs):
    """NL305 normalises only the paragraphs `_normal_starts` gives (compiled keys, and the twin):
    every one whose normal form another's is, in order; so the paragraphs found repeated are
    those found by keeping every paragraph's normal form."""
    doc = segment.parse("\n\n".join(paragraphs))
    spans = [doc.headline, *doc.paragraphs] if doc.headline else list(doc.paragraphs)
    forms = Counter(normalise(doc.slice(s)) for s in spans)
    shared = [j for j, s in enumerate(spans) if forms[normalise(doc.slice(s))] > 1]
    for found in (
        duplicated_sentence._normal_starts(doc.text, spans),
        duplicated_sentence._repeated_normal_starts(doc.text, spans),
    ):
        assert found == sorted(set(found))
        assert set(shared) <= set(found)
    assert duplicated_sentence._repeated_paragraphs(doc) == _repeated_paragraphs_every_one_kept(doc)
