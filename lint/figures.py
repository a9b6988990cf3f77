"""Where a story's figures lie, so that a pattern that opens with a digit is tried there alone.

Python's regex engine finds where a pattern that opens with a character class (`[0-9]`, `\\d`)
can start by testing that class at every character of the text: a scan of the whole story for
each such pattern. A story holds a few runs of digits (eleven in a wire story, on average), and a
pattern whose every match starts at the first digit of a run (its look-behind allows no word
character before it) or at the last digit of a run (a letter follows it) can only match there:
`digit_runs` finds the runs once, in one scan, and `matches_at` tries the pattern at those places
only, finding what `pattern.finditer(text)` finds. Both are one C-level call when
`newslint._native` is built (`newslint.native`), else the pure-Python twins below.

    starts, lasts = digit_runs("In 1,500 cases, 40km away")  # [3, 17], [3, 7, 18]
    matches_at(re.compile(r"\\d(?:km|m)\\b"), text, lasts)     # the match of '0km'
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

from newslint.native import native
from newslint.span import _INT32_LIMIT, offsets

_RUN_START = re.compile(r"(?<!\w)\d")
_RUN_LAST = re.compile(r"\d(?!\d)")


def digit_runs(text: str) -> tuple[array[int], array[int]]:
    """(starts, lasts): the offset of the first digit of each run of decimal digits (regex `\\d`)
    that no word character (`\\w`) precedes, and of the last digit of every run, in text order;
    compact arrays (`newslint.span.offsets`), as a document keeps them for all its rules."""
    if native is not None:
        # two bytes objects of native offsets (8 bytes each past 2**31 characters, as `offsets`
        # keeps them): an array is made of each in one copy, with no int object made a run
        starts, lasts = native.digit_runs(text)
        code = "i" if len(text) <= _INT32_LIMIT else "q"
        return array(code, starts), array(code, lasts)
    size = len(text)
    return offsets((m.start() for m in _RUN_START.finditer(text)), size), offsets(
        (m.start() for m in _RUN_LAST.finditer(text)), size
    )


def matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern whose every match starts at one of `starts`
    (ascending offsets, such as `digit_runs` gives) and is not empty: the pattern is tried at each
    start that the last match found does not cover (its look-behinds still read the text before).
    ValueError for an empty match: the caller's pattern breaks the rule."""
    if native is not None:
        found: list[re.Match[str]] = native.matches_at(pattern.match, text, starts)
        return found
    found, following, match = [], 0, pattern.match
    for start in starts:
        if start < following:
            continue
        m = match(text, start)
        if m is None:
            continue
        if m.end() <= start:
            raise ValueError("matches_at: an empty match")
        found.append(m)
        following = m.end()
    return found
