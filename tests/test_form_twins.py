"""NL204's abbreviations written two ways read from `form_twins`: the compiled scan gives what its
pure-Python twin (the `_FORMS` regex and a dict) gives, on the pattern's hard cases (a stop
before a word, a run of capitals before a digit, letters outside ASCII) and on random text."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import native as chooser
from newslint.rules.naming import abbreviation_style
from tests.depth import examples

compiled = chooser.native
needs_compiled = pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")
twin = abbreviation_style._form_twins_twin

PIECES = st.sampled_from(
    [*"USNATOab. _9é\u0100\U0001d400-'\n", "U.S.", "US", "Nato", "NATO", "U.N", "..", "abc", "E.U."]
)


def test_the_twin_keeps_the_letters_written_two_ways_one_in_capitals():
    text = "The U.S. and US, NATO and Nato; UK. U.K. Opec OPEC; the USA. Unicef, Unicef, ABC"
    assert twin(text) == ["U.S.", "US", "NATO", "Nato", "UK", "U.K.", "Opec", "OPEC"]
    assert twin("Nato and Unesco, Nato again; US and US") == []


@needs_compiled
@pytest.mark.parametrize(
    "text",
    [
        "U.S.A U.S. US U.Sx US9 U.S.9",  # a stop needs a capital after it; a digit is \w
        "US.com US. US.x US_ U.S.",  # a stop before a word character ends no form
        "xUS .US US UN U.N. Nat NATO Natos NATOS",  # glued on, or too short, or other letters
        "ÉUS UŠ US U.S. Natoé NATO \U0001d400US",
        "xU.S. U.S. 9US _US éUS US Nato9Nato xNato",  # no form starts inside a word (the scan skips it)
        # each form of one group again after the others, in each order (a form met before is no twin)
        "Nato NATO Nato N.A.T.O. NATO Nato N.A.T.O. US U.S. US U.S. Unesco UNESCO Unesco",
    ],
)
def test_the_compiled_scan_is_the_twin_on_the_patterns_hard_cases(text):
    assert compiled.form_twins(text) == twin(text)


@needs_compiled
@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_the_compiled_scan_is_the_twin(text):
    # the forms of one abbreviation meet when the text is also written without stops, in capitals
    text = " ~ ".join([text, text.replace(".", ""), text.upper(), text.title()])
    assert compiled.form_twins(text) == twin(text)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(st.text(alphabet="xX .é_9-", max_size=16), st.lists(PIECES, max_size=20).map("".join))
def test_the_compiled_scan_is_the_twin_at_every_place_in_a_block(before, text):
    """A one-byte text is scanned eight bytes at a time: each place of a form in a block, a word
    character or a stop before it in the block before, and a text's end inside a block."""
    for cut in range(9):
        shifted = before + " ~ ".join([text[cut:], text.upper(), text.title()])
        assert compiled.form_twins(shifted) == twin(shifted)
        assert compiled.capital_forms(shifted, cut) == abbreviation_style._capital_forms_twin(shifted, cut)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_a_form_in_capitals_is_always_compared(text):
    """NL204's learning tests only the forms whose letters it also finds in capitals, because a
    form in capitals is never a word or a name to `_compared` (which would take it out)."""
    for form in abbreviation_style._FORMS.findall(text):
        if form == form.upper():
            assert abbreviation_style._compared(form)


@needs_compiled
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The U.S. and US, NATO and Nato; Opec x", 0),
        ("U.S. beside US", 2),  # a start inside a form: the scan begins there, as findall's pos does
        ("xUS US", 1),  # the character before the start still refuses a glued form
        ("US USA U.S. xUS", 1),  # a start inside a word: the rest of that word skipped
        ("Nato and Unesco", 0),  # words alone: nothing in capitals
        ("ÉUS UŠ US U.S. Natoé NATO \U0001d400US", 3),
        ("", 0),
    ],
)
def test_the_compiled_capital_forms_are_the_twins(text, start):
    assert compiled.capital_forms(text, start) == abbreviation_style._capital_forms_twin(text, start)


@needs_compiled
@settings(max_examples=examples(400), deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.integers(0, 50))
def test_the_compiled_capital_forms_are_the_twins_on_random_text(text, start):
    assert compiled.capital_forms(text, start) == abbreviation_style._capital_forms_twin(text, start)


