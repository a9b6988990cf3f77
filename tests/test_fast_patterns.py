"""Patterns rewritten for speed agree with their plain definitions.

A pattern that opens with a look-behind or a word boundary makes Python's regex engine try it
at every position of a story; the same pattern written to open with a character (the
look-behind moved after it) lets the engine skip to that character. The fast forms are harder to
read, so each is checked here against the plain form it replaces, on story-shaped text.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import figures, quotations, segment, tokens
from newslint.config import Settings
from newslint.lint import Linter
from newslint.native import native as compiled
from newslint.rules.naming import abbreviation_style, name_variant
from newslint.rules.naming import english_variety_mix as variety_mix
from newslint.rules.numbers import _common as number_rules
from newslint.rules.numbers import (
    minute_separator_mix,
    percent_style_mix,
    thousands_separator_mix,
    time_format_mix,
)
from newslint.rules.structure import _text as structure_text
from newslint.rules.structure import boilerplate_line, duplicated_dateline
from newslint.rules.typography import double_space, quote_style_mix, tab_in_prose
from newslint.rules.typos import doubled_word
from newslint.span import LineIndex, Span
from tests.depth import examples

_PARTICLE = r"(?:(?:al|el|ad|as|ash|ez|az|an|bin|abu)[- ])"
PLAIN = {
    "token": (tokens.TOKEN, tokens.TOKEN_DEFINITION),
    "spaced name": (
        name_variant._SPACED_NAME,
        rf"\b{_PARTICLE}?[A-Z][a-z]+(?:[A-Z][a-z]+|[ -]{_PARTICLE}?[A-Z][a-z]+)?\b",
    ),
    "abbreviation form": (
        abbreviation_style._FORMS,
        r"(?<![\w.])(?:(?:[A-Z]\.){2,}|[A-Z]{2,}(?!\w|\.\w)|[A-Z][a-z]{3,}(?![\w]))",
    ),
    "apostrophe": (quote_style_mix._APOSTROPHE, r"(?<=[^\W\d_])['’](?=[^\W\d_])|(?<=[sS])['’](?=\s)"),
    "space run": (double_space._RUN, r"(?<=\S)[ \u00a0]{2,}(?=\S)"),
    "doubled word": (doubled_word._DOUBLE, re.compile(r"\b(\w+)(\s+)(\1)\b", re.IGNORECASE)),
    "handle": (segment._HANDLE, r"(?<![\w@])@\w{1,30}"),
    "furniture line": (boilerplate_line._LINE, re.compile(r"\n" + boilerplate_line._OPENINGS, re.IGNORECASE)),
    "hashtag": (segment._HASHTAG, r"(?<![\w&#])#[A-Za-z]\w*"),
    "quote mark": (quotations._MARK, r"[\"“”„‟«»‹›‚‛`]|(?<!\w)['’‘]|['’‘](?!\w)"),
    "British money sign": (variety_mix._SIGNS["gb"][0][2], r"£|\bper cent\b|\bpence\b"),
    "British title": (variety_mix._SIGNS["gb"][1][2], r"\b(?:Mr|Mrs|Ms|Dr)\s[A-Z]"),
    "British abbreviation": (
        variety_mix._SIGNS["gb"][4][2],
        r"\b(?:UK|BBC)\b|\bUS(?:-[a-z]|\b(?!\.)(?<=[a-z] US))",
    ),
    "British colon before a quotation": (
        variety_mix._SIGNS["gb"][5][2],
        r"(?<=\bsaid|\bsays):[ \t\n]*[\"“]|(?<=\badded):[ \t\n]*[\"“]",
    ),
    "British towards": (variety_mix._SIGNS["gb"][6][2], r"\btowards\b"),
    "American percent": (variety_mix._SIGNS["us"][0][2], r"\bpercent\b"),
    "American title": (variety_mix._SIGNS["us"][1][2], r"\b(?:Mr|Mrs|Ms|Dr)\.\s[A-Z]"),
    "British date": (variety_mix._SIGNS["gb"][2][2], rf"\b\d{{1,2}}\s{variety_mix._MONTH}\b"),
    "American desk": (
        variety_mix._US_DESK,
        r"\b(?:Inc|Corp|cts|Senate|Congress|Congressional|USDA|IRS|Internal Revenue|Reagan|Wall Street"
        r"|Nasdaq|Texas|California|Washington|[Ff]ederal)\b",
    ),
    "British desk": (
        variety_mix._GB_DESK,
        r"\b(?:stg|Plc|PLC|Ltd|EC|Community|francs?|Paris|Bundesbank|Ministry|sterling|tonnes?|Ecus?"
        r"|Chancellor|Bonn|marks|yen|Tokyo|Japan|Japanese|Hong Kong|Singapore|Australian?)\b",
    ),
}

PIECES = st.sampled_from(
    [
        "al",
        "al-",
        "el ",
        "ash-",
        "bin ",
        "abu ",
        "ez-",
        "as",
        "Qaeda",
        "Time",
        "Warner",
        "TimeWarner",
        "U.S.",
        "US",
        "U.N.",
        "Nato",
        "NATO",
        "a.m.",
        "e.g.",
        "450.000",
        "1,234",
        "5:50",
        "3.5",
        "F-16s",
        "regime's",
        "farmers'",
        "don’t",
        "Rock'n'roll",
        "_x",
        "x_1",
        "é",
        "Ünal",
        "١٢٣",
        "'",
        "’",
        "‘",
        "“",
        "”",
        "„",
        "«",
        "»",
        "``",
        "''",
        "-",
        ".",
        ",",
        ":",
        " ",
        "  ",
        "\u00a0",
        "\t",
        "\n",
        "(",
        '"',
        "s",
        "S",
        "x",
        "B",
        "bal",
        "Deir",
        "Zor",
        "the the",
        "The the",
        "said",
        "says",
        "added",
        "towards",
        "“",
        "ſ",
        "K",
        "k",
        "@",
        "@@",
        "#",
        "&#",
        "x@y",
        "#tag",
        "@user",
        "£",
        "per cent",
        "pence",
        "percent",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Mr.",
        "Dr.",
        "UK",
        "BBC",
        "the US",
        "US-led",
        "xp",
        "5",
        "25",
        "125",
        "x1",
        "February",
        "May",
        "Inc",
        "Congress",
        "Congressional",
        "Internal Revenue",
        "Wall Street",
        "federal",
        "Federal",
        "EC",
        "Ecus",
        "Japan",
        "Japanese",
        "Hong Kong",
        "Australian",
        "tonnes",
        "Plc",
        "sterling",
        "\nRead more",
        "\n Share",
        "\nſhare",
        "\n©",
        "\n12 min",
        "Photo:",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=60))
EXAMPLES = [
    "In the U.S. al-Qaeda and al Qaeda met Time Warner; NATO and Nato, the farmers' land, 450.000 and 3.5",
    "bin Laden el-Sisi as-Sad Ad-Dawr an-Nur ash-Shara ez-Zor abu Bakr, X.Y.Z. and a.b",
    "He said  so.\u00a0\u00a0Then  \u00a0 it's over  ",
    "_a_b 5_000 12:30:45 1.2.3 x'y’z-w- -x",
    "xMr B, Mrs C, MrsD, Ms E, xDr F, Dr. G, Mr. H, xMr. I: £5, per cent, per cents, xpence, pence.",
    "UKx UK xUK BBC xBBC, the US, US-led, US. US percent xpercent percents, the the The the",
    'He said: "Go" xsaid:"x" says:\n“Hi” added: x towards xtowards towardsx',
    "@a x@b @@c #d x#e &#f ##g #1 @" + "h" * 40 + " #",
    "x\nRead more: y\n  ADVERTISEMENT\n\t4 min read\n© 2026\nſhare\nThe end\nreuters/X\n\nRelated",
    "on 25 February, 125 May, x1 March, 3\nJune, 12 Mayor; Inc Incx xInc Congressional Congress, federal",
    "EC Ecu Ecus ECx Japanese Japan Japanx Hong Kong Hong  Kong stg sterling Plc PLC xPLC Australian",
]


@pytest.mark.parametrize("name", sorted(PLAIN))
@pytest.mark.parametrize("text", EXAMPLES)
def test_fast_pattern_matches_like_its_definition_on_examples(name, text):
    fast, plain = PLAIN[name]
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.compile(plain).finditer(text)]


@settings(max_examples=examples(400), deadline=None)
@given(TEXTS)
def test_fast_patterns_match_like_their_definitions(text):
    for name, (fast, plain) in PLAIN.items():
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in re.compile(plain).finditer(text)
        ], name


SPACE_PIECES = st.lists(
    st.sampled_from([" ", "  ", "   ", "\u00a0", "\t", "\n", "x", "A.", "-", "\u2003"]), max_size=40
)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(SPACE_PIECES.map("".join), TEXTS))
@example("\n    Indented  line  \n  x  y   \nA.  B")
@example("  x\t  y  \n")
def test_the_space_runs_found_by_search_are_the_patterns_matches(text):
    """NL501 tries its pattern only at the runs of two spaces `str.find` finds: the same matches
    as the pattern's scan of the whole text."""
    assert [m.span() for m in double_space.space_runs(text)] == [
        m.span() for m in double_space._RUN.finditer(text)
    ]


