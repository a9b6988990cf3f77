"""`newslint.figures`: the runs of digits found in one scan, and the patterns that open with a digit
tried only where a run starts or ends, find what a scan of the whole text finds (compiled and
pure-Python twin alike)."""

from __future__ import annotations

import re
from array import array

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint import figures
from newslint import native as chooser
from newslint.rules.naming import english_variety_mix as variety_mix
from newslint.rules.numbers import (
    day_month_order,
    minute_separator_mix,
    ordinal_style,
    percent_sign_style,
    percent_style_mix,
    small_number_in_figures,
    thousands_separator_mix,
    thousands_separator_style,
    time_format_mix,
)
from tests.depth import examples

compiled = chooser.native

# Each pattern the rules try at the figures' first digits (`prose_matches(..., at_figures=True)`)
# or, for the signs, where `_SIGNS` says.
AT_FIGURES = {
    "four digits": thousands_separator_mix._FOUR_DIGITS,
    "minutes": minute_separator_mix._MINUTES,
    "percent": percent_style_mix._PERCENT,
    "clock": time_format_mix._CLOCK,
    "day first": day_month_order._DAY_FIRST,
    "percent word": percent_sign_style._PERCENT_WORD,
    "small ordinal": ordinal_style._SMALL_ORDINAL,
    "lone digit": small_number_in_figures._LONE_DIGIT,
    "plain figure": thousands_separator_style._PLAIN_FIGURE,
}
SIGNS = {
    f"{variety} sign {i}": (pattern, at)
    for variety, signs in variety_mix._SIGNS.items()
    for i, (_, _, pattern, at) in enumerate(signs)
    if at is not None
}

# Story-shaped pieces: figures with separators, units, meridiems, months, ordinals, other scripts'
# digits (Arabic-Indic, superscript), the characters the look-behinds name.
PIECES = (
    "5 12 1,500 2024 450.000 07 0 9 ٣ ٤٥ ² ½ _ a Mr x1 US "
    "pm p.m. AM a.m. % per cent percent pct km kg bn m mm st th rd nd "
    "January Feb February March GMT local time spokesman people said"
).split() + list(" \n\t.,:;-–/'’($£#+)\"")
STORY = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
TWINS = [pytest.param(True, id="compiled"), pytest.param(False, id="twin")]


def _use(monkeypatch: pytest.MonkeyPatch, compiled_code: bool) -> None:
    if compiled_code and compiled is None:
        pytest.skip("newslint._native is not built here")
    monkeypatch.setattr(figures, "native", compiled if compiled_code else None)


def _spans(found: list[re.Match[str]]) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in found]


@pytest.mark.parametrize("compiled_code", TWINS)
@settings(
    max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=STORY)
@example(text="é5 ²3 ß9,1 ½7\xa04 Ä12km 0")  # Latin-1 letters and marks around the digits
def test_the_runs_and_the_matches_tried_there_are_what_the_regex_finds(monkeypatch, compiled_code, text):
    _use(monkeypatch, compiled_code)
    starts, lasts = figures.digit_runs(text)
    assert starts.tolist() == [m.start() for m in re.finditer(r"(?<!\w)\d", text)]
    assert lasts.tolist() == [m.end() - 1 for m in re.finditer(r"\d+", text)]
    for name, pattern in AT_FIGURES.items():
        assert _spans(figures.matches_at(pattern, text, starts)) == _spans(list(pattern.finditer(text))), name
    for name, (pattern, at) in SIGNS.items():
        runs = (starts, lasts)[at]
        assert _spans(figures.matches_at(pattern, text, runs)) == _spans(list(pattern.finditer(text))), name


@pytest.mark.parametrize("compiled_code", TWINS)
@settings(
    max_examples=examples(600), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text("aZ 09_é\xb2\xbd.,\n", max_size=90))
@example(text="a" * 15 + "12" + "b" * 14 + "3" + "4" * 20 + "é5")  # runs across 16-byte blocks
@example(text="1" * 16 + " " + "_" * 15 + "2")
def test_the_runs_of_a_one_byte_text_found_by_blocks_are_the_regexs(monkeypatch, compiled_code, text):
    """The compiled scan reads a one-byte text sixteen bytes at a time: runs that cross a block,
    open or close one, or end the text, the character before a run in the block before."""
    _use(monkeypatch, compiled_code)
    starts, lasts = figures.digit_runs(text)
    assert starts.tolist() == [m.start() for m in re.finditer(r"(?<!\w)\d", text)]
    assert lasts.tolist() == [m.end() - 1 for m in re.finditer(r"\d+", text)]


@pytest.mark.parametrize("compiled_code", TWINS)
def test_the_figures_of_a_story(monkeypatch, compiled_code):
    _use(monkeypatch, compiled_code)
    text = "In 1,500 cases, 40km away; x9 and ٣٤ at 5:30pm."
    starts, lasts = figures.digit_runs(text)
    # kept by a document for all its rules: compact arrays of 4-byte offsets, not lists
    assert isinstance(starts, array) and isinstance(lasts, array)
    assert starts.typecode == lasts.typecode == "i"
    assert [text[i] for i in starts] == ["1", "5", "4", "٣", "5", "3"]
    assert [text[i] for i in lasts] == ["1", "0", "0", "9", "٤", "5", "0"]
    found = figures.matches_at(re.compile(r"\d(?:km|m)\b"), text, lasts)
    assert [m.group() for m in found] == ["0km"]
    # a match covers the starts inside it: the next try is after it, as finditer goes on
    assert [m.group() for m in figures.matches_at(re.compile(r"\d[\d,:]*"), text, starts)] == [
        "1,500",
        "40",
        "٣٤",
        "5:30",
    ]


@pytest.mark.parametrize("compiled_code", TWINS)
def test_an_empty_match_is_refused(monkeypatch, compiled_code):
    _use(monkeypatch, compiled_code)
    with pytest.raises(ValueError, match="empty match"):
        figures.matches_at(re.compile(r"\d*"), "a 5", [0])
