"""The compiled helpers' argument checks: the TypeErrors PyArg_ParseTuple raised, without it.

The busy functions of `newslint._native` take their arguments as METH_FASTCALL (or METH_O) and
check them by hand, where PyArg_ParseTuple made a tuple and read a format for each call. Each
letter of SPECS stands for the format letter it replaces; the model below says which values
each letter took, and every value it refused must still be refused with a TypeError that names
the function and the argument, before the function reads anything.
"""

from __future__ import annotations

import mmap
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint import native as chooser

compiled = chooser.native
pytestmark = pytest.mark.skipif(compiled is None, reason="newslint._native is not built here")

# One letter an argument, those after '|' optional: U str, L list, D dict, T tuple, Y type,
# A bytearray, B bytes, S set, n and i an integer (as Py_ssize_t and int), b a bytes-like object
# (format y*), y bytes (y#), s a str without NUL, W such a str or a tuple (marked_starts' marks: its
# characters or its words), F a sequence of seven floats, p and O anything.
SPECS = {
    "scan_words": "ULLD",
    "near_words": "UO",
    "near_words_in_line": "UU",
    "near_words_in_index": "UUb",
    "among": "LbO",
    "story_words": "UDOO",
    "add_counts": "DDp",
    "built_tokens": "LbbbOnnLTOTp",
    "select_bits": "ODOO|n",
    "split_bits": "LOOO",
    "flush_bits": "LADn",
    "flush_stories": "DDn",
    "story_bits": "YOD",
    "tally_words": "DDAT",
    "joined_pairs": "LOnn|B",
    "edit_filter": "O",
    "edits_among": "UO|O",
    "edits_among_each": "UL",
    "swap_inside": "UL",
    "word_splits": "OO",
    "compound_splits": "OOnn|p",
    "line_words": "U",
    "lower_keys": "O",
    "add_forms": "DDDOn",
    "word_counts": "LO",
    "weighted_osa": "UUyyTF",
    "word_scores": "ULTTTDDnTOT",
    "body_openers": "LbbbDn",  # (a set or a frozenset: refused otherwise, tested in test_native)
    "pair_steps": "bbbb",
    "table_line_starts": "b",
    "ranked_shares": "LY",
    "apostrophe_form": "OU",
    "split_pairs": "Unnyn|y",
    "split_marks": "On",
    "may_double": "U",
    "double_starts": "U",
    "digit_runs": "U",
    "matches_at": "OUO",
    "marked_starts": "UOsW",
    "digit_joints": "UO",
    "four_digit_starts": "UO",
    "sorted_line": "bbii",
    "sorted_rest": "bbi",
    "line_starts": "Un",
    "opening_lines": "UT",
    "story_parts": "UYn",
    "name_twins": "U",
    "case_pairs": "UL",
    "case_pairs_of": "UODn",
    "near_name_pairs": "LOn",
    "near_pair_found": "OOn",
    "capitalised_starts": "US",
    "form_twins": "U",
    "capital_forms": "Un",
    "form_places": "US",
    "sentence_spans": "UYOOO",
    "ticker_spans": "UY",
    "block_spans": "UYnn",
    "paragraph_spans": "UYO",
    "repeated_starts": "UO|O",
    "quote_marks": "UO",
    "quotation_spans": "UYOnpO",
    "story_spans": "UYOOOn",
    "plain_story": "UYOOn",
    "whole_words": "UTn",
    "substrings_held": "UT",
}

# A value each letter takes, put where an argument other than the one tested goes.
FITS = {
    "U": "x",
    "L": [],
    "D": {},
    "T": (),
    "Y": tuple,
    "A": bytearray(),
    "B": b"",
    "S": set(),
    "n": 0,
    "i": 0,
    "b": b"",
    "y": b"",
    "s": "",
    "W": "",
    "F": (0.0,) * 7,
    "p": False,
    "O": None,
}