TAB_PIECES = st.lists(
    st.sampled_from(["\t", "\t\t", " ", "\n", "\u00a0", "\u2003", "x", "A.", "é"]), max_size=30
)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(TAB_PIECES.map("".join), TEXTS))
@example("a\tb\t\tc \td\t e\t")
@example("\tx\t\t\u2003y\t\t")
def test_the_tab_runs_found_by_search_are_the_patterns_matches(text):
    """NL503 reads the runs of tabs `str.find` finds, not its pattern's scan of every character:
    the same spans as the pattern's matches."""
    assert list(tab_in_prose.tab_runs(text)) == [m.span() for m in tab_in_prose._TAB.finditer(text)]


STYLE_TEXTS = st.text(
    alphabet=st.sampled_from(
        "‘’‚‛′ʼ“”„″–—−‐‑\u00ad\u200b\u200c\u200d\u2060\ufeffﬁＳé\u0301e '\"-.!? \n\u00a0a"
    ),
    max_size=30,
)


WHITE_TEXTS = st.text(
    alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u2028\u3000\u200bab.,'\"–é:"), max_size=30
)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(WHITE_TEXTS, STYLE_TEXTS, TEXTS))
@example("  Two\n\t words.  ")
@example("“Syria’s\u00ad\u200b  war” — ″ﬁne″ – ‑a‐b−c")
def test_normalise_folds_white_space_as_its_regex_did(text):
    """The structure rules' `normalise` folds white space with `str.split`: the same form as a
    `\\s+` replaced by one space and the ends stripped, for every kind of white space; and it
    folds the quote and dash styles, and drops the invisible characters, by searches and
    replaces: the same form as the two tables' `translate` and the pattern's `sub`."""
    if not text.isascii():
        folded = structure_text.unicodedata.normalize("NFKC", structure_text._INVISIBLE.sub("", text))
        folded = folded.translate(structure_text._QUOTES).translate(structure_text._DASHES)
    else:
        folded = text
    by_regex = structure_text._SPACE.sub(" ", folded).strip().casefold().rstrip(".!?:;,'\" ")
    assert structure_text.normalise(text) == by_regex