@needs_compiled
def test_the_compiled_scan_is_the_twin_over_many_forms():
    """Thousands of forms of hundreds of letters: the compiled scan's matches and keys grow many
    times (by an eighth each time, as int32s), and its grouping table holds them all."""
    letters = [a + b + c + d for a in "BCDFGH" for b in "KLMN" for c in "PRST" for d in "VWXZ"]
    text = " ".join(f"{w} {w.title()}, U.S. US {w[:2]}. x{i}" for i, w in enumerate(letters * 8))
    assert compiled.form_twins(text) == twin(text)
    assert compiled.capital_forms(text, 5) == abbreviation_style._capital_forms_twin(text, 5)


@needs_compiled
@pytest.mark.parametrize("wide", ["", "\u0100", "\U0001d400"])
def test_the_compiled_scan_groups_forms_by_their_letters_read_from_the_text(wide):
    """The keys that group the forms (their letters, stops cut, in capitals) are read from the
    text of each width when the forms are grouped, not kept: forms that differ only in their
    stops or case meet, those with other letters do not."""
    text = f"{wide} U.S. US U.S.A. USA Us. Nato NATO N.A.T.O. NAT U.N. UN Un {wide} US"
    assert compiled.form_twins(text) == twin(text) != []
    assert compiled.capital_forms(text, 0) == abbreviation_style._capital_forms_twin(text, 0)


def _places_by_scan(text, forms):
    return [m.span() for m in abbreviation_style._FORMS.finditer(text) if m.group() in forms]


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.data())
def test_the_searched_places_are_the_scans(text, data):
    """NL204's check finds its few forms' places by string search: the matches of `_FORMS` with
    those forms, as a scan of every match finds them (forms the text never matches too)."""
    found = abbreviation_style._FORMS.findall(text)
    extra = st.sampled_from(["US", "U.S.", "Nato", "NATO", "U.N.", "S.", "USN"])
    forms = data.draw(st.sets(st.sampled_from(found) | extra if found else extra, max_size=6))
    expected = _places_by_scan(text, forms)
    assert abbreviation_style._places(text, forms) == expected
    with mock.patch.object(abbreviation_style, "SEARCHED_CHARACTERS", 0):  # the one scan of a long text
        assert abbreviation_style._places(text, forms) == expected


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(PIECES | st.sampled_from(["Said", "SAID", "Rice", "RICE", "Unesco", "UNESCO"]), max_size=30))
def test_the_mixed_forms_are_the_compared_forms_written_two_ways(pieces):
    """`_mixed_forms` (the compiled scan's twins, `_compared` run on the word forms alone) is its
    definition: the forms `_compared` keeps whose letters are kept in two forms, one in capitals."""
    text = " ".join(pieces)
    text = " ~ ".join([text, text.replace(".", ""), text.upper(), text.title()])
    by_letters: dict[str, set[str]] = {}
    for form in abbreviation_style._FORMS.findall(text):
        if abbreviation_style._compared(form):
            by_letters.setdefault(abbreviation_style._letters(form), set()).add(form)
    expected = {
        form
        for forms in by_letters.values()
        if len(forms) >= 2 and any(f == f.upper() for f in forms)
        for form in forms
    }
    assert abbreviation_style._mixed_forms(text) == expected


# NL204's forms to compare (`mixed_forms`): twins whose form without capitals is a word (Bank),
# a name (Japan) or neither (Nato, Opec), beside their capitals and forms with stops.
MIXED_PIECES = st.sampled_from(
    [" ", " ", ", ", ".", "\n", "x", "é", "\u0100"]
    + ["Japan", "JAPAN", "Bank", "BANK", "Nato", "NATO", "N.A.T.O.", "Opec", "OPEC", "Rice", "RICE"]
    + ["U.S.", "US", "Unesco", "UNESCO", "Zzyx", "ZZYX", "Z.Z.Y.X."]
)


@needs_compiled
@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(MIXED_PIECES, max_size=40).map("".join))
def test_the_compiled_mixed_forms_are_the_twins(text):
    lists = abbreviation_style._word_and_name_lists
    assert compiled.mixed_forms(text, lists) == abbreviation_style._mixed_forms_twin(text)