class Index:
    """An integer by __index__ alone, as numpy's are: format 'n' took it."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def _buffer(value: object) -> bool:
    try:
        with memoryview(value) as view:  # type: ignore[arg-type]
            return view.c_contiguous
    except TypeError:
        return False


# Which values PyArg_ParseTuple's format letter took (the model the checks are compared with).
TAKES = {
    "U": lambda v: isinstance(v, str),
    "L": lambda v: isinstance(v, list),
    "D": lambda v: isinstance(v, dict),
    "T": lambda v: isinstance(v, tuple),
    "Y": lambda v: isinstance(v, type),
    "A": lambda v: isinstance(v, bytearray),
    "B": lambda v: isinstance(v, bytes),
    "S": lambda v: isinstance(v, set),
    "n": lambda v: hasattr(type(v), "__index__"),
    "i": lambda v: hasattr(type(v), "__index__"),
    "b": _buffer,
    "y": lambda v: isinstance(v, bytes),  # the others at hand (bytearray, memoryview, array) release
    "s": lambda v: isinstance(v, str) and "\0" not in v,
    "W": lambda v: isinstance(v, str) and "\0" not in v or isinstance(v, tuple),
    "F": lambda v: (
        isinstance(v, (tuple, list)) and len(v) == 7 and all(isinstance(x, (int, float)) for x in v)
    ),
    "p": lambda v: True,
    "O": lambda v: True,
}

VALUES = [
    0,
    True,
    Index(3),
    1.5,
    "x",
    "a\0b",
    b"x",
    bytearray(b"x"),
    memoryview(b"abcd")[::2],
    array("i", [1]),
    [],
    (),
    (0.0,) * 7,
    [1.0] * 7,
    ("x",) * 7,
    {},
    set(),
    frozenset(),
    None,
    tuple,
    object(),
]


def _counts(spec: str) -> tuple[int, int]:
    letters = spec.replace("|", "")
    return (spec.index("|") if "|" in spec else len(letters)), len(letters)


def _fitting(spec: str) -> list[object]:
    return [FITS[letter] for letter in spec.replace("|", "")]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_a_wrong_count_is_a_type_error_naming_the_function(name):
    least, most = _counts(SPECS[name])
    function = getattr(compiled, name)
    args = _fitting(SPECS[name])
    for given_args in ([*args, None], args[: least - 1]) if least else ([*args, None],):
        with pytest.raises(TypeError, match=rf"\b{name}\(\) takes"):
            function(*given_args)
    with pytest.raises(TypeError, match="keyword"):
        function(*args[:least], extra=1)


PLACES = [
    (name, i)
    for name, spec in sorted(SPECS.items())
    for i, letter in enumerate(spec.replace("|", ""))
    if letter != "O"
]


@pytest.mark.parametrize(("name", "i"), PLACES)
def test_each_value_the_format_refused_is_a_type_error_naming_the_argument(name, i):
    letter = SPECS[name].replace("|", "")[i]
    for value in VALUES:
        if not TAKES[letter](value):
            _refused(name, i, letter, value)


@given(st.sampled_from(PLACES), st.sampled_from(VALUES), st.data())
def test_a_refused_value_among_fitting_ones_is_refused(place, value, data):
    """Any fitting values before and after the refused one: the error is still its own."""
    name, i = place
    letter = SPECS[name].replace("|", "")[i]
    if not TAKES[letter](value):
        letters = SPECS[name].replace("|", "")
        others = [data.draw(st.sampled_from([v for v in VALUES if TAKES[k](v)])) for k in letters[:i]]
        _refused(name, i, letter, value, others)


def _refused(name: str, i: int, letter: str, value: object, before: list[object] | None = None) -> None:
    args = _fitting(SPECS[name])
    if before is not None:
        args[:i] = before
    args[i] = value
    if letter in "sW" and isinstance(value, str):  # a NUL: PyArg_ParseTuple's ValueError
        with pytest.raises(ValueError, match="embedded null"):
            getattr(compiled, name)(*args)
        return
    if letter == "b" and isinstance(value, memoryview):  # gaps: the exporter's own error, as before
        with pytest.raises(BufferError):
            getattr(compiled, name)(*args)
        return
    # a sequence of seven whose item is no number: float()'s own TypeError, as the format kept it
    seven = letter == "F" and isinstance(value, tuple) and len(value) == 7
    message = "must be real number" if seven else rf"^{name}\(\) argument {i + 1} must be"
    with pytest.raises(TypeError, match=message) as caught:
        getattr(compiled, name)(*args)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None


def test_integers_by_index_are_taken_and_their_range_kept():
    text = "one\ntwo\nthree"
    assert compiled.line_starts(text, Index(4)) == compiled.line_starts(text, 4)
    assert compiled.capital_forms("The BBC and Bbc", True) == compiled.capital_forms("The BBC and Bbc", 1)
    with pytest.raises(OverflowError):
        compiled.line_starts(text, 2**70)
    with pytest.raises(OverflowError):
        compiled.sorted_rest(b"a\n", b"a", 2**40)
    with pytest.raises(OverflowError):
        compiled.sorted_line(b"a\n", b"a", 10, -(2**40))


def test_bytes_like_arguments_read_as_before():
    data = b"apple 1\nbanana 2\ncherry 3\n"
    key = b"banana"
    answer = compiled.sorted_line(data, key, ord(" "), 0)
    assert compiled.sorted_line(bytearray(data), memoryview(key), ord(" "), 0) == answer
    with mmap.mmap(-1, len(data)) as mapped:
        mapped.write(data)
        assert compiled.sorted_line(mapped, key, ord(" "), 0) == answer
        assert compiled.sorted_rest(mapped, key, ord(" ")) == compiled.sorted_rest(data, key, ord(" "))


def test_the_costs_of_weighted_osa_may_be_any_sequence_of_numbers():
    sub = bytes(128 * 128)
    near = bytes(128 * 128)
    values = (1.0,)
    costs = (1.0, 0.5, 1.0, 0.5, 1.0, 0.75, 0.25)
    answer = compiled.weighted_osa("teh", "the", sub, near, values, costs)
    assert compiled.weighted_osa("teh", "the", sub, near, values, list(costs)) == answer
    assert compiled.weighted_osa("teh", "the", sub, near, values, (1, 0.5, 1, 0.5, 1, 0.75, 0.25)) == answer
    with pytest.raises(TypeError, match="must be sequence of length 7, not 6"):
        compiled.weighted_osa("teh", "the", sub, near, values, costs[:6])
    with pytest.raises(TypeError):
        compiled.weighted_osa("teh", "the", sub, near, values, ("1",) * 7)