DATELINE_PIECES = st.lists(
    st.sampled_from(
        ["WASHINGTON", "ST. LOUIS", "KYIV", ", Ukraine", " (Reuters)", " (AP)", " Feb 26", ",", " ", "\n"]
        + ["-", "--", "–", "—", " - ", "x", ".", "'", "(", ")"]
    ),
    max_size=14,
)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(DATELINE_PIECES.map("".join), TEXTS))
@example("KYIV, Ukraine (AP) —")
@example("WASHINGTON (Reuters) - WASHINGTON")
def test_a_whole_dateline_line_ends_in_one_of_the_dashes_tested_first(text):
    """NL306 tries its dateline pattern on a whole line only when the line ends in a dash: the
    pattern matches no line that ends otherwise."""
    if duplicated_dateline._DATELINE_LINE.fullmatch(text):
        assert text.endswith(duplicated_dateline._DASHES)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_fast_token_pattern_agrees_within_bounds(text, data):
    """Tokens are matched sentence by sentence (finditer with pos and endpos)."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = re.compile(tokens.TOKEN_DEFINITION)
    assert [m.span() for m in tokens.TOKEN.finditer(text, start, end)] == [
        m.span() for m in plain.finditer(text, start, end)
    ]


END_PIECES = st.lists(
    st.sampled_from(
        [".", "...", "!", "?", "?!", '"', "”", "’", "'", ")", "]", " ", "  ", "\n", "\t", "“", "‘"]
    )
    | st.sampled_from(["(", "[", "The", "A", "x", "5", "he", "U.S.", "Mr.", "e.g.", "Jan."]),
    max_size=40,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(END_PIECES, TEXTS), st.data())
def test_sentence_ends_agree_with_the_plain_pattern(text, data):
    """Sentence ends are found within a paragraph's bounds (pos and endpos)."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = re.compile(segment.SENTENCE_END_DEFINITION)
    assert [m.span() for m in segment.sentence_ends(text, start, end)] == [
        m.span() for m in plain.finditer(text, start, end)
    ]


@settings(max_examples=examples(300), deadline=None)
@given(TEXTS, st.sampled_from(["\n Reuter\n", "\n REUTER\n", "", "\nReuter"]))
def test_the_wire_desk_that_stops_early_is_the_counts_answer(text, sign_off):
    """NL201's wire desk stops reading the British subjects once they are as many as the
    American ones: the answer is still the plain count's (American when they outnumber)."""
    text += sign_off
    american = len(set(variety_mix._US_DESK.findall(text)))
    british = len(set(variety_mix._GB_DESK.findall(text)))
    sign = variety_mix._SIGN_OFF.search(text[-40:])
    expected = None
    if sign is not None:
        expected = "gb" if sign.group(1) == "REUTER" else "us" if american > british else None
    assert variety_mix.EnglishVarietyMix._wire_desk(text) == expected


