"""Invisible characters that damage the copy: zero-width spaces, joiners and word joiners
inside Latin words or beside spaces and punctuation, soft hyphens, byte-order marks after the
start, and direction marks and controls in lines with no right-to-left text (`reg\\u00adime` is
the word "regime"; deleting them is certain).

Invisible characters that a script needs are not damage, judged from the Unicode properties of
the characters around them (`is_needed`), never from a list of examples: they are left in the
text and in the reading, and not reported.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any, NamedTuple

from newslint.document import Document
from newslint.reading import Repair
from newslint.span import LineIndex, Span

SOFT_HYPHEN = "\u00ad"
JOINERS = "\u200c\u200d"  # zero-width non-joiner, zero-width joiner
ZWJ = "\u200d"
SPACING = "\u200b\u2060\ufeff"  # zero-width space, word joiner, byte-order mark inside the text
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile(f"[{SOFT_HYPHEN}{JOINERS}{SPACING}{BIDI}]")
_ANY_INVISIBLE = frozenset(SOFT_HYPHEN + JOINERS + SPACING + BIDI)
_INVISIBLES = tuple(SOFT_HYPHEN + JOINERS + SPACING + BIDI)

_LOOK = 8  # how far past marks and other invisible characters a neighbour is looked for


class _Properties(NamedTuple):
    """Unicode properties that say a neighbour's script needs the character (`regex` knows
    them), compiled when a story first holds an invisible character: importing `regex` costs
    every start-up about 10 ms (measured), and most stories hold none."""

    emoji_before_joiner: Any
    pictograph: Any
    joining: Any  # cursive scripts (Arabic, Persian, Urdu, Syriac, N'Ko, Mongolian ...): letters that join
    indic: Any  # Brahmic scripts (Devanagari, Bengali, Sinhala, Malayalam ...): any letter, sign or virama
    unspaced: Any  # scripts written without spaces between words (Thai, Lao, Khmer, Myanmar; CJK)
    transparent: Any


@cache
def _properties() -> _Properties:
    import regex

    return _Properties(
        emoji_before_joiner=regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\U000e007f]"),
        pictograph=regex.compile(r"\p{Extended_Pictographic}"),
        joining=regex.compile(
            r"[\p{Joining_Type=Dual_Joining}\p{Joining_Type=Right_Joining}"
            r"\p{Joining_Type=Left_Joining}\p{Joining_Type=Join_Causing}]"
        ),
        indic=regex.compile(r"\P{Indic_Syllabic_Category=Other}"),
        unspaced=regex.compile(r"[\p{Line_Break=SA}\p{Line_Break=ID}\p{Line_Break=CJ}]"),
        transparent=regex.compile(r"\p{Joining_Type=Transparent}"),
    )


@lru_cache(maxsize=4096)
def _traits(ch: str) -> frozenset[str]:
    """What a neighbouring character says about its script: `shaped` (cursive or Brahmic:
    joiners choose its letters' shapes), `unspaced` (written without spaces between words)."""
    traits, props = set(), _properties()
    if ch and (props.joining.match(ch) or props.indic.match(ch)):
        traits.add("shaped")
    if ch and props.unspaced.match(ch):
        traits.add("unspaced")
    return frozenset(traits)


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The visible characters on either side of the invisible run [start, end); before it, a
    vowel sign or other mark that joining passes over stands for the letter it sits on."""
    i, low, props = start - 1, max(-1, start - 1 - _LOOK), _properties()
    while i > low and (
        text[i] in _ANY_INVISIBLE or props.transparent.match(text[i]) and not props.indic.match(text[i])
    ):
        i -= 1
    j, high = end, min(len(text), end + _LOOK)
    while j < high and text[j] in _ANY_INVISIBLE:
        j += 1
    if i == low and low >= 0 or j == high < len(text):
        return "", ""  # a long run of invisible characters is damage whatever surrounds it
    return (text[i] if i >= 0 else "", text[j] if j < len(text) else "")


def is_needed(text: str, at: int, right_to_left: Callable[[int], bool]) -> bool:
    """Whether the invisible character at `at` is part of the spelling or layout of the script
    around it, judged from the Unicode properties of its neighbours:
    - a zero-width joiner between emoji makes one emoji (🏳️‍🌈, 👩‍👩‍👧);
    - joiners and non-joiners beside the letters of a cursive script (Persian می‌خواهم) or of a
      Brahmic one (Hindi क्‍ष, Sinhala ක්‍ය) choose the letters' shapes;
    - a zero-width space or word joiner beside Thai, Khmer, Chinese or Japanese marks a word
      boundary where the script writes no space;
    - a direction mark or control is needed in a line that holds right-to-left text.
    A soft hyphen is only a hyphenation hint, needed by no script. `right_to_left(at)` tells
    whether the line at `at` holds right-to-left text."""
    ch = text[at]
    if ch == SOFT_HYPHEN:
        return False
    if ch in BIDI:
        return right_to_left(at)
    before, after = _neighbours(text, at, at + 1)
    if ch in JOINERS:
        props = _properties()
        if (
            ch == ZWJ
            and props.emoji_before_joiner.match(text[at - 1] if at else "")
            and props.pictograph.match(after)
        ):
            return True
        return "shaped" in _traits(before) | _traits(after)
    return "unspaced" in _traits(before) | _traits(after)


def right_to_left_lines(text: str, lines: LineIndex) -> Callable[[int], bool]:
    """Whether the line at an offset holds right-to-left letters (Hebrew, Arabic: bidirectional
    class R or AL), each line read once however many marks it holds."""
    known: dict[int, bool] = {}

    def test(at: int) -> bool:
        line = bisect.bisect_right(lines.starts, at)
        if line not in known:
            span = lines.line_span(line)
            part = text[span.start : span.end]
            known[line] = not part.isascii() and any(
                unicodedata.bidirectional(c) in ("R", "AL") for c in part
            )
        return known[line]

    return test


def find(doc: Document) -> Iterator[Repair]:
    text = doc.text
    if text.isascii() or not any(map(text.__contains__, _INVISIBLES)):
        # every invisible character is outside ASCII: settled without a scan; else one look for
        # each character (`str` skips those its text's width cannot hold: a one-byte text is read
        # for the soft hyphen alone), where the pattern's scan tested each character of the story
        return
    right_to_left = right_to_left_lines(text, doc.lines)
    for m in _INVISIBLE.finditer(text):
        span = Span(m.start(), m.end())
        if not doc.is_prose(span) and not doc.in_table(span):
            continue
        if is_needed(text, span.start, right_to_left):
            continue
        ch = m.group()
        label = unicodedata.name(ch, f"U+{ord(ch):04X}")
        yield Repair(span, "", "invisible", True, f"invisible character U+{ord(ch):04X} {label}")