@needs_compiled
@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(MIXED_PIECES, max_size=40).map("".join),
    st.sets(st.sampled_from(["japan", "bank", "nato", "opec", "rice", "unesco", "zzyx"])),
    st.sets(st.sampled_from(["Japan", "Bank", "Nato", "Opec", "Rice", "Unesco", "Zzyx"])),
)
def test_the_compiled_mixed_forms_read_the_lists_given(text, words, names):
    """Words and names of each kind, the lists asked for only when a form needs them."""
    asked = []

    def lists():
        asked.append(1)
        return words, names

    english = mock.Mock(return_value=mock.Mock(words=words))
    with (
        mock.patch.object(abbreviation_style, "english", english),
        mock.patch.object(abbreviation_style, "known_names", lambda: names),
    ):
        expected = abbreviation_style._mixed_forms_twin(text)
    assert compiled.mixed_forms(text, lists) == expected
    assert len(asked) <= 1
    assert len(asked) == 1 or not english.called


@needs_compiled
def test_the_compiled_mixed_forms_are_the_twins_over_many_forms():
    """Hundreds of letters written two ways: the compiled filter's kept forms grow many times."""
    letters = [a + b + c + d for a in "BCDFGH" for b in "KLMN" for c in "PRST" for d in "VWXZ"]
    text = " ".join(f"{w} {w.title()}, U.S. US {w[:2]}. x{i}" for i, w in enumerate(letters * 3))
    text += " JAPAN Japan BANK Bank NATO Nato"
    lists = abbreviation_style._word_and_name_lists
    assert compiled.mixed_forms(text, lists) == abbreviation_style._mixed_forms_twin(text)
    assert len(compiled.mixed_forms(text, lists)) > 700


FORM_SETS = st.sets(
    st.sampled_from(
        ["U.S.", "US", "Nato", "NATO", "U.N.", "E.U.", "UN", "USA", "Natos", "us", "", "ÉU", "N"]
    ),
    max_size=6,
)


@needs_compiled
@settings(max_examples=examples(1000), deadline=None)
@given(st.text(alphabet="xX .é_9-", max_size=16), st.lists(PIECES, max_size=30).map("".join), FORM_SETS)
def test_the_compiled_form_places_are_the_twins(before, text, forms):
    """NL204's places of its compared forms in a big file (`_places`, past its string searches):
    the compiled scan gives the pattern's matches of those forms, in one-byte and wider texts; a
    form no match can be (lowercase, empty, a lone capital) is found nowhere."""
    for shifted in (before + text, before + text.upper(), before + text.title()):
        expected = abbreviation_style._places_twin(shifted, forms)
        assert compiled.form_places(shifted, forms) == expected


@needs_compiled
def test_the_compiled_form_places_are_the_twins_on_the_patterns_hard_cases():
    forms = {"US", "U.S.", "Nato", "NATO", "U.N."}
    for text in [
        "U.S.A U.S. US U.Sx US9 U.S.9",
        "US.com US. US.x US_ U.S.",
        "xUS .US US UN U.N. Nat NATO Natos NATOS",
        "ÉUS UŠ US U.S. Natoé NATO \U0001d400US",
        "xU.S. U.S. 9US _US éUS US Nato9Nato xNato",
        "",
    ]:
        assert compiled.form_places(text, forms) == abbreviation_style._places_twin(text, forms)
    with pytest.raises(TypeError):
        compiled.form_places("US", frozenset(["US"]))  # a set only: `_places` hands it over as one


def test_the_places_of_a_long_text_are_its_string_searches():
    """`_places` of a text past `SEARCHED_CHARACTERS` (one scan) finds what its string searches
    find in a short one."""
    text = "The U.S. and US, NATO and Nato; xUS U.S.A. US.x Nato9 " * 3
    forms = {"US", "U.S.", "Nato"}
    searched = abbreviation_style._places(text, forms)
    with mock.patch.object(abbreviation_style, "SEARCHED_CHARACTERS", 0):
        assert abbreviation_style._places(text, forms) == searched
        assert abbreviation_style._places(text, frozenset(forms)) == searched
        assert searched == abbreviation_style._places_twin(text, forms)