DESK_PIECES = st.lists(
    st.sampled_from(
        list(variety_mix._US_SUBJECTS + variety_mix._GB_SUBJECTS)
        + ["x", "_", "5", "é", " ", "-", ".", "\n", "s", "ese", "Hong", "Kong", "re", "fa", "ional", "n"]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(DESK_PIECES, TEXTS), st.integers(1, 30))
def test_the_desk_subjects_found_by_search_are_the_patterns_matches(text, most):
    """NL201 finds the wire desks' subjects by `str.find`: as many, up to `most`, as the
    patterns' distinct matches."""
    for words, pattern in (
        (variety_mix._US_SUBJECTS, variety_mix._US_DESK),
        (variety_mix._GB_SUBJECTS, variety_mix._GB_DESK),
    ):
        expected = min(most, len(set(pattern.findall(text))))
        assert variety_mix._subjects(text, words, most) == expected
        if compiled is not None:
            assert compiled.whole_words(text, words, most) == expected


WIDE_DESK_PIECES = st.lists(
    st.sampled_from(
        list(variety_mix._US_SUBJECTS[:6] + variety_mix._GB_SUBJECTS[:6])
        + ["é", "ª", "\xa0", "’", "Ĳ", "\u0660", "x", " ", "_", "I", "C"]
    ),
    max_size=20,
).map("".join)


@pytest.mark.skipif(compiled is None, reason="the compiled helpers are not built")
@settings(max_examples=examples(500), deadline=None)
@given(WIDE_DESK_PIECES, st.integers(1, 30), st.sampled_from(["", "é", "’"]))
def test_whole_words_reads_every_width_of_text_as_its_twin(text, most, pad):
    """The compiled `whole_words` walks a text of one byte a character for the words' first
    characters alone, reading the character before one only there: the twin's count all the same,
    after a Latin-1 word character (`é`, `ª`) or none, and in a wider text (`’`)."""
    text += pad
    for words in (variety_mix._US_SUBJECTS, variety_mix._GB_SUBJECTS, ("x", "_x", "Iª", "C_")):
        assert compiled.whole_words(text, words, most) == variety_mix._subjects(text, words, most)


HINT_PIECES = st.lists(
    st.sampled_from(
        ["://", "www", "WWW", ".", "com", "CoM", "uk", "UK", "in", "int", "İnt", "ınt", "Kelvin", "\u212a"]
    )
    | st.sampled_from(["sic", "SIC", "ſic", "[", "]", "(", ")", "x", " ", "\n", "mu", "é", "io", "biz", "ſ"]),
    max_size=30,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(HINT_PIECES, TEXTS))
def test_the_url_and_sic_hints_miss_nothing_their_patterns_find(text):
    """The substring tests that stand before the URL and [sic] scans are true wherever the
    case-blind patterns they replace match, whatever letters fold to ASCII ones."""
    if segment._URL_HINT.search(text):
        assert segment._may_hold_url(text)
    expected = []
    for mark in segment._SIC_HINT.finditer(text):  # the scan without its substring test
        start = mark.start()
        while start > 0 and segment._BEFORE_SIC.match(text, start - 1):
            start -= 1
        expected += [(m.start(1), m.end()) for m in segment._SIC.finditer(text, start, mark.end())]
    assert [tuple(s) for s in segment._sic_spans(text)] == expected


@pytest.mark.parametrize(
    "text", ["go to x.İnt now", "go to x.ınt now", "site.u\u212a now", "it [ſic] was", "It (SIC) was"]
)
def test_the_hints_see_letters_that_fold_to_ascii(text):
    assert segment._URL_HINT.search(text) or segment._SIC_HINT.search(text)
    assert segment._may_hold_url(text) or list(segment._sic_spans(text))


SIGN_PIECES = st.lists(
    st.sampled_from(["Mr", "Mrs", "Ms", "Dr", "M", "D", "r", "s", ".", " ", "\n", "Brown", "x", "£", "5"])
    | st.sampled_from(
        ["per cent", "percent", "pence", "UK", "US", "BBC", "the", ":", '"', "said", "towards", "May", "June"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(SIGN_PIECES, TEXTS))
def test_every_house_sign_holds_one_of_its_hints(text):
    """NL201 runs a sign's pattern only when the story holds one of its literals (both varieties'
    titles share one test: "Mr." holds "Mr"): every match holds one of them, so a story without
    them has no match to miss."""
    for signs in variety_mix._SIGNS.values():
        for _weight, hints, pattern, _at in signs:
            for m in pattern.finditer(text) if hints else ():
                assert any(hint in m.group() for hint in hints), (m.group(), hints)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(SIGN_PIECES, TEXTS))
@example("Mr Dr Smith and Dr Mr Brown, Dr. Mr. Jones, £ pence")
def test_a_sign_of_two_alternatives_is_its_parts_and_each_holds_its_hints(text):
    """NL201 scans a story that holds the literals of one alternative of a sign's pattern for that
    alternative alone (`_SIGN_PARTS`): the pattern is the two alternatives, every match of each
    holds one of its literals, and where the text holds one part's literals alone that part's
    matches are the whole pattern's."""
    for pattern, ((first_hints, first), (second_hints, second)) in variety_mix._SIGN_PARTS.items():
        assert pattern.pattern == f"{first.pattern}|{second.pattern}"
        for part, hints in ((first, first_hints), (second, second_hints)):
            for m in part.finditer(text):
                assert any(hint in m.group() for hint in hints), (m.group(), hints)
        whole = [m.span() for m in pattern.finditer(text)]
        if not any(hint in text for hint in second_hints):
            assert [m.span() for m in first.finditer(text)] == whole
        if not any(hint in text for hint in first_hints):
            assert [m.span() for m in second.finditer(text)] == whole


@settings(max_examples=examples(300), deadline=None)
@given(SIGN_PIECES)
def test_the_house_signs_are_counted_up_to_three(text):
    """NL201 stops a sign's scan at its third match: the count `findall` gives, up to three."""
    for signs in variety_mix._SIGNS.values():
        for _weight, _hints, pattern, at in signs:
            if at is None:
                found = len(pattern.findall(text))
                assert variety_mix._first_matches(pattern, text) == min(variety_mix.MAX_SIGNS, found)


@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["U", "UK", "US", "US-", "B", "BBC", "BC", "K", "S", "-", "a", "x", "the", " ", ".", "5"]
        ),
        max_size=30,
    ).map("".join)
)
def test_the_british_abbreviations_are_counted_as_their_two_parts(text):
    """NL201 counts "UK", "BBC" and "the US" as its pattern's two alternatives apart, each found
    by its first letter: the two counts add up to the whole pattern's (no match of one starts
    inside one of the other's), and so do the counts up to three."""
    whole = variety_mix._BRITISH_ABBREVIATIONS
    assert variety_mix._SIGNS["gb"][4][2] is whole
    parts = variety_mix._ABBREVIATION_PARTS
    assert sum(len(part.findall(text)) for part in parts) == len(whole.findall(text))
    counted = min(variety_mix.MAX_SIGNS, sum(variety_mix._first_matches(part, text) for part in parts))
    assert counted == variety_mix._first_matches(whole, text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(SIGN_PIECES, TEXTS).map(lambda t: t + " 25 February, 4.88m and 10km"))
def test_the_house_signs_read_the_documents_digit_runs_as_their_own(text):
    """NL201's evidence reads the digit runs its document found once for the story (the number
    rules read them too): the signs it counts are those it counts from runs of its own."""
    doc = segment.parse(text)
    assert variety_mix._Evidence(doc.text, "", doc).house() == variety_mix._Evidence(doc.text).house()


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(SIGN_PIECES, TEXTS), st.sampled_from([(), ("us",), ("gb",), ("gb", "us")]))
def test_the_house_signs_are_the_signs_whose_literals_the_story_holds(text, varieties):
    """NL201 looks for all its signs' literals in one pass (`_held`): it counts what a search of
    each sign's literals in turn, then its pattern, counts."""
    expected: dict[str, int] = {}
    runs = figures.digit_runs(text)
    for variety in ("gb", "us"):
        if variety not in varieties:
            continue
        for weight, hints, pattern, at in variety_mix._SIGNS[variety]:
            if hints and not any(hint in text for hint in hints):
                continue
            found = pattern.findall(text) if at is None else figures.matches_at(pattern, text, runs[at])
            n = len(found)
            expected[variety] = expected.get(variety, 0) + weight * min(variety_mix.MAX_SIGNS, n)
    assert dict(variety_mix.EnglishVarietyMix._house_signs(text, varieties=varieties)) == expected


COUNTS = st.dictionaries(st.sampled_from(["us", "gb", "other"]), st.integers(0, 9), max_size=3)


@given(COUNTS, COUNTS)
def test_the_summed_evidence_is_the_counters_sum(spellings, signs):
    """NL201 reads a story's spellings and signs together without adding the Counters (`_summed`):
    the counts (none below 0) read what their sum reads, a count the sum leaves out as 0."""
    summed = Counter(spellings) + Counter(signs)
    assert variety_mix._summed(Counter(spellings), Counter(signs)) == (summed["us"], summed["gb"])


@settings(max_examples=200, deadline=None)
@given(st.one_of(SIGN_PIECES, TEXTS), st.sampled_from(["", "\nREUTER\n", "\nReuter\n"]))
def test_the_signs_are_the_house_signs_and_the_desk_as_counters(text, ending):
    """NL201's evidence made without `Counter.__init__` or `copy` is a Counter whose items are
    those of the house signs, in their order, and the wire desk's added as a Counter adds it."""
    text += ending
    evidence = variety_mix._Evidence(text)
    house, signs = evidence.house(), evidence.signs()
    assert type(house) is Counter and type(signs) is Counter and signs is not house
    expected = house.copy()
    desk = variety_mix.EnglishVarietyMix._wire_desk(text)
    if desk:
        expected[desk] += variety_mix.STRONG_SIGN if desk == "us" else 1
    assert list(signs.items()) == list(expected.items())
    assert list(house.items()) == list(variety_mix.EnglishVarietyMix._house_signs(text).items())


UNIT_PIECES = st.lists(
    st.sampled_from(["5", "4.5", "٣", "²", "bn", "b", "n", "m", "mm", "km", "kg"])
    | st.sampled_from(["cm", "k", "c", "g", "_", "é", " ", ".", "x"]),
    max_size=30,
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(UNIT_PIECES, SIGN_PIECES, TEXTS), st.integers(0, 5))
@example("5bn 10km 3mm 2m_ 7m2 9m", 9)
def test_the_units_counted_are_the_matches_at_the_last_digits(text, most):
    """NL201's sign of amounts run into their unit (4.5bn, 10km) is counted in one call over the
    story's last digits (`_unit_count`, and the compiled `unit_ends`, from an array, a list or
    int64s): the matches `findall` finds, up to `most`."""
    lasts = figures.digit_runs(text)[1]
    expected = min(most, len(variety_mix._UNITS.findall(text)))
    assert variety_mix._unit_count(text, lasts, most) == expected
    if compiled is not None:
        assert compiled.unit_ends(text, lasts, most) == expected
        assert compiled.unit_ends(text, list(lasts), most) == expected
        assert compiled.unit_ends(text, array("q", lasts), most) == expected


def test_the_units_take_offsets_as_arrays_or_sequences_of_ints():
    if compiled is None:
        pytest.skip("no compiled helpers")
    assert compiled.unit_ends("5km", [0, 7, -1], 3) == 1  # an offset outside the text opens none
    with pytest.raises(TypeError):
        compiled.unit_ends("5km", b"\0\0\0\0", 3)
    with pytest.raises(TypeError):
        compiled.unit_ends("5km", ["0"], 3)


DATE_PIECES = st.lists(
    st.sampled_from(
        ["5", "25", "125", "٣", "²", "x", "_", " ", "\n", "\u00a0", "May", "Mayor", "June", "Jun"]
    )
    | st.sampled_from(["December", "é", "Mé", "M", ",", "July_"]),
    max_size=30,
).map("".join)
DATE_WORDS = st.lists(st.sampled_from(["May", "June", "December", "Mé", "Mayor", "a"]), max_size=4).map(tuple)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(DATE_PIECES, SIGN_PIECES, TEXTS), DATE_WORDS, st.integers(0, 5))
@example("25 May 5 June 125 May x5 May 3\u00a0December 7 Mayor 8 May_", ("May", "June", "December"), 9)
@example("1 Mé", ("Mé",), 3)
def test_the_figure_words_counted_are_the_matches_at_the_first_digits(text, words, most):
    """NL201's day-month dates (25 February) are counted in one call over the story's first
    digits (`_figure_word_count`, and the compiled `figure_words`, from an array, a list or
    int64s): the matches of the day-and-word pattern `findall` finds, up to `most`."""
    starts = figures.digit_runs(text)[0]
    pattern = rf"\d(?<!\w\d)\d?\s(?:{'|'.join(map(re.escape, words))})\b"
    expected = min(most, len(re.findall(pattern, text))) if words else 0
    assert variety_mix._figure_word_count(text, starts, words, most) == expected
    if compiled is not None:
        assert compiled.figure_words(text, starts, words, most) == expected
        assert compiled.figure_words(text, list(starts), words, most) == expected
        assert compiled.figure_words(text, array("q", starts), words, most) == expected


def test_the_figure_words_are_a_tuple_of_non_empty_str():
    if compiled is None:
        pytest.skip("no compiled helpers")
    # an offset outside the text opens none
    assert compiled.figure_words("9 May", [0, 5, -1], ("May",), 3) == 1
    with pytest.raises(TypeError):
        compiled.figure_words("9 May", [0], ["May"], 3)
    with pytest.raises(TypeError):
        compiled.figure_words("9 May", [0], ("",), 3)
    with pytest.raises(TypeError):
        compiled.figure_words("9 May", b"\0\0\0\0", ("May",), 3)


NEEDLES = st.lists(
    st.sampled_from(
        [
            "Mr",
            "Mr.",
            "£",
            "per cent",
            "pence",
            "UK",
            ":",
            "é",
            "éa",
            "x",
            "xx",
            "a\U0001f600",
            "towards",
            "t/",
        ]
    ),
    max_size=8,
).map(tuple)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(SIGN_PIECES, TEXTS, st.text(max_size=40)), NEEDLES)
@example("per cen", ("per cent",))
@example("x\U0001f600a\U0001f600", ("a\U0001f600", "x"))
@example("to t/ towards", ("towards", "t/"))  # a second character's bit shared ('o' & 63 == '/' & 63)
@example("at", ("t", "at"))  # a needle's first character last in the text
def test_the_literals_held_are_those_the_text_holds(text, needles):
    """NL201's one pass for its signs' literals (`_literals_held`, and the compiled
    `substrings_held`): bit k set when the text holds needle k."""
    expected = sum(1 << k for k, needle in enumerate(needles) if needle in text)
    assert variety_mix._literals_held(text, needles) == expected
    if compiled is not None:
        assert compiled.substrings_held(text, needles) == expected


def test_the_literals_held_take_at_most_64_needles_each_opening_below_u0100():
    if compiled is None:
        pytest.skip("no compiled helpers")
    assert compiled.substrings_held("ab", tuple("ab" * 32)) == (1 << 64) - 1
    with pytest.raises(ValueError):
        compiled.substrings_held("a", ("a",) * 65)
    with pytest.raises(ValueError):
        compiled.substrings_held("a", ("\u0100",))
    with pytest.raises(TypeError):
        compiled.substrings_held("a", ("",))


QUOTE_PIECES = st.lists(
    st.sampled_from(["'", "’", '"', "“", "”", "s", "S", "a", "é", "5", "_", " ", "\n", "farmers", "don"]),
    max_size=30,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(QUOTE_PIECES, TEXTS))
def test_the_quote_styles_learned_are_the_scans(text):
    """NL510's learning finds the marks a story writes by string search: the same styles as
    scanning the story with the apostrophe and quotation-mark patterns."""
    from newslint.document import Document
    from newslint.rules._desk import grouped_lesson

    groups = {}
    if "'" in text or "’" in text:
        groups["apostrophe"] = {
            quote_style_mix._STYLE_OF[m] for m in quote_style_mix._APOSTROPHE.findall(text)
        }
    if '"' in text or "“" in text or "”" in text:
        groups["quotation mark"] = {
            quote_style_mix._STYLE_OF[m] for m in quote_style_mix._DOUBLE.findall(text)
        }
    assert quote_style_mix.QuoteStyleMix().learn(Document(text)) == grouped_lesson(groups)


GAP_PIECES = st.lists(
    st.sampled_from([" ", "  ", "   ", "\t", "\n", "\r\n", "x", "12.5", "unch", "Net"]), max_size=30
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(GAP_PIECES, TEXTS))
def test_the_gap_rows_are_the_lines_holding_a_column_gap(text):
    """`_tables` reads its lines one by one only when a line its substring searches find may
    be a table line: they must find every line holding two spaces or a tab, and only those."""
    rows = text.split("\n")
    assert set(segment._gap_rows(text)) == {r for r in rows if "  " in r or "\t" in r}
    if not any(segment._table_strength(r) for r in rows):
        assert list(segment._tables(text, LineIndex(text))) == []


def _tables_line_by_line(text: str) -> list[Span]:
    """`segment._tables` as it read every line: split out, each given a strength (a line with no
    two spaces or tab 0), aligned with its neighbours, then runs over the lines' starts."""
    lines = LineIndex(text)
    if not segment._has_column_gap(text):
        return []
    rows = text.split("\n")
    strengths = [segment._table_strength(row) if "  " in row or "\t" in row else 0 for row in rows]
    for i, strength in enumerate(strengths):
        if not strength and "  " in rows[i] and "  " in rows[i].strip():
            gap_ends = {m.end() for m in segment._COLUMN_GAP.finditer(rows[i])}
            for j in (i - 1, i + 1):
                if (
                    0 <= j < len(rows)
                    and strengths[j] >= segment.MAYBE
                    and gap_ends & segment._column_starts(rows[j])
                ):
                    strengths[i] = segment.WEAK
                    break
    found: list[Span] = []
    run: list[tuple[Span, int]] = []
    for start, row, strength in zip(lines.starts, rows, strengths, strict=True):
        if strength:
            run.append((Span(start, start + len(row)), strength))
        elif run:
            found += segment._table_run(run)
            run = []
    return found + list(segment._table_run(run))


TABLE_PIECES = st.lists(
    st.sampled_from(
        [
            " ",
            "  ",
            "   ",
            "\t",
            "\n",
            "\n",
            "\r\n",
            "x",
            "12.5",
            "unch",
            "Net",
            " FARM/FOODS 188.25  unch",
            "a  b",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=examples(600), deadline=None)
@given(st.one_of(TABLE_PIECES, GAP_PIECES))
@example("Net  12.5   unch\n FARM/FOODS 188.25  unch\nx\n12.5   12.5\t12.5")
@example("12.5   12.5  x\n\n a  b\n12.5  12.5  12.5")
@example("12  4567  9\nx\nab  c\n1.5   2.5   3.5")
def test_the_tables_read_from_the_gap_rows_are_those_read_line_by_line(text):
    """`_gapped_tables` reads only the lines holding two spaces or a tab (a line between two of
    them breaks a run; a neighbour must be the next line): the tables of every line read."""
    assert list(segment._tables(text, LineIndex(text))) == _tables_line_by_line(text)


TICKER_PIECES = st.lists(
    st.sampled_from(
        ["(", ")", "<", ">", "IBM", ".N", ".O", "AAPL", "NYSE", "nasdaq", ":", " ", "-", "<IBM.N>"]
    )
    | st.sampled_from(["news", "Quote", ",", "dpa", "afp", "x", "\n", "((", "<<", "(NYSE: IBM - News)"]),
    max_size=30,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(TICKER_PIECES, TEXTS))
def test_the_tickers_tried_at_their_brackets_are_the_scans(text):
    found = [m.span() for m in segment._tickers(text)]
    assert found == [m.span() for m in segment._TICKER.finditer(text)]


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(GAP_PIECES, TEXTS))
def test_the_paragraphs_are_each_blocks_indented_split(text):
    blocks = segment._blocks(text, [])
    expected = tuple(p for b in blocks for p in segment._split_indented(text, b))
    assert segment._paragraphs(text, blocks) == expected


def test_an_ascii_story_holds_no_invisible_character_nor_mojibake():
    """`invisible.find` and `mojibake.find` return on an ASCII story without a scan: their
    patterns match no ASCII character (mojibake's two characters, every ASCII pair tried)."""
    from newslint.repairs import invisible, mojibake

    ascii_chars = [chr(c) for c in range(128)]
    assert not any(invisible._INVISIBLE.search(c) for c in ascii_chars)
    assert _ANY_ASCII.isdisjoint(invisible._ANY_INVISIBLE)
    assert not any(mojibake._SUSPECT.search(a + b) for a in ascii_chars for b in ascii_chars)


_ANY_ASCII = frozenset(chr(c) for c in range(128))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", " ", "<", ">", "&lt;", "&LT;", "&Lt;", "&gt;", "p", "/p", "\n"])).map(
        "".join
    )
)
def test_the_markup_finder_returns_early_only_without_a_tag_mark(text):
    """`markup.find` returns before reading the story's comments when it holds neither '<' nor
    '&lt;' in either case: its scans, each run only when its mark is there, would find none."""
    from newslint.repairs import markup

    found = list(markup.find(segment.parse(text, "story.txt", "text")))
    if "<" not in text and "&lt;" not in text and "&LT;" not in text:
        assert found == []
    assert list(markup.find(segment.parse("<p>a</p> <b>&lt;p&gt;", "story.txt", "text")))


_DAMAGE_MARKS = ["a", " ", "<", ">", "/", "&lt;", "&gt;", ";", "&amp;", "#39;", "\\", "Â£", "\u00ad", "\n"]
_DAMAGE_PIECES = st.lists(st.sampled_from(_DAMAGE_MARKS)).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(_DAMAGE_PIECES, TEXTS))
@example("<U> and <IBM.N> and <p>")
@example("a\\$5")
def test_the_repairs_found_after_the_early_return_are_every_finders(text):
    """`find_repairs` returns at once on a story without a mark any finder needs: the same
    repairs as every finder run; and a raw tag opens where `may_hold_raw_tag` says one can."""
    from newslint import repairs
    from newslint.repairs import markup

    assert markup.may_hold_raw_tag(text) == (re.search(r"<[/a-z]", text) is not None)
    if markup._TAG.search(text):
        assert markup.may_hold_raw_tag(text)
    doc = segment.parse(text, "story.txt", "text")
    expected = repairs._found(doc)  # every finder run
    assert repairs.find_repairs(doc) == expected
    assert bool(doc.hints & segment.DAMAGE_HINT) == segment.may_hold_damage(text)


@settings(max_examples=examples(400), deadline=None)
@given(TEXTS)
@example("x\nRead more: y\n  ADVERTISEMENT - scroll to continue\nShare on X\nſhare this\n\n\n12 mins")
@example("\nrelated coverage\nRelated:\nloading…\nLoading...\nREUTERS/x\nfile - x\nfile photo: y\n©\n")
def test_furniture_line_starts_are_found_by_the_shortest_openings(text):
    """NL304 needs only where a furniture line starts: the openings that no shorter one begins,
    in a tree of their letters, find the same starts as `_LINE`, held to its definition above."""
    assert [m.start() for m in boilerplate_line._LINE_START.finditer(text)] == [
        m.start() for m in boilerplate_line._LINE.finditer(text)
    ]
    for at in range(len(text) + 1):  # the first line's test, wherever a line may start
        first = boilerplate_line._FIRST_LINE.match(text, at)
        assert bool(boilerplate_line._FIRST_LINE_START.match(text, at)) == bool(first)


def plain_candidate_offsets(text):
    """NL304's candidate offsets as first found: the first line matched, then a scan of the text."""
    if boilerplate_line._FIRST_LINE_START.match(text):
        yield 0
    for m in boilerplate_line._LINE_START.finditer(text):
        yield m.start() + 1
    if "hoto/" in text or "HOTO/" in text:
        yield from (m.start() for m in boilerplate_line._PHOTO_CREDIT.finditer(text))


@settings(max_examples=examples(600), deadline=None)
@given(TEXTS)
@example("x\nRead more: y\n  ADVERTISEMENT - scroll to continue\nShare on X\nſhare this\n\n\n12 mins")
@example("©2024\n\t\u2003Related\nrelated coverage\n4 min read\nREUTERS/x\nfile - x (AP Photo/y)\n©")
@example("Share\nx\n s\n\n٣ min\n")
@example("4 min\n1٣ min\n12 MIN read\n123 min\n4 m\n7\n 9 Min\n1\u0130 mın")
def test_furniture_lines_are_tried_only_where_an_opening_may_start(text):
    """NL304 tries its patterns only at the lines `opening_lines` keeps (compiled and twin): the
    same candidates as the scan of every line."""
    expected = list(plain_candidate_offsets(text))
    for opening_lines in (boilerplate_line.opening_lines, boilerplate_line._opening_lines):
        with mock.patch.object(boilerplate_line, "opening_lines", opening_lines):
            assert list(boilerplate_line._candidate_offsets(text)) == expected


def test_shortest_openings_leave_out_those_a_shorter_one_begins():
    assert boilerplate_line._shortest_first(["share this", "share", "read more:", "read more", "x"]) == [
        "read more",
        "share",
        "x",
    ]


FIGURE_PIECES = st.lists(
    st.sampled_from(["5", "12", "1,500", "3.5", "7:30", "0.25", "٣", ".", ",", ":", " ", "  ", "\t", "\n"])
    | st.sampled_from(["%", "pct", "PCT", "percent", "Per cent", "per  cent", "pm", "p.m.", "AM", "a.m"])
    | st.sampled_from(["GMT", "BST", "local time", "EDT", "x", "-", "$", "(", "pa", "m"])
    | st.sampled_from(["Pm", "pM", "A.M.", "P.m", "Pct", "PERCENT", "per\tcent", "pc", "people", "UTC"])
    | st.sampled_from(["gmt", "local", "locally", "\u212a", "\u0130", "\u017f", "Ap", "CET", "est", "P"]),
    max_size=30,
).map("".join)


@settings(max_examples=examples(600), deadline=None)
@given(st.one_of(FIGURE_PIECES, TEXTS))
@example("at 5.30pm, 7:30 GMT, 1,500.5 %, 3 per cent, 12 pct and 4 PM")
def test_the_number_patterns_match_only_at_the_figures_a_mark_follows(text):
    """NL403, NL404 and NL413 try their patterns only at the figures `marked_starts` keeps: the
    same matches as at every figure's start (the compiled scan and its twin alike)."""
    starts = figures.digit_runs(text)[0]
    for pattern, marks in (
        (percent_style_mix._PERCENT, percent_style_mix.PERCENT_MARKS),
        (time_format_mix._CLOCK, time_format_mix.CLOCK_MARKS),
        (minute_separator_mix._MINUTES, minute_separator_mix.MINUTE_MARKS),
    ):
        expected = [m.span() for m in figures.matches_at(pattern, text, starts)]
        for marked in (number_rules.marked_starts, number_rules._marked_starts):
            kept = marked(text, starts, *marks)
            assert [m.span() for m in figures.matches_at(pattern, text, kept)] == expected


FOUR_DIGIT_PIECES = st.lists(
    st.sampled_from(["1987", "2500", "1,200", "2099", "2100", "999", "12345", "1,2345", "٣٤٥٦", "7"])
    | st.sampled_from(["$", "£", "€", "¥", " ", "\n", ",", ".", "-", "/", "(", "'", "a", "m", "x"])
    | st.sampled_from(["troops", "GMT", "the", "model", "at", "IBM", "metres", "No", "people", "In"]),
    max_size=24,
).map(" ".join)


@settings(max_examples=examples(600), deadline=None)
@given(st.one_of(FOUR_DIGIT_PIECES, TEXTS))
@example("In 1987 some 2500 troops and 1,200 troops cost $1999, £2000, 20000 or 1,2345 at 2330 GMT")
def test_thousands_separator_mix_reads_the_four_digit_figures_alone(text):
    """NL402 tries its pattern only at the figures `four_digit_starts` keeps (compiled and twin):
    it finds the forms it finds when the pattern is tried at every figure's start."""
    rule = Linter(Settings()).by_code["NL402"]
    doc = segment.parse(text)
    with mock.patch.object(thousands_separator_mix, "four_digit_starts", lambda text, starts: starts):
        every = list(rule.forms(doc))  # the pattern tried at every figure's start
    for kept in (thousands_separator_mix.four_digit_starts, thousands_separator_mix._four_digit_starts):
        with mock.patch.object(thousands_separator_mix, "four_digit_starts", kept):
            assert list(rule.forms(doc)) == every


NAME_FIGURE_PIECES = st.lists(
    st.sampled_from(["A", "Ab", "IBM", "b", "-", ".", ",", " ", "\t", "\n", "1", "23", "4381", "12345678"])
    | st.sampled_from(["_", "é", "\u0663\u0663\u0663", "x", "Windows", "In", "The", ". ", "0.5"]),
    max_size=16,
).map("".join)


@settings(max_examples=examples(800), deadline=None)
@given(st.one_of(NAME_FIGURE_PIECES, TEXTS))
@example("IBM 4381 and Windows\t 2000. In 1987 A-Bc 123-Cd 4567 x.Ab 1234 Ab-Cd 12345678 _A 999")
def test_the_names_figures_read_at_the_figures_are_the_patterns_matches(text):
    """NL402 reads the figures written after a name at the figures' starts (`digit_runs`), not
    by its pattern's scan of every character: the same matches, and the same figures kept."""
    found = list(thousands_separator_mix._names_then_figures(text, figures.digit_runs(text)[0]))
    pattern = thousands_separator_mix._NAME_THEN_FIGURE
    assert found == [(m.start(), m.start(1), m.group(1)) for m in pattern.finditer(text)]
    kept = frozenset(
        m.group(1)
        for m in pattern.finditer(text)
        if text[m.start() : m.start(1)].split()[0] not in thousands_separator_mix._NOT_NAMES
        and not thousands_separator_mix._sentence_start(text, m.start())
    )
    assert thousands_separator_mix.named_figures(text, figures.digit_runs(text)[0]) == kept


PERCENT_STORIES = st.lists(FIGURE_PIECES | st.sampled_from(["\n\n", "Rates rose. ", "It fell. "]), max_size=6)


@settings(max_examples=examples(600), deadline=None)
@given(PERCENT_STORIES.map("".join))
@example("Headline 5%\n\nRates rose 3 per cent, 4% and 12 pct. Wages rose 2.5%.")
@example("Rates rose 3 percent and 4 PERCENT, then 5 Per Cent.")
def test_percent_style_mix_reads_the_kinds_before_it_builds_the_forms(text):
    """NL404 reads its matches' kinds first and builds the forms only for a story that mixes two:
    the same reports as the forms of every story judged (`MixedFormRule.check`)."""
    rule = Linter(Settings()).by_code["NL404"]
    doc = segment.parse(text)
    assert list(rule.check(doc)) == list(number_rules.MixedFormRule.check(rule, doc))
